"""Notebook display (SPEC §8, §11): the core's tables in Swedish or English,
every file string escaped, no person names, no English in Swedish."""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any, Callable, Dict, Iterator, List, Tuple

import pytest

import natverk

from conftest import SMALL

PERSON_NAMES = [p["name"] for p in SMALL["people"] if "name" in p]
LANGS = ["sv", "en"]


@pytest.fixture(autouse=True)
def _reset_lang() -> Iterator[None]:
    yield
    natverk.set_lang(None)


class _Cells(HTMLParser):
    """The text of each heading, cell and caption of some HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: List[Tuple[str, Dict[str, Any], str]] = []
        self._open: List[Tuple[str, Dict[str, Any], List[str]]] = []

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Any]]) -> None:
        if tag in ("th", "td", "caption", "p"):
            self._open.append((tag, dict(attrs), []))
        elif tag == "br" and self._open:
            self._open[-1][2].append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag:
            t, a, parts = self._open.pop()
            self.cells.append((t, a, "".join(parts).strip()))

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][2].append(data)


def cells(html: str) -> List[Tuple[str, Dict[str, Any], str]]:
    p = _Cells()
    p.feed(html)
    p.close()
    return p.cells


def headings(html: str) -> List[str]:
    return [text for tag, attrs, text in cells(html) if tag == "th" and attrs.get("scope") == "col"]


def _inventory_with_problems() -> str:
    doc = dict(SMALL)
    doc["networks"] = [dict(SMALL["networks"][1], status="aktiv", start="2024-02-30", nmae="x")]
    return json.dumps(doc)


def _invalid_error() -> natverk.InventoryError:
    with pytest.raises(natverk.InventoryError) as e:
        natverk.Inventory.from_json(_inventory_with_problems())
    return e.value


DISPLAYS: List[Tuple[str, Callable[[natverk.Inventory], Any]]] = [
    ("report_by_network", lambda inv: inv.report(2024, 2025)),
    ("report_by_kind_status_year", lambda inv: inv.report(2024, 2025, by=["kind", "status", "year"])),
    ("report_with_savings", lambda inv: inv.report(2024, 2026, leave="recommended")),
    ("equality", lambda inv: inv.equality(2024, 2025)),
    ("inventory", lambda inv: inv),
    ("warnings", lambda inv: inv.check(datetime.date(2030, 1, 1))),
    ("invalid_inventory_error", lambda inv: _invalid_error()),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("make", [d[1] for d in DISPLAYS], ids=[d[0] for d in DISPLAYS])
def test_escaped_and_no_person_names(
    small: natverk.Inventory, make: Callable[[natverk.Inventory], Any], lang: natverk.Lang
) -> None:
    natverk.set_lang(lang)
    shown = make(small)
    html = shown._repr_html_()
    assert f'lang="{lang}"' in html
    assert "<script>" not in html
    for name in PERSON_NAMES:
        assert name not in html
    if "network" in getattr(shown, "by", ("network",)) and not isinstance(
        shown, (natverk.Findings, natverk.InventoryError)
    ):
        # a network name carries a <script>: shown as text
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_file_text_in_a_finding_is_escaped() -> None:
    broken = natverk.check_json('{"format": "<b>natverk</b>"}')
    for lang in LANGS:
        html = broken.table(lang).to_html()
        assert "<b>" not in html and "&lt;b&gt;natverk&lt;/b&gt;" in html


# ---- no English in Swedish -------------------------------------------------


def _english_words() -> Tuple[List[str], List[str]]:
    """What only English writes: whole labels (a cell that is one of them
    is English) and fragments of labels with values (a text containing one
    is English). Labels that read the same in both languages are left out."""
    en, sv = natverk.vocabulary("en"), natverk.vocabulary("sv")
    swedish = set(sv.values())
    whole, fragments = [], []
    for key, text in en.items():
        if text == sv[key] or text in swedish or key.startswith("workbook."):
            continue
        if "{" in text:
            for part in re.split(r"\{\w+\}", text):
                part = part.strip(" ,.:;()—–…")
                if " " in part and len(part) >= 8:
                    fragments.append(part)
        else:
            whole.append(text)
    return whole, fragments


def _messages(shown: Any) -> List[natverk.Finding]:
    if isinstance(shown, natverk.Findings):
        return list(shown)
    if isinstance(shown, natverk.InventoryError):
        return shown.findings
    return []


@pytest.mark.parametrize("make", [d[1] for d in DISPLAYS], ids=[d[0] for d in DISPLAYS])
def test_swedish_display_has_no_english(small: natverk.Inventory, make: Callable[[natverk.Inventory], Any]) -> None:
    natverk.set_lang("sv")
    shown = make(small)
    html = shown._repr_html_()
    texts = [text for _, _, text in cells(html)]
    whole, fragments = _english_words()
    assert len(whole) > 100 and len(fragments) > 20  # the vocabulary is there
    english_cells = [t for t in texts if t in whole]
    assert not english_cells, english_cells
    plain = "\n".join(texts)
    english_fragments = [f for f in fragments if f in plain]
    assert not english_fragments, english_fragments
    for f in _messages(shown):
        assert f.message_in("sv") != f.message, f.code  # every message exists in Swedish
        assert f.message not in plain
        assert f.message_in("sv") in plain


def test_the_english_display_is_english(small: natverk.Inventory) -> None:
    # the test above could fail: in English, the same check finds English
    natverk.set_lang("en")
    whole, _ = _english_words()
    texts = [t for _, _, t in cells(small.report(2024, 2026, leave="recommended")._repr_html_())]
    assert {"Total", "Savings", "Gross", "Network"} <= set(texts) & set(whole)
    err = _invalid_error()
    plain = "\n".join(t for _, _, t in cells(err._repr_html_()))
    assert all(f.message in plain for f in err.findings)


def test_invalid_inventory_error_in_swedish() -> None:
    err = _invalid_error()
    assert len(err.findings) >= 3
    assert err.headline("sv") == f"inventeringen har {len(err.findings)} problem"
    assert err.headline("en") == f"the inventory has {len(err.findings)} problems"
    # str() stays English and stable
    assert str(err).startswith(f"the inventory has {len(err.findings)} problems")
    natverk.set_lang("sv")
    html = err._repr_html_()
    assert err.headline("sv") in html
    assert headings(html) == [natverk.label(k, "sv") for k in ("ui.severity", "ui.code", "ui.path", "ui.message")]
    assert ">Fel<" in html  # the severity word


# ---- headings are the core's labels ------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_report_headings_are_the_vocabulary(small: natverk.Inventory, lang: natverk.Lang) -> None:
    natverk.set_lang(lang)
    report = small.report(2024, 2026, by=["network", "year"], leave="recommended")
    html = report._repr_html_()
    expected = [natverk.label(k, lang) for k in ("key.network", "key.name", "key.year")]
    expected += [natverk.label(f"money.{f}", lang) for f in natverk.MONEY_FIELDS]
    assert headings(html) == expected
    assert [c.label for c in report.table(lang).columns] == expected
    assert [c.key for c in report.table(lang).columns] == report.columns
    rows = [text for tag, attrs, text in cells(html) if tag == "th" and attrs.get("scope") == "row"]
    assert rows == [natverk.label("ui.total", lang), natverk.label("ui.savings", lang)]
    # amounts are written as people write them in the language
    assert natverk.format_money(report.total["gross"], lang) in html
    assert html.count("<tr>") == 1 + len(report.lines) + 2


@pytest.mark.parametrize("lang", LANGS)
def test_report_without_group_keys_shows_every_total(small: natverk.Inventory, lang: natverk.Lang) -> None:
    report = small.report(2024, 2025, by=[], leave="recommended")
    html = report.table(lang).to_html()
    assert headings(html) == [natverk.label(f"money.{f}", lang) for f in natverk.MONEY_FIELDS]
    foot = html[html.index("<tfoot>"):]
    for label, money in (("ui.total", report.total), ("ui.savings", report.savings)):
        row = foot[foot.index(f">{natverk.label(label, lang)}<"):]
        row = row[: row.index("</tr>")]
        assert [t for _, _, t in cells("<table><tr><th>" + row)][1:] == [
            natverk.format_money(money[f], lang) for f in natverk.MONEY_FIELDS  # type: ignore[literal-required]
        ]


@pytest.mark.parametrize("lang", LANGS)
def test_equality_headings_are_the_core_tables(small: natverk.Inventory, lang: natverk.Lang) -> None:
    natverk.set_lang(lang)
    eq = small.equality(2024, 2025)
    html = eq._repr_html_()
    tables = eq.tables(lang)
    assert [t.key for t in tables] == ["people", "time", "networks"]
    assert headings(html) == [c.label for t in tables for c in t.columns]
    genders = [natverk.label(f"gender.{g}", lang) for g in ("woman", "man", "other", "unknown")]
    assert [c.label for c in tables[0].columns][2:] == genders
    captions = [text for tag, _, text in cells(html) if tag == "caption"]
    assert [c.split("\n")[0] for c in captions] == [t.title for t in tables]
    assert natverk.format_money(eq.time_cost["woman"], lang) in html


def test_words_of_the_format_are_translated(small: natverk.Inventory) -> None:
    t = small.report(2024, 2025, by=["kind", "status"]).table("sv")
    kinds = {row[0] for row in t.rows}
    statuses = {row[1] for row in t.rows}
    assert kinds <= {natverk.label(f"kind.{k}", "sv") for k in ("network", "membership", "programme")}
    assert statuses <= {natverk.label(f"status.{s}", "sv") for s in ("proposed", "active")}
    assert "Program" in kinds and "Föreslagen" in statuses


# ---- long tables are cut ------------------------------------------------------


def test_long_report_is_cut(small_dict: Any) -> None:
    base = small_dict["networks"][2]
    small_dict["networks"] = [dict(base, id=f"n{i:04}") for i in range(450)]
    inv = natverk.Inventory.from_dict(small_dict)
    report = inv.report(2024, 2024)
    for lang, more in (("en", "… and 250 more"), ("sv", "… och 250 till")):
        natverk.set_lang(lang)
        html = report._repr_html_()
        assert more in html
        assert html.count("<tr>") == 1 + 200 + 1 + 1  # head, rows, "more", total
        assert more in inv._repr_html_()
    natverk.set_lang("sv")
    assert "450 nätverk" in inv._repr_html_()
    t = report.table("en", max_rows=5)
    assert len(t.rows) == 5 and t.n_rows == 450 and len(t.footer) == 1
    assert len(report.table("en").rows) == 450


# ---- the language setting -------------------------------------------------------


@pytest.mark.parametrize(
    "env, expected",
    [
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LC_MESSAGES": "sv_FI", "LANG": "en_GB.UTF-8"}, "sv"),
        ({"LC_ALL": "C", "LANG": "sv_SE.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_default_language_is_the_locale(monkeypatch: pytest.MonkeyPatch, env: Dict[str, str], expected: str) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    natverk.set_lang(None)
    assert natverk.get_lang() == expected
    assert natverk.label("ui.total") == ("Totalt" if expected == "sv" else "Total")


def test_set_lang_overrides_the_locale(monkeypatch: pytest.MonkeyPatch, small: natverk.Inventory) -> None:
    monkeypatch.setenv("LC_ALL", "sv_SE.UTF-8")
    natverk.set_lang("en")
    assert natverk.get_lang() == "en"
    assert ">Total<" in small.report(2024, 2025)._repr_html_()
    natverk.set_lang(None)
    assert ">Totalt<" in small.report(2024, 2025)._repr_html_()
    with pytest.raises(natverk.ArgumentError) as e:
        natverk.set_lang("de")  # type: ignore[arg-type]
    assert e.value.findings[0].path == "options.lang"
    assert e.value.findings[0].message_in("sv") == "okänt språk `de`: ange sv eller en"


def test_vocabulary_and_label() -> None:
    sv, en = natverk.vocabulary("sv"), natverk.vocabulary("en")
    assert sv.keys() == en.keys() and len(sv) > 100
    assert sv["money.gross"] == natverk.label("money.gross", "sv") == "Brutto"
    assert en["money.gross"] == "Gross"
    with pytest.raises(KeyError):
        natverk.label("money.gros", "sv")
    assert natverk.format_money(Decimal("-65000.5"), "sv") == "-65\u00a0000,50"
    assert natverk.format_money(Decimal("65000.5"), "en") == "65,000.50"


def test_option_errors_of_the_binding_exist_in_swedish(small: natverk.Inventory) -> None:
    cases = [
        lambda: small.check("2024-02-30"),
        lambda: small.report(2024, 2025).to_pandas(money="exact"),  # type: ignore[arg-type]
        lambda: small.check(datetime.datetime(2024, 3, 1, 12, 0)),
    ]
    for call in cases:
        with pytest.raises(natverk.ArgumentError) as e:
            call()
        (f,) = e.value.findings
        assert f.path.startswith("options.")
        assert f.message_in("sv") != f.message_in("en") == f.message
