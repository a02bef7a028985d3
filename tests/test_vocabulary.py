"""One vocabulary in every output: the text of each command, the HTML report and the CSV
exports name parties by their display names (an id only beside its name), never say "leaves"
for conditions, and never say "none" or leave a cell empty where the text names no obligor.

The catalog's own sentences (events, obligations, positions, sources) are prose and may use a
party's id as an English word ("EU border monitors", "as guarantors"); they are taken out first.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import gazaplan as gp
from gazaplan.cli import main
from gazaplan.core.words import NO_OBLIGOR

from .support.vocabulary import bare_ids

PLAN = gp.plan()
PARTIES = {p.id for p in PLAN.parties}
JARGON = re.compile(r"\b(?:unmet|unknown|met)[ _]leaves\b|\bleaf\b|owed by: none\b", re.I)

COMMANDS = [
    ["status"],
    ["report"],
    ["report", "--at", "2025-10-20"],
    ["compliance"],
    ["compliance", "--at", "2025-10-20"],
    ["check", "phase-2", "perimeter.completion", "p13-decommission", "p16-hand-over.trigger"],
    ["analyse"],
    ["analyse", "--phase", "perimeter"],
    ["figures"],
    ["timeline"],
    ["diff", "2025-09-29", "2026-08-09"],
    ["compare", "2025-09-29", "2026-08-09"],
    ["explore", "--living", "3", "--deceased", "3"],
    ["simulate", "bundled", "--delay", "0:3", "--runs", "20", "-q"],
    ["sweep", "--grid", "exchange.remains_ratio=1:5", "-q"],
    ["sources"],
    ["versions"],
]


def _texts(obj: Any) -> list[str]:
    return [v for v in attrs.asdict(obj, recurse=False).values() if isinstance(v, str)]


def _prose() -> list[str]:
    """The catalog's sentences, as a command prints them."""
    said = [e.summary for e in gp.timeline().events]
    for plan in gp.plan_versions():
        said += [o.action for o in plan.obligations()]
        for position in plan.positions:
            said += _texts(position)
        for provision in plan.provisions:
            said += _texts(provision)
        for item in (*plan.phases, *plan.parties):
            said += _texts(item)
    for release in gp.dataset().releases:
        said += [*_texts(release), *release.unknown]
    for entry_ in gp.dataset().entries:
        said += _texts(entry_)
        said += _texts(entry_.event) if entry_.event else []
    for control in gp.controls().entries:
        said += _texts(control)
    for entry in gp.sources().entries:
        said += _texts(entry)
    return [s for s in said if s]


PROSE = _prose()


def _checked(text: str, where: str) -> None:
    jargon = [line for line in text.splitlines() if JARGON.search(line)]
    assert not jargon, (where, jargon[:3])
    bare = [(i, line) for i, line in bare_ids(text, PLAN, PROSE) if i in PARTIES]
    assert not bare, (where, bare[:3])


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_every_command_speaks_the_vocabulary(argv: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    assert code in (0, 1), err.getvalue()
    assert out.getvalue()
    _checked(out.getvalue(), " ".join(argv))


def _html_words(page: str) -> str:
    body = page.split("<body", 1)[-1]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r'\b(?:id|href|class)="[^"]*"', " ", body)  # anchors are ids, for machines
    return html.unescape(re.sub(r"<[^>]+>", "\n", body))


def test_the_html_report_speaks_the_vocabulary() -> None:
    page = gp.html_report(gp.plan_versions(), gp.timeline(), plots=False)
    _checked(_html_words(page), "html_report")


def test_every_page_of_the_tracker_speaks_the_vocabulary(tmp_path: Path) -> None:
    from gazaplan.desk.site import write_site

    site = write_site(gp.plan_versions(), gp.dataset(), tmp_path / "site", plots=False)
    lines: dict[str, str] = {}  # each line once, with the first page that shows it
    for name in site.pages:
        page = (site.directory / name).read_text(encoding="utf-8")
        page = re.sub(r'\bdata-[a-z-]+="[^"]*"', " ", page)  # filters' and figures' ids
        page = re.sub(r"<code>[^<]*</code>", " ", page)  # an id shown as an id, for machines
        for line in _html_words(page).splitlines():
            lines.setdefault(line, name)
    by_page: dict[str, list[str]] = {}
    for line, name in lines.items():
        by_page.setdefault(name, []).append(line)
    for name, shown in by_page.items():
        _checked("\n".join(shown), name)


DISPLAYS: dict[str, Callable[[], Any]] = {
    "plan": lambda: PLAN,
    "report": lambda: gp.report(gp.plan_versions(), gp.timeline()),
    "compliance": lambda: gp.compliance(gp.plan_versions(), gp.timeline()),
    "status": lambda: gp.status(gp.plan_versions(), gp.timeline()),
    "structure": lambda: gp.analyse(PLAN, gp.replay(PLAN, gp.timeline())),
    "check_plan": lambda: gp.check_plan(PLAN, gp.replay(PLAN, gp.timeline())),
}


@pytest.mark.parametrize("name", sorted(DISPLAYS))
def test_every_notebook_display_speaks_the_vocabulary(name: str) -> None:
    shown = DISPLAYS[name]()._repr_html_()
    _checked(_html_words(shown), name)


def test_the_csv_exports_name_who_owes_in_words(tmp_path: Path) -> None:
    assert main(["report", "--csv", str(tmp_path)], out=io.StringIO()) == 0
    with (tmp_path / "compliance.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows
    for row in rows:
        assert row["owed_by"], row  # never an empty cell that reads as missing data
        assert row["owed_by"] != "none"
        if not row["owed_by_ids"]:
            assert row["owed_by"] == NO_OBLIGOR
        assert not set(row["owed_by"].replace(",", " ").split()) & PARTIES - {"Hamas"}
    assert any(row["owed_by"] == NO_OBLIGOR for row in rows)
