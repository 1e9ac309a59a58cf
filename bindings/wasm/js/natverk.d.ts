// Types of the natverk npm package (SPEC §5.1, §7.1, §7.2, §8).

/** Money: a decimal string with exactly two decimals, e.g. "65000.00". Never a JS number. */
export type Money = string;

/** The option words, generated from the core (format.d.ts): `GroupKey::ALL`, `Scope`, `Status`. */
export type { GroupKey, Scope, Status } from './format';
import type { GroupKey, Scope, Status } from './format';
export type Gender = 'woman' | 'man' | 'other' | 'unknown';

/** Options of a report (SPEC §5). Unknown keys are rejected. */
export interface ReportOptions {
  from: number;
  to: number;
  scope?: Scope;
  by?: GroupKey[];
  statuses?: Status[];
  /** Network ids, or "recommended" (every network whose assessment recommends leaving). */
  leave?: 'recommended' | string[];
  leave_from?: number;
  /** The language of the findings if the report fails (default 'en'); not an option of the report itself. */
  lang?: Lang;
}

/** Options of the equality statistics (SPEC §7). Unknown keys are rejected. */
export interface EqualityOptions {
  from: number;
  to: number;
  scope?: Scope;
  statuses?: Status[];
  /** The language of the findings if the statistics fail (default 'en'). */
  lang?: Lang;
}

export type Lang = 'sv' | 'en';

/**
 * Options of the checks: `today` as YYYY-MM-DD or a Date (its local day); default today.
 * `lang`: the language of the finding messages (default 'en').
 */
export interface CheckOptions {
  today?: string | Date;
  lang?: Lang;
}

/** The nine money fields of a line, the total and the savings. */
export interface Amounts {
  fees: Money;
  time: Money;
  travel: Money;
  other: Money;
  gross: Money;
  granted: Money;
  expected: Money;
  net: Money;
  expected_net: Money;
}

/** A report line: its group keys (`null` when a key has no value), `name` with `network`, and the money. */
export interface ReportLine extends Amounts {
  network?: string;
  name?: string;
  subject?: string | null;
  organiser?: string | null;
  unit?: string | null;
  kind?: string;
  status?: Status;
  year?: number;
}

/** SPEC §5.1. */
export interface Report {
  organisation: string;
  currency: string;
  from: number;
  to: number;
  scope: Scope;
  by: GroupKey[];
  lines: ReportLine[];
  total: Amounts;
  /** Only when `leave` was given. */
  savings?: Amounts;
}

export interface GenderCounts { woman: number; man: number; other: number; unknown: number }
export interface GenderAmounts { woman: string; man: string; other: string; unknown: string }

export interface NetworkCounts extends GenderCounts {
  network: string;
  name: string;
  /** null when women + men < 2. */
  balanced: boolean | null;
}

/** SPEC §7.1. */
export interface Equality {
  organisation: string;
  currency: string;
  from: number;
  to: number;
  scope: Scope;
  seats: GenderCounts;
  persons: GenderCounts;
  seats_by_role: { politician: GenderCounts; official: GenderCounts };
  persons_by_role: { politician: GenderCounts; official: GenderCounts };
  seats_by_side: { majority: GenderCounts; opposition: GenderCounts };
  persons_by_side: { majority: GenderCounts; opposition: GenderCounts };
  hours: GenderAmounts;
  time_cost: GenderAmounts;
  networks: NetworkCounts[];
}

