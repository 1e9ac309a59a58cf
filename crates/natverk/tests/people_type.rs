//! SPEC §10, "People type …": the import reads what people type (spaces
//! around ids, `eur`, `80 %`) and never guesses silently (`9.500`), an
//! unknown id gets the nearest one, and findings speak the workbook's
//! words. Each rule is asserted with its Swedish message.

use natverk::tables::{self, from_tables, InputSheet, SheetCell};
use natverk::{Inventory, Lang};

use crate::root;

fn goteborg() -> Inventory {
    let text = std::fs::read_to_string(root().join("examples/goteborg.json")).unwrap();
    Inventory::from_json(&text).unwrap()
}

/// The Göteborg example as Swedish sheets.
fn swedish() -> Vec<InputSheet> {
    tables::tables(goteborg().data())
        .iter()
        .map(|s| s.to_input(Lang::Sv))
        .collect()
}

fn t(s: &str) -> SheetCell {
    SheetCell::Text(s.into())
}

/// Sets the cell of column `column` (as headed) on data row `i` (from 0)
/// of sheet `sheet`.
fn set(sheets: &mut [InputSheet], sheet: &str, i: usize, column: &str, value: SheetCell) {
    let s = sheets.iter_mut().find(|s| s.name == sheet).unwrap();
    let col = s.rows[0]
        .cells
        .iter()
        .find(|(_, c)| *c == t(column))
        .map(|(c, _)| *c)
        .unwrap_or_else(|| panic!("{sheet}: {column}"));
    let row = &mut s.rows[i + 1];
    row.cells.retain(|(c, _)| *c != col);
    row.cells.push((col, value));
}

/// The data row (from 0) of sheet `sheet` whose column `column` is `value`.
fn row_of(sheets: &[InputSheet], sheet: &str, column: &str, value: &str) -> usize {
    let s = sheets.iter().find(|s| s.name == sheet).unwrap();
    let col = s.rows[0]
        .cells
        .iter()
        .find(|(_, c)| *c == t(column))
        .map(|(c, _)| *c)
        .unwrap();
    s.rows[1..]
        .iter()
        .position(|r| r.cells.iter().any(|(c, x)| *c == col && *x == t(value)))
        .unwrap_or_else(|| panic!("{sheet}: no {column} {value}"))
}

/// The Swedish texts of the import's findings, each with its place.
fn errors(sheets: &[InputSheet]) -> Vec<String> {
    match from_tables(sheets) {
        Ok(_) => Vec::new(),
        Err(e) => e
            .iter()
            .map(|f| {
                format!(
                    "{}: {}",
                    f.place_text(Lang::Sv),
                    f.finding.message_in(Lang::Sv)
                )
            })
            .collect(),
    }
}

fn imports_as_the_example(sheets: &[InputSheet]) {
    let back = from_tables(sheets).unwrap_or_else(|e| panic!("{}", e.to_text(Lang::Sv)));
    assert_eq!(back.inventory.to_json(), goteborg().to_json());
}

#[test]
fn spaces_around_ids_words_and_names_are_no_part_of_them() {
    let mut s = swedish();
    let net = row_of(&s, "nätverk", "id", "skr");
    set(&mut s, "nätverk", net, "id", t("skr\u{a0}"));
    set(&mut s, "nätverk", net, "status", t(" Aktiv\u{a0}"));
    set(&mut s, "nätverk", net, "enhet", t("\u{a0}ks "));
    let p = row_of(&s, "deltagare", "nätverk", "skr");
    set(&mut s, "deltagare", p, "nätverk", t(" skr "));
    set(&mut s, "deltagare", p, "person", t("ks-ordf\t"));
    let u = row_of(&s, "enheter", "id", "slk");
    set(&mut s, "enheter", u, "id", t("slk\u{2009}"));
    imports_as_the_example(&s);

    // What remains once the spaces are gone is still compared exactly.
    set(&mut s, "deltagare", p, "nätverk", t(" skr x\u{a0}"));
    let e = errors(&s);
    assert!(
        e.iter().any(|m| m.contains(
            "det finns ingen rad med id `skr x` på bladet `nätverk`: använd ett id från det bladet"
        )),
        "{e:#?}"
    );
}

#[test]
fn currencies_in_any_case_and_the_euro_sign() {
    let mut s = swedish();
    set(&mut s, "organisation", 0, "valuta", t(" sek "));
    let c = row_of(&s, "kostnader", "valuta", "EUR");
    set(&mut s, "kostnader", c, "valuta", t("eur"));
    set(&mut s, "växelkurser", 0, "valuta", t(" Eur "));
    set(&mut s, "växelkurser", 1, "valuta", t("€"));
    imports_as_the_example(&s);

    set(&mut s, "växelkurser", 1, "valuta", t("euro"));
    let e = errors(&s);
    assert!(
        e.iter().any(|m| m.contains("ogiltig valuta `euro`")),
        "{e:#?}"
    );
}

