//! Output formats beyond the core's JSON: one module per format. Each one
//! only lays out what the core computed; no figure is computed here.
//!
//! Every renderer writes into a [`std::io::Write`] as it goes (streaming),
//! so a large report is never held twice in memory; the size of an output
//! is checked before it is rendered ([`crate::limits::check_output`]).

pub mod csv;
pub mod html;
pub mod md;
pub mod table;
pub mod xlsx;

/// Why an output could not be written.
#[derive(Debug)]
pub enum RenderError {
    /// Writing failed (disk full, a closed pipe, …).
    Io(std::io::Error),
    /// A figure is too large to write (the core's money overflows).
    Overflow,
    /// Anything else, said as a message.
    Other(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Io(e) => write!(f, "cannot write output: {e}"),
            RenderError::Overflow => f.write_str("a total is too large to write"),
            RenderError::Other(m) => f.write_str(m),
        }
    }
}

impl From<std::io::Error> for RenderError {
    fn from(e: std::io::Error) -> RenderError {
        RenderError::Io(e)
    }
}

impl From<natverk::money::Overflow> for RenderError {
    fn from(_: natverk::money::Overflow) -> RenderError {
        RenderError::Overflow
    }
}

/// The result of rendering.
pub type Result<T> = std::result::Result<T, RenderError>;

use chrono::NaiveDate;
use natverk::Lang;
use natverk::{Equality, Finding, GroupKey, Inventory, KeyValue, Line, Network, Report};

/// What a document shows besides its main table: the inventory (for
/// network names in findings), the options used, the warnings of `check`
/// and the equality statistics over the same range.
pub struct Context<'a> {
    /// The inventory the figures come from.
    pub inv: Option<&'a Inventory>,
    /// Language of headings and amounts for people.
    pub lang: Lang,
    /// The options used, as (label, value), in the order given.
    pub options: Vec<(String, String)>,
    /// Findings to list (the warnings of `check`, or every finding).
    pub findings: Vec<Finding>,
    /// The equality statistics over the report's range and scope.
    pub equality: Option<Equality>,
    /// The date warnings are judged against.
    pub today: NaiveDate,
}

/// English or Swedish, by language.
pub fn tr(lang: Lang, en: &'static str, sv: &'static str) -> &'static str {
    match lang {
        Lang::Sv => sv,
        _ => en,
    }
}

/// Column headings of the nine money fields (SPEC §5.1 order).
pub fn money_headings(lang: Lang) -> [&'static str; 9] {
    match lang {
        Lang::En => [
            "fees",
            "time",
            "travel",
            "other",
            "gross",
            "granted",
            "expected",
            "net",
            "expected net",
        ],
        Lang::Sv => [
            "avgifter",
            "tid",
            "resor",
            "övrigt",
            "brutto",
            "beviljat",
            "förväntat",
            "netto",
            "förväntat netto",
        ],
    }
}

/// Heading of a group key (or `name`) for people.
pub fn key_heading(key: &str, lang: Lang) -> &str {
    match (lang, key) {
        (Lang::En, k) => k,
        (Lang::Sv, "network") => "nätverk",
        (Lang::Sv, "name") => "namn",
        (Lang::Sv, "subject") => "sakområde",
        (Lang::Sv, "organiser") => "huvudman",
        (Lang::Sv, "unit") => "enhet",
        (Lang::Sv, "kind") => "typ",
        (Lang::Sv, "status") => "status",
        (Lang::Sv, "year") => "år",
        (Lang::Sv, k) => k,
    }
}

/// The currency as people write it: `kr` for SEK in Swedish, else the code.
pub fn currency_word(code: &str, lang: Lang) -> String {
    let key = format!("currency.{}", code.to_lowercase());
    match natverk::present::label(&key, lang) {
        l if l == key => code.to_string(),
        l => l.to_string(),
    }
}

/// The scope as a word for people.
pub fn scope_word(scope: natverk::Scope, lang: Lang) -> &'static str {
    match scope {
        natverk::Scope::Central => tr(lang, "central units only", "kommuncentrala"),
        _ => tr(lang, "all networks", "alla nätverk"),
    }
}

/// The key columns of a report: each group key, with `name` after `network`.
pub fn key_columns(r: &Report) -> Vec<&'static str> {
    let mut cols = Vec::new();
    for k in &r.by {
        cols.push(k.as_str());
        if *k == GroupKey::Network {
            cols.push("name");
        }
    }
    cols
}

/// A key cell as written in files: `None` for a key with no value.
pub enum Cell<'a> {
    /// A year.
    Year(i32),
    /// A text.
    Text(&'a str),
    /// No value (no organiser, unit or subject).
    Null,
}

/// The key cells of a line, matching [`key_columns`].
pub fn key_cells<'a>(r: &Report, l: &'a Line) -> Vec<Cell<'a>> {
    let mut cells = Vec::new();
    for (k, v) in r.by.iter().zip(&l.keys) {
        cells.push(key_cell(v));
        if *k == GroupKey::Network {
            cells.push(match &l.name {
                Some(n) => Cell::Text(n),
                None => Cell::Null,
            });
        }
    }
    cells
}

/// One key value as a cell.
pub fn key_cell(v: &KeyValue) -> Cell<'_> {
    match v {
        KeyValue::Year(y) => Cell::Year(*y),
        KeyValue::Text(t) => Cell::Text(t),
        _ => Cell::Null,
    }
}

/// A range of years for people: `2024` or `2024–2025`.
pub fn years(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

/// A key cell for people: `–` for no value. Text is as in the file;
/// each format escapes it its own way.
pub fn cell_text(c: &Cell<'_>) -> String {
    match c {
        Cell::Year(y) => y.to_string(),
        Cell::Text(t) => (*t).to_string(),
        Cell::Null => "–".into(),
    }
}

/// A line's label for a chart: the network's name when grouped by
/// network, else its key values joined.
pub fn line_label(r: &Report, l: &Line) -> String {
    let mut parts = Vec::new();
    for (k, v) in r.by.iter().zip(&l.keys) {
        parts.push(match (k, v, &l.name) {
            (GroupKey::Network, _, Some(n)) => n.clone(),
            (_, KeyValue::Year(y), _) => y.to_string(),
            (_, KeyValue::Text(t), _) => t.clone(),
            _ => "–".into(),
        });
    }
    parts.join(" · ")
}

/// The network a finding's path points into (`networks[3]…`), if any.
pub fn network_of<'a>(inv: Option<&'a Inventory>, path: &natverk::Path) -> Option<&'a Network> {
    match path.segments() {
        [natverk::Seg::Key(k), natverk::Seg::Index(i), ..] if k == "networks" => {
            inv?.networks().get(*i)
        }
        _ => None,
    }
}

/// The options of a report, as shown in documents.
pub struct Shown {
    /// (label, value) pairs.
    pub pairs: Vec<(String, String)>,
}

impl Shown {
    /// Starts with the range and scope every document has.
    pub fn new(lang: Lang, from: i32, to: i32, scope: natverk::Scope) -> Shown {
        Shown {
            pairs: vec![
                (tr(lang, "years", "år").into(), years(from, to)),
                (
                    tr(lang, "scope", "urval").into(),
                    scope_word(scope, lang).into(),
                ),
            ],
        }
    }
    /// Adds a pair.
    pub fn add(mut self, label: &str, value: impl Into<String>) -> Shown {
        self.pairs.push((label.into(), value.into()));
        self
    }
}
