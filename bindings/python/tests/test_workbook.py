"""The workbook of SPEC §10 from Python: Inventory.tables(), to_pandas(),
to_excel() and natverk.read_excel(), all from the core's one layout."""

import datetime
from decimal import Decimal

import pytest

import natverk

SHEETS = [
    "organisation",
    "population",
    "units",
    "people",
    "fee_schedules",
    "tiers",
    "exchange_rates",
    "networks",
    "participants",
    "costs",
    "financing",
]


def test_tables_are_the_sheets_of_the_workbook(goteborg):
    t = goteborg.tables()
    assert list(t) == SHEETS
    assert t["organisation"] == [{"name": "Göteborgs Stad", "code": "1480", "currency": "SEK"}]
    assert {"year": 2023, "population": 604616} in t["population"]
    net = t["networks"][0]
    assert net["id"] == "skr-modellkoncept"
    assert net["subjects"] == "jämställdhet"
    assert net["start"] == datetime.date(2024, 3, 1)
    fee = next(c for c in t["costs"] if c["network"] == "skr-modellkoncept" and c["kind"] == "fee")
    assert fee["schedule"] == "skr-modellkoncept" and fee["amount"] is None
    assert fee["from"] == 2024 and fee["to"] == 2025
    travel = next(c for c in t["costs"] if c["network"] == "skr-modellkoncept" and c["kind"] == "travel")
    assert travel["amount"] == Decimal("8000") and isinstance(travel["amount"], Decimal)
    # one row per participant, in the order of the file
    rows = [p for p in t["participants"] if p["network"] == "skr-modellkoncept"]
    assert [p["person"] for p in rows] == ["ks-ordf", "ks-opp", "slk-jamst", "slk-utv"]
    assert rows[0]["hours_per_year"] == Decimal("40")


def test_to_pandas_gives_one_frame_per_sheet(goteborg):
    pd = pytest.importorskip("pandas")
    frames = goteborg.to_pandas()
    assert list(frames) == SHEETS
    assert all(isinstance(f, pd.DataFrame) for f in frames.values())
    assert list(frames["financing"].columns)[:3] == ["network", "funder", "status"]
    assert len(frames["networks"]) == len(goteborg)
    assert frames["people"]["hourly_cost"].dropna().map(type).eq(Decimal).all()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_excel_round_trip(goteborg, tmp_path, lang):
    path = tmp_path / f"inventering.{lang}.xlsx"
    goteborg.to_excel(path, lang=lang)
    back = natverk.read_excel(path)
    assert back == goteborg
    assert back.to_json() == goteborg.to_json()


def test_bad_cells_are_findings_with_their_place(goteborg, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "inventering.xlsx"
    goteborg.to_excel(path, lang="en")
    wb = openpyxl.load_workbook(path)
    costs = wb["costs"]
    header = [c.value for c in costs[1]]
    costs.cell(row=3, column=header.index("amount") + 1, value="tolv")
    networks = wb["networks"]
    nh = [c.value for c in networks[1]]
    networks.cell(row=2, column=nh.index("start") + 1, value="2024-13-01")
    wb.save(path)
    with pytest.raises(natverk.InventoryError) as e:
        natverk.read_excel(path)
    places = {(f.sheet, f.row, f.cell_column) for f in e.value.findings}
    assert ("costs", 3, "amount") in places
    assert ("networks", 2, "start") in places
    assert "sheet costs, row 3, column amount" in str(e.value)


def test_to_excel_checks_its_language(goteborg, tmp_path):
    with pytest.raises(natverk.ArgumentError):
        goteborg.to_excel(tmp_path / "x.xlsx", lang="de")


def test_read_excel_of_a_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        natverk.read_excel(tmp_path / "none.xlsx")


def test_load_reads_a_workbook_by_content(tmp_path, goteborg: natverk.Inventory) -> None:
    path = tmp_path / "inventering.dat"
    goteborg.to_excel(path, lang="sv")
    assert natverk.load(path) == goteborg
    with open(path, "rb") as f:
        assert natverk.load(f) == goteborg
    # a bad workbook: an InventoryError located by sheet, not a UTF-8 error
    bad = tmp_path / "trasig.xlsx"
    bad.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(natverk.InventoryError):
        natverk.load(bad)


def test_a_sheet_or_column_of_ones_own_is_read_past_with_a_warning(goteborg, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "enhet.xlsx"
    goteborg.to_excel(path, lang="sv")
    wb = openpyxl.load_workbook(path)
    units = wb["enheter"]
    units.cell(row=1, column=units.max_column + 1, value="Kontaktperson")
    wb.create_sheet("Mina anteckningar")["A1"] = "Ring SKR"
    wb["kostnader"].title = "Kostnader 2024"
    wb.save(path)
    with pytest.warns(UserWarning) as caught:
        back = natverk.read_excel(path)
    assert back == goteborg
    said = "\n".join(str(w.message) for w in caught)
    assert "column `Kontaktperson` is none of the sheet's columns and is not read" in said
    assert "sheet `Mina anteckningar` is none of the format's sheets and is not read" in said
    assert "sheet `Kostnader 2024` is read as the sheet `kostnader`" in said
