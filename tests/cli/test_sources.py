"""``gazaplan sources [TAG ...]``: the register as a list, an entry in full with what it supports,
``--json`` as the library has it; and every code the text outputs cite can be looked up there."""

from __future__ import annotations

import re

import pytest
from tests.support.cli import run, run_json

import gazaplan as gp
from gazaplan.cli._sources import tags_asked

REGISTER = gp.sources()

TEXT_OUTPUTS = ["report", "compliance", "timeline", "figures", "points", "analyse"]
STATUS_WORDS = {v.name for v in gp.Verdict} | {str(s).upper() for s in gp.ComplianceStatus}


def codes_in(text: str) -> set[str]:
    """Every code a text output cites: the items of its bracketed citations (``[WH 4; R8]``,
    ``[R7, R12]``), a status in brackets (``[MET]``) left out."""
    found: set[str] = set()
    for group in re.findall(r"\[([^\[\]]+)\]", text):
        if group.strip().upper() in STATUS_WORDS:
            continue
        found |= {item.strip() for item in re.split(r"[;,]", group) if item.strip()}
    return found


def test_without_a_tag_it_lists_the_register_one_line_each() -> None:
    code, out, err = run("sources")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith(f"{len(REGISTER)} sources")
    assert [line.split()[0] for line in lines[1:]] == list(REGISTER.tags)
    wh = lines[1]
    assert "White House, 2025-09-29: President Donald J. Trump's" in wh


def test_with_tags_each_entry_in_full_with_what_it_supports_by_name() -> None:
    code, out, _ = run("sources", "WH", "4", "R8")
    assert code == 0
    assert out.startswith("WH: President Donald J. Trump's")
    assert "point 4: All hostages back within 72 hours" in out
    assert "Return every hostage, living and deceased (p4-return-hostages)" in out
    assert "reliability: The official page itself could not be checked" in out
    assert "\nR8: IDF to retain control over 53% of Gaza" in out
    assert "address:     https://www.firstpost.com/" in out
    assert out.count("publisher:") == 2


def test_a_source_the_catalog_does_not_grade_says_so() -> None:
    _, out, _ = run("sources", "R8")
    assert "reliability: not graded: the catalog says nothing of this source's reliability" in out


def test_json_is_the_register() -> None:
    code, doc = run_json("sources")
    assert code == 0
    assert doc["command"] == "sources"
    assert [s["tag"] for s in doc["sources"]] == list(REGISTER.tags)
    for row, entry in zip(doc["sources"], REGISTER, strict=True):
        assert row["publisher"] == entry.publisher
        assert row["title"] == entry.title
        assert row["date"] == (entry.date.isoformat() if entry.date else None)
        assert row["address"] == entry.address
        assert row["reliability"] == entry.reliability
        assert [(s["kind"], s["id"], s["name"]) for s in row["supports"]] == [
            (s.kind, s.id, s.name) for s in entry.supports
        ]
    _, one = run_json("sources", "TL-2026-07-31-4")
    assert [s["tag"] for s in one["sources"]] == ["TL-2026-07-31-4"]


def test_an_unknown_tag_is_bad_input_naming_the_closest() -> None:
    code, out, err = run("sources", "WH", "TL-2026-13-01-1")
    assert (code, out) == (2, "")
    assert "unknown id 'TL-2026-13-01-1'" in err
    assert "Did you mean 'TL-2026-10-01-1'" in err
    assert "gazaplan sources lists every tag" in err


@pytest.mark.parametrize(
    ("words", "asked"),
    [
        (["WH", "4", "R8"], ["WH 4", "R8"]),
        (["W1", "4"], ["W1 4"]),
        (["WH 4"], ["WH 4"]),
        (["WH", "4", "5"], ["WH 4", "5"]),
        ([], []),
    ],
)
def test_a_point_typed_apart_joins_its_tag(words: list[str], asked: list[str]) -> None:
    assert tags_asked(words) == asked


def test_the_outputs_cite_many_codes_of_every_family() -> None:
    by_command = {c: codes_in(run(c)[1]) for c in TEXT_OUTPUTS}
    assert sum(1 for found in by_command.values() if found) >= len(TEXT_OUTPUTS) - 1
    codes = set().union(*by_command.values())
    assert len(codes) > 150
    assert {"WH 4", "FT", "R7"} <= codes
    assert any(c.startswith("TL-2026-") for c in codes)
