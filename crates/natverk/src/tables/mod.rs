//! The inventory as the sheets of a workbook (SPEC §10), both ways.
//!
//! - [`tables`] gives every sheet of SPEC §10, in order, with its columns
//!   (the §10 names) and typed rows, one row per item in file order. The
//!   workbook writer (`natverk-workbook`) and Python's `Inventory.tables()`
//!   and `Inventory.to_pandas()` all use it, so a workbook and a DataFrame
//!   never disagree.
//! - [`from_tables`] is the inverse: rows of cells as read from a workbook
//!   (any column order, sheet and column names in Swedish or English, any
//!   case) → [`InventoryData`] → [`Inventory::new`]. It reports every bad
//!   cell in one run, each with its sheet, row, column and the JSON path it
//!   maps to, and maps every finding of the core back to the cell it came
//!   from. It converts cells only: every rule of SPEC §3 is the core's.
//! - [`LAYOUT`] describes the sheets and columns; their names for people
//!   are in the vocabulary ([`sheet_name`], [`column_name`]).
//!
//! ```
//! use natverk::tables::{self, Cell};
//! use natverk::{Inventory, Lang};
//!
//! let inv = Inventory::from_json(r#"{"format": "natverk/1",
//!   "organisation": {"name": "Göteborgs Stad", "currency": "SEK"},
//!   "networks": [{"id": "skr", "name": "SKR", "start": "2024-03-01",
//!                 "subjects": ["jämställdhet", "klimat"]}]}"#)?;
//! let sheets = tables::tables(inv.data());
//! let networks = sheets.iter().find(|s| s.key == "networks").unwrap();
//! assert_eq!(networks.columns[4], "subjects");
//! assert_eq!(networks.rows[0][4], Cell::Text("jämställdhet; klimat".into()));
//! assert_eq!(tables::sheet_name("networks", Lang::Sv), "nätverk");
//!
//! // …and back: the same inventory.
//! let input: Vec<_> = sheets.iter().map(|s| s.to_input(Lang::Sv)).collect();
//! let back = tables::from_tables(&input).unwrap();
//! assert_eq!(back.inventory.to_json(), inv.to_json());
//! # Ok::<(), natverk::Error>(())
//! ```

mod place;
mod read;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{
    CostKind, Covers, FinancingStatus, Gender, InventoryData, NetworkKind, Per, Population,
    Recommendation, Role, Side, Status, Word,
};
use crate::present::{label, vocabulary, Lang};

pub use place::{Locator, Measure, Place, SheetFinding, SheetFindings};
pub use read::{
    cell_currency, from_tables, from_tables_within, parse_cell_decimal, parse_cell_fraction,
    trim_spaces, Fraction, Imported, InputRow, InputSheet, BYTES_PER_NETWORK_ROW, BYTES_PER_ROW,
    MAX_NETWORK_ROWS_BASE, MAX_ROWS_BASE,
};

#[cfg(doc)]
use crate::Inventory;

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Cell {
    /// No value.
    Empty,
    /// Text (ids, names, words of the format, subjects joined with `; `).
    Text(String),
    /// A decimal (amounts, hours, rates, shares), exact.
    Decimal(Decimal),
    /// A whole number (years, counts, populations).
    Int(i64),
    /// A date.
    Date(NaiveDate),
    /// TRUE or FALSE.
    Bool(bool),
    /// A spreadsheet error shown in the cell (`#REF!`, `#DIV/0!`): only
    /// read from workbooks, never written.
    Error(String),
}

