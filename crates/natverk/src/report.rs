//! Cost reports (SPEC §5): group the ledger's network-years, split subjects,
//! sort, total, and compare with a leave scenario.

use std::collections::HashSet;

use serde::{Serialize, Serializer};

use crate::cost::{self, Filter, Problems, Row, Scenario};
use crate::error::Error;
use crate::finding::{Code, Findings, Path};
use crate::inventory::{Inventory, SubjectRanks, TextRanks};
use crate::limits::MAX_REPORT_ROWS;
use crate::model::{NetworkKind, Recommendation, Status};
use crate::money::{self, Money, Overflow, Sums};
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Line {
    /// The value of each group key, in the order of `by`.
    pub keys: Vec<KeyValue>,
    /// The network's name, when grouped by network.
    pub name: Option<String>,
    /// The unit's name, when grouped by unit and the line has a unit: for
    /// people's tables beside the unit's id (not in the JSON of SPEC 5.1).
    pub unit_name: Option<String>,
    /// The nine money fields.
    pub money: Money,
}

/// A cost report (SPEC §5.1).
#[derive(Debug, Clone, PartialEq, Eq)]
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
        self.to_json_string(true)
    }
    /// SPEC §5.1 JSON on one line, for machines (the bindings).
    pub fn to_json_compact(&self) -> String {
        self.to_json_string(false)
    }
}

impl Report {
    /// Writes SPEC §5.1 JSON (pretty: two-space indent) to `out` as it
    /// goes, a line at a time, so a large report is never held twice.
    ///
    /// # Errors
    ///
    /// The writer's I/O error.
    pub fn write_json(&self, out: &mut dyn std::io::Write, pretty: bool) -> std::io::Result<()> {
        self.write_json_into(pretty, &mut |chunk| out.write_all(chunk.as_bytes()))
    }

    fn to_json_string(&self, pretty: bool) -> String {
        let mut text = String::with_capacity(256 + self.lines.len() * 400);
        // Writing into a string cannot fail.
        let _ = self.write_json_into(pretty, &mut |chunk| {
            text.push_str(chunk);
            Ok(())
        });
        text
    }

    fn write_json_into(
        &self,
        pretty: bool,
        sink: &mut dyn FnMut(&str) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        const CHUNK: usize = 64 * 1024;
        let mut w = crate::write_json::Writer::new(pretty, CHUNK + 4096);
        w.begin_object();
        w.key("organisation");
        w.text(&self.organisation);
        w.key("currency");
        w.text(&self.currency);
        w.key("from");
        w.raw(self.from);
        w.key("to");
        w.raw(self.to);
        w.key("scope");
        w.text(self.scope.as_str());
        w.key("by");
        w.begin_list();
        for k in &self.by {
            w.list_item();
            w.text(k.as_str());
        }
        w.end_list();
        w.key("lines");
        w.begin_list();
        for line in &self.lines {
            w.list_item();
            w.begin_object();
            for (k, v) in self.by.iter().zip(&line.keys) {
                w.key(k.as_str());
                match v {
                    KeyValue::Year(y) => w.raw(y),
                    KeyValue::Text(t) => w.text(t),
                    KeyValue::Null => w.raw("null"),
                }
                if *k == GroupKey::Network {
                    w.key("name");
                    match &line.name {
                        Some(n) => w.text(n),
                        None => w.raw("null"),
                    }
                }
            }
            write_money(&mut w, &line.money);
            w.end_object();
            if w.len() > CHUNK {
                sink(&w.take())?;
            }
        }
        w.end_list();
        w.key("total");
        w.begin_object();
        write_money(&mut w, &self.total);
        w.end_object();
        if let Some(s) = &self.savings {
            w.key("savings");
            w.begin_object();
            write_money(&mut w, s);
            w.end_object();
        }
        w.end_object();
        sink(&w.take())
    }
}

