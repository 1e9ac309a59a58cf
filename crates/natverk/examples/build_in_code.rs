//! Builds the Göteborg example (`examples/goteborg.json`) in code, reports
//! on it, and checks that it is the same inventory as the file.
//!
//! ```sh
//! cargo run -p natverk --example build_in_code
//! ```

use std::str::FromStr;

use natverk::{
    Assessment, Cost, CostKind, Covers, Decimal, Decision, FeeSchedule, Financing, FinancingStatus,
    Gender, GroupKey, Inventory, InventoryData, NaiveDate, Network, NetworkKind, Organisation,
    Participant, Per, PerCapita, Person, Rate, Recommendation, ReportOptions, Role, Side, Status,
    Tier, Unit,
};

/// A decimal written in this file (`Decimal::from_str`).
fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal written in this file")
}

/// A date written in this file (`natverk::parse_date`).
fn date(s: &str) -> NaiveDate {
    natverk::parse_date(s).expect("a date written in this file")
}

/// The City of Gothenburg's inventory, as in `examples/goteborg.json`.
pub fn goteborg() -> InventoryData {
    use Gender::{Man, Woman};
    let politician = |id: &str, name: &str, gender: Gender, side: Side, party: &str| {
        Person::new(id, Role::Politician)
            .name(name)
            .gender(gender)
            .side(side)
            .party(party)
            .hourly_cost(1100)
    };
    let official = |id: &str, name: &str, gender: Gender| {
        Person::new(id, Role::Official).name(name).gender(gender)
    };
    let org = Organisation::new("Göteborgs Stad", "SEK")
        .code("1480")
        .population([(2021, 587_549), (2022, 596_841), (2023, 604_616)]);
    InventoryData::new(org)
        .units([
            Unit::new("ks", "Kommunstyrelsen").central(true),
            Unit::new("slk", "Stadsledningskontoret").central(true),
            Unit::new("kultur", "Kulturförvaltningen"),
            Unit::new("miljo", "Miljöförvaltningen"),
        ])
        .people([
            politician("ks-ordf", "Kommunstyrelsens ordförande", Woman, Side::Majority, "S"),
            politician("ks-opp", "Oppositionsråd", Man, Side::Opposition, "M"),
            politician("ks-vice", "Kommunalråd", Man, Side::Majority, "V"),
            official("slk-jamst", "Jämställdhetsstrateg", Woman).hourly_cost(650),
            official("slk-utv", "Utvecklingsledare", Man).hourly_cost(650),
            official("slk-int", "Internationell strateg", Woman).hourly_cost(700),
            official("slk-dig", "Digitaliseringsstrateg", Man).hourly_cost(700),
            official("kultur-ant", "Antikvarie", Woman),
        ])
        .fee_schedules([
            // SKR's fee for Modellkoncept, tiered by the population a year before.
            FeeSchedule::tiered(
                "skr-modellkoncept",
                vec![
                    Tier::up_to(15_000, dec("20000")),
                    Tier::up_to(50_000, dec("30000")),
                    Tier::up_to(100_000, dec("40000")),
                    Tier::up_to(200_000, dec("50000")),
                    Tier::open(dec("65000")),
                ],
            )
            .currency("SEK")
            .population_offset(-1),
            // Sambruk: 4 000 kr + 0,30 kr per inhabitant, at most 49 000 kr.
            FeeSchedule::per_capita("sambruk-medlemsavgift", dec("0.30")).with_per_capita(
                PerCapita::new(dec("0.30"))
                    .base(dec("4000"))
                    .max(dec("49000")),
            ),
            FeeSchedule::per_capita("skr-medlemsavgift", dec("2.15")).population_offset(-2),
        ])
        .exchange_rates([
            Rate::new("EUR", 2022, dec("10.63")),
            Rate::new("EUR", 2023, dec("11.48")),
            Rate::new("EUR", 2024, dec("11.43")),
            Rate::new("EUR", 2025, dec("11.10")),
        ])
        // 1. The founding case: SKR's Modellkoncept för jämställdhet, 2024–2025.
        .network(
            Network::new("skr-modellkoncept", "Modellkoncept för jämställdhet", date("2024-03-01"))
                .organiser("SKR")
                .kind(NetworkKind::Programme)
                .subjects(["jämställdhet"])
                .unit("slk")
                .end(date("2026-02-28"))
                .deadline(date("2023-12-08"))
                .status(Status::Proposed)
                .decision(
                    Decision::new()
                        .body("Kommunstyrelsen")
                        .reference("uppdrag till stadsledningskontoret"),
                )
                .purpose("Ett tvåårigt utvecklingsprogram för att integrera jämställdhet i styrning och verksamhet.")
                .notes("Anmälan senast 2023-12-08, start mars 2024. Timmar och resekostnad är illustrativa uppskattningar; avgiftstrappans lägre nivåer är illustrativa, 65 000 kr för Göteborg är uppgiven.")
                .participant(Participant::new("ks-ordf").hours_per_year(40).role("styrgrupp"))
                .participant(Participant::new("ks-opp").hours_per_year(40).role("styrgrupp"))
                .participant(Participant::new("slk-jamst").hours_per_year(200).role("processledare"))
                .participant(Participant::new("slk-utv").hours_per_year(80).role("processledare"))
                .cost(
                    Cost::scheduled(CostKind::Fee, "skr-modellkoncept")
                        .from(2024)
                        .to(2025)
                        .note("Avgiften trappas efter kommunstorlek; 65 000 kr per år för Göteborg."),
                )
                .cost(
                    Cost::yearly(CostKind::Travel, dec("8000"))
                        .from(2024)
                        .to(2025)
                        .note("Illustrativ uppskattning av resor till nätverksträffar."),
                )
                .financed_by(
                    Financing::new("Länsstyrelsen Västra Götaland", FinancingStatus::Expected)
                        .covers(Covers::Fees)
                        .probability(dec("0.8"))
                        .from(2024)
                        .to(2025),
                ),
        )
        // 2. The CEMR charter, signed in 2008: a declaration without a fee.
        .network(
            Network::new(
                "cemr-deklaration",
                "Den europeiska deklarationen för jämställdhet på lokal och regional nivå (CEMR)",
                date("2008-01-01"),
            )
            .organiser("CEMR")
            .kind(NetworkKind::Declaration)
            .subjects(["jämställdhet"])
            .unit("ks")
            .decision(Decision::new().body("Kommunstyrelsen"))
            .notes("Undertecknad 2008. Deklarationen har ingen avgift. Exakt datum är illustrativt."),
        )
        // 3. SKR membership, charged per inhabitant two years back.
        .network(
            Network::new("skr", "Sveriges Kommuner och Regioner, medlemskap", date("2007-01-01"))
                .organiser("SKR")
                .kind(NetworkKind::Membership)
                .subjects(["kommunal samverkan"])
                .unit("ks")
                .notice_months(12)
                .notes("Medlemsavgiften beräknas här illustrativt som 2,15 kr per invånare två år bakåt; den verkliga avgiften bygger på skatteunderlaget.")
                .assessment(Assessment::new().benefit(5).recommendation(Recommendation::Keep))
                .participant(Participant::new("ks-ordf").hours_per_year(24).role("kongressombud"))
                .participant(Participant::new("ks-opp").hours_per_year(24).role("kongressombud"))
                .cost(Cost::scheduled(CostKind::Membership, "skr-medlemsavgift")),
        )
        // 4. Eurocities, a membership in euros.
        .network(
            Network::new("eurocities", "Eurocities", date("1990-01-01"))
                .organiser("Eurocities")
                .kind(NetworkKind::Membership)
                .subjects(["internationellt", "hållbar stadsutveckling"])
                .unit("slk")
                .notice_months(12)
                .via("direkt medlemskap")
                .url("https://eurocities.eu")
                .assessment(
                    Assessment::new()
                        .benefit(4)
                        .recommendation(Recommendation::Review)
                        .note("Värdet beror på hur aktivt staden deltar i forumen."),
                )
                .participant(
                    Participant::new("ks-vice")
                        .hours_per_year(30)
                        .role("Annual General Meeting"),
                )
                .participant(Participant::new("slk-int").hours_per_year(120).role("kontaktperson"))
                .cost(
                    Cost::yearly(CostKind::Membership, dec("22500"))
                        .currency("EUR")
                        .note("Illustrativ årsavgift."),
                )
                .cost(Cost::yearly(CostKind::Travel, dec("45000")).note("Illustrativ uppskattning.")),
        )
        // 5. Sambruk, recommended for leaving.
        .network(
            Network::new(
                "sambruk",
                "Sambruk, kommunal samverkan om e-förvaltning",
                date("2012-01-01"),
            )
            .organiser("Föreningen Sambruk")
            .kind(NetworkKind::Membership)
            .subjects(["digitalisering"])
            .unit("slk")
            .notice_months(6)
            .assessment(
                Assessment::new()
                    .benefit(2)
                    .recommendation(Recommendation::Leave)
                    .note("Staden deltar sällan; motsvarande stöd finns genom SKR."),
            )
            .participant(Participant::new("slk-dig").hours_per_year(20).role("ombud"))
            .cost(
                Cost::scheduled(CostKind::Membership, "sambruk-medlemsavgift")
                    .note("4 000 kr + 0,30 kr per invånare, högst 49 000 kr (illustrativ modell)."),
            ),
        )
        // 6. ICLEI, joined in April 2024: the first year's fee is prorated.
        .network(
            Network::new(
                "iclei",
                "ICLEI – Local Governments for Sustainability",
                date("2024-04-01"),
            )
            .organiser("ICLEI")
            .kind(NetworkKind::Membership)
            .subjects(["klimat", "hållbar stadsutveckling"])
            .unit("slk")
            .notice_months(3)
            .assessment(Assessment::new().benefit(3).recommendation(Recommendation::Review))
            .participant(Participant::new("slk-int").hours_per_year(40).role("kontaktperson"))
            .cost(
                Cost::yearly(CostKind::Membership, dec("6000"))
                    .currency("EUR")
                    .prorate(true)
                    .note("Illustrativ årsavgift, det första året i proportion till månaderna."),
            )
            // Once, on the network's start (a once cost without a date).
            .cost(
                Cost::yearly(CostKind::Other, dec("15000"))
                    .per(Per::Once)
                    .note("Illustrativ anslutningskostnad."),
            ),
        )
        // 7. A Nordic network, recommended for leaving.
        .network(
            Network::new(
                "nordiska-stadsnatverket",
                "Nordiskt nätverk för storstäder",
                date("2015-01-01"),
            )
            .organiser("Nordiska storstäder")
            .subjects(["internationellt"])
            .unit("ks")
            .notice_months(3)
            .assessment(
                Assessment::new()
                    .benefit(2)
                    .recommendation(Recommendation::Leave)
                    .note("Överlappar med Eurocities."),
            )
            .participant(Participant::new("ks-vice").hours_per_year(16))
            .participant(Participant::new("slk-int").hours_per_year(24))
            .cost(
                Cost::yearly(CostKind::Membership, dec("3000"))
                    .currency("EUR")
                    .note("Illustrativ."),
            )
            .cost(Cost::yearly(CostKind::Travel, dec("20000")).note("Illustrativ.")),
        )
        // 8. A research partnership, half of it financed by Vinnova.
        .network(
            Network::new(
                "mistra-urban-futures",
                "Partnerskap för kunskap om hållbar stadsutveckling",
                date("2020-01-01"),
            )
            .organiser("Chalmers tekniska högskola")
            .kind(NetworkKind::Partnership)
            .subjects(["hållbar stadsutveckling", "forskning"])
            .unit("slk")
            .end(date("2025-12-31"))
            .notes("Beloppen är illustrativa.")
            .participant(
                Participant::new("slk-utv")
                    .hours_per_year(60)
                    .role("partnerrepresentant"),
            )
            .cost(Cost::yearly(CostKind::Fee, dec("150000")).note("Illustrativ medfinansiering."))
            .financed_by(
                Financing::new("Vinnova", FinancingStatus::Granted)
                    .covers(Covers::All)
                    .share(dec("0.5"))
                    .max_per_year(dec("100000"))
                    .from(2020)
                    .to(2025),
            ),
        )
        // 9. A dormant twin city partnership.
        .network(
            Network::new(
                "vanort-shanghai",
                "Vänortssamarbete Göteborg–Shanghai",
                date("1986-01-01"),
            )
            .organiser("Göteborgs Stad")
            .kind(NetworkKind::Partnership)
            .subjects(["internationellt"])
            .unit("ks")
            .status(Status::Dormant)
            .notes("Vilande sedan flera år; inga kostnader."),
        )
        // 10. A network of a unit outside the central inventory.
        .network(
            Network::new(
                "kulturarvsnatverket",
                "Nätverket för kulturarv i Västsverige",
                date("2018-01-01"),
            )
            .organiser("Västarvet")
            .subjects(["kultur"])
            .unit("kultur")
            .notes("Förvaltningsnätverk utanför den kommuncentrala inventeringen. Beloppen är illustrativa.")
            .participant(Participant::new("kultur-ant").hours_per_year(40))
            .cost(Cost::yearly(CostKind::Fee, dec("5000")))
            .cost(Cost::yearly(CostKind::Travel, dec("3500"))),
        )
        // 11. A programme the city declined.
        .network(
            Network::new("klimatstader", "Klimatneutrala städer 2030", date("2025-01-01"))
                .organiser("Viable Cities")
                .kind(NetworkKind::Programme)
                .subjects(["klimat"])
                .unit("miljo")
                .end(date("2030-12-31"))
                .status(Status::Declined)
                .notes("Avböjt; finns med för spårbarhet. Beloppen är illustrativa.")
                .cost(Cost::yearly(CostKind::Fee, dec("100000"))),
        )
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
