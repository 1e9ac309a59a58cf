//! [`Ids`]: the ids of one list and their positions, compact.
//!
//! Loading looks up every reference (a participant's person, a network's
//! unit, a cost's schedule) while it streams through the file, so the
//! table is cold in the cache at each lookup: with a `HashMap<String, u32>`
//! a lookup touched three scattered places (the control bytes, the bucket,
//! the key's own allocation) and the 193 000 references of the national
//! bench file took 11 % of `natverk report` (BENCHMARKS.md). Here the ids
//! sit end to end in one string, and the table is one `u64` a slot (a
//! 32-bit tag of the hash beside the position), so a lookup reads one slot
//! and one stretch of the arena, and registering an id allocates nothing
//! of its own.

use std::hash::BuildHasher;

/// The ids of one list, each with its position (the order they were
/// registered in).
#[derive(Debug, Clone, Default)]
pub(crate) struct Ids {
    /// Every id, end to end.
    text: String,
    /// Where each id ends in `text` (it starts where the previous ends).
    ends: Vec<usize>,
    /// Open addressing, linear probing: 0 is empty, else the hash's high
    /// 32 bits above the position + 1. A power of two long, at most half full.
    slots: Vec<u64>,
    hasher: foldhash::fast::RandomState,
}

impl Ids {
    /// How many ids.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The id at position `i`.
    fn id(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// The position of `id`.
    pub(crate) fn get(&self, id: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let h = self.hasher.hash_one(id);
        let tag = h >> 32;
        let mask = self.slots.len() - 1;
        let mut at = h as usize & mask;
        loop {
            let e = self.slots[at];
            if e == 0 {
                return None;
            }
            if e >> 32 == tag {
                let i = (e & 0xFFFF_FFFF) as usize - 1;
                if self.id(i) == id {
                    return Some(i as u32);
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Whether `id` is registered.
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Registers `id` at the next position; `false` (and nothing changes)
    /// when it is registered already.
    pub(crate) fn insert(&mut self, id: &str) -> bool {
        if self.contains(id) {
            return false;
        }
        if (self.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let i = self.len();
        self.text.push_str(id);
        self.ends.push(self.text.len());
        self.place(self.hasher.hash_one(id), i);
        true
    }

    /// Puts position `i`, of hash `h`, in the first free slot of its probe.
    fn place(&mut self, h: u64, i: usize) {
        let mask = self.slots.len() - 1;
        let mut at = h as usize & mask;
        while self.slots[at] != 0 {
            at = (at + 1) & mask;
        }
        // positions are u32 everywhere in the index; +1 keeps 0 for empty
        self.slots[at] = (h >> 32 << 32) | (i as u64 + 1);
    }

    /// Room for `more` ids of `bytes` bytes in all, so that registering
    /// them neither copies the ids nor places them again as the table
    /// grows.
    pub(crate) fn reserve(&mut self, more: usize, bytes: usize) {
        self.text.reserve_exact(bytes);
        self.ends.reserve_exact(more);
        let needed = ((self.len() + more) * 2).max(16).next_power_of_two();
        if needed > self.slots.len() {
            self.resize(needed);
        }
    }

    /// Doubles the table (at least 16 slots) and places every id again.
    fn grow(&mut self) {
        self.resize((self.slots.len() * 2).max(16));
    }

    /// A table of `size` slots (a power of two) with every id placed again.
    fn resize(&mut self, size: usize) {
        self.slots = vec![0; size];
        for i in 0..self.len() {
            let h = self.hasher.hash_one(self.id(i));
            self.place(h, i);
        }
    }
}

/// Ids collected one after another (references to look up later), end to
/// end in chunks of a fixed size: nothing is copied as it grows, so it
/// costs about what it holds.
#[derive(Debug, Default)]
pub(crate) struct IdLog {
    /// Ids end to end, and where each ends.
    chunks: Vec<(String, Vec<u32>)>,
}

/// Bytes of ids in a chunk (a longer id has a chunk of its own).
const CHUNK: usize = 1 << 18;

impl IdLog {
    pub(crate) fn push(&mut self, id: &str) {
        let fits = |(text, ends): &(String, Vec<u32>)| {
            text.len() + id.len() <= text.capacity() && ends.len() < ends.capacity()
        };
        if !self.chunks.last().is_some_and(fits) {
            self.chunks.push((
                String::with_capacity(CHUNK.max(id.len())),
                Vec::with_capacity(CHUNK / 8),
            ));
        }
        if let Some((text, ends)) = self.chunks.last_mut() {
            text.push_str(id);
            // a chunk holds at most max(CHUNK, one id) bytes, and an id is
            // part of an input of at most 512 MiB
            ends.push(text.len() as u32);
        }
    }

    /// How many ids, and their bytes in all.
    pub(crate) fn size(&self) -> (usize, usize) {
        self.chunks.iter().fold((0, 0), |(n, b), (text, ends)| {
            (n + ends.len(), b + text.len())
        })
    }

    /// Whether nothing was pushed.
    pub(crate) fn is_empty(&self) -> bool {
        self.chunks.is_empty()
    }

    /// The ids, in the order they were pushed.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.chunks.iter().flat_map(|(text, ends)| {
            let mut start = 0;
            ends.iter().map(move |&end| {
                let id = &text[start..end as usize];
                start = end as usize;
                id
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{IdLog, Ids};

    #[test]
    fn a_log_gives_back_what_was_pushed() {
        let mut log = IdLog::default();
        let long = "x".repeat(super::CHUNK + 5);
        let mut want: Vec<String> = (0..100_000).map(|i| format!("p{i}")).collect();
        want.insert(500, long.clone());
        want.insert(70_000, String::new());
        for id in &want {
            log.push(id);
        }
        assert!(log.chunks.len() > 2);
        assert!(log.iter().eq(want.iter().map(String::as_str)));
    }

    #[test]
    fn a_reserved_table_takes_its_ids_without_growing() {
        let mut log = IdLog::default();
        let words: Vec<String> = (0..3000).map(|i| format!("n-{i}")).collect();
        for w in &words {
            log.push(w);
        }
        let (count, bytes) = log.size();
        assert_eq!((count, bytes), (3000, words.iter().map(String::len).sum()));
        let mut ids = Ids::default();
        assert!(ids.insert("first"));
        ids.reserve(count, bytes);
        let slots = ids.slots.len();
        assert_eq!(slots, 8192);
        assert!(log.iter().all(|id| ids.insert(id)));
        assert_eq!(ids.slots.len(), slots);
        assert_eq!(ids.text.len(), ids.text.capacity());
        assert_eq!(ids.get("first"), Some(0));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(ids.get(w), Some(i as u32 + 1), "{w}");
        }
    }

    #[test]
    fn positions_in_order_and_no_second_registration() {
        let mut ids = Ids::default();
        assert_eq!(ids.get("a"), None);
        let words: Vec<String> = (0..5000).map(|i| format!("id-{i}")).collect();
        for w in &words {
            assert!(ids.insert(w));
        }
        assert!(ids.insert(""));
        assert!(!ids.insert("id-17"));
        assert!(!ids.insert(""));
        assert_eq!(ids.len(), 5001);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(ids.get(w), Some(i as u32), "{w}");
        }
        assert_eq!(ids.get(""), Some(5000));
        assert_eq!(ids.get("id-5000"), None);
        assert_eq!(ids.get("id-1"), Some(1));
        assert!(!ids.contains("id-"));
        // ids that are prefixes of one another, or end to end spell another
        let mut ids = Ids::default();
        for w in ["ab", "c", "abc", "a", "bc"] {
            assert!(ids.insert(w));
        }
        assert_eq!(ids.get("abc"), Some(2));
        assert_eq!(ids.get("a"), Some(3));
        assert_eq!(ids.get("b"), None);
        assert_eq!(ids.get("cab"), None);
    }
}
