//! Core errors → the package's exceptions (`natverk/_errors.py`), in one
//! place.
//!
//! The exception classes are defined in Python, so that `InventoryError`
//! and `ArgumentError` can be both a `NatverkError` and a `ValueError`; this
//! module raises them with the core's SPEC §7.2 JSON, from which they build
//! their findings.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

const ERRORS_MODULE: &str = "natverk._errors";

static INVENTORY_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ARGUMENT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static NATVERK_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Which Python exception a core error becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// `natverk.InventoryError`: the inventory, or a report on it, has problems.
    Inventory,
    /// `natverk.ArgumentError`: an option is wrong.
    Argument,
}

/// The one mapping of the core's errors to exception classes: a wrong
/// option is an `ArgumentError`, the rest (the inventory, or a report on
/// it) an `InventoryError`.
fn class_of(err: &natverk::Error) -> Class {
    match err {
        natverk::Error::Options(_) => Class::Argument,
        _ => Class::Inventory,
    }
}

/// A core error as the package's exception, carrying every finding.
pub(crate) fn to_py(err: &natverk::Error) -> PyErr {
    let (lock, name) = match class_of(err) {
        Class::Inventory => (&INVENTORY_ERROR, "InventoryError"),
        Class::Argument => (&ARGUMENT_ERROR, "ArgumentError"),
    };
    // Only the headline: the Python class lists the findings itself, at
    // most 20 of them.
    let text = err.to_string();
    let headline = text.lines().next().unwrap_or_default().to_string();
    let findings = err.to_json();
    Python::attach(|py| match lock.import(py, ERRORS_MODULE, name) {
        Ok(cls) => match cls.call_method1("_from_core", (headline, findings)) {
            Ok(exc) => PyErr::from_value(exc),
            Err(e) => e,
        },
        // The package is incomplete; still an exception, never a panic.
        Err(_) => PyValueError::new_err(text),
    })
}

/// A workbook that cannot be read or written: its bad cells as an
/// `InventoryError` (each finding with its sheet, row and column), a file
/// that cannot be opened as an `OSError`, an inventory that does not fit a
/// workbook as a `NatverkError`.
pub(crate) fn workbook(err: &natverk_workbook::Error) -> PyErr {
    match err {
        natverk_workbook::Error::Invalid(findings) => {
            let n = findings.len();
            let headline = format!(
                "the workbook has {n} problem{}",
                if n == 1 { "" } else { "s" }
            );
            let json = findings.to_json(natverk::Lang::En);
            Python::attach(
                |py| match INVENTORY_ERROR.import(py, ERRORS_MODULE, "InventoryError") {
                    Ok(cls) => match cls.call_method1("_from_core", (headline, json)) {
                        Ok(exc) => PyErr::from_value(exc),
                        Err(e) => e,
                    },
                    Err(_) => PyValueError::new_err(err.to_string()),
                },
            )
        }
        natverk_workbook::Error::Io { .. } => pyo3::exceptions::PyOSError::new_err(err.to_string()),
        _ => Python::attach(
            |py| match NATVERK_ERROR.import(py, ERRORS_MODULE, "NatverkError") {
                Ok(cls) => match cls.call1((err.to_string(),)) {
                    Ok(exc) => PyErr::from_value(exc),
                    Err(e) => e,
                },
                Err(_) => PyValueError::new_err(err.to_string()),
            },
        ),
    }
}

/// An option the binding checks itself (a `today` that is not a date, an
/// unknown money mode): `natverk.ArgumentError` with one finding at `path`
/// (under `options.`), as the core's option errors have.
pub(crate) fn argument(path: &str, message: &str) -> PyErr {
    Python::attach(
        |py| match ARGUMENT_ERROR.import(py, ERRORS_MODULE, "ArgumentError") {
            Ok(cls) => match cls.call_method1("_one", (path, message)) {
                Ok(exc) => PyErr::from_value(exc),
                Err(e) => e,
            },
            Err(_) => PyValueError::new_err(format!("{path}: {message}")),
        },
    )
}

/// Something that should never happen (a panic caught at the boundary, a
/// report that cannot be written): `natverk.NatverkError`.
pub(crate) fn internal(what: &str) -> PyErr {
    let message = format!("internal error in natverk ({what}); please report it with the input");
    Python::attach(
        |py| match NATVERK_ERROR.import(py, ERRORS_MODULE, "NatverkError") {
            Ok(cls) => match cls.call1((message.as_str(),)) {
                Ok(exc) => PyErr::from_value(exc),
                Err(e) => e,
            },
            Err(_) => PyValueError::new_err(message),
        },
    )
}

/// Runs a core call with the GIL released, turning a panic into
/// `NatverkError` instead of letting it reach Python.
pub(crate) fn guarded<T: Send, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: FnOnce() -> T + Send,
{
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(|payload| {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_string());
            internal(&what)
        })
}
