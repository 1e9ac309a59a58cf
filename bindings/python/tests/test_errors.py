"""Bad input never crashes: every problem comes back as one
``InventoryError`` (a ``ValueError``) listing every finding, or as a
``TypeError`` for Python values JSON cannot carry exactly."""

from __future__ import annotations

import datetime
import pickle
from decimal import Decimal
from typing import Any, Callable, Dict, List, Optional

import pytest

import natverk

from conftest import SMALL

BROKEN = """{
  "format": "natverk/1",
  "organisation": {"name": "X", "currency": "sek"},
  "people": [{"id": "p", "role": "official", "side": "majority"}],
  "networks": [
    {"id": "a", "nmae": "A", "start": "2024-13-01"},
    {"id": "a", "name": "B", "start": "2024-01-01", "unit": "nowhere"}
  ]
}"""

DEEP = "[" * 100_000 + "]" * 100_000

# (id, JSON text or bytes, codes expected, in order; None: any non-empty list)
LOAD_CASES: List[Any] = [
    ("every_problem_at_once", BROKEN,
     None),
    ("syntax_has_line_and_column", '{\n  "format": "natverk/1",\n  "organisation": {,\n}', ["syntax"]),
    ("truncated", '{"format": "natverk/1", "organisation": {"name": "X"', ["syntax"]),
    ("empty", "", ["syntax"]),
    ("not_an_object", "[1, 2, 3]", None),
    ("invalid_utf8", b'{"format": "natverk/1", "organisation": {"name": "\xff\xfe", "currency": "SEK"}}', None),
    ("lone_surrogate", '{"format": "natverk/1", "organisation": {"name": "\ud800", "currency": "SEK"}}', None),
    ("deep_nesting", DEEP, None),
    ("deep_nesting_in_a_value", '{"format": "natverk/1", "organisation": ' + DEEP + "}", None),
    ("huge_number", '{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK", '
                    '"population": 99999999999999999999999999999999999999999999}}', ["invalid_value"]),
    ("huge_decimal", '{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"}, '
                     '"networks": [{"id": "a", "name": "A", "start": "2024-01-01", "costs": '
                     '[{"kind": "fee", "amount": "1' + "0" * 400 + '"}]}]}', ["invalid_value"]),
    ("exponent", '{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK", '
                 '"population": 1e6}}', ["invalid_value"]),
    ("duplicate_key", '{"format": "natverk/1", "format": "natverk/1", '
                      '"organisation": {"name": "X", "currency": "SEK"}}', ["duplicate_key"]),
    ("unsupported_format", '{"format": "natverk/2", "organisation": {"name": "X", "currency": "SEK"}}',
     ["unsupported_format"]),
]


@pytest.mark.parametrize("text,codes", [c[1:] for c in LOAD_CASES], ids=[c[0] for c in LOAD_CASES])
def test_load_fails_with_findings(text: Any, codes: Optional[List[str]]) -> None:
    with pytest.raises(natverk.InventoryError) as info:
        natverk.Inventory.from_json(text)
    err = info.value
    assert isinstance(err, ValueError) and isinstance(err, natverk.NatverkError)
    assert err.findings, "an InventoryError always carries findings"
    assert all(f.severity == "error" for f in err.findings)
    if codes is not None:
        assert [f.code for f in err.findings] == codes
    # the same text through check_json gives the same findings, without raising
    checked = natverk.check_json(text)
    assert checked.errors == len(err.findings)
    assert list(checked) == err.findings


def test_every_problem_in_one_exception() -> None:
    with pytest.raises(natverk.InventoryError) as info:
        natverk.Inventory.from_json(BROKEN)
    err = info.value
    codes = set(err.codes)
    assert {"invalid_value", "unknown_field", "missing_field", "duplicate_id",
            "unknown_reference"} <= codes
    paths = [f.path for f in err.findings]
    assert "networks[0].nmae" in paths and "organisation.currency" in paths
    assert "did you mean `name`" in str(err)
    assert err.to_dict()["errors"] == len(err.findings)


def test_syntax_error_position() -> None:
    with pytest.raises(natverk.InventoryError) as info:
        natverk.Inventory.from_json('{\n  "format": "natverk/1",\n  "organisation": {,\n}')
    f = info.value.findings[0]
    assert (f.code, f.line) == ("syntax", 3)
    assert isinstance(f.column, int)


def test_load_file(tmp_path: Any) -> None:
    p = tmp_path / "broken.json"
    p.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(natverk.InventoryError):
        natverk.load(p)
    findings = natverk.check_file(str(p))
    assert findings.errors >= 5 and findings.warnings == 0
    with pytest.raises(FileNotFoundError):
        natverk.load(tmp_path / "missing.json")


