//! The cost engine (SPEC §4): one row per network-year, with the rounded
//! money fields every report and check reads. Nothing else computes money.

use std::collections::HashSet;
use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};

use crate::limits::MAX_REPORT_ROWS;
use rust_decimal::Decimal;

use crate::finding::{Code, Finding, Path};
use crate::inventory::{CostIx, Inventory};
use crate::model::*;
use crate::money::{add, cents_over, mul, Overflow, Sums};
use crate::present::messages as m;
use crate::present::Message;

/// One network in one year, its money fields rounded (SPEC §4).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    /// Index of the network in the inventory's networks.
    pub network: usize,
    /// The year.
    pub year: i32,
    /// fees, time, travel, other, granted, expected, each rounded.
    pub money: Sums,
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
    pub fn admits(&self, inv: &Inventory, ni: usize, n: &Network) -> bool {
        self.statuses.contains(&n.status) && (!self.central_only || inv.is_central_at(ni))
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
    match c.per {
        Per::Year => {
            let lo = i64::from(c.from.unwrap_or(n.start.year()));
            let hi = match (c.to, end) {
                (Some(t), _) => i64::from(t),
                (None, Some(e)) => i64::from(e.year()),
                (None, None) => i64::MAX,
            };
            clamp(lo..=hi.min(cut), from, to)
        }
        Per::Once => {
            let y = i64::from(c.date.unwrap_or(n.start).year());
            if y > cut {
                #[allow(clippy::reversed_empty_ranges)]
                return 1..=0;
            }
            clamp(y..=y, from, to)
        }
    }
}

/// How many network-years a network has in `from..=to`: its own years and
/// its costs' years, each counted once. `buf` is scratch space.
pub(crate) fn year_count(
    n: &Network,
    from: i32,
    to: i32,
    buf: &mut Vec<RangeInclusive<i32>>,
) -> usize {
    buf.clear();
    buf.push(network_years(n, n.end, from, to));
    buf.extend(
        n.costs
            .iter()
            .map(|c| cost_years(n, c, n.end, None, from, to)),
    );
    buf.retain(|r| !r.is_empty());
    buf.sort_unstable_by_key(|r| *r.start());
    let (mut count, mut reached) = (0usize, i64::MIN);
    for r in buf.iter() {
        let (a, b) = (i64::from(*r.start()).max(reached + 1), i64::from(*r.end()));
        if b >= a {
            count += (b - a + 1) as usize;
        }
        reached = reached.max(b);
    }
    count
}

/// Whether a network has at least one network-year in `from..=to`.
pub(crate) fn has_years(n: &Network, from: i32, to: i32) -> bool {
    !network_years(n, n.end, from, to).is_empty()
        || n.costs
            .iter()
            .any(|c| !cost_years(n, c, n.end, None, from, to).is_empty())
}

/// The unrounded sums of a network-year. A part of a year (a prorated cost,
/// staff time in a first or last year) is kept in twelfths — amount × m,
/// with no division — and divided by 12 once, when the year is rounded: so
/// the staff time of several participants, or the same time written as
/// several prorated costs (SPEC §13), give exactly the same figure.
#[derive(Debug, Clone, Copy, Default)]
struct Acc {
    fees: Part,
    time: Part,
    travel: Part,
    other: Part,
}

/// A sum of whole amounts and a sum of twelfths.
#[derive(Debug, Clone, Copy, Default)]
struct Part {
    whole: Decimal,
    twelfths: Decimal,
}

impl Part {
    /// Adds `amount` charged for `months` of twelve.
    fn add(&mut self, amount: Decimal, months: i64) -> Result<(), Overflow> {
        if months == 12 {
            self.whole = add(self.whole, amount)?;
        } else {
            self.twelfths = add(self.twelfths, mul(amount, Decimal::from(months))?)?;
        }
        Ok(())
    }
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
    fn overflow(&mut self, path: Path) {
        if !self.overflow {
            self.overflow = true;
            self.findings.push(Finding::new(
                Code::Overflow,
                path,
                Message::new(&m::SUM_OVERFLOW),
            ));
        }
    }
}

