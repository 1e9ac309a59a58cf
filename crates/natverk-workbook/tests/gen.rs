//! Generated valid inventories that use every field and its edges: long
//! decimals, empty optionals, Unicode and right-to-left text, text that
//! looks like a formula or a number, the first and last years, dates
//! before Excel's calendar, a population given as one number.

use std::collections::BTreeMap;

use natverk::{
    Assessment, Cost, CostKind, Covers, Decimal, Decision, FeeSchedule, Financing, FinancingStatus,
    Gender, InventoryData, NaiveDate, Network, NetworkKind, Organisation, Participant, Per,
    PerCapita, Person, Population, Rate, Recommendation, Role, Side, Status, Tier, Unit,
};
use proptest::prelude::*;

/// Texts a spreadsheet could misread, in every script.
pub const TRICKY: &[&str] = &[
    "=1+1",
    "+46 31 365 00 00",
    "-5",
    "@home",
    "0012",
    "1e5",
    "TRUE",
    "falskt",
    "65000",
    "65 000,50",
    "2024-03-01",
    "#REF!",
    " leading space",
    "trailing space ",
    "a; b",
    "\"quoted\"",
    "'apostrophe",
    "مرحبا بالعالم",
    "שלום עולם",
    "Ünïcödé ✓ 😀 ǅ",
    "_x0041_",
    "tab\there",
    "line\nbreak",
    "cr\r\nlf",
    "Göteborgs Stad",
    "x",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(TRICKY).prop_map(str::to_string),
        "[a-zA-Z0-9åäöÅÄÖ ]{1,12}".prop_map(|s| if s.trim().is_empty() { "x".into() } else { s }),
        "\\PC{1,20}".prop_map(|s| if s.trim().is_empty() { "y".into() } else { s }),
    ]
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

/// Decimals: long, with scale, small, large.
pub const DECIMALS: &[&str] = &[
    "0",
    "0.8",
    "650.50",
    "65000",
    "65000.5",
    "12345678901234567890",
    "12345678901234567890.12",
    "1234567890123456.78",
    "0.0000000000000000000000000001",
    "99999999999999999999.99",
    "123456789012345",
    "1.000",
    "4000.30",
];

fn decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        prop::sample::select(DECIMALS).prop_map(|s| s.parse().unwrap()),
        (0u64..10_000_000_000, 0u32..8).prop_map(|(m, s)| Decimal::new(m as i64, s)),
    ]
}

fn opt_decimal() -> impl Strategy<Value = Option<Decimal>> {
    prop::option::of(decimal())
}

fn unit_interval() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::ZERO),
        Just(Decimal::ONE),
        Just("0.8".parse().unwrap()),
        Just("0.123456789012345678901234567".parse().unwrap()),
        (0u32..=100).prop_map(|p| Decimal::new(i64::from(p), 2)),
    ]
}

fn share() -> impl Strategy<Value = Decimal> {
    unit_interval().prop_map(|d| if d.is_zero() { Decimal::ONE } else { d })
}

/// Years, the first and last allowed among them.
pub const YEARS: &[i32] = &[1, 2, 1899, 1900, 1901, 2023, 2024, 2025, 9998, 9999];

fn year() -> impl Strategy<Value = i32> {
    prop::sample::select(YEARS)
}

fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        prop::sample::select(
            &[
                (1, 1, 1),
                (1899, 12, 31),
                (1900, 1, 1),
                (1900, 2, 28),
                (1900, 3, 1),
                (2024, 2, 29),
                (2024, 3, 1),
                (9999, 12, 31),
            ][..]
        )
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
        (1950i32..2100, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
    ]
}

fn ordered<T: Ord>(a: Option<T>, b: Option<T>) -> (Option<T>, Option<T>) {
    match (a, b) {
        (Some(a), Some(b)) if b < a => (Some(b), Some(a)),
        x => x,
    }
}

#[derive(Debug, Clone)]
struct CostSeed {
    kind: CostKind,
    shape: u8,
    amount: Decimal,
    foreign: bool,
    from: Option<i32>,
    to: Option<i32>,
    date: Option<NaiveDate>,
    prorate: bool,
    note: Option<String>,
    schedule: usize,
}

