//! Integration tests of the natverk core, one binary.
//!
//! - `conformance`: the shared corpus in `tests/conformance/cases.json`,
//!   which the Python and JavaScript frontends run too.
//! - `rules`: the money rules of SPEC §4–§5 on small inventories, with
//!   figures computed by hand.
//! - `robustness`: malformed input never panics or hangs (SPEC §9).
//! - `properties`: invariants on generated inventories (proptest).
//! - `invariants`: reports under reordering, scaling and a JSON round trip.
//! - `crashers`: fuzz crashers kept as regression fixtures, and the limits.
//! - `tables`: the workbook layout of SPEC §10, both ways, and bad cells.

mod conformance;
mod crashers;
mod invariants;
mod properties;
mod robustness;
mod rules;
mod tables;

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}
