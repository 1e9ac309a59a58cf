//! One inventory from the files the units send back (SPEC §15).
//!
//! Each input is a valid inventory with a label (its file name) and, when
//! it came from a workbook, the [`Locator`] of its cells, so that a
//! conflict names the files, sheets, rows and columns of both values.
//!
//! - The organisation's `name`, `code` and `currency` must be the same in
//!   every file; its population is united year by year.
//! - Units, people, fee schedules and exchange rates (by currency and
//!   year) are kept once when equal everywhere; a field that differs is a
//!   `merge_conflict`.
//! - Networks with one id are one network when their own values agree.
//!   Their participants are united by person (a person's seat that differs
//!   is a conflict); their costs and financing are united as multisets: an
//!   item in several files is kept once, and an item that one file lists
//!   twice is kept twice.
//!
//! Every conflict comes in one run; the result is validated by
//! [`Inventory::new`]. [`Merged::completeness`] says, for each unit, which
//! files reported networks for it and how many.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::finding::{Code, Finding, Findings, Path};
use crate::model::{InventoryData, Network, Population};
use crate::present::messages as m;
use crate::present::{Arg, Message};
use crate::tables::Locator;
use crate::{Error, FastMap, Inventory};

/// One file to merge: its label (the file's name), its inventory and,
/// for a workbook, where its items are.
#[derive(Debug, Clone)]
pub struct MergeInput {
    /// How findings name the file (`ekonomi.xlsx`).
    pub label: String,
    /// Its inventory.
    pub inventory: Inventory,
    /// For a workbook: its sheets, rows and columns.
    pub locator: Option<Locator>,
}

impl MergeInput {
    /// An input read from JSON (or built in code).
    pub fn new(label: impl Into<String>, inventory: Inventory) -> MergeInput {
        MergeInput {
            label: label.into(),
            inventory,
            locator: None,
        }
    }
    /// An input imported from a workbook, with where its items are.
    pub fn workbook(
        label: impl Into<String>,
        inventory: Inventory,
        locator: Locator,
    ) -> MergeInput {
        MergeInput {
            label: label.into(),
            inventory,
            locator: Some(locator),
        }
    }
}

/// How many networks one file reported for a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCount {
    /// The file's label.
    pub file: String,
    /// Its networks with this unit.
    pub networks: usize,
}

/// One row of the completeness table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitCompleteness {
    /// The unit's id; `None` for the networks that name no unit.
    pub unit: Option<String>,
    /// The unit's name.
    pub name: Option<String>,
    /// The files that reported networks for it, in the order given; empty
    /// when none did.
    pub files: Vec<FileCount>,
    /// Its networks in the merged inventory.
    pub networks: usize,
}

/// A merged inventory and its completeness table.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The one inventory.
    pub inventory: Inventory,
    /// For each unit of the merged inventory, in its order, which files
    /// reported networks for it (then a row for networks without a unit,
    /// if any).
    pub completeness: Vec<UnitCompleteness>,
}

impl Merged {
    /// The units no file reported a network for.
    pub fn missing(&self) -> impl Iterator<Item = &UnitCompleteness> {
        self.completeness
            .iter()
            .filter(|u| u.unit.is_some() && u.files.is_empty())
    }
}

/// The problems of one file that cannot be merged (it is not a valid
/// inventory), each message prefixed with the file and, for a workbook,
/// the sheet, row and column: so the problems of every file can be given
/// in one list (SPEC §7.2) and each still says where it is.
///
/// ```
/// use natverk::{file_findings, Inventory, Lang};
///
/// let err = Inventory::from_json(r#"{"format": "natverk/1"}"#).unwrap_err();
/// let f = file_findings("ks.json", err.into_findings().into_iter().map(|f| (f, None)));
/// assert!(f[0].message_in(Lang::Sv).starts_with("i `ks.json`: "));
/// ```
pub fn file_findings(
    label: &str,
    findings: impl IntoIterator<Item = (Finding, Option<crate::tables::Place>)>,
) -> Vec<Finding> {
    findings
        .into_iter()
        .map(|(f, place)| {
            let msg = match place {
                Some(p) => {
                    Message::new(&m::MERGE_FILE_PLACE_FINDING).arg("place", Arg::Place(Box::new(p)))
                }
                None => Message::new(&m::MERGE_FILE_FINDING),
            }
            .with("file", label)
            .arg("text", Arg::Message(Box::new(f.message)));
            let mut g = Finding::new(f.code, f.path, msg);
            g.line = f.line;
            g.column = f.column;
            g
        })
        .collect()
}

