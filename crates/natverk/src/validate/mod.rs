//! The one validator: every rule of SPEC §3 and §6 errors, in one place.
//!
//! The loader calls it while it reads a file (each field's rule as its key
//! is read, each object's rules when the object closes, the whole-file
//! rules at the end); [`crate::Inventory::new`] walks data built in code
//! and calls the same rules in the same order. So an inventory built in
//! code and the same inventory written as JSON give the same findings,
//! with the same codes and paths.

mod checked;
mod ids;
mod rules;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::finding::{Code, Finding, Path, Seg, Severity};
use crate::format::Declared;
use crate::model::{FeeSchedule, InventoryData, Organisation, Rate};
use crate::money::clip;
use crate::present::messages as m;
use crate::present::Message;

pub(crate) use checked::Checked;
pub(crate) use rules::Rules;

/// The id list of units.
pub(crate) const UNITS: u8 = 0;
/// The id list of people.
pub(crate) const PEOPLE: u8 = 1;
/// The id list of fee schedules.
pub(crate) const SCHEDULES: u8 = 2;
/// The id list of networks.
pub(crate) const NETWORKS: u8 = 3;

pub(crate) use ids::{IdLog, Ids};

/// The four lists whose items have ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdSet {
    Units = 0,
    People = 1,
    Schedules = 2,
    Networks = 3,
}

impl IdSet {
    pub(crate) const fn from_u8(n: u8) -> IdSet {
        match n {
            UNITS => IdSet::Units,
            PEOPLE => IdSet::People,
            SCHEDULES => IdSet::Schedules,
            _ => IdSet::Networks,
        }
    }
    /// The key of the list in the file.
    pub(crate) const fn list(self) -> &'static str {
        match self {
            IdSet::Units => "units",
            IdSet::People => "people",
            IdSet::Schedules => "fee_schedules",
            IdSet::Networks => "networks",
        }
    }
}

/// The state of one validation: where it is, what it found, and what the
/// whole-file rules need.
#[derive(Default)]
pub(crate) struct Validator {
    path: Path,
    pub findings: Vec<Finding>,
    /// Ids of units, people, schedules and networks → position.
    pub ids: [Ids; 4],
    rate_keys: HashSet<(String, i32)>,
    unit_refs: Vec<(String, Path)>,
    person_refs: Vec<(String, Path)>,
    /// (schedule id, path) of costs charged by a schedule.
    schedule_refs: Vec<(String, Path)>,
    /// (currency, path) of amounts with an explicit currency.
    amount_currencies: Vec<(String, Path)>,
    /// (currency, path) of exchange rates.
    pub rate_currencies: Vec<(String, Path)>,
    /// Most findings kept ([`crate::limits::max_findings`]); `None`: all.
    limit: Option<usize>,
    /// Findings recorded, kept or not.
    recorded: usize,
    /// Findings past the limit, counted only.
    dropped: usize,
    /// The number (in `recorded`) of the last error.
    last_error: Option<usize>,
    /// The loader's fast path: what the whole-file rules check is only
    /// collected while the file is read, without paths, and checked
    /// together at the end (see [`Validator::reference`]).
    deferred: Option<Box<Deferred>>,
    /// A collected reference did not resolve: read the file again without
    /// deferring.
    unresolved: bool,
    /// Strings are read by serde_json's own string path, not as raw values
    /// (the loader's first reading: `format::kinds::Fast`).
    pub(crate) fast_strings: bool,
    /// The size of the file being read (0 for data built in code): what a
    /// long list's first capacity is estimated from (`load::json::Gather`).
    pub(crate) input_bytes: usize,
    /// Values and objects with a finding are kept, not dropped (the
    /// reading of [`crate::InventoryData`]'s `Deserialize`, which keeps
    /// what its types can hold and lets `Inventory::new` judge it).
    pub(crate) keep_invalid: bool,
}

/// What the whole-file rules check, collected without paths (the
/// loader's fast path, [`Validator::defer_refs`]).
#[derive(Default)]
struct Deferred {
    /// The ids of units, people, schedules and networks.
    ids: [IdLog; 4],
    /// References to units and to people.
    refs: [IdLog; 2],
    /// Schedules that costs are charged by.
    schedules: IdLog,
    /// Currencies of amounts.
    currencies: IdLog,
}

