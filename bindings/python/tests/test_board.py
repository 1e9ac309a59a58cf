"""The comparison with last year and the calendar (SPEC §14), on the
inventories of ``tests/board/``, with figures computed by hand."""

import datetime
import io
import pathlib
import zipfile
from decimal import Decimal

import pytest

import natverk

BOARD = pathlib.Path(__file__).resolve().parents[3] / "tests" / "board"


@pytest.fixture(scope="module")
def old():
    return natverk.load(BOARD / "old.json")


@pytest.fixture(scope="module")
def new():
    return natverk.load(BOARD / "new.json")


def test_diff_lists_changes_and_joins_the_reports(old, new):
    d = old.diff(new, 2025, 2025)
    assert d.added == [{"network": "nytt", "name": "Nytt nätverk"}]
    assert d.removed == [{"network": "borttaget", "name": "Borttaget nätverk"}]
    assert d.changed[0]["changes"] == [{"path": "costs[0].amount", "old": "90000", "new": "100000"}]
    assert d.total["old"]["gross"] == Decimal("184000.00")
    assert d.total["new"]["gross"] == Decimal("205000.00")
    assert d.total["change"]["net"] == Decimal("21000.00")
    frame = d.to_pandas()
    row = frame.set_index("network").loc["klimatradet"]
    assert row["old_time"] == Decimal("24000.00") and row["new_time"] == Decimal("30000.00")
    assert list(frame.columns[:3]) == ["network", "name", "old_fees"]
    assert d.to_pandas(money="float")["change_gross"].sum() == 21000.0
    assert d.to_dict()["from"] == 2025


def test_diff_needs_one_currency(new):
    eur = natverk.Inventory.from_json((BOARD / "old.json").read_text(encoding="utf-8").replace('"SEK"', '"EUR"'))
    with pytest.raises(natverk.ArgumentError, match="EUR"):
        eur.diff(new, 2025, 2025)
    with pytest.raises(TypeError):
        new.diff("old.json", 2025, 2025)


def test_calendar_events_and_ics(new):
    cal = new.calendar(2025, 2026)
    assert len(cal) == 8
    assert cal.events[0] == {
        "date": datetime.date(2024, 7, 1),
        "kind": "notice",
        "network": "vilande",
        "name": "Vilande samarbete",
    }
    assert cal.to_dict()["events"][1]["date"] == "2025-02-15"
    stamp = datetime.datetime(2025, 1, 1, 8, 0)
    ics = cal.to_ics("en", stamp)
    assert "DTSTAMP:20250101T080000Z\r\n" in ics
    assert ics == cal.to_ics("en", stamp)
    assert list(cal.to_pandas().columns) == ["date", "kind", "network", "name"]
    with pytest.raises(natverk.ArgumentError):
        new.calendar(2026, 2025)


# ---- the board appendix ------------------------------------------------------

def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


def _sv_money(value: Decimal) -> str:
    """An amount as the Swedish appendix writes it: groups of three
    separated by U+00A0, a decimal comma."""
    whole, cents = f"{value:.2f}".split(".")
    groups = f"{int(whole):,}".replace(",", "\u00a0")
    return f"{groups},{cents}"


def test_board_html_and_docx_have_the_totals_and_unit_names(old, new):
    board = new.board(2025, 2026, compare=old, today="2025-03-01", lang="sv")
    assert board.lang == "sv"
    keys = [k for k, _, _ in board.sections]
    assert keys[0] == "summary" and "changes" in keys and "leave" in keys
    page = board.to_html()
    assert "@page { size: A4" in page
    assert "Kommunstyrelsen" in page and "Miljöförvaltningen" in page
    # The same figures as `natverk board` (crates/natverk-cli/tests/board.rs).
    assert "404\u00a0000,00" in page
    assert "Anna Andersson" not in page and "Pia Persson" not in page
    xml = _document_xml(board.to_docx())
    assert "<w:tblHeader />" in xml
    assert "Kommunstyrelsen" in xml and "374\u00a0000,00" in xml
    assert "Anna Andersson" not in xml
    # The same appendix as data: the totals per year equal the report's.
    data = board.to_dict()
    assert data["lang"] == "sv" and [s["key"] for s in data["sections"]] == keys
    totals = next(b for b in data["sections"][0]["blocks"] if b["type"] == "table")
    assert [c["label"] for c in totals["columns"]][1:3] == ["2025", "2026"]
    report = new.report(2025, 2026, by="year")
    gross = [f"{line['gross']:.2f}" for line in report.lines] + [f"{report.total['gross']:.2f}"]
    assert any(row[1:] == gross for row in totals["rows"]), totals["rows"]
    assert "Anna Andersson" not in board.to_json()
    # The notebook shows the page.
    assert board._repr_html_() == page
    assert "sections" in repr(board)


