//! The `natverk` binary, run as a user runs it.
//!
//! Golden files live in `tests/golden/`; `UPDATE_GOLDEN=1 cargo test -p
//! natverk-cli` rewrites them. The committed schema is
//! `schema/natverk-1.schema.json`; `UPDATE_SCHEMA=1` rewrites it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::Value;

#[path = "cli/lang.rs"]
mod lang;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn goteborg() -> String {
    root()
        .join("examples/goteborg.json")
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_natverk"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("an exit code")
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

/// Compares with a golden file, or rewrites it with `UPDATE_GOLDEN=1`.
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no golden file {}: run with UPDATE_GOLDEN=1",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}

const REPORT: [&str; 5] = ["--from", "2024", "--to", "2025", "--today"];

// ---------------------------------------------------------------------------
// Exit codes

#[test]
fn exit_codes() {
    let g = goteborg();
    assert_eq!(code(&run(&["report", &g, "--year", "2024"])), 0);
    assert_eq!(code(&run(&["check", &g, "--today", "2024-01-15"])), 0);
    // Usage: an unknown option, a bad value, a missing file, xlsx to stdout.
    assert_eq!(code(&run(&["report", &g, "--bogus"])), 2);
    assert_eq!(code(&run(&["report", &g, "--by", "colour"])), 2);
    assert_eq!(code(&run(&["report", &g, "--format", "pdf"])), 2);
    let o = run(&["report", "/nonexistent/inventory.json"]);
    assert_eq!(code(&o), 2);
    assert!(err(&o).contains("cannot read"), "{}", err(&o));
    assert_eq!(code(&run(&["check", "/nonexistent/inventory.json"])), 2);
    let o = run(&["report", &g, "--format", "xlsx"]);
    assert_eq!(code(&o), 2);
    assert!(err(&o).contains("-o FILE"));
    assert_eq!(
        code(&run(&["report", &g, "--from", "2025", "--to", "2024"])),
        2
    );
    // Writing into a directory that does not exist: I/O, exit 2.
    let o = run(&[
        "report",
        &g,
        "--year",
        "2024",
        "-o",
        "/nonexistent/dir/r.csv",
    ]);
    assert_eq!(code(&o), 2);
    // An inventory with errors: exit 1, for every command that loads it.
    let d = tmp();
    let bad = write(
        d.path(),
        "bad.json",
        r#"{"format": "natverk/1", "organisation": {"name": "X", "currency": "sek"}}"#,
    );
    for cmd in ["check", "report", "equality"] {
        let o = run(&[cmd, &bad, "--year", "2024"][..if cmd == "check" { 2 } else { 4 }]);
        assert_eq!(code(&o), 1, "{cmd}");
        assert!(
            out(&o).contains("organisation.currency"),
            "{cmd}: {}",
            out(&o)
        );
    }
}

#[test]
fn check_lists_every_mistake_with_its_path() {
    let d = tmp();
    let file = write(
        d.path(),
        "five.json",
        r#"{
  "format": "natverk/1",
  "organisation": { "name": "Exempelby kommun", "currency": "SEK" },
  "units": [ { "id": "ks", "name": "Kommunstyrelsen", "central": "ja" } ],
  "networks": [
    { "id": "a", "name": "A", "start": "2024-02-30", "unit": "ks" },
    { "id": "b", "name": "B", "start": "2024-01-01", "purpouse": "x" },
    { "id": "a", "name": "C", "start": "2024-01-01" },
    { "id": "d", "name": "D", "start": "2024-01-01", "unit": "kultur" }
  ]
}"#,
    );
    let o = run(&["check", &file, "--format", "json", "--today", "2024-01-15"]);
    assert_eq!(code(&o), 1);
    let v: Value = serde_json::from_str(&out(&o)).unwrap();
    let found: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["path"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        ("invalid_value", "units[0].central"),
        ("invalid_value", "networks[0].start"),
        ("unknown_field", "networks[1].purpouse"),
        ("duplicate_id", "networks[2].id"),
        ("unknown_reference", "networks[3].unit"),
    ];
    for (c, p) in expected {
        assert!(
            found.iter().any(|(fc, fp)| fc == c && fp == p),
            "missing {c} at {p} in {found:?}"
        );
    }
    assert_eq!(found.len(), 5, "{found:?}");
    assert_eq!(v["errors"], 5);
    // The table says the same, one line each.
    let o = run(&["check", &file, "--today", "2024-01-15"]);
    assert_eq!(code(&o), 1);
    let text = out(&o);
    for (c, p) in expected {
        assert!(text.contains(&format!("error[{c}] at {p}")), "{text}");
    }
    assert!(text.contains("5 errors"), "{text}");
    // And the CSV: a header and five rows.
    let o = run(&["check", &file, "--format", "csv", "--today", "2024-01-15"]);
    assert_eq!(code(&o), 1);
    let csv = out(&o);
    assert!(csv.starts_with("code,severity,path,line,column,message\n"));
    assert_eq!(csv.lines().count(), 6, "{csv}");
}

// ---------------------------------------------------------------------------
// Import

/// A sheet as Swedish Excel saves it: BOM, `;`, CRLF, decimal commas,
/// spaces and no-break spaces between thousands, Swedish headers and words.
const SHEET: &str = "\u{feff}Id;Namn;Huvudman;Typ;Sakområden;Enhet;Kommuncentral;Start;Slut;Status;Sista anmälningsdag;Årsavgift;Valuta;Anteckningar\r\n\
modell;Modellkoncept för jämställdhet;SKR;program;jämställdhet;slk;ja;2024-03-01;2025-12-31;föreslagen;2023-12-08;65 000,50;SEK;\"Avgift; trappad\"\r\n\
euro;Eurocities;Eurocities;medlemskap;internationellt | stad;slk;ja;1990-01-01;;aktiv;;22\u{a0}500;EUR;\r\n\
kultur;Kulturarv;Västarvet;nätverk;kultur;kultur;nej;2018-01-01;;aktiv;;5 000,00;;\"två\r\nrader\"\r\n\
;;;;;;;;;;;;;\r\n\
cemr;CEMR-deklarationen;CEMR;deklaration;jämställdhet;ks;JA;2008-01-01;;aktiv;;;;\r\n";

