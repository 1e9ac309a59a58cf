"""Findings of a workbook and of ``from_tables`` name their network (the
row's ``id`` on the sheet of networks, its ``network`` cell on the sheets
of participants, costs and financing), and a per-network edit gives what
validating the whole gives (issue 26)."""

from __future__ import annotations

from pathlib import Path

import pytest

import natverk
from natverk import Inventory

GOTEBORG = Path(__file__).resolve().parents[3] / "examples" / "goteborg.json"


@pytest.fixture(scope="module")
def gbg() -> Inventory:
    return natverk.load(GOTEBORG)


def _spoiled(gbg: Inventory) -> "dict[str, list[dict[str, object]]]":
    tables = gbg.tables()
    tables["networks"][1]["start"] = "the first of May"
    tables["participants"][2]["hours_per_year"] = "many"
    tables["costs"][0]["amount"] = "lots"
    tables["units"][0]["central"] = "perhaps"
    return tables


def test_from_tables_findings_name_their_network(gbg: Inventory) -> None:
    tables = _spoiled(gbg)
    with pytest.raises(natverk.InventoryError) as e:
        Inventory.from_tables(tables)
    by_place = {(f.sheet, f.row): f.network for f in e.value.findings}
    assert by_place[("networks", 3)] == tables["networks"][1]["id"]
    assert by_place[("participants", 4)] == tables["participants"][2]["network"]
    assert by_place[("costs", 2)] == tables["costs"][0]["network"]
    assert by_place[("units", 2)] is None  # a unit is no network's
    df = e.value.findings.to_pandas()
    assert df.set_index(["sheet", "row"]).loc[("costs", 2), "network"] == tables["costs"][0]["network"]
    assert df["network"].notna().sum() == 3


def test_a_workbook_s_findings_name_their_network(gbg: Inventory, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "gbg.xlsx"
    gbg.to_excel(path, lang="sv")
    book = openpyxl.load_workbook(path)
    sheet = next(ws for ws in book.worksheets if ws.title.lower() in ("kostnader", "costs"))
    header = [c.value for c in sheet[1]]
    amount = next(i for i, h in enumerate(header) if str(h).lower() in ("belopp", "amount"))
    network = next(i for i, h in enumerate(header) if str(h).lower() in ("nätverk", "network"))
    sheet.cell(row=2, column=amount + 1, value="lots")
    expected = sheet.cell(row=2, column=network + 1).value
    book.save(path)
    with pytest.raises(natverk.InventoryError) as e:
        natverk.read_excel(path)
    assert [f.network for f in e.value.findings] == [expected]
    assert e.value.findings.to_pandas()["network"].tolist() == [expected]


def test_a_network_changed_added_or_dropped_is_judged_as_the_whole(gbg: Inventory) -> None:
    ids = [n["id"] for n in gbg.networks]
    net = gbg.network(ids[1])
    assert net is not None
    net["status"] = "dormant"
    changed = gbg.with_network(net)
    assert changed.network(ids[1])["status"] == "dormant"
    assert changed == Inventory.from_dict({**gbg.to_dict(), "networks": [
        net if n["id"] == ids[1] else n for n in gbg.networks]})
    # a reference to nothing: the whole's finding, at the whole's path
    bad = dict(net, unit="no-such-unit")
    with pytest.raises(natverk.InventoryError) as e:
        gbg.with_network(bad)
    assert [(f.code, f.path, f.network) for f in e.value.findings] == [
        ("unknown_reference", "networks[1].unit", ids[1])]
    dropped = gbg.without_network(ids[0])
    assert [n["id"] for n in dropped.networks] == ids[1:]
    with pytest.raises(KeyError):
        dropped.network(ids[0])
    assert dropped.report(2024, 2026).to_json() == Inventory.from_dict(
        {**gbg.to_dict(), "networks": gbg.networks[1:]}).report(2024, 2026).to_json()


def test_to_dict_keeps_the_json_keys_and_gives_the_options_when_asked(gbg: Inventory) -> None:
    ids = [n["id"] for n in gbg.networks]
    r = gbg.report(2024, 2026, leave=[ids[0]], leave_from=2025)
    plain = r.to_dict()
    assert "options" not in plain  # SPEC 5.1: exactly the JSON's keys
    full = r.to_dict(options=True)
    assert {k: v for k, v in full.items() if k != "options"} == plain
    assert full["options"] == r.options
    assert full["options"]["leave"] == [ids[0]] and full["options"]["leave_from"] == 2025
    assert full["options"]["left"] == [ids[0]]
    assert full["options"] == r.to_pandas().attrs["options"]