impl Cell {
    /// Whether the cell has no value (empty, or text of only spaces).
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// The start of a [`Cell::Error`] that a workbook reader makes of a date
/// cell outside the dates a spreadsheet holds (before 1900-01-01, after
/// 9999-12-31, not a number), followed by the serial: the import reports
/// it as such, with the cell's place.
pub const DATE_OUT_OF_RANGE: &str = "#DATE! ";

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ColumnKind {
    /// Any text.
    Text,
    /// The id of the sheet's items.
    Id,
    /// An id from another sheet (that sheet's key).
    Ref(&'static str),
    /// A word of the format: the vocabulary prefix of the enum (`status`)
    /// and its words in the file (`proposed`, …).
    Word(&'static str, &'static [&'static str]),
    /// A decimal.
    Decimal,
    /// A whole number.
    Int,
    /// A year.
    Year,
    /// A date.
    Date,
    /// TRUE or FALSE.
    Bool,
    /// Subjects, joined with `; `.
    Subjects,
    /// An ISO 4217 currency code.
    Currency,
}

/// One column of a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnInfo {
    /// Its name in SPEC §10 (the English name).
    pub key: &'static str,
    /// What it holds.
    pub kind: ColumnKind,
    /// Whether every row needs it.
    pub required: bool,
}

/// One sheet of the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetInfo {
    /// Its name in SPEC §10 (the English name).
    pub key: &'static str,
    /// Its columns, in SPEC §10 order.
    pub columns: &'static [ColumnInfo],
}

impl SheetInfo {
    /// The position of a column.
    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }
}

const fn col(key: &'static str, kind: ColumnKind) -> ColumnInfo {
    ColumnInfo {
        key,
        kind,
        required: false,
    }
}

const fn req(key: &'static str, kind: ColumnKind) -> ColumnInfo {
    ColumnInfo {
        key,
        kind,
        required: true,
    }
}

const fn word<E: Word>(prefix: &'static str) -> ColumnKind {
    ColumnKind::Word(prefix, E::WORDS)
}

use ColumnKind as K;

/// The sheets of SPEC §10, in order, with their columns.
pub const LAYOUT: &[SheetInfo] = &[
    SheetInfo {
        key: "organisation",
        columns: &[
            req("name", K::Text),
            col("code", K::Text),
            req("currency", K::Currency),
        ],
    },
    SheetInfo {
        key: "population",
        columns: &[col("year", K::Year), req("population", K::Int)],
    },
    SheetInfo {
        key: "units",
        columns: &[
            req("id", K::Id),
            req("name", K::Text),
            col("central", K::Bool),
        ],
    },
    SheetInfo {
        key: "people",
        columns: &[
            req("id", K::Id),
            col("name", K::Text),
            col("gender", word::<Gender>("gender")),
            req("role", word::<Role>("role")),
            col("side", word::<Side>("side")),
            col("party", K::Text),
            col("hourly_cost", K::Decimal),
        ],
    },
    SheetInfo {
        key: "fee_schedules",
        columns: &[
            req("id", K::Id),
            col("currency", K::Currency),
            col("population_offset", K::Int),
            col("base", K::Decimal),
            col("rate", K::Decimal),
            col("min", K::Decimal),
            col("max", K::Decimal),
        ],
    },
    SheetInfo {
        key: "tiers",
        columns: &[
            req("schedule", K::Ref("fee_schedules")),
            col("max_population", K::Int),
            req("amount", K::Decimal),
        ],
    },
    SheetInfo {
        key: "exchange_rates",
        columns: &[
            req("currency", K::Currency),
            req("year", K::Year),
            req("rate", K::Decimal),
        ],
    },
    SheetInfo {
        key: "networks",
        columns: &[
            req("id", K::Id),
            req("name", K::Text),
            col("organiser", K::Text),
            col("kind", word::<NetworkKind>("kind")),
            col("subjects", K::Subjects),
            col("unit", K::Ref("units")),
            req("start", K::Date),
            col("end", K::Date),
            col("deadline", K::Date),
            col("status", word::<Status>("status")),
            col("notice_months", K::Int),
            col("via", K::Text),
            col("decision_body", K::Text),
            col("decision_date", K::Date),
            col("decision_reference", K::Text),
            col("url", K::Text),
            col("purpose", K::Text),
            col("notes", K::Text),
            col("benefit", K::Int),
            col("recommendation", word::<Recommendation>("recommendation")),
            col("assessment_note", K::Text),
        ],
    },
    SheetInfo {
        key: "participants",
        columns: &[
            req("network", K::Ref("networks")),
            req("person", K::Ref("people")),
            col("role", K::Text),
            col("hours_per_year", K::Decimal),
        ],
    },
    SheetInfo {
        key: "costs",
        columns: &[
            req("network", K::Ref("networks")),
            req("kind", word::<CostKind>("cost_kind")),
            col("amount", K::Decimal),
            col("schedule", K::Ref("fee_schedules")),
            col("currency", K::Currency),
            col("per", word::<Per>("per")),
            col("date", K::Date),
            col("from", K::Year),
            col("to", K::Year),
            col("prorate", K::Bool),
            col("note", K::Text),
        ],
    },
    SheetInfo {
        key: "financing",
        columns: &[
            req("network", K::Ref("networks")),
            req("funder", K::Text),
            req("status", word::<FinancingStatus>("financing_status")),
            col("covers", word::<Covers>("covers")),
            col("share", K::Decimal),
            col("max_per_year", K::Decimal),
            col("probability", K::Decimal),
            col("from", K::Year),
            col("to", K::Year),
        ],
    },
];

/// The sheet of instructions that comes first and is not read back.
pub const INSTRUCTIONS: &str = "instructions";

/// Other names a sheet of instructions may have been given (it is skipped
/// on import under any of them, or its names in [`sheet_name`]).
pub const INSTRUCTIONS_ALSO: &[&str] = &["read me", "readme", "läs mig", "läsmig", "anvisningar"];

/// The sheet `key` of [`LAYOUT`].
pub fn sheet(key: &str) -> Option<&'static SheetInfo> {
    LAYOUT.iter().find(|s| s.key == key)
}

