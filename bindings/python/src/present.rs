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
    let mut decimals = Decimals::new(py)?;
    let columns = PyList::empty(py);
    for c in &t.columns {
        let align = match c.align {
            Align::Right => "right",
            _ => "left",
        };
        columns.append((c.key, c.label, align))?;
    }
    let shown = max_rows.unwrap_or(usize::MAX).min(t.rows.len());
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
            t.rows.len().into_pyobject(py)?.into_any(),
        ],
    )
}

/// A label with the vocabulary's lifetime; the key itself if unknown.
pub(crate) fn word(key: &str, lang: Lang) -> &'static str {
    natverk::present::vocabulary(lang)
        .find(|(k, _)| *k == key)
        .map_or("", |(_, l)| l)
}

/// The currency for people (`kr` in Swedish for SEK), else its code.
pub(crate) fn currency(code: &str, lang: Lang) -> String {
    let w = word(&format!("currency.{}", code.to_ascii_lowercase()), lang);
    if w.is_empty() {
        code.to_string()
    } else {
        w.to_string()
    }
}

/// The line under a report's or statistics' title: scope, years and
/// currency (`Alla nätverk, 2024–2025 – belopp i kr`).
pub(crate) fn caption(
    scope: natverk::Scope,
    from: i32,
    to: i32,
    currency_code: &str,
    lang: Lang,
) -> String {
    natverk::present::fill(
        word("ui.caption", lang),
        &[
            ("scope", word(&format!("scope.{}", scope.as_str()), lang)),
            ("years", &natverk::present::years(from, to)),
            ("currency", &currency(currency_code, lang)),
        ],
    )
}

/// An overview of an inventory for people, in `lang`: one row per network
/// (id, name, organiser, kind, status, unit, seats), at most `max_rows` as
/// Python values. The core has no table of an inventory yet; this one is
/// made of its vocabulary only (labels, kind and status words).
pub(crate) fn overview<'py>(
    py: Python<'py>,
    inv: &natverk::Inventory,
    lang: Lang,
    max_rows: Option<usize>,
) -> PyResult<Bound<'py, PyTuple>> {
    let columns = PyList::empty(py);
    for (key, label, align) in [
        ("network", "key.network", "left"),
        ("name", "key.name", "left"),
        ("organiser", "key.organiser", "left"),
        ("kind", "key.kind", "left"),
        ("status", "key.status", "left"),
        ("unit", "key.unit", "left"),
        ("seats", "ui.seats", "right"),
    ] {
        columns.append((key, word(label, lang), align))?;
    }
    let networks = inv.networks();
    let shown = max_rows.unwrap_or(usize::MAX).min(networks.len());
    let rows = PyList::empty(py);
    let or_word = |prefix: &str, w: &'static str| -> &'static str {
        let l = word(&format!("{prefix}.{w}"), lang);
        if l.is_empty() {
            w
        } else {
            l
        }
    };
    for n in &networks[..shown] {
        rows.append(PyTuple::new(
            py,
            [
                n.id.as_str().into_pyobject(py)?.into_any(),
                n.name.as_str().into_pyobject(py)?.into_any(),
                n.organiser.as_deref().into_pyobject(py)?.into_any(),
                or_word("kind", n.kind.as_str())
                    .into_pyobject(py)?
                    .into_any(),
                or_word("status", n.status.as_str())
                    .into_pyobject(py)?
                    .into_any(),
                n.unit.as_deref().into_pyobject(py)?.into_any(),
                n.participants.len().into_pyobject(py)?.into_any(),
            ],
        )?)?;
    }
    PyTuple::new(
        py,
        [
            "inventory".into_pyobject(py)?.into_any(),
            inv.organisation()
                .name
                .as_str()
                .into_pyobject(py)?
                .into_any(),
            Some(natverk::present::count_text(
                "count.networks",
                networks.len(),
                lang,
            ))
            .into_pyobject(py)?
            .into_any(),
            columns.into_any(),
            rows.into_any(),
            PyList::empty(py).into_any(),
            networks.len().into_pyobject(py)?.into_any(),
        ],
    )
}
