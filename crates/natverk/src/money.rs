//! Money: exact decimals, the one rounding rule, parsing and formatting.
//!
//! Nothing else in the crate rounds. Arithmetic is checked: an overflow is a
//! value ([`Overflow`]) that callers turn into an `overflow` finding.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};

use crate::present::messages as m;
use crate::present::{Lang, Message};

/// An arithmetic result that does not fit the decimal type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a sum is too large for exact decimal arithmetic")]
pub struct Overflow;

/// Fewest decimals a rounded intermediate result must keep. The decimal
/// type holds 28 significant digits; a product, quotient or sum that needs
/// more is rounded in its last digit. That is harmless far below the cent,
/// but near the top of the range (a fee of 10^27 times a share of 28
/// decimals) it would change the cents: such a result, or one rounded onto
/// a half cent (where the rounding to cents could go either way), is an
/// [`Overflow`] (an `overflow` finding), never rounded silently (SPEC §4).
const GUARD_DECIMALS: u32 = 6;

/// A result `r` whose exact value needed `exact_scale` decimals: kept when
/// it is exact, or rounded far enough below the cent and not onto a half
/// cent.
#[inline]
fn kept(r: Decimal, exact_scale: u32) -> Result<Decimal, Overflow> {
    // (A zero result carries no scale.)
    if r.scale() >= exact_scale || r.is_zero() {
        return Ok(r);
    }
    inexact(r)
}

/// `r` may have been rounded: an overflow unless it keeps the guard
/// decimals and lies on no half cent. (Division is not here: the ledger
/// divides only by 12 and by a number of subjects, and does so on whole
/// cents with [`cents_over`] and [`div_round`], exactly.)
#[cold]
fn inexact(r: Decimal) -> Result<Decimal, Overflow> {
    let short = r.normalize();
    let on_half_cent = short.scale() == 3 && short.mantissa().abs() % 10 == 5;
    if r.scale() < GUARD_DECIMALS || on_half_cent {
        Err(Overflow)
    } else {
        Ok(r)
    }
}

/// Checked addition: an overflow when the sum does not fit, or must be
/// rounded near the cent (see `GUARD_DECIMALS`).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    let r = a.checked_add(b).ok_or(Overflow)?;
    kept(r, a.scale().max(b.scale()))
}
/// Checked subtraction, as [`add`].
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    let r = a.checked_sub(b).ok_or(Overflow)?;
    kept(r, a.scale().max(b.scale()))
}
/// Checked multiplication: an overflow when the product does not fit, or
/// must be rounded near the cent (see `GUARD_DECIMALS`).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    let r = a.checked_mul(b).ok_or(Overflow)?;
    kept(r, a.scale() + b.scale())
}
/// Checked addition of two-decimal figures that must stay exact: near the
/// top of the range (about 7.9e26 and up) the type keeps fewer than two
/// decimals and would drop cents (1.4e28 + 0.20 gives 1.4e28); that is an
/// overflow too. (Only for rounded figures: sums of unrounded amounts may
/// round in their 28th digit, as exact decimal arithmetic does.)
pub fn add_cents(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    let r = add(a, b)?;
    if r.checked_sub(a) == Some(b) {
        Ok(r)
    } else {
        Err(Overflow)
    }
}

/// The spec's rounding: two decimals, half away from zero, never `-0.00`.
pub fn round2(d: Decimal) -> Decimal {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    r
}

/// Formats a (rounded) amount with exactly two decimals: `65000.00`.
pub fn fmt2(d: Decimal) -> String {
    Two(d).to_string()
}

/// An amount written with exactly two decimals, rounded by the spec's rule,
/// without allocating: `Two(d).to_string() == fmt2(d)`; serialises as that
/// string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Two(pub Decimal);

impl Two {
    /// Appends the amount to `out` (the fast path of a report's JSON).
    pub(crate) fn write_to(&self, out: &mut String) {
        let mut buf = [0u8; 24];
        match self.digits(&mut buf) {
            Some(s) => out.push_str(s),
            None => {
                use std::fmt::Write;
                let _ = write!(out, "{self}");
            }
        }
    }

