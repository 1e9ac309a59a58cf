//! Reading JSON objects and lists into builders, in one streaming pass
//! over `serde_json`'s deserializer (no generic `Value`).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::Builder;
use crate::finding::Code;
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
        if v.errors_since(start) && !v.keep_invalid {
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
    /// About how many bytes of the file an item takes (0: no estimate).
    bytes_each: usize,
    _b: PhantomData<B>,
}

impl<'c, B> List<'c, B> {
    /// A list whose items take about `bytes_each` bytes of the file (0: no
    /// estimate). With an estimate, the first chunk is sized from the
    /// file's size (`Validator::input_bytes`), so that the list of networks
    /// of a national file is read straight into its final `Vec`, not
    /// gathered and copied (20 MB touched once instead of twice). An
    /// estimate too low gathers the rest in chunks as any list; one too
    /// high leaves capacity never touched (address space, not memory), and
    /// a list that fills less than three quarters of it ends in an exact
    /// copy.
    pub(crate) fn new(v: &'c mut Validator, bytes_each: usize) -> Self {
        List {
            v,
            bytes_each,
            _b: PhantomData,
        }
    }
}

type Items<T> = (Vec<T>, Skipped);

/// The positions of a list's items that were left out (they had errors).
/// Empty when none was, as in every valid file: then the items' positions
/// are 0, 1, 2… and nothing is stored for them.
#[derive(Default)]
pub(crate) struct Skipped(Vec<usize>);

impl Skipped {
    /// The positions in the list of the `kept` items that were built.
    pub(crate) fn positions(&self, kept: usize) -> Vec<usize> {
        let mut at = Vec::with_capacity(kept);
        let mut skipped = self.0.iter().copied().peekable();
        let mut i = 0;
        while at.len() < kept {
            if skipped.next_if_eq(&i).is_none() {
                at.push(i);
            }
            i += 1;
        }
        at
    }
}

/// The items of a list as they are read, kept so that the list ends with
/// about the capacity it needs: in chunks that double from
/// [`Gather::FIRST`] up to [`Gather::CHUNK`] items. A national file has
/// lists of 1 to 6 costs or participants under 50 000 networks: a `Vec`
/// grown by doubling holds up to twice their memory, and copies the large
/// list of networks each time it grows (while both copies are alive).
struct Gather<T> {
    /// The first [`Gather::FIRST`] items (most lists have no more).
    first: Vec<T>,
    /// The chunks after it, each twice the one before, up to
    /// [`Gather::CHUNK`].
    more: Vec<Vec<T>>,
}

impl<T> Gather<T> {
    const FIRST: usize = 4;
    const CHUNK: usize = 4096;

    /// A gathering whose first chunk takes `first` items (0: the default,
    /// [`Gather::FIRST`], allocated with the first item).
    fn new(first: usize) -> Self {
        Gather {
            first: Vec::with_capacity(first),
            more: Vec::new(),
        }
    }

    fn push(&mut self, x: T) {
        let last = match self.more.last_mut() {
            Some(c) => c,
            None if self.first.capacity() == 0 => {
                self.first.reserve_exact(Self::FIRST);
                &mut self.first
            }
            None => &mut self.first,
        };
        if last.len() < last.capacity() {
            last.push(x);
        } else {
            let mut c = Vec::with_capacity((last.capacity() * 2).min(Self::CHUNK));
            c.push(x);
            self.more.push(c);
        }
    }

    /// The items in order: the first chunk alone when it is at least three
    /// quarters full, else a `Vec` of exactly their number (each chunk is
    /// freed as soon as it is moved).
    fn finish(self) -> Vec<T> {
        let Gather { first, more } = self;
        if more.is_empty() && first.len() * 4 >= first.capacity() * 3 {
            return first;
        }
        let len = first.len() + more.iter().map(Vec::len).sum::<usize>();
        let mut out = Vec::with_capacity(len);
        out.extend(first);
        for c in more {
            out.extend(c);
        }
        out
    }
}

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
        let first = v.input_bytes.checked_div(self.bytes_each).unwrap_or(0);
        let mut out = Gather::new(first);
        let mut skipped = Skipped::default();
        let mut i = 0;
        loop {
            v.push_index(i);
            let item = seq.next_element_seed(Obj::<B>::new(v));
            v.pop();
            match item? {
                Some(Some(x)) => out.push(x),
                Some(None) => skipped.0.push(i),
                None => break,
            }
            i += 1;
        }
        Ok((out.finish(), skipped))
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
        Ok((Vec::new(), Skipped::default()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        // null: an empty list
        Ok((Vec::new(), Skipped::default()))
    }
}

fn list_wrong<T>(v: &mut Validator, what: &'static str, found: Found) -> Items<T> {
    v.err(
        Code::InvalidValue,
        Message::new(&m::EXPECTED_LIST)
            .label("what", what)
            .arg("found", Arg::Found(found)),
    );
    (Vec::new(), Skipped::default())
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

#[cfg(test)]
mod tests {
    use super::{Gather, Skipped};

    #[test]
    fn gather_keeps_the_order_and_ends_near_the_length() {
        for n in [0usize, 1, 2, 3, 4, 5, 8, 11, 12, 13, 100, 4096, 9000] {
            let mut g = Gather::new(0);
            for i in 0..n {
                g.push(i);
            }
            let v = g.finish();
            assert_eq!(v, (0..n).collect::<Vec<_>>(), "{n} items");
            // exact, or the first chunk at least three quarters full
            assert!(
                v.capacity() == n || (n >= 3 && v.capacity() == 4),
                "{n} items, capacity {}",
                v.capacity()
            );
        }
    }

    #[test]
    fn a_first_chunk_from_an_estimate_is_kept_when_mostly_full() {
        for (n, cap) in [
            (0, 0),
            (5, 5),
            (8, 10),
            (10, 10),
            (11, 11),
            (25, 25),
            (100, 100),
        ] {
            let mut g = Gather::new(10);
            for i in 0..n {
                g.push(i);
            }
            let v = g.finish();
            assert_eq!(v, (0..n).collect::<Vec<_>>(), "{n} items");
            assert_eq!(v.capacity(), cap, "{n} items");
        }
    }

    #[test]
    fn positions_skip_the_items_left_out() {
        assert_eq!(Skipped::default().positions(3), vec![0, 1, 2]);
        assert_eq!(Skipped(vec![0, 2]).positions(3), vec![1, 3, 4]);
        assert_eq!(Skipped(vec![3]).positions(3), vec![0, 1, 2]);
        assert_eq!(Skipped(vec![1, 2, 3]).positions(0), Vec::<usize>::new());
    }
}
