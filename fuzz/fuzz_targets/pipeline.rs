//! Structurally valid, random inventories (built from an `Arbitrary`
//! description, written as JSON so that most inputs load) → check, report
//! with random options, equality. Asserts the invariants that must hold for
//! every input: lines add up to the total, a saved inventory reloads equal,
//! the JSON report parses back to the same totals.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use natverk::{EqualityOptions, GroupKey, Inventory, Leave, Money, ReportOptions, Scope, Status};
use serde_json::{json, Value};

#[derive(Arbitrary, Debug)]
struct Input {
    population: Pop,
    units: Vec<bool>,
    people: Vec<PersonIn>,
    schedules: Vec<ScheduleIn>,
    rates: Vec<(u8, u8, Dec)>,
    networks: Vec<NetIn>,
    opts: OptsIn,
    today: u16,
}

#[derive(Arbitrary, Debug)]
enum Pop {
    None,
    Constant(u32),
    ByYear(Vec<(u8, u32)>),
}

/// A decimal: mantissa and a scale of 0..=6; huge mantissas test overflow.
#[derive(Arbitrary, Debug, Clone, Copy)]
struct Dec(u64, u8, bool);

impl Dec {
    fn text(self) -> String {
        let v = if self.2 { self.0 } else { self.0 % 10_000_000 };
        let scale = u32::from(self.1 % 7);
        let s = v.to_string();
        if scale == 0 {
            return s;
        }
        let s = format!("{s:0>width$}", width = scale as usize + 1);
        let (i, f) = s.split_at(s.len() - scale as usize);
        format!("{i}.{f}")
    }
    fn json(self) -> Value {
        // both spellings of SPEC §3: a number or a string
        if self.1 & 0x80 != 0 {
            Value::String(self.text())
        } else {
            serde_json::from_str(&self.text()).unwrap_or(Value::Null)
        }
    }
}

#[derive(Arbitrary, Debug)]
struct PersonIn {
    gender: u8,
    politician: bool,
    opposition: bool,
    hourly: Option<Dec>,
}

#[derive(Arbitrary, Debug)]
struct ScheduleIn {
    currency: u8,
    offset: u8,
    tiers: Option<Vec<(u32, Dec)>>,
    per_capita: (Option<Dec>, Dec, Option<Dec>, Option<Dec>),
}

#[derive(Arbitrary, Debug)]
struct NetIn {
    start: (u8, u8),
    end: Option<(u8, u8)>,
    deadline: Option<u8>,
    kind: u8,
    status: u8,
    subjects: Vec<u8>,
    unit: Option<u8>,
    organiser: Option<u8>,
    notice: u16,
    leave: bool,
    participants: Vec<(u8, Option<Dec>)>,
    costs: Vec<CostIn>,
    financing: Vec<FinIn>,
}

#[derive(Arbitrary, Debug)]
struct CostIn {
    kind: u8,
    amount: Result<Dec, u8>,
    currency: u8,
    once: Option<Option<u8>>,
    from: Option<u8>,
    len: Option<u8>,
    prorate: bool,
}

#[derive(Arbitrary, Debug)]
struct FinIn {
    all: bool,
    share: u8,
    cap: Option<Dec>,
    status: u8,
    probability: u8,
    from: Option<u8>,
    len: Option<u8>,
}

#[derive(Arbitrary, Debug)]
struct OptsIn {
    from: u8,
    span: u8,
    central: bool,
    by: Vec<u8>,
    statuses: Option<Vec<u8>>,
    leave: Option<Option<Vec<u8>>>,
    leave_from: Option<u8>,
}

/// Years cluster around the present; 0 and 255 reach the edges of 1..9999.
fn year(b: u8) -> i32 {
    match b {
        0 => 1,
        255 => 9999,
        _ => 1990 + i32::from(b % 50),
    }
}

fn date(y: u8, md: u8) -> String {
    format!("{:04}-{:02}-{:02}", year(y), md % 12 + 1, md / 12 % 28 + 1)
}

