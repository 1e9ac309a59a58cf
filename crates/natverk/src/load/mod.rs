//! Loading: `natverk/1` JSON text → [`InventoryData`] checked by the one
//! validator ([`crate::validate`]) → [`Inventory`].
//!
//! One streaming pass over `serde_json`'s deserializer, no generic `Value`:
//! each object's builder ([`crate::format`]) takes its keys as they come and
//! calls the validator's rule for each value as it reads it, so one run
//! reports every problem with its JSON path. Scalars are taken as raw JSON
//! text, so decimals are read exactly from their digits. The rules that
//! need the whole file run once it is read.

mod builder;
pub(crate) mod json;

pub(crate) use builder::{key_code, read_slot, require, Builder, Slot, LONG_KEY};

use crate::finding::{Code, Finding, Path};
use crate::limits::MAX_INPUT_BYTES;
use crate::model::*;
use crate::money::clip;
use crate::present::messages as m;
use crate::present::{Arg, Message};
use crate::validate::Validator;
use crate::{Error, Findings, Inventory};

/// Loads an inventory from JSON bytes (UTF-8, a BOM is allowed); fails
/// with every error found.
pub(crate) fn load(bytes: &[u8]) -> Result<Inventory, Error> {
    let (data, v) = parse(bytes);
    match data {
        Some(data) if !v.has_errors() => Ok(Inventory::from_validated(data, v, bytes.len())),
        _ => Err(Error::Invalid(Findings::new(v.into_findings()))),
    }
}

/// Reads and validates; the data when the file could be read as an
/// inventory (check the validator for errors), and the validator with
/// every finding.
pub(crate) fn parse(bytes: &[u8]) -> (Option<InventoryData>, Validator) {
    parse_as(bytes, false)
}

/// Reads JSON as [`InventoryData`] without judging it (its `Deserialize`):
/// values and objects with findings are kept, so the data holds whatever
/// its types can hold, and `Inventory::new` judges it as loading would.
/// Fails with the findings of what the types cannot hold (a syntax error,
/// a wrong type, an unknown key or word, a missing required key, a bad
/// date): each is a finding of the loader that the validator's walk of
/// the data read does not make again, as it would were nothing lost.
pub(crate) fn read_data(bytes: &[u8]) -> Result<InventoryData, Findings> {
    let (data, v) = parse_as(bytes, true);
    let has_errors = v.has_errors();
    let found = v.into_findings();
    let data = match data {
        Some(data) if !has_errors => return Ok(data),
        Some(data) => data,
        None => return Err(Findings::new(found)),
    };
    let mut walked = Validator::default();
    crate::validate::walk(&data, &mut walked);
    let again: std::collections::HashSet<(Code, String)> = walked
        .into_findings()
        .into_iter()
        .map(|f| (f.code, f.path.to_string()))
        .collect();
    // A missing `format` loses nothing (the data has no such field: it is
    // the file's tag), so data embedded without it is read too.
    let lost: Vec<Finding> = found
        .into_iter()
        .filter(|f| {
            f.severity == crate::Severity::Error
                && !again.contains(&(f.code, f.path.to_string()))
                && !(f.code == Code::MissingField && f.path == Path::root().key("format"))
        })
        .collect();
    if lost.is_empty() {
        Ok(data)
    } else {
        Err(Findings::new(lost))
    }
}

fn parse_as(bytes: &[u8], keep_invalid: bool) -> (Option<InventoryData>, Validator) {
    // First with ids, references and the whole-file rules of costs
    // checked together at the end, which is fast; when one of them has a
    // finding (or the file ends before its end), again as the rules say
    // it, one by one, so the findings are exactly those of the one
    // validator, with their paths and in their order
    // (`Validator::defer_refs`). A file is read twice only when it has
    // such an error.
    let (data, v) = parse_with(bytes, true, keep_invalid);
    if v.unresolved() {
        // the first reading is let go before the second (SPEC §9 memory)
        drop((data, v));
        return parse_with(bytes, false, keep_invalid);
    }
    (data, v)
}

