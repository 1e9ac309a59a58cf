// The JS API over the shared conformance corpus (tests/conformance/cases.json)
// and the binding's own cases: errors are Error objects with findings, bad
// input never kills the module.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { init, Inventory, InventoryError, version } from '../js/natverk.js';
import { generateInventory } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CASES = path.join(ROOT, 'tests/conformance/cases.json');
const GOTEBORG = path.join(ROOT, 'examples/goteborg.json');

before(async () => {
  await init();
});

// The §7.2 object of a thrown error.
function findingsOf(err) {
  const findings = err.findings;
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { findings, errors, warnings: findings.length - errors };
}

function run(c) {
  const input = new Uint8Array(fs.readFileSync(path.join(ROOT, c.input)));
  switch (c.op) {
    case 'check':
      return Inventory.checkJson(input, c.options);
    case 'load':
      // The corpus's load cases are failures (their findings are compared);
      // the JS API does not re-serialise an inventory.
      Inventory.fromJson(input);
      return { loaded: true };
    case 'report':
      return Inventory.fromJson(input).report(c.options);
    case 'equality':
      return Inventory.fromJson(input).equality(c.options);
    default:
      throw new Error(`unknown op ${c.op} in ${c.name}`);
  }
}

describe('conformance corpus', () => {
  if (!fs.existsSync(CASES)) {
    test('tests/conformance/cases.json', { skip: `${path.relative(ROOT, CASES)} does not exist yet: no shared cases to run` }, () => {});
    return;
  }
  const { cases } = JSON.parse(fs.readFileSync(CASES, 'utf8'));
  assert.ok(Array.isArray(cases) && cases.length > 0, 'cases.json has cases');
  for (const c of cases) {
    if (c.op === 'merge') {
      // Merging files (SPEC §15) is in the command line and Python only.
      test(c.name, { skip: 'merge is not in the JavaScript API' }, () => {});
      continue;
    }
    test(c.name, () => {
      const expected = JSON.parse(fs.readFileSync(path.join(ROOT, c.expected), 'utf8'));
      if (c.error && c.op !== 'check') {
        let thrown;
        try {
          run(c);
        } catch (e) {
          thrown = e;
        }
        assert.ok(thrown, `${c.name}: expected an error`);
        assert.ok(thrown instanceof InventoryError && thrown instanceof Error, `${c.name}: ${thrown}`);
        assert.deepEqual(findingsOf(thrown), expected);
      } else {
        assert.deepEqual(run(c), expected);
      }
    });
  }
});

const MODELLKONCEPT = JSON.stringify({
  format: 'natverk/1',
  organisation: { name: 'Göteborgs Stad', currency: 'SEK', population: 604616 },
  units: [{ id: 'slk', name: 'Stadsledningskontoret', central: true }],
  fee_schedules: [{ id: 'skr', tiers: [{ max_population: 100000, amount: 30000 }, { amount: 65000 }] }],
  networks: [
    {
      id: 'modellkoncept',
      name: 'Modellkoncept för jämställdhet',
      kind: 'programme',
      subjects: ['jämställdhet'],
      unit: 'slk',
      start: '2024-03-01',
      end: '2025-12-31',
      costs: [{ kind: 'fee', schedule: 'skr' }],
      financing: [{ funder: 'Länsstyrelsen', status: 'expected', probability: '0.8' }],
    },
  ],
});

