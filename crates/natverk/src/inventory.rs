//! [`Inventory`]: a validated inventory, immutable, with its references
//! resolved to positions so reports and checks work over indices.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::equality::{self, Equality};
use crate::error::Error;
use crate::finding::Findings;
use crate::model::*;
use crate::money::{add, mul, Overflow};
use crate::options::{EqualityOptions, ReportOptions};
use crate::report::{self, Report};
use crate::validate::{self, Ids, Validator};

mod edit;
mod ranks;
pub(crate) use ranks::Ranks;
pub(crate) use ranks::{SubjectRanks, TextRanks};

/// A validated inventory: every id unique, every reference resolved, every
/// period ordered, every schedule well formed (SPEC §3).
///
/// It is immutable, so no sequence of calls can make it inconsistent: read
/// it with [`Inventory::data`], change a copy ([`Inventory::into_data`])
/// and validate it again with [`Inventory::new`].
#[derive(Debug, Clone)]
pub struct Inventory {
    data: InventoryData,
    ix: Index,
    ranks: Ranks,
    /// The size of its JSON, in bytes: what SPEC §9 scales the work a
    /// report may do by.
    size: usize,
}

impl PartialEq for Inventory {
    fn eq(&self, other: &Self) -> bool {
        self.data == other.data
    }
}

/// What validation resolved: positions of ids, rates by currency, each
/// network's unit, staff time and costs' schedules and currencies.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    pub ids: [Ids; 4],
    /// Foreign currencies used by the file, and their rates by year.
    pub currencies: Vec<String>,
    pub rates: Vec<BTreeMap<i32, Decimal>>,
    pub networks: Vec<NetIx>,
    pub costs: Vec<CostIx>,
    pub participants: Vec<PartIx>,
}

/// A network, resolved.
#[derive(Debug, Clone)]
pub(crate) struct NetIx {
    /// Its unit is central.
    pub central: bool,
    /// Unrounded staff time cost of a year: Σ hours × hourly cost.
    pub time: Result<Decimal, Overflow>,
    /// Some participant has hours and an hourly cost.
    pub costed_time: bool,
    /// Its costs in [`Index::costs`].
    pub costs: Range<usize>,
    /// Its participants in [`Index::participants`].
    pub participants: Range<usize>,
}

/// A cost, resolved.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CostIx {
    /// The schedule charging it.
    pub schedule: Option<u32>,
    /// Its foreign currency (index into [`Index::currencies`]); `None` is
    /// the organisation's.
    pub currency: Option<u32>,
}

/// A participant, resolved.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PartIx {
    /// The person.
    pub person: u32,
}

