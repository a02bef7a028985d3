"""No document of the project points a reader at a file outside it: not at the research registers
the catalog was compiled from (FACTS.md, SOURCES.md, TIMELINE.md, their data files), which are not
shipped, nor at any path outside the repository. Sources are looked up with ``gazaplan sources``
and ``gp.sources()``; a document's relative link reaches a file of the repository."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = sorted(
    [
        ROOT / "README.md",
        ROOT / "CONTRIBUTING.md",
        ROOT / "CHANGELOG.md",
        *(ROOT / "docs").rglob("*.md"),
        *(ROOT / "changelog.d").glob("*.md"),
        *(ROOT / "examples").rglob("*.ipynb"),
    ]
)

REGISTERS = re.compile(
    r"\b(?:FACTS|SOURCES|TIMELINE(?:_\d{4})?)\.md\b|\btimeline[\w-]*\.ya?ml\b", re.IGNORECASE
)
OUTSIDE = re.compile(
    r"(?<![\w.:/-])/(?:home|tmp|work|usr|etc|var|opt|root|mnt|Users|private)/"
    r"|\bfile://|(?<![\w/])~/|\b[A-Za-z]:\\"
)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def text_of(path: Path) -> str:
    """What a reader reads: a notebook's cells (its source, not its outputs), or the file."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(c["source"]) for c in cells)
    return path.read_text(encoding="utf-8")


def name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_the_documents_are_found() -> None:
    names = {name(p) for p in DOCUMENTS}
    assert {"README.md", "CONTRIBUTING.md", "docs/audit.md", "examples/tour.ipynb"} <= names
    assert len(names) > 20


@pytest.mark.parametrize("path", DOCUMENTS, ids=name)
def test_no_document_names_a_register_that_is_not_shipped(path: Path) -> None:
    found = REGISTERS.findall(path.read_text(encoding="utf-8"))  # outputs included
    assert found == [], f"{name(path)} points at {found}; cite gazaplan sources instead"


@pytest.mark.parametrize("path", DOCUMENTS, ids=name)
def test_no_document_names_a_path_outside_the_repository(path: Path) -> None:
    text = text_of(path)
    assert [m.group(0) for m in OUTSIDE.finditer(text)] == [], name(path)
    for target in LINK.findall(text):
        if re.match(r"(?i)^(?:https?:|mailto:|#)", target):
            continue
        local = (path.parent / target.split("#", 1)[0]).resolve()
        assert local.is_relative_to(ROOT), f"{name(path)} links outside: {target}"
        assert local.exists(), f"{name(path)} links to a missing file: {target}"


@pytest.mark.parametrize(
    "planted",
    [
        "see SOURCES.md",
        "in TIMELINE_2026.md",
        "the FACTS.md file",
        "timeline_2026.yaml",
        "/home/someone/notes.md",
        "file:///tmp/x",
        "~/registers",
        "C:\\Users\\me",
    ],
)
def test_a_planted_reference_is_found(planted: str) -> None:
    assert REGISTERS.search(planted) or OUTSIDE.search(planted)


def test_the_audit_points_at_the_shipped_register() -> None:
    audit = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    assert "gazaplan sources" in audit
    assert "gp.sources()" in audit
