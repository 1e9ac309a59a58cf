//! Findings: what `check` and a failed load or report say (SPEC §6, §7.2).
//!
//! A finding is a value: a stable [`Code`], a [`Severity`], where it is (a
//! [`Path`] into the file, kept as segments) and a [`Message`] that can be
//! read in Swedish or English. The JSON of SPEC §7.2 writes the path as
//! `networks[3].costs[0].schedule` and the message in English.

use std::borrow::Cow;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::present::{Lang, Message};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The inventory cannot be reported on.
    Error,
    /// Worth a look; does not stop a report.
    Warning,
}

impl Severity {
    /// The word in findings: `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($(#[$m:meta])* $v:ident = $s:literal,)+ ; $first_warning:ident) => {
        /// Every finding code of SPEC §6. The codes are stable: consumers
        /// match on them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code { $($(#[$m])* $v,)+ }
        impl Code {
            /// Every code, errors first.
            pub const ALL: &'static [Code] = &[$(Code::$v),+];
            /// The code as written in findings, e.g. `unknown_field`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$v => $s,)+ }
            }
            /// The severity every finding of this code has.
            pub fn severity(self) -> Severity {
                if self < Code::$first_warning { Severity::Error } else { Severity::Warning }
            }
        }
    };
}

codes! {
    /// The file is not JSON (line and column say where).
    Syntax = "syntax",
    /// `format` is not `natverk/1`.
    UnsupportedFormat = "unsupported_format",
    /// A key the format does not know.
    UnknownField = "unknown_field",
    /// A key given twice in one object.
    DuplicateKey = "duplicate_key",
    /// A required key is missing.
    MissingField = "missing_field",
    /// A value of the wrong type, out of range, or not allowed here.
    InvalidValue = "invalid_value",
    /// An id (or a rate's currency and year) given twice.
    DuplicateId = "duplicate_id",
    /// An id that names nothing in the inventory.
    UnknownReference = "unknown_reference",
    /// A period that ends before it starts.
    InvalidPeriod = "invalid_period",
    /// A fee schedule that is not well formed.
    InvalidSchedule = "invalid_schedule",
    /// A population needed by a fee schedule is missing.
    MissingPopulation = "missing_population",
    /// An exchange rate needed by an amount is missing.
    MissingRate = "missing_rate",
    /// Expected or applied financing without a probability.
    MissingProbability = "missing_probability",
    /// A sum too large for exact decimal arithmetic.
    Overflow = "overflow",
    /// Two files of a merge give different values for one thing (SPEC §15).
    MergeConflict = "merge_conflict",
    /// A network with no costs and no costed time.
    NoCosts = "no_costs",
    /// A network with no participants.
    NoParticipants = "no_participants",
    /// Politicians sit in a network, none from the opposition.
    NoOpposition = "no_opposition",
    /// A programme without a politician.
    NoPolitician = "no_politician",
    /// A programme without an official.
    NoOfficial = "no_official",
    /// A delegation outside 40–60 % of each gender.
    GenderImbalance = "gender_imbalance",
    /// A proposal's deadline is within 30 days.
    DeadlineSoon = "deadline_soon",
    /// A proposal's deadline has passed.
    DeadlinePassed = "deadline_passed",
    /// An active network whose end has passed.
    EndedButActive = "ended_but_active",
    /// Hours without an hourly cost.
    UncostedTime = "uncosted_time",
    /// Financing above the cost.
    Overfinanced = "overfinanced",
    /// The last day to give notice for the end of this year is within 30
    /// days.
    NoticeSoon = "notice_soon",
    ; NoCosts
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One step of a [`Path`]: a key of an object or an index into a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Seg {
    /// A key (the format's own keys are static; unknown keys are copied).
    Key(Cow<'static, str>),
    /// A position in a list, from 0.
    Index(usize),
}

/// Where a finding is: a JSON path into the file, as segments.
///
/// It is written as SPEC §6 writes paths, `networks[3].costs[0].schedule`,
/// and empty for the whole file. Options of a report are under `options`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Path(Vec<Seg>);

impl Path {
    /// The empty path: the whole file.
    pub fn root() -> Path {
        Path(Vec::new())
    }
    /// Its segments, outermost first.
    pub fn segments(&self) -> &[Seg] {
        &self.0
    }
    /// Whether this is the whole file.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// This path with a key added.
    pub fn key(mut self, key: impl Into<Cow<'static, str>>) -> Path {
        self.0.push(Seg::Key(key.into()));
        self
    }
    /// This path with an index added.
    pub fn index(mut self, i: usize) -> Path {
        self.0.push(Seg::Index(i));
        self
    }
    /// Whether `prefix`'s segments start this path.
    pub fn starts_with(&self, prefix: &Path) -> bool {
        self.0.starts_with(&prefix.0)
    }
    /// The path parsed from its written form (`networks[3].costs[0]`);
    /// `None` if it is not one.
    pub fn parse(text: &str) -> Option<Path> {
        let mut segs = Vec::new();
        if text.is_empty() {
            return Some(Path(segs));
        }
        for part in text.split('.') {
            let (key, mut rest) = match part.find('[') {
                Some(p) => (&part[..p], &part[p..]),
                None => (part, ""),
            };
            if (key.is_empty() && segs.is_empty()) || key.contains(']') {
                return None;
            }
            if !key.is_empty() {
                segs.push(Seg::Key(Cow::Owned(key.to_string())));
            }
            while let Some(r) = rest.strip_prefix('[') {
                let end = r.find(']')?;
                segs.push(Seg::Index(r[..end].parse().ok()?));
                rest = &r[end + 1..];
            }
            if !rest.is_empty() {
                return None;
            }
        }
        Some(Path(segs))
    }
    pub(crate) fn push(&mut self, seg: Seg) {
        self.0.push(seg);
    }
    pub(crate) fn pop(&mut self) {
        self.0.pop();
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Seg::Key(k) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl Path {
    /// Whether the written form is `text`, without writing it out.
    fn is_written(&self, text: &str) -> bool {
        struct Cmp<'a> {
            rest: &'a str,
            same: bool,
        }
        impl fmt::Write for Cmp<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                match self.rest.strip_prefix(s) {
                    Some(r) if self.same => self.rest = r,
                    _ => self.same = false,
                }
                Ok(())
            }
        }
        let mut c = Cmp {
            rest: text,
            same: true,
        };
        let _ = fmt::Write::write_fmt(&mut c, format_args!("{self}"));
        c.same && c.rest.is_empty()
    }
}

impl PartialEq<str> for Path {
    fn eq(&self, other: &str) -> bool {
        self.is_written(other)
    }
}

impl PartialEq<&str> for Path {
    fn eq(&self, other: &&str) -> bool {
        self.is_written(other)
    }
}

impl Serialize for Path {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One problem or remark, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finding {
    /// Stable code.
    pub code: Code,
    /// Error or warning (follows from the code).
    pub severity: Severity,
    /// Where, in the file (empty for the whole file).
    pub path: Path,
    /// What is wrong and how to fix it, in Swedish or English.
    pub message: Message,
    /// 1-based line, where known (syntax errors).
    pub line: Option<u64>,
    /// 1-based column, where known (syntax errors).
    pub column: Option<u64>,
}

impl Finding {
    /// A finding of `code` at `path`.
    pub fn new(code: Code, path: Path, message: Message) -> Finding {
        Finding {
            code,
            severity: code.severity(),
            path,
            message,
            line: None,
            column: None,
        }
    }
    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        self.message.text(lang)
    }
    /// The finding as one line for people: `error[unknown_field] at
    /// networks[0].nmae: …`, in `lang`.
    pub fn to_text(&self, lang: Lang) -> String {
        let mut s = format!(
            "{}[{}]",
            crate::present::label(
                match self.severity {
                    Severity::Error => "severity.error",
                    Severity::Warning => "severity.warning",
                },
                lang
            )
            // "error", "fel", "warning", "varning": ASCII (and no Unicode
            // case tables in the WebAssembly build)
            .to_ascii_lowercase(),
            self.code
        );
        if !self.path.is_empty() {
            s.push(' ');
            s.push_str(crate::present::label("ui.at", lang));
            s.push(' ');
            s.push_str(&self.path.to_string());
        }
        if let (Some(l), Some(c)) = (self.line, self.column) {
            s.push_str(" (");
            s.push_str(&crate::present::fill(
                crate::present::label("ui.line_column", lang),
                &[("line", &l.to_string()), ("column", &c.to_string())],
            ));
            s.push(')');
        }
        s.push_str(": ");
        s.push_str(&self.message.text(lang));
        s
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text(Lang::En))
    }
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        FindingIn(self, Lang::En).serialize(s)
    }
}

