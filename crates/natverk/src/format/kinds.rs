//! The kinds of field values: how each is read from JSON (type level), the
//! rule it obeys (shared by the loader and [`crate::Inventory::new`]), and
//! how it is written.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::marker::PhantomData;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::MapAccess;
use serde::ser::Serializer;
use serde::Serialize;
use serde_json::value::RawValue;

use super::{DecimalBound, Declared, Kind, KindInfo};
use crate::finding::Code;
use crate::limits::{MAX_POPULATION, MAX_YEAR, MIN_YEAR};
use crate::load::json::{List, Obj, PairList};
use crate::model::{Population, Word};
use crate::money::{clip, parse_decimal};
use crate::present::messages as m;
use crate::present::{Arg, Found, Message};
use crate::validate::{IdSet, Rules, Validator};

// ---- reading scalars ---------------------------------------------------------

/// A JSON scalar, by its first byte.
pub(crate) enum Scalar<'a> {
    Str(Result<Cow<'a, str>, Message>),
    Num(&'a str),
    Bool(bool),
    Null,
    Array,
    Object,
}

impl Scalar<'_> {
    pub(crate) fn found(&self) -> Found {
        match self {
            Scalar::Str(Ok(s)) => Found::Str(clip(s)),
            Scalar::Str(Err(_)) => Found::Str(String::new()),
            Scalar::Num(n) => Found::Num(clip(n)),
            Scalar::Bool(b) => Found::Bool(*b),
            Scalar::Null => Found::Null,
            Scalar::Array => Found::Array,
            Scalar::Object => Found::Object,
        }
    }
}

pub(crate) fn classify(raw: &RawValue) -> Scalar<'_> {
    let t = raw.get();
    match t.as_bytes().first() {
        Some(b'"') => {
            let inner = &t[1..t.len() - 1];
            if inner.contains('\\') {
                Scalar::Str(unescape(t).map(Cow::Owned))
            } else {
                Scalar::Str(Ok(Cow::Borrowed(inner)))
            }
        }
        Some(b't') => Scalar::Bool(true),
        Some(b'f') => Scalar::Bool(false),
        Some(b'n') => Scalar::Null,
        Some(b'[') => Scalar::Array,
        Some(b'{') => Scalar::Object,
        _ => Scalar::Num(t),
    }
}

/// A JSON string with escapes, decoded. A lone surrogate escape (`\ud83d`
/// without its pair) is not a character: it is refused, never replaced.
fn unescape(quoted: &str) -> Result<String, Message> {
    serde_json::from_str::<String>(quoted).map_err(|_| {
        let escape = lone_surrogate(quoted).unwrap_or_else(|| clip(quoted));
        Message::new(&m::LONE_SURROGATE).with("escape", escape)
    })
}

/// The first `\uD800`–`\uDFFF` escape of a JSON string's text.
fn lone_surrogate(quoted: &str) -> Option<String> {
    let b = quoted.as_bytes();
    let mut i = 0;
    while i + 5 < b.len() {
        if b[i] == b'\\' {
            if b[i + 1] == b'u' {
                let hex = &quoted[i + 2..i + 6];
                if let Ok(u) = u16::from_str_radix(hex, 16) {
                    if (0xD800..=0xDFFF).contains(&u) {
                        return Some(format!("\\u{hex}"));
                    }
                }
                i += 6;
            } else {
                i += 2;
            }
        } else {
            i += 1;
        }
    }
    None
}

fn raw<'de, A: MapAccess<'de>>(map: &mut A) -> Result<&'de RawValue, A::Error> {
    map.next_value::<&'de RawValue>()
}

/// The value of a field whose value is a string: in the first, fast
/// reading of a file (`Validator::fast_strings`) through serde_json's own
/// paths ([`Fast`]), else as a raw value.
fn string_scalar<'de, A: MapAccess<'de>>(
    map: &mut A,
    v: &Validator,
) -> Result<Scalar<'de>, A::Error> {
    if v.fast_strings {
        map.next_value_seed(Fast)?.scalar()
    } else {
        Ok(classify(raw(map)?))
    }
}

