"""Workbooks typed the way people type (SPEC §10, "People type …"; issue 24).

The Göteborg example is split into three unit workbooks (exported by
natverk, one in English), and each is edited with openpyxl as a unit would:
  - ks (Swedish): its own notes column on the networks sheet, a contact
    column on the units sheet, a sheet of its own ("Mina anteckningar");
  - slk (English): the costs sheet renamed "Costs 2024", a currency typed
    in lower case, a probability typed as "80 %", another kept as the
    number 0.8 shown as a percentage (format 0%);
  - kultur-miljo (Swedish): spaces (and a no-break space) after ids and
    names, the sheet "kostnader" renamed with a typo ("kostander").
Merged by `natverk merge`, they give an inventory whose report equals the
example's, and the import says what it did not read or read as another
sheet, in Swedish, naming each. A 9.500 typed as text is refused with both
readings, and `check` on a workbook points at sheet and row.

Run by scripts/test.sh (workbook part) with pytest; needs openpyxl and the
natverk binary (NATVERK_BIN, default target/debug/natverk).
"""

import json
import os
import subprocess
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[3]
BIN = os.environ.get("NATVERK_BIN", str(ROOT / "target" / "debug" / "natverk"))
EXAMPLE = ROOT / "examples" / "goteborg.json"
REPORT = ["--from", "2023", "--to", "2026", "--by", "network,year", "-f", "json"]


def run(*args):
    env = dict(os.environ, LANG="C")
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    return subprocess.run([BIN, *map(str, args)], capture_output=True, text=True, env=env)


def ok(*args):
    p = run(*args)
    assert p.returncode == 0, f"natverk {args} failed ({p.returncode}):\n{p.stdout}{p.stderr}"
    return p


def columns(ws):
    """Column number (1-based) of each heading, by its text."""
    return {c.value: c.column for c in ws[1] if c.value is not None}


def rows_where(ws, column, value):
    col = columns(ws)[column]
    return [r for r in range(2, ws.max_row + 1) if ws.cell(r, col).value == value]


def split(tmp):
    """Three unit files, exported as workbooks: ks (sv), slk (en), kultur-miljo (sv)."""
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    parts = {"ks": (["ks"], "sv"), "slk": (["slk"], "en"), "kultur-miljo": (["kultur", "miljo"], "sv")}
    out = {}
    for name, (units, lang) in parts.items():
        part = dict(example)
        part["networks"] = [n for n in example["networks"] if n.get("unit") in units]
        js = tmp / f"{name}.json"
        js.write_text(json.dumps(part, ensure_ascii=False), encoding="utf-8")
        xlsx = tmp / f"{name}.xlsx"
        ok("export", js, "-o", xlsx, "--lang", lang)
        out[name] = xlsx
    return out


def edit_ks(path):
    wb = openpyxl.load_workbook(path)
    nets = wb["nätverk"]
    notes = nets.max_column + 2  # one empty column between, as people leave it
    nets.cell(1, notes, "Mina kommentarer")
    nets.cell(2, notes, "Fråga Eva om avgiften")
    units = wb["enheter"]
    units.cell(1, units.max_column + 1, "Kontaktperson")
    units.cell(2, units.max_column, "Anna Andersson")
    own = wb.create_sheet("Mina anteckningar")
    own["A1"] = "Att göra"
    own["A2"] = "Ring SKR om medlemsavgiften 2025"
    wb.save(path)


def edit_slk(path):
    wb = openpyxl.load_workbook(path)
    wb["costs"].title = "Costs 2024"
    costs = wb["Costs 2024"]
    cur = columns(costs)["currency"]
    eur = [r for r in range(2, costs.max_row + 1) if costs.cell(r, cur).value == "EUR"]
    assert eur, "an EUR cost in slk"
    costs.cell(eur[0], cur, "eur")
    if len(eur) > 1:
        costs.cell(eur[1], cur, " Eur ")
    fin = wb["financing"]
    prob = columns(fin)["probability"]
    rows = [r for r in range(2, fin.max_row + 1) if fin.cell(r, prob).value is not None]
    assert rows, "a financing with a probability in slk"
    fin.cell(rows[0], prob, "80 %")
    wb.save(path)
    # The same value as a number shown as a percentage, in a copy.
    wb = openpyxl.load_workbook(path)
    c = wb["financing"].cell(rows[0], prob)
    c.value = 0.8
    c.number_format = "0%"
    copy = path.with_name("slk-procent.xlsx")
    wb.save(copy)
    return copy