/// The name of a sheet (a [`LAYOUT`] key, or [`INSTRUCTIONS`]) for people:
/// exactly the §10 name in English, plain Swedish words in Swedish.
pub fn sheet_name(key: &str, lang: Lang) -> &str {
    match SHEET_KEYS.iter().find(|(k, _)| *k == key) {
        Some((_, vocab)) => label(vocab, lang),
        None => key,
    }
}

/// The name of a column of a sheet for people.
pub fn column_name(sheet: &str, column: &str, lang: Lang) -> String {
    let key = format!("workbook.column.{sheet}.{column}");
    let l = label(&key, lang);
    if l == key {
        column.to_string()
    } else {
        l.to_string()
    }
}

const SHEET_KEYS: &[(&str, &str)] = &[
    ("instructions", "workbook.sheet.instructions"),
    ("organisation", "workbook.sheet.organisation"),
    ("population", "workbook.sheet.population"),
    ("units", "workbook.sheet.units"),
    ("people", "workbook.sheet.people"),
    ("fee_schedules", "workbook.sheet.fee_schedules"),
    ("tiers", "workbook.sheet.tiers"),
    ("exchange_rates", "workbook.sheet.exchange_rates"),
    ("networks", "workbook.sheet.networks"),
    ("participants", "workbook.sheet.participants"),
    ("costs", "workbook.sheet.costs"),
    ("financing", "workbook.sheet.financing"),
];

