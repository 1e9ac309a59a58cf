//! # natverk — the networks an organisation takes part in, and what they cost
//!
//! A Swedish municipality or region keeps an inventory of the networks and
//! collaborations it takes part in: who organises them, which subjects they
//! serve, who represents the organisation and what it costs. This crate
//! reads such an inventory (format `natverk/1`, JSON), validates it with
//! findings that say what, where and how to fix, and computes exact cost
//! reports, warnings and gender-equality statistics.
//!
//! ## Usage
//!
//! ```
//! use natverk::{Inventory, ReportOptions, GroupKey};
//!
//! let inv = Inventory::from_json(r#"{
//!   "format": "natverk/1",
//!   "organisation": { "name": "Göteborgs Stad", "currency": "SEK", "population": 604616 },
//!   "fee_schedules": [ { "id": "skr", "tiers": [
//!       { "max_population": 100000, "amount": 30000 },
//!       { "amount": 65000 } ] } ],
//!   "networks": [ {
//!     "id": "modellkoncept", "name": "Modellkoncept för jämställdhet",
//!     "kind": "programme", "subjects": ["jämställdhet"],
//!     "start": "2024-03-01", "end": "2025-12-31",
//!     "costs": [ { "kind": "fee", "schedule": "skr" } ],
//!     "financing": [ { "funder": "Länsstyrelsen", "status": "expected", "probability": "0.8" } ]
//!   } ]
//! }"#)?;
//!
//! let mut opts = ReportOptions::new(2024, 2025);
//! opts.by = vec![GroupKey::Subject];
//! let report = inv.report(&opts)?;
//! assert_eq!(natverk::money::fmt2(report.total.fees), "130000.00");
//! assert_eq!(natverk::money::fmt2(report.total.expected), "104000.00");
//! assert_eq!(natverk::money::fmt2(report.total.expected_net()?), "26000.00");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A file with problems fails to load with **every** error at once:
//!
//! ```
//! let err = natverk::Inventory::from_json(r#"{"format": "natverk/1",
//!   "organisation": {"name": "X", "currency": "sek"},
//!   "networks": [{"id": "a", "nmae": "A", "start": "2024-13-01"}]}"#).unwrap_err();
//! let codes: Vec<&str> = err.findings.iter().map(|f| f.code.as_str()).collect();
//! assert_eq!(codes, ["invalid_value", "unknown_field", "invalid_value", "missing_field"]);
//! assert_eq!(err.findings[1].path, "networks[0].nmae");
//! assert!(err.findings[1].message.contains("did you mean `name`"));
//! ```
//!
//! ## Tour
//! - [`load`]: JSON → [`Inventory`], with findings ([`Finding`], SPEC §6).
//! - [`model`]: the typed inventory.
//! - [`money`]: exact decimals, the one rounding rule, formatting.
//! - [`cost`]: the network-years every figure comes from (SPEC §4).
//! - [`report`]: grouped cost reports and leave scenarios (SPEC §5).
//! - [`equality`]: who represents the organisation (SPEC §7).
//! - [`check`](mod@check): warnings judged against a date (SPEC §6).
#![deny(missing_docs)]

pub mod check;
pub mod cost;
pub mod equality;
pub mod finding;
pub mod load;
pub mod model;
pub mod money;
pub mod report;
pub mod schema;

use chrono::NaiveDate;

pub use equality::{Equality, EqualityOptions};
pub use finding::{Code, Error, Finding, Findings, Severity};
pub use model::*;
pub use money::Money;
pub use report::{KeyValue, Leave, Line, Report, ReportOptions};

impl Inventory {
    /// Loads an inventory from JSON text; fails with every error found.
    pub fn from_json(text: &str) -> Result<Inventory, Error> {
        load::load(text.as_bytes())
    }
    /// Loads an inventory from JSON bytes (UTF-8, a BOM is allowed).
    pub fn from_slice(bytes: &[u8]) -> Result<Inventory, Error> {
        load::load(bytes)
    }
    /// Every warning, judged against `today` (SPEC §6).
    pub fn warnings(&self, today: NaiveDate) -> Vec<Finding> {
        check::warnings(self, today)
    }
    /// A cost report (SPEC §5).
    pub fn report(&self, opts: &ReportOptions) -> Result<Report, Error> {
        report::report(self, opts)
    }
    /// Equality statistics (SPEC §7).
    pub fn equality(&self, opts: &EqualityOptions) -> Result<Equality, Error> {
        equality::equality(self, opts)
    }
}

/// Checks a file: every error, or (when it loads) every warning (SPEC §6).
pub fn check(bytes: &[u8], today: NaiveDate) -> Findings {
    let (inv, mut findings) = load::parse(bytes);
    if let Some(inv) = inv {
        findings.extend(inv.warnings(today));
    }
    Findings::new(findings)
}

/// Parses a strict `YYYY-MM-DD` date, as the file format writes them.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    load::parse_date(text)
}

/// Today's date on this machine (the default `today` of the checks).
#[cfg(feature = "clock")]
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