/// The same inventory, written by hand.
const HAND: &str = r#"{
  "format": "natverk/1",
  "organisation": { "name": "Göteborgs Stad", "code": "1480", "population": 604616, "currency": "SEK" },
  "units": [
    { "id": "slk", "name": "slk", "central": true },
    { "id": "kultur", "name": "kultur", "central": false },
    { "id": "ks", "name": "ks", "central": true }
  ],
  "exchange_rates": [ { "currency": "EUR", "year": 2024, "rate": "11.43" } ],
  "networks": [
    { "id": "modell", "name": "Modellkoncept för jämställdhet", "organiser": "SKR", "kind": "programme",
      "subjects": ["jämställdhet"], "unit": "slk", "start": "2024-03-01", "end": "2025-12-31",
      "status": "proposed", "deadline": "2023-12-08", "notes": "Avgift; trappad",
      "costs": [ { "kind": "fee", "amount": "65000.50", "currency": "SEK" } ] },
    { "id": "euro", "name": "Eurocities", "organiser": "Eurocities", "kind": "membership",
      "subjects": ["internationellt", "stad"], "unit": "slk", "start": "1990-01-01", "status": "active",
      "costs": [ { "kind": "fee", "amount": 22500, "currency": "EUR" } ] },
    { "id": "kultur", "name": "Kulturarv", "organiser": "Västarvet", "kind": "network",
      "subjects": ["kultur"], "unit": "kultur", "start": "2018-01-01", "status": "active",
      "notes": "två\r\nrader",
      "costs": [ { "kind": "fee", "amount": "5000" } ] },
    { "id": "cemr", "name": "CEMR-deklarationen", "organiser": "CEMR", "kind": "declaration",
      "subjects": ["jämställdhet"], "unit": "ks", "start": "2008-01-01", "status": "active" }
  ]
}"#;

/// `natverk import CSV --organisation Org --currency SEK -o TARGET`.
fn import_as_org(csv: &str, target: &Path) -> Output {
    run(&[
        "import",
        csv,
        "--organisation",
        "Org",
        "--currency",
        "SEK",
        "-o",
        target.to_str().unwrap(),
    ])
}

fn import_args<'a>(csv: &'a str, o: &'a str) -> Vec<&'a str> {
    vec![
        "import",
        csv,
        "--organisation",
        "Göteborgs Stad",
        "--currency",
        "SEK",
        "--code",
        "1480",
        "--population",
        "604 616",
        "--rate",
        "EUR:2024:11,43",
        "-o",
        o,
    ]
}

#[test]
fn import_of_a_swedish_excel_sheet_reports_as_the_hand_written_json() {
    let d = tmp();
    let csv = write(d.path(), "natverk.csv", SHEET);
    let hand = write(d.path(), "hand.json", HAND);
    let imported = d.path().join("imported.json");
    let imported = imported.to_str().unwrap();
    let o = run(&import_args(&csv, imported));
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert!(out(&o).is_empty(), "with -o nothing goes to stdout");
    for by in ["network", "unit", "subject,year", "kind,status"] {
        for scope in ["all", "central"] {
            let args = |f: &str| {
                run(&[
                    "report", f, "--from", "2024", "--to", "2025", "--by", by, "--scope", scope,
                    "--format", "json",
                ])
            };
            let (a, b) = (args(imported), args(&hand));
            assert_eq!(code(&a), 0, "{}", out(&a));
            assert_eq!(code(&b), 0, "{}", out(&b));
            assert_eq!(out(&a), out(&b), "report by {by}, scope {scope}");
        }
    }
    // The exact fee went through: 65 000,50 a year, two years.
    let r = run(&[
        "report", imported, "--from", "2024", "--to", "2025", "--format", "json",
    ]);
    let v: Value = serde_json::from_str(&out(&r)).unwrap();
    let modell = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["network"] == "modell")
        .unwrap();
    assert_eq!(modell["fees"], "130001.00");
    // Without -o, the inventory goes to stdout, loadable by the core.
    let mut args = import_args(&csv, "");
    args.truncate(args.len() - 2);
    let o = run(&args);
    assert_eq!(code(&o), 0);
    assert!(natverk::Inventory::from_json(&out(&o)).is_ok());
}

#[test]
fn import_takes_commas_and_english_headers() {
    let d = tmp();
    let csv = write(
        d.path(),
        "en.csv",
        "id,name,unit,unit_central,start,fee\nx,\"X, the network\",ks,true,2024-01-01,\"1,5\"\ny,Y,ks,1,2024-01-01,1200.25\n",
    );
    let target = d.path().join("en.json");
    let o = import_as_org(&csv, &target);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(v["networks"][0]["name"], "X, the network");
    assert_eq!(v["networks"][0]["costs"][0]["amount"], "1.5");
    assert_eq!(v["networks"][1]["costs"][0]["amount"], "1200.25");
    assert_eq!(v["units"][0]["central"], true);
}

