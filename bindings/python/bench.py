#!/usr/bin/env python3
"""Benchmark of the Python binding (not a test).

Loads a national-scale inventory written by the Rust bench's generator
(``cargo run --release -p natverk-bench --bin natverk-gen -- --networks N
-o FILE``; this script runs it when no ``--file`` is given and keeps the
file in ``target/bench/``) and measures, over several runs (min and
median), in one run of this script:

* loading it (``Inventory.from_json``);
* reading one part (``repr``, ``organisation``, ``network(id)``,
  ``units`` against the same dicts built in pure Python), ``tables()`` and
  ``to_pandas()`` against the load, and changing or dropping one network
  (``with_network``, ``without_network``) against the core's validation of
  the file;
* a report by network: the native call alone (the core computes the
  report, in Rust) against the Python call plus its ``lines`` and
  ``total`` as Python values (``Decimal``, ``int``, ``str``, ``None``, built
  in Rust), run alternately so both see the same load, with their ratio in
  wall-clock and in CPU time — the target is at most 1.5×;
* the same for a small report (by subject and year), a report with
  ``leave`` and the equality statistics;
* the notebook display (``_repr_html_()``, 200 rows shown) and
  ``table("sv")`` (every line converted) of that report;
* ``to_pandas()`` (``money="decimal"`` and ``"float"``), ``to_arrow()`` and
  ``to_polars()`` of the report by network of one year (one line per
  network): targets 0.2 s for ``to_pandas()`` and 0.1 s for ``to_arrow()``.

Usage: python bench.py [--networks 50000] [--runs 5] [--seed 1] [--file F]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any, Callable, List, Tuple

import natverk

REPO = Path(__file__).resolve().parent.parent.parent


def generated(networks: int, seed: int) -> Path:
    """The generator's inventory of ``networks`` networks, made once."""
    path = REPO / "target" / "bench" / f"inventory-{networks}-seed{seed}.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["cargo", "run", "--quiet", "--release", "-p", "natverk-bench", "--bin", "natverk-gen",
             "--", "--seed", str(seed), "--networks", str(networks), "-o", str(path)],
            cwd=REPO, check=True,
        )
    return path


def measure(fn: Callable[[], Any], runs: int) -> Tuple[float, float, Any]:
    times = []
    result = None
    for _ in range(runs):
        result = None  # freed outside the timed window
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), result


Timing = Tuple[float, float, Any]


def paired(a: Callable[[], Any], b: Callable[[], Any], runs: int) -> Tuple[Timing, Timing, Timing, Timing]:
    """Times ``a`` and ``b`` alternately, so that both see the same load
    of a shared machine (a ratio of two series far apart means little), in
    wall-clock and in CPU time of this process (which other processes on a
    busy machine do not inflate). Returns (a wall, b wall, a CPU, b CPU)."""
    wa: List[float] = []
    wb: List[float] = []
    ca: List[float] = []
    cb: List[float] = []
    ra = rb = None
    for _ in range(runs):
        # the previous results are freed outside the timed windows (else
        # each window would also pay for freeing the run before it)
        ra = rb = None
        t0, c0 = time.perf_counter(), time.process_time()
        ra = a()
        t1, c1 = time.perf_counter(), time.process_time()
        rb = b()
        t2, c2 = time.perf_counter(), time.process_time()
        wa.append(t1 - t0)
        wb.append(t2 - t1)
        ca.append(c1 - c0)
        cb.append(c2 - c1)

    def stats(xs: List[float], r: Any) -> Timing:
        return min(xs), statistics.median(xs), r

    return stats(wa, ra), stats(wb, rb), stats(ca, ra), stats(cb, rb)