fn cost_seed() -> impl Strategy<Value = CostSeed> {
    (
        prop::sample::select(CostKind::ALL),
        0u8..3,
        decimal(),
        any::<bool>(),
        prop::option::of(year()),
        prop::option::of(year()),
        prop::option::of(date()),
        any::<bool>(),
        opt_text(),
        0usize..4,
    )
        .prop_map(
            |(kind, shape, amount, foreign, from, to, date, prorate, note, schedule)| CostSeed {
                kind,
                shape,
                amount,
                foreign,
                from,
                to,
                date,
                prorate,
                note,
                schedule,
            },
        )
}

#[derive(Debug, Clone)]
struct FinancingSeed {
    funder: String,
    status: FinancingStatus,
    covers: Covers,
    share: Decimal,
    max: Option<Decimal>,
    probability: Decimal,
    from: Option<i32>,
    to: Option<i32>,
}

fn financing_seed() -> impl Strategy<Value = FinancingSeed> {
    (
        text(),
        prop::sample::select(FinancingStatus::ALL),
        prop::sample::select(Covers::ALL),
        share(),
        opt_decimal(),
        unit_interval(),
        prop::option::of(year()),
        prop::option::of(year()),
    )
        .prop_map(
            |(funder, status, covers, share, max, probability, from, to)| FinancingSeed {
                funder,
                status,
                covers,
                share,
                max,
                probability,
                from,
                to,
            },
        )
}

#[derive(Debug, Clone)]
struct NetworkSeed {
    id: String,
    name: String,
    texts: [Option<String>; 8],
    kind: NetworkKind,
    status: Status,
    subjects: Vec<String>,
    unit: Option<usize>,
    start: NaiveDate,
    end: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    decision_date: Option<NaiveDate>,
    notice: u32,
    benefit: Option<u8>,
    recommendation: Option<Recommendation>,
    participants: Vec<(usize, Option<Decimal>, Option<String>)>,
    costs: Vec<CostSeed>,
    financing: Vec<FinancingSeed>,
}

fn network_seed() -> impl Strategy<Value = NetworkSeed> {
    (
        (text(), text(), prop::array::uniform8(opt_text())),
        (
            prop::sample::select(NetworkKind::ALL),
            prop::sample::select(Status::ALL),
            prop::collection::vec(text(), 0..4),
            prop::option::of(0usize..3),
        ),
        (
            date(),
            prop::option::of(date()),
            prop::option::of(date()),
            prop::option::of(date()),
            prop::sample::select(&[0u32, 1, 3, 12, 1200][..]),
            prop::option::of(1u8..=5),
            prop::option::of(prop::sample::select(Recommendation::ALL)),
        ),
        (
            prop::collection::vec((0usize..5, opt_decimal(), opt_text()), 0..4),
            prop::collection::vec(cost_seed(), 0..4),
            prop::collection::vec(financing_seed(), 0..3),
        ),
    )
        .prop_map(
            |(
                (id, name, texts),
                (kind, status, subjects, unit),
                (start, end, deadline, decision_date, notice, benefit, recommendation),
                (participants, costs, financing),
            )| {
                let (start, end) = match ordered(Some(start), end) {
                    (Some(s), e) => (s, e),
                    (None, _) => unreachable!(),
                };
                NetworkSeed {
                    id,
                    name,
                    texts,
                    kind,
                    status,
                    subjects,
                    unit,
                    start,
                    end,
                    deadline,
                    decision_date,
                    notice,
                    benefit,
                    recommendation,
                    participants,
                    costs,
                    financing,
                }
            },
        )
}

/// id, name, gender, politician, majority, party, hourly cost.
type PersonSeed = (
    String,
    Option<String>,
    Option<Gender>,
    bool,
    bool,
    Option<String>,
    Option<Decimal>,
);
/// id, tiered, offset, amounts, (base, min, max, currency), in EUR.
type ScheduleSeed = (String, bool, i32, Vec<Decimal>, [Option<Decimal>; 4], bool);