impl Validator {
    /// A validator for an input of `bytes` bytes: it keeps at most
    /// [`crate::limits::max_findings`] findings and counts the rest.
    pub(crate) fn for_size(bytes: usize) -> Validator {
        Validator {
            limit: Some(crate::limits::max_findings(bytes)),
            input_bytes: bytes,
            ..Validator::default()
        }
    }

    /// Records a finding: kept while under the limit, counted after it.
    pub(crate) fn record(&mut self, f: Finding) {
        if f.severity == Severity::Error {
            self.last_error = Some(self.recorded);
        }
        self.recorded += 1;
        match self.limit {
            Some(max) if self.findings.len() >= max => self.dropped += 1,
            Some(max) => {
                // Grow by doubling, but never past the limit: the list at
                // the limit costs the limit, not twice it.
                let (len, cap) = (self.findings.len(), self.findings.capacity());
                if len == cap {
                    let want = cap.saturating_mul(2).max(64).min(max);
                    self.findings.reserve_exact(want - len);
                }
                self.findings.push(f);
            }
            None => self.findings.push(f),
        }
    }

    /// Every finding kept, and when some were only counted, an error that
    /// names the limit.
    pub(crate) fn into_findings(self) -> Vec<Finding> {
        let mut all = self.findings;
        if self.dropped > 0 {
            all.push(Finding::new(
                Code::InvalidValue,
                Path::root(),
                Message::new(&m::TOO_MANY_FINDINGS)
                    .with("count", self.dropped)
                    .with("limit", self.limit.unwrap_or(0)),
            ));
        }
        all
    }

    pub(crate) fn push_key(&mut self, key: &'static str) {
        self.path.push(Seg::Key(Cow::Borrowed(key)));
    }
    /// A key from the file (an unknown key, a year of a population): a
    /// path never echoes more than [`clip`] keeps of it.
    pub(crate) fn push_owned_key(&mut self, key: &str) {
        self.path.push(Seg::Key(Cow::Owned(clip(key))));
    }
    pub(crate) fn push_index(&mut self, i: usize) {
        self.path.push(Seg::Index(i));
    }
    pub(crate) fn pop(&mut self) {
        self.path.pop();
    }
    pub(crate) fn here(&self) -> Path {
        self.path.clone()
    }
    pub(crate) fn below(&self, key: &'static str) -> Path {
        self.path.clone().key(key)
    }
    /// Findings recorded so far (a mark for [`Validator::errors_since`]).
    pub(crate) fn count(&self) -> usize {
        self.recorded
    }
    /// Whether an error was recorded since the mark `n`.
    pub(crate) fn errors_since(&self, n: usize) -> bool {
        self.last_error.is_some_and(|i| i >= n)
    }
    pub(crate) fn err(&mut self, code: Code, msg: Message) {
        let f = Finding::new(code, self.here(), msg);
        self.record(f);
    }
    pub(crate) fn err_below(&mut self, code: Code, key: &'static str, msg: Message) {
        let f = Finding::new(code, self.below(key), msg);
        self.record(f);
    }
    pub(crate) fn err_at(&mut self, code: Code, path: Path, msg: Message) {
        self.record(Finding::new(code, path, msg));
    }

    /// Registers an id of `set` here: a second one is `duplicate_id`.
    /// On the loader's fast path the ids are registered together at the
    /// end, where a second one sends the loader round again.
    pub(crate) fn register_id(&mut self, set: IdSet, id: &str) -> bool {
        if let Some(d) = &mut self.deferred {
            d.ids[set as usize].push(id);
            return true;
        }
        if self.ids[set as usize].insert(id) {
            return true;
        }
        self.err(
            Code::DuplicateId,
            Message::new(&m::DUPLICATE_ID).with("id", clip(id)),
        );
        false
    }

    /// Collects references, the schedules of costs and the currencies of
    /// amounts to check together at the end, without their paths
    /// ([`Validator::unresolved`] tells when one of them has a finding).
    pub(crate) fn defer_refs(&mut self, on: bool) {
        self.deferred = on.then(Default::default);
    }

    /// Whether a collected reference did not resolve: the findings are
    /// then incomplete, and the file must be validated again without
    /// [`Validator::defer_refs`].
    pub(crate) fn unresolved(&self) -> bool {
        // Collected but never checked (the file ended before its end, in
        // a syntax error): the findings so far lack the ids' own.
        self.unresolved || self.deferred.is_some()
    }

