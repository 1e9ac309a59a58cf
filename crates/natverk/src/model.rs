//! The typed, validated inventory (SPEC §3).
//!
//! Every value here has passed [`crate::load`]: ids are unique, references
//! resolve, periods are ordered and schedules are well formed, so nothing
//! downstream re-validates. The types serialise back to `natverk/1` JSON
//! (decimals as strings, so nothing is lost) with [`Inventory::to_json`].

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// The one supported file format tag.
pub const FORMAT: &str = "natverk/1";

/// A whole inventory: the organisation and everything it takes part in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inventory {
    /// Always [`FORMAT`].
    pub format: String,
    /// Who keeps the inventory.
    pub organisation: Organisation,
    /// Parts of the organisation that take part in networks.
    pub units: Vec<Unit>,
    /// People who represent the organisation.
    pub people: Vec<Person>,
    /// Fee schedules tiered by population or per inhabitant.
    pub fee_schedules: Vec<FeeSchedule>,
    /// Exchange rates into the organisation currency.
    pub exchange_rates: Vec<Rate>,
    /// The networks and collaborations.
    pub networks: Vec<Network>,
    #[serde(skip)]
    pub(crate) index: Index,
}

/// Lookup tables derived from the inventory at load time.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Index {
    pub units: HashMap<String, usize>,
    pub people: HashMap<String, usize>,
    pub schedules: HashMap<String, usize>,
    pub networks: HashMap<String, usize>,
    /// currency → (year → rate), years ascending.
    pub rates: HashMap<String, BTreeMap<i32, Decimal>>,
}

impl Index {
    /// The index, given the id maps the loader built while reading.
    pub(crate) fn with_ids(
        inv: &Inventory,
        units: HashMap<String, usize>,
        people: HashMap<String, usize>,
        schedules: HashMap<String, usize>,
        networks: HashMap<String, usize>,
    ) -> Index {
        let mut idx = Index {
            units,
            people,
            schedules,
            networks,
            rates: HashMap::new(),
        };
        idx.add_rates(inv);
        idx
    }
    fn add_rates(&mut self, inv: &Inventory) {
        for r in &inv.exchange_rates {
            self.rates
                .entry(r.currency.clone())
                .or_default()
                .entry(r.year)
                .or_insert(r.rate);
        }
    }
}

impl Inventory {
    /// The unit with this id.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.index.units.get(id).map(|&i| &self.units[i])
    }
    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.index.people.get(id).map(|&i| &self.people[i])
    }
    /// The fee schedule with this id.
    pub fn schedule(&self, id: &str) -> Option<&FeeSchedule> {
        self.index
            .schedules
            .get(id)
            .map(|&i| &self.fee_schedules[i])
    }
    /// The network with this id.
    pub fn network(&self, id: &str) -> Option<&Network> {
        self.index.networks.get(id).map(|&i| &self.networks[i])
    }
    /// Whether a network takes part through a central unit (SPEC §2).
    pub fn is_central(&self, network: &Network) -> bool {
        network
            .unit
            .as_deref()
            .and_then(|u| self.unit(u))
            .is_some_and(|u| u.central)
    }
    /// The rate of `currency` for `year`: that year's, else the latest
    /// earlier year's (SPEC §3.1). `None` for the organisation currency
    /// means "no conversion"; use [`Inventory::conversion`].
    pub(crate) fn rate(&self, currency: &str, year: i32) -> Option<Decimal> {
        self.index
            .rates
            .get(currency)?
            .range(..=year)
            .next_back()
            .map(|(_, r)| *r)
    }
    /// Serialises the inventory as pretty `natverk/1` JSON. Decimals are
    /// written as strings, so loading the text gives the same inventory.
    pub fn to_json(&self) -> String {
        // Serialising plain data to a String cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The organisation that keeps the inventory.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organisation {
    /// Name, non-empty.
    pub name: String,
    /// Municipality code (a string: leading zeros matter).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Population, constant or by year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<Population>,
    /// ISO 4217 code; every report is in it.
    pub currency: String,
}

/// The population of the organisation's area.
#[derive(Debug, Clone, PartialEq)]
pub enum Population {
    /// The same every year.
    Constant(u64),
    /// By year; year Y uses Y's figure, else that of the latest earlier year.
    ByYear(BTreeMap<i32, u64>),
}

impl Population {
    /// The population of `year`, if known.
    pub fn of_year(&self, year: i32) -> Option<u64> {
        match self {
            Population::Constant(p) => Some(*p),
            Population::ByYear(m) => m.range(..=year).next_back().map(|(_, p)| *p),
        }
    }
}

impl Serialize for Population {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Population::Constant(p) => s.serialize_u64(*p),
            Population::ByYear(m) => {
                // Four digits, as the loader reads them (year 1 is "0001").
                let m: BTreeMap<String, u64> =
                    m.iter().map(|(y, p)| (format!("{y:04}"), *p)).collect();
                m.serialize(s)
            }
        }
    }
}