/// A sheet or column name as compared on import: trimmed, lowercase, with
/// `_`, `-` and runs of spaces read as one space.
pub fn normalise_name(name: &str) -> String {
    let lower = name.to_lowercase().replace(['_', '-'], " ");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The word of the format a cell means in a column of words (`prefix` is
/// the enum's vocabulary prefix, e.g. `status`): the file's word in any
/// case, or a Swedish word of the vocabulary (`aktiv`, `föreslagen`, …).
///
/// ```
/// use natverk::tables::word_of;
/// assert_eq!(word_of("status", " Aktiv "), Some("active"));
/// assert_eq!(word_of("status", "ENDED"), Some("ended"));
/// assert_eq!(word_of("kind", "program"), Some("programme"));
/// assert_eq!(word_of("status", "aktiv-ish"), None);
/// ```
pub fn word_of(prefix: &str, text: &str) -> Option<&'static str> {
    let w = text.trim().to_lowercase();
    let words = words_of(prefix)?;
    if let Some(en) = words.iter().find(|x| **x == w) {
        return Some(en);
    }
    swedish_words()
        .get(prefix)
        .and_then(|m| m.iter().find(|(sv, _)| *sv == w))
        .map(|(_, en)| *en)
}

/// The word of the format `word` as written in a cell in `lang` (Swedish
/// workbooks write Swedish words).
pub fn cell_word(prefix: &str, word: &str, lang: Lang) -> String {
    match lang {
        Lang::En => word.to_string(),
        Lang::Sv => {
            let key = format!("workbook.word.{prefix}.{word}");
            let l = label(&key, lang);
            if l == key {
                word.to_string()
            } else {
                l.to_string()
            }
        }
    }
}

/// Every word a column of words takes in `lang`, in the enum's order.
pub fn column_words(prefix: &str, lang: Lang) -> Vec<String> {
    words_of(prefix)
        .unwrap_or(&[])
        .iter()
        .map(|w| cell_word(prefix, w, lang))
        .collect()
}

/// The file's words of the enum with vocabulary prefix `prefix`.
pub fn words_of(prefix: &str) -> Option<&'static [&'static str]> {
    Some(match prefix {
        "gender" => Gender::WORDS,
        "role" => Role::WORDS,
        "side" => Side::WORDS,
        "kind" => NetworkKind::WORDS,
        "status" => Status::WORDS,
        "recommendation" => Recommendation::WORDS,
        "cost_kind" => CostKind::WORDS,
        "per" => Per::WORDS,
        "covers" => Covers::WORDS,
        "financing_status" => FinancingStatus::WORDS,
        _ => return None,
    })
}

type SwedishWords = HashMap<&'static str, Vec<(&'static str, &'static str)>>;

/// Swedish spelling → the file's word, by enum prefix, from the
/// vocabulary's `workbook.word.*` and `workbook.word_alt.*` entries.
fn swedish_words() -> &'static SwedishWords {
    static WORDS: OnceLock<SwedishWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut m: SwedishWords = HashMap::new();
        for ((key, en), (_, sv)) in vocabulary(Lang::En).zip(vocabulary(Lang::Sv)) {
            let rest = key
                .strip_prefix("workbook.word.")
                .or_else(|| key.strip_prefix("workbook.word_alt."));
            if let Some((prefix, _)) = rest.and_then(|r| r.split_once('.')) {
                m.entry(prefix).or_default().push((sv, en));
            }
        }
        m
    })
}

// ---- subjects ------------------------------------------------------------------

/// Subjects in one cell, joined with `; `. A subject that could not be read
/// back as it is (one with `;`, a leading `"`, or spaces at either end) is
/// written in double quotes, a quote in it doubled, as CSV does.
///
/// ```
/// use natverk::tables::{join_subjects, split_subjects};
/// let s = vec!["jämställdhet".to_string(), "a; b".to_string()];
/// assert_eq!(join_subjects(&s), "jämställdhet; \"a; b\"");
/// assert_eq!(split_subjects(&join_subjects(&s)), Some(s));
/// ```
pub fn join_subjects(subjects: &[String]) -> String {
    let mut out = String::new();
    for (i, s) in subjects.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        let plain =
            !s.is_empty() && !s.contains(';') && !s.starts_with('"') && s.trim() == s.as_str();
        if plain {
            out.push_str(s);
        } else {
            out.push('"');
            out.push_str(&s.replace('"', "\"\""));
            out.push('"');
        }
    }
    out
}

/// The subjects of a cell: separated by `;`, each trimmed, empty parts
/// skipped; a part in double quotes is taken as it is (`""` is a quote).
/// `None` when a quote is not closed.
pub fn split_subjects(cell: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = cell;
    loop {
        let t = rest.trim_start();
        if let Some(q) = t.strip_prefix('"') {
            // A quoted subject: up to the first quote not doubled.
            let mut s = String::new();
            let mut chars = q.char_indices();
            let mut end = None;
            while let Some((i, c)) = chars.next() {
                if c == '"' {
                    if q[i + 1..].starts_with('"') {
                        s.push('"');
                        chars.next();
                    } else {
                        end = Some(i + 1);
                        break;
                    }
                } else {
                    s.push(c);
                }
            }
            let end = end?;
            out.push(s);
            let after = q[end..].trim_start();
            match after.strip_prefix(';') {
                Some(r) => rest = r,
                None if after.is_empty() => return Some(out),
                None => return None,
            }
        } else {
            let (part, more) = match t.find(';') {
                Some(p) => (&t[..p], Some(&t[p + 1..])),
                None => (t, None),
            };
            let part = part.trim();
            if !part.is_empty() {
                out.push(part.to_string());
            }
            match more {
                Some(r) => rest = r,
                None => return Some(out),
            }
        }
    }
}

