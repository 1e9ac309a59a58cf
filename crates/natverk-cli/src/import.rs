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

use std::collections::HashMap;
use std::fmt;

use natverk::{Code, Inventory};
use serde_json::{json, Map, Value};

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
    /// The column's header as written in the sheet, or an option (`--currency`).
    pub column: Option<String>,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error[{}]", self.code)?;
        match (self.row, &self.column) {
            (Some(r), Some(c)) => write!(f, " at row {r}, column `{c}`")?,
            (Some(r), None) => write!(f, " at row {r}")?,
            (None, Some(c)) if c.starts_with("--") => write!(f, " in option {c}")?,
            (None, Some(c)) => write!(f, " in the header, column `{c}`")?,
            (None, None) => {}
        }
        write!(f, ": {}", self.message)
    }
}

/// A sheet read successfully.
pub struct Imported {
    /// The inventory, loaded by the core.
    pub inventory: Inventory,
    /// Remarks for the user (e.g. the file was not UTF-8).
    pub notes: Vec<String>,
}

fn normalise_header(h: &str) -> String {
    h.trim()
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
    COLUMNS
        .iter()
        .find(|(x, _, _)| *x == c)
        .map(|(_, n, _)| *n)
        .unwrap_or("?")
}

/// Windows-1252 bytes 0x80–0x9F (Excel's "CSV" in Swedish Windows).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The text of the file: UTF-8 (a BOM is dropped), else Windows-1252.
fn decode(bytes: &[u8], notes: &mut Vec<String>) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            notes.push(
                "the file is not UTF-8: read it as Windows-1252 (Excel's \"CSV\"); save as \"CSV UTF-8\" to avoid the guess"
                    .into(),
            );
            bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
                    _ => char::from(b),
                })
                .collect()
        }
    }
}

