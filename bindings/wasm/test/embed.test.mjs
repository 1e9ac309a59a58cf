// The widget embedded as a city web page does it (issue 14): under a strict
// Content-Security-Policy, with src on another origin, and twice on one page.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { serve, browser, openPage, ROOT, STRICT_CSP } from './server.mjs';
import { generateInventory } from './generate.mjs';
import { VOCABULARY } from '../js/vocabulary.js';
import { init, Inventory } from '../js/natverk.js';

const SV = VOCABULARY.sv;
const EN = VOCABULARY.en;
const GOTEBORG = fs.readFileSync(path.join(ROOT, 'examples/goteborg.json'), 'utf8');
const WASM_PATH = '/bindings/wasm/pkg/natverk_wasm_bg.wasm';

function page(body, lang = 'sv') {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>natverk test</title>
<link rel="icon" href="/examples/widget/favicon.svg">
<script type="module" src="/bindings/wasm/js/widget.js"></script></head><body><main>${body}</main></body></html>`;
}

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => String(values[k]));
const widget = (p, i = 0) => p.locator('natverk-inventory').nth(i);
const settled = (w) => w.locator('div.equality section').waitFor();

let chrome;
before(async () => {
  chrome = await browser();
  await init();
});
after(async () => {
  await chrome?.close();
});

describe('a strict Content-Security-Policy', () => {
  let strict, open, noWasm;
  before(async () => {
    const csp = () => ({ 'content-security-policy': STRICT_CSP });
    strict = await serve({}, { headers: csp });
    open = await serve();
    noWasm = await serve({}, { headers: () => ({ 'content-security-policy': "default-src 'self'; style-src 'self'" }) });
  });
  after(async () => {
    await strict?.close();
    await open?.close();
    await noWasm?.close();
  });

  // What the widget looks like, element by element: the computed styles of
  // representative parts of each shadow root.
  const styles = (p) =>
    p.evaluate(() => {
      const props = ['display', 'color', 'background-color', 'font-size', 'font-weight', 'padding-top', 'border-bottom-width', 'text-align', 'fill', 'white-space'];
      const parts = ['section.natverk', 'h2', 'form', 'form button', 'label', 'table.lines caption', 'table.lines thead th', 'table.lines tbody th',
        'table.lines tbody tr:nth-child(2)', 'table.lines td.num', 'table.lines td.strong', 'table.lines tfoot td', 'details.warnings summary',
        'details.columns', 'svg', 'svg rect.bar', 'svg text', 'table.equality td', 'p.note'];
      return [...document.querySelectorAll('natverk-inventory')].map((el) => {
        const out = { host: Object.fromEntries(props.map((k) => [k, getComputedStyle(el).getPropertyValue(k)])) };
        for (const sel of parts) {
          const node = el.shadowRoot.querySelector(sel);
          out[sel] = node ? Object.fromEntries(props.map((k) => [k, getComputedStyle(node).getPropertyValue(k)])) : null;
        }
        return out;
      });
    });

  test('the example renders styled with zero violations, and looks exactly as without the policy', async () => {
    const problems = [];
    const p = await openPage(chrome, `${strict.url}/examples/widget/`, problems);
    for (const i of [0, 1]) await settled(widget(p, i));
    await widget(p).locator('details.warnings[data-count]').waitFor();
    assert.deepEqual(await p.evaluate(() => window.__violations), []);
    assert.deepEqual(problems, []);
    // Styled: the stylesheet applied (not the browser's defaults).
    const button = await widget(p).locator('form button').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(button, 'rgb(31, 78, 140)');
    // No inline style or script anywhere in the widget.
    const inline = await p.evaluate(() =>
      [...document.querySelectorAll('natverk-inventory')].map((el) => ({
        styleAttrs: el.shadowRoot.querySelectorAll('[style]').length + (el.hasAttribute('style') ? 1 : 0),
        styleElements: el.shadowRoot.querySelectorAll('style, link').length,
        scripts: el.shadowRoot.querySelectorAll('script').length,
        adopted: el.shadowRoot.adoptedStyleSheets.length,
      })),
    );
    for (const w of inline) assert.deepEqual(w, { styleAttrs: 0, styleElements: 0, scripts: 0, adopted: 1 });
    const withPolicy = await styles(p);
    await p.close();

    const q = await openPage(chrome, `${open.url}/examples/widget/`, problems);
    for (const i of [0, 1]) await settled(widget(q, i));
    const without = await styles(q);
    await q.close();
    assert.equal(withPolicy.length, 2);
    for (const w of withPolicy) for (const [sel, v] of Object.entries(w)) assert.ok(v, `${sel} is rendered`);
    assert.deepEqual(withPolicy, without);
    assert.deepEqual(problems, []);
  });

  test("without 'wasm-unsafe-eval' the widget says what the page must allow", async () => {
    const problems = [];
    const p = await openPage(chrome, `${noWasm.url}/examples/widget/`, problems);
    const alert = widget(p).locator('[role=alert]');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.ok(text.startsWith(SV['ui.file_failed']), text);
    assert.ok(text.includes("'wasm-unsafe-eval'") && text.includes('application/wasm'), text);
    // The one violation is the module's compilation.
    const violations = await p.evaluate(() => window.__violations);
    assert.ok(violations.length >= 1 && violations.every((v) => v.startsWith('script-src')), violations.join());
    await p.close();
  });
});

describe('src on another origin', () => {
  let home, plain, cors, strict, gone;
  const srcs = {};
  before(async () => {
    plain = await serve(); // another origin (port), no CORS headers
    cors = await serve({}, { headers: () => ({ 'access-control-allow-origin': '*' }) });
    gone = await serve();
    await gone.close(); // nothing answers on its port any more
    srcs.plain = `${plain.url}/examples/goteborg.json`;
    srcs.cors = `${cors.url}/examples/goteborg.json`;
    srcs.gone = `${gone.url}/goteborg.json`;
    const one = (src, lang) => page(`<natverk-inventory src="${src}" from="2024" to="2025" lang="${lang}"></natverk-inventory>`, lang);
    home = await serve({
      '/t/plain-sv.html': one(srcs.plain, 'sv'),
      '/t/plain-en.html': one(srcs.plain, 'en'),
      '/t/cors.html': one(srcs.cors, 'sv'),
      '/t/gone.html': one(srcs.gone, 'en'),
    });
    strict = await serve({ '/t/csp.html': one(srcs.cors, 'sv') }, { headers: () => ({ 'content-security-policy': STRICT_CSP }) });
  });
  after(async () => {
    for (const s of [home, plain, cors, strict]) await s?.close();
  });

  async function alertOf(url) {
    const p = await openPage(chrome, url, []);
    const alert = widget(p).locator('[role=alert]');
    await alert.waitFor();
    const text = await alert.innerText();
    await p.close();
    return text;
  }

  test('without CORS: says so in plain words, Swedish and English', async () => {
    for (const [lang, words] of [['sv', SV], ['en', EN]]) {
      const text = await alertOf(`${home.url}/t/plain-${lang}.html`);
      assert.ok(text.startsWith(words['ui.fetch_failed']), text);
      assert.ok(text.includes(fill(words['ui.cors_blocked'], { url: srcs.plain, origin: plain.origin, page: home.origin })), text);
    }
    // The server was asked (the probe is how the widget knows it answers).
    assert.ok((plain.hits.get('/examples/goteborg.json') ?? 0) >= 2);
  });

  test('with CORS allowed: renders', async () => {
    const problems = [];
    const p = await openPage(chrome, `${home.url}/t/cors.html`, problems);
    await widget(p).locator('table.lines tbody tr').first().waitFor();
    assert.equal((await widget(p).evaluate((el) => el.report)).organisation, 'Göteborgs Stad');
    assert.deepEqual(problems, []);
    await p.close();
  });

  test('a server that does not answer is not called a CORS problem', async () => {
    const text = await alertOf(`${home.url}/t/gone.html`);
    assert.ok(text.includes(fill(EN['ui.unreachable'], { url: srcs.gone })), text);
  });

  test("refused by the page's own policy (connect-src): says which", async () => {
    const text = await alertOf(`${strict.url}/t/csp.html`);
    assert.ok(text.includes(fill(SV['ui.csp_blocked'], { url: srcs.cors, origin: cors.origin })), text);
  });
});

describe('two widgets on one page', () => {
  let srv;
  const big = JSON.stringify(generateInventory(40));
  before(async () => {
    srv = await serve({
      '/t/big.json': big,
      '/t/two.html': page(
        '<natverk-inventory id="a" src="/examples/goteborg.json" from="2024" to="2024" by="network" lang="sv"></natverk-inventory>' +
          '<natverk-inventory id="b" src="/examples/goteborg.json" from="2025" to="2026" scope="central" by="subject,year" lang="en"></natverk-inventory>' +
          '<natverk-inventory id="c" src="/t/big.json" from="2024" to="2025" by="unit"></natverk-inventory>',
      ),
    });
  });
  after(async () => {
    await srv?.close();
  });

  test('share one instantiated module, one fetch per file, and each renders its own options', async () => {
    const problems = [];
    const p = await chrome.context.newPage();
    // Count every way a page can compile or instantiate WebAssembly.
    await p.addInitScript(() => {
      window.__wasm = 0;
      for (const name of ['instantiate', 'instantiateStreaming', 'compile', 'compileStreaming']) {
        const original = WebAssembly[name];
        WebAssembly[name] = function (...args) {
          window.__wasm++;
          return original.apply(this, args);
        };
      }
      const Module = WebAssembly.Module;
      WebAssembly.Module = function (...args) {
        window.__wasm++;
        return new Module(...args);
      };
    });
    p.on('pageerror', (e) => problems.push(e.message));
    await p.goto(`${srv.url}/t/two.html`);
    for (const i of [0, 1, 2]) await settled(widget(p, i));
    assert.equal(await p.evaluate(() => window.__wasm), 1, 'one compilation and instantiation');
    assert.equal(srv.hits.get(WASM_PATH), 1, 'the .wasm fetched once');
    assert.equal(srv.hits.get('/examples/goteborg.json'), 1, 'one fetch for the two elements showing the same file');
    assert.equal(srv.hits.get('/t/big.json'), 1);

    // Each element's report is exactly the core's for its own options.
    const expect = [
      [GOTEBORG, { from: 2024, to: 2024, scope: 'all', by: ['network'] }],
      [GOTEBORG, { from: 2025, to: 2026, scope: 'central', by: ['subject', 'year'] }],
      [big, { from: 2024, to: 2025, scope: 'all', by: ['unit'] }],
    ];
    for (const [i, [file, opts]] of expect.entries()) {
      const got = await widget(p, i).evaluate((el) => el.report);
      assert.deepEqual(got, Inventory.fromJson(file).report(opts), `widget ${i}`);
      const eq = await widget(p, i).evaluate((el) => el.equality);
      assert.deepEqual(eq, Inventory.fromJson(file).equality({ from: opts.from, to: opts.to, scope: opts.scope }));
    }
    const firstHeader = (i) => widget(p, i).locator('table.lines thead th').first().innerText();
    assert.ok((await firstHeader(0)).startsWith(SV['key.network']));
    assert.ok((await firstHeader(1)).startsWith(EN['key.subject']));
    assert.ok((await firstHeader(2)).startsWith(SV['key.unit']));
    // Changing one element leaves the other alone.
    const before = await widget(p, 0).evaluate((el) => el.report);
    await widget(p, 1).evaluate((el) => el.setAttribute('from', '2024'));
    await p.waitForFunction(() => document.querySelector('#b').report?.from === 2024);
    assert.deepEqual(await widget(p, 0).evaluate((el) => el.report), before);
    assert.equal(srv.hits.get('/examples/goteborg.json'), 1);
    assert.deepEqual(problems, []);
    await p.close();
  });
});
