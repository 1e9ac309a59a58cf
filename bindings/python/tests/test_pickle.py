"""Inventories, reports and statistics pickle and compare by content."""

from __future__ import annotations

import copy
import pickle
from typing import Any, Dict

import pytest

import natverk

from conftest import GOTEBORG


def test_inventory_pickles(small: natverk.Inventory) -> None:
    again = pickle.loads(pickle.dumps(small))
    assert again == small and again is not small
    assert again.to_json() == small.to_json()
    assert copy.deepcopy(small) == small
    g = natverk.load(GOTEBORG)
    assert pickle.loads(pickle.dumps(g)) == g
    assert g != small and small != "not an inventory"
    # hashable by content, consistent with ==: a key of a dict or a cache
    assert hash(again) == hash(small)
    assert {small: 1}[again] == 1


def test_inventory_equality_is_by_content(small_dict: Dict[str, Any]) -> None:
    a = natverk.Inventory.from_dict(small_dict)
    b = natverk.Inventory.from_json(a.to_json())
    assert a == b
    small_dict["networks"][2]["name"] = "Kulturarvsnätverket Väst"
    assert natverk.Inventory.from_dict(small_dict) != a


def test_reports_pickle(small: natverk.Inventory) -> None:
    for report in (
        small.report(2024, 2025),
        small.report(2024, 2025, scope="central", by=["subject", "year"], statuses=["proposed", "active"]),
        small.report(2024, 2026, leave="recommended", leave_from=2025),
    ):
        again = pickle.loads(pickle.dumps(report))
        assert again == report and type(again) is type(report)
        assert again.to_json() == report.to_json()
        assert again.lines == report.lines and again.savings == report.savings
    assert small.report(2024, 2025) != small.report(2024, 2026)
    leave = pickle.loads(pickle.dumps(small.report(2024, 2026, leave="recommended")))
    assert isinstance(leave, natverk.LeaveReport) and leave.savings["gross"] > 0


def test_many_reports_share_one_pickled_inventory(small: natverk.Inventory) -> None:
    reports = [small.report(2024, y) for y in range(2024, 2030)]
    one = len(pickle.dumps(reports[0]))
    assert len(pickle.dumps(reports)) < 2 * one


def test_equality_and_findings_pickle(small: natverk.Inventory) -> None:
    eq = small.equality(2024, 2025)
    assert pickle.loads(pickle.dumps(eq)) == eq
    assert eq != small.equality(2025, 2025)
    findings = small.check("2023-11-20")
    assert pickle.loads(pickle.dumps(findings)) == findings
