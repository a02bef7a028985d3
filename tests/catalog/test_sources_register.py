"""The source register (``gp.sources()``): every source the bundled content cites, once, with what
it supports; the index agrees with the citations both ways; reliability is only the catalog's own
words; lookup takes a code as outputs cite it and names the closest tags otherwise."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp
import gazaplan.strategies as gst
from gazaplan.catalog import _sources as catalog_sources
from gazaplan.catalog.register import (
    KINDS,
    NOT_GRADED,
    SourceEntry,
    SourceRegister,
    reliability,
    source_register,
)

REGISTER = gp.sources()
VERSIONS = gp.plan_versions()
LATEST = gp.plan()
DATA = gp.dataset()


def cited(value: Any) -> list[gp.Source]:
    """Every source inside *value*, found by a walk of its own (not the library's)."""
    found: list[gp.Source] = []
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, gp.Source):
            found.append(v)
        elif isinstance(v, tuple | list | frozenset | set):
            stack.extend(v)
        elif isinstance(v, dict):
            stack.extend(v.values())
        elif attrs.has(type(v)):
            stack.extend(getattr(v, a.name) for a in attrs.fields(type(v)) if a.name[0] != "_")
    return found


def everything_bundled() -> list[gp.Source]:
    events = [e.event for e in DATA.entries if e.event is not None]
    counting = list(gp.catalog.counting_points().values())
    return cited([*VERSIONS, events, gp.controls(), counting])


def test_every_source_the_content_cites_is_in_the_register_once() -> None:
    tags = [e.tag for e in REGISTER]
    assert len(tags) == len(set(tags))
    bundled = everything_bundled()
    assert {s.tag for s in bundled} <= set(tags)
    assert len(REGISTER) >= 200  # the plan's register and the timeline's sources
    for s in bundled:  # the entry says what the citation says
        e = REGISTER[s.tag]
        assert (e.title, e.publisher, e.date, e.address, e.note) == (
            s.title,
            s.outlet,
            s.date,
            s.url,
            s.note,
        )
        assert e.approximate_date is s.approximate_date
        assert e.source == attrs.evolve(s, point=None)


def test_the_index_agrees_with_the_citations_both_ways() -> None:
    items: dict[tuple[str, str], set[str]] = {}

    def add(kind: str, ident: str, value: Any) -> None:
        items.setdefault((kind, ident), set()).update(s.tag for s in cited(value))

    for p in VERSIONS:
        for pr in p.provisions:
            add("point", str(pr.number), pr)
        for ph in p.phases:
            for o in ph.obligations:
                add("obligation", o.id, o)
        for f in p.figures:
            add("figure", f.id, f)
        for path in p.term_paths():
            add("term", path, p.term(path))
        for line in p.lines:
            add("line", line.id, line)
    for entry in DATA.entries:
        if entry.event is not None:
            add("event", entry.event.id, entry.event)
    for c in gp.controls().entries:
        add("control", c.fact, c)
    checked = 0
    for e in REGISTER:
        for s in e.supports:
            assert s.kind in KINDS
            if (s.kind, s.id) in items:
                assert e.tag in items[(s.kind, s.id)], (e.tag, s)
                checked += 1
    assert checked > 500
    for (kind, ident), tags in items.items():
        for tag in tags:
            assert (kind, ident) in {(s.kind, s.id) for s in REGISTER[tag].supports}


def test_nothing_a_plan_cites_is_left_unindexed() -> None:
    for p in VERSIONS:
        content = attrs.evolve(p, sources=())  # the register itself is not content
        for s in cited(content):
            assert REGISTER[s.tag].supports, s.tag


def test_supports_are_named_in_plain_words() -> None:
    wh = REGISTER["WH"]
    assert [s.label for s in wh.supported("point")][
        3
    ] == "point 4: All hostages back within 72 hours"
    obligation = next(s for s in wh.supported("obligation") if s.id == "p4-return-hostages")
    assert obligation.label == "Return every hostage, living and deceased (p4-return-hostages)"
    assert {s.kind for s in wh.supports} >= {"point", "phase", "obligation", "control"}
    text = wh.explain()
    assert "20 points:" in text
    assert "phase 1: Ceasefire" in text
    kinds = [s.kind for s in wh.supports]
    assert kinds == sorted(kinds, key=list(KINDS).index)  # grouped, in the order of KINDS


def test_entries_not_in_the_latest_timeline_say_why() -> None:
    superseded = REGISTER["TL-2025-10-10-6"].supported("event")
    assert any("superseded by 2025-10-10-share-held-corrected" in s.name for s in superseded)
    candidate = REGISTER["TL-2026-04-07-1"].supported("event")
    assert [s.id for s in candidate] == ["2026-04-07-disarmament-deadline"]
    assert "a candidate, not yet reviewed" in candidate[0].name