    /// The amount's text in `buf`, when it has at most two decimals and
    /// its cents fit a u64 (all but the top of the range).
    fn digits<'b>(&self, buf: &'b mut [u8; 24]) -> Option<&'b str> {
        let r = if self.0.scale() <= 2 {
            self.0
        } else {
            round2(self.0)
        };
        let scale = r.scale();
        if scale > 2 {
            return None;
        }
        let c = r.mantissa().checked_mul(10i128.pow(2 - scale))?;
        let c = u64::try_from(c.unsigned_abs()).ok()?;
        let mut i = buf.len();
        let mut put = |b: u8, i: &mut usize| {
            *i -= 1;
            buf[*i] = b;
        };
        put(b'0' + (c % 10) as u8, &mut i);
        put(b'0' + (c / 10 % 10) as u8, &mut i);
        put(b'.', &mut i);
        let mut int = c / 100;
        loop {
            put(b'0' + (int % 10) as u8, &mut i);
            int /= 10;
            if int == 0 {
                break;
            }
        }
        if r.is_sign_negative() && c != 0 {
            put(b'-', &mut i);
        }
        // Only ASCII digits, `.` and `-` were written.
        std::str::from_utf8(&buf[i..]).ok()
    }
}

impl std::fmt::Display for Two {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut buf = [0u8; 24];
        if let Some(s) = self.digits(&mut buf) {
            return f.write_str(s);
        }
        let r = round2(self.0);
        // Near the top of the range (about 7.9e26 and up) the type cannot
        // hold two decimal places and `rescale` stops short: pad the text.
        let mut r = r;
        r.rescale(2);
        let s = r.to_string();
        let decimals = s.find('.').map_or(0, |p| s.len() - p - 1);
        f.write_str(&s)?;
        if decimals == 0 {
            f.write_str(".")?;
        }
        for _ in decimals..2 {
            f.write_str("0")?;
        }
        Ok(())
    }
}

impl Serialize for Two {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Formats an amount for people: thousands grouped, two decimals.
/// Swedish: `65 000,00` (no-break space), English: `65,000.00`.
pub fn fmt_human(d: Decimal, lang: Lang) -> String {
    let s = fmt2(d);
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, "00"));
    let (group, point) = match lang {
        Lang::Sv => ('\u{a0}', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::with_capacity(s.len() + 8);
    if neg {
        out.push('-');
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(ch);
    }
    out.push(point);
    out.push_str(frac);
    out
}

/// Parses a decimal exactly from its text (SPEC §3): `65000`, `650.5`,
/// `-3`. No exponent, no thousands separators, no NaN. Errors say why.
///
/// # Errors
///
/// A [`Message`] saying what is wrong: an exponent, thousands separators or
/// a decimal comma, another shape, or more digits than the type holds.
///
/// # Example
///
/// ```
/// use natverk::money::parse_decimal;
/// assert_eq!(parse_decimal("650.50").unwrap().to_string(), "650.50");
/// assert!(parse_decimal("65 000").unwrap_err().contains("thousands separators"));
/// ```
pub fn parse_decimal(text: &str) -> Result<Decimal, Message> {
    let b = text.as_bytes();
    let digits = b.strip_prefix(b"-").unwrap_or(b);
    let (int, frac) = match digits.iter().position(|&c| c == b'.') {
        Some(p) => (&digits[..p], Some(&digits[p + 1..])),
        None => (digits, None),
    };
    let ok = !int.is_empty()
        && int.iter().all(u8::is_ascii_digit)
        && frac.is_none_or(|f| !f.is_empty() && f.iter().all(u8::is_ascii_digit));
    if !ok {
        let template = if text.contains(['e', 'E']) {
            &m::DECIMAL_EXPONENT
        } else if text.contains([' ', '\u{a0}', ',']) {
            &m::DECIMAL_SEPARATORS
        } else {
            &m::DECIMAL_SHAPE
        };
        return Err(Message::new(template).with("value", clip(text)));
    }
    // Most amounts have few digits: their mantissa fits a u64, read here
    // as rust_decimal reads it (the same digits and scale); a negative
    // zero keeps rust_decimal's own reading.
    let frac = frac.unwrap_or_default();
    if int.len() + frac.len() <= 18 {
        let mantissa = int
            .iter()
            .chain(frac)
            .fold(0u64, |m, &c| m * 10 + u64::from(c - b'0'));
        let negative = digits.len() != b.len();
        if !(negative && mantissa == 0) {
            let m = i128::from(mantissa);
            return Ok(Decimal::from_i128_with_scale(
                if negative { -m } else { m },
                frac.len() as u32,
            ));
        }
    }
    Decimal::from_str_exact(text)
        .map_err(|_| Message::new(&m::DECIMAL_DIGITS).with("value", clip(text)))
}

/// Shortens a long text for a message: at most
/// [`CLIP_CHARS`](crate::limits::CLIP_CHARS) characters, cut with `...`.
/// It looks at no more of the text than it keeps, so a value of many
/// megabytes costs no more than a short one.
pub fn clip(s: &str) -> String {
    let n = crate::limits::CLIP_CHARS;
    let mut it = s.char_indices();
    match it.nth(n) {
        None => s.to_string(),
        Some(_) => {
            let cut = s.char_indices().nth(n - 3).map_or(s.len(), |(i, _)| i);
            format!("{}...", &s[..cut])
        }
    }
}

/// A count for people: `1 234` (Swedish, no-break space) or `1,234`.
pub fn fmt_count(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let group = match lang {
        Lang::Sv => '\u{a0}',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(ch);
    }
    out
}

/// The six additive money fields of a network-year or a group of them, in
/// cents: every figure a report adds up is rounded to two decimals first,
/// so sums of cents are exact and cost two instructions. Gross, net and
/// expected net follow from them; [`Sums::money`] turns them back into
/// decimals, and a figure the decimal type cannot hold with its cents
/// (above about 7.9e26) is an overflow there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Sums {
    pub fees: i128,
    pub time: i128,
    pub travel: i128,
    pub other: i128,
    pub granted: i128,
    pub expected: i128,
}

