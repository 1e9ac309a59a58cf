//! `natverk import`: a one-sheet spreadsheet of networks (CSV, as Excel
//! saves it) → a `natverk/1` inventory.
//!
//! Thin: this module only reads cells and writes them as JSON — a decimal
//! comma becomes a point, `ja` becomes `true`, `a; b` becomes a list. The
//! JSON is then loaded by the core, so every rule of the format is checked
//! there, once; the core's findings are mapped back to rows and columns.
//! Nothing is returned unless the whole sheet is valid.
//!
//! Layout (one row per network, the first row names the columns, in any
//! order, Swedish or English, case-insensitive): see [`COLUMNS`] and the
//! command-line README section.
//!
//! Bounded (SPEC §9): the text is decoded by its byte-order mark
//! ([`decode`]), read one row at a time ([`sheet`]) and written straight
//! into the JSON the core loads, in one pass; units are found by a hash
//! map, so the work is linear in the sheet. A sheet of more than
//! [`MAX_IMPORT_ROWS`](crate::limits::MAX_IMPORT_ROWS) networks or
//! [`MAX_IMPORT_COLUMNS`](crate::limits::MAX_IMPORT_COLUMNS) header cells
//! is refused before the work; at most
//! [`MAX_PROBLEMS_SHOWN`](crate::limits::MAX_PROBLEMS_SHOWN) problems are
//! listed (the rest are counted). Every value quoted in a message is clipped
//! ([`crate::text::clip`]).

pub mod decode;
pub mod sheet;

use std::collections::{HashMap, HashSet};
use std::fmt;

use natverk::present::{label, Arg, Message};
use natverk::{Code, Inventory, Lang};

use crate::limits::{self, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, MAX_PROBLEMS_SHOWN};
use crate::messages as m;
use crate::text::{clip, for_people, prefix};

/// A column of the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Col {
    /// Network id (required).
    Id,
    /// Network name (required).
    Name,
    /// Organiser.
    Organiser,
    /// Network kind.
    Kind,
    /// Subjects, separated by `;` or `|`.
    Subjects,
    /// Unit id; units are created from the distinct values.
    Unit,
    /// Unit name (default: the unit id).
    UnitName,
    /// Whether the unit is central: ja/nej, true/false, 1/0.
    UnitCentral,
    /// Start date (required).
    Start,
    /// End date.
    End,
    /// Status.
    Status,
    /// Last day to register.
    Deadline,
    /// Annual fee: a yearly cost of kind `fee`.
    Fee,
    /// Currency of the fee.
    Currency,
    /// Notes.
    Notes,
}

/// Every column: its name in the inventory, then every header accepted
/// for it (compared lowercased, with `_` and `-` read as spaces).
pub const COLUMNS: &[(Col, &str, &[&str])] = &[
    (Col::Id, "id", &["id"]),
    (Col::Name, "name", &["name", "namn"]),
    (
        Col::Organiser,
        "organiser",
        &["organiser", "organizer", "huvudman", "arrangör"],
    ),
    (Col::Kind, "kind", &["kind", "type", "typ"]),
    (
        Col::Subjects,
        "subjects",
        &[
            "subjects",
            "subject",
            "sakområden",
            "sakområde",
            "sakfrågor",
            "sakfråga",
        ],
    ),
    (Col::Unit, "unit", &["unit", "enhet", "förvaltning"]),
    (
        Col::UnitName,
        "unit_name",
        &[
            "unit name",
            "enhetsnamn",
            "enhetens namn",
            "förvaltningsnamn",
        ],
    ),
    (
        Col::UnitCentral,
        "unit_central",
        &["unit central", "central", "kommuncentral", "enhet central"],
    ),
    (Col::Start, "start", &["start", "startdatum", "från"]),
    (Col::End, "end", &["end", "slut", "slutdatum", "till"]),
    (Col::Status, "status", &["status"]),
    (
        Col::Deadline,
        "deadline",
        &[
            "deadline",
            "sista anmälningsdag",
            "anmälan senast",
            "sista dag",
        ],
    ),
    (
        Col::Fee,
        "fee",
        &["fee", "annual fee", "avgift", "årsavgift"],
    ),
    (Col::Currency, "currency", &["currency", "valuta"]),
    (
        Col::Notes,
        "notes",
        &["notes", "note", "anteckningar", "anteckning", "kommentar"],
    ),
];

/// Columns every sheet needs.
const REQUIRED: [Col; 3] = [Col::Id, Col::Name, Col::Start];

/// The organisation and exchange rates, given as options.
pub struct Options {
    /// Organisation name.
    pub organisation: String,
    /// Organisation currency (ISO 4217).
    pub currency: String,
    /// Municipality code.
    pub code: Option<String>,
    /// Population, digits (spaces allowed).
    pub population: Option<String>,
    /// Exchange rates, each `CUR:YEAR:RATE`.
    pub rates: Vec<String>,
}

