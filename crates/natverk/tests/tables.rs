//! The workbook layout of SPEC §10 in the core (`natverk::tables`): the
//! round trip through sheets in both languages and any column order, every
//! kind of bad cell with golden messages in both languages, and findings of
//! the core mapped back to their cells.

use natverk::tables::{self, from_tables, InputRow, InputSheet, SheetCell};
use natverk::{Inventory, Lang, NaiveDate};

use crate::root;

fn goteborg() -> Inventory {
    let text = std::fs::read_to_string(root().join("examples/goteborg.json")).unwrap();
    Inventory::from_json(&text).unwrap()
}

fn sheets_of(inv: &Inventory, lang: Lang) -> Vec<InputSheet> {
    tables::tables(inv.data())
        .iter()
        .map(|s| s.to_input(lang))
        .collect()
}

#[test]
fn goteborg_round_trips_in_both_languages() {
    let inv = goteborg();
    for lang in Lang::ALL {
        let back = from_tables(&sheets_of(&inv, lang))
            .unwrap_or_else(|e| panic!("{lang}: {}", e.to_text(Lang::En)));
        assert_eq!(back.inventory.to_json(), inv.to_json(), "{lang}");
    }
}

#[test]
fn columns_in_another_order_and_names_in_any_case() {
    let inv = goteborg();
    let mut sheets = sheets_of(&inv, Lang::Sv);
    for (k, s) in sheets.iter_mut().enumerate() {
        s.name = if k % 2 == 0 {
            s.name.to_uppercase()
        } else {
            format!("  {}  ", s.name)
        };
        // Reverse the columns and start two columns in, three rows down,
        // with the rows in reverse order of the list.
        let width = s
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().map(|(c, _)| *c))
            .max()
            .unwrap_or(0);
        for r in &mut s.rows {
            r.row += 3;
            for (c, cell) in &mut r.cells {
                *c = width - *c + 2;
                if r.row == 4 {
                    if let SheetCell::Text(t) = cell {
                        *t = t.to_uppercase().replace(' ', "_");
                    }
                }
            }
        }
        s.rows.reverse();
    }
    let back = from_tables(&sheets).unwrap_or_else(|e| panic!("{}", e.to_text(Lang::En)));
    assert_eq!(back.inventory.to_json(), inv.to_json());
}

#[test]
fn the_instructions_sheet_and_empty_rows_are_skipped() {
    let inv = goteborg();
    let mut sheets = sheets_of(&inv, Lang::En);
    sheets.insert(
        0,
        InputSheet::from_grid(
            "Instruktioner",
            vec![
                vec![SheetCell::Text("Läs mig".into())],
                vec![SheetCell::Int(1)],
            ],
        ),
    );
    sheets.insert(
        1,
        InputSheet::from_grid("Read_Me", vec![vec![SheetCell::Text("notes".into())]]),
    );
    for s in &mut sheets {
        for r in &mut s.rows {
            r.row *= 2; // an empty row between every two
        }
        s.rows.push(InputRow {
            row: 999,
            cells: vec![(0, SheetCell::Text("   ".into())), (1, SheetCell::Empty)],
        });
    }
    let back = from_tables(&sheets).unwrap_or_else(|e| panic!("{}", e.to_text(Lang::En)));
    assert_eq!(back.inventory.to_json(), inv.to_json());
}

fn t(s: &str) -> SheetCell {
    SheetCell::Text(s.into())
}

fn d(s: &str) -> SheetCell {
    SheetCell::Decimal(s.parse().unwrap())
}

fn date(y: i32, m: u32, day: u32) -> SheetCell {
    SheetCell::Date(NaiveDate::from_ymd_opt(y, m, day).unwrap())
}

