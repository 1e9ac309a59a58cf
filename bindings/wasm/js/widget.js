// <natverk-inventory>: an embeddable view of an inventory's costs (SPEC §8).
//
//   <script type="module" src="/bindings/wasm/js/widget.js"></script>
//   <natverk-inventory src="goteborg.json" from="2024" to="2025" scope="central"
//                      by="network" lang="sv"></natverk-inventory>
//
// Attributes: src (URL of a natverk/1 file), from, to (years; default the
// current year), scope (all | central), by (group keys, comma-separated;
// default network), lang (sv | en; default sv), show-names (present: show
// the names of people in the delegations; absent: role, side and gender only).
//
// Every figure comes from the WebAssembly core (Inventory.report); this file
// only lays it out. Every string from the file reaches the page through
// textContent / createTextNode / setAttribute, never as markup.
//
// Money: the core gives exact two-decimal strings. They are displayed by
// placing the string's own digits into the locale's pattern (separators and
// currency taken once from Intl.NumberFormat#formatToParts: sv "65 000 kr",
// en "SEK 65,000"), whole kronor when every figure of the report is whole;
// they are sorted by comparing BigInts of the cents. No displayed or compared
// value goes through a double; only the bar lengths of the chart use floating
// point (geometry, not values).
//
// Events: `natverk-render` (detail: {lines, ms}) after each rendered report,
// `natverk-error` (detail: {findings}) when the file or the options fail.

import { init, Inventory } from './natverk.js';

// Start fetching and compiling the WebAssembly module as soon as this script
// is imported, so it is ready (or nearly) when an element attaches. `init()`
// returns the same promise to every later caller; a failure is reported by
// the element that awaits it.
init().catch(() => {});

/** Lines shown before the reader asks for all of them. */
const PAGE = 100;
const MONEY = ['fees', 'time', 'travel', 'other', 'gross', 'granted', 'expected', 'net', 'expected_net'];
const KEYS = ['network', 'subject', 'organiser', 'unit', 'kind', 'status', 'year'];
const CHART_MAX_BARS = 20;
const SVG_NS = 'http://www.w3.org/2000/svg';

