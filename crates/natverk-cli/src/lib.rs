//! The `natverk` command line (SPEC §8), as a library so that its pure
//! parts — the arguments, the CSV importer, the renderers, the limits — can
//! be tested and fuzzed without starting a process.
//!
//! Thin: parse arguments ([`cli`]), read the file within the size limit
//! ([`input`]), call the core, check the size of the output
//! ([`limits`]), and lay out the result ([`render`]) into
//! stdout or a file written atomically ([`atomic`], [`signal`]). Exit
//! codes: 0 fine, 1 the inventory (or the imported sheet) has errors or a
//! limit stops the work, 2 usage or I/O error.

pub mod atomic;
pub mod cli;
pub mod cmd;
pub mod help;
pub mod input;
pub mod limits;
pub mod signal;
pub mod windows;

pub use cmd::main;
// The CSV import, the renderers, the messages and the text helpers live in
// `natverk-render`, shared with the app (bindings/app); their paths here
// are unchanged.
pub use natverk_render::{import, messages, render, text};