// ---- inventory → sheets ------------------------------------------------------------

/// One sheet with its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's key in [`LAYOUT`] (its §10 name).
    pub key: &'static str,
    /// The §10 names of its columns, in order.
    pub columns: Vec<&'static str>,
    /// One row per item, one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// The sheet's description.
    pub fn info(&self) -> &'static SheetInfo {
        sheet(self.key).unwrap_or(&LAYOUT[0])
    }
    /// The sheet as a workbook would hold it in `lang`: its name and
    /// column names in `lang`, a heading row, then the rows, words of the
    /// format in `lang` (for tests and for callers that fill a workbook
    /// themselves).
    pub fn to_input(&self, lang: Lang) -> InputSheet {
        let info = self.info();
        let mut rows = Vec::with_capacity(self.rows.len() + 1);
        rows.push(
            self.columns
                .iter()
                .map(|c| Cell::Text(column_name(self.key, c, lang)))
                .collect(),
        );
        for r in &self.rows {
            rows.push(
                r.iter()
                    .zip(info.columns)
                    .map(|(cell, c)| match (cell, c.kind) {
                        (Cell::Text(w), ColumnKind::Word(prefix, _)) => {
                            Cell::Text(cell_word(prefix, w, lang))
                        }
                        _ => cell.clone(),
                    })
                    .collect(),
            );
        }
        InputSheet::from_grid(sheet_name(self.key, lang), rows)
    }
}

/// One cell of a [`SheetView`]: a [`Cell`] whose text is lent by the
/// inventory where it can be.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CellView<'a> {
    /// No value.
    Empty,
    /// Text (ids, names, words of the format, subjects joined with `; `).
    Text(Cow<'a, str>),
    /// A decimal, exact.
    Decimal(Decimal),
    /// A whole number.
    Int(i64),
    /// A date.
    Date(NaiveDate),
    /// TRUE or FALSE.
    Bool(bool),
}

impl CellView<'_> {
    /// The owned cell.
    pub fn to_cell(&self) -> Cell {
        match self {
            CellView::Empty => Cell::Empty,
            CellView::Text(t) => Cell::Text(t.to_string()),
            CellView::Decimal(d) => Cell::Decimal(*d),
            CellView::Int(i) => Cell::Int(*i),
            CellView::Date(d) => Cell::Date(*d),
            CellView::Bool(b) => Cell::Bool(*b),
        }
    }
}

/// One sheet of [`sheet_views`]: its cells row after row, one per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetView<'a> {
    /// The sheet's key in [`LAYOUT`] (its §10 name).
    pub key: &'static str,
    /// The §10 names of its columns, in order.
    pub columns: Vec<&'static str>,
    /// The cells, row after row (`columns.len()` a row).
    pub cells: Vec<CellView<'a>>,
}

impl<'a> SheetView<'a> {
    /// Its rows, one slice of `columns.len()` cells each.
    pub fn rows(&self) -> std::slice::ChunksExact<'_, CellView<'a>> {
        self.cells.chunks_exact(self.columns.len().max(1))
    }

    /// How many rows it has.
    pub fn len(&self) -> usize {
        self.cells.len() / self.columns.len().max(1)
    }

    /// Whether it has no row.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    fn push<const N: usize>(&mut self, row: [CellView<'a>; N]) {
        debug_assert_eq!(N, self.columns.len(), "a row of {}", self.key);
        self.cells.extend(row);
    }
}

fn text(s: &str) -> CellView<'_> {
    CellView::Text(Cow::Borrowed(s))
}

fn opt_text(s: &Option<String>) -> CellView<'_> {
    s.as_deref().map_or(CellView::Empty, text)
}