const CURRENCIES: [&str; 4] = ["SEK", "EUR", "NOK", "DKK"];
const SUBJECTS: [&str; 6] = [
    "jämställdhet",
    "klimat",
    "digitalisering",
    "skola",
    "vård",
    "b",
];

fn pick<T: Copy>(xs: &[T], b: u8) -> T {
    xs[usize::from(b) % xs.len()]
}

fn build(inp: &Input) -> Value {
    let population = match &inp.population {
        Pop::None => Value::Null,
        Pop::Constant(p) => json!(p),
        Pop::ByYear(v) => {
            let m: serde_json::Map<String, Value> = v
                .iter()
                .map(|(y, p)| (format!("{:04}", year(*y)), json!(p)))
                .collect();
            Value::Object(m)
        }
    };
    let units: Vec<Value> = inp
        .units
        .iter()
        .enumerate()
        .map(|(i, c)| json!({"id": format!("u{i}"), "name": format!("Unit {i}"), "central": c}))
        .collect();
    let people: Vec<Value> = inp
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut o = json!({"id": format!("p{i}"), "role": if p.politician { "politician" } else { "official" }});
            if p.politician {
                o["side"] = json!(if p.opposition { "opposition" } else { "majority" });
            }
            if let Some(g) = pick(&[Some("woman"), Some("man"), Some("other"), None], p.gender) {
                o["gender"] = json!(g);
            }
            if let Some(h) = p.hourly {
                o["hourly_cost"] = h.json();
            }
            o
        })
        .collect();
    let schedules: Vec<Value> = inp
        .schedules
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut o =
                json!({"id": format!("s{i}"), "population_offset": -i64::from(s.offset % 4)});
            let cur = pick(&CURRENCIES, s.currency);
            if cur != "SEK" {
                o["currency"] = json!(cur);
            }
            match &s.tiers {
                Some(t) => {
                    let mut bounds: Vec<u32> = t.iter().map(|(m, _)| *m).collect();
                    bounds.sort_unstable();
                    bounds.dedup();
                    let n = bounds.len();
                    let tiers: Vec<Value> = t
                        .iter()
                        .take(n)
                        .enumerate()
                        .map(|(j, (_, a))| {
                            if j + 1 == n {
                                json!({"amount": a.json()})
                            } else {
                                json!({"max_population": bounds[j], "amount": a.json()})
                            }
                        })
                        .collect();
                    o["tiers"] = json!(tiers);
                }
                None => {
                    let (base, rate, min, max) = s.per_capita;
                    let mut pc = json!({"rate": rate.json()});
                    if let Some(b) = base {
                        pc["base"] = b.json();
                    }
                    if let (Some(lo), Some(hi)) = (min, max) {
                        let (lo, hi) = (lo.text(), hi.text());
                        let (a, b) = (
                            lo.parse::<f64>().unwrap_or(0.0),
                            hi.parse::<f64>().unwrap_or(0.0),
                        );
                        let (lo, hi) = if a <= b { (lo, hi) } else { (hi, lo) };
                        pc["min"] = json!(lo);
                        pc["max"] = json!(hi);
                    } else if let Some(m) = min.or(max) {
                        pc[if min.is_some() { "min" } else { "max" }] = m.json();
                    }
                    o["per_capita"] = pc;
                }
            }
            o
        })
        .collect();
    let mut seen_rates = std::collections::HashSet::new();
    let mut rates: Vec<Value> = inp
        .rates
        .iter()
        .filter(|(c, y, _)| seen_rates.insert((1 + c % 3, year(*y))))
        .map(|(c, y, r)| {
            let v = r.text();
            let v = if v.trim_start_matches(['0', '.']).is_empty() {
                "1".to_string()
            } else {
                v
            };
            json!({"currency": CURRENCIES[usize::from(1 + c % 3)], "year": year(*y), "rate": v})
        })
        .collect();
    // every foreign currency has a rate (else most files would not load)
    for (i, c) in CURRENCIES.iter().enumerate().skip(1) {
        if !seen_rates.iter().any(|(k, _)| usize::from(*k) == i) {
            rates.push(json!({"currency": c, "year": 1990, "rate": "11.25"}));
        }
    }
    let networks: Vec<Value> = inp
        .networks
        .iter()
        .enumerate()
        .map(|(i, n)| network(i, n, inp))
        .collect();
    json!({
        "format": "natverk/1",
        "organisation": {"name": "Fuzz kommun", "code": "0001", "currency": "SEK", "population": population},
        "units": units, "people": people, "fee_schedules": schedules,
        "exchange_rates": rates, "networks": networks,
    })
}

