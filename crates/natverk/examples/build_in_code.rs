//! Builds the Göteborg example (`examples/goteborg.json`) in code, reports
//! on it, and checks that it is the same inventory as the file.
//!
//! ```sh
//! cargo run -p natverk --example build_in_code
//! ```

use std::collections::BTreeMap;
use std::str::FromStr;

use natverk::{
    Assessment, Cost, CostKind, Covers, Decimal, Decision, FeeSchedule, Financing, FinancingStatus,
    Gender, GroupKey, Inventory, InventoryData, NaiveDate, Network, NetworkKind, Organisation,
    Participant, Per, PerCapita, Person, Population, Rate, Recommendation, ReportOptions, Role,
    Side, Status, Tier, Unit,
};

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal written in this file")
}

fn date(s: &str) -> NaiveDate {
    natverk::parse_date(s).expect("a date written in this file")
}

fn seat(person: &str, role: Option<&str>, hours: &str) -> Participant {
    let mut p = Participant::new(person);
    p.role = role.map(str::to_string);
    p.hours_per_year = Some(dec(hours));
    p
}

fn with_note(mut c: Cost, note: &str) -> Cost {
    c.note = Some(note.to_string());
    c
}

fn person(id: &str, name: &str, gender: Gender, role: Role) -> Person {
    let mut p = Person::new(id, role);
    p.name = Some(name.to_string());
    p.gender = Some(gender);
    p
}

fn politician(id: &str, name: &str, gender: Gender, side: Side, party: &str) -> Person {
    let mut p = person(id, name, gender, Role::Politician);
    p.side = Some(side);
    p.party = Some(party.to_string());
    p.hourly_cost = Some(dec("1100"));
    p
}

fn official(id: &str, name: &str, gender: Gender, hourly: Option<&str>) -> Person {
    let mut p = person(id, name, gender, Role::Official);
    p.hourly_cost = hourly.map(dec);
    p
}

fn assessment(benefit: u8, recommendation: Recommendation, note: Option<&str>) -> Assessment {
    let mut a = Assessment::new();
    a.benefit = Some(benefit);
    a.recommendation = Some(recommendation);
    a.note = note.map(str::to_string);
    a
}

/// The network with the fields every one of the example's networks sets.
#[allow(clippy::too_many_arguments)]
fn network(
    id: &str,
    name: &str,
    organiser: &str,
    kind: NetworkKind,
    subjects: &[&str],
    unit: &str,
    start: &str,
    status: Status,
) -> Network {
    let mut n = Network::new(id, name, date(start));
    n.organiser = Some(organiser.to_string());
    n.kind = kind;
    n.subjects = subjects.iter().map(|s| s.to_string()).collect();
    n.unit = Some(unit.to_string());
    n.status = status;
    n
}

