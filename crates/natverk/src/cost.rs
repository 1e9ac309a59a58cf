//! The cost engine (SPEC §4): one row per network-year, with the rounded
//! money fields every report and check reads. Nothing else computes money.

use std::collections::HashSet;
use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::finding::{Code, Finding};
use crate::model::*;
use crate::money::{add, div, mul, round2, sub, Money, Overflow};

/// One network in one year, its money fields rounded (SPEC §4).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Index of the network in [`Inventory::networks`].
    pub network: usize,
    /// The year.
    pub year: i32,
    /// fees, time, travel, other, granted, expected, each rounded.
    pub money: Money,
    /// Non-denied financing, before weighting, exceeds gross.
    pub overfinanced: bool,
}

/// Which networks, which years, and which leave.
#[derive(Debug, Clone)]
pub(crate) struct Scenario<'a> {
    pub from: i32,
    pub to: i32,
    /// `None`: every network, whatever its status and unit.
    pub filter: Option<Filter<'a>>,
    /// Networks that leave (indexes), and the year notice is given.
    pub leave: Option<(&'a HashSet<usize>, i32)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Filter<'a> {
    pub central_only: bool,
    pub statuses: &'a [Status],
}

impl Filter<'_> {
    pub fn admits(&self, inv: &Inventory, n: &Network) -> bool {
        self.statuses.contains(&n.status) && (!self.central_only || inv.is_central(n))
    }
}

/// The day a network that leaves ends: notice given on 1 January of
/// `leave_from` runs out on the last day of month `notice − 1` after that
/// January (SPEC §5), or at its own end if earlier.
pub(crate) fn leave_end(n: &Network, leave_from: i32) -> Option<NaiveDate> {
    let months = i64::from(leave_from) * 12 + i64::from(n.notice_months) - 1;
    let (y, m0) = (months.div_euclid(12), months.rem_euclid(12));
    let first_next = if m0 == 11 {
        NaiveDate::from_ymd_opt(i32::try_from(y + 1).ok()?, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m0 as u32 + 2, 1)
    };
    let notice_end = first_next?.pred_opt()?;
    Some(match n.end {
        Some(e) if e < notice_end => e,
        _ => notice_end,
    })
}

/// The end a network has in a scenario: its own, or the leave end.
pub(crate) fn effective_end(n: &Network, leave_from: Option<i32>) -> Option<NaiveDate> {
    match leave_from {
        // A leave end beyond the calendar: the network simply runs on.
        Some(lf) => leave_end(n, lf).or(n.end),
        None => n.end,
    }
}

fn clamp(r: RangeInclusive<i64>, from: i32, to: i32) -> RangeInclusive<i32> {
    let lo = (*r.start()).max(i64::from(from));
    let hi = (*r.end()).min(i64::from(to));
    if lo > hi {
        #[allow(clippy::reversed_empty_ranges)]
        return 1..=0;
    }
    lo as i32..=hi as i32
}

/// The years of a network (start.year..=end.year) within `from..=to`.
pub(crate) fn network_years(
    n: &Network,
    end: Option<NaiveDate>,
    from: i32,
    to: i32,
) -> RangeInclusive<i32> {
    let hi = end.map_or(i64::MAX, |e| i64::from(e.year()));
    clamp(i64::from(n.start.year())..=hi, from, to)
}

/// The years a cost is charged in, within `from..=to`. `cut`: with leave,
/// no charge after that year.
pub(crate) fn cost_years(
    n: &Network,
    c: &Cost,
    end: Option<NaiveDate>,
    cut: Option<i32>,
    from: i32,
    to: i32,
) -> RangeInclusive<i32> {
    let cut = cut.map_or(i64::MAX, i64::from);
    match c.charge {
        Charge::Yearly {
            from: cf, to: ct, ..
        } => {
            let lo = i64::from(cf.unwrap_or(n.start.year()));
            let hi = match (ct, end) {
                (Some(t), _) => i64::from(t),
                (None, Some(e)) => i64::from(e.year()),
                (None, None) => i64::MAX,
            };
            clamp(lo..=hi.min(cut), from, to)
        }
        Charge::Once { date } => {
            let y = i64::from(date.unwrap_or(n.start).year());
            if y > cut {
                #[allow(clippy::reversed_empty_ranges)]
                return 1..=0;
            }
            clamp(y..=y, from, to)
        }
    }
}

