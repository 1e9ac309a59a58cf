//! Tables for people: the rows and columns a report or the equality
//! statistics show, with labels in a language. Renderers (terminal, md,
//! html, xlsx, notebook, widget) lay these out and restate nothing.

use rust_decimal::Decimal;

use super::{label, Lang};
use crate::money::{Money, MONEY_FIELDS};
use crate::{Counts, Equality, Findings, GroupKey, Inventory, KeyValue, Report, Scope, Severity};

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Align {
    /// Texts.
    Left,
    /// Numbers.
    Right,
}

/// A column of a [`Table`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Column {
    /// Stable key, as in the JSON (`network`, `name`, `gross`, `woman`).
    pub key: &'static str,
    /// Heading for people, in the table's language.
    pub label: &'static str,
    /// Alignment.
    pub align: Align,
}

/// One cell of a [`Table`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DisplayCell {
    /// Text from the file (ids, names, subjects): shown as it is, escaped
    /// for the medium.
    Text(String),
    /// A word of the vocabulary, already in the table's language.
    Word(&'static str),
    /// A whole number (years, counts).
    Int(i64),
    /// An amount of money, two decimals.
    Money(Decimal),
    /// A decimal that is not money (hours), two decimals.
    Decimal(Decimal),
    /// No value (no organiser, unit or subject).
    Null,
}

/// A table for people: a title, columns, rows and footer rows (the total,
/// savings).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Table {
    /// Stable key of the table (`report`, `seats`, `networks`).
    pub key: &'static str,
    /// Title for people.
    pub title: String,
    /// Columns, in order.
    pub columns: Vec<Column>,
    /// Rows, each with one cell per column.
    pub rows: Vec<Vec<DisplayCell>>,
    /// Rows after the body (a report's total and savings), each with one
    /// cell per column; their first cell names them.
    pub footer: Vec<Vec<DisplayCell>>,
}

impl Column {
    fn new(key: &'static str, label_key: &str, align: Align, lang: Lang) -> Column {
        Column {
            key,
            label: static_label(label_key, lang),
            align,
        }
    }
}

/// A vocabulary label with the vocabulary's lifetime.
fn static_label(key: &str, lang: Lang) -> &'static str {
    super::vocabulary::static_label(key, lang).unwrap_or("")
}

/// The label key of a group key's column (every key has one: the match
/// has no fallback, so a new key without its words does not compile).
fn key_label(k: GroupKey) -> &'static str {
    match k {
        GroupKey::Network => "key.network",
        GroupKey::Subject => "key.subject",
        GroupKey::Organiser => "key.organiser",
        GroupKey::Unit => "key.unit",
        GroupKey::Kind => "key.kind",
        GroupKey::Status => "key.status",
        GroupKey::Year => "key.year",
    }
}

/// The nine money columns.
fn money_columns(lang: Lang) -> Vec<Column> {
    MONEY_FIELDS
        .iter()
        .map(|f| Column {
            key: f,
            label: static_label(&format!("money.{f}"), lang),
            align: Align::Right,
        })
        .collect()
}

fn money_cells(m: &Money) -> impl Iterator<Item = DisplayCell> + '_ {
    m.fields().into_iter().map(|(_, v)| DisplayCell::Money(v))
}

