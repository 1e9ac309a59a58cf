//! Invariants of reports under transformations of the file (proptest),
//! on the generator of `properties`:
//!
//! - reordering networks, people, units, fee schedules, rates, and the
//!   costs, participants and financing inside each network changes no
//!   report and no equality statistics;
//! - scaling every amount by 10 scales every figure by 10, within the
//!   rounding bounds derived below;
//! - the §5.1 JSON of a report parses back to the same figures, its lines
//!   add up to its total, and each line carries exactly the keys of §5.1.
//!
//! (That a declined network changes no default report is tested in
//! `properties`.)

use std::str::FromStr;

use natverk::{EqualityOptions, GroupKey, Leave, ReportOptions};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;

use crate::properties::{inventory, load};

/// A permutation of `v`, from a seed (xorshift; Fisher–Yates).
fn shuffle(v: &mut [Value], seed: &mut u64) {
    for i in (1..v.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let j = (*seed % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}

fn shuffle_key(v: &mut Value, key: &str, seed: &mut u64) {
    if let Some(a) = v.get_mut(key).and_then(Value::as_array_mut) {
        shuffle(a, seed);
    }
}

fn reordered(v: &Value, seed: u64) -> Value {
    let mut seed = seed | 1;
    let mut w = v.clone();
    for key in [
        "networks",
        "people",
        "units",
        "fee_schedules",
        "exchange_rates",
    ] {
        shuffle_key(&mut w, key, &mut seed);
    }
    for n in w["networks"].as_array_mut().into_iter().flatten() {
        for key in ["costs", "participants", "financing"] {
            shuffle_key(n, key, &mut seed);
        }
    }
    w
}

/// Multiplies the decimal at `v` (a string or a number) by 10.
fn times10(v: &mut Value) {
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return,
    };
    let d = Decimal::from_str(&text).unwrap() * Decimal::TEN;
    *v = Value::String(d.to_string());
}

/// Every amount ×10: costs, tiers, per-capita base/rate/min/max, caps and
/// hourly costs. Exchange rates, shares, probabilities, hours and
/// populations are ratios or counts and stay.
fn scaled(v: &Value) -> Value {
    let mut w = v.clone();
    for p in w["people"].as_array_mut().into_iter().flatten() {
        if let Some(h) = p.get_mut("hourly_cost") {
            times10(h);
        }
    }
    for s in w["fee_schedules"].as_array_mut().into_iter().flatten() {
        for t in s
            .get_mut("tiers")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            times10(&mut t["amount"]);
        }
        if let Some(pc) = s.get_mut("per_capita").and_then(Value::as_object_mut) {
            for (_, x) in pc.iter_mut() {
                times10(x);
            }
        }
    }
    for n in w["networks"].as_array_mut().into_iter().flatten() {
        for c in n["costs"].as_array_mut().into_iter().flatten() {
            if let Some(a) = c.get_mut("amount") {
                times10(a);
            }
        }
        for f in n["financing"].as_array_mut().into_iter().flatten() {
            if let Some(cap) = f.get_mut("max_per_year") {
                times10(cap);
            }
        }
    }
    w
}

const GROUPINGS: &[&[GroupKey]] = &[
    &[GroupKey::Network],
    &[GroupKey::Subject, GroupKey::Year],
    &[GroupKey::Organiser, GroupKey::Unit, GroupKey::Kind],
    &[GroupKey::Status],
    &[],
];

fn options(by: &[GroupKey], from: i32, leave: bool) -> ReportOptions {
    let mut o = ReportOptions::new(from, from + 3);
    o.by = by.to_vec();
    if leave {
        o.leave = Some(Leave::Recommended);
        o.leave_from = Some(from + 1);
    }
    o
}

fn d(v: &Value) -> Decimal {
    Decimal::from_str(
        v.as_str()
            .unwrap_or_else(|| panic!("money is a string: {v}")),
    )
    .unwrap()
}

