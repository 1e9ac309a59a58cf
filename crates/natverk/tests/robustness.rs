//! SPEC §9: no input panics, hangs or loses data; each is rejected with findings.

use natverk::{Code, Inventory};

use crate::root;

fn codes(bytes: &[u8]) -> Vec<Code> {
    match Inventory::from_slice(bytes) {
        Ok(_) => Vec::new(),
        Err(e) => {
            assert!(!e.findings().is_empty());
            e.findings().iter().map(|f| f.code).collect()
        }
    }
}

#[test]
fn every_truncation_of_the_example_is_a_syntax_error() {
    let bytes = std::fs::read(root().join("examples/goteborg.json")).unwrap();
    let mut cut = 0;
    while cut < bytes.len() - 2 {
        let c = codes(&bytes[..cut]);
        assert_eq!(c, [Code::Syntax], "truncated at {cut}");
        cut += 13;
    }
}

#[test]
fn invalid_utf8_is_a_syntax_error_with_position() {
    let mut bytes = br#"{"format": "natverk/1", "organisation": {"name": "G"#.to_vec();
    bytes.extend([0xff, 0xfe]);
    bytes.extend(br#"", "currency": "SEK"}}"#);
    let err = Inventory::from_slice(&bytes).unwrap_err();
    assert_eq!(err.findings()[0].code, Code::Syntax);
    assert_eq!(
        (err.findings()[0].line, err.findings()[0].column),
        (Some(1), Some(52))
    );
}

#[test]
fn deep_nesting_is_refused_without_stack_overflow() {
    for open in ["[", "{\"a\":"] {
        for text in [
            open.repeat(100_000),
            format!(
                r#"{{"format": "natverk/1", "networks": {}}}"#,
                open.repeat(100_000)
            ),
            format!(
                r#"{{"format": "natverk/1", "unknown": {}}}"#,
                open.repeat(100_000)
            ),
        ] {
            // findings before the nesting limit are kept; the parse stops there
            let c = codes(text.as_bytes());
            assert_eq!(c.last(), Some(&Code::Syntax), "{c:?}");
        }
    }
}

fn doc(amount: &str) -> String {
    format!(
        r#"{{"format": "natverk/1", "organisation": {{"name": "X", "currency": "SEK", "population": 1}},
        "networks": [{{"id": "n", "name": "N", "start": "2024-01-01", "notice_months": 3,
        "costs": [{{"kind": "fee", "amount": {amount}}}]}}]}}"#
    )
}

#[test]
fn enormous_and_odd_numbers_are_invalid_values() {
    for amount in [
        "1234567890123456789012345678901234567890",
        "\"1234567890123456789012345678901234567890\"",
        "1e400",
        "1E5",
        "-0.5",
        "\"NaN\"",
        "\"65 000\"",
        "\"\"",
        "true",
        "[]",
        "{}",
        "0.00000000000000000000000000000000001",
    ] {
        assert_eq!(
            codes(doc(amount).as_bytes()),
            [Code::InvalidValue],
            "{amount}"
        );
    }
    assert_eq!(codes(doc("\"65000.50\"").as_bytes()), []);
    assert_eq!(codes(doc("65000.50").as_bytes()), []);
}

#[test]
fn wrong_types_everywhere_are_findings_not_panics() {
    let base = std::fs::read_to_string(root().join("examples/goteborg.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&base).unwrap();
    let replacements = [
        serde_json::json!(null),
        serde_json::json!(1),
        serde_json::json!(-1),
        serde_json::json!("x"),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!(true),
        serde_json::json!(1.5),
        serde_json::json!(99999999999999999999u128.to_string()),
    ];
    let mut paths = Vec::new();
    collect_paths(&v, &mut Vec::new(), &mut paths);
    let mut checked = 0;
    for (i, path) in paths.iter().enumerate() {
        let r = &replacements[i % replacements.len()];
        let mut w = v.clone();
        *pointer_mut(&mut w, path) = r.clone();
        // must not panic; any outcome is fine as long as errors have findings
        let _ = codes(w.to_string().as_bytes());
        checked += 1;
    }
    assert!(checked > 200);
}

fn collect_paths(v: &serde_json::Value, cur: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                cur.push(k.clone());
                out.push(cur.clone());
                collect_paths(x, cur, out);
                cur.pop();
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                cur.push(i.to_string());
                out.push(cur.clone());
                collect_paths(x, cur, out);
                cur.pop();
            }
        }
        _ => {}
    }
}

