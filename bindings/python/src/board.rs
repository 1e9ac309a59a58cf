//! `Board`: the board appendix of SPEC §14, built by the core
//! (`Inventory::board`) and laid out by natverk-render as `.html` or
//! `.docx`, exactly as `natverk board` writes it.

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::conversion;
use crate::errors::{guarded, to_py};
use crate::inventory::PyInventory;

/// A section of the outline: its key, its heading and its paragraphs.
type OutlineSection = (String, String, Vec<String>);

/// The board appendix (SPEC §14) as the core's data; `to_html`,
/// `to_docx` and `save` lay it out.
#[pyclass(name = "Board", module = "natverk._natverk", frozen)]
pub struct PyBoard {
    inner: natverk::BoardDocument,
}

/// What laying the appendix out failed with, as a Python exception: an
/// `OSError` for writing, a `NatverkError` for anything else.
fn render_error(e: &natverk_render::render::RenderError) -> PyErr {
    match e {
        natverk_render::render::RenderError::Io(io) => {
            pyo3::exceptions::PyOSError::new_err(io.to_string())
        }
        other => crate::errors::natverk_error(&other.to_string()),
    }
}

impl PyBoard {
    /// The appendix of `inv`. `leave` is `recommended` or comma-separated
    /// network ids, `today` `YYYY-MM-DD` (default the machine's date),
    /// `lang` `sv` or `en`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn build(
        py: Python<'_>,
        inv: &natverk::Inventory,
        from_year: i32,
        to_year: i32,
        compare: Option<&PyInventory>,
        leave: Option<&str>,
        show_names: bool,
        today: Option<&str>,
        lang: &str,
    ) -> PyResult<PyBoard> {
        let lang = conversion::lang(lang)?;
        let today = conversion::today(today)?;
        let mut opts = natverk::BoardOptions::new(from_year, to_year, today, lang);
        opts.leave = leave.map(natverk::Leave::parse);
        opts.compare = compare.map(|c| &c.inner);
        opts.show_names = show_names;
        let result = guarded(py, || inv.board(&opts))?;
        result.map(|inner| PyBoard { inner }).map_err(|e| to_py(&e))
    }

    fn html_text(&self, py: Python<'_>) -> PyResult<String> {
        let result = guarded(py, || {
            let mut out = Vec::new();
            natverk_render::render::board::html(&self.inner, &mut out).map(|()| out)
        })?;
        let bytes = result.map_err(|e| render_error(&e))?;
        String::from_utf8(bytes).map_err(|e| crate::errors::natverk_error(&e.to_string()))
    }

    fn docx(&self, py: Python<'_>) -> PyResult<Vec<u8>> {
        let result = guarded(py, || {
            natverk_render::render::board::docx_bytes(&self.inner)
        })?;
        result.map_err(|e| render_error(&e))
    }
}

#[pymethods]
impl PyBoard {
    /// The appendix as one HTML page that prints on A4.
    fn to_html(&self, py: Python<'_>) -> PyResult<String> {
        self.html_text(py)
    }

    /// The appendix as a Word document (`.docx`): A4, page numbers,
    /// header rows repeated on each page.
    fn to_docx<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let bytes = self.docx(py)?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// Writes the appendix at `path` atomically (SPEC §9): `docx` as Word,
    /// `html` as HTML.
    fn save(&self, py: Python<'_>, path: std::path::PathBuf, kind: &str) -> PyResult<()> {
        let bytes = match kind {
            "docx" => self.docx(py)?,
            _ => self.html_text(py)?.into_bytes(),
        };
        let result = py.detach(|| natverk_workbook::file::write_atomic(&path, &bytes));
        result.map_err(|e| pyo3::exceptions::PyOSError::new_err(e.to_string()))
    }

    /// The title, the subtitle and the sections as `(key, heading,
    /// paragraphs)`: what the appendix says, for tests and `repr`.
    fn outline(&self) -> (String, String, Vec<OutlineSection>) {
        let sections = self
            .inner
            .sections
            .iter()
            .map(|s| {
                let paragraphs = s
                    .blocks
                    .iter()
                    .filter_map(|b| match b {
                        natverk::Block::Paragraph(p) => Some(p.clone()),
                        _ => None,
                    })
                    .collect();
                (s.key.to_string(), s.heading.clone(), paragraphs)
            })
            .collect();
        (
            self.inner.title.clone(),
            self.inner.subtitle.clone(),
            sections,
        )
    }

    /// The appendix as the core's JSON (`BoardDocument::to_json`).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let text = guarded(py, || self.inner.to_json())?;
        crate::conversion::nonempty_json(text, "board appendix")
    }

    /// The language, `sv` or `en`.
    #[getter]
    fn lang(&self) -> &'static str {
        match self.inner.lang {
            natverk::Lang::Sv => "sv",
            _ => "en",
        }
    }
}
