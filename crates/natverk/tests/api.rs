//! The Rust API of SPEC §8: serde both ways, chainable setters, `Eq`, a
//! short `Debug` of `Error`, `to_json` without defaults, warnings in path
//! order, and a leave word close to `recommended`.

use std::fs;

use natverk::{
    Cost, CostKind, Decimal, Error, FeeSchedule, Financing, FinancingStatus, GroupKey, Inventory,
    InventoryData, Leave, NaiveDate, Network, NetworkKind, Organisation, Participant, Person,
    Population, Rate, ReportOptions, Role, Side, Tier, Unit,
};

use crate::root;

fn goteborg_text() -> String {
    fs::read_to_string(root().join("examples/goteborg.json")).unwrap()
}

fn date(s: &str) -> NaiveDate {
    natverk::parse_date(s).unwrap()
}

fn codes_and_paths(e: &Error) -> Vec<(String, String)> {
    e.findings()
        .iter()
        .map(|f| (f.code.to_string(), f.path.to_string()))
        .collect()
}

#[test]
fn the_model_is_eq() {
    fn eq<T: Eq>() {}
    eq::<InventoryData>();
    eq::<Organisation>();
    eq::<Network>();
    eq::<Cost>();
    eq::<Financing>();
    eq::<FeeSchedule>();
    eq::<Person>();
    eq::<Error>();
    eq::<natverk::Report>();
    eq::<natverk::Diff>();
}

#[test]
fn to_json_leaves_defaults_out_and_loads_back_equal() {
    let text = goteborg_text();
    let inv = Inventory::from_json(&text).unwrap();
    let out = inv.to_json();
    let back = Inventory::from_json(&out).unwrap();
    assert_eq!(back.data(), inv.data());
    // The file keeps its shape: not more lines than the file it came from
    // (it wrote some defaults itself, which are left out now).
    let (lines_in, lines_out) = (text.lines().count(), out.lines().count());
    assert!(
        lines_out <= lines_in,
        "{lines_in} lines in, {lines_out} out:\n{out}"
    );
    assert!(
        lines_out * 10 >= lines_in * 8,
        "{lines_in} in, {lines_out} out"
    );
    eprintln!("goteborg.json: {lines_in} lines in, {lines_out} out");

    // Every default left out; what differs from it written.
    let bare = InventoryData::new(Organisation::new("X", "SEK")).network(
        Network::new("a", "A", date("2024-01-01"))
            .cost(Cost::yearly(CostKind::Fee, Decimal::from(100)))
            .financed_by(Financing::new("EU", FinancingStatus::Granted)),
    );
    let json = bare.to_json();
    for key in [
        "\"units\"",
        "\"people\"",
        "\"fee_schedules\"",
        "\"exchange_rates\"",
        "\"kind\": \"network\"",
        "\"status\": \"active\"",
        "\"notice_months\"",
        "\"subjects\"",
        "\"participants\"",
        "\"per\"",
        "\"prorate\"",
        "\"covers\"",
        "\"share\"",
        "\"central\"",
    ] {
        assert!(!json.contains(key), "{key} in\n{json}");
    }
    assert!(json.contains("\"format\": \"natverk/1\""), "{json}");
    let changed = InventoryData::new(Organisation::new("X", "SEK"))
        .unit(Unit::new("u", "U").central(true))
        .network(
            Network::new("a", "A", date("2024-01-01"))
                .kind(NetworkKind::Programme)
                .status(natverk::Status::Ended)
                .notice_months(3)
                .financed_by(
                    Financing::new("EU", FinancingStatus::Granted).share(Decimal::new(5, 1)),
                ),
        );
    let json = changed.to_json();
    for key in [
        "\"central\": true",
        "\"kind\": \"programme\"",
        "\"status\": \"ended\"",
        "\"notice_months\": 3",
        "\"share\": \"0.5\"",
    ] {
        assert!(json.contains(key), "{key} not in\n{json}");
    }
    let back = Inventory::from_json(&json).unwrap();
    assert_eq!(back.data(), &changed);
}

