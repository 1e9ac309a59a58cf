//! The board appendix (SPEC §14, "bilaga till tjänsteutlåtande") as data:
//! sections of sentences and tables in Swedish or English, which a writer
//! (the command line's `.docx` and `.html`, later the browser app) only
//! lays out.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::error::Error;
use crate::inventory::Inventory;
use crate::money::{fmt_human, Money, MONEY_FIELDS};
use crate::options::{GroupKey, Leave, ReportOptions};
use crate::present::{fill, label, static_label, years, Align, Column, DisplayCell, Lang, Table};
use crate::report::KeyValue;
use crate::{EqualityOptions, Severity};

/// What goes into the appendix besides the inventory.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct BoardOptions<'a> {
    /// First year, inclusive.
    pub from: i32,
    /// Last year, inclusive.
    pub to: i32,
    /// Networks to show as left (default: those recommended for leaving).
    pub leave: Option<Leave>,
    /// Last year's inventory, to say what changed.
    pub compare: Option<&'a Inventory>,
    /// Show the names of the people who represent the organisation.
    pub show_names: bool,
    /// The date warnings and notice days are judged against.
    pub today: NaiveDate,
    /// The language.
    pub lang: Lang,
}

impl<'a> BoardOptions<'a> {
    /// The appendix over `from..=to` judged on `today`, in `lang`.
    pub fn new(from: i32, to: i32, today: NaiveDate, lang: Lang) -> BoardOptions<'a> {
        BoardOptions {
            from,
            to,
            leave: None,
            compare: None,
            show_names: false,
            today,
            lang,
        }
    }
}

/// One block of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Block {
    /// A paragraph of plain text.
    Paragraph(String),
    /// A table (its title is the table's caption).
    Table(Table),
}

/// A section under a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Section {
    /// Stable key (`summary`, `units`, `subjects`, `networks`, `leave`,
    /// `changes`, `equality`, `warnings`, `people`).
    pub key: &'static str,
    /// The heading.
    pub heading: String,
    /// Its paragraphs and tables, in order.
    pub blocks: Vec<Block>,
}

/// The board appendix as data: made by [`Inventory::board`], laid out by
/// a writer (the command line's `.docx` and `.html`), serialised by
/// [`BoardDocument::to_json`].
///
/// # Example
///
/// ```
/// use natverk::{Block, BoardOptions, Inventory, Lang, NaiveDate};
///
/// let inv = Inventory::from_json(r#"{"format": "natverk/1",
///   "organisation": {"name": "X", "currency": "SEK"},
///   "units": [{"id": "ks", "name": "Kommunstyrelsen"}],
///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01", "unit": "ks",
///                 "costs": [{"kind": "fee", "amount": "1000"}]}]}"#)?;
/// let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
/// let doc = inv.board(&BoardOptions::new(2025, 2026, today, Lang::Sv))?;
/// let units = doc.sections.iter().find(|s| s.key == "units").unwrap();
/// let names: Vec<_> = units.blocks.iter().filter_map(|b| match b {
///     Block::Table(t) => Some(format!("{:?}", t.rows)),
///     _ => None,
/// }).collect();
/// assert!(names.concat().contains("Kommunstyrelsen"));
/// # Ok::<(), natverk::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BoardDocument {
    /// The title.
    pub title: String,
    /// A line under it (organisation, years, date).
    pub subtitle: String,
    /// The language.
    pub lang: Lang,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

