// Pages shared by the browser tests and the benchmark.

const PKG = '/bindings/wasm';

/**
 * The head a page should have to show the widget fast, as the README's
 * self-hosting guide recommends: the one-file widget (pkg/natverk-widget.js,
 * built by build.sh), with the .wasm and the inventory requested while the
 * HTML is still parsed. `modules: true` gives the head of the unbundled
 * package instead: js/widget.js and its module graph, preloaded in one go
 * (what the guide recommended before; kept to measure the difference).
 */
export function fastHead(src, { modules = false } = {}) {
  const files = [
    `<link rel="preload" href="${PKG}/pkg/natverk-widget_bg.wasm" as="fetch" type="application/wasm" crossorigin>`,
    `<link rel="preload" href="${src}" as="fetch" type="application/json" crossorigin>`,
  ];
  if (!modules) return [...files, `<script type="module" src="${PKG}/pkg/natverk-widget.js"></script>`].join('\n');
  return [
    ...['js/widget.js', 'js/natverk.js', 'js/vocabulary.js', 'js/style.js', 'pkg/natverk_wasm.js'].map((f) => `<link rel="modulepreload" href="${PKG}/${f}">`),
    ...files,
    `<script type="module" src="${PKG}/js/widget.js"></script>`,
  ].join('\n');
}

/**
 * A script for measured pages (served at DONE_URL): it writes the marks
 * `natverk:painted` and `natverk:core` to the console when they are made,
 * so the harness can wait for a page's end without evaluating anything in
 * it (Playwright's waitForFunction injects ~10 ms of its own script into
 * the page, on the page's main thread, in the middle of what is measured).
 */
export const DONE_URL = '/bench/done.js';
export const DONE_SCRIPT = `new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.name === 'natverk:painted' || e.name === 'natverk:core') console.debug(e.name);
}).observe({ type: 'mark', buffered: true });
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') console.debug('natverk:fcp');
}).observe({ type: 'paint', buffered: true });
`;

/**
 * Opens `url` in a new page of `context` and resolves to the page once the
 * mark `mark` is made, with nothing evaluated in the page before (see
 * DONE_SCRIPT, which the page must load).
 */
export async function openMeasured(context, url, mark) {
  const p = await context.newPage();
  const done = p.waitForEvent('console', { predicate: (m) => m.text() === mark, timeout: 30000 });
  await p.goto(url, { waitUntil: 'commit' });
  await done;
  return p;
}

/**
 * A page with one widget over `src` (2024–2025), for the first-table
 * measurement. Options: `modules` (see fastHead).
 */
export function firstTablePage(src, options) {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>natverk: first table</title>
<link rel="icon" href="/examples/widget/favicon.svg">
<script async src="${DONE_URL}"></script>
${fastHead(src, options)}
</head><body><main><natverk-inventory src="${src}" from="2024" to="2025" today="2024-06-01"></natverk-inventory></main></body></html>`;
}

/**
 * The same page with the widget pre-rendered: `fragment` is the element
 * `natverk report FILE --format widget` wrote (its first view inside as
 * declarative shadow DOM), which the module adopts when it loads.
 * Options: `preload` (default true: the stylesheet preloaded from the
 * head), `script` (default true: the module), `files` (default true: the
 * `.wasm` and the file preloaded too, as the guide's page does; false: the
 * module fetches them itself, after the first paint).
 */
export function fragmentPage(src, fragment, { preload = true, script = true, files = true } = {}) {
  let page = firstTablePage(src).replace(/<natverk-inventory [^>]*><\/natverk-inventory>/, () => fragment);
  // `script: false`: no module and no preload of its files (the fragment alone).
  if (!script) page = page.replace(fastHead(src), '');
  else if (!files) page = page.replace(fastHead(src), () => fastHead(src).split('\n').filter((l) => !l.includes('as="fetch"')).join('\n'));
  if (!preload) return page;
  // The guide's head for a pre-rendered element: its stylesheet requested
  // first, before the parser reaches the element (the first paint of the
  // shadow root waits for it).
  const href = fragment.match(/<link rel="stylesheet" href="([^"]*)">/)?.[1];
  if (!href) throw new Error('the fragment links no stylesheet');
  return page.replace('<script async', () => `<link rel="preload" href="${href}" as="style">\n<script async`);
}

/**
 * A page with nothing of natverk: its first contentful paint is the
 * floor every page of this server and browser pays, measured in the same
 * run (the harness waits for `natverk:fcp`, see DONE_SCRIPT).
 */
export function blankPage() {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>blank</title>
<link rel="icon" href="/examples/widget/favicon.svg">
<script async src="${DONE_URL}"></script>
</head><body><main><p>blank</p></main></body></html>`;
}

/**
 * The baseline of the same run: a page with the same preloads that only
 * instantiates the module, loads the file and computes the report (no DOM;
 * js/natverk.js and its glue, preloaded, instead of the one-file widget),
 * marking `natverk:core` when done. What the widget adds is the difference.
 */
export function corePage(src) {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>natverk: core only</title>
<link rel="icon" href="/examples/widget/favicon.svg">
<script async src="${DONE_URL}"></script>
${fastHead(src).replace(/<script [^>]*><\/script>/, '')}
<link rel="modulepreload" href="${PKG}/js/natverk.js">
<link rel="modulepreload" href="${PKG}/pkg/natverk_wasm.js">
<script type="module" src="/bench/core.js"></script>
</head><body><main><p>core</p></main></body></html>`;
}

/** The module of corePage. */
export function coreScript(src) {
  return `import { init, Inventory } from '${PKG}/js/natverk.js';
performance.mark('natverk:module');
const [, bytes] = await Promise.all([init(), fetch('${src}').then((r) => r.arrayBuffer())]);
performance.mark('natverk:fetched');
const inv = Inventory.fromJson(new Uint8Array(bytes));
performance.mark('natverk:loaded');
const report = inv.report({ from: 2024, to: 2025, scope: 'all', by: ['network'] });
performance.mark('natverk:report');
performance.mark('natverk:core', { detail: { lines: report.lines.length } });
`;
}
