//! Files generated from the declaration of the format: the JSON Schema,
//! the Python decoding tables and typed dicts, the TypeScript types. The
//! repository keeps each one; a test fails when one is stale
//! (`UPDATE_GENERATED=1 cargo test -p natverk` rewrites them).

use serde_json::{json, Map, Value};

use super::{objects, DecimalBound, FieldInfo, KindInfo, ObjectInfo};
use crate::limits::{MAX_YEAR, MIN_YEAR};
use crate::model::{Word, FORMAT};

const NON_NEGATIVE: &str = r"^[0-9]+(\.[0-9]+)?$";
const ZERO_TO_ONE: &str = r"^(0+(\.[0-9]+)?|0*1(\.0+)?)$";

fn first_line(doc: &str) -> String {
    doc.lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_string()
}

fn value_schema(f: &FieldInfo) -> Value {
    let mut v = match f.kind {
        KindInfo::Text | KindInfo::Id | KindInfo::Ref(_) => json!({ "$ref": "#/$defs/text" }),
        KindInfo::Str => json!({ "type": "string" }),
        KindInfo::Bool => json!({ "type": "boolean" }),
        KindInfo::Date => json!({ "$ref": "#/$defs/date" }),
        KindInfo::Decimal(DecimalBound::Any) => {
            json!({ "type": ["number", "string"], "pattern": r"^-?[0-9]+(\.[0-9]+)?$" })
        }
        KindInfo::Decimal(DecimalBound::NonNegative) => {
            json!({ "$ref": "#/$defs/non_negative_decimal" })
        }
        KindInfo::Decimal(DecimalBound::Positive) => json!({
            "$ref": "#/$defs/non_negative_decimal",
            "exclusiveMinimum": 0,
            "not": { "type": "string", "pattern": r"^0+(\.0+)?$" }
        }),
        KindInfo::Decimal(DecimalBound::Share) => json!({
            "type": ["number", "string"],
            "exclusiveMinimum": 0,
            "maximum": 1,
            "pattern": ZERO_TO_ONE,
            "not": { "type": "string", "pattern": r"^0+(\.0+)?$" }
        }),
        KindInfo::Decimal(DecimalBound::Probability) => json!({
            "type": ["number", "string"],
            "minimum": 0,
            "maximum": 1,
            "pattern": ZERO_TO_ONE
        }),
        KindInfo::Integer(min, max) if (min, max) == (i64::from(MIN_YEAR), i64::from(MAX_YEAR)) => {
            json!({ "$ref": "#/$defs/year" })
        }
        KindInfo::Integer(min, max) => json!({ "type": "integer", "minimum": min, "maximum": max }),
        KindInfo::Currency => json!({ "$ref": "#/$defs/currency" }),
        KindInfo::Population => json!({ "$ref": "#/$defs/population" }),
        KindInfo::Word([only]) => json!({ "const": only }),
        KindInfo::Word(words) => json!({ "enum": words }),
        KindInfo::Strings => json!({
            "type": "array",
            "items": { "$ref": "#/$defs/text" },
            "uniqueItems": true
        }),
        KindInfo::Object(name) => json!({ "$ref": format!("#/$defs/{name}") }),
        KindInfo::List(name) => json!({
            "type": "array",
            "items": { "$ref": format!("#/$defs/{name}") }
        }),
    };
    let doc = first_line(f.doc);
    if !doc.is_empty() {
        if let Some(m) = v.as_object_mut() {
            if m.contains_key("$ref") {
                // A $ref with siblings is fine in draft 2020-12.
            }
            m.insert("description".into(), json!(doc));
        }
    }
    v
}

/// Rules between keys of one object that the validator checks and a
/// schema can state.
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

/// The JSON Schema (draft 2020-12) of `natverk/1`, as a value.
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
                    "patternProperties": { "^[0-9]{4}$": { "type": "integer", "minimum": 0 } },
                    "additionalProperties": false
                }
            ]
        }),
    );
    for o in objects() {
        let mut props = Map::new();
        let mut required = Vec::new();
        for f in o.fields {
            props.insert(f.key.to_string(), value_schema(f));
            if f.required {
                required.push(f.key);
            }
        }
        let mut s = Map::new();
        s.insert("type".into(), json!("object"));
        s.insert("description".into(), json!(first_line(o.doc)));
        s.insert("properties".into(), Value::Object(props));
        if !required.is_empty() {
            s.insert("required".into(), json!(required));
        }
        s.insert("additionalProperties".into(), json!(false));
        conditions(o.name, &mut s);
        defs.insert(o.name.to_string(), Value::Object(s));
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://natverk.invalid/schema/natverk-1.schema.json",
        "title": format!("{FORMAT} inventory"),
        "description": "An inventory of the networks an organisation takes part in (natverk/1)",
        "$ref": "#/$defs/inventory",
        "$defs": Value::Object(defs),
    })
}

