//! The comparison with last year (SPEC §14): networks added, removed and
//! changed (each changed value by its path), and the two reports by
//! network joined side by side.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::error::Error;
use crate::finding::{Code, Finding, Findings, Path};
use crate::inventory::Inventory;
use crate::money::{self, Money, Overflow};
use crate::present::messages as m;
use crate::present::Message;
use crate::ReportOptions;

/// A network by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NetworkRef {
    /// The network's id.
    pub network: String,
    /// Its name.
    pub name: String,
}

/// One value that differs between the two files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Change {
    /// Its path inside the network, in the new file (in the old one for
    /// what was removed): `costs[0].amount`.
    pub path: String,
    /// The old value as JSON (`null` where absent).
    pub old: Value,
    /// The new value as JSON (`null` where absent).
    pub new: Value,
}

/// A network in both files whose values differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Changed {
    /// The network's id.
    pub network: String,
    /// Its name in the new file.
    pub name: String,
    /// Every value that differs.
    pub changes: Vec<Change>,
}

/// Old, new and new − old of the nine money fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct Sides {
    /// The old file's figures.
    pub old: Money,
    /// The new file's figures.
    pub new: Money,
    /// new − old.
    pub change: Money,
}

/// A network's line of the two reports, joined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DiffLine {
    /// The network's id.
    pub network: String,
    /// Its name (the new file's where the network is there).
    pub name: String,
    /// The figures.
    #[serde(flatten)]
    pub sides: Sides,
}

/// The comparison of two inventories (SPEC §14), serialised exactly as the
/// JSON of `natverk diff`. Made by [`Inventory::diff`].
///
/// # Example
///
/// ```
/// use natverk::Inventory;
///
/// let old = Inventory::from_json(r#"{"format": "natverk/1",
///   "organisation": {"name": "X", "currency": "SEK"},
///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01"}]}"#)?;
/// let new = Inventory::from_json(r#"{"format": "natverk/1",
///   "organisation": {"name": "X", "currency": "SEK"},
///   "networks": [{"id": "b", "name": "B", "start": "2024-01-01",
///                 "costs": [{"kind": "fee", "amount": "500"}]}]}"#)?;
/// let d: natverk::Diff = old.diff(&new, 2025, 2025)?;
/// assert_eq!((d.added[0].network.as_str(), d.removed[0].network.as_str()), ("b", "a"));
/// assert_eq!(d.total.new.gross, natverk::Decimal::from(500));
/// assert!(d.to_json().contains(r#""added""#));
/// # Ok::<(), natverk::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Diff {
    /// The organisation (the new file's).
    pub organisation: String,
    /// The currency of both.
    pub currency: String,
    /// First year of the reports.
    pub from: i32,
    /// Last year of the reports.
    pub to: i32,
    /// Networks only in the new file, by id.
    pub added: Vec<NetworkRef>,
    /// Networks only in the old file, by id.
    pub removed: Vec<NetworkRef>,
    /// Networks in both whose values differ, by id.
    pub changed: Vec<Changed>,
    /// The two reports by network joined on the id, sorted by id.
    pub lines: Vec<DiffLine>,
    /// The sum of each side, and the change.
    pub total: Sides,
}

