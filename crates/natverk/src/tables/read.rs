//! Sheets → [`InventoryData`] → [`Inventory::new`], every bad cell at once.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::cells::{layout, SheetRow, POPULATION_BOUNDS, YEAR_BOUNDS};
use super::place::{CellKey, Locator, Place, SheetFinding, SheetFindings, SheetSeen};
use super::{
    column_name, normalise_name, sheet_name, split_subjects, ColumnKind, SheetCell, SheetInfo,
    INSTRUCTIONS, INSTRUCTIONS_ALSO,
};
use crate::finding::{Code, Finding, Path};
use crate::limits::CLIP_CHARS;
use crate::model::{InventoryData, Organisation, Population, Word};
use crate::money::clip;
use crate::present::messages as m;
use crate::present::{Lang, Message};
use crate::Inventory;

/// One row of a sheet as read: its number as the spreadsheet shows it
/// (from 1) and its non-empty cells by column (from 0, `A`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputRow {
    /// Row number, from 1.
    pub row: u32,
    /// (column from 0, cell), in any order.
    pub cells: Vec<(u32, SheetCell)>,
}

/// A sheet as read from a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputSheet {
    /// The sheet's name as written.
    pub name: String,
    /// Its rows, in any order (rows and cells not listed are empty).
    pub rows: Vec<InputRow>,
}

impl InputSheet {
    /// A sheet from a grid: `rows[0]` is row 1, `rows[i][0]` column `A`.
    pub fn from_grid(name: impl Into<String>, rows: Vec<Vec<SheetCell>>) -> InputSheet {
        InputSheet {
            name: name.into(),
            rows: rows
                .into_iter()
                .enumerate()
                .map(|(i, cells)| InputRow {
                    row: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    cells: cells
                        .into_iter()
                        .enumerate()
                        .filter(|(_, c)| *c != SheetCell::Empty)
                        .map(|(j, c)| (u32::try_from(j).unwrap_or(u32::MAX), c))
                        .collect(),
                })
                .collect(),
        }
    }
}

/// A workbook read into a valid inventory, with where each item came from.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The inventory.
    pub inventory: Inventory,
    /// Where each path of the inventory is in the workbook (to show the
    /// warnings of `check` at their cells).
    pub locator: Locator,
    /// What the import read otherwise than written or did not read, each
    /// named with its place (SPEC §10: a sheet or a column the format does
    /// not know is ignored with a warning; a near-miss name is read as the
    /// sheet or column it is near, with a warning). Never errors.
    pub warnings: Vec<SheetFinding>,
}

/// Reads the sheets of a workbook into an inventory (SPEC §10).
///
/// Sheets and columns are found by name, in Swedish or English, in any
/// case and order; the sheet of instructions is skipped. Each cell is
/// converted by its column (numbers, `65 000,50` and `65000.50` text, date
/// cells or `YYYY-MM-DD` text with at most a midnight time, TRUE/FALSE or
/// `ja`/`nej`, the format's words in English or Swedish); the data is then
/// validated by [`Inventory::new`], whose findings are mapped back to the
/// cells they came from.
///
/// # Errors
///
/// [`SheetFindings`] with every problem at once: unknown, repeated or
/// missing sheets and columns, cells that cannot be converted, rows that
/// name a network or schedule that no row has, and every error of the
/// core, each with its sheet, row and column and its JSON path.
///
/// # Example
///
/// ```
/// use natverk::tables::{from_tables, SheetCell, InputSheet};
/// use natverk::Lang;
///
/// let t = |s: &str| SheetCell::Text(s.into());
/// let sheets = vec![
///     InputSheet::from_grid("Organisation", vec![
///         vec![t("valuta"), t("namn")],
///         vec![t("SEK"), t("Göteborgs Stad")],
///     ]),
///     InputSheet::from_grid("nätverk", vec![
///         vec![t("id"), t("namn"), t("startdatum"), t("status")],
///         vec![t("skr"), t("SKR"), t("2024-03-01"), t("föreslagen")],
///         vec![t("x"), t("X"), t("2024-13-01"), t("aktiv")],
///     ]),
/// ];
/// let err = from_tables(&sheets).unwrap_err();
/// let f = &err.as_slice()[0];
/// assert_eq!(f.finding.path, "networks[1].start");
/// assert_eq!(f.place_text(Lang::En), "sheet `nätverk`, row 3, column `startdatum` (C)");
/// assert!(f.finding.message_in(Lang::Sv).starts_with("ogiltigt datum `2024-13-01`"));
/// ```
pub fn from_tables(sheets: &[InputSheet]) -> Result<Imported, SheetFindings> {
    read_tables(sheets, None, None)
}

/// As [`from_tables`], for sheets read from a file of `input_bytes`: at
/// most [`crate::limits::max_findings`] findings are listed, as for a
/// CSV or JSON file of that size, and the rest are counted in one more
/// finding that names the limit (SPEC §9); a workbook with more rows
/// than [`MAX_ROWS_BASE`] + 1 per [`BYTES_PER_ROW`] bytes, or more
/// networks than [`MAX_NETWORK_ROWS_BASE`] + 1 per
/// [`BYTES_PER_NETWORK_ROW`], is refused before the work.
///
/// # Errors
///
/// As [`from_tables`].
pub fn from_tables_within(
    sheets: &[InputSheet],
    input_bytes: usize,
) -> Result<Imported, SheetFindings> {
    read_tables(
        sheets,
        Some(crate::limits::max_findings(input_bytes)),
        Some(input_bytes),
    )
}

/// Rows of the networks sheet read from any workbook (100 000) …
pub const MAX_NETWORK_ROWS_BASE: usize = 100_000;
/// … plus one per this many bytes of the file: a network costs about
/// 1.6 KB once read (measured: 119 000 networks of three cells, 204 MB),
/// so this keeps SPEC §9's 10 bytes per byte. The 50 000-network workbook
/// (9.7 MB) may have 148 000.
pub const BYTES_PER_NETWORK_ROW: usize = 200;
/// Rows of all sheets read from any workbook (200 000) …
pub const MAX_ROWS_BASE: usize = 200_000;
/// … plus one per this many bytes of the file. The 50 000-network
/// workbook has 308 000 rows in 9.7 MB (xlsx) and may have 402 000; in
/// 8.3 MB (ods), 372 000.
pub const BYTES_PER_ROW: usize = 48;

