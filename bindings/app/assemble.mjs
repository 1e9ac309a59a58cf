// Puts the app together as one file (called by build.sh):
//   node assemble.mjs GLUE.js MODULE.wasm.gz OUT.html
// The page (page/index.html), its styles and script are inlined; the
// WebAssembly module, gzipped, is base64-encoded into a data block that
// the script decompresses (DecompressionStream) and instantiates from
// bytes. The Content-Security-Policy allows exactly this: the inline
// script and style by their hashes, WebAssembly compilation, data: images,
// and no connection at all (connect-src 'none').
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync, gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [glue, wasm, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node assemble.mjs GLUE.js MODULE.wasm.gz OUT.html');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const page = readFileSync(join(here, 'page/index.html'), 'utf8');
const style = readFileSync(join(here, 'page/app.css'), 'utf8');
const script = `${readFileSync(glue, 'utf8')}\n${readFileSync(join(here, 'page/app.js'), 'utf8')}`;
const gz = readFileSync(wasm);
const module = gunzipSync(gz); // checks the gzip, and gives the size
if (!module.subarray(0, 4).equals(Buffer.from([0, 0x61, 0x73, 0x6d]))) {
  throw new Error(`${wasm} is not a gzipped WebAssembly module`);
}
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
if (script.includes('</script') || style.includes('</style')) {
  throw new Error('an inline script or style would end its element early');
}
const csp = [
  "default-src 'none'",
  `script-src ${sha(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha(style)}`,
  'img-src data:',
  // downloads are data: or blob: links (navigations, not connections)
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
// Functions, not strings, as replacements: `$&` and friends in the
// script must stay as they are.
const html = page
  .replace('{{CSP}}', () => csp)
  .replace('{{STYLE}}', () => style)
  .replace('{{WASM}}', () => gz.toString('base64'))
  .replace('{{SCRIPT}}', () => script);
writeFileSync(`${out}.tmp`, html);
renameSync(`${out}.tmp`, out);
const gzHtml = gzipSync(Buffer.from(html), { level: 9 }).length;
console.log(`natverk.html: ${Buffer.byteLength(html)} bytes, ${gzHtml} gzipped (module ${module.length} bytes, ${gz.length} gzipped)`);