/// SPEC §5.1, the same as [`Report::to_json`] writes (a test holds them
/// equal), so a report can sit in a program's own response type.
impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        /// One line: its keys in the order of `by`, then its money.
        struct LineIn<'a>(&'a [GroupKey], &'a Line);
        impl Serialize for LineIn<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(None)?;
                for (k, v) in self.0.iter().zip(&self.1.keys) {
                    m.serialize_entry(k.as_str(), v)?;
                    if *k == GroupKey::Network {
                        m.serialize_entry("name", &self.1.name)?;
                    }
                }
                for (k, v) in self.1.money.fields() {
                    m.serialize_entry(k, &crate::money::Two(v))?;
                }
                m.end()
            }
        }
        struct Lines<'a>(&'a Report);
        impl Serialize for Lines<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.lines.iter().map(|l| LineIn(&self.0.by, l)))
            }
        }
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("organisation", &self.organisation)?;
        m.serialize_entry("currency", &self.currency)?;
        m.serialize_entry("from", &self.from)?;
        m.serialize_entry("to", &self.to)?;
        m.serialize_entry("scope", self.scope.as_str())?;
        let by: Vec<&str> = self.by.iter().map(|k| k.as_str()).collect();
        m.serialize_entry("by", &by)?;
        m.serialize_entry("lines", &Lines(self))?;
        m.serialize_entry("total", &self.total)?;
        if let Some(savings) = &self.savings {
            m.serialize_entry("savings", savings)?;
        }
        m.end()
    }
}

fn write_money(w: &mut crate::write_json::Writer, m: &Money) {
    for (k, v) in m.fields() {
        w.key(k);
        w.amount(v);
    }
}

/// Runs the ledger of a scenario into `sink`; every problem it finds is
/// the report's error.
fn run(inv: &Inventory, sc: &Scenario<'_>, sink: &mut cost::Sink<'_>) -> Result<(), Error> {
    let mut problems = Problems::default();
    cost::ledger(inv, sc, &mut problems, sink);
    if problems.findings.is_empty() {
        Ok(())
    } else {
        Err(Error::Report(Findings::new(problems.findings)))
    }
}

/// The ledger of a scenario folded into one state (`new`, `add`): over the
/// networks in parts on threads of their own when the `parallel` feature
/// is on and the inventory is large, the parts' states then merged in
/// network order (`merge`; sums of cents are exact, so the result is the
/// same). A part with a problem, or a merge that overflows, runs the whole
/// again in one part: its findings are then exactly the sequential ones.
fn fold<S: Send>(
    inv: &Inventory,
    sc: &Scenario<'_>,
    new: &(dyn Fn() -> S + Sync),
    add: &(dyn Fn(&mut S, cost::Row) -> Result<(), Overflow> + Sync),
    merge: &dyn Fn(&mut S, S) -> Result<(), Overflow>,
) -> Result<S, Error> {
    #[cfg(feature = "parallel")]
    if let Some(parts) = parallel::ledger(inv, sc, new, add) {
        let mut parts = parts.into_iter();
        let mut whole = parts.next().unwrap_or_else(new);
        let merged = parts.try_for_each(|p| merge(&mut whole, p));
        if merged.is_ok() {
            return Ok(whole);
        }
    }
    #[cfg(not(feature = "parallel"))]
    let _ = merge;
    let mut whole = new();
    run(inv, sc, &mut |r| add(&mut whole, r))?;
    Ok(whole)
}

#[cfg(feature = "parallel")]
pub(crate) mod parallel {
    use super::*;

    /// Networks a part has at least (fewer are not worth a thread).
    const MIN_PART: usize = 2048;
    /// Parts at most.
    const MAX_PARTS: usize = 8;

    /// The most threads a report may use; 0 is one per available core.
    pub(crate) static MAX_THREADS: std::sync::atomic::AtomicUsize =
        std::sync::atomic::AtomicUsize::new(0);

