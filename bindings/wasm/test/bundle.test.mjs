// The npm package as a web team consumes it (issue 14): `npm pack`, install
// the tarball into a scratch Vite project in a temporary folder, `vite
// build`, serve the build under the strict policy and see the widget render
// from the bundle, its .wasm included.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve, browser, openPage, ROOT, STRICT_CSP } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const PKG = path.resolve(here, '..');
const VITE = path.join(PKG, 'node_modules/vite/bin/vite.js');
const ARTIFACTS = path.join(ROOT, 'tests/artifacts');

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let dir, srv, chrome;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'natverk-vite-'));
});

after(async () => {
  await chrome?.close();
  await srv?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the npm package in a Vite project', () => {
  let tarball;

  test('npm pack gives a tarball with the module, the widget, the types and the .wasm', () => {
    const out = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], PKG));
    tarball = path.join(dir, out[0].filename);
    assert.ok(fs.existsSync(tarball));
    const files = out[0].files.map((f) => f.path).sort();
    for (const f of ['package.json', 'README.md', 'js/natverk.js', 'js/natverk.d.ts', 'js/widget.js', 'js/widget.d.ts', 'js/style.js', 'js/vocabulary.js', 'js/vocabulary.d.ts',
      'pkg/natverk_wasm.js', 'pkg/natverk_wasm_bg.wasm']) {
      assert.ok(files.includes(f), `${f} in ${files.join(', ')}`);
    }
    assert.ok(!files.some((f) => f.startsWith('test/') || f.startsWith('node_modules/') || f.startsWith('src/')), files.join(', '));
  });

  test('vite build bundles it; the built page renders the widget under the strict policy', async () => {
    assert.ok(tarball, 'the tarball of the previous test');
    const app = path.join(dir, 'app');
    fs.mkdirSync(path.join(app, 'public'), { recursive: true });
    fs.writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify({ name: 'city-site', private: true, type: 'module', dependencies: { natverk: `file:${tarball}` } }, null, 2),
    );
    // The page and its entry as the README tells a web team to write them.
    fs.writeFileSync(
      path.join(app, 'index.html'),
      `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Nätverk</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="/main.js"></script></head>
<body><main><natverk-inventory src="/data/goteborg.json" from="2024" to="2025"></natverk-inventory>
<p id="api"></p></main></body></html>`,
    );
    fs.writeFileSync(
      path.join(app, 'main.js'),
      `import 'natverk/widget';
import { init, Inventory } from 'natverk';
await init();
const inv = Inventory.fromJson(await (await fetch('/data/goteborg.json')).text());
document.querySelector('#api').textContent = inv.report({ from: 2024, to: 2025 }).total.net;
`,
    );
    fs.mkdirSync(path.join(app, 'public/data'));
    fs.copyFileSync(path.join(ROOT, 'examples/goteborg.json'), path.join(app, 'public/data/goteborg.json'));
    fs.copyFileSync(path.join(ROOT, 'examples/widget/favicon.svg'), path.join(app, 'public/favicon.svg'));

    // The tarball has no dependencies: installing it needs no registry.
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], app);
    run(process.execPath, [VITE, 'build', '--logLevel', 'warn'], app);
    const dist = path.join(app, 'dist');
    const assets = fs.readdirSync(path.join(dist, 'assets'));
    const wasm = assets.filter((f) => f.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `one .wasm asset in ${assets.join(', ')}`);
    assert.deepEqual(
      fs.readFileSync(path.join(dist, 'assets', wasm[0])),
      fs.readFileSync(path.join(PKG, 'pkg/natverk_wasm_bg.wasm')),
      'the bundled .wasm is the package one',
    );

    srv = await serve({}, { root: dist, headers: () => ({ 'content-security-policy': STRICT_CSP }), cache: 'public, max-age=31536000, immutable' });
    chrome = await browser();
    const problems = [];
    const p = await openPage(chrome, `${srv.url}/`, problems);
    const w = p.locator('natverk-inventory');
    await w.locator('table.lines tbody tr').first().waitFor();
    await w.locator('div.equality section').waitFor();
    const report = await w.evaluate((el) => el.report);
    assert.equal(report.organisation, 'Göteborgs Stad');
    await p.locator('#api').filter({ hasText: /\d+\.\d\d/ }).waitFor();
    assert.equal(await p.locator('#api').textContent(), report.total.net);
    assert.equal(srv.hits.get(`/assets/${wasm[0]}`), 1, 'the .wasm came from the bundle');
    assert.ok(![...srv.hits.keys()].some((k) => k.includes('node_modules') || k.includes('/pkg/')), [...srv.hits.keys()].join(', '));
    assert.deepEqual(await p.evaluate(() => window.__violations), []);
    assert.deepEqual(problems, []);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await p.screenshot({ path: path.join(ARTIFACTS, 'widget-vite.png'), fullPage: true });
    await p.close();
  });
});