impl Inventory {
    /// Validates data built in code, exactly as loading the same inventory
    /// from JSON does (the same findings, codes and paths).
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] with every error finding when the data breaks a
    /// rule of the format: an empty name, a duplicate id, a reference to
    /// nothing, a period that ends before it starts, a badly formed fee
    /// schedule, a missing rate or population, …
    ///
    /// # Example
    ///
    /// ```
    /// use natverk::{Cost, CostKind, Decimal, Inventory, InventoryData, NaiveDate, Network, Organisation};
    ///
    /// let mut data = InventoryData::new(Organisation::new("Göteborgs Stad", "SEK"));
    /// let start = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    /// let mut n = Network::new("skr", "Modellkoncept för jämställdhet", start);
    /// n.costs.push(Cost::yearly(CostKind::Fee, Decimal::from(65_000)));
    /// data.networks.push(n);
    /// let inv = Inventory::new(data.clone())?;
    ///
    /// // A second network with the same id is refused, at its path:
    /// data.networks.push(data.networks[0].clone());
    /// let err = Inventory::new(data).unwrap_err();
    /// assert_eq!(err.findings()[0].path, "networks[1].id");
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn new(data: InventoryData) -> Result<Inventory, Error> {
        let mut v = Validator::default();
        validate::walk(&data, &mut v);
        if v.has_errors() {
            return Err(Error::Invalid(Findings::new(v.into_findings())));
        }
        let size = json_size(&data);
        Ok(Inventory::from_validated(data, v, size))
    }

    /// Loads an inventory from `natverk/1` JSON text.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] with every error of the file at once: JSON syntax
    /// (with line and column), unknown or repeated keys, wrong types, and
    /// every rule of [`Inventory::new`].
    ///
    /// # Example
    ///
    /// ```
    /// let err = natverk::Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "sek"},
    ///   "networks": [{"id": "a", "nmae": "A", "start": "2024-13-01"}]}"#).unwrap_err();
    /// let codes: Vec<&str> = err.findings().iter().map(|f| f.code.as_str()).collect();
    /// assert_eq!(codes, ["invalid_value", "unknown_field", "invalid_value", "missing_field"]);
    /// assert_eq!(err.findings()[1].path, "networks[0].nmae");
    /// assert!(err.findings()[1].message.contains("did you mean `name`"));
    /// ```
    pub fn from_json(text: &str) -> Result<Inventory, Error> {
        crate::load::load(text.as_bytes())
    }

    /// Loads an inventory from JSON bytes (UTF-8; a byte order mark is
    /// allowed).
    ///
    /// # Errors
    ///
    /// As [`Inventory::from_json`]; bytes that are not UTF-8 are a `syntax`
    /// finding with line and column, and a file larger than
    /// [`crate::limits::MAX_INPUT_BYTES`] is refused unread.
    ///
    /// # Example
    ///
    /// ```
    /// let err = natverk::Inventory::from_slice(b"{\"format\": \xff}").unwrap_err();
    /// assert_eq!(err.findings()[0].code, natverk::Code::Syntax);
    /// ```
    pub fn from_slice(bytes: &[u8]) -> Result<Inventory, Error> {
        crate::load::load(bytes)
    }

    /// A new inventory with `network` (the JSON text of one network) in
    /// place of the network at `at`, or added at the end when `at` is
    /// `None`; validated as a whole, as [`Inventory::new`] validates (the
    /// findings at their paths in the new inventory, `networks[i]…`).
    ///
    /// Only the network is read: it is parsed beside this inventory's
    /// organisation, units, people, fee schedules and exchange rates, and
    /// only it is validated (its rules, its references, its id against the
    /// other networks'); the other networks were validated already. When
    /// the network has a problem, the whole new data is validated, or
    /// (when its JSON has one) the whole new file is read, so the findings
    /// are exactly those of loading it.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] with every error of the new inventory.
    ///
    /// # Example
    ///
    /// ```
    /// let inv = natverk::Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"},
    ///   "networks": [{"id": "a", "name": "A", "start": "2024-03-01"}]}"#)?;
    /// let two = inv.with_network_json(None, br#"{"id": "b", "name": "B", "start": "2025-01-01"}"#)?;
    /// assert_eq!(two.networks().len(), 2);
    /// let err = inv.with_network_json(Some(0), br#"{"id": "a", "name": "", "start": "2025-01-01"}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.findings()[0].path, "networks[0].name");
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn with_network_json(&self, at: Option<usize>, network: &[u8]) -> Result<Inventory, Error> {
        let at = at.filter(|&i| i < self.data.networks.len());
        let d = &self.data;
        let part = |v: &dyn erased::Part| v.json();
        // the file up to its list of networks
        let head = |d: &InventoryData, out: &mut Vec<u8>| {
            out.extend_from_slice(b"{\"format\":\"natverk/1\",\"organisation\":");
            out.extend_from_slice(&part(&d.organisation));
            for (key, value) in [
                ("units", &d.units as &dyn erased::Part),
                ("people", &d.people),
                ("fee_schedules", &d.fee_schedules),
                ("exchange_rates", &d.exchange_rates),
            ] {
                out.extend_from_slice(format!(",\"{key}\":").as_bytes());
                out.extend_from_slice(&part(value));
            }
            out.extend_from_slice(b",\"networks\":[");
        };
        let mut text = Vec::with_capacity(network.len() + 4096);
        // the network beside the organisation and the small lists, so that
        // its references resolve as they will in the whole
        head(d, &mut text);
        text.extend_from_slice(network);
        text.extend_from_slice(b"]}");
        let (read, v) = crate::load::parse(&text);
        if let (Some(mut read), false) = (read, v.has_errors()) {
            if let Some(net) = read.networks.pop() {
                // checked alone, beside the others (`inventory/edit.rs`)
                return self.with_network(at, net);
            }
        }
        // a problem in the network: the findings of loading the new file
        let mut whole = Vec::with_capacity(self.size + network.len());
        head(d, &mut whole);
        let n = d.networks.len();
        let mut first = true;
        for (i, net) in d.networks.iter().enumerate() {
            if !first {
                whole.push(b',');
            }
            first = false;
            if at == Some(i) {
                whole.extend_from_slice(network);
            } else {
                whole.extend_from_slice(&part(net));
            }
        }
        if at.is_none() {
            if n > 0 {
                whole.push(b',');
            }
            whole.extend_from_slice(network);
        }
        whole.extend_from_slice(b"]}");
        crate::load::load(&whole)
    }

    /// A new inventory without the network at `at` (the same when there is
    /// none). No rule reads one network from another but for the ids'
    /// uniqueness, so it is valid as this one is; nothing is validated
    /// again.
    ///
    /// # Errors
    ///
    /// None today: the `Result` leaves room for a rule across networks.
    pub fn without_network_at(&self, at: usize) -> Result<Inventory, Error> {
        // a network taken out of a valid inventory breaks no rule
        // (`inventory/edit.rs`)
        Ok(self.without_network_checked(at))
    }

    pub(crate) fn from_validated(data: InventoryData, v: Validator, size: usize) -> Inventory {
        let ix = Index::build(&data, v.ids);
        Inventory {
            data,
            ix,
            ranks: Ranks::default(),
            size,
        }
    }

    /// The size of the inventory's JSON in bytes: the file's when it was
    /// loaded, an estimate when it was built in code. SPEC §9 bounds the
    /// work of a report by it ([`crate::limits::report_parts`]).
    pub fn size(&self) -> usize {
        self.size
    }

    /// The inventory's data.
    pub fn data(&self) -> &InventoryData {
        &self.data
    }

    /// The data, to change and validate again.
    pub fn into_data(self) -> InventoryData {
        self.data
    }

    /// The organisation.
    pub fn organisation(&self) -> &Organisation {
        &self.data.organisation
    }

    /// The networks, in the order of the file.
    pub fn networks(&self) -> &[Network] {
        &self.data.networks
    }

    /// The unit with this id.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.ix.ids[0].get(id).map(|i| &self.data.units[i as usize])
    }
    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.ix.ids[1]
            .get(id)
            .map(|i| &self.data.people[i as usize])
    }
    /// The fee schedule with this id.
    pub fn schedule(&self, id: &str) -> Option<&FeeSchedule> {
        self.ix.ids[2]
            .get(id)
            .map(|i| &self.data.fee_schedules[i as usize])
    }
    /// The network with this id.
    pub fn network(&self, id: &str) -> Option<&Network> {
        self.ix.ids[3]
            .get(id)
            .map(|i| &self.data.networks[i as usize])
    }
    /// The position of the network with this id in [`Inventory::networks`].
    pub fn network_position(&self, id: &str) -> Option<usize> {
        self.network_index(id)
    }
    /// The position of the network with this id.
    pub(crate) fn network_index(&self, id: &str) -> Option<usize> {
        self.ix.ids[3].get(id).map(|i| i as usize)
    }
    /// The ids of the networks `leave` names, in the order of the file for
    /// `recommended` (those whose assessment recommends leaving), as given
    /// otherwise.
    pub fn leaving(&self, leave: &crate::Leave) -> Vec<String> {
        match leave {
            crate::Leave::Recommended => self
                .data
                .networks
                .iter()
                .filter(|n| {
                    n.assessment.as_ref().and_then(|a| a.recommendation)
                        == Some(Recommendation::Leave)
                })
                .map(|n| n.id.clone())
                .collect(),
            crate::Leave::Networks(ids) => ids.clone(),
        }
    }
    /// Whether the network at `i` takes part through a central unit.
    pub(crate) fn is_central_at(&self, i: usize) -> bool {
        self.ix.networks[i].central
    }
    pub(crate) fn ix(&self) -> &Index {
        &self.ix
    }

    /// The inventory as pretty `natverk/1` JSON. Decimals are written as
    /// strings, so loading the text gives the same inventory.
    pub fn to_json(&self) -> String {
        self.data.to_json()
    }

    /// The public file (SPEC §13): what a public web page may show.
    ///
    /// People keep their gender, role, side and party, but lose their
    /// names and hourly costs, and their ids become `p1`, `p2`, … in the
    /// order of the file's list of people. Participants keep their seats
    /// but lose their hours. Each network's staff time becomes costs of
    /// kind `time`, one prorated yearly cost per participant whose hours
    /// have an hourly cost (hours × hourly cost), so every report of the
    /// public file — any years, scope, grouping, statuses, leave — equals
    /// the report of the inventory, and so do the equality statistics'
    /// seats, persons and per-network counts (their hours and time cost
    /// by gender are not in the public file). Free texts (`notes`,
    /// `purpose`, a seat's `role`, …) are published as they are.
    ///
    /// # Errors
    ///
    /// [`Error::Report`] with an `overflow` finding when hours × hourly
    /// cost of a participant does not fit the decimal type.
    ///
    /// # Example
    ///
    /// ```
    /// use natverk::{Inventory, ReportOptions};
    ///
    /// let inv = Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"},
    ///   "people": [{"id": "anna", "name": "Anna Andersson", "gender": "woman",
    ///               "role": "official", "hourly_cost": "700"}],
    ///   "networks": [{"id": "a", "name": "A", "start": "2024-03-01",
    ///                 "participants": [{"person": "anna", "hours_per_year": "120"}]}]}"#)?;
    /// let public = inv.public()?;
    /// let json = public.to_json();
    /// assert!(!json.contains("Anna") && !json.contains("700") && !json.contains("120"));
    /// let o = ReportOptions::new(2024, 2025);
    /// assert_eq!(public.report(&o)?.total, inv.report(&o)?.total);
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn public(&self) -> Result<Inventory, Error> {
        crate::public::public(self)
    }

    /// The public file as `natverk/1` JSON text: [`Inventory::public`]
    /// written out, without validating it again (it comes from a valid
    /// inventory). For frontends that only write the file.
    #[doc(hidden)]
    pub fn public_json(&self) -> Result<String, Error> {
        Ok(crate::public::public_data(self)?.to_json())
    }

    /// Every warning, judged against `today` (SPEC §6), in path order
    /// (a finding about the whole file first).
    ///
    /// ```
    /// let inv = natverk::Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"},
    ///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01"}]}"#)?;
    /// let today = natverk::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    /// let w = inv.warnings(today);
    /// assert_eq!(w.errors(), 0);
    /// assert!(w.iter().all(|f| f.path.to_string().starts_with("networks[0]")));
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn warnings(&self, today: NaiveDate) -> Findings {
        Findings::new(crate::check::warnings(self, today))
    }

    /// A cost report (SPEC §5).
    ///
    /// # Errors
    ///
    /// - [`Error::Options`]: a year outside 1–9999, `to` before `from`, a
    ///   span of more than [`crate::limits::MAX_SPAN_YEARS`] years, a group
    ///   key given twice, `leave_from` without `leave`.
    /// - [`Error::Report`]: a rate or a population the report's years need
    ///   is missing (one finding per currency and year, at the cost that
    ///   needs it), a sum overflows, the report would exceed the work limit
    ///   of SPEC §9, or `leave` names an unknown network.
    ///
    /// # Example
    ///
    /// ```
    /// use natverk::{Inventory, ReportOptions};
    ///
    /// let inv = Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"},
    ///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01",
    ///                 "costs": [{"kind": "fee", "amount": "1000"}]}]}"#)?;
    /// let report = inv.report(&ReportOptions::new(2024, 2025))?;
    /// assert_eq!(report.total.gross, natverk::Decimal::from(2000));
    ///
    /// let err = inv.report(&ReportOptions::new(2025, 2024)).unwrap_err();
    /// assert!(matches!(err, natverk::Error::Options(_)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report(&self, opts: &ReportOptions) -> Result<Report, Error> {
        report::report(self, opts)
    }

    /// The calendar of SPEC §14 over `from..=to`: registration deadlines,
    /// the last day to give notice for each year's end and the networks'
    /// own ends, for networks that are proposed, applied, active or dormant.
    ///
    /// # Errors
    ///
    /// - [`Error::Options`]: a year outside 1–9999, `to` before `from`, a
    ///   span of more than [`crate::limits::MAX_SPAN_YEARS`] years.
    /// - [`Error::Report`]: more dates than the limit of SPEC §9 allows for
    ///   the inventory's size ([`crate::limits::report_lines`]).
    ///
    /// # Example
    ///
    /// ```
    /// use natverk::{EventKind, Inventory};
    ///
    /// let inv = Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"},
    ///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01", "notice_months": 18}]}"#)?;
    /// let cal = inv.calendar(2025, 2025)?;
    /// assert_eq!(cal.events[0].kind, EventKind::Notice);
    /// assert_eq!(cal.events[0].date.to_string(), "2024-07-01");
    /// assert!(matches!(inv.calendar(2025, 2024), Err(natverk::Error::Options(_))));
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn calendar(&self, from: i32, to: i32) -> Result<crate::Calendar, Error> {
        crate::calendar::calendar(self, from, to)
    }

    /// Compares this inventory (last year's, the old one) with `new`
    /// (SPEC §14): networks added, removed and changed by id, each changed
    /// value by its path (participants matched by person, other list items
    /// by position), and the reports by network over `from..=to` of both,
    /// joined on the network id, with the change (new − old).
    ///
    /// # Errors
    ///
    /// - [`Error::Options`]: the two are in different currencies (the
    ///   finding names both), or a year range a report would refuse.
    /// - [`Error::Report`]: a report on either fails (a missing rate or
    ///   population, an overflow, the limits of SPEC §9).
    ///
    /// # Example
    ///
    /// ```
    /// use natverk::Inventory;
    ///
    /// let file = |fee: &str| format!(r#"{{"format": "natverk/1",
    ///   "organisation": {{"name": "X", "currency": "SEK"}},
    ///   "networks": [{{"id": "a", "name": "A", "start": "2024-01-01",
    ///                 "costs": [{{"kind": "fee", "amount": "{fee}"}}]}}]}}"#);
    /// let old = Inventory::from_json(&file("22500"))?;
    /// let new = Inventory::from_json(&file("25000"))?;
    /// let d = old.diff(&new, 2025, 2025)?;
    /// assert_eq!(d.changed[0].changes[0].path, "costs[0].amount");
    /// assert_eq!(d.total.change.gross, natverk::Decimal::from(2500));
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn diff(&self, new: &Inventory, from: i32, to: i32) -> Result<crate::Diff, Error> {
        crate::diff::diff(self, new, from, to)
    }

    /// The board appendix of SPEC §14 as data: sections of sentences and
    /// tables in `opts.lang` (a summary with the totals per year, costs per
    /// unit by name and per subject, every network, the networks to leave
    /// with their savings, what changed since `opts.compare`, equality, and
    /// the warnings in plain words). No person's name appears unless
    /// `opts.show_names`.
    ///
    /// # Errors
    ///
    /// As [`Inventory::report`] and [`Inventory::diff`]: a year range a
    /// report refuses, a report that fails, an unknown network to leave,
    /// a `compare` inventory in another currency.
    ///
    /// # Example
    ///
    /// ```
    /// use natverk::{BoardOptions, Inventory, Lang, NaiveDate};
    ///
    /// let inv = Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"},
    ///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01",
    ///                 "costs": [{"kind": "fee", "amount": "1000"}]}]}"#)?;
    /// let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    /// let doc = inv.board(&BoardOptions::new(2025, 2025, today, Lang::En))?;
    /// assert_eq!(doc.sections[0].key, "summary");
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn board(&self, opts: &crate::BoardOptions<'_>) -> Result<crate::BoardDocument, Error> {
        crate::board::board(self, opts)
    }

    /// Equality statistics (SPEC §7).
    ///
    /// # Errors
    ///
    /// [`Error::Options`] for a year range a report would refuse;
    /// [`Error::Report`] when a sum of staff time overflows.
    ///
    /// # Example
    ///
    /// ```
    /// use natverk::{EqualityOptions, Inventory};
    ///
    /// let inv = Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"},
    ///   "people": [{"id": "p", "gender": "woman", "role": "official"}],
    ///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01",
    ///                 "participants": [{"person": "p"}]}]}"#)?;
    /// let eq = inv.equality(&EqualityOptions::new(2024, 2024))?;
    /// assert_eq!(eq.seats.woman, 1);
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn equality(&self, opts: &EqualityOptions) -> Result<Equality, Error> {
        equality::equality(self, opts)
    }
}