#[test]
fn a_changed_default_still_shows_both_sides_in_a_diff() {
    let a = Inventory::new(
        InventoryData::new(Organisation::new("X", "SEK")).network(Network::new(
            "a",
            "A",
            date("2024-01-01"),
        )),
    )
    .unwrap();
    let b = Inventory::new(
        InventoryData::new(Organisation::new("X", "SEK"))
            .network(Network::new("a", "A", date("2024-01-01")).status(natverk::Status::Ended)),
    )
    .unwrap();
    let d = a.diff(&b, 2024, 2024).unwrap();
    let json = d.to_json();
    assert!(json.contains("\"active\""), "{json}");
    assert!(json.contains("\"ended\""), "{json}");
}

#[test]
fn report_serializes_as_its_json() {
    let inv = Inventory::from_json(&goteborg_text()).unwrap();
    let mut cases = vec![
        ReportOptions::new(2023, 2025),
        ReportOptions::new(2024, 2024),
    ];
    for by in [
        vec![GroupKey::Network],
        vec![GroupKey::Subject, GroupKey::Year],
        vec![GroupKey::Unit, GroupKey::Network],
        vec![GroupKey::Organiser],
    ] {
        let mut o = ReportOptions::new(2023, 2025);
        o.by = by;
        cases.push(o);
    }
    let mut leave = ReportOptions::new(2024, 2026);
    leave.by = vec![GroupKey::Network];
    leave.leave = Some(Leave::Recommended);
    cases.push(leave);
    let mut with_savings = 0;
    for o in &cases {
        let r = inv.report(o).unwrap();
        with_savings += usize::from(r.savings.is_some());
        assert_eq!(serde_json::to_string_pretty(&r).unwrap(), r.to_json());
        assert_eq!(serde_json::to_string(&r).unwrap(), r.to_json_compact());
    }
    assert_eq!(with_savings, 1);
}

#[test]
fn findings_and_equality_serialize_as_their_json() {
    let inv = Inventory::from_json(&goteborg_text()).unwrap();
    let w = inv.warnings(date("2024-06-01"));
    assert_eq!(serde_json::to_string_pretty(&w).unwrap(), w.to_json());
    let eq = inv
        .equality(&natverk::EqualityOptions::new(2024, 2024))
        .unwrap();
    assert_eq!(serde_json::to_string_pretty(&eq).unwrap(), eq.to_json());
}

#[test]
fn inventory_data_deserializes_as_the_loader_reads() {
    let text = goteborg_text();
    let data: InventoryData = serde_json::from_str(&text).unwrap();
    assert_eq!(&data, Inventory::from_json(&text).unwrap().data());
    // and back: Serialize writes what to_json writes (to_json lays short
    // objects on one line)
    let written: serde_json::Value = serde_json::from_str(&data.to_json()).unwrap();
    assert_eq!(serde_json::to_value(&data).unwrap(), written);
    let text = serde_json::to_string(&data).unwrap();
    assert_eq!(serde_json::from_str::<InventoryData>(&text).unwrap(), data);
    assert!(!text.contains("\"status\":\"active\""), "{text}");
    // from a serde_json::Value too
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let from_value: InventoryData = serde_json::from_value(value).unwrap();
    assert_eq!(from_value, data);
}