#[test]
fn a_bad_sheet_lists_every_bad_cell_and_writes_nothing() {
    let d = tmp();
    let csv = write(
        d.path(),
        "bad.csv",
        "id;namn;typ;enhet;kommuncentral;start;status;avgift;valuta\r\n\
a;A;program;ks;ja;2024-01-01;aktiv;12,3,4;\r\n\
b;B;nätverk;ks;kanske;2024-13-01;aktiv;100;\r\n\
c;C;förening;kultur;nej;2024-01-01;aktiv;;EUR\r\n\
a;D;nätverk;kultur;ja;2024-01-01;pågående;1 000,00;SEK\r\n",
    );
    let target = d.path().join("out.json");
    std::fs::write(&target, "old").unwrap();
    let o = import_as_org(&csv, &target);
    assert_eq!(code(&o), 1, "{}", err(&o));
    let e = err(&o);
    for (row, col) in [
        (2, "avgift"),
        (3, "kommuncentral"),
        (3, "start"),
        (4, "typ"),
        (4, "valuta"),
        (5, "id"),
        (5, "kommuncentral"),
        (5, "status"),
    ] {
        assert!(
            e.contains(&format!("row {row}, column `{col}`")),
            "no problem at row {row}, column {col}:\n{e}"
        );
    }
    assert!(e.contains("8 problems"), "{e}");
    assert!(e.contains("nothing written"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    let leftovers = std::fs::read_dir(d.path()).unwrap().count();
    assert_eq!(leftovers, 2, "no temporary file is left");
    // Header problems: an unknown column (with a suggestion), a missing one.
    let csv = write(d.path(), "head.csv", "id;namn;avgfit\r\na;A;1\r\n");
    let o = run(&["import", &csv, "--organisation", "Org", "--currency", "SEK"]);
    assert_eq!(code(&o), 1);
    let e = err(&o);
    assert!(
        e.contains("unknown column `avgfit`; did you mean `avgift`?"),
        "{e}"
    );
    assert!(e.contains("no column `start`"), "{e}");
    assert!(out(&o).is_empty());
    // Bad options are reported as such.
    let csv = write(d.path(), "ok.csv", "id;namn;start\r\na;A;2024-01-01\r\n");
    let o = run(&["import", &csv, "--organisation", "", "--currency", "kronor"]);
    assert_eq!(code(&o), 1);
    let e = err(&o);
    assert!(e.contains("in option --organisation"), "{e}");
    assert!(e.contains("in option --currency"), "{e}");
}

#[test]
fn the_sample_sheet_imports() {
    let d = tmp();
    let target = d.path().join("networks.json");
    let csv = root().join("examples/networks.csv");
    let o = run(&[
        "import",
        csv.to_str().unwrap(),
        "--organisation",
        "Göteborgs Stad",
        "--currency",
        "SEK",
        "--code",
        "1480",
        "--rate",
        "EUR:2024:11,43",
        "--rate",
        "EUR:2025:11,10",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let o = run(&[
        "report",
        target.to_str().unwrap(),
        "--year",
        "2024",
        "--format",
        "json",
    ]);
    assert_eq!(code(&o), 0, "{}", out(&o));
}

// ---------------------------------------------------------------------------
// Formats

#[test]
fn golden_reports_in_every_format() {
    let g = goteborg();
    let cases: &[(&str, &[&str])] = &[
        ("report.json", &["--format", "json"]),
        ("report.csv", &["--format", "csv"]),
        (
            "report-by-subject-year.csv",
            &["--format", "csv", "--by", "subject,year"],
        ),
        ("report.md", &["--format", "md"]),
        (
            "report-leave.sv.md",
            &["--format", "md", "--lang", "sv", "--leave", "recommended"],
        ),
        ("report.en.txt", &["--format", "table"]),
        ("report.sv.txt", &["--format", "table", "--lang", "sv"]),
        ("report.en.html", &["--format", "html"]),
        (
            "report-leave.sv.html",
            &["--format", "html", "--lang", "sv", "--leave", "recommended"],
        ),
    ];
    for (name, extra) in cases {
        let mut args = vec!["report", g.as_str()];
        args.extend(REPORT);
        args.push("2024-01-15");
        args.extend(*extra);
        let o = run(&args);
        assert_eq!(code(&o), 0, "{name}: {}", err(&o));
        golden(name, &out(&o));
    }
    let cases: &[(&str, &[&str])] = &[
        ("equality.csv", &["--format", "csv"]),
        ("equality.md", &["--format", "md"]),
        ("equality.sv.txt", &["--format", "table", "--lang", "sv"]),
        ("equality.sv.md", &["--format", "md", "--lang", "sv"]),
        (
            "equality.sv.html",
            &["--format", "html", "--lang", "sv", "--today", "2024-01-15"],
        ),
    ];
    for (name, extra) in cases {
        let mut args = vec!["equality", g.as_str(), "--from", "2024", "--to", "2025"];
        args.extend(*extra);
        let o = run(&args);
        assert_eq!(code(&o), 0, "{name}: {}", err(&o));
        golden(name, &out(&o));
    }
    for (name, format, lang) in [
        ("check.sv.txt", "table", "sv"),
        ("check.en.md", "md", "en"),
        ("check.sv.csv", "csv", "sv"),
    ] {
        let o = run(&[
            "check",
            &g,
            "--today",
            "2024-01-15",
            "--format",
            format,
            "--lang",
            lang,
        ]);
        assert_eq!(code(&o), 0, "{name}: {}", err(&o));
        golden(name, &out(&o));
    }
}

#[test]
fn swedish_tables_group_thousands_with_spaces() {
    let o = run(&[
        "report",
        &goteborg(),
        "--from",
        "2024",
        "--to",
        "2025",
        "--lang",
        "sv",
    ]);
    let t = out(&o);
    assert!(t.contains("Valuta: kr"), "{t}");
    assert!(t.contains("Avgifter"));
    assert!(t.contains("Totalt"));
    assert!(t.contains("130\u{a0}000,00"), "{t}");
    assert!(t.contains("5\u{a0}040\u{a0}082,55"), "{t}");
}

#[test]
fn csv_is_tidy_and_matches_the_json() {
    let g = goteborg();
    let csv = out(&run(&[
        "report", &g, "--from", "2024", "--to", "2025", "--format", "csv",
    ]));
    let json: Value = serde_json::from_str(&out(&run(&[
        "report", &g, "--from", "2024", "--to", "2025", "--format", "json",
    ])))
    .unwrap();
    let mut rd = csv::Reader::from_reader(csv.as_bytes());
    let head: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        head,
        [
            "network",
            "name",
            "fees",
            "time",
            "travel",
            "other",
            "gross",
            "granted",
            "expected",
            "net",
            "expected_net"
        ]
    );
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    let lines = json["lines"].as_array().unwrap();
    assert_eq!(rows.len(), lines.len());
    for (row, line) in rows.iter().zip(lines) {
        for (i, h) in head.iter().enumerate() {
            assert_eq!(row[i], *line[h.as_str()].as_str().unwrap(), "{h}");
            if i >= 2 {
                assert!(!row[i].contains([' ', ',']), "plain decimals: {}", &row[i]);
            }
        }
    }
}

#[test]
fn xlsx_has_tables_with_numeric_money_and_the_right_totals() {
    let d = tmp();
    let path = d.path().join("report.xlsx");
    let g = goteborg();
    let o = run(&[
        "report",
        &g,
        "--from",
        "2024",
        "--to",
        "2025",
        "--today",
        "2024-01-15",
        "--leave",
        "recommended",
        "--format",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let json: Value = serde_json::from_str(&out(&run(&[
        "report",
        &g,
        "--from",
        "2024",
        "--to",
        "2025",
        "--leave",
        "recommended",
        "--format",
        "json",
    ])))
    .unwrap();
    let money = |v: &Value| -> f64 { v.as_str().unwrap().parse().unwrap() };

    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "Cost report",
            "Total",
            "Seats and persons",
            "Staff time",
            "Networks by gender",
            "Warnings"
        ]
    );
    wb.load_tables().unwrap();
    let mut tables: Vec<&String> = wb.table_names();
    tables.sort();
    assert_eq!(
        tables,
        ["Findings", "Networks", "People", "Report", "Time", "Totals"]
    );

    let report = wb.worksheet_range("Cost report").unwrap();
    let head: Vec<String> = report
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(head[0], "Network");
    assert_eq!(head[10], "Expected net");
    let lines = json["lines"].as_array().unwrap();
    assert_eq!(report.height(), lines.len() + 1);
    let mut net_sum = 0.0;
    for (row, line) in report.rows().skip(1).zip(lines) {
        assert_eq!(
            row[0],
            Data::String(line["network"].as_str().unwrap().into())
        );
        for (i, field) in natverk::money::MONEY_FIELDS.iter().enumerate() {
            match &row[2 + i] {
                Data::Float(x) => assert_eq!(*x, money(&line[*field]), "{field}"),
                other => panic!("{field} is not a number: {other:?}"),
            }
        }
        if let Data::Float(x) = row[9] {
            net_sum += x;
        }
    }
    let total_net = money(&json["total"]["net"]);
    assert!(
        (net_sum - total_net).abs() < 0.005,
        "{net_sum} vs {total_net}"
    );

    let totals = wb.worksheet_range("Total").unwrap();
    let rows: Vec<&[Data]> = totals.rows().collect();
    assert_eq!(rows[1][0], Data::String("Total".into()));
    assert_eq!(rows[2][0], Data::String("Savings".into()));
    for (i, field) in natverk::money::MONEY_FIELDS.iter().enumerate() {
        assert_eq!(
            rows[1][2 + i],
            Data::Float(money(&json["total"][*field])),
            "{field}"
        );
        assert_eq!(
            rows[2][2 + i],
            Data::Float(money(&json["savings"][*field])),
            "{field}"
        );
    }

    // Years are integers when grouped by year.
    let by_year = d.path().join("year.xlsx");
    let o = run(&[
        "report",
        &g,
        "--from",
        "2024",
        "--to",
        "2025",
        "--by",
        "year",
        "--format",
        "xlsx",
        "-o",
        by_year.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0);
    let mut wb: Xlsx<_> = open_workbook(&by_year).unwrap();
    let r = wb.worksheet_range("Cost report").unwrap();
    let years: Vec<Data> = r.rows().skip(1).map(|row| row[0].clone()).collect();
    assert_eq!(years, [Data::Float(2024.0), Data::Float(2025.0)]);

    let findings = wb.worksheet_range("Warnings").unwrap();
    assert!(findings.height() > 1, "the warnings of check are listed");
}

fn hostile_inventory(dir: &Path) -> String {
    write(
        dir,
        "evil.json",
        r#"{
  "format": "natverk/1",
  "organisation": { "name": "Kommun & <b>Co</b>", "currency": "SEK" },
  "people": [ { "id": "p1", "name": "Anna Hemlig", "gender": "woman", "role": "official", "hourly_cost": 500 } ],
  "networks": [
    { "id": "x\"><script>alert(2)</script>", "name": "<img src=x onerror=alert(1)>",
      "organiser": "A & B", "subjects": ["<svg onload=alert(3)>"], "start": "2024-01-01",
      "participants": [ { "person": "p1", "hours_per_year": 10 } ],
      "costs": [ { "kind": "fee", "amount": "1000" } ] }
  ]
}"#,
    )
}

#[test]
fn widget_escapes_every_string_and_shows_no_person_names() {
    let d = tmp();
    let f = hostile_inventory(d.path());
    for by in [
        "network",
        "subject",
        "organiser",
        "network,subject,organiser,unit",
    ] {
        let o = run(&[
            "report",
            &f,
            "--year",
            "2024",
            "--by",
            by,
            "--format",
            "widget",
            "--src",
            "\"><script>alert(4)</script>",
            "--stylesheet",
            "x\" onload=\"alert(5)",
        ]);
        assert_eq!(code(&o), 0, "{}", err(&o));
        let w = out(&o);
        assert!(w.starts_with("<natverk-inventory "), "{w}");
        assert!(w.contains("<template shadowrootmode=\"open\">"), "{w}");
        assert!(
            w.trim_end().ends_with("</template>\n</natverk-inventory>"),
            "{w}"
        );
        // The only markup is the widget's own: no script, image, inline
        // style or event handler from the file or the options.
        for bad in [
            "<img",
            "<script",
            "<svg onload",
            "<b>Co",
            "style=",
            " onload=\"",
        ] {
            assert!(!w.contains(bad), "{bad} in {w}");
        }
        assert!(!w.contains("Anna Hemlig"), "a person's name leaked");
        assert!(w.contains("Kommun &amp; &lt;b&gt;Co&lt;/b&gt;"), "{w}");
        assert!(
            w.contains("src=\"&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;\""),
            "{w}"
        );
        assert!(
            w.contains("<link rel=\"stylesheet\" href=\"x&quot; onload=&quot;alert(5)\">"),
            "{w}"
        );
        if by.starts_with("network") {
            assert!(w.contains("&lt;img src=x onerror=alert(1)&gt;"), "{w}");
        }
        // Every tag opened in the view is closed (a hostile string cannot
        // end an element early).
        for tag in ["section", "table", "tbody", "tr", "details", "svg", "g"] {
            let open =
                w.matches(&format!("<{tag}>")).count() + w.matches(&format!("<{tag} ")).count();
            assert_eq!(
                open,
                w.matches(&format!("</{tag}>")).count(),
                "<{tag}> in {w}"
            );
        }
    }
    // Options the widget has no attribute for are refused (exit 2).
    for extra in [["--status", "active"], ["--leave", "recommended"]] {
        let o = run(&[
            "report", &f, "--year", "2024", "--format", "widget", extra[0], extra[1],
        ]);
        assert_eq!(code(&o), 2, "{}", err(&o));
        assert!(err(&o).contains("--format html"), "{}", err(&o));
    }
    // Only a report has a widget.
    let o = run(&["check", &f, "--format", "widget"]);
    assert_ne!(code(&o), 0);
    assert!(err(&o).contains("natverk report"), "{}", err(&o));
}

/// The fragment lists the first 20 warnings and says how many more there
/// are (the module lists them all when it adopts the element); with 20 or
/// fewer it lists them all.
#[test]
fn widget_lists_the_first_warnings_and_counts_the_rest() {
    let d = tmp();
    // 50, 20 and 2 warnings: every network has no costs and no participants.
    for n in [25, 10, 1] {
        let nets: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"id": "n{i:02}", "name": "N {i}", "start": "2024-01-01"}}"#))
            .collect();
        let f = write(
            d.path(),
            &format!("w{n}.json"),
            format!(
                r#"{{"format": "natverk/1", "organisation": {{"name": "O", "currency": "SEK"}}, "networks": [{}]}}"#,
                nets.join(",")
            ),
        );
        let check = run(&["check", &f, "--format", "json", "--today", "2024-06-01"]);
        let all: serde_json::Value = serde_json::from_str(&out(&check)).unwrap();
        let total = all["findings"].as_array().unwrap().len();
        assert_eq!(total, 2 * n, "{all}");
        let o = run(&[
            "report",
            &f,
            "--year",
            "2024",
            "--format",
            "widget",
            "--today",
            "2024-06-01",
            "--lang",
            "en",
        ]);
        assert_eq!(code(&o), 0, "{}", err(&o));
        let w = out(&o);
        assert!(w.contains(&format!("data-count=\"{total}\"")), "{w}");
        assert!(w.contains(&format!("Warnings: {total} warnings")), "{w}");
        let items = w.matches("<li><span class=\"severity").count();
        let rest = total.saturating_sub(20);
        assert_eq!(items, total.min(20), "{w}");
        if total > 20 {
            assert!(
                w.contains(&format!("<li class=\"more\">… and {rest} more</li>")),
                "{w}"
            );
        } else {
            assert!(!w.contains("class=\"more\">…"), "{w}");
        }
    }
}

#[test]
fn html_escapes_every_string_and_shows_no_person_names() {
    let d = tmp();
    let f = hostile_inventory(d.path());
    for by in ["network", "subject", "organiser"] {
        let o = run(&[
            "report", &f, "--year", "2024", "--by", by, "--format", "html",
        ]);
        assert_eq!(code(&o), 0, "{}", err(&o));
        let html = out(&o);
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<svg onload"), "{html}");
        assert!(!html.contains("<b>Co"), "{html}");
        assert!(!html.contains("Anna Hemlig"), "a person's name leaked");
        if by == "network" {
            assert!(
                html.contains("&lt;img src=x onerror=alert(1)&gt;"),
                "{html}"
            );
        }
        assert!(html.contains("Kommun &amp; &lt;b&gt;Co&lt;/b&gt;"));
        assert!(
            !html.contains("<script") && !html.contains("src=\"http"),
            "no scripts, no external assets"
        );
    }
    // Markdown escapes too.
    let md = out(&run(&["report", &f, "--year", "2024", "--format", "md"]));
    assert!(md.contains(r"\<img src=x onerror=alert(1)\>"), "{md}");
    let bytes = md.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'<' {
            assert!(i > 0 && bytes[i - 1] == b'\\', "an unescaped < in {md}");
        }
    }
}