/// Where an item is in its file: (file, path).
type At = (usize, Path);

struct Merger<'a> {
    inputs: &'a [MergeInput],
    findings: Vec<Finding>,
}

/// A value for a message: `` `text` `` or "nothing".
fn value_arg(v: Option<&Value>) -> Arg {
    match v {
        None | Some(Value::Null) => Arg::Label("merge.empty"),
        Some(Value::String(s)) => Arg::Text(format!("`{}`", clip(s))),
        Some(other) => Arg::Text(format!("`{}`", clip(&other.to_string()))),
    }
}

/// Longest value quoted in a conflict, in characters: enough for a
/// network's whole name (the official must see both), while a message
/// still never grows with the input (SPEC §9).
const VALUE_CHARS: usize = 200;

/// A value for a conflict, cut with `...` past [`VALUE_CHARS`].
fn clip(s: &str) -> String {
    match s.char_indices().nth(VALUE_CHARS) {
        None => s.to_string(),
        Some((end, _)) => format!("{}...", &s[..end]),
    }
}

/// Two leaves are the same value: equal JSON, or decimals equal as numbers
/// (`650.5` and `650.50`).
fn same_leaf(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (Some(Value::String(x)), Some(Value::String(y))) if x != y => {
            match (decimal_of(x), decimal_of(y)) {
                (Some(x), Some(y)) => x == y,
                _ => false,
            }
        }
        (None, Some(Value::Null)) | (Some(Value::Null), None) => true,
        (Some(Value::Array(x)), Some(Value::Array(y))) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_leaf(Some(x), Some(y)))
        }
        (Some(Value::Object(x)), Some(Value::Object(y))) => x
            .keys()
            .chain(y.keys())
            .all(|k| same_leaf(x.get(k), y.get(k))),
        _ => a == b,
    }
}

fn decimal_of(s: &str) -> Option<rust_decimal::Decimal> {
    if s.contains('.')
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        s.parse().ok()
    } else {
        None
    }
}

/// The item as a JSON object (the format's own serialisation).
fn object_of<T: serde::Serialize>(item: &T) -> serde_json::Map<String, Value> {
    match crate::format::with_defaults(|| serde_json::to_value(item)) {
        Ok(Value::Object(o)) => o,
        _ => serde_json::Map::new(),
    }
}

/// A key that is the same for equal items (decimals normalised), to unite
/// costs and financing.
fn item_key<T: serde::Serialize>(item: &T) -> String {
    fn norm(v: &mut Value) {
        match v {
            Value::String(s) => {
                if let Some(d) = decimal_of(s) {
                    *s = d.normalize().to_string();
                }
            }
            Value::Array(a) => a.iter_mut().for_each(norm),
            Value::Object(o) => o.values_mut().for_each(norm),
            _ => {}
        }
    }
    let mut v = crate::format::with_defaults(|| serde_json::to_value(item)).unwrap_or(Value::Null);
    norm(&mut v);
    v.to_string()
}