def test_board_of_the_example_carries_its_report_total_and_units(goteborg):
    board = goteborg.board(2025, 2026, today="2025-03-01", lang="sv")
    page = board.to_html()
    xml = _document_xml(board.to_docx())
    total = goteborg.report(2025, 2026).total
    for field in ("gross", "net"):
        assert _sv_money(total[field]) in page, field
        assert _sv_money(total[field]) in xml, field
    # Each unit with costs in the years, by its name (never its id alone).
    names = {u["id"]: u["name"] for u in goteborg.units}
    used = [l["unit"] for l in goteborg.report(2025, 2026, by="unit").lines if l["unit"]]
    assert len(used) >= 2
    for unit in used:
        assert names[unit] in page and names[unit] in xml, unit
    people = [p.get("name") for p in goteborg.to_dict().get("people", []) if p.get("name")]
    assert people, "the example names its people"
    for name in people:
        assert name not in page and name not in xml


def test_board_shows_names_only_when_asked(new):
    assert "Anna Andersson" not in new.board(2025, 2025, today="2025-03-01", lang="en").to_html()
    named = new.board(2025, 2025, show_names=True, today="2025-03-01", lang="en")
    assert "Anna Andersson" in named.to_html()
    assert "Anna Andersson" in _document_xml(named.to_docx())


def test_board_compare_names_a_change(old, new):
    plain = new.board(2025, 2025, today="2025-03-01", lang="en")
    assert "changes" not in [k for k, _, _ in plain.sections]
    board = new.board(2025, 2025, compare=old, today="2025-03-01", lang="en")
    section = [s for s in board.sections if s[0] == "changes"]
    assert len(section) == 1
    page = board.to_html()
    # nytt was added, borttaget removed since the old file.
    assert "Nytt nätverk" in page and "Borttaget nätverk" in page
    assert "Nytt nätverk" not in plain.to_html() or "Borttaget nätverk" not in plain.to_html()


def test_board_leave_names_the_networks_and_their_savings(new):
    recommended = new.board(2025, 2026, today="2024-09-01", lang="en")
    leave = [s for s in recommended.sections if s[0] == "leave"][0]
    page = recommended.to_html()
    # klimatradet is recommended for leaving; eurocities is kept.
    assert "klimatradet" in page or "Klimatrådet" in page
    chosen = new.board(2025, 2026, leave=["eurocities"], today="2024-09-01", lang="en")
    assert chosen.to_html() != page
    assert new.board(2025, 2026, leave=None, today="2024-09-01", lang="en").to_html() == page
    assert leave[1]


def test_board_save_writes_by_suffix(new, tmp_path):
    board = new.board(2025, 2025, today="2025-03-01", lang="en")
    docx = tmp_path / "bilaga.docx"
    html = tmp_path / "bilaga.HTML"
    board.save(docx)
    board.save(str(html))
    assert zipfile.is_zipfile(docx)
    assert "Kommunstyrelsen" in _document_xml(docx.read_bytes())
    assert html.read_text(encoding="utf-8") == board.to_html()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bilaga.HTML", "bilaga.docx"]
    with pytest.raises(natverk.ArgumentError, match="docx"):
        board.save(tmp_path / "b.pdf")
    with pytest.raises(natverk.ArgumentError):
        board.save(tmp_path / "bilaga.pdf")
    with pytest.raises(OSError):
        board.save(tmp_path / "no" / "such" / "bilaga.html")
    (tmp_path / "dir.html").mkdir()
    with pytest.raises(OSError):
        board.save(tmp_path / "dir.html")  # a directory is refused
    assert not (tmp_path / "bilaga.pdf").exists()


def test_board_bad_options_raise_argument_error(old, new):
    with pytest.raises(natverk.ArgumentError):
        new.board(2026, 2025, lang="en")
    with pytest.raises(natverk.ArgumentError):
        new.board(2025, 2025, today="2025-02-30", lang="en")
    with pytest.raises(natverk.ArgumentError):
        new.board(2025, 2025, lang="de")  # type: ignore[arg-type]
    eur = natverk.Inventory.from_json((BOARD / "old.json").read_text(encoding="utf-8").replace('"SEK"', '"EUR"'))
    with pytest.raises(natverk.ArgumentError, match="EUR"):
        new.board(2025, 2025, compare=eur, lang="en")
    for today in ("2024-06-01", "2025-06-01"):  # in time to leave, and too late
        with pytest.raises(natverk.InventoryError, match="no-such-network"):
            new.board(2025, 2025, leave=["no-such-network"], today=today, lang="en")
    with pytest.raises(TypeError):
        new.board(2025, 2025, compare="old.json", lang="en")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        new.board("2025", 2025, lang="en")  # type: ignore[arg-type]


def test_board_follows_the_package_language(new):
    natverk.set_lang("en")
    try:
        assert new.board(2025, 2025, today="2025-03-01").lang == "en"
    finally:
        natverk.set_lang(None)
    assert new.board(2025, 2025, today="2025-03-01", lang="sv").lang == "sv"
