//! Runs the shared conformance corpus. `UPDATE_GOLDEN=1 cargo test` rewrites
//! the expected files (review the diff before committing).

use natverk::{Code, EqualityOptions, Inventory, ReportOptions};
use serde_json::Value;

use crate::root;

/// Runs one case; `Ok(json)` or `Err(json)` of the §7.2 findings.
pub fn run(op: &str, bytes: &[u8], options: &Value) -> Result<String, String> {
    let opts = options.to_string();
    match op {
        "check" => {
            let today = options["today"]
                .as_str()
                .and_then(natverk::parse_date)
                .expect("check needs today");
            Ok(natverk::check(bytes, today).to_json())
        }
        "load" => Inventory::from_slice(bytes)
            .map(|i| i.to_json())
            .map_err(|e| e.to_json()),
        "report" => {
            let inv = Inventory::from_slice(bytes).map_err(|e| e.to_json())?;
            let o = ReportOptions::from_json(&opts).map_err(|e| e.to_json())?;
            inv.report(&o).map(|r| r.to_json()).map_err(|e| e.to_json())
        }
        "equality" => {
            let inv = Inventory::from_slice(bytes).map_err(|e| e.to_json())?;
            let o = EqualityOptions::from_json(&opts).map_err(|e| e.to_json())?;
            inv.equality(&o)
                .map(|r| r.to_json())
                .map_err(|e| e.to_json())
        }
        other => panic!("unknown op {other}"),
    }
}

/// Merges the files of a `merge` case, each labelled by its file name.
pub fn run_merge(inputs: &Value) -> Result<String, String> {
    let mut all = Vec::new();
    for p in inputs.as_array().expect("merge needs inputs") {
        let p = root().join(p.as_str().unwrap());
        let label = p.file_name().unwrap().to_string_lossy().into_owned();
        let inv = Inventory::from_slice(&std::fs::read(&p).unwrap()).map_err(|e| e.to_json())?;
        all.push(natverk::MergeInput::new(label, inv));
    }
    natverk::merge(&all)
        .map(|m| m.inventory.to_json())
        .map_err(|e| e.to_json())
}

fn cases() -> Vec<Value> {
    let text = std::fs::read_to_string(root().join("tests/conformance/cases.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["cases"].as_array().unwrap().clone()
}

#[test]
fn corpus_matches_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for c in cases() {
        let name = c["name"].as_str().unwrap();
        let bytes = std::fs::read(root().join(c["input"].as_str().unwrap())).unwrap();
        let result = match c["op"].as_str().unwrap() {
            "merge" => run_merge(&c["inputs"]),
            op => run(op, &bytes, &c["options"]),
        };
        let want_error = c["error"].as_bool().unwrap_or(false);
        let (is_error, text) = match result {
            Ok(t) => (false, t),
            Err(t) => (true, t),
        };
        if is_error != want_error {
            failures.push(format!(
                "{name}: error = {is_error}, expected {want_error}: {text}"
            ));
            continue;
        }
        let path = root().join(c["expected"].as_str().unwrap());
        if update {
            std::fs::write(&path, format!("{text}\n")).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        let got: Value = serde_json::from_str(&text).unwrap();
        let want: Value = serde_json::from_str(&expected).unwrap_or(Value::Null);
        if got != want {
            failures.push(format!(
                "{name}: output differs from {}:\n{text}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_finding_code_has_a_reproducer_with_a_golden_message() {
    let mut seen = std::collections::HashSet::new();
    for c in cases() {
        let text = std::fs::read_to_string(root().join(c["expected"].as_str().unwrap())).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        for f in v["findings"].as_array().into_iter().flatten() {
            seen.insert(f["code"].as_str().unwrap().to_string());
            let msg = f["message"].as_str().unwrap();
            assert!(
                !msg.is_empty() && !msg.ends_with('.'),
                "message style: {msg}"
            );
        }
    }
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !seen.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes without a reproducer: {missing:?}"
    );
}

#[test]
fn five_mistakes_are_all_reported_with_paths() {
    let bytes = std::fs::read(root().join("tests/findings/five_mistakes.json")).unwrap();
    let err = Inventory::from_slice(&bytes).unwrap_err();
    let got: Vec<(&str, String)> = err
        .findings()
        .iter()
        .map(|f| (f.code.as_str(), f.path.to_string()))
        .collect();
    for want in [
        ("missing_field", "people[0].side"),
        ("unknown_field", "networks[0].nmae"),
        ("invalid_value", "networks[0].costs[0].amount"),
        ("invalid_period", "networks[0].end"),
        ("unknown_reference", "networks[0].unit"),
    ] {
        assert!(
            got.contains(&(want.0, want.1.to_string())),
            "{want:?} not in {got:?}"
        );
    }
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let bytes = std::fs::read(root().join("tests/findings/syntax.json")).unwrap();
    let err = Inventory::from_slice(&bytes).unwrap_err();
    assert_eq!(err.findings().len(), 1);
    let f = &err.findings()[0];
    assert_eq!(f.code, Code::Syntax);
    assert_eq!((f.line, f.path.to_string().as_str()), (Some(3), ""));
    assert!(f.column.is_some());
}

#[test]
fn the_readme_example_loads_and_reports() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("```json\n")
        .expect("a json block in the README")
        + 8;
    let end = start + readme[start..].find("```").unwrap();
    let inv = Inventory::from_json(&readme[start..end]).unwrap_or_else(|e| panic!("{e}"));
    let r = inv.report(&ReportOptions::new(2024, 2025)).unwrap();
    // 65 000 a year for a population above 100 000, expected 80 % from Länsstyrelsen
    assert_eq!(natverk::money::fmt2(r.total.fees), "130000.00");
    assert_eq!(natverk::money::fmt2(r.total.expected), "104000.00");
    // 40 h × 1 100 a year, March–December 2024 (10/12) and all of 2025
    assert_eq!(natverk::money::fmt2(r.total.time), "80666.67");
}
