"""No shared state a caller can break: results are immutable all the way down, the plan's caches are
bounded, and plans and results pickle after use (so they cross process boundaries)."""

from __future__ import annotations

import concurrent.futures
import gc
import multiprocessing
import pickle
import weakref
from typing import Any

import attrs
import pytest

import gazaplan as gp
from gazaplan.core._frozenmap import FrozenMap

MUTABLE = (list, dict, set, bytearray)


def _mutable_parts(obj: Any, seen: set[int], where: str = "") -> list[str]:
    if id(obj) in seen or isinstance(obj, str | int | float | bool | gp.Verdict):
        return []
    seen.add(id(obj))
    if isinstance(obj, MUTABLE):
        return [f"{where}: {type(obj).__name__}"]
    found = []
    if attrs.has(type(obj)):
        for f in attrs.fields(type(obj)):
            if f.name != "_cache":  # the plan's private cache: pure, bounded, never pickled
                found += _mutable_parts(getattr(obj, f.name), seen, f"{where}.{f.name}")
    elif isinstance(obj, tuple | frozenset):
        for i, x in enumerate(obj):
            found += _mutable_parts(x, seen, f"{where}[{i}]")
    elif isinstance(obj, FrozenMap):
        for k, v in obj.items():
            found += _mutable_parts(v, seen, f"{where}[{k!r}]")
    return found


def test_a_history_cannot_be_changed_by_its_reader() -> None:
    plan, timeline = gp.plan(), gp.timeline()
    before = [c.status for c in gp.compliance(plan, timeline).items]
    changes = gp.history(plan, timeline).changes
    with pytest.raises((TypeError, AttributeError)):
        changes.clear()  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        changes["idf_line"] = ()  # type: ignore[index]
    assert [c.status for c in gp.compliance(gp.plan(), gp.timeline()).items] == before


def test_results_hold_no_mutable_containers() -> None:
    plan, timeline = gp.plan(), gp.timeline()
    state = gp.replay(plan, timeline)
    results = [
        gp.history(plan, timeline),
        gp.check_plan(plan, state),
        gp.compliance(plan, timeline),
        gp.diff(gp.plan("2025-09-29"), plan),
        gp.compare(gp.plan("2025-09-29"), plan, timeline),
        gp.check_scenario(gp.Scenario(name="s", version="2025-09-29", timeline=timeline)),
    ]
    for result in results:
        assert _mutable_parts(result, set(), type(result).__name__) == []


def test_replaying_many_new_timelines_keeps_a_bounded_cache() -> None:
    plan = gp.plan("2025-09-29")
    first = gp.Timeline(gp.timeline().events[:2])
    gone = weakref.ref(first)
    gp.history(plan, first)
    for n in range(200):
        gp.history(plan, gp.Timeline(gp.timeline().events[: n % 30]))
    del first
    gc.collect()
    assert gone() is None  # evicted and freed
    assert len(plan._cache.histories) <= 16


def _phase_verdict(plan: gp.Plan, phase: str, state: gp.State) -> str:
    return str(gp.check_phase(plan, phase, state).verdict)


def test_plans_and_results_pickle_after_use_and_cross_processes() -> None:
    plan, timeline = gp.plan(), gp.timeline()
    state = gp.replay(plan, timeline)
    used = [
        plan,
        gp.check_plan(plan, state),
        gp.compliance(plan, timeline),
        gp.history(plan, timeline),
        gp.evaluate(plan.phase("phase-2").entry, state, plan=plan),
    ]
    for obj in used:
        again = pickle.loads(pickle.dumps(obj))
        assert again == obj
    back = pickle.loads(pickle.dumps(plan))
    assert len(back._cache) == 0  # the cache pickles empty: a plan is its data
    assert back == plan
    assert hash(back) == hash(plan)
    phases = [p.id for p in plan.phases]
    spawn = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=spawn) as pool:
        remote = list(pool.map(_phase_verdict, [plan] * len(phases), phases, [state] * len(phases)))
    assert remote == [_phase_verdict(plan, p, state) for p in phases]
