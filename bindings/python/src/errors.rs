//! Core errors → the package's exceptions (`natverk/_errors.py`).
//!
//! The exception classes are defined in Python, so that `InventoryError`
//! can be both a `NatverkError` and a `ValueError`; this module raises them
//! with the core's SPEC §7.2 JSON, from which they build their findings.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

const ERRORS_MODULE: &str = "natverk._errors";

static INVENTORY_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static NATVERK_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A failed load or report: `natverk.InventoryError` with every finding.
pub(crate) fn inventory_error(err: &natverk::Error) -> PyErr {
    let message = err.to_string();
    let findings = err.to_json();
    Python::attach(|py| {
        match INVENTORY_ERROR.import(py, ERRORS_MODULE, "InventoryError") {
            Ok(cls) => match cls.call_method1("_from_core", (message.as_str(), findings)) {
                Ok(exc) => PyErr::from_value(exc),
                Err(e) => e,
            },
            // The package is incomplete; still an exception, never a panic.
            Err(_) => PyValueError::new_err(message),
        }
    })
}

/// Something that should never happen (a panic caught at the boundary):
/// `natverk.NatverkError`.
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