#[test]
fn html_renders_in_a_real_browser() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("note: /usr/bin/chromium not found; skipping the browser check");
        return;
    }
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let html = artifacts.join("report.html");
    let o = run(&[
        "report",
        &goteborg(),
        "--from",
        "2024",
        "--to",
        "2025",
        "--today",
        "2024-01-15",
        "--leave",
        "recommended",
        "--format",
        "html",
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0);
    let url = file_url(&html.canonicalize().unwrap());
    let browser = |extra: &[&str]| {
        Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ])
            .args(extra)
            .arg(&url)
            .output()
            .expect("chromium runs")
    };
    let dom = browser(&["--dump-dom"]);
    assert!(dom.status.success(), "{}", err(&dom));
    let text = String::from_utf8_lossy(&dom.stdout).replace("&nbsp;", " ");
    for name in [
        "Modellkoncept för jämställdhet",
        "Eurocities",
        "Sveriges Kommuner och Regioner, medlemskap",
        "4,856,582.55",
        "183,500.00",
        "Net cost 2024–2025",
    ] {
        assert!(text.contains(name), "the rendered page lacks {name}");
    }
    let png = artifacts.join("report.png");
    let _ = std::fs::remove_file(&png);
    let shot = browser(&[
        "--window-size=1280,2200",
        &format!("--screenshot={}", png.display()),
    ]);
    assert!(shot.status.success(), "{}", err(&shot));
    assert!(png.exists(), "a screenshot in {}", png.display());
}

