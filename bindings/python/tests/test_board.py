"""The comparison with last year and the calendar (SPEC §14), on the
inventories of ``tests/board/``, with figures computed by hand."""

import datetime
import pathlib
from decimal import Decimal

import pytest

import natverk

BOARD = pathlib.Path(__file__).resolve().parents[3] / "tests" / "board"


@pytest.fixture(scope="module")
def old():
    return natverk.load(BOARD / "old.json")


@pytest.fixture(scope="module")
def new():
    return natverk.load(BOARD / "new.json")


def test_diff_lists_changes_and_joins_the_reports(old, new):
    d = old.diff(new, 2025, 2025)
    assert d.added == [{"network": "nytt", "name": "Nytt nätverk"}]
    assert d.removed == [{"network": "borttaget", "name": "Borttaget nätverk"}]
    assert d.changed[0]["changes"] == [{"path": "costs[0].amount", "old": "90000", "new": "100000"}]
    assert d.total["old"]["gross"] == Decimal("184000.00")
    assert d.total["new"]["gross"] == Decimal("205000.00")
    assert d.total["change"]["net"] == Decimal("21000.00")
    frame = d.to_pandas()
    row = frame.set_index("network").loc["klimatradet"]
    assert row["old_time"] == Decimal("24000.00") and row["new_time"] == Decimal("30000.00")
    assert list(frame.columns[:3]) == ["network", "name", "old_fees"]
    assert d.to_pandas(money="float")["change_gross"].sum() == 21000.0
    assert d.to_dict()["from"] == 2025


def test_diff_needs_one_currency(new):
    eur = natverk.Inventory.from_json((BOARD / "old.json").read_text(encoding="utf-8").replace('"SEK"', '"EUR"'))
    with pytest.raises(natverk.ArgumentError, match="EUR"):
        eur.diff(new, 2025, 2025)
    with pytest.raises(TypeError):
        new.diff("old.json", 2025, 2025)


def test_calendar_events_and_ics(new):
    cal = new.calendar(2025, 2026)
    assert len(cal) == 8
    assert cal.events[0] == {
        "date": datetime.date(2024, 7, 1),
        "kind": "notice",
        "network": "vilande",
        "name": "Vilande samarbete",
    }
    assert cal.to_dict()["events"][1]["date"] == "2025-02-15"
    stamp = datetime.datetime(2025, 1, 1, 8, 0)
    ics = cal.to_ics("en", stamp)
    assert "DTSTAMP:20250101T080000Z\r\n" in ics
    assert ics == cal.to_ics("en", stamp)
    assert list(cal.to_pandas().columns) == ["date", "kind", "network", "name"]
    with pytest.raises(natverk.ArgumentError):
        new.calendar(2026, 2025)
