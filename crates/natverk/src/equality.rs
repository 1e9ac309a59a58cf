//! Gender-equality statistics of who represents the organisation (SPEC §7).

use std::collections::{BTreeMap, HashSet};

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::cost::{self, Filter};
use crate::error::Error;
use crate::inventory::Inventory;
use crate::model::{Gender, Network, Role, Side};
use crate::money::{self, add, mul, Overflow};
use crate::options::{default_statuses, EqualityOptions, Scope};

/// Counts by gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct Counts {
    /// Women.
    pub woman: u64,
    /// Men.
    pub man: u64,
    /// Other.
    pub other: u64,
    /// Gender not given.
    pub unknown: u64,
}

impl Counts {
    fn add(&mut self, g: Option<Gender>) {
        match g {
            Some(Gender::Woman) => self.woman += 1,
            Some(Gender::Man) => self.man += 1,
            Some(Gender::Other) => self.other += 1,
            None => self.unknown += 1,
        }
    }
}

/// Whether w women and m men are balanced (SPEC §6 `gender_imbalance`):
/// `None` when w + m < 2; else not |w − m| > max(1, 0.2 × (w + m)).
pub fn balanced(w: u64, m: u64) -> Option<bool> {
    let n = w + m;
    if n < 2 {
        return None;
    }
    // |w − m| > max(1, n/5)  ⇔  5|w − m| > max(5, n), in integers.
    Some(5 * w.abs_diff(m) <= n.max(5))
}

/// Sums by gender, exact; written rounded to two decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Amounts {
    /// Women.
    pub woman: Decimal,
    /// Men.
    pub man: Decimal,
    /// Other.
    pub other: Decimal,
    /// Gender not given.
    pub unknown: Decimal,
}

impl Amounts {
    fn add(&mut self, g: Option<Gender>, v: Decimal) -> Result<(), Overflow> {
        let slot = match g {
            Some(Gender::Woman) => &mut self.woman,
            Some(Gender::Man) => &mut self.man,
            Some(Gender::Other) => &mut self.other,
            None => &mut self.unknown,
        };
        *slot = add(*slot, v)?;
        Ok(())
    }
}

impl Amounts {
    /// Sums kept in twelfths (hours × months) as amounts: each divided by
    /// 12 and rounded to the cent.
    fn twelfth(&self) -> Result<Amounts, Overflow> {
        // Rounded once, here, exactly (SPEC §7): the sums in twelfths
        // divided by 12 to the cent.
        let d = |v: Decimal| money::from_cents(money::cents_over(v, 12)?);
        Ok(Amounts {
            woman: d(self.woman)?,
            man: d(self.man)?,
            other: d(self.other)?,
            unknown: d(self.unknown)?,
        })
    }
}

impl Serialize for Amounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("woman", &money::Two(self.woman))?;
        m.serialize_entry("man", &money::Two(self.man))?;
        m.serialize_entry("other", &money::Two(self.other))?;
        m.serialize_entry("unknown", &money::Two(self.unknown))?;
        m.end()
    }
}

/// Counts by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct ByRole {
    /// Politicians.
    pub politician: Counts,
    /// Officials.
    pub official: Counts,
}

/// Counts of politicians by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct BySide {
    /// The majority.
    pub majority: Counts,
    /// The opposition.
    pub opposition: Counts,
}

/// One network's composition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NetworkCounts {
    /// Network id.
    pub network: String,
    /// Network name.
    pub name: String,
    /// Women.
    pub woman: u64,
    /// Men.
    pub man: u64,
    /// Other.
    pub other: u64,
    /// Gender not given.
    pub unknown: u64,
    /// Balanced (40–60 %), `None` with fewer than two women and men.
    pub balanced: Option<bool>,
}

/// Equality statistics (SPEC §7.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Equality {
    /// Organisation name.
    pub organisation: String,
    /// Organisation currency.
    pub currency: String,
    /// First year.
    pub from: i32,
    /// Last year.
    pub to: i32,
    /// Scope.
    pub scope: Scope,
    /// Participant entries by gender.
    pub seats: Counts,
    /// Distinct people by gender.
    pub persons: Counts,
    /// Seats by role.
    pub seats_by_role: ByRole,
    /// Persons by role.
    pub persons_by_role: ByRole,
    /// Seats of politicians by side.
    pub seats_by_side: BySide,
    /// Politicians by side.
    pub persons_by_side: BySide,
    /// Hours over the network-years, by gender.
    pub hours: Amounts,
    /// Cost of those hours, by gender.
    pub time_cost: Amounts,
    /// Per network, sorted by id.
    pub networks: Vec<NetworkCounts>,
}

