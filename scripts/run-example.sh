#!/usr/bin/env bash
# The main job on the bundled example: the Göteborg cost report 2024–2025,
# then its checks and equality statistics. Needs only Rust (cargo).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q -p natverk-cli
nv=target/release/natverk
$nv report examples/goteborg.json --from 2024 --to 2025 "$@"
echo
$nv report examples/goteborg.json --from 2024 --to 2025 --scope central --by subject --leave recommended
echo
$nv check examples/goteborg.json --today 2023-11-20 || true
echo
$nv equality examples/goteborg.json --from 2024 --to 2025
