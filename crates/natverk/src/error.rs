//! The one error type of the crate (SPEC §8 Rust).

use std::fmt;

use crate::finding::{Code, Finding, Findings};
use crate::present::{Lang, Message};
use crate::Path;

use crate::limits::DISPLAY_FINDINGS;

/// Why a call failed. Every variant carries every finding, so one run
/// reports every problem.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The inventory has errors (loading it, or [`crate::Inventory::new`]).
    Invalid(Findings),
    /// A report or statistics on a valid inventory cannot be computed: a
    /// rate or a population its years need is missing, a sum overflows,
    /// the report would be too large, or `leave` names an unknown network.
    Report(Findings),
    /// An option is wrong (years out of range, `to` before `from`, an
    /// unknown word); its paths start with `options`.
    Options(Findings),
}

impl Error {
    /// The findings, whatever the variant.
    pub fn findings(&self) -> &Findings {
        match self {
            Error::Invalid(f) | Error::Report(f) | Error::Options(f) => f,
        }
    }
    /// The findings, taken out.
    pub fn into_findings(self) -> Findings {
        match self {
            Error::Invalid(f) | Error::Report(f) | Error::Options(f) => f,
        }
    }
    /// The findings as SPEC §7.2 JSON (messages in English).
    pub fn to_json(&self) -> String {
        self.findings().to_json()
    }
    /// The error for people in `lang`: a summary line, then at most
    /// [`DISPLAY_FINDINGS`](crate::limits::DISPLAY_FINDINGS) findings and how many more there are.
    pub fn to_text(&self, lang: Lang) -> String {
        let f = self.findings();
        let head = match self {
            Error::Options(_) => "error.options",
            Error::Report(_) => "error.report",
            Error::Invalid(_) => "error.invalid",
        };
        let mut s = crate::present::count_text(head, f.len(), lang);
        for x in f.iter().take(DISPLAY_FINDINGS) {
            s.push_str("\n  ");
            s.push_str(&x.to_text(lang));
        }
        if f.len() > DISPLAY_FINDINGS {
            s.push_str("\n  ");
            s.push_str(&crate::present::count_text(
                "error.more",
                f.len() - DISPLAY_FINDINGS,
                lang,
            ));
        }
        s
    }
    pub(crate) fn options(code: Code, path: Path, message: Message) -> Error {
        Error::Options(Findings::new(vec![Finding::new(code, path, message)]))
    }
    pub(crate) fn report(code: Code, path: Path, message: Message) -> Error {
        Error::Report(Findings::new(vec![Finding::new(code, path, message)]))
    }
}

/// Short: the variant, then a line per finding, `code at path: message`
/// (the message in English, its arguments filled in).
///
/// ```
/// let err = natverk::Inventory::from_json(r#"{"format": "natverk/1"}"#).unwrap_err();
/// assert_eq!(
///     format!("{err:?}"),
///     "Invalid(\n  missing_field at organisation: the file needs an `organisation` with `name` and `currency`\n)"
/// );
/// ```
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let variant = match self {
            Error::Invalid(_) => "Invalid",
            Error::Report(_) => "Report",
            Error::Options(_) => "Options",
        };
        write!(f, "{variant}(")?;
        for x in self.findings().iter() {
            write!(f, "\n  {} at {}: {}", x.code, x.path, x.message)?;
        }
        write!(f, "\n)")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text(Lang::En))
    }
}

impl std::error::Error for Error {}
