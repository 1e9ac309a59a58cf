// Benchmark of the npm package: the .wasm size (raw and gzipped; target
// <= 150 KB gzipped) and the widget's time from being attached to the page to
// its first rendered table for a generated 1 000-network inventory in
// headless Chromium (target <= 100 ms), min and median of several runs.
// Run after ./build.sh:  node bench.mjs [runs]
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve, browser } from './test/server.mjs';
import { generateInventory } from './test/generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.argv[2] || 9);

const wasm = fs.readFileSync(path.join(here, 'pkg/natverk_wasm_bg.wasm'));
const gz = zlib.gzipSync(wasm, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB (${n} bytes)`;
console.log(`natverk_wasm_bg.wasm: ${kb(wasm.length)} raw, ${kb(gz)} gzipped (target <= 150 KB gzipped: ${gz <= 150 * 1024 ? 'met' : 'NOT met'})`);

const inventory = JSON.stringify(generateInventory(1000));
console.log(`generated inventory: 1000 networks, ${kb(Buffer.byteLength(inventory))}`);

// t0: the element is attached (wasm module, file fetch, parse, report and
// render all follow); t1: its table is in the DOM.
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module">
  import '/bindings/wasm/js/widget.js';
  const el = document.createElement('natverk-inventory');
  el.setAttribute('src', '/bench/inventory.json');
  el.setAttribute('from', '2024'); el.setAttribute('to', '2025');
  const t0 = performance.now();
  const done = new MutationObserver(() => {
    if (el.shadowRoot.querySelector('table tbody tr')) {
      done.disconnect();
      window.__result = { ms: performance.now() - t0, rows: el.shadowRoot.querySelectorAll('tbody tr').length };
    }
  });
  done.observe(el.shadowRoot, { childList: true, subtree: true });
  document.body.append(el);
</script></head><body></body></html>`;

const srv = await serve({ '/bench/inventory.json': inventory, '/bench/index.html': PAGE });
const chrome = await browser();
const cold = [];
const warm = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const page = await chrome.context.newPage();
    await page.goto(`${srv.url}/bench/index.html`);
    const r = await (await page.waitForFunction(() => window.__result, null, { timeout: 30000 })).jsonValue();
    if (r.rows < 100) throw new Error(`expected the first 100 rows, got ${r.rows}`);
    (i === 0 ? cold : warm).push(r.ms);
    await page.close();
  }
} finally {
  await chrome.close();
  await srv.close();
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const all = [...cold, ...warm];
console.log(`widget, attach -> first table (1000 networks, ${RUNS} page loads): first load ${cold[0].toFixed(1)} ms; ` +
  `min ${Math.min(...all).toFixed(1)} ms, median ${median(all).toFixed(1)} ms (target <= 100 ms: ${median(all) <= 100 ? 'met' : 'NOT met'})`);
console.log(`  runs: ${all.map((x) => x.toFixed(1)).join(', ')}`);
