"""The structure report's cost: the bundled plan cold, and generated plans k times its size.

A plan k times the bundled size holds k copies of every phase, obligation and position (ids
suffixed ``-c2``, ``-c3`` ..., phase references renamed within each copy), so every copy has the
bundled structure and the report does k times the work if it grows linearly.

Run: ``python -m benchmarks.bench_analysis`` (prints the series).
"""

from __future__ import annotations

import time
from typing import Any

import attrs

import gazaplan as gp
from gazaplan.core.conditions import AllOf, AnyOf, Condition, Not, PhaseComplete

PLAN = gp.plan()


def _renamed(cond: Condition, suffix: str) -> Condition:
    if isinstance(cond, PhaseComplete):
        return attrs.evolve(cond, phase=cond.phase + suffix)
    if isinstance(cond, AllOf | AnyOf):
        return attrs.evolve(cond, conditions=tuple(_renamed(c, suffix) for c in cond.conditions))
    if isinstance(cond, Not):
        return attrs.evolve(cond, condition=_renamed(cond.condition, suffix))
    return cond


def _copy(obj: Any, suffix: str) -> Any:
    changes: dict[str, Any] = {}
    for name in ("entry", "completion", "trigger"):
        if hasattr(obj, name):
            changes[name] = _renamed(getattr(obj, name), suffix)
    return attrs.evolve(obj, **changes)


def scaled(k: int, plan: gp.Plan = PLAN) -> gp.Plan:
    """*plan* with k copies of its phases, obligations and positions."""
    phases = list(plan.phases)
    positions = list(plan.positions)
    for i in range(2, k + 1):
        sfx = f"-c{i}"
        for p in plan.phases:
            obligations = tuple(attrs.evolve(_copy(o, sfx), id=o.id + sfx) for o in p.obligations)
            phases.append(attrs.evolve(_copy(p, sfx), id=p.id + sfx, obligations=obligations))
        for pos in plan.positions:
            only_if = None if pos.only_if is None else _renamed(pos.only_if, sfx)
            ob = pos.obligation + sfx if pos.obligation else ""
            positions.append(attrs.evolve(pos, obligation=ob, only_if=only_if))
    return attrs.evolve(plan, phases=tuple(phases), positions=tuple(positions))


def state(plan: gp.Plan = PLAN) -> gp.State:
    """The state the bundled data reach (the latest release's as_of)."""
    return gp.replay(plan, gp.timeline(), at=gp.dataset().latest.as_of)


def report_seconds(k: int) -> float:
    """Seconds one structure report takes on a plan k times the bundled size (fresh plan, so no
    cache of an earlier run is warm)."""
    plan = scaled(k)
    st = state(plan)
    t = time.perf_counter()
    gp.analyse(plan, st)
    return time.perf_counter() - t


if __name__ == "__main__":
    for k in (1, 2, 5, 10):
        print(f"{k:>3}x the bundled plan: {report_seconds(k) * 1e3:8.1f} ms")
