// Benchmark of the npm package, in one run:
//  - the .wasm size (raw, and gzipped at level 9; target <= 150 KB gzipped);
//  - the widget's first table for a generated 1 000-network inventory, in
//    ms from navigation start (performance.mark 'natverk:table'; target
//    <= 100 ms), in headless Chromium on a local server, on a page with the
//    preloads the README recommends;
//  - the baseline of the same run: a page with the same preloads that only
//    instantiates the module, fetches the file and asks the core for the
//    report (no DOM): the floor the widget builds on. The ratio widget ÷
//    baseline is what the widget itself adds.
// Each page is loaded RUNS times, both with `no-store` (every load is a
// first visit: nothing cached) and with a year's `max-age` (a returning
// visitor: the browser may keep the compiled module). Min and median.
//  - the core's first load and report of the same file in Node, as CPU
//    time of a fresh process (V8 with Liftoff only and one thread: the code
//    Chromium runs a module's first calls in, without the optimising
//    compiler's background work), so a figure that does not depend on how
//    busy a shared machine is.
//
// Run after ./build.sh:  node bench.mjs [runs]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve, browser } from './test/server.mjs';
import { generateInventory } from './test/generate.mjs';
import { firstTablePage, corePage, coreScript } from './test/pages.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.argv[2] || 9);

const wasm = fs.readFileSync(path.join(here, 'pkg/natverk_wasm_bg.wasm'));
const gz = zlib.gzipSync(wasm, { level: 9 }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB (${n} bytes)`;
console.log(`natverk_wasm_bg.wasm: ${kib(wasm.length)} raw, ${kib(gz)} gzipped (target <= 150 KB gzipped: ${gz <= 150 * 1024 ? 'met' : 'NOT met'})`);

const inventory = JSON.stringify(generateInventory(1000));
console.log(`generated inventory: 1000 networks, ${kib(Buffer.byteLength(inventory))}`);

const SRC = '/bench/inventory.json';
const extra = {
  [SRC]: inventory,
  '/bench/widget.html': firstTablePage(SRC),
  '/bench/core.html': corePage(SRC),
  '/bench/core.js': coreScript(SRC),
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => `min ${Math.min(...xs).toFixed(1)} ms, median ${median(xs).toFixed(1)} ms`;

async function measure(cache) {
  const srv = await serve(extra, { cache });
  const chrome = await browser();
  const out = { widget: [], painted: [], core: [], phases: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      // Alternate the two pages so both see the same machine load.
      for (const [page, mark] of [['widget', 'natverk:painted'], ['core', 'natverk:core']]) {
        const p = await chrome.context.newPage();
        await p.goto(`${srv.url}/bench/${page}.html`);
        await p.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 30000 });
        const t = await p.evaluate(() => ({
          table: performance.getEntriesByName('natverk:table')[0]?.startTime,
          painted: performance.getEntriesByName('natverk:painted')[0]?.startTime,
          core: performance.getEntriesByName('natverk:core')[0]?.startTime,
          rows: document.querySelector('natverk-inventory')?.shadowRoot.querySelectorAll('table.lines tbody tr').length,
          phases: Object.fromEntries(
            ['module', 'instantiated', 'fetched', 'loaded', 'report', 'table', 'painted'].map((m) => [m, performance.getEntriesByName(`natverk:${m}`)[0]?.startTime]),
          ),
        }));
        if (page === 'widget') {
          if (t.rows !== 100) throw new Error(`expected the first 100 rows, got ${t.rows}`);
          out.widget.push(t.table);
          out.painted.push(t.painted);
          out.phases.push(t.phases);
        } else {
          out.core.push(t.core);
        }
        await p.close();
      }
    }
  } finally {
    await chrome.close();
    await srv.close();
  }
  return out;
}

for (const [label, cache] of [['first visits (cache-control: no-store)', 'no-store'], ['returning visits (cache-control: max-age=31536000)', 'public, max-age=31536000']]) {
  const r = await measure(cache);
  const ratio = median(r.widget) / median(r.core);
  console.log(`\n${label}, ${RUNS} page loads each:`);
  console.log(`  widget, navigation start -> first table: ${fmt(r.widget)} (target <= 100 ms: ${median(r.widget) <= 100 ? 'met' : 'NOT met'})`);
  console.log(`  widget, first table painted (next frame): ${fmt(r.painted)}`);
  console.log(`  baseline, navigation start -> module + file + core report, no DOM: ${fmt(r.core)}`);
  console.log(`  widget / baseline (medians): ${ratio.toFixed(2)}`);
  const phase = (m) => `${m} ${median(r.phases.map((p) => p[m])).toFixed(0)}`;
  console.log(`  widget phases, median ms from navigation start: ${['module', 'instantiated', 'fetched', 'loaded', 'report', 'table', 'painted'].map(phase).join(', ')}`);
  console.log(`  runs (widget): ${r.widget.map((x) => x.toFixed(1)).join(', ')}`);
  console.log(`  runs (baseline): ${r.core.map((x) => x.toFixed(1)).join(', ')}`);
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
const cpuRuns = [];
for (let i = 0; i < 5; i++) {
  const out = execFileSync(process.execPath, ['--liftoff-only', '--single-threaded', '--input-type=module', '-e', CORE_CPU], { encoding: 'utf8' });
  cpuRuns.push(JSON.parse(out));
}
const loads = cpuRuns.map((r) => r.load);
const reports = cpuRuns.map((r) => r.report);
console.log('\nthe core\'s first calls in Node, CPU time (Liftoff only, one thread), 5 fresh processes:');
console.log(`  load of the 1000-network file: ${fmt(loads)}; report by network 2024-2025: ${fmt(reports)}`);