/// A finding written as SPEC §7.2 JSON with its message in a language.
struct FindingIn<'a>(&'a Finding, Lang);

impl Serialize for FindingIn<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let f = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("code", &f.code)?;
        m.serialize_entry("severity", &f.severity)?;
        m.serialize_entry("path", &f.path)?;
        m.serialize_entry("message", &f.message.text(self.1))?;
        if let Some(l) = f.line {
            m.serialize_entry("line", &l)?;
        }
        if let Some(c) = f.column {
            m.serialize_entry("column", &c)?;
        }
        m.end()
    }
}

impl From<Findings> for Vec<Finding> {
    fn from(f: Findings) -> Vec<Finding> {
        f.findings
    }
}

/// A list of findings as SPEC §7.2 writes it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Findings {
    findings: Vec<Finding>,
    errors: usize,
}

impl Findings {
    /// Wraps a list, counting errors and warnings.
    pub fn new(findings: impl Into<Vec<Finding>>) -> Findings {
        let findings = findings.into();
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        Findings { findings, errors }
    }
    /// Every finding, in the order found.
    pub fn as_slice(&self) -> &[Finding] {
        &self.findings
    }
    /// Iterates over the findings.
    pub fn iter(&self) -> std::slice::Iter<'_, Finding> {
        self.findings.iter()
    }
    /// How many findings.
    pub fn len(&self) -> usize {
        self.findings.len()
    }
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }
    /// How many are errors.
    pub fn errors(&self) -> usize {
        self.errors
    }
    /// How many are warnings.
    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors
    }
    /// The findings, taken out.
    pub fn into_vec(self) -> Vec<Finding> {
        self.findings
    }
    /// SPEC §7.2 JSON, pretty-printed, messages in English.
    pub fn to_json(&self) -> String {
        self.to_json_in(Lang::En, true)
    }
    /// SPEC §7.2 JSON with messages in `lang`, pretty or on one line.
    pub fn to_json_in(&self, lang: Lang, pretty: bool) -> String {
        let v = FindingsIn(self, lang);
        let r = if pretty {
            serde_json::to_string_pretty(&v)
        } else {
            serde_json::to_string(&v)
        };
        // Strings, numbers and words only: writing to a String cannot fail.
        r.unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}

