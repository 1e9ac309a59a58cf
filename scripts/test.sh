#!/usr/bin/env bash
# Runs every test of every frontend. Installs what it needs, idempotently,
# on a fresh Debian 12 machine with rustup, Python 3.11 and Node 20:
#   Rust: fmt, clippy, docs, core + CLI tests (unit, integration, doc, property)
#   Workbook: LibreOffice (Debian libreoffice-calc-nogui) round trips of the
#             xlsx export through ods and back, required; editing an export
#             with openpyxl (venv) and checking the report changes by the edit
#   Python: one abi3 wheel (maturin), pytest on the oldest and newest CPython
#           under ~/.pyenv and python3 (conformance corpus, stubtest, notebook)
#   WebAssembly: wasm32 target, wasm-bindgen-cli, npm deps, node tests, tsc,
#                headless Chromium widget test
#   Hostile inputs: the release binary on every class of tests/hostile under
#                the SPEC §9 bound (memory cap and time limit), ~2 minutes
#   Dist: scripts/dist.sh builds dist/ (SPEC §16) and scripts/try-dist.sh
#         tries each file as its user would (Wine for the Windows program);
#         run first, so the python and hostile parts test these very files
#         (the manylinux wheel, the static program) instead of building
#         their own
#   App: dist's natverk.html (bindings/app/build.sh), Playwright in
#        headless Chromium from file:// with workbooks filled by openpyxl
#        (venv) against the debug CLI, axe; ~4 minutes warm, ~7 cold
#   Board: the .docx appendix through LibreOffice (Debian
#          libreoffice-writer-nogui) to PDF, read back with pdftotext
#          (poppler-utils); the .ics calendar parsed by icalendar (venv)
# Usage: scripts/test.sh [dist|rust|workbook|python|wasm|hostile|app|board]...   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(dist rust workbook python wasm hostile app board)
want() { local p; for p in "${parts[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

step() { printf '\n==> %s\n' "$*"; }

# Every runner's output also goes to a log, for the tally at the end.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
run() { "$@" 2>&1 | tee -a "$log"; }

if want dist; then
  step "dist: the release files (scripts/dist.sh)"
  if [ -f bindings/app/build.sh ]; then
    bash scripts/dist.sh all
  else
    echo "note: bindings/app/build.sh is not here yet: dist/ without natverk.html"
    bash scripts/dist.sh linux windows wheels npm sums
  fi
  step "dist: each file tried as its user would (scripts/try-dist.sh)"
  run bash scripts/try-dist.sh
  # The later parts test these files rather than build their own.
  shopt -s nullglob
  wheels=(dist/natverk-*-cp39-abi3-manylinux*_x86_64.whl)
  shopt -u nullglob
  [ ${#wheels[@]} -eq 1 ] && export NATVERK_WHEEL="$PWD/${wheels[0]}"
  export NATVERK_RELEASE_BIN="$PWD/dist/natverk-x86_64-linux"
  [ -f dist/natverk.html ] && export NATVERK_APP_HTML="$PWD/dist/natverk.html"
fi

if want rust; then
  step "cargo fmt --check"
  cargo fmt --all --check
  step "cargo clippy (workspace, all targets, warnings are errors)"
  cargo clippy --workspace --all-targets --locked -- -D warnings
  step "cargo clippy: the core as the widget's lean module builds it (no feature vocabulary)"
  cargo clippy -p natverk --no-default-features --lib --locked -- -D warnings
  step "cargo doc (broken links are errors)"
  RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked -p natverk
  step "cargo doc: the core's public items (the product API only, DESIGN.md; ~20 s)"
  run scripts/public-items.sh
  step "cargo test (core and command line)"
  run cargo test --locked
  step "cargo test: reports in parts on threads (the core's parallel feature)"
  run cargo test --locked --release -p natverk-bench --features natverk/parallel --test parallel
fi

if want workbook; then
  if ! command -v soffice >/dev/null 2>&1; then
    step "installing LibreOffice Calc (Debian) for the workbook tests"
    export DEBIAN_FRONTEND=noninteractive
    for i in 1 2 3 4 5 6; do
      # apt is shared: when another process holds its lock, wait and retry.
      if apt-get update -qq && apt-get install -y -qq libreoffice-calc-nogui >/dev/null; then
        break
      fi
      echo "apt is busy or failed; retrying in 20 s ($i/6)"
      sleep 20
    done
    command -v soffice >/dev/null 2>&1 || { echo "could not install libreoffice-calc-nogui" >&2; exit 1; }
  fi
  step "workbook: the export through LibreOffice (ods and back to xlsx) imports unchanged"
  run env NATVERK_REQUIRE_SOFFICE=1 cargo test --locked -p natverk-workbook --test lib libreoffice
  run env NATVERK_REQUIRE_SOFFICE=1 cargo test --locked -p natverk-cli --test workbook
  step "workbook: editing an export as an official would (openpyxl)"
  venv=target/venv-workbook
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check openpyxl pytest
  cargo build --locked -q -p natverk-cli
  run env NATVERK_BIN="$PWD/target/debug/natverk" "$venv/bin/python" -m pytest \
    -p no:cacheprovider crates/natverk-workbook/tests/edit_with_openpyxl.py \
    crates/natverk-workbook/tests/people_type_openpyxl.py
fi

if want python; then
  step "Python package"
  run bash bindings/python/run-tests.sh
fi

if want wasm; then
  if ! command -v chromium >/dev/null 2>&1; then
    step "installing Chromium (Debian) for the browser tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  fi
  step "WebAssembly package and widget"
  run bash bindings/wasm/run-tests.sh
fi

if want hostile; then
  step "hostile inputs under the SPEC §9 bound (tests/hostile)"
  if [ -n "${NATVERK_RELEASE_BIN:-}" ]; then
    echo "the release program of the dist part: $NATVERK_RELEASE_BIN"
    run python3 tests/hostile/run.py --binary "$NATVERK_RELEASE_BIN"
  else
    cargo build --release --locked -p natverk-cli
    run python3 tests/hostile/run.py --binary target/release/natverk
  fi
fi

if want app; then
  step "the official's app (natverk.html) in Chromium"
  run bash bindings/app/run-tests.sh
fi

if want board; then
  if ! command -v soffice >/dev/null 2>&1 || ! dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 \
    || ! command -v pdftotext >/dev/null 2>&1; then
    step "installing LibreOffice Writer and poppler-utils (Debian) for the board tests"
    export DEBIAN_FRONTEND=noninteractive
    for i in 1 2 3 4 5 6; do
      # apt is shared: when another process holds its lock, wait and retry.
      if apt-get update -qq && apt-get install -y -qq libreoffice-writer-nogui poppler-utils >/dev/null; then
        break
      fi
      echo "apt is busy or failed; retrying in 20 s ($i/6)"
      sleep 20
    done
    command -v pdftotext >/dev/null 2>&1 || { echo "could not install libreoffice-writer-nogui poppler-utils" >&2; exit 1; }
  fi
  step "board: the .docx appendix through LibreOffice to PDF, and the .ics through icalendar"
  venv=target/venv-board
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check icalendar pytest
  cargo build --locked -q -p natverk-cli
  run env NATVERK_BIN="$PWD/target/debug/natverk" "$venv/bin/python" -m pytest \
    -p no:cacheprovider tests/board/test_outputs.py
fi

# cargo: "test result: ok. N passed; M failed"; pytest: "== N passed"; node: "ℹ pass N";
# hostile: "hostile: N passed, M failed"; dist: "dist: N passed, M failed"
sum() { grep -oE "$1" "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}'; return 0; }
passed=$(( $(sum 'test result: [a-z]+\. [0-9]+ passed') + $(sum '^=+ ([0-9]+ [a-z]+, )*[0-9]+ passed') + $(sum '^ℹ pass [0-9]+') + $(sum '^hostile: [0-9]+ passed') + $(sum '^dist: [0-9]+ passed') ))
failed=$(( $(sum '[0-9]+ failed') + $(sum '^ℹ fail [0-9]+') ))
step "all tests passed (${parts[*]})"
echo "${passed} passed, ${failed} failed"
