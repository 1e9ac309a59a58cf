#!/usr/bin/env bash
# Builds the npm package of natverk in bindings/wasm:
#   pkg/natverk_wasm.js, .d.ts, natverk_wasm_bg.wasm  (wasm-bindgen --target web, wasm-opt -Oz)
#   pkg/natverk-widget.js  (js/widget.js and its imports as one minified module)
#   pkg/natverk-widget_bg.wasm  (its lean module: cargo feature `api` off)
#   pkg/natverk-widget.css  (the widget's styles as a file)
# next to the committed js/ layer (natverk.js, natverk.d.ts, widget.js).
# Idempotent; safe on a fresh machine with rustup, cargo and npm.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target/wasm}"
# A size profile for the wasm build only (the root Cargo.toml serves every
# target): opt-level z, fat LTO, one codegen unit, abort on panic (no
# unwinding tables; no panic is expected, and the hook logs one if it happens).
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
export CARGO_PROFILE_RELEASE_LTO=fat
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1
export CARGO_PROFILE_RELEASE_PANIC=abort
export CARGO_PROFILE_RELEASE_STRIP=debuginfo

step() { printf '\n== %s\n' "$*"; }

step "rust target wasm32-unknown-unknown"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

step "wasm-bindgen-cli (the exact version of the wasm-bindgen crate in Cargo.lock)"
want="$(cargo pkgid -p wasm-bindgen | sed -E 's/.*[@#]//')"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$want" ]; then
  # Not --locked: the registry lacks one locked dependency (TOOLCHAIN pitfall 1).
  cargo install wasm-bindgen-cli --version "$want" --force
fi
echo "wasm-bindgen $want"

step "cargo build (release, wasm32)"
cargo build --release --target wasm32-unknown-unknown -p natverk-wasm

step "wasm-bindgen --target web -> bindings/wasm/pkg"
rm -rf "$here/pkg.tmp"
wasm-bindgen --target web --out-dir "$here/pkg.tmp" --out-name natverk_wasm \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/natverk_wasm.wasm"

step "npm dev dependencies (binaryen, playwright-core, typescript, axe-core, vite), from package-lock.json"
cd "$here"
# npm ci installs exactly the committed lock; it is skipped when node_modules
# was installed from this very lock already (a stamp of its checksum).
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.natverk-lock 2>/dev/null || true)" != "$lock_sum" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.natverk-lock
else
  echo "node_modules is current"
fi

step "wasm-opt -Oz (npm binaryen; never Debian's, TOOLCHAIN pitfall 2)"
# -ocimfs 0: binaryen does not inline a function into its only caller.
# By default it does, whatever the size, which welds the whole loader into
# one 83 KB function (and the report's export into 21 KB). Browsers run a
# module's first calls in their baseline compiler and recompile hot
# functions with the optimising one in the background; a giant function
# costs that compiler ~80 ms (and, called once, never runs its optimised
# code), time a two-core machine takes from the first table. Without it
# the largest function is 17 KB, the module is 17 KB smaller gzipped and
# the core's first load and report are ~50 ms faster in Chromium
# (BENCHMARKS.md, WebAssembly).
WASM_FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
raw_size=$(wc -c < pkg.tmp/natverk_wasm_bg.wasm)
node_modules/.bin/wasm-opt -Oz --converge --one-caller-inline-max-function-size 0 \
  --strip-producers "${WASM_FEATURES[@]}" \
  pkg.tmp/natverk_wasm_bg.wasm -o pkg.tmp/natverk_wasm_bg.opt.wasm
mv pkg.tmp/natverk_wasm_bg.opt.wasm pkg.tmp/natverk_wasm_bg.wasm