/// A value of the first reading, read straight by serde_json ([`Fast`]).
pub(crate) enum FastValue<'de> {
    /// Borrowed from the file when it has no escape.
    Str(Cow<'de, str>),
    /// A whole number: its value says what its text says, since JSON
    /// writes a whole number one way only (`-0`, fractions and exponents
    /// come as floats).
    Int(i128),
    Bool(bool),
    Null,
}

impl<'de> FastValue<'de> {
    /// As the raw reading classifies it, for a field whose value is a
    /// string: a whole number goes to the raw reading (a finding quotes a
    /// number's exact text).
    fn scalar<E: serde::de::Error>(self) -> Result<Scalar<'de>, E> {
        match self {
            FastValue::Str(s) => Ok(Scalar::Str(Ok(s))),
            FastValue::Bool(b) => Ok(Scalar::Bool(b)),
            FastValue::Null => Ok(Scalar::Null),
            FastValue::Int(_) => Err(to_raw_reading()),
        }
    }
}

/// The first reading of a scalar: a string is scanned once and borrowed
/// from the file when it has no escape, where a raw value is scanned, then
/// classified, and passes serde_json's raw-value protocol (two comparisons
/// of a 30-byte token per value, calls to `memcmp` in WebAssembly).
/// Anything else — a float, a list, an object — and any string serde_json
/// refuses (a lone surrogate escape, which the raw reading reports as a
/// finding) ends the reading in an error; so does a value a field's kind
/// cannot take as the raw reading would. The loader then reads the file
/// again as raw values ([`crate::load`]), so the findings are always the
/// raw reading's.
pub(crate) struct Fast;

impl<'de> serde::de::DeserializeSeed<'de> for Fast {
    type Value = FastValue<'de>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<FastValue<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Fast {
    type Value = FastValue<'de>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string, a whole number, a boolean or null")
    }
    fn visit_borrowed_str<E: serde::de::Error>(self, s: &'de str) -> Result<FastValue<'de>, E> {
        Ok(FastValue::Str(Cow::Borrowed(s)))
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<FastValue<'de>, E> {
        Ok(FastValue::Str(Cow::Owned(s.to_owned())))
    }
    fn visit_string<E: serde::de::Error>(self, s: String) -> Result<FastValue<'de>, E> {
        Ok(FastValue::Str(Cow::Owned(s)))
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<FastValue<'de>, E> {
        Ok(FastValue::Int(i128::from(n)))
    }
    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<FastValue<'de>, E> {
        Ok(FastValue::Int(i128::from(n)))
    }
    fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<FastValue<'de>, E> {
        Ok(FastValue::Bool(b))
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<FastValue<'de>, E> {
        Ok(FastValue::Null)
    }
}

/// The error that ends the first reading (the raw reading follows).
fn to_raw_reading<E: serde::de::Error>() -> E {
    E::custom("a value for the raw reading")
}

