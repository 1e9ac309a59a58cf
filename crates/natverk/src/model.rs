//! The inventory as plain data (SPEC §3), declared once.
//!
//! [`InventoryData`] and the types below are plain data with public fields:
//! a program builds them in code (every type has a constructor taking its
//! required fields; optional fields are public and defaulted) or gets them
//! from a file. They may hold anything their types allow — a negative fee,
//! a reference to no one; [`crate::Inventory::new`] validates them exactly
//! as the loader validates a file, with the same codes and paths.
//!
//! Each object is declared once with `declare!` (`crate::format`): that
//! declaration gives the loader its keys and rules, the serialiser its
//! order, and the JSON Schema and the Python and TypeScript types their
//! shape (`crate::format::objects`).

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::format::kinds::{
    Bool, Currency, Date, Dec, Id, Int, ListOf, ObjOf, PopulationKind, RateCurrency, Ref, Str,
    Subjects, Text, WordOf, Year, NON_NEGATIVE, POSITIVE, PROBABILITY, SHARE,
};
use crate::format::{declare, declare_top};
use crate::limits::{MAX_NOTICE_MONTHS, MAX_POPULATION, MIN_POPULATION_OFFSET};
use crate::present::messages as m;
use crate::present::Message;
use crate::tables::cells::Col;
use crate::validate::{NETWORKS, PEOPLE, SCHEDULES, UNITS};

/// The one supported file format tag.
pub const FORMAT: &str = "natverk/1";

// ---- words -----------------------------------------------------------------------

/// An enum of words of the file format (sealed).
pub(crate) trait Word: Copy + Sized + 'static {
    /// Every word, in declaration order.
    const WORDS: &'static [&'static str];
    /// The vocabulary prefix of its words (`status`, `cost_kind`).
    const PREFIX: &'static str;
    /// The vocabulary key naming it in messages (`word.status`).
    const WHAT: &'static str;
    /// The word.
    fn as_str(self) -> &'static str;
    /// The value of a word.
    fn parse_word(s: &str) -> Option<Self>;
    /// The message for an unknown word.
    fn unknown(s: &str) -> Message;
}

/// A word that is not one of an enum's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseWordError {
    message: Message,
}

impl ParseWordError {
    pub(crate) fn new(message: Message) -> ParseWordError {
        ParseWordError { message }
    }
    /// What is wrong, in Swedish or English.
    pub fn message(&self) -> &Message {
        &self.message
    }
}

impl fmt::Display for ParseWordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for ParseWordError {}

macro_rules! word_enum {
    ($(#[doc = $d:literal])* $name:ident ($what:literal, $prefix:literal $(, $unknown:path)?) {
        $($(#[doc = $vd:literal])* $v:ident = $s:literal),+ $(,)?
    }) => {
        $(#[doc = $d])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name { $($(#[doc = $vd])* $v),+ }
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            /// The word used in files and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }
            /// Every word, in declaration order.
            pub fn words() -> &'static [&'static str] { &[$($s),+] }
            /// The word for people, in `lang`.
            pub fn label(self, lang: $crate::present::Lang) -> &'static str {
                match self { $($name::$v => $crate::present::label(concat!($prefix, ".", $s), lang)),+ }
            }
        }
        impl $crate::model::Word for $name {
            const WORDS: &'static [&'static str] = &[$($s),+];
            const PREFIX: &'static str = $prefix;
            const WHAT: &'static str = $what;
            fn as_str(self) -> &'static str { $name::as_str(self) }
            fn parse_word(s: &str) -> Option<Self> {
                match s { $($s => Some($name::$v),)+ _ => None }
            }
            #[allow(unreachable_code)]
            fn unknown(s: &str) -> $crate::present::Message {
                $( return $crate::present::Message::new(&$unknown).with("value", crate::money::clip(s)); )?
                $crate::present::Message::new(&$crate::present::messages::UNKNOWN_WORD)
                    .label("what", $what)
                    .with("value", crate::money::clip(s))
                    .with("words", $name::words().join(", "))
            }
        }
        impl std::str::FromStr for $name {
            type Err = $crate::model::ParseWordError;
            fn from_str(s: &str) -> Result<Self, $crate::model::ParseWordError> {
                <$name as $crate::model::Word>::parse_word(s)
                    .ok_or_else(|| $crate::model::ParseWordError::new(<$name as $crate::model::Word>::unknown(s)))
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.as_str()) }
        }
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(self.as_str()) }
        }
    };
}
pub(crate) use word_enum;

