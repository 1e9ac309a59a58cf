// The widget in headless Chromium: renders the example, sorts by keyboard,
// chooses columns, shows the warnings of `check` and the equality summary,
// shows hostile strings as text, hides names, lists the findings of a bad
// file. Screenshots go to tests/artifacts/ (gitignored).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { serve, browser, openPage, ROOT } from './server.mjs';
import { hostileInventory, generateInventory } from './generate.mjs';
import { VOCABULARY, GROUP_KEYS, PAGE_LINES } from '../js/vocabulary.js';

const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
const BAD = '{"format": "natverk/1", "organisation": {"name": "X", "currency": "sek"},\n "networks": [{"id": "a", "nmae": "A", "start": "2024-13-01"}]}';
const SV = VOCABULARY.sv;
const EN = VOCABULARY.en;

function page(body, lang = 'sv') {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>natverk test</title><link rel="icon" href="data:,">
<script type="module" src="/bindings/wasm/js/widget.js"></script></head><body><main>${body}</main></body></html>`;
}

const GOTEBORG = '/examples/goteborg.json';

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
    // one bad file in both languages (one shared load), and a report that fails
    '/t/bad-both.html': page(
      '<natverk-inventory src="/t/bad.json"></natverk-inventory><natverk-inventory src="/t/bad.json" lang="en"></natverk-inventory>' +
        `<natverk-inventory src="${GOTEBORG}" from="2025" to="2024"></natverk-inventory>`,
    ),
    // a widget per group key of the core (the generated GROUP_KEYS)
    '/t/keys.html': page(GROUP_KEYS.map((k) => `<natverk-inventory src="${GOTEBORG}" from="2024" to="2025" by="${k}"></natverk-inventory>`).join('')),
    '/t/big.json': JSON.stringify(generateInventory(300)),
    '/t/big.html': page('<natverk-inventory src="/t/big.json" from="2024" to="2025" lang="en"></natverk-inventory>'),
    '/t/warn.html': page(
      `<natverk-inventory src="${GOTEBORG}" from="2024" to="2025" today="2023-11-20"></natverk-inventory>` +
        `<natverk-inventory src="${GOTEBORG}" from="2024" to="2025" today="2023-11-20" lang="en" columns="net,travel"></natverk-inventory>`,
    ),
    '/t/page-lang.html': page(`<natverk-inventory src="${GOTEBORG}" from="2024" to="2025"></natverk-inventory>`, 'en-GB'),
  });
  chrome = await browser();
});

after(async () => {
  await chrome?.close();
  await srv?.close();
});

const open = (url) => openPage(chrome, srv.url + url, problems);
const widget = (p, i = 0) => p.locator('natverk-inventory').nth(i);
const shown = (w) => w.locator('table.lines tbody tr').first().waitFor();
const headers = (w) => w.locator('table.lines thead th').allInnerTexts();
// Waits for the parts drawn after the first paint (chart, warnings, equality).
const settled = (w) => w.locator('div.equality section').waitFor();

describe('<natverk-inventory> in Chromium', () => {
  test('renders the example: table, totals, chart, default columns from the vocabulary', async () => {
    const p = await open('/examples/widget/');
    const w = widget(p);
    await shown(w);
    await settled(w);
    const inv = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/goteborg.json'), 'utf8'));
    const report = await w.evaluate((el) => el.report);
    assert.equal(report.from, 2024);
    assert.equal(await w.locator('table.lines caption').count(), 1);
    assert.equal(await w.locator('table.lines tbody tr').count(), report.lines.length);
    assert.ok(report.lines.length > 0 && report.lines.length <= inv.networks.length);
    // One key column and the five default amounts, named by the vocabulary.
    assert.deepEqual(
      (await headers(w)).map((t) => t.replace(/[▲▼]/g, '').trim()),
      [SV['key.network'], SV['money.fees'], SV['money.time'], SV['money.gross'], SV['money.granted'], SV['money.net']],
    );
    assert.equal(await w.locator('table.lines tbody th[scope=row]').count(), report.lines.length);
    // Totals row, formatted in Swedish from the exact decimal string.
    const whole = [...report.lines, report.total].every((l) => Object.values(l).every((v) => typeof v !== 'string' || !/^-?\d+\.\d\d$/.test(v) || v.endsWith('.00')));
    const expectedNet = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', minimumFractionDigits: whole ? 0 : 2 }).format(report.total.net);
    const foot = await w.locator('table.lines tfoot tr').innerText();
    assert.ok(foot.startsWith(SV['ui.total']), foot);
    assert.ok(foot.includes(expectedNet), `${foot} has ${expectedNet}`);
    // Chart: one bar per line (up to 20), a title and a desc, values as text.
    const svg = w.locator('svg[role=img]');
    assert.equal(await svg.locator('rect.bar').count(), Math.min(20, report.lines.length));
    assert.equal(await svg.locator(':scope > title').textContent(), SV['ui.chart_title'].replace('{years}', '2024–2025'));
    assert.ok((await svg.locator(':scope > desc').textContent()).length > 20);
    // The English widget on the same page.
    const en = widget(p, 1);
    await shown(en);
    assert.ok((await en.locator('table.lines tfoot tr').innerText()).startsWith(EN['ui.total']));
    assert.ok((await headers(en)).some((t) => t.startsWith(EN['key.subject'])));
    await p.screenshot({ path: path.join(ARTIFACTS, 'widget-example.png'), fullPage: true });
    await p.close();
  });

  test('the language follows the page when the element has none', async () => {
    const p = await open('/t/page-lang.html');
    const w = widget(p);
    await shown(w);
    assert.equal(await w.locator('h2').evaluate((e) => e.lastChild.textContent), EN['ui.title']);
    assert.equal(await w.locator('section.natverk').getAttribute('lang'), 'en');
    await p.close();
  });

  test('sorts by mouse and keyboard; aria-sort follows', async () => {
    const p = await open('/examples/widget/');
    const w = widget(p);
    await shown(w);
    const sortOf = (col) => w.locator(`thead th:has(button[data-col="${col}"])`).getAttribute('aria-sort');
    assert.equal(await sortOf('network'), 'ascending');
    assert.equal(await sortOf('net'), null);
    await w.locator('button[data-col="net"]').focus();
    await p.keyboard.press('Enter');
    assert.equal(await sortOf('net'), 'ascending');
    assert.equal(await sortOf('network'), null);
    const nets = async () => {
      const report = await w.evaluate((el) => el.report);
      const byName = new Map(report.lines.map((l) => [l.name, BigInt(l.net.replace('.', ''))]));
      const names = await w.locator('table.lines tbody th[scope=row]').allTextContents();
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
    await w.locator('button[data-col="network"]').click();
    assert.equal(await sortOf('network'), 'ascending');
    await w.locator('button[data-col="network"]').click();
    assert.equal(await sortOf('network'), 'descending');
    await p.close();
  });

  test('the column chooser offers all nine amounts; the columns attribute sets them', async () => {
    const p = await open('/t/warn.html');
    const w = widget(p);
    await shown(w);
    await w.locator('details.columns summary').click();
    const boxes = w.locator('details.columns input[type=checkbox]');
    // The boxes are built on the toggle event, which comes after the click.
    await boxes.first().waitFor();
    assert.equal(await boxes.count(), 9);
    assert.deepEqual(
      await w.locator('details.columns label').allInnerTexts(),
      ['fees', 'time', 'travel', 'other', 'gross', 'granted', 'expected', 'net', 'expected_net'].map((m) => SV[`money.${m}`]),
    );
    await w.locator('details.columns input[value=time]').uncheck();
    await w.locator('details.columns input[value=expected_net]').check();
    await w.locator('details.columns input[value=travel]').check();
    const cols = await w.locator('table.lines thead button').evaluateAll((bs) => bs.map((b) => b.dataset.col));
    assert.deepEqual(cols, ['network', 'fees', 'travel', 'gross', 'granted', 'net', 'expected_net']);
    // Each amount shown is the core's, formatted.
    const report = await w.evaluate((el) => el.report);
    const cells = await w.locator('table.lines tbody tr').first().locator('td').count();
    assert.equal(cells, 6);
    assert.ok(report.lines.length > 0);
    // The second element chose its columns by attribute (in the order of the report's fields).
    const other = widget(p, 1);
    await shown(other);
    const cols2 = await other.locator('table.lines thead button').evaluateAll((bs) => bs.map((b) => b.dataset.col));
    assert.deepEqual(cols2, ['network', 'travel', 'net']);
    await p.close();
  });

  test('shows the warnings of check, judged on the today attribute', async () => {
    const p = await open('/t/warn.html');
    const w = widget(p);
    await shown(w);
    await w.locator('details.warnings[data-count]').waitFor();
    const findings = await w.evaluate((el) => el.findings);
    const n = findings.findings.length;
    assert.ok(n > 0, 'the example has warnings');
    assert.equal(findings.warnings, n);
    const codes = findings.findings.map((f) => f.code);
    assert.ok(codes.includes('deadline_soon'), codes.join());
    assert.ok(codes.includes('no_opposition'), codes.join());
    const summary = await w.locator('details.warnings summary').innerText();
    assert.ok(summary.includes(SV['ui.warnings_count'].replace('{count}', n)), summary);
    assert.ok(summary.includes('2023-11-20'), summary);
    // The list opens, one item per finding, with the core's message and path.
    await w.locator('details.warnings summary').click();
    const items = await w.locator('details.warnings li').allInnerTexts();
    assert.equal(items.length, n);
    findings.findings.forEach((f, i) => {
      assert.ok(items[i].includes(f.message), `${items[i]} has ${f.message}`);
      assert.ok(items[i].includes(f.path));
      assert.ok(items[i].startsWith(SV['severity.warning']));
    });
    // Another day, other warnings: the deadline has passed.
    await w.evaluate((el) => el.setAttribute('today', '2024-01-15'));
    await p.waitForFunction(() => document.querySelector('natverk-inventory').findings?.findings.some((f) => f.code === 'deadline_passed'));
    assert.ok((await w.locator('details.warnings summary').innerText()).includes('2024-01-15'));
    // A bad today is said in plain words where the warnings would be.
    await w.evaluate((el) => el.setAttribute('today', '2024-02-30'));
    const alert = w.locator('div.warnings [role=alert]');
    await alert.waitFor();
    assert.ok((await alert.innerText()).includes(SV['ui.check_failed']));
    assert.ok((await alert.innerText()).includes('options.today'));
    // The English element says it in English.
    const en = widget(p, 1);
    await en.locator('details.warnings[data-count]').waitFor();
    assert.ok((await en.locator('details.warnings summary').innerText()).startsWith(EN['ui.warnings']));
    await p.close();
  });

  test('the equality summary counts people by gender, role and side (from the core)', async () => {
    const p = await open('/t/warn.html');
    const w = widget(p);
    await settled(w);
    const eq = await w.evaluate((el) => el.equality);
    assert.equal(eq.from, 2024);
    const table = w.locator('table.equality');
    const head = await table.locator('thead th').allInnerTexts();
    // Nobody of other or unknown gender in the example: those columns are left out.
    assert.equal(eq.persons.other + eq.persons.unknown, 0);
    assert.deepEqual(head, [SV['ui.equality_group'], SV['gender.woman'], SV['gender.man'], SV['ui.total']]);
    const rows = await table.locator('tbody tr, tfoot tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    const counts = (c) => ['woman', 'man'].map((g) => String(c[g]));
    const total = (c) => String(c.woman + c.man + c.other + c.unknown);
    assert.deepEqual(rows, [
      [`${SV['role.politician']} – ${SV['side.majority']}`, ...counts(eq.persons_by_side.majority), total(eq.persons_by_side.majority)],
      [`${SV['role.politician']} – ${SV['side.opposition']}`, ...counts(eq.persons_by_side.opposition), total(eq.persons_by_side.opposition)],
      [SV['role.official'], ...counts(eq.persons_by_role.official), total(eq.persons_by_role.official)],
      [SV['ui.total'], ...counts(eq.persons), total(eq.persons)],
    ]);
    assert.ok(eq.persons.woman + eq.persons.man > 0);
    const judged = eq.networks.filter((n) => n.balanced !== null);
    const note = await w.locator('div.equality p.note').innerText();
    assert.equal(note, SV['ui.balanced'].replace('{balanced}', judged.filter((n) => n.balanced).length).replace('{count}', judged.length));
    await p.close();
  });

  test('a long report shows its first PAGE_LINES lines, sorted over all, then all on request', async () => {
    const p = await open('/t/big.html');
    const w = widget(p);
    await shown(w);
    const report = await w.evaluate((el) => el.report);
    assert.ok(PAGE_LINES > 0 && report.lines.length > PAGE_LINES);
    assert.equal(await w.locator('table.lines tbody tr').count(), PAGE_LINES);
    await w.locator('button[data-col="net"]').click();
    await w.locator('button[data-col="net"]').click();
    const cents = (s) => BigInt(s.replace('.', ''));
    const max = report.lines.map((l) => cents(l.net)).reduce((a, b) => (b > a ? b : a));
    const firstName = await w.locator('table.lines tbody tr').first().locator('th').textContent();
    const top = report.lines.filter((l) => cents(l.net) === max).map((l) => l.name);
    assert.ok(top.includes(firstName), `${firstName} is not among the largest: ${top}`);
    assert.equal(await w.locator('button.more').innerText(), EN['ui.show_more'].replace('{count}', report.lines.length));
    // People of other gender are counted here, so that column is shown.
    await settled(w);
    const eq = await w.evaluate((el) => el.equality);
    assert.ok(eq.persons.other > 0);
    assert.ok((await w.locator('table.equality thead').innerText()).includes(EN['gender.other']));
    assert.ok((await w.locator('table.equality tfoot').innerText()).includes(String(eq.persons.other)));
    await w.locator('button.more').click();
    assert.equal(await w.locator('table.lines tbody tr').count(), report.lines.length);
    assert.equal(await w.locator('button.more').count(), 0);
    await p.close();
  });

  test('the filter changes years and scope', async () => {
    const p = await open('/examples/widget/');
    const w = widget(p);
    await shown(w);
    const all = await w.evaluate((el) => el.report);
    await w.locator('select[name=scope]').selectOption('central');
    await w.locator('input[name=from]').fill('2025');
    await w.locator('form button[type=submit]').click();
    await p.waitForFunction(() => document.querySelector('natverk-inventory').report?.scope === 'central');
    const central = await w.evaluate((el) => el.report);
    assert.equal(central.from, 2025);
    assert.equal(await w.getAttribute('scope'), 'central');
    assert.ok(central.lines.length <= all.lines.length);
    assert.equal(await w.locator('table.lines tbody tr').count(), Math.max(1, central.lines.length));
    assert.ok((await w.locator('table.lines caption').innerText()).startsWith(SV['scope.central']));
    await p.close();
  });

  test('hostile strings are text; no script runs; names hidden by default', async () => {
    const p = await open('/t/hostile.html');
    const w = widget(p);
    await shown(w);
    await settled(w);
    await w.locator('details.delegations summary').click();
    await w.locator('details.delegations li').first().waitFor();
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
    const delegate = `${SV['person.politician']}, ${SV['person.majority']}, ${SV['person.woman']}`;
    assert.ok(text.includes(delegate), text);
    await p.screenshot({ path: path.join(ARTIFACTS, 'widget-hostile.png'), fullPage: true });
    await p.close();

    const q = await open('/t/names.html');
    const v = widget(q);
    await shown(v);
    await v.locator('details.delegations summary').click();
    await v.locator('details.delegations li').first().waitFor();
    const named = await v.evaluate((el) => el.shadowRoot.textContent);
    assert.ok(named.includes('Hemlig Person <img src=x onerror="window.__pwned=1">'), 'show-names shows the name as text');
    assert.equal(await v.evaluate((el) => el.shadowRoot.querySelectorAll('img, script').length), 0);
    // Removing show-names hides them again.
    await v.evaluate((el) => el.removeAttribute('show-names'));
    await q.waitForFunction(() => !document.querySelector('natverk-inventory').shadowRoot.querySelector('details.delegations li'));
    await v.locator('details.delegations summary').click();
    await v.locator('details.delegations li').first().waitFor();
    const hidden = await v.evaluate((el) => el.shadowRoot.textContent);
    assert.ok(!hidden.includes('Hemlig Person') && hidden.includes(delegate));
    assert.equal(await q.evaluate(() => window.__pwned), undefined);
    await q.close();
  });

  test('an invalid file shows its findings', async () => {
    const p = await open('/t/bad.html');
    const alert = widget(p).locator('[role=alert]');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.ok(text.startsWith(EN['ui.file_failed']), text);
    for (const code of ['invalid_value', 'unknown_field', 'missing_field']) assert.ok(text.includes(code), `${code} in ${text}`);
    assert.ok(text.includes('networks[0].nmae'));
    assert.ok(text.includes('did you mean `name`'));
    assert.equal(await widget(p).locator('table').count(), 0);
    await p.screenshot({ path: path.join(ARTIFACTS, 'widget-invalid.png') });
    await p.close();
  });

  test('findings follow lang: a bad file and a failed report in Swedish and English (SPEC §11)', async () => {
    const p = await open('/t/bad-both.html');
    const [sv, en, report] = [0, 1, 2].map((i) => widget(p, i).locator('[role=alert]'));
    for (const a of [sv, en, report]) await a.waitFor();
    const svText = await sv.innerText();
    const enText = await en.innerText();
    assert.ok(svText.startsWith(SV['ui.file_failed']), svText);
    assert.ok(svText.includes('menar du `name`') && !svText.includes('did you mean'), svText);
    assert.ok(enText.startsWith(EN['ui.file_failed']), enText);
    assert.ok(enText.includes('did you mean `name`') && !enText.includes('menar du'), enText);
    for (const code of ['invalid_value', 'unknown_field', 'missing_field']) assert.ok(svText.includes(code), `${code} in ${svText}`);
    const reportText = await report.innerText();
    assert.ok(reportText.startsWith(SV['ui.report_failed']), reportText);
    assert.match(reportText, /ligger före/);
    // the other language, on the same element: its findings follow
    await widget(p, 0).evaluate((el) => el.setAttribute('lang', 'en'));
    await p.waitForFunction(() => document.querySelector('natverk-inventory').shadowRoot.textContent.includes('did you mean `name`'));
    await p.close();
  });

  test('every group key of the core is a column, named by the vocabulary; the caption names the currency by its word', async () => {
    const p = await open('/t/keys.html');
    assert.ok(GROUP_KEYS.length >= 7);
    for (const [i, k] of GROUP_KEYS.entries()) {
      const w = widget(p, i);
      await shown(w);
      const first = (await headers(w))[0].replace(/[▲▼]/g, '').trim();
      assert.equal(first, SV[`key.${k}`], k);
      assert.equal(await w.locator(`thead button[data-col="${k}"]`).count(), 1, k);
      const caption = await w.locator('table.lines caption').innerText();
      assert.ok(caption.endsWith(`belopp i ${SV['currency.sek']}`), caption);
    }
    await p.close();
  });

  test('a file that cannot be fetched says so', async () => {
    const p = await open('/t/missing.html');
    const alert = widget(p).locator('[role=alert]');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.ok(text.startsWith(SV['ui.fetch_failed']), text);
    assert.ok(text.includes(SV['ui.http_error'].replace('{status}', '404 Not Found').replace('{url}', `${srv.url}/t/nothing-here.json`)), text);
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
