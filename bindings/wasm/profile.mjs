// A profile of the widget's first visit: where the milliseconds between
// navigation start and the first table of a 1 000-network inventory go.
//
//   NATVERK_WASM_PROFILE=1 ./build.sh && node profile.mjs [runs] [page]
//
// Loads the benchmark's widget page (page = `widget`, the default) or its
// baseline (`core`) as first visits (`no-store`) in headless Chromium, with
// the Chrome DevTools Protocol's sampling profiler running from before the
// navigation (100 µs interval), and the module built with its function names
// (pkg/profile/natverk_wasm_bg.wasm, served in place of the stripped one).
// Prints, summed over the runs and divided by them:
//  - the page's marks and the resource timings (request → response end);
//  - self time by function (JS and WebAssembly), top 30, and by area
//    (the core's load, its report, the allocator, the widget's JS, the
//    engine: compiling, parsing, garbage collection, idle).
// The profiler itself costs time: its figures are shares, the marks of
// bench.mjs are the measurement.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve, browser } from './test/server.mjs';
import { generateInventory } from './test/generate.mjs';
import { firstTablePage, corePage, coreScript, DONE_URL, DONE_SCRIPT } from './test/pages.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.argv[2] || 3);
const PAGE = process.argv[3] || 'widget';
const named = path.join(here, 'pkg/profile/natverk_wasm_bg.wasm');
if (!fs.existsSync(named)) {
  console.error('pkg/profile/natverk_wasm_bg.wasm is missing: run NATVERK_WASM_PROFILE=1 ./build.sh first');
  process.exit(2);
}

const SRC = '/bench/inventory.json';
const extra = {
  [SRC]: JSON.stringify(generateInventory(1000)),
  '/bench/widget.html': firstTablePage(SRC),
  '/bench/core.html': corePage(SRC),
  '/bench/core.js': coreScript(SRC),
  [DONE_URL]: DONE_SCRIPT,
  '/bindings/wasm/pkg/natverk_wasm_bg.wasm': fs.readFileSync(named),
};

// Where a sampled function belongs.
function area(name, url) {
  if (/^\((idle|program|garbage collector|root)\)$/.test(name)) return name;
  if (url.endsWith('.wasm') || /^wasm-function|::|^<|^__/.test(name)) {
    if (/dlmalloc|__rust_alloc|__rust_dealloc|__rust_realloc|memcpy|memmove|memset/.test(name)) return 'wasm: allocator, memcpy';
    if (/natverk::load|serde|natverk::format|natverk::validate|from_validated|Inventory::new|from_slice|natverk::json/.test(name)) return 'wasm: load (parse, validate, index)';
    if (/report|cost::|money::|Grouper|rust_decimal|sort/.test(name)) return 'wasm: report (costs, sums, sort, JSON)';
    return 'wasm: other';
  }
  if (url.includes('/pkg/natverk-widget.js')) return 'js: natverk-widget.js (widget, natverk.js, glue)';
  if (url.includes('/pkg/natverk_wasm.js') || url.includes('/js/natverk.js')) return 'js: wasm-bindgen glue, natverk.js';
  if (url) return `js: ${url.replace(/^https?:\/\/[^/]+/, '')}`;
  return `engine: ${name || '(anonymous)'}`;
}

const self = new Map();
const areas = new Map();
const PHASES = ['module', 'instantiated', 'fetched', 'loaded', 'report', 'table'];
const phaseAreas = new Map(); // phase → area → ms
const marks = new Map();
const resources = new Map();
const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);

