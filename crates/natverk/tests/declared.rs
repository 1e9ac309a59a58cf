//! Every field the format declares round-trips through the workbook
//! (SPEC §10): a sample inventory that sets every declared key somewhere
//! (checked against `format::objects()`, so a new field must be added to
//! it) is written as sheets and read back, in both languages, unchanged.
//! A field the workbook's layout lacks fails here.

use std::collections::BTreeSet;

use natverk::format::{objects, KindInfo, ObjectInfo};
use natverk::{tables, Inventory, Lang};
use serde_json::Value;

/// Every key of every declared object, with a value that is not its
/// default, somewhere; valid as a whole.
const SAMPLE: &str = r#"{
  "format": "natverk/1",
  "organisation": {"name": "Göteborgs Stad", "code": "1480", "currency": "SEK",
                   "population": {"2022": 596841, "2023": 604616}},
  "units": [{"id": "slk", "name": "Stadsledningskontoret", "central": true},
            {"id": "kultur", "name": "Kulturförvaltningen"}],
  "people": [
    {"id": "p1", "name": "Anna", "gender": "woman", "role": "politician", "side": "opposition",
     "party": "M", "hourly_cost": "1100.50"},
    {"id": "p2", "role": "official"}
  ],
  "fee_schedules": [
    {"id": "trappa", "currency": "EUR", "population_offset": -2,
     "tiers": [{"max_population": 100000, "amount": "1000"}, {"amount": "2000.25"}]},
    {"id": "per-inv", "per_capita": {"base": "100", "rate": "0.30", "min": "50", "max": "49000"}}
  ],
  "exchange_rates": [{"currency": "EUR", "year": 2020, "rate": "11.43"}],
  "networks": [
    {"id": "n1", "name": "Nätverket", "organiser": "SKR", "kind": "programme",
     "subjects": ["jämställdhet", "klimat"], "unit": "slk", "start": "2021-03-01",
     "end": "2026-02-28", "deadline": "2021-01-15", "status": "applied", "notice_months": 6,
     "via": "SKR", "decision": {"body": "KS", "date": "2021-02-01", "reference": "Dnr 1/2021"},
     "url": "https://example.org", "purpose": "Lära", "notes": "Anteckning",
     "assessment": {"benefit": 4, "recommendation": "leave", "note": "Överlappar"},
     "participants": [{"person": "p1", "hours_per_year": "40.5", "role": "styrgrupp"},
                      {"person": "p2"}],
     "costs": [
       {"kind": "fee", "schedule": "trappa", "from": 2022, "to": 2025, "prorate": true,
        "note": "Avgift"},
       {"kind": "travel", "amount": "300.10", "currency": "EUR", "per": "once",
        "date": "2022-05-01"},
       {"kind": "membership", "schedule": "per-inv"}
     ],
     "financing": [
       {"funder": "Vinnova", "covers": "all", "share": "0.5", "max_per_year": "1000",
        "status": "applied", "probability": "0.7", "from": 2022, "to": 2024}
     ]}
  ]
}"#;

/// Adds `(object, key)` for every key of `value`, read as object `name`.
fn keys_of(value: &Value, name: &str, all: &[ObjectInfo], seen: &mut BTreeSet<(String, String)>) {
    let Some(info) = all.iter().find(|o| o.name == name) else {
        return;
    };
    let Value::Object(map) = value else { return };
    for f in info.fields {
        let Some(v) = map.get(f.key) else { continue };
        seen.insert((name.to_string(), f.key.to_string()));
        match f.kind {
            KindInfo::Object(inner) => keys_of(v, inner, all, seen),
            KindInfo::List(inner) => {
                for item in v.as_array().into_iter().flatten() {
                    keys_of(item, inner, all, seen);
                }
            }
            _ => {}
        }
    }
}