/// The path of network `ni`.
pub(crate) fn network_path(ni: usize) -> Path {
    Path::root().key("networks").index(ni)
}

/// A report that would compute more than its limit allows.
pub(crate) fn too_much_work(count: usize, limit: usize, what: &'static str) -> Finding {
    Finding::new(
        Code::InvalidValue,
        Path::root().key("options"),
        Message::new(&m::TOO_MUCH_WORK)
            .with("count", count)
            .with("limit", limit)
            .label("what", what),
    )
}

pub(crate) fn too_many_rows(what: &'static str) -> Finding {
    Finding::new(
        Code::InvalidValue,
        Path::root().key("options"),
        Message::new(&m::TOO_MANY_ROWS)
            .with("limit", MAX_REPORT_ROWS)
            .label("what", what),
    )
}

/// Exchange rates and schedule amounts of the years of one computation,
/// each looked up once (a report charges the same schedule in the same year
/// for many networks).
pub(crate) struct Prices {
    from: i32,
    span: usize,
    rates: Vec<Option<Option<Decimal>>>,
    schedules: Vec<Option<Result<Decimal, i32>>>,
}

/// Most cells of a price table (about 24 MB); a larger one is not kept.
const MAX_PRICE_CELLS: usize = 1_000_000;

impl Prices {
    pub(crate) fn new(inv: &Inventory, from: i32, to: i32) -> Prices {
        let span = usize::try_from(i64::from(to) - i64::from(from) + 1).unwrap_or(0);
        let cells = |n: usize| {
            let c = n.saturating_mul(span);
            if c <= MAX_PRICE_CELLS {
                c
            } else {
                0
            }
        };
        Prices {
            from,
            span,
            rates: vec![None; cells(inv.ix().currencies.len())],
            schedules: vec![None; cells(inv.data().fee_schedules.len())],
        }
    }
    fn cell(&self, table_len: usize, item: u32, y: i32) -> Option<usize> {
        let off = usize::try_from(i64::from(y) - i64::from(self.from)).ok()?;
        let i = (item as usize).checked_mul(self.span)?.checked_add(off)?;
        (off < self.span && i < table_len).then_some(i)
    }
    fn rate(&mut self, inv: &Inventory, cur: u32, y: i32) -> Option<Decimal> {
        match self.cell(self.rates.len(), cur, y) {
            Some(i) => *self.rates[i].get_or_insert_with(|| inv.ix().rate(cur, y)),
            None => inv.ix().rate(cur, y),
        }
    }
    /// The amount of schedule `s` in `y`, or the population year it lacks.
    fn schedule(
        &mut self,
        inv: &Inventory,
        s: u32,
        y: i32,
    ) -> Result<Result<Decimal, i32>, Overflow> {
        let i = self.cell(self.schedules.len(), s, y);
        if let Some(Some(v)) = i.map(|i| self.schedules[i]) {
            return Ok(v);
        }
        let sched = &inv.data().fee_schedules[s as usize];
        let py = y + sched.population_offset;
        let v = match inv
            .organisation()
            .population
            .as_ref()
            .and_then(|p| p.of_year(py))
        {
            Some(pop) => Ok(schedule_amount(sched, pop)?),
            None => Err(py),
        };
        if let Some(i) = i {
            self.schedules[i] = Some(v);
        }
        Ok(v)
    }
}

/// What takes the rows of a ledger, one at a time (a report folds them into
/// its lines as they come, so no list of every network-year is kept).
pub(crate) type Sink<'s> = dyn FnMut(Row) -> Result<(), Overflow> + 's;

/// Computes the network-years of a scenario and gives each to `sink`.
/// Missing rates, populations and overflows are collected; the rows are
/// meaningful only when there are none.
pub(crate) fn ledger(
    inv: &Inventory,
    sc: &Scenario<'_>,
    problems: &mut Problems,
    sink: &mut Sink<'_>,
) {
    ledger_of(inv, sc, 0..inv.networks().len(), problems, sink);
}

