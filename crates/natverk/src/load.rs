//! Loading: `natverk/1` JSON text → validated [`Inventory`], with findings.
//!
//! One streaming pass over `serde_json`'s deserializer, no generic `Value`:
//! each object type has a small builder that takes its fields as they come,
//! records a finding (with the JSON path) for anything wrong and skips the
//! bad value, so one run reports every problem. Scalars are taken as raw JSON
//! text ([`RawValue`]), so decimals are read exactly from their digits.
//! Checks that need the whole file (references, rates, populations) run on
//! lists gathered during the pass.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::{self, Write as _};
use std::marker::PhantomData;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::finding::{Code, Error, Finding, Severity};
use crate::model::*;
use crate::money::{clip, parse_decimal};

/// Years are four-digit, as in dates.
pub(crate) const MIN_YEAR: i64 = 1;
/// Years are four-digit, as in dates.
pub(crate) const MAX_YEAR: i64 = 9999;
/// Largest input accepted (bytes). Larger files are refused with a finding
/// rather than exhausting memory.
pub const MAX_INPUT_BYTES: usize = 512 * 1024 * 1024;
/// Deepest nesting of arrays and objects (serde_json's own limit); a valid
/// inventory nests at most 5 deep.
pub const MAX_DEPTH: usize = 128;

/// Loads an inventory from JSON bytes; fails with every error found.
pub fn load(bytes: &[u8]) -> Result<Inventory, Error> {
    let (inv, findings) = parse(bytes);
    match inv {
        Some(inv) => Ok(inv),
        None => Err(Error::new(findings)),
    }
}

/// Parses and validates; returns the inventory when there is no error, and
/// every finding (errors only: warnings come from [`crate::check`]).
pub(crate) fn parse(bytes: &[u8]) -> (Option<Inventory>, Vec<Finding>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.len() > MAX_INPUT_BYTES {
        let f = Finding::new(
            Code::InvalidValue,
            "",
            format!(
                "the file is {} bytes; at most {MAX_INPUT_BYTES} bytes are accepted: split the inventory",
                bytes.len()
            ),
        );
        return (None, vec![f]);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = line_col(bytes, e.valid_up_to());
            let mut f = Finding::new(
                Code::Syntax,
                "",
                format!(
                    "invalid UTF-8 at byte {}: save the file as UTF-8",
                    e.valid_up_to()
                ),
            );
            f.line = Some(line);
            f.column = Some(column);
            return (None, vec![f]);
        }
    };
    let mut ctx = Ctx::default();
    // Valid UTF-8 now, so the reader need not check every string again.
    let mut de = serde_json::Deserializer::from_str(text);
    let result = Obj::<TopB>::new(&mut ctx)
        .deserialize(&mut de)
        .and_then(|top| de.end().map(|()| top));
    let top = match result {
        Ok(top) => top,
        Err(e) => {
            let text = e.to_string();
            let msg = match text.find(" at line ") {
                Some(p) => &text[..p],
                None => &text,
            };
            let mut f = Finding::new(
                Code::Syntax,
                "",
                format!("invalid JSON: {msg}: fix the syntax at this line and column"),
            );
            f.line = Some(e.line() as u64);
            // serde_json says column 0 for the very start of a line
            f.column = Some((e.column() as u64).max(1));
            ctx.findings.push(f);
            return (None, ctx.findings);
        }
    };
    let Some(top) = top else {
        return (None, ctx.findings);
    };
    finish(top, ctx)
}

fn line_col(bytes: &[u8], offset: usize) -> (u64, u64) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    let col = before.iter().rev().take_while(|&&b| b != b'\n').count() as u64 + 1;
    (line, col)
}

// ---------------------------------------------------------------------------
// Context: the path, the findings, and what is checked once the file is read.

#[derive(Default)]
struct Ctx {
    path: String,
    findings: Vec<Finding>,
    /// Ids of units, people, schedules and networks → position.
    ids: [HashMap<String, usize>; 4],
    rate_keys: HashSet<(String, i32)>,
    /// (unit id, path)
    unit_refs: Vec<(String, String)>,
    /// (person id, path)
    person_refs: Vec<(String, String)>,
    /// (schedule id, path)
    schedule_refs: Vec<(String, String)>,
    /// (currency, path) of amounts with an explicit currency
    amount_currencies: Vec<(String, String)>,
    /// (currency, path) of rates
    rate_currencies: Vec<(String, String)>,
    /// Keys of the object being built whose values had findings (bit i:
    /// `KNOWN[i]`); set just before `Builder::build`.
    bad: u64,
}

#[derive(Clone, Copy)]
enum IdSet {
    Units = 0,
    People = 1,
    Schedules = 2,
    Networks = 3,
}

impl Ctx {
    fn push_key(&mut self, key: &str) -> usize {
        let mark = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(key);
        mark
    }
    fn push_index(&mut self, i: usize) -> usize {
        let mark = self.path.len();
        let _ = write!(self.path, "[{i}]");
        mark
    }
    fn pop(&mut self, mark: usize) {
        self.path.truncate(mark);
    }
    fn here(&self) -> String {
        self.path.clone()
    }
    /// A path below the current one.
    fn below(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }
    fn err(&mut self, code: Code, msg: impl Into<String>) {
        let f = Finding::new(code, self.here(), msg);
        self.findings.push(f);
    }
    fn err_below(&mut self, code: Code, key: &str, msg: impl Into<String>) {
        let f = Finding::new(code, self.below(key), msg);
        self.findings.push(f);
    }
    fn has_errors_since(&self, n: usize) -> bool {
        self.findings[n..]
            .iter()
            .any(|f| f.severity == Severity::Error)
    }

    // ---- scalars -------------------------------------------------------