fn network(i: usize, n: &NetIn, inp: &Input) -> Value {
    let start = date(n.start.0, n.start.1);
    let mut o = json!({
        "id": format!("n{i}"), "name": format!("Nätverk {i}"), "start": start,
        "kind": pick(&["network", "membership", "programme", "partnership", "declaration"], n.kind),
        "status": pick(&["proposed", "applied", "active", "dormant", "ended", "declined"], n.status),
        "notice_months": n.notice % 1201,
    });
    if let Some((y, md)) = n.end {
        let end = date(y, md);
        o["end"] = json!(if end < start { start.clone() } else { end });
    }
    if let Some(d) = n.deadline {
        o["deadline"] = json!(date(n.start.0, d));
    }
    let mut subjects: Vec<&str> = n.subjects.iter().map(|s| pick(&SUBJECTS, *s)).collect();
    subjects.sort_unstable();
    subjects.dedup();
    o["subjects"] = json!(subjects);
    if let (Some(u), false) = (n.unit, inp.units.is_empty()) {
        o["unit"] = json!(format!("u{}", usize::from(u) % inp.units.len()));
    }
    if let Some(org) = n.organiser {
        o["organiser"] = json!(pick(&["SKR", "Eurocities", "CEMR", "Sambruk"], org));
    }
    if n.leave {
        o["assessment"] = json!({"recommendation": "leave", "benefit": 2});
    }
    if !inp.people.is_empty() {
        let mut seen = std::collections::HashSet::new();
        let parts: Vec<Value> = n
            .participants
            .iter()
            .filter(|(p, _)| seen.insert(usize::from(*p) % inp.people.len()))
            .map(|(p, h)| {
                let mut x = json!({"person": format!("p{}", usize::from(*p) % inp.people.len())});
                if let Some(h) = h {
                    x["hours_per_year"] = h.json();
                }
                x
            })
            .collect();
        o["participants"] = json!(parts);
    }
    let costs: Vec<Value> = n
        .costs
        .iter()
        .filter_map(|c| {
            let kind = pick(&["fee", "membership", "travel", "other"], c.kind);
            let mut x = match c.amount {
                Ok(a) => {
                    let mut x = json!({"kind": kind, "amount": a.json()});
                    let cur = pick(&CURRENCIES, c.currency);
                    if cur != "SEK" {
                        x["currency"] = json!(cur);
                    }
                    x
                }
                Err(s) if !inp.schedules.is_empty() && !matches!(inp.population, Pop::None) => {
                    json!({"kind": kind, "schedule": format!("s{}", usize::from(s) % inp.schedules.len())})
                }
                Err(_) => return None,
            };
            match c.once {
                Some(d) => {
                    x["per"] = json!("once");
                    if let Some(d) = d {
                        x["date"] = json!(date(n.start.0, d));
                    }
                }
                None => {
                    if let Some(f) = c.from {
                        x["from"] = json!(year(f));
                        if let Some(l) = c.len {
                            x["to"] = json!(year(f) + i32::from(l % 8));
                        }
                    }
                    if c.prorate {
                        x["prorate"] = json!(true);
                    }
                }
            }
            Some(x)
        })
        .collect();
    o["costs"] = json!(costs);
    let financing: Vec<Value> = n
        .financing
        .iter()
        .map(|f| {
            let status = pick(&["expected", "applied", "granted", "denied"], f.status);
            let mut x = json!({"funder": "Länsstyrelsen", "status": status,
                "covers": if f.all { "all" } else { "fees" },
                "share": format!("{}", f64::from(f.share % 100 + 1) / 100.0)});
            if status == "expected" || status == "applied" {
                x["probability"] = json!(format!("{}", f64::from(f.probability % 101) / 100.0));
            }
            if let Some(c) = f.cap {
                x["max_per_year"] = c.json();
            }
            if let Some(fr) = f.from {
                x["from"] = json!(year(fr));
                if let Some(l) = f.len {
                    x["to"] = json!(year(fr) + i32::from(l % 8));
                }
            }
            x
        })
        .collect();
    o["financing"] = json!(financing);
    o
}

