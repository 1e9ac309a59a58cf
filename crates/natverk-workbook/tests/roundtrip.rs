//! The Göteborg example through xlsx, the template, other column orders,
//! and cells as officials type them.

use std::io::Read;

use natverk::tables::{self, SheetCell};
use natverk::{Decimal, Inventory, InventoryData, Lang, NaiveDate, Network, Organisation};
use natverk_workbook::{export, import_bytes, read_sheets, template};

use crate::{goteborg, grid, xlsx, W};

fn s(x: &str) -> Option<W> {
    Some(W::S(x.into()))
}

#[test]
fn goteborg_round_trips_in_both_languages() {
    let inv = goteborg();
    for lang in Lang::ALL {
        let bytes = export(inv.data(), lang).unwrap();
        let back = import_bytes(&bytes).unwrap_or_else(|e| panic!("{lang}: {e}"));
        assert_eq!(back.inventory.to_json(), inv.to_json(), "{lang}");
        assert_eq!(back.inventory, inv);
    }
}

#[test]
fn sheets_are_named_as_spec_10_says() {
    let inv = goteborg();
    let en = read_sheets(&export(inv.data(), Lang::En).unwrap()).unwrap();
    let names: Vec<&str> = en.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "instructions",
            "organisation",
            "population",
            "units",
            "people",
            "fee_schedules",
            "tiers",
            "exchange_rates",
            "networks",
            "participants",
            "costs",
            "financing"
        ]
    );
    let networks = &en[8];
    let heading: Vec<String> = networks.rows[0]
        .cells
        .iter()
        .map(|(_, c)| match c {
            SheetCell::Text(t) => t.clone(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        heading.join(","),
        "id,name,organiser,kind,subjects,unit,start,end,deadline,status,notice_months,via,\
         decision_body,decision_date,decision_reference,url,purpose,notes,benefit,\
         recommendation,assessment_note"
    );
    let sv = read_sheets(&export(inv.data(), Lang::Sv).unwrap()).unwrap();
    let names: Vec<&str> = sv.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names[0], "instruktioner");
    assert_eq!(names[8], "nätverk");
    // Swedish words in Swedish workbooks.
    let people = &sv[4];
    let words: Vec<&SheetCell> = people.rows[1..]
        .iter()
        .flat_map(|r| r.cells.iter().filter(|(c, _)| *c == 3).map(|(_, v)| v))
        .collect();
    assert!(
        words.contains(&&SheetCell::Text("politiker".into())),
        "{words:?}"
    );
    assert!(
        words.contains(&&SheetCell::Text("tjänsteperson".into())),
        "{words:?}"
    );
}

/// The parts of an xlsx as text, by name.
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            let name = f.name().unwrap().to_string();
            f.read_to_string(&mut s).unwrap_or_default();
            (name, s)
        })
        .collect()
}

#[test]
fn drop_downs_frozen_headings_filters_and_date_cells() {
    let bytes = export(goteborg().data(), Lang::Sv).unwrap();
    let parts = parts(&bytes);
    let sheet = |n: usize| {
        parts
            .iter()
            .find(|(name, _)| name == &format!("xl/worksheets/sheet{n}.xml"))
            .map(|(_, x)| x.clone())
            .unwrap()
    };
    // sheet 9 is `nätverk` (after the instructions).
    let networks = sheet(9);
    assert!(
        networks.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "frozen"
    );
    assert!(networks.contains("<autoFilter ref=\"A1:U12\""), "filter");
    assert!(
        networks.contains("<formula1>'enheter'!$A$2:$A$1048576</formula1>"),
        "unit list"
    );
    assert!(
        networks.contains(
            "<formula1>\"nätverk,medlemskap,program,partnerskap,deklaration\"</formula1>"
        ),
        "kind list"
    );
    let participants = sheet(10);
    assert!(participants.contains("<formula1>'nätverk'!$A$2:$A$1048576</formula1>"));
    assert!(participants.contains("<formula1>'personer'!$A$2:$A$1048576</formula1>"));
    let styles = &parts.iter().find(|(n, _)| n == "xl/styles.xml").unwrap().1;
    assert!(styles.contains("formatCode=\"yyyy-mm-dd\""));
    // No formula anywhere: text is text.
    for (name, x) in &parts {
        assert!(!x.contains("<f>"), "{name} has a formula");
    }
}

