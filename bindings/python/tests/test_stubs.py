"""The shipped type stubs match the runtime module, and type-check use."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import natverk

pytest.importorskip("mypy")


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_stubtest(tmp_path: Path) -> None:
    result = _run("mypy.stubtest", "natverk", cwd=tmp_path)
    assert "natverk._natverk" not in result.stdout, result.stdout
    assert result.returncode == 0, result.stdout + result.stderr


def test_py_typed_ships() -> None:
    package = Path(natverk.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "__init__.pyi").exists() and (package / "_natverk.pyi").exists()


def test_user_code_type_checks(tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import datetime
        from decimal import Decimal
        import natverk

        inv: natverk.Inventory = natverk.Inventory.from_json("{}")
        r: natverk.Report = inv.report(2024, 2025, by=["subject"], leave="recommended")
        gross: Decimal = r.total["gross"]
        f: natverk.Findings = inv.check(today=datetime.date(2024, 1, 1))
        e: natverk.Equality = inv.equality(2024, 2025, scope="central")
        try:
            natverk.load("x.json")
        except natverk.InventoryError as err:
            codes: list[str] = [x.code for x in err.findings]
        """
    )
    bad = code + "\nwrong: int = inv.report(2024, 2025)\n"
    (tmp_path / "good.py").write_text(code)
    (tmp_path / "bad.py").write_text(bad)
    good = _run("mypy", "--strict", "--no-incremental", "good.py", cwd=tmp_path)
    assert good.returncode == 0, good.stdout + good.stderr
    wrong = _run("mypy", "--strict", "--no-incremental", "bad.py", cwd=tmp_path)
    assert wrong.returncode != 0 and "Report" in wrong.stdout


def test_package_is_strictly_typed(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parent.parent / "python" / "natverk"
    result = _run("mypy", "--strict", "--no-incremental", str(source), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