/// A decimal rounded to two decimals, in cents.
pub(crate) fn cents(d: Decimal) -> Result<i128, Overflow> {
    let r = if d.scale() <= 2 { d } else { round2(d) };
    let scale = r.scale();
    if scale > 2 {
        // Only near the top of the range, where cents cannot be kept.
        return Err(Overflow);
    }
    r.mantissa()
        .checked_mul(10i128.pow(2 - scale))
        .ok_or(Overflow)
}

/// `n / d` rounded to cents, half away from zero, exactly: integer
/// arithmetic on the decimal's mantissa, no quotient rounded in its 28th
/// digit first (the ledger keeps parts of years as numerators over 12).
pub(crate) fn cents_over(n: Decimal, d: u32) -> Result<i128, Overflow> {
    if d == 1 {
        return cents(n);
    }
    let (m, s) = (n.mantissa(), n.scale());
    let d = i128::from(d);
    // n / d in cents = m × 100 / (d × 10^s)
    let (num, den) = if s <= 2 {
        (m.checked_mul(10i128.pow(2 - s)).ok_or(Overflow)?, d)
    } else {
        (m, d.checked_mul(10i128.pow(s - 2)).ok_or(Overflow)?)
    };
    Ok(div_round(num, den))
}

/// `a / b` (b > 0) rounded to a whole number, half away from zero.
pub(crate) fn div_round(a: i128, b: i128) -> i128 {
    let (q, r) = (a / b, a % b);
    // |r| ≥ b / 2, without overflow
    if r.unsigned_abs() >= b.unsigned_abs() - r.unsigned_abs() {
        q + a.signum()
    } else {
        q
    }
}

/// Cents as a decimal with two decimals; near the top of the range, where
/// the type holds fewer decimals, with as many as it holds, so long as no
/// cent is lost.
pub(crate) fn from_cents(c: i128) -> Result<Decimal, Overflow> {
    Decimal::try_from_i128_with_scale(c, 2)
        .or_else(|_| match c % 100 {
            0 => Decimal::try_from_i128_with_scale(c / 100, 0),
            r if r % 10 == 0 => Decimal::try_from_i128_with_scale(c / 10, 1),
            _ => Err(rust_decimal::Error::ExceedsMaximumPossibleValue),
        })
        .map_err(|_| Overflow)
}

