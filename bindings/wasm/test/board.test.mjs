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
