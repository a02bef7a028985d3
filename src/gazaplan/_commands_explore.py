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

__all__ = ["HANDLERS"]


def _explore(args: argparse.Namespace, out: TextIO) -> None:
    for name in ("living", "deceased"):
        if getattr(args, name) < 0:
            raise InvalidValueError(f"--{name}", getattr(args, name), "a count is 0 or more",
                                    f"Pass --{name} 0 or more.")  # fmt: skip
    plan = catalog.plan(args.plan_version)
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


HANDLERS: dict[str, Handler] = {"explore": _explore}
