"""The timeline as a reviewed dataset: releases, corrections, retractions, candidates, and every
problem of a data file found at once, each located."""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings

import gazaplan as gp
import gazaplan.strategies as gst
from gazaplan.exceptions import InvalidDatasetError, InvalidValueError
from gazaplan.time.datasets import Dataset, Entry, Release, Status

PLAN = gp.plan()
BUNDLED = gp.dataset()
UTC = dt.UTC


def at(day: int) -> dt.datetime:
    return dt.datetime(2026, 1, day, tzinfo=UTC)


def event(id: str, day: int) -> gp.Event:
    src = gp.Source("S1", "a report", "an outlet")
    return gp.Event(id, at(day), gp.events.CeasefireChanged(True), "summary", (src,), "someone")


JAN = Release("2026.01", at(10), "January")
FEB = Release("2026.02", at(20), "February")


def vetted(release: Release, ev: gp.Event, **kw: Any) -> Entry:
    return Entry(release.version, "coder", Status.VETTED, "reviewer", ev, **kw)


def ids(tl: gp.Timeline) -> list[str]:
    return [e.id for e in tl]


# -- the bundled dataset --
def test_the_bundled_timeline_is_the_latest_release_of_vetted_entries() -> None:
    assert gp.timeline() == BUNDLED.timeline(BUNDLED.latest.version)
    vetted_ids = [e.key for e in BUNDLED.published() if e.status is Status.VETTED]
    assert ids(gp.timeline()) == vetted_ids
    assert all(e.at <= BUNDLED.latest.as_of for e in gp.timeline())


def test_bundled_events_are_shown_in_local_time() -> None:
    assert BUNDLED.timezone == "Asia/Jerusalem"
    assert {str(e.at.tzinfo) for e in gp.timeline()} == {"Asia/Jerusalem"}


def test_every_release_replays_and_ids_are_unique() -> None:
    for r in BUNDLED.releases:
        gp.history(PLAN, gp.timeline(r.version, candidates=True))
    keys = [e.key for e in BUNDLED.entries]
    assert len(keys) == len(set(keys))


def test_an_unknown_release_is_named() -> None:
    with pytest.raises(gp.UnknownVersionError, match=r"2026\.05"):
        gp.timeline("2019.01")


# -- corrections, retractions, candidates --
def test_a_correction_replaces_the_old_entry_from_its_release_on() -> None:
    old, fixed = event("a", 2), event("a-fixed", 2)
    ds = Dataset(
        (JAN, FEB),
        (
            vetted(JAN, old),
            vetted(FEB, fixed, supersedes="a", reason="wrong day"),
            vetted(JAN, event("b", 3)),
        ),
    )
    assert ids(ds.timeline("2026.01")) == ["a", "b"]
    assert ids(ds.timeline("2026.02")) == ["a-fixed", "b"]
    assert ds.marks() == {"a": "a-fixed"}
    assert ds.entry("a").event == old  # the old entry stays


def test_a_retraction_withdraws_an_entry_from_its_release_on() -> None:
    notice = Entry(
        "2026.02", "coder", reviewed_by="reviewer", id="r", retracts="a", reason="no source"
    )
    ds = Dataset((JAN, FEB), (vetted(JAN, event("a", 2)), notice))
    assert ids(ds.timeline("2026.01")) == ["a"]
    assert ids(ds.timeline("2026.02")) == []
    assert ds.marks() == {"a": "r"}


def test_candidates_are_opt_in_and_a_candidate_correction_hides_nothing() -> None:
    cand = Entry("2026.01", "coder", Status.CANDIDATE, event=event("b", 3))
    fix = Entry(
        "2026.02", "coder", Status.CANDIDATE, event=event("a2", 2), supersedes="a", reason="x"
    )
    ds = Dataset((JAN, FEB), (vetted(JAN, event("a", 2)), fix, cand))
    assert ids(ds.timeline()) == ["a"]
    assert ids(ds.timeline(candidates=True)) == ["a2", "b"]


