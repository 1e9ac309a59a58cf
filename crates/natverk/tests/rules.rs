//! SPEC §4–§5 rules on small inventories, with figures computed by hand.

use natverk::{Code, Inventory, ReportOptions};
use serde_json::{json, Value};

fn inv(networks: Value, extra: Value) -> Inventory {
    let mut doc = json!({
        "format": "natverk/1",
        "organisation": {"name": "T", "currency": "SEK", "population": {"2020": 10000, "2023": 100000}},
        "units": [{"id": "ks", "name": "KS", "central": true}, {"id": "f", "name": "F"}],
        "people": [
            {"id": "a", "gender": "woman", "role": "official", "hourly_cost": "500"},
            {"id": "b", "gender": "man", "role": "politician", "side": "opposition"}
        ],
        "networks": networks
    });
    for (k, v) in extra.as_object().unwrap() {
        doc[k] = v.clone();
    }
    Inventory::from_json(&doc.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn report(inv: &Inventory, opts: Value) -> Value {
    let o = ReportOptions::from_json(&opts.to_string()).unwrap();
    serde_json::from_str(&inv.report(&o).unwrap_or_else(|e| panic!("{e}")).to_json()).unwrap()
}

fn net(id: &str, start: &str, end: Option<&str>, costs: Value) -> Value {
    let mut n = json!({"id": id, "name": id, "start": start, "costs": costs});
    if let Some(e) = end {
        n["end"] = json!(e);
    }
    n
}

fn col(r: &Value, field: &str) -> Vec<String> {
    r["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l[field].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn subject_split_gives_the_remainder_to_the_first_subject() {
    let mut n = net(
        "n",
        "2024-01-01",
        None,
        json!([{"kind": "fee", "amount": "100"}]),
    );
    n["subjects"] = json!(["z", "a", "m"]);
    let r = report(
        &inv(json!([n]), json!({})),
        json!({"from": 2024, "to": 2024, "by": ["subject"]}),
    );
    let subjects: Vec<&str> = r["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects, ["a", "m", "z"]);
    assert_eq!(col(&r, "fees"), ["33.33", "33.33", "33.34"]);
    assert_eq!(r["total"]["fees"], "100.00");
}

#[test]
fn prorating_charges_the_months_of_start_and_end_years() {
    let c = json!([{"kind": "fee", "amount": "1200", "prorate": true}]);
    let i = inv(
        json!([
            net("a", "2024-04-15", Some("2025-06-30"), c.clone()),
            net("b", "2024-03-01", Some("2024-05-31"), c.clone()),
            net("c", "2023-01-01", None, c),
        ]),
        json!({}),
    );
    let r = report(
        &i,
        json!({"from": 2024, "to": 2025, "by": ["network", "year"]}),
    );
    let got: Vec<(String, i64, String)> = r["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["network"].as_str().unwrap().into(),
                l["year"].as_i64().unwrap(),
                l["fees"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want = [
        ("a", 2024, "900.00"),
        ("a", 2025, "600.00"),
        ("b", 2024, "300.00"),
        ("c", 2024, "1200.00"),
        ("c", 2025, "1200.00"),
    ];
    let want: Vec<(String, i64, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), *b, c.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn schedules_use_the_population_of_the_offset_year() {
    let schedules = json!({"fee_schedules": [
        {"id": "t", "population_offset": -1, "tiers": [
            {"max_population": 10000, "amount": "10"}, {"max_population": 50000, "amount": "20"}, {"amount": "30"}]},
        {"id": "pc", "per_capita": {"base": "4000", "rate": "0.30", "min": "5000", "max": "49000"}}
    ]});
    let i = inv(
        json!([
            net(
                "t",
                "2021-01-01",
                None,
                json!([{"kind": "fee", "schedule": "t"}])
            ),
            net(
                "pc",
                "2021-01-01",
                None,
                json!([{"kind": "fee", "schedule": "pc"}])
            ),
        ]),
        schedules,
    );
    let r = report(
        &i,
        json!({"from": 2021, "to": 2024, "by": ["network", "year"]}),
    );
    // t: 2021..2023 use 2020's 10000 (<= 10000: first tier, boundary included), 2024 uses 2023's 100000
    // pc: 2021, 2022: 4000 + 3000 = 7000; 2023, 2024: 4000 + 30000 = 34000
    assert_eq!(
        col(&r, "fees"),
        ["7000.00", "7000.00", "34000.00", "34000.00", "10.00", "10.00", "10.00", "30.00"]
    );
}

#[test]
fn per_capita_is_raised_to_min_and_lowered_to_max() {
    let s = json!({"fee_schedules": [
        {"id": "lo", "per_capita": {"rate": "0.01", "min": "5000"}},
        {"id": "hi", "per_capita": {"base": "4000", "rate": "1", "max": "49000"}}]});
    let i = inv(
        json!([
            net(
                "lo",
                "2024-01-01",
                None,
                json!([{"kind": "fee", "schedule": "lo"}])
            ),
            net(
                "hi",
                "2024-01-01",
                None,
                json!([{"kind": "fee", "schedule": "hi"}])
            ),
        ]),
        s,
    );
    let r = report(&i, json!({"from": 2024, "to": 2024}));
    assert_eq!(col(&r, "fees"), ["49000.00", "5000.00"]);
}

#[test]
fn rates_fall_back_to_the_latest_earlier_year() {
    let rates = json!({"exchange_rates": [
        {"currency": "EUR", "year": 2022, "rate": "10"}, {"currency": "EUR", "year": 2024, "rate": "12.5"}]});
    let i = inv(
        json!([net(
            "n",
            "2022-01-01",
            None,
            json!([{"kind": "membership", "amount": "100", "currency": "EUR"}])
        )]),
        rates,
    );
    let r = report(&i, json!({"from": 2022, "to": 2025, "by": ["year"]}));
    assert_eq!(
        col(&r, "fees"),
        ["1000.00", "1000.00", "1250.00", "1250.00"]
    );
}

#[test]
fn financing_shares_caps_clamps_and_weights() {
    let mut n = net(
        "n",
        "2024-01-01",
        None,
        json!([
        {"kind": "fee", "amount": "1000"}, {"kind": "travel", "amount": "500"}]),
    );
    n["participants"] = json!([{"person": "a", "hours_per_year": "2"}]); // time 1000
    n["financing"] = json!([
        {"funder": "G", "share": "0.5", "max_per_year": "300", "status": "granted"},          // 300 of fees
        {"funder": "E", "covers": "all", "share": "0.5", "status": "expected", "probability": "0.5"}, // 0.5 * 1250
        {"funder": "D", "covers": "all", "status": "denied"},
        {"funder": "L", "covers": "all", "status": "granted", "from": 2030}
    ]);
    let r = report(
        &inv(json!([n]), json!({})),
        json!({"from": 2024, "to": 2024}),
    );
    let l = &r["lines"][0];
    assert_eq!(l["gross"], "2500.00");
    assert_eq!(l["granted"], "300.00");
    assert_eq!(l["expected"], "625.00");
    assert_eq!(l["net"], "2200.00");
    assert_eq!(l["expected_net"], "1575.00");
}

#[test]
fn granted_and_expected_never_exceed_gross() {
    let mut n = net(
        "n",
        "2024-01-01",
        None,
        json!([{"kind": "fee", "amount": "1000"}]),
    );
    n["financing"] = json!([
        {"funder": "A", "status": "granted", "share": "0.7"},
        {"funder": "B", "status": "granted", "share": "0.7"},
        {"funder": "C", "status": "applied", "probability": "1"}
    ]);
    let r = report(
        &inv(json!([n]), json!({})),
        json!({"from": 2024, "to": 2024}),
    );
    let l = &r["lines"][0];
    assert_eq!(
        (
            l["granted"].as_str(),
            l["expected"].as_str(),
            l["net"].as_str()
        ),
        (Some("1000.00"), Some("0.00"), Some("0.00"))
    );
}

#[test]
fn rounding_is_half_away_from_zero_per_network_year() {
    let i = inv(
        json!([
            net(
                "a",
                "2024-01-01",
                None,
                json!([{"kind": "fee", "amount": "0.004"}, {"kind": "fee", "amount": "0.001"}])
            ),
            net(
                "b",
                "2024-01-01",
                None,
                json!([{"kind": "other", "amount": "0.004"}])
            ),
        ]),
        json!({}),
    );
    let r = report(&i, json!({"from": 2024, "to": 2024}));
    assert_eq!(col(&r, "fees"), ["0.01", "0.00"]);
    assert_eq!(col(&r, "other"), ["0.00", "0.00"]);
    assert_eq!(r["total"]["gross"], "0.01");
}

#[test]
fn every_network_year_in_scope_has_a_line_even_without_cost() {
    let mut decl = net("d", "2008-01-01", None, json!([]));
    decl["kind"] = json!("declaration");
    let old = net("old", "2000-01-01", Some("2010-12-31"), json!([]));
    let mut declined = net(
        "x",
        "2024-01-01",
        None,
        json!([{"kind": "fee", "amount": "5"}]),
    );
    declined["status"] = json!("declined");
    let r = report(
        &inv(json!([decl, old, declined]), json!({})),
        json!({"from": 2024, "to": 2025}),
    );
    let ids: Vec<&str> = r["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["network"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["d"]);
    assert_eq!(r["lines"][0]["name"], "d");
}

#[test]
fn once_costs_outside_the_networks_years_add_network_years() {
    let i = inv(
        json!([net(
            "n",
            "2024-01-01",
            Some("2024-12-31"),
            json!([
        {"kind": "other", "amount": "70", "per": "once", "date": "2026-02-01"},
        {"kind": "fee", "amount": "10", "from": 2023, "to": 2023}])
        )]),
        json!({}),
    );
    let r = report(&i, json!({"from": 2020, "to": 2030, "by": ["year"]}));
    let years: Vec<i64> = r["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2023, 2024, 2026]);
    assert_eq!(r["total"]["gross"], "80.00");
}

#[test]
fn null_keys_sort_last_and_years_numerically() {
    let mut a = net("a", "2024-01-01", None, json!([]));
    a["organiser"] = json!("Ö");
    let mut b = net("b", "2024-01-01", None, json!([]));
    b["organiser"] = json!("B");
    let c = net("c", "2024-01-01", None, json!([]));
    let r = report(
        &inv(json!([a, b, c]), json!({})),
        json!({"from": 2024, "to": 2024, "by": ["organiser"]}),
    );
    let keys: Vec<Value> = r["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["organiser"].clone())
        .collect();
    assert_eq!(keys, [json!("B"), json!("Ö"), Value::Null]);
}

#[test]
fn leaving_ends_the_network_when_notice_runs_out() {
    let mut n = net(
        "n",
        "2020-01-01",
        None,
        json!([
        {"kind": "fee", "amount": "1200"},
        {"kind": "other", "amount": "100", "per": "once", "date": "2026-05-01"}]),
    );
    n["notice_months"] = json!(6);
    let mut p = net(
        "p",
        "2020-01-01",
        None,
        json!([{"kind": "fee", "amount": "1200", "prorate": true}]),
    );
    p["notice_months"] = json!(6);
    p["assessment"] = json!({"recommendation": "leave"});
    let i = inv(json!([n, p]), json!({}));
    let r = report(
        &i,
        json!({"from": 2025, "to": 2026, "by": ["network", "year"], "leave": ["n", "p"]}),
    );
    // n: ends 2025-06-30; 2025 charged in full, 2026 vanishes (the once cost too)
    // p: prorated: 2025 charges 6/12
    assert_eq!(col(&r, "fees"), ["1200.00", "600.00"]);
    assert_eq!(r["savings"]["gross"], "3100.00");
    let r2 = report(
        &i,
        json!({"from": 2025, "to": 2026, "leave": "recommended", "leave_from": 2026}),
    );
    // p leaves from 2026 with 6 months' notice: 2026-06-30; 2026 charges 6/12
    assert_eq!(col(&r2, "fees"), ["2400.00", "1800.00"]);
    assert_eq!(r2["savings"]["fees"], "600.00");
    let keys: Vec<&String> = r2["savings"].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 9);
}

#[test]
fn no_notice_leaves_at_the_end_of_the_previous_year() {
    let i = inv(
        json!([net(
            "n",
            "2020-01-01",
            None,
            json!([{"kind": "fee", "amount": "10"}])
        )]),
        json!({}),
    );
    let r = report(&i, json!({"from": 2024, "to": 2025, "leave": ["n"]}));
    assert_eq!(r["lines"].as_array().unwrap().len(), 0);
    assert_eq!(r["savings"]["fees"], "20.00");
    assert_eq!(r["total"]["fees"], "0.00");
}

#[test]
fn scope_central_and_statuses_filter_networks() {
    let mut a = net(
        "a",
        "2024-01-01",
        None,
        json!([{"kind": "fee", "amount": "1"}]),
    );
    a["unit"] = json!("ks");
    let mut b = net(
        "b",
        "2024-01-01",
        None,
        json!([{"kind": "fee", "amount": "2"}]),
    );
    b["unit"] = json!("f");
    let mut c = net(
        "c",
        "2024-01-01",
        None,
        json!([{"kind": "fee", "amount": "4"}]),
    );
    c["status"] = json!("dormant");
    let i = inv(json!([a, b, c]), json!({}));
    assert_eq!(
        report(&i, json!({"from": 2024, "to": 2024}))["total"]["fees"],
        "7.00"
    );
    assert_eq!(
        report(&i, json!({"from": 2024, "to": 2024, "scope": "central"}))["total"]["fees"],
        "1.00"
    );
    assert_eq!(
        report(
            &i,
            json!({"from": 2024, "to": 2024, "statuses": ["dormant"]})
        )["total"]["fees"],
        "4.00"
    );
}

#[test]
fn staff_time_is_hours_times_hourly_cost_each_year_of_the_network() {
    let mut n = net("n", "2024-06-01", Some("2025-03-31"), json!([]));
    n["participants"] =
        json!([{"person": "a", "hours_per_year": "10.5"}, {"person": "b", "hours_per_year": "99"}]);
    let r = report(
        &inv(json!([n]), json!({})),
        json!({"from": 2023, "to": 2026, "by": ["year"]}),
    );
    // 5 250 a year (10.5 h and 99 h at their hourly costs), counted by the
    // months the network runs (SPEC §4): June–December 2024 is 7/12,
    // January–March 2025 is 3/12.
    assert_eq!(col(&r, "time"), ["3062.50", "1312.50"]);
}

#[test]
fn staff_time_counts_the_months_of_a_first_last_and_only_year() {
    let people =
        json!([{"person": "a", "hours_per_year": "10.5"}, {"person": "b", "hours_per_year": "99"}]);
    // SKR's Modellkoncept: March 2024 to February 2026
    let mut two = net("two", "2024-03-01", Some("2026-02-28"), json!([]));
    two["participants"] = people.clone();
    // one year, April to September
    let mut one = net("one", "2024-04-15", Some("2024-09-01"), json!([]));
    one["participants"] = people.clone();
    let r = report(
        &inv(json!([two, one]), json!({})),
        json!({"from": 2024, "to": 2026, "by": ["network", "year"]}),
    );
    // 5 250 × 6/12; then 5 250 × 10/12 = 4 375, a full 2025, 5 250 × 2/12 = 875
    assert_eq!(col(&r, "time"), ["2625.00", "4375.00", "5250.00", "875.00"]);
    // leaving from 2025 with 2 months' notice ends it in February 2025:
    // 2/12 of the year, and nothing in 2026
    let mut two = net("two", "2024-03-01", Some("2026-02-28"), json!([]));
    two["participants"] = people;
    two["notice_months"] = json!(2);
    let r = report(
        &inv(json!([two]), json!({})),
        json!({"from": 2024, "to": 2026, "by": ["year"], "leave": ["two"], "leave_from": 2025}),
    );
    assert_eq!(col(&r, "time"), ["4375.00", "875.00"]);
    assert_eq!(r["savings"]["time"], "5250.00");
}

#[test]
fn report_json_has_exactly_the_documented_keys() {
    let mut n = net("n", "2024-01-01", None, json!([]));
    n["subjects"] = json!(["s"]);
    let i = inv(json!([n]), json!({}));
    let o = ReportOptions::from_json(
        r#"{"from": 2024, "to": 2024, "by": ["subject", "network", "year"]}"#,
    )
    .unwrap();
    let text = i.report(&o).unwrap().to_json();
    // keys in the documented order, as written
    let order = |keys: &[&str], within: &str| {
        let pos: Vec<usize> = keys
            .iter()
            .map(|k| within.find(&format!("\"{k}\":")).unwrap())
            .collect();
        assert!(
            pos.windows(2).all(|w| w[0] < w[1]),
            "{keys:?} out of order in {within}"
        );
    };
    order(
        &[
            "organisation",
            "currency",
            "from",
            "to",
            "scope",
            "by",
            "lines",
            "total",
        ],
        &text,
    );
    let line_start = text.find("\"lines\"").unwrap();
    order(
        &[
            "subject",
            "network",
            "name",
            "year",
            "fees",
            "time",
            "travel",
            "other",
            "gross",
            "granted",
            "expected",
            "net",
            "expected_net",
        ],
        &text[line_start..],
    );
    let r: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(r.as_object().unwrap().len(), 8);
    assert_eq!(r["lines"][0].as_object().unwrap().len(), 13);
    assert_eq!(r["total"].as_object().unwrap().len(), 9);
}

#[test]
fn cents_that_cannot_be_exact_are_an_overflow_never_rounded_silently() {
    // 10^28 − 1 × a third: the product needs 56 digits, and the type keeps
    // 28, so its cents would be guessed (issue 20, cause 11).
    let mut n = net(
        "n",
        "2024-01-01",
        None,
        json!([{"kind": "fee", "amount": "9999999999999999999999999999"}]),
    );
    n["financing"] = json!([{"funder": "F", "status": "granted",
        "share": "0.3333333333333333333333333333"}]);
    let i = inv(json!([n]), json!({}));
    let o = ReportOptions::from_json(r#"{"from": 2024, "to": 2024}"#).unwrap();
    let e = i.report(&o).unwrap_err();
    assert_eq!(e.findings()[0].code, Code::Overflow, "{e}");
    // the same share of an ordinary fee is exact to far below the cent
    let mut n = net(
        "n",
        "2024-01-01",
        None,
        json!([{"kind": "fee", "amount": "65000"}]),
    );
    n["financing"] = json!([{"funder": "F", "status": "granted",
        "share": "0.3333333333333333333333333333"}]);
    let r = report(
        &inv(json!([n]), json!({})),
        json!({"from": 2024, "to": 2024}),
    );
    assert_eq!(r["total"]["granted"], "21666.67");
}

#[test]
fn a_share_of_prorated_staff_time_is_exact() {
    // 7 h × 500 a year from June: 3 500 × 7/12 = 2 041.666…; 30 % of it is
    // 612.50 exactly, a half cent in no digit (computed in twelfths)
    let mut n = net("n", "2024-06-01", None, json!([]));
    n["participants"] = json!([{"person": "a", "hours_per_year": "7"}]);
    n["financing"] = json!([{"funder": "F", "status": "granted", "covers": "all", "share": "0.3"}]);
    let r = report(
        &inv(json!([n]), json!({})),
        json!({"from": 2024, "to": 2024}),
    );
    assert_eq!(r["total"]["time"], "2041.67");
    assert_eq!(r["total"]["granted"], "612.50");
}
