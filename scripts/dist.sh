#!/usr/bin/env bash
# Builds the release files of natverk into dist/ (SPEC §16), from a clean
# checkout on Debian 12 x86_64 with rustup, Python 3 and Node 20:
#   natverk-x86_64-linux                        the command line, static (musl)
#   natverk-x86_64-windows.exe                  the command line for Windows
#                                               (x86_64-pc-windows-gnu, mingw-w64)
#   natverk-*-cp39-abi3-manylinux*_x86_64.whl   the Python package (maturin --zig)
#   natverk-*-cp39-abi3-win_amd64.whl           the Python package for Windows
#   natverk-wasm-*.tgz                          npm pack of bindings/wasm (widget included)
#   natverk.html                                the app (bindings/app/build.sh)
#   SHA256SUMS                                  the checksums of the files above
# Usage: scripts/dist.sh [linux|windows|wheels|npm|app|sums|all]...  (default: all)
# Installs what it needs, idempotently: Debian musl-tools and
# gcc-mingw-w64-x86-64, the two rustup targets, and a venv
# (target/dist-venv) with maturin and ziglang (maturin's manylinux linker).
# Every Rust build uses the release profile (fat LTO) with --locked; the
# wheels build in target/maturin, as bindings/python/run-tests.sh does.
# `sums` checksums whatever release files dist/ holds.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
dist="$root/dist"

MATURIN_VERSION=1.16.0
ZIGLANG_VERSION=0.17.1

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(all)
for t in "${targets[@]}"; do
  case "$t" in
    linux | windows | wheels | npm | app | sums) ;;
    all) targets=(linux windows wheels npm app sums) ;;
    *)
      echo "dist.sh: unknown target \`$t\`: use linux, windows, wheels, npm, app, sums or all" >&2
      exit 2
      ;;
  esac
done
want() { local t; for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done; return 1; }

step() { printf '\n==> dist: %s\n' "$*"; }
since() { echo "$(($(date +%s) - $1)) s"; }
mkdir -p "$dist"

# ---- tools --------------------------------------------------------------------
apt_install() { # PACKAGE... (apt is shared: wait for its lock and retry)
  export DEBIAN_FRONTEND=noninteractive
  local i
  for i in 1 2 3 4 5 6; do
    if apt-get update -qq && apt-get install -y -qq "$@" >/dev/null; then
      return 0
    fi
    echo "apt is busy or failed; retrying in 20 s ($i/6)"
    sleep 20
  done
  echo "dist.sh: could not install $*" >&2
  exit 1
}
rust_target() { # TRIPLE
  rustup target list --installed | grep -qx "$1" || rustup target add "$1"
}
tools_musl() {
  command -v musl-gcc >/dev/null 2>&1 || { step "installing musl-tools (Debian)"; apt_install musl-tools; }
  rust_target x86_64-unknown-linux-musl
}
tools_mingw() {
  command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 \
    || { step "installing gcc-mingw-w64-x86-64 (Debian)"; apt_install gcc-mingw-w64-x86-64; }
  rust_target x86_64-pc-windows-gnu
}
venv="$root/target/dist-venv"
tools_maturin() {
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  local stamp="maturin==$MATURIN_VERSION ziglang==$ZIGLANG_VERSION"
  if [ "$(cat "$venv/.dist-tools" 2>/dev/null || true)" != "$stamp" ]; then
    step "installing $stamp into $venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check $stamp
    echo "$stamp" >"$venv/.dist-tools"
  fi
}

# ---- the command line -----------------------------------------------------------
if want linux; then
  step "the command line for Linux (x86_64-unknown-linux-musl, static)"
  t0=$(date +%s)
  tools_musl
  cargo build --release --locked -p natverk-cli --target x86_64-unknown-linux-musl
  install -m 0755 target/x86_64-unknown-linux-musl/release/natverk "$dist/natverk-x86_64-linux"
  # The symbol table is for debuggers, not users: about a fifth of the file.
  strip "$dist/natverk-x86_64-linux"
  echo "    natverk-x86_64-linux ($(since "$t0"))"
fi

