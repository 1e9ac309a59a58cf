//! The rules of an object that need several of its fields, and of whole
//! lists. Each is written once over a small set of *facts*, which the
//! loader takes from the keys it read and the walk from data built in code.

use super::Checked;
use crate::finding::Code;
use crate::format::Declared;
use crate::load::Slot;
use crate::model::*;
use crate::money::clip;
use crate::present::messages as m;
use crate::present::Message;

use super::Validator;

/// The object-level rules of a declared type.
pub(crate) trait Rules: Declared {
    /// From the loader: the fields as read.
    fn builder_rules(_b: &Self::Builder, _v: &mut Validator) {}
    /// From the walk: the data, and which of its fields passed their rules.
    fn data_rules(&self, _ok: &Checked, _v: &mut Validator) {}
    /// About how many bytes of a file one of these takes, for the loader to
    /// size a long list of them from the file's size (0: no estimate; see
    /// `load::json::List::new`).
    const BYTES_EACH: usize = 0;
    /// Whether [`Rules::list_rule`] checks anything (else the loader does
    /// not gather the items and positions it would be given).
    const LIST_RULE: bool = false;
    /// A rule on the items of a list that had no finding (`at`: their
    /// positions in the list; `clean`: no item had a finding).
    fn list_rule(_items: &[&Self], _at: &[usize], _clean: bool, _v: &mut Validator) {}
}

/// A field's facts: whether it was given, and its value if it was read.
#[derive(Clone, Copy)]
struct Fact<'a, T> {
    given: bool,
    bad: bool,
    value: Option<&'a T>,
}

impl<'a, T> Fact<'a, T> {
    fn of_slot(s: &'a Slot<T>) -> Self {
        Fact {
            given: s.seen,
            bad: s.bad,
            value: s.value.as_ref(),
        }
    }
    /// A field of data built in code: its value only if it passed its
    /// rules, as the loader keeps no bad value.
    fn of_opt(o: &'a Option<T>, ok: bool) -> Self {
        Fact {
            given: o.is_some(),
            bad: !ok,
            value: o.as_ref().filter(|_| ok),
        }
    }
}

impl Rules for Organisation {}
impl Rules for Unit {}
impl Rules for Decision {}
impl Rules for Assessment {}
impl Rules for Participant {
    const LIST_RULE: bool = true;
    fn list_rule(items: &[&Participant], at: &[usize], _clean: bool, v: &mut Validator) {
        participants(items, at, v);
    }
}
impl Rules for Network {
    /// A network with its participants and costs: 600–1 000 bytes in the
    /// examples and the national benchmark's file.
    const BYTES_EACH: usize = 512;
    fn builder_rules(b: &NetworkB, v: &mut Validator) {
        network(b.start.value.as_ref(), b.end.value.as_ref(), v);
    }
    fn data_rules(&self, ok: &Checked, v: &mut Validator) {
        network(
            Some(&self.start).filter(|_| ok.ok("start")),
            self.end.as_ref().filter(|_| ok.ok("end")),
            v,
        );
    }
}

fn network(start: Option<&chrono::NaiveDate>, end: Option<&chrono::NaiveDate>, v: &mut Validator) {
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            v.err_below(
                Code::InvalidPeriod,
                "end",
                Message::new(&m::END_BEFORE_START)
                    .with("end", e)
                    .with("start", s),
            );
        }
    }
}

impl Rules for Person {
    fn builder_rules(b: &PersonB, v: &mut Validator) {
        person(b.role.value, Fact::of_slot(&b.side), v);
    }
    fn data_rules(&self, ok: &Checked, v: &mut Validator) {
        person(Some(self.role), Fact::of_opt(&self.side, ok.ok("side")), v);
    }
}

fn person(role: Option<Role>, side: Fact<'_, Side>, v: &mut Validator) {
    match (role, side.value) {
        (Some(Role::Politician), None) if !side.bad => v.err_below(
            Code::MissingField,
            "side",
            Message::new(&m::POLITICIAN_NEEDS_SIDE),
        ),
        (Some(Role::Official), Some(_)) => v.err_below(
            Code::InvalidValue,
            "side",
            Message::new(&m::OFFICIAL_HAS_NO_SIDE),
        ),
        _ => {}
    }
}

impl Rules for FeeSchedule {
    fn builder_rules(b: &FeeScheduleB, v: &mut Validator) {
        schedule(b.tiers.seen, b.per_capita.seen, v);
    }
    fn data_rules(&self, _: &Checked, v: &mut Validator) {
        schedule(self.tiers.is_some(), self.per_capita.is_some(), v);
    }
}