/// Whether a network has at least one network-year in `from..=to`.
pub(crate) fn has_years(n: &Network, from: i32, to: i32) -> bool {
    !network_years(n, n.end, from, to).is_empty()
        || n.costs
            .iter()
            .any(|c| !cost_years(n, c, n.end, None, from, to).is_empty())
}

#[derive(Debug, Clone, Copy, Default)]
struct Acc {
    fees: Decimal,
    time: Decimal,
    travel: Decimal,
    other: Decimal,
}

/// What went wrong while computing: findings (missing rate or population,
/// overflow), each once.
#[derive(Default)]
pub(crate) struct Problems {
    pub findings: Vec<Finding>,
    rates: HashSet<(String, i32)>,
    populations: HashSet<i32>,
    overflow: bool,
}

impl Problems {
    fn overflow(&mut self, path: String) {
        if !self.overflow {
            self.overflow = true;
            self.findings.push(Finding::new(
                Code::Overflow,
                path,
                "a sum is too large for exact decimal arithmetic (about 7.9e28): check the amounts for a typo",
            ));
        }
    }
}

/// Most network-years one report computes (rows of the ledger, and subject
/// parts when grouping by subject): 100 years of a 50 000-network national
/// inventory. Each takes about 100 bytes, so this bounds a report's memory
/// to about half a gigabyte; a larger report fails with a finding.
pub const MAX_REPORT_ROWS: usize = 5_000_000;

pub(crate) fn too_many_rows(what: &str) -> Finding {
    Finding::new(
        Code::InvalidValue,
        "options",
        format!("the report would have more than {MAX_REPORT_ROWS} {what}: report fewer years, a scope or fewer statuses"),
    )
}

/// Computes the network-years of a scenario. Missing rates, populations and
/// overflows are collected; the rows are meaningful only when there are none.
pub(crate) fn ledger(inv: &Inventory, sc: &Scenario<'_>, problems: &mut Problems) -> Vec<Row> {
    let mut rows = Vec::new();
    let span = (sc.to - sc.from + 1).max(0) as usize;
    let mut acc: Vec<Option<Acc>> = vec![None; span];
    for (ni, n) in inv.networks.iter().enumerate() {
        if let Some(f) = &sc.filter {
            if !f.admits(inv, n) {
                continue;
            }
        }
        let leave_from = sc
            .leave
            .and_then(|(set, lf)| set.contains(&ni).then_some(lf));
        if let Err(Overflow) =
            network_rows(inv, ni, n, sc, leave_from, &mut acc, &mut rows, problems)
        {
            problems.overflow(format!("networks[{ni}]"));
        }
        if rows.len() > MAX_REPORT_ROWS {
            problems.findings.push(too_many_rows("network-years"));
            break;
        }
    }
    rows
}

#[allow(clippy::too_many_arguments)]
fn network_rows(
    inv: &Inventory,
    ni: usize,
    n: &Network,
    sc: &Scenario<'_>,
    leave_from: Option<i32>,
    acc: &mut [Option<Acc>],
    rows: &mut Vec<Row>,
    problems: &mut Problems,
) -> Result<(), Overflow> {
    acc.iter_mut().for_each(|a| *a = None);
    let end = effective_end(n, leave_from);
    let cut = leave_from.map(|_| end.map_or(i32::MAX, |e| e.year()));
    let slot = |y: i32| (y - sc.from) as usize;

    let years = network_years(n, end, sc.from, sc.to);
    if !years.is_empty() {
        let mut time = Decimal::ZERO;
        for p in &n.participants {
            let (Some(h), Some(cost)) = (
                p.hours_per_year,
                inv.person(&p.person).and_then(|x| x.hourly_cost),
            ) else {
                continue;
            };
            time = add(time, mul(h, cost)?)?;
        }
        for y in years {
            acc[slot(y)] = Some(Acc {
                time,
                ..Acc::default()
            });
        }
    }

    for (ci, c) in n.costs.iter().enumerate() {
        for y in cost_years(n, c, end, cut, sc.from, sc.to) {
            let Some(mut amount) = charge(inv, ni, ci, c, y, problems)? else {
                continue;
            };
            if let Charge::Yearly { prorate: true, .. } = c.charge {
                let months = prorate_months(n.start, end, y);
                if months != 12 {
                    amount = div(mul(amount, Decimal::from(months))?, Decimal::from(12))?;
                }
            }
            let a = acc[slot(y)].get_or_insert_with(Acc::default);
            match c.kind {
                CostKind::Fee | CostKind::Membership => a.fees = add(a.fees, amount)?,
                CostKind::Travel => a.travel = add(a.travel, amount)?,
                CostKind::Other => a.other = add(a.other, amount)?,
            }
        }
    }

    for (i, a) in acc.iter().enumerate() {
        let Some(a) = a else { continue };
        let year = sc.from + i as i32;
        rows.push(row(ni, n, year, a)?);
    }
    Ok(())
}

