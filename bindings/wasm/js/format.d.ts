// Generated from the core's declaration of the natverk/1 format
// (crates/natverk/src/model.rs). Do not edit: run
// `UPDATE_GENERATED=1 cargo test -p natverk` to rewrite it.

/** A decimal, read exactly: a JSON number or a string such as "650.50". */
export type Decimal = string | number;
/** A date, YYYY-MM-DD. */
export type IsoDate = string;
/** A key a report can be grouped by (the core's `GroupKey::ALL`). */
export type GroupKey = "network" | "subject" | "organiser" | "unit" | "kind" | "status" | "year";
/** Every network, or only those of central units (the core's `Scope`). */
export type Scope = "all" | "central";
/** The status of a network (the core's `Status`). */
export type Status = "proposed" | "applied" | "active" | "dormant" | "ended" | "declined";

/** A whole inventory (natverk/1). */
export interface InventoryJson {
  /** Always "natverk/1". */
  format: "natverk/1";
  /** Who keeps the inventory. */
  organisation: OrganisationJson;
  /** Parts of the organisation that take part in networks. */
  units?: UnitJson[];
  /** People who represent the organisation. */
  people?: PersonJson[];
  /** Fee schedules tiered by population or per inhabitant. */
  fee_schedules?: FeeScheduleJson[];
  /** Exchange rates into the organisation currency. */
  exchange_rates?: RateJson[];
  /** The networks and collaborations. */
  networks?: NetworkJson[];
}

/** The organisation that keeps the inventory. */
export interface OrganisationJson {
  /** Name, non-empty. */
  name: string;
  /** Municipality code (a string: leading zeros matter). */
  code?: string;
  /** Population, constant or by year; needed once a fee schedule is used. */
  population?: number | Record<string, number>;
  /** ISO 4217 code of three capital letters; every report is in it. */
  currency: string;
}

/** A part of the organisation (förvaltning, nämnd). */
export interface UnitJson {
  /** Unique among units. */
  id: string;
  /** Display name. */
  name: string;
  /** Taken part in through the executive board or the city executive office. */
  central?: boolean;
}

/** A person who represents the organisation. */
export interface PersonJson {
  /** Unique among people. */
  id: string;
  /** Personal data: never shown by default. */
  name?: string;
  /** Absent means unknown. */
  gender?: "woman" | "man" | "other";
  /** Politician or official. */
  role: "politician" | "official";
  /** Required for a politician, not allowed for an official. */
  side?: "majority" | "opposition";
  /** Party, free text. */
  party?: string;
  /** Full cost of an hour of this person's time, organisation currency, ≥ 0. */
  hourly_cost?: Decimal;
}

/** A fee schedule: tiers by population, or a fee per inhabitant (exactly one of `tiers` and `per_capita`). */
export interface FeeScheduleJson {
  /** Unique among schedules. */
  id: string;
  /** Currency of the amounts; absent is the organisation's. */
  currency?: string;
  /** ≤ 0: a charge in year Y uses the population of Y + offset. */
  population_offset?: number;
  /** Tiers by population, bounds strictly rising; only the last has no `max_population`. */
  tiers?: TierJson[];
  /** base + rate × population, raised to `min`, lowered to `max`. */
  per_capita?: PerCapitaJson;
}

/** One tier of a tiered schedule. */
export interface TierJson {
  /** Upper bound of the population (inclusive); absent only on the last tier. */
  max_population?: number;
  /** The amount for a population in this tier, ≥ 0. */
  amount: Decimal;
}

/** A fee per inhabitant. */
export interface PerCapitaJson {
  /** Fixed part, ≥ 0 (default 0). */
  base?: Decimal;
  /** Per inhabitant, ≥ 0. */
  rate: Decimal;
  /** Lower bound, ≥ 0. */
  min?: Decimal;
  /** Upper bound, ≥ 0. */
  max?: Decimal;
}

