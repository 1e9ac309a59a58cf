// Benchmark of the npm package, in one run:
//  - the .wasm size (raw, and gzipped at level 9; target <= 150 000 B gzipped);
//  - the widget's first table for a generated 1 000-network inventory, in
//    ms from navigation start (performance.mark 'natverk:table'; target
//    <= 100 ms), in headless Chromium on a local server, on the page the
//    README recommends (the one-file pkg/natverk-widget.js, the .wasm and
//    the file preloaded), and on the same page with the unbundled module
//    graph (js/widget.js and its imports, modulepreloaded);
//  - the same page with the widget pre-rendered by the command line
//    (`natverk report FILE --format widget`, issue 27): its table is
//    painted at first contentful paint (target <= 100 ms), and it is
//    interactive (a sort works) when the module has adopted it: the mark
//    'natverk:table' (target <= 300 ms). Needs the natverk program:
//    NATVERK_CLI, default ../../target/debug/natverk;
//  - the baseline of the same run: a page with the same preloads that only
//    instantiates the module, fetches the file and asks the core for the
//    report (no DOM): the floor the widget builds on. The ratio widget ÷
//    baseline is what the widget itself adds.
// Each page is loaded RUNS times, both with `no-store` (every load is a
// first visit: nothing cached) and with a year's `max-age`, each page kept
// open 3 s (a returning visitor: the browser may keep the compiled
// module). Min and median. The harness evaluates nothing in a page before
// its end (openMeasured in test/pages.mjs).
//  - the core's first load and report of the same file in Node, as CPU
//    time of a fresh process: with V8's Liftoff only and one thread (the
//    code Chromium runs a module's first calls in), and with V8's default
//    tiering (which adds the optimising compiler's background work), so
//    figures that depend less on how busy a shared machine is.
//
// The server runs on a thread of its own (serveApart), so the harness's
// Playwright traffic on this thread never delays an answer.
//
// Run after ./build.sh:  node bench.mjs [runs]
//
// Only the first paint, quickly (first visits, ~1 min with 15 loads each):
//   node bench.mjs --paint [runs] [--wait-load=L] [--against=DIR]
// the blank page, the pre-rendered page (the guide's), the same fragment
// on a page without any script, and the element alone, loaded in turn;
// medians, minimums and ratios to the blank page of the same run, and the
// load average before and after. --wait-load=L (any mode) first waits, up
// to 15 minutes, until the 1-minute load average is at most L.
// --against=DIR adds the same pages with another build's widget files
// (DIR: a copy of another checkout's pkg/), and paired differences.
//
// Where a first paint's milliseconds go, from Chrome traces:
//   node bench.mjs --trace [runs]
// (devtools.timeline, blink, loading: the renderer main thread's work by
// kind between navigation start and the first contentful paint, and when
// each request was sent and finished), for the same pages.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serveApart, browser } from './test/server.mjs';
import { traceLoad, summarise } from './test/trace.mjs';
import { generateInventory } from './test/generate.mjs';
// The lines a report shows before "show all" (the core's, generated).
import { PAGE_LINES as PAGE } from './js/vocabulary.js';
import { firstTablePage, fragmentPage, blankPage, corePage, coreScript, openMeasured, DONE_URL, DONE_SCRIPT } from './test/pages.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const MODE = args.includes('--paint') ? 'paint' : args.includes('--trace') ? 'trace' : 'all';
const RUNS = Number(args.find((a) => !a.startsWith('--')) || { paint: 15, trace: 5, all: 9 }[MODE]);
// --wait-load=L: first wait (up to 15 min) until the 1-minute load average
// is at most L, for figures taken at a quiet moment of a shared machine.
const waitLoad = Number(args.find((a) => a.startsWith('--wait-load='))?.slice('--wait-load='.length));
if (waitLoad > 0) {
  const until = Date.now() + 15 * 60 * 1000;
  while (os.loadavg()[0] > waitLoad && Date.now() < until) {
    console.log(`load average ${os.loadavg()[0].toFixed(2)} > ${waitLoad}: waiting`);
    await new Promise((resolve) => setTimeout(resolve, 15000));
  }
  console.log(`load average ${os.loadavg()[0].toFixed(2)}: measuring`);
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB (${n} bytes)`;
// The widget's module (pkg/natverk-widget_bg.wasm, feature api off) is the
// one with the 150 KB target; the npm API's (with publicJson, checkJson)
// is the baseline of the same build.
const sizes = {};
for (const name of ['natverk-widget_bg.wasm', 'natverk_wasm_bg.wasm']) {
  const wasm = fs.readFileSync(path.join(here, 'pkg', name));
  const gz = zlib.gzipSync(wasm, { level: 9 }).length;
  sizes[name] = gz;
  const target = name.startsWith('natverk-widget') ? ` (target <= 150 000 B gzipped: ${gz <= 150000 ? 'met' : 'NOT met'})` : '';
  console.log(`${name}: ${kib(wasm.length)} raw, ${kib(gz)} gzipped${target}`);
}
console.log(`widget's module / the API's (gzipped): ${(sizes['natverk-widget_bg.wasm'] / sizes['natverk_wasm_bg.wasm']).toFixed(3)}`);

const inventory = JSON.stringify(generateInventory(1000));
console.log(`generated inventory: 1000 networks, ${kib(Buffer.byteLength(inventory))}`);

const SRC = '/bench/inventory.json';
const CLI = process.env.NATVERK_CLI || path.join(here, '../../target/debug/natverk');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'natverk-bench-'));
fs.writeFileSync(path.join(tmp, 'inventory.json'), inventory);
const fragment = execFileSync(CLI, ['report', path.join(tmp, 'inventory.json'), '--format', 'widget', '--src', SRC,
  '--stylesheet', '/bindings/wasm/pkg/natverk-widget.css', '--from', '2024', '--to', '2025', '--today', '2024-06-01', '--lang', 'sv'],
{ encoding: 'utf8', maxBuffer: 1 << 26 });
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`pre-rendered fragment: ${kib(Buffer.byteLength(fragment))}, ${kib(zlib.gzipSync(fragment, { level: 9 }).length)} gzipped`);
const extra = {
  '/bench/fragment.html': fragmentPage(SRC, fragment),
  '/bench/fragment-plain.html': fragmentPage(SRC, fragment, { preload: false }),
  // The guide's page without the .wasm's and the file's preloads.
  '/bench/fragment-module.html': fragmentPage(SRC, fragment, { files: false }),
  // The same fragment on a page without any script or preload but the
  // stylesheet's: what the fragment's own HTML and styles cost.
  '/bench/fragment-static.html': fragmentPage(SRC, fragment, { script: false }),
  '/bench/blank-measured.html': blankPage(),
  [SRC]: inventory,
  '/bench/widget.html': firstTablePage(SRC),
  '/bench/modules.html': firstTablePage(SRC, { modules: true }),
  '/bench/core.html': corePage(SRC),
  '/bench/core.js': coreScript(SRC),
  [DONE_URL]: DONE_SCRIPT,
  '/bench/blank.html': '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>blank</title><link rel="icon" href="/examples/widget/favicon.svg"></head><body><p>blank</p></body></html>',
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => `min ${Math.min(...xs).toFixed(1)} ms, median ${median(xs).toFixed(1)} ms`;

// --paint and --trace: the pages of a first paint, loaded in turn (so all
// see the same machine load), first visits only, the server on its own
// thread (serveApart). The ratios to the blank page of the same run are
// the figures to compare between runs on a shared machine.
const PAINT_PAGES = [
  ['blank-measured', 'natverk:fcp', 'blank page (nothing of natverk)'],
  ['fragment', 'natverk:painted', "pre-rendered, the guide's page (stylesheet preloaded, module, .wasm and file preloads)"],
  ['fragment-module', 'natverk:painted', 'pre-rendered, the same without the .wasm and file preloads'],
  ['fragment-static', 'natverk:fcp', 'pre-rendered, the fragment alone (no script, no preload but the stylesheet)'],
  ['widget', 'natverk:painted', 'element alone (the one-file widget, no fragment)'],
];
// --against=DIR: another build's natverk-widget.js, natverk-widget_bg.wasm
// and natverk-widget.css (e.g. a copy of main's pkg/), served under
// /against/pkg/: the guide's page and the element alone with it are loaded
// in the same rounds, so two builds compare at the same machine load.
const against = args.find((a) => a.startsWith('--against='))?.slice('--against='.length);
if (against) {
  for (const f of ['natverk-widget.js', 'natverk-widget_bg.wasm', 'natverk-widget.css']) {
    extra[`/against/pkg/${f}`] = fs.readFileSync(path.join(against, f));
  }
  const moved = (html) => html.replaceAll('/bindings/wasm/pkg/natverk-widget', '/against/pkg/natverk-widget');
  extra['/bench/fragment-against.html'] = moved(extra['/bench/fragment.html']);
  extra['/bench/widget-against.html'] = moved(extra['/bench/widget.html']);
  PAINT_PAGES.push(
    ['fragment-against', 'natverk:painted', `pre-rendered, the guide's page with the build in ${against}`],
    ['widget-against', 'natverk:painted', `element alone with the build in ${against}`],
  );
}
const loadavg = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
// Each round starts at the next page: the page loaded right after another
// was closed paid for that one's teardown (15-20 ms here, whichever it
// was), so a fixed order favoured some pages. A pause after each close
// lets the teardown end before the next navigation.
const rotated = (pages, round) => pages.map((_, j) => pages[(j + round) % pages.length]);
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