    fn string(&mut self, raw: &RawValue) -> Option<String> {
        self.str(raw).map(Cow::into_owned)
    }
    /// A string, borrowed from the file unless it has escapes: for values
    /// that are parsed (dates, words), not kept.
    fn str<'r>(&mut self, raw: &'r RawValue) -> Option<Cow<'r, str>> {
        match classify(raw) {
            Scalar::Str(s) => Some(s),
            Scalar::Null => None,
            other => {
                self.err(
                    Code::InvalidValue,
                    format!("expected a string, found {}", other.describe()),
                );
                None
            }
        }
    }
    fn text(&mut self, raw: &RawValue) -> Option<String> {
        let s = self.string(raw)?;
        if s.trim().is_empty() {
            self.err(
                Code::InvalidValue,
                "must not be empty: write a value or leave the key out",
            );
            return None;
        }
        Some(s)
    }
    fn boolean(&mut self, raw: &RawValue) -> Option<bool> {
        match classify(raw) {
            Scalar::Bool(b) => Some(b),
            Scalar::Null => None,
            other => {
                self.err(
                    Code::InvalidValue,
                    format!("expected true or false, found {}", other.describe()),
                );
                None
            }
        }
    }
    fn decimal(&mut self, raw: &RawValue) -> Option<Decimal> {
        let text = match classify(raw) {
            Scalar::Num(t) => Cow::Borrowed(t),
            Scalar::Str(s) => s,
            Scalar::Null => return None,
            other => {
                self.err(
                    Code::InvalidValue,
                    format!(
                        "expected a decimal (a number or a string such as \"650.50\"), found {}",
                        other.describe()
                    ),
                );
                return None;
            }
        };
        match parse_decimal(&text) {
            Ok(d) => Some(d),
            Err(m) => {
                self.err(Code::InvalidValue, m);
                None
            }
        }
    }
    fn nonneg_decimal(&mut self, raw: &RawValue) -> Option<Decimal> {
        let d = self.decimal(raw)?;
        if d.is_sign_negative() && !d.is_zero() {
            self.err(
                Code::InvalidValue,
                format!("negative value `{d}`: must be 0 or more"),
            );
            return None;
        }
        Some(d)
    }
    fn integer(&mut self, raw: &RawValue, min: i64, max: i64) -> Option<i64> {
        let text = match classify(raw) {
            Scalar::Num(t) => t,
            Scalar::Null => return None,
            other => {
                self.err(
                    Code::InvalidValue,
                    format!("expected a whole number, found {}", other.describe()),
                );
                return None;
            }
        };
        let digits = text.strip_prefix('-').unwrap_or(text);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            self.err(
                Code::InvalidValue,
                format!("expected a whole number, found `{}`", clip(text)),
            );
            return None;
        }
        match text.parse::<i64>() {
            Ok(v) if (min..=max).contains(&v) => Some(v),
            _ => {
                self.err(
                    Code::InvalidValue,
                    format!("`{}` is out of range: expected {min} to {max}", clip(text)),
                );
                None
            }
        }
    }
    fn year(&mut self, raw: &RawValue) -> Option<i32> {
        self.integer(raw, MIN_YEAR, MAX_YEAR).map(|y| y as i32)
    }
    fn date(&mut self, raw: &RawValue) -> Option<NaiveDate> {
        let s = self.str(raw)?;
        match parse_date(&s) {
            Some(d) => Some(d),
            None => {
                self.err(
                    Code::InvalidValue,
                    format!(
                        "invalid date `{}`: write YYYY-MM-DD, e.g. 2024-03-01",
                        clip(&s)
                    ),
                );
                None
            }
        }
    }
    fn word<T: FromStr<Err = String>>(&mut self, raw: &RawValue) -> Option<T> {
        let s = self.str(raw)?;
        match s.parse() {
            Ok(v) => Some(v),
            Err(m) => {
                self.err(Code::InvalidValue, m);
                None
            }
        }
    }
    fn currency(&mut self, raw: &RawValue) -> Option<String> {
        let s = self.string(raw)?;
        if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) {
            Some(s)
        } else {
            self.err(
                Code::InvalidValue,
                format!("invalid currency `{}`: write an ISO 4217 code of three capital letters, e.g. SEK or EUR", clip(&s)),
            );
            None
        }
    }
    /// A reference, here, to an id of `set`. One to an id already read
    /// resolves at once; the others are kept and checked at the end of the
    /// file (the lists may come in any order).
    fn reference(&mut self, id: &str, set: IdSet) {
        if self.ids[set as usize].contains_key(id) {
            return;
        }
        let r = (id.to_string(), self.here());
        match set {
            IdSet::Units => self.unit_refs.push(r),
            _ => self.person_refs.push(r),
        }
    }
    /// An id, registered in its set with its position: a second one is
    /// `duplicate_id`. (An inventory loads only without errors, so then
    /// the n-th id registered is that of the n-th element of its list.)
    fn id(&mut self, raw: &RawValue, set: Option<IdSet>) -> Option<String> {
        let id = self.text(raw)?;
        if let Some(set) = set {
            let ids = &mut self.ids[set as usize];
            let next = ids.len();
            if ids.insert(id.clone(), next).is_some() {
                self.err(
                    Code::DuplicateId,
                    format!(
                        "duplicate id `{}`: every id must be unique in its list",
                        clip(&id)
                    ),
                );
            }
        }
        Some(id)
    }
}

/// Parses a strict `YYYY-MM-DD` date.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
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
        s[..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..].parse().ok()?,
    )
}

enum Scalar<'a> {
    Str(Cow<'a, str>),
    Num(&'a str),
    Bool(bool),
    Null,
    Array,
    Object,
}

impl Scalar<'_> {
    fn describe(&self) -> String {
        match self {
            Scalar::Str(s) => format!("the string \"{}\"", clip(s)),
            Scalar::Num(n) => format!("the number {}", clip(n)),
            Scalar::Bool(b) => format!("{b}"),
            Scalar::Null => "null".into(),
            Scalar::Array => "an array".into(),
            Scalar::Object => "an object".into(),
        }
    }
}

fn classify(raw: &RawValue) -> Scalar<'_> {
    let t = raw.get();
    match t.as_bytes().first() {
        Some(b'"') => {
            let inner = &t[1..t.len() - 1];
            if inner.contains('\\') {
                Scalar::Str(Cow::Owned(
                    serde_json::from_slice::<String>(t.as_bytes()).unwrap_or_default(),
                ))
            } else {
                Scalar::Str(Cow::Borrowed(inner))
            }
        }
        Some(b't') => Scalar::Bool(true),
        Some(b'f') => Scalar::Bool(false),
        Some(b'n') => Scalar::Null,
        Some(b'[') => Scalar::Array,
        Some(b'{') => Scalar::Object,
        _ => Scalar::Num(t),
    }
}

fn raw<'de, A: MapAccess<'de>>(map: &mut A) -> Result<&'de RawValue, A::Error> {
    map.next_value::<&'de RawValue>()
}

// ---------------------------------------------------------------------------
// Objects and arrays.

/// A builder for one object type: takes fields as they come, then builds.
trait Builder<'de>: Default {
    type Out;
    const KNOWN: &'static [&'static str];
    /// What the object is, for messages ("a network").
    const WHAT: &'static str;
    /// Build even when its fields had errors (the top level: so the
    /// whole-file checks still run).
    const LENIENT: bool = false;
    /// Takes field `KNOWN[i]`; the path already ends with its key.
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error>;
    /// Checks what needs several fields and builds; the path is the object's.
    fn build(self, seen: u64, ctx: &mut Ctx) -> Option<Self::Out>;
}

/// Seed for an object of builder `B`: `None` when it is not an object or
/// has errors (already recorded).
struct Obj<'c, B> {
    ctx: &'c mut Ctx,
    _b: PhantomData<B>,
}

impl<'c, B> Obj<'c, B> {
    fn new(ctx: &'c mut Ctx) -> Self {
        Obj {
            ctx,
            _b: PhantomData,
        }
    }
}