impl Validator {
    /// A string; null is `None`; anything else a finding.
    pub(crate) fn read_str<'r>(&mut self, scalar: Scalar<'r>) -> Option<Cow<'r, str>> {
        match scalar {
            Scalar::Str(Ok(s)) => Some(s),
            Scalar::Str(Err(msg)) => {
                self.err(Code::InvalidValue, msg);
                None
            }
            Scalar::Null => None,
            other => {
                self.err(
                    Code::InvalidValue,
                    Message::new(&m::EXPECTED_STRING).arg("found", Arg::Found(other.found())),
                );
                None
            }
        }
    }
    pub(crate) fn read_decimal(&mut self, raw: &RawValue) -> Option<Decimal> {
        let text = match classify(raw) {
            Scalar::Num(t) => Cow::Borrowed(t),
            Scalar::Str(Ok(s)) => s,
            Scalar::Str(Err(msg)) => {
                self.err(Code::InvalidValue, msg);
                return None;
            }
            Scalar::Null => return None,
            other => {
                self.err(
                    Code::InvalidValue,
                    Message::new(&m::EXPECTED_DECIMAL).arg("found", Arg::Found(other.found())),
                );
                return None;
            }
        };
        match parse_decimal(&text) {
            Ok(d) => Some(d),
            Err(msg) => {
                self.err(Code::InvalidValue, msg);
                None
            }
        }
    }
    /// A whole number in `min..=max` (read from its text, so any size gives
    /// a finding rather than an overflow).
    pub(crate) fn read_integer(&mut self, raw: &RawValue, min: i64, max: i64) -> Option<i64> {
        let text = match classify(raw) {
            Scalar::Num(t) => t,
            Scalar::Null => return None,
            other => {
                self.err(
                    Code::InvalidValue,
                    Message::new(&m::EXPECTED_INTEGER).arg("found", Arg::Found(other.found())),
                );
                return None;
            }
        };
        let digits = text.strip_prefix('-').unwrap_or(text);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            self.err(
                Code::InvalidValue,
                Message::new(&m::EXPECTED_INTEGER_TEXT).with("found", clip(text)),
            );
            return None;
        }
        match text.parse::<i64>() {
            Ok(v) if (min..=max).contains(&v) => Some(v),
            _ => {
                self.out_of_range(&clip(text), min, max);
                None
            }
        }
    }
    pub(crate) fn out_of_range(&mut self, value: &str, min: i64, max: i64) {
        self.err(
            Code::InvalidValue,
            Message::new(&m::OUT_OF_RANGE)
                .with("value", value)
                .with("min", min)
                .with("max", max),
        );
    }
    fn in_range(&mut self, value: i64, min: i64, max: i64) -> bool {
        if (min..=max).contains(&value) {
            true
        } else {
            self.out_of_range(&value.to_string(), min, max);
            false
        }
    }
}

/// Reads a scalar kind: the raw value, parsed, then its rule.
macro_rules! scalar_read {
    () => {
        fn read<'de, A: MapAccess<'de>>(
            map: &mut A,
            v: &mut Validator,
        ) -> Result<Option<Self::Value>, A::Error> {
            let r = raw(map)?;
            Ok(Self::parse(r, v).filter(|x| Self::check(x, v) || v.keep_invalid))
        }
    };
    // A kind whose value is a string: its `parse` takes the scalar.
    (str) => {
        fn read<'de, A: MapAccess<'de>>(
            map: &mut A,
            v: &mut Validator,
        ) -> Result<Option<Self::Value>, A::Error> {
            let s = string_scalar(map, v)?;
            Ok(Self::parse(s, v).filter(|x| Self::check(x, v) || v.keep_invalid))
        }
    };
}

// ---- strings -------------------------------------------------------------------

/// Any string.
pub(crate) struct Str;

impl Str {
    fn parse(s: Scalar<'_>, v: &mut Validator) -> Option<String> {
        v.read_str(s).map(Cow::into_owned)
    }
}

impl Kind for Str {
    type Value = String;
    const INFO: KindInfo = KindInfo::Str;
    scalar_read!(str);
    fn check(_: &String, _: &mut Validator) -> bool {
        true
    }
    fn ser<S: Serializer>(value: &String, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(value)
    }
}

/// A string that is not empty (nor only spaces).
pub(crate) struct Text;

fn not_empty(value: &str, v: &mut Validator) -> bool {
    if value.trim().is_empty() {
        v.err(Code::InvalidValue, Message::new(&m::NOT_EMPTY));
        false
    } else {
        true
    }
}

impl Kind for Text {
    type Value = String;
    const INFO: KindInfo = KindInfo::Text;
    scalar_read!(str);
    fn check(value: &String, v: &mut Validator) -> bool {
        not_empty(value, v)
    }
    fn ser<S: Serializer>(value: &String, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(value)
    }
}

impl Text {
    fn parse(s: Scalar<'_>, v: &mut Validator) -> Option<String> {
        Str::parse(s, v)
    }
}

/// An id, unique in its list.
pub(crate) struct Id<const SET: u8>;

impl<const SET: u8> Id<SET> {
    fn parse(s: Scalar<'_>, v: &mut Validator) -> Option<String> {
        Str::parse(s, v)
    }
}

impl<const SET: u8> Kind for Id<SET> {
    type Value = String;
    const INFO: KindInfo = KindInfo::Id;
    scalar_read!(str);
    fn check(value: &String, v: &mut Validator) -> bool {
        not_empty(value, v) && v.register_id(IdSet::from_u8(SET), value)
    }
    fn ser<S: Serializer>(value: &String, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(value)
    }
}

