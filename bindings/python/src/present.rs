//! The core's `present` module for Python (SPEC §11): the vocabulary, the
//! default language, amounts for people, and the tables people see
//! (`Report::table`, `Equality::tables`, `Findings::table`) as plain
//! Python data that `natverk.Table` wraps and lays out as HTML.
//!
//! A table reaches Python as one tuple `(key, title, caption, columns,
//! rows, footer, n_rows)`: `columns` a list of `(key, label, align)`,
//! `rows` and `footer` lists of tuples of `str`, `int`, `decimal.Decimal`
//! or `None`. Only the first `max_rows` rows become Python objects
//! (`n_rows` says how many the table has), so the notebook display of a
//! report of 50 000 lines converts what it shows, not the whole report.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use natverk::present::{Align, DisplayCell, Table};
use natverk::Lang;

use crate::conversion::{self, Decimals};

/// The language of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`:
/// `sv…` is Swedish, anything else English), as the command line reads it.
#[pyfunction]
pub fn default_lang() -> &'static str {
    Lang::from_env().as_str()
}

/// Every `(key, label)` of the core's vocabulary in `lang`, in its order.
#[pyfunction]
pub fn vocabulary(lang: &str) -> PyResult<Vec<(&'static str, &'static str)>> {
    let lang = conversion::lang(lang)?;
    Ok(natverk::present::vocabulary(lang).collect())
}

/// The label of `key` in `lang`, or `None` when the vocabulary has no such
/// key.
#[pyfunction]
pub fn label(key: &str, lang: &str) -> PyResult<Option<&'static str>> {
    let lang = conversion::lang(lang)?;
    Ok(natverk::present::vocabulary(lang)
        .find(|(k, _)| *k == key)
        .map(|(_, l)| l))
}

/// An amount for people: `65 000,50` (sv, a no-break space groups the
/// thousands) or `65,000.50` (en); two decimals.
#[pyfunction]
pub fn format_money(amount: rust_decimal::Decimal, lang: &str) -> PyResult<String> {
    let lang = conversion::lang(lang)?;
    Ok(natverk::money::fmt_human(amount, lang))
}

/// A counted phrase of the vocabulary (`count.lines` with 3 → `3 lines`),
/// the count grouped as people write it in `lang`.
#[pyfunction]
pub fn count_text(key: &str, n: usize, lang: &str) -> PyResult<String> {
    let lang = conversion::lang(lang)?;
    Ok(natverk::present::count_text(key, n, lang))
}

/// `lang` as the core's language.
pub(crate) fn parse_lang(lang: &str) -> PyResult<Lang> {
    conversion::lang(lang)
}

/// One cell as a Python value.
fn cell<'py>(
    py: Python<'py>,
    c: &DisplayCell,
    decimals: &mut Decimals<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(match c {
        DisplayCell::Text(t) => t.into_pyobject(py)?.into_any(),
        DisplayCell::Word(w) => w.into_pyobject(py)?.into_any(),
        DisplayCell::Int(i) => i.into_pyobject(py)?.into_any(),
        DisplayCell::Money(d) | DisplayCell::Decimal(d) => decimals.get(*d)?,
        _ => py.None().into_bound(py),
    })
}

fn row<'py>(
    py: Python<'py>,
    r: &[DisplayCell],
    decimals: &mut Decimals<'py>,
) -> PyResult<Bound<'py, PyTuple>> {
    let values = r
        .iter()
        .map(|c| cell(py, c, decimals))
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, values)
}

/// A core table as the tuple `natverk.Table` is made from, with at most
/// `max_rows` rows (all when `None`).
pub(crate) fn table_to_py<'py>(
    py: Python<'py>,
    t: &Table,
    caption: Option<String>,
    max_rows: Option<usize>,
) -> PyResult<Bound<'py, PyTuple>> {
    let shown = max_rows.unwrap_or(usize::MAX).min(t.rows.len());
    to_py(py, t, caption, shown, t.rows.len())
}

/// The first `shown` rows of a table that has `n_rows` in all.
fn to_py<'py>(
    py: Python<'py>,
    t: &Table,
    caption: Option<String>,
    shown: usize,
    n_rows: usize,
) -> PyResult<Bound<'py, PyTuple>> {
    let mut decimals = Decimals::new(py)?;
    let columns = PyList::empty(py);
    for c in &t.columns {
        let align = match c.align {
            Align::Right => "right",
            _ => "left",
        };
        columns.append((c.key, c.label, align))?;
    }
    let rows = PyList::empty(py);
    for r in &t.rows[..shown] {
        rows.append(row(py, r, &mut decimals)?)?;
    }
    let footer = PyList::empty(py);
    for r in &t.footer {
        footer.append(row(py, r, &mut decimals)?)?;
    }
    PyTuple::new(
        py,
        [
            t.key.into_pyobject(py)?.into_any(),
            t.title.as_str().into_pyobject(py)?.into_any(),
            caption.into_pyobject(py)?.into_any(),
            columns.into_any(),
            rows.into_any(),
            footer.into_any(),
            n_rows.into_pyobject(py)?.into_any(),
        ],
    )
}

/// An overview of an inventory for people, in `lang`: the core's
/// (`present::overview`, one row per network), at most `max_rows` rows as
/// Python values, captioned with the count of networks.
pub(crate) fn overview<'py>(
    py: Python<'py>,
    inv: &natverk::Inventory,
    lang: Lang,
    max_rows: Option<usize>,
) -> PyResult<Bound<'py, PyTuple>> {
    let t = natverk::present::overview(inv, lang, max_rows);
    let n = inv.networks().len();
    let caption = natverk::present::count_text("count.networks", n, lang);
    to_py(py, &t, Some(caption), t.rows.len(), n)
}