impl<'de, B: Builder<'de>> DeserializeSeed<'de> for Obj<'_, B> {
    type Value = Option<B::Out>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, B: Builder<'de>> Visitor<'de> for Obj<'_, B> {
    type Value = Option<B::Out>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", B::WHAT)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let ctx = self.ctx;
        let start = ctx.findings.len();
        let mut b = B::default();
        let mut seen: u64 = 0;
        let mut bad: u64 = 0;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match B::KNOWN.iter().position(|k| *k == key) {
                Some(i) if seen & (1 << i) != 0 => {
                    ctx.err_below(
                        Code::DuplicateKey,
                        &key,
                        format!("key `{key}` is given twice in one object: keep one"),
                    );
                    map.next_value::<IgnoredAny>()?;
                }
                Some(i) => {
                    seen |= 1 << i;
                    let mark = ctx.push_key(&key);
                    let before = ctx.findings.len();
                    b.field(i, &mut map, ctx)?;
                    if ctx.findings.len() > before {
                        bad |= 1 << i;
                    }
                    ctx.pop(mark);
                }
                None => {
                    let msg = unknown_key_message(&key, B::KNOWN, B::WHAT);
                    ctx.err_below(Code::UnknownField, &key, msg);
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        ctx.bad = bad;
        let out = b.build(seen, ctx);
        if !B::LENIENT && ctx.has_errors_since(start) {
            Ok(None)
        } else {
            Ok(out)
        }
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.ctx.err(
            Code::InvalidValue,
            format!("expected {} (an object), found an array", B::WHAT),
        );
        Ok(None)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        wrong(self.ctx, B::WHAT, &format!("the string \"{}\"", clip(v)))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        wrong(self.ctx, B::WHAT, &v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        wrong(self.ctx, B::WHAT, &format!("the number {v}"))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        wrong(self.ctx, B::WHAT, &format!("the number {v}"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        wrong(self.ctx, B::WHAT, "a number")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        wrong(self.ctx, B::WHAT, "null")
    }
}

fn wrong<T, E>(ctx: &mut Ctx, what: &str, found: &str) -> Result<Option<T>, E> {
    ctx.err(
        Code::InvalidValue,
        format!("expected {what} (an object), found {found}"),
    );
    Ok(None)
}

/// Longest key compared with the known keys for a suggestion: the edit
/// distance costs length × length, and no known key is near a longer one.
const MAX_SUGGEST_KEY: usize = 64;

fn unknown_key_message(key: &str, known: &[&str], what: &str) -> String {
    let short: String = key.chars().take(MAX_SUGGEST_KEY).collect();
    let nearest = known
        .iter()
        .min_by_key(|k| strsim::levenshtein(&short, k))
        .copied()
        .unwrap_or("");
    format!(
        "unknown field `{}` in {what}: did you mean `{nearest}`? (known fields: {})",
        clip(key),
        known.join(", ")
    )
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
}

/// Seed for an array of objects of builder `B`. Elements with errors are
/// left out (their findings are recorded, so the load fails anyway).
struct List<'c, B> {
    ctx: &'c mut Ctx,
    _b: PhantomData<B>,
}

impl<'c, B> List<'c, B> {
    fn new(ctx: &'c mut Ctx) -> Self {
        List {
            ctx,
            _b: PhantomData,
        }
    }
}

impl<'de, B: Builder<'de>> DeserializeSeed<'de> for List<'_, B> {
    type Value = Vec<B::Out>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, B: Builder<'de>> Visitor<'de> for List<'_, B> {
    type Value = Vec<B::Out>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a list of {}", B::WHAT)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let ctx = self.ctx;
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        let mut i = 0;
        loop {
            let mark = ctx.push_index(i);
            let item = seq.next_element_seed(Obj::<B>::new(ctx));
            ctx.pop(mark);
            match item? {
                Some(Some(v)) => out.push(v),
                Some(None) => {}
                None => break,
            }
            i += 1;
        }
        Ok(out)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        list_wrong(self.ctx, B::WHAT, "an object")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        list_wrong(self.ctx, B::WHAT, &format!("the string \"{}\"", clip(v)))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        list_wrong(self.ctx, B::WHAT, &v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        list_wrong(self.ctx, B::WHAT, &format!("the number {v}"))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        list_wrong(self.ctx, B::WHAT, &format!("the number {v}"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        list_wrong(self.ctx, B::WHAT, "a number")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        // null: an empty list
        let _ = self;
        Ok(Vec::new())
    }
}

fn list_wrong<T, E>(ctx: &mut Ctx, what: &str, found: &str) -> Result<Vec<T>, E> {
    ctx.err(
        Code::InvalidValue,
        format!("expected a list (an array) of {what}, found {found}"),
    );
    Ok(Vec::new())
}

/// Whether key `name` of `known` was present (bit set in `seen`).
fn present(seen: u64, known: &[&str], name: &str) -> bool {
    known
        .iter()
        .position(|k| *k == name)
        .is_some_and(|i| seen & (1 << i) != 0)
}

fn require<T>(ctx: &mut Ctx, v: &Option<T>, seen: u64, known: &[&str], key: &str, what: &str) {
    if v.is_some() {
        return;
    }
    if !present(seen, known, key) {
        ctx.err_below(
            Code::MissingField,
            key,
            format!("{what} needs `{key}`: add it"),
        );
    } else if !present(ctx.bad, known, key) {
        // present without a finding: it was null
        ctx.err_below(
            Code::MissingField,
            key,
            format!("{what} needs `{key}`, and null is not a value: give one"),
        );
    }
}

// ---- top level ------------------------------------------------------------

#[derive(Default)]
struct TopB {
    format: Option<String>,
    organisation: Option<Organisation>,
    units: Vec<Unit>,
    people: Vec<Person>,
    fee_schedules: Vec<FeeSchedule>,
    exchange_rates: Vec<Rate>,
    networks: Vec<Network>,
    seen: u64,
}

struct Top {
    b: TopB,
}

impl<'de> Builder<'de> for TopB {
    type Out = Top;
    const KNOWN: &'static [&'static str] = &[
        "format",
        "organisation",
        "units",
        "people",
        "fee_schedules",
        "exchange_rates",
        "networks",
    ];
    const WHAT: &'static str = "an inventory";
    const LENIENT: bool = true;
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error> {
        match i {
            0 => self.format = ctx.string(raw(map)?),
            1 => self.organisation = map.next_value_seed(Obj::<OrgB>::new(ctx))?,
            2 => self.units = map.next_value_seed(List::<UnitB>::new(ctx))?,
            3 => self.people = map.next_value_seed(List::<PersonB>::new(ctx))?,
            4 => self.fee_schedules = map.next_value_seed(List::<ScheduleB>::new(ctx))?,
            5 => self.exchange_rates = map.next_value_seed(List::<RateB>::new(ctx))?,
            _ => self.networks = map.next_value_seed(List::<NetworkB>::new(ctx))?,
        }
        Ok(())
    }
    fn build(mut self, seen: u64, _ctx: &mut Ctx) -> Option<Top> {
        self.seen = seen;
        Some(Top { b: self })
    }
}

/// The checks that need the whole file, then the inventory.
fn finish(top: Top, mut ctx: Ctx) -> (Option<Inventory>, Vec<Finding>) {
    let b = top.b;
    match b.format.as_deref() {
        Some(FORMAT) => {}
        Some(other) => {
            let f = Finding::new(
                Code::UnsupportedFormat,
                "format",
                format!(
                    "unsupported format `{}`: this version reads `{FORMAT}`",
                    clip(other)
                ),
            );
            // A file of another format is not judged by this format's rules.
            return (None, vec![f]);
        }
        None => {
            if !present(ctx.bad, TopB::KNOWN, "format") {
                ctx.findings.push(Finding::new(
                    Code::MissingField,
                    "format",
                    format!("the file needs `\"format\": \"{FORMAT}\"` at the top level"),
                ));
            }
        }
    }
    if b.organisation.is_none() && !present(b.seen, TopB::KNOWN, "organisation") {
        ctx.findings.push(Finding::new(
            Code::MissingField,
            "organisation",
            "the file needs an `organisation` with `name` and `currency`",
        ));
    }
    let org_currency = b.organisation.as_ref().map(|o| o.currency.as_str());
    let has_population = b
        .organisation
        .as_ref()
        .is_some_and(|o| o.population.is_some());
    let rate_currencies: HashSet<&str> = b
        .exchange_rates
        .iter()
        .map(|r| r.currency.as_str())
        .collect();

    let refs = [
        (&ctx.unit_refs, IdSet::Units, "unit", "units"),
        (&ctx.person_refs, IdSet::People, "person", "people"),
        (
            &ctx.schedule_refs,
            IdSet::Schedules,
            "fee schedule",
            "fee_schedules",
        ),
    ];
    let mut more = Vec::new();
    for (list, set, what, key) in refs {
        for (id, path) in list.iter() {
            if !ctx.ids[set as usize].contains_key(id) {
                more.push(Finding::new(
                    Code::UnknownReference,
                    path.clone(),
                    format!(
                        "unknown {what} `{}`: add it to `{key}` or fix the id",
                        clip(id)
                    ),
                ));
            }
        }
    }
    if let Some(org) = org_currency {
        for (cur, path) in &ctx.rate_currencies {
            if cur == org {
                more.push(Finding::new(
                    Code::InvalidValue,
                    path.clone(),
                    format!("a rate for `{cur}`, the organisation currency: remove it (its rate is always 1)"),
                ));
            }
        }
        for (cur, path) in &ctx.amount_currencies {
            if cur != org && !rate_currencies.contains(cur.as_str()) {
                more.push(missing_rate_at_load(cur, path));
            }
        }
        let schedules: HashMap<&str, &FeeSchedule> =
            b.fee_schedules.iter().map(|s| (s.id.as_str(), s)).collect();
        for (id, path) in &ctx.schedule_refs {
            let Some(s) = schedules.get(id.as_str()) else {
                continue;
            };
            if let Some(cur) = &s.currency {
                if cur != org && !rate_currencies.contains(cur.as_str()) {
                    more.push(missing_rate_at_load(cur, path));
                }
            }
            if !has_population && b.organisation.is_some() {
                more.push(Finding::new(
                    Code::MissingPopulation,
                    path.clone(),
                    format!("fee schedule `{}` needs the organisation's population: add `organisation.population`", clip(id)),
                ));
            }
        }
    }
    ctx.findings.extend(more);
    if ctx.has_errors_since(0) {
        return (None, ctx.findings);
    }
    let Some(organisation) = b.organisation else {
        return (None, ctx.findings);
    };
    let mut inv = Inventory {
        format: FORMAT.to_string(),
        organisation,
        units: b.units,
        people: b.people,
        fee_schedules: b.fee_schedules,
        exchange_rates: b.exchange_rates,
        networks: b.networks,
        index: Index::default(),
    };
    let [units, people, schedules, networks] = std::mem::take(&mut ctx.ids);
    inv.index = Index::with_ids(&inv, units, people, schedules, networks);
    (Some(inv), ctx.findings)
}

fn missing_rate_at_load(cur: &str, path: &str) -> Finding {
    Finding::new(
        Code::MissingRate,
        path,
        format!("no exchange rate for `{cur}`: add one to `exchange_rates` (organisation currency per 1 {cur})"),
    )
}

// ---- organisation, units, people ------------------------------------------

#[derive(Default)]
struct OrgB {
    name: Option<String>,
    code: Option<String>,
    population: Option<Population>,
    currency: Option<String>,
}

impl<'de> Builder<'de> for OrgB {
    type Out = Organisation;
    const KNOWN: &'static [&'static str] = &["name", "code", "population", "currency"];
    const WHAT: &'static str = "an organisation";
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error> {
        match i {
            0 => self.name = ctx.text(raw(map)?),
            1 => self.code = ctx.string(raw(map)?),
            2 => self.population = population(raw(map)?, ctx),
            _ => self.currency = ctx.currency(raw(map)?),
        }
        Ok(())
    }
    fn build(self, seen: u64, ctx: &mut Ctx) -> Option<Organisation> {
        require(
            ctx,
            &self.name,
            seen,
            Self::KNOWN,
            "name",
            "the organisation",
        );
        require(
            ctx,
            &self.currency,
            seen,
            Self::KNOWN,
            "currency",
            "the organisation",
        );
        Some(Organisation {
            name: self.name?,
            code: self.code,
            population: self.population,
            currency: self.currency?,
        })
    }
}

/// Largest population accepted.
pub const MAX_POPULATION: i64 = 10_000_000_000_000;

/// A population: a whole number, or an object of years to whole numbers.
/// Numbers are read from their text, so any size gives a finding.
fn population(r: &RawValue, ctx: &mut Ctx) -> Option<Population> {
    match classify(r) {
        Scalar::Num(_) => ctx
            .integer(r, 0, MAX_POPULATION)
            .map(|p| Population::Constant(p as u64)),
        Scalar::Null => None,
        Scalar::Object => {
            let pairs: Vec<(Cow<'_, str>, &RawValue)> =
                serde_json::from_slice::<PairList<'_>>(r.get().as_bytes())
                    .map(|p| p.0)
                    .unwrap_or_default();
            let start = ctx.findings.len();
            let mut years = BTreeMap::new();
            for (key, value) in pairs {
                let mark = ctx.push_key(&key);
                let year = match key.parse::<i64>() {
                    Ok(y) if (MIN_YEAR..=MAX_YEAR).contains(&y) && key.len() == 4 => Some(y as i32),
                    _ => {
                        ctx.err(Code::InvalidValue, format!("`{}` is not a year: the keys of a population by year are years such as \"2023\"", clip(&key)));
                        None
                    }
                };
                let pop = ctx.integer(value, 0, MAX_POPULATION);
                if let (Some(y), Some(p)) = (year, pop) {
                    if years.insert(y, p as u64).is_some() {
                        ctx.err(
                            Code::DuplicateKey,
                            format!("year `{y}` is given twice: keep one"),
                        );
                    }
                }
                ctx.pop(mark);
            }
            if years.is_empty() && !ctx.has_errors_since(start) {
                ctx.err(
                    Code::InvalidValue,
                    "a population by year needs at least one year, e.g. {\"2023\": 604616}",
                );
            }
            Some(Population::ByYear(years))
        }
        other => {
            ctx.err(Code::InvalidValue, format!("expected a population (a whole number, or an object such as {{\"2023\": 604616}}), found {}", other.describe()));
            None
        }
    }
}

/// The key-value pairs of an object, in order, duplicates kept.
struct PairList<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de> de::Deserialize<'de> for PairList<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PairList<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key_seed(KeySeed)? {
                    out.push((k, map.next_value::<&'de RawValue>()?));
                }
                Ok(PairList(out))
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Default)]
struct UnitB {
    id: Option<String>,
    name: Option<String>,
    central: Option<bool>,
}

impl<'de> Builder<'de> for UnitB {
    type Out = Unit;
    const KNOWN: &'static [&'static str] = &["id", "name", "central"];
    const WHAT: &'static str = "a unit";
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error> {
        match i {
            0 => self.id = ctx.id(raw(map)?, Some(IdSet::Units)),
            1 => self.name = ctx.text(raw(map)?),
            _ => self.central = ctx.boolean(raw(map)?),
        }
        Ok(())
    }
    fn build(self, seen: u64, ctx: &mut Ctx) -> Option<Unit> {
        require(ctx, &self.id, seen, Self::KNOWN, "id", "a unit");
        require(ctx, &self.name, seen, Self::KNOWN, "name", "a unit");
        Some(Unit {
            id: self.id?,
            name: self.name?,
            central: self.central.unwrap_or(false),
        })
    }
}

#[derive(Default)]
struct PersonB {
    id: Option<String>,
    name: Option<String>,
    gender: Option<Gender>,
    role: Option<Role>,
    side: Option<Side>,
    party: Option<String>,
    hourly_cost: Option<Decimal>,
}

impl<'de> Builder<'de> for PersonB {
    type Out = Person;
    const KNOWN: &'static [&'static str] = &[
        "id",
        "name",
        "gender",
        "role",
        "side",
        "party",
        "hourly_cost",
    ];
    const WHAT: &'static str = "a person";
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error> {
        let r = raw(map)?;
        match i {
            0 => self.id = ctx.id(r, Some(IdSet::People)),
            1 => self.name = ctx.string(r),
            2 => {
                self.gender = match ctx.str(r).as_deref() {
                    None => None,
                    Some("woman") => Some(Gender::Woman),
                    Some("man") => Some(Gender::Man),
                    Some("other") => Some(Gender::Other),
                    Some(s) => {
                        ctx.err(Code::InvalidValue, format!("unknown gender `{}`: expected woman, man or other (leave the key out if unknown)", clip(s)));
                        None
                    }
                }
            }
            3 => {
                self.role = match ctx.str(r).as_deref() {
                    None => None,
                    Some("politician") => Some(Role::Politician),
                    Some("official") => Some(Role::Official),
                    Some(s) => {
                        ctx.err(
                            Code::InvalidValue,
                            format!(
                                "unknown role `{}`: expected politician or official",
                                clip(s)
                            ),
                        );
                        None
                    }
                }
            }
            4 => {
                self.side = match ctx.str(r).as_deref() {
                    None => None,
                    Some("majority") => Some(Side::Majority),
                    Some("opposition") => Some(Side::Opposition),
                    Some(s) => {
                        ctx.err(
                            Code::InvalidValue,
                            format!(
                                "unknown side `{}`: expected majority or opposition",
                                clip(s)
                            ),
                        );
                        None
                    }
                }
            }
            5 => self.party = ctx.string(r),
            _ => self.hourly_cost = ctx.nonneg_decimal(r),
        }
        Ok(())
    }
    fn build(self, seen: u64, ctx: &mut Ctx) -> Option<Person> {
        require(ctx, &self.id, seen, Self::KNOWN, "id", "a person");
        require(ctx, &self.role, seen, Self::KNOWN, "role", "a person");
        match (self.role, self.side) {
            (Some(Role::Politician), None) if !present(ctx.bad, Self::KNOWN, "side") => ctx
                .err_below(
                    Code::MissingField,
                    "side",
                    "a politician needs `side`: majority or opposition",
                ),
            (Some(Role::Official), Some(_)) => ctx.err_below(
                Code::InvalidValue,
                "side",
                "an official has no side: remove `side` or make the person a politician",
            ),
            _ => {}
        }
        Some(Person {
            id: self.id?,
            name: self.name,
            gender: self.gender,
            role: self.role?,
            side: self.side,
            party: self.party,
            hourly_cost: self.hourly_cost,
        })
    }
}

// ---- fee schedules and rates -----------------------------------------------

#[derive(Default)]
struct ScheduleB {
    id: Option<String>,
    currency: Option<String>,
    population_offset: Option<i32>,
    tiers: Option<Vec<Tier>>,
    per_capita: Option<PerCapita>,
}

impl<'de> Builder<'de> for ScheduleB {
    type Out = FeeSchedule;
    const KNOWN: &'static [&'static str] =
        &["id", "currency", "population_offset", "tiers", "per_capita"];
    const WHAT: &'static str = "a fee schedule";
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error> {
        match i {
            0 => self.id = ctx.id(raw(map)?, Some(IdSet::Schedules)),
            1 => self.currency = ctx.currency(raw(map)?),
            2 => self.population_offset = ctx.integer(raw(map)?, -100, 0).map(|v| v as i32),
            3 => {
                let start = ctx.findings.len();
                let tiers = map.next_value_seed(List::<TierB>::new(ctx))?;
                if !ctx.has_errors_since(start) {
                    check_tiers(&tiers, ctx);
                }
                self.tiers = Some(tiers);
            }
            _ => self.per_capita = map.next_value_seed(Obj::<PerCapitaB>::new(ctx))?,
        }
        Ok(())
    }
    fn build(self, seen: u64, ctx: &mut Ctx) -> Option<FeeSchedule> {
        require(ctx, &self.id, seen, Self::KNOWN, "id", "a fee schedule");
        let has_tiers = present(seen, Self::KNOWN, "tiers");
        let has_pc = present(seen, Self::KNOWN, "per_capita");
        if has_tiers && has_pc {
            ctx.err(
                Code::InvalidSchedule,
                "a fee schedule has either `tiers` or `per_capita`, not both: remove one",
            );
            return None;
        }
        if !has_tiers && !has_pc {
            ctx.err(
                Code::InvalidSchedule,
                "a fee schedule needs `tiers` or `per_capita`: add one",
            );
            return None;
        }
        let pricing = match (self.tiers, self.per_capita) {
            (Some(t), _) => Pricing::Tiers(t),
            (_, Some(p)) => Pricing::PerCapita(p),
            _ => return None,
        };
        Some(FeeSchedule {
            id: self.id?,
            currency: self.currency,
            population_offset: self.population_offset.unwrap_or(0),
            pricing,
        })
    }
}

