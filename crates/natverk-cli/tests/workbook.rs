//! `natverk export`, `natverk template` and `natverk import FILE.xlsx|.ods`,
//! run as a new user runs them: the four "Done means" steps of the
//! workbook issue.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use natverk::tables::{InputSheet, SheetCell};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_natverk"))
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the binary runs")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("an exit code")
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn goteborg_json() -> String {
    let inv = natverk::Inventory::from_json(
        &std::fs::read_to_string(root().join("examples/goteborg.json")).unwrap(),
    )
    .unwrap();
    inv.to_json() + "\n"
}

/// Writes sheets of cells as an xlsx, as a spreadsheet program would.
fn write_xlsx(sheets: &[InputSheet], file: &Path) {
    use chrono::Datelike;
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for s in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&s.name).unwrap();
        for r in &s.rows {
            for (c, cell) in &r.cells {
                let (row, col) = (r.row - 1, *c as u16);
                match cell {
                    SheetCell::Text(t) => {
                        ws.write_string(row, col, t).unwrap();
                    }
                    SheetCell::Decimal(d) => {
                        ws.write_number(row, col, d.to_string().parse::<f64>().unwrap())
                            .unwrap();
                    }
                    SheetCell::Int(i) => {
                        ws.write_number(row, col, *i as f64).unwrap();
                    }
                    SheetCell::Bool(b) => {
                        ws.write_boolean(row, col, *b).unwrap();
                    }
                    SheetCell::Date(d) => {
                        let x = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )
                        .unwrap();
                        ws.write_datetime_with_format(row, col, &x, &date).unwrap();
                    }
                    _ => {}
                }
            }
        }
    }
    wb.save(file).unwrap();
}

fn sheets(file: &Path) -> Vec<InputSheet> {
    natverk_workbook::read_sheets(&std::fs::read(file).unwrap()).unwrap()
}

fn sheet<'a>(sheets: &'a mut [InputSheet], name: &str) -> &'a mut InputSheet {
    sheets.iter_mut().find(|s| s.name == name).unwrap()
}

fn add_row(s: &mut InputSheet, cells: Vec<(u32, SheetCell)>) {
    let row = s.rows.iter().map(|r| r.row).max().unwrap_or(0) + 1;
    s.rows.push(natverk::tables::InputRow { row, cells });
}

fn t(s: &str) -> SheetCell {
    SheetCell::Text(s.into())
}

