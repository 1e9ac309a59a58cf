"""Workbooks for the app's browser tests, written cell by cell with openpyxl.

    python fill.py TEMPLATE.xlsx FILLED.xlsx BAD.xlsx

FILLED is the template (in English, SPEC §10 names) filled with an
organisation, four networks and their costs; BAD is FILLED with five bad
cells, one finding each.
"""
import datetime
import sys

import openpyxl


def put(ws, row, values):
    """Writes values by column name into `row` of a sheet."""
    head = {c.value: c.column for c in ws[1] if c.value}
    for name, value in values.items():
        ws.cell(row=row, column=head[name], value=value)


def main(template, filled, bad):
    wb = openpyxl.load_workbook(template)
    put(wb["organisation"], 2, {"name": "Testkommunen", "code": "1480", "currency": "SEK"})
    networks = [
        ("skr", "SKR nätverk", "2023-03-01", "fee", 65000.5),
        ("euro", "Eurocities", "2020-01-01", "fee", 120000),
        ("samb", "Sambruk", "2024-06-15", "fee", 30000),
        ("kfv", "Klimatforum", "2022-01-01", "fee", 12345.75),
    ]
    for i, (nid, name, start, kind, amount) in enumerate(networks):
        put(wb["networks"], 2 + i, {
            "id": nid,
            "name": name,
            "start": datetime.date.fromisoformat(start),
            "status": "active",
        })
        put(wb["costs"], 2 + i, {"network": nid, "kind": kind, "amount": amount})
    wb.save(filled)
    # Five bad cells, each a finding at its sheet, row and column.
    put(wb["networks"], 2, {"start": "inte ett datum"})
    put(wb["networks"], 3, {"status": "kanske"})
    put(wb["costs"], 3, {"amount": "mycket"})
    put(wb["costs"], 4, {"kind": "present"})
    put(wb["costs"], 5, {"network": "finns-inte"})
    wb.save(bad)


if __name__ == "__main__":
    main(*sys.argv[1:4])