/// A problem with the sheet, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Stable code (the core's codes).
    pub code: Code,
    /// Row as the spreadsheet numbers it (the header is row 1).
    pub row: Option<usize>,
    /// The column's header as written in the sheet (clipped), or an option
    /// (`--currency`).
    pub column: Option<String>,
    /// What is wrong and how to fix it, in either language.
    pub message: Message,
}

impl Problem {
    /// The problem as one line for people, in `lang`: `error[code] at row
    /// 3, column `avgift`: …`, control characters from the sheet escaped.
    pub fn text(&self, lang: Lang) -> String {
        let mut s = format!(
            "{}[{}]",
            label("severity.error", lang).to_lowercase(),
            self.code
        );
        let place = match (self.row, &self.column) {
            (Some(r), Some(c)) => Some(Message::new(&m::AT_CELL).with("row", r).with("column", c)),
            (Some(r), None) => Some(Message::new(&m::AT_ROW).with("row", r)),
            (None, Some(c)) if c.starts_with("--") => {
                Some(Message::new(&m::IN_OPTION).with("option", c))
            }
            (None, Some(c)) => Some(Message::new(&m::IN_HEADER).with("column", c)),
            (None, None) => None,
        };
        if let Some(p) = place {
            s.push_str(&p.text(lang));
        }
        s.push_str(": ");
        s.push_str(&self.message.text(lang));
        for_people(&s).into_owned()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// The problems of a sheet: the first [`MAX_PROBLEMS_SHOWN`] by row, and
/// how many more there are.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Problems {
    /// Problems to list, sorted by row (options first).
    pub shown: Vec<Problem>,
    /// Problems found but not listed.
    pub more: usize,
}

impl Problems {
    /// How many problems there are in all.
    pub fn total(&self) -> usize {
        self.shown.len() + self.more
    }
    fn one(p: Problem) -> Problems {
        Problems {
            shown: vec![p],
            more: 0,
        }
    }
}

/// A sheet read successfully.
pub struct Imported {
    /// The inventory, loaded by the core.
    pub inventory: Inventory,
}

/// What an import gives: notes (always said, also when it fails) and the
/// inventory or the problems.
pub struct Outcome {
    /// Remarks for the user (e.g. the file was not UTF-8).
    pub notes: Vec<Message>,
    /// The inventory, or every problem.
    pub result: Result<Imported, Problems>,
}

fn normalise_header(h: &str) -> String {
    // A header is compared on its first characters only: a 20 MB header
    // cell costs no more than a short one.
    prefix(h.trim(), 64)
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn column_of(header: &str) -> Option<Col> {
    let h = normalise_header(header);
    COLUMNS
        .iter()
        .find(|(_, _, names)| names.contains(&h.as_str()))
        .map(|(c, _, _)| *c)
}

fn column_name(c: Col) -> &'static str {
    COLUMNS[c as usize].1
}

/// A decimal as Swedish (or English) spreadsheets write it → the format's
/// text, by the core's one reader of typed decimals
/// ([`natverk::tables::parse_cell_decimal`], SPEC §10): spaces and
/// no-break spaces between thousands, one decimal comma or point, a
/// trailing `kr`, `SEK` or `:-`; `9.500` is an error offering both
/// readings.
pub fn decimal(cell: &str) -> Result<String, Message> {
    natverk::tables::parse_cell_decimal(cell).map(|d| d.to_string())
}

/// Yes or no, by the core's reader of typed cells
/// ([`natverk::tables::parse_cell_bool`]).
fn boolean(cell: &str) -> Result<bool, Message> {
    natverk::tables::parse_cell_bool(cell)
        .ok_or_else(|| Message::new(&m::BAD_YES_NO).with("value", clip(cell.trim())))
}

/// A date cell: `YYYY-MM-DD`, a midnight time Excel may add is dropped
/// ([`natverk::tables::cell_date_text`]). The core checks the date itself.
fn date(cell: &str) -> &str {
    natverk::tables::cell_date_text(cell)
}

/// A cell of a column of words (`prefix` names the enum): the file's word,
/// Swedish words read as the format's; anything else is passed on for the
/// core to report.
fn word(prefix: &str, cell: &str) -> String {
    match natverk::tables::word_of(prefix, cell) {
        Some(w) => w.to_string(),
        None => cell.trim().to_lowercase(),
    }
}

/// A unit as first seen in the sheet.
struct UnitSeen {
    id: String,
    /// The first row naming it.
    row: usize,
    name: Option<String>,
    /// Central or not, and the row that said so first.
    central: Option<(bool, usize)>,
}

/// Where a problem is: a cell, or an option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Place {
    Cell(Col),
    Option(&'static str),
}

/// Problems as they are found: kept up to the limit, counted beyond it;
/// where each cell problem is, to leave out a core finding about the same
/// cell.
#[derive(Default)]
struct ProblemLog {
    list: Vec<(Option<usize>, Option<Place>, Problem)>,
    more: usize,
    cells: HashSet<(usize, Col)>,
}

impl ProblemLog {
    fn push(&mut self, code: Code, row: Option<usize>, place: Option<Place>, message: Message) {
        if let (Some(r), Some(Place::Cell(c))) = (row, place) {
            self.cells.insert((r, c));
        }
        if self.list.len() < MAX_PROBLEMS_SHOWN {
            self.list.push((
                row,
                place,
                Problem {
                    code,
                    row,
                    column: None,
                    message,
                },
            ));
        } else {
            self.more += 1;
        }
    }
    fn is_empty(&self) -> bool {
        self.list.is_empty() && self.more == 0
    }
}

/// A JSON document written as it is built (no tree in memory).
struct Json(Vec<u8>);

impl Json {
    fn raw(&mut self, s: &str) {
        self.0.extend_from_slice(s.as_bytes());
    }
    fn string(&mut self, s: &str) {
        // Writing a &str into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut self.0, s);
    }
    /// `"key":"value"`, with a comma before it unless it is the first.
    fn field(&mut self, first: &mut bool, key: &str, value: &str) {
        self.key(first, key);
        self.string(value);
    }
    fn key(&mut self, first: &mut bool, key: &str) {
        if !*first {
            self.0.push(b',');
        }
        *first = false;
        self.string(key);
        self.0.push(b':');
    }
}

/// Reads a sheet; every problem in one run, or the inventory.
pub fn import(bytes: &[u8], opts: &Options) -> Outcome {
    let mut notes = Vec::new();
    let result = import_into(bytes, opts, &mut notes);
    Outcome { notes, result }
}

fn import_into(
    bytes: &[u8],
    opts: &Options,
    notes: &mut Vec<Message>,
) -> Result<Imported, Problems> {
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err(bad) => return Err(Problems::one(bad_byte(&bad))),
    };
    notes.extend(decoded.note.clone());
    let text: &str = &decoded.text;
    let delimiter = sheet::sniff(text);

