"""natverk.merge (SPEC §15): the Göteborg example split into three unit
workbooks, one of them opened and saved again with openpyxl as a unit
would, merged back into one inventory."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

import natverk

from conftest import GOTEBORG

openpyxl = pytest.importorskip("openpyxl")


def _split(tmp_path: Path) -> List[Path]:
    inv = natverk.load(GOTEBORG)
    nets = inv.networks
    parts = {
        "ks.xlsx": ["ks"],
        "slk.xlsx": ["slk"],
        "kultur-miljo.xlsx": ["kultur", "miljo"],
    }
    paths = []
    for name, units in parts.items():
        part = inv.replace(networks=[n for n in nets if n.get("unit") in units])
        path = tmp_path / name
        part.to_excel(path, lang="sv")
        paths.append(path)
    # The culture unit opens its workbook in a spreadsheet and saves it.
    wb = openpyxl.load_workbook(paths[2])
    wb.save(paths[2])
    return paths


def _report(inv: natverk.Inventory) -> str:
    return inv.report(from_year=2023, to_year=2026, by=["network", "year"]).to_json()


def test_three_unit_workbooks_merge_into_the_example(tmp_path: Path) -> None:
    paths = _split(tmp_path)
    merged = natverk.merge(paths)
    example = natverk.load(GOTEBORG)
    assert isinstance(merged, natverk.Inventory)
    assert _report(merged) == _report(example)
    assert sorted(n["id"] for n in merged.networks) == sorted(n["id"] for n in example.networks)
    # Inventories merge too, and one given twice is kept once.
    again = natverk.merge([merged, example, str(paths[0])])
    assert _report(again) == _report(example)


def test_a_conflicting_name_is_one_merge_conflict_naming_both(tmp_path: Path) -> None:
    paths = _split(tmp_path)
    # Another unit reports an ks network, under another name, typed in Excel.
    other = tmp_path / "kopia.xlsx"
    natverk.read_excel(paths[0]).to_excel(other, lang="sv")
    wb = openpyxl.load_workbook(other)
    ws = wb["Nätverk"] if "Nätverk" in wb.sheetnames else wb["nätverk"]
    header = [c.value for c in ws[1]]
    col = header.index("namn") + 1
    old = ws.cell(row=2, column=col).value
    ws.cell(row=2, column=col).value = "Ett annat namn"
    wb.save(other)

    with pytest.raises(natverk.InventoryError) as info:
        natverk.merge([paths[0], other])
    findings = info.value.findings
    assert [f.code for f in findings] == ["merge_conflict"]
    sv = findings[0].message_in("sv")
    assert f"`{old}` i filen `{paths[0].name}`" in sv
    assert f"`Ett annat namn` i filen `{other.name}`" in sv
    assert "rad 2, kolumn `namn` (B)" in sv
    assert "gör dem lika i båda filerna" in sv
    assert "differs between the files" in findings[0].message_in("en")


def test_bad_items_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        natverk.merge([42])  # type: ignore[list-item]
    with pytest.raises(natverk.InventoryError) as info:
        natverk.merge([])
    assert info.value.findings[0].message_in("sv").startswith("ingen fil")


def test_every_bad_file_is_named_in_one_error(tmp_path: Path) -> None:
    bad_json = tmp_path / "trasig.json"
    bad_json.write_text('{"format": "natverk/1"}', encoding="utf-8")
    paths = _split(tmp_path)
    wb = openpyxl.load_workbook(paths[1])
    ws = wb[wb.sheetnames[8]]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("startdatum") + 1).value = "2024-13-01"
    wb.save(paths[1])
    with pytest.raises(natverk.InventoryError) as info:
        natverk.merge([bad_json, paths[0], paths[1]])
    texts = [f.message_in("sv") for f in info.value.findings]
    assert any(t.startswith("i `trasig.json`: ") for t in texts), texts
    assert any(
        t.startswith("i `slk.xlsx`, blad `nätverk`, rad 2, kolumn `startdatum`") and "2024-13-01" in t
        for t in texts
    ), texts
