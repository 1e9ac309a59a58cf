// The app in real Chromium, from file://, as an official uses it: through
// the page's file input, its visible text and its download links.
//   node --test bindings/app/test/app.test.mjs
// Needs (run-tests.sh prepares them): NATVERK_APP (natverk.html),
// NATVERK_CLI (the natverk program), NATVERK_WORK (a folder with
// template.xlsx, the command line's English template), NATVERK_PYTHON
// (with openpyxl). The workbooks dropped are the page's own empty
// workbook (Swedish), downloaded by its link and filled by fill.py.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '../../wasm/package.json'));
const { chromium } = require('playwright-core');
const axePath = require.resolve('axe-core/axe.min.js');

const APP = process.env.NATVERK_APP;
const CLI = process.env.NATVERK_CLI;
const WORK = process.env.NATVERK_WORK;
const PYTHON = process.env.NATVERK_PYTHON;
const url = pathToFileURL(APP).href;

let ctx;
let axeCtx;
const requests = [];

before(async () => {
  const args = ['--no-sandbox', '--disable-background-networking', '--disable-quic',
    '--disable-component-update', '--disable-sync', '--no-first-run'];
  ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'natverk-app-')), {
    executablePath: '/usr/bin/chromium', args, acceptDownloads: true, headless: true,
  });
  ctx.on('request', (r) => requests.push(r.url()));
  // axe is injected as a script: only this context bypasses the page's CSP.
  axeCtx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'natverk-axe-')), {
    executablePath: '/usr/bin/chromium', args, bypassCSP: true, headless: true,
  });
  // The page's empty workbook, filled cell by cell (filled.xlsx, bad.xlsx).
  const { page } = await open();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tom arbetsbok (.xlsx)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'natverk-mall.xlsx');
  await download.saveAs(join(WORK, 'mall.xlsx'));
  await page.close();
  execFileSync(PYTHON, [join(here, 'fill.py'), join(WORK, 'mall.xlsx'), join(WORK, 'filled.xlsx'),
    join(WORK, 'bad.xlsx'), join(WORK, 'template.xlsx')]);
});
after(async () => {
  await ctx?.close();
  await axeCtx?.close();
});

async function open(context = ctx, viewport = { width: 1280, height: 900 }) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, errors };
}

async function drop(page, file) {
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => !/…$/.test(document.getElementById('status').textContent));
}

/** `65 000,50` (Swedish, any spaces) → `65000.50`. */
const plain = (s) => s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');

