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
    inv = natverk.Inventory.from_dict(small_dict)
    html = inv.report(2024, 2024)._repr_html_()
    assert "250 more lines (use .to_pandas() to see them all)" in html
    assert "250 more lines (use .networks to see them all)" in inv._repr_html_()
    assert "450 networks" in inv._repr_html_()


def test_plurals_and_no_empty_by(small: natverk.Inventory, small_dict: Any) -> None:
    assert repr(small) == "<Inventory 'Göteborgs Stad': 3 networks>"
    small_dict["networks"] = small_dict["networks"][2:]
    small_dict["networks"][0]["participants"] = []  # one warning: no_participants
    one = natverk.Inventory.from_dict(small_dict)
    assert repr(one) == "<Inventory 'Göteborgs Stad': 1 network>"
    assert repr(one.report(2024, 2024)).startswith("<Report 'Göteborgs Stad' 2024 by network: 1 line,")
    assert repr(one.report(2024, 2025, by=[])) == (
        f"<Report 'Göteborgs Stad' 2024–2025: 1 line, gross {one.report(2024, 2025, by=[]).total['gross']} SEK>"
    )
    assert repr(one.check("2024-06-01")) == "<Findings: 0 errors, 1 warning>"
    assert "1 network, " in one._repr_html_()
    broken = natverk.check_json('{"format": "natverk/1"}')
    assert repr(broken) == "<Findings: 1 error, 0 warnings>"
    assert "1 error, 0 warnings" in broken._repr_html_()


def test_findings_html_escapes(small_dict: Any) -> None:
    small_dict["networks"][1]["status"] = "active"
    small_dict["networks"][1]["participants"] = []
    inv = natverk.Inventory.from_dict(small_dict)
    html = inv.check(datetime.date(2024, 6, 1))._repr_html_()
    assert "<table" in html and "no_participants" in html
    broken = natverk.check_json('{"format": "<b>natverk</b>"}')._repr_html_()
    assert "<b>" not in broken
