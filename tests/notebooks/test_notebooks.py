"""Every notebook in notebooks/ runs top to bottom against the real Neo4j server.

Cells run in a fresh kernel started from the notebooks folder, with the NEO4J_* variables that
the ``neo4j_env`` fixture puts in the environment; any cell error fails the test with its
traceback.  Each notebook has a deadline as well as a per-cell timeout, so a hung cell cannot
stall the suite.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
NOTEBOOK_TIMEOUT = 600  # seconds for a whole notebook
CELL_TIMEOUT = 300


def test_there_are_notebooks() -> None:
    assert [p.name for p in NOTEBOOKS] == ["01_quickstart.ipynb", "02_alliances.ipynb", "03_over_time.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_saved_without_outputs(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code, "a notebook without code"
    assert [c["outputs"] for c in code] == [[] for _ in code]
    assert [c["execution_count"] for c in code] == [None for _ in code]


@pytest.mark.neo4j
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path: Path, neo4j_env: object) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    deadline = time.monotonic() + NOTEBOOK_TIMEOUT
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            left = deadline - time.monotonic()
            if left <= 0:
                pytest.fail(f"{path.name}: still running after {NOTEBOOK_TIMEOUT}s, stopped before cell {index}")
            client.timeout = int(min(CELL_TIMEOUT, max(left, 1)))
            try:
                client.execute_cell(cell, index)
            except CellTimeoutError:
                pytest.fail(f"{path.name}: cell {index} timed out:\n{cell.source}")