    /// A reference, here, to an id of `set`. One to an id already read
    /// resolves at once; the others are checked at the end (the lists may
    /// come in any order).
    ///
    /// While a file streams through the loader the id tables are cold in
    /// the cache, and a lookup per reference cost 11 % of a national
    /// report (BENCHMARKS.md); with [`Validator::defer_refs`] the ids are
    /// only collected here and looked up together at the end.
    pub(crate) fn reference(&mut self, set: IdSet, id: &str) {
        if let (Some(d), IdSet::Units | IdSet::People) = (&mut self.deferred, set) {
            d.refs[set as usize].push(id);
            return;
        }
        if self.ids[set as usize].contains(id) {
            return;
        }
        let r = (id.to_string(), self.here());
        match set {
            IdSet::Units => self.unit_refs.push(r),
            IdSet::People => self.person_refs.push(r),
            IdSet::Schedules => self.schedule_refs.push(r),
            IdSet::Networks => {}
        }
    }

    /// A cost here is charged by the schedule `id` (checked at the end:
    /// that it exists, and has the rate and population it needs).
    pub(crate) fn schedule_ref(&mut self, id: &str) {
        match &mut self.deferred {
            Some(d) => d.schedules.push(id),
            None => {
                let p = self.below("schedule");
                self.schedule_refs.push((id.to_string(), p));
            }
        }
    }

    /// An amount here is in `currency` (checked at the end: that it has
    /// a rate when it is not the organisation's).
    pub(crate) fn amount_currency(&mut self, currency: &str) {
        match &mut self.deferred {
            Some(d) => d.currencies.push(currency),
            None => {
                let p = self.below("currency");
                self.amount_currencies.push((currency.to_string(), p));
            }
        }
    }

    /// Whether what was collected on the fast path passes the whole-file
    /// rules: each finding they would make is found exactly by reading
    /// the file again without [`Validator::defer_refs`].
    fn deferred_pass(
        &self,
        d: &Deferred,
        org: Option<&Organisation>,
        fee_schedules: &[&FeeSchedule],
        exchange_rates: &[&Rate],
    ) -> bool {
        let refs = [
            (&d.refs[0], IdSet::Units),
            (&d.refs[1], IdSet::People),
            (&d.schedules, IdSet::Schedules),
        ];
        for (log, set) in refs {
            if !log.iter().all(|id| self.ids[set as usize].contains(id)) {
                return false;
            }
        }
        let Some(org) = org else {
            return true;
        };
        let own = org.currency.as_str();
        let rate_currencies: HashSet<&str> =
            exchange_rates.iter().map(|r| r.currency.as_str()).collect();
        let priced = |cur: &str| cur == own || rate_currencies.contains(cur);
        if !d.currencies.iter().all(priced) {
            return false;
        }
        if d.schedules.is_empty() {
            return true;
        }
        let schedules: HashMap<&str, &FeeSchedule> =
            fee_schedules.iter().map(|s| (s.id.as_str(), *s)).collect();
        d.schedules.iter().all(|id| match schedules.get(id) {
            Some(s) => org.population.is_some() && s.currency.as_deref().is_none_or(priced),
            None => true,
        })
    }

    /// A rate's currency and year, here: a second is `duplicate_id`.
    pub(crate) fn rate_key(&mut self, currency: &str, year: i32) {
        if !self.rate_keys.insert((currency.to_string(), year)) {
            self.err(
                Code::DuplicateId,
                Message::new(&m::DUPLICATE_RATE)
                    .with("currency", currency)
                    .with("year", year),
            );
        }
    }