/// About how many bytes the inventory's JSON takes, without writing it.
fn json_size(data: &InventoryData) -> usize {
    let text = |s: &str| s.len() + 16;
    let opt = |s: &Option<String>| s.as_deref().map_or(0, text);
    let mut n = 200 + data.units.len() * 60 + data.people.len() * 120;
    n += data.fee_schedules.len() * 150 + data.exchange_rates.len() * 60;
    for x in &data.networks {
        n += 250 + text(&x.id) + text(&x.name);
        n += opt(&x.organiser) + opt(&x.unit) + opt(&x.via) + opt(&x.url);
        n += opt(&x.purpose) + opt(&x.notes);
        n += x.subjects.iter().map(|s| text(s)).sum::<usize>();
        n += x.participants.len() * 70 + x.costs.len() * 90 + x.financing.len() * 120;
    }
    n
}

impl Index {
    fn build(data: &InventoryData, ids: [Ids; 4]) -> Index {
        let mut ix = Index {
            ids,
            ..Index::default()
        };
        // Exact sizes: a table grown by doubling would copy itself as it
        // grows and keep up to twice its entries' memory.
        let (costs, participants) = data.networks.iter().fold((0, 0), |(c, p), n| {
            (c + n.costs.len(), p + n.participants.len())
        });
        ix.networks.reserve_exact(data.networks.len());
        ix.costs.reserve_exact(costs);
        ix.participants.reserve_exact(participants);
        let mut currency_ix: HashMap<&str, u32> = HashMap::new();
        for r in &data.exchange_rates {
            let next = ix.currencies.len() as u32;
            let c = *currency_ix.entry(r.currency.as_str()).or_insert_with(|| {
                ix.currencies.push(r.currency.clone());
                ix.rates.push(BTreeMap::new());
                next
            });
            ix.rates[c as usize].entry(r.year).or_insert(r.rate);
        }
        let own = data.organisation.currency.as_str();
        let foreign = |c: Option<&str>| -> Option<u32> {
            match c {
                Some(c) if c != own => currency_ix.get(c).copied(),
                _ => None,
            }
        };
        let schedule_currency: Vec<Option<u32>> = data
            .fee_schedules
            .iter()
            .map(|s| foreign(s.currency.as_deref()))
            .collect();
        // Each person's hourly cost, side by side: looking it up in the
        // people themselves reads a cold line of memory per seat.
        let hourly_costs: Vec<Option<Decimal>> =
            data.people.iter().map(|x| x.hourly_cost).collect();
        for n in &data.networks {
            let central = n
                .unit
                .as_deref()
                .and_then(|u| ix.ids[0].get(u))
                .is_some_and(|u| data.units[u as usize].central);
            let c0 = ix.costs.len();
            for c in &n.costs {
                let schedule = if c.amount.is_some() {
                    None
                } else {
                    c.schedule.as_deref().and_then(|s| ix.ids[2].get(s))
                };
                let currency = match schedule {
                    Some(s) => schedule_currency[s as usize],
                    None => foreign(c.currency.as_deref()),
                };
                ix.costs.push(CostIx { schedule, currency });
            }
            let p0 = ix.participants.len();
            let mut time = Ok(Decimal::ZERO);
            let mut costed_time = false;
            for p in &n.participants {
                let person = ix.ids[1].get(p.person.as_str()).unwrap_or(0);
                ix.participants.push(PartIx { person });
                let hourly = hourly_costs.get(person as usize).copied().flatten();
                if let (Some(h), Some(cost)) = (p.hours_per_year, hourly) {
                    costed_time = true;
                    time = time.and_then(|t| add(t, mul(h, cost)?));
                }
            }
            ix.networks.push(NetIx {
                central,
                time,
                costed_time,
                costs: c0..ix.costs.len(),
                participants: p0..ix.participants.len(),
            });
        }
        ix
    }