#[derive(Debug, Clone)]
pub struct Seed {
    org_name: String,
    code: Option<String>,
    population: u8,
    population_value: u64,
    units: Vec<(String, String, bool)>,
    people: Vec<PersonSeed>,
    schedules: Vec<ScheduleSeed>,
    rates: Vec<(i32, Decimal)>,
    networks: Vec<NetworkSeed>,
}

pub fn seed() -> impl Strategy<Value = Seed> {
    (
        (
            text(),
            opt_text(),
            0u8..3,
            prop::sample::select(&[0u64, 604_616, 10_000_000_000_000][..]),
        ),
        prop::collection::vec((text(), text(), any::<bool>()), 0..3),
        prop::collection::vec(
            (
                text(),
                opt_text(),
                prop::option::of(prop::sample::select(Gender::ALL)),
                any::<bool>(),
                any::<bool>(),
                opt_text(),
                opt_decimal(),
            ),
            0..5,
        ),
        prop::collection::vec(
            (
                text(),
                any::<bool>(),
                prop::sample::select(&[0i32, -1, -2, -100][..]),
                prop::collection::vec(decimal(), 1..4),
                prop::array::uniform4(opt_decimal()),
                any::<bool>(),
            ),
            0..3,
        ),
        prop::collection::vec((year(), decimal()), 0..3),
        prop::collection::vec(network_seed(), 0..5),
    )
        .prop_map(
            |(
                (org_name, code, population, population_value),
                units,
                people,
                schedules,
                rates,
                networks,
            )| {
                Seed {
                    org_name,
                    code,
                    population,
                    population_value,
                    units,
                    people,
                    schedules,
                    rates,
                    networks,
                }
            },
        )
}

/// A unique id from a text: the text with its position.
fn id(prefix: &str, i: usize, t: &str) -> String {
    format!("{prefix}{i}{}", t.trim_end())
}

/// A name as a workbook keeps it: SPEC §10 reads the spaces at either end
/// of an id, a word or a name as no part of it, so an inventory with such
/// spaces does not come back from a workbook with them.
fn name(s: &str) -> String {
    let t = s.trim();
    if t.is_empty() {
        "x".into()
    } else {
        t.to_string()
    }
}