const srv = await serve(extra, { cache: 'no-store' });
const chrome = await browser();
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await chrome.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const mark = PAGE === 'core' ? 'natverk:core' : 'natverk:painted';
    // Nothing is evaluated in the page before its end (see test/pages.mjs).
    const done = page.waitForEvent('console', { predicate: (m) => m.text() === mark, timeout: 30000 });
    await page.goto(`${srv.url}/bench/${PAGE}.html`, { waitUntil: 'commit' });
    await done;
    const { profile } = await cdp.send('Profiler.stop');
    const timing = await page.evaluate(() => ({
      marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
      resources: performance.getEntriesByType('resource').map((r) => [r.name.replace(location.origin, ''), r.startTime, r.responseEnd]),
      nav: (() => {
        const n = performance.getEntriesByType('navigation')[0];
        return [['(html) responseEnd', n.responseEnd], ['domInteractive', n.domInteractive], ['domContentLoaded', n.domContentLoadedEventEnd]];
      })(),
    }));
    for (const [k, v] of [...timing.marks, ...timing.nav]) add(marks, k, v / RUNS);
    for (const [k, s, e] of timing.resources) {
      const r = resources.get(k) ?? [0, 0];
      resources.set(k, [r[0] + s / RUNS, r[1] + e / RUNS]);
    }
    // Self time: each sample is charged to its node, for its time delta;
    // only samples up to the first table count (the mark's time, relative
    // to the profile's start, is not known exactly: the whole profile up
    // to `painted`/`core` is charged, the page's own work ends there).
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // The profile's clock is not the page's: align them on the first sample
    // of the widget's (or core.js's) top level, which is the mark `natverk:module`.
    const times = [];
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) times.push((t += profile.timeDeltas[i]));
    const entry = PAGE === 'core' ? '/bench/core.js' : '/pkg/natverk-widget.js';
    let offset = null;
    for (let i = 0; i < profile.samples.length && offset === null; i++) {
      for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
        const cf = nodes.get(id).callFrame;
        if (cf.url.endsWith(entry) && cf.functionName === '') {
          offset = Object.fromEntries(timing.marks)['natverk:module'] - times[i] / 1000;
          break;
        }
      }
    }
    const markAt = Object.fromEntries(timing.marks);
    const phaseOf = (ms) => {
      if (offset === null) return '?';
      const at = ms + offset;
      let name = `before ${PHASES[0]}`;
      for (const p of PHASES) if (markAt[`natverk:${p}`] !== undefined && at >= markAt[`natverk:${p}`]) name = `after ${p}`;
      return name;
    };
    for (let i = 0; i < profile.samples.length; i++) {
      const n = nodes.get(profile.samples[i]);
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000 / RUNS;
      const ph = phaseOf(times[i] / 1000);
      if (!phaseAreas.has(ph)) phaseAreas.set(ph, new Map());
      add(phaseAreas.get(ph), n.callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '') || area('', n.callFrame.url || ''), dt);
      const { functionName, url } = n.callFrame;
      const name = functionName || '(anonymous)';
      add(self, `${name.replace(/::h[0-9a-f]{16}$/, '')}  ${url ? url.replace(/^https?:\/\/[^/]+/, '') : ''}`, dt);
      add(areas, area(name, url || ''), dt);
    }
    await page.close();
  }
} finally {
  await chrome.close();
  await srv.close();
}

const ms = (v) => `${v.toFixed(1).padStart(7)} ms`;
console.log(`${PAGE} page, ${RUNS} first visit(s), means in ms from navigation start:`);
for (const [k, v] of [...marks].sort((a, b) => a[1] - b[1])) console.log(`  ${ms(v)}  ${k}`);
console.log('resources (request start → response end):');
for (const [k, [s, e]] of [...resources].sort((a, b) => a[1][0] - b[1][0])) console.log(`  ${ms(s)} → ${ms(e)}  ${k}`);
console.log('\nself time in each phase (between two marks), top 8 functions (mean per run):');
for (const [ph, m] of phaseAreas) {
  const total = [...m.values()].reduce((a, b) => a + b, 0);
  console.log(`  ${ph}: ${total.toFixed(1)} ms sampled`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`    ${ms(v)}  ${k.slice(0, 120)}`);
}
console.log('\nself time by area (whole profile, mean per run):');
for (const [k, v] of [...areas].sort((a, b) => b[1] - a[1])) console.log(`  ${ms(v)}  ${k}`);
console.log('\nself time by function, top 30 (mean per run):');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${ms(v)}  ${k.slice(0, 140)}`);