impl Sums {
    fn zip(&self, o: &Sums, f: impl Fn(i128, i128) -> Option<i128>) -> Result<Sums, Overflow> {
        Ok(Sums {
            fees: f(self.fees, o.fees).ok_or(Overflow)?,
            time: f(self.time, o.time).ok_or(Overflow)?,
            travel: f(self.travel, o.travel).ok_or(Overflow)?,
            other: f(self.other, o.other).ok_or(Overflow)?,
            granted: f(self.granted, o.granted).ok_or(Overflow)?,
            expected: f(self.expected, o.expected).ok_or(Overflow)?,
        })
    }
    /// Field-wise sum.
    pub fn plus(&self, o: &Sums) -> Result<Sums, Overflow> {
        self.zip(o, i128::checked_add)
    }
    /// Field-wise difference.
    pub fn minus(&self, o: &Sums) -> Result<Sums, Overflow> {
        self.zip(o, i128::checked_sub)
    }
    /// fees + time + travel + other, in cents.
    pub fn gross(&self) -> Result<i128, Overflow> {
        self.fees
            .checked_add(self.time)
            .and_then(|g| g.checked_add(self.travel))
            .and_then(|g| g.checked_add(self.other))
            .ok_or(Overflow)
    }
    /// The nine figures; an overflow if one does not fit the decimal type
    /// with its cents.
    pub fn money(&self) -> Result<Money, Overflow> {
        let gross = self.gross()?;
        let net = gross.checked_sub(self.granted).ok_or(Overflow)?;
        let expected_net = net.checked_sub(self.expected).ok_or(Overflow)?;
        Ok(Money {
            fees: from_cents(self.fees)?,
            time: from_cents(self.time)?,
            travel: from_cents(self.travel)?,
            other: from_cents(self.other)?,
            gross: from_cents(gross)?,
            granted: from_cents(self.granted)?,
            expected: from_cents(self.expected)?,
            net: from_cents(net)?,
            expected_net: from_cents(expected_net)?,
        })
    }
}

/// The nine money fields of a report line, a total or savings (SPEC §5.1),
/// each rounded to two decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Money {
    /// Fees and memberships.
    pub fees: Decimal,
    /// Staff time: hours × hourly cost.
    pub time: Decimal,
    /// Travel.
    pub travel: Decimal,
    /// Other costs.
    pub other: Decimal,
    /// fees + time + travel + other.
    pub gross: Decimal,
    /// Financing granted.
    pub granted: Decimal,
    /// Financing expected or applied for, weighted by its probability.
    pub expected: Decimal,
    /// gross − granted.
    pub net: Decimal,
    /// net − expected.
    pub expected_net: Decimal,
}