    // Before the work: the structure and the size of the sheet.
    let mut data_rows = 0usize;
    for r in sheet::Records::new(text, delimiter, 0) {
        match r {
            Err(u) => return Err(Problems::one(unclosed(text, delimiter, u))),
            Ok(rec) if rec.row > 1 && !rec.is_blank() => data_rows += 1,
            Ok(_) => {}
        }
    }
    if data_rows > MAX_IMPORT_ROWS {
        return Err(Problems::one(Problem {
            code: Code::InvalidValue,
            row: None,
            column: None,
            message: Message::new(&m::TOO_MANY_ROWS)
                .with("rows", limits::group(data_rows as u64))
                .with("limit", limits::group(MAX_IMPORT_ROWS as u64)),
        }));
    }
    let mut records = sheet::Records::new(text, delimiter, MAX_IMPORT_COLUMNS + 1);
    let header = match records.next() {
        Some(Ok(h)) if !h.is_blank() => h,
        _ => {
            return Err(Problems::one(Problem {
                code: Code::MissingField,
                row: None,
                column: None,
                message: Message::new(&m::EMPTY_SHEET),
            }))
        }
    };
    let used = header
        .cells
        .iter()
        .rposition(|c| !c.trim().is_empty())
        .map_or(0, |i| i + 1);
    if header.extra_filled || used > MAX_IMPORT_COLUMNS {
        return Err(Problems::one(Problem {
            code: Code::InvalidValue,
            row: Some(1),
            column: None,
            message: Message::new(&m::WIDE_HEADER)
                .with("cells", limits::group(header.width() as u64))
                .with("limit", MAX_IMPORT_COLUMNS)
                .with("columns", COLUMNS.len()),
        }));
    }

