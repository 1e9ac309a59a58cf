//! Findings: what `check` and a failed load or report say (SPEC §6, §7.2).

use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The inventory cannot be reported on.
    Error,
    /// Worth a look; does not stop a report.
    Warning,
}

/// Every finding code of SPEC §6. The codes are stable: consumers match on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum Code {
    // errors
    Syntax,
    UnsupportedFormat,
    UnknownField,
    DuplicateKey,
    MissingField,
    InvalidValue,
    DuplicateId,
    UnknownReference,
    InvalidPeriod,
    InvalidSchedule,
    MissingPopulation,
    MissingRate,
    MissingProbability,
    Overflow,
    // warnings
    NoCosts,
    NoParticipants,
    NoOpposition,
    NoPolitician,
    NoOfficial,
    GenderImbalance,
    DeadlineSoon,
    DeadlinePassed,
    EndedButActive,
    UncostedTime,
    Overfinanced,
}

impl Code {
    /// Every code, errors first.
    pub const ALL: &'static [Code] = &[
        Code::Syntax,
        Code::UnsupportedFormat,
        Code::UnknownField,
        Code::DuplicateKey,
        Code::MissingField,
        Code::InvalidValue,
        Code::DuplicateId,
        Code::UnknownReference,
        Code::InvalidPeriod,
        Code::InvalidSchedule,
        Code::MissingPopulation,
        Code::MissingRate,
        Code::MissingProbability,
        Code::Overflow,
        Code::NoCosts,
        Code::NoParticipants,
        Code::NoOpposition,
        Code::NoPolitician,
        Code::NoOfficial,
        Code::GenderImbalance,
        Code::DeadlineSoon,
        Code::DeadlinePassed,
        Code::EndedButActive,
        Code::UncostedTime,
        Code::Overfinanced,
    ];

    /// The code as written in findings, e.g. `unknown_field`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::UnsupportedFormat => "unsupported_format",
            Code::UnknownField => "unknown_field",
            Code::DuplicateKey => "duplicate_key",
            Code::MissingField => "missing_field",
            Code::InvalidValue => "invalid_value",
            Code::DuplicateId => "duplicate_id",
            Code::UnknownReference => "unknown_reference",
            Code::InvalidPeriod => "invalid_period",
            Code::InvalidSchedule => "invalid_schedule",
            Code::MissingPopulation => "missing_population",
            Code::MissingRate => "missing_rate",
            Code::MissingProbability => "missing_probability",
            Code::Overflow => "overflow",
            Code::NoCosts => "no_costs",
            Code::NoParticipants => "no_participants",
            Code::NoOpposition => "no_opposition",
            Code::NoPolitician => "no_politician",
            Code::NoOfficial => "no_official",
            Code::GenderImbalance => "gender_imbalance",
            Code::DeadlineSoon => "deadline_soon",
            Code::DeadlinePassed => "deadline_passed",
            Code::EndedButActive => "ended_but_active",
            Code::UncostedTime => "uncosted_time",
            Code::Overfinanced => "overfinanced",
        }
    }

    /// The severity every finding of this code has.
    pub fn severity(self) -> Severity {
        if self < Code::NoCosts {
            Severity::Error
        } else {
            Severity::Warning
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One problem or remark, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// JSON path into the file, e.g. `networks[3].costs[0].schedule`;
    /// empty for the whole file.
    pub path: String,
    /// What is wrong and how to fix it.
    pub message: String,
    /// 1-based line, where known (syntax errors).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// 1-based column, where known (syntax errors).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
}

impl Finding {
    /// A finding of `code` at `path`.
    pub fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding {
            code,
            severity: code.severity(),
            path: path.into(),
            message: message.into(),
            line: None,
            column: None,
        }
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}[{}]", self.code)?;
        if !self.path.is_empty() {
            write!(f, " at {}", self.path)?;
        }
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, " (line {l}, column {c})")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A list of findings as SPEC §7.2 writes it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Findings {
    /// Every finding, in the order found.
    pub findings: Vec<Finding>,
    /// How many are errors.
    pub errors: usize,
    /// How many are warnings.
    pub warnings: usize,
}

impl Findings {
    /// Wraps a list, counting errors and warnings.
    pub fn new(findings: Vec<Finding>) -> Findings {
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let warnings = findings.len() - errors;
        Findings {
            findings,
            errors,
            warnings,
        }
    }
    /// SPEC §7.2 JSON, pretty-printed.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
    /// SPEC §7.2 JSON on one line, for machines (the bindings).
    pub fn to_json_compact(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A load or a report failed: every error finding, in one value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", summary(.findings))]
pub struct Error {
    /// Every error found (never empty).
    pub findings: Vec<Finding>,
}

impl Error {
    /// An error made of findings.
    pub fn new(findings: Vec<Finding>) -> Error {
        Error { findings }
    }
    /// A single finding.
    pub fn one(code: Code, path: impl Into<String>, message: impl Into<String>) -> Error {
        Error::new(vec![Finding::new(code, path, message)])
    }
    /// Whether the options of a report are malformed (years out of range,
    /// `to` before `from`, a repeated group key: paths under `options.`),
    /// a usage error rather than a finding about the inventory. Unknown
    /// network ids in `leave` are `unknown_reference` findings, not usage
    /// errors (SPEC §5).
    pub fn is_options_error(&self) -> bool {
        self.findings.iter().all(|f| {
            (f.path == "options" || f.path.starts_with("options."))
                && f.code != Code::UnknownReference
        })
    }
    /// The findings as SPEC §7.2 JSON.
    pub fn to_json(&self) -> String {
        Findings::new(self.findings.clone()).to_json()
    }
    /// The findings as SPEC §7.2 JSON on one line (the bindings).
    pub fn to_json_compact(&self) -> String {
        Findings::new(self.findings.clone()).to_json_compact()
    }
}

fn summary(findings: &[Finding]) -> String {
    let mut s = match findings.len() {
        1 => "the inventory has 1 problem".to_string(),
        n => format!("the inventory has {n} problems"),
    };
    for f in findings {
        s.push_str("\n  ");
        s.push_str(&f.to_string());
    }
    s
}
