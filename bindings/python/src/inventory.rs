//! `Inventory` (mirrors the core's `Inventory`) and the file-level `check`.

use pyo3::prelude::*;

use crate::conversion::{self, nonempty_json};
use crate::equality::PyEquality;
use crate::errors::{guarded, to_py};
use crate::findings::{Head, PyFindings};
use crate::report::PyReport;

/// A validated inventory (`natverk/1`); immutable.
#[pyclass(name = "Inventory", module = "natverk._natverk", frozen)]
pub struct PyInventory {
    pub(crate) inner: natverk::Inventory,
}

#[pymethods]
impl PyInventory {
    /// Loads an inventory from JSON text; raises `InventoryError` with every
    /// error found.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<PyInventory> {
        let bytes = text.as_bytes().to_vec();
        Self::load(py, bytes)
    }

    /// Loads an inventory from JSON bytes (UTF-8, a BOM is allowed).
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<PyInventory> {
        Self::load(py, data.to_vec())
    }

    /// The inventory as pretty `natverk/1` JSON (decimals as strings).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let text = guarded(py, || self.inner.to_json())?;
        nonempty_json(text, "inventory")
    }

    /// The public file (SPEC §13): no names, hourly costs or hours, opaque
    /// person ids, staff time as costs of kind `time`; every report equals
    /// this inventory's.
    fn public(&self, py: Python<'_>) -> PyResult<PyInventory> {
        let result = guarded(py, || self.inner.public())?;
        result
            .map(|inner| PyInventory { inner })
            .map_err(|e| to_py(&e))
    }

    /// Every warning, judged against `today` (`YYYY-MM-DD`, default the
    /// machine's date), as findings JSON; a bad date is `ArgumentError`.
    #[pyo3(signature = (today=None))]
    fn warnings(&self, py: Python<'_>, today: Option<&str>) -> PyResult<PyFindings> {
        let today = conversion::today(today)?;
        let found = guarded(py, || natverk::Findings::new(self.inner.warnings(today)))?;
        Ok(PyFindings::core(found, Head::Check))
    }

    /// A cost report; `options` is a JSON object with the keys of the core's
    /// `ReportOptions` (`from`, `to`, `scope`, `by`, `statuses`, `leave`,
    /// `leave_from`). Returns the core's report; its JSON is written only
    /// when asked for, so a report costs what the core's does.
    fn report(&self, py: Python<'_>, options: &str) -> PyResult<PyReport> {
        let opts = natverk::ReportOptions::from_json(options).map_err(|e| to_py(&e))?;
        let result = guarded(py, || self.inner.report(&opts))?;
        result
            .map(|inner| PyReport { inner })
            .map_err(|e| to_py(&e))
    }

    /// Equality statistics; `options` is a JSON object with `from`, `to`,
    /// `scope`, `statuses`.
    fn equality(&self, py: Python<'_>, options: &str) -> PyResult<PyEquality> {
        let opts = natverk::EqualityOptions::from_json(options).map_err(|e| to_py(&e))?;
        let result = guarded(py, || self.inner.equality(&opts))?;
        result
            .map(|inner| PyEquality { inner })
            .map_err(|e| to_py(&e))
    }

    /// The comparison of this inventory (the old one) with `new` over
    /// `from_year..=to_year` (SPEC §14), as its JSON; errors as `report`'s (two
    /// currencies: `ArgumentError`).
    fn diff_json(
        &self,
        py: Python<'_>,
        new: &PyInventory,
        from_year: i32,
        to_year: i32,
    ) -> PyResult<String> {
        let result = guarded(py, || self.inner.diff(&new.inner, from_year, to_year))?;
        let d = result.map_err(|e| to_py(&e))?;
        nonempty_json(guarded(py, || d.to_json())?, "comparison")
    }

    /// The board appendix of SPEC §14 over `from_year..=to_year`; `leave`
    /// is `recommended` or comma-separated ids, `today` `YYYY-MM-DD`.
    #[pyo3(signature = (from_year, to_year, lang, compare=None, leave=None, show_names=false, today=None))]
    #[allow(clippy::too_many_arguments)]
    fn board(
        &self,
        py: Python<'_>,
        from_year: i32,
        to_year: i32,
        lang: &str,
        compare: Option<&PyInventory>,
        leave: Option<&str>,
        show_names: bool,
        today: Option<&str>,
    ) -> PyResult<crate::board::PyBoard> {
        crate::board::PyBoard::build(
            py,
            &self.inner,
            from_year,
            to_year,
            compare,
            leave,
            show_names,
            today,
            lang,
        )
    }

    /// The calendar of SPEC §14 over `from..=to`: its JSON, and its
    /// iCalendar text in `lang` stamped with `stamp` (`YYYYMMDDTHHMMSS`,
    /// UTC) when `lang` is given.
    #[pyo3(signature = (from_year, to_year, lang=None, stamp=None))]
    fn calendar(
        &self,
        py: Python<'_>,
        from_year: i32,
        to_year: i32,
        lang: Option<&str>,
        stamp: Option<&str>,
    ) -> PyResult<(String, Option<String>)> {
        let result = guarded(py, || self.inner.calendar(from_year, to_year))?;
        let cal = result.map_err(|e| to_py(&e))?;
        let json = nonempty_json(guarded(py, || cal.to_json())?, "calendar")?;
        let ics = match lang {
            Some(l) => {
                let lang = crate::present::parse_lang(l)?;
                let stamp = stamp
                    .and_then(|s| chrono::NaiveDateTime::parse_from_str(s, "%Y%m%dT%H%M%S").ok())
                    .unwrap_or_default();
                Some(guarded(py, || cal.to_ics(lang, stamp))?)
            }
            None => None,
        };
        Ok((json, ics))
    }

    /// An overview for people, in `lang`: one row per network (id, name,
    /// organiser, kind, status, unit, seats), at most `max_rows` of them as
    /// Python values: see `natverk.Table`.
    #[pyo3(signature = (lang, max_rows=None))]
    fn overview<'py>(
        &self,
        py: Python<'py>,
        lang: &str,
        max_rows: Option<usize>,
    ) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        let lang = crate::present::parse_lang(lang)?;
        crate::present::overview(py, &self.inner, lang, max_rows)
    }

    /// Whether two inventories have the same content.
    fn same_as(&self, other: &PyInventory) -> bool {
        self.inner == other.inner
    }

    /// How many networks the inventory lists.
    fn __len__(&self) -> usize {
        self.inner.networks().len()
    }

    /// The sheets of the workbook (SPEC §10), in order: each as its name,
    /// its column names and its rows, a row a tuple of `None`, `str`,
    /// `Decimal`, `int`, `datetime.date` and `bool` values.
    #[allow(clippy::type_complexity)]
    fn tables<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<
        Vec<(
            &'static str,
            Vec<&'static str>,
            Vec<Bound<'py, pyo3::types::PyTuple>>,
        )>,
    > {
        let sheets = guarded(py, || natverk::tables::tables(self.inner.data()))?;
        let date = py.import("datetime")?.getattr("date")?;
        let mut out = Vec::with_capacity(sheets.len());
        for sheet in sheets {
            let mut rows = Vec::with_capacity(sheet.rows.len());
            for row in &sheet.rows {
                let mut values: Vec<Bound<'py, PyAny>> = Vec::with_capacity(row.len());
                for cell in row {
                    use natverk::tables::Cell;
                    values.push(match cell {
                        Cell::Text(t) => t.into_pyobject(py)?.into_any(),
                        Cell::Decimal(d) => d.into_pyobject(py)?.into_any(),
                        Cell::Int(i) => i.into_pyobject(py)?.into_any(),
                        Cell::Date(d) => {
                            use chrono::Datelike;
                            date.call1((d.year(), d.month(), d.day()))?
                        }
                        Cell::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
                        _ => py.None().into_bound(py),
                    });
                }
                rows.push(pyo3::types::PyTuple::new(py, values)?);
            }
            out.push((sheet.key, sheet.columns, rows));
        }
        Ok(out)
    }

    /// Writes the inventory as an `.xlsx` workbook (SPEC §10) at `path`,
    /// sheets and columns named in `lang` (`"sv"` or `"en"`).
    fn to_excel(&self, py: Python<'_>, path: std::path::PathBuf, lang: &str) -> PyResult<()> {
        let lang = conversion::lang(lang)?;
        let result = guarded(py, || {
            natverk_workbook::export_file(&self.inner, &path, lang)
        })?;
        result.map_err(|e| crate::errors::workbook(&e, &path))
    }

    /// Loads a file's bytes: a workbook (`.xlsx`, `.ods`) when its content
    /// is one (`natverk_workbook::is_workbook`), else `natverk/1` JSON;
    /// `name` names the file in a workbook's findings.
    #[staticmethod]
    fn load_bytes(py: Python<'_>, data: Vec<u8>, name: &str) -> PyResult<PyInventory> {
        if !natverk_workbook::is_workbook(&data) {
            return Self::load(py, data);
        }
        let result = guarded(py, move || natverk_workbook::import_bytes(&data))?;
        let imported =
            result.map_err(|e| crate::errors::workbook(&e, std::path::Path::new(name)))?;
        warn_import(py, &imported.warnings)?;
        Ok(PyInventory {
            inner: imported.inventory,
        })
    }

    /// Reads an `.xlsx` or `.ods` workbook (SPEC §10); every bad cell is a
    /// finding of an `InventoryError`, with its sheet, row and column.
    #[staticmethod]
    fn read_excel(py: Python<'_>, path: std::path::PathBuf) -> PyResult<PyInventory> {
        let result = guarded(py, || natverk_workbook::import(&path))?;
        let imported = result.map_err(|e| crate::errors::workbook(&e, &path))?;
        warn_import(py, &imported.warnings)?;
        Ok(PyInventory {
            inner: imported.inventory,
        })
    }
}