fn check_tiers(tiers: &[Tier], ctx: &mut Ctx) {
    if tiers.is_empty() {
        ctx.err(
            Code::InvalidSchedule,
            "`tiers` is empty: give at least one tier, the last without `max_population`",
        );
        return;
    }
    let last = tiers.len() - 1;
    let mut prev: Option<u64> = None;
    for (i, t) in tiers.iter().enumerate() {
        let at = format!("{}[{i}]", ctx.here());
        match t.max_population {
            None if i != last => ctx.findings.push(Finding::new(
                Code::InvalidSchedule,
                format!("{at}.max_population"),
                "only the last tier may leave out `max_population`: add it",
            )),
            Some(_) if i == last => ctx.findings.push(Finding::new(
                Code::InvalidSchedule,
                format!("{at}.max_population"),
                "the last tier is the open top and has no `max_population`: remove it or add a last tier without it",
            )),
            Some(m) => {
                if let Some(p) = prev {
                    if m <= p {
                        ctx.findings.push(Finding::new(
                            Code::InvalidSchedule,
                            format!("{at}.max_population"),
                            format!("`max_population` {m} is not above the previous tier's {p}: the tiers must rise strictly"),
                        ));
                    }
                }
                prev = Some(m);
            }
            None => {}
        }
    }
}