impl BoardDocument {
    /// The appendix as JSON text (the shape of its [`Serialize`](serde::Serialize)): what the
    /// JavaScript package's `inventory.board(options)` returns.
    ///
    /// ```text
    /// { "title": "…", "subtitle": "…", "lang": "sv",
    ///   "sections": [ { "key": "summary", "heading": "…", "blocks": [
    ///     { "type": "paragraph", "text": "…" },
    ///     { "type": "table", "key": "totals", "title": "…",
    ///       "columns": [ { "key": "measure", "label": "…", "align": "left" } ],
    ///       "rows": [ [ "Avgifter", "65000.00", … ] ], "footer": [] } ] } ] }
    /// ```
    ///
    /// Cells are JSON strings (texts, words already in the language, and
    /// amounts and decimals with two decimals, as in a report's JSON),
    /// numbers (whole numbers) or `null` (no value).
    ///
    /// # Example
    ///
    /// ```
    /// use natverk::{BoardOptions, Inventory, Lang, NaiveDate};
    ///
    /// let inv = Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"},
    ///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01",
    ///                 "costs": [{"kind": "fee", "amount": "1000"}]}]}"#)?;
    /// let today = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    /// let doc = inv.board(&BoardOptions::new(2024, 2024, today, Lang::En))?;
    /// let v: serde_json::Value = serde_json::from_str(&doc.to_json()).unwrap();
    /// assert_eq!(v["sections"][0]["key"], "summary");
    /// assert!(doc.to_json().contains("\"1000.00\""));
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl serde::Serialize for BoardDocument {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut m = s.serialize_struct("BoardDocument", 4)?;
        m.serialize_field("title", &self.title)?;
        m.serialize_field("subtitle", &self.subtitle)?;
        m.serialize_field("lang", self.lang.as_str())?;
        m.serialize_field("sections", &self.sections)?;
        m.end()
    }
}

impl serde::Serialize for Section {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut m = s.serialize_struct("Section", 3)?;
        m.serialize_field("key", self.key)?;
        m.serialize_field("heading", &self.heading)?;
        m.serialize_field("blocks", &self.blocks)?;
        m.end()
    }
}

/// A cell of the appendix's JSON: text, a whole number, an amount as a
/// string with two decimals, or `null`.
struct JsonCell<'a>(&'a DisplayCell);

impl serde::Serialize for JsonCell<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            DisplayCell::Text(t) => s.serialize_str(t),
            DisplayCell::Word(w) => s.serialize_str(w),
            DisplayCell::Int(i) => s.serialize_i64(*i),
            DisplayCell::Money(d) | DisplayCell::Decimal(d) => {
                s.serialize_str(&crate::money::fmt2(*d))
            }
            DisplayCell::Null => s.serialize_none(),
        }
    }
}

/// Rows of cells, each cell as [`JsonCell`].
struct JsonRows<'a>(&'a [Vec<DisplayCell>]);

impl serde::Serialize for JsonRows<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.0
                .iter()
                .map(|r| r.iter().map(JsonCell).collect::<Vec<_>>()),
        )
    }
}

/// A column of the appendix's JSON: key, label and alignment.
struct JsonColumn<'a>(&'a Column);

impl serde::Serialize for JsonColumn<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut m = s.serialize_struct("Column", 3)?;
        m.serialize_field("key", self.0.key)?;
        m.serialize_field("label", self.0.label)?;
        let align = match self.0.align {
            Align::Right => "right",
            _ => "left",
        };
        m.serialize_field("align", align)?;
        m.end()
    }
}

impl serde::Serialize for Block {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        match self {
            Block::Paragraph(text) => {
                let mut m = s.serialize_struct("Paragraph", 2)?;
                m.serialize_field("type", "paragraph")?;
                m.serialize_field("text", text)?;
                m.end()
            }
            Block::Table(t) => {
                let mut m = s.serialize_struct("Table", 6)?;
                m.serialize_field("type", "table")?;
                m.serialize_field("key", t.key)?;
                m.serialize_field("title", &t.title)?;
                let columns: Vec<JsonColumn<'_>> = t.columns.iter().map(JsonColumn).collect();
                m.serialize_field("columns", &columns)?;
                m.serialize_field("rows", &JsonRows(&t.rows))?;
                m.serialize_field("footer", &JsonRows(&t.footer))?;
                m.end()
            }
        }
    }
}