/// A workbook with every kind of bad cell, once each.
fn bad_workbook() -> Vec<InputSheet> {
    let e = SheetCell::Empty;
    vec![
        InputSheet::from_grid("instructions", vec![vec![t("anything")]]),
        InputSheet::from_grid(
            "organisation",
            vec![
                vec![t("name"), t("code"), t("currency")],
                vec![t("Göteborgs Stad"), SheetCell::Int(1480), t("SEK")],
                vec![t("Second"), e.clone(), t("SEK")],
            ],
        ),
        InputSheet::from_grid(
            "population",
            vec![
                vec![t("year"), t("population")],
                vec![SheetCell::Int(2022), SheetCell::Int(596841)],
                vec![SheetCell::Int(2022), SheetCell::Int(600000)],
                vec![e.clone(), t("-5")],
            ],
        ),
        InputSheet::from_grid(
            "units",
            vec![
                vec![t("id"), t("name"), t("central"), t("centrl")],
                vec![t("slk"), t("Stadsledningskontoret"), t("kanske"), e.clone()],
            ],
        ),
        InputSheet::from_grid("enheter", vec![vec![t("id")]]),
        InputSheet::from_grid(
            "Personer",
            vec![
                vec![t("id"), t("kön"), t("kön")],
                vec![t("ordf"), t("kvinna"), e.clone(), t("stray")],
            ],
        ),
        InputSheet::from_grid("netwroks", vec![vec![t("id")]]),
        InputSheet::from_grid("Budget 2024", vec![vec![t("x")]]),
        InputSheet::from_grid(
            "networks",
            vec![
                vec![
                    t("id"),
                    t("name"),
                    t("start"),
                    t("end"),
                    t("status"),
                    t("subjects"),
                    t("benefit"),
                    t("notice_months"),
                    t("deadline"),
                ],
                vec![
                    t("a"),
                    e.clone(),
                    t("2024-13-01"),
                    e.clone(),
                    t("aktivv"),
                    t("\"open"),
                    SheetCell::Int(300),
                    d("2.5"),
                    t("2024-03-01 12:30:00"),
                ],
                vec![
                    t("b"),
                    t("B"),
                    date(2024, 3, 1),
                    date(2023, 1, 1),
                    t("aktiv"),
                    t("jämställdhet"),
                    SheetCell::Error("#REF!".into()),
                    e.clone(),
                    e.clone(),
                ],
                vec![
                    t("b"),
                    t("B2"),
                    t("2024-03-01"),
                    e.clone(),
                    t("föreslagen"),
                    e.clone(),
                    e.clone(),
                    e.clone(),
                    e.clone(),
                ],
            ],
        ),
        InputSheet::from_grid(
            "participants",
            vec![
                vec![t("network"), t("person"), t("hours_per_year")],
                vec![t("b"), t("nobody"), t("40")],
                vec![t("zz"), t("ordf"), e.clone()],
            ],
        ),
        InputSheet::from_grid(
            "costs",
            vec![
                vec![t("network"), t("kind"), t("amount"), t("prorate")],
                vec![t("b"), t("avgift"), t("12,3,4"), e.clone()],
                vec![t("b"), t("fee"), SheetCell::Bool(true), e.clone()],
                vec![t("b"), t("fee"), t("-100"), SheetCell::Int(1)],
                vec![
                    t("b"),
                    t("fee"),
                    t("1234567890123456789012345678901"),
                    e.clone(),
                ],
            ],
        ),
        InputSheet::from_grid(
            "financing",
            vec![
                vec![t("network"), t("funder"), t("status")],
                vec![t("b"), t("Länsstyrelsen"), t("förväntad")],
            ],
        ),
    ]
}

fn golden(name: &str, text: &str) {
    let path = root().join("tests/workbook").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: UPDATE_GOLDEN=1", path.display()));
    assert_eq!(text, want, "{name} differs: UPDATE_GOLDEN=1 rewrites it");
}

#[test]
fn every_kind_of_bad_cell_with_golden_messages() {
    let err = from_tables(&bad_workbook()).unwrap_err();
    for (lang, name) in [
        (Lang::En, "bad-cells.en.txt"),
        (Lang::Sv, "bad-cells.sv.txt"),
    ] {
        golden(name, &(err.to_text(lang) + "\n"));
    }
    golden("bad-cells.json", &(err.to_json(Lang::En) + "\n"));
    // Every finding has a place; every cell finding its JSON path.
    for f in err.iter() {
        assert!(f.place.is_some(), "{f}");
    }
    let codes: Vec<&str> = err.iter().map(|f| f.finding.code.as_str()).collect();
    for code in [
        "unknown_field",
        "duplicate_key",
        "missing_field",
        "invalid_value",
        "unknown_reference",
        "duplicate_id",
    ] {
        assert!(codes.contains(&code), "{code}: {codes:?}");
    }
}