/// Months charged of a prorated yearly cost in `y` (SPEC §3.1 `prorate`).
fn prorate_months(start: NaiveDate, end: Option<NaiveDate>, y: i32) -> i64 {
    let sm = i64::from(start.month());
    let em = end.filter(|e| e.year() == y).map(|e| i64::from(e.month()));
    let m = match (y == start.year(), em) {
        (true, Some(em)) => em - sm + 1,
        (true, None) => 13 - sm,
        (false, Some(em)) => em,
        (false, None) => 12,
    };
    m.clamp(0, 12)
}

/// The amount of one charge of a cost in year `y`, in the organisation
/// currency, before prorating. `None` when a rate or population is missing
/// (recorded in `problems`).
fn charge(
    inv: &Inventory,
    ni: usize,
    ci: usize,
    c: &Cost,
    y: i32,
    problems: &mut Problems,
) -> Result<Option<Decimal>, Overflow> {
    let (amount, currency, key) = match &c.amount {
        Amount::Fixed { amount, currency } => (*amount, currency.as_deref(), "currency"),
        Amount::Schedule(id) => {
            let Some(s) = inv.schedule(id) else {
                return Ok(None);
            };
            let py = y + s.population_offset;
            let Some(pop) = inv
                .organisation
                .population
                .as_ref()
                .and_then(|p| p.of_year(py))
            else {
                if problems.populations.insert(py) {
                    problems.findings.push(Finding::new(
                        Code::MissingPopulation,
                        format!("networks[{ni}].costs[{ci}].schedule"),
                        format!("fee schedule `{id}` needs the population of {py} (for {y}) and the file has none that early: add it to `organisation.population`"),
                    ));
                }
                return Ok(None);
            };
            (schedule_amount(s, pop)?, s.currency.as_deref(), "schedule")
        }
    };
    match currency {
        Some(cur) if cur != inv.organisation.currency => match inv.rate(cur, y) {
            Some(rate) => Ok(Some(mul(amount, rate)?)),
            None => {
                if problems.rates.insert((cur.to_string(), y)) {
                    problems.findings.push(Finding::new(
                        Code::MissingRate,
                        format!("networks[{ni}].costs[{ci}].{key}"),
                        format!("no exchange rate for {cur} in {y} or earlier: add one to `exchange_rates`"),
                    ));
                }
                Ok(None)
            }
        },
        _ => Ok(Some(amount)),
    }
}

/// The amount a fee schedule charges for population `pop` (SPEC §3.1).
pub fn schedule_amount(s: &FeeSchedule, pop: u64) -> Result<Decimal, Overflow> {
    match &s.pricing {
        Pricing::Tiers(tiers) => {
            // The loader checked that the bounds rise strictly and only the
            // last tier is open, so the first tier with pop ≤ max_population
            // is found by binary search (a schedule may have many tiers).
            let i = tiers.partition_point(|t| t.max_population.is_some_and(|m| m < pop));
            Ok(tiers
                .get(i)
                .or(tiers.last())
                .map_or(Decimal::ZERO, |t| t.amount))
        }
        Pricing::PerCapita(pc) => {
            let mut a = add(
                pc.base.unwrap_or_default(),
                mul(pc.rate, Decimal::from(pop))?,
            )?;
            if let Some(min) = pc.min {
                a = a.max(min);
            }
            if let Some(max) = pc.max {
                a = a.min(max);
            }
            Ok(a)
        }
    }
}