impl Equality {
    /// SPEC §7.1 JSON, pretty-printed.
    pub fn to_json(&self) -> String {
        crate::write_json::pretty(self)
    }
    /// SPEC §7.1 JSON on one line, for machines (the bindings).
    pub fn to_json_compact(&self) -> String {
        crate::write_json::compact(self)
    }
}

/// Computes the equality statistics (SPEC §7).
pub(crate) fn equality(inv: &Inventory, opts: &EqualityOptions) -> Result<Equality, Error> {
    opts.validate()?;
    let statuses = opts.statuses.clone().unwrap_or_else(default_statuses);
    let filter = Filter {
        central_only: opts.scope == Scope::Central,
        statuses: &statuses,
    };
    let nets: Vec<(usize, &Network)> = inv
        .networks()
        .iter()
        .enumerate()
        .filter(|(i, n)| filter.admits(inv, *i, n) && cost::has_years(n, opts.from, opts.to))
        .collect();
    let mut e = Equality {
        organisation: inv.organisation().name.clone(),
        currency: inv.organisation().currency.clone(),
        from: opts.from,
        to: opts.to,
        scope: opts.scope,
        seats: Counts::default(),
        persons: Counts::default(),
        seats_by_role: ByRole::default(),
        persons_by_role: ByRole::default(),
        seats_by_side: BySide::default(),
        persons_by_side: BySide::default(),
        hours: Amounts::default(),
        time_cost: Amounts::default(),
        networks: Vec::with_capacity(nets.len()),
    };
    let mut people = HashSet::new();
    let mut per_net = BTreeMap::new();
    let people_data = &inv.data().people;
    for (ni, n) in nets {
        // The months the network runs in the years of range: hours are a
        // yearly rate, counted by months as staff time is (SPEC §4, §7).
        let months: i64 = cost::network_years(n, n.end, opts.from, opts.to)
            .map(|y| cost::prorate_months(n.start, n.end, y))
            .sum();
        let months = Decimal::from(months);
        let mut c = Counts::default();
        let pix = &inv.ix().participants[inv.ix().networks[ni].participants.clone()];
        for (p, px) in n.participants.iter().zip(pix) {
            let person = &people_data[px.person as usize];
            let g = person.gender;
            c.add(g);
            e.seats.add(g);
            let first = people.insert(person.id.as_str());
            if first {
                e.persons.add(g);
            }
            let (seats_role, persons_role) = match person.role {
                Role::Politician => (
                    &mut e.seats_by_role.politician,
                    &mut e.persons_by_role.politician,
                ),
                Role::Official => (
                    &mut e.seats_by_role.official,
                    &mut e.persons_by_role.official,
                ),
            };
            seats_role.add(g);
            if first {
                persons_role.add(g);
            }
            if let Some(side) = person.side.filter(|_| person.role == Role::Politician) {
                let (s, ps) = match side {
                    Side::Majority => (
                        &mut e.seats_by_side.majority,
                        &mut e.persons_by_side.majority,
                    ),
                    Side::Opposition => (
                        &mut e.seats_by_side.opposition,
                        &mut e.persons_by_side.opposition,
                    ),
                };
                s.add(g);
                if first {
                    ps.add(g);
                }
            }
            if let Some(h) = p.hours_per_year {
                // In twelfths: hours × months, divided by 12 once at the end.
                let hours = mul(h, months)?;
                e.hours.add(g, hours)?;
                if let Some(cost) = person.hourly_cost {
                    e.time_cost.add(g, mul(hours, cost)?)?;
                }
            }
        }
        per_net.insert(
            n.id.as_str(),
            NetworkCounts {
                network: n.id.clone(),
                name: n.name.clone(),
                woman: c.woman,
                man: c.man,
                other: c.other,
                unknown: c.unknown,
                balanced: balanced(c.woman, c.man),
            },
        );
    }
    e.networks = per_net.into_values().collect();
    e.hours = e.hours.twelfth()?;
    e.time_cost = e.time_cost.twelfth()?;
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::balanced;

    #[test]
    fn balance_rule() {
        assert_eq!(balanced(1, 0), None);
        assert_eq!(balanced(1, 1), Some(true));
        assert_eq!(balanced(2, 0), Some(false));
        assert_eq!(balanced(3, 1), Some(false));
        assert_eq!(balanced(2, 1), Some(true));
        assert_eq!(balanced(6, 4), Some(true));
        assert_eq!(balanced(7, 3), Some(false));
        assert_eq!(balanced(12, 8), Some(true));
        assert_eq!(balanced(13, 7), Some(false));
        assert_eq!(balanced(14, 6), Some(false));
    }
}
