// <natverk-inventory>: an embeddable view of an inventory's costs, warnings
// and representation (SPEC §8).
//
//   <script type="module" src="/natverk/js/widget.js"></script>
//   <natverk-inventory src="goteborg.json" from="2024" to="2025" scope="central"
//                      by="network" lang="sv"></natverk-inventory>
//
// Attributes: src (URL of a natverk/1 file), from, to (years; default the
// current year), scope (all | central), by (group keys, comma-separated;
// default network), lang (sv | en; default: the nearest `lang` of the page,
// else sv), today (YYYY-MM-DD: the date the warnings are judged on; default
// today), columns (money fields shown first, comma-separated; default
// fees,time,gross,granted,net; the reader changes them in the page),
// show-names (present: people's names in the delegations; absent: role,
// side and gender only).
//
// Every figure and every finding message comes from the WebAssembly core;
// every word of the widget's own comes from vocabulary.js; this file only
// lays them out. Strings from the file reach the page through textContent /
// createTextNode / setAttribute, never as markup. No inline style or script:
// the styles are one constructable stylesheet (style.js), so a page under
// `style-src 'self'` needs no 'unsafe-inline'.
//
// Money: the core gives exact two-decimal strings. They are displayed by
// placing the string's own digits into the vocabulary's pattern (sv
// "65 000 kr", en "SEK 65,000"), whole kronor when every figure of the
// report is whole;
// they are sorted by comparing BigInts of the cents. No displayed or compared
// value goes through a double; only the bar lengths of the chart use floating
// point (geometry, not values).
//
// Speed: the first table (the first PAGE lines) is rendered as soon as the
// module is instantiated and the file loaded (both start when this module is
// imported); the chart, the warnings, the equality summary and the
// delegations follow after that first paint. Two elements with the same src
// share one fetch and one loaded inventory; every element shares the one
// instantiated module.
//
// Events: `natverk-render` (detail: {lines, ms}) after each rendered report,
// `natverk-error` (detail: {findings}) when the file or the options fail.
// Properties: `report` (SPEC §5.1), `findings` (§7.2, the warnings on
// screen), `equality` (§7.1), each null until shown.

import { init, Inventory } from './natverk.js';
import { VOCABULARY, GROUP_KEYS as KEYS, MONEY_FIELDS as MONEY, DEFAULT_MONEY_COLUMNS as DEFAULT_COLUMNS, PAGE_LINES as PAGE } from './vocabulary.js';
import { styleSheet } from './style.js';

// Start fetching and compiling the WebAssembly module as soon as this script
// is imported, so it is ready (or nearly) when an element attaches. `init()`
// returns the same promise to every later caller; a failure is reported by
// the element that awaits it.
performance.mark('natverk:module');
const startInit = () =>
  init().then(
    () => performance.mark('natverk:instantiated'),
    () => {},
  );
// When every element of the page came pre-rendered (`natverk report
// --format widget`), their tables are painted without the module: its
// compiling waits for that paint instead of taking one of the machine's
// cores from it (a module script runs when the HTML is parsed, which can
// be before the first frame is drawn).
const prerendered = typeof document !== 'undefined' && allPrerendered();
if (prerendered) afterPaint(startInit);
else startInit();

function allPrerendered() {
  const elements = document.querySelectorAll('natverk-inventory');
  return elements.length > 0 && [...elements].every((el) => el.shadowRoot?.querySelector('section.natverk[data-prerendered]'));
}

const GENDERS = ['woman', 'man', 'other', 'unknown'];
const CHART_MAX_BARS = 20;
const SVG_NS = 'http://www.w3.org/2000/svg';

