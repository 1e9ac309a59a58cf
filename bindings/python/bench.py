#!/usr/bin/env python3
"""Benchmark of the Python binding (not a test).

Builds a realistic inventory of N networks (default 50 000) deterministically
from a seed — tiered and per-capita fee schedules, foreign currencies, staff
time, travel, financing — and measures, over several runs (min and median):

* loading it (``Inventory.from_json`` and ``Inventory.from_dict``);
* ``report`` by network: the native call alone (the core computes the
  report, in Rust) versus the Python call ``Inventory.report`` (which wraps
  the core's report and converts lazily), and versus the Python call with
  every line turned into Decimals (``.lines``), with their ratios;
* the same for a small report (by subject and year) and for ``equality``;
* ``to_pandas()`` of the report by network (one line per network);
* with ``--file``, an inventory written by the Rust bench's generator
  (``cargo run -p natverk-bench --bin natverk-gen -- -o FILE``) instead, so
  the numbers compare with ``cargo bench -p natverk-bench`` (its "report by
  network (loaded)" is the core alone, without writing JSON).

Usage: python bench.py [--networks 50000] [--runs 5] [--seed 1480] [--file F]
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import random
import statistics
import time
from decimal import Decimal
from typing import Any, Callable, Dict, List, Tuple

import natverk

SUBJECTS = [
    "jämställdhet", "klimat", "digitalisering", "kultur", "internationellt",
    "hållbar stadsutveckling", "kommunal samverkan", "forskning", "trygghet",
    "näringsliv", "folkhälsa", "integration",
]
ORGANISERS = ["SKR", "Eurocities", "ICLEI", "Sambruk", "Länsstyrelsen", "CEMR", None]
KINDS = ["network", "membership", "programme", "partnership", "declaration"]
STATUSES = ["active"] * 8 + ["proposed", "applied", "dormant", "ended", "declined"]


def make_inventory(n: int, seed: int) -> Dict[str, Any]:
    """An inventory of ``n`` networks; the same for the same seed."""
    rnd = random.Random(seed)
    units: List[Dict[str, Any]] = [{"id": f"u{i}", "name": f"Förvaltning {i}", "central": i < 3} for i in range(40)]
    people: List[Dict[str, Any]] = []
    for i in range(max(10, n // 10)):
        politician = rnd.random() < 0.3
        p: Dict[str, Any] = {
            "id": f"p{i}",
            "name": f"Person {i}",
            "role": "politician" if politician else "official",
            "hourly_cost": str(rnd.choice([550, 600, 650, 720, 1100])) if rnd.random() < 0.9 else None,
        }
        g = rnd.random()
        if g < 0.48:
            p["gender"] = "woman"
        elif g < 0.96:
            p["gender"] = "man"
        elif g < 0.98:
            p["gender"] = "other"
        if politician:
            p["side"] = rnd.choice(["majority", "opposition"])
            p["party"] = rnd.choice(["S", "M", "V", "L", "C", "KD", "MP", "SD"])
        people.append({k: v for k, v in p.items() if v is not None})
    schedules: List[Dict[str, Any]] = [
        {"id": "skr-tiers", "population_offset": -2, "tiers": [
            {"max_population": 50000, "amount": "20000"},
            {"max_population": 200000, "amount": "40000"},
            {"amount": "65000"}]},
        {"id": "per-capita", "per_capita": {"base": "4000", "rate": "0.30", "max": "49000"}},
        {"id": "eur-tiers", "currency": "EUR", "tiers": [
            {"max_population": 250000, "amount": "8000"}, {"amount": "16000"}]},
    ]
    rates = [{"currency": c, "year": y, "rate": str(Decimal(r) + Decimal(y - 2015) / 100)}
             for c, r in [("EUR", "10.90"), ("NOK", "0.98"), ("DKK", "1.46")]
             for y in range(2015, 2031)]
    networks: List[Dict[str, Any]] = []
    for i in range(n):
        start = datetime.date(rnd.randint(2015, 2024), rnd.randint(1, 12), 1)
        net: Dict[str, Any] = {
            "id": f"n{i:06d}",
            "name": f"Nätverk {i} <{rnd.choice(SUBJECTS)}>",
            "kind": rnd.choice(KINDS),
            "subjects": rnd.sample(SUBJECTS, rnd.choice([0, 1, 1, 2, 3])),
            "unit": rnd.choice(units)["id"],
            "start": start.isoformat(),
            "status": rnd.choice(STATUSES),
            "notice_months": rnd.choice([0, 0, 3, 6, 12]),
        }
        org = rnd.choice(ORGANISERS)
        if org:
            net["organiser"] = org
        if rnd.random() < 0.4:
            net["end"] = datetime.date(rnd.randint(max(start.year, 2024), 2030), 12, 31).isoformat()
        if rnd.random() < 0.3:
            net["assessment"] = {"benefit": rnd.randint(1, 5),
                                 "recommendation": rnd.choice(["keep", "review", "leave"])}
        chosen = rnd.sample(people, rnd.randint(0, 5))
        net["participants"] = [
            {"person": p["id"], **({"hours_per_year": str(rnd.choice([8, 20, 40, 120]))}
                                   if rnd.random() < 0.8 else {})}
            for p in chosen
        ]
        costs: List[Dict[str, Any]] = []
        for _ in range(rnd.randint(0, 3)):
            kind = rnd.choice(["fee", "membership", "travel", "other"])
            r = rnd.random()
            if r < 0.3 and kind in ("fee", "membership"):
                costs.append({"kind": kind, "schedule": rnd.choice(schedules)["id"]})
            elif r < 0.45:
                costs.append({"kind": kind, "amount": f"{rnd.randint(1, 400) * 250}.00",
                              "currency": rnd.choice(["EUR", "NOK", "DKK"])})
            elif r < 0.6:
                costs.append({"kind": kind, "amount": str(rnd.randint(1000, 90000)), "per": "once"})
            else:
                cost: Dict[str, Any] = {"kind": kind, "amount": f"{rnd.randint(500, 150000)}.{rnd.randint(0, 99):02d}"}
                if rnd.random() < 0.2:
                    cost["prorate"] = True
                costs.append(cost)
        net["costs"] = costs
        if rnd.random() < 0.2:
            status = rnd.choice(["expected", "applied", "granted", "denied"])
            fin: Dict[str, Any] = {"funder": "Länsstyrelsen", "status": status,
                                   "share": rnd.choice(["1", "0.5", "0.25"]),
                                   "covers": rnd.choice(["fees", "all"])}
            if status in ("expected", "applied"):
                fin["probability"] = rnd.choice(["0.8", "0.5", "0.3"])
            if rnd.random() < 0.5:
                fin["max_per_year"] = "50000"
            net["financing"] = [fin]
        networks.append(net)
    return {
        "format": "natverk/1",
        "organisation": {"name": "Benchstad", "code": "9999", "currency": "SEK",
                         "population": {str(y): 500000 + 4000 * (y - 2010) for y in range(2010, 2031)}},
        "units": units,
        "people": people,
        "fee_schedules": schedules,
        "exchange_rates": rates,
        "networks": networks,
    }


def measure(fn: Callable[[], Any], runs: int) -> Tuple[float, float, Any]:
    times = []
    result = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), result


def row(label: str, t: Tuple[float, float, Any], extra: str = "") -> None:
    print(f"{label:<52} min {t[0] * 1000:9.1f} ms   median {t[1] * 1000:9.1f} ms  {extra}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--networks", type=int, default=50_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1480)
    ap.add_argument("--save", help="write the generated inventory to this file")
    ap.add_argument("--file", help="benchmark this inventory file instead of generating one")
    args = ap.parse_args()

    t0 = time.perf_counter()
    if args.file:
        with open(args.file, encoding="utf-8") as f:
            text = f.read()
        data = natverk.Inventory.from_json(text).to_dict()
        source = args.file
    else:
        data = make_inventory(args.networks, args.seed)
        text = json.dumps(data, ensure_ascii=False)
        source = f"generated from seed {args.seed}"
    print(f"natverk {natverk.__version__}: {len(data['networks'])} networks, {len(data['people'])} people, "
          f"{len(text) / 1e6:.1f} MB JSON ({source}, {time.perf_counter() - t0:.1f} s), "
          f"{args.runs} runs each\n")
    if args.save:
        with open(args.save, "w", encoding="utf-8") as f:
            f.write(text)

    load = measure(lambda: natverk.Inventory.from_json(text), args.runs)
    row("Inventory.from_json", load)
    row("Inventory.from_dict", measure(lambda: natverk.Inventory.from_dict(data), max(1, args.runs // 2)))
    inv = load[2]
    print()

    cases = [
        ("report 2024-2026 by network", lambda: inv._native.report('{"from": 2024, "to": 2026}'),
         lambda: inv.report(2024, 2026)),
        ("report 2024-2026 by subject,year",
         lambda: inv._native.report('{"from": 2024, "to": 2026, "by": ["subject", "year"]}'),
         lambda: inv.report(2024, 2026, by=["subject", "year"])),
        ("report 2024-2026 by network, leave recommended",
         lambda: inv._native.report('{"from": 2024, "to": 2026, "leave": "recommended"}'),
         lambda: inv.report(2024, 2026, leave="recommended")),
        ("equality 2024-2025", lambda: inv._native.equality('{"from": 2024, "to": 2025}'),
         lambda: inv.equality(2024, 2025)),
    ]
    for label, native, full in cases:
        n = measure(native, args.runs)
        p = measure(full, args.runs)
        is_report = isinstance(p[2], natverk.Report)
        size = f"{len(p[2].lines)} lines" if is_report else f"{len(p[2].networks)} networks"
        row(f"{label}: native (the core{'' if is_report else ' + its JSON'})", n, size)
        row(f"{label}: Python{' (lazy)' if is_report else ' (+ Decimals)'}", p,
            f"ratio {p[0] / n[0]:.2f}x (min), {p[1] / n[1]:.2f}x (median)")
        if is_report:
            d = measure(lambda: full().lines, args.runs)
            row(f"{label}: Python + every line as Decimals", d,
                f"ratio {d[0] / n[0]:.2f}x (min), {d[1] / n[1]:.2f}x (median)")
    print()
    # every generated network has the year 2024: one line per network
    every = ["proposed", "applied", "active", "dormant", "ended", "declined"]
    big = inv.report(2024, 2024, statuses=every)
    if importlib.util.find_spec("pandas") is None:
        print("to_pandas: pandas is not installed")
    else:
        row(f"Report.to_pandas (2024 by network, {len(big.lines)} lines)", measure(big.to_pandas, args.runs))

if __name__ == "__main__":
    main()
