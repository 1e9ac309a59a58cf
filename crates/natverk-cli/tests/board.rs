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