if (MODE === 'paint') {
  const srv = await serveApart(extra, { cache: 'no-store' });
  const chrome = await browser();
  const before = loadavg();
  const fcp = Object.fromEntries(PAINT_PAGES.map(([page]) => [page, []]));
  const table = [];
  const interactive = [];
  const interactiveModule = [];
  const interactiveAgainst = [];
  const tableAgainst = [];
  try {
    const warm = await chrome.context.newPage();
    await warm.goto(`${srv.url}/bench/blank.html`);
    await warm.close();
    for (let i = 0; i < RUNS; i++) {
      for (const [page, mark] of rotated(PAINT_PAGES, i)) {
        const p = await openMeasured(chrome.context, `${srv.url}/bench/${page}.html`, mark);
        const t = await p.evaluate(() => ({
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
          table: performance.getEntriesByName('natverk:table')[0]?.startTime,
          rows: document.querySelector('natverk-inventory')?.shadowRoot?.querySelectorAll('table.lines tbody tr').length,
        }));
        if (page !== 'blank-measured' && t.rows !== PAGE) throw new Error(`${page}: expected the first ${PAGE} rows, got ${t.rows}`);
        if (t.fcp !== undefined) fcp[page].push(t.fcp);
        if (page === 'widget') table.push(t.table);
        if (page === 'fragment') interactive.push(t.table);
        if (page === 'fragment-module') interactiveModule.push(t.table);
        if (page === 'fragment-against') interactiveAgainst.push(t.table);
        if (page === 'widget-against') tableAgainst.push(t.table);
        await p.close();
        await settle();
      }
    }
  } finally {
    await chrome.close();
    await srv.close();
  }
  const blank = median(fcp['blank-measured']);
  console.log(`\nfirst paint, first visits (no-store), ${RUNS} loads of each page in turn; load average before ${before}, after ${loadavg()}:`);
  for (const [page, , label] of PAINT_PAGES) {
    console.log(`  ${label}: first contentful paint ${fmt(fcp[page])}, ${(median(fcp[page]) / blank).toFixed(2)} x blank`);
  }
  const f = median(fcp.fragment);
  console.log(`  pre-rendered first paint (target <= 100 ms): ${f <= 100 ? 'met' : 'NOT met'} (median ${f.toFixed(1)} ms)`);
  console.log(`  pre-rendered interactive (adopted, mark natverk:table; target <= 300 ms): ${fmt(interactive)}, ${(median(interactive) / blank).toFixed(2)} x blank`);
  console.log(`  the same without the .wasm and file preloads: ${fmt(interactiveModule)}`);
  console.log(`  element alone, first table in the DOM (mark natverk:table; target <= 150 ms): ${fmt(table)}, ${(median(table) / blank).toFixed(2)} x blank: ${median(table) <= 150 ? 'met' : 'NOT met'}`);
  if (against) {
    const paired = (a, b) => median(a.map((x, i) => x - b[i])).toFixed(1);
    console.log(`  with ${against}: pre-rendered interactive ${fmt(interactiveAgainst)}; element alone, first table ${fmt(tableAgainst)}`);
    console.log(`  this build - that one, paired medians of the same rounds: pre-rendered first paint ${paired(fcp.fragment, fcp['fragment-against'])} ms, interactive ${paired(interactive, interactiveAgainst)} ms; element alone's first table ${paired(table, tableAgainst)} ms`);
  }
  for (const [page] of PAINT_PAGES) console.log(`  runs (${page}): ${fcp[page].map((x) => x.toFixed(0)).join(' ')}`);
  console.log(`  runs (element alone, first table): ${table.map((x) => x.toFixed(0)).join(' ')}`);
  process.exit(0);
}

