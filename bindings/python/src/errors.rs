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

use crate::findings::{Head, PyFindings};

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
    to_py_in(err, &|_| None)
}

/// As [`to_py`], each finding that points into `networks[i]` naming the
/// network: `network_id(i)`.
pub(crate) fn to_py_in(
    err: &natverk::Error,
    network_id: &dyn Fn(usize) -> Option<String>,
) -> PyErr {
    let (lock, name) = match class_of(err) {
        Class::Inventory => (&INVENTORY_ERROR, "InventoryError"),
        Class::Argument => (&ARGUMENT_ERROR, "ArgumentError"),
    };
    // Only the headline: the Python class lists the findings itself, at
    // most 20 of them.
    let text = err.to_string();
    let headline = text.lines().next().unwrap_or_default().to_string();
    let head = match err {
        natverk::Error::Options(_) => "error.options",
        natverk::Error::Report(_) => "error.report",
        _ => "error.invalid",
    };
    let findings =
        PyFindings::core(err.findings().clone(), Head::Error(head)).with_networks(network_id);
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
pub(crate) fn workbook(err: &natverk_workbook::Error, path: &std::path::Path) -> PyErr {
    match err {
        natverk_workbook::Error::Invalid(findings) => {
            let file = path.file_name().map_or_else(
                || path.display().to_string(),
                |f| f.to_string_lossy().into_owned(),
            );
            sheet_findings(findings.clone(), &file)
        }
        natverk_workbook::Error::Io { .. } | natverk_workbook::Error::Refused { .. } => {
            pyo3::exceptions::PyOSError::new_err(err.to_string())
        }
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

/// The bad cells of sheets (a workbook named `file`, or tables given in
/// Python) as an `InventoryError`, each finding with its sheet, row and
/// column.
pub(crate) fn sheet_findings(findings: natverk::tables::SheetFindings, file: &str) -> PyErr {
    let n = findings.len();
    let headline = format!(
        "the workbook has {n} problem{}",
        if n == 1 { "" } else { "s" }
    );
    let text = findings.to_text(natverk::Lang::En);
    let native = PyFindings::sheet(findings, file.to_string());
    Python::attach(
        |py| match INVENTORY_ERROR.import(py, ERRORS_MODULE, "InventoryError") {
            Ok(cls) => match cls.call_method1("_from_core", (headline, native)) {
                Ok(exc) => PyErr::from_value(exc),
                Err(e) => e,
            },
            Err(_) => PyValueError::new_err(text),
        },
    )
}

/// The messages of the options the binding checks itself, in English and
/// Swedish, as the core's own messages are (SPEC §11).
pub(crate) mod messages {
    use natverk::present::Template;

    macro_rules! templates {
        ($($name:ident = $en:literal, $sv:literal;)+) => {
            $(
                #[doc = $en]
                pub(crate) static $name: Template = Template { key: stringify!($name), en: $en, sv: $sv };
            )+
            /// Every template, by its key.
            pub(crate) static ALL: &[&Template] = &[$(&$name),+];
        };
    }

    templates! {
        PY_TODAY = "invalid date `{value}` for today: write an existing date as YYYY-MM-DD, e.g. 2024-03-01",
            "ogiltigt datum `{value}` för today: skriv ett datum som finns som ÅÅÅÅ-MM-DD, t.ex. 2024-03-01";
        PY_LANG = "unknown language `{value}`: expected sv or en",
            "okänt språk `{value}`: ange sv eller en";
        PY_MONEY = "unknown money mode `{value}`: expected `decimal` or `float`",
            "okänt sätt att visa belopp `{value}`: ange `decimal` eller `float`";
        PY_NA_REP = "na_rep `{value}` is also a value of the column {key} of the report, so lines with no {key} would merge with it: choose another na_rep",
            "na_rep `{value}` är också ett värde i kolumnen {key}, så rader utan {key} skulle slås ihop med det: välj ett annat na_rep";
        PY_TIME_OF_DAY = "{name} {value} has a time of day: give a date, or a datetime at midnight",
            "{name} {value} har en tid på dagen: ange ett datum, eller en datetime vid midnatt";
        PY_BOARD_SUFFIX = "cannot tell how to write `{value}`: name the file .docx (Word) or .html",
            "vet inte hur `{value}` ska skrivas: ge filen ändelsen .docx (Word) eller .html";
    }

    /// The placeholders a message may have.
    pub(crate) const NAMES: [&str; 3] = ["value", "key", "name"];
}

/// An option the binding checks itself (a `today` that is not a date, an
/// unknown money mode): `natverk.ArgumentError` with one finding at `path`
/// (under `options.`), as the core's option errors have, its message made
/// of `template` and `values` in both languages.
pub(crate) fn argument(
    path: &str,
    template: &'static natverk::present::Template,
    values: &[(&'static str, &str)],
) -> PyErr {
    let mut message = natverk::present::Message::new(template);
    for &(k, v) in values {
        message = message.with(k, natverk::money::clip(v));
    }
    let at = natverk::Path::parse(path).unwrap_or_else(natverk::Path::root);
    let finding = natverk::Finding::new(natverk::Code::InvalidValue, at, message);
    to_py(&natverk::Error::Options(natverk::Findings::new(vec![
        finding,
    ])))
}

/// `natverk._natverk.argument_error`: the `ArgumentError` of an option the
/// Python layer checks, from a template of [`messages`] by key.
#[pyfunction]
pub fn argument_error(
    py: Python<'_>,
    template: &str,
    path: &str,
    values: Vec<(String, String)>,
) -> PyResult<Py<PyAny>> {
    let Some(t) = messages::ALL.iter().find(|t| t.key == template) else {
        return Err(PyValueError::new_err(format!(
            "unknown message template `{template}`"
        )));
    };
    let mut named: Vec<(&'static str, &str)> = Vec::new();
    for (k, v) in &values {
        match messages::NAMES.iter().find(|n| **n == k.as_str()) {
            Some(n) => named.push((*n, v.as_str())),
            None => return Err(PyValueError::new_err(format!("unknown placeholder `{k}`"))),
        }
    }
    Ok(argument(path, t, &named).into_value(py).into_any())
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

/// A failure that is neither the inventory's nor an option's (an output
/// that cannot be laid out): `natverk.NatverkError` with `message`.
pub(crate) fn natverk_error(message: &str) -> PyErr {
    Python::attach(
        |py| match NATVERK_ERROR.import(py, ERRORS_MODULE, "NatverkError") {
            Ok(cls) => match cls.call1((message,)) {
                Ok(exc) => PyErr::from_value(exc),
                Err(e) => e,
            },
            Err(_) => PyValueError::new_err(message.to_string()),
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