/// [`ledger`] over the networks `range` only (in their order): a part of
/// a report computed on its own thread (`report::parallel::ledger`).
pub(crate) fn ledger_of(
    inv: &Inventory,
    sc: &Scenario<'_>,
    range: std::ops::Range<usize>,
    problems: &mut Problems,
    sink: &mut Sink<'_>,
) {
    let mut count = 0usize;
    let span = (sc.to - sc.from + 1).max(0) as usize;
    let mut acc: Vec<Option<Acc>> = vec![None; span];
    let mut prices = Prices::new(inv, sc.from, sc.to);
    let first = range.start;
    let networks = inv.networks().get(range).unwrap_or_default();
    for (ni, n) in networks.iter().enumerate().map(|(i, n)| (first + i, n)) {
        if let Some(f) = &sc.filter {
            if !f.admits(inv, ni, n) {
                continue;
            }
        }
        let leave_from = sc
            .leave
            .and_then(|(set, lf)| set.contains(&ni).then_some(lf));
        if let Err(Overflow) = network_rows(
            inv,
            ni,
            n,
            sc,
            leave_from,
            &mut acc,
            &mut |r| {
                count += 1;
                sink(r)
            },
            problems,
            &mut prices,
        ) {
            problems.overflow(network_path(ni));
        }
        if count > MAX_REPORT_ROWS {
            problems.findings.push(too_many_rows("count.network_years"));
            break;
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn network_rows(
    inv: &Inventory,
    ni: usize,
    n: &Network,
    sc: &Scenario<'_>,
    leave_from: Option<i32>,
    acc: &mut [Option<Acc>],
    sink: &mut Sink<'_>,
    problems: &mut Problems,
    prices: &mut Prices,
) -> Result<(), Overflow> {
    acc.iter_mut().for_each(|a| *a = None);
    let end = effective_end(n, leave_from);
    let cut = leave_from.map(|_| end.map_or(i32::MAX, |e| e.year()));
    let slot = |y: i32| (y - sc.from) as usize;

    let years = network_years(n, end, sc.from, sc.to);
    let nx = &inv.ix().networks[ni];
    if !years.is_empty() {
        // Staff time: hours are a yearly rate, so a year counts the months
        // the network runs in it (SPEC §4), as a prorated cost does.
        let time = nx.time?;
        for y in years {
            let mut a = Acc::default();
            a.time.add(time, prorate_months(n.start, end, y))?;
            acc[slot(y)] = Some(a);
        }
    }

    let cixs = &inv.ix().costs[nx.costs.clone()];
    for (ci, (c, cx)) in n.costs.iter().zip(cixs).enumerate() {
        for y in cost_years(n, c, end, cut, sc.from, sc.to) {
            let Some(amount) = charge(inv, ni, ci, c, cx, y, problems, prices)? else {
                continue;
            };
            let months = if c.per == Per::Year && c.prorate {
                prorate_months(n.start, end, y)
            } else {
                12
            };
            let a = acc[slot(y)].get_or_insert_with(Acc::default);
            let part = match c.kind {
                CostKind::Fee | CostKind::Membership => &mut a.fees,
                CostKind::Time => &mut a.time,
                CostKind::Travel => &mut a.travel,
                CostKind::Other => &mut a.other,
            };
            part.add(amount, months)?;
        }
    }

    for (i, a) in acc.iter().enumerate() {
        let Some(a) = a else { continue };
        let year = sc.from + i as i32;
        sink(row(ni, n, year, a)?)?;
    }
    Ok(())
}

/// Months charged of a prorated yearly cost in `y` (SPEC §3.1 `prorate`),
/// and the months of staff time in `y` (SPEC §4): 12 in a full year.
pub(crate) fn prorate_months(start: NaiveDate, end: Option<NaiveDate>, y: i32) -> i64 {
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
#[allow(clippy::too_many_arguments)]
fn charge(
    inv: &Inventory,
    ni: usize,
    ci: usize,
    c: &Cost,
    cx: &CostIx,
    y: i32,
    problems: &mut Problems,
    prices: &mut Prices,
) -> Result<Option<Decimal>, Overflow> {
    let (amount, key) = match (c.amount, cx.schedule) {
        (Some(amount), _) => (amount, "currency"),
        (None, Some(si)) => match prices.schedule(inv, si, y)? {
            Ok(amount) => (amount, "schedule"),
            Err(py) => {
                if problems.populations.insert(py) {
                    let s = &inv.data().fee_schedules[si as usize];
                    problems.findings.push(Finding::new(
                        Code::MissingPopulation,
                        cost_path(ni, ci).key("schedule"),
                        Message::new(&m::MISSING_POPULATION)
                            .with("id", &s.id)
                            .with("year", py)
                            .with("for_year", y),
                    ));
                }
                return Ok(None);
            }
        },
        (None, None) => return Ok(None),
    };
    match cx.currency {
        Some(cur) => match prices.rate(inv, cur, y) {
            Some(rate) => Ok(Some(mul(amount, rate)?)),
            None => {
                let code = &inv.ix().currencies[cur as usize];
                if problems.rates.insert((code.clone(), y)) {
                    problems.findings.push(Finding::new(
                        Code::MissingRate,
                        cost_path(ni, ci).key(key),
                        Message::new(&m::MISSING_RATE)
                            .with("currency", code)
                            .with("year", y),
                    ));
                }
                Ok(None)
            }
        },
        None => Ok(Some(amount)),
    }
}

fn cost_path(ni: usize, ci: usize) -> Path {
    network_path(ni).key("costs").index(ci)
}

/// The amount a fee schedule charges for population `pop` (SPEC §3.1).
pub fn schedule_amount(s: &FeeSchedule, pop: u64) -> Result<Decimal, Overflow> {
    match (&s.tiers, &s.per_capita) {
        (Some(tiers), _) => {
            // The loader checked that the bounds rise strictly and only the
            // last tier is open, so the first tier with pop ≤ max_population
            // is found by binary search (a schedule may have many tiers).
            let i = tiers.partition_point(|t| t.max_population.is_some_and(|m| m < pop));
            Ok(tiers
                .get(i)
                .or(tiers.last())
                .map_or(Decimal::ZERO, |t| t.amount))
        }
        (None, Some(pc)) => {
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
        (None, None) => Ok(Decimal::ZERO),
    }
}

/// Rounds a network-year and applies its financing (SPEC §4).
///
/// A year with parts of years in it (prorated costs, staff time in a first
/// or last year) is computed in twelfths: every sum and every financing
/// amount is kept as a numerator over 12 and divided once, where it is
/// rounded. So a figure that is exact is computed exactly — a granted
/// share of staff time is `share × (12·whole + twelfths) / 12`, not a share
/// of a quotient already rounded in its 28th digit — and the same staff
/// time written as participants' hours or as prorated costs (SPEC §13)
/// gives the same cents.
fn row(ni: usize, n: &Network, year: i32, a: &Acc) -> Result<Row, Overflow> {
    let parts = [a.fees, a.time, a.travel, a.other];
    let twelfths = parts.iter().any(|p| !p.twelfths.is_zero());
    let d: u32 = if twelfths { 12 } else { 1 };
    let dd = Decimal::from(d);
    // Each sum as a numerator over d.
    let num = |p: &Part| -> Result<Decimal, Overflow> {
        if twelfths {
            add(mul(p.whole, dd)?, p.twelfths)
        } else {
            Ok(p.whole)
        }
    };
    let [fees, time, travel, other] = [
        num(&a.fees)?,
        num(&a.time)?,
        num(&a.travel)?,
        num(&a.other)?,
    ];
    let mut sums = Sums {
        fees: cents_over(fees, d)?,
        time: cents_over(time, d)?,
        travel: cents_over(travel, d)?,
        other: cents_over(other, d)?,
        ..Sums::default()
    };
    let gross = sums.gross()?;
    // The unrounded total, for financing that covers all costs; made only
    // when some does (most networks have no financing). Skipping it loses
    // no overflow: a gross the decimal type cannot hold with its cents is
    // an overflow where the report turns cents back into decimals
    // (`Sums::money`).
    let mut total = None;
    let (mut granted, mut weighted, mut unweighted) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for f in &n.financing {
        if f.status == FinancingStatus::Denied
            || f.from.is_some_and(|fr| year < fr)
            || f.to.is_some_and(|t| year > t)
        {
            continue;
        }
        let base = match f.covers {
            Covers::Fees => fees,
            Covers::All => match total {
                Some(t) => t,
                None => *total.insert(add(add(add(fees, time)?, travel)?, other)?),
            },
        };
        let mut amount = mul(f.share, base)?;
        if let Some(cap) = f.max_per_year {
            amount = amount.min(if twelfths { mul(cap, dd)? } else { cap });
        }
        unweighted = add(unweighted, amount)?;
        match f.status {
            FinancingStatus::Granted => granted = add(granted, amount)?,
            _ => weighted = add(weighted, mul(f.probability.unwrap_or_default(), amount)?)?,
        }
    }
    // Rounding is monotone and gross is whole cents: round(min(x, g)) =
    // min(round(x), g).
    sums.granted = cents_over(granted, d)?.min(gross);
    sums.expected = cents_over(weighted, d)?.min(gross - sums.granted);
    let overfinanced = cents_over(unweighted, d)? > gross;
    Ok(Row {
        network: ni,
        year,
        money: sums,
        overfinanced,
    })
}

/// The years of a network, from its start year to its end year (ongoing:
/// to `last`, at least its start year), in which its non-denied financing
/// exceeds its gross (the `overfinanced` check), as runs of consecutive
/// years. Years whose figures cannot be computed are left out.
///
/// A year's figures change only at a few years ([`breakpoints`]): where the
/// network, a cost or a financing starts or ends, where a rate or a
/// population it uses changes. Every year of a stretch between two
/// breakpoints has the same figures, so one year per stretch is computed:
/// a network that runs from year 1 to 9999 costs little more than one that
/// runs a year.
pub(crate) fn overfinanced_years(
    inv: &Inventory,
    ni: usize,
    last: i32,
) -> Vec<RangeInclusive<i32>> {
    let n = &inv.networks()[ni];
    let from = n.start.year();
    let to = n.end.map_or(last.max(from), |e| e.year());
    let cuts = breakpoints(inv, ni, n, from, to);
    let mut out: Vec<RangeInclusive<i32>> = Vec::new();
    for (k, &y) in cuts.iter().enumerate() {
        let stretch_end = cuts.get(k + 1).map_or(to, |next| next - 1);
        if one_year(inv, ni, y).is_some_and(|r| r.overfinanced) {
            match out.last_mut() {
                Some(run) if *run.end() + 1 == y => *run = *run.start()..=stretch_end,
                _ => out.push(y..=stretch_end),
            }
        }
    }
    out
}

/// At most how many cost-years `overfinanced_years` evaluates for network
/// `ni` (each stretch between breakpoints, times its costs and financing),
/// without evaluating any: a bound computed from counts.
pub(crate) fn overfinanced_work(inv: &Inventory, ni: usize, last: i32) -> usize {
    let n = &inv.networks()[ni];
    let from = n.start.year();
    let to = n.end.map_or(last.max(from), |e| e.year());
    let span = usize::try_from(i64::from(to) - i64::from(from) + 1).unwrap_or(0);
    let (c, f) = (n.costs.len(), n.financing.len());
    // Breakpoints: the network's own, each cost's and financing's two, and
    // where a population or rate it uses changes.
    let mut cuts = 4 + 2 * c + 2 * f;
    if c > 0 {
        if let Some(Population::ByYear(years)) = &inv.organisation().population {
            // At most every year of the list, once per offset in use.
            let offsets = n
                .costs
                .iter()
                .filter(|c| c.schedule.is_some())
                .count()
                .min(101);
            cuts = cuts.saturating_add(years.len().saturating_mul(offsets));
        }
        cuts = cuts.saturating_add(inv.data().exchange_rates.len());
    }
    cuts.min(span).saturating_mul(c + f + 1)
}

/// The row of a network in one year: `None` when it has no figures then or
/// they cannot be computed (missing rate or population, overflow).
fn one_year(inv: &Inventory, ni: usize, y: i32) -> Option<Row> {
    let sc = Scenario {
        from: y,
        to: y,
        filter: None,
        leave: None,
    };
    let mut problems = Problems::default();
    let mut found = None;
    let n = &inv.networks()[ni];
    let mut prices = Prices {
        from: y,
        span: 0,
        rates: Vec::new(),
        schedules: Vec::new(),
    };
    let ok = network_rows(
        inv,
        ni,
        n,
        &sc,
        None,
        &mut [None],
        &mut |r| {
            found = Some(r);
            Ok(())
        },
        &mut problems,
        &mut prices,
    )
    .is_ok();
    found.filter(|_| ok && problems.findings.is_empty())
}

/// The years in `from..=to` at which a network's figures may differ from
/// the year before, ascending, starting with `from`.
fn breakpoints(inv: &Inventory, ni: usize, n: &Network, from: i32, to: i32) -> Vec<i32> {
    // from: the first year; start + 1 and end, end + 1: prorating.
    let mut cuts = vec![from, n.start.year() + 1];
    if let Some(e) = n.end {
        cuts.extend([e.year(), e.year() + 1]);
    }
    // Currency indices as i32, sorted by the same instantiation of the sort
    // as the years (one less in the widget's module, issue 27): an index
    // is below the number of currencies the file names, far below 2^31
    // (a file has at most `MAX_INPUT_BYTES` = 2^29 bytes).
    let mut currencies: Vec<i32> = Vec::new();
    let mut offsets: Vec<i32> = Vec::new();
    let cixs = &inv.ix().costs[inv.ix().networks[ni].costs.clone()];
    for (c, cx) in n.costs.iter().zip(cixs) {
        match c.per {
            Per::Year => {
                cuts.extend(c.from);
                cuts.extend(c.to.map(|t| t + 1));
            }
            Per::Once => {
                let y = c.date.unwrap_or(n.start).year();
                cuts.extend([y, y + 1]);
            }
        }
        currencies.extend(cx.currency.map(|c| c as i32));
        if let Some(si) = cx.schedule {
            offsets.push(inv.data().fee_schedules[si as usize].population_offset);
        }
    }
    // The population of y + offset changes where y + offset reaches a year
    // of the list: once per distinct offset, not once per cost.
    offsets.sort_unstable();
    offsets.dedup();
    if let Some(Population::ByYear(years)) = &inv.organisation().population {
        for off in offsets {
            cuts.extend(
                years
                    .range(from.saturating_add(off)..=to.saturating_add(off))
                    .map(|(k, _)| k - off),
            );
        }
    }
    for f in &n.financing {
        cuts.extend(f.from);
        cuts.extend(f.to.map(|t| t + 1));
    }
    currencies.sort_unstable();
    currencies.dedup();
    for cur in currencies {
        cuts.extend(
            inv.ix().rates[cur as u32 as usize]
                .range(from..=to)
                .map(|(y, _)| *y),
        );
    }
    cuts.retain(|y| (from..=to).contains(y));
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stretches of `overfinanced_years` give the same years as
    /// computing every year, on random inventories with every source of
    /// change: prorating, once costs, cost and financing ranges, caps,
    /// rates and populations by year with an offset, missing ones.
    #[test]
    fn breakpoints_give_the_same_years_as_every_year() {
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for case in 0..1000 {
            let mut nets = Vec::new();
            for i in 0..4 {
                let (sy, sm) = (2000 + next(20) as i32, 1 + next(12));
                let ey = sy + next(12) as i32;
                let em = if ey == sy {
                    sm + next(13 - sm)
                } else {
                    1 + next(12)
                };
                let end = if next(3) == 0 {
                    String::new()
                } else {
                    format!(r#", "end": "{ey}-{em:02}-28""#)
                };
                let mut costs = Vec::new();
                for _ in 0..next(4) {
                    let kind = ["fee", "membership", "travel", "other"][next(4) as usize];
                    let amount = match next(4) {
                        0 => r#""schedule": "s""#.to_string(),
                        1 => r#""schedule": "e""#.to_string(),
                        2 => format!(r#""amount": "{}", "currency": "EUR""#, next(5000)),
                        _ => format!(r#""amount": "{}.{}""#, next(50000), next(100)),
                    };
                    let charge = match next(4) {
                        0 => format!(
                            r#", "per": "once", "date": "{}-03-01""#,
                            sy + next(8) as i32
                        ),
                        1 => format!(
                            r#", "from": {}, "to": {}"#,
                            sy + next(3) as i32,
                            sy + 3 + next(6) as i32
                        ),
                        2 => r#", "prorate": true"#.to_string(),
                        _ => String::new(),
                    };
                    costs.push(format!(r#"{{"kind": "{kind}", {amount}{charge}}}"#));
                }
                let mut fin = Vec::new();
                for _ in 0..1 + next(3) {
                    let status = ["granted", "expected", "applied"][next(3) as usize];
                    let p = if status == "granted" {
                        ""
                    } else {
                        r#", "probability": "0.5""#
                    };
                    let cap = if next(3) == 0 {
                        format!(r#", "max_per_year": "{}""#, next(30000))
                    } else {
                        String::new()
                    };
                    let range = if next(2) == 0 {
                        let f = sy + next(4) as i32;
                        format!(r#", "from": {f}, "to": {}"#, f + next(4) as i32)
                    } else {
                        String::new()
                    };
                    let share = ["1", "0.5", "0.9"][next(3) as usize];
                    let covers = ["fees", "all"][next(2) as usize];
                    fin.push(format!(r#"{{"funder": "F", "status": "{status}", "share": "{share}", "covers": "{covers}"{p}{cap}{range}}}"#));
                }
                nets.push(format!(
                    r#"{{"id": "n{i}", "name": "N", "start": "{sy}-{sm:02}-01"{end}, "participants": [{{"person": "p", "hours_per_year": {}}}], "costs": [{}], "financing": [{}]}}"#,
                    next(40), costs.join(","), fin.join(",")
                ));
            }
            let text = format!(
                r#"{{"format": "natverk/1",
                   "organisation": {{"name": "X", "currency": "SEK", "population": {{"2003": 40000, "2009": 60000, "2015": 90000}}}},
                   "people": [{{"id": "p", "role": "official", "hourly_cost": "{}"}}],
                   "fee_schedules": [{{"id": "s", "population_offset": -2, "tiers": [{{"max_population": 50000, "amount": "1000"}}, {{"max_population": 80000, "amount": "30000"}}, {{"amount": "65000"}}]}},
                                     {{"id": "e", "currency": "EUR", "per_capita": {{"rate": "0.3", "max": "40000"}}}}],
                   "exchange_rates": [{{"currency": "EUR", "year": 2004, "rate": "9.5"}}, {{"currency": "EUR", "year": 2012, "rate": "11.25"}}],
                   "networks": [{}]}}"#,
                next(900),
                nets.join(",")
            );
            let inv = Inventory::from_json(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
            for ni in 0..inv.networks().len() {
                let last = 2010 + next(25) as i32;
                let n = &inv.networks()[ni];
                let to = n.end.map_or(last.max(n.start.year()), |e| e.year());
                let every: Vec<i32> = (n.start.year()..=to)
                    .filter(|&y| one_year(&inv, ni, y).is_some_and(|r| r.overfinanced))
                    .collect();
                let runs: Vec<i32> = overfinanced_years(&inv, ni, last)
                    .into_iter()
                    .flatten()
                    .collect();
                assert_eq!(runs, every, "case {case}, network {ni}\n{text}");
            }
        }
    }

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
        let mut n = Network::new("x", "x", d(2020, 1, 1));
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
        let m = Sums {
            fees: 10_000,
            granted: 3_000,
            expected: 2_000,
            ..Sums::default()
        };
        let f = m.money().unwrap().fields();
        assert_eq!(f[4].1, Decimal::from(100));
        assert_eq!(f[7].1, Decimal::from(70));
        assert_eq!(f[8].1, Decimal::from(50));
        assert_eq!(crate::money::fmt2(f[8].1), "50.00");
    }
}
