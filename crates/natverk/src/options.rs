//! The options of reports and statistics (SPEC §5, §7), and their parsing.

use std::collections::HashSet;

use serde::de::{self, Deserialize, Deserializer};

use crate::error::Error;
use crate::finding::{Code, Finding, Findings, Path};
use crate::limits::{MAX_SPAN_YEARS, MAX_YEAR, MIN_YEAR};
use crate::model::{word_enum, Status, Word};
use crate::present::messages as m;
use crate::present::{label, Lang, Message};

word_enum!(
    /// Which networks a report covers.
    Scope ("word.scope", "scope") {
        /// Every network.
        All = "all",
        /// Only networks whose unit is central.
        Central = "central",
    }
);

#[allow(clippy::derivable_impls)] // the enum comes from a macro
impl Default for Scope {
    fn default() -> Scope {
        Scope::All
    }
}

word_enum!(
    /// What report lines are grouped by.
    GroupKey ("word.group_key", "key") {
        /// Network id (the line also carries `name`).
        Network = "network",
        /// Subject; amounts split evenly over a network's subjects.
        Subject = "subject",
        /// Organiser.
        Organiser = "organiser",
        /// Unit id.
        Unit = "unit",
        /// Network kind.
        Kind = "kind",
        /// Network status.
        Status = "status",
        /// Year.
        Year = "year",
    }
);

/// The options of a report (SPEC §5). `from` and `to` are required.
///
/// ```
/// use natverk::{GroupKey, Leave, ReportOptions, Scope};
///
/// let mut opts = ReportOptions::new(2024, 2025);
/// opts.scope = Scope::Central;
/// opts.by = vec![GroupKey::Subject, GroupKey::Year];
/// opts.leave = Some(Leave::Recommended);
/// assert_eq!(opts, ReportOptions::from_json(
///     r#"{"from": 2024, "to": 2025, "scope": "central", "by": ["subject", "year"], "leave": "recommended"}"#)?);
/// # Ok::<(), natverk::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReportOptions {
    /// First year, inclusive.
    pub from: i32,
    /// Last year, inclusive.
    pub to: i32,
    /// Every network, or only those of central units.
    pub scope: Scope,
    /// Group keys, in order; default `["network"]`.
    pub by: Vec<GroupKey>,
    /// Statuses included; `None`: every status but `declined`.
    pub statuses: Option<Vec<Status>>,
    /// Networks to compute as left.
    pub leave: Option<Leave>,
    /// Year notice is given (default `from`); only with `leave`.
    pub leave_from: Option<i32>,
}

impl ReportOptions {
    /// The statuses the report includes: those given, or the default
    /// (every status but `declined`).
    pub fn included_statuses(&self) -> Vec<Status> {
        self.statuses.clone().unwrap_or_else(default_statuses)
    }

    /// A report by network over `from..=to`, everything else default.
    pub fn new(from: i32, to: i32) -> ReportOptions {
        ReportOptions {
            from,
            to,
            scope: Scope::All,
            by: vec![GroupKey::Network],
            statuses: None,
            leave: None,
            leave_from: None,
        }
    }

    /// Options from a JSON object with the same keys (`from`, `to`,
    /// `scope`, `by`, `statuses`, `leave`, `leave_from`), as the bindings
    /// pass them.
    ///
    /// # Errors
    ///
    /// [`Error::Options`]: not an object, an unknown key, a wrong type, an
    /// unknown word, or `from`/`to` missing.
    ///
    /// # Example
    ///
    /// ```
    /// let err = natverk::ReportOptions::from_json(r#"{"from": 2024, "to": 2024, "by": ["subjekt"]}"#)
    ///     .unwrap_err();
    /// assert!(matches!(err, natverk::Error::Options(_)));
    /// assert_eq!(err.findings()[0].path, "options.by");
    /// ```
    pub fn from_json(text: &str) -> Result<ReportOptions, Error> {
        let raw: RawReport = parse_json(text)?;
        Ok(ReportOptions {
            from: raw.from,
            to: raw.to,
            scope: raw.scope.map(|w| w.0).unwrap_or_default(),
            by: match raw.by {
                Some(by) => by.into_iter().map(|w| w.0).collect(),
                None => vec![GroupKey::Network],
            },
            statuses: raw.statuses.map(|s| s.into_iter().map(|w| w.0).collect()),
            leave: raw.leave,
            leave_from: raw.leave_from,
        })
    }

