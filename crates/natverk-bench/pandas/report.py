"""The cost report by network (SPEC §4–§5), as an analyst would write it
with pandas: the baseline of `cargo bench -p natverk-bench`.

    python report.py FILE FROM TO  > report.json

It reads a natverk/1 file with the standard library's json module, builds
one DataFrame per list, charges every cost in every year of the range
(schedules by population, foreign amounts by the year's rate, prorating),
adds staff time, applies financing, rounds as the spec says (two decimals,
half away from zero) with exact decimals, and groups by network. It prints
the report as SPEC §5.1 JSON. The bench checks its lines and total against
natverk's on the same file, so the two compute the same thing.

It assumes a valid file (natverk has checked it): no validation here.
"""

import json
import sys
from bisect import bisect_right
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

CENT = Decimal("0.01")
ZERO = Decimal(0)
FEES = {"fee", "membership"}


def r2(d):
    # ROUND_HALF_UP in Python's decimal rounds half away from zero.
    return d.quantize(CENT, rounding=ROUND_HALF_UP) + ZERO


def dec(v):
    return Decimal(str(v)) if v is not None else None


def main(path, from_year, to_year):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    org = doc["organisation"]
    own = org["currency"]
    pop = org.get("population")
    if isinstance(pop, dict):
        pop_years = sorted(int(y) for y in pop)
        pop_values = [pop[f"{y:04}"] if f"{y:04}" in pop else pop[str(y)] for y in pop_years]
    else:
        pop_years, pop_values = None, None

    def population(y):
        if pop_years is None:
            return pop
        i = bisect_right(pop_years, y)
        return pop_values[i - 1] if i else None

    rates = pd.DataFrame(doc.get("exchange_rates", []), columns=["currency", "year", "rate"])
    rate_table = {
        c: (list(g["year"]), [dec(r) for r in g["rate"]])
        for c, g in rates.sort_values("year").groupby("currency")
    }

    def rate(c, y):
        if c is None or c == own:
            return Decimal(1)
        years, values = rate_table[c]
        return values[bisect_right(years, y) - 1]

    schedules = {s["id"]: s for s in doc.get("fee_schedules", [])}

    def schedule_amount(sid, y):
        s = schedules[sid]
        p = population(y + s.get("population_offset", 0))
        if "tiers" in s:
            for t in s["tiers"]:
                if "max_population" not in t or p <= t["max_population"]:
                    return dec(t["amount"])
        pc = s["per_capita"]
        a = dec(pc.get("base", 0)) + dec(pc["rate"]) * p
        if "min" in pc:
            a = max(a, dec(pc["min"]))
        if "max" in pc:
            a = min(a, dec(pc["max"]))
        return a

    people = pd.DataFrame(doc.get("people", []))
    hourly = {
        pid: dec(c)
        for pid, c in zip(people["id"], people.get("hourly_cost", pd.Series(dtype=object)))
        if isinstance(c, (str, int, float))
    }

    nets = pd.DataFrame(doc["networks"])
    nets["start"] = pd.to_datetime(nets["start"])
    nets["end"] = pd.to_datetime(nets.get("end"))
    nets["start_year"] = nets["start"].dt.year
    nets["end_year"] = nets["end"].dt.year
    nets = nets[nets.get("status", "active").fillna("active") != "declined"]

    # Staff time per network and year: hours × hourly cost, every year of it.
    parts = nets[["id", "participants"]].explode("participants").dropna()
    parts["time"] = [
        dec(p.get("hours_per_year")) * hourly[p["person"]]
        if p.get("hours_per_year") is not None and p["person"] in hourly
        else ZERO
        for p in parts["participants"]
    ]
    time = parts.groupby("id")["time"].sum() if len(parts) else pd.Series(dtype=object)

    # Every network-year of the network itself.
    years = []
    for nid, s, e in zip(nets["id"], nets["start_year"], nets["end_year"]):
        hi = to_year if pd.isna(e) else min(int(e), to_year)
        for y in range(max(int(s), from_year), hi + 1):
            years.append((nid, y))
    frame = pd.DataFrame(years, columns=["id", "year"])
    frame["time"] = frame["id"].map(time).fillna(ZERO)

    # Every charge of every cost in the range.
    charges = []
    for n in nets.itertuples(index=False):
        sm = n.start.month
        ey = None if pd.isna(n.end_year) else int(n.end_year)
        em = None if pd.isna(n.end) else n.end.month
        for c in n.costs if isinstance(n.costs, list) else []:
            if c.get("per") == "once":
                d = date.fromisoformat(c["date"]) if "date" in c else n.start
                span = [d.year]
            else:
                lo = c.get("from", n.start_year)
                hi = c.get("to", ey if ey is not None else to_year)
                span = range(max(lo, from_year), min(hi, to_year) + 1)
            for y in span:
                if not from_year <= y <= to_year:
                    continue
                if "amount" in c:
                    a = dec(c["amount"]) * rate(c.get("currency"), y)
                else:
                    s = schedules[c["schedule"]]
                    a = schedule_amount(c["schedule"], y) * rate(s.get("currency"), y)
                if c.get("per") != "once" and c.get("prorate"):
                    if y == n.start_year and ey == y:
                        months = em - sm + 1
                    elif y == n.start_year:
                        months = 13 - sm
                    elif ey == y:
                        months = em
                    else:
                        months = 12
                    if months != 12:
                        a = a * months / 12
                kind = "fees" if c["kind"] in FEES else c["kind"]
                charges.append((n.id, y, kind, a))
    charges = pd.DataFrame(charges, columns=["id", "year", "kind", "amount"])
    by_kind = charges.pivot_table(
        index=["id", "year"], columns="kind", values="amount", aggfunc="sum"
    )
    frame = frame.merge(by_kind.reset_index(), on=["id", "year"], how="outer")
    for k in ["time", "fees", "travel", "other"]:
        if k not in frame:
            frame[k] = ZERO
        frame[k] = frame[k].apply(lambda v: ZERO if not isinstance(v, Decimal) else v)

    # Financing of each network-year.
    financing = dict(zip(nets["id"], nets["financing"]))

    def row(r):
        fees, tm, tr, ot = r2(r.fees), r2(r.time), r2(r.travel), r2(r.other)
        gross = fees + tm + tr + ot
        total = r.fees + r.time + r.travel + r.other
        granted = weighted = ZERO
        for f in financing.get(r.id) or []:
            if f["status"] == "denied" or f.get("from", 0) > r.year or f.get("to", 9999) < r.year:
                continue
            base = r.fees if f.get("covers", "fees") == "fees" else total
            a = dec(f.get("share", 1)) * base
            if "max_per_year" in f:
                a = min(a, dec(f["max_per_year"]))
            if f["status"] == "granted":
                granted += a
            else:
                weighted += dec(f["probability"]) * a
        g = r2(min(granted, gross))
        e = r2(min(weighted, gross - g))
        return pd.Series({"fees": fees, "time": tm, "travel": tr, "other": ot,
                          "gross": gross, "granted": g, "expected": e})

    figures = frame.apply(row, axis=1)
    figures["id"] = frame["id"]
    lines = figures.groupby("id", sort=True).sum()
    lines["net"] = lines["gross"] - lines["granted"]
    lines["expected_net"] = lines["net"] - lines["expected"]
    names = dict(zip(nets["id"], nets["name"]))
    money = ["fees", "time", "travel", "other", "gross", "granted", "expected", "net", "expected_net"]
    out_lines = []
    for nid, l in lines.iterrows():
        line = {"network": nid, "name": names[nid]}
        line.update({k: f"{l[k]:.2f}" for k in money})
        out_lines.append(line)
    total = {k: f"{sum(lines[k], ZERO):.2f}" for k in money}
    json.dump({"lines": out_lines, "total": total}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
