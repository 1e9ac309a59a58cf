//! The workbook's sheets (SPEC §10) as Python values: rows of dicts for
//! `Inventory.tables()`, typed columns for `Inventory.to_pandas()`.
//!
//! Equal decimals and dates share one Python object (a sheet repeats
//! amounts and dates), and the columns of whole numbers, dates and booleans
//! are handed over as `int64`/`bool` buffers that numpy reads without a
//! Python object per cell.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::{Datelike, NaiveDate};
use natverk::tables::{CellView as Cell, ColumnKind, SheetView};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};

/// The word of a column's kind: `int`, `decimal`, `date`, `bool`, `text`.
pub(crate) fn kind_word(kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Int | ColumnKind::Year => "int",
        ColumnKind::Decimal => "decimal",
        ColumnKind::Date => "date",
        ColumnKind::Bool => "bool",
        _ => "text",
    }
}

/// A small, fast hasher for the caches (Fx, word by word): their keys are
/// short, and a collision costs time, never a wrong value.
#[derive(Default)]
pub(crate) struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn write_i32(&mut self, i: i32) {
        self.add(u64::from(u32::from_ne_bytes(i.to_ne_bytes())));
    }
}

type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// Short texts repeat (ids in every sheet, words of the format) and share
/// one object, up to this many distinct ones; longer texts (names, notes)
/// rarely repeat and are made each time.
const MAX_TEXTS: usize = 1 << 16;
const SHORT_TEXT: usize = 24;

/// Builds the Python value of cells, one object per distinct decimal, date
/// and (up to [`MAX_TEXTS`]) text.
pub(crate) struct Cells<'a, 'py> {
    py: Python<'py>,
    date: Bound<'py, PyAny>,
    /// By mantissa and scale: `1.0` and `1.00` are different texts.
    decimals: Map<(i128, u32), Bound<'py, PyAny>>,
    dates: Map<NaiveDate, Bound<'py, PyAny>>,
    texts: Map<&'a str, Bound<'py, PyAny>>,
    /// The texts of `texts` by where the views lend them from (address
    /// and length: the views outlive this cache).
    lent: Map<(usize, usize), Bound<'py, PyAny>>,
}

impl<'a, 'py> Cells<'a, 'py> {
    pub(crate) fn new(py: Python<'py>) -> PyResult<Self> {
        Ok(Cells {
            py,
            date: py.import("datetime")?.getattr("date")?,
            decimals: Map::default(),
            dates: Map::default(),
            texts: Map::default(),
            lent: Map::default(),
        })
    }

    /// The value of a cell: `None`, `str`, `Decimal`, `int`, `date`, `bool`.
    pub(crate) fn get(&mut self, cell: &'a Cell<'_>) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        Ok(match cell {
            Cell::Text(t) if t.len() > SHORT_TEXT => PyString::new(py, t).into_any(),
            Cell::Text(t) => {
                let t: &'a str = t;
                // the same text at the same place (a word of the format, a
                // network's id in its participants, costs and financing):
                // found without reading it
                let at = (t.as_ptr() as usize, t.len());
                if let Some(v) = self.lent.get(&at) {
                    return Ok(v.clone());
                }
                if let Some(v) = self.texts.get(t) {
                    return Ok(v.clone());
                }
                let v = PyString::new(py, t).into_any();
                if self.texts.len() < MAX_TEXTS {
                    self.texts.insert(t, v.clone());
                    self.lent.insert(at, v.clone());
                }
                v
            }
            Cell::Decimal(d) => {
                let key = (d.mantissa(), d.scale());
                if let Some(v) = self.decimals.get(&key) {
                    return Ok(v.clone());
                }
                let v = d.into_pyobject(py)?.into_any();
                self.decimals.insert(key, v.clone());
                v
            }
            Cell::Int(i) => i.into_pyobject(py)?.into_any(),
            Cell::Date(d) => {
                if let Some(v) = self.dates.get(d) {
                    return Ok(v.clone());
                }
                let v = self.date.call1((d.year(), d.month(), d.day()))?;
                self.dates.insert(*d, v.clone());
                v
            }
            Cell::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
            _ => py.None().into_bound(py),
        })
    }
}