// ---------------------------------------------------------------------------
// Schema

#[test]
fn the_committed_schema_is_the_one_the_core_derives() {
    let o = run(&["schema"]);
    assert_eq!(code(&o), 0);
    let path = root().join("schema/natverk-1.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, out(&o)).unwrap();
    }
    let committed = std::fs::read_to_string(&path)
        .expect("schema/natverk-1.schema.json exists (UPDATE_SCHEMA=1 writes it)");
    assert!(
        committed == out(&o),
        "schema/natverk-1.schema.json differs from `natverk schema`: run UPDATE_SCHEMA=1 cargo test -p natverk-cli"
    );
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&natverk::format::generate::json_schema()).unwrap();
    assert!(
        jsonschema::meta::is_valid(&schema),
        "a valid 2020-12 schema"
    );
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn the_example_validates_against_the_schema() {
    let v = validator();
    let g: Value = serde_json::from_str(&std::fs::read_to_string(goteborg()).unwrap()).unwrap();
    let errors: Vec<String> = v.iter_errors(&g).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The imported sample too.
    let d = tmp();
    let csv = root().join("examples/networks.csv");
    let o = run(&[
        "import",
        csv.to_str().unwrap(),
        "--organisation",
        "G",
        "--currency",
        "SEK",
        "--rate",
        "EUR:2024:11,43",
    ]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let imported: Value = serde_json::from_str(&out(&o)).unwrap();
    assert!(v.is_valid(&imported));
    drop(d);
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let v = validator();
    let ok = serde_json::json!({
        "format": "natverk/1",
        "organisation": { "name": "X", "currency": "SEK" },
        "people": [ { "id": "p", "role": "politician", "side": "majority" } ],
        "networks": [ { "id": "a", "name": "A", "start": "2024-01-01",
            "costs": [ { "kind": "fee", "amount": "100.50" } ],
            "financing": [ { "funder": "F", "status": "expected", "probability": "0.8" } ] } ]
    });
    assert!(v.is_valid(&ok));
    assert!(natverk::Inventory::from_json(&ok.to_string()).is_ok());
    let breaks: &[(&str, Value)] = &[
        ("/networks/0/nmae", serde_json::json!("typo")),
        ("/format", serde_json::json!("natverk/2")),
        ("/organisation/currency", serde_json::json!("sek")),
        ("/networks/0/kind", serde_json::json!("club")),
        ("/networks/0/start", serde_json::json!("1 March 2024")),
        ("/networks/0/costs/0/amount", serde_json::json!("65 000")),
        ("/networks/0/costs/0/schedule", serde_json::json!("s")),
        (
            "/networks/0/financing/0/status",
            serde_json::json!("granted"),
        ),
        ("/people/0/role", serde_json::json!("official")),
        (
            "/networks/0/assessment",
            serde_json::json!({ "benefit": 7 }),
        ),
    ];
    for (pointer, value) in breaks {
        let mut doc = ok.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        doc.pointer_mut(parent).unwrap()[key] = value.clone();
        assert!(!v.is_valid(&doc), "the schema accepts {pointer} = {value}");
        assert!(
            natverk::Inventory::from_json(&doc.to_string()).is_err(),
            "the loader accepts {pointer} = {value}"
        );
    }
}

#[test]
fn unknown_leave_ids_are_findings_and_bad_years_are_usage_errors() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_natverk"))
        .args([
            "report",
            "../../examples/goteborg.json",
            "--from",
            "2024",
            "--to",
            "2025",
        ])
        .args(["--leave", "eurocities,no-such-network", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"][0]["code"], "unknown_reference");
    assert_eq!(v["errors"], 1);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_natverk"))
        .args([
            "report",
            "../../examples/goteborg.json",
            "--from",
            "2025",
            "--to",
            "2024",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("before"));
}

#[test]
fn csv_cells_from_the_file_cannot_become_spreadsheet_formulas() {
    let d = tmp();
    let f = write(
        d.path(),
        "formula.json",
        r#"{"format": "natverk/1", "organisation": {"name": "K", "currency": "SEK"},
  "networks": [
    {"id": "n1", "name": "=HYPERLINK(\"http://x\",\"klick\")", "organiser": "@SUM(1+1)",
     "subjects": ["+cmd", "-x", "vanlig"], "start": "2024-01-01",
     "costs": [{"kind": "fee", "amount": "100"}]}
  ]}"#,
    );
    for by in ["network", "organiser", "subject"] {
        let o = run(&[
            "report", &f, "--year", "2024", "--by", by, "--format", "csv",
        ]);
        assert_eq!(code(&o), 0, "{}", err(&o));
        let text = out(&o);
        let mut r = csv::Reader::from_reader(text.as_bytes());
        for rec in r.records() {
            for cell in rec.unwrap().iter() {
                let negative_number = cell.starts_with('-') && cell.parse::<f64>().is_ok();
                let formula = cell.starts_with(['=', '+', '@', '-']) && !negative_number;
                assert!(!formula, "a formula-like cell: {cell}");
            }
        }
        if by == "subject" {
            // money stays plain, and ordinary text is untouched
            assert!(
                text.contains("'+cmd,") && text.contains("vanlig,"),
                "{text}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Bounded and safe (SPEC §9, issue 11). The release binary is checked under
// the bound by tests/hostile; these are the quick checks of the same rules.

#[cfg(unix)]
#[test]
fn o_refuses_what_is_not_a_regular_file_and_leaves_it() {
    let d = tmp();
    let real = write(d.path(), "real.csv", "keep");
    let link = d.path().join("link.csv");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let g = goteborg();
    let o = run(&[
        "report",
        &g,
        "--year",
        "2024",
        "-f",
        "csv",
        "-o",
        link.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 2, "{}", err(&o));
    assert!(err(&o).contains("symbolic link"), "{}", err(&o));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "keep");
    let o = run(&["schema", "-o", d.path().to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(err(&o).contains("directory"), "{}", err(&o));
    // Nothing but the two files: no temporary file either.
    assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 2);
}

#[test]
fn every_csv_output_neutralises_formulas_from_the_file() {
    let d = tmp();
    let f = write(
        d.path(),
        "f.json",
        r#"{"format": "natverk/1", "organisation": {"name": "K", "currency": "SEK"},
            "=HYPERLINK(\"http://x\",\"y\")": 1}"#,
    );
    let o = run(&["check", &f, "-f", "csv"]);
    assert_eq!(code(&o), 1);
    let text = out(&o);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let paths: Vec<String> = r.records().map(|x| x.unwrap()[2].to_string()).collect();
    assert_eq!(paths, ["'=HYPERLINK(\"http://x\",\"y\")"]);
}

#[test]
fn control_characters_from_the_file_are_escaped_for_people() {
    let d = tmp();
    let f = write(
        d.path(),
        "c.json",
        "{\"format\": \"natverk/1\", \"organisation\": {\"name\": \"K\\u001b[2J\", \"currency\": \"SEK\"},
          \"networks\": [{\"id\": \"a\\u0007\", \"name\": \"two\\nlines\\r\", \"start\": \"2024-01-01\",
                          \"costs\": [{\"kind\": \"fee\", \"amount\": \"1\"}]}]}",
    );
    let o = run(&["report", &f, "--year", "2024"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let text = out(&o);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert!(text.contains("K\\u{1b}[2J") && text.contains("two\\u{a}lines\\u{d}"));
    // one line per network: the newline in the name does not break the row
    assert_eq!(text.lines().filter(|l| l.starts_with("a\\u{7}")).count(), 1);
}

#[test]
fn import_decodes_by_the_byte_order_mark_and_finds_stray_bytes() {
    let d = tmp();
    let text = "id\tnamn\tstart\na\tGöteborg\t2024-01-01\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let sheet = write(d.path(), "u16.csv", le);
    let o = run(&["import", &sheet, "--organisation", "K", "--currency", "SEK"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert!(out(&o).contains("Göteborg"));
    let mut bytes = "id;namn;start\na;Göteborg;2024-01-01\nb;Malm"
        .as_bytes()
        .to_vec();
    bytes.extend(b"\xf6;2024-01-01\n");
    let sheet = write(d.path(), "stray.csv", bytes);
    let o = run(&["import", &sheet, "--organisation", "K", "--currency", "SEK"]);
    assert_eq!(code(&o), 1);
    let e = err(&o);
    assert!(
        e.contains("row 3, column `namn`") && e.contains("0xF6"),
        "{e}"
    );
    // Windows-1252 only when nothing is UTF-8, and the note also on failure
    let sheet = write(
        d.path(),
        "ansi.csv",
        b"id;namn;start\na;G\xf6teborg;2024-13-01\n",
    );
    let o = run(&["import", &sheet, "--organisation", "K", "--currency", "SEK"]);
    assert_eq!(code(&o), 1);
    assert!(err(&o).contains("Windows-1252"), "{}", err(&o));
}

#[test]
fn small_defects_of_the_options_and_the_sheet() {
    let g = goteborg();
    let o = run(&["report", &g, "--year", "10000"]);
    assert_eq!(code(&o), 2);
    assert_eq!(err(&o).matches("9999").count(), 1, "{}", err(&o));
    assert_eq!(code(&run(&["check", &g, "--today", "0000-01-01"])), 2);
    let o = run(&["report", &g, "--year", "2024", "--leave-from", "2025"]);
    assert_eq!(code(&o), 2);
    assert!(err(&o).contains("--leave"), "{}", err(&o));
    let d = tmp();
    let sheet = write(
        d.path(),
        "q.csv",
        "id;name;start\na;\"Open;2024-01-01\nb;B;2024-01-01\n",
    );
    let o = run(&[
        "import",
        &sheet,
        "--organisation",
        "K",
        "--currency",
        "SEK",
        "--population",
        "99999999999999999999",
    ]);
    assert_eq!(code(&o), 1);
    let e = err(&o);
    assert!(
        e.contains("row 2, column `name`") && e.contains("quote"),
        "{e}"
    );
    let sheet = write(d.path(), "p.csv", "id;name;start\na;A;2024-01-01\n");
    let o = run(&[
        "import",
        &sheet,
        "--organisation",
        "K",
        "--currency",
        "SEK",
        "--population",
        "99999999999999999999",
    ]);
    assert_eq!(code(&o), 1);
    assert!(err(&o).contains("too large"), "{}", err(&o));
}

#[test]
fn every_format_reports_amounts_near_the_top_of_the_decimal_type() {
    let d = tmp();
    let f = write(
        d.path(),
        "big.json",
        r#"{"format": "natverk/1", "organisation": {"name": "K", "currency": "SEK"},
            "networks": [{"id": "a", "name": "A", "start": "2024-01-01",
              "costs": [{"kind": "fee", "amount": "39228162514264337593543950335"},
                        {"kind": "travel", "amount": "39228162514264337593543950335"}]},
              {"id": "b", "name": "B", "start": "2024-01-01",
               "costs": [{"kind": "fee", "amount": "1"}]}]}"#,
    );
    for f_ in ["table", "json", "csv", "md", "html"] {
        let o = run(&["report", &f, "--year", "2024", "-f", f_]);
        assert_eq!(code(&o), 0, "{f_}: {}", err(&o));
    }
    let x = d.path().join("r.xlsx");
    let o = run(&[
        "report",
        &f,
        "--year",
        "2024",
        "-f",
        "xlsx",
        "-o",
        x.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", err(&o));
}

#[test]
fn a_report_too_large_for_its_format_stops_with_a_limit_finding() {
    let d = tmp();
    let subjects: Vec<String> = (0..1000).map(|i| format!("\"s{i}\"")).collect();
    let f = write(
        d.path(),
        "s.json",
        format!(
            r#"{{"format": "natverk/1", "organisation": {{"name": "K", "currency": "SEK"}},
            "networks": [{{"id": "n", "name": "N", "start": "0001-01-01", "subjects": [{}],
              "costs": [{{"kind": "fee", "amount": "1"}}]}}]}}"#,
            subjects.join(",")
        ),
    );
    let x = d.path().join("r.xlsx");
    let o = run(&[
        "report",
        &f,
        "--from",
        "1000",
        "--to",
        "1099",
        "--by",
        "subject,year",
        "-f",
        "xlsx",
        "-o",
        x.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1, "{}", err(&o));
    let text = out(&o);
    assert!(
        text.contains("limit") && text.contains("--by") && text.contains("--format csv"),
        "{text}"
    );
    assert!(!x.exists());
    // --format json prints the finding as §7.2 JSON
    let o = run(&[
        "report",
        &f,
        "--from",
        "1000",
        "--to",
        "1299",
        "--by",
        "subject,year",
        "-f",
        "html",
    ]);
    assert_eq!(code(&o), 1);
    assert!(out(&o).contains("limit"));
}

#[test]
fn an_xlsx_text_over_excels_limit_is_cut_with_a_note() {
    let d = tmp();
    let f = write(
        d.path(),
        "long.json",
        format!(
            r#"{{"format": "natverk/1", "organisation": {{"name": "K", "currency": "SEK"}},
            "networks": [{{"id": "a", "name": "{}", "start": "2024-01-01",
              "costs": [{{"kind": "fee", "amount": "1"}}]}}]}}"#,
            "N".repeat(40_000)
        ),
    );
    let x = d.path().join("r.xlsx");
    let o = run(&[
        "report",
        &f,
        "--year",
        "2024",
        "-f",
        "xlsx",
        "-o",
        x.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert!(err(&o).contains("32767"), "{}", err(&o));
    let mut wb: Xlsx<_> = open_workbook(&x).unwrap();
    let sheet = wb.worksheet_range("Cost report").unwrap();
    let name = sheet.get((1, 1)).unwrap().to_string();
    assert_eq!(name.chars().count(), 32_767);
    assert!(name.ends_with('…'));
}

#[test]
fn publish_writes_a_public_file_that_reports_as_the_inventory() {
    let d = tmp();
    let public = d.path().join("public.json");
    let o = run(&["publish", &goteborg(), "-o", public.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let text = std::fs::read_to_string(&public).unwrap();
    let original: Value =
        serde_json::from_str(&std::fs::read_to_string(goteborg()).unwrap()).unwrap();
    for p in original["people"].as_array().unwrap() {
        if let Some(name) = p["name"].as_str() {
            assert!(!text.contains(name), "{name} is published");
        }
        assert!(!text.contains(&format!("\"{}\"", p["id"].as_str().unwrap())));
    }
    assert!(!text.contains("hourly_cost") && !text.contains("hours_per_year"));
    for args in [
        &["--from", "2024", "--to", "2025"][..],
        &[
            "--from",
            "2023",
            "--to",
            "2027",
            "--by",
            "subject,year",
            "--leave",
            "recommended",
            "--leave-from",
            "2025",
        ],
        &[
            "--year",
            "2026",
            "--scope",
            "central",
            "--by",
            "unit,kind",
            "--status",
            "active,proposed",
        ],
        &[
            "--from",
            "2024",
            "--to",
            "2026",
            "--leave",
            "skr-modellkoncept,eurocities",
            "--by",
            "network,year",
        ],
    ] {
        let g = goteborg();
        let mut a = vec!["report", g.as_str(), "-f", "json"];
        a.extend_from_slice(args);
        let want = out(&run(&a));
        a[1] = public.to_str().unwrap();
        assert_eq!(out(&run(&a)), want, "{args:?}");
    }
    // an inventory with errors is not published
    let bad = write(d.path(), "bad.json", r#"{"format": "natverk/1"}"#);
    let none = d.path().join("none.json");
    let o = run(&["publish", &bad, "-o", none.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    assert!(out(&o).contains("missing_field"), "{}", out(&o));
    assert!(!none.exists());
}

#[test]
fn report_check_and_publish_read_a_workbook_by_its_content() {
    let d = tmp();
    // a workbook under a name that says nothing of its kind
    let x = d.path().join("inventering.dat");
    let o = run(&[
        "export",
        &goteborg(),
        "--lang",
        "sv",
        "-o",
        x.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let x = x.to_str().unwrap();
    let json = run(&[
        "report",
        &goteborg(),
        "--from",
        "2024",
        "--to",
        "2025",
        "-f",
        "json",
    ]);
    let wb = run(&["report", x, "--from", "2024", "--to", "2025", "-f", "json"]);
    assert_eq!(code(&wb), 0, "{}", err(&wb));
    assert_eq!(out(&wb), out(&json));
    let e = run(&[
        "equality", x, "--from", "2024", "--to", "2025", "-f", "json",
    ]);
    assert_eq!(
        out(&e),
        out(&run(&[
            "equality",
            &goteborg(),
            "--from",
            "2024",
            "--to",
            "2025",
            "-f",
            "json"
        ]))
    );
    // warnings of a workbook are placed at their cells
    let c = run(&["check", x, "--today", "2024-01-15", "--lang", "sv"]);
    assert_eq!(code(&c), 0, "{}", err(&c));
    assert!(out(&c).contains("blad `nätverk`, rad 2"), "{}", out(&c));
    let c = run(&["check", x, "--today", "2024-01-15", "-f", "json"]);
    let v: Value = serde_json::from_str(&out(&c)).unwrap();
    assert_eq!(v["findings"][0]["sheet"], "nätverk");
    // a bad cell: its sheet, row and column, exit 1, for every command
    let mut data = natverk::InventoryData::new(natverk::Organisation::new("K", "SEK"));
    let mut n = natverk::Network::new(
        "a",
        "A",
        natverk::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
    );
    n.unit = Some("ingen".into());
    data.networks.push(n);
    let bad = d.path().join("bad.xlsx");
    std::fs::write(
        &bad,
        natverk_workbook::export(&data, natverk::Lang::Sv).unwrap(),
    )
    .unwrap();
    for cmd in ["report", "equality", "publish", "check"] {
        let o = run(&[cmd, bad.to_str().unwrap(), "--lang", "sv"]);
        assert_eq!(code(&o), 1, "{cmd}: {}", err(&o));
        assert!(
            out(&o).contains("blad `nätverk`, rad 2, kolumn `enhet`"),
            "{cmd}: {}",
            out(&o)
        );
    }
}

/// A `file://` URL of a path, on Unix and on Windows (`C:\a` is
/// `file:///C:/a`; the `\\?\` of a canonical Windows path goes).
fn file_url(p: &Path) -> String {
    let s = p.display().to_string();
    let s = s.strip_prefix(r"\\?\").unwrap_or(&s).replace('\\', "/");
    if s.starts_with('/') {
        format!("file://{s}")
    } else {
        format!("file:///{s}")
    }
}

/// The binary with the locale variables set to `locale` (and no other).
fn run_in_locale(locale: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_natverk"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .output()
        .expect("the binary runs")
}

#[test]
fn help_speaks_the_language_of_the_locale_and_of_lang() {
    // SPEC §11: `--help` speaks the command line's language.
    for (locale, args) in [
        ("sv_SE.UTF-8", &["--help"][..]),
        ("sv_SE.UTF-8", &["report", "--help"]),
        ("sv_SE.UTF-8", &["help", "equality"]),
        ("C.UTF-8", &["check", "--help", "--lang", "sv"]),
        ("en_US.UTF-8", &["import", "--lang=sv", "-h"]),
    ] {
        let o = run_in_locale(locale, args);
        assert_eq!(code(&o), 0, "{args:?}: {}", err(&o));
        let text = out(&o);
        assert!(text.contains("Användning: natverk"), "{args:?}:\n{text}");
        assert!(
            !text.contains("Usage") && !text.contains("Options:"),
            "{args:?}:\n{text}"
        );
    }
    let sv = out(&run_in_locale("sv_SE.UTF-8", &["report", "--help"]));
    assert!(
        sv.contains("Kostnadsrapport") && sv.contains("--from <ÅR>"),
        "{sv}"
    );
    for (locale, args) in [
        ("en_US.UTF-8", &["--help"][..]),
        ("C.UTF-8", &["report", "--help"]),
        ("sv_SE.UTF-8", &["report", "--help", "--lang", "en"]),
    ] {
        let text = out(&run_in_locale(locale, args));
        assert!(text.contains("Usage: natverk"), "{args:?}:\n{text}");
        assert!(!text.contains("Användning"), "{args:?}:\n{text}");
    }
}

#[test]
fn a_report_by_network_and_unit_as_xlsx_has_both_names() {
    // The network's name and the unit's name were both captioned "Name":
    // an xlsx table's headers must differ, and the report failed to write.
    let d = tmp();
    for lang in ["en", "sv"] {
        let x = d.path().join(format!("r-{lang}.xlsx"));
        let o = run(&[
            "report",
            &goteborg(),
            "--from",
            "2024",
            "--to",
            "2025",
            "--by",
            "network,unit",
            "--lang",
            lang,
            "-f",
            "xlsx",
            "-o",
            x.to_str().unwrap(),
        ]);
        assert_eq!(code(&o), 0, "{lang}: {}", err(&o));
        assert!(x.exists());
    }
    let o = run(&[
        "report",
        &goteborg(),
        "--by",
        "network,unit",
        "--lang",
        "en",
        "--wide",
    ]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert!(out(&o).contains("Unit name"), "{}", out(&o));
}
