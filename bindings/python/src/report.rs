//! `Report` (mirrors the core's `Report`): its lines, total and savings as
//! Python values built in Rust, its columns for pandas, and its Arrow stream.

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyCapsule, PyDict, PyList, PyString, PyTuple};

use natverk::GroupKey;
use natverk::KeyValue;

use crate::arrow;
use crate::conversion::{money_fields, nonempty_json, to_float, Decimals, MoneyKeys, Texts};
use crate::errors::{self, guarded};
use crate::present::{parse_lang, table_to_py};

/// A cost report computed by the core; immutable.
#[pyclass(name = "Report", module = "natverk._natverk", frozen)]
pub struct PyReport {
    pub(crate) inner: natverk::Report,
    /// The options it was made with.
    pub(crate) options: natverk::ReportOptions,
    /// The ids of the networks computed as left (with `leave`).
    pub(crate) left: Option<Vec<String>>,
}

#[pymethods]
impl PyReport {
    /// The report as JSON, pretty-printed: the same text as the command line's.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let text = guarded(py, || self.inner.to_json())?;
        nonempty_json(text, "report")
    }

    /// The report as JSON on one line.
    fn to_json_compact(&self, py: Python<'_>) -> PyResult<String> {
        let text = guarded(py, || self.inner.to_json_compact())?;
        nonempty_json(text, "report")
    }

    /// (organisation, currency, from, to, scope, by): the report's header.
    fn header(&self) -> (String, String, i32, i32, String, Vec<String>) {
        let r = &self.inner;
        (
            r.organisation.clone(),
            r.currency.clone(),
            r.from,
            r.to,
            r.scope.as_str().to_string(),
            r.by.iter().map(|k| k.as_str().to_string()).collect(),
        )
    }

    /// The options the report was made with, defaults filled in: (from,
    /// to, scope, by, statuses, leave (`None`, `"recommended"` or ids),
    /// leave_from, the ids of the networks left).
    #[allow(clippy::type_complexity)]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let o = &self.options;
        let d = PyDict::new(py);
        d.set_item("from", o.from)?;
        d.set_item("to", o.to)?;
        d.set_item("scope", o.scope.as_str())?;
        d.set_item("by", o.by.iter().map(|k| k.as_str()).collect::<Vec<_>>())?;
        d.set_item(
            "statuses",
            o.included_statuses()
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>(),
        )?;
        match &o.leave {
            None => d.set_item("leave", py.None())?,
            Some(natverk::Leave::Recommended) => d.set_item("leave", "recommended")?,
            Some(natverk::Leave::Networks(ids)) => d.set_item("leave", ids.clone())?,
        }
        d.set_item("leave_from", o.leave_from)?;
        d.set_item("left", self.left.clone())?;
        Ok(d)
    }

    /// The column names of a line: group keys (`name` after `network`),
    /// then the nine money fields.
    fn columns(&self) -> Vec<&'static str> {
        let mut cols = Vec::new();
        for k in &self.inner.by {
            cols.push(k.as_str());
            if *k == GroupKey::Network {
                cols.push("name");
            }
        }
        cols.extend(natverk::money::MONEY_FIELDS);
        cols
    }

    /// The lines as a list of new dicts: group keys (`int` year, `str`, or
    /// `None`), `name` after `network`, and the nine money fields as
    /// `decimal.Decimal` with two decimals.
    fn lines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let r = &self.inner;
        let key_names: Vec<Bound<'py, PyString>> =
            r.by.iter()
                .map(|k| PyString::intern(py, k.as_str()))
                .collect();
        let name_key = PyString::intern(py, "name");
        let money_keys = MoneyKeys::new(py);
        let mut decimals = Decimals::new(py)?;
        let mut texts = Texts::new(py);
        // Each line's dict is a copy of one with every key already in
        // place, so filling it never resizes it.
        let template = PyDict::new(py);
        for (k, kn) in r.by.iter().zip(&key_names) {
            template.set_item(kn, py.None())?;
            if *k == GroupKey::Network {
                template.set_item(&name_key, py.None())?;
            }
        }
        for k in &money_keys.0 {
            template.set_item(k, py.None())?;
        }
        let list = PyList::empty(py);
        for line in &r.lines {
            let d = template.copy()?;
            for ((k, kn), v) in r.by.iter().zip(&key_names).zip(&line.keys) {
                d.set_item(kn, texts.key(v, *k == GroupKey::Network)?)?;
                if *k == GroupKey::Network {
                    d.set_item(&name_key, line.name.as_deref())?;
                }
            }
            for ((_, v), k) in money_fields(&line.money)?.into_iter().zip(&money_keys.0) {
                d.set_item(k, decimals.get(v)?)?;
            }
            list.append(d)?;
        }
        Ok(list)
    }

    /// The total: a new dict of the nine money fields.
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        Decimals::new(py)?.money_dict(&MoneyKeys::new(py), &self.inner.total)
    }

    /// The savings (a new dict of the nine money fields), or `None` without
    /// `leave`.
    fn savings<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        match &self.inner.savings {
            None => Ok(None),
            Some(s) => Decimals::new(py)?
                .money_dict(&MoneyKeys::new(py), s)
                .map(Some),
        }
    }

    /// The lines by column, for a data frame: a list of `(name, values)`.
    /// Key columns are lists (`None` for no value, or `na_rep` when given;
    /// `na_rep` must not be a value of the column, else `ArgumentError`).
    /// Money columns are lists of `Decimal` (`money="decimal"`) or the
    /// native-endian `float64` values in a `bytearray` (`money="float"`).
    #[pyo3(signature = (money, na_rep=None))]
    fn frame_columns<'py>(
        &self,
        py: Python<'py>,
        money: &str,
        na_rep: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let r = &self.inner;
        let floats = match money {
            "decimal" => false,
            "float" => true,
            other => {
                return Err(errors::argument(
                    "options.money",
                    &errors::messages::PY_MONEY,
                    &[("value", other)],
                ))
            }
        };
        let out = PyList::empty(py);
        let mut texts = Texts::new(py);
        let label = na_rep.map(|s| PyString::new(py, s).into_any());
        for (i, k) in r.by.iter().enumerate() {
            let values = PyList::empty(py);
            let (mut nulls, mut clash) = (false, false);
            for line in &r.lines {
                let v = line.keys.get(i).unwrap_or(&KeyValue::Null);
                match (v, &label) {
                    (KeyValue::Null, Some(l)) => {
                        nulls = true;
                        values.append(l)?;
                    }
                    _ => {
                        if let (KeyValue::Text(t), Some(n)) = (v, na_rep) {
                            clash |= t == n;
                        }
                        values.append(texts.key(v, *k == GroupKey::Network)?)?;
                    }
                }
            }
            if nulls && clash {
                return Err(errors::argument(
                    "options.na_rep",
                    &errors::messages::PY_NA_REP,
                    &[("value", na_rep.unwrap_or_default()), ("key", k.as_str())],
                ));
            }
            out.append((k.as_str(), values))?;
            if *k == GroupKey::Network {
                let names = PyList::empty(py);
                for line in &r.lines {
                    names.append(line.name.as_deref())?;
                }
                out.append(("name", names))?;
            }
            if *k == GroupKey::Unit {
                let names = PyList::empty(py);
                for line in &r.lines {
                    names.append(line.unit_name.as_deref())?;
                }
                out.append(("unit_name", names))?;
            }
        }
        let n = r.lines.len();
        if floats {
            let mut bufs: Vec<Vec<u8>> = (0..9).map(|_| Vec::with_capacity(8 * n)).collect();
            for line in &r.lines {
                for ((_, v), b) in money_fields(&line.money)?.into_iter().zip(&mut bufs) {
                    b.extend_from_slice(&to_float(v)?.to_ne_bytes());
                }
            }
            for (name, b) in natverk::money::MONEY_FIELDS.iter().zip(bufs) {
                out.append((*name, PyByteArray::new(py, &b)))?;
            }
        } else {
            let mut decimals = Decimals::new(py)?;
            let cols: Vec<Bound<'py, PyList>> = (0..9).map(|_| PyList::empty(py)).collect();
            for line in &r.lines {
                for ((_, v), c) in money_fields(&line.money)?.into_iter().zip(&cols) {
                    c.append(decimals.get(v)?)?;
                }
            }
            for (name, c) in natverk::money::MONEY_FIELDS.iter().zip(cols) {
                out.append((*name, c))?;
            }
        }
        Ok(out)
    }

    /// The Arrow PyCapsule stream of the report's lines (one fixed schema:
    /// see `natverk.Report.to_arrow`). `requested_schema` is not supported
    /// (the schema is fixed) and is ignored, as the protocol allows.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        arrow::stream_capsule(py, &self.inner)
    }

    /// The report as people see it, in `lang`: the core's `Report::table`
    /// (group keys and the nine money columns, labelled; the total and
    /// savings as footer rows), with at most `max_rows` of its rows as
    /// Python values: see `natverk.Table`.
    #[pyo3(signature = (lang, max_rows=None))]
    fn table<'py>(
        &self,
        py: Python<'py>,
        lang: &str,
        max_rows: Option<usize>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let lang = parse_lang(lang)?;
        let r = &self.inner;
        let t = guarded(py, || r.table(lang))?;
        let cap = r.caption(lang);
        table_to_py(py, &t, Some(cap), max_rows)
    }

    /// Whether two reports have the same content (header, lines, total,
    /// savings).
    fn same_as(&self, other: &PyReport) -> bool {
        self.inner == other.inner
    }

    /// How many lines the report has.
    fn __len__(&self) -> usize {
        self.inner.lines.len()
    }
}
