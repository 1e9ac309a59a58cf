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

#[test]
fn the_diff_lists_added_removed_and_changed_values_by_path() {
    let d = load("old.json")
        .diff(&load("new.json"), 2025, 2025)
        .unwrap();
    let v: Value = serde_json::to_value(&d).unwrap();
    assert_eq!(v["organisation"], "Testkommun");
    assert_eq!(v["currency"], "SEK");
    assert_eq!(
        (v["from"].as_i64(), v["to"].as_i64()),
        (Some(2025), Some(2025))
    );
    assert_eq!(
        v["added"],
        json!([{"network": "nytt", "name": "Nytt nätverk"}])
    );
    assert_eq!(
        v["removed"],
        json!([{"network": "borttaget", "name": "Borttaget nätverk"}])
    );
    // The participants of klimatradet are listed in another order: matched
    // by person, only t2's hours changed, at its place in the new file.
    assert_eq!(
        v["changed"],
        json!([
            {"network": "eurocities", "name": "Eurocities",
             "changes": [{"path": "costs[0].amount", "old": "90000", "new": "100000"}]},
            {"network": "klimatradet", "name": "Klimatrådet",
             "changes": [{"path": "participants[1].hours_per_year", "old": "40", "new": "50"}]},
        ])
    );
}

#[test]
fn the_diff_joins_both_reports_by_network_with_the_change() {
    let d = load("old.json")
        .diff(&load("new.json"), 2025, 2025)
        .unwrap();
    let v: Value = serde_json::to_value(&d).unwrap();
    let ids: Vec<&str> = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["network"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "avslutas",
            "borttaget",
            "eurocities",
            "klimatradet",
            "nytt",
            "vilande"
        ]
    );
    let line = |id: &str| {
        v["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["network"] == id)
            .unwrap()
            .clone()
    };
    // eurocities: fee 90 000 → 100 000, staff time 10 h × 1 000 + 20 h × 600.
    let e = line("eurocities");
    assert_eq!(e["old"]["gross"], "112000.00");
    assert_eq!(e["new"]["gross"], "122000.00");
    assert_eq!(e["change"]["fees"], "10000.00");
    assert_eq!(e["change"]["time"], "0.00");
    // klimatradet: t2's 40 → 50 h at 600 kr; half the membership granted.
    let k = line("klimatradet");
    assert_eq!(k["old"]["time"], "24000.00");
    assert_eq!(k["new"]["time"], "30000.00");
    assert_eq!(k["new"]["granted"], "15000.00");
    assert_eq!(k["change"]["net"], "6000.00");
    // Only in one file: zeros on the other side; the name from where it is.
    let b = line("borttaget");
    assert_eq!(
        (b["name"].as_str(), b["new"]["gross"].as_str()),
        (Some("Borttaget nätverk"), Some("0.00"))
    );
    assert_eq!(b["change"]["gross"], "-5000.00");
    // nytt starts in March, its fee prorated: 12 000 × 10 / 12.
    assert_eq!(line("nytt")["new"]["fees"], "10000.00");
    assert_eq!(line("nytt")["old"]["fees"], "0.00");
    let keys: Vec<&String> = e.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["change", "name", "network", "new", "old"]);
    assert_eq!(e["old"].as_object().unwrap().len(), 9);
    assert_eq!(v["total"]["old"]["gross"], "184000.00");
    assert_eq!(v["total"]["new"]["gross"], "205000.00");
    assert_eq!(v["total"]["change"]["gross"], "21000.00");
    assert_eq!(v["total"]["old"]["net"], "169000.00");
    assert_eq!(v["total"]["new"]["net"], "190000.00");
}

#[test]
fn two_currencies_cannot_be_compared_and_the_error_names_both() {
    let eur = std::fs::read_to_string(root().join("tests/board/old.json"))
        .unwrap()
        .replace("\"SEK\"", "\"EUR\"");
    let old = Inventory::from_json(&eur).unwrap();
    let err = old.diff(&load("new.json"), 2025, 2025).unwrap_err();
    assert!(matches!(err, natverk::Error::Options(_)));
    let f = &err.findings()[0];
    assert_eq!(f.path.to_string(), "organisation.currency");
    let text = f.message_in(natverk::Lang::En);
    assert!(text.contains("EUR") && text.contains("SEK"), "{text}");
    assert!(matches!(
        load("old.json").diff(&load("new.json"), 2026, 2025),
        Err(natverk::Error::Options(_))
    ));
}

