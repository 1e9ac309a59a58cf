#!/usr/bin/env bash
# Builds the package, then runs every JS test: the API over the shared
# conformance corpus and our own cases (Node), the vocabulary, the types
# (tsc --noEmit), and the widget in headless Chromium: rendering, warnings,
# equality, a strict Content-Security-Policy, another origin, two widgets on
# a page, 360/768/1280 px with axe-core, and the npm tarball built by Vite.
# Screenshots go to tests/artifacts/ (gitignored). Exits non-zero on any failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

start=$(date +%s)
./build.sh

printf '\n== tsc --noEmit (js/natverk.d.ts against test/types-test.ts)\n'
node_modules/.bin/tsc --noEmit -p tsconfig.json
echo "types ok"

printf '\n== natverk (debug), for the pre-rendered widget (test/prerender.test.mjs)\n'
(cd ../.. && cargo build --locked -p natverk-cli)
export NATVERK_CLI="${NATVERK_CLI:-$(cd ../.. && pwd)/target/debug/natverk}"

printf '\n== node --test\n'
# Node 20's --test takes no globs: list the files (TOOLCHAIN pitfall 5).
# The browser files share one machine's two cores: run them one at a time
# so the layout and speed figures are not skewed by each other.
node --test --test-reporter=spec --test-concurrency=1 \
  test/api.test.mjs \
  test/lean.test.mjs \
  test/board.test.mjs \
  test/vocabulary.test.mjs \
  test/browser.test.mjs \
  test/embed.test.mjs \
  test/layout.test.mjs \
  test/bundle.test.mjs \
  test/prerender.test.mjs \
  test/readme.test.mjs

echo "run-tests.sh: all passed in $(( $(date +%s) - start )) s"
