//! Changing one network of a validated inventory without validating the
//! other networks again (issue 26: an edit of one network of 50 000 must
//! cost less than validating the file).
//!
//! Every rule of validation (`crate::validate`) that a network is judged
//! by reads that network alone and the lists it refers to: the
//! organisation (its currency and population), units, people, fee
//! schedules and exchange rates, which an edit of the networks leaves as
//! they are. One rule reads several networks: a network's id is unique
//! among them (no other rule, nor any reference, names a network). So:
//!
//! - a network put into a valid inventory is checked alone, by the same
//!   walk and whole-file rules as [`Inventory::new`], beside the other
//!   lists' ids, and its id against the other networks' ids;
//! - a network taken out of a valid inventory breaks no rule.
//!
//! When the network has a problem, the whole new inventory is validated
//! by [`Inventory::new`], so the findings (paths, order, limit) are
//! exactly the whole's. The index is built as `Inventory::new` builds it,
//! from the other lists' ids (unchanged) and the networks' ids.
//! `tests/edit.rs` checks on generated inventories that each result equals
//! `Inventory::new`'s: data, index (reports, positions) and findings.

use super::{json_size, Index, Inventory, Ranks};
use crate::error::Error;
use crate::model::{FeeSchedule, InventoryData, Network, Rate};
use crate::validate::{self, Ids, Validator, NETWORKS};

impl Inventory {
    /// A new inventory with `net` in place of the network at `at`, or
    /// added at the end (`at` is `None` or past the end): the same result
    /// as [`Inventory::new`] of that data, findings included, but only
    /// `net` is validated (its rules, its references to this inventory's
    /// units, people and fee schedules, the rates and population its costs
    /// need, its id against the other networks'); the other networks were
    /// validated already.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] with every error of the new inventory, at its
    /// paths (`networks[i]…`).
    ///
    /// # Example
    ///
    /// ```
    /// use natverk::{Inventory, NaiveDate, Network};
    ///
    /// let inv = Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"},
    ///   "networks": [{"id": "a", "name": "A", "start": "2024-03-01"}]}"#)?;
    /// let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    /// let two = inv.with_network(None, Network::new("b", "B", start))?;
    /// assert_eq!(two.network_position("b"), Some(1));
    /// let err = inv.with_network(None, Network::new("a", "A again", start)).unwrap_err();
    /// assert_eq!(err.findings()[0].path, "networks[1].id");
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn with_network(&self, at: Option<usize>, net: Network) -> Result<Inventory, Error> {
        let at = at.filter(|&i| i < self.data.networks.len());
        let fits = self.fits(at, &net);
        let same_id = at.is_some_and(|i| self.data.networks[i].id == net.id);
        let mut data = self.data.clone();
        match at {
            Some(i) => data.networks[i] = net,
            None => data.networks.push(net),
        }
        if !fits {
            return Inventory::new(data);
        }
        let networks = match at {
            Some(_) if same_id => self.ix.ids[NETWORKS as usize].clone(),
            Some(_) => network_ids(&data),
            None => {
                let mut ids = self.ix.ids[NETWORKS as usize].clone();
                let added = data.networks.last().map_or("", |n| n.id.as_str());
                ids.insert(added);
                ids
            }
        };
        Ok(self.rebuilt(data, networks))
    }

    /// A new inventory without the network at `at` (unchanged when there
    /// is none); the same result as [`Inventory::new`] of that data, which
    /// is always valid.
    pub(crate) fn without_network_checked(&self, at: usize) -> Inventory {
        if at >= self.data.networks.len() {
            return self.clone();
        }
        let mut data = self.data.clone();
        data.networks.remove(at);
        let networks = network_ids(&data);
        self.rebuilt(data, networks)
    }

    /// Whether `net`, at `at` (`None`: added), passes every rule: its own
    /// and its references (as the walk of [`Inventory::new`] judges them,
    /// beside this inventory's other lists), and its id is no other
    /// network's.
    fn fits(&self, at: Option<usize>, net: &Network) -> bool {
        match self.ix.ids[NETWORKS as usize].get(&net.id) {
            Some(i) if Some(i as usize) != at => return false,
            _ => {}
        }
        let mut v = Validator::default();
        for set in 0..NETWORKS as usize {
            v.ids[set] = self.ix.ids[set].clone();
        }
        v.push_key("networks");
        validate::walk_items(std::slice::from_ref(net), &mut v);
        v.pop();
        let d = &self.data;
        let schedules: Vec<&FeeSchedule> = d.fee_schedules.iter().collect();
        let rates: Vec<&Rate> = d.exchange_rates.iter().collect();
        v.finish_file(Some(&d.organisation), &schedules, &rates);
        !v.has_errors()
    }

    /// An inventory of `data` (valid), with the ids of this one's units,
    /// people and fee schedules (unchanged) and `networks`.
    fn rebuilt(&self, data: InventoryData, networks: Ids) -> Inventory {
        let ids = [
            self.ix.ids[0].clone(),
            self.ix.ids[1].clone(),
            self.ix.ids[2].clone(),
            networks,
        ];
        let size = json_size(&data);
        Inventory {
            ix: Index::build(&data, ids),
            data,
            ranks: Ranks::default(),
            size,
        }
    }
}

/// The networks' ids, in order (they are unique: the data is valid).
fn network_ids(data: &InventoryData) -> Ids {
    let mut ids = Ids::default();
    let bytes = data.networks.iter().map(|n| n.id.len()).sum();
    ids.reserve(data.networks.len(), bytes);
    for n in &data.networks {
        ids.insert(&n.id);
    }
    ids
}
