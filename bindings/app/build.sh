#!/usr/bin/env bash
# Builds the official's app (SPEC §12) as one file: OUTDIR/natverk.html
# holds the page, its script and styles, and the app's WebAssembly module
# (bindings/app: the core, the workbook reader and writer, the report
# documents), gzipped and base64-encoded, instantiated from bytes: no
# fetch, no other file. Its Content-Security-Policy allows no connection.
#   bash bindings/app/build.sh OUTDIR
# Idempotent; safe on a fresh machine with rustup, cargo, node and npm.
# npm's binaryen, playwright-core and axe-core come from bindings/wasm's
# package-lock.json (one set of JavaScript tools for both).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:?usage: bash bindings/app/build.sh OUTDIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cd "$root"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target/wasm}"
# The widget's size profile (bindings/wasm/build.sh): opt-level z, fat LTO,
# one codegen unit, abort on panic.
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

step "cargo build (release, wasm32) -p natverk-app"
cargo build --release --locked --target wasm32-unknown-unknown -p natverk-app

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

step "wasm-bindgen --target no-modules"
# A classic script defining `wasm_bindgen` (no ES module to import): the
# page inlines it and calls wasm_bindgen({module_or_path: bytes}).
wasm-bindgen --target no-modules --no-typescript --out-dir "$tmp" --out-name natverk_app \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/natverk_app.wasm"

step "npm dev dependencies (bindings/wasm/package-lock.json)"
cd "$root/bindings/wasm"
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.natverk-lock 2>/dev/null || true)" != "$lock_sum" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.natverk-lock
else
  echo "node_modules is current"
fi

step "wasm-opt -Oz (npm binaryen; never Debian's, TOOLCHAIN pitfall 2)"
WASM_FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
node_modules/.bin/wasm-opt -Oz --converge --one-caller-inline-max-function-size 0 \
  --strip-producers "${WASM_FEATURES[@]}" \
  "$tmp/natverk_app_bg.wasm" -o "$tmp/natverk_app_bg.opt.wasm"

step "compress the module with LZMA (Python's lzma, xz's format)"
# LZMA is about a fifth smaller than gzip for this module, which keeps
# natverk.html under 800 KB gzipped (SPEC §12; BENCHMARKS.md); the page
# decodes it with page/lzma.js, and assemble.mjs checks that decoder on
# this very payload.
python3 - "$tmp/natverk_app_bg.opt.wasm" "$tmp/natverk_app_bg.wasm.lzma" <<'PY'
import lzma, sys
data = open(sys.argv[1], "rb").read()
filters = [{"id": lzma.FILTER_LZMA1, "preset": 9 | lzma.PRESET_EXTREME}]
open(sys.argv[2], "wb").write(lzma.compress(data, format=lzma.FORMAT_ALONE, filters=filters))
PY

step "one file -> $out/natverk.html"
node "$here/assemble.mjs" "$tmp/natverk_app.js" "$tmp/natverk_app_bg.opt.wasm" "$tmp/natverk_app_bg.wasm.lzma" "$out/natverk.html"
# The module beside the build, for the benchmark's figures (not shipped).
mkdir -p "$CARGO_TARGET_DIR/app"
cp "$tmp/natverk_app_bg.opt.wasm" "$CARGO_TARGET_DIR/app/natverk_app_bg.wasm"
cp "$tmp/natverk_app_bg.wasm.lzma" "$tmp/natverk_app.js" "$CARGO_TARGET_DIR/app/"
