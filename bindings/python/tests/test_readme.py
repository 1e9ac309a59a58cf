"""The README's Python snippets run (tokenizers' test_quicktour habit)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import GOTEBORG, PACKAGE, REPO


def test_readme_snippets(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    if not GOTEBORG.exists():
        pytest.skip("examples/goteborg.json is not there yet")
    blocks = []
    for readme in (PACKAGE / "README.md", REPO / "README.md"):
        text = readme.read_text(encoding="utf-8")
        found = re.findall(r"```python\n(.*?)```", text, flags=re.S)
        assert found, f"no Python snippet in {readme}"
        blocks.extend(found)
    # The snippets read examples/… and write files (inventering.xlsx) as a
    # user would in a checkout: here in a scratch folder that sees the
    # repository's examples, so nothing is written into the repository.
    (tmp_path / "examples").symlink_to(REPO / "examples", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