#[test]
fn shares_and_probabilities_as_percentages() {
    let mut s = swedish();
    let f = row_of(&s, "finansiering", "nätverk", "skr-modellkoncept");
    set(&mut s, "finansiering", f, "sannolikhet", t("80 %"));
    let g = row_of(&s, "finansiering", "nätverk", "mistra-urban-futures");
    set(&mut s, "finansiering", g, "andel", t("50%"));
    imports_as_the_example(&s);

    // 12,5 % is 0.125, exactly.
    set(&mut s, "finansiering", f, "sannolikhet", t("12,5 %"));
    let back = from_tables(&s).unwrap().inventory;
    let n = back
        .data()
        .networks
        .iter()
        .find(|n| n.id == "skr-modellkoncept")
        .unwrap();
    assert_eq!(n.financing[0].probability.unwrap().to_string(), "0.125");

    set(&mut s, "finansiering", f, "sannolikhet", t("hög"));
    set(&mut s, "finansiering", g, "andel", t("hälften"));
    let e = errors(&s);
    assert!(
        e.iter().any(|m| m.contains(
            "kolumn `sannolikhet` (G): ogiltig sannolikhet `hög`: skriv ett tal från 0 till 1, eller procent, t.ex. 0,8 eller 80 %"
        )),
        "{e:#?}"
    );
    assert!(
        e.iter().any(|m| m.contains("ogiltig andel `hälften`: skriv ett tal över 0 och högst 1, eller procent, t.ex. 0,5 eller 50 %")),
        "{e:#?}"
    );
    assert!(!e.iter().any(|m| m.contains("65 000,50")), "{e:#?}");
}

#[test]
fn an_unknown_id_gets_the_nearest_id_of_its_sheet() {
    let mut s = swedish();
    // A reference the core judges (a network's unit) …
    let net = row_of(&s, "nätverk", "id", "skr");
    set(&mut s, "nätverk", net, "enhet", t("skl"));
    // … one the reader judges (a participant's network) …
    let p = row_of(&s, "deltagare", "nätverk", "eurocities");
    set(&mut s, "deltagare", p, "nätverk", t("eurocitis"));
    // … a person, in another case, and one near nothing.
    let q = row_of(&s, "deltagare", "nätverk", "skr");
    set(&mut s, "deltagare", q, "person", t("KS-ORDF"));
    let k = row_of(&s, "deltagare", "nätverk", "sambruk");
    set(&mut s, "deltagare", k, "person", t("borgmästaren"));
    let e = errors(&s);
    let has = |needle: &str| assert!(e.iter().any(|m| m.contains(needle)), "{needle}\n{e:#?}");
    has("kolumn `enhet` (F): det finns ingen rad med id `skl` på bladet `enheter`: menar du `slk`? Använd ett id från det bladet, eller lägg till raden där");
    has("det finns ingen rad med id `eurocitis` på bladet `nätverk`: menar du `eurocities`?");
    has("det finns ingen rad med id `KS-ORDF` på bladet `personer`: menar du `ks-ordf`?");
    has("det finns ingen rad med id `borgmästaren` på bladet `personer`: använd ett id från det bladet, eller lägg till raden där");
    // Never the JSON key of the list.
    assert!(
        !e.iter()
            .any(|m| m.contains("`people`") || m.contains("`units`")),
        "{e:#?}"
    );
}