/// A reference to an id of another list.
pub(crate) struct Ref<const SET: u8>;

impl<const SET: u8> Ref<SET> {
    fn parse(s: Scalar<'_>, v: &mut Validator) -> Option<String> {
        Str::parse(s, v)
    }
}

impl<const SET: u8> Kind for Ref<SET> {
    type Value = String;
    const INFO: KindInfo = KindInfo::Ref(IdSet::from_u8(SET).list());
    scalar_read!(str);
    fn check(value: &String, v: &mut Validator) -> bool {
        if !not_empty(value, v) {
            return false;
        }
        v.reference(IdSet::from_u8(SET), value);
        true
    }
    fn ser<S: Serializer>(value: &String, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(value)
    }
}

/// An ISO 4217 currency code.
pub(crate) struct Currency;

fn currency_ok(value: &str, v: &mut Validator) -> bool {
    if value.len() == 3 && value.bytes().all(|b| b.is_ascii_uppercase()) {
        true
    } else {
        v.err(
            Code::InvalidValue,
            Message::new(&m::INVALID_CURRENCY).with("value", clip(value)),
        );
        false
    }
}

impl Currency {
    fn parse(s: Scalar<'_>, v: &mut Validator) -> Option<String> {
        Str::parse(s, v)
    }
}

impl Kind for Currency {
    type Value = String;
    const INFO: KindInfo = KindInfo::Currency;
    scalar_read!(str);
    fn check(value: &String, v: &mut Validator) -> bool {
        currency_ok(value, v)
    }
    fn ser<S: Serializer>(value: &String, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(value)
    }
}

/// The currency of an exchange rate: remembered, since it must not be the
/// organisation's.
pub(crate) struct RateCurrency;

impl RateCurrency {
    fn parse(s: Scalar<'_>, v: &mut Validator) -> Option<String> {
        Str::parse(s, v)
    }
}

impl Kind for RateCurrency {
    type Value = String;
    const INFO: KindInfo = KindInfo::Currency;
    scalar_read!(str);
    fn check(value: &String, v: &mut Validator) -> bool {
        if !currency_ok(value, v) {
            return false;
        }
        let here = v.here();
        v.rate_currencies.push((value.clone(), here));
        true
    }
    fn ser<S: Serializer>(value: &String, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(value)
    }
}

// ---- numbers, dates, words ---------------------------------------------------------

/// A decimal within a bound.
pub(crate) struct Dec<const BOUND: u8>;

pub(crate) const NON_NEGATIVE: u8 = 1;
pub(crate) const POSITIVE: u8 = 2;
pub(crate) const SHARE: u8 = 3;
pub(crate) const PROBABILITY: u8 = 4;

impl<const BOUND: u8> Dec<BOUND> {
    fn parse(r: &RawValue, v: &mut Validator) -> Option<Decimal> {
        v.read_decimal(r)
    }
}

impl<const BOUND: u8> Kind for Dec<BOUND> {
    type Value = Decimal;
    const INFO: KindInfo = KindInfo::Decimal(match BOUND {
        NON_NEGATIVE => DecimalBound::NonNegative,
        POSITIVE => DecimalBound::Positive,
        SHARE => DecimalBound::Share,
        PROBABILITY => DecimalBound::Probability,
        _ => DecimalBound::Any,
    });
    fn read<'de, A: MapAccess<'de>>(
        map: &mut A,
        v: &mut Validator,
    ) -> Result<Option<Decimal>, A::Error> {
        let d = if v.fast_strings {
            // As `read_decimal` reads a string or a number's text.
            match map.next_value_seed(Fast)? {
                FastValue::Str(s) => match parse_decimal(&s) {
                    Ok(d) => Some(d),
                    Err(msg) => {
                        v.err(Code::InvalidValue, msg);
                        None
                    }
                },
                // At most 64 bits: always a decimal, of scale 0.
                FastValue::Int(n) => Some(Decimal::from_i128_with_scale(n, 0)),
                FastValue::Null => None,
                FastValue::Bool(_) => return Err(to_raw_reading()),
            }
        } else {
            Self::parse(raw(map)?, v)
        };
        Ok(d.filter(|d| Self::check(d, v) || v.keep_invalid))
    }
    fn check(d: &Decimal, v: &mut Validator) -> bool {
        let d = *d;
        let bad = match BOUND {
            NON_NEGATIVE if d.is_sign_negative() && !d.is_zero() => &m::NEGATIVE,
            POSITIVE if d <= Decimal::ZERO => &m::RATE_POSITIVE,
            SHARE if d <= Decimal::ZERO || d > Decimal::ONE => &m::SHARE_RANGE,
            PROBABILITY if d < Decimal::ZERO || d > Decimal::ONE => &m::PROBABILITY_RANGE,
            _ => return true,
        };
        v.err(Code::InvalidValue, Message::new(bad).with("value", d));
        false
    }
    fn ser<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(value)
    }
}