step "the widget's lean module (feature api off) -> pkg/natverk-widget_bg.wasm"
# The widget never calls publicJson or checkJson (the npm API's extras:
# the public file's serialiser, SPEC §13): its module leaves them out.
# The same target folder: only natverk-wasm is built again.
cargo build --release --target wasm32-unknown-unknown -p natverk-wasm --no-default-features
# With its names (--keep-debug), for lean-float.mjs, which makes core's f64
# formatting unreachable (dead code here, see the script); wasm-opt then
# drops it and strips the names.
wasm-bindgen --target web --keep-debug --out-dir "$here/pkg.tmp/lean" --out-name natverk_wasm \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/natverk_wasm.wasm"
node lean-float.mjs pkg.tmp/lean/natverk_wasm_bg.wasm pkg.tmp/lean/natverk_wasm_bg.wasm
node_modules/.bin/wasm-opt -Oz --converge --one-caller-inline-max-function-size 0 \
  --strip-debug --strip-producers "${WASM_FEATURES[@]}" \
  pkg.tmp/lean/natverk_wasm_bg.wasm -o pkg.tmp/natverk-widget_bg.wasm
# The bundle is made from a copy of js/ whose natverk.js imports the lean
# glue and finds the lean module (pkg/natverk-widget_bg.wasm).
stage="$here/pkg.tmp/stage"
mkdir -p "$stage/js" "$stage/pkg"
cp js/*.js "$stage/js/"
cp pkg.tmp/lean/natverk_wasm.js "$stage/pkg/"
sed -i "s#'../pkg/natverk_wasm_bg.wasm'#'../pkg/natverk-widget_bg.wasm'#" "$stage/js/natverk.js"
grep -q "'../pkg/natverk-widget_bg.wasm'" "$stage/js/natverk.js"

step "one-file widget -> pkg/natverk-widget.js (rolldown, from vite's dependencies)"
# The element and everything it imports (natverk.js, vocabulary.js,
# style.js, the wasm-bindgen glue) as one minified ES module: a page then
# fetches two files (this and the .wasm) instead of a graph of five
# modules. It sits next to the .wasm, which it finds as
# new URL('../pkg/natverk_wasm_bg.wasm', import.meta.url) like js/natverk.js.
# js/natverk.js imports the glue from ../pkg/, so the fresh glue moves into
# pkg/ first: bundling from pkg.tmp would read an older pkg/ (or, on a
# clean checkout, none).
node_modules/.bin/rolldown "$stage/js/widget.js" --format esm --platform browser --minify \
  --no-codeSplitting --file pkg.tmp/natverk-widget.js --logLevel warn
rm -rf "$stage" pkg.tmp/lean
rm -rf pkg && mv pkg.tmp pkg

step "the widget's stylesheet as a file -> pkg/natverk-widget.css"
# The same CSS as the constructable stylesheet (js/style.js), for the
# pre-rendered element of `natverk report FILE --format widget`, which
# links it (<link rel="stylesheet">) before any script runs.
node --input-type=module -e "import { CSS } from './js/style.js'; process.stdout.write(CSS)" > pkg/natverk-widget.css

if [ "${NATVERK_WASM_PROFILE:-}" = 1 ]; then
  # The same module with its name section (function names), for profiles
  # (profile.mjs serves it in place of the stripped one). Not shipped.
  step "profiling copy with function names -> pkg/profile/natverk_wasm_bg.wasm"
  mkdir -p pkg/profile
  wasm-bindgen --target web --keep-debug --out-dir pkg/profile.tmp --out-name natverk_wasm \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/natverk_wasm.wasm"
  node lean-float.mjs pkg/profile.tmp/natverk_wasm_bg.wasm pkg/profile.tmp/natverk_wasm_bg.wasm
  node_modules/.bin/wasm-opt -Oz --converge --one-caller-inline-max-function-size 0 -g \
    "${WASM_FEATURES[@]}" pkg/profile.tmp/natverk_wasm_bg.wasm -o pkg/profile/natverk_wasm_bg.wasm
  rm -rf pkg/profile.tmp
fi

opt_size=$(wc -c < pkg/natverk_wasm_bg.wasm)
gz_size=$(gzip -9 -c pkg/natverk_wasm_bg.wasm | wc -c)
echo "natverk_wasm_bg.wasm: $raw_size bytes after wasm-bindgen, $opt_size after wasm-opt, $gz_size gzipped"
echo "natverk-widget_bg.wasm (the widget's): $(wc -c < pkg/natverk-widget_bg.wasm) bytes, $(gzip -9 -c pkg/natverk-widget_bg.wasm | wc -c) gzipped"
