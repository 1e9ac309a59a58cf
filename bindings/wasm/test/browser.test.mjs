// The widget in headless Chromium: renders the example, sorts by keyboard,
// shows hostile strings as text, hides names, lists the findings of a bad
// file. Screenshots go to tests/artifacts/ (gitignored).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { serve, browser, ROOT } from './server.mjs';
import { hostileInventory, generateInventory } from './generate.mjs';

const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
const BAD = '{"format": "natverk/1", "organisation": {"name": "X", "currency": "sek"},\n "networks": [{"id": "a", "nmae": "A", "start": "2024-13-01"}]}';

function page(body) {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/bindings/wasm/js/widget.js"></script></head><body>${body}</body></html>`;
}

let srv, chrome;
const problems = [];

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  srv = await serve({
    '/t/hostile.json': JSON.stringify(hostileInventory()),
    '/t/bad.json': BAD,
    '/t/hostile.html': page('<natverk-inventory src="/t/hostile.json" from="2024" to="2024" by="network,subject,organiser,unit"></natverk-inventory>'),
    '/t/names.html': page('<natverk-inventory src="/t/hostile.json" from="2024" to="2024" show-names></natverk-inventory>'),
    '/t/bad.html': page('<natverk-inventory src="/t/bad.json" lang="en"></natverk-inventory>'),
    '/t/missing.html': page('<natverk-inventory src="/t/nothing-here.json"></natverk-inventory>'),
    '/t/big.json': JSON.stringify(generateInventory(300)),
    '/t/big.html': page('<natverk-inventory src="/t/big.json" from="2024" to="2025" lang="en"></natverk-inventory>'),
  });
  chrome = await browser();
});

after(async () => {
  await chrome?.close();
  await srv?.close();
});