/// A whole number of type `T` from `MIN` to `MAX`.
pub(crate) struct Int<T, const MIN: i64, const MAX: i64>(PhantomData<T>);

impl<T, const MIN: i64, const MAX: i64> Int<T, MIN, MAX>
where
    T: Copy + TryFrom<i64>,
    i64: TryFrom<T>,
{
    fn parse(r: &RawValue, v: &mut Validator) -> Option<T> {
        // The format's range is within the type's, so a value in range
        // always converts. Keeping invalid values, any the type holds is
        // read (the rule, `check`, then judges it).
        let (lo, hi) = if v.keep_invalid {
            (i64::MIN, i64::MAX)
        } else {
            (MIN, MAX)
        };
        let value = v.read_integer(r, lo, hi)?;
        match T::try_from(value) {
            Ok(x) => Some(x),
            Err(_) => {
                v.out_of_range(&value.to_string(), MIN, MAX);
                None
            }
        }
    }
}

impl<T, const MIN: i64, const MAX: i64> Kind for Int<T, MIN, MAX>
where
    T: Copy + TryFrom<i64> + Serialize,
    i64: TryFrom<T>,
{
    type Value = T;
    const INFO: KindInfo = KindInfo::Integer(MIN, MAX);
    fn read<'de, A: MapAccess<'de>>(map: &mut A, v: &mut Validator) -> Result<Option<T>, A::Error> {
        if !v.fast_strings {
            let r = raw(map)?;
            return Ok(Self::parse(r, v).filter(|x| Self::check(x, v) || v.keep_invalid));
        }
        // A whole number in range; anything that makes a finding (a
        // string, a number out of range, whose text the finding quotes)
        // goes to the raw reading.
        match map.next_value_seed(Fast)? {
            FastValue::Null => Ok(None),
            FastValue::Int(n) if (i128::from(MIN)..=i128::from(MAX)).contains(&n) => {
                match <i64 as TryFrom<i128>>::try_from(n)
                    .ok()
                    .and_then(|n| T::try_from(n).ok())
                {
                    Some(x) => Ok(Some(x).filter(|x| Self::check(x, v) || v.keep_invalid)),
                    None => Err(to_raw_reading()),
                }
            }
            _ => Err(to_raw_reading()),
        }
    }
    fn check(value: &T, v: &mut Validator) -> bool {
        match i64::try_from(*value) {
            Ok(x) => v.in_range(x, MIN, MAX),
            Err(_) => {
                v.out_of_range("?", MIN, MAX);
                false
            }
        }
    }
    fn ser<S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
        value.serialize(s)
    }
}

/// A year, 1 to 9999.
pub(crate) type Year = Int<i32, { MIN_YEAR as i64 }, { MAX_YEAR as i64 }>;

/// A date, `YYYY-MM-DD`.
pub(crate) struct Date;

impl Date {
    fn parse(s: Scalar<'_>, v: &mut Validator) -> Option<NaiveDate> {
        let s = v.read_str(s)?;
        match crate::parse_date(&s) {
            Some(d) => Some(d),
            None => {
                v.err(
                    Code::InvalidValue,
                    Message::new(&m::INVALID_DATE).with("value", clip(&s)),
                );
                None
            }
        }
    }
}

