//! WebAssembly bindings of natverk (SPEC §8, JavaScript).
//!
//! Thin on purpose: each export converts its arguments, calls the core crate
//! and maps errors. Results cross the boundary as JSON text produced by the
//! core and parsed with the engine's own `JSON.parse`, so the objects JS sees
//! are exactly SPEC §5.1 / §7.1 / §7.2 (money stays a two-decimal string).
//! Failures are thrown as real JS `Error`s whose `findings` property holds
//! the SPEC §7.2 findings.
//!
//! - [`inventory`]: the `Inventory` class (`fromJson`, `check`, `checkJson`,
//!   `report`, `equality`).
//! - [`convert`]: input text/bytes, options, results and errors at the boundary.
#![deny(missing_docs)]

pub mod convert;
pub mod inventory;

use wasm_bindgen::prelude::*;

pub use inventory::JsInventory;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Runs once when the module is instantiated: installs a panic hook.
///
/// No input is expected to panic (the core reports every problem as
/// findings); if a bug ever does, the message reaches the console instead of
/// a bare `unreachable` trap.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error(&format!(
            "natverk: internal error, please report it as a bug: {info}"
        ));
    }));
}

/// The version of the natverk-wasm crate (the npm package's version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