    /// How many parts: one per available core (at most
    /// [`crate::set_max_threads`]), each of at least [`MIN_PART`] networks.
    fn parts(networks: usize) -> usize {
        let cores = match MAX_THREADS.load(std::sync::atomic::Ordering::Relaxed) {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        cores.min(networks / MIN_PART).clamp(1, MAX_PARTS)
    }

    /// The states of the parts in network order; `None` with one part,
    /// when a thread cannot be started (the caller runs the whole in one
    /// part), or when a part finds a problem.
    pub(super) fn ledger<S: Send>(
        inv: &Inventory,
        sc: &Scenario<'_>,
        new: &(dyn Fn() -> S + Sync),
        add: &(dyn Fn(&mut S, cost::Row) -> Result<(), Overflow> + Sync),
    ) -> Option<Vec<S>> {
        let n = inv.networks().len();
        let parts = parts(n);
        if parts < 2 {
            return None;
        }
        let part = move |i: usize| {
            let range = n * i / parts..n * (i + 1) / parts;
            let mut state = new();
            let mut problems = Problems::default();
            cost::ledger_of(inv, sc, range, &mut problems, &mut |r| add(&mut state, r));
            problems.findings.is_empty().then_some(state)
        };
        std::thread::scope(|scope| {
            // The first part on this thread, the others on threads of
            // their own (each thread costs the allocator address space).
            let mut threads = Vec::with_capacity(parts - 1);
            for i in 1..parts {
                threads.push(
                    std::thread::Builder::new()
                        .spawn_scoped(scope, move || part(i))
                        .ok()?,
                );
            }
            let mut states = Vec::with_capacity(parts);
            states.push(part(0));
            states.extend(threads.into_iter().map(|t| t.join().ok().flatten()));
            states.into_iter().collect()
        })
    }
}

fn overflow() -> Error {
    Error::report(
        Code::Overflow,
        Path::root(),
        Message::new(&m::TOTAL_OVERFLOW),
    )
}

#[doc(hidden)]
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
                    None => bad.push(crate::options::unknown_leave(id)),
                }
            }
            if !bad.is_empty() {
                return Err(Error::Report(Findings::new(bad)));
            }
            Some(set)
        }
    };
    let leave_from = opts.leave_from.unwrap_or(opts.from);
    // What the report would compute, counted before any of it is (SPEC §9):
    // the network-years, each split over its subjects when grouping by
    // subject, twice over with leave (with and without it).
    let by_subject = opts.by.contains(&GroupKey::Subject);
    let limit = crate::limits::report_parts(inv.size()).min(MAX_REPORT_ROWS);
    let mut parts = 0usize;
    let mut buf = Vec::new();
    for (ni, n) in inv.networks().iter().enumerate() {
        if !filter.admits(inv, ni, n) {
            continue;
        }
        let years = cost::year_count(n, opts.from, opts.to, &mut buf);
        let k = if by_subject {
            n.subjects.len().max(1)
        } else {
            1
        };
        let twice = if leaving.is_some() { 2 } else { 1 };
        parts = parts.saturating_add(years.saturating_mul(k).saturating_mul(twice));
    }
    if parts > limit {
        let what = if by_subject {
            "count.subject_parts"
        } else {
            "count.network_years"
        };
        return Err(Error::Report(Findings::new(vec![cost::too_much_work(
            parts, limit, what,
        )])));
    }
    let base = Scenario {
        from: opts.from,
        to: opts.to,
        filter: Some(filter),
        leave: None,
    };
    let max_lines = crate::limits::report_lines(inv.size());
    let by = &opts.by;
    let years = (i64::from(opts.to) - i64::from(opts.from) + 1).max(0) as usize;
    let rows = parts / if leaving.is_some() { 2 } else { 1 };
    let new_lines = || Grouper::new(inv, by, max_lines, years, rows);
    // The ranks of the keys are made here, once, before any part needs them.
    drop(new_lines());
    let (lines, savings) = match &leaving {
        None => {
            let lines = fold(
                inv,
                &base,
                &new_lines,
                &|g: &mut Grouper<'_>, r| g.add(&r),
                &|g, later| g.absorb(later),
            )?;
            (lines, None)
        }
        Some(set) => {
            let sc = Scenario {
                leave: Some((set, leave_from)),
                ..base.clone()
            };
            let before = fold(
                inv,
                &base,
                &Sums::default,
                &|s: &mut Sums, r| {
                    *s = s.plus(&r.money)?;
                    Ok(())
                },
                &|s, later| {
                    *s = s.plus(&later)?;
                    Ok(())
                },
            )?;
            let (after, lines) = fold(
                inv,
                &sc,
                &|| (Sums::default(), new_lines()),
                &|(s, g): &mut (Sums, Grouper<'_>), r| {
                    *s = s.plus(&r.money)?;
                    g.add(&r)
                },
                &|(s, g), (later_s, later_g)| {
                    *s = s.plus(&later_s)?;
                    g.absorb(later_g)
                },
            )?;
            (lines, Some(before.minus(&after)?))
        }
    };
    // Every figure must fit: the total, and gross, net and expected net of
    // each line too.
    let (lines, total) = lines.finish()?;
    let total = total.money()?;
    let savings = savings.map(|s| s.money()).transpose()?;
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

