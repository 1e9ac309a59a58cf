//! A report computed in parts on threads (the core's `parallel` feature,
//! on here as in the command line) is the report computed in one pass:
//! the report of an inventory large enough to be split equals the reports
//! of its two halves put together (each half is too small to be split).

use std::collections::BTreeMap;

use natverk::{Decimal, GroupKey, Inventory, Leave, Report, ReportOptions};
use natverk_bench::{generate_vec, Params};

/// The six fields a report sums (the others are derived from them per
/// line), by each line's keys.
type Sums = BTreeMap<String, [Decimal; 6]>;

fn sums(r: &Report, into: &mut Sums) {
    for l in &r.lines {
        let m = &l.money;
        let e = into
            .entry(format!("{:?}", l.keys))
            .or_insert([Decimal::ZERO; 6]);
        for (a, b) in e
            .iter_mut()
            .zip([m.fees, m.time, m.travel, m.other, m.granted, m.expected])
        {
            *a += b;
        }
    }
}

fn halves(inv: &Inventory) -> (Inventory, Inventory) {
    let mut first = inv.data().clone();
    let second_networks = first.networks.split_off(first.networks.len() / 2);
    let mut second = inv.data().clone();
    second.networks = second_networks;
    (
        Inventory::new(first).expect("first half valid"),
        Inventory::new(second).expect("second half valid"),
    )
}

fn by_keys(lines: &[natverk::Line]) -> Vec<natverk::Line> {
    let mut v = lines.to_vec();
    v.sort_by_key(|l| format!("{:?}", l.keys));
    v
}

/// The generator's inventory of 6 000 networks: large enough to be split
/// in parts (each half of it is not).
fn generated(seed: u64) -> Inventory {
    let text = generate_vec(&Params {
        seed,
        networks: 6000,
    });
    Inventory::from_slice(&text).expect("generated inventory loads")
}

#[test]
fn a_report_in_parts_is_the_report_in_one_pass() {
    let inv = generated(7);
    let (a, b) = halves(&inv);
    let groupings: &[&[GroupKey]] = &[
        &[GroupKey::Network],
        &[GroupKey::Subject, GroupKey::Year],
        &[GroupKey::Organiser],
        &[GroupKey::Unit, GroupKey::Status],
        &[],
    ];
    let mut compared = 0;
    for by in groupings {
        for leave in [None, Some(Leave::Recommended)] {
            let mut o = ReportOptions::new(2018, 2026);
            o.by = by.to_vec();
            o.leave = leave.clone();
            let whole = inv.report(&o).expect("report");
            let (ra, rb) = (a.report(&o).expect("report"), b.report(&o).expect("report"));
            let mut parts = Sums::new();
            sums(&ra, &mut parts);
            sums(&rb, &mut parts);
            let mut one = Sums::new();
            sums(&whole, &mut one);
            assert_eq!(one, parts, "by {by:?}, leave {leave:?}");
            if *by == [GroupKey::Network] {
                // lines of distinct networks: every field and name
                let mut lines = ra.lines.clone();
                lines.extend(rb.lines.iter().cloned());
                assert_eq!(by_keys(&whole.lines), by_keys(&lines), "leave {leave:?}");
            }
            if let (Some(s), Some(sa), Some(sb)) = (&whole.savings, &ra.savings, &rb.savings) {
                assert_eq!(s.gross, sa.gross + sb.gross, "savings, by {by:?}");
            }
            assert!(!whole.lines.is_empty());
            compared += 1;
        }
    }
    assert_eq!(compared, 10);
}

#[test]
fn a_report_with_problems_in_several_parts_gives_each_finding_once_in_order() {
    let inv = generated(11);
    // Only the latest euro rate is kept: euro costs of earlier years have
    // none, in networks of every part.
    let mut data = inv.data().clone();
    let latest = data
        .exchange_rates
        .iter()
        .filter(|r| r.currency == "EUR")
        .map(|r| r.year)
        .max()
        .expect("the generator writes euro rates");
    data.exchange_rates
        .retain(|r| r.currency != "EUR" || r.year == latest);
    let inv = Inventory::new(data).expect("still valid: rates are checked by reports");
    let err = inv
        .report(&ReportOptions::new(2010, 2026))
        .expect_err("euro costs before the latest rate have none");
    let findings: Vec<_> = err.findings().iter().collect();
    assert!(findings.len() > 1, "{findings:?}");
    let networks: Vec<usize> = findings
        .iter()
        .map(|f| match f.path.segments().get(1) {
            Some(natverk::Seg::Index(i)) => *i,
            other => panic!("a path into a network: {other:?}"),
        })
        .collect();
    // one pass over the networks in order: first places ascending, each
    // missing rate once, and some in each half of the networks
    assert!(networks.windows(2).all(|w| w[0] <= w[1]), "{networks:?}");
    let texts: Vec<String> = findings
        .iter()
        .map(|f| f.message_in(natverk::Lang::En))
        .collect();
    let mut distinct = texts.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), texts.len(), "{texts:?}");
    // and the later half alone has the same problems: both parts found
    // them, and a finding of the first part is not repeated
    let (_, later) = halves(&inv);
    assert!(later.report(&ReportOptions::new(2010, 2026)).is_err());
}
