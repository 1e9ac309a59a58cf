//! The app's module, natively: what the page gets for each kind of file.

use super::*;

fn status(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap()
}

#[test]
fn the_example_workbook_reads_back_and_reports_as_the_core() {
    let mut app = App::new();
    let xlsx = example("sv");
    let st = status(&app.open("exempel.xlsx", &xlsx, "{}"));
    assert_eq!(st["ok"], true, "{st}");
    assert_eq!(st["kind"], "workbook");
    let inv = Inventory::from_json(EXAMPLE).unwrap();
    assert_eq!(st["networks"], inv.networks().len());
    let opts = r#"{"from": 2024, "to": 2025, "by": ["subject"]}"#;
    let view: serde_json::Value =
        serde_json::from_str(&app.report(opts, "sv", "2025-01-01")).unwrap();
    let core = inv
        .report(&ReportOptions::from_json(opts).unwrap())
        .unwrap();
    let table = core.table(Lang::Sv);
    let footer = &view["table"]["footer"][0];
    let net = table.columns.iter().position(|c| c.key == "net").unwrap();
    assert_eq!(
        footer[net],
        natverk::money::fmt_human(core.total.net, Lang::Sv)
    );
    // the downloads
    let x = app.report_xlsx(opts, "sv", "2025-01-01");
    assert!(x.starts_with(b"PK"));
    let h = app.report_html(opts, "en", "2025-01-01");
    assert!(h.contains("<table"), "{h}");
    assert_eq!(
        Inventory::from_json(&app.inventory_json())
            .unwrap()
            .to_json(),
        inv.to_json()
    );
    assert!(app.inventory_xlsx("en").starts_with(b"PK"));
}

