"""Shared fixtures of the Python tests.

The conformance corpus and the example inventory live at the repository
root (``tests/``, ``examples/``), shared with the Rust and JS tests.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict

import pytest

import natverk

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent
REPO = PACKAGE.parent.parent
GOTEBORG = REPO / "examples" / "goteborg.json"

#: A small inventory of our own, in the spirit of SPEC §1: a tiered SKR fee,
#: financing from the county board, a EUR membership, people with names that
#: must never leak into HTML, and a `<script>` in a network name.
SMALL: Dict[str, Any] = {
    "format": "natverk/1",
    "organisation": {
        "name": "Göteborgs Stad",
        "code": "1480",
        "currency": "SEK",
        "population": {"2022": 596841, "2023": 604616},
    },
    "units": [
        {"id": "ks", "name": "Kommunstyrelsen", "central": True},
        {"id": "kultur", "name": "Kulturförvaltningen"},
    ],
    "people": [
        {"id": "p1", "name": "Anna Andersson", "gender": "woman", "role": "politician",
         "side": "majority", "hourly_cost": "1100"},
        {"id": "p2", "name": "Bertil Berg", "gender": "man", "role": "politician",
         "side": "opposition", "hourly_cost": "1100"},
        {"id": "t1", "name": "Cecilia Carlsson", "gender": "woman", "role": "official",
         "hourly_cost": "650.50"},
        {"id": "t2", "gender": "man", "role": "official", "hourly_cost": "600"},
    ],
    "fee_schedules": [
        {"id": "skr", "population_offset": -1, "tiers": [
            {"max_population": 100000, "amount": 30000},
            {"amount": "65000"}]},
    ],
    "exchange_rates": [{"currency": "EUR", "year": 2023, "rate": "11.50"}],
    "networks": [
        {
            "id": "modellkoncept",
            "name": "Modellkoncept för jämställdhet",
            "organiser": "SKR",
            "kind": "programme",
            "subjects": ["jämställdhet", "styrning"],
            "unit": "ks",
            "start": "2024-03-01",
            "end": "2025-12-31",
            "deadline": "2023-12-08",
            "status": "proposed",
            "participants": [
                {"person": "p1", "hours_per_year": "40"},
                {"person": "p2", "hours_per_year": "40"},
                {"person": "t1", "hours_per_year": "120"},
                {"person": "t2", "hours_per_year": "120"},
            ],
            "costs": [{"kind": "fee", "schedule": "skr"}],
            "financing": [{"funder": "Länsstyrelsen Västra Götaland",
                           "status": "expected", "probability": "0.8"}],
        },
        {
            "id": "eurocities",
            "name": "Eurocities <script>alert('x')</script>",
            "organiser": "Eurocities",
            "kind": "membership",
            "subjects": ["internationellt"],
            "unit": "ks",
            "start": "2010-01-01",
            "notice_months": 6,
            "assessment": {"benefit": 2, "recommendation": "leave"},
            "participants": [{"person": "p1"}],
            "costs": [{"kind": "membership", "amount": "16000", "currency": "EUR"},
                      {"kind": "travel", "amount": 25000}],
        },
        {
            "id": "kulturnatverket",
            "name": "Kulturarvsnätverket",
            "kind": "network",
            "unit": "kultur",
            "start": "2024-01-01",
            "participants": [{"person": "t1", "hours_per_year": "10.25"}],
            "costs": [{"kind": "other", "amount": "1000.005", "per": "once",
                       "date": "2024-05-01"}],
        },
    ],
}


@pytest.fixture
def small_dict() -> Dict[str, Any]:
    """A fresh deep copy of SMALL (tests may mutate it)."""
    copy: Dict[str, Any] = json.loads(json.dumps(SMALL))
    return copy


@pytest.fixture
def small() -> natverk.Inventory:
    return natverk.Inventory.from_dict(SMALL)


def jsonable(value: Any) -> Any:
    """Python values back to the JSON the core writes: Decimal → its exact
    string, date → YYYY-MM-DD."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def dumps(value: Any) -> str:
    """Canonical text for comparing JSON values, key order included."""
    return json.dumps(value, ensure_ascii=False, indent=2)


@pytest.fixture(scope="session")
def goteborg() -> natverk.Inventory:
    """The founding example, examples/goteborg.json."""
    return natverk.load(GOTEBORG)
