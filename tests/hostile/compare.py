#!/usr/bin/env python3
"""Before and after, per case: runs `run.py` on two binaries (e.g. the
branch point's and this one) over the same cases and prints a Markdown
table of outcome, peak memory and CPU time against SPEC §9's bound.

    python3 tests/hostile/compare.py --before /path/to/old/natverk \\
        [--after target/release/natverk] [-k wb] [--out table.md]

Both runs go through `run.py --json`, so the figures are those the suite
asserts (peak RSS from wait4, CPU time = user + system).
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def measure(binary, pattern):
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        cmd = [sys.executable, str(HERE / "run.py"), "--binary", binary, "--json", f.name]
        if pattern:
            cmd += ["-k", pattern]
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False)
        return {r["case"]: r for r in json.loads(Path(f.name).read_text())}


def cell(r):
    if r is None:
        return "—", "—", "—"
    out = r["outcome"]
    if r["problems"]:
        out += " ✗"
    return out, f"{r['peak_bytes'] / 1e6:.0f} ({r['mem_ratio']:.2f})", f"{r['cpu']:.2f} ({r['cpu_ratio']:.2f})"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", default=str(ROOT / "target/release/natverk"))
    ap.add_argument("-k", dest="pattern", default="wb")
    ap.add_argument("--out")
    a = ap.parse_args()
    before = measure(a.before, a.pattern)
    after = measure(a.after, a.pattern)
    lines = [
        "| case | n (bytes) | before: outcome | peak MB (/bound) | CPU s (/bound) | after: outcome | peak MB (/bound) | CPU s (/bound) |",
        "|---|---:|---|---:|---:|---|---:|---:|",
    ]
    for name in after:
        b, c = before.get(name), after[name]
        lines.append(f"| {name} | {c['n']} | " + " | ".join(cell(b)) + " | " + " | ".join(cell(c)) + " |")
    fails_b = sum(1 for r in before.values() if r["problems"])
    fails_a = sum(1 for r in after.values() if r["problems"])
    lines.append("")
    lines.append(f"{len(after)} cases: {fails_b} fail before, {fails_a} after "
                 "(✗: a problem the suite reports; a ratio is to SPEC §9's bound).")
    text = "\n".join(lines)
    print(text)
    if a.out:
        Path(a.out).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