impl Merger<'_> {
    /// `` `file`, sheet `x`, row 3, column `y` (B) `` or `` `file`, at path ``.
    fn place(&self, at: &At) -> Message {
        let input = &self.inputs[at.0];
        let place = input
            .locator
            .as_ref()
            .and_then(|l| l.place_of_path(&at.1, ""));
        let place = match place {
            Some(p) => Arg::Place(Box::new(p)),
            None => Arg::Message(Box::new(
                Message::new(&m::MERGE_AT_PATH).with("path", &at.1),
            )),
        };
        Message::new(&m::MERGE_WHERE)
            .with("file", &input.label)
            .arg("place", place)
    }

    fn conflict(&mut self, item: Message, a: (&At, Option<&Value>), b: (&At, Option<&Value>)) {
        let msg = Message::new(&m::MERGE_CONFLICT)
            .arg("item", Arg::Message(Box::new(item)))
            .arg("a", value_arg(a.1))
            .arg("first", Arg::Message(Box::new(self.place(a.0))))
            .arg("b", value_arg(b.1))
            .arg("second", Arg::Message(Box::new(self.place(b.0))));
        self.findings
            .push(Finding::new(Code::MergeConflict, b.0 .1.clone(), msg));
    }

    /// Compares two items field by field (one level deep, and into the
    /// objects `decision` and `assessment`); a conflict per differing field.
    fn compare(
        &mut self,
        item: &Message,
        a: (&At, &serde_json::Map<String, Value>),
        b: (&At, &serde_json::Map<String, Value>),
        skip: &[&str],
    ) {
        let mut keys: Vec<&String> = a.1.keys().collect();
        keys.extend(b.1.keys().filter(|k| !a.1.contains_key(*k)));
        for k in keys {
            if skip.contains(&k.as_str()) {
                continue;
            }
            let (x, y) = (a.1.get(k), b.1.get(k));
            if same_leaf(x, y) {
                continue;
            }
            let pa = (a.0 .0, a.0 .1.clone().key(k.clone()));
            let pb = (b.0 .0, b.0 .1.clone().key(k.clone()));
            match (x, y) {
                (Some(Value::Object(x)), Some(Value::Object(y))) => {
                    self.compare(item, (&pa, x), (&pb, y), &[]);
                }
                _ => self.conflict(item.clone(), (&pa, x), (&pb, y)),
            }
        }
    }
}

/// A keyed list (units, people, schedules, rates): each item kept once,
/// a conflict per field where two files differ.
fn unite<T: Clone + PartialEq + serde::Serialize>(
    mg: &mut Merger<'_>,
    list: &'static str,
    of: impl Fn(&InventoryData) -> &[T],
    key: impl Fn(&T) -> String,
    item: impl Fn(&T) -> Message,
) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    let mut seen: FastMap<String, (usize, At)> = FastMap::default();
    for fi in 0..mg.inputs.len() {
        let data = mg.inputs[fi].inventory.data();
        for (i, x) in of(data).iter().enumerate() {
            let at = (fi, Path::root().key(list).index(i));
            match seen.get(&key(x)) {
                None => {
                    seen.insert(key(x), (out.len(), at));
                    out.push(x.clone());
                }
                Some((j, first)) => {
                    if out[*j] != *x {
                        let first = first.clone();
                        let a = object_of(&out[*j]);
                        let b = object_of(x);
                        mg.compare(&item(x), (&first, &a), (&at, &b), &[]);
                    }
                }
            }
        }
    }
    out
}