fn opt_dec(d: &Option<Decimal>) -> CellView<'static> {
    d.map_or(CellView::Empty, CellView::Decimal)
}

fn opt_date(d: &Option<NaiveDate>) -> CellView<'static> {
    d.map_or(CellView::Empty, CellView::Date)
}

fn opt_int<T: Copy + Into<i64>>(v: &Option<T>) -> CellView<'static> {
    v.map_or(CellView::Empty, |x| CellView::Int(x.into()))
}

fn opt_word<E: Word>(w: &Option<E>) -> CellView<'static> {
    w.map_or(CellView::Empty, |x| text(x.as_str()))
}

fn int_u64(v: u64) -> CellView<'static> {
    // Populations are at most 10¹³ (the format's limit); anything larger
    // is written as text rather than wrapped.
    i64::try_from(v).map_or_else(|_| CellView::Text(Cow::Owned(v.to_string())), CellView::Int)
}

/// Every sheet of SPEC §10 in order, one row per item in file order (the
/// sheet of instructions is not among them: it is not data).
///
/// The data need not be valid: what it holds is written as it is.
pub fn tables(data: &InventoryData) -> Vec<Sheet> {
    sheet_views(data)
        .iter()
        .map(|v| Sheet {
            key: v.key,
            columns: v.columns.clone(),
            rows: v
                .rows()
                .map(|r| r.iter().map(CellView::to_cell).collect())
                .collect(),
        })
        .collect()
}

