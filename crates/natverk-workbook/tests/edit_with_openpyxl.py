"""Editing an exported workbook as an official would, with openpyxl.

Exports examples/goteborg.json, then in the workbook (found by the sheet and
column names of SPEC §10, never by position):
  - changes a fee amount (kulturarvsnatverket: 5000 -> 7500),
  - adds a participant row (slk-dig, 20 hours a year, in kulturarvsnatverket),
  - deletes a financing row (Vinnova's grant to mistra-urban-futures),
imports it and reports on it. The report must equal the report of the JSON
edited the same way by hand, and differ from the original report by exactly
what the edit implies, computed here with Decimal arithmetic.

Run by scripts/test.sh (workbook part) with pytest, or directly; needs
openpyxl and the natverk binary (NATVERK_BIN, default target/debug/natverk).
"""

import json
import os
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[3]
BIN = os.environ.get("NATVERK_BIN", str(ROOT / "target" / "debug" / "natverk"))
YEARS = ["--from", "2024", "--to", "2025"]


def natverk(*args):
    p = subprocess.run([BIN, *args], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"natverk {' '.join(args)} failed ({p.returncode}):\n{p.stdout}{p.stderr}")
    return p.stdout


def columns(ws):
    """Column number (1-based) of each heading of a sheet."""
    return {c.value: c.column for c in ws[1] if c.value is not None}


def rows_where(ws, **match):
    col = columns(ws)
    for r in range(2, ws.max_row + 1):
        if all(ws.cell(r, col[k]).value == v for k, v in match.items()):
            yield r


def report(path):
    return json.loads(natverk("report", str(path), *YEARS, "--format", "json"))


def lines_by_network(rep):
    return {line["network"]: line for line in rep["lines"]}


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        original = ROOT / "examples" / "goteborg.json"
        xlsx = tmp / "inventory.xlsx"
        natverk("export", str(original), "--lang", "en", "-o", str(xlsx))

        wb = openpyxl.load_workbook(xlsx)
        costs = wb["costs"]
        [fee_row] = rows_where(costs, network="kulturarvsnatverket", kind="fee")
        costs.cell(fee_row, columns(costs)["amount"]).value = 7500

        parts = wb["participants"]
        col = columns(parts)
        new = parts.max_row + 1
        parts.cell(new, col["network"]).value = "kulturarvsnatverket"
        parts.cell(new, col["person"]).value = "slk-dig"
        parts.cell(new, col["role"]).value = "ledamot"
        parts.cell(new, col["hours_per_year"]).value = 20

        fin = wb["financing"]
        [grant_row] = rows_where(fin, network="mistra-urban-futures", funder="Vinnova")
        fin.delete_rows(grant_row)
        edited = tmp / "edited.xlsx"
        wb.save(edited)

        imported = tmp / "imported.json"
        natverk("import", str(edited), "-o", str(imported))

        # The same edit, by hand, on the JSON.
        data = json.loads(original.read_text(encoding="utf-8"))
        nets = {n["id"]: n for n in data["networks"]}
        kultur = nets["kulturarvsnatverket"]
        [fee] = [c for c in kultur["costs"] if c["kind"] == "fee"]
        fee["amount"] = "7500"
        kultur.setdefault("participants", []).append(
            {"person": "slk-dig", "role": "ledamot", "hours_per_year": "20"}
        )
        mistra = nets["mistra-urban-futures"]
        mistra["financing"] = [f for f in mistra["financing"] if f["funder"] != "Vinnova"]
        by_hand = tmp / "by-hand.json"
        by_hand.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

        before = report(original)
        after = report(imported)
        assert after == report(by_hand), "the imported workbook reports as the JSON edited by hand"

        # And by exactly what the edit implies.
        b, a = lines_by_network(before), lines_by_network(after)
        assert b.keys() == a.keys()
        money = ["fees", "time", "travel", "other", "gross", "granted", "expected", "net", "expected_net"]
        hourly = Decimal("700")  # slk-dig's hourly cost
        granted = Decimal(b["mistra-urban-futures"]["granted"])
        assert granted > 0
        for net in b:
            for key in a[net]:
                if key in money:
                    continue
                assert a[net][key] == b[net][key], (net, key)
            diff = {k: Decimal(a[net][k]) - Decimal(b[net][k]) for k in money}
            if net == "kulturarvsnatverket":
                # One line per network over the two years: 2 × each change.
                want = {"fees": 2 * Decimal(2500), "time": 2 * 20 * hourly}
                want["gross"] = want["fees"] + want["time"]
                want["net"] = want["expected_net"] = want["gross"]
            elif net == "mistra-urban-futures":
                want = {"granted": -granted, "net": granted, "expected_net": granted}
            else:
                want = {}
            for k in money:
                assert diff[k] == want.get(k, Decimal(0)), (net, k, diff[k], want.get(k))
        print("openpyxl edit: the report changed by exactly the edit")


def test_editing_an_export_changes_the_report_by_exactly_the_edit():
    main()


if __name__ == "__main__":
    main()