/// Every file of the findings corpus: either `Deserialize` reads it, and
/// `Inventory::new` then judges it exactly as loading it does, or it
/// fails as loading fails (what the types cannot hold).
#[test]
fn deserialize_then_new_judges_as_loading_does() {
    let mut read = 0;
    let mut refused = 0;
    let mut judged_invalid = 0;
    let mut dir: Vec<_> = fs::read_dir(root().join("tests/findings"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dir.sort();
    for path in dir {
        let text = fs::read_to_string(&path).unwrap();
        let loaded = Inventory::from_json(&text);
        match serde_json::from_str::<InventoryData>(&text) {
            Ok(data) => {
                read += 1;
                match (Inventory::new(data), loaded) {
                    (Ok(a), Ok(b)) => assert_eq!(a.data(), b.data(), "{path:?}"),
                    (Err(a), Err(b)) => {
                        judged_invalid += 1;
                        assert_eq!(codes_and_paths(&a), codes_and_paths(&b), "{path:?}");
                    }
                    (a, b) => panic!("{path:?}: new {a:?}, load {b:?}"),
                }
            }
            Err(e) => {
                refused += 1;
                let loaded = loaded.expect_err("deserialize refuses only what loading refuses");
                // it names what loading names (a syntax error is
                // serde_json's own)
                let text = e.to_string();
                if loaded.findings()[0].code.as_str() == "syntax" {
                    continue;
                }
                assert!(text.contains("not natverk/1 inventory data"), "{text}");
                let named = loaded
                    .findings()
                    .iter()
                    .filter(|f| text.contains(&format!("{} at {}:", f.code, f.path)))
                    .count();
                assert!(named >= 1, "{path:?}: {text}");
            }
        }
    }
    assert!(
        read > 20 && refused >= 4 && judged_invalid >= 4,
        "{read} {refused} {judged_invalid}"
    );
}

#[test]
fn deserialize_keeps_what_the_rules_refuse() {
    let text = r#"{"format": "natverk/1",
      "organisation": {"name": "X", "currency": "SEK"},
      "people": [{"id": "p", "role": "politician"}, {"id": "p", "role": "official"}],
      "networks": [{"id": "a", "name": "A", "start": "2024-01-01", "unit": "nobody",
                    "costs": [{"kind": "fee", "amount": "-5"}],
                    "assessment": {"benefit": 9}}]}"#;
    let data: InventoryData = serde_json::from_str(text).unwrap();
    assert_eq!(data.people.len(), 2);
    assert_eq!(data.networks[0].unit.as_deref(), Some("nobody"));
    assert_eq!(data.networks[0].costs[0].amount, Some(Decimal::from(-5)));
    assert_eq!(
        data.networks[0].assessment.as_ref().unwrap().benefit,
        Some(9)
    );
    let new = Inventory::new(data).unwrap_err();
    let load = Inventory::from_json(text).unwrap_err();
    // the same findings (the loader finds them in the file's key order,
    // the walk in the declaration's)
    let (mut a, mut b) = (codes_and_paths(&new), codes_and_paths(&load));
    a.sort();
    b.sort();
    assert_eq!(a, b);
    assert!(new.findings().len() >= 4, "{new:?}");
}

#[test]
fn deserialize_refuses_what_the_types_cannot_hold() {
    for (text, code, path) in [
        (
            r#"{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"},
               "networks": [{"id": "a", "name": "A", "start": "2024-02-30"}]}"#,
            "invalid_value",
            "networks[0].start",
        ),
        (
            r#"{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"},
               "networks": [{"id": "a", "name": "A", "start": "2024-01-01", "status": "on"}]}"#,
            "invalid_value",
            "networks[0].status",
        ),
        (
            r#"{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"},
               "networks": [{"id": "a", "start": "2024-01-01"}]}"#,
            "missing_field",
            "networks[0].name",
        ),
        (
            r#"{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"},
               "units": [{"id": "u", "name": "U", "central": "yes"}]}"#,
            "invalid_value",
            "units[0].central",
        ),
        (
            r#"{"format": "natverk/2", "organisation": {"name": "X", "currency": "SEK"}}"#,
            "unsupported_format",
            "format",
        ),
    ] {
        let e = serde_json::from_str::<InventoryData>(text).unwrap_err();
        let want = format!("{code} at {path}:");
        assert!(e.to_string().contains(&want), "{want} not in {e}");
    }
    // `format` is the file's tag: data embedded without it is read
    let data: InventoryData =
        serde_json::from_str(r#"{"organisation": {"name": "X", "currency": "SEK"}}"#).unwrap();
    assert_eq!(data, InventoryData::new(Organisation::new("X", "SEK")));
    // not JSON text at all: serde_json's own error
    assert!(serde_json::from_str::<InventoryData>("{\"format\": ").is_err());
}

