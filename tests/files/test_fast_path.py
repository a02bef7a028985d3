"""The fast path of reading a timeline (``gazaplan.files._fast``): a document it reads gives the
value the detailed pass gives, and a document it cannot vouch for is read by the detailed pass,
so that every error is the one the detailed pass alone reports."""

from __future__ import annotations

import copy
import gc
import json
import random
import threading
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar, cast

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gazaplan as gp
import gazaplan.strategies as gst
from gazaplan.files import _fast, documents
from gazaplan.time.events import KINDS

from ..support.fuzzing import encode, mutate_bytes, mutate_tree

QUICK = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
BUNDLED = json.loads(gp.dumps(gp.timeline()))


@contextmanager
def detailed_only() -> Iterator[None]:
    """Reads with the fast path switched off: the detailed pass alone, as before it existed."""
    quick = documents._quick
    documents._quick = lambda *args: None
    try:
        yield
    finally:
        documents._quick = quick


def outcome(data: str | bytes, cls: type[Any] = gp.Timeline) -> tuple[str, Any]:
    """What reading *data* gives: the value, or the error's type, text and problems."""
    try:
        return "read", gp.loads(data, cls)
    except gp.GazaplanError as exc:
        return "refused", (type(exc), str(exc), getattr(exc, "problems", None))


def same_either_way(data: str | bytes, cls: type[Any] = gp.Timeline) -> tuple[str, Any]:
    """Read *data* with and without the fast path; both give the same outcome."""
    got = outcome(data, cls)
    with detailed_only():
        assert got == outcome(data, cls)
    return got


def fast(text: str, cls: type[Any] = gp.Timeline) -> Any:
    """The fast path's reading alone (None where it leaves the document to the detailed pass)."""
    name, tp = documents.kind_of(cls)  # type: ignore[attr-defined]
    return documents._quick(text, tp, name)


def doc(events: list[dict[str, Any]] | None = None, **top: Any) -> dict[str, Any]:
    body = copy.deepcopy(BUNDLED["events"][:12] if events is None else events)
    return {"schema_version": 1, "document": "timeline", "events": body, **top}


# -- a valid document: the fast path reads it, and gives the detailed pass's value --
@QUICK
@given(gst.timelines(max_size=10), st.booleans())
def test_generated_timelines_read_fast_as_in_detail(timeline: gp.Timeline, edge: bool) -> None:
    if edge and timeline.events:
        timeline = gp.Timeline(timeline.events, data_as_of=timeline.events[-1].at)
    text = gp.dumps(timeline)
    quick = fast(text)
    assert quick is not None  # read on the fast path, not left to the detailed one
    with detailed_only():
        slow = gp.loads(text, gp.Timeline)
    assert quick == slow == timeline
    assert [type(e.change) for e in quick] == [type(e.change) for e in slow]


def test_the_bundled_timeline_reads_fast_as_in_detail() -> None:
    text = gp.dumps(gp.timeline())
    assert fast(text) is not None
    assert same_either_way(text) == ("read", gp.timeline())


@pytest.mark.parametrize("cls", [gp.Event, gp.Source])
def test_an_event_or_a_source_document_reads_fast_too(cls: type[Any]) -> None:
    event = gp.timeline().events[20]
    value = event if cls is gp.Event else event.sources[0]
    text = gp.dumps(value)
    assert fast(text, cls) == value
    assert same_either_way(text, cls) == ("read", value)


def test_a_timeline_written_by_hand_reads_fast() -> None:
    text = json.dumps(doc(None, **{"$schema": "https://example.org/s.json"}), indent=None)
    assert fast(text) is not None
    assert same_either_way(text)[0] == "read"


# -- a broken document: the detailed pass's problems, exactly --
@QUICK
@given(st.integers(0, 2**32), st.booleans())
def test_broken_timelines_give_the_detailed_pass_problems(seed: int, on_bytes: bool) -> None:
    rng = random.Random(seed)
    clean = encode(doc(), "json")
    assert clean is not None
    data = mutate_bytes(clean, rng) if on_bytes else encode(mutate_tree(doc(), rng), "json")
    if data is not None:
        same_either_way(data)


