//! Fuzz crashers and limits (SPEC §9): every input under
//! `tests/fuzz-crashers/` once made a fuzz target panic, hang or run out of
//! memory (see `fuzz/README.md`); each must now load, check and report
//! without a panic and give findings or a result. The other tests build the
//! pathological inputs the limits of `DESIGN-limits.md` exist for, too big
//! to commit as files, and time them.

use std::time::{Duration, Instant};

use natverk::{EqualityOptions, GroupKey, Inventory, ReportOptions};

use crate::root;

fn today() -> chrono::NaiveDate {
    natverk::parse_date("2024-06-01").unwrap()
}

/// Runs everything a frontend may run on a file; panics only on a bug.
fn exercise(bytes: &[u8]) -> usize {
    let findings = natverk::check(bytes, today());
    match Inventory::from_slice(bytes) {
        Err(e) => {
            assert!(!e.findings().is_empty());
            assert!(findings.errors() > 0);
            e.findings().len()
        }
        Ok(inv) => {
            assert_eq!(findings.errors(), 0);
            let mut n = findings.as_slice().len();
            for by in [
                vec![GroupKey::Network],
                vec![GroupKey::Subject, GroupKey::Year],
                vec![GroupKey::Organiser, GroupKey::Unit],
            ] {
                let mut o = ReportOptions::new(2020, 2030);
                o.by = by;
                match inv.report(&o) {
                    Ok(r) => {
                        assert_money_json(&r.to_json());
                        n += r.lines.len();
                    }
                    Err(e) => n += e.findings().len(),
                }
            }
            match inv.equality(&EqualityOptions::new(2020, 2030)) {
                Ok(e) => n += e.to_json().len(),
                Err(e) => n += e.findings().len(),
            }
            let again = Inventory::from_json(&inv.to_json()).unwrap();
            assert_eq!(again, inv);
            n
        }
    }
}

/// SPEC §5.1: money is always a string with exactly two decimals, and the
/// total is the exact sum of the lines (added here as whole cents).
fn assert_money_json(report: &str) {
    let v: serde_json::Value = serde_json::from_str(report).unwrap();
    let lines = v["lines"].as_array().unwrap();
    let cents = |s: &str| -> i128 {
        assert_eq!(s.split_once('.').map(|(_, f)| f.len()), Some(2), "{s}");
        s.replace('.', "").parse().unwrap()
    };
    for k in natverk::money::MONEY_FIELDS {
        let sum: i128 = lines.iter().map(|l| cents(l[k].as_str().unwrap())).sum();
        assert_eq!(sum, cents(v["total"][k].as_str().unwrap()), "{k}");
    }
}

#[test]
fn every_fuzz_crasher_is_handled() {
    let dir = root().join("tests/fuzz-crashers");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json" || e == "bin") {
            let bytes = std::fs::read(&path).unwrap();
            let start = Instant::now();
            exercise(&bytes);
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "{} took {:?}",
                path.display(),
                start.elapsed()
            );
            names.push(path);
        }
    }
    assert!(!names.is_empty(), "no fixtures in {}", dir.display());
}

fn inventory_with(networks: &str, schedules: &str) -> String {
    format!(
        r#"{{"format": "natverk/1",
            "organisation": {{"name": "X", "currency": "SEK", "population": 50000}},
            "fee_schedules": [{schedules}], "networks": [{networks}]}}"#
    )
}

fn timed<T>(limit_secs: u64, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < Duration::from_secs(limit_secs), "took {took:?}");
    out
}

#[test]
fn a_huge_unknown_key_gets_a_quick_suggestion() {
    // The edit distance is length × length: a 4 MB key once took seconds
    // per known key. Only the first 64 characters are compared now.
    let key = "x".repeat(4 << 20);
    let text = format!(r#"{{"format": "natverk/1", "{key}": 1}}"#);
    let err = timed(5, || Inventory::from_json(&text)).unwrap_err();
    let f = err
        .findings()
        .iter()
        .find(|f| f.code == natverk::Code::UnknownField)
        .unwrap();
    assert!(
        f.message.to_string().len() < 500,
        "the key is clipped in the message"
    );
}

#[test]
fn a_huge_bad_decimal_is_clipped_in_its_message() {
    let bad = "1".repeat(100_000) + "x";
    let text = inventory_with(
        &format!(
            r#"{{"id": "a", "name": "A", "start": "2024-01-01", "costs": [{{"kind": "fee", "amount": "{bad}"}}]}}"#
        ),
        "",
    );
    let err = Inventory::from_json(&text).unwrap_err();
    assert!(
        err.findings()
            .iter()
            .all(|f| f.message.to_string().len() < 500),
        "{err}"
    );
}

#[test]
fn a_schedule_with_many_tiers_is_priced_by_binary_search() {
    // 200 000 tiers charged by 200 networks over 11 years: a linear scan
    // per charge would be 4.4e8 steps.
    let tiers: Vec<String> = (0..200_000u64)
        .map(|i| format!(r#"{{"max_population": {}, "amount": {i}}}"#, i * 10))
        .chain(["{\"amount\": 1}".to_string()])
        .collect();
    let schedules = format!(r#"{{"id": "s", "tiers": [{}]}}"#, tiers.join(","));
    let networks: Vec<String> = (0..200)
        .map(|i| format!(r#"{{"id": "n{i}", "name": "N", "start": "2015-01-01", "costs": [{{"kind": "fee", "schedule": "s"}}]}}"#))
        .collect();
    let inv = Inventory::from_json(&inventory_with(&networks.join(","), &schedules)).unwrap();
    let r = timed(10, || inv.report(&ReportOptions::new(2020, 2030))).unwrap();
    // population 50 000 is the bound of tier 5 000, whose amount is 5000
    assert_eq!(natverk::money::fmt2(r.total.fees), "11000000.00");
}

#[test]
fn a_report_too_large_for_memory_fails_with_a_finding() {
    // 6 000 subjects on 100 networks over 80 years: a report by subject
    // would split 48e6 parts, more than the file's 4 MB allow
    // (natverk::limits::report_parts: 2e6 + 2 per byte); it is refused
    // before any is computed.
    let subjects: Vec<String> = (0..6_000).map(|i| format!("\"s{i}\"")).collect();
    let subjects = subjects.join(",");
    let networks: Vec<String> = (0..100)
        .map(|i| {
            format!(
                r#"{{"id": "n{i}", "name": "N", "start": "2020-01-01", "subjects": [{subjects}]}}"#
            )
        })
        .collect();
    let inv = Inventory::from_json(&inventory_with(&networks.join(","), "")).unwrap();
    let mut o = ReportOptions::new(2021, 2100);
    o.by = vec![GroupKey::Subject];
    let err = timed(2, || inv.report(&o)).unwrap_err();
    assert_eq!(err.findings()[0].code, natverk::Code::InvalidValue);
    let limit = natverk::limits::report_parts(inv.size());
    assert!(
        err.findings()[0].message.contains(&limit.to_string()),
        "{err}"
    );
    assert!(err.findings()[0].message.contains("48000000"), "{err}");
    // by network the same report is small and fine
    o.by = vec![GroupKey::Network];
    assert_eq!(inv.report(&o).unwrap().lines.len(), 100);
}