fn parse_with(
    bytes: &[u8],
    defer_refs: bool,
    keep_invalid: bool,
) -> (Option<InventoryData>, Validator) {
    let mut v = Validator::for_size(bytes.len());
    v.keep_invalid = keep_invalid;
    v.defer_refs(defer_refs);
    // The first reading also takes strings the fast way: a value it cannot
    // take so (a number where a string belongs, a lone surrogate escape)
    // ends it in an error, and, like any error before the end of the file,
    // that leaves the deferred checks unresolved: the second reading, raw
    // value by raw value, then gives the findings.
    v.fast_strings = defer_refs;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.len() > MAX_INPUT_BYTES {
        v.err(
            Code::InvalidValue,
            Message::new(&m::FILE_TOO_LARGE)
                .with("size", bytes.len())
                .with("limit", MAX_INPUT_BYTES),
        );
        return (None, v);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = line_col(bytes, e.valid_up_to());
            let mut f = Finding::new(
                Code::Syntax,
                Path::root(),
                Message::new(&m::INVALID_UTF8).with("at", e.valid_up_to()),
            );
            f.line = Some(line);
            f.column = Some(column);
            v.record(f);
            return (None, v);
        }
    };
    // Valid UTF-8 now, so the reader need not check every string again.
    let mut de = serde_json::Deserializer::from_str(text);
    let result = serde::de::DeserializeSeed::deserialize(json::Obj::<TopB>::new(&mut v), &mut de)
        .and_then(|top| de.end().map(|()| top));
    let top = match result {
        Ok(top) => top,
        Err(e) => {
            let text = e.to_string();
            let detail = match text.find(" at line ") {
                Some(p) => &text[..p],
                None => &text,
            };
            let mut f = Finding::new(
                Code::Syntax,
                Path::root(),
                Message::new(&m::INVALID_JSON).arg("detail", syntax_detail(detail)),
            );
            f.line = Some(e.line() as u64);
            // serde_json says column 0 for the very start of a line
            f.column = Some((e.column() as u64).max(1));
            v.record(f);
            return (None, v);
        }
    };
    (top, v)
}

/// serde_json's description of a syntax error as a message: in Swedish
/// too when it is one of serde_json's own texts, else as it is.
fn syntax_detail(detail: &str) -> Arg {
    // The `JSON_*` templates, whose English is serde_json's own text.
    let known = m::JSON_SYNTAX.iter().find(|t| t.en == detail);
    match known {
        Some(t) => Arg::Message(Box::new(Message::new(t))),
        None => Arg::Text(detail.to_string()),
    }
}

fn line_col(bytes: &[u8], offset: usize) -> (u64, u64) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    let col = before.iter().rev().take_while(|&&b| b != b'\n').count() as u64 + 1;
    (line, col)
}

/// The top level's whole-file rules, once its keys are read (the top level
/// is declared with `declare_top!` in `crate::model`): the `format` tag,
/// the organisation, then the rules that need the organisation, the
/// schedules and the rates.
pub(crate) fn finish_top(top: TopB, v: &mut Validator) -> Option<InventoryData> {
    match top.format.value.as_deref() {
        Some(FORMAT) => {}
        Some(other) => {
            // A file of another format is not judged by this format's
            // rules: this is its only finding.
            v.findings = vec![Finding::new(
                Code::UnsupportedFormat,
                Path::root().key("format"),
                Message::new(&m::UNSUPPORTED_FORMAT)
                    .with("found", clip(other))
                    .with("format", FORMAT),
            )];
            return None;
        }
        None => {
            if !top.format.bad {
                v.err_below(
                    Code::MissingField,
                    "format",
                    Message::new(&m::NEEDS_FORMAT).with("format", FORMAT),
                );
            }
        }
    }
    if top.organisation.value.is_none() && !top.organisation.seen {
        v.err_below(
            Code::MissingField,
            "organisation",
            Message::new(&m::NEEDS_ORGANISATION),
        );
    }
    let schedules = top.fee_schedules.value.as_deref().unwrap_or_default();
    let rates = top.exchange_rates.value.as_deref().unwrap_or_default();
    v.finish_file(
        top.organisation.value.as_ref(),
        &schedules.iter().collect::<Vec<_>>(),
        &rates.iter().collect::<Vec<_>>(),
    );
    top.assemble()
}

#[cfg(test)]
mod tests {
    use super::{parse, parse_with};