fn pointer_mut<'a>(v: &'a mut serde_json::Value, path: &[String]) -> &'a mut serde_json::Value {
    let p: String = path
        .iter()
        .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
        .collect();
    v.pointer_mut(&p).unwrap()
}

#[test]
fn duplicate_keys_are_found_in_every_object() {
    let text = r#"{"format": "natverk/1", "format": "natverk/1",
      "organisation": {"name": "X", "name": "Y", "currency": "SEK",
                       "population": {"2023": 1, "2023": 2}}}"#;
    let err = Inventory::from_slice(text.as_bytes()).unwrap_err();
    let paths: Vec<(&str, String)> = err
        .findings()
        .iter()
        .map(|f| (f.code.as_str(), f.path.to_string()))
        .collect();
    assert_eq!(
        paths,
        [
            ("duplicate_key", "format".to_string()),
            ("duplicate_key", "organisation.name".to_string()),
            ("duplicate_key", "organisation.population.2023".to_string()),
        ]
    );
}

#[test]
fn a_bom_is_accepted_and_trailing_garbage_is_not() {
    let base = std::fs::read(root().join("tests/findings/clean.json")).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(&base);
    assert!(Inventory::from_slice(&bom).is_ok());
    let mut trailing = base.clone();
    trailing.extend(b"{}");
    assert_eq!(codes(&trailing), [Code::Syntax]);
}

#[test]
fn overflowing_reports_fail_with_overflow() {
    let max = "79228162514264337593543950335";
    let text = doc(max);
    let inv = Inventory::from_slice(text.as_bytes()).unwrap();
    // one network-year is fine; two years overflow the total
    assert!(inv.report(&natverk::ReportOptions::new(2024, 2024)).is_ok());
    let err = inv
        .report(&natverk::ReportOptions::new(2024, 2025))
        .unwrap_err();
    assert_eq!(err.findings()[0].code, Code::Overflow);
    let mut o = natverk::ReportOptions::new(2024, 2024);
    o.leave = Some(natverk::Leave::Networks(vec!["n".into()]));
    o.leave_from = Some(2030);
    assert!(inv.report(&o).is_ok());
}

#[test]
fn absurd_report_ranges_are_refused_quickly() {
    let inv = Inventory::from_slice(doc("1").as_bytes()).unwrap();
    for (from, to) in [(1, 9999), (2025, 2024), (0, 10), (-5, 2024), (2024, 100000)] {
        let err = inv
            .report(&natverk::ReportOptions::new(from, to))
            .unwrap_err();
        assert!(
            matches!(err, natverk::Error::Options(_)),
            "{from}..{to}: {err}"
        );
    }
}

#[test]
fn many_problems_are_reported_without_quadratic_work() {
    // 60 000 networks with a null name and 50 000 subjects on one network:
    // each problem is found in constant time (a quadratic scan would hang here).
    let nets: Vec<String> = (0..60_000)
        .map(|i| format!(r#"{{"id": "n{i}", "name": null, "start": "2024-01-01"}}"#))
        .collect();
    let subjects: Vec<String> = (0..50_000)
        .map(|i| format!("\"s{}\"", i % 49_999))
        .collect();
    let text = format!(
        r#"{{"format": "natverk/1", "organisation": {{"name": "X", "currency": "SEK"}},
        "networks": [{}, {{"id": "s", "name": "S", "start": "2024-01-01", "subjects": [{}]}}]}}"#,
        nets.join(","),
        subjects.join(",")
    );
    let err = Inventory::from_slice(text.as_bytes()).unwrap_err();
    assert_eq!(err.findings().len(), 60_001);
    assert_eq!(err.findings()[0].path, "networks[0].name");
    assert_eq!(
        err.findings()[60_000].path,
        "networks[60000].subjects[49999]"
    );
}