const MONEY: [&str; 9] = natverk::money::MONEY_FIELDS;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn reports_do_not_depend_on_the_order_in_the_file(
        v in inventory(), seed in any::<u64>(), from in 2016i32..2026, leave in any::<bool>()
    ) {
        let a = load(&v);
        let b = load(&reordered(&v, seed));
        for by in GROUPINGS {
            let o = options(by, from, leave);
            prop_assert_eq!(a.report(&o).unwrap().to_json(), b.report(&o).unwrap().to_json());
        }
        let e = EqualityOptions::new(from, from + 3);
        prop_assert_eq!(a.equality(&e).unwrap().to_json(), b.equality(&e).unwrap().to_json());
    }

    /// Each rounded network-year field is one rounding of an exact sum x:
    /// R1 = x + e1 and R10 = 10x + e2 with |e1|, |e2| ≤ 0.005, so
    /// |R10 − 10·R1| ≤ 0.005 + 10 × 0.005 = 0.055 for fees, time, travel and
    /// other; gross (four of them) ≤ 0.22. granted = round2(min(G, gross)),
    /// min is 1-Lipschitz and G scales exactly: ≤ 0.22 + 0.055 = 0.275.
    /// expected = round2(min(W, gross − granted)): ≤ 0.22 + 0.275 + 0.055 =
    /// 0.55. Amounts are exact before rounding (no binary floats), so the
    /// bounds are strict; and every line of ×1 has its ×10 twin.
    #[test]
    fn scaling_every_amount_by_ten_scales_every_figure(v in inventory(), from in 2016i32..2026) {
        let a = load(&v);
        let b = load(&scaled(&v));
        let o = options(&[GroupKey::Network, GroupKey::Year], from, false);
        let (ra, rb) = (a.report(&o).unwrap(), b.report(&o).unwrap());
        prop_assert_eq!(ra.lines.len(), rb.lines.len());
        let bound = |x: f64| Decimal::from_str(&x.to_string()).unwrap();
        for (la, lb) in ra.lines.iter().zip(&rb.lines) {
            prop_assert_eq!(&la.keys, &lb.keys);
            let (ma, mb) = (la.money, lb.money);
            let checks = [
                (ma.fees, mb.fees, 0.055),
                (ma.time, mb.time, 0.055),
                (ma.travel, mb.travel, 0.055),
                (ma.other, mb.other, 0.055),
                (ma.gross, mb.gross, 0.22),
                (ma.granted, mb.granted, 0.275),
                (ma.expected, mb.expected, 0.55),
            ];
            for (x1, x10, tol) in checks {
                let diff = (x10 - x1 * Decimal::TEN).abs();
                prop_assert!(diff <= bound(tol), "{:?}: ×1 {} ×10 {} diff {}", la.keys, x1, x10, diff);
            }
        }
    }

    #[test]
    fn the_json_report_parses_back_to_the_same_figures(
        v in inventory(), from in 2016i32..2026, g in 0usize..5, leave in any::<bool>()
    ) {
        let inv = load(&v);
        let by = GROUPINGS[g];
        let r = inv.report(&options(by, from, leave)).unwrap();
        let j: Value = serde_json::from_str(&r.to_json()).unwrap();
        let lines = j["lines"].as_array().unwrap();
        prop_assert_eq!(lines.len(), r.lines.len());
        for (jl, l) in lines.iter().zip(&r.lines) {
            // exactly the keys of §5.1: group keys, name with network, nine money fields
            let mut want: Vec<&str> = by.iter().map(|k| k.as_str()).collect();
            if by.contains(&GroupKey::Network) {
                want.push("name");
            }
            want.extend(MONEY);
            let mut got: Vec<&str> = jl.as_object().unwrap().keys().map(String::as_str).collect();
            want.sort_unstable();
            got.sort_unstable();
            prop_assert_eq!(got, want);
            // the same figures as the typed line, with exactly two decimals
            for (k, x) in l.money.fields() {
                let s = jl[k].as_str().unwrap();
                prop_assert_eq!(s.split('.').nth(1).map(str::len), Some(2), "{}", s);
                prop_assert_eq!(d(&jl[k]), x);
            }
            // derived fields follow from the four costs and the financing
            let gross = d(&jl["fees"]) + d(&jl["time"]) + d(&jl["travel"]) + d(&jl["other"]);
            prop_assert_eq!(d(&jl["gross"]), gross);
            prop_assert_eq!(d(&jl["net"]), gross - d(&jl["granted"]));
            prop_assert_eq!(d(&jl["expected_net"]), d(&jl["net"]) - d(&jl["expected"]));
        }
        // the total, recomputed from the parsed lines
        for k in MONEY {
            let sum: Decimal = lines.iter().map(|l| d(&l[k])).sum();
            prop_assert_eq!(sum, d(&j["total"][k]), "{}", k);
        }
        prop_assert_eq!(j.get("savings").is_some(), leave);
    }
}