impl Diff {
    /// The JSON of SPEC §14, pretty.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

fn zip(
    a: &Money,
    b: &Money,
    f: fn(rust_decimal::Decimal, rust_decimal::Decimal) -> Result<rust_decimal::Decimal, Overflow>,
) -> Result<Money, Overflow> {
    Ok(Money {
        fees: f(a.fees, b.fees)?,
        time: f(a.time, b.time)?,
        travel: f(a.travel, b.travel)?,
        other: f(a.other, b.other)?,
        gross: f(a.gross, b.gross)?,
        granted: f(a.granted, b.granted)?,
        expected: f(a.expected, b.expected)?,
        net: f(a.net, b.net)?,
        expected_net: f(a.expected_net, b.expected_net)?,
    })
}

fn sides(old: Money, new: Money) -> Result<Sides, Overflow> {
    Ok(Sides {
        old,
        new,
        change: zip(&new, &old, money::sub)?,
    })
}

fn overflow() -> Error {
    Error::Report(Findings::new(vec![Finding::new(
        Code::Overflow,
        Path::root(),
        Message::new(&m::TOTAL_OVERFLOW),
    )]))
}

pub(crate) fn diff(old: &Inventory, new: &Inventory, from: i32, to: i32) -> Result<Diff, Error> {
    let opts = ReportOptions::new(from, to);
    opts.validate()?;
    let (oc, nc) = (&old.organisation().currency, &new.organisation().currency);
    if oc != nc {
        return Err(Error::Options(Findings::new(vec![Finding::new(
            Code::InvalidValue,
            Path::root().key("organisation").key("currency"),
            Message::new(&m::DIFF_CURRENCIES)
                .with("old", oc)
                .with("new", nc),
        )])));
    }
    let by_id = |inv: &Inventory| -> BTreeMap<String, usize> {
        inv.networks()
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect()
    };
    let (olds, news) = (by_id(old), by_id(new));
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let mut changed = Vec::new();
    for (id, &j) in &news {
        let n = &new.networks()[j];
        match olds.get(id) {
            None => added.push(NetworkRef {
                network: id.clone(),
                name: n.name.clone(),
            }),
            Some(&i) => {
                // With defaults, so a value changed from its default shows
                // both sides.
                let (a, b) = crate::format::with_defaults(|| {
                    (
                        serde_json::to_value(&old.networks()[i]).unwrap_or(Value::Null),
                        serde_json::to_value(n).unwrap_or(Value::Null),
                    )
                });
                let mut changes = Vec::new();
                values(&Path::root(), Some(&a), Some(&b), &mut changes);
                if !changes.is_empty() {
                    changed.push(Changed {
                        network: id.clone(),
                        name: n.name.clone(),
                        changes,
                    });
                }
            }
        }
    }
    for (id, &i) in &olds {
        if !news.contains_key(id) {
            removed.push(NetworkRef {
                network: id.clone(),
                name: old.networks()[i].name.clone(),
            });
        }
    }
    let ro = old.report(&opts)?;
    let rn = new.report(&opts)?;
    let mut joined: BTreeMap<String, (String, Money, Money)> = BTreeMap::new();
    for l in ro.lines {
        if let Some(crate::KeyValue::Text(id)) = l.keys.first() {
            let e = joined.entry(id.clone()).or_default();
            e.0 = l.name.unwrap_or_default();
            e.1 = l.money;
        }
    }
    for l in rn.lines {
        if let Some(crate::KeyValue::Text(id)) = l.keys.first() {
            let e = joined.entry(id.clone()).or_default();
            e.0 = l.name.unwrap_or_default();
            e.2 = l.money;
        }
    }
    let mut lines = Vec::with_capacity(joined.len());
    for (network, (name, o, n)) in joined {
        lines.push(DiffLine {
            network,
            name,
            sides: sides(o, n).map_err(|_| overflow())?,
        });
    }
    Ok(Diff {
        organisation: new.organisation().name.clone(),
        currency: nc.clone(),
        from,
        to,
        added,
        removed,
        changed,
        lines,
        total: sides(ro.total, rn.total).map_err(|_| overflow())?,
    })
}

/// Adds every value that differs between `old` and `new` at `path`:
/// objects key by key, participants by person, other lists by position.
fn values(path: &Path, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<Change>) {
    match (old, new) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            for (k, v) in b {
                values(&path.clone().key(k.clone()), a.get(k), Some(v), out);
            }
            for (k, v) in a {
                if !b.contains_key(k) {
                    values(&path.clone().key(k.clone()), Some(v), None, out);
                }
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b))) => {
            let by_person = *path == Path::root().key("participants");
            if by_person {
                // The old participants by person (a person sits once per
                // network in a valid file): one lookup each, not a scan.
                let person = |v: &Value| v.get("person").and_then(Value::as_str).map(str::to_owned);
                let mut olds: BTreeMap<String, usize> = BTreeMap::new();
                for (i, ov) in a.iter().enumerate() {
                    if let Some(p) = person(ov) {
                        olds.entry(p).or_insert(i);
                    }
                }
                let mut used = vec![false; a.len()];
                for (j, nv) in b.iter().enumerate() {
                    let found = person(nv)
                        .and_then(|p| olds.get(&p).copied())
                        .filter(|i| !used[*i]);
                    match found {
                        Some(i) => {
                            used[i] = true;
                            values(&path.clone().index(j), Some(&a[i]), Some(nv), out);
                        }
                        None => values(&path.clone().index(j), None, Some(nv), out),
                    }
                }
                for (i, ov) in a.iter().enumerate() {
                    if !used[i] {
                        values(&path.clone().index(i), Some(ov), None, out);
                    }
                }
            } else {
                for i in 0..a.len().max(b.len()) {
                    values(&path.clone().index(i), a.get(i), b.get(i), out);
                }
            }
        }
        (a, b) => {
            if a != b {
                out.push(Change {
                    path: path.to_string(),
                    old: a.cloned().unwrap_or(Value::Null),
                    new: b.cloned().unwrap_or(Value::Null),
                });
            }
        }
    }
}