async function open(url) {
  const p = await chrome.context.newPage();
  p.on('pageerror', (e) => problems.push(`${url}: page error: ${e.message}`));
  p.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${url}: console error: ${m.text()}`);
  });
  await p.goto(srv.url + url);
  return p;
}

const widget = (p) => p.locator('natverk-inventory').first();

describe('<natverk-inventory> in Chromium', () => {
  test('renders the example: table, totals, chart', async () => {
    const p = await open('/examples/widget/');
    const w = widget(p);
    await w.locator('table tbody tr').first().waitFor();
    const inv = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/goteborg.json'), 'utf8'));
    const report = await w.evaluate((el) => el.report);
    assert.equal(report.from, 2024);
    assert.equal(await w.locator('table caption').count(), 1);
    assert.equal(await w.locator('tbody tr').count(), report.lines.length);
    assert.ok(report.lines.length > 0 && report.lines.length <= inv.networks.length);
    assert.equal(await w.locator('thead th[scope=col]').count(), 10);
    assert.equal(await w.locator('tbody th[scope=row]').count(), report.lines.length);
    // Totals row, formatted in Swedish from the exact decimal string.
    const expectedNet = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', minimumFractionDigits: report.total.net.endsWith('.00') && report.lines.every((l) => Object.values(l).every((v) => typeof v !== 'string' || !/^\d+\.\d\d$/.test(v) || v.endsWith('.00'))) ? 0 : 2 }).format(report.total.net);
    const foot = await w.locator('tfoot tr').innerText();
    assert.match(foot, /^Totalt/);
    assert.ok(foot.includes(expectedNet), `${foot} has ${expectedNet}`);
    assert.match(foot, /kr/);
    // Chart: one bar per line (up to 20), a title and a desc, values as text.
    const svg = w.locator('svg[role=img]');
    assert.equal(await svg.locator('rect.bar').count(), Math.min(20, report.lines.length));
    assert.match(await svg.locator(':scope > title').textContent(), /Nettokostnad/);
    assert.ok((await svg.locator(':scope > desc').textContent()).length > 20);
    // The English widget on the same page.
    const en = p.locator('natverk-inventory').nth(1);
    await en.locator('tbody tr').first().waitFor();
    assert.match(await en.locator('tfoot tr').innerText(), /^Total/);
    assert.match(await en.locator('thead').innerText(), /Subject/);
    await p.screenshot({ path: path.join(ARTIFACTS, 'widget-example.png'), fullPage: true });
    await p.close();
  });

  test('sorts by mouse and keyboard; aria-sort follows', async () => {
    const p = await open('/examples/widget/');
    const w = widget(p);
    await w.locator('tbody tr').first().waitFor();
    const sortOf = (col) => w.locator(`thead th:has(button[data-col="${col}"])`).getAttribute('aria-sort');
    assert.equal(await sortOf('network'), 'ascending');
    assert.equal(await sortOf('net'), null);
    // Keyboard: focus the header button, Enter, then Space.
    await w.locator('button[data-col="net"]').focus();
    await p.keyboard.press('Enter');
    assert.equal(await sortOf('net'), 'ascending');
    assert.equal(await sortOf('network'), null);
    const nets = async () => {
      const report = await w.evaluate((el) => el.report);
      const byName = new Map(report.lines.map((l) => [l.name, BigInt(l.net.replace('.', ''))]));
      const names = await w.locator('tbody th[scope=row]').allTextContents();
      return names.map((n) => byName.get(n));
    };
    let v = await nets();
    for (let i = 1; i < v.length; i++) assert.ok(v[i - 1] <= v[i], 'ascending by net');
    // Focus stays on the header button, so Space works right away.
    assert.equal(await w.evaluate((el) => el.shadowRoot.activeElement?.dataset.col), 'net');
    await p.keyboard.press('Space');
    assert.equal(await sortOf('net'), 'descending');
    v = await nets();
    for (let i = 1; i < v.length; i++) assert.ok(v[i - 1] >= v[i], 'descending by net');
    // Mouse.
    await w.locator('button[data-col="network"]').click();
    assert.equal(await sortOf('network'), 'ascending');
    await w.locator('button[data-col="network"]').click();
    assert.equal(await sortOf('network'), 'descending');
    await p.close();
  });

  test('a long report shows its first 100 lines, sorted over all, then all on request', async () => {
    const p = await open('/t/big.html');
    const w = widget(p);
    await w.locator('tbody tr').first().waitFor();
    const report = await w.evaluate((el) => el.report);
    assert.ok(report.lines.length > 100);
    assert.equal(await w.locator('tbody tr').count(), 100);
    // sorting by net descending puts the largest of ALL lines first
    await w.locator('button[data-col="net"]').click();
    await w.locator('button[data-col="net"]').click();
    const cents = (s) => BigInt(s.replace('.', ''));
    const max = report.lines.map((l) => cents(l.net)).reduce((a, b) => (b > a ? b : a));
    const firstName = await w.locator('tbody tr').first().locator('th').textContent();
    const top = report.lines.filter((l) => cents(l.net) === max).map((l) => l.name);
    assert.ok(top.includes(firstName), `${firstName} is not among the largest: ${top}`);
    await w.locator('button.more').click();
    assert.equal(await w.locator('tbody tr').count(), report.lines.length);
    assert.equal(await w.locator('button.more').count(), 0);
    await p.close();
  });

  test('the filter changes years and scope', async () => {
    const p = await open('/examples/widget/');
    const w = widget(p);
    await w.locator('tbody tr').first().waitFor();
    const all = await w.evaluate((el) => el.report);
    await w.locator('select[name=scope]').selectOption('central');
    await w.locator('input[name=from]').fill('2025');
    await w.locator('form button[type=submit]').click();
    await p.waitForFunction(() => document.querySelector('natverk-inventory').report?.scope === 'central');
    const central = await w.evaluate((el) => el.report);
    assert.equal(central.from, 2025);
    assert.equal(await w.getAttribute('scope'), 'central');
    assert.ok(central.lines.length <= all.lines.length);
    assert.equal(await w.locator('tbody tr').count(), Math.max(1, central.lines.length));
    await p.close();
  });

  test('hostile strings are text; no script runs; names hidden by default', async () => {
    const p = await open('/t/hostile.html');
    const w = widget(p);
    await w.locator('tbody tr').first().waitFor();
    await w.locator('details summary').click(); // the delegations
    await w.locator('details li').first().waitFor();
    const text = await w.evaluate((el) => el.shadowRoot.textContent);
    assert.ok(text.includes('Nätverk <img src=x onerror="window.__pwned=1">'), 'network name shown as text');
    assert.ok(text.includes('ämne <script>window.__pwned=2</script>'), 'subject shown as text');
    assert.ok(text.includes('Arrangör <script>'), 'organiser shown as text');
    assert.ok(text.includes('Enhet <script>'), 'unit name shown as text');
    assert.ok(text.includes('Org <img'), 'organisation shown as text');
    assert.equal(await w.evaluate((el) => el.shadowRoot.querySelectorAll('img, script').length), 0);
    assert.equal(await p.evaluate(() => document.querySelectorAll('img').length), 0);
    await p.waitForTimeout(200);
    assert.equal(await p.evaluate(() => window.__pwned), undefined);
    // Names: never shown without show-names; the delegation shows role, side, gender.
    assert.ok(!text.includes('Hemlig Person'), 'name hidden');
    assert.ok(!text.includes('Annan Person'), 'name hidden');
    assert.ok(text.includes('politiker, majoritet, kvinna'), text);
    await p.screenshot({ path: path.join(ARTIFACTS, 'widget-hostile.png'), fullPage: true });
    await p.close();

    const q = await open('/t/names.html');
    const v = widget(q);
    await v.locator('tbody tr').first().waitFor();
    await v.locator('details summary').click();
    await v.locator('details li').first().waitFor();
    const named = await v.evaluate((el) => el.shadowRoot.textContent);
    assert.ok(named.includes('Hemlig Person <img src=x onerror="window.__pwned=1">'), 'show-names shows the name as text');
    assert.equal(await v.evaluate((el) => el.shadowRoot.querySelectorAll('img, script').length), 0);
    // Removing show-names hides them again.
    await v.evaluate((el) => el.removeAttribute('show-names'));
    await q.waitForFunction(() => !document.querySelector('natverk-inventory').shadowRoot.querySelector('details li'));
    await v.locator('details summary').click();
    await v.locator('details li').first().waitFor();
    const hidden = await v.evaluate((el) => el.shadowRoot.textContent);
    assert.ok(!hidden.includes('Hemlig Person') && hidden.includes('politiker, majoritet, kvinna'));
    assert.equal(await q.evaluate(() => window.__pwned), undefined);
    await q.close();
  });

  test('an invalid file shows its findings', async () => {
    const p = await open('/t/bad.html');
    const alert = widget(p).locator('[role=alert]');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, /could not be read/);
    for (const code of ['invalid_value', 'unknown_field', 'missing_field']) assert.ok(text.includes(code), `${code} in ${text}`);
    assert.ok(text.includes('networks[0].nmae'));
    assert.ok(text.includes('did you mean `name`'));
    assert.equal(await widget(p).locator('table').count(), 0);
    await p.screenshot({ path: path.join(ARTIFACTS, 'widget-invalid.png') });
    await p.close();
  });

  test('a file that cannot be fetched says so', async () => {
    const p = await open('/t/missing.html');
    const alert = widget(p).locator('[role=alert]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /kunde inte hämtas[\s\S]*404/);
    await p.close();
    // The 404 itself is the one expected console error.
    const rest = problems.filter((m) => !/404/.test(m));
    problems.length = 0;
    problems.push(...rest);
  });

  test('no page errors or console errors', () => {
    assert.deepEqual(problems, []);
  });
});