/// A part of the organisation (förvaltning, nämnd).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    /// Unique among units.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Taken part in through the executive board or the city executive office.
    pub central: bool,
}

/// Gender of a person, for the equality statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Woman.
    Woman,
    /// Man.
    Man,
    /// Other.
    Other,
}

/// Politician or official (tjänsteperson).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// An elected politician.
    Politician,
    /// An official (tjänsteperson).
    Official,
}

/// Side of a politician.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The governing majority.
    Majority,
    /// The opposition.
    Opposition,
}

/// A person who represents the organisation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    /// Unique among people.
    pub id: String,
    /// Personal data: never shown by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Absent means unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Politician or official.
    pub role: Role,
    /// Set for every politician, never for an official.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// Party, free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Full cost of an hour, organisation currency.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_opt_dec"
    )]
    pub hourly_cost: Option<Decimal>,
}

/// How a fee schedule computes an amount from a population.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Pricing {
    /// Tiers by population; the last has no upper bound.
    #[serde(rename = "tiers")]
    Tiers(Vec<Tier>),
    /// base + rate × population, within min..max.
    #[serde(rename = "per_capita")]
    PerCapita(PerCapita),
}

/// One tier of a tiered schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tier {
    /// Upper bound (inclusive); `None` only on the last tier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_population: Option<u64>,
    /// The amount for a population in this tier.
    #[serde(serialize_with = "ser_dec")]
    pub amount: Decimal,
}

/// A per-inhabitant fee.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerCapita {
    /// Fixed part (default 0).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_opt_dec"
    )]
    pub base: Option<Decimal>,
    /// Per inhabitant.
    #[serde(serialize_with = "ser_dec")]
    pub rate: Decimal,
    /// Lower bound.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_opt_dec"
    )]
    pub min: Option<Decimal>,
    /// Upper bound.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_opt_dec"
    )]
    pub max: Option<Decimal>,
}

/// A fee schedule (SPEC §3.1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeeSchedule {
    /// Unique among schedules.
    pub id: String,
    /// Currency of the amounts; `None` is the organisation's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// ≤ 0: a charge in year Y uses the population of Y + offset.
    pub population_offset: i32,
    /// Tiers or per capita.
    #[serde(flatten)]
    pub pricing: Pricing,
}

/// An exchange rate: organisation currency per one unit of `currency`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rate {
    /// Foreign currency.
    pub currency: String,
    /// Year it applies from.
    pub year: i32,
    /// Organisation currency per unit, > 0.
    #[serde(serialize_with = "ser_dec")]
    pub rate: Decimal,
}

/// `NetworkKind` → `network kind`, for messages.
fn words_of(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

macro_rules! word_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vm])* $v),+ }
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            /// The word used in files and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }
            /// Every word, for error messages.
            pub fn words() -> &'static [&'static str] { &[$($s),+] }
        }
        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($s => Ok($name::$v),)+
                    _ => Err(format!(
                        "unknown {} `{}`: expected one of {}",
                        words_of(stringify!($name)), s, $name::words().join(", "))),
                }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.as_str()) }
        }
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(self.as_str()) }
        }
    };
}

word_enum!(
    /// What kind of collaboration a network is.
    NetworkKind {
        /// A forum or network.
        Network = "network",
        /// A membership.
        Membership = "membership",
        /// A programme with a fixed run.
        Programme = "programme",
        /// A partnership.
        Partnership = "partnership",
        /// A declaration or charter (usually no fee).
        Declaration = "declaration",
    }
);

word_enum!(
    /// Where the organisation stands with a network.
    Status {
        /// Proposed, not applied for.
        Proposed = "proposed",
        /// Applied for.
        Applied = "applied",
        /// Taking part.
        Active = "active",
        /// Member but inactive.
        Dormant = "dormant",
        /// Left or finished.
        Ended = "ended",
        /// Decided not to take part.
        Declined = "declined",
    }
);

word_enum!(
    /// What a network is recommended for.
    Recommendation {
        /// Stay.
        Keep = "keep",
        /// Look at it again.
        Review = "review",
        /// Leave.
        Leave = "leave",
    }
);

word_enum!(
    /// Kind of a cost.
    CostKind {
        /// Participation fee.
        Fee = "fee",
        /// Membership fee.
        Membership = "membership",
        /// Travel.
        Travel = "travel",
        /// Anything else.
        Other = "other",
    }
);

word_enum!(
    /// How often a cost is charged.
    Per {
        /// Every year of its range.
        Year = "year",
        /// Once, on a date.
        Once = "once",
    }
);

word_enum!(
    /// Which networks a report covers.
    Scope {
        /// Every network.
        All = "all",
        /// Only networks whose unit is central.
        Central = "central",
    }
);

#[allow(clippy::derivable_impls)] // the enum comes from a macro
impl Default for Scope {
    fn default() -> Scope {
        Scope::All
    }
}

