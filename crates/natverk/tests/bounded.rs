//! SPEC §9 in the core: small inputs cannot buy large work, and nothing is
//! dropped silently. Each test builds a class of hostile input (not one
//! file) and asserts the outcome: a result, or a limit finding before the
//! work. (The command line's suite under `tests/hostile/` runs the real
//! binary under time and memory caps.)

use std::time::{Duration, Instant};

use natverk::{Code, GroupKey, Inventory, Leave, NaiveDate, ReportOptions};

fn fast<T>(f: impl FnOnce() -> T) -> T {
    // Generous (debug build, shared machine): the point is that none of
    // these takes the minutes it took before the limits.
    let start = Instant::now();
    let out = f();
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "took {:?}",
        start.elapsed()
    );
    out
}

fn doc(people: &str, schedules: &str, networks: &str, population: &str) -> String {
    format!(
        r#"{{"format": "natverk/1",
            "organisation": {{"name": "X", "currency": "SEK", "population": {population}}},
            "people": [{people}], "fee_schedules": [{schedules}], "networks": [{networks}]}}"#
    )
}

#[test]
fn a_small_file_cannot_buy_a_huge_report() {
    // Row 1 and its variants: one network from year 1 with many subjects,
    // reported by subject and year over a millennium.
    for subjects in [1_000, 300, 50] {
        let list: Vec<String> = (0..subjects).map(|i| format!("\"s{i}\"")).collect();
        let net = format!(
            r#"{{"id": "n", "name": "N", "start": "0001-01-01", "subjects": [{}],
                "costs": [{{"kind": "fee", "amount": "1"}}]}}"#,
            list.join(",")
        );
        let inv = Inventory::from_json(&doc("", "", &net, "1")).unwrap();
        let mut o = ReportOptions::new(1000, 1999);
        o.by = vec![GroupKey::Subject, GroupKey::Year];
        match fast(|| inv.report(&o)) {
            Ok(r) => assert!(r.lines.len() <= natverk::limits::report_lines(inv.size())),
            Err(e) => {
                assert!(matches!(e, natverk::Error::Report(_)));
                assert_eq!(e.findings()[0].code, Code::InvalidValue);
                assert_eq!(e.findings()[0].path, "options");
                assert!(e.findings()[0].message.contains("fewer years"), "{e}");
            }
        }
    }
}

#[test]
fn leaving_with_long_notice_is_bounded() {
    // Row 2: thousands of networks from year 1 with a century of notice,
    // left from 1000, reported by network and year over a millennium.
    let nets: Vec<String> = (0..5_000)
        .map(|i| {
            format!(
                r#"{{"id": "n{i}", "name": "N", "start": "0001-01-01", "notice_months": 1200,
                    "assessment": {{"recommendation": "leave"}},
                    "costs": [{{"kind": "fee", "amount": "1"}}]}}"#
            )
        })
        .collect();
    let inv = Inventory::from_json(&doc("", "", &nets.join(","), "1")).unwrap();
    let mut o = ReportOptions::new(1000, 1999);
    o.by = vec![GroupKey::Network, GroupKey::Year];
    o.leave = Some(Leave::Recommended);
    let err = fast(|| inv.report(&o)).unwrap_err();
    assert_eq!(err.findings()[0].code, Code::InvalidValue);
    // Fewer years: fine.
    o.to = 1009;
    let r = fast(|| inv.report(&o)).unwrap();
    assert_eq!(r.lines.len(), 5_000 * 10);
}

#[test]
fn a_crafted_overfinanced_check_stops_before_the_work() {
    // Row 3: a population for every year, one schedule, one network from
    // year 1 to 9999 with thousands of schedule-charged costs and a
    // granted financing.
    let years: Vec<String> = (1..=9999)
        .map(|y| format!("\"{y:04}\": {}", 1000 + y))
        .collect();
    let population = format!("{{{}}}", years.join(","));
    let costs: Vec<String> = (0..20_000)
        .map(|_| r#"{"kind": "fee", "schedule": "s"}"#.to_string())
        .collect();
    let net = format!(
        r#"{{"id": "n", "name": "N", "start": "0001-01-01", "end": "9999-12-31",
            "costs": [{}], "financing": [{{"funder": "F", "status": "granted", "share": "1"}}]}}"#,
        costs.join(",")
    );
    let schedule = r#"{"id": "s", "tiers": [{"amount": "10"}]}"#;
    let text = doc("", schedule, &net, &population);
    let today = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let findings = fast(|| natverk::check(text.as_bytes(), today));
    let limit: Vec<_> = findings
        .iter()
        .filter(|f| f.code == Code::InvalidValue)
        .collect();
    assert_eq!(limit.len(), 1, "{findings:?}");
    assert!(limit[0].message.contains("not run"));
    // The other warnings are still judged.
    assert!(findings.iter().any(|f| f.code == Code::NoParticipants));
    // The same network with few costs is checked (and is overfinanced).
    let net = net.replace(&costs.join(","), r#"{"kind": "fee", "schedule": "s"}"#);
    let few = doc("", schedule, &net, &population);
    let findings = fast(|| natverk::check(few.as_bytes(), today));
    assert!(findings.iter().all(|f| f.code != Code::InvalidValue));
}

