//! What the `natverk` command line and the app (`bindings/app`) share, so
//! that both give the same documents and say the same things:
//!
//! - [`import`]: a one-sheet CSV of networks → inventory JSON;
//! - [`render`]: a report, the equality statistics or the findings as
//!   html, xlsx, md, csv and aligned text, laid out from the core's tables;
//! - [`messages`]: every message of these frontends, in Swedish and English;
//! - [`text`]: text from a file made safe for people and spreadsheets;
//! - [`limits`]: the limits of the import and of Excel.
//!
//! Nothing here reads or writes files: the caller hands in bytes and a
//! writer. It builds for `wasm32-unknown-unknown`.

pub mod import;
pub mod limits;
pub mod messages;
pub mod render;
pub mod text;
