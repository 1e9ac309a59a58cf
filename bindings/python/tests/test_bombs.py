"""Workbooks and data from strangers (issue 20): a bomb is an
InventoryError and the interpreter lives on; writing a workbook is atomic
and refuses what is not a regular file."""

import io
import os
import subprocess
import sys
import zipfile
from decimal import Decimal

import pytest

import natverk

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx(shared_attrs='uniqueCount="1000000000000000000"', sheet_cells='<c r="A1" t="s"><v>0</v></c>'):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("_rels/.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml",
                   f'<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
                   '<sheet name="organisation" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml",
                   f'<worksheet xmlns="{NS}"><sheetData><row r="1">{sheet_cells}</row></sheetData></worksheet>')
        z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{NS}" {shared_attrs}><si><t>name</t></si></sst>')
    return buf.getvalue()


def ods_spaces(count):
    content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               '<table:table table:name="notes"><table:table-row>'
               '<table:table-cell office:value-type="string"><text:p>a'
               + f'<text:s text:c="{count}"/>' * 4
               + "</text:p></table:table-cell></table:table-row></table:table>"
               "</office:spreadsheet></office:body></office:document-content>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    return buf.getvalue()


BOMBS = {
    "unique-count-1e18": xlsx(),
    "unique-count-1e9": xlsx('uniqueCount="1000000000"'),
    "bad-shared-index": xlsx('uniqueCount="1"', '<c r="A1" t="s"><v>abc</v></c>'),
    "ods-spaces": ods_spaces(300_000_000),
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_read_excel_of_a_bomb_is_an_inventory_error(tmp_path, name):
    path = tmp_path / f"bomb.{'ods' if name.startswith('ods') else 'xlsx'}"
    path.write_bytes(BOMBS[name])
    with pytest.raises(natverk.InventoryError) as e:
        natverk.read_excel(path)
    assert e.value.findings, "the error lists what is wrong"


def test_the_interpreter_survives_a_bomb_under_a_memory_cap(tmp_path):
    """In a child interpreter capped at 1 GB of address space (a bomb used
    to abort the process: a notebook kernel died)."""
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(BOMBS["unique-count-1e9"])
    code = (
        "import resource, natverk\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "try:\n"
        f"    natverk.read_excel({str(path)!r})\n"
        "except natverk.InventoryError as e:\n"
        "    print('refused:', e)\n"
        "print('alive')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "refused:" in r.stdout and "alive" in r.stdout


def test_from_dict_refuses_a_huge_exponent_without_building_it():
    data = {
        "format": "natverk/1",
        "organisation": {"name": "K", "currency": "SEK"},
        "networks": [{"id": "n", "name": "N", "start": "2024-01-01",
                      "costs": [{"kind": "fee", "amount": Decimal("1e999999999")}]}],
    }
    with pytest.raises(natverk.InventoryError) as e:
        natverk.Inventory.from_dict(data)
    assert any("networks[0].costs[0].amount" in str(f.path) for f in e.value.findings)
    data["networks"][0]["costs"][0]["amount"] = Decimal("1e-999999999")
    with pytest.raises(natverk.InventoryError):
        natverk.Inventory.from_dict(data)


def test_to_excel_refuses_a_symlink_a_fifo_and_a_directory(goteborg, tmp_path):
    real = tmp_path / "real.xlsx"
    real.write_bytes(b"keep")
    link = tmp_path / "link.xlsx"
    link.symlink_to(real)
    with pytest.raises(OSError):
        goteborg.to_excel(link)
    assert link.is_symlink() and real.read_bytes() == b"keep"
    fifo = tmp_path / "f.xlsx"
    os.mkfifo(fifo)
    with pytest.raises(OSError):
        goteborg.to_excel(fifo)  # refused at once, never blocks
    with pytest.raises(OSError):
        goteborg.to_excel(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.xlsx", "link.xlsx", "real.xlsx"]


def test_to_excel_on_a_full_disk_keeps_the_old_file(goteborg, tmp_path):
    """Under a file-size limit (a full disk) the existing file stays whole
    and no temporary file is left (it used to be a truncated zip)."""
    target = tmp_path / "w.xlsx"
    target.write_bytes(b"keep")
    code = (
        "import resource, signal, natverk\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "inv = natverk.load('examples/goteborg.json')\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "try:\n"
        f"    inv.to_excel({str(target)!r})\n"
        "except OSError as e:\n"
        "    print('refused:', e)\n"
    )
    root = os.path.join(os.path.dirname(__file__), "..", "..", "..")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=root)
    assert r.returncode == 0, r.stderr
    assert "refused:" in r.stdout, r.stdout + r.stderr
    assert "panicked" not in r.stderr
    assert target.read_bytes() == b"keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.xlsx"]