fn schedule(tiers: bool, per_capita: bool, v: &mut Validator) {
    match (tiers, per_capita) {
        (true, true) => v.err(Code::InvalidSchedule, Message::new(&m::SCHEDULE_BOTH)),
        (false, false) => v.err(Code::InvalidSchedule, Message::new(&m::SCHEDULE_NEITHER)),
        _ => {}
    }
}

impl Rules for Tier {
    const LIST_RULE: bool = true;
    fn list_rule(tiers: &[&Tier], at: &[usize], clean: bool, v: &mut Validator) {
        if clean {
            check_tiers(tiers, at, v);
        }
    }
}

/// Tiers rise strictly; only the last is open (SPEC §3.1).
fn check_tiers(tiers: &[&Tier], at: &[usize], v: &mut Validator) {
    if tiers.is_empty() {
        v.err(Code::InvalidSchedule, Message::new(&m::TIERS_EMPTY));
        return;
    }
    let last = tiers.len() - 1;
    let mut prev: Option<u64> = None;
    for (i, t) in tiers.iter().enumerate() {
        let path = v.here().index(at[i]).key("max_population");
        match t.max_population {
            None if i != last => v.err_at(
                Code::InvalidSchedule,
                path,
                Message::new(&m::TIER_OPEN_NOT_LAST),
            ),
            Some(_) if i == last => v.err_at(
                Code::InvalidSchedule,
                path,
                Message::new(&m::TIER_LAST_CLOSED),
            ),
            Some(max) => {
                if let Some(p) = prev {
                    if max <= p {
                        v.err_at(
                            Code::InvalidSchedule,
                            path,
                            Message::new(&m::TIER_NOT_RISING)
                                .with("value", max)
                                .with("previous", p),
                        );
                    }
                }
                prev = Some(max);
            }
            None => {}
        }
    }
}

impl Rules for PerCapita {
    fn builder_rules(b: &PerCapitaB, v: &mut Validator) {
        per_capita(b.min.value.as_ref(), b.max.value.as_ref(), v);
    }
    fn data_rules(&self, ok: &Checked, v: &mut Validator) {
        per_capita(
            self.min.as_ref().filter(|_| ok.ok("min")),
            self.max.as_ref().filter(|_| ok.ok("max")),
            v,
        );
    }
}

fn per_capita(
    min: Option<&rust_decimal::Decimal>,
    max: Option<&rust_decimal::Decimal>,
    v: &mut Validator,
) {
    if let (Some(min), Some(max)) = (min, max) {
        if min > max {
            v.err_below(
                Code::InvalidSchedule,
                "min",
                Message::new(&m::MIN_ABOVE_MAX)
                    .with("min", min)
                    .with("max", max),
            );
        }
    }
}

impl Rules for Rate {
    fn builder_rules(b: &RateB, v: &mut Validator) {
        if let (Some(c), Some(y), Some(_)) = (&b.currency.value, b.year.value, &b.rate.value) {
            v.rate_key(c, y);
        }
    }
    fn data_rules(&self, ok: &Checked, v: &mut Validator) {
        if ok.ok("currency") && ok.ok("year") && ok.ok("rate") {
            v.rate_key(&self.currency, self.year);
        }
    }
}

/// What the rules of a cost look at.
struct CostFacts<'a> {
    amount: bool,
    schedule: Fact<'a, String>,
    currency: Fact<'a, String>,
    per: Per,
    date: bool,
    from: Fact<'a, i32>,
    to: Fact<'a, i32>,
    prorate: bool,
}

impl Rules for Cost {
    fn builder_rules(b: &CostB, v: &mut Validator) {
        cost(
            CostFacts {
                amount: b.amount.seen,
                schedule: Fact::of_slot(&b.schedule),
                currency: Fact::of_slot(&b.currency),
                per: b.per.value.unwrap_or(Per::Year),
                date: b.date.seen,
                from: Fact::of_slot(&b.from),
                to: Fact::of_slot(&b.to),
                prorate: b.prorate.seen,
            },
            v,
        );
    }
    fn data_rules(&self, ok: &Checked, v: &mut Validator) {
        cost(
            CostFacts {
                amount: self.amount.is_some(),
                schedule: Fact::of_opt(&self.schedule, ok.ok("schedule")),
                currency: Fact::of_opt(&self.currency, ok.ok("currency")),
                per: self.per,
                date: self.date.is_some(),
                from: Fact::of_opt(&self.from, ok.ok("from")),
                to: Fact::of_opt(&self.to, ok.ok("to")),
                prorate: self.prorate,
            },
            v,
        );
    }
}