#[test]
fn bad_files_give_findings_and_no_inventory() {
    let mut app = App::new();
    for (name, bytes) in [
        ("trasig.xlsx", b"PK\x03\x04 not a zip at all".to_vec()),
        ("tom.json", b"{".to_vec()),
        ("text.csv", b"hello;world\n1;2\n".to_vec()),
    ] {
        let st = status(&app.open(
            name,
            &bytes,
            r#"{"organisation": "Göteborgs Stad", "currency": "SEK"}"#,
        ));
        assert_eq!(st["ok"], false, "{name}: {st}");
        assert!(st["errors"].as_u64().unwrap() >= 1, "{name}: {st}");
        let f: serde_json::Value = serde_json::from_str(&app.findings("sv")).unwrap();
        assert!(!f["groups"][0]["items"][0]["message"]
            .as_str()
            .unwrap()
            .is_empty());
        // and the report says why it cannot be made
        let r: serde_json::Value =
            serde_json::from_str(&app.report(r#"{"from": 2024, "to": 2024}"#, "sv", "")).unwrap();
        assert!(r["error"]["count"].as_u64().unwrap() >= 1);
        assert!(app
            .report_xlsx(r#"{"from": 2024, "to": 2024}"#, "sv", "")
            .is_empty());
    }
    let st = status(&app.refuse("stor.xlsx", 2e8));
    assert_eq!(st["ok"], false);
    assert!(
        app.findings("en").contains("bytes"),
        "{}",
        app.findings("en")
    );
}

#[test]
fn a_bad_cell_is_found_at_its_sheet_row_and_column() {
    let mut inv = Inventory::from_json(EXAMPLE).unwrap().into_data();
    inv.networks[0].id = String::new();
    let xlsx = natverk_workbook::export(&inv, Lang::Sv).unwrap();
    let mut app = App::new();
    let st = status(&app.open("x.xlsx", &xlsx, "{}"));
    assert_eq!(st["ok"], false);
    let f: serde_json::Value = serde_json::from_str(&app.findings("sv")).unwrap();
    let item = &f["groups"][0]["items"][0];
    assert_eq!(item["row"], 2, "{f}");
    assert!(item["column"].is_string(), "{f}");
    assert!(f["groups"][0]["sheet"].is_string(), "{f}");
}

#[test]
fn every_word_has_both_languages_and_the_templates_agree() {
    for (k, en, sv) in words::WORDS {
        assert!(!en.is_empty() && !sv.is_empty(), "{k}");
    }
    for t in [
        &words::FINDINGS_SUMMARY,
        &words::SHEET,
        &words::WHOLE_FILE,
        &words::NO_INVENTORY,
    ] {
        assert_eq!(words::word(t.key, Lang::En), t.en);
        assert_eq!(words::word(t.key, Lang::Sv), t.sv);
    }
    let l: serde_json::Value = serde_json::from_str(&labels("en")).unwrap();
    assert_eq!(l["ui.total"], "Total");
    assert_eq!(l["app.step_open"], "2. Open your file");
}

#[test]
fn a_csv_reads_with_the_options_of_the_page_and_says_which_field_is_missing() {
    let csv = include_bytes!("../../../examples/networks.csv");
    let mut app = App::new();
    let st = status(&app.open("n.csv", csv, "{}"));
    assert_eq!(st["ok"], false);
    let f = app.findings("sv");
    assert!(f.contains("Fältet ”Organisationens namn”"), "{f}");
    let opts = r#"{"organisation": "Göteborgs Stad", "currency": "SEK", "code": "1480",
        "rates": ["EUR:2024:11.50", " "]}"#;
    let st = status(&app.open("n.csv", csv, opts));
    assert_eq!(st["ok"], true, "{}", app.findings("sv"));
    assert_eq!(st["kind"], "csv");
    let inv = Inventory::from_json(&app.inventory_json()).unwrap();
    assert_eq!(inv.organisation().name, "Göteborgs Stad");
}

#[test]
fn kinds_by_content() {
    assert_eq!(Kind::of(b"PK\x03\x04", "a.csv"), Kind::Workbook);
    assert_eq!(Kind::of(b"\xEF\xBB\xBF  {\"format\"", "a"), Kind::Json);
    assert_eq!(Kind::of(b"id;namn\n", "a.txt"), Kind::Csv);
    assert_eq!(Kind::of(b"\0\0\0", "stor.XLSX"), Kind::Workbook);
    assert_eq!(Kind::of(b"", "tom.json"), Kind::Json);
}

/// The example with only the networks of `units`, as a workbook.
fn unit_workbook(units: &[&str], edit: impl FnOnce(&mut natverk::InventoryData)) -> Vec<u8> {
    let mut d = Inventory::from_json(EXAMPLE).unwrap().into_data();
    d.networks
        .retain(|n| n.unit.as_deref().is_some_and(|u| units.contains(&u)));
    edit(&mut d);
    natverk_workbook::export(&d, Lang::Sv).unwrap()
}

#[test]
fn several_files_are_merged_and_every_view_shows_the_whole() {
    let mut app = App::new();
    app.begin();
    app.add("ks.xlsx", &unit_workbook(&["ks"], |_| {}), "{}");
    app.add(
        "ovriga.xlsx",
        &unit_workbook(&["slk", "kultur", "miljo"], |_| {}),
        "{}",
    );
    let st = status(&app.merge());
    assert_eq!(st["ok"], true, "{st}");
    assert_eq!(st["merged"], true);
    assert_eq!(st["files"], 2);
    let inv = Inventory::from_json(EXAMPLE).unwrap();
    assert_eq!(st["networks"], inv.networks().len());
    // The merged report is the example's.
    let opts = r#"{"from": 2024, "to": 2025}"#;
    let core = inv
        .report(&ReportOptions::from_json(opts).unwrap())
        .unwrap();
    let view: serde_json::Value =
        serde_json::from_str(&app.report(opts, "sv", "2025-01-01")).unwrap();
    let table = core.table(Lang::Sv);
    let net = table.columns.iter().position(|c| c.key == "net").unwrap();
    assert_eq!(
        view["table"]["footer"][0][net],
        natverk::money::fmt_human(core.total.net, Lang::Sv)
    );
    // Completeness: a row per unit, naming the file that reported it.
    let c: serde_json::Value = serde_json::from_str(&app.completeness("sv")).unwrap();
    let rows = c["table"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 4, "{c}");
    let ks = rows
        .iter()
        .find(|r| r[0].as_str().unwrap().contains("(ks)"))
        .unwrap();
    assert!(ks[2].as_str().unwrap().starts_with("ks.xlsx ("), "{ks:?}");
    // One file read again: no completeness.
    app.open("exempel.xlsx", &example("sv"), "{}");
    assert_eq!(app.completeness("sv"), "null");
    assert_eq!(status(&app.status())["merged"], false);
}

#[test]
fn a_conflict_names_both_files_and_a_bad_file_is_named() {
    let mut app = App::new();
    app.begin();
    app.add("a.xlsx", &unit_workbook(&["ks"], |_| {}), "{}");
    app.add(
        "b.xlsx",
        &unit_workbook(&["ks"], |d| d.networks[0].name.push_str(" (ändrat)")),
        "{}",
    );
    let st = status(&app.merge());
    assert_eq!(st["ok"], false, "{st}");
    let f: serde_json::Value = serde_json::from_str(&app.findings("sv")).unwrap();
    let item = &f["groups"][0]["items"][0];
    assert_eq!(item["code"], "merge_conflict", "{f}");
    let msg = item["message"].as_str().unwrap();
    assert!(msg.contains("a.xlsx") && msg.contains("b.xlsx"), "{msg}");
    assert_eq!(f["groups"][0]["title"], "Filerna säger emot varandra");

    // A file that is no inventory: its problems are named by the file,
    // and nothing is merged.
    app.begin();
    app.add("a.xlsx", &unit_workbook(&["ks"], |_| {}), "{}");
    app.add("trasig.json", b"{", "{}");
    let st = status(&app.merge());
    assert_eq!(st["ok"], false, "{st}");
    let f: serde_json::Value = serde_json::from_str(&app.findings("en")).unwrap();
    assert_eq!(f["groups"][0]["file"], "trasig.json", "{f}");
    assert_eq!(f["groups"][0]["title"], "The file trasig.json");
}

#[test]
fn calendar_comparison_and_board_come_from_the_core() {
    let inv = Inventory::from_json(EXAMPLE).unwrap();
    let mut app = App::new();
    app.open("exempel.json", EXAMPLE.as_bytes(), "{}");
    let opts = r#"{"from": 2025, "to": 2026}"#;
    let cal = inv.calendar(2025, 2026).unwrap();
    let view: serde_json::Value = serde_json::from_str(&app.calendar(opts, "sv")).unwrap();
    assert_eq!(view["count"], cal.events.len());
    assert_eq!(
        view["table"]["rows"].as_array().unwrap().len(),
        cal.table(Lang::Sv).rows.len()
    );
    let ics = app.calendar_ics(opts, "sv");
    assert!(ics.starts_with("BEGIN:VCALENDAR"), "{ics}");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), cal.events.len());

    // Last year's file had one network less: the comparison shows it added.
    let mut old_data = inv.clone().into_data();
    let added = old_data.networks.pop().unwrap();
    let mut old = App::new();
    old.open(
        "forra.json",
        Inventory::new(old_data).unwrap().to_json().as_bytes(),
        "{}",
    );
    let d = app.diff(&old, opts, "en");
    assert!(!d.contains("\"error\""), "{d}");
    assert!(d.contains(&added.name), "{d}");
    let h = app.diff_html(&old, opts, "sv", "2025-01-01");
    assert!(h.contains(&added.name) && h.starts_with("<!DOCTYPE html>"));
    // Without last year's file: a finding, no document.
    assert!(app.diff(&App::new(), opts, "sv").contains("\"error\""));
    assert!(app
        .diff_html(&App::new(), opts, "sv", "2025-01-01")
        .is_empty());

    let board = app.board_html(&old, opts, "sv", "2025-01-01");
    assert!(board.starts_with("<!DOCTYPE html>"), "{board}");
    let mut b = BoardOptions::new(2025, 2026, today_of("2025-01-01"), Lang::Sv);
    let old_inv = old.inv.clone().unwrap();
    b.compare = Some(&old_inv);
    let mut want = Vec::new();
    render::board::html(&inv.board(&b).unwrap(), &mut want).unwrap();
    assert_eq!(board, String::from_utf8(want).unwrap());
    assert!(App::new()
        .board_html(&old, opts, "sv", "2025-01-01")
        .is_empty());
}