#[test]
fn five_bad_cells_give_five_findings() {
    let inv = goteborg();
    let mut sheets = sheets_of(&inv, Lang::En);
    let set = |sheets: &mut Vec<InputSheet>, sheet: &str, row: u32, col: &str, v: SheetCell| {
        let s = sheets.iter_mut().find(|s| s.name == sheet).unwrap();
        let heading = &s.rows[0].cells;
        let c = heading
            .iter()
            .find(|(_, h)| *h == SheetCell::Text(col.into()))
            .unwrap()
            .0;
        let r = s.rows.iter_mut().find(|r| r.row == row).unwrap();
        r.cells.retain(|(x, _)| *x != c);
        r.cells.push((c, v));
    };
    set(&mut sheets, "networks", 2, "start", t("2024-02-30"));
    set(&mut sheets, "networks", 3, "kind", t("club"));
    set(&mut sheets, "people", 2, "hourly_cost", t("tusen"));
    set(&mut sheets, "costs", 3, "amount", t("-5"));
    set(&mut sheets, "participants", 3, "person", t("nobody"));
    let err = from_tables(&sheets).unwrap_err();
    let places: Vec<String> = err.iter().map(|f| f.place_text(Lang::En)).collect();
    assert_eq!(
        places,
        [
            "sheet `people`, row 2, column `hourly_cost` (G)",
            "sheet `networks`, row 2, column `start` (G)",
            "sheet `networks`, row 3, column `kind` (D)",
            "sheet `participants`, row 3, column `person` (B)",
            "sheet `costs`, row 3, column `amount` (C)",
        ],
        "{}",
        err.to_text(Lang::En)
    );
    let paths: Vec<String> = err.iter().map(|f| f.finding.path.to_string()).collect();
    assert_eq!(
        paths,
        [
            "people[0].hourly_cost",
            "networks[0].start",
            "networks[1].kind",
            "networks[0].participants[1].person",
            "networks[0].costs[1].amount",
        ]
    );
}

#[test]
fn warnings_map_back_to_cells() {
    let inv = goteborg();
    let back = from_tables(&sheets_of(&inv, Lang::Sv)).unwrap();
    let today = NaiveDate::from_ymd_opt(2023, 11, 20).unwrap();
    let warnings = back.inventory.warnings(today);
    assert!(!warnings.is_empty());
    for w in &warnings {
        let place = back.locator.place(w).unwrap_or_else(|| panic!("{w}"));
        assert!(place.row.is_some(), "{w}");
        assert_eq!(
            place.sheet,
            tables::sheet_name(
                match (w.path.segments().get(2), w.path.segments().get(3)) {
                    (Some(natverk::Seg::Key(k)), Some(natverk::Seg::Index(_))) => k.as_ref(),
                    _ => "networks",
                },
                Lang::Sv
            )
        );
    }
}

#[test]
fn a_population_given_as_one_number_is_one_row_without_a_year() {
    let mut inv = goteborg().into_data();
    inv.organisation.population = Some(natverk::Population::Constant(604_616));
    let inv = Inventory::new(inv).unwrap();
    let sheets = tables::tables(inv.data());
    let p = sheets.iter().find(|s| s.key == "population").unwrap();
    assert_eq!(
        p.rows,
        vec![vec![SheetCell::Empty, SheetCell::Int(604_616)]]
    );
    let back = from_tables(&sheets_of(&inv, Lang::En)).unwrap();
    assert_eq!(back.inventory.to_json(), inv.to_json());
}