/// A valid inventory from a seed (references point at existing items,
/// periods are ordered, schedules well formed, probabilities where due).
pub fn build(s: &Seed) -> InventoryData {
    let mut org = Organisation::new(name(&s.org_name), "SEK");
    org.code = s.code.clone();
    let mut data = InventoryData::new(org);
    let uses_schedules = !s.schedules.is_empty();
    data.organisation.population = match (s.population, uses_schedules) {
        (0, false) => None,
        (1, _) | (0, true) => Some(Population::Constant(s.population_value)),
        _ => Some(Population::ByYear(BTreeMap::from([
            (1, 1),
            (2022, s.population_value),
            (9999, 42),
        ]))),
    };
    for (i, (t, name, central)) in s.units.iter().enumerate() {
        let mut u = Unit::new(id("u", i, t), self::name(name));
        u.central = *central;
        data.units.push(u);
    }
    for (i, (t, name, gender, politician, majority, party, cost)) in s.people.iter().enumerate() {
        let role = if *politician {
            Role::Politician
        } else {
            Role::Official
        };
        let mut p = Person::new(id("p", i, t), role);
        p.name = name.as_deref().map(self::name);
        p.gender = *gender;
        if *politician {
            p.side = Some(if *majority {
                Side::Majority
            } else {
                Side::Opposition
            });
        }
        p.party = party.as_deref().map(self::name);
        p.hourly_cost = *cost;
        data.people.push(p);
    }
    for (i, (t, tiered, offset, amounts, pc, eur)) in s.schedules.iter().enumerate() {
        let sid = id("s", i, t);
        let mut f = if *tiered {
            let n = amounts.len();
            let tiers = amounts
                .iter()
                .enumerate()
                .map(|(k, a)| {
                    if k + 1 == n {
                        Tier::open(*a)
                    } else {
                        Tier::up_to([10_000, 10_000_000_000_000][k], *a)
                    }
                })
                .collect();
            FeeSchedule::tiered(sid, tiers)
        } else {
            let mut f = FeeSchedule::per_capita(sid, amounts[0]);
            let mut p = PerCapita::new(amounts[0]);
            p.base = pc[0];
            let (min, max) = ordered(pc[1], pc[2]);
            p.min = min;
            p.max = max;
            f.per_capita = Some(p);
            f
        };
        f.population_offset = *offset;
        if *eur && !s.rates.is_empty() {
            f.currency = Some("EUR".into());
        } else if pc[3].is_some() {
            f.currency = Some("SEK".into());
        }
        data.fee_schedules.push(f);
    }
    let mut years = std::collections::HashSet::new();
    for (y, r) in &s.rates {
        if years.insert(*y) {
            let rate = if r.is_zero() { Decimal::ONE } else { *r };
            data.exchange_rates.push(Rate::new("EUR", *y, rate));
        }
    }
    let mut ids = std::collections::HashSet::new();
    for (i, n) in s.networks.iter().enumerate() {
        let nid = id("n", i, &n.id);
        ids.insert(nid.clone());
        let mut net = Network::new(nid, name(&n.name), n.start);
        let [organiser, via, body, reference, url, purpose, notes, note] = n.texts.clone();
        net.organiser = organiser;
        net.kind = n.kind;
        net.status = n.status;
        let mut seen = std::collections::HashSet::new();
        net.subjects = n
            .subjects
            .iter()
            .filter(|x| seen.insert((*x).clone()))
            .cloned()
            .collect();
        net.unit = n.unit.and_then(|u| data.units.get(u)).map(|u| u.id.clone());
        net.end = n.end;
        net.deadline = n.deadline;
        net.notice_months = n.notice;
        net.via = via;
        if body.is_some() || reference.is_some() || n.decision_date.is_some() {
            let mut d = Decision::new();
            d.body = body;
            d.date = n.decision_date;
            d.reference = reference;
            net.decision = Some(d);
        }
        net.url = url;
        net.purpose = purpose;
        net.notes = notes;
        if n.benefit.is_some() || n.recommendation.is_some() || note.is_some() {
            let mut a = Assessment::new();
            a.benefit = n.benefit;
            a.recommendation = n.recommendation;
            a.note = note;
            net.assessment = Some(a);
        }
        let mut persons = std::collections::HashSet::new();
        for (p, hours, role) in &n.participants {
            let Some(person) = data.people.get(*p) else {
                continue;
            };
            if !persons.insert(*p) {
                continue;
            }
            let mut x = Participant::new(person.id.clone());
            x.hours_per_year = *hours;
            x.role = role.clone();
            net.participants.push(x);
        }
        for c in &n.costs {
            let mut cost = match c.shape {
                0 if !data.fee_schedules.is_empty() => {
                    let sch = &data.fee_schedules[c.schedule % data.fee_schedules.len()];
                    Cost::scheduled(c.kind, sch.id.clone())
                }
                1 => Cost::once(c.kind, c.amount, c.date.unwrap_or(n.start)),
                _ => Cost::yearly(c.kind, c.amount),
            };
            if cost.per == Per::Once {
                if c.date.is_none() {
                    cost.date = None; // defaults to the start
                }
            } else {
                let (from, to) = ordered(c.from, c.to);
                cost.from = from;
                cost.to = to;
                cost.prorate = c.prorate;
            }
            if cost.amount.is_some() && c.foreign && !data.exchange_rates.is_empty() {
                cost.currency = Some("EUR".into());
            }
            cost.note = c.note.clone();
            net.costs.push(cost);
        }
        for f in &n.financing {
            let mut x = Financing::new(name(&f.funder), f.status);
            x.covers = f.covers;
            x.share = f.share;
            x.max_per_year = f.max;
            if matches!(
                f.status,
                FinancingStatus::Expected | FinancingStatus::Applied
            ) {
                x.probability = Some(f.probability);
            }
            let (from, to) = ordered(f.from, f.to);
            x.from = from;
            x.to = to;
            net.financing.push(x);
        }
        data.networks.push(net);
    }
    data
}
