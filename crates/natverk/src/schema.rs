//! A JSON Schema (draft 2020-12) of `natverk/1`, for editors and other
//! tools: completion, and a first check while typing.
//!
//! It is derived from the loader: every object's keys are exactly
//! [`crate::load::known_fields`], and each key's type comes from `TYPES`,
//! kept next to the key lists' names so a test fails when a key has no type
//! (or a type no key). Enum words come from the model's own word lists.
//! Every object has `additionalProperties: false`, as the loader rejects
//! unknown keys.
//!
//! The schema cannot say everything the loader checks (references between
//! ids, tiers in increasing order, rates and populations needed by a
//! report): a file that passes the schema can still have findings, never
//! the other way round for the rules it states.

use serde_json::{json, Map, Value};

use crate::load::{known_fields, MAX_NOTICE_MONTHS, MAX_YEAR, MIN_YEAR};
use crate::model::{
    CostKind, Covers, FinancingStatus, Gender, NetworkKind, Per, Recommendation, Role, Side,
    Status, FORMAT,
};

/// The type of a key's value, as the loader reads it.
#[derive(Clone, Copy)]
enum Ty {
    /// The format tag, `natverk/1`.
    Format,
    /// A non-empty string.
    Text,
    /// Any string.
    Str,
    /// `true` or `false`.
    Bool,
    /// `YYYY-MM-DD`.
    Date,
    /// A decimal ≥ 0.
    NonNegative,
    /// A decimal > 0.
    Positive,
    /// A decimal above 0, at most 1.
    Share,
    /// A decimal from 0 to 1.
    Probability,
    /// A year (integer).
    Year,
    /// An integer in a range.
    Int(i64, i64),
    /// An ISO 4217 code.
    Currency,
    /// An integer ≥ 0, or years mapped to integers.
    Population,
    /// One of a list of words.
    Words(fn() -> Vec<String>),
    /// A list of non-empty, distinct strings.
    Strings,
    /// An object of this name (in `known_fields`).
    Object(&'static str),
    /// A list of objects of this name.
    List(&'static str),
}

fn words(w: &[&str]) -> Vec<String> {
    w.iter().map(|s| s.to_string()).collect()
}

fn serialised<T: serde::Serialize>(all: &[T]) -> Vec<String> {
    all.iter()
        .filter_map(|v| serde_json::to_value(v).ok())
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// Every gender (an exhaustive match keeps this list complete).
fn genders() -> Vec<String> {
    let all = [Gender::Woman, Gender::Man, Gender::Other];
    for g in all {
        match g {
            Gender::Woman | Gender::Man | Gender::Other => {}
        }
    }
    serialised(&all)
}

fn roles() -> Vec<String> {
    let all = [Role::Politician, Role::Official];
    for r in all {
        match r {
            Role::Politician | Role::Official => {}
        }
    }
    serialised(&all)
}

fn sides() -> Vec<String> {
    let all = [Side::Majority, Side::Opposition];
    for s in all {
        match s {
            Side::Majority | Side::Opposition => {}
        }
    }
    serialised(&all)
}

/// Each object of [`known_fields`] with the type of each of its keys, and
/// the keys it requires. Keep in step with the loader's key lists.
/// The keys of an object with their types.
type Keys = &'static [(&'static str, Ty)];
/// The keys an object requires.
type Required = &'static [&'static str];

