// The app's benchmark (SPEC §12): headless Chromium on this machine.
//   node bindings/app/bench.mjs NATVERK.html NETWORKS300.xlsx [RUNS]
// Reports, each with its target and the ratio to a baseline measured in
// the same run:
// - the size of natverk.html, raw and gzipped (targets 1.5 MB, 800 KB);
// - opening the file to a usable page (the script's `natverk-ready`
//   mark), against opening a blank page from file:// (target 1 s);
// - a dropped 300-network workbook to its report on screen (from the
//   file input's change to the `natverk-shown` mark: read, check, report,
//   checks and equality laid out), against the report alone of the
//   inventory once open (the Show button), which shows what reading the
//   workbook costs (target 1 s).
// Medians of RUNS (default 7) fresh pages.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '../wasm/package.json'));
const { chromium } = require('playwright-core');

const [app, xlsx, runsArg] = process.argv.slice(2);
if (!xlsx) {
  console.error('usage: node bindings/app/bench.mjs NATVERK.html NETWORKS300.xlsx [RUNS]');
  process.exit(2);
}
const runs = Number(runsArg || 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(0)} ms`;

const html = readFileSync(app);
const gz = gzipSync(html, { level: 9 }).length;
const blank = join(mkdtempSync(join(tmpdir(), 'natverk-bench-')), 'blank.html');
writeFileSync(blank, '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title><link rel="icon" href="data:,"></head><body><p>blank</p></body></html>');

const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'natverk-bench-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-quic',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const open = [];
const blankOpen = [];
const drop = [];
const warm = [];
const again = [];
for (let i = 0; i < runs; i += 1) {
  const b = await ctx.newPage();
  await b.goto(pathToFileURL(blank).href);
  blankOpen.push(await b.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
  await b.close();

  const page = await ctx.newPage();
  await page.goto(pathToFileURL(app).href);
  await page.waitForSelector('body[data-ready="true"]');
  open.push(await page.evaluate(() => performance.getEntriesByName('natverk-ready')[0].startTime));
  // The page reads the example once in the background right after it is
  // usable (so the reader is compiled); an official takes longer than that
  // to pick a file.
  await page.waitForSelector('body[data-warm="true"]');
  warm.push(await page.evaluate(() => performance.getEntriesByName('natverk-warm')[0].startTime
    - performance.getEntriesByName('natverk-ready')[0].startTime));
  await page.setInputFiles('#file', xlsx);
  await page.waitForFunction(() => performance.getEntriesByName('natverk-shown').length > 0);
  const status = await page.textContent('#status');
  if (!/300/.test(status)) throw new Error(`the workbook was not read: ${status}`);
  drop.push(await page.evaluate(() => {
    const [f] = performance.getEntriesByName('natverk-file');
    const [s] = performance.getEntriesByName('natverk-shown');
    return s.startTime - f.startTime;
  }));
  const t = await page.evaluate(() => {
    const t0 = performance.now();
    document.querySelector('#options button[type=submit]').click();
    return performance.now() - t0;
  });
  again.push(t);
  await page.close();
}
await ctx.close();

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`natverk.html: ${kb(html.length)} (target ≤ 1500 kB: ${(html.length / 1.5e6).toFixed(2)} of it), `
  + `${kb(gz)} gzipped (target ≤ 800 kB: ${(gz / 8e5).toFixed(2)} of it)`);
console.log(`open to a usable page: median ${fmt(median(open))} of ${runs} (min ${fmt(Math.min(...open))}); `
  + `a blank page from file:// ${fmt(median(blankOpen))}: ratio ${(median(open) / median(blankOpen)).toFixed(1)}; target ≤ 1000 ms`);
console.log(`reading the example in the background after that: median ${fmt(median(warm))}`);
console.log(`300-network workbook dropped to its report: median ${fmt(median(drop))} (min ${fmt(Math.min(...drop))}); `
  + `the report alone (Show, inventory open) ${fmt(median(again))}: ratio ${(median(drop) / median(again)).toFixed(1)}; target ≤ 1000 ms`);