    /// Checks the options that do not need the inventory.
    ///
    /// # Errors
    ///
    /// [`Error::Options`] with every problem: a year outside 1–9999, `to`
    /// before `from`, a span above [`MAX_SPAN_YEARS`] years, a group key
    /// given twice, `leave_from` out of range or without `leave`.
    pub fn validate(&self) -> Result<(), Error> {
        let mut f = range_findings(self.from, self.to);
        let mut seen = HashSet::new();
        for k in &self.by {
            if !seen.insert(*k) {
                f.push(Finding::new(
                    Code::InvalidValue,
                    Path::root().key("options").key("by"),
                    Message::new(&m::KEY_TWICE).with("key", k),
                ));
            }
        }
        if let Some(lf) = self.leave_from {
            if self.leave.is_none() {
                f.push(Finding::new(
                    Code::InvalidValue,
                    Path::root().key("options").key("leave_from"),
                    Message::new(&m::LEAVE_FROM_WITHOUT_LEAVE),
                ));
            } else if !(MIN_YEAR..=MAX_YEAR).contains(&lf) {
                f.push(Finding::new(
                    Code::InvalidValue,
                    Path::root().key("options").key("leave_from"),
                    Message::new(&m::YEAR_RANGE)
                        .with("year", lf)
                        .with("min", MIN_YEAR)
                        .with("max", MAX_YEAR),
                ));
            }
        }
        if f.is_empty() {
            Ok(())
        } else {
            Err(Error::Options(Findings::new(f)))
        }
    }
}

/// The options of the equality statistics: a report's, without `by` and
/// `leave`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct EqualityOptions {
    /// First year, inclusive.
    pub from: i32,
    /// Last year, inclusive.
    pub to: i32,
    /// Every network, or only those of central units.
    pub scope: Scope,
    /// Statuses included; `None`: every status but `declined`.
    pub statuses: Option<Vec<Status>>,
}

impl EqualityOptions {
    /// Statistics over `from..=to`, everything else default.
    pub fn new(from: i32, to: i32) -> EqualityOptions {
        EqualityOptions {
            from,
            to,
            scope: Scope::All,
            statuses: None,
        }
    }

    /// Options from a JSON object (`from`, `to`, `scope`, `statuses`).
    ///
    /// # Errors
    ///
    /// [`Error::Options`] as [`ReportOptions::from_json`].
    ///
    /// # Example
    ///
    /// ```
    /// let o = natverk::EqualityOptions::from_json(r#"{"from": 2024, "to": 2025, "scope": "central"}"#)?;
    /// assert_eq!(o.scope, natverk::Scope::Central);
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<EqualityOptions, Error> {
        let raw: RawEquality = parse_json(text)?;
        Ok(EqualityOptions {
            from: raw.from,
            to: raw.to,
            scope: raw.scope.map(|w| w.0).unwrap_or_default(),
            statuses: raw.statuses.map(|s| s.into_iter().map(|w| w.0).collect()),
        })
    }

    /// Checks the year range.
    ///
    /// # Errors
    ///
    /// [`Error::Options`] as [`ReportOptions::validate`].
    pub fn validate(&self) -> Result<(), Error> {
        let f = range_findings(self.from, self.to);
        if f.is_empty() {
            Ok(())
        } else {
            Err(Error::Options(Findings::new(f)))
        }
    }
}

