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
//! use natverk::tables::{self, SheetCell};
//! use natverk::{Inventory, Lang};
//!
//! let inv = Inventory::from_json(r#"{"format": "natverk/1",
//!   "organisation": {"name": "Göteborgs Stad", "currency": "SEK"},
//!   "networks": [{"id": "skr", "name": "SKR", "start": "2024-03-01",
//!                 "subjects": ["jämställdhet", "klimat"]}]}"#)?;
//! let sheets = tables::tables(inv.data());
//! let networks = sheets.iter().find(|s| s.key == "networks").unwrap();
//! assert_eq!(networks.columns[4], "subjects");
//! assert_eq!(networks.rows[0][4], SheetCell::Text("jämställdhet; klimat".into()));
//! assert_eq!(tables::sheet_name("networks", Lang::Sv), "nätverk");
//!
//! // …and back: the same inventory.
//! let input: Vec<_> = sheets.iter().map(|s| s.to_input(Lang::Sv)).collect();
//! let back = tables::from_tables(&input).unwrap();
//! assert_eq!(back.inventory.to_json(), inv.to_json());
//! # Ok::<(), natverk::Error>(())
//! ```

pub(crate) mod cells;
mod place;
mod read;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::InventoryData;
use crate::present::{label, vocabulary, Lang};

pub use place::{Locator, Measure, Place, SheetFinding, SheetFindings};
pub use read::{
    cell_currency, cell_date_text, from_tables, from_tables_within, parse_cell_bool,
    parse_cell_decimal, parse_cell_fraction, trim_spaces, Fraction, Imported, InputRow, InputSheet,
    BYTES_PER_NETWORK_ROW, BYTES_PER_ROW, MAX_NETWORK_ROWS_BASE, MAX_ROWS_BASE,
};

#[cfg(doc)]
use crate::Inventory;

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SheetCell {
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

impl SheetCell {
    /// Whether the cell has no value (empty, or text of only spaces).
    pub fn is_empty(&self) -> bool {
        match self {
            SheetCell::Empty => true,
            SheetCell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// The start of a [`SheetCell::Error`] that a workbook reader makes of a date
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
    /// The keys from the row's item to the field it holds (`["decision",
    /// "body"]`); empty for a parent's id and the population's cells.
    pub path: &'static [&'static str],
    /// Whether spaces at either end are dropped (a name).
    pub(crate) trim: bool,
}

/// One sheet of the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetInfo {
    /// Its name in SPEC §10 (the English name).
    pub key: &'static str,
    /// Its columns, in SPEC §10 order.
    pub columns: &'static [ColumnInfo],
    /// The vocabulary key of what a row is (`what.network`).
    pub(crate) what: &'static str,
    /// The position of each column in the order its fields are declared.
    pub(crate) order: &'static [usize],
}

impl SheetInfo {
    /// The position of a column.
    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }
    /// The sheet whose items are the parents of this sheet's (its first
    /// column names one: `networks` for `costs`).
    pub(crate) fn parent(&self) -> Option<&'static str> {
        match self.columns.first() {
            Some(ColumnInfo {
                kind: ColumnKind::Ref(sheet),
                path: [],
                ..
            }) => Some(sheet),
            _ => None,
        }
    }
}

/// The sheets of SPEC §10, in order, with their columns: made once from
/// the declaration of the format (each field's column is declared beside
/// it, `crate::model`). A slice: `LAYOUT.iter()`, `LAYOUT[i]`, `for s in
/// LAYOUT`.
pub const LAYOUT: Layout = Layout(());

/// The type of [`LAYOUT`]: derefs to the sheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout(());

impl std::ops::Deref for Layout {
    type Target = [SheetInfo];
    fn deref(&self) -> &[SheetInfo] {
        cells::layout()
    }
}

impl IntoIterator for Layout {
    type Item = &'static SheetInfo;
    type IntoIter = std::slice::Iter<'static, SheetInfo>;
    fn into_iter(self) -> Self::IntoIter {
        cells::layout().iter()
    }
}

/// The sheet of instructions that comes first and is not read back.
pub const INSTRUCTIONS: &str = "instructions";

/// Other names a sheet of instructions may have been given (it is skipped
/// on import under any of them, or its names in [`sheet_name`]).
pub const INSTRUCTIONS_ALSO: &[&str] = &["read me", "readme", "läs mig", "läsmig", "anvisningar"];

/// The sheet `key` of [`LAYOUT`].
pub fn sheet(key: &str) -> Option<&'static SheetInfo> {
    cells::layout().iter().find(|s| s.key == key)
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
    word_among(prefix, words_of(prefix)?, text)
}

