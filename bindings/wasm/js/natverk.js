// natverk for JavaScript: the WebAssembly core behind a small ES module.
//
//   import { init, Inventory } from 'natverk';
//   await init();
//   const inv = Inventory.fromJson(text);              // throws InventoryError
//   const report = inv.report({ from: 2024, to: 2025, by: ['subject'] });
//   report.total.net                                    // "130000.00" (money is a string)
//
// Every rule lives in the Rust core; this layer only loads the module, names
// the error class and turns a Date `today` into the `YYYY-MM-DD` the core
// reads. Results are plain objects shaped as SPEC §5.1 / §7.1 / §7.2: the
// core writes JSON and the engine's JSON.parse reads it, so money never
// passes through a JS number.

import wasmInit, { initSync as wasmInitSync, Inventory as WasmInventory, version as wasmVersion } from '../pkg/natverk_wasm.js';

let ready = false;
let pending = null;

const WASM_URL = new URL('../pkg/natverk_wasm_bg.wasm', import.meta.url);

/**
 * Loads and instantiates the WebAssembly module once; later calls return the
 * same promise. `input` (optional) is anything wasm-bindgen's init takes: a
 * URL, a Response, bytes or a compiled WebAssembly.Module. Without it the
 * module next to this package is used (fetched in browsers, read from disk
 * in Node).
 */
export function init(input) {
  if (ready) return Promise.resolve();
  if (!pending) {
    pending = (async () => {
      let source = input;
      if (source === undefined && WASM_URL.protocol === 'file:') {
        // Node reads the module from disk. The specifier is a variable, so a
        // bundler building for browsers leaves this branch alone.
        const fsModule = 'node:fs/promises';
        const { readFile } = await import(/* @vite-ignore */ /* webpackIgnore: true */ fsModule);
        source = await readFile(WASM_URL);
      }
      await wasmInit(source === undefined ? { module_or_path: WASM_URL } : { module_or_path: source });
      ready = true;
    })();
    pending.catch(() => { pending = null; });
  }
  return pending;
}

/** Instantiates the module synchronously from its bytes or a compiled module. */
export function initSync(module) {
  if (!ready) {
    wasmInitSync({ module });
    ready = true;
  }
}

/** The package version. */
export function version() {
  assertReady();
  return wasmVersion();
}

/**
 * A load, check option or report that failed. `message` is a summary with
 * one line per finding; `findings` holds every SPEC §7.2 finding.
 */
export class InventoryError extends Error {
  constructor(message, findings, options) {
    super(message, options);
    this.name = 'InventoryError';
    this.findings = findings;
  }
}

function assertReady() {
  if (!ready) throw new Error('natverk: the WebAssembly module is not loaded yet: `await init()` first');
}

// Calls into the module, rethrowing its errors as InventoryError.
function call(fn) {
  assertReady();
  try {
    return fn();
  } catch (e) {
    if (e && Array.isArray(e.findings)) throw new InventoryError(e.message, e.findings);
    throw e;
  }
}

function pad(n, width) {
  return String(n).padStart(width, '0');
}

// `today` may be a Date (its local calendar day) or a YYYY-MM-DD string;
// `lang` ("sv" | "en") passes through to the core.
function checkOptions(options) {
  if (options == null) return undefined;
  if (typeof options === 'object' && options.today instanceof Date) {
    const d = options.today;
    return { ...options, today: `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}` };
  }
  return options;
}

// Whether the findings of a call that fails are written in Swedish: its
// `lang` ("sv" | "en"; default English), passed to the core as a flag.
function swedish(lang) {
  if (lang === undefined || lang === null || lang === 'en') return false;
  if (lang === 'sv') return true;
  throw new TypeError(`lang must be "sv" or "en", not ${JSON.stringify(lang)}`);
}

// An options object without its `lang` (the core's report and equality
// options have none), and whether that `lang` is Swedish.
function withoutLang(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options) || !('lang' in options)) return [options, false];
  const { lang, ...rest } = options;
  return [rest, swedish(lang)];
}

