"""The README's Python snippets run (tokenizers' test_quicktour habit)."""

from __future__ import annotations

import re

import pytest

from conftest import GOTEBORG, PACKAGE, REPO


def test_readme_snippets(monkeypatch: pytest.MonkeyPatch) -> None:
    if not GOTEBORG.exists():
        pytest.skip("examples/goteborg.json is not there yet")
    blocks = []
    for readme in (PACKAGE / "README.md", REPO / "README.md"):
        text = readme.read_text(encoding="utf-8")
        found = re.findall(r"```python\n(.*?)```", text, flags=re.S)
        assert found, f"no Python snippet in {readme}"
        blocks.extend(found)
    monkeypatch.chdir(REPO)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