#[test]
fn huge_whole_numbers_are_invalid_values_at_their_path() {
    let digits = "9".repeat(5000);
    for (population, path) in [
        (digits.clone(), "organisation.population"),
        (
            format!(r#"{{"2023": {digits}}}"#),
            "organisation.population.2023",
        ),
        ("1.5".to_string(), "organisation.population"),
        ("-3".to_string(), "organisation.population"),
    ] {
        let text = format!(
            r#"{{"format": "natverk/1", "organisation": {{"name": "X", "currency": "SEK", "population": {population}}}}}"#
        );
        let err = Inventory::from_slice(text.as_bytes()).unwrap_err();
        let got: Vec<(Code, String)> = err
            .findings()
            .iter()
            .map(|f| (f.code, f.path.to_string()))
            .collect();
        assert_eq!(
            got,
            [(Code::InvalidValue, path.to_string())],
            "{population:.20}"
        );
        assert!(
            err.findings()[0].message.to_string().len() < 300,
            "message quotes a clipped value"
        );
    }
}

#[test]
fn a_syntax_error_at_a_line_start_has_column_one_or_more() {
    let err = Inventory::from_slice(b"{\n").unwrap_err();
    assert_eq!(err.findings()[0].code, Code::Syntax);
    assert!(err.findings()[0].column.unwrap() >= 1);
}

/// Every syntax error serde_json can report is told in Swedish too: its
/// English text is one of the core's templates, not passed through.
#[test]
fn syntax_errors_are_told_in_swedish() {
    use natverk::present::{Arg, Lang};
    let top = r#"{"format": "natverk/1", "organisation": {"name": "G", "currency": "SEK"}"#;
    let cases: Vec<String> = vec![
        format!("{top}, \"units\": ["),
        format!("{top}, \"units\": [1"),
        format!("{top}, \"units\": [{{\"id\": \"a\""),
        format!("{top}, \"units\": [{{\"id\": \"a"),
        format!("{top}, \"units\":"),
        format!("{top}, \"units\" []}}"),
        format!("{top}, \"units\": [1 2]}}"),
        format!("{top} \"units\": []}}"),
        format!("{top}, \"units\": [tru]}}"),
        format!("{top}, \"units\": [?]}}"),
        format!("{top}, \"units\": [{{1: 2}}]}}"),
        format!("{top}, \"units\": [\"\\q\"]}}"),
        format!("{top}, \"units\": [1.]}}"),
        format!("{top}, \"units\": [\"a\u{1}\"]}}"),
        format!("{top}, \"units\": [\"\\ud800\\u0041\"]}}"),
        format!("{top}, \"units\": [1,]}}"),
        format!("{top}}} x"),
        format!("{top}, \"units\": [\"\\u12\"]}}"),
        format!("{top}, \"units\": [1e999999]}}"),
    ];
    for case in &cases {
        let e = Inventory::from_slice(case.as_bytes()).expect_err(case);
        let f = e.findings().iter().find(|f| f.code == Code::Syntax);
        let f = f.unwrap_or_else(|| panic!("{case}: no syntax error"));
        let detail = f.message.args().iter().find(|(k, _)| *k == "detail");
        assert!(
            matches!(detail, Some((_, Arg::Message(_)))),
            "{case}: serde_json's text is not one of the templates: {}",
            f.message
        );
        assert_ne!(f.message_in(Lang::Sv), f.message_in(Lang::En));
    }
}

/// The code and path of each finding, in order.
fn code_paths(e: &natverk::Error) -> Vec<(Code, String)> {
    e.findings()
        .iter()
        .map(|f| (f.code, f.path.to_string()))
        .collect()
}

/// References are looked up together at the end of a load, and a file is
/// read again one reference at a time when one dangles: either way the
/// findings are the rules' own, in order, with their paths, and forward
/// references (networks before people) resolve.
#[test]
fn references_resolve_in_any_order_and_dangling_ones_are_each_found() {
    let networks = r#""networks": [
        {"id": "n1", "name": "A", "start": "2024-01-01", "unit": "u1",
         "participants": [{"person": "p1"}, {"person": "nobody"}]},
        {"id": "n2", "name": "B", "start": "2024-01-01", "unit": "nowhere",
         "participants": [{"person": "p2"}, {"person": "p1"}]},
        {"id": "n1", "name": "C", "start": "2024-01-01", "participants": [{"person": "ghost"}]}]"#;
    let people = r#""people": [{"id": "p1", "name": "P", "gender": "woman", "role": "official"},
                                {"id": "p2", "name": "Q", "gender": "man", "role": "official"}],
                    "units": [{"id": "u1", "name": "U"}]"#;
    let org = r#""format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"}"#;
    // networks first: every reference is a forward one
    let good = networks
        .replace("\"nobody\"", "\"p2\"")
        .replace("\"nowhere\"", "\"u1\"");
    let good = good.replace(
        r#"{"id": "n1", "name": "C", "start": "2024-01-01", "participants": [{"person": "ghost"}]}"#,
        r#"{"id": "n3", "name": "C", "start": "2024-01-01"}"#,
    );
    for text in [
        format!("{{{org}, {good}, {people}}}"),
        format!("{{{org}, {people}, {good}}}"),
    ] {
        let inv = Inventory::from_slice(text.as_bytes()).expect(&text);
        assert_eq!(inv.networks().len(), 3);
    }
    for text in [
        format!("{{{org}, {networks}, {people}}}"),
        format!("{{{org}, {people}, {networks}}}"),
    ] {
        let e = Inventory::from_slice(text.as_bytes()).expect_err(&text);
        let found = code_paths(&e);
        assert_eq!(
            found,
            [
                (Code::DuplicateId, "networks[2].id".to_string()),
                (Code::UnknownReference, "networks[1].unit".into()),
                (
                    Code::UnknownReference,
                    "networks[0].participants[1].person".into()
                ),
                (
                    Code::UnknownReference,
                    "networks[2].participants[0].person".into()
                ),
            ],
            "{text}"
        );
    }
}