def row(label: str, t: Tuple[float, float, Any], extra: str = "") -> None:
    if t[1] < 0.01:  # below 10 ms: in microseconds
        print(f"{label:<52} min {t[0] * 1e6:9.1f} µs   median {t[1] * 1e6:9.1f} µs  {extra}")
    else:
        print(f"{label:<52} min {t[0] * 1000:9.1f} ms   median {t[1] * 1000:9.1f} ms  {extra}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--networks", type=int, default=50_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--file", help="benchmark this inventory file instead of the generator's")
    args = ap.parse_args()

    path = Path(args.file) if args.file else generated(args.networks, args.seed)
    text = path.read_bytes()
    load = measure(lambda: natverk.Inventory.from_json(text), args.runs)
    inv = load[2]
    print(f"natverk {natverk.__version__}: {len(inv)} networks, {len(text) / 1e6:.1f} MB JSON "
          f"({path.name}), {args.runs} runs each, {os.cpu_count()} CPUs\n")
    row("Inventory.from_json", load)
    print()
    inventory_side(inv, text, load, args.runs)
    print()

    def full(**kw: Any) -> Callable[[], Any]:
        def run() -> Any:
            r = inv.report(2024, 2026, **kw)
            r.lines, r.total  # noqa: B018 - the conversion is what is measured
            return r
        return run

    cases = [
        ("report 2024-2026 by network", '{"from": 2024, "to": 2026}', full()),
        ("report 2024-2026 by subject,year", '{"from": 2024, "to": 2026, "by": ["subject", "year"]}',
         full(by=["subject", "year"])),
        ("report 2024-2026 by network, leave recommended",
         '{"from": 2024, "to": 2026, "leave": "recommended"}', full(leave="recommended")),
    ]
    for label, options, python in cases:
        n, p, nc, pc = paired(lambda: inv._native.report(options), python, args.runs)
        row(f"{label}: the core", n, f"{len(p[2].lines)} lines")
        row(f"{label}: Python + .lines + .total", p,
            f"ratio {p[0] / n[0]:.2f}x (min), {p[1] / n[1]:.2f}x (median)")
        row(f"{label}: CPU time, the core", nc)
        row(f"{label}: CPU time, Python + .lines + .total", pc,
            f"ratio {pc[0] / nc[0]:.2f}x (min), {pc[1] / nc[1]:.2f}x (median)")
    eq_n, eq_p, _, _ = paired(lambda: inv._native.equality('{"from": 2024, "to": 2025}'),
                              lambda: inv.equality(2024, 2025), args.runs)
    row("equality 2024-2025: the core", eq_n)
    row("equality 2024-2025: Python (+ Decimals)", eq_p,
        f"ratio {eq_p[0] / eq_n[0]:.2f}x (min), {eq_p[1] / eq_n[1]:.2f}x (median)")
    print()

    # one line per network: every status, one year
    every = ["proposed", "applied", "active", "dormant", "ended", "declined"]
    big = lambda: inv.report(2024, 2024, statuses=every)  # noqa: E731
    lines = len(big())

    def timed(method: Callable[[natverk.Report], Any]) -> Tuple[float, float, Any]:
        # a fresh report each run, so nothing is cached; only the method is timed
        times = []
        for _ in range(args.runs):
            r = big()
            t0 = time.perf_counter()
            out = method(r)
            times.append(time.perf_counter() - t0)
            del out  # freed outside the timed window
        return min(times), statistics.median(times), None

    # the notebook display converts the rows it shows (200), not every line
    row(f"_repr_html_() ({lines} lines, 200 shown)", timed(lambda r: r._repr_html_()))
    row(f"table('sv') ({lines} lines, all converted)", timed(lambda r: r.table("sv")))
    if importlib.util.find_spec("pandas"):
        row(f"to_pandas() ({lines} lines)", timed(lambda r: r.to_pandas()), "target 200 ms")
        row(f"to_pandas(money='float') ({lines} lines)", timed(lambda r: r.to_pandas(money="float")))
    else:
        print("to_pandas: pandas is not installed")
    if importlib.util.find_spec("pyarrow"):
        row(f"to_arrow() ({lines} lines)", timed(lambda r: r.to_arrow()), "target 100 ms")
    else:
        print("to_arrow: pyarrow is not installed")
    if importlib.util.find_spec("polars"):
        row(f"to_polars() ({lines} lines)", timed(lambda r: r.to_polars()))
    else:
        print("to_polars: polars is not installed")


def inventory_side(inv: natverk.Inventory, text: bytes, load: Timing, runs: int) -> None:
    """Reading and changing one part of the inventory (issue 26), each
    against a baseline measured here: the core's load of the same file
    (``Inventory.from_json``, parse and validation), or building the same
    dicts in pure Python from a prepared list."""
    many = max(runs, 20)
    some_id = inv.networks[len(inv) // 2]["id"]
    row("repr(inv)", measure(lambda: repr(inv), many), "target 1 ms")
    row("inv.organisation", measure(lambda: inv.organisation, many), "target 1 ms")
    row("inv.network(id)", measure(lambda: inv.network(some_id), many), "target 1 ms")
    row("len(inv), hash(inv)", measure(lambda: (len(inv), hash(inv)), many))
    units = measure(lambda: inv.units, many)
    prepared = [(u["id"], u["name"], u["central"]) for u in units[2]]
    plain = measure(lambda: [{"id": i, "name": n, "central": c} for i, n, c in prepared], many)
    row(f"inv.units ({len(prepared)} units)", units,
        f"ratio {units[0] / plain[0]:.1f}x pure Python (min), target 10x")
    row("  baseline: the same dicts in pure Python", plain)
    # each against its baseline, alternately (a busy machine slows both
    # alike), in wall-clock and in CPU time
    def versus(label: str, fn: Callable[[], Any], base: Callable[[], Any], what: str,
               target: str) -> None:
        a, b, ca, cb = paired(fn, base, runs)
        row(f"  baseline: {what}", b)
        row(label, a, f"ratio {a[0] / b[0]:.2f}x (min), target {target}")
        row(f"{label}: CPU time", ca, f"ratio {ca[0] / cb[0]:.2f}x the baseline's CPU time (min)")

    def core_load() -> Any:
        return natverk.Inventory.from_json(text)

    versus("tables()", inv.tables, core_load, "the core's load", "2x")
    if importlib.util.find_spec("pandas"):
        versus("to_pandas()", inv.to_pandas, core_load, "the core's load", "2x")
    net = inv.network(some_id)
    net["status"] = "dormant"
    versus("with_network (one network changed)", lambda: inv.with_network(net),
           inv._native.revalidate, "the core's validation of the file", "1x")
    versus("without_network", lambda: inv.without_network(some_id),
           inv._native.revalidate, "the core's validation of the file", "1x")
    nets = inv.networks
    replace = measure(lambda: inv.replace(networks=nets), runs)
    row("replace(networks=...) (every network given)", replace,
        f"ratio {replace[0] / load[0]:.2f}x the load (min)")


if __name__ == "__main__":
    main()