fn board(
    opts: impl FnOnce(&mut natverk::BoardOptions<'_>),
    lang: natverk::Lang,
) -> natverk::BoardDocument {
    let inv = load("new.json");
    let mut o = natverk::BoardOptions::new(2025, 2026, date(2025, 3, 1), lang);
    opts(&mut o);
    inv.board(&o).unwrap()
}

fn section<'a>(doc: &'a natverk::BoardDocument, key: &str) -> &'a natverk::Section {
    doc.sections.iter().find(|s| s.key == key).unwrap()
}

fn table<'a>(s: &'a natverk::Section, key: &str) -> &'a natverk::present::Table {
    s.blocks
        .iter()
        .find_map(|b| match b {
            natverk::Block::Table(t) if t.key == key => Some(t),
            _ => None,
        })
        .unwrap()
}

fn paragraphs(s: &natverk::Section) -> Vec<&str> {
    s.blocks
        .iter()
        .filter_map(|b| match b {
            natverk::Block::Paragraph(p) => Some(p.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_board_summary_gives_the_totals_per_year() {
    use natverk::present::DisplayCell;
    let doc = board(|_| {}, natverk::Lang::Sv);
    let keys: Vec<&str> = doc.sections.iter().map(|s| s.key).collect();
    assert_eq!(
        keys,
        ["summary", "units", "subjects", "networks", "leave", "equality", "warnings"]
    );
    let s = section(&doc, "summary");
    // 2025: 122 000 + 65 000 + 10 000 + 8 000; 2026: 122 000 + 65 000 + 12 000.
    let first = paragraphs(s)[0].replace('\u{a0}', " ");
    assert!(first.contains("404 000,00 kr brutto"), "{first}");
    assert!(first.contains("374 000,00 kr"));
    assert!(paragraphs(s).iter().any(|p| p.contains("delad lika")));
    let t = table(s, "totals");
    assert_eq!(
        t.columns.iter().map(|c| c.label).collect::<Vec<_>>(),
        ["Mått", "2025", "2026", "Totalt"]
    );
    let gross = t
        .rows
        .iter()
        .find(|r| r[0] == DisplayCell::Word("Brutto"))
        .unwrap();
    let d = |n: i64| DisplayCell::Money(natverk::Decimal::from(n));
    assert_eq!(gross[1..], [d(205_000), d(199_000), d(404_000)]);
    let net = t
        .rows
        .iter()
        .find(|r| r[0] == DisplayCell::Word("Netto"))
        .unwrap();
    assert_eq!(net[1..], [d(190_000), d(184_000), d(374_000)]);
}

#[test]
fn the_board_shows_units_by_name_and_subjects_split() {
    use natverk::present::DisplayCell;
    let doc = board(|_| {}, natverk::Lang::Sv);
    let d = |n: i64| DisplayCell::Money(natverk::Decimal::from(n));
    let units = table(section(&doc, "units"), "unit");
    let ks = units
        .rows
        .iter()
        .find(|r| r[0] == DisplayCell::Text("Kommunstyrelsen".into()))
        .unwrap();
    // eurocities 122 000 a year, avslutas 8 000 in 2025.
    assert_eq!(ks[1..], [d(130_000), d(122_000), d(252_000)]);
    let mf = units
        .rows
        .iter()
        .find(|r| r[0] == DisplayCell::Text("Miljöförvaltningen".into()))
        .unwrap();
    // klimatradet 50 000 net, nytt 10 000 then 12 000.
    assert_eq!(mf[1..], [d(60_000), d(62_000), d(122_000)]);
    assert_eq!(units.footer[0][1..], [d(190_000), d(184_000), d(374_000)]);
    // eurocities' 122 000 split over klimat and integration: 61 000 each.
    let subj = table(section(&doc, "subjects"), "subject");
    let integration = subj
        .rows
        .iter()
        .find(|r| r[0] == DisplayCell::Text("integration".into()))
        .unwrap();
    assert_eq!(integration[1..], [d(61_000), d(61_000), d(122_000)]);
    let klimat = subj
        .rows
        .iter()
        .find(|r| r[0] == DisplayCell::Text("klimat".into()))
        .unwrap();
    assert_eq!(klimat[1..], [d(111_000), d(111_000), d(222_000)]);
}

#[test]
fn the_board_lists_every_network_with_its_notice_day() {
    use natverk::present::DisplayCell;
    let doc = board(|_| {}, natverk::Lang::En);
    let t = table(section(&doc, "networks"), "networks");
    let row = |name: &str| {
        t.rows
            .iter()
            .find(|r| r[0] == DisplayCell::Text(name.into()))
            .unwrap()
            .clone()
    };
    let k = row("Klimatrådet");
    assert_eq!(k[2], DisplayCell::Text("Miljöförvaltningen".into()));
    assert_eq!(k[4], DisplayCell::Money(natverk::Decimal::from(50_000)));
    assert_eq!(k[6], DisplayCell::Text("Länsstyrelsen (Granted)".into()));
    assert_eq!(k[7], DisplayCell::Int(2));
    assert_eq!(k[8], DisplayCell::Word("Leave"));
    assert_eq!(k[9], DisplayCell::Text("2025-10-01".into()));
    // Ends in 2025 anyway: no notice day; none needed without notice.
    assert_eq!(row("Avslutat projekt")[9], DisplayCell::Null);
    assert_eq!(
        row("Nytt nätverk")[9],
        DisplayCell::Word("No notice period")
    );
    assert_eq!(t.rows.len(), 5);
}

#[test]
fn the_board_says_what_leaving_saves_from_the_first_year_notice_allows() {
    use natverk::present::DisplayCell;
    // Judged on 1 March 2025, notice can be given on 1 January 2026 at the
    // earliest; `nytt` has no notice, so it ends on 31 December 2025 and
    // its 12 000 of 2026 are saved.
    let doc = board(
        |o| o.leave = Some(natverk::Leave::parse("nytt")),
        natverk::Lang::En,
    );
    let s = section(&doc, "leave");
    assert!(
        paragraphs(s)[0].contains("1 January 2026"),
        "{:?}",
        paragraphs(s)
    );
    let t = table(s, "leave");
    let d = |n: i64| DisplayCell::Money(natverk::Decimal::from(n));
    assert_eq!(t.rows[0][0], DisplayCell::Text("Nytt nätverk".into()));
    assert_eq!(t.rows[0][2..], [d(12_000), d(12_000)]);
    assert_eq!(t.footer[0][2..], [d(12_000), d(12_000)]);
    // `avslutas` ends on 30 June 2025 anyway: leaving it saves nothing;
    // together they save nytt's 12 000.
    let doc = board(
        |o| o.leave = Some(natverk::Leave::parse("nytt,avslutas")),
        natverk::Lang::En,
    );
    let t = table(section(&doc, "leave"), "leave");
    assert_eq!(t.rows[1][0], DisplayCell::Text("Avslutat projekt".into()));
    assert_eq!(t.rows[1][2..], [d(0), d(0)]);
    assert_eq!(t.footer[0][2..], [d(12_000), d(12_000)]);
}

#[test]
fn the_board_has_no_names_unless_asked_and_no_codes_or_paths() {
    let plain = board(|_| {}, natverk::Lang::Sv);
    let text = format!("{plain:?}");
    for name in ["Pia Persson", "Anna Andersson", "Bertil Berg"] {
        assert!(!text.contains(name), "{name}");
    }
    let warnings = paragraphs(section(&plain, "warnings"));
    assert!(warnings.len() > 1);
    for w in &warnings {
        assert!(
            !w.contains("networks[") && !w.contains("no_participants") && !w.contains('`'),
            "{w}"
        );
    }
    let named = board(|o| o.show_names = true, natverk::Lang::Sv);
    assert!(format!("{named:?}").contains("Anna Andersson"));
}

#[test]
fn the_board_compares_with_last_year() {
    let (old, new) = (load("old.json"), load("new.json"));
    let mut o = natverk::BoardOptions::new(2025, 2026, date(2025, 3, 1), natverk::Lang::En);
    o.compare = Some(&old);
    let doc = new.board(&o).unwrap();
    let s = section(&doc, "changes");
    // 2025: +21 000 net; 2026: eurocities +10 000, klimatradet +6 000,
    // nytt +12 000, borttaget −5 000: +23 000.
    let first = paragraphs(s)[0].replace('\u{a0}', " ");
    assert!(first.contains("SEK 44,000.00"), "{first}");
}
