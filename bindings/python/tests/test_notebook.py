"""The example notebook (the Göteborg story) runs headlessly from top to bottom."""

from __future__ import annotations

from pathlib import Path

import pytest

import natverk

from conftest import GOTEBORG, PACKAGE, REPO

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("matplotlib")

CANDIDATES = [REPO / "examples" / "notebook.ipynb", PACKAGE / "notebook.ipynb"]


def test_notebook_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = next((p for p in CANDIDATES if p.exists()), None)
    assert notebook is not None, f"no notebook at {CANDIDATES}"
    if not GOTEBORG.exists():
        pytest.skip("examples/goteborg.json is not there yet")
    nb = nbformat.read(notebook, as_version=4)
    # the kernel's inline backend draws the chart; a forced Agg backend would not
    monkeypatch.delenv("MPLBACKEND", raising=False)
    client = nbclient.NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(notebook.parent)}},
    )
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    # the kernel reads the same locale as this process (SPEC §11)
    total = natverk.label("ui.total")
    assert any(f">{total}<" in h for h in html), "the report renders as a table with totals"
    assert any("image/png" in o.get("data", {}) for o in outputs), "the chart is drawn"