/// Merges the inventories of several files into one (SPEC §15).
///
/// # Errors
///
/// [`Error::Invalid`] with every `merge_conflict` at once (each at the
/// path of the second value in its file, its message naming both files
/// and places and both values), or with the findings of
/// [`Inventory::new`] on the merged data; a `missing_field` finding when
/// no input is given.
///
/// # Example
///
/// ```
/// use natverk::{merge, Inventory, MergeInput};
///
/// let a = Inventory::from_json(r#"{"format": "natverk/1",
///   "organisation": {"name": "X", "currency": "SEK"},
///   "networks": [{"id": "skr", "name": "SKR", "start": "2024-01-01"}]}"#)?;
/// let b = Inventory::from_json(r#"{"format": "natverk/1",
///   "organisation": {"name": "X", "currency": "SEK"},
///   "networks": [{"id": "skr", "name": "SKR nätverk", "start": "2024-01-01"}]}"#)?;
/// let err = merge(&[MergeInput::new("a.json", a.clone()), MergeInput::new("b.json", b)]).unwrap_err();
/// let f = &err.findings()[0];
/// assert_eq!(f.code.as_str(), "merge_conflict");
/// assert_eq!(f.path, "networks[0].name");
/// assert!(f.message.contains("`SKR` in file `a.json` (at networks[0].name)"));
/// assert!(f.message.contains("`SKR nätverk` in file `b.json`"));
///
/// let merged = merge(&[MergeInput::new("a.json", a.clone()), MergeInput::new("c.json", a)])?;
/// assert_eq!(merged.inventory.networks().len(), 1);
/// # Ok::<(), natverk::Error>(())
/// ```
pub fn merge(inputs: &[MergeInput]) -> Result<Merged, Error> {
    let Some(first) = inputs.first() else {
        return Err(Error::Invalid(Findings::new(vec![Finding::new(
            Code::MissingField,
            Path::root(),
            Message::new(&m::MERGE_NOTHING),
        )])));
    };
    let mut mg = Merger {
        inputs,
        findings: Vec::new(),
    };

    // The organisation: name, code and currency as in the first file.
    let mut organisation = first.inventory.organisation().clone();
    let org0 = object_of(&organisation);
    let root0: At = (0, Path::root().key("organisation"));
    for (fi, input) in inputs.iter().enumerate().skip(1) {
        let o = object_of(input.inventory.organisation());
        for field in ["name", "code", "currency"] {
            let (x, y) = (org0.get(field), o.get(field));
            if !same_leaf(x, y) {
                let item = Message::new(&m::MERGE_ITEM_ORGANISATION).with("field", field);
                let a = (0, root0.1.clone().key(field));
                let b = (fi, Path::root().key("organisation").key(field));
                mg.conflict(item, (&a, x), (&b, y));
            }
        }
    }
    organisation.population = merge_population(&mut mg);

    let units = unite(
        &mut mg,
        "units",
        |d| &d.units,
        |u| u.id.clone(),
        |u| Message::new(&m::MERGE_ITEM_UNIT).with("id", &u.id),
    );
    let people = unite(
        &mut mg,
        "people",
        |d| &d.people,
        |p| p.id.clone(),
        |p| Message::new(&m::MERGE_ITEM_PERSON).with("id", &p.id),
    );
    let fee_schedules = unite(
        &mut mg,
        "fee_schedules",
        |d| &d.fee_schedules,
        |s| s.id.clone(),
        |s| Message::new(&m::MERGE_ITEM_SCHEDULE).with("id", &s.id),
    );
    let exchange_rates = unite(
        &mut mg,
        "exchange_rates",
        |d| &d.exchange_rates,
        |r| format!("{} {}", r.currency, r.year),
        |r| {
            Message::new(&m::MERGE_ITEM_RATE)
                .with("currency", &r.currency)
                .with("year", r.year)
        },
    );
    let networks = merge_networks(&mut mg);

    if !mg.findings.is_empty() {
        return Err(Error::Invalid(Findings::new(mg.findings)));
    }
    let completeness = completeness(inputs, &units, &networks);
    let mut data = InventoryData::new(organisation);
    data.units = units;
    data.people = people;
    data.fee_schedules = fee_schedules;
    data.exchange_rates = exchange_rates;
    data.networks = networks;
    Ok(Merged {
        inventory: Inventory::new(data)?,
        completeness,
    })
}

/// The population, united year by year; a number the same every year
/// must be the same in every file that gives one.
fn merge_population(mg: &mut Merger<'_>) -> Option<Population> {
    // Per year (None: the same every year): the population and where.
    let mut years: BTreeMap<Option<i32>, (u64, At)> = BTreeMap::new();
    let path = || Path::root().key("organisation").key("population");
    for fi in 0..mg.inputs.len() {
        let pairs: Vec<(Option<i32>, u64)> =
            match &mg.inputs[fi].inventory.organisation().population {
                None => continue,
                Some(Population::Constant(p)) => vec![(None, *p)],
                Some(Population::ByYear(m)) => m.iter().map(|(y, p)| (Some(*y), *p)).collect(),
            };
        for (y, p) in pairs {
            let at = (
                fi,
                match y {
                    Some(y) => path().key(y.to_string()),
                    None => path(),
                },
            );
            // A number for every year beside numbers by year: one kind.
            // (The first key of the other kind: `None` sorts first, so the
            // constant is the first key, a year the last.)
            let other_kind = if y.is_some() {
                years.first_key_value().filter(|(k, _)| k.is_none())
            } else {
                years.last_key_value().filter(|(k, _)| k.is_some())
            };
            if let Some((k, (q, first))) = other_kind {
                let item = match k {
                    Some(k) => Message::new(&m::MERGE_ITEM_POPULATION_YEAR).with("year", k),
                    None => Message::new(&m::MERGE_ITEM_POPULATION),
                };
                let (a, b) = (Value::from(*q), Value::from(p));
                let first = first.clone();
                mg.conflict(item, (&first, Some(&a)), (&at, Some(&b)));
                continue;
            }
            match years.get(&y) {
                None => {
                    years.insert(y, (p, at));
                }
                Some((q, first)) if *q != p => {
                    let item = match y {
                        Some(y) => Message::new(&m::MERGE_ITEM_POPULATION_YEAR).with("year", y),
                        None => Message::new(&m::MERGE_ITEM_POPULATION),
                    };
                    let (a, b) = (Value::from(*q), Value::from(p));
                    let first = first.clone();
                    mg.conflict(item, (&first, Some(&a)), (&at, Some(&b)));
                }
                Some(_) => {}
            }
        }
    }
    match years.first_key_value() {
        None => None,
        Some((None, (p, _))) => Some(Population::Constant(*p)),
        Some(_) => Some(Population::ByYear(
            years
                .into_iter()
                .filter_map(|(y, (p, _))| y.map(|y| (y, p)))
                .collect(),
        )),
    }
}

