//! Where a finding is in a workbook: sheet, row and column.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use super::cells::layout;
use super::{
    column_letter, column_name, normalise_name, sheet_name, trim_spaces, InputRow, InputSheet,
    SheetCell, LAYOUT,
};
use crate::finding::{Code, Finding, Path, Seg, Severity};
use crate::present::messages as m;
use crate::present::{fill, label, Lang, Message};

/// A cell, row or sheet of a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The sheet's position in [`LAYOUT`](super::LAYOUT) (`usize::MAX` for
    /// a sheet that is not one of them).
    pub sheet_index: usize,
    /// The sheet's name as written in the workbook.
    pub sheet: String,
    /// The row as the spreadsheet shows it (from 1).
    pub row: Option<u32>,
    /// The column's heading as written in the workbook (or its §10 name
    /// when the sheet lacks the column).
    pub column: Option<String>,
    /// The column's position, from 0 (`A`).
    pub column_index: Option<u32>,
}

impl Place {
    pub(crate) fn sheet_only(name: &str) -> Place {
        Place {
            sheet_index: usize::MAX,
            sheet: name.to_string(),
            row: None,
            column: None,
            column_index: None,
        }
    }
    pub(crate) fn new(
        s: usize,
        name: &str,
        row: Option<u32>,
        column: Option<(String, u32)>,
    ) -> Place {
        let (column, column_index) = match column {
            Some((c, i)) => (Some(c), Some(i)),
            None => (None, None),
        };
        Place {
            sheet_index: s,
            sheet: name.to_string(),
            row,
            column,
            column_index,
        }
    }
    /// The column's letters (`C`), when known.
    pub fn letter(&self) -> Option<String> {
        self.column_index.map(column_letter)
    }
    /// The place for people: ``sheet `networks`, row 5, column `start` (G)``.
    pub fn text(&self, lang: Lang) -> String {
        let row = self.row.map(|r| r.to_string()).unwrap_or_default();
        let column = self.column.clone().unwrap_or_default();
        let letter = self.letter().unwrap_or_default();
        let key = match (&self.row, &self.column, &self.column_index) {
            (Some(_), Some(c), Some(_)) if !c.is_empty() => "workbook.place.cell",
            (Some(_), _, Some(_)) => "workbook.place.cell_unnamed",
            (Some(_), Some(_), None) => "workbook.place.cell_no_letter",
            (Some(_), None, None) => "workbook.place.row",
            (None, Some(_), _) => "workbook.place.column",
            _ => "workbook.place.sheet",
        };
        fill(
            label(key, lang),
            &[
                ("sheet", &self.sheet),
                ("row", &row),
                ("column", &column),
                ("letter", &letter),
            ],
        )
    }
}

/// What a limit of a workbook counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Measure {
    /// Bytes of the file.
    Bytes,
    /// Bytes of the file's parts when unpacked (a workbook is a zip).
    Unpacked,
    /// Cells with a value.
    Cells,
    /// Bytes of text in the cells, once read.
    Text,
    /// Strings in the shared-string table of an `.xlsx`.
    Strings,
    /// Bytes of memory the reader spends on cell formats (`styles.xml`).
    Styles,
    /// Rows with a value, in all sheets.
    Rows,
    /// Rows with a value in the networks sheet.
    NetworkRows,
}

impl Measure {
    fn label(self) -> &'static str {
        match self {
            Measure::Bytes => "workbook.count.bytes",
            Measure::Unpacked => "workbook.count.unpacked",
            Measure::Cells => "workbook.count.cells",
            Measure::Text => "workbook.count.text",
            Measure::Strings => "workbook.count.strings",
            Measure::Styles => "workbook.count.styles",
            Measure::Rows => "workbook.count.rows",
            Measure::NetworkRows => "workbook.count.network_rows",
        }
    }
}

/// (sheet, row, column) of a place, to compare places.
pub(crate) type CellKey = (usize, Option<u32>, Option<u32>);

/// A finding with where it is in the workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetFinding {
    /// The finding: code, severity, the JSON path the cell maps to, and
    /// the message in both languages.
    pub finding: Finding,
    /// Where it is in the workbook (none for the workbook as a whole).
    pub place: Option<Place>,
}