    let mut found = ProblemLog::default();
    // The header: which column is where, as the sheet writes it (clipped).
    let mut cols: Vec<Option<Col>> = Vec::new();
    let mut written: [Option<String>; COLUMNS.len()] = Default::default();
    for h in &header.cells {
        let h_trim = h.trim();
        match column_of(h_trim) {
            Some(c) if written[c as usize].is_some() => {
                found.push(
                    Code::DuplicateKey,
                    Some(1),
                    Some(Place::Cell(c)),
                    Message::new(&m::SAME_COLUMN)
                        .with("column", clip(h_trim))
                        .with("other", written[c as usize].as_deref().unwrap_or_default())
                        .with("name", column_name(c)),
                );
                // Reported at the header as written here.
                if let Some(last) = found.list.last_mut() {
                    last.2.column = Some(clip(h_trim));
                    last.1 = None;
                }
                cols.push(None);
            }
            Some(c) => {
                written[c as usize] = Some(clip(h_trim));
                cols.push(Some(c));
            }
            None if h_trim.is_empty() => cols.push(None),
            None => {
                let norm = normalise_header(h_trim);
                let near = COLUMNS
                    .iter()
                    .flat_map(|(_, _, n)| n.iter().copied())
                    .map(|n| (strsim::levenshtein(&norm, n), n))
                    .min()
                    .filter(|(d, _)| *d <= 3)
                    .map(|(_, n)| Message::new(&m::DID_YOU_MEAN).with("name", n))
                    .unwrap_or_else(|| Message::new(&m::OR_NOTHING));
                found.push(
                    Code::UnknownField,
                    Some(1),
                    None,
                    Message::new(&m::UNKNOWN_SHEET_COLUMN)
                        .with("column", clip(h_trim))
                        .arg("near", Arg::Message(Box::new(near)))
                        .with(
                            "columns",
                            COLUMNS
                                .iter()
                                .map(|(_, n, _)| *n)
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                );
                if let Some(last) = found.list.last_mut() {
                    last.2.column = Some(clip(h_trim));
                }
                cols.push(None);
            }
        }
    }
    let mut missing_required = false;
    for c in REQUIRED {
        if written[c as usize].is_none() {
            missing_required = true;
            found.push(
                Code::MissingField,
                Some(1),
                None,
                Message::new(&m::MISSING_COLUMN).with("name", column_name(c)),
            );
        }
    }
    let colname = |c: Col| {
        written[c as usize]
            .clone()
            .unwrap_or_else(|| column_name(c).to_string())
    };

    // The document, in the key order the core has always seen (sorted):
    // exchange_rates, format, networks, organisation, units.
    let mut doc = Json(Vec::with_capacity(
        text.len().saturating_mul(2).min(1 << 30),
    ));
    doc.raw("{\"exchange_rates\":[");
    let mut first_rate = true;
    for r in &opts.rates {
        let parts: Vec<&str> = r.split(':').collect();
        let parsed = match parts.as_slice() {
            [c, y, v] => match (y.trim().parse::<i64>(), decimal(v)) {
                (Ok(y), Ok(v)) => Some((c.trim(), y, v)),
                _ => None,
            },
            _ => None,
        };
        match parsed {
            Some((c, y, v)) => {
                if !first_rate {
                    doc.raw(",");
                }
                first_rate = false;
                let mut f = true;
                doc.raw("{");
                doc.field(&mut f, "currency", c);
                doc.field(&mut f, "rate", &v);
                doc.key(&mut f, "year");
                doc.raw(&y.to_string());
                doc.raw("}");
            }
            None => found.push(
                Code::InvalidValue,
                None,
                Some(Place::Option("--rate")),
                Message::new(&m::BAD_RATE).with("value", clip(r)),
            ),
        }
    }
    doc.raw("],\"format\":");
    doc.string(natverk::FORMAT);
    doc.raw(",\"networks\":[");

    // The rows, one network each, written as they are read.
    let mut sources: Vec<usize> = Vec::new();
    let mut units: Vec<UnitSeen> = Vec::new();
    let mut unit_index: HashMap<String, usize> = HashMap::new();
    for rec in records {
        // The structure was checked before: no unclosed quote is left.
        let Ok(rec) = rec else { break };
        if rec.is_blank() {
            continue;
        }
        let row = rec.row;
        let mut bad = |col: Option<Col>, message: Message| {
            found.push(Code::InvalidValue, Some(row), col.map(Place::Cell), message);
        };
        if rec.width() > cols.len()
            && (rec.extra_filled
                || rec
                    .cells
                    .iter()
                    .skip(cols.len())
                    .any(|c| !c.trim().is_empty()))
        {
            bad(
                None,
                Message::new(&m::WIDE_ROW)
                    .with("cells", rec.width())
                    .with("named", cols.len()),
            );
        }
        let mut cell: [Option<&str>; COLUMNS.len()] = [None; COLUMNS.len()];
        for (c, v) in cols.iter().zip(rec.cells.iter()) {
            if let Some(c) = c {
                if !v.trim().is_empty() {
                    cell[*c as usize] = Some(v);
                }
            }
        }
        let get = |c: Col| cell[c as usize];
        if !sources.is_empty() {
            doc.raw(",");
        }
        doc.raw("{");
        let mut f = true;
        // Keys in sorted order, as the core has always seen them.
        // costs
        let currency = get(Col::Currency).map(natverk::tables::cell_currency);
        match get(Col::Fee).map(decimal) {
            Some(Ok(amount)) => {
                doc.key(&mut f, "costs");
                doc.raw("[{");
                let mut g = true;
                doc.field(&mut g, "amount", &amount);
                if let Some(c) = &currency {
                    doc.field(&mut g, "currency", c);
                }
                doc.field(&mut g, "kind", "fee");
                doc.raw("}]");
            }
            Some(Err(m)) => bad(Some(Col::Fee), m),
            None => {
                if currency.is_some() {
                    bad(Some(Col::Currency), Message::new(&m::CURRENCY_WITHOUT_FEE));
                }
            }
        }
        if let Some(v) = get(Col::Deadline) {
            doc.field(&mut f, "deadline", date(v));
        }
        if let Some(v) = get(Col::End) {
            doc.field(&mut f, "end", date(v));
        }
        if let Some(v) = get(Col::Id) {
            doc.field(&mut f, "id", natverk::tables::trim_spaces(v));
        }
        if let Some(v) = get(Col::Kind) {
            doc.field(&mut f, "kind", &word("kind", v));
        }
        if let Some(v) = get(Col::Name) {
            doc.field(&mut f, "name", natverk::tables::trim_spaces(v));
        }
        if let Some(v) = get(Col::Notes) {
            doc.field(&mut f, "notes", v.trim());
        }
        if let Some(v) = get(Col::Organiser) {
            doc.field(&mut f, "organiser", v.trim());
        }
        if let Some(v) = get(Col::Start) {
            doc.field(&mut f, "start", date(v));
        }
        if let Some(v) = get(Col::Status) {
            doc.field(&mut f, "status", &word("status", v));
        }
        if let Some(v) = get(Col::Subjects) {
            doc.key(&mut f, "subjects");
            doc.raw("[");
            let mut first = true;
            for s in v.split([';', '|']).map(str::trim).filter(|s| !s.is_empty()) {
                if !first {
                    doc.raw(",");
                }
                first = false;
                doc.string(s);
            }
            doc.raw("]");
        }
        // The unit: created from the distinct values.
        let central = match get(Col::UnitCentral).map(boolean) {
            Some(Ok(b)) => Some(b),
            Some(Err(m)) => {
                bad(Some(Col::UnitCentral), m);
                None
            }
            None => None,
        };
        match get(Col::Unit).map(natverk::tables::trim_spaces) {
            Some(u) => {
                let name = get(Col::UnitName).map(|v| natverk::tables::trim_spaces(v).to_string());
                match unit_index.get(u) {
                    Some(&i) => {
                        let x = &mut units[i];
                        if let (Some(a), Some(b)) = (&x.name, &name) {
                            if a != b {
                                bad(
                                    Some(Col::UnitName),
                                    Message::new(&m::UNIT_TWO_NAMES)
                                        .with("unit", clip(u))
                                        .with("first", clip(a))
                                        .with("row", x.row)
                                        .with("name", clip(b)),
                                );
                            }
                        } else if x.name.is_none() {
                            x.name = name;
                        }
                        match (x.central, central) {
                            (Some((a, r)), Some(b)) if a != b => bad(
                                Some(Col::UnitCentral),
                                Message::new(&m::UNIT_CENTRAL_TWICE)
                                    .with("unit", clip(u))
                                    .arg("first", central_word(a))
                                    .with("row", r)
                                    .arg("here", central_word(b)),
                            ),
                            (None, Some(b)) => x.central = Some((b, row)),
                            _ => {}
                        }
                    }
                    None => {
                        unit_index.insert(u.to_string(), units.len());
                        units.push(UnitSeen {
                            id: u.to_string(),
                            row,
                            name,
                            central: central.map(|b| (b, row)),
                        });
                    }
                }
                doc.field(&mut f, "unit", u);
            }
            None => {
                if central.is_some() {
                    bad(
                        Some(Col::UnitCentral),
                        Message::new(&m::CENTRAL_WITHOUT_UNIT),
                    );
                }
                if get(Col::UnitName).is_some() {
                    bad(
                        Some(Col::UnitName),
                        Message::new(&m::UNIT_NAME_WITHOUT_UNIT),
                    );
                }
            }
        }
        doc.raw("}");
        sources.push(row);
    }
    drop(unit_index);

    // The organisation, from the options.
    doc.raw("],\"organisation\":{");
    let mut f = true;
    if let Some(c) = &opts.code {
        doc.field(&mut f, "code", c);
    }
    doc.field(&mut f, "currency", &opts.currency);
    doc.field(&mut f, "name", &opts.organisation);
    if let Some(p) = &opts.population {
        match population(p) {
            Ok(v) => {
                doc.key(&mut f, "population");
                doc.raw(&v.to_string());
            }
            Err(m) => found.push(
                Code::InvalidValue,
                None,
                Some(Place::Option("--population")),
                m,
            ),
        }
    }
    doc.raw("},\"units\":[");
    for (i, u) in units.iter().enumerate() {
        if i > 0 {
            doc.raw(",");
        }
        doc.raw("{");
        let mut f = true;
        doc.key(&mut f, "central");
        doc.raw(if u.central.is_some_and(|c| c.0) {
            "true"
        } else {
            "false"
        });
        doc.field(&mut f, "id", &u.id);
        doc.field(&mut f, "name", u.name.as_deref().unwrap_or(&u.id));
        doc.raw("}");
    }
    doc.raw("]}");
    drop(decoded);

    let finish = |found: ProblemLog, core: Vec<(Option<usize>, Option<Place>, Problem)>| {
        let mut all: Vec<(Option<usize>, Option<Place>, Problem)> = found.list;
        all.extend(core);
        // Options first, then by row; the order found within a row.
        all.sort_by_key(|x| x.0.unwrap_or(0));
        let mut more = found.more;
        if all.len() > MAX_PROBLEMS_SHOWN {
            more += all.len() - MAX_PROBLEMS_SHOWN;
            all.truncate(MAX_PROBLEMS_SHOWN);
        }
        Problems {
            shown: all
                .into_iter()
                .map(|(_, place, mut p)| {
                    if p.column.is_none() {
                        p.column = match place {
                            Some(Place::Cell(c)) => Some(colname(c)),
                            Some(Place::Option(o)) => Some(o.to_string()),
                            None => None,
                        };
                    }
                    p
                })
                .collect(),
            more,
        }
    };

    if missing_required {
        return Err(finish(found, Vec::new()));
    }
    // The core checks everything else; its findings point back at cells.
    let loaded = Inventory::from_slice(&doc.0);
    drop(doc);
    match loaded {
        Ok(inventory) if found.is_empty() => Ok(Imported { inventory }),
        Ok(_) => Err(finish(found, Vec::new())),
        Err(e) => {
            let mut core = Vec::new();
            for f in e.into_findings() {
                let at = f.path.to_string();
                let (row, place) = locate(&at, &sources, &units);
                // A cell already reported here says it better.
                if let (Some(r), Some(Place::Cell(c))) = (row, place) {
                    if found.cells.contains(&(r, c)) {
                        continue;
                    }
                }
                let mut message = f.message;
                let sv = match at.rsplit('.').next() {
                    Some(p @ ("kind" | "status")) => natverk::tables::column_words(p, Lang::Sv),
                    _ => Vec::new(),
                };
                if f.code == Code::InvalidValue && !sv.is_empty() {
                    message = Message::new(&m::OR_IN_SWEDISH)
                        .arg("message", Arg::Message(Box::new(message)))
                        .with("words", sv.join(", "));
                }
                core.push((
                    row,
                    place,
                    Problem {
                        code: f.code,
                        row,
                        column: None,
                        message,
                    },
                ));
            }
            Err(finish(found, core))
        }
    }
}

/// `--population`: digits, spaces between thousands allowed.
fn population(p: &str) -> Result<u64, Message> {
    let digits: String = p
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    let max = natverk::limits::MAX_POPULATION;
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return match digits.parse::<u64>() {
            Ok(v) if v <= max => Ok(v),
            _ => Err(Message::new(&m::POPULATION_TOO_LARGE)
                .with("value", clip(p))
                .with("max", limits::group(max))),
        };
    }
    Err(Message::new(&m::BAD_POPULATION).with("value", clip(p)))
}

