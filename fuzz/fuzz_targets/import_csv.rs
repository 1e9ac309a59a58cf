//! Arbitrary bytes as a CSV sheet → `natverk import`'s importer: never a
//! panic; an import gives an inventory that saves and reloads equal, or
//! problems (at most the limit listed, each shown without a raw control
//! character); a note is given whenever the encoding was guessed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use natverk::Inventory;
use natverk_cli::import::{import, Options};
use natverk_cli::limits::{MAX_IMPORT_ROWS, MAX_PROBLEMS_SHOWN};

fuzz_target!(|data: &[u8]| {
    let opts = Options {
        organisation: "Fuzz kommun".into(),
        currency: "SEK".into(),
        code: Some("1480".into()),
        population: Some("604 616".into()),
        rates: vec!["EUR:2024:11,43".into()],
    };
    let outcome = import(data, &opts);
    if std::str::from_utf8(data).is_ok() {
        assert!(outcome.notes.is_empty(), "UTF-8 needs no guess");
    }
    match outcome.result {
        Ok(imported) => {
            let inv = imported.inventory;
            assert!(inv.networks().len() <= MAX_IMPORT_ROWS);
            let again = Inventory::from_json(&inv.to_json()).expect("an import reloads");
            assert_eq!(inv, again);
        }
        Err(problems) => {
            assert!(!problems.shown.is_empty());
            assert!(problems.shown.len() <= MAX_PROBLEMS_SHOWN);
            for p in &problems.shown {
                let shown = p.to_string();
                assert!(
                    !shown.chars().any(|c| c.is_control()),
                    "a raw control character in {shown:?}"
                );
                if let Some(r) = p.row {
                    assert!(r >= 1);
                }
            }
        }
    }
});