impl Kind for Date {
    type Value = NaiveDate;
    const INFO: KindInfo = KindInfo::Date;
    scalar_read!(str);
    fn check(d: &NaiveDate, v: &mut Validator) -> bool {
        // Dates are four-digit years, as the format writes them.
        use chrono::Datelike;
        if (MIN_YEAR..=MAX_YEAR).contains(&d.year()) {
            true
        } else {
            v.err(
                Code::InvalidValue,
                Message::new(&m::INVALID_DATE).with("value", d),
            );
            false
        }
    }
    fn ser<S: Serializer>(value: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&value.format("%Y-%m-%d"))
    }
}

/// `true` or `false`.
pub(crate) struct Bool;

impl Bool {
    fn parse(r: &RawValue, v: &mut Validator) -> Option<bool> {
        match classify(r) {
            Scalar::Bool(b) => Some(b),
            Scalar::Null => None,
            other => {
                v.err(
                    Code::InvalidValue,
                    Message::new(&m::EXPECTED_BOOL).arg("found", Arg::Found(other.found())),
                );
                None
            }
        }
    }
}

impl Kind for Bool {
    type Value = bool;
    const INFO: KindInfo = KindInfo::Bool;
    scalar_read!();
    fn check(_: &bool, _: &mut Validator) -> bool {
        true
    }
    fn ser<S: Serializer>(value: &bool, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(*value)
    }
}

/// One of the words of an enum.
pub(crate) struct WordOf<E>(PhantomData<E>);

impl<E: Word> WordOf<E> {
    fn parse(s: Scalar<'_>, v: &mut Validator) -> Option<E> {
        let s = v.read_str(s)?;
        match E::parse_word(&s) {
            Some(e) => Some(e),
            None => {
                v.err(Code::InvalidValue, E::unknown(&s));
                None
            }
        }
    }
}

impl<E: Word> Kind for WordOf<E> {
    type Value = E;
    const INFO: KindInfo = KindInfo::Word(E::WORDS);
    scalar_read!(str);
    fn check(_: &E, _: &mut Validator) -> bool {
        true
    }
    fn ser<S: Serializer>(value: &E, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(value.as_str())
    }
}

// ---- the population ------------------------------------------------------------

/// A population: a whole number, or years mapped to whole numbers.
pub(crate) struct PopulationKind;

const POP_MAX: i64 = MAX_POPULATION as i64;

