"""Documents: round trips in both formats, stable format (golden files), located errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp
import gazaplan.strategies as gst
from gazaplan.files._converter import Format
from gazaplan.files.documents import migrate

FORMATS = ("json", "toml")
GOLDEN = Path(__file__).parents[1] / "golden"
EXAMPLES = Path(__file__).parents[2] / "examples" / "scenarios"


def roundtrip(obj: Any, fmt: str) -> Any:
    return gp.loads(gp.dumps(obj, format=fmt), type(obj), format=fmt)  # type: ignore[arg-type]


# -- round trips --
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("version", gp.versions())
def test_bundled_plans_round_trip(version: str, fmt: str) -> None:
    plan = gp.plan(version)
    assert roundtrip(plan, fmt) == plan


@pytest.mark.parametrize("fmt", FORMATS)
def test_bundled_timeline_and_its_final_state_round_trip(fmt: str) -> None:
    tl = gp.timeline()
    assert roundtrip(tl, fmt) == tl
    state = gp.replay(gp.plan(), tl)  # holds contested facts
    assert roundtrip(state, fmt) == state


SETTINGS = settings(max_examples=40)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "strategy",
    [
        gst.states(contested=True),
        gst.timelines(),
        gst.events(),
        gst.conditions(),
        gst.amendments(),
        gst.scenarios(),
        gst.parties(),
        gst.sources(),
    ],
    ids=["state", "timeline", "event", "condition", "amendment", "scenario", "party", "source"],
)
def test_load_of_dump_is_identity(strategy: st.SearchStrategy[Any], fmt: str) -> None:
    @SETTINGS
    @given(strategy)
    def check(obj: Any) -> None:
        assert roundtrip(obj, fmt) == obj

    check()


@settings(max_examples=5, deadline=None)
@given(gst.plans())
def test_generated_plans_round_trip(plan: gp.Plan) -> None:
    for fmt in FORMATS:
        assert roundtrip(plan, fmt) == plan


@SETTINGS
@given(gst.scenarios())
def test_json_and_toml_hold_the_same_document(scenario: gp.Scenario) -> None:
    a = gp.loads(gp.dumps(scenario, format="json"), gp.Scenario, format="json")
    b = gp.loads(gp.dumps(a, format="toml"), gp.Scenario, format="toml")
    assert gp.dumps(a, format="json") == gp.dumps(b, format="json")


# -- the format stays stable: golden files must keep loading, and re-dump to the same text --
@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.*")), ids=lambda p: p.name)
def test_golden_files_keep_loading(path: Path) -> None:
    fmt: Format = "json" if path.suffix == ".json" else "toml"
    text = path.read_text(encoding="utf-8")
    kind = gp.documents.peek_kind(path)
    from gazaplan.files._document_types import KINDS

    obj = gp.load(path, KINDS[kind])
    assert gp.dumps(obj, format=fmt) == text, (
        "the format changed: add a migration and a new golden file"
    )


def test_golden_scenario_runs_its_expectations() -> None:
    result = gp.check_scenario(gp.load_scenario(GOLDEN / "scenario-v1.toml"))
    assert result.passed, result.explain()
    assert len(result.outcomes) == 3


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.*")), ids=lambda p: p.name)
def test_example_scenarios_hold(path: Path) -> None:
    result = gp.check_scenario(gp.load_scenario(path))
    assert result.outcomes
    assert result.passed, result.explain()


# -- errors: every problem, with path and line --
def problems(text: str, fmt: str = "toml", cls: Any = gp.Scenario) -> list[gp.Problem]:
    with pytest.raises(gp.ScenarioFormatError) as info:
        gp.loads(text, cls, format=fmt, file="s." + fmt)  # type: ignore[arg-type]
    return list(info.value.problems)


HEAD = 'schema_version = 1\nname = "x"\nversion = "2025-10-09"\n'


def test_naive_instant_is_named_with_its_path_and_line() -> None:
    text = HEAD + (
        '[[timeline.events]]\nid = "a"\nat = 2025-10-10T12:00:00\n'
        'change = { kind = "ceasefire", in_force = true }\n'
    )
    (p,) = problems(text)
    assert (p.path, p.line, p.file) == ("timeline.events[0].at", 6, "s.toml")
    assert p.message == "naive datetime; add an offset such as +00:00"
    assert str(p) == "s.toml:6: timeline.events[0].at: naive datetime; add an offset such as +00:00"


def test_all_problems_are_reported_at_once() -> None:
    text = HEAD + (
        'colour = "red"\n'
        '[[timeline.events]]\nid = "a"\nat = 2025-10-10T12:00:00+03:00\n'
        'change = { kind = "hostages_freed", living = 3 }\n'
        '[[timeline.events]]\nid = "b"\nat = 2025-10-11T12:00:00+03:00\n'
        'change = { kind = "hostages_released", living = -3 }\nsources = "WH"\n'
        '[[expectations]]\nkind = "phase"\nat = 2025-10-13T12:00:00+03:00\n'
        'phase = "phase-1"\nverdict = "true"\n'
    )
    found = {(p.path, p.line) for p in problems(text)}
    assert found == {
        ("colour", 4),
        ("timeline.events[0].change.kind", 8),
        ("timeline.events[1].change.living", 12),
        ("timeline.events[1].sources", 13),
        ("expectations[0].verdict", 18),
    }


def test_json_errors_carry_lines_too() -> None:
    doc = {
        "schema_version": 1,
        "name": "x",
        "version": "2025-10-09",
        "timeline": {"events": [{"id": "a", "at": "yesterday", "change": {"kind": "aid"}}]},
    }
    text = json.dumps(doc, indent=2)
    found = {(p.path, p.line, p.message.split(";")[0]) for p in problems(text, "json")}
    assert ("timeline.events[0].at", 9, "'yesterday' is not an ISO 8601 instant") in found
    assert ("timeline.events[0].change.trucks_per_day", 10, "this required key is missing") in found


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('name = "x"\n', "no schema_version"),
        ('schema_version = 99\nname = "x"\n', "Upgrade gazaplan"),
        ('schema_version = 1\ndocument = "plan"\nname = "x"\n', "expected 'scenario'"),
        (
            'schema_version = 1\nname = "x"\nversion = "1999-01-01"\n',
            "unknown version '1999-01-01'",
        ),
        ('schema_version = 1\nname = "x"\nversion = "2025-10-09"\nname = "y"\n', "not valid TOML"),
        ("schema_version = 1\n" + "x = " + "[" * 80 + "]" * 80 + "\n", "nested"),
    ],
)
def test_document_level_problems(text: str, fragment: str) -> None:
    assert any(fragment in p.message for p in problems(text))


def test_bytes_that_are_not_utf8_are_located() -> None:
    data = (HEAD + 'description = "caf\xe9"\n').encode("latin-1")
    (p,) = problems(data)  # type: ignore[arg-type]
    assert p.line == 4
    assert "not UTF-8" in p.message


def test_strict_types_never_coerce() -> None:
    text = HEAD + (
        '[[timeline.events]]\nid = "a"\nat = 2025-10-10T12:00:00+03:00\n'
        'change = { kind = "hostages_released", living = 2.0 }\n'
    )
    (p,) = problems(text)
    assert p.path == "timeline.events[0].change.living"
    assert "whole number" in p.message


def test_duplicate_json_keys_are_refused() -> None:
    text = '{"schema_version": 1, "name": "a", "name": "b", "version": "2025-10-09"}'
    assert "appears twice" in problems(text, "json")[0].message


def test_an_event_that_cannot_happen_is_placed_at_the_event() -> None:
    text = HEAD + (
        '[[timeline.events]]\nid = "a"\nat = 2025-10-10T12:00:00+03:00\n'
        'change = { kind = "hostages_released", living = 500 }\n'
    )
    (p,) = problems(text)
    assert p.path == "timeline.events[0]"
    assert p.line == 4


def test_files_are_read_by_suffix(tmp_path: Path) -> None:
    s = gp.Scenario(name="n", version="2025-09-29")
    for name in ("s.json", "s.toml"):
        gp.dump_scenario(s, tmp_path / name)
        assert gp.load_scenario(tmp_path / name) == s
    (tmp_path / "s.yaml").write_text("name: n\n")  # a file that exists: its suffix is refused
    with pytest.raises(gp.ScenarioFormatError, match=r"name the file \.json or \.toml"):
        gp.load_scenario(tmp_path / "s.yaml")
    with pytest.raises(gp.ScenarioFormatError, match="cannot read the file"):
        gp.load_scenario(tmp_path / "missing.toml")


def test_migrations_run_before_structuring() -> None:
    def rename(doc: dict[str, Any]) -> dict[str, Any]:
        out = dict(doc)
        out["name"] = out.pop("title")
        return out

    old = {"schema_version": 1, "title": "x", "version": "2025-09-29"}
    assert migrate(old, {1: rename}) == {"schema_version": 2, "name": "x", "version": "2025-09-29"}
    assert migrate({"schema_version": 1, "name": "x"}) == {"schema_version": 1, "name": "x"}


def test_a_union_member_is_filed_under_its_union() -> None:
    cond = gp.AtLeast("hostages_living_returned", 20, point=4)
    text = gp.dumps(cond)
    assert json.loads(text)["document"] == "condition"
    assert json.loads(text)["kind"] == "at_least"
    assert gp.loads(text, gp.AtLeast) == cond
    with pytest.raises(gp.ScenarioFormatError, match="not a Equals"):
        gp.loads(text, gp.Equals)


def test_instants_keep_their_instant_and_local_day() -> None:
    at = dt.datetime(2025, 10, 10, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    event = gp.Event("e", at, gp.CeasefireChanged(True), precision=gp.Precision.DAY)
    back = roundtrip(event, "toml")
    assert back == event
    assert back.at.date() == at.date()
    assert back.at.utcoffset() == at.utcoffset()


def test_a_source_cited_twice_is_read_once_and_types_still_count() -> None:
    import json

    events = gp.timeline().events[:2]
    doc = json.loads(gp.dumps(gp.Timeline(events)))
    cited = {"tag": "S1", "title": "A report", "outlet": "An outlet", "point": 5}
    for e in doc["events"]:
        e["sources"] = [dict(cited)]
    loaded = gp.loads(json.dumps(doc), gp.Timeline)
    first, second = (e.sources[0] for e in loaded)
    assert first is second  # one object for the same table
    assert first.point == 5
    doc["events"][1]["sources"] = [{**cited, "point": 5.0}]  # equal to 5, but not a whole number
    with pytest.raises(gp.ScenarioFormatError, match=r"events\[1\]\.sources\[0\]\.point"):
        gp.loads(json.dumps(doc), gp.Timeline)


def test_text_with_an_unpaired_surrogate_is_refused_and_other_text_kept() -> None:
    import json

    doc = json.loads(gp.dumps(gp.Timeline(gp.timeline().events[:1])))
    doc["events"][0]["summary"] = "Ḥamās said “yes”"
    assert gp.loads(json.dumps(doc), gp.Timeline).events[0].summary == "Ḥamās said “yes”"
    text = json.dumps(doc).replace("\\u201cyes", "\\ud800yes")  # an escape JSON allows
    assert "\\ud800" in text
    with pytest.raises(gp.ScenarioFormatError, match="unpaired surrogate"):
        gp.loads(text, gp.Timeline)