impl SheetFinding {
    pub(crate) fn key(&self) -> Option<CellKey> {
        self.place
            .as_ref()
            .map(|p| (p.sheet_index, p.row, p.column_index))
    }
    /// Where it is, for people (empty for the workbook as a whole).
    pub fn place_text(&self, lang: Lang) -> String {
        self.place
            .as_ref()
            .map(|p| p.text(lang))
            .unwrap_or_default()
    }
    /// The finding as one line for people: ``error[invalid_value] sheet
    /// `networks`, row 3, column `start` (G): invalid date … (networks[1].start)``.
    pub fn to_text(&self, lang: Lang) -> String {
        let f = &self.finding;
        let mut s = format!(
            "{}[{}]",
            label(
                match f.severity {
                    Severity::Error => "severity.error",
                    Severity::Warning => "severity.warning",
                },
                lang
            )
            .to_lowercase(),
            f.code
        );
        if let Some(p) = &self.place {
            s.push(' ');
            s.push_str(&p.text(lang));
        }
        s.push_str(": ");
        s.push_str(&f.message_in(lang));
        if !f.path.is_empty() {
            s.push_str(" (");
            s.push_str(&f.path.to_string());
            s.push(')');
        }
        s
    }
}

impl fmt::Display for SheetFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text(Lang::En))
    }
}

/// Every problem of a workbook, in sheet, row and column order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SheetFindings {
    findings: Vec<SheetFinding>,
    /// The network each finding concerns, where its row names one
    /// ([`SheetFindings::with_networks`]); empty when none is known.
    networks: Vec<Option<String>>,
}

impl SheetFindings {
    /// The findings, sorted by sheet (in [`LAYOUT`](super::LAYOUT) order),
    /// row and column; the workbook's own problems first.
    pub fn new(mut findings: Vec<SheetFinding>) -> SheetFindings {
        findings.sort_by_key(|f| match &f.place {
            None => (0, 0, 0, 0),
            Some(p) => (
                1,
                p.sheet_index.wrapping_add(1), // other sheets first
                p.row.unwrap_or(0),
                p.column_index.map_or(0, |c| u64::from(c) + 1),
            ),
        });
        SheetFindings {
            findings,
            networks: Vec::new(),
        }
    }
    /// The workbook cannot be read at all (not a zip, not xlsx or ods, a
    /// broken file): one `syntax` finding saying why.
    pub fn unreadable(detail: impl fmt::Display) -> SheetFindings {
        // The reader's own words, cut at 300 characters (not a value of the
        // file: no need to clip it as short as one).
        let detail = detail.to_string();
        let cut = detail
            .char_indices()
            .nth(300)
            .map_or(detail.len(), |(i, _)| i);
        let msg = Message::new(&m::WB_UNREADABLE).with("detail", &detail[..cut]);
        SheetFindings::new(vec![SheetFinding {
            finding: Finding::new(Code::Syntax, Path::root(), msg),
            place: None,
        }])
    }
    /// The workbook is larger than a limit of SPEC §9: one finding naming
    /// the limit, before the work.
    pub fn too_large(limit: u64, what: Measure) -> SheetFindings {
        let msg = Message::new(&m::WB_TOO_LARGE)
            .with("limit", limit)
            .label("what", what.label());
        SheetFindings::new(vec![SheetFinding {
            finding: Finding::new(Code::InvalidValue, Path::root(), msg),
            place: None,
        }])
    }
    /// The findings, each naming the network it concerns where its row
    /// says which (`sheets`: the sheets they were found in): a row of the
    /// sheet `networks` by its `id` cell, a row of `participants`, `costs`
    /// or `financing` by its `network` cell, as written (trimmed of
    /// spaces, as the reader reads an id). A finding of another sheet, of
    /// a sheet as a whole, or of a row without that cell names none.
    ///
    /// ```
    /// use natverk::tables::{from_tables, SheetCell, InputSheet};
    ///
    /// let t = |s: &str| SheetCell::Text(s.into());
    /// let sheets = vec![
    ///     InputSheet::from_grid("organisation", vec![vec![t("name"), t("currency")], vec![t("X"), t("SEK")]]),
    ///     InputSheet::from_grid("networks", vec![
    ///         vec![t("id"), t("name"), t("start")],
    ///         vec![t("skr"), t("SKR"), t("not a date")],
    ///     ]),
    /// ];
    /// let findings = from_tables(&sheets).unwrap_err().with_networks(&sheets);
    /// assert_eq!(findings.network(0), Some("skr"));
    /// ```
    pub fn with_networks(mut self, sheets: &[InputSheet]) -> SheetFindings {
        // the sheet, row and column of the cell naming each finding's network
        let at: Vec<Option<(usize, u32, &'static str)>> = self
            .findings
            .iter()
            .map(|f| {
                let p = f.place.as_ref()?;
                let column = match LAYOUT.get(p.sheet_index)?.key {
                    "networks" => "id",
                    "participants" | "costs" | "financing" => "network",
                    _ => return None,
                };
                Some((p.sheet_index, p.row?, column))
            })
            .collect();
        // only those rows' cells are read
        let mut wanted: HashMap<usize, (&'static str, HashSet<u32>)> = HashMap::new();
        for (s, row, column) in at.iter().flatten() {
            wanted
                .entry(*s)
                .or_insert((column, HashSet::new()))
                .1
                .insert(*row);
        }
        let cells: HashMap<usize, HashMap<u32, String>> = wanted
            .into_iter()
            .filter_map(|(s, (column, rows))| {
                let name = self
                    .findings
                    .iter()
                    .filter_map(|f| f.place.as_ref())
                    .find(|p| p.sheet_index == s)?
                    .sheet
                    .as_str();
                let input = sheets.iter().find(|x| x.name == name)?;
                Some((s, column_cells(input, LAYOUT[s].key, column, &rows)))
            })
            .collect();
        let networks: Vec<Option<String>> = at
            .iter()
            .map(|a| {
                let (s, row, _) = (*a)?;
                cells.get(&s)?.get(&row).cloned()
            })
            .collect();
        self.networks = if networks.iter().any(Option::is_some) {
            networks
        } else {
            Vec::new()
        };
        self
    }
    /// The id of the network finding `i` concerns, where known (see
    /// [`SheetFindings::with_networks`]).
    pub fn network(&self, i: usize) -> Option<&str> {
        self.networks.get(i).and_then(|n| n.as_deref())
    }
    /// Every finding.
    pub fn as_slice(&self) -> &[SheetFinding] {
        &self.findings
    }
    /// How many.
    pub fn len(&self) -> usize {
        self.findings.len()
    }
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }
    /// How many are errors.
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.finding.severity == Severity::Error)
            .count()
    }
    /// Iterates over the findings.
    pub fn iter(&self) -> std::slice::Iter<'_, SheetFinding> {
        self.findings.iter()
    }
    /// One line per finding, for people.
    pub fn to_text(&self, lang: Lang) -> String {
        self.findings
            .iter()
            .map(|f| f.to_text(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
    /// As JSON: `{"findings": [{code, severity, path, message, sheet, row,
    /// column, cell}], "errors": N, "warnings": N}`, messages in `lang`
    /// (`row`, `column` and `cell` only where known).
    pub fn to_json(&self, lang: Lang) -> String {
        serde_json::to_string_pretty(&In(self, lang))
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}

impl std::error::Error for SheetFindings {}

impl fmt::Display for SheetFindings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text(Lang::En))
    }
}