if (MODE === 'trace') {
  const srv = await serveApart(extra, { cache: 'no-store' });
  const chrome = await browser();
  const before = loadavg();
  const sums = Object.fromEntries(PAINT_PAGES.map(([page]) => [page, []]));
  try {
    const warm = await chrome.context.newPage();
    await warm.goto(`${srv.url}/bench/blank.html`);
    await warm.close();
    for (let i = 0; i < RUNS; i++) {
      for (const [page, mark] of rotated(PAINT_PAGES, i)) {
        const path = `/bench/${page}.html`;
        const s = summarise(await traceLoad(chrome.context, `${srv.url}${path}`, mark), path);
        if (s) sums[page].push(s);
        await settle();
      }
    }
  } finally {
    await chrome.close();
    await srv.close();
  }
  console.log(`\nChrome traces, first visits, ${RUNS} loads of each page in turn (tracing slows every page); load average before ${before}, after ${loadavg()}.`);
  console.log('Medians in ms from navigation start; the main thread\'s own time by kind up to the first contentful paint:');
  for (const [page, , label] of PAINT_PAGES) {
    const runs = sums[page];
    if (!runs.length) continue;
    console.log(`\n  ${label} (${runs.length} traces): first contentful paint ${median(runs.map((r) => r.fcp)).toFixed(1)}; the renderer commits the navigation at ${median(runs.map((r) => r.commit ?? 0)).toFixed(1)}`);
    const kinds = [...new Set(runs.flatMap((r) => Object.keys(r.t)))];
    for (const k of kinds) console.log(`    ${median(runs.map((r) => r.t[k] ?? 0)).toFixed(1).padStart(6)}  ${k}`);
    console.log(`    counted before the paint: ${Object.keys(runs[0].work).map((k) => `${k} ${median(runs.map((r) => r.work[k]))}`).join(', ')}`);
    const urls = [...new Set(runs.flatMap((r) => r.resources.map((x) => x.url)))].filter((u) => !u.endsWith('favicon.svg'));
    for (const u of urls) {
      const xs = runs.map((r) => r.resources.find((x) => x.url === u)).filter(Boolean);
      console.log(`    request ${u.replace(/^https?:\/\/[^/]+/, '')}: sent ${median(xs.map((x) => x.sent)).toFixed(1)}, finished ${median(xs.map((x) => x.finished)).toFixed(1)}`);
    }
  }
  process.exit(0);
}