/** A loaded, valid inventory (SPEC §3). */
export class Inventory {
  #inner;
  #json;

  /** @private use Inventory.fromJson */
  constructor(inner) {
    if (!(inner instanceof WasmInventory)) throw new TypeError('use Inventory.fromJson(text)');
    this.#inner = inner;
  }

  /** Loads from JSON text, a Uint8Array or an ArrayBuffer; throws InventoryError with every error, its messages in `options.lang` ("sv" | "en"; default English). */
  static fromJson(input, options) {
    const sv = swedish(options !== null && typeof options === 'object' ? options.lang : options);
    return new Inventory(call(() => WasmInventory.fromJson(input, sv)));
  }

  /** Checks any text or bytes: every error, or when it loads every warning (§7.2). Never throws for a bad file. */
  static checkJson(input, options) {
    return call(() => WasmInventory.checkJson(input, checkOptions(options)));
  }

  /** Warnings judged against `options.today` (default: today, local time), as §7.2 findings; messages in `options.lang`. */
  check(options) {
    return call(() => this.#inner.check(checkOptions(options)));
  }

  /** A cost report (§5.1); the findings of an error in `options.lang` ("sv" | "en"; default English). */
  report(options) {
    const [opts, sv] = withoutLang(options);
    return call(() => this.#inner.report(opts, sv));
  }

  /** The public file (§13): no names, hourly costs or hours; every report equals this one's. Publish `inv.public().toJson()`. */
  public() {
    const text = call(() => this.#inner.publicJson());
    const inv = Inventory.fromJson(text);
    inv.#json = text;
    return inv;
  }

  /** The `natverk/1` JSON text of a public file made by `public()`. */
  toJson() {
    if (this.#json === undefined) throw new TypeError('toJson() gives the text of a public file: use inv.public().toJson()');
    return this.#json;
  }

  /** Equality statistics (§7.1); the findings of an error in `options.lang` ("sv" | "en"; default English). */
  equality(options) {
    const [opts, sv] = withoutLang(options);
    return call(() => this.#inner.equality(opts, sv));
  }

  /** Compares this inventory (last year's) with `other` (this year's), SPEC §14: `{ added, removed, changed, lines, total, … }`. */
  diff(other, options) {
    if (!(other instanceof Inventory)) throw new TypeError('diff(other, options): other must be an Inventory');
    return call(() => this.#inner.diff(other.#inner, options));
  }

  /** The dates to act on (SPEC §14): `{ events: [{ date, kind, network, name }] }`. */
  calendar(options) {
    return call(() => this.#inner.calendar(options));
  }

  /** The calendar as iCalendar text (RFC 5545), in `options.lang` (`sv` or `en`). */
  calendarIcs(options) {
    return call(() => this.#inner.calendarIcs(options));
  }

  /**
   * The board appendix (SPEC §14) as data: `{ title, subtitle, lang, sections: [{ key, heading, blocks }] }`,
   * each block `{ type: 'paragraph', text }` or `{ type: 'table', key, title, columns, rows, footer }`.
   * Options: `from`, `to`, `compare` (last year's Inventory), `leave`, `show_names`, `today`, `lang`.
   */
  board(options) {
    if (options == null || typeof options !== 'object' || Array.isArray(options)) {
      throw new TypeError('board(options): options must be an object such as { from: 2025, to: 2026 }');
    }
    const { compare, ...rest } = options;
    const opts = checkOptions(rest);
    if (compare === undefined || compare === null) return call(() => this.#inner.board(opts));
    if (!(compare instanceof Inventory)) throw new TypeError('board(options): options.compare must be an Inventory');
    return call(() => this.#inner.boardCompare(compare.#inner, opts));
  }

  /** Frees the WebAssembly memory now instead of at garbage collection. */
  free() {
    this.#inner.free();
  }

  [Symbol.dispose]() {
    this.free();
  }
}
