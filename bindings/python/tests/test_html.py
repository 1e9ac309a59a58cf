"""Notebook display: readable tables, every file string escaped, no person names."""

from __future__ import annotations

import datetime
from typing import Any, Callable, List

import pytest

import natverk

from conftest import SMALL

PERSON_NAMES = [p["name"] for p in SMALL["people"] if "name" in p]

DISPLAYS: List[Any] = [
    ("report_by_network", lambda inv: inv.report(2024, 2025)),
    ("report_by_network_year", lambda inv: inv.report(2024, 2025, by=["network", "year"])),
    ("report_with_savings", lambda inv: inv.report(2024, 2026, leave="recommended")),
    ("equality", lambda inv: inv.equality(2024, 2025)),
    ("inventory", lambda inv: inv),
]


@pytest.mark.parametrize("make", [d[1] for d in DISPLAYS], ids=[d[0] for d in DISPLAYS])
def test_escaped_and_no_person_names(small: natverk.Inventory, make: Callable[[natverk.Inventory], Any]) -> None:
    html = make(small)._repr_html_()
    assert html.startswith("<table") and html.endswith("</table>")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    for name in PERSON_NAMES:
        assert name not in html


def test_report_table_has_totals(small: natverk.Inventory) -> None:
    report = small.report(2024, 2026, leave="recommended")
    html = report._repr_html_()
    assert "<tfoot>" in html and ">Total<" in html and ">Savings<" in html
    assert f"{report.total['gross']:,.2f}" in html  # thousands grouped
    assert html.count("<tr>") == 1 + len(report.lines) + 2


def test_long_report_is_cut(small_dict: Any) -> None:
    base = small_dict["networks"][2]
    small_dict["networks"] = [dict(base, id=f"n{i:04}") for i in range(450)]
    html = natverk.Inventory.from_dict(small_dict).report(2024, 2024)._repr_html_()
    assert "250 more lines" in html


def test_findings_html_escapes(small_dict: Any) -> None:
    small_dict["networks"][1]["status"] = "active"
    small_dict["networks"][1]["participants"] = []
    inv = natverk.Inventory.from_dict(small_dict)
    html = inv.check(datetime.date(2024, 6, 1))._repr_html_()
    assert "<table" in html and "no_participants" in html
    broken = natverk.check_json('{"format": "<b>natverk</b>"}')._repr_html_()
    assert "<b>" not in broken