const PHASES = ['module', 'instantiated', 'fetched', 'loaded', 'report', 'table', 'painted'];
// The pages measured, loaded in turn so all see the same machine load.
const PAGES = [
  ['widget', 'natverk:painted'], // the one-file widget (pkg/natverk-widget.js): the README's page
  ['modules', 'natverk:painted'], // js/widget.js and its preloaded module graph: the page before
  ['fragment', 'natverk:painted'], // the README's page with the widget pre-rendered (issue 27), its stylesheet preloaded from the head
  ['fragment-plain', 'natverk:painted'], // the same without the stylesheet's preload (the page of the round before)
  ['blank-measured', 'natverk:fcp'], // a page with nothing of natverk: the floor of a first paint here
  ['core', 'natverk:core'], // the baseline: module, file and report, no DOM
];

async function measure(cache, dwell) {
  const srv = await serveApart(extra, { cache });
  const chrome = await browser();
  const out = Object.fromEntries(PAGES.map(([page]) => [page, { table: [], painted: [], core: [], phases: [], fcp: [], adopted: [] }]));
  try {
    // A visitor's browser is already running: one page of the same site
    // without the widget first (a fresh browser's first page also pays for
    // starting its first renderer, 200-400 ms here).
    const warm = await chrome.context.newPage();
    await warm.goto(`${srv.url}/bench/blank.html`);
    await warm.close();
    for (let i = 0; i < RUNS; i++) {
      for (const [page, mark] of rotated(PAGES, i)) {
        const p = await openMeasured(chrome.context, `${srv.url}/bench/${page}.html`, mark);
        const t = await p.evaluate((phases) => ({
          core: performance.getEntriesByName('natverk:core')[0]?.startTime,
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
          adopted: performance.getEntriesByName('natverk:table')[0]?.detail?.adopted === true,
          rows: document.querySelector('natverk-inventory')?.shadowRoot.querySelectorAll('table.lines tbody tr').length,
          phases: Object.fromEntries(phases.map((m) => [m, performance.getEntriesByName(`natverk:${m}`)[0]?.startTime])),
        }), PHASES);
        const o = out[page];
        if (page === 'core') {
          o.core.push(t.core);
        } else if (page === 'blank-measured') {
          if (t.fcp !== undefined) o.fcp.push(t.fcp);
        } else {
          if (t.rows !== PAGE) throw new Error(`${page}: expected the first ${PAGE} rows, got ${t.rows}`);
          o.table.push(t.phases.table);
          o.painted.push(t.phases.painted);
          o.phases.push(t.phases);
          // A page Chromium did not paint while measured has no entry.
          if (t.fcp !== undefined) o.fcp.push(t.fcp);
          o.adopted.push(t.adopted);
        }
        // A returning visitor stayed on the page: Chromium writes the
        // module's optimised code to its cache a moment after tiering up.
        if (dwell) await p.waitForTimeout(dwell);
        await p.close();
        await settle();
      }
    }
  } finally {
    await chrome.close();
    await srv.close();
  }
  return out;
}