test('a template filled cell by cell shows the total of the command line', async () => {
  const json = join(WORK, 'filled.json');
  execFileSync(CLI, ['import', join(WORK, 'filled.xlsx'), '-o', json]);
  const cli = JSON.parse(execFileSync(CLI, ['report', json, '--format', 'json', '--from', '2024', '--to', '2025']));
  const { page, errors } = await open();
  await drop(page, join(WORK, 'filled.xlsx'));
  assert.match(await page.textContent('#status'), /4 nätverk/);
  await page.fill('#from', '2024');
  await page.fill('#to', '2025');
  await page.getByRole('button', { name: 'Visa rapporten' }).click();
  const table = page.locator('#report table');
  const heads = await table.locator('thead th').allTextContents();
  const net = heads.indexOf('Netto');
  assert.ok(net > 0, heads.join('|'));
  const total = await table.locator('tfoot tr').first().locator('th, td').nth(net).textContent();
  assert.equal(plain(total), cli.total.net);
  assert.notEqual(cli.total.net, '0.00');
  // every line, too
  const rows = await table.locator('tbody tr').count();
  assert.equal(rows, cli.lines.length);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a workbook with five bad cells shows five findings at sheet, row and column', async () => {
  const { page, errors } = await open();
  await drop(page, join(WORK, 'bad.xlsx'));
  assert.match(await page.textContent('#status'), /kunde inte läsas/);
  const items = page.locator('#findings li.finding');
  assert.equal(await items.count(), 5, (await items.allTextContents()).join('\n'));
  const groups = await page.locator('#findings h3').allTextContents();
  assert.deepEqual(groups, ['Bladet nätverk', 'Bladet kostnader']);
  for (const text of await items.allTextContents()) {
    assert.match(text, /^Fel blad `(nätverk|kostnader)`, rad \d+, kolumn `[^`]+` \([A-Z]+\): \S/, text);
  }
  assert.equal(await page.locator('#report-section').isHidden(), true);
  // The page stays usable: a good file after a bad one.
  await drop(page, join(WORK, 'filled.xlsx'));
  assert.equal(await page.locator('#findings li.finding').count(), 0);
  assert.equal(await page.locator('#report-section').isVisible(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('bad input gets a clear message and the page stays usable', async () => {
  const { page, errors } = await open();
  const docx = join(WORK, 'letter.xlsx');
  // a .docx renamed .xlsx: a zip of Word parts
  execFileSync(PYTHON, ['-c', `
import zipfile, sys
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", "<w:document/>")
`, docx]);
  const corrupt = join(WORK, 'corrupt.xlsx');
  writeFileSync(corrupt, Buffer.concat([readFileSync(join(WORK, 'filled.xlsx')).subarray(0, 3000)]));
  const bomb = join(WORK, 'bomb.xlsx');
  execFileSync(PYTHON, ['-c', `
import zipfile, sys
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("xl/workbook.xml", "<workbook/>")
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
        for _ in range(600):
            f.write(b"a" * (1024 * 1024))
`, bomb]);
  // 200 MB of nothing, named .xlsx (under the core's input limit, so read)
  const big = join(WORK, 'big.xlsx');
  execFileSync('truncate', ['-s', '200M', big]);
  for (const f of [docx, corrupt, bomb, big]) {
    await drop(page, f);
    assert.match(await page.textContent('#status'), /kunde inte läsas/, f);
    assert.ok((await page.locator('#findings li.finding').count()) >= 1, f);
    assert.equal(await page.textContent('#alert'), '', f);
  }
  await drop(page, join(WORK, 'filled.xlsx'));
  assert.match(await page.textContent('#status'), /4 nätverk/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the report downloads as xlsx and reads back', async () => {
  const { page } = await open();
  await drop(page, join(WORK, 'filled.xlsx'));
  await page.fill('#from', '2024');
  await page.fill('#to', '2025');
  await page.getByRole('button', { name: 'Visa rapporten' }).click();
  await page.waitForSelector('body[data-downloads="ready"]');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Rapporten (.xlsx)' }).click(),
  ]);
  const saved = join(WORK, 'report.xlsx');
  await download.saveAs(saved);
  assert.equal(download.suggestedFilename(), 'rapport.xlsx');
  const read = execFileSync(PYTHON, ['-c', `
import openpyxl, sys, json
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(json.dumps({s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in wb.worksheets}, default=str))
`, saved]);
  const sheets = JSON.parse(read);
  assert.ok(sheets.Kostnadsrapport, Object.keys(sheets).join('|'));
  const totals = sheets.Totalt;
  const net = totals[0].indexOf('Netto');
  const cli = JSON.parse(execFileSync(CLI, ['report', join(WORK, 'filled.json'), '--format', 'json', '--from', '2024', '--to', '2025']));
  assert.equal(Number(totals[1][net]).toFixed(2), cli.total.net);
  // the inventory as JSON is the command line's import
  const [dj] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Inventeringen som JSON (.json)' }).click(),
  ]);
  const jsonPath = join(WORK, 'inventory.json');
  await dj.saveAs(jsonPath);
  assert.equal(readFileSync(jsonPath, 'utf8'), readFileSync(join(WORK, 'filled.json'), 'utf8'));
  await page.close();
});

test('the public file downloads without personal data and reports as the inventory', async () => {
  const example = join(here, '../../../examples/goteborg.json');
  const inventory = JSON.parse(readFileSync(example, 'utf8'));
  const names = inventory.people.map((p) => p.name);
  assert.ok(names.length > 0 && inventory.people.some((p) => p.hourly_cost));
  const { page, errors } = await open();
  await drop(page, example);
  await page.getByRole('button', { name: 'Visa rapporten' }).click();
  await page.waitForSelector('body[data-downloads="ready"]');
  // the sentence that says what it is for is the link's description
  const link = page.getByRole('link', { name: 'Publik fil (.json)' });
  assert.match(await link.getAttribute('aria-describedby').then((id) => page.textContent(`#${id}`)),
    /webbredaktören, aldrig själva inventeringen/);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'publik.json');
  const saved = join(WORK, 'public.json');
  await download.saveAs(saved);
  const text = readFileSync(saved, 'utf8');
  for (const name of names) assert.ok(!text.includes(name), `the public file names ${name}`);
  assert.doesNotMatch(text, /hourly_cost|hours_per_year/);
  const pub = JSON.parse(text);
  assert.equal(pub.people.length, inventory.people.length);
  assert.ok(pub.people.every((p) => /^p[0-9]+$/.test(p.id) && p.name === undefined));
  // the core's file: the command line's `publish`, byte for byte
  assert.equal(text, execFileSync(CLI, ['publish', example], { encoding: 'utf8' }));
  // every report of it equals the inventory's
  for (const args of [['--from', '2023', '--to', '2026'], ['--year', '2025', '--by', 'unit,kind'],
    ['--from', '2024', '--to', '2027', '--leave', 'recommended', '--leave-from', '2026']]) {
    const report = (file) => execFileSync(CLI, ['report', file, '--format', 'json', ...args], { encoding: 'utf8' });
    const mine = report(example);
    assert.ok(JSON.parse(mine).lines.length > 0, args.join(' '));
    assert.equal(report(saved), mine, args.join(' '));
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('the report as html is the command line\'s, byte for byte', async () => {
  const { page } = await open();
  await drop(page, join(WORK, 'filled.xlsx'));
  await page.fill('#from', '2024');
  await page.fill('#to', '2025');
  await page.getByRole('button', { name: 'Visa rapporten' }).click();
  await page.waitForSelector('body[data-downloads="ready"]');
  const today = await page.evaluate(() => {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Rapporten (.html)' }).click(),
  ]);
  const saved = join(WORK, 'report.html');
  await download.saveAs(saved);
  const cli = execFileSync(CLI, ['report', join(WORK, 'filled.json'), '--from', '2024', '--to', '2025',
    '--format', 'html', '--lang', 'sv', '--today', today]);
  assert.ok(readFileSync(saved).equals(cli));
  await page.close();
});

test('the leave scenario: chosen networks, notice from a year', async () => {
  const { page } = await open();
  await drop(page, join(WORK, 'filled.xlsx'));
  await page.fill('#from', '2024');
  await page.fill('#to', '2025');
  await page.getByLabel('Nätverken som väljs nedan').check();
  await page.getByLabel('SKR nätverk (skr)').check();
  await page.getByLabel('Uppsägning från år').fill('2025');
  await page.getByRole('button', { name: 'Visa rapporten' }).click();
  const footer = await page.locator('#report tfoot tr').allTextContents();
  assert.equal(footer.length, 2, footer.join('\n'));
  const json = join(WORK, 'filled.json');
  const cli = JSON.parse(execFileSync(CLI, ['report', json, '--format', 'json', '--from', '2024', '--to', '2025',
    '--leave', 'skr', '--leave-from', '2025']));
  const heads = await page.locator('#report thead th').allTextContents();
  const net = heads.indexOf('Netto');
  const savings = await page.locator('#report tfoot tr').nth(1).locator('th, td').nth(net).textContent();
  assert.equal(plain(savings), cli.savings.net);
  assert.match(await page.textContent('#report dl'), /skr/);
  await page.close();
});

const ROOT = join(here, '../../..');
const EXAMPLE = join(ROOT, 'examples/goteborg.json');

/** The example split by unit into JSON files, edited by `edit(name, data)`. */
function parts(spec, edit = () => {}) {
  const whole = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
  return Object.entries(spec).map(([name, units]) => {
    const d = JSON.parse(JSON.stringify(whole));
    d.networks = d.networks.filter((n) => units.includes(n.unit));
    edit(name, d);
    const path = join(WORK, `${name}.json`);
    writeFileSync(path, JSON.stringify(d, null, 2));
    return path;
  });
}

/** A JSON file as the command line's workbook (`natverk export`). */
function workbook(json) {
  const xlsx = json.replace(/\.json$/, '.xlsx');
  execFileSync(CLI, ['export', json, '-o', xlsx, '--lang', 'sv']);
  return xlsx;
}

async function dropAll(page, files) {
  await page.setInputFiles('#file', files);
  await page.waitForFunction(() => !/…$/.test(document.getElementById('status').textContent));
}

async function showYears(page, from, to) {
  await page.fill('#from', String(from));
  await page.fill('#to', String(to));
  await page.getByRole('button', { name: 'Visa rapporten' }).click();
  await page.waitForSelector('body[data-downloads="ready"]');
}

test('two unit workbooks dropped together give the merged report of the command line', async () => {
  const files = parts({ ks: ['ks'], ovriga: ['slk', 'kultur', 'miljo'] }).map(workbook);
  const merged = join(WORK, 'merged.json');
  execFileSync(CLI, ['merge', ...files, '-o', merged]);
  const cli = JSON.parse(execFileSync(CLI, ['report', merged, '--format', 'json', '--from', '2024', '--to', '2025']));
  const { page, errors } = await open();
  await dropAll(page, files);
  const n = JSON.parse(readFileSync(merged, 'utf8')).networks.length;
  assert.equal(await page.textContent('#status'), `2 filer sammanslagna: ${n} nätverk, inga fel.`);
  // The completeness table: every unit, and the file that reported it.
  const comp = await page.locator('#completeness tbody tr').allTextContents();
  assert.equal(comp.length, 4, comp.join('\n'));
  assert.ok(comp.some((r) => /\(ks\)/.test(r) && /ks\.xlsx \(\d+\)/.test(r)), comp.join('\n'));
  await showYears(page, 2024, 2025);
  const table = page.locator('#report table');
  const heads = await table.locator('thead th').allTextContents();
  const net = heads.indexOf('Netto');
  const total = await table.locator('tfoot tr').first().locator('th, td').nth(net).textContent();
  assert.equal(plain(total), cli.total.net);
  assert.equal(await table.locator('tbody tr').count(), cli.lines.length);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a conflict between two files shows both files, and nothing is merged', async () => {
  const files = parts({ ett: ['ks'], tva: ['ks'] }, (name, d) => {
    if (name === 'tva') d.networks[0].name += ' (ändrat)';
  }).map(workbook);
  const { page, errors } = await open();
  await dropAll(page, files);
  assert.match(await page.textContent('#status'), /De 2 filerna kunde inte slås ihop/);
  assert.deepEqual(await page.locator('#findings h3').allTextContents(), ['Filerna säger emot varandra']);
  const items = await page.locator('#findings li.finding').allTextContents();
  assert.ok(items.length >= 1);
  assert.match(items[0], /ett\.xlsx/);
  assert.match(items[0], /tva\.xlsx/);
  assert.equal(await page.locator('#report-section').isHidden(), true);
  // A bad file among good ones is named, at its sheet, row and column.
  await dropAll(page, [files[0], join(WORK, 'bad.xlsx')]);
  const groups = await page.locator('#findings h3').allTextContents();
  assert.ok(groups.includes('Filen bad.xlsx, bladet nätverk'), groups.join('|'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the calendar lists the notice dates of the command line, and downloads as .ics', async () => {
  const cli = JSON.parse(execFileSync(CLI, ['calendar', EXAMPLE, '--from', '2025', '--to', '2026', '-f', 'json']));
  const notice = cli.events.find((e) => e.kind === 'notice');
  assert.ok(notice, JSON.stringify(cli.events));
  const { page, errors } = await open();
  await drop(page, EXAMPLE);
  await showYears(page, 2025, 2026);
  const rows = await page.locator('#calendar tbody tr').allTextContents();
  assert.equal(rows.length, cli.events.length);
  assert.ok(rows.some((r) => r.includes(notice.date) && r.includes(notice.network)), rows.join('\n'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Kalender (.ics)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'kalender.ics');
  const saved = join(WORK, 'kalender.ics');
  await download.saveAs(saved);
  const ics = readFileSync(saved, 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.ok(ics.includes(`DTSTART;VALUE=DATE:${notice.date.replaceAll('-', '')}\r\n`));
  assert.equal(ics.split('BEGIN:VEVENT').length - 1, cli.events.length);
  assert.deepEqual(errors, []);
  await page.close();
});

test('last year\'s file: the comparison shows an added network, the appendix is the command line\'s', async () => {
  const whole = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
  const added = whole.networks[whole.networks.length - 1];
  const old = join(WORK, 'forra-aret.json');
  writeFileSync(old, JSON.stringify({ ...whole, networks: whole.networks.slice(0, -1) }, null, 2));
  const { page, errors } = await open();
  await drop(page, EXAMPLE);
  assert.equal(await page.locator('#diff-part').isHidden(), true);
  await page.setInputFiles('#old-file', old);
  await page.waitForFunction(() => /Förra årets fil/.test(document.getElementById('old-status').textContent));
  await showYears(page, 2025, 2026);
  assert.equal(await page.locator('#diff-part').isVisible(), true);
  const diff = await page.textContent('#diff');
  assert.ok(diff.includes(added.name), diff);
  const cli = execFileSync(CLI, ['diff', old, EXAMPLE, '--from', '2025', '--to', '2026', '--format', 'json']).toString();
  assert.ok(cli.includes(added.id));
  const today = await page.evaluate(() => {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Bilagan till nämnden (.html)' }).click(),
  ]);
  const saved = join(WORK, 'bilaga.html');
  await download.saveAs(saved);
  const want = join(WORK, 'bilaga-cli.html');
  execFileSync(CLI, ['board', EXAMPLE, '--from', '2025', '--to', '2026', '--compare', old,
    '--today', today, '--lang', 'sv', '-o', want]);
  assert.ok(readFileSync(saved).equals(readFileSync(want)), 'the appendix differs from the command line\'s');
  const [dd] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Jämförelsen (.html)' }).click(),
  ]);
  assert.equal(dd.suggestedFilename(), 'jamforelse.html');
  assert.match(await page.textContent('#download-section'), /natverk board FIL --year ÅR -o bilaga\.docx/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a CSV sheet with the organisation from the page\'s fields', async () => {
  const { page, errors } = await open();
  const csv = join(here, '../../../examples/networks.csv');
  await drop(page, csv);
  assert.match(await page.textContent('#findings'), /Fältet ”Organisationens namn”/);
  await page.getByText('Bara för en CSV-fil').click();
  await page.getByLabel('Organisationens namn').fill('Göteborgs Stad');
  await page.getByLabel(/^Växelkurser/).fill('EUR:2024:11,50 EUR:2025:11,50');
  await drop(page, csv);
  const json = join(WORK, 'csv.json');
  execFileSync(CLI, ['import', csv, '--organisation', 'Göteborgs Stad', '--currency', 'SEK',
    '--rate', 'EUR:2024:11,50', '--rate', 'EUR:2025:11,50', '-o', json]);
  const n = JSON.parse(readFileSync(json, 'utf8')).networks.length;
  assert.match(await page.textContent('#status'), new RegExp(`networks\\.csv: ${n} nätverk`));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a large download is a blob: link, and complete', async () => {
  const big = join(WORK, 'big.json');
  const networks = Array.from({ length: 3000 }, (_, i) => ({
    id: `n${i}`, name: `Nätverk ${i}`, start: '2024-01-01', notes: 'anteckning '.repeat(40),
  }));
  writeFileSync(big, JSON.stringify({ format: 'natverk/1', organisation: { name: 'Stor', currency: 'SEK' }, networks }));
  const { page, errors } = await open();
  await drop(page, big);
  assert.match(await page.textContent('#status'), /3000 nätverk/);
  await page.waitForSelector('body[data-downloads="ready"]');
  const link = page.getByRole('link', { name: 'Inventeringen som JSON (.json)' });
  assert.match(await link.getAttribute('href'), /^blob:/);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const saved = join(WORK, 'big-back.json');
  await download.saveAs(saved);
  assert.deepEqual(JSON.parse(readFileSync(saved, 'utf8')).networks.map((n) => n.id), networks.map((n) => n.id));
  assert.deepEqual(errors, []);
  await page.close();
});

test('English by the switch, and keyboard only', async () => {
  const { page } = await open();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'lang');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('h1'), /networks/);
  // Tab on to the file input, through the download links
  const seen = [];
  for (let i = 0; i < 10; i += 1) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => document.activeElement.id || document.activeElement.tagName));
  }
  assert.ok(seen.includes('dl-template') && seen.includes('file'), seen.join(','));
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await page.close();
});

test('no network request at all', () => {
  const others = requests.filter((u) => !/^(file|data|blob):/.test(u));
  assert.deepEqual(others, []);
  assert.ok(requests.some((u) => u.startsWith('file:')));
});

test('axe: no WCAG 2.1 AA violation, at 360 px and wide, with a report and findings', async () => {
  for (const width of [360, 1280]) {
    const { page } = await open(axeCtx, { width, height: 800 });
    const check = async (what) => {
      await page.addScriptTag({ path: axePath });
      const r = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }));
      assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `${what} at ${width}`);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(sideways <= 0, `${what} at ${width}: ${sideways} px sideways`);
    };
    await check('empty');
    await drop(page, join(WORK, 'bad.xlsx'));
    await check('findings');
    await drop(page, join(WORK, 'filled.xlsx'));
    await page.fill('#from', '2024');
    await page.fill('#to', '2025');
    await page.locator('#options button[type=submit]').click();
    await check('report');
    // The calendar and the comparison with last year's file.
    await page.setInputFiles('#old-file', join(WORK, 'filled.xlsx'));
    await page.waitForFunction(() => !document.getElementById('diff-part').hidden);
    await check('calendar and comparison');
    // Several files merged: the completeness table.
    await page.setInputFiles('#file', parts({ ks: ['ks'], ovriga: ['slk', 'kultur', 'miljo'] }).map(workbook));
    await page.waitForFunction(() => document.querySelector('#completeness table'));
    await check('merged');
    await page.close();
  }
});