impl Money {
    /// The nine fields in SPEC §5.1 order, with their names.
    pub fn fields(&self) -> [(&'static str, Decimal); 9] {
        let values = [
            self.fees,
            self.time,
            self.travel,
            self.other,
            self.gross,
            self.granted,
            self.expected,
            self.net,
            self.expected_net,
        ];
        std::array::from_fn(|i| (MONEY_FIELDS[i], values[i]))
    }
    /// The field named `name` (one of [`MONEY_FIELDS`]).
    pub fn get(&self, name: &str) -> Option<Decimal> {
        self.fields()
            .into_iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    }
}

/// The names of the nine money fields, in SPEC §5.1 order.
pub const MONEY_FIELDS: [&str; 9] = [
    "fees",
    "time",
    "travel",
    "other",
    "gross",
    "granted",
    "expected",
    "net",
    "expected_net",
];

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(9))?;
        for (k, v) in self.fields() {
            m.serialize_entry(k, &Two(v))?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// A decimal and its exact representation (digits, scale, sign).
    fn exact(x: Decimal) -> (Decimal, [u8; 16]) {
        (x, x.serialize())
    }

    #[test]
    fn cents_over_rounds_half_away_from_zero_exactly() {
        // 0.06 / 12 = 0.005, a half cent exactly: away from zero
        assert_eq!(cents_over(d("0.06"), 12), Ok(1));
        assert_eq!(cents_over(d("-0.06"), 12), Ok(-1));
        assert_eq!(cents_over(d("0.0599999999999999999999999999"), 12), Ok(0));
        // 7 × 3 500 = 24 500 / 12 = 2 041.666…
        assert_eq!(cents_over(d("24500"), 12), Ok(204_167));
        assert_eq!(cents_over(d("95182.5"), 12), Ok(793_188));
        assert_eq!(cents_over(d("1.005"), 1), Ok(101));
        assert_eq!(div_round(5, 2), 3);
        assert_eq!(div_round(-5, 2), -3);
        assert_eq!(div_round(4, 3), 1);
        assert_eq!(div_round(i128::MAX, 2), i128::MAX / 2 + 1);
    }

    proptest::proptest! {
        #[test]
        fn cents_over_twelve_is_the_rounded_quotient(m in -10i64.pow(15)..10i64.pow(15), s in 0u32..8) {
            let n = Decimal::new(m, s);
            let want = round2(n / Decimal::from(12));
            proptest::prop_assert_eq!(from_cents(cents_over(n, 12).unwrap()).unwrap(), want);
        }

        #[test]
        fn decimals_read_as_rust_decimal_reads_them(
            minus in proptest::bool::ANY,
            int in "[0-9]{1,30}",
            frac in proptest::option::of("[0-9]{1,30}"),
        ) {
            let text = format!(
                "{}{int}{}",
                if minus { "-" } else { "" },
                frac.map(|f| format!(".{f}")).unwrap_or_default()
            );
            let ours = parse_decimal(&text).map(exact).ok();
            let theirs = Decimal::from_str_exact(&text).map(exact).ok();
            proptest::prop_assert_eq!(ours, theirs, "{}", text);
        }
    }

    #[test]
    fn short_decimals_keep_their_scale_and_sign() {
        for text in [
            "0",
            "-0",
            "-0.00",
            "0.00",
            "007.50",
            "1.500",
            "-12.5",
            "999999999999999999",
            "99999999999999999.9",
            "0.000000000000000001",
            "18446744073709551615",
        ] {
            assert_eq!(
                parse_decimal(text).map(exact).ok(),
                Decimal::from_str_exact(text).map(exact).ok(),
                "{text}"
            );
        }
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(fmt2(d("0.005")), "0.01");
        assert_eq!(fmt2(d("0.015")), "0.02");
        assert_eq!(fmt2(d("-0.005")), "-0.01");
        assert_eq!(fmt2(d("2.675")), "2.68");
        assert_eq!(fmt2(d("-0.004")), "0.00");
        assert_eq!(fmt2(d("65000")), "65000.00");
    }

    #[test]
    fn parses_exactly() {
        assert_eq!(parse_decimal("650.50").unwrap().to_string(), "650.50");
        assert_eq!(parse_decimal("-3").unwrap(), d("-3"));
        for bad in [
            "1e3", "65 000", "NaN", "", ".5", "5.", "+5", "0x10", "1,5", "--1",
        ] {
            assert!(parse_decimal(bad).is_err(), "{bad}");
        }
        assert!(parse_decimal(&"9".repeat(40))
            .unwrap_err()
            .contains("too many digits"));
        assert_eq!(clip(&"x".repeat(41)).chars().count(), 40);
        assert_eq!(clip(&"é".repeat(40)), "é".repeat(40));
    }

    #[test]
    fn two_decimals_even_at_the_top_of_the_range() {
        let big = Decimal::from_str("1514680205173885369245368223").unwrap();
        assert_eq!(fmt2(big), "1514680205173885369245368223.00");
        let tenth = Decimal::from_str("151468020517388536924536822.3").unwrap();
        assert_eq!(fmt2(tenth), "151468020517388536924536822.30");
        assert_eq!(fmt2(Decimal::MAX), "79228162514264337593543950335.00");
        assert_eq!(fmt2(Decimal::from_str("-7.005").unwrap()), "-7.01");
        assert_eq!(fmt2(Decimal::from_str("-0.5").unwrap()), "-0.50");
        assert_eq!(fmt2(Decimal::from_str("12.3").unwrap()), "12.30");
        assert_eq!(
            fmt2(Decimal::from_str("-184467440737095516.16").unwrap()),
            "-184467440737095516.16"
        );
        assert_eq!(
            fmt2(Decimal::from_str("184467440737095516.17").unwrap()),
            "184467440737095516.17"
        );
    }

    #[test]
    fn formats_for_people() {
        assert_eq!(fmt_human(d("65000"), Lang::Sv), "65\u{a0}000,00");
        assert_eq!(fmt_human(d("1234567.891"), Lang::En), "1,234,567.89");
        assert_eq!(fmt_human(d("-999"), Lang::En), "-999.00");
        assert_eq!(fmt_human(d("-1000"), Lang::En), "-1,000.00");
    }
}
