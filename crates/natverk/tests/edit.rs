//! A per-network edit (`Inventory::with_network_json`,
//! `Inventory::without_network_at`) checks only the network it puts in
//! (`src/inventory/edit.rs`): its result must equal validating the whole
//! new inventory with `Inventory::new`, data, index and findings alike.

use natverk::{EqualityOptions, Error, GroupKey, Inventory, InventoryData, ReportOptions};
use proptest::prelude::*;
use serde_json::{json, Value};

use crate::properties::{inventory, load, network};

/// One way to spoil a network (0: none), each breaking a rule that reads
/// the network alone, its references or the other networks.
fn spoil(n: &mut Value, how: u8, other: Option<&str>) {
    match how {
        1 => {
            if let Some(id) = other {
                n["id"] = json!(id); // another network's id
            }
        }
        2 => n["unit"] = json!("no-such-unit"),
        3 => {
            if let Some(p) = n["participants"].as_array_mut() {
                p.push(json!({"person": "no-such-person"}));
            }
        }
        4 => n["end"] = json!("2000-01-01"), // before its start
        5 => {
            if let Some(c) = n["costs"].as_array_mut() {
                c.push(json!({"kind": "fee", "amount": "10", "currency": "USD"}));
                // no rate
            }
        }
        6 => {
            if let Some(c) = n["costs"].as_array_mut() {
                c.push(json!({"kind": "fee", "schedule": "no-such-schedule"}));
            }
        }
        7 => n["name"] = json!(""),
        8 => {
            if let Some(p) = n["participants"].as_array_mut() {
                if let Some(first) = p.first().cloned() {
                    p.push(first); // the same person twice
                }
            }
        }
        9 => {
            if let Some(f) = n["financing"].as_array_mut() {
                f.push(json!({"funder": "F", "status": "granted", "share": "1.5"}));
            }
        }
        _ => {}
    }
}

/// The same inventory, or the same findings.
fn same(
    edit: Result<Inventory, Error>,
    whole: Result<Inventory, Error>,
) -> Result<(), TestCaseError> {
    match (edit, whole) {
        (Ok(a), Ok(b)) => {
            prop_assert_eq!(a.data(), b.data());
            // the size SPEC §9 scales work by: estimated from the data, as
            // for data built in code (a file's own size is not known)
            prop_assert_eq!(
                a.size(),
                Inventory::new(b.data().clone())
                    .map(|x| x.size())
                    .ok()
                    .unwrap_or(0)
            );
            for (i, n) in b.networks().iter().enumerate() {
                prop_assert_eq!(a.network_position(&n.id), Some(i));
                prop_assert_eq!(a.network(&n.id).map(|x| &x.id), Some(&n.id));
            }
            prop_assert_eq!(a.network_position("no-such-network"), None);
            // the index: units' centrality, staff time, schedules, rates,
            // people (every status, by network and by unit)
            let mut o = ReportOptions::new(2015, 2030);
            o.statuses = Some(natverk::Status::ALL.to_vec());
            for by in [
                vec![GroupKey::Network],
                vec![GroupKey::Unit, GroupKey::Year],
            ] {
                o.by = by;
                let (ra, rb) = (a.report(&o), b.report(&o));
                prop_assert_eq!(ra.map(|r| r.to_json()).ok(), rb.map(|r| r.to_json()).ok());
            }
            let e = EqualityOptions::new(2015, 2030);
            prop_assert_eq!(
                a.equality(&e).map(|r| r.to_json()).ok(),
                b.equality(&e).map(|r| r.to_json()).ok()
            );
            let today = natverk::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default();
            prop_assert_eq!(a.warnings(today).to_json(), b.warnings(today).to_json());
        }
        (Err(a), Err(b)) => prop_assert_eq!(a.to_json(), b.to_json()),
        (a, b) => prop_assert!(
            false,
            "the edit gave {:?}, the whole {:?}",
            a.map(|_| "an inventory"),
            b.map(|_| "an inventory")
        ),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_changed_or_added_network_is_judged_as_the_whole(
        v in inventory(),
        n in network(),
        at in prop::option::of(0usize..10),
        id in 0usize..12,
        how in 0u8..12,
    ) {
        let inv = load(&v);
        let mut n = n;
        n["id"] = json!(format!("n{id}"));
        let other = inv.networks().iter().map(|x| x.id.as_str()).find(|x| *x != format!("n{id}"));
        spoil(&mut n, how, other);
        let at = at.filter(|&i| i < inv.networks().len());
        let edit = inv.with_network_json(at, n.to_string().as_bytes());
        let mut w = v.clone();
        let list = w["networks"].as_array_mut().unwrap();
        match at {
            Some(i) => list[i] = n,
            None => list.push(n),
        }
        let whole = Inventory::from_json(&w.to_string());
        // the same as loading the new file, and as validating its data
        if let Ok(b) = &whole {
            prop_assert!(Inventory::new(b.data().clone()).is_ok());
        }
        same(edit, whole)?;
        // the network as data (`with_network`): the same as `Inventory::new`
        let data: InventoryData = serde_json::from_value(w).unwrap();
        let net = data.networks[at.unwrap_or(data.networks.len() - 1)].clone();
        same(inv.with_network(at, net), Inventory::new(data))?;
    }

    #[test]
    fn a_network_taken_out_leaves_what_the_whole_gives(v in inventory(), at in 0usize..10) {
        let inv = load(&v);
        let edit = inv.without_network_at(at);
        let mut data = inv.data().clone();
        if at < data.networks.len() {
            data.networks.remove(at);
            same(edit, Inventory::new(data))?;
        } else {
            // nothing taken out: the same inventory, its size the file's
            let same_inv = edit.unwrap();
            prop_assert_eq!(same_inv.size(), inv.size());
            prop_assert_eq!(same_inv, inv);
        }
    }
}

/// A network whose id another has, put in place of a third, and a network
/// added under an id already taken: the whole's findings, at the whole's
/// paths.
#[test]
fn a_second_id_is_found_at_its_path() {
    let v = json!({"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"},
        "networks": [{"id": "a", "name": "A", "start": "2024-01-01"},
                     {"id": "b", "name": "B", "start": "2024-01-01"}]});
    let inv = load(&v);
    let e = inv
        .with_network_json(
            Some(1),
            br#"{"id": "a", "name": "B", "start": "2024-01-01"}"#,
        )
        .unwrap_err();
    assert_eq!(e.findings()[0].path, "networks[1].id");
    let e = inv
        .with_network_json(None, br#"{"id": "b", "name": "C", "start": "2024-01-01"}"#)
        .unwrap_err();
    assert_eq!(e.findings()[0].path, "networks[2].id");
    // the same id in its own place is no second id
    let same = inv
        .with_network_json(
            Some(1),
            br#"{"id": "b", "name": "B2", "start": "2024-01-01"}"#,
        )
        .unwrap();
    assert_eq!(same.network("b").unwrap().name, "B2");
    assert_eq!(same.network_position("a"), Some(0));
    // a renamed network is found by its new id only
    let renamed = inv
        .with_network_json(
            Some(0),
            br#"{"id": "c", "name": "C", "start": "2024-01-01"}"#,
        )
        .unwrap();
    assert_eq!(renamed.network_position("c"), Some(0));
    assert_eq!(renamed.network_position("a"), None);
    let fewer = renamed.without_network_at(0).unwrap();
    assert_eq!(fewer.network_position("b"), Some(0));
    assert_eq!(fewer.network_position("c"), None);
}