    /// The rules that need the whole file: references, rates for the
    /// organisation's currency, rates and populations that amounts need.
    pub(crate) fn finish_file(
        &mut self,
        org: Option<&Organisation>,
        fee_schedules: &[&FeeSchedule],
        exchange_rates: &[&Rate],
    ) {
        if let Some(d) = self.deferred.take() {
            let unique = d.ids.iter().enumerate().all(|(set, log)| {
                let ids = &mut self.ids[set];
                let (count, bytes) = log.size();
                ids.reserve(count, bytes);
                log.iter().all(|id| ids.insert(id))
            });
            if !unique || !self.deferred_pass(&d, org, fee_schedules, exchange_rates) {
                // the loader reads the file again, one by one
                self.unresolved = true;
                return;
            }
        }
        let mut more = Vec::new();
        let refs = [
            (&self.unit_refs, IdSet::Units, "ref.unit"),
            (&self.person_refs, IdSet::People, "ref.person"),
            (&self.schedule_refs, IdSet::Schedules, "ref.fee_schedule"),
        ];
        for (list, set, what) in refs {
            for (id, path) in list.iter() {
                if !self.ids[set as usize].contains(id) {
                    more.push(Finding::new(
                        Code::UnknownReference,
                        path.clone(),
                        Message::new(&m::UNKNOWN_REFERENCE)
                            .label("what", what)
                            .with("id", clip(id))
                            .with("key", set.list()),
                    ));
                }
            }
        }
        if let Some(org) = org {
            let own = org.currency.as_str();
            let rate_currencies: HashSet<&str> =
                exchange_rates.iter().map(|r| r.currency.as_str()).collect();
            for (cur, path) in &self.rate_currencies {
                if cur == own {
                    more.push(Finding::new(
                        Code::InvalidValue,
                        path.clone(),
                        Message::new(&m::RATE_FOR_OWN_CURRENCY).with("currency", cur),
                    ));
                }
            }
            let missing_rate = |cur: &str, path: &Path| {
                Finding::new(
                    Code::MissingRate,
                    path.clone(),
                    Message::new(&m::MISSING_RATE_AT_LOAD).with("currency", cur),
                )
            };
            for (cur, path) in &self.amount_currencies {
                if cur != own && !rate_currencies.contains(cur.as_str()) {
                    more.push(missing_rate(cur, path));
                }
            }
            let schedules: HashMap<&str, &FeeSchedule> =
                fee_schedules.iter().map(|s| (s.id.as_str(), *s)).collect();
            for (id, path) in &self.schedule_refs {
                let Some(s) = schedules.get(id.as_str()) else {
                    continue;
                };
                if let Some(cur) = &s.currency {
                    if cur != own && !rate_currencies.contains(cur.as_str()) {
                        more.push(missing_rate(cur, path));
                    }
                }
                if org.population.is_none() {
                    more.push(Finding::new(
                        Code::MissingPopulation,
                        path.clone(),
                        Message::new(&m::MISSING_POPULATION_AT_LOAD).with("id", clip(id)),
                    ));
                }
            }
        }
        for f in more {
            self.record(f);
        }
    }

    /// Whether any finding so far is an error.
    pub(crate) fn has_errors(&self) -> bool {
        self.errors_since(0)
    }
}

/// Validates data built in code: every rule, in the loader's order. As
/// the loader leaves out an object that has an error, the whole-file rules
/// see only the objects without one.
pub(crate) fn walk(data: &InventoryData, v: &mut Validator) {
    v.push_key("organisation");
    let start = v.count();
    data.organisation.walk(v);
    let org_ok = !v.errors_since(start);
    v.pop();
    walk_list(&data.units, "units", v);
    walk_list(&data.people, "people", v);
    let schedules = walk_list(&data.fee_schedules, "fee_schedules", v);
    let rates = walk_list(&data.exchange_rates, "exchange_rates", v);
    walk_list(&data.networks, "networks", v);
    v.finish_file(org_ok.then_some(&data.organisation), &schedules, &rates);
}

/// Walks a list under its key; the items without an error.
fn walk_list<'a, T: Rules>(items: &'a [T], key: &'static str, v: &mut Validator) -> Vec<&'a T> {
    v.push_key(key);
    let clean = walk_items(items, v);
    v.pop();
    clean
}

/// Walks the items of a list (the path is the list's), then the list's
/// rule over the items without an error, as the loader keeps only those;
/// returns them.
pub(crate) fn walk_items<'a, T: Rules>(items: &'a [T], v: &mut Validator) -> Vec<&'a T> {
    let start = v.count();
    let mut clean = Vec::with_capacity(items.len());
    let mut at = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        v.push_index(i);
        let before = v.count();
        item.walk(v);
        if !v.errors_since(before) {
            clean.push(item);
            at.push(i);
        }
        v.pop();
    }
    let all_clean = !v.errors_since(start);
    T::list_rule(&clean, &at, all_clean, v);
    clean
}