/// The delimiter: whichever of `;`, `,` and tab the header row has most of
/// (outside quotes); `;` on a tie, as Swedish Excel writes it.
fn sniff(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for ch in text.chars() {
        match ch {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            c if !quoted => {
                for (d, n) in counts.iter_mut() {
                    if c == char::from(*d) {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    let best = counts.iter().max_by_key(|(_, n)| *n).copied();
    match best {
        Some((_, 0)) | None => b',',
        Some((d, n)) if d != b';' && counts[0].1 == n => b';',
        Some((d, _)) => d,
    }
}

/// A decimal as Swedish (or English) spreadsheets write it → the format's
/// text: spaces and no-break spaces between thousands are dropped, one
/// decimal comma becomes a point, a trailing `kr` is dropped.
pub fn decimal(cell: &str) -> Result<String, String> {
    let t = cell.trim();
    let mut s: String = t
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    for suffix in ["kr", "Kr", "KR", "SEK", ":-"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.to_string();
            break;
        }
    }
    let commas = s.matches(',').count();
    let points = s.matches('.').count();
    if commas > 1 || (commas == 1 && points > 0) {
        return Err(format!(
            "invalid amount `{t}`: write one decimal comma and spaces between thousands, e.g. 65 000,50"
        ));
    }
    let s = s.replace(',', ".");
    natverk::money::parse_decimal(&s).map(|_| s).map_err(|_| {
        format!("invalid amount `{t}`: write digits with a decimal comma, e.g. 65 000,50")
    })
}

fn boolean(cell: &str) -> Result<bool, String> {
    match cell.trim().to_lowercase().as_str() {
        "ja" | "j" | "true" | "sant" | "yes" | "y" | "1" | "x" => Ok(true),
        "nej" | "n" | "false" | "falskt" | "no" | "0" => Ok(false),
        _ => Err(format!(
            "invalid yes/no `{}`: write ja or nej (true/false, 1/0 also work)",
            cell.trim()
        )),
    }
}

/// A date cell: `YYYY-MM-DD`, a midnight time Excel may add is dropped.
/// The core checks the date itself.
fn date(cell: &str) -> String {
    let t = cell.trim();
    for suffix in [" 00:00:00", " 00:00", "T00:00:00"] {
        if let Some(d) = t.strip_suffix(suffix) {
            return d.to_string();
        }
    }
    t.to_string()
}

/// A word of the format: English, or Swedish as the core's vocabulary has
/// it (`aktiv`, `föreslagen`, `medlemskap`, …; the same list as workbooks).
fn word(prefix: &str, cell: &str) -> String {
    let w = cell.trim().to_lowercase();
    natverk::tables::word_of(prefix, &w)
        .map(str::to_string)
        .unwrap_or(w)
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

/// Where a network's JSON came from.
struct Source {
    row: usize,
}

/// Reads a sheet; every problem in one run, or the inventory.
pub fn import(bytes: &[u8], opts: &Options) -> Result<Imported, Vec<Problem>> {
    let mut notes = Vec::new();
    let text = decode(bytes, &mut notes);
    let delimiter = sniff(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut problems = Vec::new();
    let mut records = Vec::new();
    for r in reader.records() {
        match r {
            Ok(r) => records.push(r),
            Err(e) => {
                problems.push(Problem {
                    code: Code::Syntax,
                    row: e.position().map(|p| p.record() as usize + 1),
                    column: None,
                    message: format!("cannot read the CSV: {e}"),
                });
                return Err(problems);
            }
        }
    }
    let Some(header) = records.first() else {
        problems.push(Problem {
            code: Code::MissingField,
            row: None,
            column: None,
            message: "the file is empty: the first row names the columns (id, name, start, …)"
                .into(),
        });
        return Err(problems);
    };

    // The header: which column is where, as the sheet writes it.
    let mut cols: Vec<Option<Col>> = Vec::new();
    let mut written: HashMap<Col, String> = HashMap::new();
    for h in header.iter() {
        let h_trim = h.trim();
        match column_of(h_trim) {
            Some(c) if written.contains_key(&c) => {
                problems.push(Problem {
                    code: Code::DuplicateKey,
                    row: Some(1),
                    column: Some(h_trim.to_string()),
                    message: format!(
                        "column `{h_trim}` is the same as `{}` ({}): keep one of them",
                        written[&c],
                        column_name(c)
                    ),
                });
                cols.push(None);
            }
            Some(c) => {
                written.insert(c, h_trim.to_string());
                cols.push(Some(c));
            }
            None if h_trim.is_empty() => cols.push(None),
            None => {
                let all: Vec<&str> = COLUMNS
                    .iter()
                    .flat_map(|(_, _, n)| n.iter().copied())
                    .collect();
                let norm = normalise_header(h_trim);
                let near = all
                    .iter()
                    .map(|n| (strsim::levenshtein(&norm, n), *n))
                    .min()
                    .filter(|(d, _)| *d <= 3)
                    .map(|(_, n)| format!("; did you mean `{n}`?"))
                    .unwrap_or_default();
                problems.push(Problem {
                    code: Code::UnknownField,
                    row: Some(1),
                    column: Some(h_trim.to_string()),
                    message: format!(
                        "unknown column `{h_trim}`{near} (the columns are {})",
                        COLUMNS
                            .iter()
                            .map(|(_, n, _)| *n)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                });
                cols.push(None);
            }
        }
    }
    let mut missing_required = false;
    for c in REQUIRED {
        if !written.contains_key(&c) {
            missing_required = true;
            problems.push(Problem {
                code: Code::MissingField,
                row: Some(1),
                column: None,
                message: format!("the header has no column `{}`: add it", column_name(c)),
            });
        }
    }
    let colname = |c: Col| {
        written
            .get(&c)
            .cloned()
            .unwrap_or_else(|| column_name(c).to_string())
    };

    // The rows.
    let mut networks = Vec::new();
    let mut sources = Vec::new();
    // unit id → (first row, name, central given on a row)
    let mut units: Vec<UnitSeen> = Vec::new();
    for (i, rec) in records.iter().enumerate().skip(1) {
        let row = i + 1;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut bad = |col: Option<Col>, message: String| {
            problems.push(Problem {
                code: Code::InvalidValue,
                row: Some(row),
                column: col.map(colname),
                message,
            });
        };
        if rec.len() > cols.len() && rec.iter().skip(cols.len()).any(|c| !c.trim().is_empty()) {
            bad(
                None,
                format!(
                    "the row has {} cells, the header names {}: give the extra cells a column or remove them",
                    rec.len(),
                    cols.len()
                ),
            );
        }
        let mut cell: HashMap<Col, &str> = HashMap::new();
        for (c, v) in cols.iter().zip(rec.iter()) {
            if let Some(c) = c {
                if !v.trim().is_empty() {
                    cell.insert(*c, v);
                }
            }
        }
        let mut n = Map::new();
        let text = |c: Col| cell.get(&c).map(|v| Value::String(v.trim().to_string()));
        for (c, key) in [
            (Col::Id, "id"),
            (Col::Name, "name"),
            (Col::Organiser, "organiser"),
            (Col::Notes, "notes"),
        ] {
            if let Some(v) = text(c) {
                n.insert(key.into(), v);
            }
        }
        for (c, key) in [(Col::Kind, "kind"), (Col::Status, "status")] {
            if let Some(v) = cell.get(&c) {
                n.insert(key.into(), Value::String(word(key, v)));
            }
        }
        if let Some(v) = cell.get(&Col::Subjects) {
            let subjects: Vec<Value> = v
                .split([';', '|'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_string()))
                .collect();
            n.insert("subjects".into(), Value::Array(subjects));
        }
        for (c, key) in [
            (Col::Start, "start"),
            (Col::End, "end"),
            (Col::Deadline, "deadline"),
        ] {
            if let Some(v) = cell.get(&c) {
                n.insert(key.into(), Value::String(date(v)));
            }
        }
        // The unit: created from the distinct values.
        let central = match cell.get(&Col::UnitCentral).map(|v| boolean(v)) {
            Some(Ok(b)) => Some(b),
            Some(Err(m)) => {
                bad(Some(Col::UnitCentral), m);
                None
            }
            None => None,
        };
        match cell.get(&Col::Unit).map(|v| v.trim().to_string()) {
            Some(u) => {
                let name = cell.get(&Col::UnitName).map(|v| v.trim().to_string());
                match units.iter_mut().find(|x| x.id == u) {
                    Some(x) => {
                        if let (Some(a), Some(b)) = (&x.name, &name) {
                            if a != b {
                                bad(
                                    Some(Col::UnitName),
                                    format!("unit `{u}` is named `{a}` on row {}, `{b}` here: give one name", x.row),
                                );
                            }
                        } else if x.name.is_none() {
                            x.name = name;
                        }
                        match (x.central, central) {
                            (Some((a, r)), Some(b)) if a != b => bad(
                                Some(Col::UnitCentral),
                                format!(
                                    "unit `{u}` is {} on row {r}, {} here: a unit is central or not",
                                    if a { "central" } else { "not central" },
                                    if b { "central" } else { "not central" }
                                ),
                            ),
                            (None, Some(b)) => x.central = Some((b, row)),
                            _ => {}
                        }
                    }
                    None => units.push(UnitSeen {
                        id: u.clone(),
                        row,
                        name,
                        central: central.map(|b| (b, row)),
                    }),
                }
                n.insert("unit".into(), Value::String(u));
            }
            None => {
                if central.is_some() {
                    bad(
                        Some(Col::UnitCentral),
                        "a row without a unit cannot say whether its unit is central: fill in the unit".into(),
                    );
                }
                if cell.contains_key(&Col::UnitName) {
                    bad(
                        Some(Col::UnitName),
                        "a unit name without a unit id: fill in the unit".into(),
                    );
                }
            }
        }
        // The annual fee: a yearly cost of kind `fee`.
        let currency = cell.get(&Col::Currency).map(|v| {
            let c = v.trim();
            if c.eq_ignore_ascii_case("kr") {
                "SEK".to_string()
            } else {
                c.to_uppercase()
            }
        });
        match cell.get(&Col::Fee).map(|v| decimal(v)) {
            Some(Ok(amount)) => {
                let mut cost = json!({ "kind": "fee", "amount": amount });
                if let Some(c) = currency {
                    cost["currency"] = Value::String(c);
                }
                n.insert("costs".into(), json!([cost]));
            }
            Some(Err(m)) => bad(Some(Col::Fee), m),
            None => {
                if currency.is_some() {
                    bad(
                        Some(Col::Currency),
                        "a currency without a fee: fill in the fee or leave the currency out"
                            .into(),
                    );
                }
            }
        }
        networks.push(Value::Object(n));
        sources.push(Source { row });
    }

    // The organisation and rates, from the options.
    let mut org = Map::new();
    org.insert("name".into(), Value::String(opts.organisation.clone()));
    org.insert("currency".into(), Value::String(opts.currency.clone()));
    if let Some(c) = &opts.code {
        org.insert("code".into(), Value::String(c.clone()));
    }
    if let Some(p) = &opts.population {
        let digits: String = p
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
            .collect();
        match digits.parse::<u64>() {
            Ok(v) => {
                org.insert("population".into(), json!(v));
            }
            Err(_) => problems.push(Problem {
                code: Code::InvalidValue,
                row: None,
                column: Some("--population".into()),
                message: format!("invalid population `{p}`: write a whole number, e.g. 604616"),
            }),
        }
    }
    let mut rates = Vec::new();
    for r in &opts.rates {
        let parts: Vec<&str> = r.split(':').collect();
        let parsed = match parts.as_slice() {
            [c, y, v] => match (y.trim().parse::<i64>(), decimal(v)) {
                (Ok(y), Ok(v)) => Some(json!({ "currency": c.trim(), "year": y, "rate": v })),
                _ => None,
            },
            _ => None,
        };
        match parsed {
            Some(v) => rates.push(v),
            None => problems.push(Problem {
                code: Code::InvalidValue,
                row: None,
                column: Some("--rate".into()),
                message: format!(
                    "invalid rate `{r}`: write CURRENCY:YEAR:RATE, e.g. EUR:2024:11,43"
                ),
            }),
        }
    }
    let unit_list: Vec<Value> = units
        .iter()
        .map(|u| {
            json!({
                "id": u.id,
                "name": u.name.clone().unwrap_or_else(|| u.id.clone()),
                "central": u.central.map(|c| c.0).unwrap_or(false),
            })
        })
        .collect();
    let doc = json!({
        "format": natverk::FORMAT,
        "organisation": Value::Object(org),
        "units": unit_list,
        "exchange_rates": rates,
        "networks": networks,
    });

    if missing_required {
        return Err(problems);
    }
    // The core checks everything else; its findings point back at cells.
    match Inventory::from_json(&doc.to_string()) {
        Ok(inventory) if problems.is_empty() => Ok(Imported { inventory, notes }),
        Ok(_) => Err(sorted(problems)),
        Err(e) => {
            for f in e.into_findings() {
                let (row, column) = locate(&f.path.to_string(), &sources, &units, &colname);
                // A cell already reported here says it better.
                if row.is_some()
                    && column.is_some()
                    && problems.iter().any(|p| p.row == row && p.column == column)
                {
                    continue;
                }
                let mut message = f.message.to_string();
                let last = match f.path.segments().last() {
                    Some(natverk::Seg::Key(k)) => k.to_string(),
                    _ => String::new(),
                };
                let sv: Vec<String> = match last.as_str() {
                    "kind" | "status" => natverk::tables::column_words(&last, natverk::Lang::Sv),
                    _ => Vec::new(),
                };
                if f.code == Code::InvalidValue && !sv.is_empty() {
                    message.push_str(&format!(" (or in Swedish: {})", sv.join(", ")));
                }
                problems.push(Problem {
                    code: f.code,
                    row,
                    column,
                    message,
                });
            }
            Err(sorted(problems))
        }
    }
}

fn sorted(mut p: Vec<Problem>) -> Vec<Problem> {
    // Options first, then by row; the order found within a row.
    p.sort_by_key(|x| x.row.unwrap_or(0));
    p
}

/// The row and column a path into the generated JSON came from.
fn locate(
    path: &str,
    sources: &[Source],
    units: &[UnitSeen],
    colname: &dyn Fn(Col) -> String,
) -> (Option<usize>, Option<String>) {
    let index = |rest: &str| -> Option<(usize, String)> {
        let end = rest.find(']')?;
        let i = rest[..end].parse().ok()?;
        Some((i, rest[end + 1..].trim_start_matches('.').to_string()))
    };
    if let Some(rest) = path.strip_prefix("networks[") {
        if let Some((i, sub)) = index(rest) {
            let row = sources.get(i).map(|s| s.row);
            let key = sub.split(['.', '[']).next().unwrap_or("");
            let col = match key {
                "" => None,
                "costs" if sub.ends_with(".currency") => Some(Col::Currency),
                "costs" => Some(Col::Fee),
                k => COLUMNS.iter().find(|(_, n, _)| *n == k).map(|(c, _, _)| *c),
            };
            return (row, col.map(colname));
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
            return (row, Some(colname(col)));
        }
    }
    if let Some(k) = path.strip_prefix("organisation") {
        let opt = match k.trim_start_matches('.') {
            "name" | "" => "--organisation",
            "currency" => "--currency",
            "code" => "--code",
            _ => "--population",
        };
        return (None, Some(opt.into()));
    }
    if path.starts_with("exchange_rates") {
        return (None, Some("--rate".into()));
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn sniffs_the_delimiter() {
        assert_eq!(sniff("id;name;start\r\na;b;c"), b';');
        assert_eq!(sniff("id,name,start\na,b,c"), b',');
        assert_eq!(sniff("id\tname\tstart\n"), b'\t');
        assert_eq!(sniff("\"a;b\",c,d\n"), b',');
        assert_eq!(sniff("id;name,x;y,z\n"), b';');
        assert_eq!(sniff("id\n"), b',');
    }

    #[test]
    fn reads_windows_1252() {
        let mut notes = Vec::new();
        assert_eq!(decode(b"F\xf6rvaltning \x80", &mut notes), "Förvaltning €");
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn headers_in_both_languages() {
        assert_eq!(column_of(" Årsavgift "), Some(Col::Fee));
        assert_eq!(column_of("UNIT_CENTRAL"), Some(Col::UnitCentral));
        assert_eq!(column_of("Sista anmälningsdag"), Some(Col::Deadline));
        assert_eq!(column_of("fee2"), None);
        // Every column has its own name among its headers.
        for (c, name, headers) in COLUMNS {
            assert_eq!(column_of(name), Some(*c), "{name}");
            for h in *headers {
                assert_eq!(column_of(h), Some(*c), "{h}");
            }
        }
    }
}
