"""What analysts pass in: numpy integers, pandas timestamps, file objects,
integer population years."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict

import pytest

import natverk

from conftest import GOTEBORG, SMALL

np = pytest.importorskip("numpy")


def test_years_take_any_integer_type(small: natverk.Inventory) -> None:
    expected = small.report(2024, 2025, leave="recommended", leave_from=2025)
    for from_year, to_year, leave_from in [
        (np.int64(2024), np.int32(2025), np.int16(2025)),
        (np.uint16(2024), 2025, np.int64(2025)),
    ]:
        got = small.report(from_year, to_year, leave="recommended", leave_from=leave_from)
        assert got == expected
        assert type(got.from_year) is int
    assert small.equality(np.int64(2024), np.int64(2025)) == small.equality(2024, 2025)
    with pytest.raises(TypeError):
        small.report(np.float64(2024), 2025)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        small.report(np.bool_(True), 2025)  # type: ignore[arg-type]


def test_dates_take_datetimes_and_timestamps(small: natverk.Inventory) -> None:
    pd = pytest.importorskip("pandas")
    expected = small.check(today=datetime.date(2023, 11, 20))
    assert small.check(today=datetime.datetime(2023, 11, 20)) == expected
    assert small.check(today=pd.Timestamp("2023-11-20")) == expected
    assert small.check(today="2023-11-20") == expected
    with pytest.raises(natverk.ArgumentError, match="time of day"):
        small.check(today=pd.Timestamp("2023-11-20 12:00"))
    with pytest.raises(natverk.ArgumentError):
        small.check(today=pd.Timestamp("2023-11-20 00:00:00.000000001"))


def test_from_dict_takes_numpy_and_pandas_values(small_dict: Dict[str, Any]) -> None:
    pd = pytest.importorskip("pandas")
    expected = natverk.Inventory.from_dict(SMALL)
    org = small_dict["organisation"]
    org["population"] = {np.int64(2022): np.int64(596841), 2023: np.int32(604616)}
    n = small_dict["networks"][0]
    n["start"] = pd.Timestamp("2024-03-01")                # what read_excel gives
    n["end"] = datetime.datetime(2025, 12, 31)
    n["notice_months"] = np.int64(0)
    small_dict["units"][0]["central"] = np.bool_(True)
    small_dict["fee_schedules"][0]["tiers"][0]["max_population"] = np.int64(100000)
    got = natverk.Inventory.from_dict(small_dict)
    assert got == expected
    assert got.organisation["population"] == {"2022": 596841, "2023": 604616}


def test_from_dict_time_of_day_is_a_finding(small_dict: Dict[str, Any]) -> None:
    pd = pytest.importorskip("pandas")
    small_dict["networks"][0]["start"] = pd.Timestamp("2024-03-01 08:15")
    small_dict["networks"][1]["start"] = datetime.datetime(2010, 1, 1, 12)
    with pytest.raises(natverk.InventoryError) as info:
        natverk.Inventory.from_dict(small_dict)
    assert [f.path for f in info.value.findings] == ["networks[0].start", "networks[1].start"]


def test_from_dict_nan_says_empty_cell(small_dict: Dict[str, Any]) -> None:
    small_dict["networks"][0]["costs"] = [{"kind": "fee", "amount": float("nan")}]
    with pytest.raises(TypeError, match="empty spreadsheet cell"):
        natverk.Inventory.from_dict(small_dict)
    pd = pytest.importorskip("pandas")
    small_dict["networks"][0]["costs"] = []
    small_dict["networks"][0]["end"] = pd.NaT
    with pytest.raises(TypeError, match=r"networks\[0\]\.end: a missing date"):
        natverk.Inventory.from_dict(small_dict)


def test_today_nat_is_a_type_error(small: natverk.Inventory) -> None:
    pd = pytest.importorskip("pandas")
    with pytest.raises(TypeError, match="missing date"):
        small.check(today=pd.NaT)


def test_load_takes_file_objects(tmp_path: Path) -> None:
    inv = natverk.Inventory.from_dict(SMALL)
    p = tmp_path / "inv.json"
    p.write_text(inv.to_json(), encoding="utf-8")
    with open(p, "rb") as f:
        assert natverk.load(f) == inv
    with open(p, encoding="utf-8") as f:
        assert natverk.load(f) == inv
    assert natverk.load(io.BytesIO(p.read_bytes())) == inv
    assert natverk.load(io.StringIO(inv.to_json())) == inv
    assert natverk.load(str(p)) == inv and natverk.load(p) == inv
    assert natverk.check_file(io.BytesIO(b"{")).codes == ["syntax"]
    with pytest.raises(TypeError):
        natverk.load(42)  # type: ignore[arg-type]


def test_goteborg_by_organiser_sums_to_total() -> None:
    pd = pytest.importorskip("pandas")
    g = natverk.load(GOTEBORG)
    # as in the analyst's file, some networks have no organiser
    networks = g.networks
    for n in networks[::3]:
        n.pop("organiser", None)
    inv = g.replace(networks=networks)
    report = inv.report(2024, 2025, by="organiser")
    assert report.lines[-1]["organiser"] is None
    assert report.total == g.report(2024, 2025, by="organiser").total
    df = report.to_pandas()
    assert df.groupby("organiser")["gross"].sum().sum() == report.total["gross"]
    assert sum(df["gross"], Decimal(0)) == report.total["gross"]
    assert isinstance(pd.DataFrame, type)
