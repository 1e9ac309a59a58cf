#!/usr/bin/env bash
# Builds ONE abi3 wheel of the natverk Python package and runs the whole
# test suite with it on several CPythons: the oldest and the newest 3.x
# (≥ 3.9, the abi3 floor) under ~/.pyenv/versions, and the machine's
# python3. Each Python gets its own virtual environment in
# bindings/python/.venvs/pyX.Y, made once and refilled only when
# requirements-dev.txt changes (its environment markers pin the versions
# each Python can have, e.g. pandas 3 needs 3.11).
#
# Idempotent and fit for a fresh machine. The wheel is built with
# `maturin build --release` into target/maturin (its own target dir, so it
# does not fight `cargo test` over pyo3's build), installed into every
# venv, and pytest runs there. Extra arguments go to pytest (e.g.
# `-k conformance`). NATVERK_WHEEL=PATH tests that wheel instead of
# building one (scripts/test.sh sets it to dist/'s). NATVERK_PYTHONS="/path/to/python3.12 ..." overrides the
# choice of interpreters. Exits non-zero if any run fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venvs="$here/.venvs"
wheels="$repo/target/maturin/wheels"

# ---- which Pythons ---------------------------------------------------------
pythons=()
if [ -n "${NATVERK_PYTHONS:-}" ]; then
  read -r -a pythons <<<"$NATVERK_PYTHONS"
else
  found=()
  for p in "$HOME"/.pyenv/versions/3.*/bin/python3; do
    [ -x "$p" ] || continue
    minor="$("$p" -c 'import sys; print(sys.version_info[1])' 2>/dev/null || echo 0)"
    [ "$minor" -ge 9 ] && found+=("$minor $p")
  done
  if [ ${#found[@]} -gt 0 ]; then
    mapfile -t sorted < <(printf '%s\n' "${found[@]}" | sort -n)
    pythons+=("${sorted[0]#* }" "${sorted[-1]#* }")
  fi
  pythons+=("$(command -v python3)")
fi
# one run per minor version
declare -A seen=()
chosen=()
for p in "${pythons[@]}"; do
  v="$("$p" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  [ -n "${seen[$v]:-}" ] && continue
  seen[$v]=1
  chosen+=("$v $p")
done

# ---- one venv per Python, refilled when the requirements change ------------
venv_for() {
  local v="$1" p="$2" venv="$venvs/py$1"
  if [ ! -x "$venv/bin/python" ]; then
    echo "==> creating $venv ($p)" >&2
    "$p" -m venv "$venv" >&2
  fi
  if ! cmp -s "$here/requirements-dev.txt" "$venv/.requirements-dev.txt"; then
    echo "==> installing test requirements into $venv" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements-dev.txt" >&2
    cp "$here/requirements-dev.txt" "$venv/.requirements-dev.txt"
  fi
  echo "$venv"
}

first_venv=""
for entry in "${chosen[@]}"; do
  venv="$(venv_for "${entry%% *}" "${entry#* }")"
  [ -z "$first_venv" ] && first_venv="$venv"
done

# ---- one wheel ---------------------------------------------------------------
if [ -n "${NATVERK_WHEEL:-}" ]; then
  # scripts/test.sh's dist part built the release wheel: test that one.
  wheel="$NATVERK_WHEEL"
  echo "==> the wheel of scripts/dist.sh: $(basename "$wheel")"
else
  echo "==> building one abi3 wheel (maturin build --release)"
  rm -rf "$wheels"
  (cd "$here" && CARGO_TARGET_DIR="$repo/target/maturin" \
    "$first_venv/bin/maturin" build --release --quiet --out "$wheels" \
    --interpreter "$first_venv/bin/python")
  wheel="$(ls "$wheels"/natverk-*-abi3-*.whl)"
  echo "    $(basename "$wheel")"
fi

# ---- the suite on each Python -----------------------------------------------
failed=()
for entry in "${chosen[@]}"; do
  v="${entry%% *}"
  venv="$venvs/py$v"
  echo "==> Python $v: installing the wheel and running pytest"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --force-reinstall --no-deps "$wheel"
  if ! (cd "$here" && "$venv/bin/python" -m pytest tests "$@"); then
    failed+=("$v")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "==> pytest failed on Python ${failed[*]}" >&2
  exit 1
fi
echo "==> pytest passed on Python $(printf '%s ' "${chosen[@]%% *}")"