def test_bom_is_allowed(tmp_path: Any) -> None:
    p = tmp_path / "bom.json"
    p.write_bytes(b"\xef\xbb\xbf" + natverk.Inventory.from_dict(SMALL).to_json().encode())
    assert len(natverk.load(p)) == 3


def test_error_pickles() -> None:
    with pytest.raises(natverk.InventoryError) as info:
        natverk.Inventory.from_json(BROKEN)
    again = pickle.loads(pickle.dumps(info.value))
    assert again.findings == info.value.findings and str(again) == str(info.value)


def _set(d: Dict[str, Any], path: List[Any], value: Any) -> None:
    for step in path[:-1]:
        d = d[step]
    d[path[-1]] = value


# (id, where to put it, value, exception, text the message must contain)
FROM_DICT_CASES: List[Any] = [
    ("float_money", ["networks", 0, "costs", 0, "amount"], 650.5, TypeError, "networks[0].costs[0].amount"),
    ("float_hourly_cost", ["people", 2, "hourly_cost"], 650.5, TypeError, "people[2].hourly_cost"),
    ("float_share", ["networks", 0, "financing", 0, "probability"], 0.8, TypeError,
     "networks[0].financing[0].probability"),
    ("float_population", ["organisation", "population"], 604616.0, TypeError, "organisation.population"),
    ("datetime_with_a_time", ["networks", 0, "start"], datetime.datetime(2024, 3, 1, 10), natverk.InventoryError,
     "networks[0].start"),
    ("a_set", ["networks", 0, "subjects"], {"a"}, TypeError, "networks[0].subjects"),
    ("tuple_key", ["organisation"], {(1, 2): "x"}, TypeError, "organisation"),
    ("int_key_is_its_digits", ["organisation"], {"name": "X", "currency": "SEK", 1: "x"},
     natverk.InventoryError, "organisation.1"),
    ("nan_decimal", ["networks", 0, "costs", 0, "amount"], Decimal("NaN"), natverk.InventoryError,
     "networks[0].costs[0].amount"),
    ("negative_money", ["networks", 0, "costs", 0, "amount"], Decimal("-1"), natverk.InventoryError,
     "networks[0].costs[0].amount"),
    ("huge_int", ["organisation", "population"], 10**5000, natverk.InventoryError, None),
    ("lone_surrogate", ["networks", 0, "name"], "Modell\ud800", natverk.InventoryError, None),
    ("bad_date_text", ["networks", 0, "start"], "2024-02-30", natverk.InventoryError, "networks[0].start"),
]


@pytest.mark.parametrize("where,value,exc,needle", [c[1:] for c in FROM_DICT_CASES],
                         ids=[c[0] for c in FROM_DICT_CASES])
def test_from_dict_rejects(small_dict: Dict[str, Any], where: List[Any], value: Any,
                           exc: type, needle: Optional[str]) -> None:
    _set(small_dict, where, value)
    with pytest.raises(exc) as info:
        natverk.Inventory.from_dict(small_dict)
    if needle is None:
        return
    if isinstance(info.value, natverk.InventoryError):
        assert needle in [f.path for f in info.value.findings]
    else:
        assert needle in str(info.value)


def test_from_dict_deep_nesting_is_a_finding(small_dict: Dict[str, Any]) -> None:
    deep: Any = {}
    for _ in range(50_000):
        deep = {"x": deep}
    small_dict["networks"][0]["notes"] = deep
    with pytest.raises(natverk.InventoryError):
        natverk.Inventory.from_dict(small_dict)


def test_from_dict_needs_a_dict() -> None:
    with pytest.raises(TypeError):
        natverk.Inventory.from_dict([])  # type: ignore[arg-type]