/// The networks, united by id.
fn merge_networks(mg: &mut Merger<'_>) -> Vec<Network> {
    struct Seen {
        /// Where the network is first given.
        at: At,
        /// Its participants by person: index in the merged list and where.
        people: FastMap<String, (usize, At)>,
        /// How many of each cost and financing the merged network holds.
        costs: FastMap<String, usize>,
        financing: FastMap<String, usize>,
    }
    let mut out: Vec<Network> = Vec::new();
    let mut seen: Vec<Seen> = Vec::new();
    let mut by_id: FastMap<String, usize> = FastMap::default();
    for fi in 0..mg.inputs.len() {
        let data = mg.inputs[fi].inventory.data();
        for (i, n) in data.networks.iter().enumerate() {
            let at: At = (fi, Path::root().key("networks").index(i));
            let j = match by_id.get(&n.id) {
                Some(&j) => {
                    let mut own = n.clone();
                    own.participants.clear();
                    own.costs.clear();
                    own.financing.clear();
                    let mut first = out[j].clone();
                    first.participants.clear();
                    first.costs.clear();
                    first.financing.clear();
                    if own != first {
                        let item = Message::new(&m::MERGE_ITEM_NETWORK).with("id", &n.id);
                        let a = object_of(&first);
                        let b = object_of(&own);
                        let first_at = seen[j].at.clone();
                        mg.compare(
                            &item,
                            (&first_at, &a),
                            (&at, &b),
                            &["participants", "costs", "financing"],
                        );
                    }
                    j
                }
                None => {
                    let mut own = n.clone();
                    own.participants.clear();
                    own.costs.clear();
                    own.financing.clear();
                    by_id.insert(n.id.clone(), out.len());
                    out.push(own);
                    seen.push(Seen {
                        at: at.clone(),
                        people: FastMap::default(),
                        costs: FastMap::default(),
                        financing: FastMap::default(),
                    });
                    out.len() - 1
                }
            };
            for (k, p) in n.participants.iter().enumerate() {
                let pat = (fi, at.1.clone().key("participants").index(k));
                match seen[j].people.get(&p.person) {
                    None => {
                        let idx = out[j].participants.len();
                        seen[j].people.insert(p.person.clone(), (idx, pat));
                        out[j].participants.push(p.clone());
                    }
                    Some((idx, first)) => {
                        let q = &out[j].participants[*idx];
                        if q != p {
                            let item = Message::new(&m::MERGE_ITEM_PARTICIPANT)
                                .with("person", &p.person)
                                .with("id", &n.id);
                            let (a, b) = (object_of(q), object_of(p));
                            let first = first.clone();
                            mg.compare(&item, (&first, &a), (&pat, &b), &[]);
                        }
                    }
                }
            }
            // Costs and financing: as many of each as the file that lists
            // it most often.
            let mut here: FastMap<String, usize> = FastMap::default();
            for c in &n.costs {
                let key = item_key(c);
                let count = here.entry(key.clone()).or_insert(0);
                *count += 1;
                let have = seen[j].costs.entry(key).or_insert(0);
                if *count > *have {
                    *have += 1;
                    out[j].costs.push(c.clone());
                }
            }
            let mut here: FastMap<String, usize> = FastMap::default();
            for f in &n.financing {
                let key = item_key(f);
                let count = here.entry(key.clone()).or_insert(0);
                *count += 1;
                let have = seen[j].financing.entry(key).or_insert(0);
                if *count > *have {
                    *have += 1;
                    out[j].financing.push(f.clone());
                }
            }
        }
    }
    out
}

