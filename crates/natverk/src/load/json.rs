//! Reading JSON objects and lists into builders, in one streaming pass
//! over `serde_json`'s deserializer (no generic `Value`).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::finding::Code;
use crate::format::Builder;
use crate::limits::MAX_SUGGEST_KEY;
use crate::money::clip;
use crate::present::messages as m;
use crate::present::{Arg, Found, Message};
use crate::validate::Validator;

/// Seed for an object of builder `B`: `None` when it is not an object or
/// has errors (already recorded).
pub(crate) struct Obj<'c, B> {
    v: &'c mut Validator,
    _b: PhantomData<B>,
}

impl<'c, B> Obj<'c, B> {
    pub(crate) fn new(v: &'c mut Validator) -> Self {
        Obj { v, _b: PhantomData }
    }
}

impl<'de, B: Builder> DeserializeSeed<'de> for Obj<'_, B> {
    type Value = Option<B::Out>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// Reads the keys of an object into `b`; unknown keys are findings.
pub(crate) fn read_keys<'de, A: MapAccess<'de>, B: Builder>(
    map: &mut A,
    b: &mut B,
    v: &mut Validator,
) -> Result<(), A::Error> {
    while let Some(key) = map.next_key_seed(KeySeed)? {
        if !b.field(&key, map, v)? {
            let msg = unknown_key_message(&key, B::KEYS, B::WHAT);
            v.push_owned_key(&key);
            v.err(Code::UnknownField, msg);
            v.pop();
            map.next_value::<IgnoredAny>()?;
        }
    }
    Ok(())
}

impl<'de, B: Builder> Visitor<'de> for Obj<'_, B> {
    type Value = Option<B::Out>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(B::WHAT)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let v = self.v;
        let start = v.count();
        let mut b = B::default();
        read_keys(&mut map, &mut b, v)?;
        let out = b.finish(v);
        if v.errors_since(start) {
            Ok(None)
        } else {
            Ok(out)
        }
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(wrong(self.v, B::WHAT, Found::Array))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        Ok(wrong(self.v, B::WHAT, Found::Str(clip(s))))
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Self::Value, E> {
        Ok(wrong(self.v, B::WHAT, Found::Bool(b)))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
        Ok(wrong(self.v, B::WHAT, Found::Num(n.to_string())))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Ok(wrong(self.v, B::WHAT, Found::Num(n.to_string())))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(wrong_text(self.v, B::WHAT, "a number"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(wrong(self.v, B::WHAT, Found::Null))
    }
}

fn wrong<T>(v: &mut Validator, what: &'static str, found: Found) -> Option<T> {
    v.err(
        Code::InvalidValue,
        Message::new(&m::EXPECTED_OBJECT)
            .label("what", what)
            .arg("found", Arg::Found(found)),
    );
    None
}

fn wrong_text<T>(v: &mut Validator, what: &'static str, found: &str) -> Option<T> {
    v.err(
        Code::InvalidValue,
        Message::new(&m::EXPECTED_OBJECT)
            .label("what", what)
            .with("found", found),
    );
    None
}

pub(crate) fn unknown_key_message(key: &str, known: &[&str], what: &'static str) -> Message {
    let short: String = key.chars().take(MAX_SUGGEST_KEY).collect();
    let nearest = known
        .iter()
        .min_by_key(|k| strsim::levenshtein(&short, k))
        .copied()
        .unwrap_or("");
    Message::new(&m::UNKNOWN_FIELD)
        .with("key", clip(key))
        .label("what", what)
        .with("nearest", nearest)
        .with("known", known.join(", "))
}

/// A key, borrowed from the text unless it has escapes.
pub(crate) struct KeySeed;

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

/// Seed for an array of objects of builder `B`: the items built, and their
/// positions in the list. Items with errors are left out (their findings
/// are recorded, so the load fails anyway).
pub(crate) struct List<'c, B> {
    v: &'c mut Validator,
    _b: PhantomData<B>,
}

impl<'c, B> List<'c, B> {
    pub(crate) fn new(v: &'c mut Validator) -> Self {
        List { v, _b: PhantomData }
    }
}

type Items<T> = (Vec<T>, Vec<usize>);

impl<'de, B: Builder> DeserializeSeed<'de> for List<'_, B> {
    type Value = Items<B::Out>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, B: Builder> Visitor<'de> for List<'_, B> {
    type Value = Items<B::Out>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a list of {}", B::WHAT)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let v = self.v;
        let n = seq.size_hint().unwrap_or(0);
        let mut out = Vec::with_capacity(n);
        let mut at = Vec::with_capacity(n);
        let mut i = 0;
        loop {
            v.push_index(i);
            let item = seq.next_element_seed(Obj::<B>::new(v));
            v.pop();
            match item? {
                Some(Some(x)) => {
                    out.push(x);
                    at.push(i);
                }
                Some(None) => {}
                None => break,
            }
            i += 1;
        }
        Ok((out, at))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(list_wrong(self.v, B::WHAT_LIST, Found::Object))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        Ok(list_wrong(self.v, B::WHAT_LIST, Found::Str(clip(s))))
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Self::Value, E> {
        Ok(list_wrong(self.v, B::WHAT_LIST, Found::Bool(b)))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
        Ok(list_wrong(self.v, B::WHAT_LIST, Found::Num(n.to_string())))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Ok(list_wrong(self.v, B::WHAT_LIST, Found::Num(n.to_string())))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        self.v.err(
            Code::InvalidValue,
            Message::new(&m::EXPECTED_LIST)
                .label("what", B::WHAT_LIST)
                .with("found", "a number"),
        );
        Ok((Vec::new(), Vec::new()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        // null: an empty list
        Ok((Vec::new(), Vec::new()))
    }
}

fn list_wrong<T>(v: &mut Validator, what: &'static str, found: Found) -> Items<T> {
    v.err(
        Code::InvalidValue,
        Message::new(&m::EXPECTED_LIST)
            .label("what", what)
            .arg("found", Arg::Found(found)),
    );
    (Vec::new(), Vec::new())
}

/// The key-value pairs of an object, in order, duplicates kept.
pub(crate) struct PairList<'a>(pub Vec<(Cow<'a, str>, &'a RawValue)>);

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
