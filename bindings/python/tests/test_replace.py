"""Changing an inventory: ``replace`` gives a new, validated one."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

import natverk


def test_replace_networks(small: natverk.Inventory) -> None:
    networks = small.networks
    networks[0]["status"] = "active"
    networks.append({"id": "ny", "name": "Nytt nätverk", "start": datetime.date(2025, 1, 1),
                     "costs": [{"kind": "fee", "amount": Decimal("5000")}]})
    networks = [n for n in networks if n["id"] != "eurocities"]
    changed = small.replace(networks=networks)
    assert [n["id"] for n in changed.networks] == ["modellkoncept", "kulturnatverket", "ny"]
    assert changed.networks[0]["status"] == "active"
    assert changed.report(2025, 2025, by=["network"]).lines[-1]["fees"] == Decimal("5000.00")
    # the original is unchanged, the rest is kept
    assert [n["id"] for n in small.networks] == ["modellkoncept", "eurocities", "kulturnatverket"]
    assert changed.people == small.people and changed.organisation == small.organisation


def test_replace_organisation(small: natverk.Inventory) -> None:
    org = small.organisation
    org["population"] = {"2023": 700000}
    changed = small.replace(organisation=org)
    assert changed.organisation["population"] == {"2023": 700000}
    assert changed.replace() == changed


def test_replace_validates(small: natverk.Inventory) -> None:
    networks = small.networks
    networks[0]["unit"] = "nowhere"
    with pytest.raises(natverk.InventoryError) as info:
        small.replace(networks=networks)
    assert info.value.findings[0].path == "networks[0].unit"
    with pytest.raises(TypeError):
        small.replace(networks={"id": "x"})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        small.replace(colour="blue")  # type: ignore[call-arg]