/// `central` or `not central`, for a message.
fn central_word(central: bool) -> Arg {
    Arg::Message(Box::new(Message::new(if central {
        &m::CENTRAL
    } else {
        &m::NOT_CENTRAL
    })))
}

/// The finding of a byte that does not decode: its row, column and value.
fn bad_byte(bad: &decode::BadByte) -> Problem {
    let delimiter = sheet::sniff(&bad.before);
    let (row, cell) = sheet::position_after(&bad.before, delimiter);
    let column = if row > 1 {
        sheet::Records::new(&bad.before, delimiter, MAX_IMPORT_COLUMNS + 1)
            .next()
            .and_then(Result::ok)
            .and_then(|h| h.cells.get(cell).map(|c| clip(c.trim())))
            .filter(|c| !c.is_empty())
    } else {
        None
    };
    let column = column.or_else(|| Some(format!("{}", cell + 1)));
    Problem {
        code: Code::Syntax,
        row: Some(row),
        column,
        message: Message::new(&m::BAD_BYTE)
            .with("bytes", &bad.bytes)
            .with("offset", bad.offset)
            .with("encoding", bad.encoding),
    }
}

/// The finding of a quote that is never closed.
fn unclosed(text: &str, delimiter: u8, u: sheet::Unclosed) -> Problem {
    let column = if u.row > 1 {
        sheet::Records::new(text, delimiter, MAX_IMPORT_COLUMNS + 1)
            .next()
            .and_then(Result::ok)
            .and_then(|h| h.cells.get(u.cell).map(|c| clip(c.trim())))
            .filter(|c| !c.is_empty())
    } else {
        None
    };
    Problem {
        code: Code::Syntax,
        row: Some(u.row),
        column: column.or_else(|| Some(format!("{}", u.cell + 1))),
        message: Message::new(&m::UNCLOSED_QUOTE),
    }
}

