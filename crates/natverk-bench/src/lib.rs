//! A national-scale `natverk/1` inventory generator, for benchmarks and
//! load tests.
//!
//! [`generate`] writes one big inventory that folds the networks of every
//! Swedish municipality and region (290 + 21 organisations) into one file:
//! units per organisation (the executive board and city executive office
//! central, the rest not), people with genders, roles, sides and hourly
//! costs, tiered and per-capita fee schedules (SEK, EUR, NOK, DKK, with
//! population offsets), exchange rates, and networks with subjects,
//! participants with hours, costs of every kind and charge shape, and
//! financing of every status. The output depends only on the seed: the
//! pseudo-random generator is a fixed SplitMix64, never OS randomness.
//!
//! ```
//! let mut out = Vec::new();
//! natverk_bench::generate(&natverk_bench::Params { seed: 7, networks: 20 }, &mut out).unwrap();
//! let inv = natverk::Inventory::from_slice(&out).unwrap();
//! assert_eq!(inv.networks().len(), 20);
//! ```

use std::io::{self, Write};

use serde_json::{json, Value};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Seed of the pseudo-random generator: same seed, same file.
    pub seed: u64,
    /// Number of networks (the benchmark uses 50 000).
    pub networks: usize,
}

/// Municipalities and regions folded into the file (290 + 21).
pub const ORGANISATIONS: usize = 311;
const UNITS_PER_ORG: usize = 8;
const PEOPLE_PER_ORG: usize = 40;

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and its output is
/// fixed by the seed on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (`n` > 0; the tiny modulo bias does not matter here).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

const SUBJECTS: &[&str] = &[
    "jämställdhet",
    "klimat",
    "energi",
    "digitalisering",
    "skola",
    "förskola",
    "äldreomsorg",
    "folkhälsa",
    "integration",
    "näringsliv",
    "turism",
    "kultur",
    "idrott",
    "trygghet",
    "samhällsbyggnad",
    "trafik",
    "vatten",
    "avfall",
    "upphandling",
    "personal",
    "demokrati",
    "mänskliga rättigheter",
    "barn och unga",
    "funktionshinder",
    "internationellt",
];

const ORGANISERS: &[&str] = &[
    "SKR",
    "Eurocities",
    "CEMR",
    "ICLEI",
    "Sambruk",
    "Energikontor Sverige",
    "Klimatkommunerna",
    "Länsstyrelsen",
    "Region",
    "Nordiska ministerrådet",
    "Union of the Baltic Cities",
    "Healthy Cities",
    "Inera",
    "Vinnova",
];

const UNIT_NAMES: [(&str, bool); UNITS_PER_ORG] = [
    ("Kommunstyrelsen", true),
    ("Stadsledningskontoret", true),
    ("Utbildningsförvaltningen", false),
    ("Socialförvaltningen", false),
    ("Stadsbyggnadsförvaltningen", false),
    ("Kulturförvaltningen", false),
    ("Miljöförvaltningen", false),
    ("Trafikkontoret", false),
];

const PARTIES: &[&str] = &["S", "M", "SD", "C", "V", "KD", "L", "MP"];
const FIRST: &[&str] = &[
    "Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Sara", "Per", "Emma",
    "Mikael", "Fatima", "Ali", "Linnea", "Oskar",
];
const LAST: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Hussein",
    "Lindqvist",
];