impl<'a> IntoIterator for &'a Findings {
    type Item = &'a Finding;
    type IntoIter = std::slice::Iter<'a, Finding>;
    fn into_iter(self) -> Self::IntoIter {
        self.findings.iter()
    }
}

impl IntoIterator for Findings {
    type Item = Finding;
    type IntoIter = std::vec::IntoIter<Finding>;
    fn into_iter(self) -> Self::IntoIter {
        self.findings.into_iter()
    }
}

/// The findings as a slice (`&findings[..]`, `findings.first()`).
impl std::ops::Deref for Findings {
    type Target = [Finding];
    fn deref(&self) -> &[Finding] {
        &self.findings
    }
}

impl std::ops::Index<usize> for Findings {
    type Output = Finding;
    fn index(&self, i: usize) -> &Finding {
        &self.findings[i]
    }
}

impl Serialize for Findings {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        FindingsIn(self, Lang::En).serialize(s)
    }
}

struct FindingsIn<'a>(&'a Findings, Lang);

impl Serialize for FindingsIn<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        struct List<'a>(&'a [Finding], Lang);
        impl Serialize for List<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut q = s.serialize_seq(Some(self.0.len()))?;
                for f in self.0 {
                    q.serialize_element(&FindingIn(f, self.1))?;
                }
                q.end()
            }
        }
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("findings", &List(&self.0.findings, self.1))?;
        m.serialize_entry("errors", &self.0.errors())?;
        m.serialize_entry("warnings", &self.0.warnings())?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_print_and_parse() {
        let p = Path::root().key("networks").index(3).key("costs").index(0);
        assert_eq!(p.to_string(), "networks[3].costs[0]");
        assert_eq!(Path::parse("networks[3].costs[0]"), Some(p));
        assert_eq!(Path::parse(""), Some(Path::root()));
        assert_eq!(
            Path::parse("organisation.population.2023")
                .unwrap()
                .to_string(),
            "organisation.population.2023"
        );
        for bad in ["[1]", "a[x]", "a[1", "a]"] {
            assert_eq!(Path::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn codes_have_their_severity() {
        assert_eq!(Code::Overflow.severity(), Severity::Error);
        assert_eq!(Code::NoCosts.severity(), Severity::Warning);
        assert_eq!(Code::ALL.len(), 27);
    }
}