/// Refuses networks to leave that the inventory lacks, as a report does,
/// also when notice is too late for any of them to be left in the years.
fn known_networks(inv: &Inventory, ids: &[String]) -> Result<(), Error> {
    use crate::finding::{Finding, Findings};
    let bad: Vec<Finding> = ids
        .iter()
        .filter(|id| inv.network_index(id).is_none())
        .map(|id| crate::options::unknown_leave(id))
        .collect();
    if bad.is_empty() {
        Ok(())
    } else {
        Err(Error::Report(Findings::new(bad)))
    }
}

fn col(key: &'static str, l: &str, align: Align, lang: Lang) -> Column {
    Column {
        key,
        label: static_label(l, lang),
        align,
    }
}

fn year_col(y: i32) -> Column {
    // The column's label is the year itself: leaked once per distinct year
    // would grow without bound, so years share one static table.
    Column {
        key: "year",
        label: year_label(y),
        align: Align::Right,
    }
}

/// A year as a `'static` label (years 1–9999; others as `?`).
fn year_label(y: i32) -> &'static str {
    static YEARS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let all = YEARS.get_or_init(|| (0..=9999).map(|y| y.to_string()).collect());
    usize::try_from(y)
        .ok()
        .and_then(|i| all.get(i))
        .map_or("?", String::as_str)
}

fn money_of(m: &Money, field: &str) -> Decimal {
    m.get(field).unwrap_or_default()
}

/// The year of a line's `year` key.
fn line_year(keys: &[KeyValue], at: usize) -> Option<i32> {
    match keys.get(at) {
        Some(KeyValue::Year(y)) => Some(*y),
        _ => None,
    }
}

fn text_of(k: Option<&KeyValue>) -> Option<String> {
    match k {
        Some(KeyValue::Text(t)) => Some(t.clone()),
        _ => None,
    }
}

/// The first year whose 1 January is not before `today`, and at least
/// `from`: the first year notice can still be given for (SPEC §5 `leave`).
fn first_leave_year(from: i32, today: NaiveDate) -> i32 {
    let y = if today.ordinal() == 1 {
        today.year()
    } else {
        today.year() + 1
    };
    y.max(from)
}

/// The last day to give notice for the end of the first year whose day is
/// still to come (from `today` on); `None` without notice, or when the
/// network ends by then anyway.
fn next_notice(months: u32, end: Option<NaiveDate>, today: NaiveDate) -> Option<NaiveDate> {
    if months == 0 {
        return None;
    }
    let first = today.year();
    let span = i32::try_from(months / 12 + 2).unwrap_or(i32::MAX);
    for y in first..=first.saturating_add(span) {
        if end.is_some_and(|e| e.year() <= y) {
            return None;
        }
        if let Some(d) = crate::calendar::notice_day(y, months) {
            if d >= today {
                return Some(d);
            }
        }
    }
    None
}

fn rows_by_year(
    inv: &Inventory,
    from: i32,
    to: i32,
    key: GroupKey,
) -> Result<BTreeMap<Option<String>, BTreeMap<i32, Money>>, Error> {
    let mut o = ReportOptions::new(from, to);
    o.by = vec![key, GroupKey::Year];
    let r = inv.report(&o)?;
    let mut out: BTreeMap<Option<String>, BTreeMap<i32, Money>> = BTreeMap::new();
    for l in r.lines {
        let k = text_of(l.keys.first());
        if let Some(y) = line_year(&l.keys, 1) {
            out.entry(k).or_default().insert(y, l.money);
        }
    }
    Ok(out)
}