/// Done means 1 and 2: export in Swedish, save as ods with LibreOffice,
/// import: the inventory is identical.
#[test]
fn export_in_swedish_and_import_the_libreoffice_ods() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("inventering.xlsx");
    let o = run(&[
        "export",
        path(&root().join("examples/goteborg.json")),
        "--lang",
        "sv",
        "-o",
        path(&xlsx),
    ]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let json = dir.path().join("tillbaka.json");
    let o = run(&["import", path(&xlsx), "-o", path(&json)]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(std::fs::read_to_string(&json).unwrap(), goteborg_json());

    let soffice = ["soffice", "libreoffice"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(soffice) = soffice else {
        assert!(
            std::env::var_os("NATVERK_REQUIRE_SOFFICE").is_none(),
            "soffice is required (NATVERK_REQUIRE_SOFFICE) but not installed"
        );
        eprintln!("skipped the LibreOffice step: no soffice");
        return;
    };
    let profile = dir.path().join("profile");
    let o = Command::new(soffice)
        .arg(format!("-env:UserInstallation={}", file_url(&profile)))
        .args(["--headless", "--convert-to", "ods", "--outdir"])
        .arg(dir.path())
        .arg(&xlsx)
        .output()
        .unwrap();
    let ods = dir.path().join("inventering.ods");
    assert!(ods.exists(), "{}", String::from_utf8_lossy(&o.stderr));
    let from_ods = dir.path().join("från-ods.json");
    let o = run(&["import", path(&ods), "-o", path(&from_ods)]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(std::fs::read_to_string(&from_ods).unwrap(), goteborg_json());
}

/// Done means 3: fill the template with the organisation, one network, one
/// person and one participant; it imports and checks clean.
#[test]
fn a_filled_template_imports_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("mall.xlsx");
    let o = run(&["template", "--lang", "sv", "-o", path(&template)]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let mut s = sheets(&template);
    add_row(
        sheet(&mut s, "organisation"),
        vec![(0, t("Göteborgs Stad")), (1, t("1480")), (2, t("SEK"))],
    );
    add_row(
        sheet(&mut s, "personer"),
        vec![
            (0, t("ordf")),
            (2, t("kvinna")),
            (3, t("politiker")),
            (4, t("majoritet")),
            (6, t("1 100")),
        ],
    );
    add_row(
        sheet(&mut s, "nätverk"),
        vec![
            (0, t("skr-modellkoncept")),
            (1, t("Modellkoncept för jämställdhet")),
            (3, t("program")),
            (4, t("jämställdhet")),
            (
                6,
                SheetCell::Date(natverk::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()),
            ),
            (7, t("2026-02-28")),
            (9, t("föreslagen")),
        ],
    );
    add_row(
        sheet(&mut s, "deltagare"),
        vec![
            (0, t("skr-modellkoncept")),
            (1, t("ordf")),
            (2, t("styrgrupp")),
            (3, SheetCell::Int(40)),
        ],
    );
    add_row(
        sheet(&mut s, "kostnader"),
        vec![
            (0, t("skr-modellkoncept")),
            (1, t("deltagaravgift")),
            (2, t("65 000")),
        ],
    );
    let filled = dir.path().join("ifylld.xlsx");
    write_xlsx(&s, &filled);
    let json = dir.path().join("inventering.json");
    let o = run(&["import", path(&filled), "-o", path(&json)]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let o = run(&[
        "check",
        path(&json),
        "--today",
        "2024-01-15",
        "--format",
        "json",
    ]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stdout));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["errors"], 0);
}

/// Done means 4: a workbook with five bad cells lists all five with sheet,
/// row and column, exits 1 and writes nothing.
#[test]
fn five_bad_cells_are_listed_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("inventory.xlsx");
    let o = run(&[
        "export",
        path(&root().join("examples/goteborg.json")),
        "--lang",
        "en",
        "-o",
        path(&xlsx),
    ]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let mut s = sheets(&xlsx);
    let mut set = |name: &str, row: u32, col: u32, v: SheetCell| {
        let r = sheet(&mut s, name)
            .rows
            .iter_mut()
            .find(|r| r.row == row)
            .unwrap();
        r.cells.retain(|(c, _)| *c != col);
        r.cells.push((col, v));
    };
    set("networks", 2, 6, t("2024-13-01"));
    set("networks", 5, 9, t("aktivv"));
    set("people", 2, 3, t("mayor"));
    set("costs", 3, 2, t("8 000,00,0"));
    set("participants", 2, 1, t("nobody"));
    let bad = dir.path().join("bad.xlsx");
    write_xlsx(&s, &bad);
    let json = dir.path().join("out.json");
    let o = run(&["import", path(&bad), "-o", path(&json), "--lang", "en"]);
    assert_eq!(code(&o), 1, "{}", err(&o));
    assert!(!json.exists(), "nothing is written");
    let e = err(&o);
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 6, "{e}");
    for want in [
        "sheet `people`, row 2, column `role` (D)",
        "sheet `networks`, row 2, column `start` (G)",
        "sheet `networks`, row 5, column `status` (J)",
        "sheet `participants`, row 2, column `person` (B)",
        "sheet `costs`, row 3, column `amount` (C)",
    ] {
        assert!(e.contains(want), "{want}\n{e}");
    }
    assert!(lines[5].starts_with("5 problems in "), "{e}");
    assert!(lines[5].ends_with("; nothing written"), "{e}");
    // The same in Swedish.
    let o = run(&["import", path(&bad), "-o", path(&json), "--lang", "sv"]);
    assert_eq!(code(&o), 1);
    assert!(err(&o).contains("fel[invalid_value] blad `networks`, rad 2, kolumn `start` (G): ogiltigt datum `2024-13-01`"), "{}", err(&o));
    assert!(err(&o).contains("5 problem i "));
}

#[test]
fn usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("t.xlsx");
    assert_eq!(code(&run(&["template", "-o", path(&xlsx)])), 0);
    // CSV options do not go with a workbook, and a CSV needs them.
    let o = run(&["import", path(&xlsx), "--currency", "SEK"]);
    assert_eq!(code(&o), 2, "{}", err(&o));
    let csv = root().join("examples/networks.csv");
    let o = run(&["import", path(&csv)]);
    assert_eq!(code(&o), 2, "{}", err(&o));
    assert!(err(&o).contains("--organisation"), "{}", err(&o));
    // A missing file, a missing directory.
    let o = run(&["import", path(&dir.path().join("missing.xlsx"))]);
    assert_eq!(code(&o), 2, "{}", err(&o));
    let o = run(&["template", "-o", path(&dir.path().join("no/such/dir.xlsx"))]);
    assert_eq!(code(&o), 2, "{}", err(&o));
    // An inventory with errors is not exported.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"format": "natverk/1"}"#).unwrap();
    let o = run(&["export", path(&bad), "-o", path(&dir.path().join("x.xlsx"))]);
    assert_eq!(code(&o), 1);
    assert!(!dir.path().join("x.xlsx").exists());
    // A file that is not a workbook: one finding, exit 1.
    let fake = dir.path().join("fake.xlsx");
    std::fs::write(&fake, "id;name\n").unwrap();
    let o = run(&["import", path(&fake)]);
    assert_eq!(code(&o), 1, "{}", err(&o));
    assert!(err(&o).contains("error[syntax]"), "{}", err(&o));
}

