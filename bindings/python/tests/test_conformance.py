"""The shared conformance corpus (``tests/conformance/cases.json`` at the
repository root), run through the public Python API: the Python values,
serialised back, must equal the golden JSON exactly, and ``to_json()`` must be
the golden text itself."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

import natverk

from conftest import REPO, dumps, jsonable

CASES_FILE = REPO / "tests" / "conformance" / "cases.json"


def _cases() -> List[Any]:
    if not CASES_FILE.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason="no tests/conformance/cases.json"))]
    cases = json.loads(CASES_FILE.read_text(encoding="utf-8"))["cases"]
    return [pytest.param(c, id=c["name"]) for c in cases]


def _kwargs(options: Dict[str, Any]) -> Dict[str, Any]:
    """The corpus writes options as the core's JSON keys; the Python API
    names the years ``from_year`` and ``to_year``."""
    rename = {"from": "from_year", "to": "to_year"}
    return {rename.get(k, k): v for k, v in options.items()}


def _run(case: Dict[str, Any]) -> Any:
    """Runs one case; returns (python value, core text) or raises."""
    path = REPO / case["input"]
    op, options = case["op"], case.get("options", {})
    if op == "check":
        today = options.get("today")
        findings = natverk.check_file(
            path, today=datetime.date.fromisoformat(today) if today else None
        )
        return findings.to_dict(), findings.to_json()
    if op == "merge":
        merged = natverk.merge([REPO / p for p in case["inputs"]])
        return merged.to_dict(), merged.to_json()
    inv = natverk.load(path)
    if op == "load":
        return inv.to_dict(), inv.to_json()
    if op == "report":
        report = inv.report(**_kwargs(options))
        return report.to_dict(), report.to_json()
    if op == "equality":
        eq = inv.equality(**_kwargs(options))
        return eq.to_dict(), eq.to_json()
    raise AssertionError(f"unknown op {op!r} in {case['name']}")


@pytest.mark.parametrize("case", _cases())
def test_case(case: Dict[str, Any]) -> None:
    golden_text = (REPO / case["expected"]).read_text(encoding="utf-8")
    golden = json.loads(golden_text)
    if case["error"]:
        with pytest.raises(natverk.InventoryError) as info:
            _run(case)
        err = info.value
        assert isinstance(err, ValueError)
        assert dumps(err.to_dict()) == dumps(golden)
        assert [f.code for f in err.findings] == [f["code"] for f in golden["findings"]]
    else:
        value, text = _run(case)
        assert dumps(jsonable(value)) == dumps(golden)
        assert text == golden_text.rstrip("\n")


def test_corpus_is_not_empty() -> None:
    if CASES_FILE.exists():
        assert len(json.loads(CASES_FILE.read_text(encoding="utf-8"))["cases"]) > 0


# Cases of our own, against the small inventory of conftest, with values
# worked out by hand from SPEC §4–§5 (so the test can fail on its own).
OWN = [
    # (name, kwargs, field path in to_dict(), expected)
    ("subject_split_first_takes_rest", dict(from_year=2024, to_year=2025, by=["subject"], scope="central",
                                            statuses=["proposed"]),
     ("lines", 0, "subject"), "jämställdhet"),
    ("skr_fee_two_years", dict(from_year=2024, to_year=2025, statuses=["proposed"]),
     ("total", "fees"), "130000.00"),
    ("expected_financing", dict(from_year=2024, to_year=2025, statuses=["proposed"]),
     ("total", "expected"), "104000.00"),
    ("staff_time", dict(from_year=2024, to_year=2024, statuses=["proposed"]),
     # 40×1100 + 40×1100 + 120×650.50 + 120×600 = 238060 a year; the
     # programme starts in March: 238060 × 10/12 (SPEC §4)
     ("total", "time"), "198383.33"),
    ("eur_membership_converted", dict(from_year=2024, to_year=2024, by=["network"], statuses=["active"],
                                      scope="central"),
     ("total", "fees"), "184000.00"),
    ("once_cost_rounded_half_away", dict(from_year=2024, to_year=2025, by=["unit", "year"], statuses=["active"]),
     ("lines", 2, "other"), "1000.01"),
]


@pytest.mark.parametrize("name,kwargs,where,expected", OWN, ids=[c[0] for c in OWN])
def test_own_case(small: natverk.Inventory, name: str, kwargs: Dict[str, Any], where: Any,
                  expected: Any) -> None:
    value: Any = jsonable(small.report(**kwargs).to_dict())
    for step in where:
        value = value[step]
    assert value == expected