/// A decimal with two places, as the text the file format reads.
fn money(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn date(y: i64, m: i64, d: i64) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn header(rng: &mut Rng) -> Value {
    let population: serde_json::Map<String, Value> = (2010..=2030)
        .map(|y| {
            let p = 9_400_000 + (y - 2010) * 85_000 + rng.range(-20_000, 20_000);
            (y.to_string(), json!(p))
        })
        .collect();
    let mut units = Vec::with_capacity(ORGANISATIONS * UNITS_PER_ORG);
    let mut people = Vec::with_capacity(ORGANISATIONS * PEOPLE_PER_ORG);
    for o in 0..ORGANISATIONS {
        for (u, (name, central)) in UNIT_NAMES.iter().enumerate() {
            units.push(json!({"id": format!("o{o:03}-u{u}"), "name": format!("{name} {o:03}"), "central": central}));
        }
        for p in 0..PEOPLE_PER_ORG {
            let politician = rng.chance(45);
            let mut person = json!({
                "id": format!("o{o:03}-p{p:02}"),
                "name": format!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
                "role": if politician { "politician" } else { "official" },
            });
            match rng.below(100) {
                0..=47 => person["gender"] = json!("woman"),
                48..=94 => person["gender"] = json!("man"),
                95..=96 => person["gender"] = json!("other"),
                _ => {}
            }
            if politician {
                person["side"] = json!(if rng.chance(55) {
                    "majority"
                } else {
                    "opposition"
                });
                person["party"] = json!(rng.pick(PARTIES));
            }
            if rng.chance(85) {
                person["hourly_cost"] = json!(money(rng.range(45_000, 140_000) as u64));
            }
            people.push(person);
        }
    }
    let mut schedules = Vec::new();
    for s in 0..24 {
        let currency = ["SEK", "SEK", "EUR", "NOK", "DKK"][s % 5];
        let mut sch = json!({"id": format!("sch{s:02}")});
        if currency != "SEK" {
            sch["currency"] = json!(currency);
        }
        if s % 3 != 0 {
            sch["population_offset"] = json!(-rng.range(1, 2));
        }
        if s % 2 == 0 {
            let mut tiers: Vec<Value> = [10_000u64, 30_000, 75_000, 200_000, 500_000, 1_000_000]
                .iter()
                .enumerate()
                .map(|(i, max)| json!({"max_population": max, "amount": money((i as u64 + 1) * rng.range(500_000, 2_000_000) as u64)}))
                .collect();
            tiers.push(json!({"amount": money(rng.range(15_000_000, 40_000_000) as u64)}));
            sch["tiers"] = json!(tiers);
        } else {
            let mut pc = json!({"rate": format!("0.{:04}", rng.range(1, 300)), "base": money(rng.range(100_000, 1_000_000) as u64)});
            if rng.chance(50) {
                pc["min"] = json!(money(1_000_000));
            }
            if rng.chance(70) {
                pc["max"] = json!(money(rng.range(4_000_000, 90_000_000) as u64));
            }
            sch["per_capita"] = pc;
        }
        schedules.push(sch);
    }
    let mut rates = Vec::new();
    for (cur, base) in [("EUR", 1_050i64), ("NOK", 100), ("DKK", 145)] {
        for y in 2000..=2030 {
            let r = base + rng.range(-base / 10, base / 10);
            rates.push(json!({"currency": cur, "year": y, "rate": format!("{}.{:02}{:02}", r / 100, r % 100, rng.below(100))}));
        }
    }
    json!({
        "format": "natverk/1",
        "organisation": {"name": "Sveriges kommuner och regioner (alla)", "code": "0000",
                          "currency": "SEK", "population": population},
        "units": units,
        "people": people,
        "fee_schedules": schedules,
        "exchange_rates": rates,
    })
}

fn network(rng: &mut Rng, i: usize) -> Value {
    let org = i % ORGANISATIONS;
    let start_y = rng.range(2005, 2026);
    let start = date(start_y, rng.range(1, 12), rng.range(1, 28));
    let kind = *rng.pick(&[
        "network",
        "network",
        "network",
        "membership",
        "membership",
        "programme",
        "partnership",
        "declaration",
    ]);
    let status = *rng.pick(&[
        "active", "active", "active", "active", "active", "proposed", "applied", "dormant",
        "ended", "declined",
    ]);
    let mut n = json!({
        "id": format!("o{org:03}-n{i:05}"),
        "name": format!("{} {} {i}", rng.pick(ORGANISERS), rng.pick(SUBJECTS)),
        "kind": kind,
        "start": start,
        "status": status,
    });
    if rng.chance(85) {
        n["organiser"] = json!(rng.pick(ORGANISERS));
    }
    let k = rng.below(4) as usize;
    let mut subjects: Vec<&str> = (0..k).map(|_| *rng.pick(SUBJECTS)).collect();
    subjects.sort_unstable();
    subjects.dedup();
    n["subjects"] = json!(subjects);
    if rng.chance(90) {
        n["unit"] = json!(format!("o{org:03}-u{}", rng.below(UNITS_PER_ORG as u64)));
    }
    if status == "ended" || rng.chance(30) {
        let end_y = start_y + rng.range(0, 6);
        n["end"] = json!(date(end_y, 12, 31));
    }
    if status == "proposed" || rng.chance(10) {
        n["deadline"] = json!(date(start_y, rng.range(1, 12), rng.range(1, 28)));
    }
    if rng.chance(40) {
        n["notice_months"] = json!(*rng.pick(&[0, 3, 6, 12, 24]));
    }
    if kind == "membership" && rng.chance(40) {
        n["via"] = json!("SKR");
    }
    if rng.chance(35) {
        n["decision"] = json!({"body": "Kommunstyrelsen", "date": date(start_y, 1, rng.range(10, 28)),
                               "reference": format!("KS {start_y}/{}", rng.range(1, 999))});
    }
    if rng.chance(50) {
        n["url"] = json!(format!("https://example.invalid/{org}/{i}"));
    }
    if rng.chance(40) {
        n["purpose"] = json!("Erfarenhetsutbyte och gemensam utveckling mellan medlemmarna.");
    }
    if rng.chance(25) {
        let rec = *rng.pick(&["keep", "keep", "review", "leave"]);
        n["assessment"] = json!({"benefit": rng.range(1, 5), "recommendation": rec});
    }
    let np = rng.below(7);
    let mut seats = Vec::new();
    let mut taken = Vec::new();
    for _ in 0..np {
        let p = rng.below(PEOPLE_PER_ORG as u64);
        if taken.contains(&p) {
            continue;
        }
        taken.push(p);
        let mut seat = json!({"person": format!("o{org:03}-p{p:02}")});
        if rng.chance(75) {
            seat["hours_per_year"] = json!(rng.range(4, 200));
        }
        if rng.chance(30) {
            seat["role"] =
                json!(*rng.pick(&["styrgrupp", "ledamot", "ersättare", "kontaktperson"]));
        }
        seats.push(seat);
    }
    n["participants"] = json!(seats);
    let mut costs = Vec::new();
    if kind != "declaration" {
        for _ in 0..rng.below(5) {
            costs.push(cost(rng, start_y));
        }
    }
    n["costs"] = json!(costs);
    let mut financing = Vec::new();
    for _ in 0..rng.below(100).saturating_sub(70) / 12 {
        let status = *rng.pick(&["expected", "applied", "granted", "denied"]);
        let mut f = json!({"funder": *rng.pick(&["Länsstyrelsen", "Vinnova", "EU Interreg", "Tillväxtverket"]),
                           "status": status});
        if rng.chance(30) {
            f["covers"] = json!("all");
        }
        if rng.chance(50) {
            f["share"] = json!(format!("0.{}", rng.range(1, 9) * 10));
        }
        if rng.chance(40) {
            f["max_per_year"] = json!(money(rng.range(1_000_000, 20_000_000) as u64));
        }
        if matches!(status, "expected" | "applied") {
            f["probability"] = json!(format!("0.{}", rng.range(1, 9)));
        }
        if rng.chance(40) {
            f["from"] = json!(start_y);
            f["to"] = json!(start_y + rng.range(0, 4));
        }
        financing.push(f);
    }
    n["financing"] = json!(financing);
    n
}

fn cost(rng: &mut Rng, start_y: i64) -> Value {
    let kind = *rng.pick(&["fee", "fee", "membership", "membership", "travel", "other"]);
    let mut c = json!({"kind": kind});
    if matches!(kind, "fee" | "membership") && rng.chance(45) {
        c["schedule"] = json!(format!("sch{:02}", rng.below(24)));
    } else {
        c["amount"] = json!(money(rng.range(50_000, 25_000_000) as u64));
        if rng.chance(25) {
            c["currency"] = json!(*rng.pick(&["EUR", "EUR", "NOK", "DKK"]));
        }
    }
    if kind == "travel" && rng.chance(50) {
        c["per"] = json!("once");
        if rng.chance(70) {
            c["date"] = json!(date(start_y + rng.range(0, 2), rng.range(1, 12), 15));
        }
    } else {
        if rng.chance(25) {
            let from = start_y + rng.range(0, 2);
            c["from"] = json!(from);
            if rng.chance(60) {
                c["to"] = json!(from + rng.range(0, 5));
            }
        }
        if rng.chance(15) {
            c["prorate"] = json!(true);
        }
    }
    if rng.chance(10) {
        c["note"] = json!("enligt faktura");
    }
    c
}

/// Writes an inventory of `p.networks` networks as compact JSON.
pub fn generate(p: &Params, out: &mut impl Write) -> io::Result<()> {
    let mut rng = Rng::new(p.seed);
    let head = header(&mut rng);
    let text = serde_json::to_string(&head).map_err(io::Error::other)?;
    // The header object, opened again to append the networks one by one,
    // so memory stays small whatever the size.
    let open = text.strip_suffix('}').unwrap_or(&text);
    out.write_all(open.as_bytes())?;
    out.write_all(b",\"networks\":[")?;
    for i in 0..p.networks {
        if i > 0 {
            out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut *out, &network(&mut rng, i)).map_err(io::Error::other)?;
    }
    out.write_all(b"]}\n")
}

/// The generated inventory as bytes.
pub fn generate_vec(p: &Params) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    generate(p, &mut out).unwrap_or_default();
    out
}