#[test]
fn import_writes_json_to_stdout_without_o() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("g.xlsx");
    let o = run(&[
        "export",
        path(&root().join("examples/goteborg.json")),
        "-o",
        path(&xlsx),
    ]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let o = run(&["import", path(&xlsx)]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(String::from_utf8(o.stdout).unwrap(), goteborg_json());
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

#[test]
fn a_workbook_exports_again_in_the_other_language_and_a_bad_one_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let sv = dir.path().join("enhet.xlsx");
    let en = dir.path().join("unit.xlsx");
    let goteborg = root().join("examples/goteborg.json");
    let o = run(&["export", path(&goteborg), "--lang", "sv", "-o", path(&sv)]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    // A workbook given to export is read as a workbook, not as JSON.
    let o = run(&["export", path(&sv), "--lang", "en", "-o", path(&en)]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let json = dir.path().join("back.json");
    let o = run(&["import", path(&en), "-o", path(&json)]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(std::fs::read_to_string(&json).unwrap(), goteborg_json());
    // A bad cell is named by sheet, row and column in the workbook's words.
    let mut s = sheets(&sv);
    let r = sheet(&mut s, "nätverk")
        .rows
        .iter_mut()
        .find(|r| r.row == 2)
        .unwrap();
    r.cells.retain(|(c, _)| *c != 6);
    r.cells.push((6, t("2024-13-01")));
    let bad = dir.path().join("fel.xlsx");
    write_xlsx(&s, &bad);
    let out = dir.path().join("ut.xlsx");
    let o = run(&["export", path(&bad), "--lang", "sv", "-o", path(&out)]);
    assert_eq!(code(&o), 1, "{}", err(&o));
    let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), err(&o));
    assert!(text.contains("blad `nätverk`, rad 2"), "{text}");
    assert!(!text.contains("UTF-8"), "{text}");
    assert!(!out.exists());
}
