#!/usr/bin/env bash
# Tries the release files in dist/ as their users would (SPEC §16); run
# by `scripts/test.sh dist` after `scripts/dist.sh`. Each try prints
# "dist: ok …" and the tally line "dist: N passed, M failed".
#   linux    the static program, with a PATH holding no cargo or rustc: its
#            JSON report, checks and statistics equal the workspace build's
#   windows  the Windows program under Wine (prefix target/wine): the same
#            JSON as the Linux program for report, check and equality; a path
#            with å and a space, -o to a file, -o NUL refused, Swedish from
#            the Windows display language with no locale variable set
#   wheels   the manylinux wheel in fresh venvs of the oldest and newest
#            CPython (>= 3.9) under ~/.pyenv, no Rust on the PATH, the
#            conformance tests; the Windows wheel by its tag and its .pyd
#   npm      the tarball installed into an empty project; Node reports on
#            examples/goteborg.json, equal to the Linux program's report
#   app      natverk.html opened from file:// in headless Chromium
#   sums     sha256sum -c SHA256SUMS
# Usage: scripts/try-dist.sh [linux|windows|wheels|npm|app|sums]...  (default: all
# whose files are in dist/). Installs wine (Debian) when missing.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
dist="$root/dist"
ex="$root/examples/goteborg.json"

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(linux windows wheels npm app sums)
want() { local p; for p in "${parts[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "dist: ok $*"; }
bad() { failed=$((failed + 1)); echo "dist: FAILED $*" >&2; }
step() { printf '\n==> dist: %s\n' "$*"; }
# same NAME FILE1 FILE2: the two outputs are byte for byte the same.
same() {
  if cmp -s "$2" "$3"; then ok "$1"; else
    bad "$1 ($2 and $3 differ)"
    diff <(head -c 3000 "$2") <(head -c 3000 "$3") | head -20 >&2
  fi
}

work="$root/target/try-dist"
rm -rf "$work"
mkdir -p "$work"

# A PATH with no Rust toolchain: the system directories only (rustup puts
# cargo and rustc in ~/.cargo/bin).
norust_path=/usr/local/bin:/usr/bin:/bin
if PATH=$norust_path command -v cargo >/dev/null 2>&1 || PATH=$norust_path command -v rustc >/dev/null 2>&1; then
  bad "a PATH without Rust: $norust_path still has cargo or rustc"
fi

# The example's commands, for the programs to agree on (fixed dates: the
# results do not depend on the day CI runs).
commands=(
  "report|report $ex --from 2024 --to 2025 --format json"
  "report-central|report $ex --from 2024 --to 2025 --scope central --by subject --leave recommended --format json"
  "check|check $ex --today 2023-11-20 --format json"
  "equality|equality $ex --from 2024 --to 2025 --format json"
)

linux="$dist/natverk-x86_64-linux"
# ---- the Linux program ------------------------------------------------------------
if want linux && [ -f "$linux" ]; then
  step "the Linux program with no Rust on the PATH"
  # Static: no program interpreter (ld.so) and no shared library needed.
  elf="$(readelf -ld "$linux" 2>&1)"
  if ! grep -q 'INTERP\|NEEDED' <<<"$elf"; then ok "linux: statically linked"; else bad "linux: not static: $(grep 'INTERP\|NEEDED' <<<"$elf" | head -3)"; fi
  cargo build --locked -q -p natverk-cli
  for c in "${commands[@]}"; do
    name="${c%%|*}"
    read -r -a args <<<"${c#*|}"
    env -i PATH=$norust_path HOME="$work" "$linux" "${args[@]}" >"$work/linux-$name.json"
    "$root/target/debug/natverk" "${args[@]}" >"$work/workspace-$name.json"
    same "linux: $name equals the workspace build's" "$work/linux-$name.json" "$work/workspace-$name.json"
  done
  out="$(env -i PATH=$norust_path HOME="$work" LANG=sv_SE.UTF-8 "$linux" report "$ex" --from 2024 --to 2024)"
  if grep -q 'kostnader' <<<"$out" && grep -q 'nätverk' <<<"$out"; then ok "linux: Swedish table with LANG=sv_SE.UTF-8"; else bad "linux: no Swedish table: $(head -3 <<<"$out")"; fi
fi

# ---- the Windows program under Wine ---------------------------------------------------
exe="$dist/natverk-x86_64-windows.exe"
if want windows && [ -f "$exe" ]; then
  step "the Windows program under Wine"
  if ! command -v wine >/dev/null 2>&1 || [ ! -f /usr/share/i18n/locales/sv_SE ]; then
    export DEBIAN_FRONTEND=noninteractive
    for i in 1 2 3 4 5 6; do
      # wine64 runs the program; locales has the Swedish locale's source.
      (apt-get update -qq && apt-get install -y -qq wine64 wine locales >/dev/null) && break
      echo "apt is busy or failed; retrying in 20 s ($i/6)"
      sleep 20
    done
  fi
  export WINEPREFIX="$root/target/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    wineboot -i >/dev/null 2>&1 || true
    wineserver -w || true
  fi
  # Wine 8 lacks bcryptprimitives.dll!ProcessPrng, which Rust's standard
  # library imports: for these tries only, a stub over RtlGenRandom
  # (Windows itself has the real one).
  stub="$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
  if [ ! -f "$stub" ] || ! grep -q natverk-stub "$stub"; then
    cat >"$work/bcp.c" <<'EOF'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID, ULONG);
