"""``to_pandas()`` of reports, statistics and findings: exact or float money,
groups with no value kept, attrs that ``to_parquet`` can write."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict

import pytest

import natverk

pd = pytest.importorskip("pandas")


def test_report_frame(small: natverk.Inventory) -> None:
    report = small.report(2024, 2025, by=["network", "year"])
    df = report.to_pandas()
    assert list(df.columns) == ["network", "name", "year", *natverk.MONEY_FIELDS]
    assert len(df) == len(report.lines)
    assert df["gross"].dtype == object
    assert all(isinstance(v, Decimal) for v in df["gross"])
    assert df["gross"].sum() == report.total["gross"]  # exact, no float on the way
    assert list(df["year"]) == [line["year"] for line in report.lines]
    assert df["year"].dtype == "int64"
    assert df.attrs["total"] == {k: str(v) for k, v in report.total.items()}
    assert df.attrs["currency"] == "SEK" and df.attrs["by"] == ["network", "year"]


def test_float_money_for_plots(small: natverk.Inventory) -> None:
    report = small.report(2024, 2025, by=["subject"])
    df = report.to_pandas(money="float")
    for m in natverk.MONEY_FIELDS:
        assert df[m].dtype == "float64"
        assert list(df[m]) == [float(line[m]) for line in report.lines]
    # the everyday tools work on floats
    assert list(df.select_dtypes("number").columns) == list(natverk.MONEY_FIELDS)
    assert len(df.nlargest(2, "gross")) == 2
    assert "mean" in df.describe().index
    assert (df["gross"] * 1.25).dtype == "float64"
    assert df.attrs["money"] == "float"
    with pytest.raises(natverk.ArgumentError):
        report.to_pandas(money="floats")  # type: ignore[arg-type]


def test_groupby_keeps_groups_with_no_value(small_dict: Dict[str, Any]) -> None:
    # two of three networks have no organiser: their money must not vanish
    del small_dict["networks"][0]["organiser"]
    inv = natverk.Inventory.from_dict(small_dict)
    report = inv.report(2024, 2025, by=["organiser"])
    assert report.lines[-1]["organiser"] is None  # the report itself says null
    df = report.to_pandas()
    assert df["organiser"].iloc[-1] == natverk.NA_REP == "(none)"
    assert df.groupby("organiser")["gross"].sum().sum() == report.total["gross"]
    by_subject = inv.report(2024, 2025, by=["subject", "unit"]).to_pandas()
    assert by_subject.groupby("subject")["gross"].sum().sum() == report.total["gross"]
    # floats: the same groups
    f = report.to_pandas(money="float")
    assert f.groupby("organiser")["gross"].sum().sum() == pytest.approx(float(report.total["gross"]))


def test_na_rep(small: natverk.Inventory, small_dict: Dict[str, Any]) -> None:
    report = small.report(2024, 2025, by=["organiser"])
    df = report.to_pandas(na_rep="utan arrangör")
    assert df["organiser"].iloc[-1] == "utan arrangör"
    # None keeps None (then groupby needs dropna=False)
    keep = report.to_pandas(na_rep=None)
    assert keep["organiser"].iloc[-1] is None
    assert keep.groupby("organiser", dropna=False)["gross"].sum().sum() == report.total["gross"]
    # a label that is also a real organiser would merge two groups: refused
    small_dict["networks"][0]["organiser"] = "(none)"
    clash = natverk.Inventory.from_dict(small_dict).report(2024, 2025, by=["organiser"])
    with pytest.raises(natverk.ArgumentError, match="na_rep .* is also a value of the column organiser"):
        clash.to_pandas()
    fixed = clash.to_pandas(na_rep="-")
    assert "(none)" in set(fixed["organiser"]) and fixed["organiser"].iloc[-1] == "-"


def test_attrs_are_json_and_parquet_works(small: natverk.Inventory, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    report = small.report(2024, 2026, by=["subject"], leave="recommended")
    df = report.to_pandas()
    assert json.loads(json.dumps(df.attrs)) == df.attrs
    assert df.attrs["savings"]["gross"] == str(report.savings["gross"])
    df.to_parquet(tmp_path / "r.parquet")
    back = pd.read_parquet(tmp_path / "r.parquet")
    assert [Decimal(str(v)) for v in back["gross"]] == list(df["gross"])
    assert back.attrs.get("total", df.attrs["total"]) == df.attrs["total"]
    df.to_feather(tmp_path / "r.feather")
    assert len(pd.read_feather(tmp_path / "r.feather")) == len(df)
    df.to_csv(tmp_path / "r.csv", index=False)
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").count("\n") == len(df) + 1


def test_equality_frame(small: natverk.Inventory) -> None:
    eq = small.equality(2024, 2025)
    df = eq.to_pandas()
    assert list(df.columns) == ["network", "name", "woman", "man", "other", "unknown", "balanced"]
    assert len(df) == len(eq.networks)
    assert df["woman"].dtype == "int64"
    row = df.set_index("network").loc["modellkoncept"]
    assert (row["woman"], row["man"], row["balanced"]) == (2, 2, True)
    assert df.set_index("network").loc["eurocities", "balanced"] is None


def test_findings_frame(small: natverk.Inventory) -> None:
    findings = small.check(today=datetime.date(2023, 11, 20))
    df = findings.to_pandas()
    assert list(df.columns) == [
        "code", "severity", "path", "message", "line", "column", "network", "sheet", "row"
    ]
    assert list(df["code"]) == findings.codes
    assert str(df["line"].dtype) == "Int64" and df["line"].isna().all()
    syntax = natverk.check_json('{\n  "format": ').to_pandas()
    assert syntax.loc[0, "code"] == "syntax" and syntax.loc[0, "line"] == 2


def test_empty_report_frame() -> None:
    inv = natverk.Inventory.from_json(
        '{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"}}'
    )
    df = inv.report(2024, 2024).to_pandas()
    assert len(df) == 0 and "gross" in df.columns
    assert len(inv.report(2024, 2024).to_pandas(money="float")) == 0
