//! Inventories built in code: `Inventory::new` judges them exactly as the
//! loader judges the same inventory written as JSON (same codes, paths and
//! messages), with errors of every kind injected; the Göteborg example
//! built in code is the file; and no sequence of calls panics.

use std::collections::BTreeMap;

use natverk::{
    Cost, CostKind, Decimal, EqualityOptions, FinancingStatus, GroupKey, Inventory, InventoryData,
    Leave, NaiveDate, Participant, Per, Population, Rate, ReportOptions, Role, Side, Tier,
};
use proptest::prelude::*;

use crate::properties::inventory;

#[path = "../examples/build_in_code.rs"]
mod build_in_code;

/// One way to break an inventory; `at` picks which item.
#[derive(Debug, Clone)]
enum Fault {
    DuplicateUnit,
    DuplicatePerson,
    DuplicateNetwork(usize),
    DuplicateSchedule,
    DanglingUnit(usize),
    DanglingPerson(usize),
    DanglingSchedule(usize),
    DuplicateParticipant(usize),
    EndBeforeStart(usize),
    CostToBeforeFrom(usize),
    FinancingToBeforeFrom(usize),
    EmptyName(usize),
    BlankId,
    EmptyFunder(usize),
    NegativeAmount(usize),
    NegativeHours(usize),
    NegativeHourlyCost,
    ShareZero(usize),
    ShareAboveOne(usize),
    ProbabilityAboveOne(usize),
    ProbabilityMissing(usize),
    ProbabilityOnGranted(usize),
    LowerCaseCurrency,
    RateForOwnCurrency,
    CurrencyWithoutRate(usize),
    NoPopulation,
    EmptyPopulation,
    PopulationYearOutOfRange,
    TiersNotRising,
    TiersEmpty,
    LastTierClosed,
    TiersAndPerCapita,
    NeitherTiersNorPerCapita,
    MinAboveMax,
    AmountAndSchedule(usize),
    NeitherAmountNorSchedule(usize),
    CurrencyWithSchedule(usize),
    DateOnYearly(usize),
    YearsOnOnce(usize),
    PoliticianWithoutSide,
    OfficialWithSide,
    YearOutOfRange(usize),
    RateYearOutOfRange,
    NoticeTooLong(usize),
    BenefitOutOfRange(usize),
    OffsetPositive,
    DuplicateSubject(usize),
    EmptySubject(usize),
    DateOutOfRange(usize),
    DuplicateRate,
    NonPositiveRate,
    PopulationTooLarge,
}