#[derive(Default)]
struct TierB {
    max_population: Option<u64>,
    amount: Option<Decimal>,
}

impl<'de> Builder<'de> for TierB {
    type Out = Tier;
    const KNOWN: &'static [&'static str] = &["max_population", "amount"];
    const WHAT: &'static str = "a tier";
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error> {
        match i {
            0 => self.max_population = ctx.integer(raw(map)?, 0, MAX_POPULATION).map(|v| v as u64),
            _ => self.amount = ctx.nonneg_decimal(raw(map)?),
        }
        Ok(())
    }
    fn build(self, seen: u64, ctx: &mut Ctx) -> Option<Tier> {
        require(ctx, &self.amount, seen, Self::KNOWN, "amount", "a tier");
        Some(Tier {
            max_population: self.max_population,
            amount: self.amount?,
        })
    }
}

#[derive(Default)]
struct PerCapitaB {
    base: Option<Decimal>,
    rate: Option<Decimal>,
    min: Option<Decimal>,
    max: Option<Decimal>,
}

impl<'de> Builder<'de> for PerCapitaB {
    type Out = PerCapita;
    const KNOWN: &'static [&'static str] = &["base", "rate", "min", "max"];
    const WHAT: &'static str = "a per-capita fee";
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error> {
        let d = ctx.nonneg_decimal(raw(map)?);
        match i {
            0 => self.base = d,
            1 => self.rate = d,
            2 => self.min = d,
            _ => self.max = d,
        }
        Ok(())
    }
    fn build(self, seen: u64, ctx: &mut Ctx) -> Option<PerCapita> {
        require(
            ctx,
            &self.rate,
            seen,
            Self::KNOWN,
            "rate",
            "a per-capita fee",
        );
        if let (Some(min), Some(max)) = (self.min, self.max) {
            if min > max {
                ctx.err_below(
                    Code::InvalidSchedule,
                    "min",
                    format!("`min` {min} is above `max` {max}: swap or fix them"),
                );
            }
        }
        Some(PerCapita {
            base: self.base,
            rate: self.rate?,
            min: self.min,
            max: self.max,
        })
    }
}