def _twice(text: str, key: str) -> str:
    """*text* with the first ``"key": value`` given once more, just before it."""
    start = text.index(f'"{key}":')
    _, end = json.JSONDecoder().raw_decode(text, text.index(":", start) + 1 + 1)
    return text[:start] + text[start:end] + ", " + text[start:]


@pytest.mark.parametrize(
    "key",
    ["schema_version", "id", "at", "summary", "kind", "tag", "title", "claimed_by", "facts"],
)
def test_a_key_given_twice_is_refused_with_the_detailed_pass_problem(key: str) -> None:
    text = _twice(gp.dumps(gp.timeline()), key)
    assert fast(text) is None
    kind, (_, message, _) = same_either_way(text)
    assert kind == "refused"
    assert f"key '{key}' appears twice in one table" in message


def test_a_key_given_twice_with_the_same_value_is_refused() -> None:
    text = json.dumps(doc())
    text = text.replace('"precision": "day"', '"precision": "day", "precision": "day"', 1)
    assert same_either_way(text)[0] == "refused"


def test_a_colon_written_as_an_escape_cannot_hide_a_key_given_twice() -> None:
    text = _twice(json.dumps(doc()), "summary")
    escaped = text.replace('"summary": "', '"summary": "\\u003a', 1)  # one colon more, unwritten
    assert same_either_way(escaped)[0] == "refused"
    ok = json.dumps(doc()).replace('"summary": "', '"summary": "\\u003a', 1)
    assert json.loads(ok)["events"][0]["summary"].startswith(":")
    assert same_either_way(ok)[0] == "read"  # read in detail, and read all the same


@pytest.mark.parametrize(
    "where",
    [
        lambda d: d.update({"$schema": _deep("x")}),
        lambda d: d["events"][0].update({"note": _deep("x")}),
        lambda d: d["events"][0].update({"extra": _deep({})}),
        lambda d: d["events"][0]["change"].update({"kind": _deep("aid")}),
    ],
)
def test_a_document_nested_too_deeply_is_refused_wherever_the_depth_is(
    where: Callable[[dict[str, Any]], None],
) -> None:
    d = doc()
    where(d)
    kind, (_, message, _) = same_either_way(json.dumps(d))
    assert kind == "refused"
    assert "nested more than 64 levels" in message


def _deep(inner: Any) -> Any:
    for _ in range(80):
        inner = [inner]
    return inner


@pytest.mark.parametrize("key", ["id", "summary", "title", "claimed_by", "allegation"])
def test_text_with_an_unpaired_surrogate_is_refused_wherever_it_is(key: str) -> None:
    text = gp.dumps(gp.timeline())
    start = text.index(f'"{key}": "') + len(f'"{key}": "')
    broken = text[:start] + "\\udc00" + text[start:]  # an escape JSON allows
    kind, (_, message, _) = same_either_way(broken)
    assert kind == "refused"
    assert "unpaired surrogate" in message or key == "id"  # an id refuses it as an id


def test_a_schema_key_that_is_not_text_is_left_to_the_detailed_pass() -> None:
    text = json.dumps(doc(None, **{"$schema": {"a": "b:c"}}))
    assert fast(text) is None
    assert same_either_way(text)[0] == "read"


@pytest.mark.parametrize(
    ("field", "first", "then"),
    [
        ("count", 1, 1.0),  # equal, not the same: a whole number, then not
        ("count", 0, False),
        ("in_force", True, 1),
    ],
)
def test_a_value_read_before_is_not_taken_for_an_equal_one_of_another_type(
    field: str, first: Any, then: Any
) -> None:
    kind = {"count": "gazan_remains_returned", "in_force": "ceasefire"}[field]
    events = copy.deepcopy(BUNDLED["events"][:2])
    for e, value in zip(events, (first, then), strict=True):
        e["change"] = {"kind": kind, field: value}
    got, (_, message, problems) = same_either_way(json.dumps(doc(events)))
    assert got == "refused"
    assert [p.path for p in problems] == [f"events[1].change.{field}"], message


