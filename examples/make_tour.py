"""Run the tour notebook top to bottom and keep its outputs: ``examples/tour.ipynb`` is committed
as a reader sees it. ``tests/test_tour.py`` runs it again and holds every printed line to what
is committed here, so a change in the library that changes a figure the tour shows fails there
until this is run again.

Run from the project's root, with the dev install::

    .venv/bin/python examples/make_tour.py
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat  # untyped: its functions are called through Any below
from nbclient import NotebookClient

_nbformat: Any = nbformat

TOUR = Path(__file__).resolve().parent / "tour.ipynb"
TIMEOUT = 300
"""The most seconds one cell may take."""


def executed(path: Path = TOUR, extra: list[str] | None = None) -> Any:
    """The notebook at *path*, run in a fresh kernel (matplotlib drawing to PNG), with *extra*
    code cells run after its own; its outputs in place, each cell's id its place, and the plain
    text of a result shown as a table or a chart left out (an object's repr, megabytes long)."""
    nb = _nbformat.read(path, as_version=4)
    for source in extra or []:
        nb.cells.append(_nbformat.v4.new_code_cell(source))
    client = NotebookClient(
        nb,
        timeout=TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
    )
    client.execute(env={"MPLBACKEND": "module://matplotlib_inline.backend_inline"})
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"  # stable: a new run changes only what the library changed
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data or "image/png" in data:
                data.pop("text/plain", None)  # a reader sees the table or the chart
    return nb


def main() -> None:
    nb = executed()
    _nbformat.write(nb, TOUR)
    print(f"wrote {TOUR.name}: {len(nb.cells)} cells")


if __name__ == "__main__":
    main()