impl PopulationKind {
    fn parse(r: &RawValue, v: &mut Validator) -> Option<Population> {
        match classify(r) {
            Scalar::Num(_) => v
                .read_integer(r, 0, POP_MAX)
                .map(|p| Population::Constant(p as u64)),
            Scalar::Null => None,
            Scalar::Object => {
                let pairs: Vec<(Cow<'_, str>, &RawValue)> =
                    serde_json::from_str::<PairList<'_>>(r.get())
                        .map(|p| p.0)
                        .unwrap_or_default();
                let start = v.count();
                let mut years = BTreeMap::new();
                for (key, value) in pairs {
                    v.push_owned_key(&key);
                    let year = match key.parse::<i32>() {
                        Ok(y) if (MIN_YEAR..=MAX_YEAR).contains(&y) && key.len() == 4 => Some(y),
                        _ => {
                            v.err(
                                Code::InvalidValue,
                                Message::new(&m::NOT_A_YEAR).with("key", clip(&key)),
                            );
                            None
                        }
                    };
                    let pop = v.read_integer(value, 0, POP_MAX);
                    if let (Some(y), Some(p)) = (year, pop) {
                        if years.insert(y, p as u64).is_some() {
                            v.err(
                                Code::DuplicateKey,
                                Message::new(&m::YEAR_TWICE).with("year", y),
                            );
                        }
                    }
                    v.pop();
                }
                if years.is_empty() && !v.errors_since(start) {
                    v.err(Code::InvalidValue, Message::new(&m::POPULATION_EMPTY));
                }
                Some(Population::ByYear(years))
            }
            other => {
                v.err(
                    Code::InvalidValue,
                    Message::new(&m::EXPECTED_POPULATION).arg("found", Arg::Found(other.found())),
                );
                None
            }
        }
    }
}

impl Kind for PopulationKind {
    type Value = Population;
    const INFO: KindInfo = KindInfo::Population;
    fn read<'de, A: MapAccess<'de>>(
        map: &mut A,
        v: &mut Validator,
    ) -> Result<Option<Population>, A::Error> {
        // The loader checks each entry as it reads it.
        let r = raw(map)?;
        Ok(Self::parse(r, v))
    }
    fn check(p: &Population, v: &mut Validator) -> bool {
        let start = v.count();
        match p {
            Population::Constant(n) => {
                if *n > MAX_POPULATION {
                    v.out_of_range(&n.to_string(), 0, POP_MAX);
                }
            }
            Population::ByYear(years) => {
                for (y, n) in years {
                    v.push_owned_key(&format!("{y:04}"));
                    if !(MIN_YEAR..=MAX_YEAR).contains(y) {
                        v.err(
                            Code::InvalidValue,
                            Message::new(&m::NOT_A_YEAR).with("key", format!("{y:04}")),
                        );
                    }
                    if *n > MAX_POPULATION {
                        v.out_of_range(&n.to_string(), 0, POP_MAX);
                    }
                    v.pop();
                }
                if years.is_empty() {
                    v.err(Code::InvalidValue, Message::new(&m::POPULATION_EMPTY));
                }
            }
        }
        !v.errors_since(start)
    }
    fn ser<S: Serializer>(p: &Population, s: S) -> Result<S::Ok, S::Error> {
        match p {
            Population::Constant(n) => s.serialize_u64(*n),
            Population::ByYear(years) => {
                use serde::ser::SerializeMap;
                let mut m = s.serialize_map(Some(years.len()))?;
                for (y, n) in years {
                    // Four digits, as the loader reads them (year 1 is "0001").
                    m.serialize_entry(&format!("{y:04}"), n)?;
                }
                m.end()
            }
        }
    }
}

// ---- subjects --------------------------------------------------------------------

/// A list of non-empty, distinct subjects.
pub(crate) struct Subjects;

/// Remembers the subjects kept so far, to find one given twice: a short
/// list is searched, a long one hashed (a crafted file may list many).
#[derive(Default)]
struct Distinct {
    set: Option<HashSet<String>>,
}

impl Distinct {
    /// Whether `s` is new among `kept`.
    fn is_new(&mut self, s: &str, kept: &[String]) -> bool {
        const SHORT: usize = 16;
        if kept.len() < SHORT {
            return !kept.iter().any(|k| k == s);
        }
        let set = self
            .set
            .get_or_insert_with(|| kept.iter().cloned().collect());
        set.insert(s.to_string())
    }
}

fn subject_ok(s: &str, kept: &[String], distinct: &mut Distinct, v: &mut Validator) -> bool {
    if s.trim().is_empty() {
        v.err(Code::InvalidValue, Message::new(&m::EMPTY_SUBJECT));
        false
    } else if !distinct.is_new(s, kept) {
        v.err(
            Code::InvalidValue,
            Message::new(&m::SUBJECT_TWICE).with("value", clip(s)),
        );
        false
    } else {
        true
    }
}

/// Reads a list of subjects as the loader streams it.
struct SubjectsSeed<'v>(&'v mut Validator);

impl<'de> serde::de::DeserializeSeed<'de> for SubjectsSeed<'_> {
    type Value = Vec<String>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Vec<String>, D::Error> {
        d.deserialize_any(self)
    }
}

impl SubjectsSeed<'_> {
    fn wrong(self, found: Found) -> Vec<String> {
        self.0.err(
            Code::InvalidValue,
            Message::new(&m::EXPECTED_SUBJECTS).arg("found", Arg::Found(found)),
        );
        Vec::new()
    }
}

