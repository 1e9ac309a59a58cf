//! Arbitrary bytes → load and check: never a panic, a hang or an OOM, and
//! a file that loads can be reported on and saved back (SPEC §9).
#![no_main]

use libfuzzer_sys::fuzz_target;
use natverk::{Inventory, ReportOptions};

fuzz_target!(|data: &[u8]| {
    let today = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let findings = natverk::check(data, today);
    match Inventory::from_slice(data) {
        Ok(inv) => {
            // check found no error, so the file must load, and vice versa
            assert_eq!(findings.errors(), 0, "{:?}", findings);
            let again = Inventory::from_json(&inv.to_json()).expect("saved inventory reloads");
            assert_eq!(inv, again);
            let _ = inv.report(&ReportOptions::new(2020, 2026));
        }
        Err(e) => {
            assert!(!e.findings().is_empty());
            assert!(findings.errors() > 0);
        }
    }
});