/// The findings of a year range: each year in range, `to` not before
/// `from`, at most [`MAX_SPAN_YEARS`] years.
pub(crate) fn range_findings(from: i32, to: i32) -> Vec<Finding> {
    let mut f = Vec::new();
    for (k, y) in [("from", from), ("to", to)] {
        if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
            f.push(Finding::new(
                Code::InvalidValue,
                Path::root().key("options").key(k),
                Message::new(&m::YEAR_RANGE)
                    .with("year", y)
                    .with("min", MIN_YEAR)
                    .with("max", MAX_YEAR),
            ));
        }
    }
    if f.is_empty() && to < from {
        f.push(Finding::new(
            Code::InvalidPeriod,
            Path::root().key("options").key("to"),
            Message::new(&m::OPTIONS_TO_BEFORE_FROM)
                .with("to", to)
                .with("from", from),
        ));
    }
    if f.is_empty() && to - from >= MAX_SPAN_YEARS {
        f.push(Finding::new(
            Code::InvalidValue,
            Path::root().key("options").key("to"),
            Message::new(&m::SPAN_TOO_LONG)
                .with("limit", MAX_SPAN_YEARS)
                .with("from", from)
                .with("to", to),
        ));
    }
    f
}

/// Which networks leave in a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leave {
    /// Every network whose assessment recommends `leave`.
    Recommended,
    /// These network ids.
    Networks(Vec<String>),
}

impl Leave {
    /// `recommended`, or comma-separated network ids. An id names a
    /// network only when the inventory has it: one that is close to
    /// `recommended` (`recomended`, `Recommended`) is, when no network
    /// has it, an `unknown_reference` finding that says `recommended`.
    ///
    /// ```
    /// use natverk::{Inventory, Leave, ReportOptions};
    ///
    /// assert_eq!(Leave::parse(" recommended "), Leave::Recommended);
    /// let inv = Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"},
    ///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01"}]}"#)?;
    /// let mut o = ReportOptions::new(2024, 2024);
    /// o.leave = Some(Leave::parse("recomended"));
    /// let err = inv.report(&o).unwrap_err();
    /// assert!(err.findings()[0].message.to_string().contains("did you mean `recommended`"));
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn parse(s: &str) -> Leave {
        if s.trim() == "recommended" {
            Leave::Recommended
        } else {
            Leave::Networks(
                s.split(',')
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect(),
            )
        }
    }
    /// Describes it for people (`the networks recommended for leaving`,
    /// or the ids).
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Leave::Recommended => label("ui.leave_recommended", lang).to_string(),
            Leave::Networks(ids) => ids.join(", "),
        }
    }
}

/// The finding for an id in `leave` that names no network: a word close
/// to `recommended` (`recomended`, `Recommended`) is told so, not merely
/// called an unknown network.
pub(crate) fn unknown_leave(id: &str) -> crate::Finding {
    // ASCII only: `recommended` is ASCII, and Unicode case tables would
    // grow the widget's module (issue 27).
    let word = id.trim().to_ascii_lowercase();
    let close = word.chars().count() <= 2 * "recommended".len()
        && strsim::levenshtein(&word, "recommended") <= 3;
    let template = if close {
        &crate::present::messages::UNKNOWN_LEAVE_WORD
    } else {
        &crate::present::messages::UNKNOWN_LEAVE
    };
    crate::Finding::new(
        crate::Code::UnknownReference,
        crate::Path::root().key("options").key("leave"),
        crate::present::Message::new(template).with("id", crate::money::clip(id)),
    )
}

impl<'de> Deserialize<'de> for Leave {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Leave, D::Error> {
        // A small visitor rather than `#[serde(untagged)]`, whose buffering
        // machinery would add kilobytes to the WebAssembly build.
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Leave;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("\"recommended\", comma-separated network ids, or a list of ids")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Leave, E> {
                Ok(Leave::parse(v))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Leave, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(Leave::Networks(ids))
            }
        }
        d.deserialize_any(V)
    }
}

