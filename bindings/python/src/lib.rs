//! The private native module `natverk._natverk`.
//!
//! Thin on purpose: every function converts its arguments, calls the core
//! crate and returns the core's own JSON text (SPEC §5.1, §7.1, §7.2), which
//! the Python layer (`python/natverk`) turns into `Decimal`s and `date`s. So
//! the command line, Python and JavaScript emit the same data, and no rule
//! of SPEC.md lives here. Every core error becomes `natverk.InventoryError`
//! carrying all its findings; a panic, should the core ever have one, is
//! caught and becomes `natverk.NatverkError`.

mod conversion;
mod errors;
mod inventory;

use pyo3::prelude::*;

/// The native part of the `natverk` package; use `natverk` instead.
#[pymodule]
mod _natverk {
    #[pymodule_export]
    use super::inventory::{PyInventory, PyReport};

    #[pymodule_export]
    use super::inventory::{check, today};

    #[pymodule_init]
    fn init(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        use pyo3::types::PyModuleMethods;
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("FORMAT", natverk::FORMAT)?;
        Ok(())
    }
}