/// Many problems in one workbook are found without quadratic work (a
/// quadratic scan would hang here): 20 000 unknown columns, 20 000 rows with
/// a value under no heading, 30 000 population years out of range (each a
/// core finding mapped back to its row), 30 000 participants of unknown
/// networks.
#[test]
fn many_problems_are_reported_without_quadratic_work() {
    let mut heading: Vec<SheetCell> = vec![t("id"), t("name"), t("start")];
    heading.extend((0..20_000).map(|i| t(&format!("x{i}"))));
    let mut networks = InputSheet::from_grid("networks", vec![heading]);
    for i in 0..20_000 {
        networks.rows.push(InputRow {
            row: i + 2,
            cells: vec![
                (0, t(&format!("n{i}"))),
                (1, t("N")),
                (2, t("2024-01-01")),
                (20_003, t("stray")),
            ],
        });
    }
    let mut pop = vec![vec![t("year"), t("population")]];
    pop.extend((0..30_000).map(|i| vec![SheetCell::Int(10_000 + i), SheetCell::Int(1)]));
    let mut parts = vec![vec![t("network"), t("person")]];
    parts.extend((0..30_000).map(|i| vec![t(&format!("zz{i}")), t("p")]));
    let sheets = vec![
        InputSheet::from_grid(
            "organisation",
            vec![vec![t("name"), t("currency")], vec![t("X"), t("SEK")]],
        ),
        InputSheet::from_grid("population", pop),
        networks,
        InputSheet::from_grid("participants", parts),
    ];
    let err = from_tables(&sheets).unwrap_err();
    // 20 000 unknown columns (warnings: the first 1 000 and one that
    // counts the rest), one finding for the stray column, 30 000 years,
    // 30 000 unknown networks.
    assert_eq!(err.len(), 1_000 + 1 + 1 + 30_000 + 30_000);
    let years = err
        .iter()
        .filter(|f| f.finding.message.template().key == "NOT_A_YEAR")
        .count();
    assert_eq!(years, 30_000);
    let last_year = err
        .iter()
        .rfind(|f| f.finding.message.template().key == "NOT_A_YEAR")
        .unwrap();
    assert_eq!(
        last_year.place_text(Lang::En),
        "sheet `population`, row 30001, column `year` (A)"
    );
}

mod arbitrary {
    //! No workbook makes the reader panic: sheets and columns named in
    //! either language or not at all, cells of every kind anywhere.
    use super::*;
    use natverk::Decimal;
    use proptest::prelude::*;

    fn name() -> impl Strategy<Value = String> {
        let mut known: Vec<String> = Vec::new();
        for s in tables::LAYOUT {
            for lang in Lang::ALL {
                known.push(tables::sheet_name(s.key, lang).to_string());
                for c in s.columns {
                    known.push(tables::column_name(s.key, c.key, lang));
                }
            }
        }
        prop_oneof![
            4 => prop::sample::select(known),
            1 => "\\PC{0,12}",
        ]
    }

    fn cell() -> impl Strategy<Value = SheetCell> {
        prop_oneof![
            Just(SheetCell::Empty),
            name().prop_map(SheetCell::Text),
            prop::sample::select(vec![
                "2024-03-01",
                "65 000,50",
                "-1",
                "0",
                "ja",
                "aktiv",
                "1e5",
                "\"x",
                "a;b",
                "99999999999999999999999999999",
            ])
            .prop_map(|s| SheetCell::Text(s.into())),
            any::<i64>().prop_map(SheetCell::Int),
            (any::<i64>(), 0u32..29).prop_map(|(m, s)| SheetCell::Decimal(Decimal::new(m, s))),
            (1i32..10_000, 1u32..13, 1u32..29)
                .prop_map(|(y, m, d)| SheetCell::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())),
            any::<bool>().prop_map(SheetCell::Bool),
            Just(SheetCell::Error("#N/A".into())),
        ]
    }

    fn sheet() -> impl Strategy<Value = InputSheet> {
        (
            name(),
            prop::collection::vec(prop::collection::vec(cell(), 0..8), 0..6),
        )
            .prop_map(|(n, rows)| InputSheet::from_grid(n, rows))
    }

    proptest! {
        #[test]
        fn any_workbook_gives_an_inventory_or_findings(sheets in prop::collection::vec(sheet(), 0..8)) {
            match from_tables(&sheets) {
                Ok(imported) => {
                    // What imports exports and imports again the same.
                    let again: Vec<InputSheet> = tables::tables(imported.inventory.data())
                        .iter()
                        .map(|s| s.to_input(Lang::En))
                        .collect();
                    let back = from_tables(&again).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert_eq!(back.inventory.to_json(), imported.inventory.to_json());
                }
                Err(findings) => {
                    prop_assert!(!findings.is_empty());
                    for f in findings.iter() {
                        prop_assert!(!f.to_text(Lang::Sv).is_empty());
                        prop_assert!(!f.to_text(Lang::En).is_empty());
                    }
                }
            }
        }
    }
}

