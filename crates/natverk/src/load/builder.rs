//! The loader's side of the declaration: each object's builder, which
//! takes the object's keys as they come (dispatch by key, never by
//! position), the slots it keeps them in, and the findings of a key given
//! twice or missing.

use serde::de::{IgnoredAny, MapAccess};

use crate::finding::Code;
use crate::format::Kind;
use crate::present::messages as m;
use crate::present::Message;
use crate::validate::Validator;

/// Builds one object from its JSON keys as they come.
pub(crate) trait Builder: Default {
    /// The object built.
    type Out;
    /// Every key, in declaration order.
    const KEYS: &'static [&'static str];
    /// Vocabulary key of what the object is, for messages (`what.unit`).
    const WHAT: &'static str;
    /// Vocabulary key of it in a list (`what_list.unit`).
    const WHAT_LIST: &'static str;
    /// Reads the value of `key`; `false` if the key is unknown.
    fn field<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
        v: &mut Validator,
    ) -> Result<bool, A::Error>;
    /// Checks what needs several fields and builds; the path is the
    /// object's. `None` when a required field is missing.
    fn finish(self, v: &mut Validator) -> Option<Self::Out>;
}

/// A field while its object is read: its value, whether its key was
/// present, and whether reading it gave a finding.
pub(crate) struct Slot<T> {
    pub value: Option<T>,
    pub seen: bool,
    pub bad: bool,
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot {
            value: None,
            seen: false,
            bad: false,
        }
    }
}

/// The code of every key longer than 15 bytes (compared as text then).
pub(crate) const LONG_KEY: u128 = u128::MAX;

/// A key of at most 15 bytes as one number: its length in the top byte,
/// its bytes below (little-endian), so two keys have the same code exactly
/// when they are the same; [`LONG_KEY`] for a longer key. A builder finds
/// its field by comparing codes, not strings one by one (each a call to
/// `memcmp` in WebAssembly).
pub(crate) const fn key_code(key: &str) -> u128 {
    let b = key.as_bytes();
    if b.len() > 15 {
        return LONG_KEY;
    }
    let mut bytes = [0u8; 16];
    let mut i = 0;
    while i < b.len() {
        bytes[i] = b[i];
        i += 1;
    }
    bytes[15] = b.len() as u8;
    u128::from_le_bytes(bytes)
}

/// Reads one field into its slot: a second key is `duplicate_key`.
pub(crate) fn read_slot<'de, K: Kind, A: MapAccess<'de>>(
    slot: &mut Slot<K::Value>,
    key: &'static str,
    map: &mut A,
    v: &mut Validator,
) -> Result<(), A::Error> {
    if slot.seen {
        v.err_below(
            Code::DuplicateKey,
            key,
            Message::new(&m::DUPLICATE_KEY).with("key", key),
        );
        map.next_value::<IgnoredAny>()?;
        return Ok(());
    }
    slot.seen = true;
    v.push_key(key);
    let before = v.count();
    slot.value = K::read(map, v)?;
    slot.bad = v.count() > before;
    v.pop();
    Ok(())
}

/// A required field's finding when it is missing or null.
pub(crate) fn require<T>(slot: &Slot<T>, key: &'static str, what: &'static str, v: &mut Validator) {
    if slot.value.is_some() {
        return;
    }
    if !slot.seen {
        v.err_below(
            Code::MissingField,
            key,
            Message::new(&m::NEEDS_KEY)
                .label("what", what)
                .with("key", key),
        );
    } else if !slot.bad {
        v.err_below(
            Code::MissingField,
            key,
            Message::new(&m::NEEDS_KEY_NOT_NULL)
                .label("what", what)
                .with("key", key),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{key_code, LONG_KEY};

    #[test]
    fn keys_have_the_same_code_exactly_when_they_are_the_same() {
        let keys = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "a\0",
            "\0a",
            "id",
            "id\0",
            "ids",
            "name",
            "nam",
            "hours_per_year",
            "recommendation",
            "123456789012345",
            "123456789012346",
            "ö",
            "o\u{308}",
            "max_population",
        ];
        for a in keys {
            assert_ne!(key_code(a), LONG_KEY, "{a:?}");
            for b in keys {
                assert_eq!(key_code(a) == key_code(b), a == b, "{a:?} {b:?}");
            }
        }
        assert_eq!(key_code("population_offset"), LONG_KEY);
        assert_eq!(key_code("1234567890123456"), LONG_KEY);
    }
}
