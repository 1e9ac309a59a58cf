//! A program that embeds `natverk` as any other crate would (SPEC §8): a
//! web service's request type holds an [`InventoryData`] read by serde, its
//! response type a [`Report`] and the [`Findings`] written by serde. Only the
//! public API is used.
//!
//! ```
//! let response = natverk_embed::handle(r#"{
//!   "from": 2024, "to": 2024, "by": ["network"], "today": "2024-06-01",
//!   "inventory": {"format": "natverk/1",
//!     "organisation": {"name": "X", "currency": "SEK"},
//!     "networks": [{"id": "a", "name": "A", "start": "2024-01-01",
//!                   "costs": [{"kind": "fee", "amount": "1000"}]}]}}"#);
//! let v: serde_json::Value = serde_json::from_str(&response).unwrap();
//! assert_eq!(v["report"]["total"]["gross"], "1000.00");
//! ```

use natverk::{Error, Findings, GroupKey, Inventory, InventoryData, Report, ReportOptions};
use serde::{Deserialize, Serialize};

/// What a client sends: an inventory and what to report on it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The inventory, in the `natverk/1` shape (not yet validated).
    pub inventory: InventoryData,
    /// First year.
    pub from: i32,
    /// Last year.
    pub to: i32,
    /// Group keys (`network`, `subject`, …); absent or empty: the
    /// report's default.
    #[serde(default)]
    pub by: Vec<String>,
    /// The day the warnings are judged on, `YYYY-MM-DD`.
    pub today: String,
}

/// What the service answers.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Response {
    /// The report and the warnings.
    Report {
        /// The report (SPEC §5.1).
        report: Box<Report>,
        /// The warnings of `check` (SPEC §6), in path order.
        warnings: Findings,
    },
    /// What is wrong with the request.
    Refused {
        /// `invalid`, `report`, `options` or `request`.
        error: &'static str,
        /// Every finding.
        findings: Option<Findings>,
        /// The request's own problem, when it is not a finding.
        message: Option<String>,
    },
}

/// Answers one request (JSON text in, JSON text out).
pub fn handle(request: &str) -> String {
    let response = match serde_json::from_str::<Request>(request) {
        Ok(r) => answer(r),
        Err(e) => Response::Refused {
            error: "request",
            findings: None,
            message: Some(e.to_string()),
        },
    };
    serde_json::to_string_pretty(&response).unwrap_or_default()
}

fn answer(r: Request) -> Response {
    let refused = |e: Error| Response::Refused {
        error: match e {
            Error::Invalid(_) => "invalid",
            Error::Report(_) => "report",
            _ => "options",
        },
        findings: Some(e.into_findings()),
        message: None,
    };
    let Some(today) = natverk::parse_date(&r.today) else {
        return Response::Refused {
            error: "request",
            findings: None,
            message: Some(format!("`today` is not a date: {:?}", r.today)),
        };
    };
    let mut opts = ReportOptions::new(r.from, r.to);
    let mut by = Vec::new();
    for key in &r.by {
        match key.parse::<GroupKey>() {
            Ok(k) => by.push(k),
            Err(e) => {
                return Response::Refused {
                    error: "request",
                    findings: None,
                    message: Some(e.to_string()),
                }
            }
        }
    }
    if !by.is_empty() {
        opts.by = by;
    }
    let inv = match Inventory::new(r.inventory) {
        Ok(inv) => inv,
        Err(e) => return refused(e),
    };
    match inv.report(&opts) {
        Ok(report) => Response::Report {
            report: Box::new(report),
            warnings: inv.warnings(today),
        },
        Err(e) => refused(e),
    }
}
