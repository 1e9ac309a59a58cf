// SPEC §14 from JavaScript: diff, calendar and the .ics text, on the
// inventories of tests/board/, with figures computed by hand.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { init, Inventory } from '../js/natverk.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const load = (name) => Inventory.fromJson(fs.readFileSync(path.join(ROOT, 'tests/board', name), 'utf8'));

before(async () => {
  await init();
});

test('diff joins the two reports and lists the changes', () => {
  const d = load('old.json').diff(load('new.json'), { from: 2025, to: 2025 });
  assert.deepEqual(d.added, [{ network: 'nytt', name: 'Nytt nätverk' }]);
  assert.deepEqual(d.removed, [{ network: 'borttaget', name: 'Borttaget nätverk' }]);
  assert.deepEqual(d.changed[1].changes, [{ path: 'participants[1].hours_per_year', old: '40', new: '50' }]);
  assert.equal(d.total.old.gross, '184000.00');
  assert.equal(d.total.new.gross, '205000.00');
  assert.equal(d.total.change.net, '21000.00');
});

test('diff of two currencies throws with both named', () => {
  const eur = Inventory.fromJson(
    fs.readFileSync(path.join(ROOT, 'tests/board/old.json'), 'utf8').replaceAll('"SEK"', '"EUR"'),
  );
  assert.throws(() => eur.diff(load('new.json'), { from: 2025, to: 2025 }), (e) => /EUR/.test(e.message) && /SEK/.test(e.message));
  assert.throws(() => eur.diff('new.json', { from: 2025, to: 2025 }), TypeError);
});

test('calendar lists the dates and writes iCalendar', () => {
  const inv = load('new.json');
  const cal = inv.calendar({ from: 2025, to: 2026 });
  assert.equal(cal.events.length, 8);
  assert.deepEqual(cal.events[0], { date: '2024-07-01', kind: 'notice', network: 'vilande', name: 'Vilande samarbete' });
  const ics = inv.calendarIcs({ from: 2025, to: 2026, lang: 'en' });
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
  assert.ok(ics.includes('UID:20251001-notice-klimatradet@Testkommun.natverk\r\n'));
  assert.throws(() => inv.calendar({ from: 2026, to: 2025 }));
  assert.throws(() => inv.calendar({ from: 2025, to: 2025, scope: 'central' }));
});

// The board appendix as data: the same BoardDocument the command line lays
// out as .docx and .html (crates/natverk-cli/tests/board.rs has the figures).
const blocksOf = (doc, key) => doc.sections.find((s) => s.key === key)?.blocks ?? [];
const tablesOf = (doc) => doc.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'table'));
const textOf = (doc) => JSON.stringify(doc);

test('board gives the appendix as plain data with totals, units and no names', () => {
  const inv = load('new.json');
  const doc = inv.board({ from: 2025, to: 2026, compare: load('old.json'), today: '2025-03-01', lang: 'sv' });
  assert.equal(doc.lang, 'sv');
  assert.equal(doc.sections[0].key, 'summary');
  assert.ok(doc.sections.some((s) => s.key === 'changes'), 'compare adds what changed');
  const totals = blocksOf(doc, 'summary').find((b) => b.type === 'table');
  assert.deepEqual(totals.columns.map((c) => c.key), ['measure', 'year', 'year', 'total']);
  assert.deepEqual(totals.columns.map((c) => c.label).slice(1, 3), ['2025', '2026']);
  // Every total cell equals the report's, year by year.
  const report = inv.report({ from: 2025, to: 2026, by: ['year'] });
  const expected = report.lines.map((l) => l.gross);
  assert.equal(expected.length, 2);
  assert.ok(
    totals.rows.some((r) => r[1] === expected[0] && r[2] === expected[1] && r[3] === report.total.gross),
    JSON.stringify(totals.rows),
  );
  assert.ok(totals.rows.every((r) => typeof r[0] === 'string' && /^-?\d+\.\d\d$/.test(r[1])));
  const text = textOf(doc);
  assert.ok(text.includes('Kommunstyrelsen') && text.includes('Miljöförvaltningen'));
  assert.ok(!text.includes('Anna Andersson') && !text.includes('Pia Persson'));
  assert.ok(text.includes('Nytt nätverk'));
  for (const t of tablesOf(doc)) {
    for (const row of [...t.rows, ...t.footer]) assert.equal(row.length, t.columns.length, t.key);
  }
});

test('board names people only with show_names, and leaves what it is told', () => {
  const inv = load('new.json');
  const named = inv.board({ from: 2025, to: 2025, show_names: true, today: new Date(2025, 2, 1), lang: 'en' });
  assert.equal(named.lang, 'en');
  assert.ok(textOf(named).includes('Anna Andersson'));
  const recommended = inv.board({ from: 2025, to: 2026, today: '2024-09-01', lang: 'en' });
  const chosen = inv.board({ from: 2025, to: 2026, leave: ['eurocities'], today: '2024-09-01', lang: 'en' });
  assert.notDeepEqual(blocksOf(chosen, 'leave'), blocksOf(recommended, 'leave'));
  assert.deepEqual(inv.board({ from: 2025, to: 2026, leave: 'recommended', today: '2024-09-01', lang: 'en' }), recommended);
});

test('board refuses bad options', () => {
  const inv = load('new.json');
  assert.throws(() => inv.board({ from: 2026, to: 2025 }));
  assert.throws(() => inv.board({ from: 2025, to: 2025, today: '2025-02-30' }), /today/);
  assert.throws(() => inv.board({ from: 2025, to: 2025, lang: 'de' }));
  assert.throws(() => inv.board({ from: 2025, to: 2025, scope: 'central' }));
  assert.throws(() => inv.board({ from: 2025, to: 2025, show_names: 'yes' }), /show_names/);
  assert.throws(() => inv.board({ from: 2025, to: 2025, leave: [1] }), /leave/);
  assert.throws(() => inv.board({ from: 2025, to: 2025, leave: ['no-such-network'] }));
  assert.throws(() => inv.board({ from: 2025, to: 2025, compare: 'old.json' }), TypeError);
  assert.throws(() => inv.board(2025), TypeError);
  const eur = Inventory.fromJson(
    fs.readFileSync(path.join(ROOT, 'tests/board/old.json'), 'utf8').replaceAll('"SEK"', '"EUR"'),
  );
  assert.throws(() => inv.board({ from: 2025, to: 2025, compare: eur }), (e) => /EUR/.test(e.message) && /SEK/.test(e.message));
});