fn bytes_of<T: Copy>(values: &[T], to_bytes: impl Fn(T) -> [u8; 8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(values.len() * 8);
    for v in values {
        out.extend_from_slice(&to_bytes(*v));
    }
    out
}

/// One column being filled, row by row.
enum Filling<'py> {
    /// Whole numbers or booleans (as 0/1) and the mask of empty cells.
    Numbers { values: Vec<i64>, mask: Vec<u8> },
    /// Days since 1970-01-01, `i64::MIN` for an empty cell.
    Days(Vec<i64>),
    /// Python values.
    Values(Bound<'py, PyList>),
    /// A cell did not fit the column's kind: made again as values.
    Unfit,
}

/// The columns of `rows` (`kinds`: each column's word) as `(kind, data)`
/// (see `Inventory.frames`), filled in one pass over the rows (a sheet's
/// rows lie apart in memory); a column whose cells do not all fit its kind
/// is a list of values (`text`).
pub(crate) fn columns<'a, 'py>(
    py: Python<'py>,
    cells: &mut Cells<'a, 'py>,
    sheet: &'a SheetView<'_>,
    kinds: &[&'static str],
) -> PyResult<Vec<(&'static str, Bound<'py, PyAny>)>> {
    let n = sheet.len();
    let mut fill: Vec<Filling<'py>> = kinds
        .iter()
        .map(|k| match *k {
            "int" | "bool" => Filling::Numbers {
                values: Vec::with_capacity(n),
                mask: Vec::with_capacity(n),
            },
            "date" => Filling::Days(Vec::with_capacity(n)),
            _ => Filling::Values(PyList::empty(py)),
        })
        .collect();
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    for row in sheet.rows() {
        for (j, f) in fill.iter_mut().enumerate() {
            let cell = row.get(j).unwrap_or(&Cell::Empty);
            match f {
                Filling::Numbers { values, mask } => match (cell, kinds[j]) {
                    (Cell::Empty, _) => {
                        values.push(0);
                        mask.push(1);
                    }
                    (Cell::Int(i), "int") => {
                        values.push(*i);
                        mask.push(0);
                    }
                    (Cell::Bool(b), "bool") => {
                        values.push(i64::from(*b));
                        mask.push(0);
                    }
                    _ => *f = Filling::Unfit,
                },
                Filling::Days(days) => match cell {
                    Cell::Empty => days.push(i64::MIN),
                    Cell::Date(d) => days.push((*d - epoch).num_days()),
                    _ => *f = Filling::Unfit,
                },
                Filling::Values(list) => list.append(cells.get(cell)?)?,
                Filling::Unfit => {}
            }
        }
    }
    let mut out = Vec::with_capacity(fill.len());
    for (j, f) in fill.into_iter().enumerate() {
        out.push(match f {
            Filling::Numbers { values, mask } => {
                let data = if kinds[j] == "bool" {
                    let bools: Vec<u8> = values.iter().map(|v| u8::from(*v != 0)).collect();
                    PyBytes::new(py, &bools)
                } else {
                    PyBytes::new(py, &bytes_of(&values, i64::to_ne_bytes))
                };
                let pair = (data, PyBytes::new(py, &mask)).into_pyobject(py)?;
                (kinds[j], pair.into_any())
            }
            Filling::Days(days) => (
                "date",
                PyBytes::new(py, &bytes_of(&days, i64::to_ne_bytes)).into_any(),
            ),
            Filling::Values(list) => {
                let word = if kinds[j] == "decimal" {
                    "decimal"
                } else {
                    "text"
                };
                (word, list.into_any())
            }
            Filling::Unfit => {
                let list = PyList::empty(py);
                for r in sheet.rows() {
                    list.append(cells.get(r.get(j).unwrap_or(&Cell::Empty))?)?;
                }
                ("text", list.into_any())
            }
        });
    }
    Ok(out)
}
