"""Arrow and polars: one fixed schema whatever the report, the PyCapsule
stream without pyarrow or polars, and concatenations that keep every value."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from decimal import Decimal
from typing import Any, Dict, List

import pytest

import natverk


def _org(name: str) -> Dict[str, Any]:
    return {"format": "natverk/1", "organisation": {"name": name, "currency": "SEK"}}


def _inventory(name: str, amounts: List[str], organisers: List[Any]) -> natverk.Inventory:
    d = _org(name)
    d["networks"] = [
        {"id": f"n{i}", "name": f"Nätverk {i}", "start": "2024-01-01", "end": "2024-12-31",
         **({"organiser": o} if o is not None else {}),
         "costs": [{"kind": "fee", "amount": a}]}
        for i, (a, o) in enumerate(zip(amounts, organisers))
    ]
    return natverk.Inventory.from_dict(d)


#: The issue's case: a report whose largest amount needs 11 digits, and one
#: whose amounts need 9. Guessing a precision per report gave decimal(11, 2)
#: and decimal(9, 2), and their concatenation turned 243 153 483.30 into null.
BIG = _inventory("Stor", ["243153483.30", "1200.00"], ["SKR", None])
SMALL_ONE = _inventory("Liten", ["1234567.80", "12.5"], ["SKR", "ICLEI"])


def test_schema_is_fixed(small: natverk.Inventory) -> None:
    pa = pytest.importorskip("pyarrow")
    money = [pa.field(m, pa.decimal128(38, 2), nullable=False) for m in natverk.MONEY_FIELDS]
    by_network = small.report(2024, 2025).to_arrow()
    assert by_network.schema == pa.schema(
        [pa.field("network", pa.string()), pa.field("name", pa.string()), *money]
    )
    by_year = small.report(2024, 2025, by=["organiser", "year"]).to_arrow()
    assert by_year.schema == pa.schema(
        [pa.field("organiser", pa.string()), pa.field("year", pa.int32()), *money]
    )
    # the same schema for the same keys, whatever the figures
    assert BIG.report(2024, 2024).to_arrow().schema == SMALL_ONE.report(2024, 2024).to_arrow().schema
    one_line = small.report(2024, 2025, by=[]).to_arrow()
    assert one_line.schema == pa.schema(money) and one_line.num_rows == 1


def test_arrow_values_are_exact(small: natverk.Inventory) -> None:
    pa = pytest.importorskip("pyarrow")
    report = small.report(2024, 2025, by=["organiser", "year"], leave="recommended")
    table = report.to_arrow()
    assert table.num_rows == len(report.lines)
    assert table.column("gross").to_pylist() == [line["gross"] for line in report.lines]
    assert table.column("year").to_pylist() == [line["year"] for line in report.lines]
    # no organiser: null, as in the JSON, and last
    assert table.column("organiser").to_pylist() == [line["organiser"] for line in report.lines]
    assert table.column("organiser").null_count >= 1
    assert pa.compute.sum(table.column("gross")).as_py() == report.total["gross"]
    # pyarrow reads the report itself through the capsule
    assert pa.table(report).equals(table)


def test_concat_keeps_every_value() -> None:
    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    a, b = BIG.report(2024, 2024), SMALL_ONE.report(2024, 2024)
    both = pl.concat([a.to_polars(), b.to_polars()])
    assert both["gross"].null_count() == 0
    assert both["gross"].to_list() == [*(l["gross"] for l in a.lines), *(l["gross"] for l in b.lines)]
    assert Decimal("243153483.30") in both["gross"].to_list()
    assert both["gross"].sum() == a.total["gross"] + b.total["gross"]
    assert pa.concat_tables([a.to_arrow(), b.to_arrow()]).column("gross").null_count == 0


def test_polars(small: natverk.Inventory) -> None:
    pl = pytest.importorskip("polars")
    report = small.report(2024, 2025, by=["organiser"])
    df = report.to_polars()
    assert df.schema["gross"] == pl.Decimal(38, 2)
    assert df.schema["organiser"] == pl.String
    assert df.columns == report.columns
    # polars reads the report itself, and its group_by keeps the null group
    assert pl.DataFrame(report).equals(df)
    sums = df.group_by("organiser").agg(pl.col("gross").sum())
    assert len(sums) == len(report.lines)
    assert sums["gross"].sum() == report.total["gross"]


def test_empty_report_has_the_schema() -> None:
    pa = pytest.importorskip("pyarrow")
    inv = natverk.Inventory.from_dict(_org("Tom"))
    table = inv.report(2024, 2024, by=["subject", "year"]).to_arrow()
    assert table.num_rows == 0
    assert table.schema.field("year").type == pa.int32()
    assert table.schema.field("fees").type == pa.decimal128(38, 2)


def test_capsule_needs_neither_pyarrow_nor_polars(tmp_path: Any) -> None:
    # a fresh interpreter in which pyarrow and polars cannot be imported
    code = textwrap.dedent(
        """
        import ctypes, sys
        sys.modules["pyarrow"] = None
        sys.modules["polars"] = None
        import natverk
        inv = natverk.Inventory.from_dict({
            "format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"},
            "networks": [{"id": "a", "name": "A", "start": "2024-01-01",
                          "costs": [{"kind": "fee", "amount": "10.50"}]}]})
        capsule = inv.report(2024, 2024).__arrow_c_stream__()
        get_name = ctypes.pythonapi.PyCapsule_GetName
        get_name.restype = ctypes.c_char_p
        get_name.argtypes = [ctypes.py_object]
        assert get_name(capsule) == b"arrow_array_stream", get_name(capsule)
        del capsule  # released without a consumer: no leak, no crash
        try:
            inv.report(2024, 2024).to_arrow()
        except ImportError as e:
            assert "natverk[arrow]" in str(e)
        else:
            raise AssertionError("to_arrow without pyarrow")
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_stream_is_consumed_once(small: natverk.Inventory) -> None:
    pa = pytest.importorskip("pyarrow")
    report = small.report(2024, 2025)
    # every call gives a new stream
    first = pa.RecordBatchReader.from_stream(report).read_all()
    second = pa.RecordBatchReader.from_stream(report).read_all()
    assert first.equals(second)
