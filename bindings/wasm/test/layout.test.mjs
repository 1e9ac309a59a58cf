// The widget at a phone's, a tablet's and a desktop's width (issue 12): no
// sideways scrolling of the page, the warnings present, zero axe-core
// violations at WCAG 2.1 AA, a screenshot of each (tests/artifacts/, not
// committed). And the time to the first table of a 1 000-network inventory,
// measured from navigation start (printed; the figure for BENCHMARKS.md
// comes from bench.mjs, with its baseline).
import { PAGE_LINES } from '../js/vocabulary.js';
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

import { serve, browser, openPage, ROOT } from './server.mjs';
import { generateInventory } from './generate.mjs';
import { firstTablePage, openMeasured, DONE_URL, DONE_SCRIPT } from './pages.mjs';

const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WIDTHS = [360, 768, 1280];

const PAGE = `<!doctype html><html lang="sv"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Nätverk och samarbeten</title>
<link rel="icon" href="/examples/widget/favicon.svg"><link rel="stylesheet" href="/examples/widget/page.css">
<script type="module" src="/bindings/wasm/js/widget.js"></script></head><body><main>
<h1>Nätverk och samarbeten</h1>
<natverk-inventory src="/examples/goteborg.json" from="2024" to="2025" today="2023-11-20"></natverk-inventory>
<natverk-inventory src="/examples/goteborg.json" from="2024" to="2025" by="subject,year" lang="en" today="2024-01-15"></natverk-inventory>
</main></body></html>`;

let srv, chrome;
before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  srv = await serve({
    '/t/layout.html': PAGE,
    '/t/first.json': JSON.stringify(generateInventory(1000)),
    '/t/first.html': firstTablePage('/t/first.json'),
    [DONE_URL]: DONE_SCRIPT,
  });
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  await srv?.close();
});

describe('layout and accessibility', () => {
  for (const width of WIDTHS) {
    test(`${width} px: no page overflow, warnings shown, axe finds nothing`, async () => {
      const problems = [];
      const p = await openPage(chrome, `${srv.url}/t/layout.html`, problems, { viewport: { width, height: 900 } });
      const widgets = p.locator('natverk-inventory');
      for (const i of [0, 1]) {
        await widgets.nth(i).locator('div.equality section').waitFor();
        await widgets.nth(i).locator('details.warnings[data-count]').waitFor();
      }
      // The warnings: a count, and a list that opens.
      for (const i of [0, 1]) {
        const w = widgets.nth(i);
        assert.ok(Number(await w.locator('details.warnings').getAttribute('data-count')) > 0);
        await w.locator('details.warnings summary').click();
        await w.locator('details.warnings li').first().waitFor();
        await w.locator('details.columns summary').click();
        await w.locator('details.delegations summary').click();
      }
      const geometry = await p.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
        // Each widget's own box stays inside the viewport too.
        right: Math.max(...[...document.querySelectorAll('natverk-inventory')].map((el) => el.getBoundingClientRect().right)),
        rowDisplay: getComputedStyle(document.querySelector('natverk-inventory').shadowRoot.querySelector('table.lines tbody tr')).display,
      }));
      assert.ok(geometry.scroll <= geometry.inner, `page scrolls sideways at ${width}: ${geometry.scroll} > ${geometry.inner}`);
      assert.ok(geometry.right <= geometry.inner, `a widget is wider than the page at ${width}`);
      // A phone gets one card per line; wider screens a table.
      assert.equal(geometry.rowDisplay, width < 600 ? 'grid' : 'table-row');
      await p.screenshot({ path: path.join(ARTIFACTS, `widget-${width}.png`), fullPage: true });

      await p.addScriptTag({ path: AXE });
      const result = await p.evaluate(() =>
        // eslint-disable-next-line no-undef
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
      );
      const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      assert.deepEqual(violations, []);
      assert.ok(result.passes.length > 10, 'axe looked at the page');
      assert.deepEqual(problems, []);
      await p.close();
    });
  }

  test('first table of a 1 000-network inventory: measured from navigation start', async () => {
    // Nothing is evaluated in the page before it has painted (openMeasured).
    const before = new Map(srv.hits);
    const p = await openMeasured(chrome.context, `${srv.url}/t/first.html`, 'natverk:painted');
    const t = await p.evaluate(() => ({
      table: performance.getEntriesByName('natverk:table')[0].startTime,
      painted: performance.getEntriesByName('natverk:painted')[0].startTime,
      rows: document.querySelector('natverk-inventory').shadowRoot.querySelectorAll('table.lines tbody tr').length,
      lines: document.querySelector('natverk-inventory').report.lines.length,
    }));
    assert.equal(t.rows, PAGE_LINES);
    assert.ok(t.lines >= 1000);
    assert.ok(t.painted >= t.table);
    // The page's critical path: one module (the one-file widget), the .wasm
    // and the file, each asked for once.
    const asked = [...srv.hits].filter(([k, n]) => n > (before.get(k) ?? 0)).map(([k]) => k);
    assert.deepEqual(asked.filter((k) => k.endsWith('.js') && k !== DONE_URL), ['/bindings/wasm/pkg/natverk-widget.js']);
    for (const k of ['/bindings/wasm/pkg/natverk-widget_bg.wasm', '/t/first.json']) assert.equal(srv.hits.get(k) - (before.get(k) ?? 0), 1, k);
    console.log(`# first table of 1000 networks: ${t.table.toFixed(1)} ms after navigation start (painted by ${t.painted.toFixed(1)} ms); see bench.mjs for the benchmark`);
    await p.close();
  });
});
