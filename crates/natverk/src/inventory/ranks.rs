//! The ranks of each network's group key values, made once per inventory
//! when a report first groups by that key (a cache inside [`Inventory`],
//! which is immutable, so the ranks never go stale).

use std::sync::OnceLock;

use super::Inventory;
use crate::model::{NetworkKind, Status};

/// Each network's group key values as ranks that sort as the values do
/// (texts by code point; `u32::MAX` for no value). Each key's are made
/// once, when the first report grouping by that key needs them: a report
/// by network ranks the networks' ids only.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ranks {
    network: OnceLock<Vec<u32>>,
    organiser: OnceLock<TextRanks>,
    unit: OnceLock<TextRanks>,
    kind: OnceLock<Vec<u32>>,
    status: OnceLock<Vec<u32>>,
    subjects: OnceLock<SubjectRanks>,
}

/// The ranks of a text key: the distinct texts in order, and each
/// network's rank among them.
#[derive(Debug, Clone, Default)]
pub(crate) struct TextRanks {
    pub names: Vec<String>,
    pub of: Vec<u32>,
}

/// The ranks of the subjects: the distinct subjects in order, and each
/// network's subjects' ranks, in its order.
#[derive(Debug, Clone, Default)]
pub(crate) struct SubjectRanks {
    pub names: Vec<String>,
    ranks: Vec<u32>,
    at: Vec<u32>,
}

impl SubjectRanks {
    pub(crate) fn of(&self, ni: usize) -> &[u32] {
        let (a, b) = (self.at[ni] as usize, self.at[ni + 1] as usize);
        &self.ranks[a..b]
    }
}

/// Ranks of texts: the distinct values sorted, and each text's rank.
/// Texts repeat (subjects, organisers), so the distinct ones are found
/// first and only those are sorted.
fn rank_texts<'a>(texts: impl Iterator<Item = Option<&'a str>>) -> TextRanks {
    let mut first: crate::FastMap<&str, u32> = Default::default();
    let mut distinct: Vec<&str> = Vec::new();
    let ids: Vec<u32> = texts
        .map(|t| match t {
            None => u32::MAX,
            Some(t) => *first.entry(t).or_insert_with(|| {
                distinct.push(t);
                (distinct.len() - 1) as u32
            }),
        })
        .collect();
    let order = text_order(&distinct);
    let mut rank = vec![0u32; distinct.len()];
    for (r, d) in order.iter().enumerate() {
        rank[*d as usize] = r as u32;
    }
    TextRanks {
        names: order
            .iter()
            .map(|d| distinct[*d as usize].to_string())
            .collect(),
        of: ids
            .into_iter()
            .map(|d| if d == u32::MAX { d } else { rank[d as usize] })
            .collect(),
    }
}

/// The positions of `texts` (all different) in code point order: the
/// inverse of their ranks. Through [`rank_distinct`], so that every
/// ranking shares one sort: each instantiation of a sort is ~4 KB of the
/// widget's WebAssembly module (DESIGN.md "The widget's module size",
/// issue 27).
fn text_order(texts: &[&str]) -> Vec<u32> {
    let rank = rank_distinct(texts.iter().copied());
    let mut order = vec![0u32; rank.len()];
    for (i, r) in (0u32..).zip(&rank) {
        order[*r as usize] = i;
    }
    order
}

/// Ranks of texts that are all different (the ids of networks): their
/// positions once sorted, with no table of distinct values.
pub(super) fn rank_distinct<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<u32> {
    // Sorted by their first 16 bytes as one big-endian integer first (ids
    // are mostly shorter: most comparisons are one instruction, not a
    // string comparison), then by the whole text: the same order as the
    // texts' bytes (a shorter text padded with zeros ties with itself
    // followed by NULs, and the whole text then decides).
    let prefix = |t: &str| {
        let mut b = [0u8; 16];
        let n = t.len().min(16);
        b[..n].copy_from_slice(&t.as_bytes()[..n]);
        u128::from_be_bytes(b)
    };
    let mut sorted: Vec<(u128, &str, u32)> =
        texts.zip(0..).map(|(t, i)| (prefix(t), t, i)).collect();
    sorted.sort_unstable();
    let mut rank = vec![0u32; sorted.len()];
    for (r, (_, _, i)) in sorted.iter().enumerate() {
        rank[*i as usize] = r as u32;
    }
    rank
}

/// Each value's rank among an enum's words in code point order.
fn rank_words<T: Copy + PartialEq>(
    all: &[T],
    word: impl Fn(T) -> &'static str,
    values: impl Iterator<Item = T>,
) -> Vec<u32> {
    let words: Vec<&str> = all.iter().map(|&v| word(v)).collect();
    let mut rank = vec![0u32; all.len()];
    for (r, i) in text_order(&words).into_iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    values
        .map(|v| all.iter().position(|w| *w == v).map_or(0, |i| rank[i]))
        .collect()
}

impl Inventory {
    /// The networks' ids' ranks.
    pub(crate) fn network_ranks(&self) -> &[u32] {
        self.ranks
            .network
            // validated: no two networks have the same id
            .get_or_init(|| rank_distinct(self.data.networks.iter().map(|n| n.id.as_str())))
    }

    /// The organisers' ranks.
    pub(crate) fn organiser_ranks(&self) -> &TextRanks {
        self.ranks
            .organiser
            .get_or_init(|| rank_texts(self.data.networks.iter().map(|n| n.organiser.as_deref())))
    }

    /// The units' ranks.
    pub(crate) fn unit_ranks(&self) -> &TextRanks {
        self.ranks
            .unit
            .get_or_init(|| rank_texts(self.data.networks.iter().map(|n| n.unit.as_deref())))
    }

    /// The kinds' ranks.
    pub(crate) fn kind_ranks(&self) -> &[u32] {
        self.ranks.kind.get_or_init(|| {
            rank_words(
                NetworkKind::ALL,
                NetworkKind::as_str,
                self.data.networks.iter().map(|n| n.kind),
            )
        })
    }

    /// The statuses' ranks.
    pub(crate) fn status_ranks(&self) -> &[u32] {
        self.ranks.status.get_or_init(|| {
            rank_words(
                Status::ALL,
                Status::as_str,
                self.data.networks.iter().map(|n| n.status),
            )
        })
    }

    /// The subjects' ranks.
    pub(crate) fn subject_ranks(&self) -> &SubjectRanks {
        self.ranks.subjects.get_or_init(|| {
            let nets = &self.data.networks;
            let TextRanks { names, of } = rank_texts(
                nets.iter()
                    .flat_map(|n| n.subjects.iter())
                    .map(|s| Some(s.as_str())),
            );
            let mut at = Vec::with_capacity(nets.len() + 1);
            let mut end = 0u32;
            at.push(0);
            for n in nets {
                end += n.subjects.len() as u32;
                at.push(end);
            }
            SubjectRanks {
                names,
                ranks: of,
                at,
            }
        })
    }
}
