//! Cost reports (SPEC §5): group the ledger's network-years, split subjects,
//! sort, total, and compare with a leave scenario.

use std::collections::{BTreeMap, HashSet};

use rust_decimal::Decimal;
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::cost::{self, Filter, Problems, Row, Scenario};
use crate::finding::{Code, Error, Finding};
use crate::load::{MAX_YEAR, MIN_YEAR};
use crate::model::{GroupKey, Inventory, Recommendation, Scope, Status};
use crate::money::{self, round2, Money, Overflow};

/// Longest report range, in years: keeps a typo (`--to 20255`) from
/// producing millions of lines.
pub const MAX_SPAN_YEARS: i32 = 1000;

/// The options of a report (SPEC §5). `from` and `to` are required.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportOptions {
    /// First year, inclusive.
    pub from: i32,
    /// Last year, inclusive.
    pub to: i32,
    /// Every network, or only those of central units.
    #[serde(default)]
    pub scope: Scope,
    /// Group keys, in order; default `["network"]`.
    #[serde(default = "default_by")]
    pub by: Vec<GroupKey>,
    /// Statuses included; `None`: every status but `declined`.
    #[serde(default)]
    pub statuses: Option<Vec<Status>>,
    /// Networks to compute as left.
    #[serde(default)]
    pub leave: Option<Leave>,
    /// Year notice is given (default `from`).
    #[serde(default)]
    pub leave_from: Option<i32>,
}

fn default_by() -> Vec<GroupKey> {
    vec![GroupKey::Network]
}

impl ReportOptions {
    /// A report by network over `from..=to`, everything else default.
    pub fn new(from: i32, to: i32) -> ReportOptions {
        ReportOptions {
            from,
            to,
            scope: Scope::All,
            by: default_by(),
            statuses: None,
            leave: None,
            leave_from: None,
        }
    }
    /// Options from a JSON object with the same keys (`from`, `to`, `scope`,
    /// `by`, `statuses`, `leave`, `leave_from`), as the bindings pass them.
    pub fn from_json(text: &str) -> Result<ReportOptions, Error> {
        // from_slice: the loader's reader, so only one is compiled in
        serde_json::from_slice(text.as_bytes()).map_err(|e| option_error(&e))
    }
}

pub(crate) fn option_error(e: &serde_json::Error) -> Error {
    let t = e.to_string();
    let msg = t.split(" at line ").next().unwrap_or(&t);
    Error::one(
        Code::InvalidValue,
        "options",
        format!("invalid options: {msg}"),
    )
}

/// Which networks leave in a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leave {
    /// Every network whose assessment recommends `leave`.
    Recommended,
    /// These network ids.
    Networks(Vec<String>),
}