/// The whole-file rules of costs (a schedule that exists, a rate for a
/// foreign currency, a population for a schedule) give their findings
/// with paths on the fast path too, in any order of the lists.
#[test]
fn the_whole_file_rules_of_costs_keep_their_paths() {
    let org = r#""format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"}"#;
    let schedules = r#""fee_schedules": [{"id": "s", "tiers": [{"max_population": null, "amount": "100"}],
                                          "currency": "NOK"}]"#;
    let networks = r#""networks": [{"id": "n", "name": "A", "start": "2024-01-01", "costs": [
        {"kind": "fee", "amount": "10", "currency": "EUR"},
        {"kind": "fee", "schedule": "s"},
        {"kind": "fee", "schedule": "nope"},
        {"kind": "fee", "amount": "5"}]}]"#;
    for text in [
        format!("{{{org}, {schedules}, {networks}}}"),
        format!("{{{org}, {networks}, {schedules}}}"),
    ] {
        let e = Inventory::from_slice(text.as_bytes()).expect_err(&text);
        let mut found = code_paths(&e);
        found.sort();
        let mut want = vec![
            (
                Code::UnknownReference,
                "networks[0].costs[2].schedule".to_string(),
            ),
            (Code::MissingRate, "networks[0].costs[0].currency".into()),
            (Code::MissingRate, "networks[0].costs[1].schedule".into()),
            (
                Code::MissingPopulation,
                "networks[0].costs[1].schedule".into(),
            ),
        ];
        want.sort();
        assert_eq!(found, want, "{text}");
    }
}

/// A second id found before a syntax error is listed with it, as the
/// rules find it in reading order.
#[test]
fn a_duplicate_id_before_a_syntax_error_is_listed() {
    let text = r#"{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"},
        "units": [{"id": "u", "name": "A"}, {"id": "u", "name": "B"}], "networks": [{"id": "#;
    let e = Inventory::from_slice(text.as_bytes()).expect_err(text);
    let found = code_paths(&e);
    assert_eq!(
        found,
        [
            (Code::DuplicateId, "units[1].id".to_string()),
            (Code::Syntax, String::new()),
        ]
    );
}