/// Splits a network-year evenly over `k` subjects: every part but the first
/// is the amount / k rounded; the first takes the rest (SPEC §5). Returns
/// the first part and each other part.
pub(crate) fn split(m: &Sums, k: usize) -> Result<(Sums, Sums), Overflow> {
    if k <= 1 {
        return Ok((*m, *m));
    }
    let k = i128::try_from(k).map_err(|_| Overflow)?;
    // In cents: the part is the cents / k rounded half away from zero (as
    // the amount / k rounded to two decimals), the first takes the rest.
    let part = |c: i128| -> Result<(i128, i128), Overflow> {
        let q = money::div_round(c, k);
        let first = q
            .checked_mul(k - 1)
            .and_then(|o| c.checked_sub(o))
            .ok_or(Overflow)?;
        Ok((first, q))
    };
    let (f0, q0) = part(m.fees)?;
    let (f1, q1) = part(m.time)?;
    let (f2, q2) = part(m.travel)?;
    let (f3, q3) = part(m.other)?;
    let (f4, q4) = part(m.granted)?;
    let (f5, q5) = part(m.expected)?;
    Ok((
        Sums {
            fees: f0,
            time: f1,
            travel: f2,
            other: f3,
            granted: f4,
            expected: f5,
        },
        Sums {
            fees: q0,
            time: q1,
            travel: q2,
            other: q3,
            granted: q4,
            expected: q5,
        },
    ))
}

/// Null sorts after every value.
const NULL: u32 = u32::MAX;

/// Groups the network-years by the keys as they come. Each key value is a
/// rank that sorts as the value does (texts by code point, years by
/// number, null last), so lines are grouped and sorted over small integers
/// and only the lines' own values are copied out.
struct Grouper<'a> {
    inv: &'a Inventory,
    by: &'a [GroupKey],
    /// Each key's ranks, in the order of `by`.
    sources: Vec<KeySource<'a>>,
    /// The subjects' ranks, when grouping by subject.
    subjects: Option<&'a SubjectRanks>,
    index: crate::FastMap<Key, usize>,
    /// The key and group of the last row added.
    last: Option<(Key, usize)>,
    /// How many groups there can be at most (the tables are made this
    /// large at the first group, so they never grow by copying).
    most: usize,
    groups: Vec<(Key, usize, Sums)>,
    max_lines: usize,
}

