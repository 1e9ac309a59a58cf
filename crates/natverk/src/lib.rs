//! # natverk — the networks an organisation takes part in, and what they cost
//!
//! A Swedish municipality or region keeps an inventory of the networks and
//! collaborations it takes part in: who organises them, which subjects they
//! serve, who represents the organisation and what it costs. This crate
//! models such an inventory (format `natverk/1`), validates it with findings
//! that say what, where and how to fix, and computes exact cost reports,
//! warnings and gender-equality statistics.
//!
//! ## Overview
//!
//! - [`InventoryData`] and its parts ([`Organisation`], [`Unit`],
//!   [`Person`], [`FeeSchedule`], [`Rate`], [`Network`], [`Participant`],
//!   [`Cost`], [`Financing`]) are plain data: build them in code, or load
//!   them from JSON.
//! - [`Inventory`] is a validated, immutable inventory:
//!   [`Inventory::new`] checks data built in code exactly as
//!   [`Inventory::from_json`] checks a file, with the same finding codes
//!   and paths.
//! - [`Inventory::report`] gives a [`Report`] (SPEC §5),
//!   [`Inventory::equality`] the [`Equality`] statistics (SPEC §7) and
//!   [`Inventory::warnings`] the warnings of `check` (SPEC §6).
//! - Every failure is an [`Error`] carrying every [`Finding`]; every text
//!   for people exists in Swedish and English ([`present`]).
//!
//! ## Usage: an inventory built in code
//!
//! ```
//! use natverk::{
//!     Cost, CostKind, Decimal, FeeSchedule, Financing, FinancingStatus, GroupKey, Inventory,
//!     InventoryData, NaiveDate, Network, NetworkKind, Organisation, Population, ReportOptions,
//!     Tier,
//! };
//!
//! let mut org = Organisation::new("Göteborgs Stad", "SEK");
//! org.population = Some(Population::Constant(604_616));
//! let mut data = InventoryData::new(org);
//! data.fee_schedules.push(FeeSchedule::tiered("skr", vec![
//!     Tier::up_to(100_000, Decimal::from(30_000)),
//!     Tier::open(Decimal::from(65_000)),
//! ]));
//!
//! let start = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
//! let mut n = Network::new("modellkoncept", "Modellkoncept för jämställdhet", start);
//! n.kind = NetworkKind::Programme;
//! n.subjects = vec!["jämställdhet".into()];
//! n.end = NaiveDate::from_ymd_opt(2025, 12, 31);
//! n.costs.push(Cost::scheduled(CostKind::Fee, "skr"));
//! let mut lst = Financing::new("Länsstyrelsen", FinancingStatus::Expected);
//! lst.probability = Some(Decimal::new(8, 1)); // 0.8
//! n.financing.push(lst);
//! data.networks.push(n);
//!
//! let inv = Inventory::new(data)?;
//! let mut opts = ReportOptions::new(2024, 2025);
//! opts.by = vec![GroupKey::Subject];
//! let report = inv.report(&opts)?;
//! assert_eq!(report.total.fees, Decimal::from(130_000));
//! assert_eq!(report.total.expected, Decimal::from(104_000));
//! assert_eq!(report.total.expected_net, Decimal::from(26_000));
//! # Ok::<(), natverk::Error>(())
//! ```
//!
//! ## Usage: a file
//!
//! A file with problems fails to load with **every** error at once, each
//! with its path and a message in Swedish or English:
//!
//! ```
//! use natverk::{Inventory, Lang};
//!
//! let err = Inventory::from_json(r#"{"format": "natverk/1",
//!   "organisation": {"name": "X", "currency": "sek"},
//!   "networks": [{"id": "a", "nmae": "A", "start": "2024-13-01"}]}"#).unwrap_err();
//! let f = &err.findings()[1];
//! assert_eq!(f.code.as_str(), "unknown_field");
//! assert_eq!(f.path.to_string(), "networks[0].nmae");
//! assert!(f.message_in(Lang::En).contains("did you mean `name`"));
//! assert!(f.message_in(Lang::Sv).contains("menar du `name`"));
//! ```
//!
//! ## Modules
//! - [`model`]: the plain data, declared once.
//! - [`options`]: the options of reports and statistics.
//! - [`present`]: the vocabulary and tables for people, in sv and en.
//! - [`limits`]: every limit of SPEC §9.
//!
//! What the frontends share besides (the declaration's machinery and the
//! generated schema and types, the workbook's layout, money's arithmetic)
//! is public for them but hidden from these pages: it is not the product,
//! and may change without notice.
//!
//! ## Features
//! - `clock` (default): [`today`], from the system clock (off in the
//!   WebAssembly build, where today comes from JavaScript).
//! - `parallel`: a report on a large inventory is computed over parts of its
//!   networks on threads of their own, with the same results
//!   (`set_max_threads`).
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod board;
mod calendar;
mod check;
mod cost;
mod diff;
mod equality;
mod error;
mod finding;
#[doc(hidden)]
pub mod format;
mod inventory;
pub mod limits;
mod load;
mod merge;
pub mod model;
#[doc(hidden)]
pub mod money;
pub mod options;
pub mod present;
mod public;
mod report;
#[doc(hidden)]
pub mod tables;
mod validate;
mod write_json;