const TEXT = {
  sv: {
    locale: 'sv-SE',
    title: 'Nätverk och kostnader',
    loading: 'Laddar inventeringen …',
    filter: 'Urval',
    from: 'Från år',
    to: 'Till år',
    scope: 'Omfattning',
    scopes: { all: 'Hela organisationen', central: 'Kommuncentralt' },
    apply: 'Visa',
    caption: (from, to, currency, scope) =>
      `Kostnad per rad ${span(from, to)}, ${currency}${scope === 'central' ? ', kommuncentrala nätverk' : ''}`,
    keys: { network: 'Nätverk', subject: 'Sakfråga', organiser: 'Huvudman', unit: 'Förvaltning', kind: 'Typ', status: 'Status', year: 'År' },
    money: { fees: 'Avgifter', time: 'Arbetstid', travel: 'Resor', other: 'Övrigt', gross: 'Brutto', granted: 'Beviljad finansiering', expected: 'Förväntad finansiering', net: 'Netto', expected_net: 'Förväntat netto' },
    total: 'Totalt',
    none: '(saknas)',
    sortBy: (col) => `Sortera efter ${col}`,
    shown: (n, from, to) => `${n} ${n === 1 ? 'rad' : 'rader'}, ${span(from, to)}`,
    chartTitle: (from, to) => `Nettokostnad per rad ${span(from, to)}`,
    chartDesc: (n, shown, cur) =>
      `Liggande staplar, en per rad, längd efter nettokostnad i ${cur}; värdet står vid varje stapel.` +
      (shown < n ? ` Visar de ${shown} största av ${n} rader.` : ''),
    empty: 'Inga nätverk i urvalet.',
    showAll: (n) => `Visa alla ${n} rader`,
    failedFetch: 'Inventeringen kunde inte hämtas',
    noSrc: 'attributet src saknas: ange adressen till en natverk/1-fil',
    failedFile: 'Inventeringen kunde inte läsas',
    failedReport: 'Rapporten kunde inte tas fram',
    line: (l, c) => `rad ${l}, kolumn ${c}`,
    delegations: 'Delegationer',
    noParticipants: 'Inga deltagare angivna.',
    roles: { politician: 'politiker', official: 'tjänsteperson' },
    sides: { majority: 'majoritet', opposition: 'opposition' },
    genders: { woman: 'kvinna', man: 'man', other: 'annat', unknown: 'kön okänt' },
    kinds: { network: 'nätverk', membership: 'medlemskap', programme: 'program', partnership: 'partnerskap', declaration: 'deklaration' },
    statuses: { proposed: 'föreslaget', applied: 'ansökt', active: 'aktivt', dormant: 'vilande', ended: 'avslutat', declined: 'avböjt' },
  },
  en: {
    locale: 'en-GB',
    title: 'Networks and costs',
    loading: 'Loading the inventory …',
    filter: 'Selection',
    from: 'From year',
    to: 'To year',
    scope: 'Scope',
    scopes: { all: 'Whole organisation', central: 'Central' },
    apply: 'Show',
    caption: (from, to, currency, scope) =>
      `Cost per line ${span(from, to)}, ${currency}${scope === 'central' ? ', central networks' : ''}`,
    keys: { network: 'Network', subject: 'Subject', organiser: 'Organiser', unit: 'Unit', kind: 'Kind', status: 'Status', year: 'Year' },
    money: { fees: 'Fees', time: 'Staff time', travel: 'Travel', other: 'Other', gross: 'Gross', granted: 'Granted financing', expected: 'Expected financing', net: 'Net', expected_net: 'Expected net' },
    total: 'Total',
    none: '(none)',
    sortBy: (col) => `Sort by ${col}`,
    shown: (n, from, to) => `${n} ${n === 1 ? 'line' : 'lines'}, ${span(from, to)}`,
    chartTitle: (from, to) => `Net cost per line ${span(from, to)}`,
    chartDesc: (n, shown, cur) =>
      `Horizontal bars, one per line, length by net cost in ${cur}; each bar is labelled with its value.` +
      (shown < n ? ` Showing the ${shown} largest of ${n} lines.` : ''),
    empty: 'No networks in the selection.',
    showAll: (n) => `Show all ${n} lines`,
    failedFetch: 'The inventory could not be fetched',
    noSrc: 'the src attribute is missing: give the address of a natverk/1 file',
    failedFile: 'The inventory could not be read',
    failedReport: 'The report could not be produced',
    line: (l, c) => `line ${l}, column ${c}`,
    delegations: 'Delegations',
    noParticipants: 'No participants listed.',
    roles: { politician: 'politician', official: 'official' },
    sides: { majority: 'majority', opposition: 'opposition' },
    genders: { woman: 'woman', man: 'man', other: 'other', unknown: 'gender unknown' },
    kinds: { network: 'network', membership: 'membership', programme: 'programme', partnership: 'partnership', declaration: 'declaration' },
    statuses: { proposed: 'proposed', applied: 'applied', active: 'active', dormant: 'dormant', ended: 'ended', declined: 'declined' },
  },
};

function span(from, to) {
  return String(from) === String(to) ? String(from) : `${from}–${to}`;
}

// Builds an element; string children become text nodes, attribute values go
// through setAttribute. Nothing is ever parsed as markup.
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  return fill(el, attrs, children);
}

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  return fill(el, attrs, children);
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

// Money strings ("65000.00") compared exactly, as integers of cents.
function cents(m) {
  const [i, f = ''] = String(m).split('.');
  try {
    return BigInt(i + f.padEnd(2, '0').slice(0, 2));
  } catch {
    return 0n;
  }
}