if want windows; then
  step "the command line for Windows (x86_64-pc-windows-gnu, mingw-w64)"
  t0=$(date +%s)
  tools_mingw
  cargo build --release --locked -p natverk-cli --target x86_64-pc-windows-gnu
  install -m 0644 target/x86_64-pc-windows-gnu/release/natverk.exe "$dist/natverk-x86_64-windows.exe"
  x86_64-w64-mingw32-strip "$dist/natverk-x86_64-windows.exe"
  echo "    natverk-x86_64-windows.exe ($(since "$t0"))"
fi

# ---- the Python package -----------------------------------------------------------
if want wheels; then
  step "the Python wheels (abi3, CPython >= 3.9): manylinux and win_amd64"
  t0=$(date +%s)
  tools_maturin
  tools_mingw
  rm -f "$dist"/natverk-*.whl
  # The wheels are built from the package's own folder (its pyproject.toml);
  # maturin finds zig through the venv's ziglang.
  (
    cd bindings/python
    export PATH="$venv/bin:$PATH" CARGO_TARGET_DIR="$root/target/maturin"
    maturin build --release --locked --quiet --zig --compatibility manylinux2014 \
      --target x86_64-unknown-linux-gnu --out "$dist"
    maturin build --release --locked --quiet --target x86_64-pc-windows-gnu --out "$dist"
  )
  ls "$dist"/natverk-*-cp39-abi3-manylinux*_x86_64.whl "$dist"/natverk-*-cp39-abi3-win_amd64.whl >/dev/null
  echo "    $(cd "$dist" && ls natverk-*.whl | tr '\n' ' ')($(since "$t0"))"
fi

# ---- the npm package --------------------------------------------------------------
if want npm; then
  step "the npm package (bindings/wasm/build.sh, npm pack)"
  t0=$(date +%s)
  bash bindings/wasm/build.sh
  version="$(node -p 'require("./bindings/wasm/package.json").version')"
  # Every file package.json's `files` names must exist: npm pack leaves a
  # missing one out without a word.
  missing="$(cd bindings/wasm && node -e '
    const fs = require("fs");
    const files = require("./package.json").files;
    console.log(files.filter((f) => !fs.existsSync(f)).join(" "));')"
  if [ -n "$missing" ]; then
    echo "dist.sh: bindings/wasm/package.json ships files that were not built: $missing" >&2
    exit 1
  fi
  rm -f "$dist"/natverk-wasm-*.tgz
  tmp="$(mktemp -d)"
  (cd bindings/wasm && npm pack --silent --pack-destination "$tmp" >/dev/null)
  mv "$tmp"/natverk-"$version".tgz "$dist/natverk-wasm-$version.tgz"
  rmdir "$tmp"
  echo "    natverk-wasm-$version.tgz ($(since "$t0"))"
fi

# ---- the app ------------------------------------------------------------------------
if want app; then
  step "the app (bindings/app/build.sh)"
  t0=$(date +%s)
  if [ ! -f bindings/app/build.sh ]; then
    echo "dist.sh: bindings/app/build.sh is missing, so natverk.html cannot be built;" \
      "build the other files with \`scripts/dist.sh linux windows wheels npm sums\`" >&2
    exit 1
  fi
  rm -f "$dist/natverk.html"
  bash bindings/app/build.sh "$dist"
  [ -s "$dist/natverk.html" ] || { echo "dist.sh: bindings/app/build.sh wrote no $dist/natverk.html" >&2; exit 1; }
  echo "    natverk.html ($(since "$t0"))"
fi

# ---- the checksums --------------------------------------------------------------------
if want sums; then
  step "SHA256SUMS"
  (
    cd "$dist"
    shopt -s nullglob
    files=(natverk-x86_64-linux natverk-x86_64-windows.exe natverk-*.whl natverk-wasm-*.tgz natverk.html)
    present=()
    for f in "${files[@]}"; do [ -f "$f" ] && present+=("$f"); done
    [ ${#present[@]} -gt 0 ] || { echo "dist.sh: dist/ has no release files to checksum" >&2; exit 1; }
    sha256sum "${present[@]}" >SHA256SUMS.tmp
    mv SHA256SUMS.tmp SHA256SUMS
    cat SHA256SUMS
  )
fi

step "dist/"
(cd "$dist" && ls -l)