word_enum!(
    /// Gender of a person, for the equality statistics.
    Gender ("word.gender", "gender", m::UNKNOWN_GENDER) {
        /// Woman.
        Woman = "woman",
        /// Man.
        Man = "man",
        /// Other.
        Other = "other",
    }
);

word_enum!(
    /// Politician or official (tjänsteperson).
    Role ("word.role", "role", m::UNKNOWN_ROLE) {
        /// An elected politician.
        Politician = "politician",
        /// An official (tjänsteperson).
        Official = "official",
    }
);

word_enum!(
    /// Side of a politician.
    Side ("word.side", "side", m::UNKNOWN_SIDE) {
        /// The governing majority.
        Majority = "majority",
        /// The opposition.
        Opposition = "opposition",
    }
);

word_enum!(
    /// What kind of collaboration a network is.
    NetworkKind ("word.network_kind", "kind") {
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
    Status ("word.status", "status") {
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
    Recommendation ("word.recommendation", "recommendation") {
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
    CostKind ("word.cost_kind", "cost_kind") {
        /// Participation fee.
        Fee = "fee",
        /// Membership fee.
        Membership = "membership",
        /// Staff time given as an amount (an estimate, or the staff time of
        /// a public file, SPEC §13); counts in `time`.
        Time = "time",
        /// Travel.
        Travel = "travel",
        /// Anything else.
        Other = "other",
    }
);

word_enum!(
    /// How often a cost is charged.
    Per ("word.per", "per") {
        /// Every year of its range.
        Year = "year",
        /// Once, on a date.
        Once = "once",
    }
);

word_enum!(
    /// What a financing covers.
    Covers ("word.covers", "covers") {
        /// Costs of kind fee and membership.
        Fees = "fees",
        /// Every cost of the network, staff time included.
        All = "all",
    }
);

word_enum!(
    /// Where a financing stands.
    FinancingStatus ("word.financing_status", "financing_status") {
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

// ---- what a setter takes -------------------------------------------------------------

/// What a chainable setter takes for a field of type `T`: `T` itself, and
/// what converts to it without loss — text as `&str`, a decimal as a whole
/// number (`.hourly_cost(650)`), a list as an array, a population as a
/// number or `[(year, population), …]`. A whole-number field takes its own
/// type only, so `.notice_months(3)` needs no suffix.
pub trait IntoValue<T> {
    /// The value.
    fn into_value(self) -> T;
}

impl<T> IntoValue<T> for T {
    fn into_value(self) -> T {
        self
    }
}

impl IntoValue<String> for &str {
    fn into_value(self) -> String {
        self.to_string()
    }
}

impl IntoValue<String> for &String {
    fn into_value(self) -> String {
        self.clone()
    }
}

impl IntoValue<String> for std::borrow::Cow<'_, str> {
    fn into_value(self) -> String {
        self.into_owned()
    }
}

macro_rules! whole_into_decimal {
    ($($t:ty),+) => {$(
        impl IntoValue<Decimal> for $t {
            fn into_value(self) -> Decimal {
                Decimal::from(self)
            }
        }
    )+};
}
whole_into_decimal!(i8, i16, i32, i64, u8, u16, u32, u64);

impl<T, const N: usize> IntoValue<Vec<T>> for [T; N] {
    fn into_value(self) -> Vec<T> {
        Vec::from(self)
    }
}

impl IntoValue<Population> for u64 {
    fn into_value(self) -> Population {
        Population::Constant(self)
    }
}

impl IntoValue<Population> for BTreeMap<i32, u64> {
    fn into_value(self) -> Population {
        Population::ByYear(self)
    }
}

impl<const N: usize> IntoValue<Population> for [(i32, u64); N] {
    fn into_value(self) -> Population {
        Population::ByYear(BTreeMap::from(self))
    }
}

// ---- the population ------------------------------------------------------------------

/// The population of the organisation's area.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
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

// ---- the objects of the file, declared once --------------------------------------------

type NonNeg = Dec<NON_NEGATIVE>;
type PopulationCount = Int<u64, 0, { MAX_POPULATION as i64 }>;
type Offset = Int<i32, { MIN_POPULATION_OFFSET as i64 }, 0>;
type NoticeMonths = Int<u32, 0, { MAX_NOTICE_MONTHS as i64 }>;
type Benefit = Int<u8, 1, 5>;

declare! {
    /// The organisation that keeps the inventory.
    pub struct Organisation ("organisation", OrganisationB) {
        /// Name, non-empty.
        name: String => Text, req, col = Col::KEY.trimmed();
        /// Municipality code (a string: leading zeros matter).
        code: String => Str, opt;
        /// Population, constant or by year; needed once a fee schedule is used.
        population: Population => PopulationKind, opt;
        /// ISO 4217 code of three capital letters; every report is in it.
        currency: String => Currency, req;
    }
}

declare! {
    /// A part of the organisation (förvaltning, nämnd).
    pub struct Unit ("unit", UnitB) {
        /// Unique among units.
        id: String => Id<UNITS>, req;
        /// Display name.
        name: String => Text, req, col = Col::KEY.trimmed();
        /// Taken part in through the executive board or the city executive office.
        central: bool => Bool, def = false;
    }
}

declare! {
    /// A person who represents the organisation.
    pub struct Person ("person", PersonB) {
        /// Unique among people.
        id: String => Id<PEOPLE>, req;
        /// Personal data: never shown by default.
        name: String => Str, opt, col = Col::KEY.trimmed();
        /// Absent means unknown.
        gender: Gender => WordOf<Gender>, opt;
        /// Politician or official.
        role: Role => WordOf<Role>, req;
        /// Required for a politician, not allowed for an official.
        side: Side => WordOf<Side>, opt;
        /// Party, free text.
        party: String => Str, opt, col = Col::KEY.trimmed();
        /// Full cost of an hour of this person's time, organisation currency, ≥ 0.
        hourly_cost: Decimal => NonNeg, opt;
    }
}

declare! {
    /// A fee schedule: tiers by population, or a fee per inhabitant
    /// (exactly one of `tiers` and `per_capita`).
    pub struct FeeSchedule ("fee_schedule", FeeScheduleB) {
        /// Unique among schedules.
        id: String => Id<SCHEDULES>, req;
        /// Currency of the amounts; absent is the organisation's.
        currency: String => Currency, opt;
        /// ≤ 0: a charge in year Y uses the population of Y + offset.
        population_offset: i32 => Offset, def = 0;
        /// Tiers by population, bounds strictly rising; only the last has no `max_population`.
        tiers: Vec<Tier> => ListOf<Tier>, opt, col = Col::KEY.parent("schedule");
        /// base + rate × population, raised to `min`, lowered to `max`.
        per_capita: PerCapita => ObjOf<PerCapita>, opt, set with_per_capita;
    }
}

declare! {
    /// One tier of a tiered schedule.
    pub struct Tier ("tier", TierB) {
        /// Upper bound of the population (inclusive); absent only on the last tier.
        max_population: u64 => PopulationCount, opt;
        /// The amount for a population in this tier, ≥ 0.
        amount: Decimal => NonNeg, req;
    }
}

declare! {
    /// A fee per inhabitant.
    pub struct PerCapita ("per_capita", PerCapitaB) {
        /// Fixed part, ≥ 0 (default 0).
        base: Decimal => NonNeg, opt;
        /// Per inhabitant, ≥ 0.
        rate: Decimal => NonNeg, req;
        /// Lower bound, ≥ 0.
        min: Decimal => NonNeg, opt;
        /// Upper bound, ≥ 0.
        max: Decimal => NonNeg, opt;
    }
}

declare! {
    /// An exchange rate: organisation currency per one unit of `currency`,
    /// from `year` on (until a later rate of the same currency).
    pub struct Rate ("rate", RateB) {
        /// Foreign currency (not the organisation's).
        currency: String => RateCurrency, req;
        /// Year it applies from.
        year: i32 => Year, req;
        /// Organisation currency per unit, > 0.
        rate: Decimal => Dec<POSITIVE>, req;
    }
}

declare! {
    /// A network, membership, programme, partnership or declaration.
    pub struct Network ("network", NetworkB) {
        /// Unique among networks.
        id: String => Id<NETWORKS>, req;
        /// Name, non-empty.
        name: String => Text, req, col = Col::KEY.trimmed();
        /// Who runs it.
        organiser: String => Str, opt;
        /// What kind of collaboration.
        kind: NetworkKind => WordOf<NetworkKind>, def = NetworkKind::Network;
        /// Subject areas, in order (the first takes split remainders); distinct, none empty.
        subjects: Vec<String> => Subjects, def = Vec::new(), set none;
        /// The unit that takes part (a unit id).
        unit: String => Ref<UNITS>, opt;
        /// Start date.
        start: NaiveDate => Date, req;
        /// End date (≥ start); absent is ongoing.
        end: NaiveDate => Date, opt;
        /// Last day to register.
        deadline: NaiveDate => Date, opt;
        /// Where the organisation stands.
        status: Status => WordOf<Status>, def = Status::Active;
        /// Months of notice needed to leave.
        notice_months: u32 => NoticeMonths, def = 0;
        /// The body through which membership is held (e.g. SKR).
        via: String => Str, opt;
        /// The decision to take part.
        decision: Decision => ObjOf<Decision>, opt;
        /// Web page.
        url: String => Str, opt;
        /// Why the organisation takes part.
        purpose: String => Str, opt;
        /// Free text.
        notes: String => Str, opt;
        /// An assessment of its value.
        assessment: Assessment => ObjOf<Assessment>, opt;
        /// Who sits in it.
        participants: Vec<Participant> => ListOf<Participant>, def = Vec::new();
        /// What it costs.
        costs: Vec<Cost> => ListOf<Cost>, def = Vec::new();
        /// Who pays part of it.
        financing: Vec<Financing> => ListOf<Financing>, def = Vec::new();
    }
}

declare! {
    /// Which body decided to take part, and when.
    pub struct Decision ("decision", DecisionB) {
        /// The deciding body.
        body: String => Str, opt, col = Col::named("decision_body");
        /// When.
        date: NaiveDate => Date, opt, col = Col::named("decision_date");
        /// Diary number or similar.
        reference: String => Str, opt, col = Col::named("decision_reference");
    }
}

declare! {
    /// An assessment of a network's value.
    pub struct Assessment ("assessment", AssessmentB) {
        /// 1 (little) to 5 (much).
        benefit: u8 => Benefit, opt;
        /// Keep, review or leave.
        recommendation: Recommendation => WordOf<Recommendation>, opt;
        /// Free text.
        note: String => Str, opt, col = Col::named("assessment_note");
    }
}

declare! {
    /// A person's seat in a network (a person at most once per network).
    pub struct Participant ("participant", ParticipantB) {
        /// The person (a person id).
        person: String => Ref<PEOPLE>, req;
        /// Hours a year spent on the network, ≥ 0.
        hours_per_year: Decimal => NonNeg, opt;
        /// The seat, e.g. "styrgrupp".
        role: String => Str, opt, col = Col::KEY.at(2);
    }
}

declare! {
    /// A cost of a network: exactly one of `amount` and `schedule`.
    pub struct Cost ("cost", CostB) {
        /// Kind of cost.
        kind: CostKind => WordOf<CostKind>, req;
        /// A fixed amount, ≥ 0.
        amount: Decimal => NonNeg, opt;
        /// A fee schedule (a schedule id).
        schedule: String => Text, opt, col = Col::KEY.refers("fee_schedules");
        /// Currency of `amount` (only with `amount`); absent is the organisation's.
        currency: String => Currency, opt;
        /// Every year, or once.
        per: Per => WordOf<Per>, def = Per::Year;
        /// Date of a once cost (only with `per: once`); absent is the network's start.
        date: NaiveDate => Date, opt;
        /// First year of a yearly cost; absent is the network's start year.
        from: i32 => Year, opt;
        /// Last year of a yearly cost; absent is the network's end year.
        to: i32 => Year, opt;
        /// Charge only the months of the network's start and end years (yearly costs).
        prorate: bool => Bool, defskip = false;
        /// Free text.
        note: String => Str, opt;
    }
}

declare! {
    /// Money from a funder that covers part of a network's cost.
    pub struct Financing ("financing", FinancingB) {
        /// Who pays.
        funder: String => Text, req, col = Col::KEY.trimmed();
        /// What it covers: fees (and memberships), or all costs.
        covers: Covers => WordOf<Covers>, def = Covers::Fees;
        /// Share of the covered base, above 0 and at most 1.
        share: Decimal => Dec<SHARE>, def = Decimal::ONE;
        /// Cap per year, organisation currency, ≥ 0.
        max_per_year: Decimal => NonNeg, opt;
        /// Where it stands.
        status: FinancingStatus => WordOf<FinancingStatus>, req, col = Col::KEY.at(2);
        /// 0 to 1: required with `expected` and `applied`, not allowed otherwise.
        probability: Decimal => Dec<PROBABILITY>, opt;
        /// First year.
        from: i32 => Year, opt;
        /// Last year.
        to: i32 => Year, opt;
    }
}

// ---- the whole inventory -------------------------------------------------------------------

declare_top! {
    /// A whole inventory as plain data: built in code, or loaded from a file.
    ///
    /// It is not validated: [`crate::Inventory::new`] checks it and gives an
    /// [`crate::Inventory`] to report on.
    ///
    /// ```
    /// use natverk::{InventoryData, Organisation, Unit};
    ///
    /// let mut data = InventoryData::new(Organisation::new("Göteborgs Stad", "SEK"));
    /// data.units.push(Unit::new("slk", "Stadsledningskontoret"));
    /// assert!(data.to_json().contains("\"natverk/1\""));
    /// ```
    pub struct InventoryData ("inventory", "A whole inventory (natverk/1).", TopB) {
        /// Always "natverk/1".
        format => FORMAT;
        /// Who keeps the inventory.
        organisation: Organisation;
        /// Parts of the organisation that take part in networks.
        units: [Unit], add unit;
        /// People who represent the organisation.
        people: [Person], add person;
        /// Fee schedules tiered by population or per inhabitant.
        fee_schedules: [FeeSchedule], add fee_schedule;
        /// Exchange rates into the organisation currency.
        exchange_rates: [Rate], add exchange_rate;
        /// The networks and collaborations.
        networks: [Network], add network;
    }
}

impl InventoryData {
    /// The inventory as pretty `natverk/1` JSON (decimals as strings, so
    /// nothing is lost), without the values that equal their defaults
    /// (empty lists, `status: active`, `share: 1`, …), so a file loaded
    /// and written again keeps its shape; an object or list that holds no
    /// object or list is written on one line. It need not be valid:
    /// [`crate::Inventory::new`] judges it.
    pub fn to_json(&self) -> String {
        // Strings, numbers and maps only: writing to a String cannot fail.
        let pretty = serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        crate::write_json::inline_flat(&pretty)
    }
}

impl InventoryData {
    /// Compact `natverk/1` JSON with every default written (`status`,
    /// `share`, empty lists, …): for frontends whose dicts promise every
    /// key (Python's `to_dict`). Not the file: [`InventoryData::to_json`].
    #[doc(hidden)]
    pub fn to_json_with_defaults(&self) -> String {
        crate::format::with_defaults(|| serde_json::to_string(self)).unwrap_or_default()
    }
}

/// Reads the `natverk/1` shape, unvalidated: the core's own loader reads
/// it (the same keys, words and value types as a file), keeps whatever the
/// types can hold (a negative fee, a reference to no one, a duplicate id)
/// and leaves judging it to [`crate::Inventory::new`].
///
/// What the types cannot hold — a wrong type, an unknown key or word, a
/// missing required key, a bad date, a `format` other than `natverk/1` (a
/// missing `format` is taken as `natverk/1`: the data has no such field) —
/// is a serde error whose message lists the loader's findings, a line
/// each (`code at path: message`, at most
/// [`crate::limits::DISPLAY_FINDINGS`]).
///
/// It needs a `serde_json` deserializer (`serde_json::from_str`,
/// `from_slice`, `from_reader`, `from_value`): the value is taken as raw
/// JSON text (`serde_json::value::RawValue`), so decimals are read exactly
/// from their digits. Another format's deserializer gives an error.
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct Request {
///     inventory: natverk::InventoryData,
///     year: i32,
/// }
///
/// let r: Request = serde_json::from_str(r#"{"year": 2025, "inventory": {
///   "format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"},
///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01", "unit": "nobody"}]}}"#)?;
/// // read as it is; judged by Inventory::new
/// let err = natverk::Inventory::new(r.inventory).unwrap_err();
/// assert_eq!(err.findings()[0].path.to_string(), "networks[0].unit");
///
/// let bad = serde_json::from_str::<Request>(r#"{"year": 2025, "inventory": {
///   "format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"},
///   "networks": [{"id": "a", "nmae": "A", "start": "2024-01-01"}]}}"#);
/// assert!(bad.is_err_and(|e| e.to_string().contains("unknown_field at networks[0].nmae")));
/// # Ok::<(), serde_json::Error>(())
/// ```
impl<'de> serde::Deserialize<'de> for InventoryData {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let raw = <Box<serde_json::value::RawValue>>::deserialize(d)?;
        crate::load::read_data(raw.get().as_bytes()).map_err(|found| {
            let mut text = String::from("not natverk/1 inventory data:");
            for f in found.iter().take(crate::limits::DISPLAY_FINDINGS) {
                text.push_str(&format!("\n  {} at {}: {}", f.code, f.path, f.message));
            }
            if found.len() > crate::limits::DISPLAY_FINDINGS {
                text.push_str(&format!(
                    "\n  and {} more",
                    found.len() - crate::limits::DISPLAY_FINDINGS
                ));
            }
            D::Error::custom(text)
        })
    }
}

// ---- constructors -----------------------------------------------------------------------

impl Organisation {
    /// An organisation with its name and currency (an ISO 4217 code).
    pub fn new(name: impl Into<String>, currency: impl Into<String>) -> Organisation {
        Organisation {
            name: name.into(),
            code: None,
            population: None,
            currency: currency.into(),
        }
    }
}

impl Unit {
    /// A unit, not central.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Unit {
        Unit {
            id: id.into(),
            name: name.into(),
            central: false,
        }
    }
}

impl Person {
    /// A person with a role; a politician also needs a `side`.
    pub fn new(id: impl Into<String>, role: Role) -> Person {
        Person {
            id: id.into(),
            name: None,
            gender: None,
            role,
            side: None,
            party: None,
            hourly_cost: None,
        }
    }
}

impl FeeSchedule {
    /// A schedule of tiers by population.
    pub fn tiered(id: impl Into<String>, tiers: Vec<Tier>) -> FeeSchedule {
        FeeSchedule {
            id: id.into(),
            currency: None,
            population_offset: 0,
            tiers: Some(tiers),
            per_capita: None,
        }
    }
    /// A schedule of `rate` per inhabitant (set `base`, `min` and `max` on
    /// its `per_capita`).
    pub fn per_capita(id: impl Into<String>, rate: Decimal) -> FeeSchedule {
        FeeSchedule {
            id: id.into(),
            currency: None,
            population_offset: 0,
            tiers: None,
            per_capita: Some(PerCapita::new(rate)),
        }
    }
}

impl Tier {
    /// A tier up to and including `max_population`.
    pub fn up_to(max_population: u64, amount: Decimal) -> Tier {
        Tier {
            max_population: Some(max_population),
            amount,
        }
    }
    /// The open top tier (the last one).
    pub fn open(amount: Decimal) -> Tier {
        Tier {
            max_population: None,
            amount,
        }
    }
}

impl PerCapita {
    /// A fee of `rate` per inhabitant, with no base, minimum or maximum.
    pub fn new(rate: Decimal) -> PerCapita {
        PerCapita {
            base: None,
            rate,
            min: None,
            max: None,
        }
    }
}

impl Rate {
    /// Organisation currency per one `currency`, from `year` on.
    pub fn new(currency: impl Into<String>, year: i32, rate: Decimal) -> Rate {
        Rate {
            currency: currency.into(),
            year,
            rate,
        }
    }
}

impl Network {
    /// An active network of kind `network`, ongoing from `start`.
    pub fn new(id: impl Into<String>, name: impl Into<String>, start: NaiveDate) -> Network {
        Network {
            id: id.into(),
            name: name.into(),
            organiser: None,
            kind: NetworkKind::Network,
            subjects: Vec::new(),
            unit: None,
            start,
            end: None,
            deadline: None,
            status: Status::Active,
            notice_months: 0,
            via: None,
            decision: None,
            url: None,
            purpose: None,
            notes: None,
            assessment: None,
            participants: Vec::new(),
            costs: Vec::new(),
            financing: Vec::new(),
        }
    }
}

impl Network {
    /// Sets the subjects, in order (the first takes split remainders).
    #[must_use]
    pub fn subjects<S: Into<String>>(mut self, subjects: impl IntoIterator<Item = S>) -> Self {
        self.subjects = subjects.into_iter().map(Into::into).collect();
        self
    }
    /// Adds a subject after those there are.
    #[must_use]
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subjects.push(subject.into());
        self
    }
    /// Adds a seat.
    #[must_use]
    pub fn participant(mut self, participant: Participant) -> Self {
        self.participants.push(participant);
        self
    }
    /// Adds a cost.
    #[must_use]
    pub fn cost(mut self, cost: Cost) -> Self {
        self.costs.push(cost);
        self
    }
    /// Adds a financing.
    #[must_use]
    pub fn financed_by(mut self, financing: Financing) -> Self {
        self.financing.push(financing);
        self
    }
}

impl From<u64> for Population {
    fn from(p: u64) -> Population {
        Population::Constant(p)
    }
}

impl From<BTreeMap<i32, u64>> for Population {
    fn from(by_year: BTreeMap<i32, u64>) -> Population {
        Population::ByYear(by_year)
    }
}

impl<const N: usize> From<[(i32, u64); N]> for Population {
    fn from(by_year: [(i32, u64); N]) -> Population {
        Population::ByYear(BTreeMap::from(by_year))
    }
}

impl Decision {
    /// A decision with nothing filled in.
    pub fn new() -> Decision {
        Decision {
            body: None,
            date: None,
            reference: None,
        }
    }
}

impl Default for Decision {
    fn default() -> Self {
        Decision::new()
    }
}

impl Assessment {
    /// An assessment with nothing filled in.
    pub fn new() -> Assessment {
        Assessment {
            benefit: None,
            recommendation: None,
            note: None,
        }
    }
}

impl Default for Assessment {
    fn default() -> Self {
        Assessment::new()
    }
}

impl Participant {
    /// A seat of `person` (a person id).
    pub fn new(person: impl Into<String>) -> Participant {
        Participant {
            person: person.into(),
            hours_per_year: None,
            role: None,
        }
    }
}

impl Cost {
    fn base(kind: CostKind) -> Cost {
        Cost {
            kind,
            amount: None,
            schedule: None,
            currency: None,
            per: Per::Year,
            date: None,
            from: None,
            to: None,
            prorate: false,
            note: None,
        }
    }
    /// `amount` every year of the network (organisation currency).
    pub fn yearly(kind: CostKind, amount: Decimal) -> Cost {
        Cost {
            amount: Some(amount),
            ..Cost::base(kind)
        }
    }
    /// `amount` once, on `date`.
    pub fn once(kind: CostKind, amount: Decimal, date: NaiveDate) -> Cost {
        Cost {
            amount: Some(amount),
            per: Per::Once,
            date: Some(date),
            ..Cost::base(kind)
        }
    }
    /// Every year of the network, the amount from a fee schedule.
    pub fn scheduled(kind: CostKind, schedule_id: impl Into<String>) -> Cost {
        Cost {
            schedule: Some(schedule_id.into()),
            ..Cost::base(kind)
        }
    }
}

impl Financing {
    /// All fees financed by `funder` (share 1); expected and applied
    /// financing also need a `probability`.
    pub fn new(funder: impl Into<String>, status: FinancingStatus) -> Financing {
        Financing {
            funder: funder.into(),
            covers: Covers::Fees,
            share: Decimal::ONE,
            max_per_year: None,
            status,
            probability: None,
            from: None,
            to: None,
        }
    }
}