def edit_kultur(path):
    wb = openpyxl.load_workbook(path)
    nets = wb["nätverk"]
    col = columns(nets)
    for r in range(2, nets.max_row + 1):
        nets.cell(r, col["id"], nets.cell(r, col["id"]).value + " ")
        nets.cell(r, col["namn"], nets.cell(r, col["namn"]).value + "\u00a0")
    parts = wb["deltagare"]
    pc = columns(parts)
    for r in range(2, parts.max_row + 1):
        parts.cell(r, pc["nätverk"], parts.cell(r, pc["nätverk"]).value + "\u00a0")
        parts.cell(r, pc["person"], " " + parts.cell(r, pc["person"]).value)
    wb["kostnader"].title = "kostander"
    wb.save(path)


@pytest.fixture(scope="module")
def units(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("units")
    files = split(tmp)
    edit_ks(files["ks"])
    percent = edit_slk(files["slk"])
    edit_kultur(files["kultur-miljo"])
    return tmp, files, percent


def test_three_edited_unit_workbooks_merge_into_the_example(units):
    tmp, files, _ = units
    merged = tmp / "inventering.json"
    p = ok("merge", files["ks"], files["slk"], files["kultur-miljo"], "-o", merged, "--lang", "sv")
    said = p.stderr
    for text in [
        "kolumnen `Mina kommentarer` är ingen av bladets kolumner och läses inte",
        "kolumnen `Kontaktperson` är ingen av bladets kolumner och läses inte",
        "bladet `Mina anteckningar` är inget av formatets blad och läses inte",
        "bladet `Costs 2024` läses som bladet `costs`",
        "bladet `kostander` läses som bladet `kostnader`",
    ]:
        assert text in said, f"{text!r} not in:\n{said}"
    assert ok("report", merged, *REPORT).stdout == ok("report", EXAMPLE, *REPORT).stdout


def test_a_report_on_an_edited_workbook_goes_on_with_warnings(units):
    _, files, percent = units
    p = ok("report", files["ks"], "--lang", "sv", "-f", "json")
    json.loads(p.stdout)  # the report alone on standard output
    assert "bladet `Mina anteckningar` är inget av formatets blad och läses inte" in p.stderr
    # 80 % typed and 0.8 shown as 80 % are the same probability.
    assert ok("import", files["slk"]).stdout == ok("import", percent).stdout


def test_check_on_a_workbook_points_at_sheet_and_row(units):
    _, files, _ = units
    p = run("check", files["slk"], "--lang", "sv")
    assert "blad `Costs 2024`: bladet `Costs 2024` läses som bladet `costs`" in p.stdout, p.stdout
    # Every finding at its sheet (and row), the JSON path only beside it.
    lines = [l for l in p.stdout.splitlines() if l.startswith(("varning[", "fel["))]
    assert len(lines) >= 2, p.stdout
    for line in lines:
        assert "] blad `" in line, line
    assert any(l.startswith("varning[deadline_passed] blad `networks`, rad 2") for l in lines), p.stdout


def test_a_number_that_could_be_thousands_is_refused_with_both_readings(units):
    tmp, files, _ = units
    wb = openpyxl.load_workbook(files["ks"])
    costs = wb["kostnader"]
    amount = columns(costs)["belopp"]
    costs.cell(2, amount, "9.500")
    bad = tmp / "tvetydig.xlsx"
    wb.save(bad)
    p = run("report", bad, "--lang", "sv")
    assert p.returncode == 1
    assert (
        "blad `kostnader`, rad 2, kolumn `belopp` (C): tvetydigt tal `9.500`: "
        "skriv `9 500` för tusental eller `9,5` för decimaler"
    ) in p.stdout, p.stdout


def test_a_misspelt_id_gets_the_nearest_one(units):
    tmp, files, _ = units
    wb = openpyxl.load_workbook(files["kultur-miljo"])
    nets = wb["nätverk"]
    unit = columns(nets)["enhet"]
    nets.cell(2, unit, "kulturr")
    bad = tmp / "stavfel.xlsx"
    wb.save(bad)
    p = run("check", bad, "--lang", "sv")
    assert p.returncode == 1
    assert (
        "det finns ingen rad med id `kulturr` på bladet `enheter`: menar du `kultur`?"
    ) in p.stdout, p.stdout
