//! `import(export(x))` is x, on generated inventories that use every field
//! and its edges (see `gen`).

use natverk::{Inventory, Lang};
use natverk_workbook::{export, import_bytes};
use proptest::prelude::*;

use crate::gen;

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(96),
        ..ProptestConfig::default()
    })]

    #[test]
    fn import_of_export_is_the_same_inventory(seed in gen::seed(), swedish in any::<bool>()) {
        let data = gen::build(&seed);
        let inv = Inventory::new(data).map_err(|e| TestCaseError::fail(format!("generator: {e}")))?;
        let lang = if swedish { Lang::Sv } else { Lang::En };
        let bytes = export(inv.data(), lang).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = import_bytes(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.inventory.to_json(), inv.to_json());
    }
}