#[test]
fn an_embedding_request_and_response() {
    #[derive(serde::Deserialize)]
    struct Request {
        inventory: InventoryData,
        from: i32,
        to: i32,
    }
    #[derive(serde::Serialize)]
    struct Response {
        report: natverk::Report,
        warnings: natverk::Findings,
    }
    let req = format!(
        r#"{{"from": 2024, "to": 2025, "inventory": {}}}"#,
        goteborg_text()
    );
    let req: Request = serde_json::from_str(&req).unwrap();
    let inv = Inventory::new(req.inventory).unwrap();
    let report = inv.report(&ReportOptions::new(req.from, req.to)).unwrap();
    let expected: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    let resp = Response {
        report,
        warnings: inv.warnings(date("2024-06-01")),
    };
    let v: serde_json::Value = serde_json::to_value(&resp).unwrap();
    assert_eq!(v["report"], expected);
    assert!(v["report"]["total"]["gross"].as_str().is_some());
}

#[test]
fn chainable_setters_build_what_fields_build() {
    let start = date("2024-03-01");
    let chained = InventoryData::new(
        Organisation::new("Göteborgs Stad", "SEK")
            .code("1480")
            .population([(2023, 604_616u64)]),
    )
    .unit(Unit::new("slk", "Stadsledningskontoret").central(true))
    .person(
        Person::new("p", Role::Politician)
            .name("P")
            .side(Side::Majority)
            .hourly_cost(1100),
    )
    .fee_schedule(
        FeeSchedule::tiered("skr", vec![Tier::open(Decimal::from(5))]).population_offset(-1),
    )
    .exchange_rate(Rate::new("EUR", 2024, Decimal::new(115, 1)))
    .network(
        Network::new("n", "N", start)
            .unit("slk")
            .subjects(["a", "b"])
            .kind(NetworkKind::Programme)
            .end(date("2025-12-31"))
            .participant(Participant::new("p").hours_per_year(20).role("styrgrupp"))
            .cost(Cost::scheduled(CostKind::Fee, "skr"))
            .cost(Cost::yearly(CostKind::Travel, Decimal::from(300)).currency("EUR"))
            .financed_by(
                Financing::new("Länsstyrelsen", FinancingStatus::Expected)
                    .probability(Decimal::new(8, 1)),
            ),
    );

    let mut org = Organisation::new("Göteborgs Stad", "SEK");
    org.code = Some("1480".into());
    org.population = Some(Population::ByYear([(2023, 604_616)].into()));
    let mut by_hand = InventoryData::new(org);
    let mut slk = Unit::new("slk", "Stadsledningskontoret");
    slk.central = true;
    by_hand.units.push(slk);
    let mut p = Person::new("p", Role::Politician);
    p.name = Some("P".into());
    p.side = Some(Side::Majority);
    p.hourly_cost = Some(Decimal::from(1100));
    by_hand.people.push(p);
    let mut s = FeeSchedule::tiered("skr", vec![Tier::open(Decimal::from(5))]);
    s.population_offset = -1;
    by_hand.fee_schedules.push(s);
    by_hand
        .exchange_rates
        .push(Rate::new("EUR", 2024, Decimal::new(115, 1)));
    let mut n = Network::new("n", "N", start);
    n.unit = Some("slk".into());
    n.subjects = vec!["a".into(), "b".into()];
    n.kind = NetworkKind::Programme;
    n.end = Some(date("2025-12-31"));
    let mut seat = Participant::new("p");
    seat.hours_per_year = Some(Decimal::from(20));
    seat.role = Some("styrgrupp".into());
    n.participants.push(seat);
    n.costs.push(Cost::scheduled(CostKind::Fee, "skr"));
    let mut travel = Cost::yearly(CostKind::Travel, Decimal::from(300));
    travel.currency = Some("EUR".into());
    n.costs.push(travel);
    let mut f = Financing::new("Länsstyrelsen", FinancingStatus::Expected);
    f.probability = Some(Decimal::new(8, 1));
    n.financing.push(f);
    by_hand.networks.push(n);

    assert_eq!(chained, by_hand);
    let inv = Inventory::new(chained).unwrap();
    assert!(inv.report(&ReportOptions::new(2024, 2025)).is_ok());
}