// A text of the vocabulary, with its {placeholders} filled.
function say(lang, key, values) {
  const text = VOCABULARY[lang]?.[key] ?? VOCABULARY.en[key] ?? key;
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

// The currency as people write it: its word in the vocabulary
// (`currency.sek`: "kr" in Swedish), else its code (the core's
// `present::currency_word`).
function currencyWord(lang, code) {
  return VOCABULARY[lang]?.[`currency.${code.toLowerCase()}`] ?? code;
}

function span(from, to) {
  return String(from) === String(to) ? String(from) : `${from}–${to}`;
}

function isoDay(d) {
  const pad = (n, w) => String(n).padStart(w, '0');
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

// Builds an element; string children become text nodes, attribute values go
// through setAttribute. Nothing is ever parsed as markup.
function h(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

function s(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

// Runs `fn` once the current frame has been painted (a task after the next
// animation frame); the timer is a fallback for pages that are not drawn
// (a background tab), so the work is never lost.
function afterPaint(fn) {
  let done = false;
  const run = () => {
    if (!done) {
      done = true;
      fn();
    }
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 300);
}

// Shortens an SVG text (already in the page) with "…" until it fits `room`
// pixels, as the browser measures it: a first cut in proportion to the
// overflow, then one character at a time (usually one or two measurements).
function shorten(el, text, room) {
  if (typeof el.getComputedTextLength !== 'function') return;
  const full = el.getComputedTextLength();
  if (full <= room) return;
  let n = Math.max(0, Math.floor((text.length * room) / full));
  el.textContent = `${text.slice(0, n).trimEnd()}…`;
  while (n > 0 && el.getComputedTextLength() > room) {
    n--;
    el.textContent = `${text.slice(0, n).trimEnd()}…`;
  }
}

// Money strings ("65000.00") compared exactly, as integers of cents.
function cents(m) {
  const [i, f = ''] = String(m).split('.');
  try {
    return BigInt(i + f.padEnd(2, '0').slice(0, 2));
  } catch {
    return 0n;
  }
}

// Formats a money string ("2583132.55") exactly, as the vocabulary writes
// amounts (SPEC §11: "2 583 132,55 kr", "SEK 2,583,132.55"): the string's
// own digits, grouped in threes, between the language's marks, the currency
// placed by `ui.money` and named by `currency.<code>` where the vocabulary
// has a word for it. No value goes through a double, and no Intl data is
// loaded (the first Intl.NumberFormat of a page costs 15-25 ms here).
const formatters = new Map();
function exactFormatter(lang, currency, digits) {
  const id = `${lang}|${currency}|${digits}`;
  if (formatters.has(id)) return formatters.get(id);
  const group = say(lang, 'ui.group_mark');
  const decimal = say(lang, 'ui.decimal_mark');
  const [before, after] = say(lang, 'ui.money', { currency: currencyWord(lang, currency) }).split('{amount}');
  const fmt = (m) => {
    const str = String(m);
    const negative = str.startsWith('-');
    const [int, frac = ''] = (negative ? str.slice(1) : str).split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
    const f = digits === 0 && /^0*$/.test(frac) ? '' : decimal + frac.padEnd(2, '0');
    return `${negative ? '-' : ''}${before}${grouped}${f}${after}`;
  };
  formatters.set(id, fmt);
  return fmt;
}

// ---------------------------------------------------------------------------
// Fetching and loading, shared by every element of the page.

/** A file that could not be fetched, or a module that could not start: `kind` names the vocabulary text. */
class LoadError extends Error {
  constructor(kind, values) {
    super(`${kind}: ${JSON.stringify(values)}`);
    this.name = 'LoadError';
    this.kind = kind;
    this.values = values;
  }
}

// URLs the page's Content-Security-Policy refused (securitypolicyviolation
// events), so a refused fetch can be told from a CORS refusal.
const refused = new Set();
if (typeof document !== 'undefined') {
  document.addEventListener('securitypolicyviolation', (e) => refused.add(e.blockedURI), true);
}

function refusedByPolicy(url) {
  const { origin } = new URL(url);
  for (const b of refused) if (b === url || b === origin || url.startsWith(b)) return true;
  return false;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

// Why a fetch that threw failed: the browser says only "Failed to fetch".
// The page's policy refused it (a violation event names it); or, on the
// page's own origin, the server does not answer; or, on another origin, the
// server answers a request that may not read the answer (an opaque
// `no-cors` HEAD succeeds: CORS), or it does not answer at all.
async function whyFetchFailed(url) {
  const target = new URL(url);
  const values = { url, origin: target.origin, page: location.origin };
  await tick();
  if (refusedByPolicy(url)) return new LoadError('csp_blocked', values);
  if (target.origin === location.origin) return new LoadError('unreachable', values);
  try {
    await fetch(url, { method: 'HEAD', mode: 'no-cors', cache: 'no-store', credentials: 'omit' });
    return new LoadError('cors_blocked', values);
  } catch {
    await tick();
    return new LoadError(refusedByPolicy(url) ? 'csp_blocked' : 'unreachable', values);
  }
}

async function fetchBytes(url) {
  let res;
  try {
    res = await fetch(url);
  } catch {
    throw await whyFetchFailed(url);
  }
  if (!res.ok) throw new LoadError('http_error', { url, status: `${res.status} ${res.statusText}`.trim() });
  return new Uint8Array(await res.arrayBuffer());
}

// The findings of a file that does not load are in the language of the
// element that loaded it (`lang`); the error keeps the bytes, so an element
// in the other language reads them again in its own (`#renderLoadError`).
async function loadInventory(url, lang) {
  const module = init().catch((e) => {
    throw new LoadError('wasm_failed', { message: String(e?.message || e) });
  });
  const [bytes] = await Promise.all([fetchBytes(url), module]);
  performance.mark('natverk:fetched');
  let inventory;
  try {
    inventory = Inventory.fromJson(bytes, { lang });
  } catch (e) {
    throw Object.assign(e, { bytes, lang });
  }
  performance.mark('natverk:loaded');
  return { inventory, bytes, file: null };
}

// url → {users, promise}: one fetch and one loaded inventory per file while
// any element shows it; freed when the last one lets go.
const loads = new Map();

function acquire(url, lang) {
  let entry = loads.get(url);
  if (!entry) {
    entry = { users: 0, promise: loadInventory(url, lang) };
    entry.promise.catch(() => {});
    loads.set(url, entry);
  }
  entry.users++;
  return entry;
}

function release(url, entry) {
  entry.users--;
  if (entry.users > 0) return;
  if (loads.get(url) === entry) loads.delete(url);
  entry.promise.then((loaded) => loaded.inventory.free(), () => {});
}

// The file as parsed JSON, for what the report does not carry (unit names,
// delegations). Read only when needed; every figure comes from the core.
function fileOf(loaded) {
  if (!loaded.file) loaded.file = JSON.parse(new TextDecoder().decode(loaded.bytes));
  return loaded.file;
}

// ---------------------------------------------------------------------------

export class NatverkInventory extends HTMLElement {
  static observedAttributes = ['src', 'from', 'to', 'scope', 'by', 'lang', 'show-names', 'today', 'columns'];

  #root;
  #url = null; // the absolute URL of the file shown
  #entry = null; // its shared load
  #loaded = null; // {inventory, bytes, file} once loaded
  #token = 0;
  #queued = false;
  #started = 0;
  #sort = null; // {col, dir: 1 | -1}; null: the first key ascending
  #all = false; // show every line, not only the first PAGE
  #columns = null; // money columns the reader chose; null: the attribute's or the default
  #slots = null; // the parts of the rendered section, filled one by one
  #chartWidth = 0;
  #resize = null;
  #connected = false; // connectedCallback ran (and disconnectedCallback not since)
  #adopt = false; // a pre-rendered view (declarative shadow DOM) to take over

  /** The report on screen, as the core gave it (SPEC §5.1), or null. */
  report = null;
  /** The warnings on screen (SPEC §7.2), or null until they are shown. */
  findings = null;
  /** The equality statistics on screen (SPEC §7.1), or null until shown. */
  equality = null;

  constructor() {
    super();
    // `natverk report FILE --format widget` writes the element with its
    // first view inside, as declarative shadow DOM: the page showed it
    // before this module loaded. Take that root over as it is (attachShadow
    // would empty it) and render nothing again until an option changes.
    const given = this.shadowRoot;
    if (given?.querySelector('section.natverk[data-prerendered]')) {
      this.#root = given;
      this.#adopt = true;
    } else {
      this.#root = given ?? this.attachShadow({ mode: 'open' });
      this.#root.adoptedStyleSheets = [styleSheet()];
    }
  }

  connectedCallback() {
    this.#connected = true;
    this.#started = performance.now();
    if (!this.#resize && typeof ResizeObserver === 'function') {
      this.#resize = new ResizeObserver(() => this.#resized());
    }
    this.#resize?.observe(this);
    // A pre-rendered view is on screen, or will be at the next paint: let
    // the browser paint it before the module's load and report take the
    // main thread (they would delay that paint, not the table).
    // Its own stylesheet (a link) styles it until then; the module's
    // (adopted: the same rules) is added after that paint, since adding it
    // before would make the browser compute every node's style again.
    if (this.#adopt && this.#token === 0) {
      const adopt = () => {
        this.#root.adoptedStyleSheets = [styleSheet()];
        this.#schedule();
      };
      // Defined after the paint already: no need to wait for another.
      if (definedAfterPaint) adopt();
      else afterPaint(adopt);
    } else this.#schedule();
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#token++;
    this.#resize?.disconnect();
    // An element moved elsewhere in the page is disconnected and connected
    // again in one task: keep its load unless it stays out.
    queueMicrotask(() => {
      if (!this.isConnected) this.#release();
    });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (this.#token > 0) this.#adopt = false;
    if (name === 'by') this.#sort = null;
    if (name === 'columns') this.#columns = null;
    this.#all = false;
    // An element upgraded in place gets its attributes before
    // connectedCallback, which schedules the first update itself (after the
    // paint, for a pre-rendered view): a second, earlier update here would
    // race it and could render the adopted view anew.
    if (this.#connected) this.#schedule();
  }

  get #lang() {
    const tag = (this.closest('[lang]')?.getAttribute('lang') || 'sv').toLowerCase();
    return tag.startsWith('en') ? 'en' : 'sv';
  }

  #t(key, values) {
    return say(this.#lang, key, values);
  }

  // Coalesces attribute changes made in one task into one render.
  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) this.#update();
    });
  }

  #release() {
    if (this.#entry) release(this.#url, this.#entry);
    this.#entry = null;
    this.#url = null;
    this.#loaded = null;
  }

  async #update() {
    const token = ++this.#token;
    const src = this.getAttribute('src');
    if (!src) {
      this.#release();
      this.#renderMessage(this.#t('ui.fetch_failed'), [{ message: this.#t('ui.no_src') }]);
      return;
    }
    let url;
    try {
      url = new URL(src, document.baseURI).href;
    } catch {
      this.#release();
      this.#renderMessage(this.#t('ui.fetch_failed'), [{ message: this.#t('ui.unreachable', { url: src }) }]);
      return;
    }
    if (url !== this.#url) {
      this.#release();
      this.#url = url;
      this.#entry = acquire(url, this.#lang);
      this.report = this.findings = this.equality = null;
      this.#renderLoading();
    }
    let loaded;
    try {
      loaded = await this.#entry.promise;
    } catch (e) {
      if (token !== this.#token) return;
      this.#renderLoadError(e);
      return;
    }
    if (token !== this.#token) return;
    this.#loaded = loaded;
    this.#render(token);
  }

  #options() {
    const year = new Date().getFullYear();
    const num = (v, d) => (v === null || v.trim() === '' ? d : /^-?\d+$/.test(v.trim()) ? Number(v) : v);
    const from = num(this.getAttribute('from'), year);
    return {
      from,
      to: num(this.getAttribute('to'), this.getAttribute('from') !== null ? from : year),
      scope: this.getAttribute('scope') || 'all',
      by: (this.getAttribute('by') || 'network').split(/[\s,]+/).filter(Boolean),
    };
  }

  #moneyColumns() {
    if (this.#columns) return this.#columns;
    const asked = (this.getAttribute('columns') || '').split(/[\s,]+/).filter((c) => MONEY.includes(c));
    return asked.length ? MONEY.filter((m) => asked.includes(m)) : DEFAULT_COLUMNS;
  }

  #renderLoading() {
    if (this.#root.querySelector('section.natverk')) {
      this.setAttribute('aria-busy', 'true');
      return;
    }
    this.#root.replaceChildren(h('p', { class: 'status', role: 'status', lang: this.#lang }, this.#t('ui.loading')));
    this.setAttribute('aria-busy', 'true');
  }

  #alert(title, findings) {
    const items = findings.map((f) => {
      const where = [];
      if (f.path) where.push(h('code', {}, f.path));
      if (f.line !== undefined && f.column !== undefined) {
        where.push(` (${this.#t('ui.line_column', { line: f.line, column: f.column })})`);
      }
      return h('li', {}, f.code ? [h('code', {}, f.code), ' '] : null, where, where.length ? ': ' : null, f.message);
    });
    return h('div', { class: 'alert', role: 'alert' }, h('h3', {}, title), h('ul', {}, items));
  }

  #renderMessage(title, findings) {
    this.report = this.findings = this.equality = null;
    this.#slots = null;
    this.#root.replaceChildren(h('section', { class: 'natverk', lang: this.#lang }, this.#alert(title, findings)));
    this.removeAttribute('aria-busy');
    this.dispatchEvent(new CustomEvent('natverk-error', { detail: { findings } }));
  }

  #renderLoadError(e) {
    if (e instanceof LoadError) {
      const title = this.#t(e.kind === 'wasm_failed' ? 'ui.file_failed' : 'ui.fetch_failed');
      this.#renderMessage(title, [{ message: this.#t(`ui.${e.kind}`, e.values) }]);
    } else if (Array.isArray(e?.findings)) {
      let findings = e.findings;
      if (e.bytes && e.lang !== this.#lang) {
        try {
          Inventory.fromJson(e.bytes, { lang: this.#lang });
        } catch (again) {
          if (Array.isArray(again?.findings)) findings = again.findings;
        }
      }
      this.#renderMessage(this.#t('ui.file_failed'), findings);
    } else {
      this.#renderMessage(this.#t('ui.file_failed'), [{ message: String(e?.message || e) }]);
    }
  }

  #render(token) {
    const lang = this.#lang;
    const opts = this.#options();
    this.removeAttribute('aria-busy');
    this.report = this.findings = this.equality = null;
    const heading = h('h2', { id: 'natverk-heading' }, h('span', { class: 'org' }), this.#t('ui.title'));
    let report;
    try {
      report = this.#loaded.inventory.report({ ...opts, lang });
    } catch (e) {
      const findings = Array.isArray(e.findings) ? e.findings : [{ message: String(e.message || e) }];
      this.#slots = null;
      this.#root.replaceChildren(
        h(
          'section',
          { class: 'natverk', lang, 'aria-labelledby': 'natverk-heading' },
          heading,
          this.#renderFilter(opts),
          this.#alert(this.#t('ui.report_failed'), findings),
        ),
      );
      this.dispatchEvent(new CustomEvent('natverk-error', { detail: { findings } }));
      return;
    }
    performance.mark('natverk:report');
    this.report = report;
    if (this.#adopt) {
      this.#adopt = false;
      if (this.#adoptView(token)) return;
    }
    heading.firstChild.textContent = report.organisation;
    const years = span(report.from, report.to);
    const n = report.lines.length;
    this.#slots = {
      filter: h('div', { class: 'filter' }),
      warnings: h('details', { class: 'warnings' }, h('summary', {}, this.#t('ui.warnings'))),
      columns: this.#renderColumnChooser(),
      table: h('div', { class: 'table' }),
      chart: h('div', { class: 'chart' }),
      equality: h('div', { class: 'equality' }),
    };
    this.#renderTable();
    this.#root.replaceChildren(
      h(
        'section',
        { class: 'natverk', lang, 'aria-labelledby': 'natverk-heading' },
        heading,
        this.#slots.filter,
        h('p', { class: 'status', role: 'status' }, this.#t(n === 1 ? 'ui.lines_one' : 'ui.lines', { count: n, years })),
        h('div', { class: 'tools' }, this.#slots.warnings, this.#slots.columns),
        this.#slots.table,
        this.#slots.chart,
        this.#slots.equality,
        this.#renderDelegations(),
      ),
    );
    performance.mark('natverk:table', { detail: { lines: n } });
    this.dispatchEvent(new CustomEvent('natverk-render', { detail: { lines: n, ms: performance.now() - this.#started } }));
    this.#afterFirst(token, opts);
  }

  // Takes over the pre-rendered view: its parts become the slots, its
  // buttons and choosers get their handlers; its rows stay the same nodes.
  // False when the markup is not the widget's (then it renders anew).
  #adoptView(token) {
    const q = (sel) => this.#root.querySelector(sel);
    const section = q('section.natverk[data-prerendered]');
    const parts = {
      filter: q('section.natverk > div.filter'),
      warnings: q('div.tools > details.warnings'),
      columns: q('div.tools > details.columns'),
      table: q('section.natverk > div.table'),
      chart: q('section.natverk > div.chart'),
      equality: q('section.natverk > div.equality'),
    };
    const delegations = q('section.natverk > details.delegations');
    if (!section || !delegations || Object.values(parts).some((p) => !p)) return false;
    const n = this.report.lines.length;
    this.#slots = parts;
    this.#renderColumnChooser(parts.columns);
    this.#renderDelegations(delegations);
    this.#wireTable();
    performance.mark('natverk:table', { detail: { lines: n, adopted: true } });
    this.dispatchEvent(new CustomEvent('natverk-render', { detail: { lines: n, ms: performance.now() - this.#started, adopted: true } }));
    this.#afterFirst(token, this.#options());
    return true;
  }

  // The table's buttons (sort, show all), on a rendered or adopted table.
  #wireTable() {
    const slot = this.#slots.table;
    for (const b of slot.querySelectorAll('thead button[data-col]')) {
      const col = b.dataset.col;
      b.addEventListener('click', () => this.#sortBy(col));
    }
    slot.querySelector(':scope > button.more')?.addEventListener('click', () => this.#showAll());
  }

  #showAll() {
    this.#all = true;
    this.#renderTable();
    this.#root.querySelector(`tbody tr:nth-child(${PAGE + 1}) > *`)?.scrollIntoView?.({ block: 'nearest' });
  }

  // What is not the first table waits for it to be painted.
  #afterFirst(token, opts) {
    afterPaint(() => {
      if (token !== this.#token) return;
      performance.mark('natverk:painted');
      this.#slots.filter.replaceChildren(this.#renderFilter(opts));
      this.#renderChart();
      setTimeout(() => {
        if (token !== this.#token) return;
        this.#renderWarnings();
        setTimeout(() => {
          if (token === this.#token) this.#renderEquality();
        }, 0);
      }, 0);
    });
  }

  #renderFilter(opts) {
    const from = h('input', { type: 'number', name: 'from', value: opts.from, step: 1, inputmode: 'numeric' });
    const to = h('input', { type: 'number', name: 'to', value: opts.to, step: 1, inputmode: 'numeric' });
    const scope = h(
      'select',
      { name: 'scope' },
      ['all', 'central'].map((v) => h('option', { value: v, selected: opts.scope === v }, this.#t(`scope.${v}`))),
    );
    return h(
      'form',
      {
        onsubmit: (ev) => {
          ev.preventDefault();
          this.setAttribute('from', from.value);
          this.setAttribute('to', to.value);
          this.setAttribute('scope', scope.value);
        },
      },
      h(
        'fieldset',
        {},
        h('legend', {}, this.#t('ui.selection')),
        h('label', {}, this.#t('ui.from'), from),
        h('label', {}, this.#t('ui.to'), to),
        h('label', {}, this.#t('ui.scope'), scope),
        h('button', { type: 'submit' }, this.#t('ui.apply')),
      ),
    );
  }

  // The chooser's boxes are built when it is first opened (form controls
  // are costly to create, and most readers never open it).
  #renderColumnChooser(details = h('details', { class: 'columns' }, h('summary', {}, this.#t('ui.columns')))) {
    details.addEventListener('toggle', () => {
      if (details.open && details.childElementCount === 1) details.append(this.#columnBoxes());
    });
    return details;
  }

  #columnBoxes() {
    const chosen = this.#moneyColumns();
    const boxes = MONEY.map((m) =>
      h(
        'label',
        {},
        h('input', {
          type: 'checkbox',
          name: 'column',
          value: m,
          checked: chosen.includes(m),
          onchange: () => {
            const on = [...this.#slots.columns.querySelectorAll('input[name=column]:checked')].map((i) => i.value);
            this.#columns = MONEY.filter((c) => on.includes(c));
            this.#renderTable();
          },
        }),
        this.#t(`money.${m}`),
      ),
    );
    return h('fieldset', {}, h('legend', {}, this.#t('ui.columns_legend')), boxes);
  }

  #keyText(key, line) {
    const v = line[key];
    if (key === 'network') return line.name ?? v;
    if (v === null || v === undefined) return this.#t('ui.none');
    if (key === 'unit') return fileOf(this.#loaded).units?.find((u) => u.id === v)?.name ?? v;
    if (key === 'kind' || key === 'status') return this.#t(`${key}.${v}`);
    return String(v);
  }

  #sortValue(col, line) {
    if (MONEY.includes(col)) return cents(line[col]);
    if (col === 'year') return line.year;
    const v = line[col];
    if (v === null || v === undefined) return null;
    return this.#keyText(col, line);
  }

  #formatter(report) {
    const whole = [...report.lines, report.total].every((l) => MONEY.every((m) => String(l[m]).endsWith('.00')));
    return exactFormatter(this.#lang, report.currency, whole ? 0 : 2);
  }

  #label(col) {
    return this.#t(MONEY.includes(col) ? `money.${col}` : `key.${col}`);
  }

  // The report's lines as a table (a card per line on a narrow screen). The
  // explicit ARIA roles keep the table's meaning when the narrow layout
  // changes how its parts are displayed.
  #renderTable() {
    const report = this.report;
    const slot = this.#slots?.table;
    if (!report || !slot) return;
    const fmt = this.#formatter(report);
    const keys = report.by.filter((k) => KEYS.includes(k));
    const money = this.#moneyColumns();
    const cols = [...keys, ...money];
    const sort = this.#sort ?? { col: keys[0], dir: 1 };
    let lines = report.lines;
    if (sort.col) {
      // Each line's sort value computed once; lines without a value go last
      // either way, the others are compared by value (numbers and cents
      // numerically, texts by Unicode code point, as the core sorts).
      const { col, dir } = sort;
      const withValue = [];
      const without = [];
      for (const line of lines) {
        const v = this.#sortValue(col, line);
        if (v === null || v === undefined) without.push(line);
        else withValue.push({ v, line });
      }
      withValue.sort((a, b) => (a.v < b.v ? -dir : a.v > b.v ? dir : 0));
      lines = withValue.map((d) => d.line).concat(without);
    }
    const headCells = cols.map((c) => {
      const sorted = sort.col === c;
      return h(
        'th',
        {
          scope: 'col',
          role: 'columnheader',
          class: MONEY.includes(c) ? 'num' : null,
          'aria-sort': sorted ? (sort.dir === 1 ? 'ascending' : 'descending') : null,
        },
        h(
          'button',
          { type: 'button', 'data-col': c, title: this.#t('ui.sort_by', { column: this.#label(c) }) },
          this.#label(c),
          h('span', { class: 'arrow', 'aria-hidden': 'true' }, sorted ? (sort.dir === 1 ? '▲' : '▼') : ''),
        ),
      );
    });
    const cell = (m, value) => h('td', { role: 'cell', class: m === 'net' ? 'num strong' : 'num', 'data-label': this.#label(m) }, value);
    // A long table shows its first PAGE lines (sorted over all of them) and a
    // button for the rest: readable on a page, and quick to first paint.
    const shown = this.#all ? lines : lines.slice(0, PAGE);
    // One row is built with its attributes, the others are clones of it
    // with their own texts (a clone is much cheaper than building anew).
    const proto = h(
      'tr',
      { role: 'row' },
      keys.map((k, i) =>
        i === 0 ? h('th', { scope: 'row', role: 'rowheader' }, '') : h('td', { role: 'cell', class: 'key', 'data-label': this.#label(k) }, ''),
      ),
      money.map((m) => cell(m, '')),
    );
    const rows = shown.map((line) => {
      const tr = proto.cloneNode(true);
      const cells = tr.children;
      for (let i = 0; i < keys.length; i++) cells[i].firstChild.data = this.#keyText(keys[i], line);
      for (let i = 0; i < money.length; i++) cells[keys.length + i].firstChild.data = fmt(line[money[i]]);
      return tr;
    });
    const body = rows.length
      ? h('tbody', { role: 'rowgroup' }, rows)
      : h('tbody', { role: 'rowgroup' }, h('tr', { role: 'row' }, h('td', { role: 'cell', colspan: cols.length, class: 'empty' }, this.#t('ui.empty'))));
    const foot = h(
      'tfoot',
      { role: 'rowgroup' },
      h(
        'tr',
        { role: 'row' },
        h('th', { scope: 'row', role: 'rowheader', colspan: keys.length > 1 ? keys.length : null }, this.#t('ui.total')),
        money.map((m) => cell(m, fmt(report.total[m]))),
      ),
    );
    const caption = this.#t('ui.caption', {
      scope: this.#t(`scope.${report.scope}`),
      years: span(report.from, report.to),
      currency: currencyWord(this.#lang, report.currency),
    });
    const table = h(
      'table',
      { class: 'lines', role: 'table' },
      h('caption', {}, caption),
      h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, headCells)),
      body,
      foot,
    );
    const region = h('div', { class: 'scroll', role: 'region', 'aria-label': caption, tabindex: 0 }, table);
    const more =
      shown.length < lines.length
        ? h('button', { type: 'button', class: 'more' }, this.#t('ui.show_more', { count: lines.length }))
        : null;
    slot.replaceChildren(region, more ?? '');
    this.#wireTable();
  }

  #sortBy(col) {
    const cur = this.#sort ?? { col: this.report?.by?.[0], dir: 1 };
    this.#sort = { col, dir: cur.col === col ? -cur.dir : 1 };
    this.#renderTable();
    this.#root.querySelector(`thead button[data-col="${col}"]`)?.focus();
  }

  #resized() {
    if (!this.#chartWidth || !this.report) return;
    const w = this.#slots?.chart?.clientWidth ?? 0;
    if (w && Math.abs(w - this.#chartWidth) >= 16) requestAnimationFrame(() => this.#renderChart());
  }

  // The net cost of the largest lines as horizontal bars. Drawn at the width
  // it is shown at (text stays 13 px): labels beside the bars when there is
  // room, above them on a narrow screen.
  #renderChart() {
    const report = this.report;
    const slot = this.#slots?.chart;
    if (!report || !slot) return;
    if (!report.lines.length) {
      slot.replaceChildren();
      return;
    }
    const W = Math.round(Math.min(900, Math.max(260, slot.clientWidth || 760)));
    this.#chartWidth = W;
    const fmt = this.#formatter(report);
    const keys = report.by.filter((k) => KEYS.includes(k));
    const bars = report.lines
      .map((line) => ({ label: keys.map((k) => this.#keyText(k, line)).join(' · '), net: line.net, c: cents(line.net) }))
      .sort((a, b) => (a.c > b.c ? -1 : a.c < b.c ? 1 : 0))
      .slice(0, CHART_MAX_BARS);
    const max = bars.reduce((m, b) => (b.c > m ? b.c : m), 0n);
    const narrow = W < 520;
    const valueW = 112;
    const labelW = narrow ? 0 : Math.min(270, Math.round(W * 0.34));
    const barH = narrow ? 16 : 20;
    const step = narrow ? barH + 26 : barH + 8;
    const top = narrow ? 18 : 8;
    const plotW = W - labelW - valueW - 12;
    const H = top + bars.length * step;
    // Labels are shortened with "…" to their room once drawn (measured, so
    // the font's real widths count); the full label is in each bar's title.
    const labels = [];
    const fit = (text, px) => {
      const el = s('text', {}, text);
      labels.push([el, text, px]);
      return el;
    };
    const years = span(report.from, report.to);
    const desc =
      this.#t('ui.chart_desc', { currency: currencyWord(this.#lang, report.currency) }) +
      (bars.length < report.lines.length ? ` ${this.#t('ui.chart_top', { shown: bars.length, count: report.lines.length })}` : '');
    const svg = s(
      'svg',
      { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-labelledby': 'natverk-chart-title natverk-chart-desc' },
      s('title', { id: 'natverk-chart-title' }, this.#t('ui.chart_title', { years })),
      s('desc', { id: 'natverk-chart-desc' }, desc),
      s('line', { class: 'axis', x1: labelW + 0.5, x2: labelW + 0.5, y1: 0, y2: H }),
      bars.map((b, i) => {
        const y = top + i * step;
        // Geometry only: the ratio of two exact cent counts as a float.
        const w = max > 0n ? Math.max(b.c > 0n ? 1 : 0, (Number(b.c) / Number(max)) * plotW) : 0;
        const label = narrow
          ? fill(fit(b.label, W - 4), { x: 0, y: y - 5 }, [])
          : fill(fit(b.label, labelW - 12), { x: labelW - 8, y: y + barH / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, []);
        return s(
          'g',
          {},
          s('title', {}, `${b.label}: ${fmt(b.net)}`),
          label,
          s('rect', { class: 'bar', x: labelW + 1, y, width: w.toFixed(1), height: barH, rx: 2 }),
          s('text', { x: labelW + w + 6, y: y + barH / 2, 'dominant-baseline': 'central' }, fmt(b.net)),
        );
      }),
    );
    // The visible caption repeats the chart's <title> for sighted readers;
    // the svg itself is labelled by its <title> and <desc>.
    slot.replaceChildren(h('figure', {}, h('figcaption', { 'aria-hidden': 'true' }, this.#t('ui.chart_title', { years })), svg));
    for (const [el, text, room] of labels) shorten(el, text, room);
  }

  // The warnings of `check`, judged on the `today` attribute or today, with
  // the core's messages in the widget's language.
  #renderWarnings() {
    const slot = this.#slots?.warnings;
    if (!slot || !this.#loaded) return;
    const today = this.getAttribute('today')?.trim() || isoDay(new Date());
    let result;
    try {
      result = this.#loaded.inventory.check({ today, lang: this.#lang });
    } catch (e) {
      const findings = Array.isArray(e.findings) ? e.findings : [{ message: String(e.message || e) }];
      slot.replaceWith((this.#slots.warnings = h('div', { class: 'warnings' }, this.#alert(this.#t('ui.check_failed'), findings))));
      return;
    }
    this.findings = result;
    const list = result.findings;
    const count = list.length;
    const open = slot.open;
    const summary = h(
      'summary',
      {},
      `${this.#t('ui.warnings')}: `,
      count === 0 ? this.#t('ui.warnings_none') : this.#t(count === 1 ? 'ui.warnings_one' : 'ui.warnings_count', { count }),
      ` (${this.#t('ui.judged_on', { date: today })})`,
    );
    const items = list.map((f) =>
      h(
        'li',
        {},
        h('span', { class: `severity ${f.severity}` }, `${this.#t(`severity.${f.severity}`)}: `),
        f.message,
        f.path ? h('code', { class: 'path' }, f.path) : null,
      ),
    );
    const details = h('details', { class: 'warnings', 'data-count': count, open }, summary, count ? h('ul', {}, items) : null);
    slot.replaceWith(details);
    this.#slots.warnings = details;
  }

  // Who represents the organisation: people by gender for each side of the
  // politicians and for the officials, and how many networks are balanced.
  #renderEquality() {
    const slot = this.#slots?.equality;
    if (!slot || !this.#loaded) return;
    const o = this.#options();
    let eq;
    try {
      eq = this.#loaded.inventory.equality({ from: o.from, to: o.to, scope: o.scope, lang: this.#lang });
    } catch (e) {
      const findings = Array.isArray(e.findings) ? e.findings : [{ message: String(e.message || e) }];
      slot.replaceChildren(this.#alert(this.#t('ui.equality_failed'), findings));
      return;
    }
    this.equality = eq;
    const years = span(eq.from, eq.to);
    const sum = (c) => GENDERS.reduce((a, g) => a + c[g], 0);
    // Women and men always; `other` and `unknown` when anyone is counted
    // there (the total column counts everyone either way).
    const genders = GENDERS.filter((g) => g === 'woman' || g === 'man' || eq.persons[g] > 0);
    const groups = [
      [this.#t('ui.role_side', { role: this.#t('role.politician'), side: this.#t('side.majority') }), eq.persons_by_side.majority],
      [this.#t('ui.role_side', { role: this.#t('role.politician'), side: this.#t('side.opposition') }), eq.persons_by_side.opposition],
      [this.#t('role.official'), eq.persons_by_role.official],
    ];
    const row = (label, c, total) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, label),
        genders.map((g) => h('td', {}, String(c[g]))),
        h('td', { class: total ? 'strong' : null }, String(sum(c))),
      );
    const caption = this.#t('ui.equality_caption', { years });
    const table = h(
      'table',
      { class: 'equality' },
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, this.#t('ui.equality_group')),
          genders.map((g) => h('th', { scope: 'col', class: 'num' }, this.#t(`gender.${g}`))),
          h('th', { scope: 'col', class: 'num' }, this.#t('ui.total')),
        ),
      ),
      h('tbody', {}, groups.map(([label, c]) => row(label, c))),
      h('tfoot', {}, row(this.#t('ui.total'), eq.persons, true)),
    );
    const judged = eq.networks.filter((n) => n.balanced !== null);
    const balanced = judged.filter((n) => n.balanced).length;
    slot.replaceChildren(
      h(
        'section',
        { 'aria-labelledby': 'natverk-equality' },
        h('h3', { id: 'natverk-equality' }, this.#t('ui.equality')),
        h('div', { class: 'scroll', role: 'region', 'aria-label': caption, tabindex: 0 }, table),
        judged.length ? h('p', { class: 'note' }, this.#t('ui.balanced', { balanced, count: judged.length })) : null,
      ),
    );
  }

  // Filled when first opened, so a large inventory does not pay for it up front.
  #renderDelegations(details = h('details', { class: 'delegations' }, h('summary', {}, this.#t('ui.delegations')))) {
    details.addEventListener('toggle', () => {
      if (details.open && details.childElementCount === 1 && this.#loaded) details.append(...this.#delegationList());
    });
    return details;
  }

  #delegationList() {
    const showNames = this.hasAttribute('show-names');
    const file = fileOf(this.#loaded);
    const people = new Map((file.people || []).map((p) => [p.id, p]));
    const networks = (file.networks || []).filter((n) => (n.participants || []).length);
    if (!networks.length) return [h('p', { class: 'empty' }, this.#t('ui.no_participants'))];
    return networks.map((n) =>
      h(
        'section',
        {},
        h('h4', {}, n.name),
        h(
          'ul',
          {},
          n.participants.map((part) => {
            const p = people.get(part.person) || {};
            const bits = [];
            if (p.role) bits.push(this.#t(`person.${p.role}`));
            if (p.side) bits.push(this.#t(`person.${p.side}`));
            bits.push(this.#t(`person.${p.gender || 'unknown'}`));
            const desc = bits.join(', ');
            const seat = part.role ? ` — ${part.role}` : '';
            return h('li', {}, showNames && p.name ? `${p.name}: ${desc}${seat}` : `${desc}${seat}`);
          }),
        ),
      ),
    );
  }
}

// Pre-rendered elements are defined (and so taken over) once painted:
// defining them earlier would have the browser compute their styles again
// (their state changes to :defined) and run their constructors before that
// paint.
let definedAfterPaint = false;
if (!customElements.get('natverk-inventory')) {
  const define = () => {
    if (!customElements.get('natverk-inventory')) customElements.define('natverk-inventory', NatverkInventory);
  };
  if (prerendered) {
    afterPaint(() => {
      definedAfterPaint = true;
      define();
    });
  } else define();
}