fn read_tables(
    sheets: &[InputSheet],
    limit: Option<usize>,
    bytes: Option<usize>,
) -> Result<Imported, SheetFindings> {
    let mut r = Reader {
        limit,
        budget: SUGGEST_BUDGET,
        ..Reader::default()
    };
    let found = r.find_sheets(sheets);
    if let Some(input_bytes) = bytes {
        // An item costs far more memory once read than its row costs in a
        // zipped file (a network of three cells: 1.5 KB read, 3 bytes in an
        // .ods): the rows are bounded by the file's size before the work.
        let networks = layout().iter().position(|s| s.key == "networks");
        let network_rows = networks.map_or(0, |s| rows(&found, s));
        let all_rows: usize = (0..layout().len()).map(|s| rows(&found, s)).sum();
        let max_networks =
            MAX_NETWORK_ROWS_BASE.saturating_add(input_bytes / BYTES_PER_NETWORK_ROW);
        let max_rows = MAX_ROWS_BASE.saturating_add(input_bytes / BYTES_PER_ROW);
        if network_rows > max_networks {
            return Err(SheetFindings::too_large(
                max_networks as u64,
                super::Measure::NetworkRows,
            ));
        }
        if all_rows > max_rows {
            return Err(SheetFindings::too_large(
                max_rows as u64,
                super::Measure::Rows,
            ));
        }
    }
    let data = r.build(&found);
    let Reader {
        mut findings,
        locator,
        tainted,
        dropped,
        mut warnings,
        more_warnings,
        ..
    } = r;
    if more_warnings > 0 {
        let mut finding = Finding::new(
            Code::UnknownField,
            Path::root(),
            Message::new(&m::TOO_MANY_FINDINGS)
                .with("count", more_warnings)
                .with("limit", MAX_IMPORT_WARNINGS),
        );
        finding.severity = crate::finding::Severity::Warning;
        warnings.push(SheetFinding {
            finding,
            place: None,
        });
    }
    let warnings = SheetFindings::new(warnings).as_slice().to_vec();
    let cut = |mut findings: Vec<SheetFinding>, mut dropped: usize| {
        // The warnings go with the errors: nothing is left unsaid.
        findings.extend(warnings.iter().cloned());
        if let Some(limit) = limit {
            if findings.len() > limit {
                dropped += findings.len() - limit;
                findings.truncate(limit);
            }
            if dropped > 0 {
                findings.push(SheetFinding {
                    finding: Finding::new(
                        Code::InvalidValue,
                        Path::root(),
                        Message::new(&m::TOO_MANY_FINDINGS)
                            .with("count", dropped)
                            .with("limit", limit),
                    ),
                    place: None,
                });
            }
        }
        SheetFindings::new(findings)
    };
    let Some(data) = data else {
        return Err(cut(findings, dropped));
    };
    if dropped > 0 {
        // Already more findings than are listed: the inventory's own
        // checks would only add to those not listed.
        return Err(cut(findings, dropped));
    }
    if limit.is_some_and(|l| findings.len().saturating_mul(2) > l) {
        // The reader's findings fill more than half the listing: the
        // inventory's checks on that many placeholder items would cost
        // more memory than the file may buy (SPEC §9: 100 000 rows of
        // bad cells in a 0.5 MB file), and would mostly be cut.
        return Err(cut(findings, 0));
    }
    // The ids each sheet has, to suggest the nearest for an unknown one.
    let known_ids: Vec<(&'static str, Vec<String>)> = vec![
        ("units", data.units.iter().map(|u| u.id.clone()).collect()),
        ("people", data.people.iter().map(|p| p.id.clone()).collect()),
        (
            "fee_schedules",
            data.fee_schedules.iter().map(|f| f.id.clone()).collect(),
        ),
    ];
    let mut budget = SUGGEST_BUDGET;
    match Inventory::new(data) {
        Ok(inventory) if findings.is_empty() => Ok(Imported {
            inventory,
            locator,
            warnings,
        }),
        Ok(_) => Err(cut(findings, 0)),
        Err(e) => {
            let bad_cells: HashSet<CellKey> = findings.iter().filter_map(|f| f.key()).collect();
            for f in e.into_findings() {
                let place = locator.place(&f);
                if let Some(p) = &place {
                    let row = (p.sheet_index, p.row);
                    if tainted.contains(&row) {
                        continue; // a cell of this row was bad: its finding says it better
                    }
                    if p.column_index.is_some()
                        && bad_cells.contains(&(p.sheet_index, p.row, p.column_index))
                    {
                        continue;
                    }
                }
                let f = match &place {
                    Some(p) if f.code == Code::UnknownReference => {
                        unknown_reference(f, p, &locator, &known_ids, &mut budget)
                    }
                    _ => f,
                };
                let finding = locator.in_workbook_words(f);
                findings.push(SheetFinding { finding, place });
            }
            Err(cut(findings, 0))
        }
    }
}

/// Characters of ids compared (the product of two ids' lengths, summed)
/// when suggesting the nearest id for unknown ones: a workbook of many
/// unknown references among many ids stays within SPEC §9's time (about
/// 0.2 s of comparisons); past it, messages go without a suggestion.
const SUGGEST_BUDGET: u64 = 60_000_000;

/// The id of `ids` nearest to `id`, when near enough to be a slip of the
/// keyboard (see [`nearest_id`]), spending at most `budget`.
fn suggest<'a>(
    id: &str,
    ids: impl Iterator<Item = &'a str> + Clone,
    budget: &mut u64,
) -> Option<String> {
    let len = id.chars().count() as u64;
    if len == 0 || len > crate::limits::MAX_SUGGEST_KEY as u64 {
        return None;
    }
    let cost: u64 = ids
        .clone()
        .map(|c| len.saturating_mul(c.len().min(4 * crate::limits::MAX_SUGGEST_KEY) as u64))
        .fold(0u64, u64::saturating_add);
    if cost > *budget {
        *budget = 0;
        return None;
    }
    *budget -= cost;
    nearest_id(id, ids)
}

