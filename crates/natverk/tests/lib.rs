//! Integration tests of the natverk core, one binary.
//!
//! - `bounded`: SPEC §9 classes of hostile input, bounded or refused.
//! - `conformance`: the shared corpus in `tests/conformance/cases.json`,
//!   which the Python and JavaScript frontends run too.
//! - `rules`: the money rules of SPEC §4–§5 on small inventories, with
//!   figures computed by hand.
//! - `robustness`: malformed input never panics or hangs (SPEC §9).
//! - `properties`: invariants on generated inventories (proptest).
//! - `invariants`: reports under reordering, scaling and a JSON round trip.
//! - `crashers`: fuzz crashers kept as regression fixtures, and the limits.
//! - `data`: inventories built in code are judged exactly as their JSON.
//! - `declared`: every declared field round-trips through the workbook.
//! - `generated`: the schema, Python tables and TypeScript types are current.
//! - `public`: the public file reports as the inventory (SPEC §13).
//! - `board`: the comparison, the calendar and the board appendix of
//!   SPEC §14, with figures computed by hand.
//! - `api`: the Rust API of SPEC §8 (serde, setters, `Debug`, defaults).
//! - `tables`: the workbook layout of SPEC §10, both ways, and bad cells.
//! - `edit`: a per-network edit equals validating the whole (proptest).

mod api;
mod board;
mod bounded;
mod conformance;
mod crashers;
mod data;
mod declared;
mod edit;
mod generated;
mod invariants;
mod people_type;
mod properties;
mod public;
mod robustness;
mod rules;
mod tables;

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}