const TYPES: &[(&str, Keys, Required)] = &[
    (
        "inventory",
        &[
            ("format", Ty::Format),
            ("organisation", Ty::Object("organisation")),
            ("units", Ty::List("unit")),
            ("people", Ty::List("person")),
            ("fee_schedules", Ty::List("fee_schedule")),
            ("exchange_rates", Ty::List("rate")),
            ("networks", Ty::List("network")),
        ],
        &["format", "organisation"],
    ),
    (
        "organisation",
        &[
            ("name", Ty::Text),
            ("code", Ty::Str),
            ("population", Ty::Population),
            ("currency", Ty::Currency),
        ],
        &["name", "currency"],
    ),
    (
        "unit",
        &[("id", Ty::Text), ("name", Ty::Text), ("central", Ty::Bool)],
        &["id", "name"],
    ),
    (
        "person",
        &[
            ("id", Ty::Text),
            ("name", Ty::Str),
            ("gender", Ty::Words(genders)),
            ("role", Ty::Words(roles)),
            ("side", Ty::Words(sides)),
            ("party", Ty::Str),
            ("hourly_cost", Ty::NonNegative),
        ],
        &["id", "role"],
    ),
    (
        "fee_schedule",
        &[
            ("id", Ty::Text),
            ("currency", Ty::Currency),
            ("population_offset", Ty::Int(-100, 0)),
            ("tiers", Ty::List("tier")),
            ("per_capita", Ty::Object("per_capita")),
        ],
        &["id"],
    ),
    (
        "tier",
        &[
            ("max_population", Ty::Int(0, crate::load::MAX_POPULATION)),
            ("amount", Ty::NonNegative),
        ],
        &["amount"],
    ),
    (
        "per_capita",
        &[
            ("base", Ty::NonNegative),
            ("rate", Ty::NonNegative),
            ("min", Ty::NonNegative),
            ("max", Ty::NonNegative),
        ],
        &["rate"],
    ),
    (
        "rate",
        &[
            ("currency", Ty::Currency),
            ("year", Ty::Year),
            ("rate", Ty::Positive),
        ],
        &["currency", "year", "rate"],
    ),
    (
        "network",
        &[
            ("id", Ty::Text),
            ("name", Ty::Text),
            ("organiser", Ty::Str),
            ("kind", Ty::Words(|| words(NetworkKind::words()))),
            ("subjects", Ty::Strings),
            ("unit", Ty::Text),
            ("start", Ty::Date),
            ("end", Ty::Date),
            ("deadline", Ty::Date),
            ("status", Ty::Words(|| words(Status::words()))),
            ("notice_months", Ty::Int(0, MAX_NOTICE_MONTHS)),
            ("via", Ty::Str),
            ("decision", Ty::Object("decision")),
            ("url", Ty::Str),
            ("purpose", Ty::Str),
            ("notes", Ty::Str),
            ("assessment", Ty::Object("assessment")),
            ("participants", Ty::List("participant")),
            ("costs", Ty::List("cost")),
            ("financing", Ty::List("financing")),
        ],
        &["id", "name", "start"],
    ),
    (
        "decision",
        &[
            ("body", Ty::Str),
            ("date", Ty::Date),
            ("reference", Ty::Str),
        ],
        &[],
    ),
    (
        "assessment",
        &[
            ("benefit", Ty::Int(1, 5)),
            (
                "recommendation",
                Ty::Words(|| words(Recommendation::words())),
            ),
            ("note", Ty::Str),
        ],
        &[],
    ),
    (
        "participant",
        &[
            ("person", Ty::Text),
            ("hours_per_year", Ty::NonNegative),
            ("role", Ty::Str),
        ],
        &["person"],
    ),
    (
        "cost",
        &[
            ("kind", Ty::Words(|| words(CostKind::words()))),
            ("amount", Ty::NonNegative),
            ("schedule", Ty::Text),
            ("currency", Ty::Currency),
            ("per", Ty::Words(|| words(Per::words()))),
            ("date", Ty::Date),
            ("from", Ty::Year),
            ("to", Ty::Year),
            ("prorate", Ty::Bool),
            ("note", Ty::Str),
        ],
        &["kind"],
    ),
    (
        "financing",
        &[
            ("funder", Ty::Text),
            ("covers", Ty::Words(|| words(Covers::words()))),
            ("share", Ty::Share),
            ("max_per_year", Ty::NonNegative),
            ("status", Ty::Words(|| words(FinancingStatus::words()))),
            ("probability", Ty::Probability),
            ("from", Ty::Year),
            ("to", Ty::Year),
        ],
        &["funder", "status"],
    ),
];

