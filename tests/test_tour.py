"""The tour notebook (``examples/tour.ipynb``) is committed with its outputs, as a reader sees it
on a code host. Here it runs again in a fresh kernel: every line it prints and every table it
shows must be what is committed (``examples/make_tour.py`` runs it anew after a change), every
plot cell must show its chart, and the readings below, once guard cells in the middle of the
tour, must hold."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("nbclient")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[1]
TOUR = ROOT / "examples" / "tour.ipynb"

GUARDS = [
    """
assert then.get("p4-return-hostages").status is gp.ComplianceStatus.OVERDUE
assert comp.get("p4-return-hostages").status is gp.ComplianceStatus.FULFILLED_LATE
""",
    """
assert structure.next_phase == "perimeter"
assert {"hamas", "israel"} <= set(gp.veto_players(plan, "perimeter", now).players)
assert {"p13-decommission", "p16-hand-over"} <= set(structure.cycles[0].obligations)
""",
    """
assert found.stuck == ("phase-2.completion",)
assert gp.check_scenario(witness).passed
""",
    """
assert "p5-return-remains" in ratio.varying()
assert 0 < late.probability("p3-withdraw-to-first-line", "fulfilled late").p < 1
assert gp.check_scenario(late.scenario(late.extremes()["latest"])).passed
""",
]


def _shown(cell: dict[str, Any]) -> list[tuple[str, str]]:
    """What a cell shows a reader, as text: printed lines and tables (not the charts' pixels)."""
    shown = []
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream":
            shown.append((out["name"], "".join(out["text"])))
        for kind, value in sorted(out.get("data", {}).items()):
            if not kind.startswith("image/"):
                shown.append((kind, "".join(value)))
    return shown


@pytest.fixture(scope="module")
def fresh() -> Any:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        from make_tour import executed  # type: ignore[import-not-found]  # examples/, put on the path above
    finally:
        sys.path.remove(str(ROOT / "examples"))
    return executed(TOUR, extra=GUARDS)  # a failed guard raises CellExecutionError


def test_the_tour_shows_what_the_library_gives(fresh: Any) -> None:
    committed = json.loads(TOUR.read_text(encoding="utf-8"))["cells"]
    ran = fresh.cells[: len(committed)]
    assert [c["source"] for c in ran] == ["".join(c["source"]) for c in committed]
    for i, (mine, now) in enumerate(zip(committed, ran, strict=True)):
        assert _shown(now) == _shown(mine), (
            f"cell {i} of the tour shows something else now; run examples/make_tour.py"
        )


def test_every_plot_cell_shows_its_chart(fresh: Any) -> None:
    committed = json.loads(TOUR.read_text(encoding="utf-8"))["cells"]
    plots = [
        i
        for i, c in enumerate(committed)
        if c["cell_type"] == "code" and "gp.plots." in "".join(c["source"])
    ]
    assert len(plots) >= 4
    for cells in (committed, fresh.cells):
        for i in plots:
            kinds = {k for out in cells[i].get("outputs", []) for k in out.get("data", {})}
            assert "image/png" in kinds, f"cell {i} draws no chart"


def test_the_tour_has_no_guard_cells_and_opens_with_the_headline() -> None:
    cells = json.loads(TOUR.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells]
    assert not [s for s in sources if "assert " in s]  # the checks are here, not in the tour
    code = [s for c, s in zip(cells, sources, strict=True) if c["cell_type"] == "code"]
    assert "gp.status(" in code[1]
