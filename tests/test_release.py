"""The release is one version everywhere, and its changelog is built from short fragments.

``pyproject.toml``, ``gazaplan.__version__``, the installed metadata and the newest heading of
``CHANGELOG.md`` (built by towncrier) name the same version; each fragment waiting in
``changelog.d/`` for the next release is one or two sentences, named ``<issue>.<type>.md``."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

import gazaplan as gp

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
TYPES = {t["directory"] for t in PYPROJECT["tool"]["towncrier"]["type"]}
FRAGMENTS = sorted(p for p in (ROOT / "changelog.d").iterdir() if not p.name.startswith("."))


def test_one_version_everywhere() -> None:
    version = PYPROJECT["project"]["version"]
    assert gp.__version__ == version
    assert importlib.metadata.version("gazaplan") == version
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    newest = re.search(r"^## (\S+) \(\d{4}-\d{2}-\d{2}\)$", changelog, flags=re.M)
    assert newest is not None
    assert newest.group(1) == version


def sentences(text: str) -> int:
    """Sentences in a fragment: ends of sentence outside code spans."""
    prose = re.sub(r"`[^`]*`", "code", text.strip())
    return len(re.findall(r"[.!?](?=\s+[A-Z(`]|\s*$)", prose))


def test_the_sentence_count_can_fail() -> None:
    assert sentences("One thing (`a.b`). Another, e.g. `x.y`.") == 2
    assert sentences("One. Two. Three.") == 3


def check_fragment(name: str, text: str) -> list[str]:
    """What is wrong with a fragment (nothing: an empty list)."""
    match = re.fullmatch(r"(\d+|\+[\w-]+)\.(\w+)(\.\d+)?\.md", name)
    if match is None:
        return [f"{name}: name it <issue>.<type>.md"]
    problems = [] if match.group(2) in TYPES else [f"{name}: the type is one of {sorted(TYPES)}"]
    if not 1 <= sentences(text) <= 2:
        problems.append(f"{name}: one or two sentences, not {sentences(text)}")
    return problems


def test_each_fragment_waiting_for_the_next_release_is_named_and_short() -> None:
    problems = [p for f in FRAGMENTS for p in check_fragment(f.name, f.read_text(encoding="utf-8"))]
    assert problems == []
    assert check_fragment("24.feature.md", "One. Two.") == []
    assert check_fragment("24.news.md", "One.") != []
    assert check_fragment("24.feature.md", "One. Two. Three.") != []
    assert check_fragment("feature.md", "One.") != []