    /// A small inventory with `name`, a network's `id`, `unit`, first
    /// subject, `start` and `kind` as given (JSON text).
    fn doc(name: &str, id: &str, unit: &str, subject: &str, start: &str, kind: &str) -> String {
        format!(
            r#"{{"format": "natverk/1",
                "organisation": {{"name": {name}, "currency": "SEK"}},
                "units": [{{"id": "u1", "name": "Enhet"}}, {{"id": "u\u00e5", "name": "Å"}}],
                "networks": [{{"id": {id}, "name": {name}, "unit": {unit},
                               "subjects": [{subject}, "miljö"], "start": {start}, "kind": {kind}}}]}}"#
        )
    }

    /// The loader's result (data and findings) equals the raw reading's,
    /// value by value (`parse_with(_, false)`), whatever the strings hold:
    /// the fast reading of strings either gives the same or hands over.
    #[test]
    fn the_fast_reading_of_strings_gives_what_the_raw_reading_gives() {
        let texts = [
            r#""Göteborg""#,
            r#""G\u00f6teborg""#,
            r#""tab\there \"q\" \\ \/""#,
            r#""\ud83d\ude00 pair""#,
            r#""\ud800 lone""#,
            r#""lone \udc00""#,
            "\"\u{1}ctl\"",
            r#""""#,
            r#""  ""#,
            "5",
            "-0",
            "1.50",
            "1e3",
            "true",
            "null",
            "[]",
            r#"["a"]"#,
            "{}",
            r#"{"a": 1}"#,
            r#""\x""#,
        ];
        // Each text in each of the six places, the others plain.
        let plain = [
            r#""X""#,
            r#""n1""#,
            r#""u1""#,
            r#""skola""#,
            r#""2024-01-01""#,
            r#""network""#,
        ];
        let mut docs = Vec::new();
        for t in texts {
            for at in 0..plain.len() {
                let mut f = plain;
                f[at] = t;
                docs.push(doc(f[0], f[1], f[2], f[3], f[4], f[5]));
            }
        }
        docs.push(doc(
            r#""X""#,
            r#""n1""#,
            r#""u\u00e5""#,
            r#""sk\u00f6la""#,
            r#""2024-01-01""#,
            r#""memb\u0065rship""#,
        ));
        // Decimal and whole-number fields: a cost's amount and first year,
        // a network's months of notice.
        let numbers = [
            "65000",
            r#""65000.50""#,
            "650.5",
            "-5",
            "-0",
            "0",
            "1e3",
            "1.0e2",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775809",
            r#""12""#,
            r#""1 000""#,
            r#""1,5""#,
            r#""\u0031\u0030""#,
            "true",
            "null",
            "[]",
            "{}",
            "2024",
            "99999",
            "12",
        ];
        let cost = |amount: &str, from: &str, notice: &str| {
            format!(
                r#"{{"format": "natverk/1", "organisation": {{"name": "X", "currency": "SEK"}},
                    "networks": [{{"id": "n", "name": "N", "start": "2024-01-01", "notice_months": {notice},
                                   "costs": [{{"kind": "fee", "amount": {amount}, "from": {from}}}]}}]}}"#
            )
        };
        for t in numbers {
            docs.push(cost(t, "2024", "3"));
            docs.push(cost("100", t, "3"));
            docs.push(cost("100", "2024", t));
        }
        let mut failed = 0;
        for d in &docs {
            let (data, v) = parse(d.as_bytes());
            let (raw_data, raw_v) = parse_with(d.as_bytes(), false, false);
            assert_eq!(data, raw_data, "{d}");
            let (f, raw_f) = (v.into_findings(), raw_v.into_findings());
            assert_eq!(f, raw_f, "{d}");
            failed += usize::from(!f.is_empty());
        }
        // Both kinds of documents were read: with findings and without.
        assert!(
            failed > 0 && failed < docs.len(),
            "{failed} of {}",
            docs.len()
        );
        // The fast reading took numbers itself.
        let (data, v) = parse_with(cost(r#""650.50""#, "2024", "12").as_bytes(), true, false);
        assert!(!v.unresolved() && v.into_findings().is_empty());
        let n = &data.expect("read").networks[0];
        assert_eq!((n.notice_months, n.costs[0].from), (12, Some(2024)));
        assert_eq!(
            n.costs[0].amount.map(|a| a.to_string()).as_deref(),
            Some("650.50")
        );
        // And the fast reading took strings with escapes itself.
        let plain = doc(
            r#""G\u00f6teborg \"x\"""#,
            r#""n1""#,
            r#""u\u00e5""#,
            r#""sk\u00f6la""#,
            r#""2024-01-01""#,
            r#""network""#,
        );
        let (data, v) = parse_with(plain.as_bytes(), true, false);
        assert!(!v.unresolved() && v.into_findings().is_empty());
        let data = data.expect("read");
        assert_eq!(data.organisation.name, "Göteborg \"x\"");
        assert_eq!(data.networks[0].subjects[0], "sköla");
    }
}