/// A JSON value of a change for people: a string as it is, `null` as
/// nothing, anything else as compact JSON.
fn value_cell(v: &Value) -> crate::present::DisplayCell {
    use crate::present::DisplayCell;
    match v {
        Value::Null => DisplayCell::Null,
        Value::String(s) => DisplayCell::Text(s.clone()),
        v => DisplayCell::Text(v.to_string()),
    }
}

impl Diff {
    /// The comparison as people see it, in `lang`: what changed (networks
    /// added, removed, and each changed value by its path), and the costs
    /// by network, old, new and the change, of gross and net, with the
    /// total.
    pub fn tables(&self, lang: crate::Lang) -> Vec<crate::present::Table> {
        use crate::present::{label, static_label, Align, Column, DisplayCell, Table};
        let col = |key: &'static str, l: &str, align: Align| Column {
            key,
            label: static_label(l, lang),
            align,
        };
        let mut rows = Vec::new();
        for (list, word) in [(&self.added, "diff.added"), (&self.removed, "diff.removed")] {
            for n in list {
                rows.push(vec![
                    DisplayCell::Text(n.network.clone()),
                    DisplayCell::Text(n.name.clone()),
                    DisplayCell::Word(static_label(word, lang)),
                    DisplayCell::Null,
                    DisplayCell::Null,
                    DisplayCell::Null,
                ]);
            }
        }
        for c in &self.changed {
            for ch in &c.changes {
                rows.push(vec![
                    DisplayCell::Text(c.network.clone()),
                    DisplayCell::Text(c.name.clone()),
                    DisplayCell::Word(static_label("diff.changed", lang)),
                    DisplayCell::Text(ch.path.clone()),
                    value_cell(&ch.old),
                    value_cell(&ch.new),
                ]);
            }
        }
        rows.sort_by(|a, b| match (&a[0], &b[0]) {
            (DisplayCell::Text(x), DisplayCell::Text(y)) => x.cmp(y),
            _ => std::cmp::Ordering::Equal,
        });
        let changes = Table {
            key: "changes",
            title: label("diff.changes_title", lang).to_string(),
            columns: vec![
                col("network", "key.network", Align::Left),
                col("name", "key.name", Align::Left),
                col("what", "ui.event", Align::Left),
                col("path", "ui.path", Align::Left),
                col("old", "diff.old_value", Align::Left),
                col("new", "diff.new_value", Align::Left),
            ],
            rows,
            footer: Vec::new(),
        };
        let money_row = |s: &Sides| {
            [
                s.old.gross,
                s.new.gross,
                s.change.gross,
                s.old.net,
                s.new.net,
                s.change.net,
            ]
            .map(DisplayCell::Money)
        };
        let mut columns = vec![
            col("network", "key.network", Align::Left),
            col("name", "key.name", Align::Left),
        ];
        for (key, l) in [
            ("old_gross", "diff.old_gross"),
            ("new_gross", "diff.new_gross"),
            ("change_gross", "diff.change_gross"),
            ("old_net", "diff.old_net"),
            ("new_net", "diff.new_net"),
            ("change_net", "diff.change_net"),
        ] {
            columns.push(col(key, l, Align::Right));
        }
        let mut total = vec![
            DisplayCell::Word(static_label("ui.total", lang)),
            DisplayCell::Null,
        ];
        total.extend(money_row(&self.total));
        let lines = Table {
            key: "lines",
            title: crate::present::fill(
                label("diff.lines_title", lang),
                &[("years", &crate::present::years(self.from, self.to))],
            ),
            columns,
            rows: self
                .lines
                .iter()
                .map(|l| {
                    let mut r = vec![
                        DisplayCell::Text(l.network.clone()),
                        DisplayCell::Text(l.name.clone()),
                    ];
                    r.extend(money_row(&l.sides));
                    r
                })
                .collect(),
            footer: vec![total],
        };
        vec![changes, lines]
    }
}