static const char tag[] __attribute__((used)) = "natverk-stub";
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!SystemFunction036(data, n)) return FALSE;
    data += n; len -= n;
  }
  return TRUE;
}
EOF
    printf 'LIBRARY bcryptprimitives\nEXPORTS\n  ProcessPrng\n' >"$work/bcp.def"
    x86_64-w64-mingw32-gcc -O2 -shared -o "$stub" "$work/bcp.c" "$work/bcp.def" -ladvapi32
  fi
  winexe="$work/natverk.exe"
  cp "$exe" "$winexe"
  wex_early="$(winepath -w "$ex")"
  # Wine converts the arguments from the Unix locale's character set: a
  # UTF-8 one (English) for these runs.
  wrun() { env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 wine "$@"; }
  for c in "${commands[@]}"; do
    name="${c%%|*}"
    read -r -a args <<<"${c#*|}"
    if [ -f "$work/linux-$name.json" ]; then
      wrun "$winexe" "${args[@]}" >"$work/windows-$name.json" 2>"$work/windows-$name.err"
      same "windows: $name equals the Linux program's" "$work/windows-$name.json" "$work/linux-$name.json"
    fi
  done
  # A folder and a file with å, ä, ö and a space, given as a Windows path,
  # and -o into that folder.
  dir="$work/Mapp med å ä ö"
  mkdir -p "$dir"
  cp "$ex" "$dir/inventering Göteborg.json"
  wdir="$(winepath -w "$dir" 2>/dev/null)"
  if wrun "$winexe" report "$wdir\\inventering Göteborg.json" --from 2024 --to 2025 --format json \
    -o "$wdir\\rapport å.json" 2>"$work/windows-path.err"; then
    wrun "$winexe" report "$wex_early" --from 2024 --to 2025 --format json >"$work/windows-stdout.json"
    same "windows: a path with å and a space, -o to a file (equal to its stdout)" "$dir/rapport å.json" "$work/windows-stdout.json"
    leftovers="$(find "$dir" -name '*.tmp' | wc -l)"
    [ "$leftovers" -eq 0 ] && ok "windows: no temporary file left" || bad "windows: $leftovers temporary files left"
  else
    bad "windows: a path with å and a space: $(cat "$work/windows-path.err")"
  fi
  # A reserved device name is refused like a device on Unix.
  if wrun "$winexe" report "$ex" --from 2024 --to 2024 --format json -o NUL >/dev/null 2>"$work/windows-nul.err"; then
    bad "windows: -o NUL was accepted"
  elif grep -q 'device' "$work/windows-nul.err"; then
    ok "windows: -o NUL refused ($(tr -d '\r' <"$work/windows-nul.err" | head -1))"
  else
    bad "windows: -o NUL: $(cat "$work/windows-nul.err")"
  fi
  # A folder, as input or as -o, and another device name with an extension.
  wroot="$(winepath -w "$root/examples")"
  for c in "directory input|it is a directory|report $wroot" \
    "directory -o|it is a directory|report $wex_early -o $wroot" \
    "-o com1.json|it is a device|report $wex_early -o com1.json"; do
    IFS='|' read -r name says cmdline <<<"$c"
    read -r -a args <<<"$cmdline"
    if wrun "$winexe" "${args[@]}" >/dev/null 2>"$work/windows-refuse.err"; then
      bad "windows: $name was accepted"
    elif grep -q "$says" "$work/windows-refuse.err"; then
      ok "windows: $name refused ($says)"
    else
      bad "windows: $name: $(cat "$work/windows-refuse.err")"
    fi
  done
  # The language: with no locale variable set, Windows' display language
  # decides (SPEC §11). Wine takes its display language from the Unix
  # locale (a Swedish one is compiled into target/locale, LOCPATH) and
  # passes LANG on to the program, so cmd removes the locale variables
  # before it starts natverk.exe: only the display language is left.
  if [ ! -d "$root/target/locale/sv_SE.UTF-8" ]; then
    mkdir -p "$root/target/locale"
    localedef -i sv_SE -f UTF-8 "$root/target/locale/sv_SE.UTF-8" >/dev/null 2>&1 || true
  fi
  wexe="$(winepath -w "$winexe")"
  wex="$(winepath -w "$ex")"
  wlang() { # UNIX-LOCALE COMMAND...
    local loc="$1"
    shift
    wineserver -k >/dev/null 2>&1 || true
    env -u LC_ALL -u LC_MESSAGES LOCPATH="$root/target/locale" LANG="$loc" \
      wine cmd /c "set LANG=&& set LC_ALL=&& set LC_MESSAGES=&& $wexe $*" 2>&1 | tr -d '\r'
  }
  sv_out="$(wlang sv_SE.UTF-8 report "$wex" --from 2024 --to 2024)"
  sv_help="$(wlang sv_SE.UTF-8 --help)"
  en_out="$(wlang C.UTF-8 report "$wex" --from 2024 --to 2024)"
  en_help="$(wlang C.UTF-8 --help)"
  wineserver -k >/dev/null 2>&1 || true
  if grep -q 'kostnader' <<<"$sv_out" && grep -q 'Användning' <<<"$sv_help"; then
    ok "windows: Swedish report and --help from the display language (sv-SE), no locale variable"
  else
    bad "windows: the display language sv-SE did not give Swedish: $(head -3 <<<"$sv_out") / $(head -3 <<<"$sv_help")"
  fi
  if grep -q 'SEK' <<<"$en_out" && grep -q 'Usage' <<<"$en_help"; then
    ok "windows: English with an English display language"
  else
    bad "windows: English display language: $(head -3 <<<"$en_out")"
  fi
