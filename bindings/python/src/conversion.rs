//! Conversions at the boundary: Python arguments in, core values out.
//!
//! Money leaves the core as `decimal.Decimal` built here, in Rust (no JSON
//! round trip): each distinct amount is built once per call and shared, as
//! a `Decimal` is immutable and reports repeat amounts (`0.00` above all).

use std::collections::HashMap;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyType};
use rust_decimal::Decimal;

use natverk::KeyValue;
use natverk::Money;

use crate::errors;

/// The `today` of the checks: a strict `YYYY-MM-DD` text, or the machine's
/// date when absent. A bad date is an option error (`ArgumentError`).
pub(crate) fn today(text: Option<&str>) -> PyResult<NaiveDate> {
    match text {
        None => Ok(natverk::today()),
        Some(t) => natverk::parse_date(t).ok_or_else(|| {
            errors::argument(
                "options.today",
                &errors::messages::PY_TODAY,
                &[("value", t)],
            )
        }),
    }
}

/// A language word, `"sv"` or `"en"`; another is an `ArgumentError`.
pub(crate) fn lang(text: &str) -> PyResult<natverk::Lang> {
    text.parse().map_err(|_: natverk::present::ParseLangError| {
        errors::argument(
            "options.lang",
            &errors::messages::PY_LANG,
            &[("value", text)],
        )
    })
}

/// The core serialises to a `String` and writes an empty one only if
/// serialisation itself failed; that must not reach Python as data.
pub(crate) fn nonempty_json(text: String, what: &str) -> PyResult<String> {
    if text.is_empty() {
        Err(errors::internal(&format!("could not serialise the {what}")))
    } else {
        Ok(text)
    }
}

/// The nine money fields of a line, total or savings, in SPEC §5.1 order.
pub(crate) fn money_fields(m: &Money) -> PyResult<[(&'static str, Decimal); 9]> {
    Ok(m.fields())
}

/// Builds `decimal.Decimal`s with exactly two decimals (`Decimal('65000.00')`,
/// the text of the report's JSON), one object per distinct amount, from
/// their text (the fastest way into Python's `decimal`).
pub(crate) struct Decimals<'py> {
    py: Python<'py>,
    /// `decimal.Decimal`.
    class: Bound<'py, PyAny>,
    /// Recent amounts by the low bits of their cents (a direct-mapped
    /// cache: most amounts of a report are distinct, so a growing map
    /// costs more to fill than it saves; zeros and round sums repeat).
    slots: Vec<Option<(i128, Bound<'py, PyAny>)>>,
    /// The last amount asked for: a line's gross, net and expected net are
    /// often the same amount, asked for one after the other.
    last: Option<(i128, Bound<'py, PyAny>)>,
}

impl<'py> Decimals<'py> {
    pub(crate) fn new(py: Python<'py>) -> PyResult<Self> {
        Ok(Decimals {
            py,
            class: DECIMAL.import(py, "decimal", "Decimal")?.clone().into_any(),
            slots: vec![None; SLOTS],
            last: None,
        })
    }

    pub(crate) fn get(&mut self, d: Decimal) -> PyResult<Bound<'py, PyAny>> {
        // the core's money has two decimals already: no rescaling then
        let x = if d.scale() == 2 { d } else { two_places(d) };
        if x.scale() != 2 {
            return Ok(x.into_pyobject(self.py)?.into_any());
        }
        let cents = x.mantissa();
        if let Some((c, v)) = &self.last {
            if *c == cents {
                return Ok(v.clone());
            }
        }
        let slot = &mut self.slots[slot_of(cents)];
        let v = match slot {
            Some((c, v)) if *c == cents => v.clone(),
            _ => {
                let mut buf = [0u8; 48];
                let v = self.class.call1((cents_text(cents, &mut buf),))?;
                *slot = Some((cents, v.clone()));
                v
            }
        };
        self.last = Some((cents, v.clone()));
        Ok(v)
    }

    /// A dict of the nine money fields.
    pub(crate) fn money_dict(
        &mut self,
        keys: &MoneyKeys<'py>,
        m: &Money,
    ) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(self.py);
        for ((_, v), k) in money_fields(m)?.into_iter().zip(&keys.0) {
            d.set_item(k, self.get(v)?)?;
        }
        Ok(d)
    }
}

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Slots of the amount cache (a power of two).
const SLOTS: usize = 4096;

/// The slot of an amount: its cents folded (amounts of whole crowns differ
/// in their hundreds, so the bits above the cents count too).
fn slot_of(cents: i128) -> usize {
    let x = cents as u64 ^ ((cents >> 64) as u64);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize & (SLOTS - 1)
}