/// For each unit, which files reported networks for it.
fn completeness(
    inputs: &[MergeInput],
    units: &[crate::model::Unit],
    networks: &[Network],
) -> Vec<UnitCompleteness> {
    // Per unit (None: no unit), per file: networks.
    let mut counts: FastMap<Option<&str>, Vec<usize>> = FastMap::default();
    for (fi, input) in inputs.iter().enumerate() {
        for n in input.inventory.networks() {
            let v = counts
                .entry(n.unit.as_deref())
                .or_insert_with(|| vec![0; inputs.len()]);
            v[fi] += 1;
        }
    }
    let mut merged: FastMap<Option<&str>, usize> = FastMap::default();
    for n in networks {
        *merged.entry(n.unit.as_deref()).or_insert(0) += 1;
    }
    let row = |unit: Option<&str>, name: Option<&str>| UnitCompleteness {
        unit: unit.map(str::to_string),
        name: name.map(str::to_string),
        files: counts
            .get(&unit)
            .map(|v| {
                v.iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .map(|(fi, n)| FileCount {
                        file: inputs[fi].label.clone(),
                        networks: *n,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        networks: merged.get(&unit).copied().unwrap_or(0),
    };
    let mut rows: Vec<UnitCompleteness> = units
        .iter()
        .map(|u| row(Some(&u.id), Some(&u.name)))
        .collect();
    if merged.contains_key(&None) {
        rows.push(row(None, None));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn inv(json: &str) -> Inventory {
        Inventory::from_json(json).unwrap()
    }

    fn file(population: &str, people: &str, networks: &str) -> String {
        format!(
            r#"{{"format": "natverk/1",
              "organisation": {{"name": "X", "currency": "SEK", "population": {population}}},
              "people": {people}, "networks": {networks}}}"#
        )
    }

    const ANNA: &str = r#"[{"id": "anna", "role": "official", "gender": "woman"}]"#;

    #[test]
    fn population_years_are_united_and_a_year_with_two_numbers_is_a_conflict() {
        let a = inv(&file(r#"{"2022": 10}"#, "[]", "[]"));
        let b = inv(&file(r#"{"2023": 11}"#, "[]", "[]"));
        let m = merge(&[MergeInput::new("a", a.clone()), MergeInput::new("b", b)]).unwrap();
        assert_eq!(
            m.inventory.organisation().population,
            Some(Population::ByYear([(2022, 10), (2023, 11)].into()))
        );
        let c = inv(&file(r#"{"2022": 12}"#, "[]", "[]"));
        let err = merge(&[MergeInput::new("a", a), MergeInput::new("c", c)]).unwrap_err();
        let f = &err.findings()[0];
        assert_eq!(f.path, "organisation.population.2022");
        assert_eq!(
            f.message_in(Lang::Sv),
            "folkmängden år 2022 skiljer sig mellan filerna: `10` i filen `a` \
             (vid organisation.population.2022), `12` i filen `c` \
             (vid organisation.population.2022): gör dem lika i båda filerna"
        );
    }

    #[test]
    fn a_number_for_every_year_beside_numbers_by_year_is_a_conflict() {
        let a = inv(&file("10", "[]", "[]"));
        let b = inv(&file(r#"{"2023": 11}"#, "[]", "[]"));
        for (x, y) in [(&a, &b), (&b, &a)] {
            let err = merge(&[
                MergeInput::new("x", x.clone()),
                MergeInput::new("y", y.clone()),
            ])
            .unwrap_err();
            assert_eq!(err.findings().len(), 1);
            assert_eq!(err.findings()[0].code, Code::MergeConflict);
        }
        let m = merge(&[MergeInput::new("a", a.clone()), MergeInput::new("a2", a)]).unwrap();
        assert_eq!(
            m.inventory.organisation().population,
            Some(Population::Constant(10))
        );
    }

    #[test]
    fn a_person_differing_in_one_field_is_one_conflict_there() {
        let a = inv(&file("1", ANNA, "[]"));
        let b = inv(&file(
            "1",
            r#"[{"id": "anna", "role": "official", "gender": "man"}]"#,
            "[]",
        ));
        let err = merge(&[MergeInput::new("a", a), MergeInput::new("b", b)]).unwrap_err();
        assert_eq!(err.findings().len(), 1);
        let f = &err.findings()[0];
        assert_eq!(
            (f.code, f.path.to_string().as_str()),
            (Code::MergeConflict, "people[0].gender")
        );
        assert!(f
            .message_in(Lang::Sv)
            .starts_with("personen `anna` skiljer sig"));
        assert!(
            f.message.contains("`woman` in file `a`") && f.message.contains("`man` in file `b`")
        );
    }

    #[test]
    fn costs_are_united_as_multisets_and_participants_by_person() {
        let net = |costs: &str, hours: &str| {
            format!(
                r#"[{{"id": "n", "name": "N", "start": "2024-01-01",
                   "participants": [{{"person": "anna", "hours_per_year": "{hours}"}}],
                   "costs": {costs}}}]"#
            )
        };
        let travel = r#"{"kind": "travel", "amount": "100"}"#;
        let fee = r#"{"kind": "fee", "amount": "50.0"}"#;
        let a = inv(&file(
            "1",
            ANNA,
            &net(&format!("[{travel}, {travel}]"), "10"),
        ));
        let b = inv(&file(
            "1",
            ANNA,
            &net(&format!("[{travel}, {fee}]"), "10.0"),
        ));
        let m = merge(&[MergeInput::new("a", a.clone()), MergeInput::new("b", b)]).unwrap();
        let n = &m.inventory.networks()[0];
        assert_eq!(n.costs.len(), 3, "two travels from a, the fee from b");
        assert_eq!(n.participants.len(), 1);
        assert_eq!(m.completeness.len(), 1);
        assert_eq!(m.completeness[0].unit, None);
        assert_eq!(m.completeness[0].files.len(), 2);

        let c = inv(&file("1", ANNA, &net("[]", "20")));
        let err = merge(&[MergeInput::new("a", a), MergeInput::new("c", c)]).unwrap_err();
        let f = &err.findings()[0];
        assert_eq!(f.path, "networks[0].participants[0].hours_per_year");
        assert!(f
            .message_in(Lang::En)
            .starts_with("person `anna` in network `n` differs"));
    }

    #[test]
    fn a_hundred_files_each_with_their_own_network_and_a_shared_one() {
        let inputs: Vec<MergeInput> = (0..100)
            .map(|i| {
                let nets = format!(
                    r#"[{{"id": "own{i}", "name": "Own {i}", "start": "2024-01-01"}},
                       {{"id": "shared", "name": "Shared", "start": "2024-01-01",
                         "participants": [{{"person": "anna"}}],
                         "costs": [{{"kind": "fee", "amount": "{i}"}}]}}]"#
                );
                MergeInput::new(format!("f{i}.json"), inv(&file("1", ANNA, &nets)))
            })
            .collect();
        let m = merge(&inputs).unwrap();
        assert_eq!(m.inventory.networks().len(), 101);
        let shared = m.inventory.network("shared").unwrap();
        assert_eq!((shared.participants.len(), shared.costs.len()), (1, 100));
        assert_eq!(m.completeness[0].files.len(), 100);
        assert_eq!(m.completeness[0].networks, 101);
    }

    #[test]
    fn long_values_are_cut_in_the_message() {
        let net =
            |name: &str| format!(r#"[{{"id": "n", "name": "{name}", "start": "2024-01-01"}}]"#);
        let (x, y) = ("x".repeat(100_000), "y".repeat(100_000));
        let a = inv(&file("1", "[]", &net(&x)));
        let b = inv(&file("1", "[]", &net(&y)));
        let err = merge(&[MergeInput::new("a", a), MergeInput::new("b", b)]).unwrap_err();
        let text = err.findings()[0].message_in(Lang::En);
        assert!(text.len() < 700, "{}", text.len());
        assert!(text.contains(&format!("`{}...`", "x".repeat(200))));
    }

    #[test]
    fn no_input_is_an_error_not_an_empty_inventory() {
        let err = merge(&[]).unwrap_err();
        assert_eq!(err.findings()[0].code, Code::MissingField);
    }
}