#[test]
fn decimals_are_numbers_only_when_exact_and_text_never_a_formula() {
    let mut data = InventoryData::new(Organisation::new("=1+1", "SEK"));
    data.organisation.code = Some("0012".into());
    let start = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    let mut n = Network::new("1e5", "+46", start);
    for a in ["65000", "650.50", "12345678901234567890.12", "0.8"] {
        n.costs.push(natverk::Cost::yearly(
            natverk::CostKind::Fee,
            a.parse().unwrap(),
        ));
    }
    data.networks.push(n);
    let inv = Inventory::new(data).unwrap();
    let bytes = export(inv.data(), Lang::En).unwrap();
    let sheets = read_sheets(&bytes).unwrap();
    let org = &sheets[1].rows[1].cells;
    assert_eq!(org[0].1, SheetCell::Text("=1+1".into()));
    assert_eq!(org[1].1, SheetCell::Text("0012".into()));
    let costs = &sheets[10];
    let amounts: Vec<&SheetCell> = costs.rows[1..].iter().map(|r| &r.cells[2].1).collect();
    assert_eq!(
        amounts,
        [
            &SheetCell::Decimal(Decimal::from(65000)),
            &SheetCell::Text("650.50".into()),
            &SheetCell::Text("12345678901234567890.12".into()),
            &SheetCell::Decimal("0.8".parse().unwrap()),
        ]
    );
    let back = import_bytes(&bytes).unwrap();
    assert_eq!(back.inventory.to_json(), inv.to_json());
}

#[test]
fn the_template_has_headings_and_no_rows() {
    for lang in Lang::ALL {
        let bytes = template(lang).unwrap();
        let sheets = read_sheets(&bytes).unwrap();
        assert_eq!(sheets.len(), 12);
        for s in &sheets[1..] {
            assert_eq!(s.rows.len(), 1, "{}: only the headings", s.name);
        }
        let err = import_bytes(&bytes).unwrap_err();
        let text = err.findings().unwrap().to_text(lang);
        assert_eq!(err.findings().unwrap().len(), 1, "{text}");
        assert_eq!(
            err.findings().unwrap().as_slice()[0].finding.code.as_str(),
            "missing_field"
        );
    }
}

/// SPEC "Done means" 3, in code: fill the template's organisation, one
/// network, one person and one participant; it imports and checks clean.
#[test]
fn a_filled_template_imports_and_checks_clean() {
    let sheets = read_sheets(&template(Lang::Sv).unwrap()).unwrap();
    let mut g = grid(&sheets);
    let fill = |g: &mut Vec<(String, Vec<Vec<Option<W>>>)>, sheet: &str, row: Vec<Option<W>>| {
        g.iter_mut().find(|(n, _)| n == sheet).unwrap().1.push(row);
    };
    fill(
        &mut g,
        "organisation",
        vec![s("Göteborgs Stad"), Some(W::N(1480.0)), s("SEK")],
    );
    fill(
        &mut g,
        "personer",
        vec![
            s("ordf"),
            s("Anna"),
            s("kvinna"),
            s("politiker"),
            s("majoritet"),
            None,
            Some(W::N(1100.0)),
        ],
    );
    let mut net = vec![
        s("skr"),
        s("Modellkoncept för jämställdhet"),
        s("SKR"),
        s("program"),
        s("jämställdhet"),
    ];
    net.extend([
        None,
        Some(W::D(2024, 3, 1)),
        s("2025-12-31"),
        None,
        s("aktiv"),
    ]);
    fill(&mut g, "nätverk", net);
    fill(
        &mut g,
        "deltagare",
        vec![s("skr"), s("ordf"), s("styrgrupp"), Some(W::N(40.0))],
    );
    fill(
        &mut g,
        "kostnader",
        vec![
            s("skr"),
            s("deltagaravgift"),
            s("65 000"),
            None,
            None,
            s("varje år"),
        ],
    );
    let back = import_bytes(&xlsx(&g)).unwrap_or_else(|e| panic!("{e}"));
    let inv = back.inventory;
    assert_eq!(inv.networks()[0].participants[0].person, "ordf");
    assert_eq!(inv.data().organisation.code.as_deref(), Some("1480"));
    assert_eq!(
        inv.networks()[0].costs[0].amount,
        Some(Decimal::from(65000))
    );
    let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let f = natverk::check(inv.to_json().as_bytes(), today);
    assert_eq!(f.errors(), 0, "{}", f.to_json());
}

#[test]
fn columns_in_another_order_and_names_in_any_case() {
    let inv = goteborg();
    let sheets = read_sheets(&export(inv.data(), Lang::Sv).unwrap()).unwrap();
    let g: Vec<_> = grid(&sheets)
        .into_iter()
        .map(|(name, rows)| {
            let width = rows.iter().map(Vec::len).max().unwrap_or(0);
            let rows = rows
                .into_iter()
                .map(|mut r| {
                    r.resize(width, None);
                    r.reverse();
                    r
                })
                .collect();
            (name.to_uppercase(), rows)
        })
        .collect();
    let back = import_bytes(&xlsx(&g)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.inventory.to_json(), inv.to_json());
}