/// A word of an enum read by serde, with the enum's own message.
struct OptWord<T>(T);

#[cfg(feature = "vocabulary")]
std::thread_local! {
    /// The message of the last unknown word an [`OptWord`] met: serde's
    /// error carries only its English text, so [`parse_json`] takes the
    /// message from here and the finding speaks the reader's language.
    /// (Not in the widget's lean module, which has no room for it: there
    /// the finding is "invalid options" with the English text.)
    static UNKNOWN_WORD: std::cell::RefCell<Option<Message>> =
        const { std::cell::RefCell::new(None) };
}

impl<'de, T: Word> Deserialize<'de> for OptWord<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<OptWord<T>, D::Error> {
        let s = String::deserialize(d)?;
        T::parse_word(&s).map(OptWord).ok_or_else(|| {
            let message = T::unknown(&s);
            let error = de::Error::custom(&message);
            #[cfg(feature = "vocabulary")]
            UNKNOWN_WORD.with(|w| *w.borrow_mut() = Some(message));
            error
        })
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReport {
    from: i32,
    to: i32,
    #[serde(default)]
    scope: Option<OptWord<Scope>>,
    #[serde(default)]
    by: Option<Vec<OptWord<GroupKey>>>,
    #[serde(default)]
    statuses: Option<Vec<OptWord<Status>>>,
    #[serde(default)]
    leave: Option<Leave>,
    #[serde(default)]
    leave_from: Option<i32>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEquality {
    from: i32,
    to: i32,
    #[serde(default)]
    scope: Option<OptWord<Scope>>,
    #[serde(default)]
    statuses: Option<Vec<OptWord<Status>>>,
}

fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Error> {
    #[cfg(feature = "vocabulary")]
    UNKNOWN_WORD.with(|w| w.borrow_mut().take());
    // from_slice: the loader's reader, so only one is compiled in
    serde_json::from_slice(text.as_bytes()).map_err(|e| {
        let at = match wrong_key(text, &e) {
            Some(key) => Path::root().key("options").key(key),
            None => Path::root().key("options"),
        };
        // An unknown word has its own message in both languages; any other
        // failure is serde's (English) detail under the options' message.
        let detail = || {
            let t = e.to_string();
            let detail = t.split(" at line ").next().unwrap_or(&t).to_string();
            Message::new(&m::INVALID_OPTIONS).with("detail", detail)
        };
        #[cfg(feature = "vocabulary")]
        let message = UNKNOWN_WORD
            .with(|w| w.borrow_mut().take())
            .unwrap_or_else(detail);
        #[cfg(not(feature = "vocabulary"))]
        let message = detail();
        Error::options(Code::InvalidValue, at, message)
    })
}

/// The key of options that makes them fail to parse: the field serde says
/// is missing, or else the top-level key whose value (or whose presence,
/// for an unknown key) was being read where the error was found. `None`
/// when no top-level key is to blame (not an object; broken syntax outside
/// a value).
///
/// Found from the error's line and column with a small scan of the text,
/// not by parsing the options again without each key: that would link a
/// second copy of every option's reader (over `serde_json::Value`), ~10 KB
/// of the widget's WebAssembly module (issue 27).
fn wrong_key(text: &str, e: &serde_json::Error) -> Option<String> {
    let message = e.to_string();
    if let Some(rest) = message.strip_prefix("missing field `") {
        return rest.split('`').next().map(str::to_string);
    }
    // serde_json counts lines from 1 and columns in bytes.
    let line_start = if e.line() <= 1 {
        0
    } else {
        let mut seen = 1;
        let mut at = None;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                seen += 1;
                if seen == e.line() {
                    at = Some(i + 1);
                    break;
                }
            }
        }
        at?
    };
    let offset = (line_start + e.column()).min(text.len());
    key_at(text, offset)
}