fi

# ---- the wheels ------------------------------------------------------------------------
if want wheels; then
  shopt -s nullglob
  lin=("$dist"/natverk-*-cp39-abi3-manylinux*_x86_64.whl)
  win=("$dist"/natverk-*-cp39-abi3-win_amd64.whl)
  shopt -u nullglob
  if [ ${#lin[@]} -eq 1 ]; then
    step "the Linux wheel in fresh venvs, no Rust on the PATH"
    found=()
    for p in "$HOME"/.pyenv/versions/3.*/bin/python3; do
      [ -x "$p" ] || continue
      minor="$("$p" -c 'import sys; print(sys.version_info[1])' 2>/dev/null || echo 0)"
      [ "$minor" -ge 9 ] && found+=("$minor $p")
    done
    mapfile -t sorted < <(printf '%s\n' "${found[@]}" | sort -n)
    [ ${#sorted[@]} -gt 0 ] || sorted=("0 $(command -v python3)")
    for entry in "${sorted[0]}" "${sorted[-1]}"; do
      py="${entry#* }"
      v="$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
      venv="$work/py$v"
      "$py" -m venv "$venv"
      pytest_pin="pytest==9.2.0"
      [ "${entry%% *}" -lt 10 ] && pytest_pin="pytest==8.4.2"
      if PATH="$venv/bin:$norust_path" "$venv/bin/python" -m pip install -q --disable-pip-version-check \
        "${lin[0]}" "$pytest_pin" && (cd bindings/python && PATH="$venv/bin:$norust_path" \
        "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/test_conformance.py) >"$work/py$v.log" 2>&1; then
        where="$("$venv/bin/python" -c 'import natverk; print(natverk.__file__)')"
        case "$where" in
          "$venv"/*) ok "wheel: CPython $v: $(tail -1 "$work/py$v.log")" ;;
          *) bad "wheel: CPython $v imported natverk from $where, not the venv" ;;
        esac
      else
        bad "wheel: CPython $v"
        tail -20 "$work/py$v.log" >&2
      fi
    done
  else
    bad "wheel: dist/ has ${#lin[@]} manylinux wheels, not one"
  fi
  if [ ${#win[@]} -eq 1 ]; then
    step "the Windows wheel by its tag and its .pyd"
    rm -rf "$work/winwheel" && mkdir -p "$work/winwheel"
    python3 -m zipfile -e "${win[0]}" "$work/winwheel"
    wheelfile="$(echo "$work"/winwheel/natverk-*.dist-info/WHEEL)"
    pyd="$work/winwheel/natverk/_natverk.pyd"
    if grep -qx 'Tag: cp39-abi3-win_amd64' "$wheelfile"; then ok "windows wheel: Tag cp39-abi3-win_amd64"; else bad "windows wheel: tag: $(grep Tag "$wheelfile")"; fi
    pe="$(x86_64-w64-mingw32-objdump -fp "$pyd" 2>&1)"
    if grep -q 'file format pei-x86-64' <<<"$pe" && grep -q '(PE32+)' <<<"$pe" && grep -qw 'DLL' <<<"$pe"; then
      ok "windows wheel: natverk/_natverk.pyd is an x86-64 DLL"
    else
      bad "windows wheel: no x86-64 natverk/_natverk.pyd"
    fi
    dlls="$(x86_64-w64-mingw32-objdump -p "$pyd" 2>/dev/null | awk '/DLL Name/ {print tolower($3)}' | sort -u | tr '\n' ' ')"
    if grep -qw 'python3.dll' <<<"$dlls" && ! grep -qE 'python3[0-9]+\.dll' <<<"$dlls"; then
      ok "windows wheel: the .pyd links the stable ABI's python3.dll only ($dlls)"
    else
      bad "windows wheel: the .pyd links $dlls"
    fi
    if grep -q 'PyInit__natverk' <<<"$(x86_64-w64-mingw32-objdump -p "$pyd")"; then ok "windows wheel: exports PyInit__natverk"; else bad "windows wheel: no PyInit__natverk"; fi
  else
    bad "windows wheel: dist/ has ${#win[@]} win_amd64 wheels, not one"
  fi
fi

# ---- the npm package ------------------------------------------------------------------
shopt -s nullglob
tgz=("$dist"/natverk-wasm-*.tgz)
shopt -u nullglob
if want npm && [ ${#tgz[@]} -eq 1 ]; then
  step "the npm package in an empty project"
  proj="$work/npm-project"
  mkdir -p "$proj"
  (cd "$proj" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "${tgz[0]}") \
    || bad "npm: install"
  cat >"$proj/try.mjs" <<'EOF'
import fs from 'node:fs';
import { init, Inventory, version } from 'natverk';
import 'natverk/vocabulary';
await init();
const inv = Inventory.fromJson(fs.readFileSync(process.argv[2]));
const report = inv.report({ from: 2024, to: 2025 });
process.stdout.write(JSON.stringify({ version: version(), report }));
EOF
  if (cd "$proj" && node try.mjs "$ex" >"$work/npm-report.json"); then
    if [ -f "$work/linux-report.json" ]; then
      if node -e '
        const fs = require("fs"); const assert = require("assert");
        const got = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
        const want = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
        assert.deepStrictEqual(got.report, want);
        console.log(`natverk ${got.version}, ${got.report.lines.length} lines`);' \
        "$work/npm-report.json" "$work/linux-report.json" >"$work/npm.log" 2>&1; then
        ok "npm: Node reports on the example, equal to the Linux program ($(cat "$work/npm.log"))"
      else
        bad "npm: the report differs from the Linux program's: $(head -5 "$work/npm.log")"
      fi
    else
      ok "npm: Node reports on the example"
    fi
  else
    bad "npm: Node could not report on the example"
  fi
  listed="$(tar -tzf "${tgz[0]}" | sort | tr '\n' ' ')"
  for f in package/pkg/natverk_wasm_bg.wasm package/pkg/natverk-widget.js package/js/widget.js package/js/natverk.d.ts; do
    grep -qw "$f" <<<"$listed" || bad "npm: the tarball lacks $f"
  done
fi

# ---- the app ---------------------------------------------------------------------------
if want app && [ -f "$dist/natverk.html" ]; then
  step "the app from file:// in headless Chromium"
  if command -v chromium >/dev/null 2>&1; then
    dom="$(timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
      --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/chromium" \
      --virtual-time-budget=5000 --dump-dom "file://$dist/natverk.html" 2>/dev/null)"
    if grep -qi '<body' <<<"$dom" && [ "$(wc -c <<<"$dom")" -gt 1000 ]; then ok "app: opens from file://"; else bad "app: Chromium shows no page"; fi
  else
    echo "note: no chromium; the app is tried by the wasm part"
  fi
fi

# ---- the checksums --------------------------------------------------------------------
if want sums; then
  step "SHA256SUMS"
  if (cd "$dist" && sha256sum --strict -c SHA256SUMS); then ok "SHA256SUMS verified"; else bad "SHA256SUMS"; fi
fi

echo "dist: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