def test_sources_read_before_are_one_object_on_the_fast_path_too() -> None:
    events = copy.deepcopy(BUNDLED["events"][:3])
    cited = {"tag": "S1", "title": "A report", "outlet": "An outlet", "point": 5}
    for e in events:
        e["sources"] = [dict(cited)]
    text = json.dumps(doc(events))
    loaded = fast(text)
    assert loaded is not None
    assert loaded.events[0].sources[0] is loaded.events[2].sources[0]
    events[2]["sources"] = [{**cited, "point": True}]
    assert same_either_way(json.dumps(doc(events)))[0] == "refused"


# -- what the fast path does not cover is read in detail --
@attrs.frozen
class _Rumour:
    """A change kind registered later, as a research extension would (not on the fast path)."""

    what: str
    tag: ClassVar[str] = "rumour_for_a_test"

    def sets(self, state: gp.State) -> dict[str, Any]:
        return {}


def test_a_change_kind_registered_later_is_read_in_detail() -> None:
    KINDS.register(_Rumour)
    try:
        event = attrs.evolve(gp.timeline().events[0], change=cast("Any", _Rumour("heard")))
        text = gp.dumps(gp.Timeline((event,)))
        assert fast(text) is None
        assert same_either_way(text) == ("read", gp.Timeline((event,)))
    finally:
        KINDS.unregister(_Rumour)


@attrs.frozen
class _Held:
    names: tuple[str, ...] = attrs.field(factory=tuple)
    count: int = 0


def test_a_table_whose_default_is_a_factory_is_read_with_the_default_made() -> None:
    read = _fast._Factory(_fast._converter()).table(_Held)
    assert read({}, _Held) == _Held()
    assert read({"names": ["a:b"], "count": 2}, _Held) == _Held(("a:b",), 2)
    for wrong in ({"other": 1}, {"count": 1.0}, ["names"]):
        with pytest.raises(Exception):  # noqa: B017, PT011 (the detailed pass says which)
            read(wrong, _Held)


def test_the_covered_types_are_not_recursive_and_shallow() -> None:
    """A document the fast path reads is no deeper than these types, which stands in for the
    parse's depth check (MAX_DEPTH levels)."""

    def depth(tp: Any, seen: tuple[Any, ...]) -> int:
        assert tp not in seen, f"{tp} holds itself"
        if isinstance(tp, type) and attrs.has(tp):
            assert tp in _fast.COVERED, tp
            hints = typing.get_type_hints(tp)
            inner = [depth(hints[a.name], (*seen, tp)) for a in attrs.fields(tp) if a.init]
            return 1 + max(inner, default=0)
        args = [a for a in typing.get_args(tp) if a is not Ellipsis]
        container = typing.get_origin(tp) in (tuple, frozenset)
        return container + max((depth(a, (*seen, tp)) for a in args), default=0)

    # a reported fact's value is typed Any: its deepest form is a contested fact (a table of a
    # list of claims, each a table with a list of sources)
    facts = 1 + 1 + 1 + 1 + 1 + depth(gp.Source, ())
    assert depth(gp.Timeline, ()) + facts <= documents.MAX_DEPTH


# -- the collector --
@pytest.mark.parametrize("enabled", [True, False])
def test_a_read_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    text = gp.dumps(gp.Timeline(gp.timeline().events[:5]))
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        gp.loads(text, gp.Timeline)
        assert gc.isenabled() is enabled
        with pytest.raises(gp.ScenarioFormatError):
            gp.loads(text.replace('"id"', '"ident"', 1), gp.Timeline)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_reads_in_several_threads_give_the_same_values() -> None:
    texts = [gp.dumps(gp.Timeline(gp.timeline().events[i : i + 30])) for i in range(0, 60, 10)]
    wanted = [gp.loads(t, gp.Timeline) for t in texts]
    got: list[list[gp.Timeline]] = [[] for _ in range(4)]

    def read(k: int) -> None:
        for _ in range(5):
            got[k].extend(gp.loads(t, gp.Timeline) for t in texts)

    threads = [threading.Thread(target=read, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(g == wanted * 5 for g in got)
    assert gc.isenabled()
