//! Output formats beyond the core's JSON: one module per format. Each one
//! only lays out what the core computed and names: the rows, columns,
//! titles and footers of [`Report::table`], [`Equality::tables`] and
//! [`Findings::table`], and every other word from the core's vocabulary
//! ([`natverk::present::label`], keys `doc.*` for what only documents
//! say). No figure is computed and no label is written here.
//!
//! csv and json write the core's data as they go (streaming); table, md,
//! html and xlsx lay out the core's table of a report, which is held once
//! in memory beside the report. The size of an output is checked before it
//! is rendered (the command line's `limits::check_output`).

pub mod board;
pub mod csv;
pub mod html;
pub mod md;
pub mod table;
pub mod widget;
pub mod xlsx;

/// Why an output could not be written.
#[derive(Debug)]
pub enum RenderError {
    /// Writing failed (disk full, a closed pipe, …).
    Io(std::io::Error),
    /// A figure is too large to write (the core's money overflows).
    Overflow,
    /// Anything else, said as a message.
    Other(Message),
}

impl RenderError {
    /// What to say, in `lang`.
    pub fn message(&self) -> Message {
        match self {
            RenderError::Io(e) => {
                Message::new(&m::CANNOT_WRITE_OUTPUT).arg("error", m::io_error(e))
            }
            RenderError::Overflow => Message::new(&m::TOO_LARGE_TO_WRITE),
            RenderError::Other(msg) => msg.clone(),
        }
    }
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().text(Lang::En))
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
use natverk::money::fmt_human;
use natverk::present::{fill, label, years, DisplayCell, Message, Table};
use natverk::{Equality, Findings, Inventory, Lang, Network, Scope, Status};

use crate::messages as m;

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
    pub findings: Findings,
    /// The equality statistics over the report's range and scope.
    pub equality: Option<Equality>,
    /// The date warnings are judged against.
    pub today: NaiveDate,
}

/// The currency as people write it: `kr` for SEK in Swedish, else the code.
pub fn currency_word(code: &str, lang: Lang) -> String {
    natverk::present::currency_word(code, lang)
}

/// An amount with its currency, as the vocabulary writes it
/// (`65 000,50 kr`, `SEK 65,000.50`).
pub fn amount(d: rust_decimal::Decimal, currency: &str, lang: Lang) -> String {
    fill(
        label("ui.money", lang),
        &[
            ("amount", &fmt_human(d, lang)),
            ("currency", &currency_word(currency, lang)),
        ],
    )
}

/// A cell as text for people in `lang`: texts from the file as they are
/// (each format escapes them its own way), words of the vocabulary,
/// amounts with thousands grouped, `–` for no value.
pub fn cell_text(cell: &DisplayCell, lang: Lang) -> String {
    match cell {
        DisplayCell::Text(t) => t.clone(),
        DisplayCell::Word(w) => (*w).to_string(),
        DisplayCell::Int(i) => i.to_string(),
        DisplayCell::Money(d) | DisplayCell::Decimal(d) => fmt_human(*d, lang),
        _ => label("ui.empty_cell", lang).to_string(),
    }
}

/// How many columns of a report's table name the line (its group keys,
/// and `name` after `network`): the columns before the nine amounts.
pub fn key_count(t: &Table) -> usize {
    t.columns
        .iter()
        .take_while(|c| !natverk::money::MONEY_FIELDS.contains(&c.key))
        .count()
}