/// A table of net cost per year (and in all) by some name.
fn net_table(
    key: &'static str,
    title: String,
    name_label: &str,
    rows: Vec<(String, BTreeMap<i32, Money>)>,
    from: i32,
    to: i32,
    lang: Lang,
) -> Table {
    let mut columns = vec![col(key, name_label, Align::Left, lang)];
    columns.extend((from..=to).map(year_col));
    columns.push(col("total", "ui.total", Align::Right, lang));
    let mut totals: BTreeMap<i32, Decimal> = BTreeMap::new();
    let mut body = Vec::new();
    for (name, by_year) in rows {
        let mut r = vec![DisplayCell::Text(name)];
        let mut sum = Decimal::ZERO;
        for y in from..=to {
            let v = by_year.get(&y).map_or(Decimal::ZERO, |m| m.net);
            sum = sum.saturating_add(v);
            let t = totals.entry(y).or_default();
            *t = t.saturating_add(v);
            r.push(DisplayCell::Money(v));
        }
        r.push(DisplayCell::Money(sum));
        body.push(r);
    }
    let mut foot = vec![DisplayCell::Word(static_label("ui.total", lang))];
    let mut all = Decimal::ZERO;
    for y in from..=to {
        let v = totals.get(&y).copied().unwrap_or_default();
        all = all.saturating_add(v);
        foot.push(DisplayCell::Money(v));
    }
    foot.push(DisplayCell::Money(all));
    Table {
        key,
        title,
        columns,
        rows: body,
        footer: vec![foot],
    }
}