fn options(o: &OptsIn) -> ReportOptions {
    let from = year(o.from);
    let mut r = ReportOptions::new(from, (from + i32::from(o.span % 12)).min(9999));
    r.scope = if o.central {
        Scope::Central
    } else {
        Scope::All
    };
    let mut by = Vec::new();
    for b in &o.by {
        let k = GroupKey::ALL[usize::from(*b) % GroupKey::ALL.len()];
        if !by.contains(&k) {
            by.push(k);
        }
    }
    r.by = by;
    r.statuses = o.statuses.as_ref().map(|s| {
        s.iter()
            .map(|b| Status::ALL[usize::from(*b) % Status::ALL.len()])
            .collect()
    });
    r.leave = o.leave.as_ref().map(|l| match l {
        None => Leave::Recommended,
        Some(ids) => Leave::Networks(ids.iter().map(|i| format!("n{}", i % 8)).collect()),
    });
    r.leave_from = o.leave_from.map(|y| year(y).min(9999));
    r
}

/// The nine money fields summed over the lines, exactly to the cent.
fn sum(lines: &[natverk::Line]) -> Vec<natverk::Decimal> {
    let mut acc = vec![natverk::Decimal::ZERO; 9];
    for l in lines {
        for (a, (_, v)) in acc.iter_mut().zip(l.money.fields()) {
            *a = natverk::money::add_cents(*a, v)
                .expect("a report whose lines fit has a total that fits");
        }
    }
    acc
}

fn fields(m: &Money) -> Vec<natverk::Decimal> {
    m.fields().iter().map(|(_, v)| *v).collect()
}

fuzz_target!(|inp: Input| {
    let text = build(&inp).to_string();
    let today = chrono::NaiveDate::from_ymd_opt(1990 + i32::from(inp.today % 50), 6, 15).unwrap();
    let findings = natverk::check(text.as_bytes(), today);
    let Ok(inv) = Inventory::from_json(&text) else {
        assert!(findings.errors() > 0);
        return;
    };
    assert_eq!(findings.errors(), 0);
    let again = Inventory::from_json(&inv.to_json()).expect("saved inventory reloads");
    assert_eq!(again, inv);

    let opts = options(&inp.opts);
    if let Ok(r) = inv.report(&opts) {
        assert_eq!(sum(&r.lines), fields(&r.total));
        let v: Value = serde_json::from_str(&r.to_json()).expect("report JSON parses");
        let fees: rust_decimal_like::Sum = v["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["fees"].as_str().unwrap())
            .collect();
        assert_eq!(fees.0, natverk::money::fmt2(r.total.fees));
    }
    let mut eq = EqualityOptions::new(opts.from, opts.to);
    eq.scope = opts.scope;
    eq.statuses = opts.statuses.clone();
    let _ = inv.equality(&eq);
});

/// Adds the two-decimal strings of the JSON report without a decimal crate:
/// cents as i128 (a line that fits Decimal fits i128 cents).
mod rust_decimal_like {
    pub struct Sum(pub String);
    impl<'a> FromIterator<&'a str> for Sum {
        fn from_iter<I: IntoIterator<Item = &'a str>>(it: I) -> Sum {
            let cents: i128 = it
                .into_iter()
                .map(|s| {
                    s.replace('.', "")
                        .parse::<i128>()
                        .expect("two-decimal money")
                })
                .sum();
            let sign = if cents < 0 { "-" } else { "" };
            let c = cents.unsigned_abs();
            Sum(format!("{sign}{}.{:02}", c / 100, c % 100))
        }
    }
}