def test_an_entry_says_what_it_lacks() -> None:
    with pytest.raises(InvalidValueError, match="reviewed_by"):
        Entry("2026.01", "coder", Status.VETTED, event=event("a", 1))
    with pytest.raises(InvalidValueError, match="either an event or a retraction"):
        Entry("2026.01", "coder", Status.CANDIDATE)
    with pytest.raises(InvalidValueError, match="says why"):
        Entry("2026.01", "coder", Status.CANDIDATE, event=event("a", 1), supersedes="b")
    with pytest.raises(InvalidValueError, match=r'"YYYY\.MM"'):
        Release("2026.13", at(1), "x")


# -- bad files: every problem at once, each located --
def _bad_file() -> str:
    ds = Dataset(
        (JAN, FEB),
        (
            vetted(JAN, event("a", 2)),
            vetted(JAN, event("b", 3)),
            vetted(FEB, event("c", 12)),
            vetted(FEB, event("d", 13)),
        ),
    )
    raw = tomllib.loads(gp.dumps(ds, format="toml"))
    entries = raw["entries"]
    entries[1]["event"]["id"] = "a"  # a duplicated id
    entries[2]["supersedes"], entries[2]["reason"] = "zz", "why"  # supersedes a missing id
    entries[3]["event"]["at"] = at(1)  # out of order
    entries[3]["event"]["sources"] = []  # no source
    entries[0]["event"]["at"] = at(1)
    entries[1]["added_in"] = "2026.01"
    entries[1]["event"]["at"] = at(11)  # after its release's as_of
    retraction = {"added_in": "2026.02", "coded_by": "c", "reviewed_by": "r", "reason": "x"}
    entries.append({**retraction, "id": "r1", "retracts": "c"})
    entries.append({**retraction, "id": "r2", "retracts": "r1"})  # a retraction of a retraction
    entries[0]["event"]["change"] = {"kind": "responded", "party": "hamass", "response": "accepted"}
    return tomli_w.dumps(raw)


def test_a_bad_data_file_lists_every_problem_with_its_line() -> None:
    with pytest.raises(gp.ScenarioFormatError) as info:
        gp.loads(_bad_file(), Dataset, format="toml", file="data.toml")
    found = {p.path: p for p in info.value.problems}
    assert set(found) == {
        "entries[1]",
        "entries[1].event.at",
        "entries[2].supersedes",
        "entries[3].event.at",
        "entries[3].event.sources",
        "entries[5].retracts",
    }
    assert "already used by entries[0]" in found["entries[1]"].message
    assert "after release 2026.01's as_of" in found["entries[1].event.at"].message
    assert "no entry has the id 'zz'" in found["entries[2].supersedes"].message
    assert "before the previous event's" in found["entries[3].event.at"].message
    assert "at least one source" in found["entries[3].event.sources"].message
    assert "cannot be retracted" in found["entries[5].retracts"].message
    assert all(p.file == "data.toml" and p.line is not None for p in found.values())


def test_an_unknown_party_is_located_once_the_structure_holds() -> None:
    ds = Dataset((JAN,), (vetted(JAN, event("a", 2)),))
    raw = tomllib.loads(gp.dumps(ds, format="toml"))
    raw["entries"][0]["event"]["change"] = {
        "kind": "responded",
        "party": "hamass",
        "response": "accepted",
    }
    with pytest.raises(gp.ScenarioFormatError) as info:
        gp.loads(tomli_w.dumps(raw), Dataset, format="toml", plan=PLAN)
    (problem,) = info.value.problems
    assert problem.path == "entries[0].event"
    assert "'hamass' is no party" in problem.message
    assert "Did you mean 'hamas'" in problem.message


def test_building_a_bad_dataset_in_python_raises_every_problem() -> None:
    with pytest.raises(InvalidDatasetError) as info:
        Dataset((FEB, JAN), (vetted(JAN, event("a", 2)), vetted(JAN, event("a", 3))))
    paths = [p for p, _ in info.value.found]
    assert paths == [("releases", 1), ("entries", 1)]
    assert isinstance(info.value, gp.GazaplanError)


