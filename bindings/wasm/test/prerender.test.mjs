// The widget pre-rendered by the command line (`natverk report FILE
// --format widget`, SPEC §8) in headless Chromium: the fragment shows
// without JavaScript; the module adopts it without rendering its rows again;
// sorting, the column chooser and the phone layout work after adoption;
// hostile strings stay text; no Content-Security-Policy violation.
// Needs the natverk program: NATVERK_CLI (default target/debug/natverk).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { serve, browser, openPage, ROOT, STRICT_CSP } from './server.mjs';
import { hostileInventory, generateInventory } from './generate.mjs';
import { VOCABULARY, PAGE_LINES } from '../js/vocabulary.js';

const CLI = process.env.NATVERK_CLI || path.join(ROOT, 'target/debug/natverk');
const SV = VOCABULARY.sv;
const CSS = '/bindings/wasm/pkg/natverk-widget.css';
const MODULE = '/bindings/wasm/js/widget.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'natverk-prerender-'));

/** The fragment of `natverk report FILE --format widget ARGS`. */
function fragment(file, src, ...args) {
  return execFileSync(CLI, ['report', file, '--format', 'widget', '--src', src, '--stylesheet', CSS, '--lang', 'sv', ...args], {
    encoding: 'utf8',
  });
}

function page(body, { script = true } = {}) {
  const js = script ? `<script type="module" src="${MODULE}"></script>` : '';
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>natverk</title><link rel="icon" href="/examples/widget/favicon.svg">${js}</head><body><main>${body}</main></body></html>`;
}

let srv, chrome;
const problems = [];

before(async () => {
  const hostile = path.join(work, 'hostile.json');
  fs.writeFileSync(hostile, JSON.stringify(hostileInventory()));
  const big = path.join(work, 'big.json');
  fs.writeFileSync(big, JSON.stringify(generateInventory(300)));
  const goteborg = path.join(ROOT, 'examples/goteborg.json');
  const gbg = fragment(goteborg, '/examples/goteborg.json', '--from', '2024', '--to', '2025', '--today', '2023-11-20');
  const bigFragment = fragment(big, '/t/big.json', '--from', '2024', '--to', '2025', '--today', '2025-01-01');
  const hostileFragment = fragment(hostile, '/t/hostile.json', '--year', '2024', '--by', 'network,subject,organiser,unit');
  const pages = {
    '/t/big.json': fs.readFileSync(big),
    '/t/hostile.json': fs.readFileSync(hostile),
    '/t/nojs.html': page(gbg, { script: false }),
    '/t/gbg.html': page(gbg),
    '/t/later.html': page(bigFragment, { script: false }),
    '/t/hostile.html': page(hostileFragment),
    '/t/hostile-nojs.html': page(hostileFragment, { script: false }),
    '/t/bad.json': JSON.stringify({ format: 'natverk/1', organisation: { name: 'O', currency: 'SEK' }, networks: [{ id: 'a', nmae: 'x', start: '2024-13-01' }] }),
    // The one-file widget with its lean module (pkg/natverk-widget_bg.wasm).
    '/t/lean.html': `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>natverk</title><link rel="icon" href="/examples/widget/favicon.svg">
<script type="module" src="/bindings/wasm/pkg/natverk-widget.js"></script></head><body><main>
<natverk-inventory src="/examples/goteborg.json" from="2024" to="2025" today="2023-11-20"></natverk-inventory>
<natverk-inventory src="/examples/goteborg.json" from="2024" to="2025" today="2023-11-20" lang="en"></natverk-inventory>
<natverk-inventory src="/t/bad.json" from="2024" to="2025" lang="en"></natverk-inventory>
</main></body></html>`,
  };
  srv = await serve(pages, { headers: (p) => (p.endsWith('.html') ? { 'content-security-policy': STRICT_CSP } : {}) });
  chrome = await browser();
});

after(async () => {
  await chrome?.close();
  await srv?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const open = (url, options) => openPage(chrome, srv.url + url, problems, options);
const rowsOf = (p) => p.evaluate(() => document.querySelector('natverk-inventory').shadowRoot.querySelectorAll('table.lines tbody tr').length);

describe('the pre-rendered widget', () => {
  test('shows its table, chart and warnings without JavaScript, styled by its stylesheet', async () => {
    const p = await open('/t/nojs.html');
    const w = p.locator('natverk-inventory');
    // No module on this page: what shows is the fragment alone.
    assert.equal(await p.evaluate(() => customElements.get('natverk-inventory')), undefined);
    const inv = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/goteborg.json'), 'utf8'));
    const cli = JSON.parse(execFileSync(CLI, ['report', path.join(ROOT, 'examples/goteborg.json'), '--format', 'json', '--from', '2024', '--to', '2025']));
    assert.equal(await w.locator('table.lines tbody tr').count(), cli.lines.length);
    assert.ok(cli.lines.length > 0 && cli.lines.length <= inv.networks.length);
    assert.ok(await w.locator('table.lines tbody tr').first().isVisible());
    assert.deepEqual(
      (await w.locator('table.lines thead th').allInnerTexts()).map((t) => t.replace(/[▲▼]/g, '').trim()),
      [SV['key.network'], SV['money.fees'], SV['money.time'], SV['money.gross'], SV['money.granted'], SV['money.net']],
    );
    // The total is the core's, in Swedish, as the widget writes it.
    const total = await w.locator('table.lines tfoot td').last().innerText();
    const digits = (s) => s.replace(/[^\d-]/g, '');
    assert.equal(digits(total), digits(cli.total.net.replace(/\.00$/, '')));
    assert.ok(await w.locator('div.chart svg rect.bar').count() > 0);
    assert.match(await w.locator('details.warnings summary').innerText(), /Varningar: \d+ varning/);
    // The stylesheet applies (the table spans its box; a plain table would not).
    const collapse = await w.locator('table.lines').evaluate((t) => getComputedStyle(t).borderCollapse);
    assert.equal(collapse, 'collapse');
    // Names never: the fragment has no delegations filled.
    for (const person of inv.people) assert.ok(!(await p.content()).includes(person.name), person.name);
    assert.deepEqual(await p.evaluate(() => window.__violations), []);
    await p.close();
  });

  test('the module adopts the fragment: the same row nodes, no second render', async () => {
    const p = await open('/t/later.html');
    assert.equal(await rowsOf(p), PAGE_LINES);
    // Keep the rows' nodes, and count every change to the rows' body.
    await p.evaluate(() => {
      const root = document.querySelector('natverk-inventory').shadowRoot;
      window.__rows = [...root.querySelectorAll('table.lines tbody tr')];
      window.__tbody = root.querySelector('table.lines tbody');
      window.__mutations = 0;
      new MutationObserver((m) => { window.__mutations += m.length; }).observe(root.querySelector('div.table'), {
        childList: true, subtree: true, characterData: true,
      });
    });
    const rendered = p.evaluate(
      () => new Promise((resolve) => document.querySelector('natverk-inventory').addEventListener('natverk-render', (e) => resolve(e.detail))),
    );
    // The fragment lists the first 20 warnings and a line for the rest.
    const listed = () =>
      p.evaluate(() => {
        const d = document.querySelector('natverk-inventory').shadowRoot.querySelector('details.warnings');
        return { count: Number(d.dataset.count), items: d.querySelectorAll('li').length, more: d.querySelector('li.more')?.textContent };
      });
    const before = await listed();
    assert.ok(before.count > 20, `the file has ${before.count} warnings`);
    assert.deepEqual(before, { count: before.count, items: 21, more: `… och ${before.count - 20} till` });
    await p.addScriptTag({ type: 'module', url: MODULE });
    const detail = await rendered;
    assert.equal(detail.adopted, true);
    await p.locator('natverk-inventory div.equality section').waitFor();
    const same = await p.evaluate(() => {
      const root = document.querySelector('natverk-inventory').shadowRoot;
      const now = [...root.querySelectorAll('table.lines tbody tr')];
      return {
        count: now.length,
        same: now.length === window.__rows.length && now.every((r, i) => r === window.__rows[i]),
        tbody: root.querySelector('table.lines tbody') === window.__tbody,
        mutations: window.__mutations,
      };
    });
    assert.deepEqual(same, { count: PAGE_LINES, same: true, tbody: true, mutations: 0 });
    // The module lists every warning once it has taken the element over.
    assert.deepEqual(await listed(), { count: before.count, items: before.count, more: undefined });
    // The module's report is the one on screen: its first lines, in order.
    const texts = await p.evaluate(() =>
      [...document.querySelector('natverk-inventory').shadowRoot.querySelectorAll('table.lines tbody th')].map((t) => t.textContent),
    );
    const report = await p.evaluate(() => document.querySelector('natverk-inventory').report);
    const names = report.lines.map((l) => l.name ?? l.network).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    assert.deepEqual(texts, names.slice(0, PAGE_LINES));

    // Sorting works after adoption: by net, descending on the second press.
    const net = p.locator('natverk-inventory thead button[data-col="net"]');
    await net.click();
    await net.click();
    const header = p.locator('natverk-inventory thead th:has(button[data-col="net"])');
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    const cents = (s) => BigInt(s.replace(/[^\d-]/g, '') || '0');
    const nets = await p.evaluate(() =>
      [...document.querySelector('natverk-inventory').shadowRoot.querySelectorAll('table.lines tbody tr')].map((r) => r.lastElementChild.textContent),
    );
    for (let i = 1; i < nets.length; i++) assert.ok(cents(nets[i - 1]) >= cents(nets[i]), `${nets[i - 1]} before ${nets[i]}`);
    const top = report.lines.map((l) => BigInt(l.net.replace('.', ''))).reduce((a, b) => (b > a ? b : a));
    assert.equal(cents(nets[0]), top / (report.lines.every((l) => l.net.endsWith('.00')) ? 100n : 1n));

    // The column chooser works after adoption.
    await p.locator('natverk-inventory details.columns summary').click();
    await p.locator('natverk-inventory details.columns input[value="travel"]').check();
    await p.locator('natverk-inventory thead button[data-col="travel"]').waitFor();
    // "Show all" works after adoption.
    await p.locator('natverk-inventory button.more').click();
    assert.equal(await rowsOf(p), report.lines.length);
    // An option changed after adoption renders anew, without the fragment's
    // link: the module's own stylesheet (adopted once the fragment was
    // painted) styles it.
    await p.evaluate(() => document.querySelector('natverk-inventory').setAttribute('to', '2024'));
    await p.waitForFunction(() => {
      const root = document.querySelector('natverk-inventory').shadowRoot;
      return !root.querySelector('section.natverk[data-prerendered]') && root.querySelector('table.lines');
    });
    const styled = await p.evaluate(() => {
      const root = document.querySelector('natverk-inventory').shadowRoot;
      return {
        sheets: root.adoptedStyleSheets.length,
        links: root.querySelectorAll('link').length,
        collapse: getComputedStyle(root.querySelector('table.lines')).borderCollapse,
      };
    });
    assert.deepEqual(styled, { sheets: 1, links: 0, collapse: 'collapse' });
    assert.deepEqual(await p.evaluate(() => window.__violations), []);
    await p.close();
  });

  test('the phone layout after adoption: one card per line, no sideways scrolling', async () => {
    const p = await open('/t/gbg.html', { viewport: { width: 360, height: 800 } });
    await p.locator('natverk-inventory div.equality section').waitFor();
    const layout = await p.evaluate(() => {
      const root = document.querySelector('natverk-inventory').shadowRoot;
      const head = root.querySelector('table.lines thead');
      return {
        page: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
        headHeight: head.getBoundingClientRect().height,
        adopted: root.querySelector('section.natverk').hasAttribute('data-prerendered'),
      };
    });
    assert.equal(layout.adopted, true);
    assert.ok(layout.page <= layout.view, `page ${layout.page} > ${layout.view}`);
    assert.ok(layout.headHeight <= 1, `the header row is hidden on a phone (${layout.headHeight})`);
    assert.deepEqual(await p.evaluate(() => window.__violations), []);
    await p.close();
  });

  test('hostile strings are text in the fragment, with and without the module', async () => {
    for (const url of ['/t/hostile-nojs.html', '/t/hostile.html']) {
      const p = await open(url);
      const w = p.locator('natverk-inventory');
      await w.locator('table.lines tbody tr').first().waitFor();
      if (url === '/t/hostile.html') await w.locator('div.equality section').waitFor();
      const text = await w.evaluate((el) => el.shadowRoot.textContent);
      assert.ok(text.includes('Nätverk <img src=x onerror="window.__pwned=1">'), 'network name shown as text');
      assert.ok(text.includes('ämne <script>window.__pwned=2</script>'), 'subject shown as text');
      assert.ok(text.includes('Arrangör <script>'), 'organiser shown as text');
      assert.ok(text.includes('Enhet <script>'), 'unit name shown as text');
      assert.ok(text.includes('Org <img'), 'organisation shown as text');
      assert.ok(!text.includes('Hemlig Person') && !text.includes('Annan Person'), 'no person names');
      assert.equal(await w.evaluate((el) => el.shadowRoot.querySelectorAll('img, script').length), 0);
      assert.equal(await p.evaluate(() => document.querySelectorAll('img, script:not([src])').length), 0);
      await p.waitForTimeout(100);
      assert.equal(await p.evaluate(() => window.__pwned), undefined);
      assert.deepEqual(await p.evaluate(() => window.__violations), []);
      await p.close();
    }
  });

  test("the lean module's messages are the full module's, in Swedish and English", async () => {
    const p = await open('/t/lean.html');
    await p.waitForFunction(() => [...document.querySelectorAll('natverk-inventory')].slice(0, 2).every((el) => el.findings));
    await p.locator('natverk-inventory >> nth=2 >> [role=alert]').waitFor();
    const got = await p.evaluate(async () => {
      const els = [...document.querySelectorAll('natverk-inventory')];
      const { init, Inventory } = await import('/bindings/wasm/js/natverk.js');
      await init();
      const bytes = new Uint8Array(await (await fetch('/examples/goteborg.json')).arrayBuffer());
      const inv = Inventory.fromJson(bytes);
      const full = ['sv', 'en'].map((lang) => inv.check({ today: '2023-11-20', lang }));
      let error;
      try {
        Inventory.fromJson(new Uint8Array(await (await fetch('/t/bad.json')).arrayBuffer()));
      } catch (e) {
        error = e.findings;
      }
      const shown = [...els[2].shadowRoot.querySelectorAll('[role=alert] li')].map((li) => li.textContent);
      return { lean: [els[0].findings, els[1].findings], full, error, shown };
    });
    assert.deepEqual(got.lean, got.full);
    const [sv, en] = got.lean.map((r) => r.findings.map((f) => f.message));
    assert.ok(sv.length > 2);
    sv.forEach((m, i) => assert.notEqual(m, en[i], `not in Swedish: ${m}`));
    assert.ok(sv.some((m) => m.includes('oppositionen')), sv.join('\n'));
    // A file's errors: the same findings, their messages in English, no key shown as itself.
    assert.equal(got.error.length, 3);
    got.error.forEach((f, i) => assert.ok(got.shown[i].includes(f.message), `${got.shown[i]} has ${f.message}`));
    assert.match(got.error[0].message, /unknown field `nmae` in a network: did you mean `name`/);
    for (const text of [...sv, ...en, ...got.shown]) assert.doesNotMatch(text, /\b(what|what_list|word|ref|ui|workbook)\.[a-z_]+/, text);
    await p.close();
  });

  test('no page error, console error or CSP violation on any page', () => {
    assert.deepEqual(problems, []);
  });
});
