//! `Inventory` (mirrors the core's `Inventory`) and the file-level `check`.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::conversion::{self, nonempty_json};
use crate::equality::PyEquality;
use crate::errors::{guarded, to_py, to_py_in};
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

    /// Compact `natverk/1` JSON with every default written: `to_dict`'s
    /// source (its dicts have every key; the file leaves defaults out).
    fn to_json_with_defaults(&self, py: Python<'_>) -> PyResult<String> {
        let text = guarded(py, || self.inner.data().to_json_with_defaults())?;
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
        Ok(PyFindings::core(found, Head::Check).with_networks(&|i| self.network_id(i)))
    }

    /// A cost report; `options` is a JSON object with the keys of the core's
    /// `ReportOptions` (`from`, `to`, `scope`, `by`, `statuses`, `leave`,
    /// `leave_from`). Returns the core's report; its JSON is written only
    /// when asked for, so a report costs what the core's does.
    fn report(&self, py: Python<'_>, options: &str) -> PyResult<PyReport> {
        let opts = natverk::ReportOptions::from_json(options).map_err(|e| to_py(&e))?;
        let result = guarded(py, || self.inner.report(&opts))?;
        let left = opts.leave.as_ref().map(|l| self.inner.leaving(l));
        result
            .map(|inner| PyReport {
                inner,
                options: opts,
                left,
            })
            .map_err(|e| to_py_in(&e, &|i| self.network_id(i)))
    }

    /// Equality statistics; `options` is a JSON object with `from`, `to`,
    /// `scope`, `statuses`.
    fn equality(&self, py: Python<'_>, options: &str) -> PyResult<PyEquality> {
        let opts = natverk::EqualityOptions::from_json(options).map_err(|e| to_py(&e))?;
        let result = guarded(py, || self.inner.equality(&opts))?;
        result
            .map(|inner| PyEquality { inner })
            .map_err(|e| to_py_in(&e, &|i| self.network_id(i)))
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

    /// The organisation's name (for `repr`, without the rest).
    fn organisation_name(&self) -> &str {
        &self.inner.organisation().name
    }

    /// One part of the inventory as Python values, shaped as in `to_dict()`:
    /// `organisation` (a dict) or a list (`units`, `people`,
    /// `fee_schedules`, `exchange_rates`, `networks`); nothing else is
    /// converted.
    fn part<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let data = self.inner.data();
        let kind = crate::parts::part_kind(name)
            .filter(|_| name != "format")
            .ok_or_else(|| {
                pyo3::exceptions::PyKeyError::new_err(format!("no part `{name}` in an inventory"))
            })?;
        match name {
            "organisation" => crate::parts::to_py(py, &data.organisation, kind),
            "units" => crate::parts::to_py(py, &data.units, kind),
            "people" => crate::parts::to_py(py, &data.people, kind),
            "fee_schedules" => crate::parts::to_py(py, &data.fee_schedules, kind),
            "exchange_rates" => crate::parts::to_py(py, &data.exchange_rates, kind),
            _ => crate::parts::to_py(py, &data.networks, kind),
        }
    }

    /// The network with id `id` as a dict shaped as in `to_dict()`, or
    /// `None` when no network has that id.
    fn network<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.inner.network(id) {
            Some(n) => {
                crate::parts::to_py(py, n, natverk::format::KindInfo::Object("network")).map(Some)
            }
            None => Ok(None),
        }
    }

    /// The ids of the networks, in order.
    fn network_ids(&self) -> Vec<&str> {
        self.inner
            .networks()
            .iter()
            .map(|n| n.id.as_str())
            .collect()
    }

    /// A new inventory with parts replaced: `text` is a JSON object of the
    /// parts' new values (`organisation`, or a list: `units`, …,
    /// `networks`); the rest is this inventory's. Validated as a file is
    /// (the same findings and paths); raises `InventoryError`.
    fn with_parts(&self, py: Python<'_>, text: &str) -> PyResult<PyInventory> {
        let data = self.inner.data();
        let result = guarded(py, move || {
            splice(data, |top| {
                let parts: serde_json::Map<String, serde_json::Value> = serde_json::from_str(text)?;
                top.extend(parts);
                Ok(())
            })
        })?;
        Self::load(py, result?)
    }

    /// A new inventory with a network (`text`: its JSON) in place of the
    /// network `id`, or added at the end when no network has that id;
    /// validated as a file is (`Inventory::with_network_json` of the core).
    fn with_network(&self, py: Python<'_>, id: Option<&str>, text: &str) -> PyResult<PyInventory> {
        let at = id.and_then(|id| self.inner.network_position(id));
        let result = guarded(py, || self.inner.with_network_json(at, text.as_bytes()))?;
        result
            .map(|inner| PyInventory { inner })
            .map_err(|e| self.error_with(&e, text))
    }

    /// A new inventory without the network `id` (`KeyError` when there is
    /// none); validated as a file is (a reference to it is an error).
    fn without_network(&self, py: Python<'_>, id: &str) -> PyResult<PyInventory> {
        let Some(at) = self.inner.network_position(id) else {
            return Err(pyo3::exceptions::PyKeyError::new_err(id.to_string()));
        };
        let result = guarded(py, || self.inner.without_network_at(at))?;
        result
            .map(|inner| PyInventory { inner })
            .map_err(|e| to_py_in(&e, &|i| self.network_id(if i >= at { i + 1 } else { i })))
    }

    /// The core's validation of this inventory's data, as a file's is
    /// validated (`Inventory::new` of a copy): the baseline `bench.py`
    /// measures a per-network edit against.
    fn revalidate(&self, py: Python<'_>) -> PyResult<PyInventory> {
        let data = self.inner.data();
        let result = guarded(py, || natverk::Inventory::new(data.clone()))?;
        result
            .map(|inner| PyInventory { inner })
            .map_err(|e| to_py(&e))
    }

    /// A hash of the content, consistent with `same_as`: made of texts that
    /// equal inventories share (the organisation, the numbers of items, the
    /// networks' ids), never of decimals (`1.0` equals `1.00`).
    fn content_hash(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let data = self.inner.data();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        data.organisation.name.hash(&mut h);
        data.organisation.currency.hash(&mut h);
        data.organisation.code.hash(&mut h);
        for len in [
            data.units.len(),
            data.people.len(),
            data.fee_schedules.len(),
            data.exchange_rates.len(),
            data.networks.len(),
        ] {
            len.hash(&mut h);
        }
        for n in &data.networks {
            n.id.hash(&mut h);
        }
        h.finish()
    }

    /// Whether two inventories have the same content.
    fn same_as(&self, other: &PyInventory) -> bool {
        self.inner == other.inner
    }

    /// How many networks the inventory lists.
    fn __len__(&self) -> usize {
        self.inner.networks().len()
    }

    /// The sheets of the workbook (SPEC §10), in order: each as its name
    /// and its rows, a row a dict of column name to `None`, `str`,
    /// `Decimal`, `int`, `datetime.date` or `bool` (equal dates, and equal
    /// values of a column whose values repeat, share one object).
    fn tables<'py>(&self, py: Python<'py>) -> PyResult<Vec<(&'static str, Bound<'py, PyList>)>> {
        let sheets = guarded(py, || natverk::tables::sheet_views(self.inner.data()))?;
        let mut cells = crate::tables::Cells::new(py)?;
        let mut out = Vec::with_capacity(sheets.len());
        for sheet in &sheets {
            let keys: Vec<Bound<'py, PyString>> = sheet
                .columns
                .iter()
                .map(|c| PyString::intern(py, c))
                .collect();
            // every row a copy of the sheet's keys (a copy is one allocation
            // of the right size; filling an empty dict grows it several times)
            let template = PyDict::new(py);
            for k in &keys {
                template.set_item(k, py.None())?;
            }
            let mut state: Vec<crate::tables::Column<'py>> =
                keys.iter().map(|_| Default::default()).collect();
            let mut rows = Vec::with_capacity(sheet.len());
            for row in sheet.rows() {
                let d = template.copy()?;
                for ((k, cell), col) in keys.iter().zip(row).zip(state.iter_mut()) {
                    // the template's value: nothing to set
                    if !matches!(cell, natverk::tables::CellView::Empty) {
                        d.set_item(k, &*cells.get(cell, col)?)?;
                    }
                }
                rows.push(d);
            }
            out.push((sheet.key, PyList::new(py, rows)?));
        }
        Ok(out)
    }

    /// The sheets as columns for DataFrames: each sheet as its name, its
    /// column names and its columns, a column as `(kind, data)`: `int` and
    /// `bool` as `(values, mask)` bytes of `int64`/`bool` (mask `True` where
    /// empty), `date` as bytes of `int64` days since 1970-01-01 (empty:
    /// `i64::MIN`, numpy's NaT), `decimal` and `text` as lists of values.
    #[allow(clippy::type_complexity)]
    fn frames<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<
        Vec<(
            &'static str,
            Vec<&'static str>,
            Vec<(&'static str, Bound<'py, PyAny>)>,
        )>,
    > {
        let sheets = guarded(py, || natverk::tables::sheet_views(self.inner.data()))?;
        let mut cells = crate::tables::Cells::new(py)?;
        let mut out = Vec::with_capacity(sheets.len());
        for sheet in &sheets {
            let info = natverk::tables::sheet(sheet.key);
            let kinds: Vec<&'static str> = (0..sheet.columns.len())
                .map(|j| {
                    info.and_then(|i| i.columns.get(j))
                        .map_or("text", |c| crate::tables::kind_word(c.kind))
                })
                .collect();
            let columns = crate::tables::columns(py, &mut cells, sheet, &kinds)?;
            out.push((sheet.key, sheet.columns.clone(), columns));
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

    /// The inverse of `tables()`: sheets as `(name, columns, rows)`, a row
    /// a list of cells (`None`, `bool`, `int`, `str`, `Decimal`, `float`,
    /// `datetime.date`, a midnight `datetime`), read by the core's reader
    /// of a workbook's sheets (SPEC §10): every bad cell is a finding of
    /// one `InventoryError`, with its sheet, row (the column names are row
    /// 1) and column.
    #[staticmethod]
    #[allow(clippy::type_complexity)]
    fn from_tables(
        py: Python<'_>,
        sheets: Vec<(String, Vec<String>, Vec<Vec<Bound<'_, PyAny>>>)>,
    ) -> PyResult<PyInventory> {
        use natverk::tables::{InputRow, InputSheet, SheetCell as Cell};
        let mut input = Vec::with_capacity(sheets.len());
        for (name, columns, rows) in sheets {
            let mut out = Vec::with_capacity(rows.len() + 1);
            out.push(InputRow {
                row: 1,
                cells: columns
                    .into_iter()
                    .enumerate()
                    .map(|(j, c)| (u32::try_from(j).unwrap_or(u32::MAX), Cell::Text(c)))
                    .collect(),
            });
            for (i, row) in rows.iter().enumerate() {
                let mut cells = Vec::with_capacity(row.len());
                for (j, v) in row.iter().enumerate() {
                    let cell = crate::conversion::cell(v)?;
                    if cell != Cell::Empty {
                        cells.push((u32::try_from(j).unwrap_or(u32::MAX), cell));
                    }
                }
                out.push(InputRow {
                    row: u32::try_from(i + 2).unwrap_or(u32::MAX),
                    cells,
                });
            }
            input.push(InputSheet { name, rows: out });
        }
        let result = guarded(py, move || {
            natverk::tables::from_tables(&input).map_err(|f| f.with_networks(&input))
        })?;
        let imported = result.map_err(|f| crate::errors::sheet_findings(f, "tables"))?;
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

/// The `id` of each item of the `networks` of JSON text that did not load,
/// where the text is JSON and the id a string (nothing else is judged).
fn file_network_ids(bytes: &[u8]) -> Vec<Option<String>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(serde_json::Value::Object(top)) = serde_json::from_slice(bytes) else {
        return Vec::new();
    };
    match top.get("networks") {
        Some(serde_json::Value::Array(list)) => list
            .iter()
            .map(|n| n.get("id").and_then(|v| v.as_str()).map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// The JSON bytes of `data` changed by `edit` on its top-level object,
/// for the loader to validate.
fn splice(
    data: &natverk::InventoryData,
    edit: impl FnOnce(&mut serde_json::Map<String, serde_json::Value>) -> serde_json::Result<()>,
) -> PyResult<Vec<u8>> {
    let bad = |e: serde_json::Error| crate::errors::internal(&format!("could not splice: {e}"));
    let mut value = serde_json::to_value(data).map_err(bad)?;
    if let serde_json::Value::Object(top) = &mut value {
        edit(top).map_err(bad)?;
    }
    serde_json::to_vec(&value).map_err(bad)
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
        let result = guarded(py, || natverk::Inventory::from_slice(&bytes))?;
        match result {
            Ok(inner) => Ok(PyInventory { inner }),
            Err(e) => {
                // the networks' ids as the text has them, for the findings
                // (only when it does not load; never a second error)
                let ids = guarded(py, || file_network_ids(&bytes)).unwrap_or_default();
                Err(to_py_in(&e, &|i| ids.get(i).cloned().flatten()))
            }
        }
    }

    /// An error of a changed inventory whose network `text` is at its
    /// place: the findings name the networks of this inventory, or the new
    /// one's id.
    fn error_with(&self, e: &natverk::Error, text: &str) -> PyErr {
        let new_id = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| v.get("id").and_then(|x| x.as_str()).map(str::to_string));
        let n = self.inner.networks().len();
        to_py_in(e, &|i| {
            if i >= n {
                new_id.clone()
            } else {
                self.network_id(i)
            }
        })
    }

    /// The id of the network at `i`.
    fn network_id(&self, i: usize) -> Option<String> {
        self.inner.networks().get(i).map(|n| n.id.clone())
    }
}

/// Checks JSON bytes: every error, or (when they load) every warning,
/// judged against `today`. Returns the findings as JSON; never raises for
/// problems of the inventory.
#[pyfunction]
#[pyo3(signature = (data, today=None))]
pub fn check(py: Python<'_>, data: &[u8], today: Option<&str>) -> PyResult<PyFindings> {
    let today = conversion::today(today)?;
    let bytes = data;
    let found = guarded(py, || natverk::check(bytes, today))?;
    let into_networks = found.iter().any(
        |f| matches!(f.path.segments().first(), Some(natverk::Seg::Key(k)) if k == "networks"),
    );
    let ids = if into_networks {
        guarded(py, || file_network_ids(bytes)).unwrap_or_default()
    } else {
        Vec::new()
    };
    Ok(PyFindings::core(found, Head::Check).with_networks(&|i| ids.get(i).cloned().flatten()))
}

/// Today's date on this machine, `YYYY-MM-DD` (the default `today`).
#[pyfunction]
pub fn today() -> String {
    natverk::today().format("%Y-%m-%d").to_string()
}