/// Where a group key's value comes from, and its text.
enum KeySource<'a> {
    /// The network's id's rank.
    Network(&'a [u32]),
    /// The network's kind's rank.
    Kind(&'a [u32]),
    /// The network's status's rank.
    Status(&'a [u32]),
    /// Ranks of texts by network (organiser, unit).
    Texts(&'a TextRanks),
    /// The row's subject (split over a network's subjects).
    Subject,
    /// The row's year.
    Year,
}

/// A line's key: a rank per group key (at most every key once).
type Key = [u32; GroupKey::ALL.len()];

impl<'a> Grouper<'a> {
    /// A grouper by `by`; the ranks of those keys are made here (once per
    /// inventory), and only of those.
    /// `years` and `rows`: the years of the report and the rows it will
    /// add (at most), which bound the groups.
    fn new(
        inv: &'a Inventory,
        by: &'a [GroupKey],
        max_lines: usize,
        years: usize,
        rows: usize,
    ) -> Grouper<'a> {
        let sources: Vec<KeySource<'a>> = by
            .iter()
            .map(|g| match g {
                GroupKey::Network => KeySource::Network(inv.network_ranks()),
                GroupKey::Kind => KeySource::Kind(inv.kind_ranks()),
                GroupKey::Status => KeySource::Status(inv.status_ranks()),
                GroupKey::Organiser => KeySource::Texts(inv.organiser_ranks()),
                GroupKey::Unit => KeySource::Texts(inv.unit_ranks()),
                GroupKey::Subject => KeySource::Subject,
                GroupKey::Year => KeySource::Year,
            })
            .collect();
        let subjects = by.contains(&GroupKey::Subject).then(|| inv.subject_ranks());
        // Distinct keys: the product of each key's distinct values.
        let most = sources
            .iter()
            .map(|s| match s {
                KeySource::Network(ranks) => ranks.len(),
                KeySource::Kind(_) => NetworkKind::ALL.len(),
                KeySource::Status(_) => Status::ALL.len(),
                KeySource::Texts(t) => t.names.len() + 1,
                KeySource::Subject => subjects.map_or(0, |s| s.names.len()) + 1,
                KeySource::Year => years,
            })
            .fold(1usize, usize::saturating_mul)
            .min(rows)
            .min(max_lines.saturating_add(1));
        Grouper {
            inv,
            by,
            sources,
            subjects,
            index: Default::default(),
            last: None,
            most,
            groups: Vec::new(),
            max_lines,
        }
    }

    fn add(&mut self, r: &Row) -> Result<(), Overflow> {
        let ni = r.network;
        let subjects = self.subjects.map_or(&[][..], |s| s.of(ni));
        let k = subjects.len();
        if self.groups.len() > self.max_lines {
            // Reported by `finish`; nothing more is kept.
            return Ok(());
        }
        let (first, rest) = if k > 1 {
            split(&r.money, k)?
        } else {
            (r.money, r.money)
        };
        let mut key: Key = [0; 7];
        for j in 0..k.max(1) {
            for (slot, s) in key.iter_mut().zip(&self.sources) {
                *slot = match s {
                    KeySource::Network(ranks)
                    | KeySource::Kind(ranks)
                    | KeySource::Status(ranks) => ranks[ni],
                    KeySource::Texts(texts) => texts.of[ni],
                    KeySource::Subject => subjects.get(j).copied().unwrap_or(NULL),
                    KeySource::Year => r.year as u32,
                };
            }
            let m = if j == 0 { &first } else { &rest };
            // A network's years come one after another: by network (or by
            // a key of the network), its rows fall in the group of the row
            // before, found without hashing.
            let g = match self.last {
                Some((k, g)) if k == key => g,
                _ => match self.index.get(&key) {
                    Some(&g) => g,
                    None => {
                        if self.groups.is_empty() {
                            self.index.reserve(self.most);
                            self.groups.reserve_exact(self.most);
                        }
                        self.index.insert(key, self.groups.len());
                        self.groups.push((key, ni, Sums::default()));
                        self.groups.len() - 1
                    }
                },
            };
            self.last = Some((key, g));
            self.groups[g].2 = self.groups[g].2.plus(m)?;
        }
        Ok(())
    }

    /// Adds the groups of a later part of the networks: those of keys
    /// seen here are summed (in cents: exact), the others follow in their
    /// order, as one grouper over both parts would have them.
    fn absorb(&mut self, later: Grouper<'a>) -> Result<(), Overflow> {
        for (key, ni, sums) in later.groups {
            if self.groups.len() > self.max_lines {
                // Reported by `finish`; nothing more is kept.
                break;
            }
            match self.index.get(&key) {
                Some(&g) => self.groups[g].2 = self.groups[g].2.plus(&sums)?,
                None => {
                    self.index.insert(key, self.groups.len());
                    self.groups.push((key, ni, sums));
                }
            }
        }
        Ok(())
    }

    /// The lines in key order, and the sum of all (in one pass: a national
    /// report has 30 000 lines).
    fn finish(self) -> Result<(Vec<Line>, Sums), Error> {
        if self.groups.len() > self.max_lines {
            return Err(Error::report(
                Code::InvalidValue,
                Path::root().key("options"),
                Message::new(&m::TOO_MANY_LINES).with("limit", self.max_lines),
            ));
        }
        let Grouper {
            inv,
            by,
            sources,
            subjects,
            groups,
            ..
        } = self;
        // Sorted as (key, position) pairs, not as the groups themselves: a
        // group with its sums is 136 bytes, and a sort moves each one many
        // times (keys are distinct, so the order is the keys').
        let mut order: Vec<(Key, u32)> = groups.iter().zip(0u32..).map(|(g, i)| (g.0, i)).collect();
        order.sort_unstable();
        let data = inv.data();
        let with_name = by.contains(&GroupKey::Network);
        let with_unit_name = by.contains(&GroupKey::Unit);
        let names = |names: &[String], r: u32| KeyValue::Text(names[r as usize].clone());
        let mut total = Sums::default();
        let mut lines = Vec::with_capacity(groups.len());
        for (key, ni, sums) in order.iter().map(|&(_, i)| groups[i as usize]) {
            let n = &data.networks[ni];
            let keys = sources
                .iter()
                .zip(key)
                .map(|(s, v)| match (s, v) {
                    (KeySource::Year, y) => KeyValue::Year(y as i32),
                    (_, NULL) => KeyValue::Null,
                    (KeySource::Network(_), _) => KeyValue::Text(n.id.clone()),
                    (KeySource::Kind(_), _) => KeyValue::Text(n.kind.as_str().to_string()),
                    (KeySource::Status(_), _) => KeyValue::Text(n.status.as_str().to_string()),
                    (KeySource::Texts(t), r) => names(&t.names, r),
                    (KeySource::Subject, r) => names(subjects.map_or(&[][..], |s| &s.names), r),
                })
                .collect();
            total = total.plus(&sums)?;
            lines.push(Line {
                keys,
                name: with_name.then(|| n.name.clone()),
                unit_name: if with_unit_name {
                    n.unit
                        .as_deref()
                        .and_then(|u| inv.unit(u))
                        .map(|u| u.name.clone())
                } else {
                    None
                },
                money: sums.money()?,
            });
        }
        Ok((lines, total))
    }
}
