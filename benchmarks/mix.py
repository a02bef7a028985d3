"""A realistic event mix for the benchmarks: every kind of change, in the proportions of the bundled
timeline, each event carrying the sources, summary and attribution of a real one, with per-party
facts and contested figures as the real timeline has them.

Counts move by zero or one so that any length stays possible (no more released than held). The
events are synthetic: only their shape (kinds, sources, contested values) follows the real data.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

import attrs

import gazaplan as gp

PLAN = gp.plan("2025-09-29")
T0 = dt.datetime(2025, 10, 1, tzinfo=dt.UTC)
REAL = gp.timeline()


def _real(kind: str) -> list[gp.Event]:
    return [e for e in REAL if e.kind == kind]


def realistic(n: int, seed: int = 1, *, plan: gp.Plan = PLAN) -> gp.Timeline:
    """*n* events ten minutes apart, their kinds drawn with the real timeline's frequencies."""
    rng = random.Random(seed)
    parties = [p.id for p in plan.parties]
    lines = [line.id for line in plan.lines]
    reported = [dict(e.change.facts) for e in _real("facts_reported")]  # type: ignore[union-attr]
    reported += [
        {"response.israel": gp.Response.ACCEPTED},
        {"approved.israel": True, "guarantee_given": True},
        {"established.board-of-peace": True, "phase_two_launched": True},
    ]
    reported = [
        {
            k: v
            for k, v in facts.items()
            if not k.startswith("hostages_") and not k.endswith("_returned")
        }
        or {"ceasefire_in_force": True}
        for facts in reported
    ]  # absolute counts would have to keep rising: the count-moving kinds below do that
    makers: dict[str, Callable[[], gp.Change]] = {
        "facts_reported": lambda: gp.FactsReported(rng.choice(reported)),
        "remains_returned": lambda: gp.RemainsReturned(0, israeli=0),
        "violation_alleged": lambda: gp.ViolationAlleged(
            rng.choice(parties), rng.choice(parties), "alleged breach"
        ),
        "responded": lambda: gp.Responded(rng.choice(parties), rng.choice(list(gp.Response))),
        "gazan_remains_returned": lambda: gp.GazanRemainsReturned(rng.randint(0, 15)),
        "crossing": lambda: gp.CrossingChanged(rng.choice(list(gp.Crossing))),
        "body_established": lambda: gp.BodyEstablished(rng.choice(parties)),
        "approved": lambda: gp.Approved(rng.choice(parties)),
        "ceasefire": lambda: gp.CeasefireChanged(rng.random() < 0.8),
        "redeployed": lambda: gp.Redeployed(rng.choice(lines)),
        "hostages_released": lambda: gp.HostagesReleased(0),
        "prisoners_released": lambda: gp.PrisonersReleased(0, rng.randint(0, 1)),
        "resolution_adopted": lambda: gp.ResolutionAdopted(rng.choice(parties), "resolution"),
        "aid": lambda: gp.AidDelivered(rng.randint(100, 800)),
    }
    weights = {kind: len(_real(kind)) or 1 for kind in makers}
    kinds = list(makers)
    templates = {kind: _real(kind) or list(REAL) for kind in makers}
    events = []
    for i, kind in enumerate(rng.choices(kinds, [weights[k] for k in kinds], k=n)):
        like = rng.choice(templates[kind])
        events.append(
            attrs.evolve(
                like, id=f"e{i}", at=T0 + dt.timedelta(minutes=10 * i), change=makers[kind]()
            )
        )
    return gp.Timeline(tuple(events))