const VISITS = [
  ['first visits (cache-control: no-store)', 'no-store', 0],
  ['returning visits (cache-control: max-age=31536000; each page kept open 3 s)', 'public, max-age=31536000', 3000],
];
for (const [label, cache, dwell] of VISITS) {
  const r = await measure(cache, dwell);
  const w = r.widget;
  console.log(`\n${label}, ${RUNS} page loads each (load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}):`);
  console.log(`  widget, navigation start -> first table: ${fmt(w.table)} (target <= 100 ms: ${median(w.table) <= 100 ? 'met' : 'NOT met'})`);
  console.log(`  widget, first table painted (next frame): ${fmt(w.painted)}`);
  console.log(`  the same widget as a module graph (js/widget.js, preloaded): first table ${fmt(r.modules.table)}`);
  const f = r.fragment;
  if (f.adopted.some((a) => !a)) throw new Error('fragment: the module rendered again instead of adopting the pre-rendered view');
  console.log(`  pre-rendered (--format widget), first table painted (first contentful paint): ${fmt(f.fcp)} (target <= 100 ms: ${median(f.fcp) <= 100 ? 'met' : 'NOT met'})`);
  console.log(`  pre-rendered, interactive (adopted by the module, a sort works): ${fmt(f.table)} (target <= 300 ms: ${median(f.table) <= 300 ? 'met' : 'NOT met'})`);
  console.log(`  without the fragment, first table (target <= 150 ms): ${median(w.table) <= 150 ? 'met' : 'NOT met'}; widget first contentful paint ${fmt(w.fcp)}`);
  console.log(`  pre-rendered / widget, first table (medians): ${(median(f.fcp) / median(w.table)).toFixed(2)}`);
  const b = r['blank-measured'].fcp;
  const plain = r['fragment-plain'];
  console.log(`  pre-rendered without the stylesheet's preload: first contentful paint ${fmt(plain.fcp)}; interactive ${fmt(plain.table)}`);
  console.log(`  blank page (nothing of natverk), first contentful paint: ${fmt(b)}`);
  console.log(`  pre-rendered / blank, first paint (medians): ${(median(f.fcp) / median(b)).toFixed(2)}; without the preload: ${(median(plain.fcp) / median(b)).toFixed(2)}; widget's first table / blank: ${(median(w.table) / median(b)).toFixed(2)}`);
  console.log(`  runs (pre-rendered first paint): ${f.fcp.map((x) => x.toFixed(1)).join(', ')}`);
  console.log(`  runs (blank first paint): ${b.map((x) => x.toFixed(1)).join(', ')}`);
  console.log(`  baseline, navigation start -> module + file + core report, no DOM: ${fmt(r.core.core)}`);
  console.log(`  widget / baseline (medians): ${(median(w.table) / median(r.core.core)).toFixed(2)}`);
  for (const page of ['widget', 'modules', 'fragment', 'fragment-plain']) {
    const phase = (m) => `${m} ${median(r[page].phases.map((p) => p[m])).toFixed(0)}`;
    console.log(`  ${page} phases, median ms from navigation start: ${PHASES.map(phase).join(', ')}`);
  }
  console.log(`  runs (widget): ${w.table.map((x) => x.toFixed(1)).join(', ')}`);
  console.log(`  runs (baseline): ${r.core.core.map((x) => x.toFixed(1)).join(', ')}`);
}

