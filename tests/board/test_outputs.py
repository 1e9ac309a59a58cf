"""The board outputs checked by real readers (SPEC §14), run by
``scripts/test.sh board``:

- the ``.docx`` appendix converted to PDF by LibreOffice, its text read back
  with ``pdftotext`` (poppler): the totals per year, the unit names and the
  page numbers are there;
- the ``.ics`` calendar parsed by ``icalendar``: every event, all-day, and
  the same UIDs on every run.

``NATVERK_BIN`` is the ``natverk`` binary to run.
"""

import datetime
import os
import pathlib
import subprocess

import icalendar

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("NATVERK_BIN", str(ROOT / "target" / "debug" / "natverk"))
NEW = str(ROOT / "tests" / "board" / "new.json")
OLD = str(ROOT / "tests" / "board" / "old.json")


def natverk(*args):
    r = subprocess.run([BIN, *args], capture_output=True, text=True, env={**os.environ, "LANG": "C"})
    assert r.returncode == 0, r.stderr
    return r.stdout


def pdf_text(docx, tmp_path):
    # soffice exits 0 even when it cannot load a file: the PDF must exist.
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / (docx.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 1000, "LibreOffice did not convert the .docx"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.replace("\u00a0", " ")


def test_the_docx_appendix_converts_to_pdf_with_its_totals_and_units(tmp_path):
    docx = tmp_path / "bilaga.docx"
    natverk(
        "board", NEW, "--from", "2025", "--to", "2026", "--compare", OLD,
        "--today", "2025-03-01", "--lang", "sv", "-o", str(docx),
    )
    text = pdf_text(docx, tmp_path)
    # Totals per year (gross 205 000 and 199 000, 404 000 together; net
    # 190 000, 184 000, 374 000), computed by hand from tests/board/new.json.
    for figure in ["205 000,00", "199 000,00", "404 000,00", "190 000,00", "184 000,00", "374 000,00"]:
        assert figure in text, figure
    for unit in ["Kommunstyrelsen", "Miljöförvaltningen"]:
        assert unit in text, unit
    assert "Sida 1 av" in text
    assert "Bertil Berg" not in text and "Anna Andersson" not in text
    assert "networks[" not in text and "no_participants" not in text


def test_the_english_docx_converts_too(tmp_path):
    docx = tmp_path / "appendix.docx"
    natverk("board", NEW, "--year", "2025", "--today", "2025-03-01", "--lang", "en", "--show-names", "-o", str(docx))
    text = pdf_text(docx, tmp_path)
    assert "205,000.00" in text and "Page 1 of" in text
    assert "Anna Andersson" in text


def calendar(tmp_path, name):
    path = tmp_path / name
    natverk("calendar", NEW, "--from", "2025", "--to", "2026", "-f", "ics", "--lang", "sv", "-o", str(path))
    return icalendar.Calendar.from_ical(path.read_bytes())


def test_the_ics_parses_with_stable_uids(tmp_path):
    first = calendar(tmp_path, "a.ics")
    events = list(first.walk("VEVENT"))
    assert len(events) == 8
    got = sorted((e.decoded("DTSTART"), str(e["SUMMARY"])) for e in events)
    assert got[0] == (datetime.date(2024, 7, 1), "Sista dag att säga upp Vilande samarbete till utgången av 2025")
    for e in events:
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        assert type(start) is datetime.date and end - start == datetime.timedelta(days=1)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    again = [str(e["UID"]) for e in calendar(tmp_path, "b.ics").walk("VEVENT")]
    assert uids == again


def test_the_ics_keeps_control_characters_out(tmp_path):
    src = tmp_path / "ctl.json"
    src.write_text(
        pathlib.Path(NEW).read_text(encoding="utf-8").replace('"Klimatrådet"', '"Klimat\\u001brådet; A, B"'),
        encoding="utf-8",
    )
    out = tmp_path / "c.ics"
    natverk("calendar", str(src), "--year", "2025", "-f", "ics", "-o", str(out))
    raw = out.read_bytes()
    assert b"\x1b" not in raw
    cal = icalendar.Calendar.from_ical(raw)
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert any("Klimat\\u{1b}rådet; A, B" in s for s in summaries), summaries
