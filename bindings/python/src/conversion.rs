//! Conversions at the boundary: Python arguments in, core values out.

use chrono::NaiveDate;
use pyo3::exceptions::PyValueError;
use pyo3::PyResult;

/// The `today` of the checks: a strict `YYYY-MM-DD` text, or the machine's
/// date when absent.
pub(crate) fn today(text: Option<&str>) -> PyResult<NaiveDate> {
    match text {
        None => Ok(natverk::today()),
        Some(t) => natverk::parse_date(t).ok_or_else(|| {
            PyValueError::new_err(format!("invalid date `{t}` for today: expected YYYY-MM-DD"))
        }),
    }
}

/// The core serialises to a `String` and writes an empty one only if
/// serialisation itself failed; that must not reach Python as data.
pub(crate) fn nonempty_json(text: String, what: &str) -> PyResult<String> {
    if text.is_empty() {
        Err(crate::errors::internal(&format!(
            "could not serialise the {what}"
        )))
    } else {
        Ok(text)
    }
}