// The core's first calls as CPU time (see the top of this file).
const CORE_CPU = `
import { init, Inventory } from ${JSON.stringify(new URL('./js/natverk.js', import.meta.url).href)};
import { generateInventory } from ${JSON.stringify(new URL('./test/generate.mjs', import.meta.url).href)};
const text = new TextEncoder().encode(JSON.stringify(generateInventory(1000)));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
await init();
let c = cpu();
const inv = Inventory.fromJson(text);
const load = cpu() - c;
c = cpu();
inv.report({ from: 2024, to: 2025, scope: 'all', by: ['network'] });
console.log(JSON.stringify({ load, report: cpu() - c }));
`;
// Two ways: Liftoff only on one thread (the baseline code alone), and V8's
// default (Liftoff, and hot functions recompiled by the optimising compiler
// on other threads): the process's CPU time then includes that compiler's
// work, which competes with the page on a machine with few cores.
for (const [label, flags] of [
  ['Liftoff only, one thread', ['--liftoff-only', '--single-threaded']],
  ["V8's default tiering, CPU of every thread", []],
]) {
  const cpuRuns = [];
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(process.execPath, [...flags, '--input-type=module', '-e', CORE_CPU], { encoding: 'utf8' });
    cpuRuns.push(JSON.parse(out));
  }
  console.log(`\nthe core's first calls in Node, CPU time (${label}), 5 fresh processes:`);
  console.log(`  load of the 1000-network file: ${fmt(cpuRuns.map((r) => r.load))}; report by network 2024-2025: ${fmt(cpuRuns.map((r) => r.report))}`);
}
