//! The options of a report, as the command line parses them and as the
//! bindings pass them (`ReportOptions::from_json`): arbitrary arguments
//! and arbitrary JSON never panic; options the command line accepts are
//! the same after a trip through the JSON the bindings use; a report with
//! any accepted options on the Göteborg example is computed (or refused
//! with findings) without a panic.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use clap::Parser;
use libfuzzer_sys::fuzz_target;
use natverk::{Inventory, Leave, ReportOptions};
use natverk_cli::cli::{self, Cli, Command};
use serde_json::{json, Value};

#[derive(Arbitrary, Debug)]
struct Input {
    args: Vec<String>,
    json: String,
}

fn inventory() -> &'static Inventory {
    static INV: OnceLock<Inventory> = OnceLock::new();
    INV.get_or_init(|| {
        Inventory::from_json(include_str!("../../examples/goteborg.json")).expect("the example loads")
    })
}

/// Options as the bindings write them.
fn to_json(o: &ReportOptions) -> String {
    let mut v = json!({
        "from": o.from,
        "to": o.to,
        "scope": o.scope.as_str(),
        "by": o.by.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
    });
    if let Some(st) = &o.statuses {
        v["statuses"] = json!(st.iter().map(|s| s.as_str()).collect::<Vec<_>>());
    }
    match &o.leave {
        Some(Leave::Recommended) => v["leave"] = json!("recommended"),
        Some(Leave::Networks(ids)) => v["leave"] = json!(ids),
        None => {}
    }
    if let Some(y) = o.leave_from {
        v["leave_from"] = Value::from(y);
    }
    v.to_string()
}

fuzz_target!(|input: Input| {
    let mut argv = vec!["natverk".to_string(), "report".into(), "inventory.json".into()];
    argv.extend(input.args.iter().cloned());
    if let Ok(parsed) = Cli::try_parse_from(&argv) {
        if let Command::Report {
            range,
            by,
            leave,
            leave_from,
            ..
        } = parsed.command
        {
            let opts = cli::report_options(&range, &by, leave.as_deref(), leave_from);
            let back = ReportOptions::from_json(&to_json(&opts)).expect("the JSON of parsed options");
            assert_eq!(back, opts);
            if let Ok(r) = inventory().report(&opts) {
                assert_eq!(r.by, opts.by);
            }
        }
    }
    if let Ok(o) = ReportOptions::from_json(&input.json) {
        let _ = inventory().report(&o);
    }
});