/** One finding (SPEC §6, §7.2). */
export interface Finding {
  code: string;
  severity: 'error' | 'warning';
  /** JSON path into the file, e.g. "networks[3].costs[0].schedule"; "" for the whole file. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** SPEC §7.2. */
export interface Findings {
  findings: Finding[];
  errors: number;
  warnings: number;
}

/** What an inventory is read from. */
export type InventoryInput = string | Uint8Array | ArrayBuffer;

/** A failed load, option or report; `findings` holds every error. */
export class InventoryError extends Error {
  constructor(message: string, findings: Finding[], options?: ErrorOptions);
  name: 'InventoryError';
  findings: Finding[];
}

/** Loads the WebAssembly module once (fetched in browsers, read from disk in Node by default). */
export function init(input?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;
/** Instantiates the module synchronously from its bytes or a compiled module. */
export function initSync(module: BufferSource | WebAssembly.Module): void;
/** The package version. */
export function version(): string;

/** The years of a comparison or a calendar. */
export interface YearsOptions {
  from: number;
  to: number;
}

/** Old, new and new − old of the nine money fields (strings with two decimals). */
export interface Sides {
  old: Amounts;
  new: Amounts;
  change: Amounts;
}

/** The comparison of two inventories (SPEC §14). */
export interface Diff {
  organisation: string;
  currency: string;
  from: number;
  to: number;
  added: { network: string; name: string }[];
  removed: { network: string; name: string }[];
  changed: { network: string; name: string; changes: { path: string; old: unknown; new: unknown }[] }[];
  lines: ({ network: string; name: string } & Sides)[];
  total: Sides;
}

/** The calendar of SPEC §14. */
export interface Calendar {
  events: { date: string; kind: 'deadline' | 'notice' | 'end'; network: string; name: string }[];
}

/** The options of `board` (SPEC §14). */
export interface BoardOptions extends YearsOptions {
  /** Last year's inventory: the appendix then says what changed since it. */
  compare?: Inventory;
  /** The networks shown as left: those recommended for leaving (default), or these ids. */
  leave?: 'recommended' | string[];
  /** Name the people who represent the organisation (default false: no person names). */
  show_names?: boolean;
  /** The date warnings and notice days are judged on: a Date (its local day) or `YYYY-MM-DD`. */
  today?: Date | string;
  /** The language (default `sv`). */
  lang?: 'sv' | 'en';
}

/** A cell of a board table: text (or a word already in the language), an amount as a string with two decimals, a whole number, or no value. */
export type BoardCell = string | number | null;

/** A table of the board appendix. */
export interface BoardTable {
  type: 'table';
  /** Stable key of the table. */
  key: string;
  title: string;
  columns: { key: string; label: string; align: 'left' | 'right' }[];
  /** One cell per column. */
  rows: BoardCell[][];
  /** Rows after the body (totals), their first cell naming them. */
  footer: BoardCell[][];
}

/** A paragraph of plain text of the board appendix. */
export interface BoardParagraph {
  type: 'paragraph';
  text: string;
}

/** The board appendix of SPEC §14 as data, for a page to lay out (the command line writes it as .docx and .html). */
export interface BoardDocument {
  title: string;
  /** Organisation, years and date. */
  subtitle: string;
  lang: 'sv' | 'en';
  sections: {
    /** `summary`, `units`, `subjects`, `networks`, `leave`, `changes`, `equality`, `warnings`, `people`. */
    key: string;
    heading: string;
    blocks: (BoardParagraph | BoardTable)[];
  }[];
}

/** A loaded, valid inventory (SPEC §3). */
export class Inventory {
  private constructor(inner: never);
  /** Loads an inventory; throws InventoryError with every error of the file, its messages in `options.lang` (default 'en'). */
  static fromJson(input: InventoryInput, options?: { lang?: Lang }): Inventory;
  /** Every error of any text, or when it loads every warning. Never throws for a bad file. */
  static checkJson(input: InventoryInput, options?: CheckOptions): Findings;
  /** The warnings of this inventory. */
  check(options?: CheckOptions): Findings;
  /** A cost report (SPEC §5.1). Throws InventoryError (e.g. missing_rate, bad options). */
  report(options: ReportOptions): Report;
  /** Equality statistics (SPEC §7.1). */
  equality(options: EqualityOptions): Equality;
  /** The public file (SPEC §13): no names, hourly costs or hours, opaque person ids, staff time as costs of kind `time`; every report equals this one's. */
  public(): Inventory;
  /** The inventory as `natverk/1` JSON text (publish `inv.public().toJson()`). */
  toJson(): string;
  /** Compares this inventory (last year's) with `other` (SPEC §14). Throws when the currencies differ. */
  diff(other: Inventory, options: YearsOptions): Diff;
  /** The dates to act on (SPEC §14). */
  calendar(options: YearsOptions): Calendar;
  /** The calendar as iCalendar text (RFC 5545). */
  calendarIcs(options: YearsOptions & { lang?: 'sv' | 'en' }): string;
  /** The board appendix (SPEC §14) as data: sections of paragraphs and tables. No person names unless `show_names`. */
  board(options: BoardOptions): BoardDocument;
  /** Frees the WebAssembly memory now. */
  free(): void;
  [Symbol.dispose](): void;
}
