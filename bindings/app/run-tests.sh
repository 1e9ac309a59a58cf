#!/usr/bin/env bash
# The app's tests (CI part `app` of scripts/test.sh): builds natverk.html
# once, the command line in debug, a venv with openpyxl, then Playwright
# in real Chromium from file:// (test/app.test.mjs) and the module's own
# Rust tests. Idempotent installs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
step() { printf '\n== %s\n' "$*"; }

step "chromium (Debian)"
if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  for i in 1 2 3 4 5 6; do
    # apt is shared: when another process holds its lock, wait and retry.
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null && break
    echo "apt is busy or failed; retrying in 20 s ($i/6)"
    sleep 20
  done
fi

if [ -n "${NATVERK_APP_HTML:-}" ] && [ -f "$NATVERK_APP_HTML" ]; then
  # CI's dist part built it already (scripts/dist.sh): test that very file.
  out="$(cd "$(dirname "$NATVERK_APP_HTML")" && pwd)"
  step "natverk.html of the dist part: $out/natverk.html"
else
  out="$root/target/app-dist"
  step "build natverk.html -> $out"
  bash "$here/build.sh" "$out"
fi

step "natverk (debug) and the module's Rust tests"
cargo build --locked -p natverk-cli
cargo test --locked -p natverk-app -p natverk-render

step "venv with openpyxl"
venv="$root/target/app-venv"
if ! "$venv/bin/python" -c 'import openpyxl' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check openpyxl==3.1.5
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cli="$root/target/debug/natverk"
# The English template: fill.py finds SPEC §10's names at their positions
# in it, to fill the page's Swedish one.
"$cli" template -o "$work/template.xlsx" --lang en

step "Playwright (Chromium, file://)"
NATVERK_APP="$out/natverk.html" NATVERK_CLI="$cli" NATVERK_WORK="$work" \
  NATVERK_PYTHON="$venv/bin/python" node --test --test-reporter=spec "$here/test/app.test.mjs"
