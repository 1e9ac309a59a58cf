#!/usr/bin/env bash
# Builds the package, then runs every JS test: the API over the shared
# conformance corpus and our own cases (Node), the types (tsc --noEmit), and
# the widget in headless Chromium. Exits non-zero on any failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

start=$(date +%s)
./build.sh

printf '\n== tsc --noEmit (js/natverk.d.ts against test/types-test.ts)\n'
node_modules/.bin/tsc --noEmit -p tsconfig.json
echo "types ok"

printf '\n== node --test\n'
# Node 20's --test takes no globs: list the files (TOOLCHAIN pitfall 5).
node --test --test-reporter=spec \
  test/api.test.mjs \
  test/browser.test.mjs

echo "run-tests.sh: all passed in $(( $(date +%s) - start )) s"
