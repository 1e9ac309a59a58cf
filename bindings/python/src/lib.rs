//! The private native module `natverk._natverk`.
//!
//! Thin on purpose: every function converts its arguments, calls the core
//! crate and returns its results — reports as the core's `Report`, whose
//! lines and totals become Python values (`decimal.Decimal`, `int`, `str`,
//! `None`) here in Rust, and whose Arrow stream is written here too; the
//! rest as the core's own JSON text (SPEC §7.1, §7.2), which the Python
//! layer (`python/natverk`) decodes. No rule of SPEC.md lives here. Core
//! errors become `natverk.InventoryError` or `natverk.ArgumentError`
//! (`errors::to_py`, the one mapping) carrying every finding; a panic,
//! should the core ever have one, is caught and becomes
//! `natverk.NatverkError`.

mod arrow;
mod board;
mod conversion;
mod equality;
mod errors;
mod findings;
mod inventory;
mod merge;
mod parts;
mod present;
mod report;
mod tables;

use pyo3::prelude::*;

/// The native part of the `natverk` package; use `natverk` instead.
#[pymodule]
mod _natverk {
    #[pymodule_export]
    use super::inventory::PyInventory;

    #[pymodule_export]
    use super::report::PyReport;

    #[pymodule_export]
    use super::equality::PyEquality;

    #[pymodule_export]
    use super::findings::PyFindings;

    #[pymodule_export]
    use super::board::PyBoard;

    #[pymodule_export]
    use super::errors::argument_error;

    #[pymodule_export]
    use super::inventory::{check, today};

    #[pymodule_export]
    use super::merge::merge;

    #[pymodule_export]
    use super::present::{count_text, default_lang, format_money, label, vocabulary};

    #[pymodule_init]
    fn init(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        use pyo3::types::PyModuleMethods;
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("FORMAT", natverk::FORMAT)?;
        m.add("MONEY_FIELDS", natverk::money::MONEY_FIELDS.to_vec())?;
        // The group keys of a report, from the core (`GroupKey::ALL`): the
        // tests compare the generated `GroupKey` literal with them.
        let keys: Vec<&str> = natverk::GroupKey::ALL.iter().map(|k| k.as_str()).collect();
        m.add("GROUP_KEYS", keys)?;
        Ok(())
    }
}