#[test]
fn a_lone_surrogate_is_refused_not_replaced() {
    // Row 9, in every place a string goes.
    for (at, json) in [
        ("organisation.name", r#""SKR \ud83d Sveriges""#),
        ("networks[0].organiser", r#""\udc00""#),
        ("networks[0].subjects[0]", r#"["a\ud800"]"#),
    ] {
        let text = match at {
            "organisation.name" => doc(
                "",
                "",
                r#"{"id": "n", "name": "N", "start": "2024-01-01"}"#,
                "1",
            )
            .replace(r#""name": "X""#, &format!(r#""name": {json}"#)),
            "networks[0].organiser" => doc(
                "",
                "",
                &format!(
                    r#"{{"id": "n", "name": "N", "start": "2024-01-01", "organiser": {json}}}"#
                ),
                "1",
            ),
            _ => doc(
                "",
                "",
                &format!(
                    r#"{{"id": "n", "name": "N", "start": "2024-01-01", "subjects": {json}}}"#
                ),
                "1",
            ),
        };
        let err = Inventory::from_json(&text).unwrap_err();
        let f = &err.findings()[0];
        assert_eq!(
            (f.code, f.path.to_string().as_str()),
            (Code::InvalidValue, at),
            "{err}"
        );
        assert!(f.message.contains("surrogate"), "{}", f.message);
    }
    // A surrogate pair is a character: fine.
    let ok = doc(
        "",
        "",
        r#"{"id": "n", "name": "\ud83d\ude00", "start": "2024-01-01"}"#,
        "1",
    );
    assert_eq!(Inventory::from_json(&ok).unwrap().networks()[0].name, "😀");
}

#[test]
fn echoed_values_are_clipped() {
    // Row 13: a long value, key or id in any message or path is clipped.
    let long = "x".repeat(5_000_000);
    for text in [
        doc(
            "",
            "",
            &format!(r#"{{"id": "n", "name": "N", "start": "2024-01-01", "kind": "{long}"}}"#),
            "1",
        ),
        doc(
            "",
            "",
            &format!(r#"{{"id": "n", "name": "N", "start": "2024-01-01", "{long}": 1}}"#),
            "1",
        ),
        doc(
            "",
            "",
            &format!(r#"{{"id": "n", "name": "N", "start": "2024-01-01", "unit": "{long}"}}"#),
            "1",
        ),
        doc(
            "",
            "",
            &format!(r#"{{"id": "n", "name": "N", "start": "{long}"}}"#),
            "1",
        ),
    ] {
        let err = fast(|| Inventory::from_json(&text)).unwrap_err();
        for f in err.findings() {
            assert!(
                f.path.to_string().len() < 200,
                "{}",
                f.path.to_string().len()
            );
            assert!(f.message_in(natverk::Lang::Sv).len() < 400);
            assert!(
                f.message.to_string().len() < 400,
                "{}",
                f.message.to_string().len()
            );
        }
    }
}

#[test]
fn a_file_of_nothing_but_errors_lists_up_to_the_limit_and_says_so() {
    // Row 5: `[1,1,1,…]` where units belong is one error per two bytes.
    let ones = vec!["1"; 700_000].join(",");
    let text = format!(r#"{{"format": "natverk/1", "units": [{ones}]}}"#);
    let max = natverk::limits::max_findings(text.len());
    let f = fast(|| {
        natverk::check(
            text.as_bytes(),
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        )
    });
    assert_eq!(
        f.len(),
        max + 1,
        "the kept findings and one that names the limit"
    );
    let last = &f[f.len() - 1];
    assert_eq!(last.code, Code::InvalidValue);
    let text_en = last.message.to_string();
    assert!(text_en.contains("limit"), "{text_en}");
    // the organisation is missing too: a finding from the end of the file
    // is counted, not lost without a word
    assert!(text_en.contains("more problems"), "{text_en}");
    // under the limit, every finding is listed
    let few = format!(
        r#"{{"format": "natverk/1", "units": [{}]}}"#,
        vec!["1"; 1000].join(",")
    );
    let f = natverk::check(few.as_bytes(), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    assert!(f.len() > 1000 && f.iter().all(|x| !x.message.to_string().contains("limit")));
}
