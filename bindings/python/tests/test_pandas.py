"""``to_pandas()`` of reports and equality statistics."""

from __future__ import annotations

from decimal import Decimal

import pytest

import natverk

pd = pytest.importorskip("pandas")


def test_report_frame(small: natverk.Inventory) -> None:
    report = small.report(2024, 2025, by=["network", "year"])
    df = report.to_pandas()
    assert list(df.columns) == ["network", "name", "year", *natverk._report.MONEY_FIELDS]
    assert len(df) == len(report.lines)
    assert df["gross"].dtype == object
    assert all(isinstance(v, Decimal) for v in df["gross"])
    assert df["gross"].sum() == report.total["gross"]  # exact, no float on the way
    assert list(df["year"]) == [line["year"] for line in report.lines]
    assert df.attrs["total"] == report.total and df.attrs["currency"] == "SEK"


def test_report_frame_null_keys(small: natverk.Inventory) -> None:
    df = small.report(2024, 2024, by=["organiser"]).to_pandas()
    # kulturnatverket has no organiser: its line comes last, with no value
    assert df["organiser"].iloc[-1] is None or pd.isna(df["organiser"].iloc[-1])


def test_equality_frame(small: natverk.Inventory) -> None:
    eq = small.equality(2024, 2025)
    df = eq.to_pandas()
    assert list(df.columns) == ["network", "name", "woman", "man", "other", "unknown", "balanced"]
    assert len(df) == len(eq.networks)
    assert df["woman"].dtype == "int64"
    row = df.set_index("network").loc["modellkoncept"]
    assert (row["woman"], row["man"], row["balanced"]) == (2, 2, True)
    assert df.set_index("network").loc["eurocities", "balanced"] is None


def test_empty_report_frame() -> None:
    inv = natverk.Inventory.from_json(
        '{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"}}'
    )
    df = inv.report(2024, 2024).to_pandas()
    assert len(df) == 0 and "gross" in df.columns