/// [`word_of`] for a column whose words are known (no search of the
/// layout).
pub(crate) fn word_among(
    prefix: &str,
    words: &'static [&'static str],
    text: &str,
) -> Option<&'static str> {
    let w = text.trim().to_lowercase();
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
    cells::layout()
        .iter()
        .flat_map(|s| s.columns)
        .find_map(|c| match c.kind {
            ColumnKind::Word(p, words) if p == prefix => Some(words),
            _ => None,
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
    pub rows: Vec<Vec<SheetCell>>,
}

impl Sheet {
    /// The sheet's description.
    pub fn info(&self) -> &'static SheetInfo {
        sheet(self.key).unwrap_or(&cells::layout()[0])
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
                .map(|c| SheetCell::Text(column_name(self.key, c, lang)))
                .collect(),
        );
        for r in &self.rows {
            rows.push(
                r.iter()
                    .zip(info.columns)
                    .map(|(cell, c)| match (cell, c.kind) {
                        (SheetCell::Text(w), ColumnKind::Word(prefix, _)) => {
                            SheetCell::Text(cell_word(prefix, w, lang))
                        }
                        _ => cell.clone(),
                    })
                    .collect(),
            );
        }
        InputSheet::from_grid(sheet_name(self.key, lang), rows)
    }
}

/// One cell of a [`SheetView`]: a [`SheetCell`] whose text is lent by the
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
    pub fn to_cell(&self) -> SheetCell {
        match self {
            CellView::Empty => SheetCell::Empty,
            CellView::Text(t) => SheetCell::Text(t.to_string()),
            CellView::Decimal(d) => SheetCell::Decimal(*d),
            CellView::Int(i) => SheetCell::Int(*i),
            CellView::Date(d) => SheetCell::Date(*d),
            CellView::Bool(b) => SheetCell::Bool(*b),
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
    let mut sheets = cells::Sheets {
        views: cells::layout()
            .iter()
            .map(|s| SheetView {
                key: s.key,
                columns: s.columns.iter().map(|c| c.key).collect(),
                cells: Vec::new(),
            })
            .collect(),
        counts: Some(vec![0; cells::layout().len()]),
    };
    // Count each sheet's rows first, then write them into cells reserved once.
    cells::write_top_level(data, &mut sheets);
    for ((view, info), rows) in sheets
        .views
        .iter_mut()
        .zip(cells::layout())
        .zip(sheets.counts.take().unwrap_or_default())
    {
        view.cells.reserve_exact(rows * info.columns.len());
    }
    cells::write_top_level(data, &mut sheets);
    sheets.views
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

    /// The counting walk of `sheet_views` finds every row the writing walk
    /// writes: each sheet's cells are reserved once, exactly.
    #[test]
    fn sheet_views_reserve_each_sheet_exactly() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/goteborg.json"
        ))
        .unwrap();
        let inv = crate::Inventory::from_json(&text).unwrap();
        let views = sheet_views(inv.data());
        assert!(views.iter().any(|v| v.cells.len() > 100));
        for v in &views {
            assert_eq!(v.cells.capacity(), v.cells.len(), "sheet {}", v.key);
            assert_eq!(v.cells.len() % v.columns.len(), 0, "sheet {}", v.key);
        }
    }

    /// The layout made from the declaration is SPEC §10's, sheet by sheet
    /// and column by column (names, kinds, required), in order.
    #[test]
    fn the_declaration_gives_the_layout_of_spec_10() {
        const SPEC: &str = "\
organisation: name Text req, code Text, currency Currency req
population: year Year, population Int req
units: id Id req, name Text req, central Bool
people: id Id req, name Text, gender Word(gender), role Word(role) req, side Word(side), party Text, hourly_cost Decimal
fee_schedules: id Id req, currency Currency, population_offset Int, base Decimal, rate Decimal, min Decimal, max Decimal
tiers: schedule Ref(fee_schedules) req, max_population Int, amount Decimal req
exchange_rates: currency Currency req, year Year req, rate Decimal req
networks: id Id req, name Text req, organiser Text, kind Word(kind), subjects Subjects, unit Ref(units), start Date req, end Date, deadline Date, status Word(status), notice_months Int, via Text, decision_body Text, decision_date Date, decision_reference Text, url Text, purpose Text, notes Text, benefit Int, recommendation Word(recommendation), assessment_note Text
participants: network Ref(networks) req, person Ref(people) req, role Text, hours_per_year Decimal
costs: network Ref(networks) req, kind Word(cost_kind) req, amount Decimal, schedule Ref(fee_schedules), currency Currency, per Word(per), date Date, from Year, to Year, prorate Bool, note Text
financing: network Ref(networks) req, funder Text req, status Word(financing_status) req, covers Word(covers), share Decimal, max_per_year Decimal, probability Decimal, from Year, to Year";
        let made: Vec<String> = LAYOUT
            .iter()
            .map(|s| {
                let cols: Vec<String> = s
                    .columns
                    .iter()
                    .map(|c| {
                        let kind = match c.kind {
                            ColumnKind::Word(prefix, words) => {
                                assert_eq!(words_of(prefix), Some(words));
                                format!("Word({prefix})")
                            }
                            ColumnKind::Ref(sheet) => format!("Ref({sheet})"),
                            k => format!("{k:?}"),
                        };
                        let req = if c.required { " req" } else { "" };
                        format!("{} {kind}{req}", c.key)
                    })
                    .collect();
                format!("{}: {}", s.key, cols.join(", "))
            })
            .collect();
        assert_eq!(made.join("\n"), SPEC);
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
