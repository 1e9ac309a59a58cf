"""Workbooks for the app's browser tests, written cell by cell with openpyxl.

    python fill.py TEMPLATE.xlsx FILLED.xlsx BAD.xlsx [KEY.xlsx]

FILLED is the template filled with an organisation, four networks and
their costs; BAD is FILLED with five bad cells, one finding each. Cells are
named by SPEC §10's English sheet and column names; with KEY (the English
template) TEMPLATE may be in any language (the page's Swedish one): a name
is found at its sheet's and column's position in KEY.
"""
import datetime
import sys

import openpyxl


KEY = None


def put(sheet, row, values):
    """Writes values by English column name into `row` of a sheet."""
    key = KEY[sheet.title] if KEY else sheet
    head = {c.value: c.column for c in key[1] if c.value}
    for name, value in values.items():
        sheet.ws.cell(row=row, column=head[name], value=value)


class Sheets:
    """The template's sheets by their English names."""

    def __init__(self, wb):
        self.wb = wb
        self.names = KEY.sheetnames if KEY else wb.sheetnames

    def __getitem__(self, name):
        return Sheet(name, self.wb.worksheets[self.names.index(name)])


class Sheet:
    def __init__(self, title, ws):
        self.title = title
        self.ws = ws

    def __getitem__(self, row):
        return self.ws[row]


def main(template, filled, bad, key=None):
    global KEY
    if key:
        KEY = openpyxl.load_workbook(key)
    book = openpyxl.load_workbook(template)
    wb = Sheets(book)
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
    book.save(filled)
    # Five bad cells, each a finding at its sheet, row and column.
    put(wb["networks"], 2, {"start": "inte ett datum"})
    put(wb["networks"], 3, {"status": "kanske"})
    put(wb["costs"], 3, {"amount": "mycket"})
    put(wb["costs"], 4, {"kind": "present"})
    put(wb["costs"], 5, {"network": "finns-inte"})
    book.save(bad)


if __name__ == "__main__":
    main(*sys.argv[1:5])
