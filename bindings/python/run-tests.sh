#!/usr/bin/env bash
# Builds the natverk Python package and runs its tests.
#
# Idempotent and fit for a fresh machine: creates bindings/python/.venv if
# missing, installs requirements-dev.txt when it changed, builds the native
# module in release mode into target/maturin (its own target dir, so it does
# not fight `cargo test` over pyo3's build) and runs pytest. Extra arguments
# go to pytest (e.g. `-k conformance`). Exits non-zero on any failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
  echo "==> creating $venv"
  "$python" -m venv "$venv"
fi

stamp="$venv/.requirements-dev.txt"
if ! cmp -s "$here/requirements-dev.txt" "$stamp"; then
  echo "==> installing test requirements"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements-dev.txt"
  cp "$here/requirements-dev.txt" "$stamp"
fi

echo "==> building natverk (maturin develop --release)"
export CARGO_TARGET_DIR="$repo/target/maturin"
(cd "$here" && VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH" \
  "$venv/bin/maturin" develop --release --quiet)

echo "==> pytest"
cd "$here"
exec "$venv/bin/python" -m pytest tests "$@"
