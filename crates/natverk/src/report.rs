//! Cost reports (SPEC §5): group the ledger's network-years, split subjects,
//! sort, total, and compare with a leave scenario.

use std::collections::{BTreeMap, HashSet};

use rust_decimal::Decimal;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::cost::{self, Filter, Problems, Row, Scenario};
use crate::error::Error;
use crate::finding::{Code, Finding, Findings, Path};
use crate::inventory::Inventory;
use crate::limits::MAX_REPORT_ROWS;
use crate::model::Recommendation;
use crate::money::{self, round2, Money, Overflow, Sums};
use crate::options::{default_statuses, GroupKey, Leave, ReportOptions, Scope};
use crate::present::messages as m;
use crate::present::Message;

/// The value of one group key on a line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum KeyValue {
    /// A year (key `year`).
    Year(i32),
    /// A text (ids, subjects, organisers, words).
    Text(String),
    /// No value (no organiser, unit or subject): sorts last.
    Null,
}

impl Serialize for KeyValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            KeyValue::Year(y) => s.serialize_i32(*y),
            KeyValue::Text(t) => s.serialize_str(t),
            KeyValue::Null => s.serialize_none(),
        }
    }
}

/// One line of a report: its key values, and its money.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Line {
    /// The value of each group key, in the order of `by`.
    pub keys: Vec<KeyValue>,
    /// The network's name, when grouped by network.
    pub name: Option<String>,
    /// The nine money fields.
    pub money: Money,
}

/// A cost report (SPEC §5.1).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Report {
    /// Organisation name.
    pub organisation: String,
    /// Organisation currency.
    pub currency: String,
    /// First year.
    pub from: i32,
    /// Last year.
    pub to: i32,
    /// Scope.
    pub scope: Scope,
    /// Group keys.
    pub by: Vec<GroupKey>,
    /// Lines, sorted by their key values.
    pub lines: Vec<Line>,
    /// Sum of the lines.
    pub total: Money,
    /// Without leave minus with leave; only with `leave`.
    pub savings: Option<Money>,
}

impl Report {
    /// SPEC §5.1 JSON, pretty-printed (two-space indent).
    pub fn to_json(&self) -> String {
        crate::json::pretty(self)
    }
    /// SPEC §5.1 JSON on one line, for machines (the bindings).
    pub fn to_json_compact(&self) -> String {
        crate::json::compact(self)
    }
}

struct LineSer<'a>(&'a [GroupKey], &'a Line);

impl Serialize for LineSer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (by, line) = (self.0, self.1);
        let mut m = s.serialize_map(None)?;
        for (k, v) in by.iter().zip(&line.keys) {
            m.serialize_entry(k.as_str(), v)?;
            if *k == GroupKey::Network {
                m.serialize_entry("name", &line.name)?;
            }
        }
        for (k, v) in line.money.fields() {
            m.serialize_entry(k, &money::fmt2(v))?;
        }
        m.end()
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("organisation", &self.organisation)?;
        m.serialize_entry("currency", &self.currency)?;
        m.serialize_entry("from", &self.from)?;
        m.serialize_entry("to", &self.to)?;
        m.serialize_entry("scope", self.scope.as_str())?;
        let by: Vec<&str> = self.by.iter().map(|k| k.as_str()).collect();
        m.serialize_entry("by", &by)?;
        let lines: Vec<LineSer<'_>> = self.lines.iter().map(|l| LineSer(&self.by, l)).collect();
        m.serialize_entry("lines", &lines)?;
        m.serialize_entry("total", &self.total)?;
        if let Some(sv) = &self.savings {
            m.serialize_entry("savings", sv)?;
        }
        m.end()
    }
}

pub(crate) fn rows_or_error(inv: &Inventory, sc: &Scenario<'_>) -> Result<Vec<Row>, Error> {
    let mut problems = Problems::default();
    let rows = cost::ledger(inv, sc, &mut problems);
    if problems.findings.is_empty() {
        Ok(rows)
    } else {
        Err(Error::Report(Findings::new(problems.findings)))
    }
}