    /// The rate of a foreign currency for `year`: that year's, else the
    /// latest earlier year's (SPEC §3.1).
    pub(crate) fn rate(&self, currency: u32, year: i32) -> Option<Decimal> {
        self.rates[currency as usize]
            .range(..=year)
            .next_back()
            .map(|(_, r)| *r)
    }
}

#[cfg(test)]
mod rank_tests {
    use super::ranks::rank_distinct;

    #[test]
    fn distinct_texts_rank_in_byte_order() {
        let texts = [
            "o000-n00001",
            "",
            "a",
            "a\u{0}",
            "a\u{0}\u{0}",
            "ab",
            "0123456789abcdefX",
            "0123456789abcdef",
            "0123456789abcdefA",
            "0123456789abcdeg",
            "å",
            "z",
            "Ö",
            "o000-n00000",
            "o000-n0000",
        ];
        let ranks = rank_distinct(texts.iter().copied());
        let mut sorted: Vec<&str> = texts.to_vec();
        sorted.sort_unstable();
        for (t, r) in texts.iter().zip(&ranks) {
            assert_eq!(sorted[*r as usize], *t, "rank of {t:?}");
        }
    }
}

/// Parts of the data written as compact JSON by the one serialiser.
mod erased {
    pub(super) trait Part {
        fn json(&self) -> Vec<u8>;
    }
    impl<T: serde::Serialize> Part for T {
        fn json(&self) -> Vec<u8> {
            // plain data: writing it to memory cannot fail
            serde_json::to_vec(self).unwrap_or_else(|_| b"null".to_vec())
        }
    }
}
