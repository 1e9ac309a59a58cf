"""The public file (SPEC §13): ``Inventory.public()``."""

from __future__ import annotations

import json

import pytest

import natverk



@pytest.fixture(scope="module")
def inv(goteborg: natverk.Inventory) -> natverk.Inventory:
    return goteborg


def test_public_reports_equal_the_inventorys(inv: natverk.Inventory) -> None:
    pub = inv.public()
    assert isinstance(pub, natverk.Inventory)
    for kwargs in (
        {},
        {"by": ["subject", "year"], "scope": "central"},
        {"leave": "recommended", "leave_from": 2025},
        {"by": "unit", "statuses": ["active", "proposed"]},
    ):
        assert pub.report(2023, 2027, **kwargs).to_dict() == inv.report(2023, 2027, **kwargs).to_dict()
    a, b = inv.equality(2024, 2025).to_dict(), pub.equality(2024, 2025).to_dict()
    for key in ("seats", "persons", "seats_by_role", "persons_by_role", "seats_by_side", "persons_by_side", "networks"):
        assert a[key] == b[key], key


def test_public_holds_no_names_rates_or_hours(inv: natverk.Inventory) -> None:
    text = inv.public().to_json()
    doc = json.loads(text)
    assert "hourly_cost" not in text and "hours_per_year" not in text
    for person in inv.people:
        if person.get("name"):
            assert person["name"] not in text
    assert [p["id"] for p in doc["people"]] == [f"p{i + 1}" for i in range(len(doc["people"]))]
    kinds = {c["kind"] for n in doc["networks"] for c in n.get("costs", [])}
    assert "time" in kinds
    # it loads as an inventory of its own
    assert natverk.Inventory.from_json(text) == inv.public()
