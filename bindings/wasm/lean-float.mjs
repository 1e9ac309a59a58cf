// Takes core's f64 formatting out of the widget's lean module.
//
//   node lean-float.mjs IN.wasm OUT.wasm   (IN: wasm-bindgen's output with
//   its name section, `--keep-debug`; OUT keeps the names, wasm-opt strips them)
//
// Why it is dead code: the lean module formats no f64 of its own (the core
// has no float; its numbers are decimals and integers). `<f64 as
// Display>::fmt` is linked only through serde's `Unexpected` `Display` (its
// `Float` arm), which this module reaches only from serde_json's
// `JsonUnexpected` `Display`: that one formats `Unexpected::Float` itself
// (with zmij) and hands every other variant to serde's. So the `Float` arm
// never runs here, but the compiler cannot see it, and it links dragon4,
// grisu and their tables (~19 kB raw, 7.8 kB gzipped). The function's body
// becomes `unreachable` (a trap, never reached); wasm-opt -Oz then drops
// everything only it used. `api.test.mjs` calls the lean module with a
// float where an integer belongs (the path that formats a float).
//
// Fails (exit 1) when the function is not found exactly once, so a change
// of the toolchain's naming cannot silently skip the step.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node lean-float.mjs IN.wasm OUT.wasm');
  process.exit(2);
}
const bin = join(dirname(fileURLToPath(import.meta.url)), 'node_modules/.bin');
const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
const dir = mkdtempSync(join(tmpdir(), 'natverk-lean-'));
try {
  const wat = join(dir, 'm.wat');
  execFileSync(join(bin, 'wasm-dis'), [input, '-o', wat], { stdio: 'inherit' });
  const lines = readFileSync(wat, 'utf8').split('\n');
  // ` (func $"<f64 as core[hash]::fmt::Display>::fmt" (param …) (result i32)`
  const head = /^ \(func \$"<f64 as core(\[[0-9a-f]+\])?::fmt::Display>::fmt(::h[0-9a-f]+)?" /;
  const out = [];
  let found = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!head.test(lines[i])) {
      out.push(lines[i]);
      continue;
    }
    found++;
    out.push(lines[i]);
    i++;
    while (/^  \(local /.test(lines[i])) out.push(lines[i++]);
    out.push('  (unreachable)');
    while (lines[i] !== ' )') {
      if (i >= lines.length) throw new Error('lean-float: the function does not end');
      i++;
    }
    out.push(lines[i]);
  }
  if (found !== 1) {
    console.error(`lean-float: expected one <f64 as Display>::fmt in ${input}, found ${found}`);
    process.exit(1);
  }
  writeFileSync(wat, out.join('\n'));
  execFileSync(join(bin, 'wasm-as'), [...features, '--debuginfo', wat, '-o', output], { stdio: 'inherit' });
  console.log('lean-float: <f64 as Display>::fmt is unreachable');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