impl<'de> Deserialize<'de> for Leave {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Leave, D::Error> {
        // A small visitor rather than `#[serde(untagged)]`, whose buffering
        // machinery would add kilobytes to the WebAssembly build.
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Leave;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("\"recommended\", comma-separated network ids, or a list of ids")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Leave, E> {
                Ok(Leave::parse(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Leave, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(Leave::Networks(ids))
            }
        }
        d.deserialize_any(V)
    }
}

impl Leave {
    /// `recommended`, or comma-separated network ids.
    pub fn parse(s: &str) -> Leave {
        if s.trim() == "recommended" {
            Leave::Recommended
        } else {
            Leave::Networks(
                s.split(',')
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect(),
            )
        }
    }
}

macro_rules! deserialize_word {
    ($t:ty) => {
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
deserialize_word!(Scope);
deserialize_word!(GroupKey);
deserialize_word!(Status);

/// The value of one group key on a line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
pub struct Line {
    /// The value of each group key, in the order of `by`.
    pub keys: Vec<KeyValue>,
    /// The network's name, when grouped by network.
    pub name: Option<String>,
    /// The money (gross, net and expected net follow from it).
    pub money: Money,
}

/// A cost report (SPEC §5.1).
#[derive(Debug, Clone, PartialEq)]
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
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
    /// SPEC §5.1 JSON on one line, for machines (the bindings).
    pub fn to_json_compact(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
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
        let fields = line
            .money
            .fields()
            .map_err(|_| serde::ser::Error::custom("overflow"))?;
        for (k, v) in fields {
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

/// Checks the year range of any report or statistics.
pub(crate) fn check_range(from: i32, to: i32) -> Result<(), Error> {
    let mut f = Vec::new();
    for (k, y) in [("options.from", from), ("options.to", to)] {
        if !(MIN_YEAR..=MAX_YEAR).contains(&i64::from(y)) {
            f.push(Finding::new(
                Code::InvalidValue,
                k,
                format!("year {y} is out of range: expected {MIN_YEAR} to {MAX_YEAR}"),
            ));
        }
    }
    if f.is_empty() && to < from {
        f.push(Finding::new(
            Code::InvalidPeriod,
            "options.to",
            format!("`to` {to} is before `from` {from}: swap them"),
        ));
    }
    if f.is_empty() && to - from >= MAX_SPAN_YEARS {
        f.push(Finding::new(
            Code::InvalidValue,
            "options.to",
            format!("a report spans at most {MAX_SPAN_YEARS} years; {from} to {to} is more"),
        ));
    }
    if f.is_empty() {
        Ok(())
    } else {
        Err(Error::new(f))
    }
}

/// The statuses a report includes by default: all but `declined`.
pub(crate) fn default_statuses() -> Vec<Status> {
    Status::ALL
        .iter()
        .copied()
        .filter(|s| *s != Status::Declined)
        .collect()
}

pub(crate) fn rows_or_error(inv: &Inventory, sc: &Scenario<'_>) -> Result<Vec<Row>, Error> {
    let mut problems = Problems::default();
    let rows = cost::ledger(inv, sc, &mut problems);
    if problems.findings.is_empty() {
        Ok(rows)
    } else {
        Err(Error::new(problems.findings))
    }
}

fn overflow() -> Error {
    Error::one(Code::Overflow, "", "a total is too large for exact decimal arithmetic (about 7.9e28): check the amounts for a typo")
}

impl From<Overflow> for Error {
    fn from(_: Overflow) -> Error {
        overflow()
    }
}

/// Computes a report (SPEC §5).
pub fn report(inv: &Inventory, opts: &ReportOptions) -> Result<Report, Error> {
    check_range(opts.from, opts.to)?;
    let mut seen = HashSet::new();
    for k in &opts.by {
        if !seen.insert(*k) {
            return Err(Error::one(
                Code::InvalidValue,
                "options.by",
                format!("group key `{k}` is given twice: give it once"),
            ));
        }
    }
    let statuses = opts.statuses.clone().unwrap_or_else(default_statuses);
    let filter = Filter {
        central_only: opts.scope == Scope::Central,
        statuses: &statuses,
    };
    let leaving: Option<HashSet<usize>> = match &opts.leave {
        None => None,
        Some(Leave::Recommended) => Some(
            inv.networks
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
                match inv.index.networks.get(id) {
                    Some(&i) => {
                        set.insert(i);
                    }
                    None => bad.push(Finding::new(
                        Code::UnknownReference,
                        "options.leave",
                        format!(
                            "unknown network `{}` in `leave`: use an id from the inventory",
                            money::clip(id)
                        ),
                    )),
                }
            }
            if !bad.is_empty() {
                return Err(Error::new(bad));
            }
            Some(set)
        }
    };
    let leave_from = opts.leave_from.unwrap_or(opts.from);
    if opts.leave.is_some() && !(MIN_YEAR..=MAX_YEAR).contains(&i64::from(leave_from)) {
        return Err(Error::one(
            Code::InvalidValue,
            "options.leave_from",
            format!("year {leave_from} is out of range"),
        ));
    }
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
    let lines = group(inv, &rows, &opts.by)?;
    let total = sum(lines.iter().map(|l| &l.money))?;
    // Every figure must be printable: gross, net and expected net of each
    // line and the totals must fit too.
    for m in lines
        .iter()
        .map(|l| &l.money)
        .chain([&total])
        .chain(savings.as_ref())
    {
        m.fields()?;
    }
    Ok(Report {
        organisation: inv.organisation.name.clone(),
        currency: inv.organisation.currency.clone(),
        from: opts.from,
        to: opts.to,
        scope: opts.scope,
        by: opts.by.clone(),
        lines,
        total,
        savings,
    })
}

fn sum<'a>(mut it: impl Iterator<Item = &'a Money>) -> Result<Money, Overflow> {
    it.try_fold(Money::default(), |acc, m| acc.plus(m))
}

/// Splits a network-year evenly over `k` subjects: every part but the first
/// is the amount / k rounded; the first takes the rest (SPEC §5).
pub fn split(m: &Money, k: usize) -> Result<Vec<Money>, Overflow> {
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
    let first = Money {
        fees: f0,
        time: f1,
        travel: f2,
        other: f3,
        granted: f4,
        expected: f5,
    };
    let rest = Money {
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

fn group(inv: &Inventory, rows: &[Row], by: &[GroupKey]) -> Result<Vec<Line>, Error> {
    let by_subject = by.contains(&GroupKey::Subject);
    if by_subject {
        let parts: usize = rows
            .iter()
            .map(|r| inv.networks[r.network].subjects.len().max(1))
            .sum();
        if parts > cost::MAX_REPORT_ROWS {
            return Err(Error::new(vec![cost::too_many_rows("subject parts")]));
        }
    }
    // Keys borrow from the inventory while grouping; only the lines'
    // keys are copied out at the end.
    let mut groups: BTreeMap<Vec<KeyRef<'_>>, (Option<&str>, Money)> = BTreeMap::new();
    let mut key = Vec::with_capacity(by.len());
    for r in rows {
        let n = &inv.networks[r.network];
        let split_parts;
        let parts: &[Money] = if by_subject && n.subjects.len() > 1 {
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
        .map(|(keys, (name, money))| Line {
            keys: keys.into_iter().map(KeyRef::owned).collect(),
            name: name.map(str::to_string),
            money,
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