/// What each object is, for editors' tooltips.
fn describe(object: &str) -> &'static str {
    match object {
        "inventory" => "An inventory of the networks an organisation takes part in (natverk/1)",
        "organisation" => {
            "The organisation that keeps the inventory; every report is in its currency"
        }
        "unit" => "A part of the organisation that takes part in networks",
        "person" => "A person who represents the organisation (the name is personal data)",
        "fee_schedule" => {
            "A fee tiered by population or per inhabitant: exactly one of tiers or per_capita"
        }
        "tier" => "A population tier; the last tier has no max_population",
        "per_capita" => "base + rate × population, raised to min, lowered to max",
        "rate" => "An exchange rate: organisation currency per one unit, from this year on",
        "network" => "A network, membership, programme, partnership or declaration",
        "decision" => "The decision to take part",
        "assessment" => "How useful the network is, and what to do with it",
        "participant" => "A person's seat in a network",
        "cost" => "A cost: exactly one of amount or schedule, charged per year or once",
        "financing" => "Money from a funder that covers part of the cost",
        _ => "",
    }
}

const NON_NEGATIVE: &str = r"^[0-9]+(\.[0-9]+)?$";
const ZERO_TO_ONE: &str = r"^(0+(\.[0-9]+)?|0*1(\.0+)?)$";

fn value_schema(t: Ty) -> Value {
    match t {
        Ty::Format => json!({ "const": FORMAT }),
        Ty::Text => json!({ "$ref": "#/$defs/text" }),
        Ty::Str => json!({ "type": "string" }),
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::Date => json!({ "$ref": "#/$defs/date" }),
        Ty::NonNegative => json!({ "$ref": "#/$defs/non_negative_decimal" }),
        Ty::Positive => json!({
            "$ref": "#/$defs/non_negative_decimal",
            "exclusiveMinimum": 0,
            "not": { "type": "string", "pattern": r"^0+(\.0+)?$" }
        }),
        Ty::Share => json!({
            "type": ["number", "string"],
            "exclusiveMinimum": 0,
            "maximum": 1,
            "pattern": ZERO_TO_ONE,
            "not": { "type": "string", "pattern": r"^0+(\.0+)?$" }
        }),
        Ty::Probability => json!({
            "type": ["number", "string"],
            "minimum": 0,
            "maximum": 1,
            "pattern": ZERO_TO_ONE
        }),
        Ty::Year => json!({ "$ref": "#/$defs/year" }),
        Ty::Int(min, max) => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Ty::Currency => json!({ "$ref": "#/$defs/currency" }),
        Ty::Population => json!({ "$ref": "#/$defs/population" }),
        Ty::Words(f) => json!({ "enum": f() }),
        Ty::Strings => json!({
            "type": "array",
            "items": { "$ref": "#/$defs/text" },
            "uniqueItems": true
        }),
        Ty::Object(name) => json!({ "$ref": format!("#/$defs/{name}") }),
        Ty::List(name) => json!({
            "type": "array",
            "items": { "$ref": format!("#/$defs/{name}") }
        }),
    }
}

/// Rules between keys of one object that the loader checks and a schema
/// can state.
fn conditions(object: &str, schema: &mut Map<String, Value>) {
    match object {
        "fee_schedule" => {
            schema.insert(
                "oneOf".into(),
                json!([{ "required": ["tiers"] }, { "required": ["per_capita"] }]),
            );
        }
        "cost" => {
            schema.insert(
                "oneOf".into(),
                json!([{ "required": ["amount"] }, { "required": ["schedule"] }]),
            );
            schema.insert(
                "dependentRequired".into(),
                json!({ "currency": ["amount"] }),
            );
            schema.insert(
                "if".into(),
                json!({ "properties": { "per": { "const": "once" } }, "required": ["per"] }),
            );
            schema.insert(
                "then".into(),
                json!({ "properties": { "from": false, "to": false, "prorate": false } }),
            );
            schema.insert("else".into(), json!({ "properties": { "date": false } }));
        }
        "person" => {
            schema.insert(
                "if".into(),
                json!({ "properties": { "role": { "const": "politician" } }, "required": ["role"] }),
            );
            schema.insert("then".into(), json!({ "required": ["side"] }));
            schema.insert("else".into(), json!({ "properties": { "side": false } }));
        }
        "financing" => {
            schema.insert(
                "if".into(),
                json!({ "properties": { "status": { "enum": ["expected", "applied"] } }, "required": ["status"] }),
            );
            schema.insert("then".into(), json!({ "required": ["probability"] }));
            schema.insert(
                "else".into(),
                json!({ "properties": { "probability": false } }),
            );
        }
        _ => {}
    }
}