/// The sheets of [`tables`], lending the inventory's texts: the same
/// sheets, rows and cells without a copy of every id, name and note (for
/// frontends that convert every cell at once, e.g. Python's
/// `Inventory.tables()` and `to_pandas()`).
///
/// ```
/// use natverk::tables::{self, CellView};
/// use natverk::Inventory;
///
/// let inv = Inventory::from_json(r#"{"format": "natverk/1",
///   "organisation": {"name": "Göteborgs Stad", "currency": "SEK"},
///   "networks": [{"id": "skr", "name": "SKR", "start": "2024-03-01"}]}"#)?;
/// let views = tables::sheet_views(inv.data());
/// let networks = views.iter().find(|s| s.key == "networks").unwrap();
/// let row = networks.rows().next().unwrap();
/// assert_eq!(row[1], CellView::Text("SKR".into()));
/// assert_eq!(row[1].to_cell(), tables::tables(inv.data())[7].rows[0][1]);
/// # Ok::<(), natverk::Error>(())
/// ```
pub fn sheet_views(data: &InventoryData) -> Vec<SheetView<'_>> {
    let mut out: Vec<SheetView<'_>> = LAYOUT
        .iter()
        .map(|s| SheetView {
            key: s.key,
            columns: s.columns.iter().map(|c| c.key).collect(),
            cells: Vec::new(),
        })
        .collect();
    let [organisation, population, units, people, schedules, tiers, rates, networks, participants, costs, financing] =
        &mut out[..]
    else {
        return out;
    };

    let o = &data.organisation;
    organisation.push([text(&o.name), opt_text(&o.code), text(&o.currency)]);
    match &o.population {
        Some(Population::Constant(p)) => population.push([CellView::Empty, int_u64(*p)]),
        Some(Population::ByYear(years)) => {
            for (y, p) in years {
                population.push([CellView::Int(i64::from(*y)), int_u64(*p)]);
            }
        }
        None => {}
    }
    for u in &data.units {
        units.push([text(&u.id), text(&u.name), CellView::Bool(u.central)]);
    }
    for p in &data.people {
        people.push([
            text(&p.id),
            opt_text(&p.name),
            opt_word(&p.gender),
            text(p.role.as_str()),
            opt_word(&p.side),
            opt_text(&p.party),
            opt_dec(&p.hourly_cost),
        ]);
    }
    for s in &data.fee_schedules {
        let pc = s.per_capita.as_ref();
        schedules.push([
            text(&s.id),
            opt_text(&s.currency),
            CellView::Int(i64::from(s.population_offset)),
            pc.map_or(CellView::Empty, |p| opt_dec(&p.base)),
            pc.map_or(CellView::Empty, |p| CellView::Decimal(p.rate)),
            pc.map_or(CellView::Empty, |p| opt_dec(&p.min)),
            pc.map_or(CellView::Empty, |p| opt_dec(&p.max)),
        ]);
        for t in s.tiers.iter().flatten() {
            tiers.push([
                text(&s.id),
                t.max_population.map_or(CellView::Empty, int_u64),
                CellView::Decimal(t.amount),
            ]);
        }
    }
    for r in &data.exchange_rates {
        rates.push([
            text(&r.currency),
            CellView::Int(i64::from(r.year)),
            CellView::Decimal(r.rate),
        ]);
    }
    for n in &data.networks {
        let d = n.decision.as_ref();
        let a = n.assessment.as_ref();
        networks.push([
            text(&n.id),
            text(&n.name),
            opt_text(&n.organiser),
            text(n.kind.as_str()),
            if n.subjects.is_empty() {
                CellView::Empty
            } else {
                CellView::Text(Cow::Owned(join_subjects(&n.subjects)))
            },
            opt_text(&n.unit),
            CellView::Date(n.start),
            opt_date(&n.end),
            opt_date(&n.deadline),
            text(n.status.as_str()),
            CellView::Int(i64::from(n.notice_months)),
            opt_text(&n.via),
            d.map_or(CellView::Empty, |d| opt_text(&d.body)),
            d.map_or(CellView::Empty, |d| opt_date(&d.date)),
            d.map_or(CellView::Empty, |d| opt_text(&d.reference)),
            opt_text(&n.url),
            opt_text(&n.purpose),
            opt_text(&n.notes),
            a.map_or(CellView::Empty, |a| opt_int(&a.benefit)),
            a.map_or(CellView::Empty, |a| opt_word(&a.recommendation)),
            a.map_or(CellView::Empty, |a| opt_text(&a.note)),
        ]);
        for p in &n.participants {
            participants.push([
                text(&n.id),
                text(&p.person),
                opt_text(&p.role),
                opt_dec(&p.hours_per_year),
            ]);
        }
        for c in &n.costs {
            costs.push([
                text(&n.id),
                text(c.kind.as_str()),
                opt_dec(&c.amount),
                opt_text(&c.schedule),
                opt_text(&c.currency),
                text(c.per.as_str()),
                opt_date(&c.date),
                opt_int(&c.from),
                opt_int(&c.to),
                CellView::Bool(c.prorate),
                opt_text(&c.note),
            ]);
        }
        for f in &n.financing {
            financing.push([
                text(&n.id),
                text(&f.funder),
                text(f.status.as_str()),
                text(f.covers.as_str()),
                CellView::Decimal(f.share),
                opt_dec(&f.max_per_year),
                opt_dec(&f.probability),
                opt_int(&f.from),
                opt_int(&f.to),
            ]);
        }
    }
    out
}