#[derive(Default)]
struct RateB {
    currency: Option<String>,
    year: Option<i32>,
    rate: Option<Decimal>,
}

impl<'de> Builder<'de> for RateB {
    type Out = Rate;
    const KNOWN: &'static [&'static str] = &["currency", "year", "rate"];
    const WHAT: &'static str = "an exchange rate";
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error> {
        let r = raw(map)?;
        match i {
            0 => {
                self.currency = ctx.currency(r);
                if let Some(c) = &self.currency {
                    let p = ctx.here();
                    ctx.rate_currencies.push((c.clone(), p));
                }
            }
            1 => self.year = ctx.year(r),
            _ => {
                self.rate = ctx.decimal(r);
                if let Some(v) = self.rate {
                    if v <= Decimal::ZERO {
                        ctx.err(Code::InvalidValue, format!("rate `{v}` must be above 0"));
                        self.rate = None;
                    }
                }
            }
        }
        Ok(())
    }
    fn build(self, seen: u64, ctx: &mut Ctx) -> Option<Rate> {
        require(
            ctx,
            &self.currency,
            seen,
            Self::KNOWN,
            "currency",
            "an exchange rate",
        );
        require(
            ctx,
            &self.year,
            seen,
            Self::KNOWN,
            "year",
            "an exchange rate",
        );
        require(
            ctx,
            &self.rate,
            seen,
            Self::KNOWN,
            "rate",
            "an exchange rate",
        );
        let (currency, year, rate) = (self.currency?, self.year?, self.rate?);
        if !ctx.rate_keys.insert((currency.clone(), year)) {
            ctx.err(
                Code::DuplicateId,
                format!("a second rate for {currency} in {year}: keep one per currency and year"),
            );
        }
        Some(Rate {
            currency,
            year,
            rate,
        })
    }
}

// ---- networks ---------------------------------------------------------------

#[derive(Default)]
struct NetworkB {
    id: Option<String>,
    name: Option<String>,
    organiser: Option<String>,
    kind: Option<NetworkKind>,
    subjects: Vec<String>,
    unit: Option<String>,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    status: Option<Status>,
    notice_months: Option<u32>,
    via: Option<String>,
    decision: Option<Decision>,
    url: Option<String>,
    purpose: Option<String>,
    notes: Option<String>,
    assessment: Option<Assessment>,
    participants: Vec<Participant>,
    costs: Vec<Cost>,
    financing: Vec<Financing>,
}

/// Longest notice period accepted, in months (100 years).
pub(crate) const MAX_NOTICE_MONTHS: i64 = 1200;

impl<'de> Builder<'de> for NetworkB {
    type Out = Network;
    const KNOWN: &'static [&'static str] = &[
        "id",
        "name",
        "organiser",
        "kind",
        "subjects",
        "unit",
        "start",
        "end",
        "deadline",
        "status",
        "notice_months",
        "via",
        "decision",
        "url",
        "purpose",
        "notes",
        "assessment",
        "participants",
        "costs",
        "financing",
    ];
    const WHAT: &'static str = "a network";
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error> {
        match i {
            0 => self.id = ctx.id(raw(map)?, Some(IdSet::Networks)),
            1 => self.name = ctx.text(raw(map)?),
            2 => self.organiser = ctx.string(raw(map)?),
            3 => self.kind = ctx.word(raw(map)?),
            4 => self.subjects = subjects(raw(map)?, ctx),
            5 => {
                self.unit = ctx.text(raw(map)?);
                if let Some(u) = &self.unit {
                    ctx.reference(u, IdSet::Units);
                }
            }
            6 => self.start = ctx.date(raw(map)?),
            7 => self.end = ctx.date(raw(map)?),
            8 => self.deadline = ctx.date(raw(map)?),
            9 => self.status = ctx.word(raw(map)?),
            10 => {
                self.notice_months = ctx
                    .integer(raw(map)?, 0, MAX_NOTICE_MONTHS)
                    .map(|v| v as u32)
            }
            11 => self.via = ctx.string(raw(map)?),
            12 => self.decision = map.next_value_seed(Obj::<DecisionB>::new(ctx))?,
            13 => self.url = ctx.string(raw(map)?),
            14 => self.purpose = ctx.string(raw(map)?),
            15 => self.notes = ctx.string(raw(map)?),
            16 => self.assessment = map.next_value_seed(Obj::<AssessmentB>::new(ctx))?,
            17 => {
                let list = map.next_value_seed(List::<ParticipantB>::new(ctx))?;
                let mut seen = HashSet::with_capacity(list.len());
                for (p, path) in &list {
                    if !seen.insert(p.person.as_str()) {
                        ctx.findings.push(Finding::new(
                            Code::DuplicateId,
                            path.as_str(),
                            format!(
                                "person `{}` sits in this network twice: keep one entry",
                                clip(&p.person)
                            ),
                        ));
                    }
                }
                self.participants = list.into_iter().map(|(p, _)| p).collect();
            }
            18 => self.costs = map.next_value_seed(List::<CostB>::new(ctx))?,
            _ => self.financing = map.next_value_seed(List::<FinancingB>::new(ctx))?,
        }
        Ok(())
    }
    fn build(self, seen: u64, ctx: &mut Ctx) -> Option<Network> {
        require(ctx, &self.id, seen, Self::KNOWN, "id", "a network");
        require(ctx, &self.name, seen, Self::KNOWN, "name", "a network");
        require(ctx, &self.start, seen, Self::KNOWN, "start", "a network");
        if let (Some(s), Some(e)) = (self.start, self.end) {
            if e < s {
                ctx.err_below(
                    Code::InvalidPeriod,
                    "end",
                    format!("`end` {e} is before `start` {s}: fix one of them"),
                );
            }
        }
        Some(Network {
            id: self.id?,
            name: self.name?,
            organiser: self.organiser,
            kind: self.kind.unwrap_or(NetworkKind::Network),
            subjects: self.subjects,
            unit: self.unit,
            start: self.start?,
            end: self.end,
            deadline: self.deadline,
            status: self.status.unwrap_or(Status::Active),
            notice_months: self.notice_months.unwrap_or(0),
            via: self.via,
            decision: self.decision,
            url: self.url,
            purpose: self.purpose,
            notes: self.notes,
            assessment: self.assessment,
            participants: self.participants,
            costs: self.costs,
            financing: self.financing,
        })
    }
}