/// Setters take plain literals: whole numbers for whole-number fields and
/// for decimals, text for text, arrays for lists.
#[test]
fn setters_take_plain_literals() {
    let n = Network::new("n", "N", date("2024-01-01"))
        .notice_months(3)
        .unit("slk")
        .organiser(String::from("SKR"))
        .assessment(natverk::Assessment::new().benefit(5))
        .participants([Participant::new("p").hours_per_year(40)])
        .costs([Cost::yearly(CostKind::Fee, Decimal::from(1))
            .from(2024)
            .to(2025)]);
    assert_eq!(n.notice_months, 3);
    assert_eq!(n.unit.as_deref(), Some("slk"));
    assert_eq!(n.participants[0].hours_per_year, Some(Decimal::from(40)));
    assert_eq!(n.costs[0].from, Some(2024));
    let t = Tier::open(Decimal::from(5)).max_population(100_000);
    assert_eq!(t.max_population, Some(100_000));
    let o = Organisation::new("X", "SEK").population(604_616);
    assert_eq!(o.population, Some(Population::Constant(604_616)));
    let p = Person::new("p", Role::Official).hourly_cost(650);
    assert_eq!(p.hourly_cost, Some(Decimal::from(650)));
    let s = FeeSchedule::tiered("s", vec![]).population_offset(-1);
    assert_eq!(s.population_offset, -1);
}

#[test]
fn debug_of_an_error_is_a_line_per_finding() {
    let err = Inventory::from_json(
        r#"{"format": "natverk/1", "organisation": {"name": "X", "currency": "sek"},
            "networks": [{"id": "a", "nmae": "A", "start": "2024-01-01"}]}"#,
    )
    .unwrap_err();
    let debug = format!("{err:?}");
    assert!(debug.starts_with("Invalid(\n"), "{debug}");
    assert_eq!(debug.lines().count(), err.findings().len() + 2, "{debug}");
    assert!(
        debug.contains("unknown_field at networks[0].nmae: unknown field `nmae`"),
        "{debug}"
    );
    // no templates, no struct dumps
    assert!(
        !debug.contains('{') && !debug.contains("Message"),
        "{debug}"
    );
}

#[test]
fn warnings_come_in_path_order() {
    let text = fs::read_to_string(root().join("examples/goteborg.json")).unwrap();
    let inv = Inventory::from_json(&text).unwrap();
    let w = inv.warnings(date("2030-01-01"));
    assert!(w.len() >= 2, "{}", w.to_json());
    let paths: Vec<_> = w.iter().map(|f| f.path.clone()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(w.errors(), 0);
}

#[test]
fn a_leave_word_close_to_recommended_is_told_so() {
    let inv = Inventory::from_json(&goteborg_text()).unwrap();
    for word in ["recomended", "Recommended", "recommend", "RECOMMENDED"] {
        let mut o = ReportOptions::new(2024, 2025);
        o.leave = Some(Leave::parse(word));
        let e = inv.report(&o).unwrap_err();
        let f = &e.findings()[0];
        assert_eq!(f.code.as_str(), "unknown_reference");
        assert_eq!(f.path.to_string(), "options.leave");
        assert!(
            f.message_in(natverk::Lang::En)
                .contains("did you mean `recommended`"),
            "{word}: {f:?}"
        );
        assert!(f
            .message_in(natverk::Lang::Sv)
            .contains("menar du `recommended`"));
    }
    let mut o = ReportOptions::new(2024, 2025);
    o.leave = Some(Leave::parse("nothing-like-it"));
    let e = inv.report(&o).unwrap_err();
    assert!(!e.findings()[0]
        .message_in(natverk::Lang::En)
        .contains("recommended"));
}
