// The READMEs' widget snippets work as written: the page of
// bindings/wasm/README.md, on a site laid out exactly as its self-hosting
// guide says (only the files it lists, its CSP line, its caching headers),
// with and without its preloads; and the snippet of the root README, served
// from the repository.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { serve, browser, openPage, ROOT, STRICT_CSP } from './server.mjs';

const PKG = path.join(ROOT, 'bindings/wasm');
const README = fs.readFileSync(path.join(PKG, 'README.md'), 'utf8');

// The fenced blocks of a Markdown text, as {lang, body}.
function blocks(markdown) {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], body: m[2] }));
}

const all = blocks(README);
const pageBlock = all.find((b) => b.lang === 'html' && b.body.includes('<natverk-inventory'));
const files = all.find((b) => b.lang === 'text' && b.body.includes('natverk/pkg/natverk-widget.js')).body.trim().split('\n').map((l) => l.trim());
const cspLine = all.find((b) => b.lang === 'text' && b.body.startsWith('Content-Security-Policy:')).body.trim();
const preloads = all.find((b) => b.lang === 'html' && b.body.includes('rel="preload"')).body;

let site, chrome;
before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'natverk-site-'));
  // Exactly the files the guide lists, from the package (js/ committed, pkg/ built).
  for (const f of files) {
    const from = path.join(PKG, f.replace(/^natverk\//, ''));
    fs.mkdirSync(path.dirname(path.join(site, f)), { recursive: true });
    fs.copyFileSync(from, path.join(site, f));
  }
  fs.mkdirSync(path.join(site, 'data'));
  fs.copyFileSync(path.join(ROOT, 'examples/goteborg.json'), path.join(site, 'data/goteborg.json'));
  fs.copyFileSync(path.join(ROOT, 'examples/widget/favicon.svg'), path.join(site, 'favicon.ico'));
  fs.writeFileSync(path.join(site, 'index.html'), pageBlock.body);
  fs.writeFileSync(path.join(site, 'fast.html'), pageBlock.body.replace('<script type="module"', `${preloads}<script type="module"`));
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

describe('README snippets', () => {
  test('the guide names the strict policy and its files: the one-file widget, the .wasm, the stylesheet', () => {
    assert.equal(cspLine, `Content-Security-Policy: ${STRICT_CSP}`);
    // The stylesheet is for the pre-rendered element (--format widget).
    assert.deepEqual(files, ['natverk/pkg/natverk-widget.js', 'natverk/pkg/natverk-widget_bg.wasm', 'natverk/pkg/natverk-widget.css']);
    // The page loads the one-file widget, and the package ships it.
    assert.ok(pageBlock.body.includes('src="/natverk/pkg/natverk-widget.js"'));
    const pkg = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8'));
    for (const f of files) assert.ok(pkg.files.includes(f.replace(/^natverk\//, '')), `${f} is not in package.json's files`);
  });

  for (const page of ['index.html', 'fast.html']) {
    test(`bindings/wasm/README.md's page (${page}) on a site laid out as the guide says`, async () => {
      const [name, value] = cspLine.split(/:\s*(.*)/s);
      const srv = await serve(
        {},
        {
          root: site,
          headers: (p) => ({
            [name.toLowerCase()]: value,
            'cache-control': p.startsWith('/natverk/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          }),
        },
      );
      try {
        const problems = [];
        const p = await openPage(chrome, `${srv.url}/${page}`, problems);
        const w = p.locator('natverk-inventory');
        await w.locator('table.lines tbody tr').first().waitFor();
        await w.locator('div.equality section').waitFor();
        await w.locator('details.warnings[data-count]').waitFor();
        assert.equal((await w.evaluate((el) => el.report)).organisation, 'Göteborgs Stad');
        assert.deepEqual(await p.evaluate(() => window.__violations), []);
        assert.deepEqual(problems, []);
        // Nothing was asked for that the guide did not list.
        const asked = [...srv.hits.keys()].filter((k) => k !== `/${page}` && k !== '/favicon.ico');
        for (const k of asked) assert.ok(files.includes(k.slice(1)) || k === '/data/goteborg.json', `${k} is not in the guide`);
        assert.equal(srv.hits.get('/natverk/pkg/natverk-widget_bg.wasm'), 1);
        // One module: the widget's imports are inside it.
        assert.deepEqual(asked.filter((k) => k.endsWith('.js')), ['/natverk/pkg/natverk-widget.js']);
        await p.close();
      } finally {
        await srv.close();
      }
    });
  }

  test("the root README's snippet, served from the repository", async () => {
    const root = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const snippet = blocks(root).find((b) => b.lang === 'html' && b.body.includes('<natverk-inventory')).body;
    const srv = await serve({ '/readme.html': `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>natverk</title>
<link rel="icon" href="/examples/widget/favicon.svg"></head><body><main>${snippet}</main></body></html>` });
    try {
      const problems = [];
      const p = await openPage(chrome, `${srv.url}/readme.html`, problems);
      await p.locator('natverk-inventory table.lines tbody tr').first().waitFor();
      assert.deepEqual(problems, []);
      await p.close();
    } finally {
      await srv.close();
    }
  });
});