#[test]
fn a_number_that_could_be_thousands_or_decimals_is_an_error_with_both_readings() {
    let mut s = swedish();
    let c = row_of(&s, "kostnader", "nätverk", "eurocities") + 1;
    let cases = [
        (
            "9.500",
            "tvetydigt tal `9.500`: skriv `9 500` för tusental eller `9,5` för decimaler",
        ),
        (
            "1,250",
            "tvetydigt tal `1,250`: skriv `1 250` för tusental eller `1,25` för decimaler",
        ),
        (
            "-9.500",
            "tvetydigt tal `-9.500`: skriv `-9 500` för tusental eller `-9,5` för decimaler",
        ),
        (
            "2.000 kr",
            "tvetydigt tal `2.000 kr`: skriv `2 000` för tusental eller `2,0` för decimaler",
        ),
    ];
    for (typed, message) in cases {
        set(&mut s, "kostnader", c, "belopp", t(typed));
        let e = errors(&s);
        assert!(e.iter().any(|m| m.contains(message)), "{typed}: {e:#?}");
    }
    // Not ambiguous: a zero whole part, two or four decimals, thousands
    // written with spaces, a number cell.
    for (typed, value) in [
        ("0.500", "0.500"),
        ("9.50", "9.50"),
        ("9.5000", "9.5000"),
        ("45 000,500", "45000.500"),
        ("1 250", "1250"),
    ] {
        set(&mut s, "kostnader", c, "belopp", t(typed));
        let back = from_tables(&s).unwrap_or_else(|e| panic!("{typed}: {e}"));
        let n = back
            .inventory
            .data()
            .networks
            .iter()
            .find(|n| n.id == "eurocities")
            .unwrap();
        assert_eq!(n.costs[1].amount.unwrap().to_string(), value, "{typed}");
    }
    set(
        &mut s,
        "kostnader",
        c,
        "belopp",
        SheetCell::Decimal("9.5".parse().unwrap()),
    );
    assert!(from_tables(&s).is_ok());
}

#[test]
fn findings_name_the_columns_and_sheets_of_the_workbook() {
    let mut s = swedish();
    // An official with a side: the core says "remove `side`".
    let p = row_of(&s, "personer", "id", "slk-jamst");
    set(&mut s, "personer", p, "sida", t("majoritet"));
    let e = errors(&s);
    assert!(
        e.iter().any(|m| m.contains("kolumn `sida` (E): en tjänsteperson har ingen sida: ta bort `sida` eller gör personen till politiker")),
        "{e:#?}"
    );
    assert!(!e.iter().any(|m| m.contains("`side`")), "{e:#?}");
}

/// The Swedish texts of an import's warnings, each with its place.
fn warnings(sheets: &[InputSheet]) -> Vec<String> {
    let back = from_tables(sheets).unwrap_or_else(|e| panic!("{}", e.to_text(Lang::Sv)));
    assert_eq!(back.inventory.to_json(), goteborg().to_json());
    back.warnings
        .iter()
        .map(|f| {
            assert_eq!(f.finding.severity, natverk::Severity::Warning);
            format!(
                "{}: {}",
                f.place_text(Lang::Sv),
                f.finding.message_in(Lang::Sv)
            )
        })
        .collect()
}

fn add_column(sheets: &mut [InputSheet], sheet: &str, heading: &str, values: &[&str]) {
    let s = sheets.iter_mut().find(|s| s.name == sheet).unwrap();
    let col = 40;
    s.rows[0].cells.push((col, t(heading)));
    for (r, v) in s.rows[1..].iter_mut().zip(values) {
        r.cells.push((col, t(v)));
    }
}

fn rename(sheets: &mut [InputSheet], from: &str, to: &str) {
    sheets.iter_mut().find(|s| s.name == from).unwrap().name = to.into();
}

#[test]
fn a_unit_keeps_its_own_notes_beside_the_data_with_a_warning_that_names_them() {
    let mut s = swedish();
    add_column(&mut s, "enheter", "Kontaktperson", &["Anna", "Bo"]);
    s.push(InputSheet::from_grid(
        "Mina anteckningar",
        vec![vec![t("Ring Bo om SKR")], vec![t("fairtrade?")]],
    ));
    // An empty sheet drops nothing and says nothing.
    s.push(InputSheet::from_grid("Blad3", vec![]));
    let w = warnings(&s);
    assert_eq!(w.len(), 2, "{w:#?}");
    assert!(w.iter().any(|m| m.starts_with(
        "blad `enheter`, rad 1, kolumn `Kontaktperson` (AO): kolumnen `Kontaktperson` är ingen av bladets kolumner och läses inte (kolumnerna är id, name / namn"
    )), "{w:#?}");
    assert!(w.iter().any(|m| m.starts_with(
        "blad `Mina anteckningar`: bladet `Mina anteckningar` är inget av formatets blad och läses inte: om det har uppgifter som ska läsas in, ge det namnet på ett av organisation"
    )), "{w:#?}");
}