/// The schema as pretty-printed JSON text (keys sorted, two-space indent).
pub fn json_schema() -> String {
    crate::write_json::pretty(&schema())
}

fn camel(name: &str) -> String {
    name.split('_')
        .map(|p| {
            let mut c = p.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect()
}

fn py_type(k: KindInfo) -> String {
    match k {
        KindInfo::Str | KindInfo::Text | KindInfo::Id | KindInfo::Ref(_) | KindInfo::Currency => {
            "str".into()
        }
        KindInfo::Decimal(_) => "Decimal".into(),
        KindInfo::Integer(..) => "int".into(),
        KindInfo::Date => "date".into(),
        KindInfo::Bool => "bool".into(),
        KindInfo::Word(words) => format!(
            "Literal[{}]",
            words
                .iter()
                .map(|w| format!("{w:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        KindInfo::Population => "Union[int, Mapping[Any, int]]".into(),
        KindInfo::Strings => "List[str]".into(),
        KindInfo::Object(name) => format!("{}Dict", camel(name)),
        KindInfo::List(name) => format!("List[{}Dict]", camel(name)),
    }
}

fn py_kind(k: KindInfo) -> String {
    match k {
        KindInfo::Decimal(_) => "\"decimal\"".into(),
        KindInfo::Date => "\"date\"".into(),
        KindInfo::Integer(..) => "\"int\"".into(),
        KindInfo::Bool => "\"bool\"".into(),
        KindInfo::Population => "\"population\"".into(),
        KindInfo::Strings => "\"strings\"".into(),
        KindInfo::Object(name) => format!("(\"object\", {name:?})"),
        KindInfo::List(name) => format!("(\"list\", {name:?})"),
        KindInfo::Word(_) => "\"word\"".into(),
        _ => "\"str\"".into(),
    }
}

/// The Python module `natverk/_format.py`: every object's keys and how
/// each value is converted, and a `TypedDict` per object (the shape of
/// `Inventory.to_dict()` and of what `from_dict` takes).
pub fn python_module() -> String {
    let mut out = String::from(
        "# Generated from the core's declaration of the natverk/1 format\n\
         # (crates/natverk/src/model.rs). Do not edit: run\n\
         # `UPDATE_GENERATED=1 cargo test -p natverk` to rewrite it.\n\
         \"\"\"The natverk/1 format: each object's keys, their kinds, and typed dicts.\"\"\"\n\n\
         from __future__ import annotations\n\n\
         from datetime import date\n\
         from decimal import Decimal\n\
         from typing import Any, Dict, List, Literal, Mapping, Tuple, TypedDict, Union\n\n",
    );
    out.push_str(
        "#: For each object, its keys in order with the kind of their values:\n\
         #: \"str\", \"word\", \"decimal\", \"date\", \"int\", \"bool\", \"population\", \"strings\",\n\
         #: (\"object\", name) or (\"list\", name).\n\
         FIELDS: Dict[str, Tuple[Tuple[str, object], ...]] = {\n",
    );
    for o in objects() {
        out.push_str(&format!("    {:?}: (\n", o.name));
        for f in o.fields {
            out.push_str(&format!("        ({:?}, {}),\n", f.key, py_kind(f.kind)));
        }
        out.push_str("    ),\n");
    }
    out.push_str("}\n\n");
    out.push_str("#: The words of each enum-valued key, by object and key.\nWORDS: Dict[Tuple[str, str], Tuple[str, ...]] = {\n");
    for o in objects() {
        for f in o.fields {
            if let KindInfo::Word(words) = f.kind {
                out.push_str(&format!(
                    "    ({:?}, {:?}): ({}),\n",
                    o.name,
                    f.key,
                    words
                        .iter()
                        .map(|w| format!("{w:?}, "))
                        .collect::<String>()
                        .trim_end()
                ));
            }
        }
    }
    out.push_str("}\n\n");
    let keys = group_keys(", ");
    out.push_str(&format!(
        "#: The keys a report can be grouped by, in order (the core's `GroupKey::ALL`).\n\
         GROUP_KEYS: Tuple[str, ...] = ({keys},)\n\
         #: One of them.\n\
         GroupKey = Literal[{keys}]\n\
         #: ``\"all\"`` networks, or only those of ``\"central\"`` units (the core's `Scope`).\n\
         Scope = Literal[{scopes}]\n\
         #: The status of a network (the core's `Status`).\n\
         Status = Literal[{statuses}]\n\n",
        scopes = quoted(crate::Scope::WORDS, ", "),
        statuses = quoted(crate::Status::WORDS, ", "),
    ));
    // Typed dicts, defined at run time too (the stub test compares them):
    // the optional keys (among them `from` and `to`, Python keywords) in a
    // functional `total=False` dict, the required ones in a class over it.
    // Referenced types first (reverse order of declaration).
    let objs: Vec<ObjectInfo> = objects();
    for o in objs.iter().rev() {
        let name = format!("{}Dict", camel(o.name));
        let optional: Vec<&FieldInfo> = o.fields.iter().filter(|f| !f.required).collect();
        out.push_str(&format!(
            "\n_{name}Optional = TypedDict(\n    {:?},\n    {{\n",
            format!("_{name}Optional")
        ));
        for f in &optional {
            out.push_str(&format!("        {:?}: {},\n", f.key, py_type(f.kind)));
        }
        out.push_str("    },\n    total=False,\n)\n\n");
        out.push_str(&format!("\nclass {name}(_{name}Optional):\n"));
        out.push_str(&format!(
            "    \"\"\"{}\"\"\"\n",
            first_line(o.doc).replace('"', "'")
        ));
        let required: Vec<&FieldInfo> = o.fields.iter().filter(|f| f.required).collect();
        if !required.is_empty() {
            out.push('\n');
        }
        for f in required {
            out.push_str(&format!("    {}: {}\n", f.key, py_type(f.kind)));
        }
        out.push('\n');
    }
    out
}

/// Words, quoted, joined by `sep`.
fn quoted(words: &[&str], sep: &str) -> String {
    words
        .iter()
        .map(|w| format!("{w:?}"))
        .collect::<Vec<_>>()
        .join(sep)
}

/// The group keys of a report, quoted, joined by `sep`.
fn group_keys(sep: &str) -> String {
    crate::GroupKey::ALL
        .iter()
        .map(|k| format!("{:?}", k.as_str()))
        .collect::<Vec<_>>()
        .join(sep)
}

fn ts_type(k: KindInfo) -> String {
    match k {
        KindInfo::Str | KindInfo::Text | KindInfo::Id | KindInfo::Ref(_) | KindInfo::Currency => {
            "string".into()
        }
        KindInfo::Decimal(_) => "Decimal".into(),
        KindInfo::Integer(..) => "number".into(),
        KindInfo::Date => "IsoDate".into(),
        KindInfo::Bool => "boolean".into(),
        KindInfo::Word(words) => words
            .iter()
            .map(|w| format!("{w:?}"))
            .collect::<Vec<_>>()
            .join(" | "),
        KindInfo::Population => "number | Record<string, number>".into(),
        KindInfo::Strings => "string[]".into(),
        KindInfo::Object(name) => format!("{}Json", camel(name)),
        KindInfo::List(name) => format!("{}Json[]", camel(name)),
    }
}

/// The TypeScript declarations of the `natverk/1` file
/// (`bindings/wasm/js/format.d.ts`).
pub fn typescript_module() -> String {
    let mut out = String::from(
        "// Generated from the core's declaration of the natverk/1 format\n\
         // (crates/natverk/src/model.rs). Do not edit: run\n\
         // `UPDATE_GENERATED=1 cargo test -p natverk` to rewrite it.\n\n\
         /** A decimal, read exactly: a JSON number or a string such as \"650.50\". */\n\
         export type Decimal = string | number;\n\
         /** A date, YYYY-MM-DD. */\n\
         export type IsoDate = string;\n",
    );
    out.push_str(&format!(
        "/** A key a report can be grouped by (the core's `GroupKey::ALL`). */\n\
         export type GroupKey = {};\n\
         /** Every network, or only those of central units (the core's `Scope`). */\n\
         export type Scope = {};\n\
         /** The status of a network (the core's `Status`). */\n\
         export type Status = {};\n",
        group_keys(" | "),
        quoted(crate::Scope::WORDS, " | "),
        quoted(crate::Status::WORDS, " | "),
    ));
    for o in objects() {
        out.push_str(&format!(
            "\n/** {} */\nexport interface {}Json {{\n",
            first_line(o.doc),
            camel(o.name)
        ));
        for f in o.fields {
            let doc = first_line(f.doc);
            if !doc.is_empty() {
                out.push_str(&format!("  /** {doc} */\n"));
            }
            out.push_str(&format!(
                "  {}{}: {};\n",
                f.key,
                if f.required { "" } else { "?" },
                ts_type(f.kind)
            ));
        }
        out.push_str("}\n");
    }
    out
}

/// The vocabulary as a JavaScript module for the widget
/// (`bindings/wasm/js/vocabulary.js`): one flat object of key → text per
/// language.
pub fn javascript_vocabulary() -> String {
    use crate::present::{vocabulary, Lang};
    let mut out = String::from(
        "// Generated from the core's vocabulary (crates/natverk/src/present/vocabulary.rs):\n\
         // every word the widget shows, in Swedish and English, one flat object of\n\
         // key → text per language; `{name}` is a value the widget fills in.\n\
         // Do not edit: run `UPDATE_GENERATED=1 cargo test -p natverk` to rewrite it.\n\n\
         export const VOCABULARY = {\n",
    );
    for lang in [Lang::En, Lang::Sv] {
        out.push_str(&format!("  {}: {{\n", lang.as_str()));
        // The words a page shows; the workbook's and the messages' own
        // words are written by the core.
        let page = |k: &str| {
            ![
                "workbook.",
                "what.",
                "what_list.",
                "ref.",
                "word.",
                "error.",
                "doc.",
            ]
            .iter()
            .any(|p| k.starts_with(p))
        };
        for (k, v) in vocabulary(lang).filter(|(k, _)| page(k)) {
            out.push_str(&format!(
                "    {}: {},\n",
                serde_json::to_string(k).unwrap_or_default(),
                serde_json::to_string(v).unwrap_or_default()
            ));
        }
        out.push_str("  },\n");
    }
    out.push_str("};\n");
    out.push_str(&format!(
        "\n// The keys a report can be grouped by, in order (the core's `GroupKey::ALL`).\n\
         export const GROUP_KEYS = [{}];\n\
         // The nine money fields of a report line, in SPEC 5.1 order (the core's `MONEY_FIELDS`).\n\
         export const MONEY_FIELDS = [{}];\n\
         // The money columns shown when none are chosen (the core's `present::DEFAULT_MONEY_COLUMNS`).\n\
         export const DEFAULT_MONEY_COLUMNS = [{}];\n\
         // The lines a report shows before \"show all\" (the core's `present::PAGE_LINES`).\n\
         export const PAGE_LINES = {};\n",
        group_keys(", ").replace('"', "'"),
        quoted(&crate::money::MONEY_FIELDS, ", ").replace('"', "'"),
        quoted(&crate::present::DEFAULT_MONEY_COLUMNS, ", ").replace('"', "'"),
        crate::present::PAGE_LINES,
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_resolves_and_objects_are_closed() {
        let s = schema();
        let defs = s["$defs"].as_object().unwrap();
        let text = json_schema();
        for part in text.split("\"#/$defs/").skip(1) {
            let name = &part[..part.find('"').unwrap()];
            assert!(defs.contains_key(name), "unresolved $ref {name}");
        }
        for o in objects() {
            assert_eq!(
                defs[o.name]["additionalProperties"],
                json!(false),
                "{}",
                o.name
            );
        }
    }

    #[test]
    fn words_and_requirements_come_from_the_declaration() {
        let s = schema();
        assert_eq!(
            s["$defs"]["person"]["properties"]["gender"]["enum"],
            json!(["woman", "man", "other"])
        );
        assert_eq!(
            s["$defs"]["network"]["required"],
            json!(["id", "name", "start"])
        );
        assert_eq!(
            s["$defs"]["inventory"]["required"],
            json!(["format", "organisation"])
        );
    }
}