# -- laws --
@settings(max_examples=40, deadline=None)
@given(gst.datasets(PLAN, max_size=8))
def test_datasets_round_trip_and_releases_hide_what_they_correct(ds: Dataset) -> None:
    for fmt in ("json", "toml"):
        assert gp.loads(gp.dumps(ds, format=fmt), Dataset, format=fmt) == ds
    marks = ds.marks()
    for r in ds.releases:
        shown = {e.key for e in ds.published(r.version, candidates=True)}
        by = {e.key: e for e in ds.entries}
        for old, new in marks.items():
            if new in shown:
                assert old not in shown  # a published correction hides what it corrects
        for key in shown:
            assert by[key].added_in <= r.version
        assert all(e.at <= r.as_of for e in ds.timeline(r.version, candidates=True))
    vetted_only = ds.published(candidates=False)
    assert all(e.status is Status.VETTED for e in vetted_only)


def test_every_kind_of_broken_link_is_named() -> None:
    a, b = event("a", 2), event("b", 3)
    cases = {
        "listed twice": ((JAN, JAN), (vetted(JAN, a),)),
        "cannot point to itself": ((JAN,), (vetted(JAN, a, revises=("a",)),)),
        "added in a later release": (
            (JAN, FEB),
            (vetted(FEB, a), vetted(JAN, b, supersedes="a", reason="x")),
        ),
        "already corrected or retracted": (
            (JAN, FEB),
            (
                vetted(JAN, a),
                vetted(FEB, event("a2", 2), supersedes="a", reason="x"),
                vetted(FEB, event("a3", 2), supersedes="a", reason="y"),
            ),
        ),
    }
    for words, (releases, entries) in cases.items():
        with pytest.raises(InvalidDatasetError, match=words):
            Dataset(releases, entries)
    with pytest.raises(InvalidDatasetError, match="at least one release"):
        Dataset((), ())
    with pytest.raises(InvalidValueError, match="no such time zone"):
        Dataset((JAN,), (), "Mars/Olympus")
    with pytest.raises(InvalidValueError, match="an id of its own"):
        Entry("2026.01", "c", Status.CANDIDATE, retracts="a", reason="x")
    with pytest.raises(InvalidValueError, match="neither corrects nor revises"):
        Entry("2026.01", "c", Status.CANDIDATE, id="r", retracts="a", supersedes="b", reason="x")
    with pytest.raises(InvalidValueError, match="its event's"):
        Entry("2026.01", "c", Status.CANDIDATE, event=a, id="other")
    with pytest.raises(gp.UnknownIdError, match="zz"):
        BUNDLED.entry("zz")
    assert str(Status.VETTED) == "vetted"


def test_an_impossible_event_in_a_release_is_located_by_its_replay() -> None:
    ds = Dataset((JAN,), (vetted(JAN, event("a", 2)),))
    raw = tomllib.loads(gp.dumps(ds, format="toml"))
    raw["entries"][0]["event"]["change"] = {"kind": "hostages_released", "living": 50}
    with pytest.raises(gp.ScenarioFormatError) as info:
        gp.loads(tomli_w.dumps(raw), Dataset, format="toml", plan=PLAN)
    (problem,) = info.value.problems
    assert problem.path == "entries[0].event"
    assert problem.message.startswith("in release 2026.01:")
    assert "more returned than the 20 held" in problem.message


@pytest.mark.parametrize("ring", [2, 3])
def test_corrections_that_go_round_are_refused_not_left_to_hide_every_event(ring: int) -> None:
    # Two entries of one release superseding each other (or three in a ring) hid every event of
    # the ring from the timeline, and the file passed as valid.
    keys = [f"e{i}" for i in range(ring)]
    entries = [
        vetted(JAN, event(k, 2 + i), supersedes=keys[(i + 1) % ring], reason="fix")
        for i, k in enumerate(keys)
    ]
    with pytest.raises(InvalidDatasetError, match="corrections go round") as err:
        Dataset((JAN,), tuple(entries))
    assert "entries[0].supersedes" in str(err.value)
    chain = Dataset((JAN,), (*entries[:-1], vetted(JAN, event(keys[-1], 9))))
    assert ids(chain.timeline()) == ["e0"]  # a chain, not a ring: the newest stands
