#!/usr/bin/env python3
"""Is the bounded import slower on ordinary workbooks? Times `natverk
import FILE -o OUT` with two binaries (before and after), alternating, on
the same files, and prints min and median CPU time and peak memory of
each and the ratio after / before, measured in the same run.

    python3 tests/hostile/import_speed.py --before OLD --after NEW FILE.xlsx ...

Typical files: the Göteborg example exported (`natverk export
examples/goteborg.json -o g.xlsx`) and the 50 000-network inventory
(`natverk-gen --networks 50000 -o n.json; natverk export n.json -o n.xlsx`).
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile


def run(binary, path, out):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.Popen([binary, "import", path, "-o", out], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = 0
    del before
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    print("| file | size | before: min / median CPU s | peak MB | after: min / median CPU s | peak MB | after / before (median) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "out.json")
        for f in a.files:
            t = {"b": [], "a": []}
            m = {"b": 0, "a": 0}
            codes = set()
            for _ in range(a.runs):
                for k, b in (("b", a.before), ("a", a.after)):
                    cpu, rss, code = run(b, f, out)
                    t[k].append(cpu)
                    m[k] = max(m[k], rss)
                    codes.add((k, code))
            mb, ma = statistics.median(t["b"]), statistics.median(t["a"])
            print(f"| {os.path.basename(f)} | {os.path.getsize(f)} | {min(t['b']):.3f} / {mb:.3f} | "
                  f"{m['b'] / 1e6:.0f} | {min(t['a']):.3f} / {ma:.3f} | {m['a'] / 1e6:.0f} | "
                  f"{ma / mb:.2f} |" + ("" if codes <= {("b", 0), ("a", 0)} else f" exit codes {sorted(codes)}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
