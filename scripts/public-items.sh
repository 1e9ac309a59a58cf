#!/usr/bin/env bash
# Counts the public items `cargo doc` lists for the core crate `natverk`
# (every entry of target/doc/natverk/all.html: structs, enums, traits,
# functions, constants, macros, type aliases), with the docs.rs features on.
# Usage: scripts/public-items.sh [--list]
set -euo pipefail
cd "$(dirname "$0")/.."
RUSTDOCFLAGS="${RUSTDOCFLAGS:-} --cfg docsrs" cargo +nightly doc -p natverk --no-deps --all-features -q 2>/dev/null \
  || cargo doc -p natverk --no-deps --all-features -q
all=target/doc/natverk/all.html
items=$(grep -o '<li><a href="[^"]*">[^<]*</a></li>' "$all" | sed 's/<li><a href="\([^"]*\)">\([^<]*\)<\/a><\/li>/\2 (\1)/')
if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "$items"
fi
echo "public items: $(printf '%s\n' "$items" | grep -c .)"