// Formats a money string ("2583132.55") exactly, in the locale's way
// ("2 583 132,55 kr", "SEK 2,583,132.55"). Intl.NumberFormat is asked once,
// with formatToParts, for the separators and the currency pattern; the digits
// are then placed from the string itself, so no value goes through a double.
// (Intl's format(string) is exact too, but ~50x slower per call; a 1 000-line
// report has 9 000 figures.)
const formatters = new Map();
function exactFormatter(locale, currency, digits) {
  const id = `${locale}|${currency}|${digits}`;
  if (formatters.has(id)) return formatters.get(id);
  let nf;
  try {
    nf = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  } catch {
    nf = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  const pattern = (n) => {
    const parts = nf.formatToParts(n);
    const first = parts.findIndex((p) => p.type === 'integer');
    let last = -1;
    parts.forEach((p, i) => {
      if (p.type === 'integer' || p.type === 'group' || p.type === 'decimal' || p.type === 'fraction') last = i;
    });
    return {
      prefix: parts.slice(0, first).map((p) => p.value).join(''),
      suffix: parts.slice(last + 1).map((p) => p.value).join(''),
      group: parts.find((p) => p.type === 'group')?.value ?? '',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    };
  };
  const pos = pattern(1234567.5);
  const neg = pattern(-1234567.5);
  const fmt = (m) => {
    const str = String(m);
    const negative = str.startsWith('-');
    const [int, frac = ''] = (negative ? str.slice(1) : str).split('.');
    const p = negative ? neg : pos;
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, p.group);
    const f = digits === 0 && /^0*$/.test(frac) ? '' : p.decimal + frac.padEnd(2, '0');
    return p.prefix + grouped + f + p.suffix;
  };
  formatters.set(id, fmt);
  return fmt;
}

function compareKeys(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1; // null last, as the core sorts
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1; // Unicode code point order, as the core
}

const STYLE = `
:host { display: block; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--natverk-text, #1b1f24); background: var(--natverk-bg, #fff); container-type: inline-size; }
* { box-sizing: border-box; }
h2 { font-size: 1.25em; margin: 0 0 .5em; }
.org { display: block; font-size: .8em; font-weight: 500; color: var(--natverk-muted, #4b5563); }
form { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: end; margin: 0 0 .75em; padding: .5em .75em;
  border: 1px solid var(--natverk-border, #c9ced6); border-radius: 6px; }
fieldset { border: 0; margin: 0; padding: 0; display: contents; }
legend { font-weight: 600; padding: 0; margin-right: .5em; float: left; }
label { display: flex; flex-direction: column; font-size: .85em; color: var(--natverk-muted, #4b5563); }
input, select, button { font: inherit; font-size: 1rem; color: inherit; }
input, select { padding: .2em .4em; border: 1px solid #8a929c; border-radius: 4px; background: #fff; }
input[type=number] { width: 6.5em; }
form button { padding: .3em .9em; border: 1px solid #1f4e8c; border-radius: 4px; background: #1f4e8c; color: #fff; cursor: pointer; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.status { font-size: .85em; color: var(--natverk-muted, #4b5563); margin: 0 0 .4em; }
.scroll { overflow-x: auto; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: .9em; }
tbody th, tfoot th { min-width: 11em; }
caption { text-align: left; font-weight: 600; padding: 0 0 .4em; }
th, td { padding: .3em .45em; border-bottom: 1px solid var(--natverk-border, #dde1e6); vertical-align: top; }
thead th { border-bottom: 2px solid #6b7280; text-align: left; vertical-align: bottom; font-size: .8em; line-height: 1.25; }
thead th.num, td.num, tfoot td { text-align: right; }
thead th button { all: unset; cursor: pointer; display: inline-flex; gap: .2em; align-items: end; border-radius: 3px; }
thead th.num button { justify-content: flex-end; text-align: right; }
thead th button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
thead th button .arrow { font-size: .8em; color: #6b7280; min-width: 1em; }
tbody th { font-weight: 500; text-align: left; }
tbody tr:nth-child(even) { background: var(--natverk-stripe, #f5f7fa); }
td.num { white-space: nowrap; }
td.strong, th.strong { font-weight: 650; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid #6b7280; border-bottom: 0; }
figure { margin: 0 0 1em; }
figcaption { font-weight: 600; margin: 0 0 .3em; }
svg { display: block; width: 100%; height: auto; max-width: 860px; }
svg text { font: 13px system-ui, sans-serif; fill: #1b1f24; }
svg .bar { fill: var(--natverk-bar, #2f6db5); }
svg .axis { stroke: #6b7280; }
.alert { border: 2px solid #b42318; border-radius: 6px; padding: .6em 1em; background: #fef3f2; color: #3d0c08; }
.alert h3 { margin: 0 0 .4em; font-size: 1.05em; color: #912018; }
.alert ul { margin: 0; padding-left: 1.2em; }
.alert code { font-family: ui-monospace, monospace; font-size: .9em; background: #fde2df; padding: 0 .2em; border-radius: 3px; }
details { margin: 0 0 1em; }
summary { cursor: pointer; font-weight: 600; }
details ul { margin: .3em 0 .6em; padding-left: 1.2em; }
.empty { font-style: italic; }
`;

