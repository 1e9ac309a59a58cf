//! Writing JSON for the types of the crate.

use serde::Serialize;

/// Pretty JSON (two-space indent) of a value whose serialisation cannot
/// fail: the crate's results hold only strings, numbers, booleans, lists
/// and maps with string keys, and serde_json fails only on I/O, non-string
/// map keys and a type's own errors, none of which can occur here.
pub(crate) fn pretty<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// Compact JSON, as [`pretty`].
pub(crate) fn compact<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
