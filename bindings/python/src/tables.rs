//! The workbook's sheets (SPEC §10) as Python values: rows of dicts for
//! `Inventory.tables()`, typed columns for `Inventory.to_pandas()`.
//!
//! Equal dates, and equal values of a column whose values repeat (words,
//! units, shares; see [`Column`]), share one Python object, and the columns of whole numbers, dates and booleans
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

/// At most this many distinct texts share one object (the cache's memory
/// is bounded); texts longer than [`LONG_TEXT`] bytes are never looked up
/// (hashing them would cost more than it saves).
const MAX_TEXTS: usize = 1 << 16;
const LONG_TEXT: usize = 256;
/// A column is looked up in the caches for this many cells; after that only
/// while at least the share [`HITS_TEXT`] (texts and whole numbers) or
/// [`HITS_DECIMAL`] (decimals, dearer to make) of its look-ups found a value.
const TRIAL: u32 = 1024;
const HITS_TEXT: u32 = 2; // one in 2
const HITS_DECIMAL: u32 = 4; // one in 4

/// What one column has shown: the last text it made (found again by its
/// address, without reading it: a network's id down its participants,
/// costs and financing, a word of the format), and whether looking its
/// values up pays. A column of values that rarely repeat (ids, names,
/// amounts) stops looking after [`TRIAL`] cells, so each value is made
/// once, without a look-up that misses (a cache miss in a large table).
#[derive(Default)]
pub(crate) struct Column<'py> {
    last: Option<(usize, usize, Bound<'py, PyAny>)>,
    probes: u32,
    hits: u32,
}

impl Column<'_> {
    /// Whether to look a value up, for a column whose look-ups must find
    /// at least one in `share` to pay.
    fn looks_up(&self, share: u32) -> bool {
        self.probes < TRIAL || self.hits.saturating_mul(share) >= self.probes
    }
    fn found(&mut self, hit: bool) {
        // counted during the trial only: the decision is made once
        if self.probes < TRIAL {
            self.probes += 1;
            self.hits += u32::from(hit);
        }
    }
}

/// A cell's Python value: one of the shared objects (no reference counted
/// for it) or a new one.
pub(crate) enum Value<'c, 'py> {
    Shared(&'c Bound<'py, PyAny>),
    New(Bound<'py, PyAny>),
}

impl<'py> std::ops::Deref for Value<'_, 'py> {
    type Target = Bound<'py, PyAny>;
    fn deref(&self) -> &Bound<'py, PyAny> {
        match self {
            Value::Shared(v) => v,
            Value::New(v) => v,
        }
    }
}

/// Builds the Python value of cells, one object per distinct date and,
/// where a column's values repeat (see [`Column`]), per distinct decimal,
/// whole number and (up to [`MAX_TEXTS`]) text.
pub(crate) struct Cells<'a, 'py> {
    py: Python<'py>,
    date: Bound<'py, PyAny>,
    none: Bound<'py, PyAny>,
    bools: [Bound<'py, PyAny>; 2],
    /// By mantissa and scale: `1.0` and `1.00` are different texts.
    decimals: Map<(i128, u32), Bound<'py, PyAny>>,
    dates: Map<NaiveDate, Bound<'py, PyAny>>,
    ints: Map<i64, Bound<'py, PyAny>>,
    texts: Map<&'a str, Bound<'py, PyAny>>,
}

impl<'a, 'py> Cells<'a, 'py> {
    pub(crate) fn new(py: Python<'py>) -> PyResult<Self> {
        Ok(Cells {
            py,
            date: py.import("datetime")?.getattr("date")?,
            none: py.None().into_bound(py),
            bools: [
                false.into_pyobject(py)?.to_owned().into_any(),
                true.into_pyobject(py)?.to_owned().into_any(),
            ],
            decimals: Map::default(),
            dates: Map::default(),
            ints: Map::default(),
            texts: Map::default(),
        })
    }

    /// The value of a cell of the column `col`: `None`, `str`, `Decimal`,
    /// `int`, `date`, `bool`.
    pub(crate) fn get<'c>(
        &'c mut self,
        cell: &'a Cell<'_>,
        col: &'c mut Column<'py>,
    ) -> PyResult<Value<'c, 'py>> {
        use std::collections::hash_map::Entry;
        let py = self.py;
        Ok(match cell {
            Cell::Text(t) => {
                let t: &'a str = t;
                // the same text at the same place as the column's last one:
                // the views lend the model's texts and outlive this call
                let at = (t.as_ptr() as usize, t.len());
                let again = matches!(&col.last, Some((p, n, _)) if (*p, *n) == at);
                if !again {
                    let v = if t.len() <= LONG_TEXT && col.looks_up(HITS_TEXT) {
                        let room = self.texts.len() < MAX_TEXTS;
                        match self.texts.entry(t) {
                            Entry::Occupied(o) => {
                                col.found(true);
                                o.get().clone()
                            }
                            Entry::Vacant(e) => {
                                col.found(false);
                                let v = PyString::new(py, t).into_any();
                                if room {
                                    e.insert(v.clone());
                                }
                                v
                            }
                        }
                    } else {
                        PyString::new(py, t).into_any()
                    };
                    col.last = Some((at.0, at.1, v));
                }
                match &col.last {
                    Some((_, _, v)) => Value::Shared(v),
                    None => Value::New(PyString::new(py, t).into_any()),
                }
            }
            Cell::Decimal(d) if !col.looks_up(HITS_DECIMAL) => {
                Value::New(d.into_pyobject(py)?.into_any())
            }
            Cell::Decimal(d) => match self.decimals.entry((d.mantissa(), d.scale())) {
                Entry::Occupied(o) => {
                    col.found(true);
                    Value::Shared(o.into_mut())
                }
                Entry::Vacant(e) => {
                    col.found(false);
                    Value::Shared(e.insert(d.into_pyobject(py)?.into_any()))
                }
            },
            // CPython keeps -5..=256 itself
            Cell::Int(i) if (-5..=256).contains(i) || !col.looks_up(HITS_TEXT) => {
                Value::New(i.into_pyobject(py)?.into_any())
            }
            Cell::Int(i) => match self.ints.entry(*i) {
                Entry::Occupied(o) => {
                    col.found(true);
                    Value::Shared(o.into_mut())
                }
                Entry::Vacant(e) => {
                    col.found(false);
                    Value::Shared(e.insert(i.into_pyobject(py)?.into_any()))
                }
            },
            Cell::Date(d) => match self.dates.entry(*d) {
                Entry::Occupied(o) => Value::Shared(o.into_mut()),
                Entry::Vacant(e) => {
                    let v = self.date.call1((d.year(), d.month(), d.day()))?;
                    Value::Shared(e.insert(v))
                }
            },
            Cell::Bool(b) => Value::Shared(&self.bools[usize::from(*b)]),
            _ => Value::Shared(&self.none),
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
    let mut state: Vec<Column<'py>> = kinds.iter().map(|_| Column::default()).collect();
    for row in sheet.rows() {
        for ((j, f), col) in fill.iter_mut().enumerate().zip(state.iter_mut()) {
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
                Filling::Values(list) => list.append(&*cells.get(cell, col)?)?,
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
                let mut col = Column::default();
                for r in sheet.rows() {
                    list.append(&*cells.get(r.get(j).unwrap_or(&Cell::Empty), &mut col)?)?;
                }
                ("text", list.into_any())
            }
        });
    }
    Ok(out)
}
