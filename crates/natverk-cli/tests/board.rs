//! `natverk calendar`, `diff` and `board` (SPEC §14), run as a user runs
//! them, on the inventories of `tests/board/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn file(name: &str) -> String {
    root()
        .join("tests/board")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_natverk"))
        .args(args)
        .env("LANG", "C")
        .output()
        .expect("the binary runs")
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn calendar_json_is_the_spec_shape() {
    let o = run(&[
        "calendar",
        &file("new.json"),
        "--from",
        "2025",
        "--to",
        "2026",
        "-f",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_str(&out(&o)).unwrap();
    let events = v["events"].as_array().unwrap();
    assert_eq!(v.as_object().unwrap().len(), 1);
    assert_eq!(events.len(), 8);
    assert_eq!(events[0]["date"], "2024-07-01");
    assert_eq!(events[0]["kind"], "notice");
    assert_eq!(events[0].as_object().unwrap().len(), 4);
}

#[test]
fn calendar_ics_is_written_atomically_with_the_same_uids_each_run() {
    let dir = tempfile::tempdir().unwrap();
    let uids = |name: &str| -> Vec<String> {
        let p = dir.path().join(name);
        let o = run(&[
            "calendar",
            &file("new.json"),
            "--from",
            "2025",
            "--to",
            "2026",
            "-f",
            "ics",
            "--lang",
            "sv",
            "-o",
            p.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0));
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'));
        text.replace("\r\n ", "")
            .lines()
            .filter(|l| l.starts_with("UID:"))
            .map(String::from)
            .collect()
    };
    let first = uids("a.ics");
    assert_eq!(first.len(), 8);
    assert_eq!(first, uids("b.ics"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 2, "no temporary file left");
}

#[test]
fn diff_json_joins_the_reports_and_names_a_bad_file() {
    let o = run(&[
        "diff",
        &file("old.json"),
        &file("new.json"),
        "--year",
        "2025",
        "-f",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["total"]["change"]["gross"], "21000.00");
    assert_eq!(v["added"][0]["network"], "nytt");
    assert_eq!(v["removed"][0]["network"], "borttaget");
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"format": "natverk/1", "organisation": {"name": "X"}}"#,
    )
    .unwrap();
    let o = run(&[
        "diff",
        bad.to_str().unwrap(),
        &file("new.json"),
        "--year",
        "2025",
        "-f",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.json"));
    let f: Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(f["findings"][0]["path"], "organisation.currency");
    // Different currencies: the error names both.
    let eur = dir.path().join("eur.json");
    std::fs::write(
        &eur,
        std::fs::read_to_string(file("old.json"))
            .unwrap()
            .replace("\"SEK\"", "\"EUR\""),
    )
    .unwrap();
    let o = run(&[
        "diff",
        eur.to_str().unwrap(),
        &file("new.json"),
        "--year",
        "2025",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("EUR") && e.contains("SEK"), "{e}");
}

#[test]
fn diff_renders_in_every_format() {
    for f in ["table", "csv", "md", "html"] {
        let o = run(&[
            "diff",
            &file("old.json"),
            &file("new.json"),
            "--year",
            "2025",
            "-f",
            f,
            "--lang",
            "sv",
        ]);
        assert_eq!(o.status.code(), Some(0), "{f}");
        let text = out(&o);
        assert!(
            text.contains("eurocities") && text.contains("borttaget"),
            "{f}: {text}"
        );
    }
    let csv = out(&run(&[
        "diff",
        &file("old.json"),
        &file("new.json"),
        "--year",
        "2025",
        "-f",
        "csv",
    ]));
    assert!(
        csv.lines()
            .any(|l| l.starts_with("klimatradet,Klimatrådet,30000.00,24000.00")),
        "{csv}"
    );
    let dir = tempfile::tempdir().unwrap();
    let x = dir.path().join("d.xlsx");
    let o = run(&[
        "diff",
        &file("old.json"),
        &file("new.json"),
        "--year",
        "2025",
        "-f",
        "xlsx",
        "-o",
        x.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::metadata(&x).unwrap().len() > 1000);
}

fn unzip_document(path: &Path) -> String {
    // The .docx is a zip: read word/document.xml with the zip crate the
    // workbook tests already use (calamine's), or by hand: find the entry.
    let bytes = std::fs::read(path).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut s).unwrap();
    s
}

#[test]
fn board_writes_html_and_docx_without_names_or_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("bilaga.html");
    let docx = dir.path().join("bilaga.docx");
    for p in [&html, &docx] {
        let o = run(&[
            "board",
            &file("new.json"),
            "--from",
            "2025",
            "--to",
            "2026",
            "--compare",
            &file("old.json"),
            "--today",
            "2025-03-01",
            "--lang",
            "sv",
            "-o",
            p.to_str().unwrap(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("@page { size: A4"));
    assert!(page.contains("Kommunstyrelsen") && page.contains("Miljöförvaltningen"));
    assert!(page.contains("404\u{a0}000,00"));
    assert!(!page.contains("Anna Andersson"));
    let xml = unzip_document(&docx);
    assert!(xml.contains("<w:tblHeader />"), "header rows repeat");
    assert!(xml.contains("Kommunstyrelsen"));
    assert!(xml.contains("374\u{a0}000,00"));
    assert!(!xml.contains("Anna Andersson"));
    assert!(xml.contains("w:orient=\"landscape\""));
    // Names only when asked.
    let named = dir.path().join("named.html");
    let o = run(&[
        "board",
        &file("new.json"),
        "--year",
        "2025",
        "--show-names",
        "-o",
        named.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::read_to_string(&named)
        .unwrap()
        .contains("Anna Andersson"));
}

#[test]
fn board_refuses_an_unknown_extension_and_names_a_bad_compare_file() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&[
        "board",
        &file("new.json"),
        "--year",
        "2025",
        "-o",
        dir.path().join("x.pdf").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains(".docx"));
    let bad = dir.path().join("forra.json");
    std::fs::write(&bad, r#"{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"}, "networks": [{"id": "a"}]}"#).unwrap();
    let out_path = dir.path().join("b.docx");
    let o = run(&[
        "board",
        &file("new.json"),
        "--year",
        "2025",
        "--compare",
        bad.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("forra.json"));
    assert!(String::from_utf8_lossy(&o.stdout).contains("networks[0]"));
    assert!(!out_path.exists());
}

#[test]
fn board_docx_keeps_control_characters_out() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(file("new.json"))
        .unwrap()
        .replace("\"Klimatrådet\"", "\"Klimat\\u0001rådet\\uffff\"");
    let src = dir.path().join("ctl.json");
    std::fs::write(&src, text).unwrap();
    let docx = dir.path().join("c.docx");
    let o = run(&[
        "board",
        src.to_str().unwrap(),
        "--year",
        "2025",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let xml = unzip_document(&docx);
    assert!(!xml.contains('\u{1}') && !xml.contains('\u{ffff}'));
    assert!(xml.contains("Klimat\\u{1}rådet\\u{ffff}"));
}