word_enum!(
    /// What report lines are grouped by.
    GroupKey {
        /// Network id (the line also carries `name`).
        Network = "network",
        /// Subject; amounts split evenly over a network's subjects.
        Subject = "subject",
        /// Organiser.
        Organiser = "organiser",
        /// Unit id.
        Unit = "unit",
        /// Network kind.
        Kind = "kind",
        /// Network status.
        Status = "status",
        /// Year.
        Year = "year",
    }
);

word_enum!(
    /// What a financing covers.
    Covers {
        /// Costs of kind fee and membership.
        Fees = "fees",
        /// Every cost of the network, staff time included.
        All = "all",
    }
);

word_enum!(
    /// Where a financing stands.
    FinancingStatus {
        /// Hoped for.
        Expected = "expected",
        /// Applied for.
        Applied = "applied",
        /// Decided.
        Granted = "granted",
        /// Refused: counts nowhere.
        Denied = "denied",
    }
);

/// Which body decided to take part, and when.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Decision {
    /// The deciding body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Diary number or similar.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// An assessment of a network's value.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Assessment {
    /// 1 (little) to 5 (much).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benefit: Option<u8>,
    /// Keep, review or leave.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<Recommendation>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A person's seat in a network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    /// Person id.
    pub person: String,
    /// Hours a year spent on the network.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_opt_dec"
    )]
    pub hours_per_year: Option<Decimal>,
    /// The seat, e.g. "styrgrupp".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// Where the amount of a cost comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Amount {
    /// A fixed amount in a currency (`None`: the organisation's).
    Fixed {
        /// The amount, ≥ 0.
        amount: Decimal,
        /// Currency; `None` is the organisation's.
        currency: Option<String>,
    },
    /// A fee schedule, by id.
    Schedule(String),
}

/// When a cost is charged.
#[derive(Debug, Clone, PartialEq)]
pub enum Charge {
    /// Every year in `from..=to` (defaults: the network's years).
    Yearly {
        /// First year.
        from: Option<i32>,
        /// Last year.
        to: Option<i32>,
        /// Charge only the months of the start and end years.
        prorate: bool,
    },
    /// Once, on a date (default the network's start).
    Once {
        /// The date.
        date: Option<NaiveDate>,
    },
}

/// A cost of a network.
#[derive(Debug, Clone, PartialEq)]
pub struct Cost {
    /// Kind of cost.
    pub kind: CostKind,
    /// Fixed amount or schedule.
    pub amount: Amount,
    /// Yearly or once.
    pub charge: Charge,
    /// Free text.
    pub note: Option<String>,
}

impl Serialize for Cost {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("kind", &self.kind)?;
        match &self.amount {
            Amount::Fixed { amount, currency } => {
                m.serialize_entry("amount", &amount.to_string())?;
                if let Some(c) = currency {
                    m.serialize_entry("currency", c)?;
                }
            }
            Amount::Schedule(id) => m.serialize_entry("schedule", id)?,
        }
        match &self.charge {
            Charge::Yearly { from, to, prorate } => {
                m.serialize_entry("per", "year")?;
                if let Some(f) = from {
                    m.serialize_entry("from", f)?;
                }
                if let Some(t) = to {
                    m.serialize_entry("to", t)?;
                }
                if *prorate {
                    m.serialize_entry("prorate", &true)?;
                }
            }
            Charge::Once { date } => {
                m.serialize_entry("per", "once")?;
                if let Some(d) = date {
                    m.serialize_entry("date", d)?;
                }
            }
        }
        if let Some(n) = &self.note {
            m.serialize_entry("note", n)?;
        }
        m.end()
    }
}

/// Money from a funder that covers part of a network's cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Financing {
    /// Who pays.
    pub funder: String,
    /// What it covers.
    pub covers: Covers,
    /// Share of the covered base, 0 < share ≤ 1.
    #[serde(serialize_with = "ser_dec")]
    pub share: Decimal,
    /// Cap per year, organisation currency.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_opt_dec"
    )]
    pub max_per_year: Option<Decimal>,
    /// Where it stands.
    pub status: FinancingStatus,
    /// Probability (expected and applied only).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_opt_dec"
    )]
    pub probability: Option<Decimal>,
    /// First year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<i32>,
    /// Last year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
}

/// A network, membership, programme, partnership or declaration.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Network {
    /// Unique among networks.
    pub id: String,
    /// Name, non-empty.
    pub name: String,
    /// Who runs it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organiser: Option<String>,
    /// What kind of collaboration.
    pub kind: NetworkKind,
    /// Subject areas, in the order given (the first takes split remainders).
    pub subjects: Vec<String>,
    /// Unit id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Start date.
    pub start: NaiveDate,
    /// End date; `None` is ongoing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// Last day to register.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    /// Where the organisation stands.
    pub status: Status,
    /// Months of notice needed to leave.
    pub notice_months: u32,
    /// Body through which membership is held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// The decision to take part.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// Web page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Why the organisation takes part.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Assessment of its value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
    /// Who sits in it.
    pub participants: Vec<Participant>,
    /// What it costs.
    pub costs: Vec<Cost>,
    /// Who pays part of it.
    pub financing: Vec<Financing>,
}

fn ser_dec<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn ser_opt_dec<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}