/** An exchange rate: organisation currency per one unit of `currency`, from `year` on (until a later rate of the same currency). */
export interface RateJson {
  /** Foreign currency (not the organisation's). */
  currency: string;
  /** Year it applies from. */
  year: number;
  /** Organisation currency per unit, > 0. */
  rate: Decimal;
}

/** A network, membership, programme, partnership or declaration. */
export interface NetworkJson {
  /** Unique among networks. */
  id: string;
  /** Name, non-empty. */
  name: string;
  /** Who runs it. */
  organiser?: string;
  /** What kind of collaboration. */
  kind?: "network" | "membership" | "programme" | "partnership" | "declaration";
  /** Subject areas, in order (the first takes split remainders); distinct, none empty. */
  subjects?: string[];
  /** The unit that takes part (a unit id). */
  unit?: string;
  /** Start date. */
  start: IsoDate;
  /** End date (≥ start); absent is ongoing. */
  end?: IsoDate;
  /** Last day to register. */
  deadline?: IsoDate;
  /** Where the organisation stands. */
  status?: "proposed" | "applied" | "active" | "dormant" | "ended" | "declined";
  /** Months of notice needed to leave. */
  notice_months?: number;
  /** The body through which membership is held (e.g. SKR). */
  via?: string;
  /** The decision to take part. */
  decision?: DecisionJson;
  /** Web page. */
  url?: string;
  /** Why the organisation takes part. */
  purpose?: string;
  /** Free text. */
  notes?: string;
  /** An assessment of its value. */
  assessment?: AssessmentJson;
  /** Who sits in it. */
  participants?: ParticipantJson[];
  /** What it costs. */
  costs?: CostJson[];
  /** Who pays part of it. */
  financing?: FinancingJson[];
}

/** Which body decided to take part, and when. */
export interface DecisionJson {
  /** The deciding body. */
  body?: string;
  /** When. */
  date?: IsoDate;
  /** Diary number or similar. */
  reference?: string;
}

/** An assessment of a network's value. */
export interface AssessmentJson {
  /** 1 (little) to 5 (much). */
  benefit?: number;
  /** Keep, review or leave. */
  recommendation?: "keep" | "review" | "leave";
  /** Free text. */
  note?: string;
}

/** A person's seat in a network (a person at most once per network). */
export interface ParticipantJson {
  /** The person (a person id). */
  person: string;
  /** Hours a year spent on the network, ≥ 0. */
  hours_per_year?: Decimal;
  /** The seat, e.g. "styrgrupp". */
  role?: string;
}

/** A cost of a network: exactly one of `amount` and `schedule`. */
export interface CostJson {
  /** Kind of cost. */
  kind: "fee" | "membership" | "time" | "travel" | "other";
  /** A fixed amount, ≥ 0. */
  amount?: Decimal;
  /** A fee schedule (a schedule id). */
  schedule?: string;
  /** Currency of `amount` (only with `amount`); absent is the organisation's. */
  currency?: string;
  /** Every year, or once. */
  per?: "year" | "once";
  /** Date of a once cost (only with `per: once`); absent is the network's start. */
  date?: IsoDate;
  /** First year of a yearly cost; absent is the network's start year. */
  from?: number;
  /** Last year of a yearly cost; absent is the network's end year. */
  to?: number;
  /** Charge only the months of the network's start and end years (yearly costs). */
  prorate?: boolean;
  /** Free text. */
  note?: string;
}

/** Money from a funder that covers part of a network's cost. */
export interface FinancingJson {
  /** Who pays. */
  funder: string;
  /** What it covers: fees (and memberships), or all costs. */
  covers?: "fees" | "all";
  /** Share of the covered base, above 0 and at most 1. */
  share?: Decimal;
  /** Cap per year, organisation currency, ≥ 0. */
  max_per_year?: Decimal;
  /** Where it stands. */
  status: "expected" | "applied" | "granted" | "denied";
  /** 0 to 1: required with `expected` and `applied`, not allowed otherwise. */
  probability?: Decimal;
  /** First year. */
  from?: number;
  /** Last year. */
  to?: number;
}