impl<'a> IntoIterator for &'a SheetFindings {
    type Item = &'a SheetFinding;
    type IntoIter = std::slice::Iter<'a, SheetFinding>;
    fn into_iter(self) -> Self::IntoIter {
        self.findings.iter()
    }
}

struct In<'a>(&'a SheetFindings, Lang);

impl Serialize for In<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct One<'a>(&'a SheetFinding, Lang);
        impl Serialize for One<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let f = &self.0.finding;
                let mut m = s.serialize_map(None)?;
                m.serialize_entry("code", &f.code)?;
                m.serialize_entry("severity", &f.severity)?;
                m.serialize_entry("path", &f.path)?;
                m.serialize_entry("message", &f.message_in(self.1))?;
                if let Some(p) = &self.0.place {
                    m.serialize_entry("sheet", &p.sheet)?;
                    if let Some(r) = p.row {
                        m.serialize_entry("row", &r)?;
                    }
                    if let Some(c) = &p.column {
                        m.serialize_entry("column", c)?;
                    }
                    if let (Some(r), Some(l)) = (p.row, p.letter()) {
                        m.serialize_entry("cell", &format!("{l}{r}"))?;
                    }
                }
                m.end()
            }
        }
        struct All<'a>(&'a [SheetFinding], Lang);
        impl Serialize for All<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut q = s.serialize_seq(Some(self.0.len()))?;
                for f in self.0 {
                    q.serialize_element(&One(f, self.1))?;
                }
                q.end()
            }
        }
        let errors = self.0.errors();
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("findings", &All(&self.0.findings, self.1))?;
        m.serialize_entry("errors", &errors)?;
        m.serialize_entry("warnings", &(self.0.len() - errors))?;
        m.end()
    }
}