impl<'de> serde::de::Visitor<'de> for SubjectsSeed<'_> {
    type Value = Vec<String>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of subjects")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let v = self.0;
        // Most networks have 0 to 3 subjects: no allocation for none, and
        // the list is made exact at the end.
        let mut out: Vec<String> = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        let mut distinct = Distinct::default();
        let mut i = 0;
        loop {
            let item = if v.fast_strings {
                seq.next_element_seed(Fast)?
                    .map(FastValue::scalar)
                    .transpose()?
            } else {
                seq.next_element::<&'de RawValue>()?.map(classify)
            };
            let Some(item) = item else { break };
            v.push_index(i);
            let is_null = matches!(item, Scalar::Null);
            if let Some(s) = v.read_str(item) {
                if subject_ok(&s, &out, &mut distinct, v) {
                    out.push(s.into_owned());
                }
            } else if is_null {
                v.err(Code::InvalidValue, Message::new(&m::SUBJECT_NULL));
            }
            v.pop();
            i += 1;
        }
        if out.capacity() > out.len() {
            out.shrink_to_fit();
        }
        Ok(out)
    }
}

impl Kind for Subjects {
    type Value = Vec<String>;
    const INFO: KindInfo = KindInfo::Strings;
    fn read<'de, A: MapAccess<'de>>(
        map: &mut A,
        v: &mut Validator,
    ) -> Result<Option<Vec<String>>, A::Error> {
        // Read as raw text first, so a number that is not a list is
        // quoted as written (no float formatting) and only a list is parsed.
        let raw: &'de RawValue = map.next_value()?;
        match classify(raw) {
            Scalar::Array => {
                let mut de = serde_json::Deserializer::from_str(raw.get());
                serde::de::DeserializeSeed::deserialize(SubjectsSeed(v), &mut de)
                    .map(Some)
                    .map_err(serde::de::Error::custom)
            }
            Scalar::Null => Ok(Some(Vec::new())),
            other => Ok(Some(SubjectsSeed(v).wrong(other.found()))),
        }
    }
    fn check(items: &Vec<String>, v: &mut Validator) -> bool {
        let start = v.count();
        let mut distinct = Distinct::default();
        for (i, s) in items.iter().enumerate() {
            v.push_index(i);
            subject_ok(s, &items[..i], &mut distinct, v);
            v.pop();
        }
        !v.errors_since(start)
    }
    fn ser<S: Serializer>(items: &Vec<String>, s: S) -> Result<S::Ok, S::Error> {
        items.serialize(s)
    }
}

// ---- objects and lists of them -----------------------------------------------------

/// An object of a declared type.
pub(crate) struct ObjOf<T>(PhantomData<T>);

impl<T: Declared> Kind for ObjOf<T> {
    type Value = T;
    const INFO: KindInfo = KindInfo::Object(T::INFO.name);
    fn read<'de, A: MapAccess<'de>>(map: &mut A, v: &mut Validator) -> Result<Option<T>, A::Error> {
        map.next_value_seed(Obj::<T::Builder>::new(v))
    }
    fn check(value: &T, v: &mut Validator) -> bool {
        let start = v.count();
        value.walk(v);
        !v.errors_since(start)
    }
    fn ser<S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        value.ser_fields(&mut m)?;
        m.end()
    }
}

/// A list of objects of a declared type.
pub(crate) struct ListOf<T>(PhantomData<T>);

impl<T: Rules> Kind for ListOf<T> {
    type Value = Vec<T>;
    const INFO: KindInfo = KindInfo::List(T::INFO.name);
    fn read<'de, A: MapAccess<'de>>(
        map: &mut A,
        v: &mut Validator,
    ) -> Result<Option<Vec<T>>, A::Error> {
        let start = v.count();
        let (items, skipped) = map.next_value_seed(List::<T::Builder>::new(v, T::BYTES_EACH))?;
        if T::LIST_RULE {
            let clean = !v.errors_since(start);
            let refs: Vec<&T> = items.iter().collect();
            let at = skipped.positions(items.len());
            T::list_rule(&refs, &at, clean, v);
        }
        Ok(Some(items))
    }
    fn check(items: &Vec<T>, v: &mut Validator) -> bool {
        let start = v.count();
        crate::validate::walk_items(items, v);
        !v.errors_since(start)
    }
    fn ser<S: Serializer>(items: &Vec<T>, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut q = s.serialize_seq(Some(items.len()))?;
        for item in items {
            q.serialize_element(&super::ByKind::<ObjOf<T>>(item))?;
        }
        q.end()
    }
}