pub use chrono::NaiveDate;
pub use rust_decimal::Decimal;

pub use board::{Block, BoardDocument, BoardOptions, Section};
pub use calendar::{notice_day, Calendar, Event, EventKind};
pub use diff::{Change, Changed, Diff, DiffLine, NetworkRef, Sides};
pub use equality::{Amounts, ByRole, BySide, Counts, Equality, NetworkCounts};
pub use error::Error;
pub use finding::{Code, Finding, Findings, Path, Seg, Severity};
pub use inventory::Inventory;
pub use merge::{file_findings, merge, FileCount, MergeInput, Merged, UnitCompleteness};
pub use model::Cost;
pub use model::{
    Assessment, CostKind, Covers, Decision, FeeSchedule, Financing, FinancingStatus, Gender,
    IntoValue, InventoryData, Network, NetworkKind, Organisation, ParseWordError, Participant, Per,
    PerCapita, Person, Population, Rate, Recommendation, Role, Side, Status, Tier, Unit, FORMAT,
};
pub use money::Money;
pub use options::{EqualityOptions, GroupKey, Leave, ReportOptions, Scope};
pub use present::Lang;
pub use report::{KeyValue, Line, Report};

/// A hash map with a fast hash that is still seeded at random per map, so
/// a file cannot be crafted to make its lookups collide (SPEC §9).
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// Checks a file: every error, or (when it loads) every warning judged
/// against `today` (SPEC §6). Never fails: problems are findings.
///
/// ```
/// let today = natverk::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
/// let f = natverk::check(br#"{"format": "natverk/1"}"#, today);
/// assert_eq!(f.errors(), 1);
/// assert_eq!(f[0].code, natverk::Code::MissingField);
/// ```
pub fn check(bytes: &[u8], today: NaiveDate) -> Findings {
    let (data, v) = load::parse(bytes);
    match data {
        Some(data) if !v.has_errors() => {
            let inv = Inventory::from_validated(data, v, bytes.len());
            inv.warnings(today)
        }
        _ => Findings::new(v.into_findings()),
    }
}

/// Parses a strict `YYYY-MM-DD` date, as the file format writes them.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    NaiveDate::from_ymd_opt(
        text[..4].parse().ok()?,
        text[5..7].parse().ok()?,
        text[8..].parse().ok()?,
    )
}

/// Today's date on this machine (the default `today` of the checks).
#[cfg(feature = "clock")]
#[cfg_attr(docsrs, doc(cfg(feature = "clock")))]
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Sets the most threads one report may use (with the `parallel` feature):
/// `0`, the default, is one per available core; `1` computes every report
/// on the calling thread. The results are the same either way.
///
/// Each thread costs the program's allocator address space of its own (a
/// heap per thread): a program that runs under a cap on its address space
/// (`ulimit -v`) may want `1`. The command line does so.
///
/// ```
/// natverk::set_max_threads(1);
/// natverk::set_max_threads(0);
/// ```
#[cfg(feature = "parallel")]
#[cfg_attr(docsrs, doc(cfg(feature = "parallel")))]
pub fn set_max_threads(n: usize) {
    report::parallel::MAX_THREADS.store(n, std::sync::atomic::Ordering::Relaxed);
}