/// Rounds a network-year and applies its financing (SPEC §4).
fn row(ni: usize, n: &Network, year: i32, a: &Acc) -> Result<Row, Overflow> {
    let mut m = Money {
        fees: round2(a.fees),
        time: round2(a.time),
        travel: round2(a.travel),
        other: round2(a.other),
        ..Money::default()
    };
    let gross = m.gross()?;
    let total = add(add(add(a.fees, a.time)?, a.travel)?, a.other)?;
    let (mut granted, mut weighted, mut unweighted) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for f in &n.financing {
        if f.status == FinancingStatus::Denied
            || f.from.is_some_and(|fr| year < fr)
            || f.to.is_some_and(|t| year > t)
        {
            continue;
        }
        let base = match f.covers {
            Covers::Fees => a.fees,
            Covers::All => total,
        };
        let mut amount = mul(f.share, base)?;
        if let Some(cap) = f.max_per_year {
            amount = amount.min(cap);
        }
        unweighted = add(unweighted, amount)?;
        match f.status {
            FinancingStatus::Granted => granted = add(granted, amount)?,
            _ => weighted = add(weighted, mul(f.probability.unwrap_or_default(), amount)?)?,
        }
    }
    m.granted = round2(granted.min(gross));
    m.expected = round2(weighted.min(sub(gross, m.granted)?));
    Ok(Row {
        network: ni,
        year,
        money: m,
        overfinanced: round2(unweighted) > gross,
    })
}

/// Rows of one network for every year from its start year to its end year
/// (ongoing: to `last`, at least its start year), for the `overfinanced`
/// check. Years whose figures cannot be computed are left out.
pub(crate) fn network_life(inv: &Inventory, ni: usize, last: i32) -> Vec<Row> {
    let n = &inv.networks[ni];
    let from = n.start.year();
    let to = n.end.map_or(last.max(from), |e| e.year());
    let mut rows = Vec::new();
    let mut acc = vec![None; 1];
    for y in from..=to {
        let sc = Scenario {
            from: y,
            to: y,
            filter: None,
            leave: None,
        };
        let mut problems = Problems::default();
        let mut one = Vec::new();
        let ok = network_rows(inv, ni, n, &sc, None, &mut acc, &mut one, &mut problems).is_ok();
        if ok && problems.findings.is_empty() {
            rows.extend(one);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn prorates_start_end_and_both() {
        assert_eq!(prorate_months(d(2024, 3, 1), None, 2024), 10);
        assert_eq!(prorate_months(d(2024, 3, 1), Some(d(2025, 6, 30)), 2025), 6);
        assert_eq!(prorate_months(d(2024, 3, 1), Some(d(2024, 6, 30)), 2024), 4);
        assert_eq!(prorate_months(d(2024, 3, 1), None, 2026), 12);
    }

    #[test]
    fn leave_end_follows_notice() {
        let mut n = Network {
            id: "x".into(),
            name: "x".into(),
            organiser: None,
            kind: NetworkKind::Network,
            subjects: vec![],
            unit: None,
            start: d(2020, 1, 1),
            end: None,
            deadline: None,
            status: Status::Active,
            notice_months: 0,
            via: None,
            decision: None,
            url: None,
            purpose: None,
            notes: None,
            assessment: None,
            participants: vec![],
            costs: vec![],
            financing: vec![],
        };
        assert_eq!(leave_end(&n, 2025), Some(d(2024, 12, 31)));
        n.notice_months = 12;
        assert_eq!(leave_end(&n, 2025), Some(d(2025, 12, 31)));
        n.notice_months = 6;
        assert_eq!(leave_end(&n, 2025), Some(d(2025, 6, 30)));
        n.notice_months = 2;
        assert_eq!(leave_end(&n, 2024), Some(d(2024, 2, 29)));
        n.end = Some(d(2024, 5, 1));
        assert_eq!(leave_end(&n, 2025), Some(d(2024, 5, 1)));
    }

    #[test]
    fn money_round_trip_through_fields() {
        let m = Money {
            fees: Decimal::from(100),
            granted: Decimal::from(30),
            expected: Decimal::from(20),
            ..Money::default()
        };
        let f = m.fields().unwrap();
        assert_eq!(f[4].1, Decimal::from(100));
        assert_eq!(f[7].1, Decimal::from(70));
        assert_eq!(f[8].1, Decimal::from(50));
        assert_eq!(crate::money::fmt2(f[8].1), "50.00");
    }
}
