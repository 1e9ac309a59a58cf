// Puts the app together as one file (called by build.sh):
//   node assemble.mjs GLUE.js MODULE.wasm MODULE.lzma OUT.html
// The page (page/index.html), its styles and script are inlined; the
// WebAssembly module, compressed with LZMA, is base64-encoded into a data
// block that the script decompresses (page/lzma.js) and instantiates from
// bytes. The decoder is run here on the very payload, and the build fails
// unless it gives the module back byte for byte. The Content-Security-Policy allows exactly this: the inline
// script and style by their hashes, WebAssembly compilation, data: images,
// and no connection at all (connect-src 'none').
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [glue, wasm, packedPath, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node assemble.mjs GLUE.js MODULE.wasm MODULE.lzma OUT.html');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const page = readFileSync(join(here, 'page/index.html'), 'utf8');
const style = readFileSync(join(here, 'page/app.css'), 'utf8');
const decoder = readFileSync(join(here, 'page/lzma.js'), 'utf8');
const script = `${readFileSync(glue, 'utf8')}\n${decoder}\n${readFileSync(join(here, 'page/app.js'), 'utf8')}`;
const module = readFileSync(wasm);
const packed = readFileSync(packedPath);
if (!module.subarray(0, 4).equals(Buffer.from([0, 0x61, 0x73, 0x6d]))) {
  throw new Error(`${wasm} is not a WebAssembly module`);
}
// The page's own decoder, on the page's own payload.
const decode = new Function(`${decoder}\nreturn natverkLzmaDecode;`)();
const back = Buffer.from(decode(new Uint8Array(packed), module.length));
if (!back.equals(module)) {
  throw new Error('page/lzma.js does not give the module back: not writing natverk.html');
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
  .replace('{{WASM_SIZE}}', () => String(module.length))
  .replace('{{WASM}}', () => packed.toString('base64'))
  .replace('{{SCRIPT}}', () => script);
writeFileSync(`${out}.tmp`, html);
renameSync(`${out}.tmp`, out);
const gzHtml = gzipSync(Buffer.from(html), { level: 9 }).length;
console.log(`natverk.html: ${Buffer.byteLength(html)} bytes, ${gzHtml} gzipped (module ${module.length} bytes, ${packed.length} as LZMA)`);