/// The top-level key of the JSON object `text` whose entry holds byte
/// `offset`: the last string at depth 1 followed by `:` that ends before
/// it, while the scan is still inside the object.
fn key_at(source: &str, offset: usize) -> Option<String> {
    let text = source.as_bytes();
    let mut depth = 0usize;
    let mut key: Option<String> = None;
    let mut i = 0;
    while i < offset && i < text.len() {
        match text[i] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    // serde_json may report an error in the last value just
                    // past the object's closing brace (it has read it).
                    return if i + 1 == offset { key } else { None };
                }
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < text.len() && text[j] != b'"' {
                    j += if text[j] == b'\\' { 2 } else { 1 };
                }
                let end = j.min(text.len());
                if depth == 1 {
                    let next = text[(end + 1).min(text.len())..]
                        .iter()
                        .find(|b| !b.is_ascii_whitespace());
                    if next == Some(&b':') {
                        key = source.get(start..end).map(str::to_string);
                    }
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    if depth >= 1 {
        key
    } else {
        None
    }
}

/// The statuses a report includes by default: all but `declined`.
pub(crate) fn default_statuses() -> Vec<Status> {
    Status::ALL
        .iter()
        .copied()
        .filter(|s| *s != Status::Declined)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of(text: &str) -> String {
        ReportOptions::from_json(text).unwrap_err().findings()[0]
            .path
            .to_string()
    }

    #[test]
    fn a_wrong_option_is_found_at_its_key() {
        assert_eq!(
            path_of(r#"{"from": 2024, "to": 2024, "by": ["subjekt"]}"#),
            "options.by"
        );
        assert_eq!(path_of(r#"{"from": 2024.5, "to": 2025}"#), "options.from");
        assert_eq!(
            path_of("{\n  \"from\": 2024,\n  \"to\": \"x\"\n}"),
            "options.to"
        );
        assert_eq!(path_of(r#"{"to": 2025}"#), "options.from");
        assert_eq!(
            path_of(r#"{"from": 2024, "to": 2024, "bogus": 1}"#),
            "options.bogus"
        );
        assert_eq!(
            path_of(r#"{"from": 2024, "to": 2024, "scope": "x\"y", "statuses": ["z"]}"#),
            "options.scope"
        );
        // Not an object, or broken outside a value: the options as a whole.
        assert_eq!(path_of("[1]"), "options");
        assert_eq!(path_of(r#"{"from": 2024, "to": 2024} x"#), "options");
    }

    /// An unknown word is the word's own message, in both languages (SPEC
    /// §11), not serde's English text under "invalid options".
    #[cfg(feature = "vocabulary")]
    #[test]
    fn an_unknown_word_speaks_the_readers_language() {
        let err = ReportOptions::from_json(r#"{"from": 2024, "to": 2024, "by": ["subjekt"]}"#)
            .unwrap_err();
        let f = &err.findings()[0];
        let sv = f.message.text(Lang::Sv);
        assert!(
            sv.starts_with("okänt värde för") && sv.contains("`subjekt`"),
            "{sv}"
        );
        assert!(sv.contains("subject") && !sv.contains("invalid"), "{sv}");
        let en = f.message.text(Lang::En);
        assert!(
            en.starts_with("unknown") && en.contains("`subjekt`"),
            "{en}"
        );
        let eq = EqualityOptions::from_json(r#"{"from": 2024, "to": 2024, "scope": "centrala"}"#)
            .unwrap_err();
        assert!(eq.findings()[0]
            .message
            .text(Lang::Sv)
            .contains("`centrala`"));
        assert_eq!(eq.findings()[0].path.to_string(), "options.scope");
        // Another failure keeps the options' message with serde's detail, and
        // a word met before does not stay behind for the next parse.
        let other = ReportOptions::from_json(r#"{"from": 2024.5, "to": 2025}"#).unwrap_err();
        assert!(other.findings()[0]
            .message
            .text(Lang::Sv)
            .starts_with("ogiltiga val"));
    }
}