/// The row and column a path into the generated JSON came from.
fn locate(path: &str, sources: &[usize], units: &[UnitSeen]) -> (Option<usize>, Option<Place>) {
    let index = |rest: &str| -> Option<(usize, String)> {
        let end = rest.find(']')?;
        let i = rest[..end].parse().ok()?;
        Some((i, rest[end + 1..].trim_start_matches('.').to_string()))
    };
    if let Some(rest) = path.strip_prefix("networks[") {
        if let Some((i, sub)) = index(rest) {
            let row = sources.get(i).copied();
            let key = sub.split(['.', '[']).next().unwrap_or("");
            let col = match key {
                "" => None,
                "costs" if sub.ends_with(".currency") => Some(Col::Currency),
                "costs" => Some(Col::Fee),
                k => COLUMNS.iter().find(|(_, n, _)| *n == k).map(|(c, _, _)| *c),
            };
            return (row, col.map(Place::Cell));
        }
    }
    if let Some(rest) = path.strip_prefix("units[") {
        if let Some((i, sub)) = index(rest) {
            let row = units.get(i).map(|u| u.row);
            let col = match sub.as_str() {
                "name" => Col::UnitName,
                "central" => Col::UnitCentral,
                _ => Col::Unit,
            };
            return (row, Some(Place::Cell(col)));
        }
    }
    if let Some(k) = path.strip_prefix("organisation") {
        let opt = match k.trim_start_matches('.') {
            "name" | "" => "--organisation",
            "currency" => "--currency",
            "code" => "--code",
            _ => "--population",
        };
        return (None, Some(Place::Option(opt)));
    }
    if path.starts_with("exchange_rates") {
        return (None, Some(Place::Option("--rate")));
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> Options {
        Options {
            organisation: "K".into(),
            currency: "SEK".into(),
            code: None,
            population: None,
            rates: Vec::new(),
        }
    }

    #[test]
    fn reads_swedish_decimals() {
        assert_eq!(decimal("65 000,50").unwrap(), "65000.50");
        assert_eq!(decimal("65\u{a0}000,50").unwrap(), "65000.50");
        assert_eq!(decimal("65\u{202f}000").unwrap(), "65000");
        assert_eq!(decimal(" 1200.5 ").unwrap(), "1200.5");
        assert_eq!(decimal("4 000 kr").unwrap(), "4000");
        assert_eq!(decimal("\u{2212}3,5").unwrap(), "-3.5");
        for bad in ["65.000,50", "1,2,3", "abc", "", "1e5", "12 kr 3"] {
            assert!(decimal(bad).is_err(), "{bad}");
        }
        // The core's rules (SPEC §10), the same as a workbook's cells.
        assert_eq!(decimal("1 250:-").unwrap(), "1250");
        assert_eq!(
            decimal("9.500").unwrap_err().text(Lang::Sv),
            "tvetydigt tal `9.500`: skriv `9 500` för tusental eller `9,5` för decimaler"
        );
        let long = format!("1,2,{}", "9".repeat(10_000));
        assert!(decimal(&long).unwrap_err().text(Lang::En).len() < 200);
    }

    /// Yes/no, dates, currencies and decimals are read by the core's
    /// readers of typed cells, as a workbook's cells are (SPEC §10).
    #[test]
    fn cells_are_read_as_a_workbook_reads_them() {
        for t in ["ja", " Nej ", "SANT", "falskt", "x", "0", "y", "kanske", ""] {
            assert_eq!(boolean(t).ok(), natverk::tables::parse_cell_bool(t), "{t}");
        }
        assert!(boolean("kanske").is_err());
        for t in [
            "2024-03-01T00:00",
            " 2024-03-01 00:00:00",
            "2024-03-01T00:00:00",
        ] {
            assert_eq!(date(t), "2024-03-01", "{t}");
        }
        for t in ["1 250:-", "4 000 kr", "65,5", "-3", "12 SEK"] {
            let core = natverk::tables::parse_cell_decimal(t).unwrap().to_string();
            assert_eq!(decimal(t).unwrap(), core, "{t}");
        }
        assert_eq!(natverk::tables::cell_currency(" Kr "), "SEK");
    }

    #[test]
    fn headers_in_both_languages() {
        assert_eq!(column_of(" Årsavgift "), Some(Col::Fee));
        assert_eq!(column_of("UNIT_CENTRAL"), Some(Col::UnitCentral));
        assert_eq!(column_of("Sista anmälningsdag"), Some(Col::Deadline));
        assert_eq!(column_of("fee2"), None);
        // Every column has its own name among its headers, and its place.
        for (i, (c, name, headers)) in COLUMNS.iter().enumerate() {
            assert_eq!(*c as usize, i);
            assert_eq!(column_of(name), Some(*c), "{name}");
            for h in *headers {
                assert_eq!(column_of(h), Some(*c), "{h}");
            }
        }
    }

    #[test]
    fn populations_say_what_is_wrong() {
        assert_eq!(population("604 616").unwrap(), 604_616);
        assert!(population("99999999999999999999")
            .unwrap_err()
            .contains("too large"));
        assert!(population("10000000000001")
            .unwrap_err()
            .contains("too large"));
        assert!(population("sex tusen")
            .unwrap_err()
            .contains("whole number"));
    }

    #[test]
    fn many_distinct_units_are_linear() {
        let mut csv = String::from("id;name;start;unit\n");
        for i in 0..20_000 {
            csv.push_str(&format!("n{i};N{i};2024-01-01;u{i}\n"));
        }
        let o = import(csv.as_bytes(), &opts());
        let inv = o.result.ok().unwrap().inventory;
        assert_eq!(
            (inv.networks().len(), inv.data().units.len()),
            (20_000, 20_000)
        );
    }

    #[test]
    fn problems_are_capped_and_counted() {
        let mut csv = String::from("id;name;start;avgift\n");
        for i in 0..(MAX_PROBLEMS_SHOWN + 50) {
            csv.push_str(&format!("n{i};N;2024-01-01;1,2,3\n"));
        }
        let p = import(csv.as_bytes(), &opts()).result.err().unwrap();
        assert_eq!(p.shown.len(), MAX_PROBLEMS_SHOWN);
        assert_eq!(p.total(), MAX_PROBLEMS_SHOWN + 50);
        assert_eq!(p.shown[0].row, Some(2));
    }

    #[test]
    fn an_unbalanced_quote_is_reported_where_it_opens() {
        let csv = "id;name;start\na;\"Open;2024-01-01\nb;B;2024-01-01\n";
        let p = import(csv.as_bytes(), &opts()).result.err().unwrap();
        assert_eq!(p.shown.len(), 1);
        assert_eq!(p.shown[0].row, Some(2));
        assert_eq!(p.shown[0].column.as_deref(), Some("name"));
        assert!(p.shown[0].message.contains("never closed"));
    }

    #[test]
    fn a_stray_byte_gives_its_row_and_column() {
        let mut bytes = "id;name;start\na;Göteborg;2024-01-01\nb;B"
            .as_bytes()
            .to_vec();
        bytes.push(0xA0);
        bytes.extend_from_slice(b"x;2024-01-01\n");
        let o = import(&bytes, &opts());
        assert!(o.notes.is_empty());
        let p = o.result.err().unwrap();
        assert_eq!(p.shown[0].row, Some(3));
        assert_eq!(p.shown[0].column.as_deref(), Some("name"));
        assert!(
            p.shown[0].message.contains("0xA0"),
            "{}",
            p.shown[0].message
        );
    }

    #[test]
    fn limits_are_checked_before_the_work() {
        let mut csv = String::from("id;name;start\n");
        for i in 0..=MAX_IMPORT_ROWS {
            csv.push_str(&format!("{i};;\n"));
        }
        let p = import(csv.as_bytes(), &opts()).result.err().unwrap();
        assert!(
            p.shown[0].message.contains("limit"),
            "{}",
            p.shown[0].message
        );
        let wide = format!("{}\n", vec!["x"; MAX_IMPORT_COLUMNS + 1].join(";"));
        let p = import(wide.as_bytes(), &opts()).result.err().unwrap();
        assert!(
            p.shown[0].message.contains("limit"),
            "{}",
            p.shown[0].message
        );
    }

    #[test]
    fn a_huge_header_cell_is_clipped_and_cheap() {
        let csv = format!("id;name;start;{}\n", "x".repeat(2_000_000));
        let t = std::time::Instant::now();
        let p = import(csv.as_bytes(), &opts()).result.err().unwrap();
        assert!(t.elapsed().as_secs() < 2);
        let shown = p.shown[0].to_string();
        assert!(shown.len() < 400, "{}", shown.len());
    }
}
