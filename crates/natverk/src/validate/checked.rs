//! The walk's side of the declaration: which fields of an object built in
//! code passed their rules.

/// Which fields of an object built in code passed their rules: the walk's
/// counterpart of the loader's [`Slot`]s, so an object's rules see a bad
/// value as the loader does (as no value).
pub(crate) struct Checked {
    keys: &'static [&'static str],
    bad: u64,
}

impl Checked {
    pub(crate) fn new(keys: &'static [&'static str]) -> Checked {
        Checked { keys, bad: 0 }
    }
    pub(crate) fn record(&mut self, key: &str, bad: bool) {
        if let Some(i) = self.keys.iter().position(|k| *k == key) {
            if bad {
                self.bad |= 1 << i;
            }
        }
    }
    /// Whether the field passed its rules.
    pub(crate) fn ok(&self, key: &str) -> bool {
        self.keys
            .iter()
            .position(|k| *k == key)
            .is_none_or(|i| self.bad & (1 << i) == 0)
    }
}