fn cost(f: CostFacts<'_>, v: &mut Validator) {
    match (f.amount, f.schedule.given) {
        (true, true) => v.err_below(Code::InvalidValue, "schedule", Message::new(&m::COST_BOTH)),
        (false, false) => v.err_below(Code::MissingField, "amount", Message::new(&m::COST_NEITHER)),
        _ => {}
    }
    if f.currency.given && f.schedule.given && !f.amount {
        v.err_below(
            Code::InvalidValue,
            "currency",
            Message::new(&m::CURRENCY_WITH_SCHEDULE),
        );
    }
    match f.per {
        Per::Once => {
            for (key, given) in [
                ("from", f.from.given),
                ("to", f.to.given),
                ("prorate", f.prorate),
            ] {
                if given {
                    v.err_below(
                        Code::InvalidValue,
                        key,
                        Message::new(&m::YEARLY_KEY_ON_ONCE).with("key", key),
                    );
                }
            }
        }
        Per::Year => {
            if f.date {
                v.err_below(Code::InvalidValue, "date", Message::new(&m::DATE_ON_YEARLY));
            }
            if let (Some(from), Some(to)) = (f.from.value, f.to.value) {
                if to < from {
                    v.err_below(
                        Code::InvalidPeriod,
                        "to",
                        Message::new(&m::TO_BEFORE_FROM)
                            .with("to", to)
                            .with("from", from),
                    );
                }
            }
        }
    }
    // Remember what needs the whole file: the schedule and the currency.
    if let (Some(s), false) = (f.schedule.value, f.amount) {
        v.schedule_ref(s);
    }
    if let (Some(c), true) = (f.currency.value, f.amount) {
        v.amount_currency(c);
    }
}

impl Rules for Financing {
    fn builder_rules(b: &FinancingB, v: &mut Validator) {
        financing(
            b.status.value,
            b.probability.seen,
            Fact::of_slot(&b.from),
            Fact::of_slot(&b.to),
            v,
        );
    }
    fn data_rules(&self, ok: &Checked, v: &mut Validator) {
        financing(
            Some(self.status),
            self.probability.is_some(),
            Fact::of_opt(&self.from, ok.ok("from")),
            Fact::of_opt(&self.to, ok.ok("to")),
            v,
        );
    }
}

fn financing(
    status: Option<FinancingStatus>,
    probability: bool,
    from: Fact<'_, i32>,
    to: Fact<'_, i32>,
    v: &mut Validator,
) {
    match status {
        Some(FinancingStatus::Expected | FinancingStatus::Applied) if !probability => {
            v.err_below(
                Code::MissingProbability,
                "probability",
                Message::new(&m::NEEDS_PROBABILITY),
            );
        }
        Some(s @ (FinancingStatus::Granted | FinancingStatus::Denied)) if probability => {
            v.err_below(
                Code::InvalidValue,
                "probability",
                Message::new(&m::NO_PROBABILITY).with("status", s),
            );
        }
        _ => {}
    }
    if let (Some(f), Some(t)) = (from.value, to.value) {
        if t < f {
            v.err_below(
                Code::InvalidPeriod,
                "to",
                Message::new(&m::TO_BEFORE_FROM)
                    .with("to", t)
                    .with("from", f),
            );
        }
    }
}

/// A person at most once per network.
fn participants(items: &[&Participant], at: &[usize], v: &mut Validator) {
    // A delegation is short: compare with the earlier ones; a long list
    // (a crafted file) is hashed.
    let mut seen: Option<std::collections::HashSet<&str>> = None;
    for (j, (p, &i)) in items.iter().zip(at).enumerate() {
        let again = if j < 16 {
            items[..j].iter().any(|q| q.person == p.person)
        } else {
            let set =
                seen.get_or_insert_with(|| items[..j].iter().map(|q| q.person.as_str()).collect());
            !set.insert(p.person.as_str())
        };
        if again {
            let path = v.here().index(i).key("person");
            v.err_at(
                Code::DuplicateId,
                path,
                Message::new(&m::DUPLICATE_PARTICIPANT).with("id", clip(&p.person)),
            );
        }
    }
}
