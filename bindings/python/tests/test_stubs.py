"""The shipped type stubs match the runtime module, and type-check use:
the README's snippets pass ``mypy --strict``, typos in money fields and
option words do not."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import List

import pytest

import natverk

from conftest import PACKAGE, REPO

pytest.importorskip("mypy")


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One mypy cache for the module's runs: pandas' stubs are read once."""
    return str(tmp_path_factory.mktemp("mypy-cache"))


def _mypy(tmp_path: Path, cache: str, *files: str) -> subprocess.CompletedProcess[str]:
    return _run("mypy", "--strict", "--cache-dir", cache, "--no-error-summary", *files, cwd=tmp_path)


def test_stubtest(tmp_path: Path) -> None:
    allowlist = PACKAGE / "stubtest-allowlist.txt"
    result = _run("mypy.stubtest", "natverk", "--allowlist", str(allowlist),
                  "--ignore-unused-allowlist", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_py_typed_ships() -> None:
    package = Path(natverk.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "__init__.pyi").exists() and (package / "_natverk.pyi").exists()


def _readme_snippets() -> List[str]:
    blocks: List[str] = []
    for readme in (PACKAGE / "README.md", REPO / "README.md"):
        blocks += re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), flags=re.S)
    return blocks


def test_readme_snippets_pass_mypy_strict(tmp_path: Path, cache: str) -> None:
    blocks = _readme_snippets()
    assert len(blocks) >= 4
    names = []
    for i, block in enumerate(blocks):
        names.append(f"snippet{i}.py")
        (tmp_path / names[-1]).write_text(block, encoding="utf-8")
    # one run for every snippet (each file is its own module)
    result = _mypy(tmp_path, cache, *names)
    assert result.returncode == 0, result.stdout + result.stderr


GOOD = """
import datetime
from decimal import Decimal
import numpy as np
import natverk

inv: natverk.Inventory = natverk.Inventory.from_json("{}")
r: natverk.Report = inv.report(2024, 2025, by=["subject"], scope="central")
gross: Decimal = r.total["gross"]
first: Decimal = r.lines[0]["expected_net"]
subject = r.lines[0].get("subject")
saved: Decimal = inv.report(2024, 2026, leave="recommended").savings["gross"]
maybe = inv.report(2024, 2026).savings
by_year = inv.report(np.int64(2024), np.int64(2025), by="year", statuses=["active", "proposed"])
f: natverk.Findings = inv.check(today=datetime.date(2024, 1, 1))
e: natverk.Equality = inv.equality(2024, 2025, scope="central")
changed: natverk.Inventory = inv.replace(networks=inv.networks)
try:
    natverk.load("x.json")
except natverk.InventoryError as err:
    codes: list[str] = [x.code for x in err.findings]
except natverk.ArgumentError as err:
    paths: list[str] = [x.path for x in err.findings]
"""

# (name, a line that must fail mypy --strict, a regex of the expected message)
BAD = [
    ("money_typo", 'x = r.total["gros"]', "gros"),
    ("line_money_typo", 'x = r.lines[0]["gros"]', "gros"),
    ("savings_may_be_none", 'x = inv.report(2024, 2025).savings["gross"]', "None|Optional"),
    ("scope_word", 'inv.report(2024, 2025, scope="centrall")', "overload|scope"),
    ("by_word", 'inv.report(2024, 2025, by="subjekt")', "overload|by"),
    ("status_word", 'inv.report(2024, 2025, statuses=["sleeping"])', "overload|statuses|'proposed'"),
    ("equality_scope_word", 'inv.equality(2024, 2025, scope="centrall")', "scope"),
    ("money_mode", 'r.to_pandas(money="floats")', "money"),
    ("options_keyword_only", 'inv.report(2024, 2025, "central")', "overload|positional"),
    ("report_is_not_an_int", "wrong: int = inv.report(2024, 2025)", "Report"),
]


REVEAL = """
reveal_type(inv.report(2024, 2025).to_pandas())
reveal_type(inv.report(2024, 2025).to_polars())
reveal_type(inv.report(2024, 2025, leave="recommended"))
"""


def test_types_of_use(tmp_path: Path, cache: str) -> None:
    """Typed use passes, typos fail, and the frames are what they say: one
    file, one mypy run."""
    pytest.importorskip("numpy")
    pytest.importorskip("pandas")
    good = textwrap.dedent(GOOD)
    code = good + "\n".join(line for _, line, _ in BAD) + "\n" + textwrap.dedent(REVEAL)
    (tmp_path / "use.py").write_text(code, encoding="utf-8")
    result = _mypy(tmp_path, cache, "use.py")
    out = result.stdout
    errors = [l for l in out.splitlines() if ": error:" in l]
    good_lines = good.count("\n")
    assert not [e for e in errors if int(e.split(":")[1]) <= good_lines], out
    first_bad = good_lines + 1
    for i, (name, line, word) in enumerate(BAD):
        at = [e for e in errors if e.startswith(f"use.py:{first_bad + i}:")]
        assert at, f"{name}: `{line}` passed mypy --strict\n{out}"
        assert any(re.search(word, e) for e in at), f"{name}: {at}"
    assert "pandas.core.frame.DataFrame" in out, out
    assert "polars.dataframe.frame.DataFrame" in out, out
    assert "natverk._report.LeaveReport" in out, out


def test_package_is_strictly_typed(tmp_path: Path, cache: str) -> None:
    source = Path(__file__).resolve().parent.parent / "python" / "natverk"
    result = _mypy(tmp_path, cache, str(source))
    assert result.returncode == 0, result.stdout + result.stderr
