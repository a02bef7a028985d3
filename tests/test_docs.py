"""The reference's workflow pages run as printed: every Python block of a page in one namespace,
in order, and every TOML block is a scenario that passes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import gazaplan as gp

PAGES = sorted((Path(__file__).resolve().parents[1] / "docs" / "workflows").glob("*.md"))


def test_there_is_a_page_per_workflow() -> None:
    assert [p.stem for p in PAGES] == ["notebook", "property-tests", "scenarios", "whatif"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_a_workflow_page_runs_as_printed(page: Path, tmp_path: Path) -> None:
    text = page.read_text(encoding="utf-8")
    namespace: dict[str, object] = {}
    for block in re.findall(r"```python\n(.*?)```", text, re.S):
        exec(compile(block, str(page.name), "exec"), namespace)  # our own pages; no outside input
    for i, block in enumerate(re.findall(r"```toml\n(.*?)```", text, re.S)):
        path = tmp_path / f"{page.stem}-{i}.toml"
        path.write_text(block, encoding="utf-8")
        result = gp.check_scenario(gp.load_scenario(path))
        assert result.passed, result.explain()
