"""Money is ``decimal.Decimal``, dates are ``datetime.date``, nothing is a float."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any, Dict, Iterator

import natverk

from conftest import GOTEBORG, SMALL


def _walk(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v)
    else:
        yield value


def test_report_money_is_decimal_with_two_places(small: natverk.Inventory) -> None:
    report = small.report(2024, 2025, by=["subject", "year"], leave="recommended")
    assert report.lines
    for part in [*report.lines, report.total, report.savings]:
        assert part is not None
        for field in natverk._report.MONEY_FIELDS:
            value = part[field]
            assert isinstance(value, Decimal)
            assert value.as_tuple().exponent == -2
    assert not any(isinstance(v, float) for v in _walk(report.to_dict()))
    assert isinstance(report.lines[0]["year"], int)
    assert report.by == ("subject", "year") and report.from_year == 2024


def test_lines_add_up_to_total(small: natverk.Inventory) -> None:
    report = small.report(2023, 2026, by=["subject"])
    for field in natverk._report.MONEY_FIELDS:
        assert sum((line[field] for line in report.lines), Decimal(0)) == report.total[field]


def test_savings_only_with_leave(small: natverk.Inventory) -> None:
    assert small.report(2024, 2026).savings is None
    with_leave = small.report(2024, 2026, leave="recommended")
    assert with_leave.savings is not None and with_leave.savings["gross"] > 0
    assert "savings" in with_leave.to_dict() and "savings" not in small.report(2024, 2026).to_dict()


def test_inventory_values(small: natverk.Inventory) -> None:
    n = small.networks[0]
    assert n["start"] == datetime.date(2024, 3, 1)
    assert n["deadline"] == datetime.date(2023, 12, 8)
    assert n["financing"][0]["probability"] == Decimal("0.8")
    assert n["participants"][2]["hours_per_year"] == Decimal("120")
    assert small.people[2]["hourly_cost"] == Decimal("650.50")
    assert small.fee_schedules[0]["tiers"][1]["amount"] == Decimal("65000")
    assert small.exchange_rates[0]["rate"] == Decimal("11.50")
    assert small.networks[2]["costs"][0]["date"] == datetime.date(2024, 5, 1)
    assert small.organisation["population"] == {"2022": 596841, "2023": 604616}
    assert [u["central"] for u in small.units] == [True, False]
    assert not any(isinstance(v, float) for v in _walk(small.to_dict()))
    # each access is a new copy
    small.networks[0]["name"] = "changed"
    assert small.networks[0]["name"] == "Modellkoncept för jämställdhet"


def test_from_dict_takes_decimals_dates_and_ints(small_dict: Dict[str, Any]) -> None:
    n = small_dict["networks"][0]
    n["start"] = datetime.date(2024, 3, 1)
    n["costs"] = [{"kind": "fee", "amount": Decimal("6.5E+4")}, {"kind": "travel", "amount": 1200}]
    inv = natverk.Inventory.from_dict(small_dict)
    costs = inv.networks[0]["costs"]
    assert [c["amount"] for c in costs] == [Decimal("65000"), Decimal("1200")]


def test_round_trip(small: natverk.Inventory) -> None:
    again = natverk.Inventory.from_dict(small.to_dict())
    assert again.to_json() == small.to_json()
    assert natverk.Inventory.from_json(small.to_json()).to_json() == small.to_json()
    assert natverk.Inventory.from_json(small.to_json().encode()).to_json() == small.to_json()
    if GOTEBORG.exists():
        g = natverk.load(GOTEBORG)
        assert natverk.Inventory.from_dict(g.to_dict()).to_json() == g.to_json()


def test_equality_types(small: natverk.Inventory) -> None:
    eq = small.equality(2024, 2025)
    assert eq.seats == {"woman": 4, "man": 2, "other": 0, "unknown": 0}
    assert eq.persons == {"woman": 2, "man": 2, "other": 0, "unknown": 0}
    assert all(isinstance(v, int) for v in eq.persons.values())
    assert all(isinstance(v, Decimal) for v in [*eq.hours.values(), *eq.time_cost.values()])
    # modellkoncept: p1 40 h + t1 120 h a year from March 2024 through 2025
    # (10 + 12 months); kulturnatverket t1 10.25 h a year, all of 2024–2025;
    # rounded once, at the end (SPEC §7)
    exact = Decimal(40 + 120) * (10 + 12) / 12 + Decimal("10.25") * 2
    assert eq.hours["woman"] == exact.quantize(Decimal("0.01")) == Decimal("313.83")
    assert [n["network"] for n in eq.networks] == sorted(n["network"] for n in eq.networks)
    assert eq.to_dict()["time_cost"]["man"] == eq.time_cost["man"]


def test_findings(small: natverk.Inventory) -> None:
    findings = small.check(today=datetime.date(2023, 11, 20))
    assert isinstance(findings, natverk.Findings)
    assert "deadline_soon" in findings.codes
    assert findings.errors == 0 and findings.warnings == len(findings)
    f = findings[findings.codes.index("deadline_soon")]
    assert f.severity == "warning" and f.path.startswith("networks[0]")
    assert f.line is None and "line" not in f.to_dict()
    assert json.loads(findings.to_json()) == findings.to_dict()
    # the same date as text, and a later one
    assert small.check("2023-11-20") == findings
    assert "deadline_passed" in small.check(datetime.date(2024, 1, 1)).codes


def test_version() -> None:
    assert natverk.__version__ and natverk.FORMAT == "natverk/1"
    assert SMALL["format"] == natverk.FORMAT