#[test]
fn a_sheet_renamed_with_a_year_or_a_typo_is_read_as_that_sheet_with_a_warning() {
    let mut s = swedish();
    rename(&mut s, "kostnader", "Kostnader 2024");
    rename(&mut s, "deltagare", "Deltagre");
    let w = warnings(&s);
    assert!(w.contains(&"blad `Kostnader 2024`: bladet `Kostnader 2024` läses som bladet `kostnader`: byt namn på det till `kostnader` om det stämmer".to_string()), "{w:#?}");
    assert!(w.contains(&"blad `Deltagre`: bladet `Deltagre` läses som bladet `deltagare`: byt namn på det till `deltagare` om det stämmer".to_string()), "{w:#?}");
    // Findings on it name it as the official named it.
    let c = row_of(&s, "Kostnader 2024", "nätverk", "eurocities");
    set(&mut s, "Kostnader 2024", c, "belopp", t("9.500"));
    let e = errors(&s);
    assert!(
        e.iter()
            .any(|m| m.starts_with("blad `Kostnader 2024`, rad")),
        "{e:#?}"
    );
}

#[test]
fn a_sheet_with_a_known_heading_row_is_read_as_that_sheet() {
    let mut s = swedish();
    rename(&mut s, "enheter", "Blad1");
    let w = warnings(&s);
    assert_eq!(
        w,
        vec!["blad `Blad1`: bladet `Blad1` läses som bladet `enheter`: byt namn på det till `enheter` om det stämmer".to_string()]
    );
}

#[test]
fn two_sheets_that_could_be_the_same_one_are_an_error() {
    // A known sheet and a near-miss of it.
    let mut s = swedish();
    let copy = InputSheet {
        name: "Kostnader 2023".into(),
        ..s.iter().find(|x| x.name == "kostnader").unwrap().clone()
    };
    s.push(copy.clone());
    let e = errors(&s);
    assert!(e.contains(&"blad `Kostnader 2023`: bladet `Kostnader 2023` liknar bladet `kostnader`, som arbetsboken redan har som `kostnader`: flytta raderna dit, eller byt namn på det".to_string()), "{e:#?}");
    // Two near-misses and no known sheet.
    rename(&mut s, "kostnader", "Kostnader 2024");
    let e = errors(&s);
    assert!(e.contains(&"blad `Kostnader 2024`: bladet `Kostnader 2024` kan vara bladet `kostnader`, men det kan också bladet `Kostnader 2023`: behåll ett av dem eller byt namn på det andra".to_string()), "{e:#?}");
    assert!(
        e.iter().any(|m| m.starts_with(
            "blad `Kostnader 2023`: bladet `Kostnader 2023` kan vara bladet `kostnader`"
        )),
        "{e:#?}"
    );
}

#[test]
fn a_column_with_a_typo_is_read_as_that_column_or_is_an_error_beside_it() {
    let mut s = swedish();
    let units = s.iter_mut().find(|x| x.name == "enheter").unwrap();
    for (_, c) in &mut units.rows[0].cells {
        if *c == t("namn") {
            *c = t("Namm");
        }
    }
    let w = warnings(&s);
    assert_eq!(
        w,
        vec!["blad `enheter`, rad 1, kolumn `Namm` (B): kolumnen `Namm` läses som kolumnen `namn`: byt namn på den till `namn` om det stämmer".to_string()]
    );
    add_column(&mut s, "enheter", "namn", &["x", "y", "z", "w"]);
    let e = errors(&s);
    assert!(e.contains(&"blad `enheter`, rad 1, kolumn `Namm` (B): kolumnen `Namm` är samma som kolumnen `namn`: behåll en av dem".to_string()), "{e:#?}");
}

#[test]
fn keys_and_words_of_the_format_in_messages_become_the_workbooks() {
    // A from year on a once cost: the core names the key and the period.
    let mut s = swedish();
    let c = row_of(&s, "kostnader", "nätverk", "eurocities") + 1;
    set(&mut s, "kostnader", c, "per", t("en gång"));
    set(&mut s, "kostnader", c, "från år", SheetCell::Int(2024));
    let e = errors(&s);
    assert!(
        e.iter().any(|m| m.contains(
            "`från år` hör ihop med `per: varje år`, inte med en engångskostnad: ta bort den eller använd `datum`"
        )),
        "{e:#?}"
    );
    assert!(
        !e.iter()
            .any(|m| m.contains("`from`") || m.contains("\"per\"")),
        "{e:#?}"
    );

    // A warning of check, at its cell, with the status word of the sheet.
    let back = from_tables(&swedish()).unwrap();
    let today = natverk::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let texts: Vec<String> = back
        .inventory
        .warnings(today)
        .into_iter()
        .map(|f| back.locator.in_workbook_words(f).message_in(Lang::Sv))
        .collect();
    assert!(
        texts.iter().any(|m| m.contains(
            "`mistra-urban-futures` slutade 2025-12-31 men har status aktiv: sätt status `avslutad` eller ett senare slutdatum"
        )),
        "{texts:#?}"
    );
}
