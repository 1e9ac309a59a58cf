// The vocabulary (js/vocabulary.js) and the widget's use of it: both
// languages name the same keys with the same placeholders, every key the
// widget asks for exists, and widget.js restates no label of its own.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { VOCABULARY, MONEY_FIELDS, DEFAULT_MONEY_COLUMNS } from '../js/vocabulary.js';
import { init, Inventory } from '../js/natverk.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const WIDGET = fs.readFileSync(path.join(here, '../js/widget.js'), 'utf8');
const PREFIXES = ['money', 'key', 'kind', 'status', 'scope', 'gender', 'role', 'side', 'person', 'severity', 'currency', 'ui'];

// widget.js without its comments, so only code is judged.
const CODE = WIDGET.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('vocabulary', () => {
  test('Swedish and English have the same keys, in the key scheme, with text', () => {
    const sv = Object.keys(VOCABULARY.sv).sort();
    const en = Object.keys(VOCABULARY.en).sort();
    assert.deepEqual(sv, en);
    assert.deepEqual(Object.keys(VOCABULARY).sort(), ['en', 'sv']);
    for (const key of sv) {
      assert.match(key, /^[a-z_]+(\.[a-z_0-9]+)+$/, key);
      for (const lang of ['sv', 'en']) assert.ok(VOCABULARY[lang][key].length > 0 && VOCABULARY[lang][key] === VOCABULARY[lang][key].replace(/^ +| +$/g, ''), `${lang} ${key}`);
    }
  });

  test('each text has the same placeholders in both languages', () => {
    for (const key of Object.keys(VOCABULARY.en)) {
      assert.deepEqual(placeholders(VOCABULARY.sv[key]), placeholders(VOCABULARY.en[key]), key);
    }
  });

  test('the words the brief fixes', () => {
    const sv = VOCABULARY.sv;
    assert.deepEqual(
      ['fees', 'time', 'travel', 'other', 'gross', 'granted', 'expected', 'net', 'expected_net'].map((m) => sv[`money.${m}`]),
      ['Avgifter', 'Arbetstid', 'Resor', 'Övrigt', 'Brutto', 'Beviljat', 'Förväntat', 'Netto', 'Förväntat netto'],
    );
    assert.deepEqual(
      ['network', 'name', 'subject', 'organiser', 'unit', 'kind', 'status', 'year'].map((k) => sv[`key.${k}`]),
      ['Nätverk', 'Namn', 'Sakområde', 'Huvudman', 'Enhet', 'Typ', 'Status', 'År'],
    );
    assert.equal(sv['scope.central'], 'Kommuncentrala nätverk');
    assert.deepEqual(['woman', 'man', 'other', 'unknown'].map((g) => sv[`gender.${g}`]), ['Kvinnor', 'Män', 'Annat', 'Okänt']);
    assert.deepEqual([sv['role.politician'], sv['role.official']], ['Politiker', 'Tjänstepersoner']);
  });

  test('every key the widget asks for exists', () => {
    // Literal keys: '<prefix>.<name>'; keys built from a prefix: `<prefix>.${...}`.
    const literal = [...CODE.matchAll(new RegExp(`'((?:${PREFIXES.join('|')})\\.[a-z_]+)'`, 'g'))].map((m) => m[1]);
    assert.ok(literal.length > 40, `found ${literal.length} keys`);
    for (const key of literal) assert.ok(Object.hasOwn(VOCABULARY.en, key), `${key} is used by widget.js but missing`);
    const built = new Set([...CODE.matchAll(/`((?:[a-z]+))\.\$\{/g)].map((m) => m[1]));
    for (const prefix of built) {
      assert.ok(PREFIXES.includes(prefix) || prefix === 'ui', `built key prefix ${prefix}`);
      assert.ok(Object.keys(VOCABULARY.en).some((k) => k.startsWith(`${prefix}.`)), prefix);
    }
    // Keys built from the file format's words cover every word.
    for (const w of ['network', 'membership', 'programme', 'partnership', 'declaration']) assert.ok(VOCABULARY.sv[`kind.${w}`]);
    for (const w of ['proposed', 'applied', 'active', 'dormant', 'ended', 'declined']) assert.ok(VOCABULARY.sv[`status.${w}`]);
    for (const w of ['woman', 'man', 'other', 'unknown', 'politician', 'official', 'majority', 'opposition']) assert.ok(VOCABULARY.sv[`person.${w}`]);
    for (const w of ['http_error', 'cors_blocked', 'csp_blocked', 'unreachable', 'wasm_failed']) assert.ok(VOCABULARY.sv[`ui.${w}`]);
  });

  test('the money fields and default columns are the core\'s (generated), and widget.js lists none of its own', async () => {
    await init();
    const inv = Inventory.fromJson(fs.readFileSync(path.join(here, '../../../examples/goteborg.json'), 'utf8'));
    const report = inv.report({ from: 2024, to: 2024 });
    assert.deepEqual(MONEY_FIELDS, Object.keys(report.total));
    for (const c of DEFAULT_MONEY_COLUMNS) assert.ok(MONEY_FIELDS.includes(c), c);
    for (const m of MONEY_FIELDS) assert.ok(VOCABULARY.sv[`money.${m}`] && VOCABULARY.en[`money.${m}`], m);
    assert.doesNotMatch(CODE, /\[\s*'fees'/);
  });

  test('widget.js writes no label of its own', () => {
    // No Swedish letters in code (every Swedish word is in the vocabulary).
    assert.doesNotMatch(CODE, /[åäöÅÄÖ]/);
    // No string literal that is a text of the vocabulary.
    const texts = new Set(Object.values(VOCABULARY.sv).concat(Object.values(VOCABULARY.en)).filter((t) => /[A-ZÅÄÖ ]/.test(t)));
    const literals = [...CODE.matchAll(/'([^'\\\n]*)'|"([^"\\\n]*)"/g)].map((m) => m[1] ?? m[2]);
    for (const lit of literals) assert.ok(!texts.has(lit), `widget.js restates the label '${lit}'`);
    // No literal sentence: a run of two or more capitalised or lower-case words outside keys, CSS and selectors.
    const sentences = literals.filter((l) => /^[A-Z][a-z]+( [a-z]+)+[.!?]?$/.test(l));
    assert.deepEqual(sentences, []);
  });
});