/// The text of an amount in cents, `-1234.50`, written into `buf` (an
/// `i128` has at most 39 digits; with a sign, a point and a leading zero
/// that is 42 bytes).
fn cents_text(cents: i128, buf: &mut [u8; 48]) -> &str {
    let mut i = buf.len();
    let mut digits = 0;
    let mut put = |d: u8, i: &mut usize, digits: &mut u32| {
        if *digits == 2 {
            *i -= 1;
            buf[*i] = b'.';
        }
        *i -= 1;
        buf[*i] = b'0' + d;
        *digits += 1;
    };
    let wide = cents.unsigned_abs();
    // `u128` division is a library call: every amount below 2^64 cents
    // (all but absurd ones) is written with `u64` arithmetic.
    match u64::try_from(wide) {
        Ok(mut n) => {
            while n > 0 || digits < 3 {
                put((n % 10) as u8, &mut i, &mut digits);
                n /= 10;
            }
        }
        Err(_) => {
            let mut n = wide;
            while n > 0 || digits < 3 {
                put((n % 10) as u8, &mut i, &mut digits);
                n /= 10;
            }
        }
    }
    if cents < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    // only ASCII digits, '.' and '-' were written
    std::str::from_utf8(&buf[i..]).unwrap_or("0.00")
}

/// `d` with exactly two decimals (money is rounded to two by the core, so
/// only trailing zeros are added), and never `-0.00` (as `money::fmt2`).
pub(crate) fn two_places(d: Decimal) -> Decimal {
    let mut x = d;
    x.rescale(2);
    if x.is_zero() {
        x.set_sign_positive(true);
    }
    x
}

/// The amount in cents (`i128`, as Arrow's `decimal128(38, 2)` stores it).
pub(crate) fn cents(d: Decimal) -> PyResult<i128> {
    let x = two_places(d);
    if x.scale() == 2 {
        Ok(x.mantissa())
    } else {
        Err(errors::internal("an amount does not fit two decimals"))
    }
}

/// The amount as the nearest binary float, for `money="float"` (plots):
/// the same value as Python's `float(Decimal(...))`.
pub(crate) fn to_float(d: Decimal) -> PyResult<f64> {
    const EXACT: i128 = 1 << 53;
    let c = cents(d)?;
    if -EXACT < c && c < EXACT {
        // Both operands are exact binary floats, so the one IEEE division
        // rounds correctly: the nearest float to c / 100.
        #[allow(clippy::float_arithmetic, clippy::cast_precision_loss)]
        let f = c as f64 / 100.0;
        Ok(f)
    } else {
        natverk::money::fmt2(d)
            .parse::<f64>()
            .map_err(|_| errors::internal("an amount cannot be written as a float"))
    }
}

/// The nine money field names as Python strings, made once per call.
pub(crate) struct MoneyKeys<'py>(pub(crate) Vec<Bound<'py, PyString>>);

impl<'py> MoneyKeys<'py> {
    pub(crate) fn new(py: Python<'py>) -> Self {
        MoneyKeys(
            natverk::money::MONEY_FIELDS
                .iter()
                .map(|k| PyString::intern(py, k))
                .collect(),
        )
    }
}

/// Texts of a report's key columns as Python strings; texts that repeat
/// (subjects, organisers, units, words) are built once.
pub(crate) struct Texts<'py> {
    py: Python<'py>,
    cache: HashMap<String, Bound<'py, PyString>>,
}

impl<'py> Texts<'py> {
    pub(crate) fn new(py: Python<'py>) -> Self {
        Texts {
            py,
            cache: HashMap::new(),
        }
    }

    /// A text that may repeat.
    pub(crate) fn shared(&mut self, s: &str) -> Bound<'py, PyString> {
        if let Some(v) = self.cache.get(s) {
            return v.clone();
        }
        let v = PyString::new(self.py, s);
        self.cache.insert(s.to_string(), v.clone());
        v
    }

    /// A key value: `int` for a year, `str`, or `None` (no value).
    pub(crate) fn key(&mut self, v: &KeyValue, unique: bool) -> PyResult<Bound<'py, PyAny>> {
        Ok(match v {
            KeyValue::Year(y) => y.into_pyobject(self.py)?.into_any(),
            KeyValue::Text(t) if unique => PyString::new(self.py, t).into_any(),
            KeyValue::Text(t) => self.shared(t).into_any(),
            _ => self.py.None().into_bound(self.py),
        })
    }
}