fn overflow() -> Error {
    Error::report(
        Code::Overflow,
        Path::root(),
        Message::new(&m::TOTAL_OVERFLOW),
    )
}

impl From<Overflow> for Error {
    fn from(_: Overflow) -> Error {
        overflow()
    }
}

/// Computes a report (SPEC §5).
pub(crate) fn report(inv: &Inventory, opts: &ReportOptions) -> Result<Report, Error> {
    opts.validate()?;
    let statuses = opts.statuses.clone().unwrap_or_else(default_statuses);
    let filter = Filter {
        central_only: opts.scope == Scope::Central,
        statuses: &statuses,
    };
    let leaving: Option<HashSet<usize>> = match &opts.leave {
        None => None,
        Some(Leave::Recommended) => Some(
            inv.networks()
                .iter()
                .enumerate()
                .filter(|(_, n)| {
                    n.assessment
                        .as_ref()
                        .is_some_and(|a| a.recommendation == Some(Recommendation::Leave))
                })
                .map(|(i, _)| i)
                .collect(),
        ),
        Some(Leave::Networks(ids)) => {
            let mut set = HashSet::new();
            let mut bad = Vec::new();
            for id in ids {
                match inv.network_index(id) {
                    Some(i) => {
                        set.insert(i);
                    }
                    None => bad.push(Finding::new(
                        Code::UnknownReference,
                        Path::root().key("options").key("leave"),
                        Message::new(&m::UNKNOWN_LEAVE).with("id", money::clip(id)),
                    )),
                }
            }
            if !bad.is_empty() {
                return Err(Error::Report(Findings::new(bad)));
            }
            Some(set)
        }
    };
    let leave_from = opts.leave_from.unwrap_or(opts.from);
    let base = Scenario {
        from: opts.from,
        to: opts.to,
        filter: Some(filter),
        leave: None,
    };
    let rows = rows_or_error(inv, &base)?;
    let (rows, savings) = match &leaving {
        None => (rows, None),
        Some(set) => {
            let sc = Scenario {
                leave: Some((set, leave_from)),
                ..base.clone()
            };
            let left = rows_or_error(inv, &sc)?;
            let before = sum(rows.iter().map(|r| &r.money))?;
            let after = sum(left.iter().map(|r| &r.money))?;
            (left, Some(before.minus(&after)?))
        }
    };
    let groups = group(inv, &rows, &opts.by)?;
    let total = sum(groups.iter().map(|(_, _, s)| s))?.money()?;
    let savings = savings.map(|s| s.money()).transpose()?;
    // Every figure must fit: gross, net and expected net of each line too.
    let lines = groups
        .into_iter()
        .map(|(keys, name, sums)| {
            Ok(Line {
                keys,
                name,
                money: sums.money()?,
            })
        })
        .collect::<Result<Vec<Line>, Overflow>>()?;
    Ok(Report {
        organisation: inv.organisation().name.clone(),
        currency: inv.organisation().currency.clone(),
        from: opts.from,
        to: opts.to,
        scope: opts.scope,
        by: opts.by.clone(),
        lines,
        total,
        savings,
    })
}

fn sum<'a>(mut it: impl Iterator<Item = &'a Sums>) -> Result<Sums, Overflow> {
    it.try_fold(Sums::default(), |acc, m| acc.plus(m))
}