/// A row's label for a chart: the network's name when the table has one,
/// else its key cells joined (`Sakområde · 2024`).
pub fn row_label(t: &Table, row: &[DisplayCell], lang: Lang) -> String {
    let keys = key_count(t);
    if let Some(i) = t.columns[..keys].iter().position(|c| c.key == "name") {
        if let DisplayCell::Text(name) = &row[i] {
            let mut parts = vec![name.clone()];
            parts.extend(
                (0..keys)
                    .filter(|&j| j != i && t.columns[j].key != "network")
                    .map(|j| cell_text(&row[j], lang)),
            );
            return parts.join(" · ");
        }
    }
    row[..keys]
        .iter()
        .map(|c| cell_text(c, lang))
        .collect::<Vec<_>>()
        .join(" · ")
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

/// The options of a report, as shown in documents: (label, value) pairs
/// in the language of the document.
pub struct Shown {
    /// (label, value) pairs.
    pub pairs: Vec<(String, String)>,
    lang: Lang,
}

impl Shown {
    /// Starts with what every document has: the years, the scope and the
    /// statuses included.
    pub fn new(
        lang: Lang,
        (from, to): (i32, i32),
        scope: Scope,
        statuses: Option<&[Status]>,
    ) -> Shown {
        let statuses = match statuses {
            Some(st) => st
                .iter()
                .map(|s| s.label(lang))
                .collect::<Vec<_>>()
                .join(", "),
            None => label("doc.statuses_default", lang).to_string(),
        };
        Shown {
            pairs: Vec::new(),
            lang,
        }
        .add("ui.years", years(from, to))
        .add("ui.scope", scope.label(lang))
        .add("doc.statuses", statuses)
    }
    /// Adds a pair, its label by vocabulary key.
    pub fn add(mut self, key: &str, value: impl Into<String>) -> Shown {
        self.pairs
            .push((label(key, self.lang).to_string(), value.into()));
        self
    }
}

/// The options a report's documents show: years, scope, statuses,
/// grouping, the leave scenario and from when, and the date the warnings
/// are judged on (the command line's and the app's html and xlsx alike).
pub fn report_shown(
    opts: &natverk::ReportOptions,
    lang: Lang,
    today: NaiveDate,
) -> Vec<(String, String)> {
    let mut shown = Shown::new(
        lang,
        (opts.from, opts.to),
        opts.scope,
        opts.statuses.as_deref(),
    )
    .add(
        "ui.by",
        opts.by
            .iter()
            .map(|k| k.label(lang))
            .collect::<Vec<_>>()
            .join(", "),
    );
    if let Some(l) = &opts.leave {
        shown = shown.add("ui.leave", l.label(lang)).add(
            "ui.leave_from",
            fill(
                label("doc.january_first", lang),
                &[("year", &opts.leave_from.unwrap_or(opts.from).to_string())],
            ),
        );
    }
    shown.add("ui.today", today.to_string()).pairs
}

#[cfg(test)]
mod tests {
    use natverk::Lang;

    /// Every vocabulary key written in the command line's code exists (a
    /// missing one would show its key to people), in both languages.
    #[test]
    fn every_vocabulary_key_used_here_exists() {
        let keys: Vec<&str> = natverk::present::vocabulary(Lang::En)
            .map(|(k, _)| k)
            .collect();
        let prefixes: std::collections::HashSet<&str> =
            keys.iter().filter_map(|k| k.split('.').next()).collect();
        let word = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit())
        };
        let mut seen = 0;
        let mut missing = Vec::new();
        // This crate and the command line, which uses its renderers.
        let mut stack = vec![
            std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
            std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../natverk-cli/src")),
        ];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).unwrap() {
                let path = e.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.extension().is_none_or(|x| x != "rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for lit in text.split('"').skip(1).step_by(2) {
                    let head = lit.split('.').next().unwrap_or("");
                    if prefixes.contains(head)
                        && lit.contains('.')
                        && lit.split('.').all(word)
                        && !lit.ends_with('.')
                    {
                        seen += 1;
                        // A key with a variable last part is written as its
                        // prefix (`format!("{}.{w}", "kind")` or `"money.{f}"`).
                        if !keys
                            .iter()
                            .any(|k| *k == lit || k.starts_with(&format!("{lit}.")))
                        {
                            missing.push(format!("{}: {lit}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(seen > 30, "found only {seen} keys");
        assert!(missing.is_empty(), "{missing:#?}");
        for (k, en) in natverk::present::vocabulary(Lang::En) {
            assert_ne!(
                natverk::present::label(k, Lang::Sv),
                k,
                "{k} has no Swedish"
            );
            assert_ne!(en, k, "{k} has no English");
        }
    }
}
