//! The public file (SPEC §13): what a public web page may show of an
//! inventory. No person names, no hourly costs, no hours; person ids made
//! opaque; each network's staff time turned into costs of kind `time` that
//! give every report exactly the figures of the inventory.

use crate::finding::{Code, Finding, Findings, Path};
use crate::model::{Cost, CostKind, InventoryData};
use crate::money::mul;
use crate::present::messages as m;
use crate::present::Message;
use crate::{Error, FastMap, Inventory};

/// The public file of `inv` (see [`Inventory::public`]).
pub(crate) fn public(inv: &Inventory) -> Result<Inventory, Error> {
    Inventory::new(public_data(inv)?)
}

/// The public file's data: valid, as it comes from a valid inventory.
pub(crate) fn public_data(inv: &Inventory) -> Result<InventoryData, Error> {
    let data = inv.data();
    // p1, p2, … in the order the people stand in the file (their first
    // appearance: the list of people comes before the networks).
    let ids: FastMap<&str, String> = data
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), format!("p{}", i + 1)))
        .collect();
    let hourly: FastMap<&str, rust_decimal::Decimal> = data
        .people
        .iter()
        .filter_map(|p| p.hourly_cost.map(|c| (p.id.as_str(), c)))
        .collect();

    let mut out = InventoryData::new(data.organisation.clone());
    out.units = data.units.clone();
    out.fee_schedules = data.fee_schedules.clone();
    out.exchange_rates = data.exchange_rates.clone();
    out.people = data
        .people
        .iter()
        .map(|p| {
            let mut q = p.clone();
            q.id = ids[p.id.as_str()].clone();
            q.name = None;
            q.hourly_cost = None;
            q
        })
        .collect();

    let mut problems = Vec::new();
    out.networks = Vec::with_capacity(data.networks.len());
    for (ni, n) in data.networks.iter().enumerate() {
        let mut q = n.clone();
        q.participants.clear();
        let mut time = Vec::new();
        for (pi, p) in n.participants.iter().enumerate() {
            // Staff time as one prorated yearly cost per costed participant:
            // hours × hourly cost a year, counted by the months the network
            // runs in its first and last year (its own end or the one
            // `leave` gives it), exactly as the ledger counts hours (SPEC §4).
            if let (Some(h), Some(rate)) = (p.hours_per_year, hourly.get(p.person.as_str())) {
                match mul(h, *rate) {
                    Ok(amount) => time.push(amount),
                    Err(_) => problems.push(Finding::new(
                        Code::Overflow,
                        Path::root()
                            .key("networks")
                            .index(ni)
                            .key("participants")
                            .index(pi)
                            .key("hours_per_year"),
                        Message::new(&m::SUM_OVERFLOW),
                    )),
                }
            }
            let mut seat = p.clone();
            seat.person = ids
                .get(p.person.as_str())
                .cloned()
                .unwrap_or_else(|| p.person.clone());
            seat.hours_per_year = None;
            q.participants.push(seat);
        }
        // Sorted by amount, not in the order of the seats, so a cost cannot
        // be paired with a seat (and its person's gender, side and party)
        // by its position. The order changes no figure: the sums are exact.
        time.sort_unstable();
        q.costs.extend(time.into_iter().map(|amount| {
            let mut c = Cost::yearly(CostKind::Time, amount);
            c.prorate = true;
            c
        }));
        out.networks.push(q);
    }
    if !problems.is_empty() {
        return Err(Error::Report(Findings::new(problems)));
    }
    Ok(out)
}