fn subjects(r: &RawValue, ctx: &mut Ctx) -> Vec<String> {
    match classify(r) {
        Scalar::Array => {}
        Scalar::Null => return Vec::new(),
        other => {
            ctx.err(
                Code::InvalidValue,
                format!(
                    "expected a list of subjects, e.g. [\"jämställdhet\"], found {}",
                    other.describe()
                ),
            );
            return Vec::new();
        }
    }
    let items: Vec<&RawValue> = serde_json::from_slice(r.get().as_bytes()).unwrap_or_default();
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    let mut seen: HashSet<String> = HashSet::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let mark = ctx.push_index(i);
        if let Some(s) = ctx.string(item) {
            if s.trim().is_empty() {
                ctx.err(Code::InvalidValue, "empty subject: remove it");
            } else if !seen.insert(s.clone()) {
                ctx.err(
                    Code::InvalidValue,
                    format!("subject `{}` is listed twice: keep one", clip(&s)),
                );
            } else {
                out.push(s);
            }
        } else if matches!(classify(item), Scalar::Null) {
            ctx.err(
                Code::InvalidValue,
                "expected a subject (a string), found null",
            );
        }
        ctx.pop(mark);
    }
    out
}

#[derive(Default)]
struct DecisionB {
    body: Option<String>,
    date: Option<NaiveDate>,
    reference: Option<String>,
}

impl<'de> Builder<'de> for DecisionB {
    type Out = Decision;
    const KNOWN: &'static [&'static str] = &["body", "date", "reference"];
    const WHAT: &'static str = "a decision";
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error> {
        match i {
            0 => self.body = ctx.string(raw(map)?),
            1 => self.date = ctx.date(raw(map)?),
            _ => self.reference = ctx.string(raw(map)?),
        }
        Ok(())
    }
    fn build(self, _: u64, _: &mut Ctx) -> Option<Decision> {
        Some(Decision {
            body: self.body,
            date: self.date,
            reference: self.reference,
        })
    }
}

#[derive(Default)]
struct AssessmentB {
    benefit: Option<u8>,
    recommendation: Option<Recommendation>,
    note: Option<String>,
}

impl<'de> Builder<'de> for AssessmentB {
    type Out = Assessment;
    const KNOWN: &'static [&'static str] = &["benefit", "recommendation", "note"];
    const WHAT: &'static str = "an assessment";
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error> {
        match i {
            0 => self.benefit = ctx.integer(raw(map)?, 1, 5).map(|v| v as u8),
            1 => self.recommendation = ctx.word(raw(map)?),
            _ => self.note = ctx.string(raw(map)?),
        }
        Ok(())
    }
    fn build(self, _: u64, _: &mut Ctx) -> Option<Assessment> {
        Some(Assessment {
            benefit: self.benefit,
            recommendation: self.recommendation,
            note: self.note,
        })
    }
}

#[derive(Default)]
struct ParticipantB {
    person: Option<String>,
    hours_per_year: Option<Decimal>,
    role: Option<String>,
}

impl<'de> Builder<'de> for ParticipantB {
    /// The participant and the path of its `person` key.
    type Out = (Participant, String);
    const KNOWN: &'static [&'static str] = &["person", "hours_per_year", "role"];
    const WHAT: &'static str = "a participant";
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error> {
        match i {
            0 => {
                self.person = ctx.text(raw(map)?);
                if let Some(p) = &self.person {
                    ctx.reference(p, IdSet::People);
                }
            }
            1 => self.hours_per_year = ctx.nonneg_decimal(raw(map)?),
            _ => self.role = ctx.string(raw(map)?),
        }
        Ok(())
    }
    fn build(self, seen: u64, ctx: &mut Ctx) -> Option<(Participant, String)> {
        require(
            ctx,
            &self.person,
            seen,
            Self::KNOWN,
            "person",
            "a participant",
        );
        let path = ctx.below("person");
        Some((
            Participant {
                person: self.person?,
                hours_per_year: self.hours_per_year,
                role: self.role,
            },
            path,
        ))
    }
}

#[derive(Default)]
struct CostB {
    kind: Option<CostKind>,
    amount: Option<Decimal>,
    schedule: Option<String>,
    currency: Option<String>,
    per: Option<Per>,
    date: Option<NaiveDate>,
    from: Option<i32>,
    to: Option<i32>,
    prorate: Option<bool>,
    note: Option<String>,
}