describe('Inventory', () => {
  test('report is the SPEC §5.1 object with money as strings', () => {
    const inv = Inventory.fromJson(MODELLKONCEPT);
    const r = inv.report({ from: 2024, to: 2025, scope: 'central', by: ['subject'] });
    assert.deepEqual(r, {
      organisation: 'Göteborgs Stad',
      currency: 'SEK',
      from: 2024,
      to: 2025,
      scope: 'central',
      by: ['subject'],
      lines: [
        {
          subject: 'jämställdhet',
          fees: '130000.00', time: '0.00', travel: '0.00', other: '0.00', gross: '130000.00',
          granted: '0.00', expected: '104000.00', net: '130000.00', expected_net: '26000.00',
        },
      ],
      total: {
        fees: '130000.00', time: '0.00', travel: '0.00', other: '0.00', gross: '130000.00',
        granted: '0.00', expected: '104000.00', net: '130000.00', expected_net: '26000.00',
      },
    });
    assert.equal(Object.getPrototypeOf(r), Object.prototype, 'a plain object');
  });

  test('leave adds savings', () => {
    const inv = Inventory.fromJson(MODELLKONCEPT);
    const r = inv.report({ from: 2024, to: 2025, leave: ['modellkoncept'], leave_from: 2025 });
    assert.equal(r.savings.fees, '65000.00');
    assert.equal(r.total.fees, '65000.00');
    assert.deepEqual(Object.keys(r.savings).sort(), ['expected', 'expected_net', 'fees', 'granted', 'gross', 'net', 'other', 'time', 'travel']);
  });

  test('public() gives the public file: the same reports, no names, rates or hours (SPEC §13)', () => {
    const text = fs.readFileSync(GOTEBORG, 'utf8');
    const inv = Inventory.fromJson(text);
    const pub = inv.public();
    const json = pub.toJson();
    for (const p of JSON.parse(text).people) {
      if (p.name) assert.ok(!json.includes(p.name), `${p.name} is published`);
    }
    assert.ok(!json.includes('hourly_cost') && !json.includes('hours_per_year'));
    for (const o of [
      { from: 2024, to: 2025 },
      { from: 2023, to: 2027, by: ['subject', 'year'], leave: 'recommended', leave_from: 2025 },
      { from: 2026, to: 2026, scope: 'central', by: ['unit'] },
    ]) {
      assert.deepEqual(pub.report(o), inv.report(o));
    }
    assert.deepEqual(Inventory.fromJson(json).report({ from: 2024, to: 2025 }), inv.report({ from: 2024, to: 2025 }));
    assert.deepEqual(pub.equality({ from: 2024, to: 2025 }).networks, inv.equality({ from: 2024, to: 2025 }).networks);
  });

  test('equality is the SPEC §7.1 object', () => {
    const inv = Inventory.fromJson(fs.readFileSync(GOTEBORG, 'utf8'));
    const e = inv.equality({ from: 2024, to: 2025 });
    assert.deepEqual(Object.keys(e), [
      'organisation', 'currency', 'from', 'to', 'scope', 'seats', 'persons', 'seats_by_role', 'persons_by_role',
      'seats_by_side', 'persons_by_side', 'hours', 'time_cost', 'networks',
    ]);
    assert.equal(typeof e.seats.woman, 'number');
    assert.match(e.hours.woman, /^\d+\.\d\d$/);
    const ids = e.networks.map((n) => n.network);
    assert.deepEqual(ids, [...ids].sort());
  });

  test('check gives warnings judged against today (string or Date)', () => {
    const inv = Inventory.fromJson(fs.readFileSync(GOTEBORG, 'utf8'));
    const before = inv.check({ today: '2023-11-20' });
    assert.equal(before.errors, 0);
    assert.ok(before.findings.some((f) => f.code === 'deadline_soon'), JSON.stringify(before));
    const after = inv.check({ today: new Date(2023, 11, 9) });
    assert.ok(after.findings.some((f) => f.code === 'deadline_passed'));
    assert.ok(!after.findings.some((f) => f.code === 'deadline_soon'));
    assert.equal(after.warnings, after.findings.length);
    const now = inv.check();
    assert.equal(now.errors, 0);
  });

  test('checkJson reports every error of a bad file without throwing', () => {
    const bad = '{"format": "natverk/1", "organisation": {"name": "X", "currency": "sek"}, "networks": [{"id": "a", "nmae": "A", "start": "2024-13-01"}]}';
    const r = Inventory.checkJson(bad, { today: '2024-01-01' });
    assert.deepEqual(r.findings.map((f) => f.code), ['invalid_value', 'unknown_field', 'invalid_value', 'missing_field']);
    assert.equal(r.errors, 4);
    assert.match(r.findings[1].message, /did you mean `name`/);
  });

  test('a bad file throws an InventoryError (an Error) with every finding', () => {
    const bad = '{"format": "natverk/1", "organisation": {"name": "X", "currency": "sek"}, "networks": [{"id": "a", "nmae": "A", "start": "2024-13-01"}]}';
    assert.throws(
      () => Inventory.fromJson(bad),
      (e) => {
        assert.ok(e instanceof Error);
        assert.ok(e instanceof InventoryError);
        assert.equal(e.name, 'InventoryError');
        assert.match(e.message, /^the inventory has 4 problems/);
        assert.equal(e.findings.length, 4);
        assert.equal(e.findings[1].path, 'networks[0].nmae');
        assert.equal(e.findings[1].severity, 'error');
        assert.ok(e.stack);
        return true;
      },
    );
  });

  test('the findings of a failed load, report or statistics are in `lang` (SPEC §11)', () => {
    const bad = '{"format": "natverk/1", "organisation": {"name": "X", "currency": "sek"}, "networks": [{"id": "a", "nmae": "A", "start": "2024-13-01"}]}';
    const findings = (fn) => {
      try {
        fn();
      } catch (e) {
        assert.ok(e instanceof InventoryError, String(e));
        return e.findings;
      }
      assert.fail('no error');
    };
    const en = findings(() => Inventory.fromJson(bad));
    assert.deepEqual(findings(() => Inventory.fromJson(bad, { lang: 'en' })), en);
    const sv = findings(() => Inventory.fromJson(bad, { lang: 'sv' }));
    // the same findings, each message in Swedish
    assert.deepEqual(sv.map((f) => [f.code, f.path]), en.map((f) => [f.code, f.path]));
    for (let i = 0; i < sv.length; i++) assert.notEqual(sv[i].message, en[i].message);
    assert.ok(sv.some((f) => f.message.includes('menar du `name`')), JSON.stringify(sv));
    assert.ok(en.some((f) => f.message.includes('did you mean `name`')), JSON.stringify(en));
    // a report or statistics that fails: `lang` is not an option of the core's
    const inv = Inventory.fromJson(MODELLKONCEPT);
    for (const call of [(o) => inv.report(o), (o) => inv.equality(o)]) {
      const [svTo, enTo] = ['sv', 'en'].map((lang) => findings(() => call({ from: 2025, to: 2024, lang })));
      assert.equal(svTo[0].path, enTo[0].path);
      assert.match(svTo[0].message, /ligger före/);
      assert.match(enTo[0].message, /is before/);
    }
    // a language that is not one is refused, not ignored
    assert.throws(() => Inventory.fromJson(bad, { lang: 'fr' }), TypeError);
    assert.throws(() => inv.report({ from: 2024, to: 2024, lang: 'SV' }), TypeError);
    assert.equal(inv.report({ from: 2024, to: 2024, lang: 'sv' }).from, 2024);
  });

  test('a syntax error carries line and column', () => {
    assert.throws(
      () => Inventory.fromJson('{\n  "format": "natverk/1",\n  "organisation": }'),
      (e) => e.findings[0].code === 'syntax' && e.findings[0].line === 3 && typeof e.findings[0].column === 'number',
    );
  });

  test('bad options throw with findings at `options`', () => {
    const inv = Inventory.fromJson(MODELLKONCEPT);
    for (const opts of [undefined, null, 42, 'x', [], { from: 2024 }, { from: 2024, to: 2025, bye: ['x'] }, { from: 2024, to: 2025, by: ['colour'] }, { from: '2024', to: 2025 }]) {
      assert.throws(
        () => inv.report(opts),
        (e) => e instanceof InventoryError && e.findings.length >= 1 && e.findings[0].path.startsWith('options'),
        JSON.stringify(opts),
      );
    }
    assert.throws(() => inv.equality({ from: 2024, to: 2025, by: ['subject'] }), InventoryError);
    assert.throws(() => inv.check({ today: '2024-02-30' }), (e) => e.findings[0].path === 'options.today');
    assert.throws(() => inv.check({ tday: '2024-02-01' }), (e) => /unknown field `tday`/.test(e.message));
    assert.throws(() => Inventory.checkJson('{}', { today: 20240101 }), InventoryError);
  });

  test('check takes {today, lang}: lang is sv or en, and every bad option is reported at once', () => {
    const inv = Inventory.fromJson(MODELLKONCEPT);
    const en = inv.check({ today: '2023-11-20', lang: 'en' });
    const sv = inv.check({ today: '2023-11-20', lang: 'sv' });
    assert.ok(en.findings.length > 0);
    // The same findings in either language (codes, paths, severities); the
    // messages are the core's (English until it writes them in Swedish).
    const shape = (r) => r.findings.map((f) => [f.code, f.path, f.severity]);
    assert.deepEqual(shape(sv), shape(en));
    assert.deepEqual(shape(inv.check({ today: '2023-11-20' })), shape(en));
    assert.deepEqual(shape(Inventory.checkJson(MODELLKONCEPT, { today: '2023-11-20', lang: 'sv' })), shape(en));
    assert.throws(() => inv.check({ lang: 'de' }), (e) => e instanceof InventoryError && e.findings[0].path === 'options.lang' && /`de`/.test(e.message));
    assert.throws(() => inv.check({ lang: 1 }), (e) => e.findings[0].path === 'options.lang');
    assert.throws(
      () => inv.check({ today: 'x', lang: 'fi', extra: 1 }),
      (e) => e.findings.length === 3 && e.findings.map((f) => f.path).sort().join() === 'options,options.lang,options.today',
    );
  });

  test('a report that needs a missing rate fails with findings', () => {
    const inv = Inventory.fromJson(JSON.stringify({
      format: 'natverk/1',
      organisation: { name: 'X', currency: 'SEK' },
      exchange_rates: [{ currency: 'EUR', year: 2024, rate: '11.43' }],
      networks: [{ id: 'e', name: 'E', start: '2020-01-01', costs: [{ kind: 'membership', amount: '1000', currency: 'EUR' }] }],
    }));
    assert.equal(inv.report({ from: 2024, to: 2024 }).total.fees, '11430.00');
    assert.throws(() => inv.report({ from: 2022, to: 2024 }), (e) => e.findings.every((f) => f.code === 'missing_rate') && e.findings.length === 2);
  });

  test('non-text input is refused with a finding', () => {
    for (const v of [undefined, null, 42, {}, [1, 2]]) {
      assert.throws(() => Inventory.fromJson(v), (e) => e instanceof InventoryError && e.findings[0].code === 'invalid_value');
    }
  });

  test('bytes: a BOM is allowed; ArrayBuffer works', () => {
    const bytes = new TextEncoder().encode('\uFEFF' + MODELLKONCEPT);
    assert.equal(Inventory.fromJson(bytes).report({ from: 2024, to: 2024 }).total.fees, '65000.00');
    assert.equal(Inventory.fromJson(bytes.buffer).report({ from: 2024, to: 2024 }).total.fees, '65000.00');
  });

  test('hostile input never kills the module; the next call still works', () => {
    const hostile = [
      new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0x22]), // invalid UTF-8
      new Uint8Array([0x7b, 0x22, 0x66, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]), // bad sequence inside a key
      '['.repeat(200000),
      '['.repeat(5000) + ']'.repeat(5000),
      '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
      '',
      '\u0000',
      'null',
      '{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK", "population": 1e999999}}',
      '{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"}, "networks": [{"id": "a", "name": "A", "start": "2024-01-01", "costs": [{"kind": "fee", "amount": "79228162514264337593543950335"}, {"kind": "fee", "amount": "79228162514264337593543950335"}]}]}',
      '{"format": "natverk/1", "format": "natverk/1"}',
      '{"format": "natverk/1", "organisation": {"name": "\uD800", "currency": "SEK"}}',
      new Uint8Array(1 << 16).fill(0x20),
    ];
    for (const input of hostile) {
      const label = typeof input === 'string' ? input.slice(0, 40) : `bytes ${input.length}`;
      const r = Inventory.checkJson(input, { today: '2024-01-01' });
      assert.ok(r.findings.length >= 1 || r.errors === 0, label);
      let inv = null;
      try {
        inv = Inventory.fromJson(input);
      } catch (e) {
        assert.ok(e instanceof InventoryError, `${label}: ${e}`);
        assert.ok(e.findings.length >= 1, label);
      }
      if (inv) {
        // Loaded (e.g. overflow is a report-time problem): reporting must not panic either.
        try {
          inv.report({ from: 2024, to: 2024 });
        } catch (e) {
          assert.ok(e instanceof InventoryError, `${label}: ${e}`);
        }
      }
      // The module is still alive.
      assert.equal(Inventory.fromJson(MODELLKONCEPT).report({ from: 2024, to: 2024 }).total.fees, '65000.00', label);
    }
  });

  test('overflow is an error, never a panic', () => {
    const big = '79228162514264337593543950335';
    const inv = Inventory.fromJson(JSON.stringify({
      format: 'natverk/1',
      organisation: { name: 'X', currency: 'SEK' },
      networks: [{ id: 'a', name: 'A', start: '2024-01-01', costs: [{ kind: 'fee', amount: big }, { kind: 'fee', amount: big }] }],
    }));
    assert.throws(() => inv.report({ from: 2024, to: 2024 }), (e) => e.findings.some((f) => f.code === 'overflow'));
    assert.equal(Inventory.fromJson(MODELLKONCEPT).report({ from: 2024, to: 2024 }).total.fees, '65000.00');
  });

  test('a generated 1 000-network inventory reports by every key', () => {
    const inv = Inventory.fromJson(JSON.stringify(generateInventory(1000)));
    const r = inv.report({ from: 2024, to: 2025, by: ['network'] });
    assert.ok(r.lines.length >= 1000);
    const r2 = inv.report({ from: 2024, to: 2025, by: ['subject', 'year'] });
    // Subject parts add up exactly to the total by network (exact decimals, in cents).
    const sum = (lines) => lines.reduce((a, l) => a + BigInt(l.net.replace('.', '')), 0n);
    assert.equal(sum(r2.lines), sum(r.lines));
    assert.equal(r2.total.net, r.total.net);
    for (const by of ['organiser', 'unit', 'kind', 'status', 'year']) inv.report({ from: 2024, to: 2025, by: [by] });
  });

  test('version', () => {
    assert.match(version(), /^\d+\.\d+\.\d+/);
  });

  test('free releases the instance', () => {
    const inv = Inventory.fromJson(MODELLKONCEPT);
    inv.free();
    assert.throws(() => inv.report({ from: 2024, to: 2024 }));
  });
});
