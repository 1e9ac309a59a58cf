//! The public file (SPEC §13) on generated inventories (proptest): every
//! report of `public(x)` — any years, scope, grouping, statuses and leave —
//! equals the report of `x`, and so do the equality statistics' seats,
//! persons and per-network counts; no name, hourly cost or hours is left.

use natverk::{EqualityOptions, GroupKey, Inventory, Leave, ReportOptions, Scope, Status};
use proptest::prelude::*;
use serde_json::{json, Value};

use crate::properties::inventory;

/// A generated inventory with names, varied hourly costs (some with
/// decimals, some absent), hours with decimals and costs of kind `time`.
fn private() -> impl Strategy<Value = Value> {
    (
        inventory(),
        prop::collection::vec(prop::option::of((1u64..200_000, 0u32..3)), 4),
        prop::collection::vec((0u32..2_000, 0u32..100), 32),
        prop::collection::vec((0u64..100_000, any::<bool>()), 0..4),
    )
        .prop_map(|(mut v, rates, hours, time_costs)| {
            for (i, p) in v["people"].as_array_mut().unwrap().iter_mut().enumerate() {
                p["name"] = json!(format!("Förnamn{i} Efternamn{i}"));
                p["id"] = json!(format!("anställd-{i}"));
                match rates[i] {
                    Some((r, dp)) => {
                        p["hourly_cost"] =
                            json!(rust_decimal::Decimal::new(r as i64, dp).to_string())
                    }
                    None => {
                        p.as_object_mut().unwrap().remove("hourly_cost");
                    }
                }
            }
            let mut k = 0;
            for n in v["networks"].as_array_mut().unwrap() {
                for p in n["participants"].as_array_mut().unwrap() {
                    let id = p["person"].as_str().unwrap().replace('p', "anställd-");
                    p["person"] = json!(id);
                    if p.get("hours_per_year").is_some() {
                        let (h, frac) = hours[k % hours.len()];
                        p["hours_per_year"] = json!(format!("{h}.{frac:02}"));
                        k += 1;
                    }
                }
            }
            if let Some(n) = v["networks"].as_array_mut().unwrap().first_mut() {
                for (a, prorate) in &time_costs {
                    n["costs"]
                        .as_array_mut()
                        .unwrap()
                        .push(json!({"kind": "time", "amount": a.to_string(), "prorate": prorate}));
                }
            }
            v
        })
}

const GROUPINGS: &[&[GroupKey]] = &[
    &[GroupKey::Network],
    &[GroupKey::Network, GroupKey::Year],
    &[GroupKey::Subject, GroupKey::Year],
    &[GroupKey::Organiser, GroupKey::Unit, GroupKey::Kind],
    &[GroupKey::Status],
    &[],
];

#[derive(Debug, Clone)]
struct Opts {
    from: i32,
    span: i32,
    central: bool,
    statuses: Option<Vec<Status>>,
    leave: Option<(Option<Vec<usize>>, i32)>,
}

fn opts() -> impl Strategy<Value = Opts> {
    (
        2013i32..2030,
        0i32..5,
        any::<bool>(),
        prop::option::of(prop::sample::subsequence(
            vec![
                Status::Proposed,
                Status::Applied,
                Status::Active,
                Status::Dormant,
                Status::Ended,
                Status::Declined,
            ],
            1..=6,
        )),
        prop::option::of((
            prop::option::of(prop::collection::vec(0usize..8, 1..4)),
            -1i32..4,
        )),
    )
        .prop_map(|(from, span, central, statuses, leave)| Opts {
            from,
            span,
            central,
            statuses,
            leave,
        })
}

fn report_options(o: &Opts, by: &[GroupKey], networks: usize) -> Option<ReportOptions> {
    let mut r = ReportOptions::new(o.from, o.from + o.span);
    r.by = by.to_vec();
    if o.central {
        r.scope = Scope::Central;
    }
    r.statuses = o.statuses.clone();
    if let Some((ids, lf)) = &o.leave {
        r.leave = Some(match ids {
            None => Leave::Recommended,
            Some(ids) => {
                let ids: Vec<String> = ids
                    .iter()
                    .filter(|i| **i < networks)
                    .map(|i| format!("n{i}"))
                    .collect();
                if ids.is_empty() {
                    return None;
                }
                Leave::Networks(ids)
            }
        });
        r.leave_from = Some(o.from + lf);
    }
    Some(r)
}

/// The values of every string and number in a JSON text, and its keys.
fn words(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Number(n) => out.push(n.to_string()),
        Value::Array(a) => a.iter().for_each(|x| words(x, out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| {
            out.push(k.clone());
            words(x, out)
        }),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_public_file_reports_as_the_inventory_and_holds_no_personal_data(v in private(), o in opts()) {
        let inv = Inventory::from_json(&v.to_string()).unwrap_or_else(|e| panic!("{e}"));
        let public = inv.public().unwrap();
        // it is a valid natverk/1 file of its own
        let text = public.to_json();
        let again = Inventory::from_json(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        prop_assert_eq!(&again, &public);

        let networks = inv.networks().len();
        for by in GROUPINGS {
            let Some(r) = report_options(&o, by, networks) else { continue };
            match (inv.report(&r), public.report(&r)) {
                (Ok(a), Ok(b)) => prop_assert_eq!(a.to_json(), b.to_json()),
                (Err(a), Err(b)) => prop_assert_eq!(
                    a.findings().iter().map(|f| f.code).collect::<Vec<_>>(),
                    b.findings().iter().map(|f| f.code).collect::<Vec<_>>()
                ),
                (a, b) => prop_assert!(false, "{:?} against {:?}", a.map(|r| r.to_json()), b.map(|r| r.to_json())),
            }
        }
        let mut e = EqualityOptions::new(o.from, o.from + o.span);
        if o.central {
            e.scope = Scope::Central;
        }
        e.statuses = o.statuses.clone();
        let (a, b) = (inv.equality(&e).unwrap(), public.equality(&e).unwrap());
        prop_assert_eq!(a.seats, b.seats);
        prop_assert_eq!(a.persons, b.persons);
        prop_assert_eq!(a.seats_by_role, b.seats_by_role);
        prop_assert_eq!(a.persons_by_role, b.persons_by_role);
        prop_assert_eq!(a.seats_by_side, b.seats_by_side);
        prop_assert_eq!(a.persons_by_side, b.persons_by_side);
        prop_assert_eq!(a.networks, b.networks);

        // no name, no hourly cost, no hours, no original person id
        let doc: Value = serde_json::from_str(&text).unwrap();
        let mut found = Vec::new();
        words(&doc, &mut found);
        for key in ["hourly_cost", "hours_per_year"] {
            prop_assert!(!found.iter().any(|w| w == key), "{key} in {text}");
        }
        for p in &inv.data().people {
            if let Some(name) = &p.name {
                prop_assert!(!text.contains(name.as_str()), "{name} in {text}");
            }
            prop_assert!(!found.contains(&p.id), "person id {} in {text}", p.id);
        }
        for (i, p) in public.data().people.iter().enumerate() {
            prop_assert_eq!(&p.id, &format!("p{}", i + 1));
            prop_assert!(p.name.is_none() && p.hourly_cost.is_none());
        }
        for n in &public.data().networks {
            prop_assert!(n.participants.iter().all(|p| p.hours_per_year.is_none()));
        }
    }
}
