//! SPEC §14 on the two inventories of `tests/board/` (last year's and this
//! year's), with every figure computed by hand from the files.

use natverk::{Code, EventKind, Inventory, NaiveDate};
use serde_json::{json, Value};

use crate::root;

fn load(name: &str) -> Inventory {
    let bytes = std::fs::read(root().join("tests/board").join(name)).unwrap();
    Inventory::from_slice(&bytes).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_calendar_lists_deadlines_notice_days_and_ends_in_order() {
    let cal = load("new.json").calendar(2025, 2026).unwrap();
    let got: Value = serde_json::to_value(&cal).unwrap();
    // `vilande` (dormant, 18 months): the notice for the end of 2025 is
    // 1 July 2024 and counts for 2025. `gammalt` has ended: not listed.
    // `avslutas` ends in 2025: no notice for a year it has ended by.
    let ev = |d: &str, k: &str, n: &str, name: &str| json!({"date": d, "kind": k, "network": n, "name": name});
    assert_eq!(
        got,
        json!({"events": [
            ev("2024-07-01", "notice", "vilande", "Vilande samarbete"),
            ev("2025-02-15", "deadline", "nytt", "Nytt nätverk"),
            ev("2025-06-30", "end", "avslutas", "Avslutat projekt"),
            ev("2025-07-01", "notice", "eurocities", "Eurocities"),
            ev("2025-07-01", "notice", "vilande", "Vilande samarbete"),
            ev("2025-10-01", "notice", "klimatradet", "Klimatrådet"),
            ev("2026-07-01", "notice", "eurocities", "Eurocities"),
            ev("2026-10-01", "notice", "klimatradet", "Klimatrådet"),
        ]})
    );
    assert_eq!(cal.events[0].year, 2025);
}

#[test]
fn a_date_counts_only_within_the_years() {
    let cal = load("new.json").calendar(2026, 2026).unwrap();
    let kinds: Vec<(String, EventKind)> = cal
        .events
        .iter()
        .map(|e| (e.date.to_string(), e.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("2025-07-01".to_string(), EventKind::Notice),
            ("2026-07-01".to_string(), EventKind::Notice),
            ("2026-10-01".to_string(), EventKind::Notice),
        ]
    );
    assert!(matches!(
        load("new.json").calendar(2026, 2025),
        Err(natverk::Error::Options(_))
    ));
}

#[test]
fn the_ics_has_stable_uids_crlf_lines_and_folds_at_75_octets() {
    let cal = load("new.json").calendar(2025, 2026).unwrap();
    let stamp = date(2025, 1, 1).and_hms_opt(8, 0, 0).unwrap();
    let ics = cal.to_ics(natverk::Lang::Sv, stamp);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line:?}");
    }
    let unfolded = ics.replace("\r\n ", "");
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 8);
    assert!(unfolded.contains("UID:20251001-notice-klimatradet@Testkommun.natverk\r\n"));
    assert!(
        unfolded.contains("SUMMARY:Sista dag att säga upp Klimatrådet till utgången av 2025\r\n")
    );
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20250630\r\nDTEND;VALUE=DATE:20250701\r\n"));
    // Another stamp, the same UIDs.
    let again = cal.to_ics(
        natverk::Lang::En,
        date(2026, 5, 5).and_hms_opt(0, 0, 0).unwrap(),
    );
    let uids = |s: &str| -> Vec<String> {
        s.replace("\r\n ", "")
            .lines()
            .filter(|l| l.starts_with("UID:"))
            .map(String::from)
            .collect()
    };
    assert_eq!(uids(&ics), uids(&again));
}

#[test]
fn control_characters_from_the_file_never_reach_the_ics_raw() {
    let inv = Inventory::from_json(
        r#"{"format": "natverk/1", "organisation": {"name": "X;Y", "currency": "SEK"},
            "networks": [{"id": "a b", "name": "A\u001b[31m,\nB", "start": "2024-01-01", "notice_months": 1}]}"#,
    )
    .unwrap();
    let ics = inv.calendar(2024, 2024).unwrap().to_ics(
        natverk::Lang::En,
        date(2024, 1, 1).and_hms_opt(0, 0, 0).unwrap(),
    );
    assert!(!ics.contains('\u{1b}'));
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains("UID:20241201-notice-a%20b@X%3BY.natverk\r\n"),
        "{unfolded}"
    );
    assert!(unfolded.contains("A\\\\u{1b}[31m\\,\\nB"), "{unfolded}");
}

#[test]
fn notice_soon_warns_within_30_days_of_the_last_notice_day() {
    // eurocities: 6 months, last day for the end of 2025 is 1 July 2025.
    let inv = load("new.json");
    let codes = |today| -> Vec<String> {
        inv.warnings(today)
            .into_iter()
            .filter(|f| f.code == Code::NoticeSoon)
            .map(|f| f.path.to_string())
            .collect()
    };
    assert_eq!(codes(date(2025, 6, 1)), ["networks[0].notice_months"]);
    assert_eq!(codes(date(2025, 7, 1)), ["networks[0].notice_months"]);
    assert!(codes(date(2025, 5, 31)).is_empty());
    assert!(codes(date(2025, 7, 2)).is_empty());
    // klimatradet (3 months): 1 October; dormant `vilande` never warns.
    assert_eq!(codes(date(2025, 9, 20)), ["networks[1].notice_months"]);
    // `avslutas` (12 months) ends in 2025 anyway: its 1 January 2025 is
    // no notice day to warn of.
    assert!(codes(date(2025, 1, 1)).is_empty());
}
