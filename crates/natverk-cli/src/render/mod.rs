//! Output formats beyond the core's JSON: one module per format. Each one
//! only lays out what the core computed; no figure is computed here.

pub mod csv;
pub mod html;
pub mod md;
pub mod xlsx;

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
    match (lang, code) {
        (Lang::Sv, "SEK") => "kr".into(),
        _ => code.into(),
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

/// A key cell for people: `–` for no value.
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