# Report and statistics options: a wrong option is an ArgumentError (with
# findings under `options.`), a problem of the inventory an InventoryError,
# a wrong Python type a TypeError.
OPTION_CASES: List[Any] = [
    ("unknown_scope", lambda inv: inv.report(2024, 2025, scope="everything"), natverk.ArgumentError),
    ("unknown_group_key", lambda inv: inv.report(2024, 2025, by="subjekt"), natverk.ArgumentError),
    ("group_key_twice", lambda inv: inv.report(2024, 2025, by=["year", "year"]), natverk.ArgumentError),
    ("unknown_status", lambda inv: inv.report(2024, 2025, statuses=["sleeping"]), natverk.ArgumentError),
    ("to_before_from", lambda inv: inv.report(2025, 2024), natverk.ArgumentError),
    ("year_out_of_range", lambda inv: inv.report(2024, 20255), natverk.ArgumentError),
    ("year_beyond_i32", lambda inv: inv.report(2024, 2**40), natverk.ArgumentError),
    ("unknown_leave_id", lambda inv: inv.report(2024, 2025, leave=["nope"]), natverk.InventoryError),
    ("year_as_text", lambda inv: inv.report("2024", 2025), TypeError),
    ("year_as_bool", lambda inv: inv.report(True, 2025), TypeError),
    ("year_as_float", lambda inv: inv.report(2024.0, 2025), TypeError),
    ("by_not_text", lambda inv: inv.report(2024, 2025, by=[1]), TypeError),
    ("options_are_keyword_only", lambda inv: inv.report(2024, 2025, "central"), TypeError),
    ("equality_bad_scope", lambda inv: inv.equality(2024, 2025, scope="x"), natverk.ArgumentError),
    ("equality_to_before_from", lambda inv: inv.equality(2025, 2024), natverk.ArgumentError),
    ("today_bad_text", lambda inv: inv.check(today="24-01-01"), natverk.ArgumentError),
    ("today_does_not_exist", lambda inv: inv.check(today="2024-02-30"), natverk.ArgumentError),
    ("today_with_a_time", lambda inv: inv.check(today=datetime.datetime(2024, 1, 1, 9, 30)),
     natverk.ArgumentError),
    ("today_a_number", lambda inv: inv.check(today=20240101), TypeError),
]


@pytest.mark.parametrize("call,exc", [c[1:] for c in OPTION_CASES], ids=[c[0] for c in OPTION_CASES])
def test_bad_options(small: natverk.Inventory, call: Callable[[natverk.Inventory], Any], exc: type) -> None:
    with pytest.raises(exc) as info:
        call(small)
    err = info.value
    if isinstance(err, (natverk.InventoryError, natverk.ArgumentError)):
        assert err.findings and isinstance(err, ValueError) and isinstance(err, natverk.NatverkError)
    if isinstance(err, natverk.ArgumentError):
        assert not isinstance(err, natverk.InventoryError)
        assert all(f.path.startswith("options") for f in err.findings), err.findings
        assert str(err).startswith("the options have 1 problem")


def test_argument_error_names_the_option(small: natverk.Inventory) -> None:
    with pytest.raises(natverk.ArgumentError) as info:
        small.report(2024, 2025, by="subjekt")
    assert "subjekt" in str(info.value)
    with pytest.raises(natverk.ArgumentError) as info:
        small.check(today="2024-02-30")
    assert info.value.findings[0].path == "options.today"
    assert "2024-02-30" in str(info.value) and "YYYY-MM-DD" in str(info.value)


def test_str_lists_at_most_20_findings() -> None:
    networks = ",".join(f'{{"id": "n{i}", "name": "N", "start": "2024-13-01"}}' for i in range(2000))
    text = '{"format": "natverk/1", "organisation": {"name": "X", "currency": "SEK"}, "networks": [' + networks + "]}"
    with pytest.raises(natverk.InventoryError) as info:
        natverk.Inventory.from_json(text)
    err = info.value
    assert len(err.findings) == 2000
    message = str(err)
    assert message.count("error[invalid_value]") == 20
    assert "and 1,980 more findings" in message
    assert len(message) < 5000
    assert "2000 problems" in message.splitlines()[0] or "2,000" in message.splitlines()[0]


def test_traceback_names_the_public_class() -> None:
    import traceback

    with pytest.raises(natverk.InventoryError) as info:
        natverk.Inventory.from_json("{}")
    text = "".join(traceback.format_exception(type(info.value), info.value, info.value.__traceback__))
    assert "natverk.InventoryError: " in text and "_errors" not in text.splitlines()[-1]
    for cls in (natverk.InventoryError, natverk.ArgumentError, natverk.NatverkError,
                natverk.Inventory, natverk.Report, natverk.LeaveReport, natverk.Equality,
                natverk.Finding, natverk.Findings):
        assert cls.__module__ == "natverk", cls
    assert issubclass(natverk.InventoryError, ValueError)
    assert issubclass(natverk.ArgumentError, ValueError)
    assert issubclass(natverk.ArgumentError, natverk.NatverkError)


def test_report_needing_a_missing_rate_fails_with_findings(small_dict: Dict[str, Any]) -> None:
    # the EUR rate starts in 2023: a 2020 report needs a rate the file lacks
    inv = natverk.Inventory.from_dict(small_dict)
    with pytest.raises(natverk.InventoryError) as info:
        inv.report(2020, 2020)
    assert "missing_rate" in info.value.codes