fn fault() -> impl Strategy<Value = Fault> {
    use Fault::*;
    let i = || 0usize..8;
    prop_oneof![
        Just(DuplicateUnit),
        Just(DuplicatePerson),
        i().prop_map(DuplicateNetwork),
        Just(DuplicateSchedule),
        i().prop_map(DanglingUnit),
        i().prop_map(DanglingPerson),
        i().prop_map(DanglingSchedule),
        i().prop_map(DuplicateParticipant),
        i().prop_map(EndBeforeStart),
        i().prop_map(CostToBeforeFrom),
        i().prop_map(FinancingToBeforeFrom),
        i().prop_map(EmptyName),
        Just(BlankId),
        i().prop_map(EmptyFunder),
        i().prop_map(NegativeAmount),
        i().prop_map(NegativeHours),
        Just(NegativeHourlyCost),
        i().prop_map(ShareZero),
        i().prop_map(ShareAboveOne),
        i().prop_map(ProbabilityAboveOne),
        i().prop_map(ProbabilityMissing),
        i().prop_map(ProbabilityOnGranted),
        Just(LowerCaseCurrency),
        Just(RateForOwnCurrency),
        i().prop_map(CurrencyWithoutRate),
        Just(NoPopulation),
        Just(EmptyPopulation),
        Just(PopulationYearOutOfRange),
        Just(TiersNotRising),
        Just(TiersEmpty),
        Just(LastTierClosed),
        Just(TiersAndPerCapita),
        Just(NeitherTiersNorPerCapita),
        Just(MinAboveMax),
        i().prop_map(AmountAndSchedule),
        i().prop_map(NeitherAmountNorSchedule),
        i().prop_map(CurrencyWithSchedule),
        i().prop_map(DateOnYearly),
        i().prop_map(YearsOnOnce),
        Just(PoliticianWithoutSide),
        Just(OfficialWithSide),
        i().prop_map(YearOutOfRange),
        Just(RateYearOutOfRange),
        i().prop_map(NoticeTooLong),
        i().prop_map(BenefitOutOfRange),
        Just(OffsetPositive),
        i().prop_map(DuplicateSubject),
        i().prop_map(EmptySubject),
        i().prop_map(DateOutOfRange),
        Just(DuplicateRate),
        Just(NonPositiveRate),
        Just(PopulationTooLarge),
    ]
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Applies a fault to the data (a no-op where the data has nothing to
/// break, e.g. no networks).
fn inject(data: &mut InventoryData, fault: &Fault) {
    use Fault::*;
    let n = data.networks.len();
    let net = |i: usize| if n == 0 { None } else { Some(i % n) };
    match fault {
        DuplicateUnit => {
            let u = data.units[0].clone();
            data.units.push(u);
        }
        DuplicatePerson => {
            let p = data.people[1].clone();
            data.people.insert(0, p);
        }
        DuplicateNetwork(i) => {
            if let Some(i) = net(*i) {
                let x = data.networks[i].clone();
                data.networks.push(x);
            }
        }
        DuplicateSchedule => {
            let s = data.fee_schedules[0].clone();
            data.fee_schedules.push(s);
        }
        DanglingUnit(i) => {
            if let Some(i) = net(*i) {
                data.networks[i].unit = Some("ghost".into());
            }
        }
        DanglingPerson(i) => {
            if let Some(i) = net(*i) {
                data.networks[i]
                    .participants
                    .push(Participant::new("ghost"));
            }
        }
        DanglingSchedule(i) => {
            if let Some(i) = net(*i) {
                data.networks[i]
                    .costs
                    .push(Cost::scheduled(CostKind::Fee, "ghost"));
            }
        }
        DuplicateParticipant(i) => {
            if let Some(i) = net(*i) {
                data.networks[i].participants.push(Participant::new("p0"));
                data.networks[i].participants.push(Participant::new("p0"));
            }
        }
        EndBeforeStart(i) => {
            if let Some(i) = net(*i) {
                let s = data.networks[i].start;
                data.networks[i].end = s.pred_opt();
            }
        }
        CostToBeforeFrom(i) => {
            if let Some(i) = net(*i) {
                let mut c = Cost::yearly(CostKind::Travel, d("10"));
                c.from = Some(2024);
                c.to = Some(2020);
                data.networks[i].costs.push(c);
            }
        }
        FinancingToBeforeFrom(i) => {
            if let Some(i) = net(*i) {
                let mut f = natverk::Financing::new("F", FinancingStatus::Granted);
                f.from = Some(2024);
                f.to = Some(2023);
                data.networks[i].financing.push(f);
            }
        }
        EmptyName(i) => {
            if let Some(i) = net(*i) {
                data.networks[i].name = "  ".into();
            }
        }
        BlankId => data.units[1].id = String::new(),
        EmptyFunder(i) => {
            if let Some(i) = net(*i) {
                data.networks[i]
                    .financing
                    .push(natverk::Financing::new("", FinancingStatus::Denied));
            }
        }
        NegativeAmount(i) => {
            if let Some(i) = net(*i) {
                data.networks[i]
                    .costs
                    .push(Cost::yearly(CostKind::Other, d("-0.01")));
            }
        }
        NegativeHours(i) => {
            if let Some(i) = net(*i) {
                let mut p = Participant::new("p3");
                p.hours_per_year = Some(d("-1"));
                data.networks[i].participants.retain(|p| p.person != "p3");
                data.networks[i].participants.push(p);
            }
        }
        NegativeHourlyCost => data.people[0].hourly_cost = Some(d("-600")),
        ShareZero(i) | ShareAboveOne(i) => {
            if let Some(i) = net(*i) {
                let mut f = natverk::Financing::new("F", FinancingStatus::Granted);
                f.share = if matches!(fault, ShareZero(_)) {
                    d("0")
                } else {
                    d("1.5")
                };
                data.networks[i].financing.push(f);
            }
        }
        ProbabilityAboveOne(i) | ProbabilityMissing(i) | ProbabilityOnGranted(i) => {
            if let Some(i) = net(*i) {
                let (status, p) = match fault {
                    ProbabilityAboveOne(_) => (FinancingStatus::Expected, Some(d("2"))),
                    ProbabilityMissing(_) => (FinancingStatus::Applied, None),
                    _ => (FinancingStatus::Granted, Some(d("0.5"))),
                };
                let mut f = natverk::Financing::new("F", status);
                f.probability = p;
                data.networks[i].financing.push(f);
            }
        }
        LowerCaseCurrency => data.organisation.currency = "sek".into(),
        RateForOwnCurrency => data.exchange_rates.push(Rate::new("SEK", 2020, d("1"))),
        CurrencyWithoutRate(i) => {
            if let Some(i) = net(*i) {
                let mut c = Cost::yearly(CostKind::Fee, d("100"));
                c.currency = Some("NOK".into());
                data.networks[i].costs.push(c);
            }
        }
        NoPopulation => data.organisation.population = None,
        EmptyPopulation => data.organisation.population = Some(Population::ByYear(BTreeMap::new())),
        PopulationYearOutOfRange => {
            data.organisation.population =
                Some(Population::ByYear(BTreeMap::from([(0, 5), (2020, 7)])))
        }
        PopulationTooLarge => data.organisation.population = Some(Population::Constant(u64::MAX)),
        TiersNotRising => {
            data.fee_schedules[0].tiers = Some(vec![
                Tier::up_to(50, d("1")),
                Tier::up_to(50, d("2")),
                Tier::open(d("3")),
            ])
        }
        TiersEmpty => data.fee_schedules[0].tiers = Some(Vec::new()),
        LastTierClosed => data.fee_schedules[0].tiers = Some(vec![Tier::up_to(5, d("1"))]),
        TiersAndPerCapita => {
            data.fee_schedules[0].per_capita = Some(natverk::PerCapita::new(d("1")))
        }
        NeitherTiersNorPerCapita => data.fee_schedules[0].tiers = None,
        MinAboveMax => {
            if let Some(pc) = data.fee_schedules[1].per_capita.as_mut() {
                pc.min = Some(d("5000"));
            }
        }
        AmountAndSchedule(i)
        | NeitherAmountNorSchedule(i)
        | CurrencyWithSchedule(i)
        | DateOnYearly(i)
        | YearsOnOnce(i) => {
            if let Some(i) = net(*i) {
                let mut c = Cost::scheduled(CostKind::Fee, "t");
                match fault {
                    AmountAndSchedule(_) => c.amount = Some(d("1")),
                    NeitherAmountNorSchedule(_) => c.schedule = None,
                    CurrencyWithSchedule(_) => c.currency = Some("EUR".into()),
                    DateOnYearly(_) => c.date = NaiveDate::from_ymd_opt(2024, 1, 1),
                    _ => {
                        c.per = Per::Once;
                        c.from = Some(2024);
                        c.to = Some(2025);
                        c.prorate = true;
                    }
                }
                data.networks[i].costs.push(c);
            }
        }
        PoliticianWithoutSide => data.people[1].side = None,
        OfficialWithSide => data.people[0].side = Some(Side::Majority),
        YearOutOfRange(i) => {
            if let Some(i) = net(*i) {
                let mut c = Cost::yearly(CostKind::Fee, d("1"));
                c.from = Some(0);
                c.to = Some(10_000);
                data.networks[i].costs.push(c);
            }
        }
        RateYearOutOfRange => data.exchange_rates.push(Rate::new("EUR", -4, d("2"))),
        NoticeTooLong(i) => {
            if let Some(i) = net(*i) {
                data.networks[i].notice_months = 1201;
            }
        }
        BenefitOutOfRange(i) => {
            if let Some(i) = net(*i) {
                let mut a = natverk::Assessment::new();
                a.benefit = Some(9);
                data.networks[i].assessment = Some(a);
            }
        }
        OffsetPositive => data.fee_schedules[0].population_offset = 3,
        DuplicateSubject(i) | EmptySubject(i) => {
            if let Some(i) = net(*i) {
                let s = if matches!(fault, EmptySubject(_)) {
                    ""
                } else {
                    "x"
                };
                data.networks[i].subjects.push("x".into());
                data.networks[i].subjects.push(s.into());
            }
        }
        DateOutOfRange(i) => {
            if let Some(i) = net(*i) {
                data.networks[i].deadline = NaiveDate::from_ymd_opt(12_000, 1, 1);
            }
        }
        DuplicateRate => {
            let r = &data.exchange_rates[0];
            let again = Rate::new(r.currency.clone(), r.year, d("9"));
            data.exchange_rates.push(again);
        }
        NonPositiveRate => data.exchange_rates[0].rate = d("0"),
    }
}

/// (code, path, English message, Swedish message) of every finding.
fn judged(r: Result<Inventory, natverk::Error>) -> Vec<(String, String, String, String)> {
    match r {
        Ok(_) => Vec::new(),
        Err(e) => e
            .findings()
            .iter()
            .map(|f| {
                (
                    f.code.to_string(),
                    f.path.to_string(),
                    f.message_in(natverk::Lang::En),
                    f.message_in(natverk::Lang::Sv),
                )
            })
            .collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Data built in code and the same data written as JSON get the same
    /// findings: the same codes, paths and messages, in the same order.
    #[test]
    fn new_judges_as_the_loader(v in inventory(), faults in prop::collection::vec(fault(), 0..4)) {
        let mut data = Inventory::from_json(&v.to_string()).unwrap().into_data();
        for f in &faults {
            inject(&mut data, f);
        }
        let built = judged(Inventory::new(data.clone()));
        let loaded = judged(Inventory::from_json(&data.to_json()));
        prop_assert_eq!(&built, &loaded, "{:?}", faults);
        if faults.is_empty() {
            prop_assert!(built.is_empty());
        }
    }

    /// Whatever the data and the options, no call panics: a report, the
    /// statistics and the checks either give a result or an error.
    #[test]
    fn no_sequence_of_calls_panics(
        v in inventory(),
        faults in prop::collection::vec(fault(), 0..3),
        from in -5i32..10_010,
        span in -3i32..40,
        by in prop::collection::vec(prop::sample::select(GroupKey::ALL.to_vec()), 0..4),
        leave in any::<bool>(),
        leave_from in prop::option::of(-3i32..10_010),
    ) {
        let mut data = Inventory::from_json(&v.to_string()).unwrap().into_data();
        for f in &faults {
            inject(&mut data, f);
        }
        let _ = data.to_json();
        if let Ok(inv) = Inventory::new(data) {
            let mut o = ReportOptions::new(from, from.saturating_add(span));
            o.by = by;
            if leave {
                o.leave = Some(Leave::Recommended);
            }
            o.leave_from = leave_from;
            if let Ok(r) = inv.report(&o) {
                let _ = r.to_json();
            }
            let _ = inv.equality(&EqualityOptions::new(from, from.saturating_add(span)));
            let today = NaiveDate::from_ymd_opt(from.clamp(1, 9999), 6, 1).unwrap();
            let _ = inv.warnings(today);
            let back = Inventory::from_json(&inv.to_json()).unwrap();
            prop_assert_eq!(back, inv);
        }
    }
}

#[test]
fn every_fault_is_found() {
    // Each fault on the example gives at least one error, by both routes.
    let base = build_in_code::goteborg();
    let faults = [
        Fault::DuplicateUnit,
        Fault::NegativeHourlyCost,
        Fault::LowerCaseCurrency,
        Fault::TiersEmpty,
        Fault::PoliticianWithoutSide,
        Fault::DuplicateRate,
        Fault::DateOutOfRange(0),
        Fault::NoticeTooLong(2),
        Fault::YearsOnOnce(1),
    ];
    for f in faults {
        let mut data = base.clone();
        inject(&mut data, &f);
        let built = judged(Inventory::new(data.clone()));
        assert!(!built.is_empty(), "{f:?} found nothing");
        assert_eq!(
            built,
            judged(Inventory::from_json(&data.to_json())),
            "{f:?}"
        );
    }
}

#[test]
fn the_example_built_in_code_is_the_file() {
    let built = Inventory::new(build_in_code::goteborg()).unwrap();
    let file = std::fs::read(crate::root().join("examples/goteborg.json")).unwrap();
    let loaded = Inventory::from_slice(&file).unwrap();
    assert_eq!(built.to_json(), loaded.to_json());
    for by in [
        vec![GroupKey::Network],
        vec![GroupKey::Subject, GroupKey::Year],
        vec![
            GroupKey::Organiser,
            GroupKey::Unit,
            GroupKey::Kind,
            GroupKey::Status,
        ],
    ] {
        let mut o = ReportOptions::new(2023, 2030);
        o.by = by;
        assert_eq!(built.report(&o).unwrap(), loaded.report(&o).unwrap());
        o.leave = Some(Leave::Recommended);
        o.leave_from = Some(2025);
        assert_eq!(
            built.report(&o).unwrap().to_json(),
            loaded.report(&o).unwrap().to_json()
        );
    }
    let eq = EqualityOptions::new(2024, 2025);
    assert_eq!(built.equality(&eq).unwrap(), loaded.equality(&eq).unwrap());
    let today = NaiveDate::from_ymd_opt(2023, 11, 20).unwrap();
    assert_eq!(built.warnings(today), loaded.warnings(today));
}

#[test]
fn a_role_change_is_judged_again() {
    // An official made a politician needs a side: the data says so at once.
    let mut data = build_in_code::goteborg();
    data.people[3].role = Role::Politician;
    let err = Inventory::new(data).unwrap_err();
    assert_eq!(err.findings()[0].path, "people[3].side");
    assert!(matches!(err, natverk::Error::Invalid(_)));
}