export class NatverkInventory extends HTMLElement {
  static observedAttributes = ['src', 'from', 'to', 'scope', 'by', 'lang', 'show-names'];

  #root;
  #inventory = null;
  #data = null; // the inventory as parsed JSON (unit names, delegations)
  #bytes = null; // the file as fetched (valid: the core loaded it)
  #loaded = null; // src of #inventory
  #loadError = null;
  #token = 0;
  #sort = null; // {col, dir: 1 | -1}; null: the core's order
  #all = false; // show every line, not only the first PAGE
  #queued = false;
  #started = 0;
  #orgName = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    this.#started = performance.now();
    this.#schedule();
  }

  disconnectedCallback() {
    this.#token++;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'by') this.#sort = null;
    this.#all = false;
    if (this.isConnected) this.#schedule();
  }

  /** The report on screen, as the core gave it (SPEC §5.1), or null. */
  report = null;

  get #t() {
    return TEXT[(this.getAttribute('lang') || 'sv').toLowerCase().startsWith('en') ? 'en' : 'sv'];
  }

  // Coalesces attribute changes made in one task into one render.
  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#update();
    });
  }

  async #update() {
    const token = ++this.#token;
    const src = this.getAttribute('src');
    if (!src) {
      this.#renderMessage(this.#t.failedFetch, [{ message: this.#t.noSrc }]);
      return;
    }
    if (src !== this.#loaded) {
      if (!this.#root.firstChild) this.#renderLoading();
      this.#inventory?.free();
      this.#inventory = null;
      this.#data = null;
      this.#bytes = null;
      this.#orgName = null;
      this.#loadError = null;
      try {
        const [, bytes] = await Promise.all([init(), this.#fetch(src)]);
        if (token !== this.#token) return;
        this.#inventory = Inventory.fromJson(bytes);
        this.#bytes = bytes;
      } catch (e) {
        if (token !== this.#token) return;
        this.#loadError = e;
      }
      this.#loaded = src;
    }
    if (token !== this.#token) return;
    this.#render();
  }

  async #fetch(src) {
    let res;
    try {
      res = await fetch(new URL(src, document.baseURI));
    } catch (e) {
      throw Object.assign(new Error(`${src}: ${e.message}`), { fetchFailed: true });
    }
    if (!res.ok) {
      throw Object.assign(new Error(`${src}: HTTP ${res.status} ${res.statusText}`.trim()), { fetchFailed: true });
    }
    return new Uint8Array(await res.arrayBuffer());
  }

  // The inventory as JSON (unit names, delegations), read only when needed.
  get #file() {
    // Names only, for display; every figure comes from the core.
    if (!this.#data) this.#data = JSON.parse(new TextDecoder().decode(this.#bytes));
    return this.#data;
  }

  #options() {
    const year = new Date().getFullYear();
    const num = (v, d) => (v === null || v.trim() === '' ? d : /^-?\d+$/.test(v.trim()) ? Number(v) : v);
    const by = (this.getAttribute('by') || 'network').split(/[\s,]+/).filter(Boolean);
    return {
      from: num(this.getAttribute('from'), year),
      to: num(this.getAttribute('to'), this.getAttribute('from') !== null ? num(this.getAttribute('from'), year) : year),
      scope: this.getAttribute('scope') || 'all',
      by,
    };
  }

  #renderLoading() {
    this.#root.replaceChildren(h('style', {}, STYLE), h('p', { class: 'status', role: 'status' }, this.#t.loading));
    this.setAttribute('aria-busy', 'true');
  }

  #renderMessage(title, findings, keepHeader) {
    const t = this.#t;
    const items = findings.map((f) => {
      const where = [];
      if (f.path) where.push(h('code', {}, f.path));
      if (f.line !== undefined && f.column !== undefined) where.push(` (${t.line(f.line, f.column)})`);
      return h('li', {}, f.code ? h('code', {}, f.code) : null, f.code ? ' ' : null, where, where.length ? ': ' : null, f.message);
    });
    const alert = h('div', { class: 'alert', role: 'alert' }, h('h3', {}, title), h('ul', {}, items));
    if (keepHeader) return alert;
    this.#root.replaceChildren(h('style', {}, STYLE), alert);
    this.removeAttribute('aria-busy');
    this.dispatchEvent(new CustomEvent('natverk-error', { detail: { findings } }));
    return alert;
  }

  #render() {
    const t = this.#t;
    this.removeAttribute('aria-busy');
    if (this.#loadError) {
      const e = this.#loadError;
      const findings = Array.isArray(e.findings) ? e.findings : [{ message: e.message }];
      this.report = null;
      this.#renderMessage(e.fetchFailed ? t.failedFetch : t.failedFile, findings);
      return;
    }
    const opts = this.#options();
    const heading = h('h2', { id: 'natverk-heading' }, h('span', { class: 'org' }, this.#orgName ?? this.#file.organisation.name), t.title);
    const form = this.#renderFilter(opts);
    let report;
    try {
      report = this.#inventory.report(opts);
    } catch (e) {
      this.report = null;
      const findings = Array.isArray(e.findings) ? e.findings : [{ message: String(e.message || e) }];
      const alert = this.#renderMessage(t.failedReport, findings, true);
      this.#root.replaceChildren(h('style', {}, STYLE), h('section', { 'aria-labelledby': 'natverk-heading' }, heading, form, alert));
      this.dispatchEvent(new CustomEvent('natverk-error', { detail: { findings } }));
      return;
    }
    this.report = report;
    this.#orgName = report.organisation;
    heading.firstChild.textContent = report.organisation;
    const status = h('p', { class: 'status', role: 'status' }, t.shown(report.lines.length, report.from, report.to));
    const section = h(
      'section',
      { 'aria-labelledby': 'natverk-heading' },
      heading,
      form,
      status,
      this.#renderTable(report),
      report.lines.length ? this.#renderChart(report) : null,
      this.#renderDelegations(),
    );
    this.#root.replaceChildren(h('style', {}, STYLE), section);
    this.dispatchEvent(
      new CustomEvent('natverk-render', { detail: { lines: report.lines.length, ms: performance.now() - this.#started } }),
    );
  }

  #renderFilter(opts) {
    const t = this.#t;
    const from = h('input', { type: 'number', name: 'from', value: opts.from, step: 1, inputmode: 'numeric' });
    const to = h('input', { type: 'number', name: 'to', value: opts.to, step: 1, inputmode: 'numeric' });
    const scope = h(
      'select',
      { name: 'scope' },
      ['all', 'central'].map((v) => h('option', { value: v, selected: opts.scope === v }, t.scopes[v])),
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
        h('legend', {}, t.filter),
        h('label', {}, t.from, from),
        h('label', {}, t.to, to),
        h('label', {}, t.scope, scope),
        h('button', { type: 'submit' }, t.apply),
      ),
    );
  }

  #keyText(key, line) {
    const t = this.#t;
    const v = line[key];
    if (key === 'network') return line.name ?? v;
    if (v === null || v === undefined) return t.none;
    if (key === 'unit') return this.#file.units?.find((u) => u.id === v)?.name ?? v;
    if (key === 'kind') return t.kinds[v] ?? v;
    if (key === 'status') return t.statuses[v] ?? v;
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
    const t = this.#t;
    const whole = [...report.lines, report.total].every((l) => MONEY.every((m) => String(l[m]).endsWith('.00')));
    return exactFormatter(t.locale, report.currency, whole ? 0 : 2);
  }

  #renderTable(report) {
    const t = this.#t;
    const fmt = this.#formatter(report);
    const keys = report.by.filter((k) => KEYS.includes(k));
    const cols = [...keys, ...MONEY];
    const lines = report.lines.slice();
    // Default: the first key ascending by what is shown (a network by its name).
    const sort = this.#sort ?? { col: keys[0], dir: 1 };
    if (sort.col) {
      const { col, dir } = sort;
      lines.sort((a, b) => {
        const x = this.#sortValue(col, a);
        const y = this.#sortValue(col, b);
        if (x === null || y === null) return compareKeys(x, y); // null last either way
        const c = typeof x === 'bigint' ? (x < y ? -1 : x > y ? 1 : 0) : compareKeys(x, y);
        return c * dir;
      });
    }
    const label = (c) => (MONEY.includes(c) ? t.money[c] : t.keys[c]);
    const headCells = cols.map((c) => {
      const sorted = sort.col === c;
      const button = h(
        'button',
        {
          type: 'button',
          'data-col': c,
          onclick: () => this.#sortBy(c),
          title: t.sortBy(label(c).toLowerCase()),
        },
        label(c),
        h('span', { class: 'arrow', 'aria-hidden': 'true' }, sorted ? (sort.dir === 1 ? '▲' : '▼') : ''),
      );
      return h(
        'th',
        { scope: 'col', class: MONEY.includes(c) ? 'num' : null, 'aria-sort': sorted ? (sort.dir === 1 ? 'ascending' : 'descending') : null },
        button,
      );
    });
    const strong = (c) => (c === 'net' ? 'num strong' : 'num');
    // A long table shows its first PAGE lines (sorted over all of them) and a
    // button for the rest: readable on a page, and quick to first paint.
    const shown = this.#all ? lines : lines.slice(0, PAGE);
    const rows = shown.map((line) =>
      h(
        'tr',
        {},
        keys.map((k, i) => h(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, this.#keyText(k, line))),
        MONEY.map((m) => h('td', { class: strong(m) }, fmt(line[m]))),
      ),
    );
    const body = rows.length
      ? h('tbody', {}, rows)
      : h('tbody', {}, h('tr', {}, h('td', { colspan: cols.length, class: 'empty' }, t.empty)));
    const foot = h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row', colspan: keys.length || null }, t.total),
        MONEY.map((m) => h('td', { class: strong(m) }, fmt(report.total[m]))),
      ),
    );
    const table = h(
      'table',
      {},
      h('caption', {}, t.caption(report.from, report.to, report.currency, report.scope)),
      h('thead', {}, h('tr', {}, headCells)),
      body,
      foot,
    );
    const region = h('div', { class: 'scroll', role: 'region', 'aria-label': t.caption(report.from, report.to, report.currency, report.scope), tabindex: 0 }, table);
    if (shown.length === lines.length) return region;
    const more = h(
      'button',
      {
        type: 'button',
        class: 'more',
        onclick: () => {
          this.#all = true;
          this.#render();
          this.#root.querySelector('tbody tr:nth-child(' + (PAGE + 1) + ') th, tbody tr:nth-child(' + (PAGE + 1) + ') td')?.scrollIntoView?.({ block: 'nearest' });
        },
      },
      t.showAll(lines.length),
    );
    return h('div', {}, region, more);
  }

  #sortBy(col) {
    const cur = this.#sort ?? { col: this.report?.by?.[0], dir: 1 };
    this.#sort = { col, dir: cur.col === col ? -cur.dir : 1 };
    this.#render();
    this.#root.querySelector(`thead button[data-col="${col}"]`)?.focus();
  }

  #renderChart(report) {
    const t = this.#t;
    const fmt = this.#formatter(report);
    const keys = report.by.filter((k) => KEYS.includes(k));
    const bars = report.lines
      .map((line) => ({ label: keys.map((k) => this.#keyText(k, line)).join(' · '), net: line.net, c: cents(line.net) }))
      .sort((a, b) => (a.c > b.c ? -1 : a.c < b.c ? 1 : 0))
      .slice(0, CHART_MAX_BARS);
    const max = bars.reduce((m, b) => (b.c > m ? b.c : m), 0n);
    const W = 760, labelW = 270, valueW = 130, barH = 20, gap = 8, top = 8;
    const plotW = W - labelW - valueW - 16;
    const H = top + bars.length * (barH + gap) + 8;
    const clip = (str) => (str.length > 32 ? `${str.slice(0, 31)}…` : str);
    const titleId = 'natverk-chart-title', descId = 'natverk-chart-desc';
    const svg = s(
      'svg',
      { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, width: W, height: H },
      s('title', { id: titleId }, t.chartTitle(report.from, report.to)),
      s('desc', { id: descId }, t.chartDesc(report.lines.length, bars.length, report.currency)),
      s('line', { class: 'axis', x1: labelW, x2: labelW, y1: 0, y2: H }),
      bars.map((b, i) => {
        const y = top + i * (barH + gap);
        // Geometry only: the ratio of two exact cent counts as a float.
        const w = max > 0n ? Math.max(b.c > 0n ? 1 : 0, (Number(b.c) / Number(max)) * plotW) : 0;
        return s(
          'g',
          {},
          s('title', {}, `${b.label}: ${fmt(b.net)}`),
          s('text', { x: labelW - 8, y: y + barH / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, clip(b.label)),
          s('rect', { class: 'bar', x: labelW, y, width: w.toFixed(1), height: barH, rx: 2 }),
          s('text', { x: labelW + w + 6, y: y + barH / 2, 'dominant-baseline': 'central' }, fmt(b.net)),
        );
      }),
    );
    // The visible caption repeats the chart's <title> for sighted readers;
    // the svg itself is labelled by its <title> and <desc>.
    return h('figure', {}, h('figcaption', { 'aria-hidden': 'true' }, t.chartTitle(report.from, report.to)), svg);
  }

  // Filled when first opened, so a large inventory does not pay for it up front.
  #renderDelegations() {
    const t = this.#t;
    const details = h('details', {}, h('summary', {}, t.delegations));
    details.addEventListener('toggle', () => {
      if (details.open && details.childElementCount === 1) details.append(...this.#delegationList());
    });
    return details;
  }

  #delegationList() {
    const t = this.#t;
    const showNames = this.hasAttribute('show-names');
    const file = this.#file;
    const people = new Map((file.people || []).map((p) => [p.id, p]));
    const networks = (file.networks || []).filter((n) => (n.participants || []).length);
    if (!networks.length) return [h('p', { class: 'empty' }, t.noParticipants)];
    return networks.map((n) =>
      h(
        'section',
        {},
        h('h3', {}, n.name),
        h(
          'ul',
          {},
          n.participants.map((part) => {
            const p = people.get(part.person) || {};
            const bits = [t.roles[p.role] ?? p.role];
            if (p.side) bits.push(t.sides[p.side] ?? p.side);
            bits.push(t.genders[p.gender || 'unknown']);
            const desc = bits.filter(Boolean).join(', ');
            const seat = part.role ? ` — ${part.role}` : '';
            return h('li', {}, showNames && p.name ? `${p.name}: ${desc}${seat}` : `${desc}${seat}`);
          }),
        ),
      ),
    );
  }
}

if (!customElements.get('natverk-inventory')) {
  customElements.define('natverk-inventory', NatverkInventory);
}