impl<'de> Builder<'de> for CostB {
    type Out = Cost;
    const KNOWN: &'static [&'static str] = &[
        "kind", "amount", "schedule", "currency", "per", "date", "from", "to", "prorate", "note",
    ];
    const WHAT: &'static str = "a cost";
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error> {
        let r = raw(map)?;
        match i {
            0 => self.kind = ctx.word(r),
            1 => self.amount = ctx.nonneg_decimal(r),
            2 => self.schedule = ctx.text(r),
            3 => self.currency = ctx.currency(r),
            4 => self.per = ctx.word(r),
            5 => self.date = ctx.date(r),
            6 => self.from = ctx.year(r),
            7 => self.to = ctx.year(r),
            8 => self.prorate = ctx.boolean(r),
            _ => self.note = ctx.string(r),
        }
        Ok(())
    }
    fn build(self, seen: u64, ctx: &mut Ctx) -> Option<Cost> {
        let has = |k: &str| present(seen, Self::KNOWN, k);
        require(ctx, &self.kind, seen, Self::KNOWN, "kind", "a cost");
        match (has("amount"), has("schedule")) {
            (true, true) => ctx.err_below(
                Code::InvalidValue,
                "schedule",
                "a cost has either `amount` or `schedule`, not both: remove one",
            ),
            (false, false) => ctx.err_below(
                Code::MissingField,
                "amount",
                "a cost needs `amount` or `schedule`: add one",
            ),
            _ => {}
        }
        if has("currency") && has("schedule") && !has("amount") {
            ctx.err_below(
                Code::InvalidValue,
                "currency",
                "`currency` goes with `amount`; a schedule has its own currency: remove it",
            );
        }
        let per = self.per.unwrap_or(Per::Year);
        match per {
            Per::Once => {
                for k in ["from", "to", "prorate"] {
                    if has(k) {
                        ctx.err_below(Code::InvalidValue, k, format!("`{k}` goes with `\"per\": \"year\"`, not with a once cost: remove it or use `date`"));
                    }
                }
            }
            Per::Year => {
                if has("date") {
                    ctx.err_below(Code::InvalidValue, "date", "`date` goes with `\"per\": \"once\"`: remove it or add `\"per\": \"once\"`");
                }
                if let (Some(f), Some(t)) = (self.from, self.to) {
                    if t < f {
                        ctx.err_below(
                            Code::InvalidPeriod,
                            "to",
                            format!("`to` {t} is before `from` {f}: fix one of them"),
                        );
                    }
                }
            }
        }
        // Remember what needs the whole file: the schedule and the currency.
        if let (Some(s), false) = (&self.schedule, has("amount")) {
            let p = ctx.below("schedule");
            ctx.schedule_refs.push((s.clone(), p));
        }
        if let (Some(c), true) = (&self.currency, has("amount")) {
            let p = ctx.below("currency");
            ctx.amount_currencies.push((c.clone(), p));
        }
        let amount = match (self.amount, self.schedule) {
            (Some(a), None) => Amount::Fixed {
                amount: a,
                currency: self.currency,
            },
            (None, Some(s)) => Amount::Schedule(s),
            _ => return None,
        };
        let charge = match per {
            Per::Year => Charge::Yearly {
                from: self.from,
                to: self.to,
                prorate: self.prorate.unwrap_or(false),
            },
            Per::Once => Charge::Once { date: self.date },
        };
        Some(Cost {
            kind: self.kind?,
            amount,
            charge,
            note: self.note,
        })
    }
}

#[derive(Default)]
struct FinancingB {
    funder: Option<String>,
    covers: Option<Covers>,
    share: Option<Decimal>,
    max_per_year: Option<Decimal>,
    status: Option<FinancingStatus>,
    probability: Option<Decimal>,
    from: Option<i32>,
    to: Option<i32>,
}

impl<'de> Builder<'de> for FinancingB {
    type Out = Financing;
    const KNOWN: &'static [&'static str] = &[
        "funder",
        "covers",
        "share",
        "max_per_year",
        "status",
        "probability",
        "from",
        "to",
    ];
    const WHAT: &'static str = "a financing";
    fn field<A: MapAccess<'de>>(
        &mut self,
        i: usize,
        map: &mut A,
        ctx: &mut Ctx,
    ) -> Result<(), A::Error> {
        let r = raw(map)?;
        match i {
            0 => self.funder = ctx.text(r),
            1 => self.covers = ctx.word(r),
            2 => {
                self.share = ctx.decimal(r);
                if let Some(s) = self.share {
                    if s <= Decimal::ZERO || s > Decimal::ONE {
                        ctx.err(Code::InvalidValue, format!("share `{s}` is out of range: expected above 0 and at most 1 (e.g. 0.5 for half)"));
                        self.share = None;
                    }
                }
            }
            3 => self.max_per_year = ctx.nonneg_decimal(r),
            4 => self.status = ctx.word(r),
            5 => {
                self.probability = ctx.decimal(r);
                if let Some(p) = self.probability {
                    if p < Decimal::ZERO || p > Decimal::ONE {
                        ctx.err(
                            Code::InvalidValue,
                            format!(
                                "probability `{p}` is out of range: expected 0 to 1 (e.g. 0.8)"
                            ),
                        );
                        self.probability = None;
                    }
                }
            }
            6 => self.from = ctx.year(r),
            _ => self.to = ctx.year(r),
        }
        Ok(())
    }
    fn build(self, seen: u64, ctx: &mut Ctx) -> Option<Financing> {
        let has = |k: &str| present(seen, Self::KNOWN, k);
        require(
            ctx,
            &self.funder,
            seen,
            Self::KNOWN,
            "funder",
            "a financing",
        );
        require(
            ctx,
            &self.status,
            seen,
            Self::KNOWN,
            "status",
            "a financing",
        );
        match self.status {
            Some(FinancingStatus::Expected | FinancingStatus::Applied) if !has("probability") => {
                ctx.err_below(
                    Code::MissingProbability,
                    "probability",
                    "expected or applied financing needs `probability` (0 to 1): add it",
                );
            }
            Some(s @ (FinancingStatus::Granted | FinancingStatus::Denied))
                if has("probability") =>
            {
                ctx.err_below(
                    Code::InvalidValue,
                    "probability",
                    format!("{s} financing has no probability: remove `probability`"),
                );
            }
            _ => {}
        }
        if let (Some(f), Some(t)) = (self.from, self.to) {
            if t < f {
                ctx.err_below(
                    Code::InvalidPeriod,
                    "to",
                    format!("`to` {t} is before `from` {f}: fix one of them"),
                );
            }
        }
        Some(Financing {
            funder: self.funder?,
            covers: self.covers.unwrap_or(Covers::Fees),
            share: self.share.unwrap_or(Decimal::ONE),
            max_per_year: self.max_per_year,
            status: self.status?,
            probability: self.probability,
            from: self.from,
            to: self.to,
        })
    }
}

/// The keys each object of `natverk/1` accepts, by object name, exactly as
/// the loader takes them (for a JSON Schema or an editor's completion).
pub fn known_fields() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("inventory", <TopB as Builder<'static>>::KNOWN),
        ("organisation", <OrgB as Builder<'static>>::KNOWN),
        ("unit", <UnitB as Builder<'static>>::KNOWN),
        ("person", <PersonB as Builder<'static>>::KNOWN),
        ("fee_schedule", <ScheduleB as Builder<'static>>::KNOWN),
        ("tier", <TierB as Builder<'static>>::KNOWN),
        ("per_capita", <PerCapitaB as Builder<'static>>::KNOWN),
        ("rate", <RateB as Builder<'static>>::KNOWN),
        ("network", <NetworkB as Builder<'static>>::KNOWN),
        ("decision", <DecisionB as Builder<'static>>::KNOWN),
        ("assessment", <AssessmentB as Builder<'static>>::KNOWN),
        ("participant", <ParticipantB as Builder<'static>>::KNOWN),
        ("cost", <CostB as Builder<'static>>::KNOWN),
        ("financing", <FinancingB as Builder<'static>>::KNOWN),
    ]
}