/// A cost's currency typed as people type it in a cell: `kr` is SEK, as
/// in the CLI's CSV import and after an amount (`4 000 kr`); `€` is EUR.
#[test]
fn a_currency_typed_as_kr_or_a_sign() {
    let sheets = vec![
        InputSheet::from_grid(
            "organisation",
            vec![vec![t("name"), t("currency")], vec![t("X"), t("kr")]],
        ),
        InputSheet::from_grid(
            "networks",
            vec![
                vec![t("id"), t("name"), t("start")],
                vec![t("n"), t("N"), t("2024-01-01")],
            ],
        ),
        InputSheet::from_grid(
            "exchange_rates",
            vec![
                vec![t("currency"), t("year"), t("rate")],
                vec![t(" € "), SheetCell::Int(2024), t("11,5")],
            ],
        ),
        InputSheet::from_grid(
            "costs",
            vec![
                vec![t("network"), t("kind"), t("amount"), t("currency")],
                vec![t("n"), t("fee"), t("4 000 kr"), t("KR")],
                vec![t("n"), t("fee"), t("100"), t("€")],
            ],
        ),
    ];
    let back = from_tables(&sheets).unwrap_or_else(|e| panic!("{}", e.to_text(Lang::En)));
    let data = back.inventory.data();
    assert_eq!(data.organisation.currency, "SEK");
    assert_eq!(data.exchange_rates[0].currency, "EUR");
    let costs = &data.networks[0].costs;
    assert_eq!(costs[0].currency.as_deref(), Some("SEK"));
    assert_eq!(costs[0].amount, Some(natverk::Decimal::from(4000)));
    assert_eq!(costs[1].currency.as_deref(), Some("EUR"));
}

/// The core's findings about items of lists, flattened objects and lists
/// of listed items come back to their cells, by the paths the layout's
/// columns declare (`networks[1].costs[1].amount`, `…assessment.benefit`,
/// `fee_schedules[0].per_capita.rate`).
#[test]
fn core_findings_come_back_to_the_cells_of_their_paths() {
    let sheets = vec![
        InputSheet::from_grid(
            "organisation",
            vec![vec![t("name"), t("currency")], vec![t("X"), t("SEK")]],
        ),
        InputSheet::from_grid(
            "fee_schedules",
            vec![vec![t("id"), t("rate")], vec![t("s1"), t("-1")]],
        ),
        InputSheet::from_grid(
            "networks",
            vec![
                vec![t("id"), t("name"), t("start"), t("benefit")],
                vec![t("n1"), t("N1"), t("2024-01-01")],
                vec![t("n2"), t("N2"), t("2024-01-01"), SheetCell::Int(9)],
            ],
        ),
        InputSheet::from_grid(
            "costs",
            vec![
                vec![t("network"), t("kind"), t("amount")],
                vec![t("n1"), t("fee"), t("-5")],
                vec![t("n2"), t("fee"), t("10")],
                vec![t("n2"), t("travel"), t("-1")],
            ],
        ),
    ];
    let err = from_tables(&sheets).unwrap_err();
    let at = |path: &str| {
        let f = err
            .iter()
            .find(|f| f.finding.path == path)
            .unwrap_or_else(|| panic!("{path}: {}", err.to_text(Lang::En)));
        let p = f.place.as_ref().unwrap();
        (p.sheet.clone(), p.row, p.column.clone())
    };
    let cell = |s: &str, r: u32, c: &str| (s.to_string(), Some(r), Some(c.to_string()));
    assert_eq!(
        at("networks[0].costs[0].amount"),
        cell("costs", 2, "amount")
    );
    assert_eq!(
        at("networks[1].costs[1].amount"),
        cell("costs", 4, "amount")
    );
    assert_eq!(
        at("networks[1].assessment.benefit"),
        cell("networks", 3, "benefit")
    );
    assert_eq!(
        at("fee_schedules[0].per_capita.rate"),
        cell("fee_schedules", 2, "rate")
    );
}