#[test]
fn cells_as_officials_type_them() {
    let g = vec![
        (
            "Organisation".to_string(),
            vec![vec![s("Namn"), s("Valuta")], vec![s("Kommunen"), s("SEK")]],
        ),
        (
            "Nätverk".to_string(),
            vec![
                vec![
                    s("ID"),
                    s("Namn"),
                    s("Startdatum"),
                    s("Slutdatum"),
                    s("Status"),
                    s("Sakområden"),
                    s("Nytta"),
                ],
                vec![
                    Some(W::N(2024.0)),
                    s("A"),
                    s("2024-03-01 00:00:00"),
                    Some(W::D(2025, 12, 31)),
                    s("Föreslagen"),
                    s("klimat ;  energi;"),
                    Some(W::F("=2+3", "5")),
                ],
            ],
        ),
        (
            "Kostnader".to_string(),
            vec![
                vec![
                    s("nätverk"),
                    s("kostnadsslag"),
                    s("belopp"),
                    s("del av år"),
                    s("per"),
                ],
                vec![s("2024"), s("avgift"), s("65 000,50 kr"), s("ja"), s("År")],
                vec![
                    s("2024"),
                    s("resa"),
                    Some(W::F("=60000+5000", "65000")),
                    Some(W::B(false)),
                    None,
                ],
                vec![
                    s("2024"),
                    s("övrigt"),
                    Some(W::N(0.1 + 0.2)),
                    s("nej"),
                    None,
                ],
            ],
        ),
    ];
    let inv = import_bytes(&xlsx(&g))
        .unwrap_or_else(|e| panic!("{e}"))
        .inventory;
    let n = &inv.networks()[0];
    assert_eq!(n.id, "2024");
    assert_eq!(n.start, NaiveDate::from_ymd_opt(2024, 3, 1).unwrap());
    assert_eq!(n.end, NaiveDate::from_ymd_opt(2025, 12, 31));
    assert_eq!(n.status, natverk::Status::Proposed);
    assert_eq!(n.subjects, ["klimat", "energi"]);
    assert_eq!(n.assessment.as_ref().unwrap().benefit, Some(5));
    let c = &n.costs;
    assert_eq!(c[0].amount.unwrap().to_string(), "65000.50");
    assert!(c[0].prorate);
    assert_eq!(
        c[1].amount,
        Some(Decimal::from(65000)),
        "a formula by its cached value"
    );
    assert_eq!(c[1].kind, natverk::CostKind::Travel);
    assert_eq!(
        c[2].amount.unwrap().to_string(),
        "0.3",
        "as the spreadsheet shows it"
    );
}

#[test]
fn five_bad_cells_are_five_findings_with_sheet_row_and_column() {
    let inv = goteborg();
    let sheets = read_sheets(&export(inv.data(), Lang::En).unwrap()).unwrap();
    let mut g = grid(&sheets);
    let mut set = |sheet: &str, row: usize, col: usize, v: Option<W>| {
        let rows = &mut g.iter_mut().find(|(n, _)| n == sheet).unwrap().1;
        let r = &mut rows[row - 1];
        if r.len() <= col {
            r.resize(col + 1, None);
        }
        r[col] = v;
    };
    set("networks", 2, 6, s("2024-02-30")); // start (G)
    set("networks", 4, 3, s("club")); // kind (D)
    set("people", 3, 6, s("tusen")); // hourly_cost (G)
    set("costs", 3, 2, s("12,3,4")); // amount (C)
    set("financing", 2, 6, s("1,5")); // probability (G): the core's range
    let err = import_bytes(&xlsx(&g)).unwrap_err();
    let f = err.findings().unwrap();
    let got: Vec<String> = f.iter().map(|f| f.place_text(Lang::En)).collect();
    assert_eq!(
        got,
        [
            "sheet `people`, row 3, column `hourly_cost` (G)",
            "sheet `networks`, row 2, column `start` (G)",
            "sheet `networks`, row 4, column `kind` (D)",
            "sheet `costs`, row 3, column `amount` (C)",
            "sheet `financing`, row 2, column `probability` (G)",
        ],
        "{}",
        f.to_text(Lang::En)
    );
    let sv = f.to_text(Lang::Sv);
    assert!(
        sv.contains("blad `networks`, rad 2, kolumn `start` (G): ogiltigt datum `2024-02-30`"),
        "{sv}"
    );
    assert!(
        sv.contains("sannolikheten `1.5` ligger utanför det tillåtna"),
        "{sv}"
    );
}

#[test]
fn a_population_given_as_one_number_round_trips() {
    let mut data = goteborg().into_data();
    data.organisation.population = Some(natverk::Population::Constant(604_616));
    let inv = Inventory::new(data).unwrap();
    let bytes = export(inv.data(), Lang::En).unwrap();
    let sheets = read_sheets(&bytes).unwrap();
    let pop = &sheets[2];
    assert_eq!(pop.rows.len(), 2);
    assert_eq!(
        pop.rows[1].cells,
        vec![(1, SheetCell::Decimal(Decimal::from(604_616)))]
    );
    assert_eq!(
        import_bytes(&bytes).unwrap().inventory.to_json(),
        inv.to_json()
    );
    let _ = tables::LAYOUT;
}