#[test]
fn the_sample_sets_every_declared_field() {
    let all = objects();
    let mut seen = BTreeSet::new();
    keys_of(
        &serde_json::from_str(SAMPLE).unwrap(),
        "inventory",
        &all,
        &mut seen,
    );
    let missing: Vec<String> = all
        .iter()
        .flat_map(|o| o.fields.iter().map(move |f| (o.name, f.key)))
        .filter(|(o, k)| !seen.contains(&(o.to_string(), k.to_string())))
        .map(|(o, k)| format!("{o}.{k}"))
        .collect();
    assert!(
        missing.is_empty(),
        "add these to SAMPLE (with a value that is not the default): {missing:?}"
    );
}

#[test]
fn every_declared_field_round_trips_through_the_workbook() {
    let inv = Inventory::from_json(SAMPLE).unwrap();
    // what the sample sets is what the inventory holds
    let written: Value = serde_json::from_str(&inv.to_json()).unwrap();
    assert_eq!(written, serde_json::from_str::<Value>(SAMPLE).unwrap());
    for lang in [Lang::Sv, Lang::En] {
        let sheets = tables::tables(inv.data());
        let input: Vec<_> = sheets.iter().map(|s| s.to_input(lang)).collect();
        let back = tables::from_tables(&input).unwrap_or_else(|e| panic!("{lang:?}: {e:?}"));
        assert_eq!(back.inventory.data(), inv.data(), "{lang:?}");
    }
}

/// Every declared field has a place in the workbook's layout (SPEC §10),
/// read from the layout alone: a column whose path leads to it from its
/// sheet's object, a sheet of its own (a list, the population), or — an
/// object — its own fields' places. Only the top level's `format` has
/// none: a workbook is `natverk/1` by being one.
#[test]
fn every_declared_field_has_a_column() {
    let all = objects();
    let object = |name: &str| all.iter().find(|o| o.name == name).copied().unwrap();
    // The object a sheet's rows are: the field of that key with a list or
    // object kind (`networks` → network), or the population.
    let sheet_object = |sheet: &str| -> Option<&'static str> {
        all.iter()
            .flat_map(|o| o.fields)
            .find_map(|f| match f.kind {
                KindInfo::List(obj) | KindInfo::Object(obj) if f.key == sheet => Some(obj),
                _ => None,
            })
    };
    let mut placed: BTreeSet<(String, String)> = BTreeSet::new();
    for s in tables::LAYOUT.iter() {
        // the field that has the sheet
        for o in &all {
            for f in o.fields {
                if f.key == s.key
                    && matches!(
                        f.kind,
                        KindInfo::List(_) | KindInfo::Object(_) | KindInfo::Population
                    )
                {
                    placed.insert((o.name.to_string(), f.key.to_string()));
                }
            }
        }
        let Some(obj) = sheet_object(s.key) else {
            assert_eq!(s.key, "population", "a sheet of no declared field");
            continue;
        };
        for c in s.columns {
            // follow the column's path from the sheet's object
            let mut at = object(obj);
            for (i, key) in c.path.iter().enumerate() {
                let f = at.fields.iter().find(|f| f.key == *key).unwrap_or_else(|| {
                    panic!("{}.{}: no field {key} in {}", s.key, c.key, at.name)
                });
                placed.insert((at.name.to_string(), key.to_string()));
                match f.kind {
                    KindInfo::Object(inner) if i + 1 < c.path.len() => at = object(inner),
                    _ => assert_eq!(i + 1, c.path.len(), "{}.{}", s.key, c.key),
                }
            }
        }
    }
    // an object field is placed when all its fields are
    let mut missing = Vec::new();
    for o in &all {
        for f in o.fields {
            let here = (o.name.to_string(), f.key.to_string());
            let nested_placed = match f.kind {
                KindInfo::Object(inner) => object(inner)
                    .fields
                    .iter()
                    .all(|g| placed.contains(&(inner.to_string(), g.key.to_string()))),
                _ => false,
            };
            if !placed.contains(&here)
                && !nested_placed
                && (o.name, f.key) != ("inventory", "format")
            {
                missing.push(format!("{}.{}", o.name, f.key));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "declared fields with no column: {missing:?}"
    );
}