/// The shortest of `runs`, in seconds (0 for none): benches report min and
/// median wall times.
pub fn min_secs(runs: &[std::time::Duration]) -> f64 {
    runs.iter().min().copied().unwrap_or_default().as_secs_f64()
}

/// The median of `runs` (the upper one of an even count), in seconds.
pub fn median_secs(runs: &[std::time::Duration]) -> f64 {
    let mut r = runs.to_vec();
    r.sort();
    r.get(r.len() / 2)
        .copied()
        .unwrap_or_default()
        .as_secs_f64()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_file_and_it_loads_cleanly() {
        let p = Params {
            seed: 42,
            networks: 400,
        };
        let a = generate_vec(&p);
        assert_eq!(a, generate_vec(&p));
        assert_ne!(a, generate_vec(&Params { seed: 43, ..p }));
        let inv = natverk::Inventory::from_slice(&a).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(inv.networks().len(), 400);
        assert_eq!(inv.data().units.len(), ORGANISATIONS * UNITS_PER_ORG);
        let mut o = natverk::ReportOptions::new(2024, 2026);
        o.by = vec![natverk::GroupKey::Subject, natverk::GroupKey::Year];
        let r = inv.report(&o).unwrap_or_else(|e| panic!("{e}"));
        assert!(!r.total.fees.is_zero());
        // every status and charge shape appears
        for s in natverk::Status::ALL {
            assert!(inv.networks().iter().any(|n| n.status == *s), "{s}");
        }
    }
}