def test_reliability_is_only_the_catalogs_own_words() -> None:
    notes = [e.note for e in REGISTER]
    for phrase in catalog_sources.CAVEATS:  # each is said of some source: none is invented
        assert any(phrase in n for n in notes), phrase
    for e in REGISTER:
        if e.reliability is None:
            assert not e.caveats
            assert not any(c in e.note for c in catalog_sources.CAVEATS)
            assert NOT_GRADED in e.explain()
        else:
            assert e.caveats
            assert e.reliability in e.explain()
            for part in e.caveats:
                assert part in catalog_sources.CAVEATS
                assert part in e.note
    for e in REGISTER:  # the rest of the note is shown apart, caveats left out
        assert e.remarks in e.note
        assert not any(c in e.remarks for c in e.caveats)
        assert bool(e.remarks) or bool(e.caveats) or not e.note
    assert REGISTER["R16"].remarks == "dated mid-Oct 2025"
    # A note that speaks of a source's standing is graded by it.
    words = ("weak", "third-party", "copy", "mirror", "aggregator", "not read", "not be checked")
    for e in REGISTER:
        if any(w in e.note.lower() for w in words):
            assert e.reliability is not None, (e.tag, e.note)
    assert REGISTER["W16"].reliability == catalog_sources.WEAK
    assert REGISTER["WH"].reliability == catalog_sources.UNCHECKED
    assert REGISTER["FT"].reliability is None  # its note is a remark, not a grade
    assert REGISTER["R16"].reliability == catalog_sources.REPRINT  # the date left out


@given(st.text(max_size=80), st.sampled_from(catalog_sources.CAVEATS), st.text(max_size=80))
def test_reliability_is_the_phrases_a_note_holds(before: str, phrase: str, after: str) -> None:
    note = before + phrase + after
    graded = reliability(gp.Source("X1", "a title", "an outlet", note=note))
    assert phrase in graded
    for part in graded:  # nothing but the catalog's phrases, each from the note
        assert part in catalog_sources.CAVEATS
        assert part in note
    # Only the note counts, never the tag, title or outlet.
    assert reliability(gp.Source("X2", phrase, phrase, note=before)) == reliability(
        gp.Source("X3", "t", "o", note=before)
    )


def test_lookup_takes_a_code_as_outputs_cite_it() -> None:
    assert REGISTER["WH 4"] is REGISTER["WH"]
    assert REGISTER["wh"] is REGISTER["WH"]
    assert REGISTER["  R8 "] is REGISTER["R8"]
    assert "R8" in REGISTER
    assert "R99" not in REGISTER
    with pytest.raises(gp.UnknownIdError) as e:
        REGISTER["TL-2026-13-01-1"]
    assert isinstance(e.value, KeyError)
    assert "Did you mean 'TL-2026-10-01-1'" in str(e.value)
    assert "source register" in str(e.value)


@given(gst.timelines(max_size=8), st.integers(1, 20))
def test_a_register_of_any_timeline_indexes_each_event_by_its_sources(
    timeline: gp.Timeline, point: int
) -> None:
    plan = gp.plan("2025-09-29")
    register = source_register(plan, timeline.events)
    first: dict[str, gp.Source] = {}
    for s in cited([plan, timeline.events]):
        first.setdefault(s.tag, s)
    assert set(register.tags) == set(first) | {s.tag for s in plan.sources}
    for e in timeline.events:  # its own sources and those of the figures it reports
        for s in cited(e):
            entry = register[s.tag]
            assert ("event", e.id) in {(u.kind, u.id) for u in entry.supports}
    events = {e.id: e for e in timeline.events}
    for entry in register:
        assert register[entry.tag] is entry
        assert register[f"{entry.tag} {point}"] is entry
        for u in entry.supported("event"):
            assert entry.tag in {s.tag for s in cited(events[u.id])}


def test_rows_the_frame_and_the_displays_agree() -> None:
    rows = REGISTER.rows()
    df = REGISTER.to_pandas()
    assert list(df["tag"]) == [r["tag"] for r in rows] == list(REGISTER.tags)
    assert list(df.columns) == list(rows[0])
    wh = rows[0]
    assert wh["supports"][:2] == ("point:1", "point:2")
    assert str(df.loc[0, "supports"]).startswith("point:1, point:2")
    page = REGISTER._repr_html_()
    assert f"{len(REGISTER)} sources" in page
    assert "White House" in page
    entry = REGISTER["R8"]._repr_html_()
    assert "Supports" in entry
    assert "Firstpost" in entry
    assert type(REGISTER) is SourceRegister
    assert type(REGISTER["R8"]) is SourceEntry


def test_the_list_shows_one_line_per_source() -> None:
    lines = REGISTER.explain().splitlines()
    assert lines[0] == f"{len(REGISTER)} sources"
    assert [line.split()[0] for line in lines[1:]] == list(REGISTER.tags)


def test_the_top_level_name_survives_the_old_module_path() -> None:
    # gazaplan.sources was a module in 0.1.0.dev0; importing that old path keeps gp.sources the
    # register, and the old path still gives the module.
    code = (
        "import gazaplan, gazaplan.sources\n"
        "from gazaplan.sources import Source\n"
        "assert callable(gazaplan.sources) and gazaplan.sources is gazaplan.catalog.sources\n"
        "import sys; assert sys.modules['gazaplan.sources'].Source is Source\n"
        "print(len(gazaplan.sources()))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(REGISTER)
