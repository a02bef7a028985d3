"""The handler of ``gazaplan explore``: every order of the bundled model's moves, exhaustively,
from the plan's facts at publication (hostage counts as ``--living``/``--deceased`` give them).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from .. import catalog
from ..core.conditions import Condition, Not
from ..core.plans import Plan
from ..exceptions import InvalidValueError
from ..exploration.search import Exploration, SearchProgress, explore
from ._options import Handler, emit

__all__ = ["HANDLERS"]


def _explore(args: argparse.Namespace, out: TextIO) -> int | None:
    for name in ("living", "deceased"):
        if getattr(args, name) < 0:
            raise InvalidValueError(f"--{name}", getattr(args, name), "a count is 0 or more",
                                    f"Pass --{name} 0 or more.")  # fmt: skip
    plan = catalog.plan(args.plan_version)
    if args.to_promela is not None:
        _write_promela(args, plan, out)
        return None
    started = time.perf_counter()
    found = explore(
        plan, actions=catalog.model(args.living, args.deceased),
        start=catalog.model_start(plan, args.living, args.deceased), positions=args.positions,
        never=args.never, targets=args.target or None, max_depth=args.max_depth,
        invariants=[invariant(plan, text) for text in args.invariant],
        progress=None if args.quiet or not sys.stderr.isatty() else _progress_line(started),
        interruptible=True,
    )  # fmt: skip
    if not args.quiet and sys.stderr.isatty():
        sys.stderr.write("\r\033[K")
    wrote = None
    if args.witness is not None:
        from ..files.documents import dump_scenario

        dump_scenario(found.scenario(args.witness_of), args.witness)
        wrote = args.witness
    if args.json:
        emit(out, "explore", _json(plan, args, found, wrote))
    else:
        used = "with" if args.positions else "without"
        out.write(f"Plan version {plan.version} ({used} the parties' stated positions); the bundled "
                  f"model with {args.living} living and {args.deceased} deceased hostages; every "
                  "move is hypothetical.\n\n")  # fmt: skip
        out.write(found.explain())
        if wrote:
            out.write(f"\nwrote the witness to {wrote} (replay it: gazaplan check {wrote})\n")
    return 130 if found.interrupted else None


def _json(
    plan: Plan, args: argparse.Namespace, found: Exploration, wrote: str | None
) -> dict[str, Any]:
    def one(f: Any) -> dict[str, Any]:
        return {"finding": f.what, "reachable": f.reachable, "possibly": f.possibly,
                "depth": f.depth, "from_every_start": f.from_every_start, "loop": f.loop,
                "witness": [{"party": e.reported_by, "move": e.summary} for e in f.witness]}  # fmt: skip

    return {
        "plan_version": plan.version, "positions": args.positions, "states": found.states,
        "transitions": found.transitions, "depth": found.depth, "complete": found.complete,
        "interrupted": found.interrupted, "deadlocks": found.deadlocks, "stuck": list(found.stuck),
        "targets": [{"target": f.what, **one(f)} for f in found.targets],
        "invariants": [{"invariant": f.what, "broken": f.reachable, **one(f),
                        "verdict": str(dict(f.verdicts).get(f.what, ""))} for f in found.invariants],
        "livelock": None if found.livelock is None else one(found.livelock),
        "witness_file": wrote,
    }  # fmt: skip


def _progress_line(started: float) -> Any:
    def show(p: SearchProgress) -> None:
        rate = p.states / max(time.perf_counter() - started, 1e-9)
        sys.stderr.write(f"\r\033[Kexploring: {p.states:,} states, {rate:,.0f} states/s, depth "
                         f"{p.depth} (Ctrl-C stops and reports)")  # fmt: skip
        sys.stderr.flush()

    return show


def invariant(plan: Plan, text: str) -> tuple[str, Condition]:
    """An ``--invariant``: ``FACT=VALUE``, ``FACT!=VALUE``, a target (``not TARGET``), or a
    condition file."""
    from ..analysis.implicants import resolve
    from ..files.documents import load, loads

    if text.endswith((".json", ".toml")) and Path(text).is_file():
        loaded: Condition = load(text, Condition)  # type: ignore[arg-type]
        return text, loaded
    negated = text.startswith("not ")
    body = text[4:].strip() if negated else text.strip()
    if "=" in body:
        fact, value = body.split("=", 1)
        negated, fact = negated != fact.endswith("!"), fact.rstrip("!").strip()
        try:
            raw: Any = json.loads(value)
        except ValueError:
            raw = value.strip()
        doc = {
            "schema_version": 1,
            "document": "condition",
            "kind": "equals",
            "fact": fact,
            "value": raw,
        }
        where = f"--invariant {text!r}"
        cond: Condition = loads(json.dumps(doc), Condition, file=where)  # type: ignore[arg-type]
    else:
        cond = resolve(plan, body)[1]
    return text, Not(cond) if negated else cond


def _write_promela(args: argparse.Namespace, plan: Plan, out: TextIO) -> None:
    from ..analysis.implicants import resolve
    from ..exploration.promela import to_promela
    from ..files._io import write_atomically
    from ..whatif.positions import under_positions

    judged = under_positions(plan) if args.positions else plan
    model = catalog.model(args.living, args.deceased)
    for item in args.never:
        party, _, action = item.partition(":")
        model = model.never(party, action or None)
    start = catalog.model_start(judged, args.living, args.deceased)
    targets = [resolve(judged, t) for t in args.target]
    write_atomically(args.to_promela, to_promela(judged, model, start, targets=targets))
    if args.json:
        emit(out, "explore", {"wrote": args.to_promela})
    else:
        out.write(f"wrote {args.to_promela} (compile: spin -a FILE; gcc -DNOREDUCE -o pan pan.c; "
                  "./pan -E)\n")  # fmt: skip


HANDLERS: dict[str, Handler] = {"explore": _explore}
