"""The handler of ``gazaplan explore``: every order of the bundled model's moves, exhaustively,
from the plan's facts at publication (hostage counts as ``--living``/``--deceased`` give them).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from . import catalog
from ._commands import Handler, emit
from .exceptions import InvalidValueError
from .exploration import explore
from .plans import Plan

__all__ = ["HANDLERS"]


def _explore(args: argparse.Namespace, out: TextIO) -> None:
    for name in ("living", "deceased"):
        if getattr(args, name) < 0:
            raise InvalidValueError(f"--{name}", getattr(args, name), "a count is 0 or more",
                                    f"Pass --{name} 0 or more.")  # fmt: skip
    plan = catalog.plan(args.plan_version)
    if args.to_promela is not None:
        _write_promela(args, plan, out)
        return
    found = explore(
        plan, actions=catalog.model(args.living, args.deceased),
        start=catalog.model_start(plan, args.living, args.deceased), positions=args.positions,
        never=args.never, targets=args.target or None, max_depth=args.max_depth,
    )  # fmt: skip
    if args.json:
        emit(out, "explore", {
            "plan_version": plan.version, "positions": args.positions, "states": found.states,
            "transitions": found.transitions, "depth": found.depth, "complete": found.complete,
            "deadlocks": found.deadlocks, "stuck": list(found.stuck),
            "targets": [{"target": f.what, "reachable": f.reachable, "depth": f.depth,
                         "from_every_start": f.from_every_start,
                         "witness": [{"party": e.reported_by, "move": e.summary} for e in f.witness]}
                        for f in found.targets],
        })  # fmt: skip
        return
    used = "with" if args.positions else "without"
    out.write(f"Plan version {plan.version} ({used} the parties' stated positions); the bundled "
              f"model with {args.living} living and {args.deceased} deceased hostages; every move "
              "is hypothetical.\n\n")  # fmt: skip
    out.write(found.explain())


def _write_promela(args: argparse.Namespace, plan: Plan, out: TextIO) -> None:
    from ._files import write_atomically
    from .implicants import resolve
    from .promela import to_promela
    from .whatif import under_positions

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