fn types_of(object: &str) -> Option<(Keys, Required)> {
    TYPES
        .iter()
        .find(|(name, _, _)| *name == object)
        .map(|(_, t, r)| (*t, *r))
}

/// The schema as a value.
pub fn schema() -> Value {
    let mut defs = Map::new();
    defs.insert(
        "text".into(),
        json!({ "type": "string", "pattern": r"\S", "description": "A string that is not empty or only spaces" }),
    );
    defs.insert(
        "date".into(),
        json!({ "type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "A date, YYYY-MM-DD" }),
    );
    defs.insert(
        "non_negative_decimal".into(),
        json!({ "type": ["number", "string"], "minimum": 0, "pattern": NON_NEGATIVE, "description": "A decimal ≥ 0, read exactly: a number, or a string such as \"65000\"" }),
    );
    defs.insert(
        "year".into(),
        json!({ "type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR }),
    );
    defs.insert(
        "currency".into(),
        json!({ "type": "string", "pattern": "^[A-Z]{3}$", "description": "An ISO 4217 code, e.g. SEK" }),
    );
    defs.insert(
        "population".into(),
        json!({
            "description": "The population: an integer, or years mapped to integers ({\"2023\": 604616})",
            "oneOf": [
                { "type": "integer", "minimum": 0 },
                {
                    "type": "object",
                    "patternProperties": { "^[0-9]{1,4}$": { "type": "integer", "minimum": 0 } },
                    "additionalProperties": false
                }
            ]
        }),
    );
    for (object, keys) in known_fields() {
        let (types, required) = types_of(object).unwrap_or((&[], &[]));
        let mut props = Map::new();
        for key in keys {
            if let Some((_, t)) = types.iter().find(|(k, _)| k == key) {
                props.insert((*key).to_string(), value_schema(*t));
            }
        }
        let mut s = Map::new();
        s.insert("type".into(), json!("object"));
        s.insert("description".into(), json!(describe(object)));
        s.insert("properties".into(), Value::Object(props));
        if !required.is_empty() {
            s.insert("required".into(), json!(required));
        }
        s.insert("additionalProperties".into(), json!(false));
        conditions(object, &mut s);
        defs.insert(object.to_string(), Value::Object(s));
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://natverk.invalid/schema/natverk-1.schema.json",
        "title": "natverk/1 inventory",
        "description": describe("inventory"),
        "$ref": "#/$defs/inventory",
        "$defs": Value::Object(defs),
    })
}

/// The schema as pretty-printed JSON text (keys sorted, two-space indent).
pub fn json_schema() -> String {
    serde_json::to_string_pretty(&schema()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_type_and_every_type_a_key() {
        let known = known_fields();
        for (object, keys) in &known {
            let (types, required) =
                types_of(object).unwrap_or_else(|| panic!("object `{object}` has no types"));
            for k in *keys {
                assert!(
                    types.iter().any(|(t, _)| t == k),
                    "key `{k}` of `{object}` has no type in schema::TYPES"
                );
            }
            for (t, _) in types {
                assert!(
                    keys.contains(t),
                    "schema::TYPES lists `{t}` of `{object}`, which the loader does not take"
                );
            }
            for r in required {
                assert!(keys.contains(r), "required `{r}` of `{object}` is no key");
            }
        }
        for (object, _, _) in TYPES {
            assert!(
                known.iter().any(|(k, _)| k == object),
                "schema::TYPES has `{object}`, which known_fields does not"
            );
        }
    }

    #[test]
    fn every_reference_resolves_and_objects_are_closed() {
        let s = schema();
        let defs = s["$defs"].as_object().unwrap();
        let text = json_schema();
        for part in text.split("\"#/$defs/").skip(1) {
            let name = &part[..part.find('"').unwrap()];
            assert!(defs.contains_key(name), "unresolved $ref {name}");
        }
        for (object, _) in known_fields() {
            assert_eq!(
                defs[object]["additionalProperties"],
                json!(false),
                "{object}"
            );
        }
    }

    #[test]
    fn words_come_from_the_model() {
        let s = schema();
        assert_eq!(
            s["$defs"]["person"]["properties"]["gender"]["enum"],
            json!(["woman", "man", "other"])
        );
        assert_eq!(
            s["$defs"]["network"]["properties"]["status"]["enum"],
            json!(Status::words())
        );
    }
}