/// What a workbook's import did not read, or read as another sheet or
/// column (SPEC §10): one Python `UserWarning` each, in English with its
/// place (as `Finding.message`), so a notebook shows them and goes on.
fn warn_import(py: Python<'_>, warnings: &[natverk::tables::SheetFinding]) -> PyResult<()> {
    let category = py.get_type::<pyo3::exceptions::PyUserWarning>();
    for w in warnings {
        let text = w.to_text(natverk::Lang::En).replace('\0', " ");
        let text = std::ffi::CString::new(text).unwrap_or_default();
        PyErr::warn(py, &category, &text, 2)?;
    }
    Ok(())
}

impl PyInventory {
    fn load(py: Python<'_>, bytes: Vec<u8>) -> PyResult<PyInventory> {
        let result = guarded(py, move || natverk::Inventory::from_slice(&bytes))?;
        result
            .map(|inner| PyInventory { inner })
            .map_err(|e| to_py(&e))
    }
}

/// Checks JSON bytes: every error, or (when they load) every warning,
/// judged against `today`. Returns the findings as JSON; never raises for
/// problems of the inventory.
#[pyfunction]
#[pyo3(signature = (data, today=None))]
pub fn check(py: Python<'_>, data: &[u8], today: Option<&str>) -> PyResult<PyFindings> {
    let today = conversion::today(today)?;
    let bytes = data.to_vec();
    let found = guarded(py, move || natverk::check(&bytes, today))?;
    Ok(PyFindings::core(found, Head::Check))
}

/// Today's date on this machine, `YYYY-MM-DD` (the default `today`).
#[pyfunction]
pub fn today() -> String {
    natverk::today().format("%Y-%m-%d").to_string()
}