/// The nearest of `ids` to `id`: the same but for case, or at most one
/// edit (a letter added, dropped, changed, or two swapped: `skl` → `slk`)
/// for ids of up to 8 characters, two for longer ones; `None` when none
/// is that near or two are equally near.
pub(crate) fn nearest_id<'a>(id: &str, ids: impl Iterator<Item = &'a str>) -> Option<String> {
    let lower = id.to_lowercase();
    let len = lower.chars().count();
    if len == 0 || len > crate::limits::MAX_SUGGEST_KEY {
        return None;
    }
    let most = if len <= 8 { 1 } else { 2 };
    let mut best: Option<(usize, &str)> = None;
    let mut tie = false;
    for c in ids {
        if c.len() > 4 * crate::limits::MAX_SUGGEST_KEY {
            continue;
        }
        let d = strsim::osa_distance(&lower, &c.to_lowercase());
        if d > most || (d == 0 && c == id) {
            continue;
        }
        match best {
            Some((bd, b)) if d == bd && b != c => tie = true,
            Some((bd, _)) if d >= bd => {}
            _ => {
                best = Some((d, c));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, c)| c.to_string())
}

/// The core's unknown reference in a workbook's words: the sheet that
/// lacks the id, as the official sees it, and the nearest id it has.
fn unknown_reference(
    f: Finding,
    place: &Place,
    locator: &Locator,
    known: &[(&'static str, Vec<String>)],
    budget: &mut u64,
) -> Finding {
    let Some(id) = f.message.args().iter().find_map(|(k, a)| match (k, a) {
        (&"id", crate::present::Arg::Text(t)) => Some(t.clone()),
        _ => None,
    }) else {
        return f;
    };
    let list = match f.path.segments().last() {
        Some(crate::finding::Seg::Key(k)) => match k.as_ref() {
            "unit" => "units",
            "person" => "people",
            "schedule" => "fee_schedules",
            _ => return f,
        },
        _ => return f,
    };
    let lang = locator
        .sheets
        .get(place.sheet_index)
        .map_or(Lang::Sv, |s| s.lang);
    let sheet = locator.sheet_name(list, lang);
    let ids = known
        .iter()
        .find(|(k, _)| *k == list)
        .map_or(&[][..], |(_, v)| v.as_slice());
    let msg = match suggest(&id, ids.iter().map(String::as_str), budget) {
        Some(n) => Message::new(&m::WB_NO_PARENT_NEAREST).with("nearest", clip(&n)),
        None => Message::new(&m::WB_NO_PARENT),
    };
    Finding::new(
        f.code,
        f.path,
        msg.with("id", id).with("sheet", clip(&sheet)),
    )
}

/// The sheets found, by [`layout()`] position: the input sheet and its
/// columns' positions.
pub(crate) struct FoundSheets<'a> {
    sheets: Vec<Option<FoundSheet<'a>>>,
}

struct FoundSheet<'a> {
    input: &'a InputSheet,
    /// Rows below the heading that hold something, in order.
    rows: Vec<&'a InputRow>,
    /// Input column → layout column.
    by_input: HashMap<u32, usize>,
    /// Layout column → whether the sheet has it.
    has: Vec<bool>,
}

#[derive(Default)]
pub(crate) struct Reader {
    findings: Vec<SheetFinding>,
    locator: Locator,
    /// (sheet, row) whose item got a placeholder for a bad cell.
    tainted: HashSet<(usize, Option<u32>)>,
    /// Most findings kept (`None`: all), and how many more were found.
    limit: Option<usize>,
    dropped: usize,
    /// What is left of [`SUGGEST_BUDGET`].
    budget: u64,
    /// Warnings (at most [`MAX_IMPORT_WARNINGS`]), and how many more.
    warnings: Vec<SheetFinding>,
    more_warnings: usize,
}

/// Most warnings of an import listed; the rest are counted in one more.
pub const MAX_IMPORT_WARNINGS: usize = 1000;

impl Reader {
    fn warn(&mut self, message: Message, place: Place) {
        if self.warnings.len() >= MAX_IMPORT_WARNINGS {
            self.more_warnings += 1;
            return;
        }
        let mut finding = Finding::new(Code::UnknownField, Path::root(), message);
        finding.severity = crate::finding::Severity::Warning;
        self.warnings.push(SheetFinding {
            finding,
            place: Some(place),
        });
    }

    fn push(&mut self, code: Code, path: Path, message: Message, place: Option<Place>) {
        if self.limit.is_some_and(|l| self.findings.len() >= l) {
            self.dropped += 1;
            return;
        }
        self.findings.push(SheetFinding {
            finding: Finding::new(code, path, message),
            place,
        });
    }

    fn find_sheets<'a>(&mut self, sheets: &'a [InputSheet]) -> FoundSheets<'a> {
        let mut names: HashMap<String, &'static str> = HashMap::new();
        for key in layout().iter().map(|s| s.key).chain([INSTRUCTIONS]) {
            for lang in Lang::ALL {
                names.insert(normalise_name(sheet_name(key, lang)), key);
            }
        }
        for also in INSTRUCTIONS_ALSO {
            names.insert(normalise_name(also), INSTRUCTIONS);
        }
        let mut found = FoundSheets {
            sheets: (0..layout().len()).map(|_| None).collect(),
        };
        self.locator.sheets = layout().iter().map(|_| SheetSeen::default()).collect();
        self.locator.rows = vec![Vec::new(); layout().len()];
        let all_names = layout()
            .iter()
            .map(|s| {
                let sv = sheet_name(s.key, Lang::Sv);
                if sv == s.key {
                    sv.to_string()
                } else {
                    format!("{} / {sv}", s.key)
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        // Sheets named as the format names them first; the others after.
        let mut others: Vec<&'a InputSheet> = Vec::new();
        for input in sheets {
            let norm = normalise_name(&input.name);
            let Some(key) = names.get(&norm).copied() else {
                others.push(input);
                continue;
            };
            if key == INSTRUCTIONS {
                continue;
            }
            let Some(idx) = layout().iter().position(|s| s.key == key) else {
                continue;
            };
            if let Some(prev) = &found.sheets[idx] {
                let other = prev.input.name.clone();
                self.push(
                    Code::DuplicateKey,
                    Path::root(),
                    Message::new(&m::WB_SHEET_TWICE)
                        .with("name", clip(&input.name))
                        .with("other", clip(&other)),
                    Some(Place::sheet_only(&input.name)),
                );
                continue;
            }
            self.take_sheet(&mut found, idx, input);
        }
        // A sheet of another name: read as the sheet its name is near (a
        // typo, a year added) or whose heading row it has, with a warning;
        // an error where two sheets could be the same one; otherwise not
        // read, with a warning that names it (SPEC §10).
        let mut near: Vec<(usize, &'a InputSheet)> = Vec::new();
        for input in others {
            if !has_values(input) {
                continue; // an empty sheet: nothing is dropped
            }
            let norm = normalise_name(&input.name);
            match near_sheet(&norm, &names).or_else(|| sheet_by_heading(input)) {
                Some(key) if key == INSTRUCTIONS => {}
                Some(key) => {
                    if let Some(idx) = layout().iter().position(|s| s.key == key) {
                        near.push((idx, input));
                    }
                }
                None => self.warn(
                    Message::new(&m::WB_SHEET_IGNORED)
                        .with("name", clip(&input.name))
                        .with("names", &all_names),
                    Place::sheet_only(&input.name),
                ),
            }
        }
        let exact: Vec<Option<String>> = found
            .sheets
            .iter()
            .map(|f| f.as_ref().map(|f| f.input.name.clone()))
            .collect();
        for &(idx, input) in &near {
            let rival = exact[idx].clone().or_else(|| {
                near.iter()
                    .find(|(i, other)| *i == idx && !std::ptr::eq(*other, input))
                    .map(|(_, other)| other.name.clone())
            });
            let known = sheet_name(layout()[idx].key, guess_lang(input, &layout()[idx]));
            match rival {
                Some(other) => self.push(
                    Code::DuplicateKey,
                    Path::root(),
                    Message::new(if exact[idx].is_some() {
                        &m::WB_SHEET_NEAR_TWICE
                    } else {
                        &m::WB_SHEET_AMBIGUOUS
                    })
                    .with("name", clip(&input.name))
                    .with("sheet", known)
                    .with("other", clip(&other)),
                    Some(Place::sheet_only(&input.name)),
                ),
                None => {
                    self.warn(
                        Message::new(&m::WB_SHEET_READ_AS)
                            .with("name", clip(&input.name))
                            .with("sheet", known),
                        Place::sheet_only(&input.name),
                    );
                    self.take_sheet(&mut found, idx, input);
                }
            }
        }
        found
    }

    /// Reads `input` as sheet `idx` of the layout.
    fn take_sheet<'a>(&mut self, found: &mut FoundSheets<'a>, idx: usize, input: &'a InputSheet) {
        self.locator.sheets[idx].name = input.name.clone();
        self.locator.sheets[idx].present = true;
        self.locator.sheets[idx].lang = guess_lang(input, &layout()[idx]);
        let fs = self.read_heading(idx, input);
        found.sheets[idx] = Some(fs);
    }

    /// Finds the heading row (the first row with a value) and maps its
    /// columns; every later row with a value is a data row.
    fn read_heading<'a>(&mut self, s: usize, input: &'a InputSheet) -> FoundSheet<'a> {
        let info = &layout()[s];
        let mut rows: Vec<&InputRow> = input.rows.iter().filter(|r| row_has_values(r)).collect();
        rows.sort_by_key(|r| r.row);
        let mut fs = FoundSheet {
            input,
            rows: Vec::new(),
            by_input: HashMap::new(),
            has: vec![false; info.columns.len()],
        };
        let Some((heading, data)) = rows.split_first() else {
            return fs;
        };
        let mut names: HashMap<String, usize> = HashMap::new();
        for (i, c) in info.columns.iter().enumerate() {
            for lang in Lang::ALL {
                names.insert(normalise_name(&column_name(info.key, c.key, lang)), i);
            }
        }
        let all_names = info
            .columns
            .iter()
            .map(|c| {
                let sv = column_name(info.key, c.key, Lang::Sv);
                if sv == c.key {
                    c.key.to_string()
                } else {
                    format!("{} / {sv}", c.key)
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        let seen = &mut self.locator.sheets[s];
        seen.heading_row = Some(heading.row);
        seen.columns = vec![None; info.columns.len()];
        let mut problems = Vec::new();
        let mut cells: Vec<&(u32, SheetCell)> = heading.cells.iter().collect();
        cells.sort_by_key(|(c, _)| *c);
        // Columns named as the format names them first.
        let mut unknown: Vec<(u32, String, String)> = Vec::new();
        for (colno, cell) in cells {
            if cell.is_empty() {
                continue;
            }
            let written = cell_text(cell);
            let norm = normalise_name(&written);
            match names.get(&norm).copied() {
                Some(i) if fs.has[i] => {
                    let other = seen.columns[i]
                        .as_ref()
                        .map(|(n, _)| n.clone())
                        .unwrap_or_default();
                    problems.push((
                        Code::DuplicateKey,
                        Message::new(&m::WB_COLUMN_TWICE)
                            .with("name", clip(&written))
                            .with("other", clip(&other)),
                        *colno,
                        written,
                    ));
                }
                Some(i) => {
                    fs.has[i] = true;
                    fs.by_input.insert(*colno, i);
                    seen.columns[i] = Some((written, *colno));
                }
                None => unknown.push((*colno, written, norm)),
            }
        }
        // Then the others: a near-miss (a typo, a year added) is read as
        // the column it is near, with a warning, or is an error where the
        // sheet has that column already or another near-miss of it; any
        // other column is not read, with a warning that names it.
        let lang = seen.lang;
        let near: Vec<Option<usize>> = unknown
            .iter()
            .map(|(_, _, norm)| {
                let bare = without_numbers(norm);
                names
                    .get(&bare)
                    .copied()
                    .or_else(|| near_key(&bare, &names))
            })
            .collect();
        let mut warnings = Vec::new();
        for (k, (colno, written, _)) in unknown.iter().enumerate() {
            match near[k] {
                Some(i) => {
                    let rival = seen.columns[i]
                        .as_ref()
                        .map(|(n, _)| n.clone())
                        .or_else(|| {
                            (0..unknown.len())
                                .find(|j| *j != k && near[*j] == Some(i))
                                .map(|j| unknown[j].1.clone())
                        });
                    match rival {
                        Some(other) if !fs.by_input.contains_key(colno) => problems.push((
                            Code::DuplicateKey,
                            Message::new(&m::WB_COLUMN_TWICE)
                                .with("name", clip(written))
                                .with("other", clip(&other)),
                            *colno,
                            written.clone(),
                        )),
                        _ => {
                            warnings.push((
                                Message::new(&m::WB_COLUMN_READ_AS)
                                    .with("name", clip(written))
                                    .with(
                                        "column",
                                        column_name(info.key, info.columns[i].key, lang),
                                    ),
                                *colno,
                                written.clone(),
                            ));
                            fs.has[i] = true;
                            fs.by_input.insert(*colno, i);
                            seen.columns[i] = Some((written.clone(), *colno));
                        }
                    }
                }
                None => warnings.push((
                    Message::new(&m::WB_COLUMN_IGNORED)
                        .with("name", clip(written))
                        .with("names", &all_names),
                    *colno,
                    written.clone(),
                )),
            }
        }
        for (msg, colno, written) in warnings {
            self.warn(
                msg,
                Place::new(s, &input.name, Some(heading.row), Some((written, colno))),
            );
        }
        let sheet_name = input.name.clone();
        let hrow = heading.row;
        for (code, msg, colno, written) in problems {
            self.push(
                code,
                Path::root(),
                msg,
                Some(Place::new(
                    s,
                    &sheet_name,
                    Some(hrow),
                    Some((written, colno)),
                )),
            );
        }
        // Values under no heading, once per column.
        let mut reported: HashSet<u32> = HashSet::new();
        let known: HashSet<u32> = heading.cells.iter().map(|(c, _)| *c).collect();
        for r in data {
            for (colno, cell) in &r.cells {
                if !cell.is_empty() && !known.contains(colno) && reported.insert(*colno) {
                    self.push(
                        Code::UnknownField,
                        Path::root(),
                        Message::new(&m::WB_NO_HEADING).with("names", &all_names),
                        Some(Place::new(
                            s,
                            &sheet_name,
                            Some(r.row),
                            Some((String::new(), *colno)),
                        )),
                    );
                }
            }
        }
        // Required columns, when there are rows to fill them.
        if !data.is_empty() {
            for (i, c) in info.columns.iter().enumerate() {
                if c.required && !fs.has[i] {
                    self.push(
                        Code::MissingField,
                        Path::root(),
                        Message::new(&m::WB_MISSING_COLUMN).with(
                            "name",
                            column_name(info.key, c.key, self.locator.sheets[s].lang),
                        ),
                        Some(Place::new(s, &sheet_name, Some(hrow), None)),
                    );
                }
            }
        }
        fs.rows = data.to_vec();
        fs
    }

    fn build(&mut self, found: &FoundSheets<'_>) -> Option<InventoryData> {
        let idx = |key: &str| layout().iter().position(|s| s.key == key).unwrap_or(0);

        // The organisation.
        let org_sheet = idx("organisation");
        let mut organisation = None;
        match &found.sheets[org_sheet] {
            None => self.push(
                Code::MissingField,
                Path::root().key("organisation"),
                Message::new(&m::WB_MISSING_SHEET)
                    .with("name", sheet_name("organisation", Lang::En)),
                None,
            ),
            Some(fs) if fs.rows.is_empty() => {
                let row = self.locator.sheets[org_sheet].heading_row.map(|r| r + 1);
                self.push(
                    Code::MissingField,
                    Path::root().key("organisation"),
                    Message::new(&m::WB_NO_ORGANISATION),
                    self.locator.place_of(org_sheet, row.or(Some(2)), None),
                );
            }
            Some(fs) => {
                for extra in &fs.rows[1..] {
                    self.push(
                        Code::InvalidValue,
                        Path::root().key("organisation"),
                        Message::new(&m::WB_SECOND_ORGANISATION),
                        self.locator.place_of(org_sheet, Some(extra.row), None),
                    );
                }
                let mut c = self.row(found, org_sheet, 0, Path::root().key("organisation"));
                let o = Organisation::read_cells(&mut c, self);
                self.locator.organisation = Some(fs.rows[0].row);
                if !c.incomplete {
                    organisation = Some(o);
                } else if c.tainted {
                    self.tainted.insert((org_sheet, Some(fs.rows[0].row)));
                }
            }
        }

        // The population.
        let population = self.population(found, idx("population"));

        // The lists, each with its lists: one item per row.
        let organisation = organisation.map(|mut o| {
            o.population = population;
            o
        });
        InventoryData::read_sheets(self, found, organisation)
    }

    /// The items of sheet `key` of the top level, one per row, and their
    /// rows.
    pub(crate) fn items<T: SheetRow>(
        &mut self,
        found: &FoundSheets<'_>,
        key: &'static str,
    ) -> Vec<T> {
        let s = layout().iter().position(|x| x.key == key).unwrap_or(0);
        let mut items = Vec::new();
        let mut at = Vec::new();
        for i in 0..rows(found, s) {
            if self.dropped > 0 {
                break; // more findings than are listed: the rest is counted
            }
            let mut c = self.row(found, s, i, Path::root().key(key).index(items.len()));
            let item = T::read_cells(&mut c, self);
            self.finish(&c);
            at.push(c.row);
            items.push(item);
        }
        self.locator.rows[s] = vec![at];
        items
    }

    /// The items of the sheet `key` of a list, each with its parent (by the
    /// id in its first column, among `ids`) and its row; `path` is the
    /// JSON path of the parent's `i`-th item.
    pub(crate) fn children<T: SheetRow>(
        &mut self,
        found: &FoundSheets<'_>,
        key: &'static str,
        ids: &HashMap<String, usize>,
        path: &dyn Fn(usize, usize) -> Path,
    ) -> Vec<(usize, T)> {
        let s = layout().iter().position(|x| x.key == key).unwrap_or(0);
        let Some(parent_column) = layout()[s].columns.first() else {
            return Vec::new();
        };
        let ColumnKind::Ref(parent_sheet) = parent_column.kind else {
            return Vec::new();
        };
        let mut counts: HashMap<usize, usize> = HashMap::new();
        let mut out = Vec::new();
        for i in 0..rows(found, s) {
            if self.dropped > 0 {
                break; // more findings than are listed: the rest is counted
            }
            let mut c = self.row(found, s, i, Path::root().key(parent_sheet));
            let Some(parent) = c.parent(self, parent_column.key, ids, parent_sheet) else {
                continue;
            };
            let n = counts.entry(parent).or_insert(0);
            c.path = path(parent, *n);
            *n += 1;
            let item = T::read_cells(&mut c, self);
            self.finish(&c);
            let rows = &mut self.locator.rows[s];
            if rows.len() <= parent {
                rows.resize(parent + 1, Vec::new());
            }
            rows[parent].push(c.row);
            out.push((parent, item));
        }
        out
    }

    fn population(&mut self, found: &FoundSheets<'_>, s: usize) -> Option<Population> {
        let n = rows(found, s);
        if n == 0 {
            return None;
        }
        let base = Path::root().key("organisation").key("population");
        let mut constant = None;
        let mut years = std::collections::BTreeMap::new();
        let mut ok = true;
        for i in 0..n {
            let mut c = self.row(found, s, i, base.clone());
            let year = c.int::<i32>(self, "year", YEAR_BOUNDS, false);
            if let Some(y) = year {
                c.path = base.clone().key(format!("{y:04}"));
            }
            // Population counts are checked here, as the loader checks
            // them: the model's type (u64) cannot hold every value outside
            // the range.
            let pop = c.required_int::<u64>(self, "population", POPULATION_BOUNDS, true);
            if c.tainted {
                ok = false;
            }
            match (year, pop) {
                (Some(y), Some(p)) => {
                    if years.insert(y, p).is_some() {
                        c.finding(
                            self,
                            "year",
                            Code::DuplicateKey,
                            Message::new(&m::YEAR_TWICE).with("year", y),
                        );
                        ok = false;
                    }
                    self.locator.population.push((Some(y), c.row));
                }
                (None, Some(p)) if !c.given("year") => {
                    if n > 1 {
                        c.finding(
                            self,
                            "year",
                            Code::MissingField,
                            Message::new(&m::WB_POPULATION_YEAR),
                        );
                        ok = false;
                    }
                    constant = Some(p);
                    self.locator.population.push((None, c.row));
                }
                _ => self.locator.population.push((year, c.row)),
            }
        }
        if !ok {
            self.tainted.insert((s, None));
            // The whole population is unsure: keep the core from judging
            // a part of it (a missing year would look like a gap).
            for (_, row) in &self.locator.population {
                self.tainted.insert((s, *row));
            }
        }
        match (constant, n) {
            (Some(p), 1) => Some(Population::Constant(p)),
            _ if years.is_empty() => None,
            _ => Some(Population::ByYear(years)),
        }
    }

    /// Reading row `i` of sheet `s` (its item at `path`).
    fn row<'f>(&self, found: &'f FoundSheets<'_>, s: usize, i: usize, path: Path) -> RowCtx<'f> {
        let fs = found.sheets[s].as_ref();
        let info = &layout()[s];
        let mut cells: Vec<Option<&'f SheetCell>> = vec![None; info.columns.len()];
        let mut row = None;
        if let Some(fs) = fs {
            let r = fs.rows[i];
            row = Some(r.row);
            for (colno, cell) in &r.cells {
                if let Some(&k) = fs.by_input.get(colno) {
                    if !cell.is_empty() {
                        cells[k] = Some(cell);
                    }
                }
            }
        }
        RowCtx {
            s,
            info,
            row,
            has: fs.map_or_else(|| vec![false; info.columns.len()], |fs| fs.has.clone()),
            cells,
            path,
            tainted: false,
            incomplete: false,
            lang: self.locator.sheets.get(s).map_or(Lang::En, |x| x.lang),
        }
    }

    fn finish(&mut self, c: &RowCtx<'_>) {
        if c.tainted {
            self.tainted.insert((c.s, c.row));
        }
    }
}

fn rows(found: &FoundSheets<'_>, s: usize) -> usize {
    found.sheets[s].as_ref().map_or(0, |fs| fs.rows.len())
}

fn has_values(s: &InputSheet) -> bool {
    s.rows.iter().any(row_has_values)
}

fn row_has_values(r: &InputRow) -> bool {
    r.cells.iter().any(|(_, c)| !c.is_empty())
}

/// The language a sheet is written in, for names in messages: Swedish
/// when its name is the Swedish one and differs from the English.
fn guess_lang(input: &InputSheet, info: &SheetInfo) -> Lang {
    let n = without_numbers(&normalise_name(&input.name));
    let sv = normalise_name(sheet_name(info.key, Lang::Sv));
    let en = normalise_name(sheet_name(info.key, Lang::En));
    if n == sv && n != en {
        return Lang::Sv;
    }
    if n == en && n != sv {
        return Lang::En;
    }
    // A name that is neither (`Blad1`, `Deltagre`): the language of its
    // headings, where a column's names differ.
    let Some(heading) = input
        .rows
        .iter()
        .filter(|r| row_has_values(r))
        .min_by_key(|r| r.row)
    else {
        return Lang::En;
    };
    let (mut svs, mut ens) = (0, 0);
    for (_, cell) in heading.cells.iter().take(4 * 64) {
        let h = normalise_name(&cell_text(cell));
        for c in info.columns {
            let s = normalise_name(&column_name(info.key, c.key, Lang::Sv));
            let e = normalise_name(&column_name(info.key, c.key, Lang::En));
            if s != e {
                svs += usize::from(h == s);
                ens += usize::from(h == e);
            }
        }
    }
    if svs > ens {
        Lang::Sv
    } else {
        Lang::En
    }
}

/// A name without the years and numbers people add to it (`kostnader
/// 2024`, `nätverk (2)` → `kostnader`, `nätverk`).
fn without_numbers(norm: &str) -> String {
    norm.split(' ')
        .filter(|w| {
            !w.chars()
                .all(|c| c.is_ascii_digit() || "()[]-–./:#".contains(c))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sheet a name is near (SPEC §10): the same once the years and
/// numbers added to it are gone, or a typo away ([`nearest`]).
fn near_sheet(norm: &str, names: &HashMap<String, &'static str>) -> Option<&'static str> {
    let bare = without_numbers(norm);
    if bare.is_empty() {
        return None;
    }
    if let Some(key) = names.get(&bare) {
        return Some(key);
    }
    near_key(&bare, names)
}

/// What the name nearest to `norm` stands for, by the rule of
/// [`nearest_id`] (one edit for up to 8 characters, two for longer), when
/// every name that near stands for the same thing (`namm` is one edit from
/// both `namn` and `name`, the same column).
fn near_key<T: Copy + PartialEq>(norm: &str, names: &HashMap<String, T>) -> Option<T> {
    let len = norm.chars().count();
    if len == 0 || len > crate::limits::MAX_SUGGEST_KEY {
        return None;
    }
    let most = if len <= 8 { 1 } else { 2 };
    let mut best: Option<(usize, T)> = None;
    let mut tie = false;
    for (name, &key) in names {
        let d = strsim::osa_distance(norm, name);
        if d > most {
            continue;
        }
        match best {
            Some((bd, bk)) if d == bd => tie |= bk != key,
            Some((bd, _)) if d > bd => {}
            _ => {
                best = Some((d, key));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, k)| k)
}

/// The sheet whose heading row a sheet of another name has: at least two
/// of its heading cells are columns of that sheet, every required column
/// of it is there, and no other sheet has as many (else `None`: a heading
/// that could be two sheets' is not guessed at).
fn sheet_by_heading(input: &InputSheet) -> Option<&'static str> {
    let heading = input
        .rows
        .iter()
        .filter(|r| row_has_values(r))
        .min_by_key(|r| r.row)?;
    let cells: HashSet<String> = heading
        .cells
        .iter()
        .take(4 * 64)
        .map(|(_, c)| normalise_name(&cell_text(c)))
        .collect();
    let mut best: Option<(usize, &'static str)> = None;
    let mut tie = false;
    for info in layout() {
        let has = |c: &super::ColumnInfo| {
            Lang::ALL
                .iter()
                .any(|l| cells.contains(&normalise_name(&column_name(info.key, c.key, *l))))
        };
        if !info.columns.iter().filter(|c| c.required).all(has) {
            continue;
        }
        let score = info.columns.iter().filter(|c| has(c)).count();
        if score < 2 {
            continue;
        }
        match best {
            Some((b, _)) if score == b => tie = true,
            Some((b, _)) if score < b => {}
            _ => {
                best = Some((score, info.key));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, k)| k)
}

/// A cell as text, as people see it.
fn cell_text(c: &SheetCell) -> String {
    match c {
        SheetCell::Empty => String::new(),
        SheetCell::Text(t) => t.clone(),
        SheetCell::Decimal(d) => d.to_string(),
        SheetCell::Int(i) => i.to_string(),
        SheetCell::Date(d) => d.format("%Y-%m-%d").to_string(),
        SheetCell::Bool(true) => "TRUE".into(),
        SheetCell::Bool(false) => "FALSE".into(),
        SheetCell::Error(e) => e.clone(),
    }
}

/// Characters that are no part of an id, a word or a name at either end
/// (SPEC §10): Unicode white space (spaces, tabs, line breaks, the
/// no-break space U+00A0, thin and narrow spaces) and the invisible
/// zero-width space and byte-order mark a copy from a web page brings.
fn is_edge_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}')
}

/// A cell's text without the spaces people leave at either end (SPEC §10:
/// they are no part of an id, a word or a name), non-breaking ones too.
///
/// ```
/// assert_eq!(natverk::tables::trim_spaces("\u{a0}fairtrade \t"), "fairtrade");
/// ```
pub fn trim_spaces(text: &str) -> &str {
    text.trim_matches(is_edge_space)
}

/// A currency as people type it (SPEC §10): in any case, with spaces
/// around it, the sign `€` for EUR, or `kr` for SEK (the suffix an amount
/// may have, [`parse_cell_decimal`]). Anything else is returned trimmed,
/// for the core to judge (it names the rule: three capital letters). The
/// workbook's cells and the CLI's CSV import both use it.
///
/// ```
/// use natverk::tables::cell_currency;
/// assert_eq!(cell_currency(" eur "), "EUR");
/// assert_eq!(cell_currency("€"), "EUR");
/// assert_eq!(cell_currency("Sek"), "SEK");
/// assert_eq!(cell_currency(" kr"), "SEK");
/// assert_eq!(cell_currency("$"), "$");
/// ```
pub fn cell_currency(text: &str) -> String {
    let t = trim_spaces(text);
    if t == "€" {
        return "EUR".into();
    }
    if t.eq_ignore_ascii_case("kr") {
        return "SEK".into();
    }
    if t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphabetic()) {
        return t.to_ascii_uppercase();
    }
    t.to_string()
}

/// An amount's text without the spaces around it and a trailing `kr`,
/// `SEK` or `:-` (and the spaces before it): the suffixes people type after
/// an amount, which [`parse_cell_decimal`] and [`ambiguous`] both drop.
fn without_currency_suffix(text: &str) -> &str {
    let t = trim_spaces(text);
    ["kr", "Kr", "KR", "SEK", ":-"]
        .iter()
        .find_map(|suffix| t.strip_suffix(suffix))
        .map_or(t, trim_spaces)
}

/// The two readings of a text number that could be either (SPEC §10): one
/// point or one comma, its only separator, followed by exactly three
/// digits, and a whole part that is not zero (`9.500`, `1,250`,
/// `-9.500`). `(whole, digits, fraction)`: `9 500` is `whole digits`,
/// `9,5` is `whole,fraction` (`fraction` without trailing zeros, at least
/// one digit).
fn ambiguous(text: &str) -> Option<(String, String, String)> {
    let t = without_currency_suffix(text);
    if t.chars().any(is_edge_space) {
        return None; // spaces between thousands: the separator is a decimal one
    }
    let (sign, body) = match t.chars().next() {
        Some('-') => ("-", &t[1..]),
        Some('\u{2212}') => ("-", &t['\u{2212}'.len_utf8()..]),
        Some('+') => ("", &t[1..]),
        _ => ("", t),
    };
    let (whole, frac) = body.split_once(['.', ','])?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(frac) || frac.len() != 3 {
        return None;
    }
    if whole.bytes().all(|b| b == b'0') {
        return None; // 0.500 can only be a half
    }
    let fraction = frac.trim_end_matches('0');
    let fraction = if fraction.is_empty() { "0" } else { fraction };
    Some((
        format!("{sign}{whole}"),
        frac.to_string(),
        fraction.to_string(),
    ))
}

/// A decimal as people write it in a cell: spaces (also no-break and thin)
/// between thousands, one decimal comma or point, a leading minus (also
/// `−`), a trailing `kr`, `SEK` or `:-`. The result is exact, from the
/// text. A text that could mean thousands or decimals (`9.500`, see SPEC
/// §10) is an error that offers both readings: nothing is guessed.
///
/// This is the one reader of decimals typed by people: the workbook's
/// cells and the CLI's CSV import both use it.
///
/// # Errors
///
/// A message naming the value and how to write it.
///
/// ```
/// use natverk::tables::parse_cell_decimal;
/// use natverk::Lang;
/// assert_eq!(parse_cell_decimal("65 000,50").unwrap().to_string(), "65000.50");
/// let e = parse_cell_decimal("9.500").unwrap_err();
/// assert!(e.text(Lang::Sv).contains("`9 500` för tusental eller `9,5` för decimaler"));
/// ```
pub fn parse_cell_decimal(text: &str) -> Result<Decimal, Message> {
    let t = trim_spaces(text);
    if let Some((whole, digits, fraction)) = ambiguous(t) {
        return Err(Message::new(&m::WB_AMBIGUOUS)
            .with("value", clip(t))
            .with("whole", whole)
            .with("digits", digits)
            .with("fraction", fraction));
    }
    let mut s: String = t
        .chars()
        .filter(|c| !is_edge_space(*c))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    s.truncate(without_currency_suffix(&s).len());
    let commas = s.matches(',').count();
    let points = s.matches('.').count();
    let bad = || Message::new(&m::WB_DECIMAL).with("value", clip(t));
    if commas > 1 || (commas == 1 && points > 0) {
        return Err(bad());
    }
    let s = s.replace(',', ".");
    crate::money::parse_decimal(&s).map_err(|e| {
        if e.template().key == "DECIMAL_DIGITS" {
            Message::new(&m::DECIMAL_DIGITS).with("value", clip(t))
        } else {
            bad()
        }
    })
}

/// Yes or no as people type it in a cell, in Swedish or English, any case:
/// `ja`, `j`, `sant`, `true`, `yes`, `y`, `1`, `x`; `nej`, `n`, `falskt`,
/// `false`, `no`, `0`. `None` for anything else. The workbook's cells and
/// the CLI's CSV import both use it.
///
/// ```
/// use natverk::tables::parse_cell_bool;
/// assert_eq!(parse_cell_bool(" Ja "), Some(true));
/// assert_eq!(parse_cell_bool("FALSKT"), Some(false));
/// assert_eq!(parse_cell_bool("kanske"), None);
/// ```
pub fn parse_cell_bool(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "true" | "sant" | "ja" | "j" | "yes" | "y" | "1" | "x" => Some(true),
        "false" | "falskt" | "nej" | "n" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// A date typed in a cell, for the date reader: trimmed, without the
/// midnight time a spreadsheet may add (`2024-03-01 00:00:00`,
/// `2024-03-01T00:00`). The workbook's cells and the CLI's CSV import both
/// use it.
///
/// ```
/// use natverk::tables::cell_date_text;
/// assert_eq!(cell_date_text(" 2024-03-01T00:00 "), "2024-03-01");
/// assert_eq!(cell_date_text("2024-03-01 12:00"), "2024-03-01 12:00");
/// ```
pub fn cell_date_text(text: &str) -> &str {
    let t = text.trim();
    ["T00:00:00", " 00:00:00", " 00:00", "T00:00"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t)
}

/// What a share or a probability is (SPEC §10: a percentage is welcome).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fraction {
    /// A financing's share of a cost (above 0, at most 1).
    Share,
    /// A financing's probability (0 to 1).
    Probability,
}

/// A share or a probability as people write it: a decimal as
/// [`parse_cell_decimal`] reads it, or a percentage (`80 %`, `80%`,
/// `12,5 %` are 0.8, 0.8 and 0.125). A bad value's message gives an
/// example of its own kind (`0,8` or `80 %`).
///
/// # Errors
///
/// A message naming the value and how to write it.
///
/// ```
/// use natverk::tables::{parse_cell_fraction, Fraction};
/// use natverk::Lang;
/// let p = |s| parse_cell_fraction(s, Fraction::Probability);
/// assert_eq!(p("80 %").unwrap().to_string(), "0.8");
/// assert_eq!(p("12,5%").unwrap().to_string(), "0.125");
/// assert_eq!(p("0,8").unwrap().to_string(), "0.8");
/// assert!(p("hög").unwrap_err().text(Lang::Sv).contains("t.ex. 0,8 eller 80 %"));
/// ```
pub fn parse_cell_fraction(text: &str, what: Fraction) -> Result<Decimal, Message> {
    let t = trim_spaces(text);
    let bad = || {
        let template = match what {
            Fraction::Share => &m::WB_SHARE,
            Fraction::Probability => &m::WB_PROBABILITY,
        };
        Message::new(template).with("value", clip(t))
    };
    match t.strip_suffix('%') {
        Some(number) => {
            let d = parse_cell_decimal(number).map_err(|e| {
                if e.template().key == "WB_AMBIGUOUS" {
                    e
                } else {
                    bad()
                }
            })?;
            let mut share = d;
            share
                .set_scale(d.scale() + 2)
                .map(|()| share.normalize())
                .map_err(|_| bad())
        }
        None => parse_cell_decimal(t).map_err(|e| {
            if e.template().key == "WB_DECIMAL" {
                bad()
            } else {
                e
            }
        }),
    }
}

/// A row being read: its cells by layout column, and the JSON path of its
/// item.
pub(crate) struct RowCtx<'f> {
    s: usize,
    info: &'static SheetInfo,
    row: Option<u32>,
    /// Layout column → whether the sheet has it.
    has: Vec<bool>,
    cells: Vec<Option<&'f SheetCell>>,
    path: Path,
    /// A bad cell left a placeholder in the item.
    tainted: bool,
    /// A required cell was bad or missing: the item has a placeholder.
    pub(crate) incomplete: bool,
    lang: Lang,
}

impl<'f> RowCtx<'f> {
    fn col(&self, key: &str) -> usize {
        self.info.column(key).unwrap_or(0)
    }
    fn cell(&self, key: &str) -> Option<&'f SheetCell> {
        self.cells.get(self.col(key)).copied().flatten()
    }
    pub(crate) fn given(&self, key: &str) -> bool {
        self.cell(key).is_some()
    }
    /// The JSON path of a column of this row: its item's, then the keys
    /// its column declares.
    fn field_path(&self, key: &str) -> Path {
        let mut p = self.path.clone();
        for k in self.info.columns[self.col(key)].path {
            p = p.key(*k);
        }
        p
    }
    /// Whether a column of the object at `key` (flattened into this row)
    /// has a value.
    pub(crate) fn any_given_under(&self, key: &str) -> bool {
        self.info
            .columns
            .iter()
            .zip(&self.cells)
            .any(|(c, cell)| cell.is_some() && c.path.len() > 1 && c.path[0] == key)
    }
    fn finding(&mut self, r: &mut Reader, key: &str, code: Code, message: Message) {
        self.tainted = true;
        let place = r.locator.place_of(self.s, self.row, Some(self.col(key)));
        r.push(code, self.field_path(key), message, place);
    }
    pub(crate) fn missing(&mut self, r: &mut Reader, key: &str, what: &'static str) {
        if !self.has.get(self.col(key)).copied().unwrap_or(false) {
            // The heading lacks the column: one finding says so for the sheet.
            self.tainted = true;
            return;
        }
        let name = column_name(self.info.key, key, self.lang);
        self.finding(
            r,
            key,
            Code::MissingField,
            Message::new(&m::WB_REQUIRED)
                .label("what", what)
                .with("column", name),
        );
    }
    fn what(&self) -> &'static str {
        self.info.what
    }
    fn error_cell(&mut self, r: &mut Reader, key: &str) -> bool {
        if let Some(SheetCell::Error(e)) = self.cell(key) {
            let msg = match e.strip_prefix(super::DATE_OUT_OF_RANGE) {
                Some(serial) => Message::new(&m::WB_DATE_OUT_OF_RANGE).with("serial", clip(serial)),
                None => Message::new(&m::WB_CELL_ERROR).with("value", clip(e)),
            };
            self.finding(r, key, Code::InvalidValue, msg);
            true
        } else {
            false
        }
    }

    pub(crate) fn text(&mut self, r: &mut Reader, key: &str) -> Option<String> {
        if self.error_cell(r, key) {
            return None;
        }
        let text = cell_text(self.cell(key)?);
        let kind = self.info.column(key).map(|i| self.info.columns[i].kind);
        Some(match kind {
            // SPEC §10: spaces at either end are no part of an id, a word
            // or a name; a currency is read in any case, `€` is EUR.
            Some(ColumnKind::Currency) => cell_currency(&text),
            Some(ColumnKind::Id | ColumnKind::Ref(_)) => trim_spaces(&text).to_string(),
            _ if self.info.columns[self.col(key)].trim => trim_spaces(&text).to_string(),
            _ => text,
        })
    }
    fn required_text(&mut self, r: &mut Reader, key: &str) -> Option<String> {
        let t = self.text(r, key);
        if t.is_none() && !self.given(key) {
            let what = self.what();
            self.missing(r, key, what);
        }
        t
    }

    /// The parent item a row belongs to, by the id in column `key`.
    fn parent(
        &mut self,
        r: &mut Reader,
        key: &str,
        ids: &HashMap<String, usize>,
        sheet: &'static str,
    ) -> Option<usize> {
        let id = self.required_text(r, key)?;
        match ids.get(&id) {
            Some(&i) => Some(i),
            None => {
                let nearest = suggest(&id, ids.keys().map(String::as_str), &mut r.budget);
                let name = r
                    .locator
                    .sheets
                    .get(layout().iter().position(|s| s.key == sheet).unwrap_or(0))
                    .filter(|s| s.present)
                    .map_or_else(
                        || sheet_name(sheet, self.lang).to_string(),
                        |s| s.name.clone(),
                    );
                let msg = match nearest {
                    Some(n) => Message::new(&m::WB_NO_PARENT_NEAREST).with("nearest", clip(&n)),
                    None => Message::new(&m::WB_NO_PARENT),
                };
                self.finding(
                    r,
                    key,
                    Code::UnknownReference,
                    msg.with("id", clip(&id)).with("sheet", clip(&name)),
                );
                None
            }
        }
    }

    /// A decimal, or a share or probability (a percentage is welcome).
    pub(crate) fn decimal(
        &mut self,
        r: &mut Reader,
        key: &str,
        fraction: Option<Fraction>,
    ) -> Option<Decimal> {
        if self.error_cell(r, key) {
            return None;
        }
        let cell = self.cell(key)?;
        let res = match cell {
            SheetCell::Decimal(d) => Ok(*d),
            SheetCell::Int(i) => Ok(Decimal::from(*i)),
            SheetCell::Text(t) => match fraction {
                Some(f) => parse_cell_fraction(t, f),
                None => parse_cell_decimal(t),
            },
            other => Err(Message::new(&m::WB_DECIMAL).with("value", clip(&cell_text(other)))),
        };
        match res {
            Ok(d) => Some(d),
            Err(msg) => {
                self.finding(r, key, Code::InvalidValue, msg);
                None
            }
        }
    }

    /// A whole number from `bounds.0` to `bounds.1`; only a type's range is
    /// checked here (the core checks the format's), unless `checked_here`.
    pub(crate) fn int<T: TryFrom<i64>>(
        &mut self,
        r: &mut Reader,
        key: &str,
        bounds: (i64, i64),
        checked_here: bool,
    ) -> Option<T> {
        if self.error_cell(r, key) {
            return None;
        }
        let cell = self.cell(key)?;
        let example = match self.info.column(key).map(|i| self.info.columns[i].kind) {
            Some(ColumnKind::Year) => "2024",
            _ if bounds.1 > 1_000_000 => "604616", // a count of people
            _ => "3",
        };
        let bad = |v: String| {
            Message::new(&m::WB_INTEGER)
                .with("value", clip(&v))
                .with("example", example)
        };
        // The value, or `None` for a whole number too large for i64.
        let value: Result<(Option<i64>, String), Message> = match cell {
            SheetCell::Int(i) => Ok((Some(*i), i.to_string())),
            SheetCell::Decimal(d) if d.fract().is_zero() => {
                Ok((d.to_i64(), d.normalize().to_string()))
            }
            SheetCell::Text(t) => {
                let digits: String = t
                    .trim()
                    .chars()
                    .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
                    .map(|c| if c == '\u{2212}' { '-' } else { c })
                    .collect();
                let d = digits.strip_prefix('-').unwrap_or(&digits);
                if !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) {
                    Ok((digits.parse::<i64>().ok(), digits))
                } else {
                    Err(bad(t.clone()))
                }
            }
            other => Err(bad(cell_text(other))),
        };
        let (v, shown) = match value {
            Ok(x) => x,
            Err(msg) => {
                self.finding(r, key, Code::InvalidValue, msg);
                return None;
            }
        };
        let (lo, hi) = bounds;
        match v
            .filter(|v| !checked_here || (lo..=hi).contains(v))
            .and_then(|v| T::try_from(v).ok())
        {
            Some(x) => Some(x),
            None => {
                let msg = Message::new(&m::OUT_OF_RANGE)
                    .with("value", clip(&shown))
                    .with("min", lo)
                    .with("max", hi);
                self.finding(r, key, Code::InvalidValue, msg);
                None
            }
        }
    }
    fn required_int<T: TryFrom<i64>>(
        &mut self,
        r: &mut Reader,
        key: &str,
        bounds: (i64, i64),
        checked_here: bool,
    ) -> Option<T> {
        let v = self.int(r, key, bounds, checked_here);
        if !self.given(key) {
            let w = self.what();
            self.missing(r, key, w);
        }
        v
    }

    pub(crate) fn date(&mut self, r: &mut Reader, key: &str) -> Option<NaiveDate> {
        if self.error_cell(r, key) {
            return None;
        }
        let cell = self.cell(key)?;
        let parsed = match cell {
            SheetCell::Date(d) => Some(*d),
            SheetCell::Text(t) => crate::parse_date(cell_date_text(t)),
            _ => None,
        };
        match parsed {
            Some(d) => Some(d),
            None => {
                let msg = Message::new(&m::WB_DATE).with("value", clip(&cell_text(cell)));
                self.finding(r, key, Code::InvalidValue, msg);
                None
            }
        }
    }
    pub(crate) fn boolean(&mut self, r: &mut Reader, key: &str) -> Option<bool> {
        if self.error_cell(r, key) {
            return None;
        }
        let cell = self.cell(key)?;
        let b = match cell {
            SheetCell::Bool(b) => Some(*b),
            SheetCell::Int(1) => Some(true),
            SheetCell::Int(0) => Some(false),
            SheetCell::Decimal(d) if *d == Decimal::ONE => Some(true),
            SheetCell::Decimal(d) if d.is_zero() => Some(false),
            SheetCell::Text(t) => parse_cell_bool(t),
            _ => None,
        };
        if b.is_none() {
            let msg = Message::new(&m::WB_BOOL).with("value", clip(&cell_text(cell)));
            self.finding(r, key, Code::InvalidValue, msg);
        }
        b
    }

    pub(crate) fn word<E: Word>(&mut self, r: &mut Reader, key: &str) -> Option<E> {
        if self.error_cell(r, key) {
            return None;
        }
        let cell = self.cell(key)?;
        let Some(ColumnKind::Word(prefix, words)) =
            self.info.column(key).map(|i| self.info.columns[i].kind)
        else {
            return None;
        };
        let text = cell_text(cell);
        match super::word_among(prefix, words, &text).and_then(E::parse_word) {
            Some(w) => Some(w),
            None => {
                let sv = super::column_words(prefix, Lang::Sv).join(", ");
                let msg = Message::new(&m::WB_WORD)
                    .label("what", E::WHAT)
                    .with("value", clip(&text))
                    .with("words", words.join(", "))
                    .with("words_sv", sv);
                self.finding(r, key, Code::InvalidValue, msg);
                None
            }
        }
    }
    pub(crate) fn subjects(&mut self, r: &mut Reader, key: &str) -> Vec<String> {
        if self.error_cell(r, key) {
            return Vec::new();
        }
        let Some(cell) = self.cell(key) else {
            return Vec::new();
        };
        let text = cell_text(cell);
        match split_subjects(&text) {
            Some(v) => v,
            None => {
                let msg = Message::new(&m::WB_SUBJECT_QUOTE).with("value", clip(&text));
                self.finding(r, key, Code::InvalidValue, msg);
                Vec::new()
            }
        }
    }
}

const _: () = assert!(CLIP_CHARS > 3);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_as_people_write_them() {
        let ok = |s: &str| parse_cell_decimal(s).unwrap().to_string();
        assert_eq!(ok("65 000,50"), "65000.50");
        assert_eq!(ok("65\u{a0}000,50"), "65000.50");
        assert_eq!(ok("65000.50"), "65000.50");
        assert_eq!(ok(" 4 000 kr "), "4000");
        assert_eq!(ok("\u{2212}3,5"), "-3.5");
        assert_eq!(ok("12345678901234567890.12"), "12345678901234567890.12");
        for bad in ["65.000,50", "1,2,3", "abc", "1e5", "", "12 kr 3", "0x10"] {
            assert!(parse_cell_decimal(bad).is_err(), "{bad}");
        }
        assert!(parse_cell_decimal("1234567890123456789012345678901")
            .unwrap_err()
            .contains("too many digits"));
    }

    #[test]
    fn names_near_enough() {
        let names: HashMap<String, usize> =
            [("networks", 0), ("units", 1), ("namn", 2), ("name", 2)]
                .into_iter()
                .map(|(n, i)| (n.to_string(), i))
                .collect();
        assert_eq!(near_key("netwroks", &names), Some(0));
        assert_eq!(near_key("namm", &names), Some(2), "two names of one column");
        assert_eq!(near_key("budget", &names), None);
        assert_eq!(near_key("x1", &names), None);
        assert_eq!(
            nearest_id("skl", ["slk", "ks"].into_iter()),
            Some("slk".into())
        );
        assert_eq!(nearest_id("SLK", ["slk"].into_iter()), Some("slk".into()));
        assert_eq!(nearest_id("ab", ["ac", "ad"].into_iter()), None, "a tie");
        assert_eq!(
            nearest_id("eurocitis", ["eurocities"].into_iter()),
            Some("eurocities".into())
        );
        assert_eq!(nearest_id("borgmästaren", ["ks-ordf"].into_iter()), None);
    }
}
