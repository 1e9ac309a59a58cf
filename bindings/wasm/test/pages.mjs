// Pages shared by the browser tests and the benchmark.

const PKG = '/bindings/wasm';

/**
 * The head a page should have to show the widget fast, as the README's
 * self-hosting guide recommends: the module graph preloaded in one go, the
 * .wasm and the inventory requested while the HTML is still parsed.
 */
export function fastHead(src) {
  return [
    `<link rel="modulepreload" href="${PKG}/js/widget.js">`,
    `<link rel="modulepreload" href="${PKG}/js/natverk.js">`,
    `<link rel="modulepreload" href="${PKG}/js/vocabulary.js">`,
    `<link rel="modulepreload" href="${PKG}/js/style.js">`,
    `<link rel="modulepreload" href="${PKG}/pkg/natverk_wasm.js">`,
    `<link rel="preload" href="${PKG}/pkg/natverk_wasm_bg.wasm" as="fetch" type="application/wasm" crossorigin>`,
    `<link rel="preload" href="${src}" as="fetch" type="application/json" crossorigin>`,
    `<script type="module" src="${PKG}/js/widget.js"></script>`,
  ].join('\n');
}

/** A page with one widget over `src` (2024–2025), for the first-table measurement. */
export function firstTablePage(src) {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>natverk: first table</title>
<link rel="icon" href="/examples/widget/favicon.svg">
${fastHead(src)}
</head><body><main><natverk-inventory src="${src}" from="2024" to="2025" today="2024-06-01"></natverk-inventory></main></body></html>`;
}

/**
 * The baseline of the same run: a page with the same preloads that only
 * instantiates the module, loads the file and computes the report (no DOM),
 * marking `natverk:core` when done. What the widget adds is the difference.
 */
export function corePage(src) {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>natverk: core only</title>
<link rel="icon" href="/examples/widget/favicon.svg">
${fastHead(src).replace(`<script type="module" src="${PKG}/js/widget.js"></script>`, '')}
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