/// The spreadsheet letters of a column (0 is `A`, 26 is `AA`).
pub fn column_letter(index: u32) -> String {
    let mut n = u64::from(index) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{objects, KindInfo};

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(16383), "XFD");
    }

    #[test]
    fn every_sheet_and_column_has_both_names() {
        for s in LAYOUT {
            assert_ne!(sheet_name(s.key, Lang::En), s.key.to_string() + "?");
            assert_eq!(sheet_name(s.key, Lang::En), s.key, "§10 names in English");
            for c in s.columns {
                let key = format!("workbook.column.{}.{}", s.key, c.key);
                assert_ne!(label(&key, Lang::En), key, "{key}");
                assert_eq!(label(&key, Lang::En), c.key, "§10 names in English");
            }
        }
    }

    #[test]
    fn names_are_unambiguous_within_a_sheet() {
        let mut sheets = HashMap::new();
        for s in LAYOUT.iter().map(|s| s.key).chain([INSTRUCTIONS]) {
            for lang in Lang::ALL {
                let n = normalise_name(sheet_name(s, lang));
                let prev = sheets.insert(n.clone(), s);
                assert!(prev.is_none() || prev == Some(s), "{n}");
            }
        }
        for s in LAYOUT {
            let mut seen = HashMap::new();
            for c in s.columns {
                for lang in Lang::ALL {
                    let n = normalise_name(&column_name(s.key, c.key, lang));
                    let prev = seen.insert(n.clone(), c.key);
                    assert!(prev.is_none() || prev == Some(c.key), "{}: {n}", s.key);
                }
            }
        }
    }

    #[test]
    fn every_word_has_a_swedish_word() {
        for s in LAYOUT {
            for c in s.columns {
                if let ColumnKind::Word(prefix, words) = c.kind {
                    for w in words {
                        let sv = cell_word(prefix, w, Lang::Sv);
                        assert_eq!(word_of(prefix, &sv), Some(*w), "{prefix}.{w}");
                        assert_eq!(word_of(prefix, &w.to_uppercase()), Some(*w));
                    }
                }
            }
        }
    }

    /// The layout's required columns and kinds agree with the format's
    /// declaration, where a column is one field of one object.
    #[test]
    fn layout_follows_the_declaration() {
        let objs = objects();
        let field = |obj: &str, key: &str| {
            objs.iter()
                .find(|o| o.name == obj)
                .and_then(|o| o.fields.iter().find(|f| f.key == key))
                .copied()
                .unwrap_or_else(|| panic!("{obj}.{key}"))
        };
        let direct: &[(&str, &str)] = &[
            ("units", "unit"),
            ("people", "person"),
            ("fee_schedules", "fee_schedule"),
            ("tiers", "tier"),
            ("exchange_rates", "rate"),
            ("networks", "network"),
            ("participants", "participant"),
            ("costs", "cost"),
            ("financing", "financing"),
        ];
        for (sheet_key, obj) in direct {
            let s = sheet(sheet_key).unwrap();
            for c in s.columns {
                let o = objs.iter().find(|o| o.name == *obj).unwrap();
                let Some(f) = o.fields.iter().find(|f| f.key == c.key) else {
                    continue; // a column of a nested object or of the parent
                };
                assert_eq!(c.required, f.required, "{sheet_key}.{}", c.key);
                let ok = match (c.kind, f.kind) {
                    (ColumnKind::Word(_, w), KindInfo::Word(v)) => w == v,
                    (ColumnKind::Decimal, KindInfo::Decimal(_))
                    | (ColumnKind::Int | ColumnKind::Year, KindInfo::Integer(..))
                    | (ColumnKind::Date, KindInfo::Date)
                    | (ColumnKind::Bool, KindInfo::Bool)
                    | (ColumnKind::Currency, KindInfo::Currency)
                    | (ColumnKind::Subjects, KindInfo::Strings)
                    | (ColumnKind::Id, KindInfo::Id)
                    | (ColumnKind::Text, KindInfo::Str | KindInfo::Text)
                    | (ColumnKind::Ref(_), KindInfo::Ref(_) | KindInfo::Text) => true,
                    _ => false,
                };
                assert!(ok, "{sheet_key}.{}: {:?} vs {:?}", c.key, c.kind, f.kind);
            }
        }
        assert!(field("organisation", "name").required);
        assert!(field("organisation", "currency").required);
        assert!(field("per_capita", "rate").required);
    }

    #[test]
    fn subjects_round_trip() {
        let cases: Vec<Vec<&str>> = vec![
            vec![],
            vec!["a"],
            vec!["a", "b c"],
            vec!["a;b", " lead", "trail ", "\"q\"", "in \"side\"", ""],
            vec!["\u{a0}x", "x\u{a0}"],
        ];
        for c in cases {
            let v: Vec<String> = c.iter().map(|s| s.to_string()).collect();
            let j = join_subjects(&v);
            if v.is_empty() {
                assert_eq!(j, "");
            }
            assert_eq!(split_subjects(&j), Some(v), "{j}");
        }
        assert_eq!(
            split_subjects(" a ;b;; c ;"),
            Some(vec!["a".to_string(), "b".into(), "c".into()])
        );
        assert_eq!(split_subjects("\"open"), None);
        assert_eq!(split_subjects("\"a\" b"), None);
    }
}