/// A range of years for people: `2024` or `2024–2025`.
pub fn years(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

/// The line under a report's or statistics' title: scope, years and the
/// currency's word (`Alla nätverk, 2024–2025 – belopp i kr`).
fn caption(scope: Scope, from: i32, to: i32, currency: &str, lang: Lang) -> String {
    super::fill(
        label("ui.caption", lang),
        &[
            ("scope", scope.label(lang)),
            ("years", &years(from, to)),
            ("currency", &super::currency_word(currency, lang)),
        ],
    )
}

impl Report {
    /// What the report shows, as people read it under its title, in
    /// `lang`: its scope, years and the currency's word. Every frontend
    /// (terminal, md, html, notebook, widget) writes this line.
    ///
    /// ```
    /// use natverk::{Inventory, Lang, ReportOptions};
    ///
    /// let inv = Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"}}"#)?;
    /// let r = inv.report(&ReportOptions::new(2024, 2025))?;
    /// assert_eq!(r.caption(Lang::Sv), "Alla nätverk, 2024–2025 – belopp i kr");
    /// assert_eq!(r.caption(Lang::En), "All networks, 2024–2025 — amounts in SEK");
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn caption(&self, lang: Lang) -> String {
        caption(self.scope, self.from, self.to, &self.currency, lang)
    }

    /// The report's columns as people see them, in `lang`: a column per
    /// group key of `by` (and `name` after `network`, `unit_name` after
    /// `unit`), then the nine money
    /// columns; each with its key as in the JSON, its caption and its
    /// alignment. Every frontend lays these out; none restates them.
    ///
    /// ```
    /// use natverk::{GroupKey, Inventory, Lang, ReportOptions};
    ///
    /// let inv = Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"}}"#)?;
    /// let mut o = ReportOptions::new(2024, 2024);
    /// o.by = vec![GroupKey::Network, GroupKey::Year];
    /// let cols = inv.report(&o)?.columns(Lang::En);
    /// let keys: Vec<&str> = cols.iter().map(|c| c.key).collect();
    /// assert_eq!(&keys[..4], ["network", "name", "year", "fees"]);
    /// assert_eq!(cols[2].label, "Year");
    /// assert_eq!(cols.len(), 3 + 9);
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn columns(&self, lang: Lang) -> Vec<Column> {
        let mut columns = Vec::with_capacity(self.by.len() + 1 + MONEY_FIELDS.len());
        for k in &self.by {
            let align = if *k == GroupKey::Year {
                Align::Right
            } else {
                Align::Left
            };
            columns.push(Column::new(k.as_str(), key_label(*k), align, lang));
            if *k == GroupKey::Network {
                columns.push(Column::new("name", "key.name", Align::Left, lang));
            }
            if *k == GroupKey::Unit {
                columns.push(Column::new("unit_name", "key.unit_name", Align::Left, lang));
            }
        }
        columns.extend(money_columns(lang));
        columns
    }

    /// The report as people see it, in `lang`: a column per group key (and
    /// `name` after `network`, `unit_name` after `unit`), the nine money
    /// columns, a row per line,
    /// and the total (and savings) as footer rows. Words of the format
    /// (kinds, statuses) are in `lang`; texts from the file are as they are.
    ///
    /// ```
    /// use natverk::{Inventory, Lang, ReportOptions};
    /// use natverk::present::DisplayCell;
    ///
    /// let inv = Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"},
    ///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01", "kind": "programme",
    ///                 "costs": [{"kind": "fee", "amount": "1000"}]}]}"#)?;
    /// let mut o = ReportOptions::new(2024, 2024);
    /// o.by = vec![natverk::GroupKey::Kind];
    /// let t = inv.report(&o)?.table(Lang::Sv);
    /// assert_eq!(t.columns[0].label, "Typ");
    /// assert_eq!(t.rows[0][0], DisplayCell::Word("Program"));
    /// assert_eq!(t.footer[0][0], DisplayCell::Word("Totalt"));
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn table(&self, lang: Lang) -> Table {
        let columns = self.columns(lang);
        let nkeys = columns.len() - MONEY_FIELDS.len();
        let rows = self
            .lines
            .iter()
            .map(|l| {
                let mut row = Vec::with_capacity(columns.len());
                for (k, v) in self.by.iter().zip(&l.keys) {
                    row.push(match (k, v) {
                        (_, KeyValue::Year(y)) => DisplayCell::Int(i64::from(*y)),
                        (GroupKey::Kind, KeyValue::Text(t)) => word("kind", t, lang),
                        (GroupKey::Status, KeyValue::Text(t)) => word("status", t, lang),
                        (_, KeyValue::Text(t)) => DisplayCell::Text(t.clone()),
                        _ => DisplayCell::Null,
                    });
                    if *k == GroupKey::Network {
                        row.push(l.name.clone().map_or(DisplayCell::Null, DisplayCell::Text));
                    }
                    if *k == GroupKey::Unit {
                        row.push(
                            l.unit_name
                                .clone()
                                .map_or(DisplayCell::Null, DisplayCell::Text),
                        );
                    }
                }
                row.extend(money_cells(&l.money));
                row
            })
            .collect();
        let foot = |key: &str, m: &Money| {
            let mut row = vec![DisplayCell::Word(static_label(key, lang))];
            row.resize(nkeys.max(1), DisplayCell::Null);
            row.extend(money_cells(m));
            row
        };
        let mut footer = vec![foot("ui.total", &self.total)];
        if let Some(s) = &self.savings {
            footer.push(foot("ui.savings", s));
        }
        Table {
            key: "report",
            title: super::fill(
                label("ui.report_title", lang),
                &[
                    ("organisation", &self.organisation),
                    ("years", &years(self.from, self.to)),
                ],
            ),
            columns,
            rows,
            footer,
        }
    }
}

/// A word of the format as a cell in `lang` (`programme` → `Program`).
fn word(prefix: &str, w: &str, lang: Lang) -> DisplayCell {
    let l = static_label(&format!("{prefix}.{w}"), lang);
    if l.is_empty() {
        DisplayCell::Text(w.to_string())
    } else {
        DisplayCell::Word(l)
    }
}

fn count_cells(c: &Counts) -> [DisplayCell; 4] {
    [c.woman, c.man, c.other, c.unknown].map(|n| DisplayCell::Int(n as i64))
}

fn gender_columns(lang: Lang) -> Vec<Column> {
    ["woman", "man", "other", "unknown"]
        .iter()
        .map(|g| Column {
            key: g,
            label: static_label(&format!("gender.{g}"), lang),
            align: Align::Right,
        })
        .collect()
}

impl Equality {
    /// The line under the statistics' title, in `lang`: scope, years and
    /// the currency's word, as [`Report::caption`].
    pub fn caption(&self, lang: Lang) -> String {
        caption(self.scope, self.from, self.to, &self.currency, lang)
    }

    /// The statistics as people see them, in `lang`: who sits in the
    /// networks (seats and persons, all and by role and side), hours and
    /// the cost of staff time by gender, and each network's delegation.
    ///
    /// ```
    /// use natverk::{EqualityOptions, Inventory, Lang};
    ///
    /// let inv = Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"},
    ///   "people": [{"id": "p", "gender": "woman", "role": "official"}],
    ///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01",
    ///                 "participants": [{"person": "p"}]}]}"#)?;
    /// let tables = inv.equality(&EqualityOptions::new(2024, 2024))?.tables(Lang::En);
    /// assert_eq!(tables.iter().map(|t| t.key).collect::<Vec<_>>(), ["people", "time", "networks"]);
    /// assert_eq!(tables[0].columns[2].label, "Women");
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn tables(&self, lang: Lang) -> Vec<Table> {
        let years = years(self.from, self.to);
        let mut people_cols = vec![
            Column::new("measure", "ui.measure", Align::Left, lang),
            Column::new("group", "ui.equality_group", Align::Left, lang),
        ];
        people_cols.extend(gender_columns(lang));
        let mut rows = Vec::new();
        for (measure, all, role, side) in [
            (
                "ui.seats",
                &self.seats,
                &self.seats_by_role,
                &self.seats_by_side,
            ),
            (
                "ui.persons",
                &self.persons,
                &self.persons_by_role,
                &self.persons_by_side,
            ),
        ] {
            for (group, c) in [
                ("ui.all", all),
                ("role.politician", &role.politician),
                ("role.official", &role.official),
                ("side.majority", &side.majority),
                ("side.opposition", &side.opposition),
            ] {
                let mut row = vec![
                    DisplayCell::Word(static_label(measure, lang)),
                    DisplayCell::Word(static_label(group, lang)),
                ];
                row.extend(count_cells(c));
                rows.push(row);
            }
        }
        let people = Table {
            key: "people",
            title: super::fill(label("ui.equality_people", lang), &[("years", &years)]),
            columns: people_cols,
            rows,
            footer: Vec::new(),
        };
        let mut time_cols = vec![Column::new("measure", "ui.measure", Align::Left, lang)];
        time_cols.extend(gender_columns(lang));
        let amounts = |a: &crate::Amounts, money: bool| -> Vec<DisplayCell> {
            [a.woman, a.man, a.other, a.unknown]
                .into_iter()
                .map(|v| {
                    if money {
                        DisplayCell::Money(v)
                    } else {
                        DisplayCell::Decimal(v)
                    }
                })
                .collect()
        };
        let mut hours = vec![DisplayCell::Word(static_label("ui.hours", lang))];
        hours.extend(amounts(&self.hours, false));
        let mut cost = vec![DisplayCell::Word(static_label("ui.time_cost", lang))];
        cost.extend(amounts(&self.time_cost, true));
        let time = Table {
            key: "time",
            title: super::fill(label("ui.equality_time", lang), &[("years", &years)]),
            columns: time_cols,
            rows: vec![hours, cost],
            footer: Vec::new(),
        };
        let mut net_cols = vec![
            Column::new("network", "key.network", Align::Left, lang),
            Column::new("name", "key.name", Align::Left, lang),
        ];
        net_cols.extend(gender_columns(lang));
        net_cols.push(Column::new("balanced", "key.balanced", Align::Left, lang));
        let networks = Table {
            key: "networks",
            title: static_label("ui.networks_by_gender", lang).to_string(),
            columns: net_cols,
            rows: self
                .networks
                .iter()
                .map(|n| {
                    let mut row = vec![
                        DisplayCell::Text(n.network.clone()),
                        DisplayCell::Text(n.name.clone()),
                    ];
                    row.extend(
                        [n.woman, n.man, n.other, n.unknown].map(|c| DisplayCell::Int(c as i64)),
                    );
                    row.push(DisplayCell::Word(static_label(
                        match n.balanced {
                            Some(true) => "balanced.true",
                            Some(false) => "balanced.false",
                            None => "balanced.null",
                        },
                        lang,
                    )));
                    row
                })
                .collect(),
            footer: Vec::new(),
        };
        vec![people, time, networks]
    }
}

impl Findings {
    /// The findings as people see them, in `lang`: severity, code, where,
    /// message.
    pub fn table(&self, lang: Lang) -> Table {
        let columns = vec![
            Column::new("severity", "ui.severity", Align::Left, lang),
            Column::new("code", "ui.code", Align::Left, lang),
            Column::new("path", "ui.path", Align::Left, lang),
            Column::new("message", "ui.message", Align::Left, lang),
        ];
        let rows = self
            .iter()
            .map(|f| {
                let mut place = f.path.to_string();
                if let (Some(l), Some(c)) = (f.line, f.column) {
                    let lc = super::fill(
                        label("ui.line_column", lang),
                        &[("line", &l.to_string()), ("column", &c.to_string())],
                    );
                    place = if place.is_empty() {
                        lc
                    } else {
                        format!("{place} ({lc})")
                    };
                }
                vec![
                    DisplayCell::Word(static_label(
                        match f.severity {
                            Severity::Error => "severity.error",
                            Severity::Warning => "severity.warning",
                        },
                        lang,
                    )),
                    DisplayCell::Text(f.code.as_str().to_string()),
                    if place.is_empty() {
                        DisplayCell::Null
                    } else {
                        DisplayCell::Text(place)
                    },
                    DisplayCell::Text(f.message_in(lang)),
                ]
            })
            .collect();
        Table {
            key: "findings",
            title: static_label("ui.findings", lang).to_string(),
            columns,
            rows,
            footer: Vec::new(),
        }
    }
}

/// An overview of an inventory for people, in `lang`: its title is the
/// organisation's name, and it has one row per network, in the file's
/// order, with its id, name, organiser, kind, status, unit and seats (how
/// many participants it has). Kinds and statuses are words in `lang`;
/// texts from the file are as they are. Only the first `max_rows`
/// networks become rows (all with `None`): a notebook shows a large
/// inventory's first rows and counts the rest (`inv.networks().len()`).
///
/// ```
/// use natverk::{present::{overview, DisplayCell}, Inventory, Lang};
///
/// let inv = Inventory::from_json(r#"{"format": "natverk/1",
///   "organisation": {"name": "X", "currency": "SEK"},
///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01", "kind": "programme"},
///                {"id": "b", "name": "B", "start": "2024-01-01"}]}"#)?;
/// let t = overview(&inv, Lang::Sv, Some(1));
/// assert_eq!(t.title, "X");
/// assert_eq!(t.columns[3].label, "Typ");
/// assert_eq!(t.rows.len(), 1);
/// assert_eq!(t.rows[0][3], DisplayCell::Word("Program"));
/// # Ok::<(), natverk::Error>(())
/// ```
pub fn overview(inv: &Inventory, lang: Lang, max_rows: Option<usize>) -> Table {
    let columns = vec![
        Column::new("network", "key.network", Align::Left, lang),
        Column::new("name", "key.name", Align::Left, lang),
        Column::new("organiser", "key.organiser", Align::Left, lang),
        Column::new("kind", "key.kind", Align::Left, lang),
        Column::new("status", "key.status", Align::Left, lang),
        Column::new("unit", "key.unit", Align::Left, lang),
        Column::new("seats", "ui.seats", Align::Right, lang),
    ];
    let text = |t: &Option<String>| t.clone().map_or(DisplayCell::Null, DisplayCell::Text);
    let rows = inv
        .networks()
        .iter()
        .take(max_rows.unwrap_or(usize::MAX))
        .map(|n| {
            vec![
                DisplayCell::Text(n.id.clone()),
                DisplayCell::Text(n.name.clone()),
                text(&n.organiser),
                word("kind", n.kind.as_str(), lang),
                word("status", n.status.as_str(), lang),
                text(&n.unit),
                DisplayCell::Int(i64::try_from(n.participants.len()).unwrap_or(i64::MAX)),
            ]
        })
        .collect();
    Table {
        key: "inventory",
        title: inv.organisation().name.clone(),
        columns,
        rows,
        footer: Vec::new(),
    }
}