/// Splits a network-year evenly over `k` subjects: every part but the first
/// is the amount / k rounded; the first takes the rest (SPEC §5).
pub(crate) fn split(m: &Sums, k: usize) -> Result<Vec<Sums>, Overflow> {
    if k <= 1 {
        return Ok(vec![*m]);
    }
    let kd = Decimal::from(k as u64);
    let part = |v: Decimal| -> Result<(Decimal, Decimal), Overflow> {
        let q = round2(money::div(v, kd)?);
        let first = money::sub(v, money::mul(q, Decimal::from(k as u64 - 1))?)?;
        Ok((first, q))
    };
    let (f0, q0) = part(m.fees)?;
    let (f1, q1) = part(m.time)?;
    let (f2, q2) = part(m.travel)?;
    let (f3, q3) = part(m.other)?;
    let (f4, q4) = part(m.granted)?;
    let (f5, q5) = part(m.expected)?;
    let first = Sums {
        fees: f0,
        time: f1,
        travel: f2,
        other: f3,
        granted: f4,
        expected: f5,
    };
    let rest = Sums {
        fees: q0,
        time: q1,
        travel: q2,
        other: q3,
        granted: q4,
        expected: q5,
    };
    let mut out = Vec::with_capacity(k);
    out.push(first);
    out.extend(std::iter::repeat_n(rest, k - 1));
    Ok(out)
}

/// A line before its figures: key values, name, sums.
type Group = (Vec<KeyValue>, Option<String>, Sums);

fn group(inv: &Inventory, rows: &[Row], by: &[GroupKey]) -> Result<Vec<Group>, Error> {
    let by_subject = by.contains(&GroupKey::Subject);
    if by_subject {
        let parts: usize = rows
            .iter()
            .map(|r| inv.networks()[r.network].subjects.len().max(1))
            .sum();
        if parts > MAX_REPORT_ROWS {
            return Err(Error::Report(Findings::new(vec![cost::too_many_rows(
                "count.subject_parts",
            )])));
        }
    }
    // Keys borrow from the inventory while grouping; only the lines'
    // keys are copied out at the end.
    let mut groups: BTreeMap<Vec<KeyRef<'_>>, (Option<&str>, Sums)> = BTreeMap::new();
    let mut key = Vec::with_capacity(by.len());
    for r in rows {
        let n = &inv.networks()[r.network];
        let split_parts;
        let parts: &[Sums] = if by_subject && n.subjects.len() > 1 {
            split_parts = split(&r.money, n.subjects.len())?;
            &split_parts
        } else {
            std::slice::from_ref(&r.money)
        };
        for (j, m) in parts.iter().enumerate() {
            key.clear();
            for k in by {
                key.push(match k {
                    GroupKey::Network => KeyRef::Text(&n.id),
                    GroupKey::Subject => {
                        n.subjects.get(j).map_or(KeyRef::Null, |s| KeyRef::Text(s))
                    }
                    GroupKey::Organiser => {
                        n.organiser.as_deref().map_or(KeyRef::Null, KeyRef::Text)
                    }
                    GroupKey::Unit => n.unit.as_deref().map_or(KeyRef::Null, KeyRef::Text),
                    GroupKey::Kind => KeyRef::Text(n.kind.as_str()),
                    GroupKey::Status => KeyRef::Text(n.status.as_str()),
                    GroupKey::Year => KeyRef::Year(r.year),
                });
            }
            match groups.get_mut(key.as_slice()) {
                Some((_, acc)) => *acc = acc.plus(m)?,
                None => {
                    let name = by.contains(&GroupKey::Network).then_some(n.name.as_str());
                    groups.insert(key.clone(), (name, *m));
                }
            }
        }
    }
    Ok(groups
        .into_iter()
        .map(|(keys, (name, sums))| {
            (
                keys.into_iter().map(KeyRef::owned).collect(),
                name.map(str::to_string),
                sums,
            )
        })
        .collect())
}

/// A key value borrowed from the inventory while grouping. The variants
/// are in [`KeyValue`]'s order, so both sort alike (years, then texts by
/// code point, then null).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum KeyRef<'a> {
    Year(i32),
    Text(&'a str),
    Null,
}

impl KeyRef<'_> {
    fn owned(self) -> KeyValue {
        match self {
            KeyRef::Year(y) => KeyValue::Year(y),
            KeyRef::Text(t) => KeyValue::Text(t.to_string()),
            KeyRef::Null => KeyValue::Null,
        }
    }
}