/// The text of the cell in the column `column` of each row of `rows` of
/// `sheet` (a sheet of the layout read from `input`): the heading row is
/// the first row with a value, as the reader finds it, and the column is
/// the one headed by its name in either language.
fn column_cells(
    input: &InputSheet,
    sheet: &str,
    column: &str,
    rows: &HashSet<u32>,
) -> HashMap<u32, String> {
    let mut out = HashMap::new();
    let has_value = |r: &&InputRow| r.cells.iter().any(|(_, c)| !c.is_empty());
    let Some(heading) = input.rows.iter().filter(has_value).min_by_key(|r| r.row) else {
        return out;
    };
    let names: Vec<String> = Lang::ALL
        .iter()
        .map(|l| normalise_name(&column_name(sheet, column, *l)))
        .collect();
    let Some(at) = heading.cells.iter().find_map(|(i, c)| match c {
        SheetCell::Text(t) if names.contains(&normalise_name(t)) => Some(*i),
        _ => None,
    }) else {
        return out;
    };
    for r in input
        .rows
        .iter()
        .filter(|r| r.row > heading.row && rows.contains(&r.row))
    {
        let text = r
            .cells
            .iter()
            .find(|(i, _)| *i == at)
            .and_then(|(_, c)| match c {
                SheetCell::Text(t) => Some(trim_spaces(t).to_string()),
                SheetCell::Int(n) => Some(n.to_string()),
                SheetCell::Decimal(d) => Some(d.to_string()),
                _ => None,
            });
        if let Some(t) = text.filter(|t| !t.is_empty()) {
            out.insert(r.row, t);
        }
    }
    out
}

/// A sheet as found in the workbook.
#[derive(Debug, Clone, Default)]
pub(crate) struct SheetSeen {
    pub present: bool,
    pub name: String,
    /// The language its name is in.
    pub lang: Lang,
    pub heading_row: Option<u32>,
    /// Per layout column: its heading as written and its position.
    pub columns: Vec<Option<(String, u32)>>,
}

/// Where each item of an imported inventory came from: maps a JSON path
/// (of a finding, e.g. a warning of `check`) to its sheet, row and column.
#[derive(Debug, Clone, Default)]
pub struct Locator {
    pub(crate) sheets: Vec<SheetSeen>,
    pub(crate) organisation: Option<u32>,
    pub(crate) population: Vec<(Option<i32>, Option<u32>)>,
    /// `population` by year, made when first needed.
    pub(crate) population_rows: OnceLock<HashMap<Option<i32>, Option<u32>>>,
    /// Per sheet of the layout, per parent (the top level's lists have
    /// one, 0), the row of each item.
    pub(crate) rows: Vec<Vec<Vec<Option<u32>>>>,
}

fn sheet_index(key: &str) -> usize {
    layout().iter().position(|s| s.key == key).unwrap_or(0)
}

impl Locator {
    /// The place of layout column `col` of row `row` of sheet `s`.
    pub(crate) fn place_of(&self, s: usize, row: Option<u32>, col: Option<usize>) -> Option<Place> {
        let seen = self.sheets.get(s)?;
        if !seen.present {
            return None;
        }
        let column = col.map(|c| {
            match seen.columns.get(c).cloned().flatten() {
                Some((name, i)) => (name, Some(i)),
                // The sheet lacks the column: its §10 name.
                None => (
                    layout()[s].columns.get(c).map_or_else(String::new, |x| {
                        column_name(layout()[s].key, x.key, seen.lang)
                    }),
                    None,
                ),
            }
        });
        let (column, column_index) = match column {
            Some((n, i)) => (Some(n), i),
            None => (None, None),
        };
        Some(Place {
            sheet_index: s,
            sheet: seen.name.clone(),
            row,
            column,
            column_index,
        })
    }

    fn at(&self, sheet: &str, row: Option<u32>, column: Option<&str>) -> Option<Place> {
        let s = sheet_index(sheet);
        let col = column.and_then(|c| layout()[s].column(c));
        self.place_of(s, row, col)
    }

