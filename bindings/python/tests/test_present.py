"""What people see is said once, in the core's ``present`` (issue 25): the
package lays out the core's group keys, captions, currency word and
inventory overview and names none of them itself. A key or a currency word
added to the core only makes these tests fail."""

from __future__ import annotations

import typing
from decimal import Decimal
from typing import Any, Dict, Iterator

import pytest

import natverk
from natverk import _format, _natverk, _types

LANGS = ["sv", "en"]


@pytest.fixture(autouse=True)
def _reset_lang() -> Iterator[None]:
    yield
    natverk.set_lang(None)


def test_the_group_keys_are_the_cores() -> None:
    core = tuple(_natverk.GROUP_KEYS)
    assert core and "network" in core
    assert typing.get_args(natverk.GroupKey) == core
    assert _format.GROUP_KEYS == core
    # a report line's keys: every group key, the network's and the unit's name
    keys = set(_types._LineKeys.__annotations__)
    assert keys == set(core) | {"name", "unit_name"}


def test_the_option_words_are_the_cores(small: natverk.Inventory) -> None:
    # Generated from the core's enums, as the file's words are.
    assert typing.get_args(natverk.Status) == _format.WORDS[("network", "status")]
    assert typing.get_args(natverk.Scope) == ("all", "central")
    for scope in typing.get_args(natverk.Scope):
        assert small.report(2024, 2024, scope=scope).options["scope"] == scope
    with pytest.raises(natverk.ArgumentError):
        small.report(2024, 2024, scope="centrala")  # type: ignore[arg-type]


def test_the_money_fields_are_the_cores() -> None:
    assert natverk.MONEY_FIELDS == tuple(_natverk.MONEY_FIELDS)
    assert len(natverk.MONEY_FIELDS) == 9


def test_every_group_key_is_a_column_and_a_line_key(small: natverk.Inventory) -> None:
    line_keys = set(_types._LineKeys.__annotations__) | set(natverk.MONEY_FIELDS)
    for key in _natverk.GROUP_KEYS:
        report = small.report(2024, 2025, by=key)  # type: ignore[arg-type]
        for line in report.lines:
            assert set(line) <= line_keys, (key, set(line) - line_keys)
        for lang in LANGS:
            table = report.table(lang)  # type: ignore[arg-type]
            assert table.columns[0].key == key
            assert table.columns[0].label == natverk.label(f"key.{key}", lang)  # type: ignore[arg-type]


def _inventory(currency: str) -> natverk.Inventory:
    return natverk.Inventory.from_dict(
        {
            "format": "natverk/1",
            "organisation": {"name": "Kommunen", "currency": currency},
            "networks": [
                {
                    "id": "a",
                    "name": "A",
                    "start": "2024-01-01",
                    "costs": [{"kind": "fee", "amount": "1000"}],
                }
            ],
        }
    )


def test_the_caption_names_the_currency_by_the_cores_word() -> None:
    codes = [k.split(".", 1)[1].upper() for k in natverk.vocabulary("en") if k.startswith("currency.")]
    assert "SEK" in codes
    for code in [*codes, "NOK"]:
        report = _inventory(code).report(2024, 2025)
        for lang in LANGS:
            vocab = natverk.vocabulary(lang)  # type: ignore[arg-type]
            word = vocab.get(f"currency.{code.lower()}", code)
            caption = report.table(lang).caption  # type: ignore[arg-type]
            assert caption is not None
            assert caption == vocab["ui.caption"].format(
                scope=vocab["scope.all"], years="2024–2025", currency=word
            )
    sv = _inventory("SEK").report(2024, 2024).table("sv").caption
    assert sv is not None and sv.endswith("belopp i kr")


def test_the_equality_caption_is_the_reports(small: natverk.Inventory) -> None:
    for lang in LANGS:
        eq = small.equality(2024, 2025).tables(lang)  # type: ignore[arg-type]
        report = small.report(2024, 2025).table(lang)  # type: ignore[arg-type]
        assert eq[0].caption == report.caption


def test_the_inventory_overview_is_the_cores(small: natverk.Inventory, small_dict: Dict[str, Any]) -> None:
    for lang in LANGS:
        raw = small._native.overview(lang, None)
        table = natverk.Table(raw, lang)  # type: ignore[arg-type]
        vocab = natverk.vocabulary(lang)  # type: ignore[arg-type]
        assert table.key == "inventory"
        assert table.title == small_dict["organisation"]["name"]
        assert [c.key for c in table.columns] == ["network", "name", "organiser", "kind", "status", "unit", "seats"]
        assert [c.label for c in table.columns][:2] == [vocab["key.network"], vocab["key.name"]]
        assert table.columns[-1].align == "right"
        assert table.n_rows == len(small) == len(table.rows)
        for row, n in zip(table.rows, small_dict["networks"]):
            assert row[0] == n["id"] and row[1] == n["name"]
            assert row[2] == n.get("organiser")
            assert row[3] == vocab[f"kind.{n.get('kind', 'network')}"]
            assert row[4] == vocab[f"status.{n.get('status', 'active')}"]
            assert row[5] == n.get("unit")
            assert row[6] == len(n.get("participants", []))
        # the notebook shows the first rows and counts the rest
        cut = natverk.Table(small._native.overview(lang, 1), lang)  # type: ignore[arg-type]
        assert len(cut.rows) == 1 and cut.n_rows == len(small)
        assert cut.caption == _natverk.count_text("count.networks", len(small), lang)
        natverk.set_lang(lang)  # type: ignore[arg-type]
        html = small._repr_html_()
        assert all(c.label in html for c in table.columns)


def test_amounts_are_decimals_in_every_table(small: natverk.Inventory) -> None:
    t = small.report(2024, 2025).table("en")
    assert all(isinstance(v, Decimal) for v in t.footer[0][-len(natverk.MONEY_FIELDS) :])