pub(crate) fn board(inv: &Inventory, o: &BoardOptions<'_>) -> Result<BoardDocument, Error> {
    let lang = o.lang;
    let (from, to) = (o.from, o.to);
    ReportOptions::new(from, to).validate()?;
    let yrs = years(from, to);
    let org = &inv.organisation().name;
    let cur = &inv.organisation().currency;
    let currency = super::present::currency_word(cur, lang);
    let money = |d: Decimal| {
        fill(
            label("ui.money", lang),
            &[("amount", &fmt_human(d, lang)), ("currency", &currency)],
        )
    };
    let mut sections = Vec::new();

    // ---- summary: what is counted, and the totals per year ---------------
    let mut by_year = ReportOptions::new(from, to);
    by_year.by = vec![GroupKey::Year];
    let per_year = inv.report(&by_year)?;
    let mut by_net = ReportOptions::new(from, to);
    by_net.by = vec![GroupKey::Network];
    let report = inv.report(&by_net)?;
    let n_networks = report
        .lines
        .iter()
        .filter_map(|l| text_of(l.keys.first()))
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let mut columns = vec![col("measure", "ui.measure", Align::Left, lang)];
    columns.extend((from..=to).map(year_col));
    columns.push(col("total", "ui.total", Align::Right, lang));
    let mut rows = Vec::new();
    for f in MONEY_FIELDS {
        let mut r = vec![DisplayCell::Word(static_label(&format!("money.{f}"), lang))];
        for y in from..=to {
            let v = per_year
                .lines
                .iter()
                .find(|l| line_year(&l.keys, 0) == Some(y))
                .map_or(Decimal::ZERO, |l| money_of(&l.money, f));
            r.push(DisplayCell::Money(v));
        }
        r.push(DisplayCell::Money(money_of(&per_year.total, f)));
        rows.push(r);
    }
    let totals = Table {
        key: "totals",
        title: fill(
            label("board.totals_title", lang),
            &[("years", &yrs), ("currency", &currency)],
        ),
        columns,
        rows,
        footer: Vec::new(),
    };
    sections.push(Section {
        key: "summary",
        heading: label("board.summary", lang).to_string(),
        blocks: vec![
            Block::Paragraph(fill(
                label("board.summary_counted", lang),
                &[
                    ("organisation", org),
                    ("count", &n_networks.to_string()),
                    ("years", &yrs),
                    ("gross", &money(per_year.total.gross)),
                    ("net", &money(per_year.total.net)),
                    ("granted", &money(per_year.total.granted)),
                ],
            )),
            Block::Paragraph(label("board.summary_what", lang).to_string()),
            Block::Paragraph(label("board.summary_time", lang).to_string()),
            Block::Paragraph(label("board.summary_split", lang).to_string()),
            Block::Table(totals),
        ],
    });

    // ---- per unit (by name) and per subject ------------------------------
    let units = rows_by_year(inv, from, to, GroupKey::Unit)?;
    let unit_rows = units
        .into_iter()
        .map(|(id, m)| {
            let name = match &id {
                Some(id) => inv.unit(id).map_or(id.clone(), |u| u.name.clone()),
                None => label("board.no_unit", lang).to_string(),
            };
            (name, m)
        })
        .collect();
    let subjects = rows_by_year(inv, from, to, GroupKey::Subject)?;
    let subject_rows = subjects
        .into_iter()
        .map(|(s, m)| {
            (
                s.unwrap_or_else(|| label("board.no_subject", lang).to_string()),
                m,
            )
        })
        .collect();
    sections.push(Section {
        key: "units",
        heading: label("board.units", lang).to_string(),
        blocks: vec![Block::Table(net_table(
            "unit",
            fill(
                label("board.units_title", lang),
                &[("years", &yrs), ("currency", &currency)],
            ),
            "key.unit",
            unit_rows,
            from,
            to,
            lang,
        ))],
    });
    sections.push(Section {
        key: "subjects",
        heading: label("board.subjects", lang).to_string(),
        blocks: vec![
            Block::Paragraph(label("board.subjects_split", lang).to_string()),
            Block::Table(net_table(
                "subject",
                fill(
                    label("board.subjects_title", lang),
                    &[("years", &yrs), ("currency", &currency)],
                ),
                "key.subject",
                subject_rows,
                from,
                to,
                lang,
            )),
        ],
    });

    // ---- every network ---------------------------------------------------
    let nets = rows_by_year(inv, from, to, GroupKey::Network)?;
    let mut columns = vec![
        col("name", "key.name", Align::Left, lang),
        col("organiser", "key.organiser", Align::Left, lang),
        col("unit", "key.unit", Align::Left, lang),
        col("status", "key.status", Align::Left, lang),
    ];
    columns.extend((from..=to).map(year_col));
    columns.extend([
        col("financing", "board.financing", Align::Left, lang),
        col("benefit", "board.benefit", Align::Right, lang),
        col("recommendation", "board.recommendation", Align::Left, lang),
        col("notice", "board.notice_day", Align::Left, lang),
    ]);
    let mut rows = Vec::new();
    for (id, by_year) in &nets {
        let Some(n) = id.as_deref().and_then(|id| inv.network(id)) else {
            continue;
        };
        let mut r = vec![
            DisplayCell::Text(n.name.clone()),
            n.organiser
                .clone()
                .map_or(DisplayCell::Null, DisplayCell::Text),
            n.unit.as_deref().map_or(DisplayCell::Null, |u| {
                DisplayCell::Text(inv.unit(u).map_or(u.to_string(), |x| x.name.clone()))
            }),
            DisplayCell::Word(static_label(&format!("status.{}", n.status.as_str()), lang)),
        ];
        for y in from..=to {
            r.push(DisplayCell::Money(
                by_year.get(&y).map_or(Decimal::ZERO, |m| m.net),
            ));
        }
        let fin: Vec<String> = n
            .financing
            .iter()
            .map(|f| {
                format!(
                    "{} ({})",
                    f.funder,
                    static_label(&format!("financing_status.{}", f.status.as_str()), lang)
                )
            })
            .collect();
        r.push(if fin.is_empty() {
            DisplayCell::Null
        } else {
            DisplayCell::Text(fin.join("; "))
        });
        let a = n.assessment.as_ref();
        r.push(
            a.and_then(|a| a.benefit)
                .map_or(DisplayCell::Null, |b| DisplayCell::Int(i64::from(b))),
        );
        r.push(
            a.and_then(|a| a.recommendation)
                .map_or(DisplayCell::Null, |x| {
                    DisplayCell::Word(static_label(
                        &format!("recommendation.{}", x.as_str()),
                        lang,
                    ))
                }),
        );
        r.push(match next_notice(n.notice_months, n.end, o.today) {
            Some(d) => DisplayCell::Text(d.format("%Y-%m-%d").to_string()),
            None if n.notice_months == 0 => {
                DisplayCell::Word(static_label("board.no_notice", lang))
            }
            None => DisplayCell::Null,
        });
        rows.push(r);
    }
    sections.push(Section {
        key: "networks",
        heading: label("board.networks", lang).to_string(),
        blocks: vec![
            Block::Paragraph(fill(
                label("board.networks_intro", lang),
                &[
                    ("currency", &currency),
                    ("today", &o.today.format("%Y-%m-%d").to_string()),
                ],
            )),
            Block::Table(Table {
                key: "networks",
                title: fill(label("board.networks_title", lang), &[("years", &yrs)]),
                columns,
                rows,
                footer: Vec::new(),
            }),
        ],
    });

    // ---- leaving ---------------------------------------------------------
    let leave = o.leave.clone().unwrap_or(Leave::Recommended);
    if let Leave::Networks(v) = &leave {
        known_networks(inv, v)?;
    }
    let ids: Vec<String> = inv.leaving(&leave);
    let lf = first_leave_year(from, o.today);
    let mut blocks = Vec::new();
    if ids.is_empty() {
        blocks.push(Block::Paragraph(
            label("board.leave_none", lang).to_string(),
        ));
    } else if lf > to {
        blocks.push(Block::Paragraph(fill(
            label("board.leave_too_late", lang),
            &[("year", &lf.to_string()), ("years", &yrs)],
        )));
    } else {
        // One report with every network left: each network's savings are
        // its line without leave minus its line with it (leaving one
        // network changes only its own lines), and the report's savings
        // are all of them together. Two reports, however many networks.
        let mut ro = ReportOptions::new(from, to);
        ro.leave = Some(Leave::Networks(ids.clone()));
        ro.leave_from = Some(lf);
        let left = inv.report(&ro)?;
        let after: BTreeMap<String, Money> = left
            .lines
            .iter()
            .filter_map(|l| text_of(l.keys.first()).map(|id| (id, l.money)))
            .collect();
        let before: BTreeMap<String, Money> = report
            .lines
            .iter()
            .filter_map(|l| text_of(l.keys.first()).map(|id| (id, l.money)))
            .collect();
        let mut rows = Vec::new();
        for id in &ids {
            let b = before.get(id).copied().unwrap_or_default();
            let a = after.get(id).copied().unwrap_or_default();
            let n = inv.network(id);
            rows.push(vec![
                DisplayCell::Text(n.map_or(id.clone(), |n| n.name.clone())),
                DisplayCell::Int(i64::from(n.map_or(0, |n| n.notice_months))),
                DisplayCell::Money(b.gross.saturating_sub(a.gross)),
                DisplayCell::Money(b.net.saturating_sub(a.net)),
            ]);
        }
        let all = left.savings.unwrap_or_default();
        blocks.push(Block::Paragraph(fill(
            label("board.leave_intro", lang),
            &[
                ("year", &lf.to_string()),
                ("years", &yrs),
                ("net", &money(all.net)),
            ],
        )));
        blocks.push(Block::Table(Table {
            key: "leave",
            title: fill(
                label("board.leave_title", lang),
                &[("years", &yrs), ("currency", &currency)],
            ),
            columns: vec![
                col("name", "key.name", Align::Left, lang),
                col("notice_months", "board.notice_months", Align::Right, lang),
                col("gross", "board.saved_gross", Align::Right, lang),
                col("net", "board.saved_net", Align::Right, lang),
            ],
            rows,
            footer: vec![vec![
                DisplayCell::Word(static_label("board.together", lang)),
                DisplayCell::Null,
                DisplayCell::Money(all.gross),
                DisplayCell::Money(all.net),
            ]],
        }));
    }
    sections.push(Section {
        key: "leave",
        heading: label("board.leave", lang).to_string(),
        blocks,
    });

    // ---- what changed ----------------------------------------------------
    if let Some(old) = o.compare {
        let d = old.diff(inv, from, to)?;
        let mut blocks = vec![Block::Paragraph(fill(
            label("board.changes_intro", lang),
            &[
                ("added", &d.added.len().to_string()),
                ("removed", &d.removed.len().to_string()),
                ("changed", &d.changed.len().to_string()),
                ("change", &money(d.total.change.net)),
                ("years", &yrs),
            ],
        ))];
        blocks.extend(d.tables(lang).into_iter().map(Block::Table));
        sections.push(Section {
            key: "changes",
            heading: label("board.changes", lang).to_string(),
            blocks,
        });
    }

    // ---- equality --------------------------------------------------------
    let eq = inv.equality(&EqualityOptions::new(from, to))?;
    let judged = eq.networks.iter().filter(|n| n.balanced.is_some()).count();
    let balanced = eq
        .networks
        .iter()
        .filter(|n| n.balanced == Some(true))
        .count();
    let mut eq_tables = eq.tables(lang);
    eq_tables.truncate(2);
    let mut blocks = vec![Block::Paragraph(fill(
        label("ui.balanced", lang),
        &[
            ("balanced", &balanced.to_string()),
            ("count", &judged.to_string()),
        ],
    ))];
    blocks.extend(eq_tables.into_iter().map(Block::Table));
    sections.push(Section {
        key: "equality",
        heading: label("ui.equality_title", lang).to_string(),
        blocks,
    });

    // ---- the people, only when asked -------------------------------------
    if o.show_names {
        let mut rows = Vec::new();
        for n in inv.networks() {
            if !nets.contains_key(&Some(n.id.clone())) {
                continue;
            }
            for p in &n.participants {
                let person = inv.person(&p.person);
                rows.push(vec![
                    DisplayCell::Text(n.name.clone()),
                    DisplayCell::Text(
                        person
                            .and_then(|x| x.name.clone())
                            .unwrap_or_else(|| p.person.clone()),
                    ),
                    person.map_or(DisplayCell::Null, |x| {
                        DisplayCell::Word(static_label(&format!("role.{}", x.role.as_str()), lang))
                    }),
                    p.role.clone().map_or(DisplayCell::Null, DisplayCell::Text),
                ]);
            }
        }
        sections.push(Section {
            key: "people",
            heading: label("ui.delegations", lang).to_string(),
            blocks: vec![Block::Table(Table {
                key: "people",
                title: label("ui.delegations", lang).to_string(),
                columns: vec![
                    col("network", "key.name", Align::Left, lang),
                    col("person", "board.person", Align::Left, lang),
                    col("role", "board.role", Align::Left, lang),
                    col("seat", "board.seat", Align::Left, lang),
                ],
                rows,
                footer: Vec::new(),
            })],
        });
    }

    // ---- warnings in plain words -----------------------------------------
    let warnings: Vec<String> = inv
        .warnings(o.today)
        .into_iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(|f| {
            let name = match (f.path.segments().first(), f.path.segments().get(1)) {
                (Some(crate::Seg::Key(k)), Some(crate::Seg::Index(i))) if k == "networks" => {
                    inv.networks().get(*i).map(|n| n.name.clone())
                }
                _ => None,
            };
            let text = plain(&f.message_in(lang));
            match name {
                Some(n) => format!("{n}: {text}"),
                None => text,
            }
        })
        .collect();
    let mut blocks = vec![Block::Paragraph(fill(
        label("board.warnings_intro", lang),
        &[("today", &o.today.format("%Y-%m-%d").to_string())],
    ))];
    if warnings.is_empty() {
        blocks.push(Block::Paragraph(label("ui.no_warnings", lang).to_string()));
    }
    blocks.extend(warnings.into_iter().map(Block::Paragraph));
    sections.push(Section {
        key: "warnings",
        heading: label("ui.warnings", lang).to_string(),
        blocks,
    });

    Ok(BoardDocument {
        title: label("board.title", lang).to_string(),
        subtitle: fill(
            label("board.subtitle", lang),
            &[
                ("organisation", org),
                ("years", &yrs),
                ("today", &o.today.format("%Y-%m-%d").to_string()),
            ],
        ),
        lang,
        sections,
    })
}

/// A message without the backticks that mark ids and keys.
fn plain(s: &str) -> String {
    s.replace('`', "")
}