/// A Python value as a cell of a sheet (`Inventory.from_tables`): `None`
/// is empty, as is a float NaN; an integral float is a whole number (a
/// column of integers with empty cells is `float64` in pandas); any other
/// float is the decimal of its shortest text; a midnight `datetime` is its
/// date. A value of no such type is its text, which the core's reader
/// judges by its column and reports at its cell.
pub(crate) fn cell(v: &Bound<'_, PyAny>) -> PyResult<natverk::tables::SheetCell> {
    use natverk::tables::SheetCell as Cell;
    use pyo3::types::{PyBool, PyFloat, PyInt};
    if v.is_none() {
        return Ok(Cell::Empty);
    }
    if let Ok(b) = v.cast::<PyBool>() {
        return Ok(Cell::Bool(b.is_true()));
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Cell::Text(s.to_cow()?.into_owned()));
    }
    if v.is_instance_of::<PyInt>() {
        return Ok(match v.extract::<i64>() {
            Ok(i) => Cell::Int(i),
            Err(_) => Cell::Text(v.str()?.to_string()),
        });
    }
    if let Ok(f) = v.cast::<PyFloat>() {
        let x = f.value();
        if x.is_nan() {
            return Ok(Cell::Empty);
        }
        if x.fract() == 0.0 && x.abs() < 9.0e15 {
            #[allow(clippy::cast_possible_truncation)]
            return Ok(Cell::Int(x as i64));
        }
        let text = v.repr()?.to_string();
        return Ok(text
            .parse::<Decimal>()
            .or_else(|_| Decimal::from_scientific(&text))
            .map_or(Cell::Text(text), Cell::Decimal));
    }
    let class = v.get_type();
    let name = class.name()?.to_string();
    let module = class.module()?.to_string();
    if name == "Decimal" && module == "decimal" {
        let text = v.str()?.to_string();
        if text.eq_ignore_ascii_case("nan") {
            return Ok(Cell::Empty);
        }
        return Ok(match v.extract::<Decimal>() {
            Ok(d) => Cell::Decimal(d),
            Err(_) => Cell::Text(text),
        });
    }
    let dt = DATETIME.import(v.py(), "datetime", "datetime")?;
    let date = DATE.import(v.py(), "datetime", "date")?;
    if v.is_instance(dt)? {
        let midnight = ["hour", "minute", "second", "microsecond"]
            .iter()
            .all(|a| v.getattr(*a).and_then(|x| x.extract::<i64>()).ok() == Some(0))
            && v.getattr("nanosecond")
                .map_or(true, |x| x.extract::<i64>().ok() == Some(0));
        let ymd = (
            v.getattr("year").and_then(|x| x.extract::<i32>()),
            v.getattr("month").and_then(|x| x.extract::<u32>()),
            v.getattr("day").and_then(|x| x.extract::<u32>()),
        );
        return Ok(match ymd {
            (Ok(y), Ok(m), Ok(d)) if midnight => NaiveDate::from_ymd_opt(y, m, d)
                .map_or_else(|| Cell::Text(format!("{y:04}-{m:02}-{d:02}")), Cell::Date),
            // NaT: no year
            (Err(_), _, _) => Cell::Empty,
            _ => Cell::Text(v.str()?.to_string()),
        });
    }
    if v.is_instance(date)? {
        let y: i32 = v.getattr("year")?.extract()?;
        let m: u32 = v.getattr("month")?.extract()?;
        let d: u32 = v.getattr("day")?.extract()?;
        return Ok(NaiveDate::from_ymd_opt(y, m, d).map_or(Cell::Empty, Cell::Date));
    }
    // numpy integers and booleans
    if name == "bool" || name == "bool_" {
        if let Ok(b) = v.is_truthy() {
            return Ok(Cell::Bool(b));
        }
    }
    if v.hasattr("__index__")? {
        if let Ok(i) = v.call_method0("__index__").and_then(|i| i.extract::<i64>()) {
            return Ok(Cell::Int(i));
        }
    }
    if let Ok(x) = v.extract::<f64>() {
        // numpy floats
        let f = PyFloat::new(v.py(), x);
        return cell(f.as_any());
    }
    Ok(Cell::Text(v.str()?.to_string()))
}

static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

#[cfg(test)]
mod tests {
    use super::cents_text;

    #[test]
    fn cents_are_written_with_two_decimals() {
        let mut buf = [0u8; 48];
        for (c, t) in [
            (0, "0.00"),
            (5, "0.05"),
            (-5, "-0.05"),
            (120, "1.20"),
            (-123_456, "-1234.56"),
            (6_500_000, "65000.00"),
            (i128::MAX, "1701411834604692317316873037158841057.27"),
            (i128::MIN, "-1701411834604692317316873037158841057.28"),
        ] {
            assert_eq!(cents_text(c, &mut buf), t);
        }
    }
}