/// The City of Gothenburg's inventory, as in `examples/goteborg.json`.
pub fn goteborg() -> InventoryData {
    let mut org = Organisation::new("Göteborgs Stad", "SEK");
    org.code = Some("1480".into());
    org.population = Some(Population::ByYear(BTreeMap::from([
        (2021, 587_549),
        (2022, 596_841),
        (2023, 604_616),
    ])));
    let mut data = InventoryData::new(org);

    let mut ks = Unit::new("ks", "Kommunstyrelsen");
    ks.central = true;
    let mut slk = Unit::new("slk", "Stadsledningskontoret");
    slk.central = true;
    data.units = vec![
        ks,
        slk,
        Unit::new("kultur", "Kulturförvaltningen"),
        Unit::new("miljo", "Miljöförvaltningen"),
    ];

    data.people = vec![
        politician(
            "ks-ordf",
            "Kommunstyrelsens ordförande",
            Gender::Woman,
            Side::Majority,
            "S",
        ),
        politician(
            "ks-opp",
            "Oppositionsråd",
            Gender::Man,
            Side::Opposition,
            "M",
        ),
        politician("ks-vice", "Kommunalråd", Gender::Man, Side::Majority, "V"),
        official(
            "slk-jamst",
            "Jämställdhetsstrateg",
            Gender::Woman,
            Some("650"),
        ),
        official("slk-utv", "Utvecklingsledare", Gender::Man, Some("650")),
        official(
            "slk-int",
            "Internationell strateg",
            Gender::Woman,
            Some("700"),
        ),
        official(
            "slk-dig",
            "Digitaliseringsstrateg",
            Gender::Man,
            Some("700"),
        ),
        official("kultur-ant", "Antikvarie", Gender::Woman, None),
    ];

    // SKR's fee for Modellkoncept, tiered by the population a year before.
    let mut modellkoncept = FeeSchedule::tiered(
        "skr-modellkoncept",
        vec![
            Tier::up_to(15_000, dec("20000")),
            Tier::up_to(50_000, dec("30000")),
            Tier::up_to(100_000, dec("40000")),
            Tier::up_to(200_000, dec("50000")),
            Tier::open(dec("65000")),
        ],
    );
    modellkoncept.currency = Some("SEK".into());
    modellkoncept.population_offset = -1;
    // Sambruk: 4 000 kr + 0,30 kr per inhabitant, at most 49 000 kr.
    let mut pc = PerCapita::new(dec("0.30"));
    pc.base = Some(dec("4000"));
    pc.max = Some(dec("49000"));
    let mut sambruk_fee = FeeSchedule::per_capita("sambruk-medlemsavgift", pc.rate);
    sambruk_fee.per_capita = Some(pc);
    let mut skr_fee = FeeSchedule::per_capita("skr-medlemsavgift", dec("2.15"));
    skr_fee.population_offset = -2;
    data.fee_schedules = vec![modellkoncept, sambruk_fee, skr_fee];

    data.exchange_rates = vec![
        Rate::new("EUR", 2022, dec("10.63")),
        Rate::new("EUR", 2023, dec("11.48")),
        Rate::new("EUR", 2024, dec("11.43")),
        Rate::new("EUR", 2025, dec("11.10")),
    ];

    // 1. The founding case: SKR's Modellkoncept för jämställdhet, 2024–2025.
    let mut n = network(
        "skr-modellkoncept",
        "Modellkoncept för jämställdhet",
        "SKR",
        NetworkKind::Programme,
        &["jämställdhet"],
        "slk",
        "2024-03-01",
        Status::Proposed,
    );
    n.end = Some(date("2026-02-28"));
    n.deadline = Some(date("2023-12-08"));
    n.purpose = Some(
        "Ett tvåårigt utvecklingsprogram för att integrera jämställdhet i styrning och verksamhet."
            .into(),
    );
    let mut decision = Decision::new();
    decision.body = Some("Kommunstyrelsen".into());
    decision.reference = Some("uppdrag till stadsledningskontoret".into());
    n.decision = Some(decision);
    n.participants = vec![
        seat("ks-ordf", Some("styrgrupp"), "40"),
        seat("ks-opp", Some("styrgrupp"), "40"),
        seat("slk-jamst", Some("processledare"), "200"),
        seat("slk-utv", Some("processledare"), "80"),
    ];
    let mut fee = Cost::scheduled(CostKind::Fee, "skr-modellkoncept");
    fee.from = Some(2024);
    fee.to = Some(2025);
    let mut travel = Cost::yearly(CostKind::Travel, dec("8000"));
    travel.from = Some(2024);
    travel.to = Some(2025);
    n.costs = vec![
        with_note(
            fee,
            "Avgiften trappas efter kommunstorlek; 65 000 kr per år för Göteborg.",
        ),
        with_note(
            travel,
            "Illustrativ uppskattning av resor till nätverksträffar.",
        ),
    ];
    let mut lst = Financing::new("Länsstyrelsen Västra Götaland", FinancingStatus::Expected);
    lst.covers = Covers::Fees;
    lst.probability = Some(dec("0.8"));
    lst.from = Some(2024);
    lst.to = Some(2025);
    n.financing = vec![lst];
    n.notes = Some("Anmälan senast 2023-12-08, start mars 2024. Timmar och resekostnad är illustrativa uppskattningar; avgiftstrappans lägre nivåer är illustrativa, 65 000 kr för Göteborg är uppgiven.".into());
    data.networks.push(n);

    // 2. The CEMR charter, signed in 2008: a declaration without a fee.
    let mut n = network(
        "cemr-deklaration",
        "Den europeiska deklarationen för jämställdhet på lokal och regional nivå (CEMR)",
        "CEMR",
        NetworkKind::Declaration,
        &["jämställdhet"],
        "ks",
        "2008-01-01",
        Status::Active,
    );
    let mut decision = Decision::new();
    decision.body = Some("Kommunstyrelsen".into());
    n.decision = Some(decision);
    n.notes = Some(
        "Undertecknad 2008. Deklarationen har ingen avgift. Exakt datum är illustrativt.".into(),
    );
    data.networks.push(n);

    // 3. SKR membership, charged per inhabitant two years back.
    let mut n = network(
        "skr",
        "Sveriges Kommuner och Regioner, medlemskap",
        "SKR",
        NetworkKind::Membership,
        &["kommunal samverkan"],
        "ks",
        "2007-01-01",
        Status::Active,
    );
    n.notice_months = 12;
    n.participants = vec![
        seat("ks-ordf", Some("kongressombud"), "24"),
        seat("ks-opp", Some("kongressombud"), "24"),
    ];
    n.costs = vec![Cost::scheduled(CostKind::Membership, "skr-medlemsavgift")];
    n.assessment = Some(assessment(5, Recommendation::Keep, None));
    n.notes = Some("Medlemsavgiften beräknas här illustrativt som 2,15 kr per invånare två år bakåt; den verkliga avgiften bygger på skatteunderlaget.".into());
    data.networks.push(n);

    // 4. Eurocities, a membership in euros.
    let mut n = network(
        "eurocities",
        "Eurocities",
        "Eurocities",
        NetworkKind::Membership,
        &["internationellt", "hållbar stadsutveckling"],
        "slk",
        "1990-01-01",
        Status::Active,
    );
    n.notice_months = 12;
    n.via = Some("direkt medlemskap".into());
    n.url = Some("https://eurocities.eu".into());
    n.participants = vec![
        seat("ks-vice", Some("Annual General Meeting"), "30"),
        seat("slk-int", Some("kontaktperson"), "120"),
    ];
    let mut fee = Cost::yearly(CostKind::Membership, dec("22500"));
    fee.currency = Some("EUR".into());
    n.costs = vec![
        with_note(fee, "Illustrativ årsavgift."),
        with_note(
            Cost::yearly(CostKind::Travel, dec("45000")),
            "Illustrativ uppskattning.",
        ),
    ];
    n.assessment = Some(assessment(
        4,
        Recommendation::Review,
        Some("Värdet beror på hur aktivt staden deltar i forumen."),
    ));
    data.networks.push(n);

    // 5. Sambruk, recommended for leaving.
    let mut n = network(
        "sambruk",
        "Sambruk, kommunal samverkan om e-förvaltning",
        "Föreningen Sambruk",
        NetworkKind::Membership,
        &["digitalisering"],
        "slk",
        "2012-01-01",
        Status::Active,
    );
    n.notice_months = 6;
    n.participants = vec![seat("slk-dig", Some("ombud"), "20")];
    n.costs = vec![with_note(
        Cost::scheduled(CostKind::Membership, "sambruk-medlemsavgift"),
        "4 000 kr + 0,30 kr per invånare, högst 49 000 kr (illustrativ modell).",
    )];
    n.assessment = Some(assessment(
        2,
        Recommendation::Leave,
        Some("Staden deltar sällan; motsvarande stöd finns genom SKR."),
    ));
    data.networks.push(n);

    // 6. ICLEI, joined in April 2024: the first year's fee is prorated.
    let mut n = network(
        "iclei",
        "ICLEI – Local Governments for Sustainability",
        "ICLEI",
        NetworkKind::Membership,
        &["klimat", "hållbar stadsutveckling"],
        "slk",
        "2024-04-01",
        Status::Active,
    );
    n.notice_months = 3;
    n.participants = vec![seat("slk-int", Some("kontaktperson"), "40")];
    let mut fee = Cost::yearly(CostKind::Membership, dec("6000"));
    fee.currency = Some("EUR".into());
    fee.prorate = true;
    // Once, on the network's start (a once cost without a date).
    let mut joining = Cost::yearly(CostKind::Other, dec("15000"));
    joining.per = Per::Once;
    n.costs = vec![
        with_note(
            fee,
            "Illustrativ årsavgift, det första året i proportion till månaderna.",
        ),
        with_note(joining, "Illustrativ anslutningskostnad."),
    ];
    n.assessment = Some(assessment(3, Recommendation::Review, None));
    data.networks.push(n);

    // 7. A Nordic network, recommended for leaving.
    let mut n = network(
        "nordiska-stadsnatverket",
        "Nordiskt nätverk för storstäder",
        "Nordiska storstäder",
        NetworkKind::Network,
        &["internationellt"],
        "ks",
        "2015-01-01",
        Status::Active,
    );
    n.notice_months = 3;
    n.participants = vec![seat("ks-vice", None, "16"), seat("slk-int", None, "24")];
    let mut fee = Cost::yearly(CostKind::Membership, dec("3000"));
    fee.currency = Some("EUR".into());
    n.costs = vec![
        with_note(fee, "Illustrativ."),
        with_note(Cost::yearly(CostKind::Travel, dec("20000")), "Illustrativ."),
    ];
    n.assessment = Some(assessment(
        2,
        Recommendation::Leave,
        Some("Överlappar med Eurocities."),
    ));
    data.networks.push(n);

    // 8. A research partnership, half of it financed by Vinnova.
    let mut n = network(
        "mistra-urban-futures",
        "Partnerskap för kunskap om hållbar stadsutveckling",
        "Chalmers tekniska högskola",
        NetworkKind::Partnership,
        &["hållbar stadsutveckling", "forskning"],
        "slk",
        "2020-01-01",
        Status::Active,
    );
    n.end = Some(date("2025-12-31"));
    n.participants = vec![seat("slk-utv", Some("partnerrepresentant"), "60")];
    n.costs = vec![with_note(
        Cost::yearly(CostKind::Fee, dec("150000")),
        "Illustrativ medfinansiering.",
    )];
    let mut vinnova = Financing::new("Vinnova", FinancingStatus::Granted);
    vinnova.covers = Covers::All;
    vinnova.share = dec("0.5");
    vinnova.max_per_year = Some(dec("100000"));
    vinnova.from = Some(2020);
    vinnova.to = Some(2025);
    n.financing = vec![vinnova];
    n.notes = Some("Beloppen är illustrativa.".into());
    data.networks.push(n);

    // 9. A dormant twin city partnership.
    let mut n = network(
        "vanort-shanghai",
        "Vänortssamarbete Göteborg–Shanghai",
        "Göteborgs Stad",
        NetworkKind::Partnership,
        &["internationellt"],
        "ks",
        "1986-01-01",
        Status::Dormant,
    );
    n.notes = Some("Vilande sedan flera år; inga kostnader.".into());
    data.networks.push(n);

    // 10. A network of a unit outside the central inventory.
    let mut n = network(
        "kulturarvsnatverket",
        "Nätverket för kulturarv i Västsverige",
        "Västarvet",
        NetworkKind::Network,
        &["kultur"],
        "kultur",
        "2018-01-01",
        Status::Active,
    );
    n.participants = vec![seat("kultur-ant", None, "40")];
    n.costs = vec![
        Cost::yearly(CostKind::Fee, dec("5000")),
        Cost::yearly(CostKind::Travel, dec("3500")),
    ];
    n.notes = Some(
        "Förvaltningsnätverk utanför den kommuncentrala inventeringen. Beloppen är illustrativa."
            .into(),
    );
    data.networks.push(n);

    // 11. A programme the city declined.
    let mut n = network(
        "klimatstader",
        "Klimatneutrala städer 2030",
        "Viable Cities",
        NetworkKind::Programme,
        &["klimat"],
        "miljo",
        "2025-01-01",
        Status::Declined,
    );
    n.end = Some(date("2030-12-31"));
    n.costs = vec![Cost::yearly(CostKind::Fee, dec("100000"))];
    n.notes = Some("Avböjt; finns med för spårbarhet. Beloppen är illustrativa.".into());
    data.networks.push(n);

    data
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let built = Inventory::new(goteborg())?;
    let mut opts = ReportOptions::new(2024, 2025);
    opts.by = vec![GroupKey::Network];
    let report = built.report(&opts)?;
    println!("{}", report.to_json());

    // The same inventory as the file, so the same report.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/goteborg.json");
    let loaded = Inventory::from_slice(&std::fs::read(path)?)?;
    assert_eq!(built, loaded, "built in code = examples/goteborg.json");
    assert_eq!(report, loaded.report(&opts)?);
    eprintln!(
        "built in code: {} networks; the same report as examples/goteborg.json",
        built.networks().len()
    );
    Ok(())
}
