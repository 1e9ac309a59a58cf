//! `Findings` (mirrors the core's `Findings`, and a workbook's
//! `SheetFindings`): the findings of a check or an error, kept as the core
//! made them so that their messages and their table exist in both
//! languages. `natverk.Findings` and the package's errors hold one.

use pyo3::prelude::*;
use pyo3::types::PyTuple;

use natverk::tables::SheetFindings;
use natverk::{Findings, Lang};

use crate::errors::guarded;
use crate::present::{parse_lang, table_to_py};

/// What the findings are of: how their headline reads.
#[derive(Debug, Clone)]
pub(crate) enum Head {
    /// A check: no headline.
    Check,
    /// An error of the core: the vocabulary's counted phrase
    /// (`error.invalid`, `error.report`, `error.options`).
    Error(&'static str),
    /// A workbook that cannot be read: `workbook.problems`, with its file.
    Workbook(String),
}

#[derive(Debug, Clone)]
enum Items {
    Core(Findings),
    Sheet(SheetFindings),
}

/// Findings made by the core; immutable.
#[pyclass(name = "Findings", module = "natverk._natverk", frozen)]
pub struct PyFindings {
    items: Items,
    head: Head,
    /// The id of the network each finding's path points into
    /// (`networks[i]…`), where known; empty when none is known.
    networks: Vec<Option<String>>,
}

impl PyFindings {
    pub(crate) fn core(findings: Findings, head: Head) -> PyFindings {
        PyFindings {
            items: Items::Core(findings),
            head,
            networks: Vec::new(),
        }
    }

    /// The findings, each naming the network its path points into:
    /// `network_id(i)` for a path `networks[i]…`.
    pub(crate) fn with_networks(mut self, network_id: &dyn Fn(usize) -> Option<String>) -> Self {
        let paths: Vec<&natverk::Path> = match &self.items {
            Items::Core(f) => f.iter().map(|x| &x.path).collect(),
            Items::Sheet(s) => s.iter().map(|x| &x.finding.path).collect(),
        };
        let ids: Vec<Option<String>> = paths
            .into_iter()
            .map(|p| match p.segments() {
                [natverk::Seg::Key(k), natverk::Seg::Index(i), ..] if k == "networks" => {
                    network_id(*i)
                }
                _ => None,
            })
            .collect();
        if ids.iter().any(Option::is_some) {
            self.networks = ids;
        }
        self
    }

    /// The findings of a workbook (or of tables) named `file`, each naming
    /// the network its row names (`SheetFindings::with_networks`).
    pub(crate) fn sheet(findings: SheetFindings, file: String) -> PyFindings {
        let networks: Vec<Option<String>> = (0..findings.len())
            .map(|i| findings.network(i).map(str::to_string))
            .collect();
        PyFindings {
            items: Items::Sheet(findings),
            head: Head::Workbook(file),
            networks: if networks.iter().any(Option::is_some) {
                networks
            } else {
                Vec::new()
            },
        }
    }

    /// The findings as the core's (for a workbook: the findings of its
    /// cells, each with where it is in the workbook put in its path cell).
    fn as_core_table(&self, lang: Lang) -> natverk::present::Table {
        match &self.items {
            Items::Core(f) => f.table(lang),
            Items::Sheet(s) => {
                let mut t = Findings::new(s.iter().map(|f| f.finding.clone()).collect::<Vec<_>>())
                    .table(lang);
                let at = t.columns.iter().position(|c| c.key == "path");
                if let Some(i) = at {
                    for (row, f) in t.rows.iter_mut().zip(s.iter()) {
                        let place = f.place_text(lang);
                        if place.is_empty() {
                            continue;
                        }
                        let cell = match &row[i] {
                            natverk::present::DisplayCell::Text(p) => format!("{place} ({p})"),
                            _ => place,
                        };
                        row[i] = natverk::present::DisplayCell::Text(cell);
                    }
                }
                t
            }
        }
    }
}

#[pymethods]
impl PyFindings {
    /// No findings (for the columns and title of a findings table).
    #[staticmethod]
    fn empty() -> PyFindings {
        PyFindings::core(Findings::new(Vec::new()), Head::Check)
    }

    /// SPEC §7.2 JSON, messages in `lang` (a workbook's findings also carry
    /// `sheet`, `row`, `column` and `cell`).
    #[pyo3(signature = (lang="en"))]
    fn to_json(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
        let lang = parse_lang(lang)?;
        guarded(py, || match &self.items {
            Items::Core(f) => f.to_json_in(lang, true),
            Items::Sheet(s) => s.to_json(lang),
        })
    }

    /// Every message in `lang`, in order.
    fn messages(&self, lang: &str) -> PyResult<Vec<String>> {
        let lang = parse_lang(lang)?;
        Ok(match &self.items {
            Items::Core(f) => f.iter().map(|x| x.message_in(lang)).collect(),
            Items::Sheet(s) => s.iter().map(|x| x.finding.message_in(lang)).collect(),
        })
    }

    /// The headline of an error in `lang` (`inventeringen har 3 problem`),
    /// `None` for a check.
    fn headline(&self, lang: &str) -> PyResult<Option<String>> {
        let lang = parse_lang(lang)?;
        let n = self.__len__();
        Ok(match &self.head {
            Head::Check => None,
            Head::Error(key) => Some(natverk::present::count_text(key, n, lang)),
            Head::Workbook(file) => Some(natverk::present::fill(
                &natverk::present::count_text("workbook.problems", n, lang),
                &[("file", file.as_str())],
            )),
        })
    }

    /// The findings as people see them (severity, code, where, message),
    /// in `lang`, at most `max_rows` rows: see `natverk.Table`.
    #[pyo3(signature = (lang, max_rows=None))]
    fn table<'py>(
        &self,
        py: Python<'py>,
        lang: &str,
        max_rows: Option<usize>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let lang = parse_lang(lang)?;
        let t = guarded(py, || self.as_core_table(lang))?;
        table_to_py(py, &t, None, max_rows)
    }

    /// The id of the network each finding concerns (its path points into
    /// that network), `None` where none or unknown.
    fn networks(&self) -> Vec<Option<String>> {
        if self.networks.is_empty() {
            vec![None; self.__len__()]
        } else {
            self.networks.clone()
        }
    }

    /// How many findings.
    fn __len__(&self) -> usize {
        match &self.items {
            Items::Core(f) => f.len(),
            Items::Sheet(s) => s.len(),
        }
    }
}
