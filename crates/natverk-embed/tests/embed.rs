//! The embedding program, end to end: the Göteborg example sent in a request,
//! the report received in a response equal to the core's own JSON.

use std::path::PathBuf;

fn goteborg() -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::fs::read_to_string(root.join("examples/goteborg.json")).unwrap()
}

fn request(inventory: &str, by: &str) -> String {
    format!(
        r#"{{"from": 2024, "to": 2025, "by": {by}, "today": "2024-06-01", "inventory": {inventory}}}"#
    )
}

#[test]
fn a_report_in_a_response() {
    let text = goteborg();
    let response = natverk_embed::handle(&request(&text, r#"["network"]"#));
    let v: serde_json::Value = serde_json::from_str(&response).unwrap();
    assert!(v.get("error").is_none(), "{response}");

    let inv = natverk::Inventory::from_json(&text).unwrap();
    let mut opts = natverk::ReportOptions::new(2024, 2025);
    opts.by = vec![natverk::GroupKey::Network];
    let core: serde_json::Value =
        serde_json::from_str(&inv.report(&opts).unwrap().to_json()).unwrap();
    assert_eq!(v["report"], core);
    let warnings: serde_json::Value = serde_json::from_str(
        &inv.warnings(natverk::parse_date("2024-06-01").unwrap())
            .to_json(),
    )
    .unwrap();
    assert_eq!(v["warnings"], warnings);
}

#[test]
fn an_invalid_inventory_is_refused_with_its_findings() {
    let bad = r#"{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"},
      "networks": [{"id": "a", "name": "A", "start": "2024-01-01", "unit": "nobody"}]}"#;
    let v: serde_json::Value =
        serde_json::from_str(&natverk_embed::handle(&request(bad, "[]"))).unwrap();
    assert_eq!(v["error"], "invalid");
    assert_eq!(v["findings"]["findings"][0]["path"], "networks[0].unit");
    assert_eq!(v["findings"]["findings"][0]["code"], "unknown_reference");
}

#[test]
fn what_the_types_cannot_hold_is_the_requests_error() {
    let bad = r#"{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"},
      "networks": [{"id": "a", "name": "A", "start": "2024-02-30"}]}"#;
    let v: serde_json::Value =
        serde_json::from_str(&natverk_embed::handle(&request(bad, "[]"))).unwrap();
    assert_eq!(v["error"], "request");
    let message = v["message"].as_str().unwrap();
    assert!(
        message.contains("invalid_value at networks[0].start"),
        "{message}"
    );
}
