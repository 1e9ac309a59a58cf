//! `Equality` (mirrors the core's `Equality`): the statistics as the core's
//! JSON, and the tables people see.

use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::conversion::nonempty_json;
use crate::errors::guarded;
use crate::present::{parse_lang, table_to_py};

/// Gender-equality statistics computed by the core; immutable.
#[pyclass(name = "Equality", module = "natverk._natverk", frozen)]
pub struct PyEquality {
    pub(crate) inner: natverk::Equality,
}

#[pymethods]
impl PyEquality {
    /// The statistics as JSON (SPEC §7.1), pretty-printed.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let text = guarded(py, || self.inner.to_json())?;
        nonempty_json(text, "equality statistics")
    }

    /// The tables people see, in `lang` (who represents the organisation,
    /// staff time by gender, each network's delegation), each with at most
    /// `max_rows` rows: see `natverk.Table`. The first carries the caption
    /// (scope, years, currency).
    #[pyo3(signature = (lang, max_rows=None))]
    fn tables<'py>(
        &self,
        py: Python<'py>,
        lang: &str,
        max_rows: Option<usize>,
    ) -> PyResult<Vec<Bound<'py, PyTuple>>> {
        let lang = parse_lang(lang)?;
        let e = &self.inner;
        let tables = guarded(py, || e.tables(lang))?;
        let cap = e.caption(lang);
        tables
            .iter()
            .enumerate()
            .map(|(i, t)| table_to_py(py, t, (i == 0).then(|| cap.clone()), max_rows))
            .collect()
    }

    /// Whether two statistics have the same content.
    fn same_as(&self, other: &PyEquality) -> bool {
        self.inner == other.inner
    }
}