    /// The place of the field at `keys` (from a row's item) of row `row`
    /// of sheet `sheet`: the column whose declared path is the longest
    /// start of `keys` (`decision.body` is `decision_body`), else the row.
    fn at_keys(&self, sheet: &str, row: Option<u32>, keys: &[Seg]) -> Option<Place> {
        let s = sheet_index(sheet);
        let col = layout()[s]
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                !c.path.is_empty()
                    && c.path.len() <= keys.len()
                    && c.path
                        .iter()
                        .zip(keys)
                        .all(|(p, k)| matches!(k, Seg::Key(k) if k == p))
            })
            .max_by_key(|(_, c)| c.path.len())
            .map(|(i, _)| i);
        self.place_of(s, row, col)
    }

    /// Where in the workbook a finding about the imported inventory is.
    pub fn place(&self, finding: &Finding) -> Option<Place> {
        self.place_of_path(&finding.path, finding.message.template().key)
    }

    pub(crate) fn place_of_path(&self, path: &Path, template: &str) -> Option<Place> {
        use Seg::{Index, Key};
        let segs = path.segments();
        let key = |i: usize| match segs.get(i) {
            Some(Key(k)) => Some(k.as_ref()),
            _ => None,
        };
        let index = |i: usize| match segs.get(i) {
            Some(Index(n)) => Some(*n),
            _ => None,
        };
        let rest = |i: usize| segs.get(i..).unwrap_or(&[]);
        match key(0)? {
            "organisation" => match key(1) {
                Some("population") => {
                    let col = if template == "NOT_A_YEAR" {
                        "year"
                    } else {
                        "population"
                    };
                    let row = match key(2) {
                        Some(y) => {
                            let y: Option<i32> = y.parse().ok();
                            self.population_rows
                                .get_or_init(|| {
                                    let mut m = HashMap::new();
                                    for (y, r) in &self.population {
                                        m.entry(*y).or_insert(*r);
                                    }
                                    m
                                })
                                .get(&y)
                                .copied()
                                .flatten()
                        }
                        None if self.population.len() == 1 => self.population[0].1,
                        None => None,
                    };
                    self.at("population", row, row.map(|_| col))
                }
                k => self.at("organisation", self.organisation, k),
            },
            top => {
                // A list of the top level (`networks[3]`), then perhaps a
                // list of its item (`networks[3].costs[1]`): the sheets
                // whose first column names the parent.
                let s = layout()
                    .iter()
                    .position(|x| x.key == top && x.parent().is_none())?;
                let i = index(1);
                let row = i.and_then(|i| self.row(s, 0, i));
                if let Some(list) = key(2) {
                    let parent = layout()[s].key;
                    let child = layout()
                        .iter()
                        .position(|x| x.key == list && x.parent() == Some(parent));
                    if let Some(c) = child {
                        return match index(3) {
                            Some(j) => {
                                let row = i.and_then(|i| self.row(c, i, j));
                                self.at_keys(layout()[c].key, row, rest(4))
                            }
                            None => self.place_of(s, row, None),
                        };
                    }
                }
                self.at_keys(top, row, rest(2))
            }
        }
    }

    /// The row of item `i` under parent `parent` of sheet `s`.
    fn row(&self, s: usize, parent: usize, i: usize) -> Option<u32> {
        self.rows.get(s)?.get(parent)?.get(i).copied().flatten()
    }

    /// A finding about the imported inventory in the workbook's words
    /// (SPEC §10): the keys of the format its message names (`` `side` ``,
    /// `` `people` ``) become the columns and sheets as the official wrote
    /// them (`` `sida` ``, `` `personer` ``). Columns of the sheet the
    /// finding is on come first, then the other sheets' columns, then the
    /// sheets.
    pub fn in_workbook_words(&self, mut finding: Finding) -> Finding {
        if !self.sheets.iter().any(|s| s.present) {
            return finding;
        }
        let here = self.place(&finding).map(|p| p.sheet_index);
        // The language of the sheet the finding is on, else of the
        // workbook's first sheet of the format.
        let lang = here
            .and_then(|s| self.sheets.get(s))
            .filter(|s| s.present)
            .or_else(|| self.sheets.iter().find(|s| s.present))
            .map_or(Lang::Sv, |s| s.lang);
        let mut order: Vec<usize> = here.filter(|s| *s < layout().len()).into_iter().collect();
        order.extend((0..layout().len()).filter(|s| Some(*s) != here));
        let mut seen: Vec<&'static str> = Vec::new();
        let mut message = finding.message;
        for s in order {
            let info = &layout()[s];
            let sheet = self.sheets.get(s);
            for (i, c) in info.columns.iter().enumerate() {
                if seen.contains(&c.key) {
                    continue;
                }
                seen.push(c.key);
                let written = sheet
                    .filter(|x| x.present)
                    .and_then(|x| x.columns.get(i).cloned().flatten())
                    .map_or_else(|| column_name(info.key, c.key, lang), |(n, _)| n);
                message = message.renamed(c.key, written);
            }
        }
        for info in layout() {
            message = message.renamed(info.key, self.sheet_name(info.key, lang));
        }
        message = message.renamed(
            "organisation.population",
            self.sheet_name("population", lang),
        );
        // The words of the format a message names, as the workbook's cells
        // say them (`ended` is `avslutad` in a Swedish workbook), and the
        // cost's period as its column and word.
        for w in <crate::model::Status as crate::model::Word>::WORDS {
            message = message.renamed(w, super::cell_word("status", w, lang));
        }
        let per = self.column_word("costs", "per", lang);
        for (key, w) in [("\"per\": \"year\"", "year"), ("\"per\": \"once\"", "once")] {
            message = message.renamed(key, format!("{per}: {}", super::cell_word("per", w, lang)));
        }
        finding.message = message;
        finding
    }

    /// A column's heading as written in the workbook, or its name in `lang`.
    fn column_word(&self, sheet: &str, column: &str, lang: Lang) -> String {
        let s = sheet_index(sheet);
        let i = layout()[s].column(column).unwrap_or(0);
        self.sheets
            .get(s)
            .filter(|x| x.present)
            .and_then(|x| x.columns.get(i).cloned().flatten())
            .map_or_else(|| column_name(sheet, column, lang), |(n, _)| n)
    }

    /// The name of a sheet in the workbook, or its §10 name in `lang`.
    pub fn sheet_name(&self, key: &str, lang: Lang) -> String {
        let s = sheet_index(key);
        match self.sheets.get(s) {
            Some(seen) if seen.present => seen.name.clone(),
            _ => sheet_name(key, lang).to_string(),
        }
    }
}

#[cfg(test)]
mod network_tests {
    use super::super::{from_tables, InputRow, InputSheet, SheetCell};

    fn t(s: &str) -> SheetCell {
        SheetCell::Text(s.into())
    }

    /// A sheet whose heading is on row `first` (rows above it empty).
    fn sheet(name: &str, first: u32, rows: Vec<Vec<SheetCell>>) -> InputSheet {
        InputSheet {
            name: name.into(),
            rows: rows
                .into_iter()
                .enumerate()
                .map(|(i, cells)| InputRow {
                    row: first + i as u32,
                    cells: cells
                        .into_iter()
                        .enumerate()
                        .map(|(j, c)| (j as u32, c))
                        .collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn each_finding_names_the_network_of_its_row() {
        let sheets = vec![
            sheet(
                "organisation",
                1,
                vec![vec![t("name"), t("currency")], vec![t("X"), t("SEK")]],
            ),
            sheet(
                "units",
                1,
                vec![
                    vec![t("id"), t("name"), t("central")],
                    vec![t("u"), t("U"), t("perhaps")],
                ],
            ),
            sheet("people", 1, vec![vec![t("id")], vec![t("p")]]),
            // Swedish headings, the heading on row 3, the network column
            // after the others, an id with spaces around it
            sheet(
                "deltagare",
                3,
                vec![
                    vec![t("person"), t("timmar per år"), t("nätverk")],
                    vec![t("p"), t("many"), t(" skr ")],
                    vec![t("p"), t("10"), t("no-such")],
                ],
            ),
            sheet(
                "networks",
                1,
                vec![
                    vec![t("id"), t("name"), t("start")],
                    vec![t("skr"), t("SKR"), t("2024-01-01")],
                    vec![SheetCell::Int(42), t("N"), t("soon")],
                ],
            ),
        ];
        let f = from_tables(&sheets).unwrap_err().with_networks(&sheets);
        let found: Vec<(String, Option<u32>, Option<&str>)> = (0..f.len())
            .map(|i| {
                let p = f.as_slice()[i].place.as_ref();
                (
                    p.map(|p| p.sheet.clone()).unwrap_or_default(),
                    p.and_then(|p| p.row),
                    f.network(i),
                )
            })
            .collect();
        assert!(
            found.contains(&("units".into(), Some(2), None)),
            "{found:?}"
        );
        assert!(
            found.contains(&("networks".into(), Some(3), Some("42"))),
            "{found:?}"
        );
        assert!(
            found.contains(&("deltagare".into(), Some(4), Some("skr"))),
            "{found:?}"
        );
        // an unknown network is named as typed
        assert!(
            found.contains(&("deltagare".into(), Some(5), Some("no-such"))),
            "{found:?}"
        );
    }
}
