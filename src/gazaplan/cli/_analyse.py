"""The handler of ``gazaplan analyse`` (``analyze``): the structure report of the bundled (or a
file's) plan, from the state the timeline reaches at ``--at`` (the release's as_of by default).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from ..analysis.structural import analyse
from ..exceptions import InvalidValueError
from ..time.compliance import edge_note
from ..time.histories import replay
from ._options import (
    Handler,
    at_words,
    bundled_release,
    default_at,
    emit,
    plan_and_timeline,
    plan_at,
    replayed,
)

__all__ = ["HANDLERS"]


def _analyse(args: argparse.Namespace, out: TextIO) -> None:
    if args.limit < 0:
        raise InvalidValueError(
            "--limit", args.limit, "the largest set of changes is 0 or more", "Pass --limit 8."
        )
    plan, tl = plan_and_timeline(args)
    release = bundled_release(args)
    at = default_at(args, tl, plan)
    plan = plan_at(args, plan, at)
    state = replay(plan, tl, at=at, assume_unchanged=args.assume_unchanged)
    report = analyse(plan, state, positions=args.positions, on=at.date(), phase=args.phase,
                     limit=args.limit)  # fmt: skip
    as_of = tl.data_as_of
    beyond = as_of is not None and at > as_of
    note = edge_note(as_of, at, args.assume_unchanged) if as_of is not None and beyond else ""
    if args.json:
        payload = {"at": at, "version": plan.version, "release": release.version if release else None,
                   "data_as_of": as_of, "beyond_data": beyond, "note": note}  # fmt: skip
        emit(out, "analyse", {**payload, **report.to_json()})
        return
    which = replayed(args, release)
    out.write(
        f"State: {which} replayed to {at_words(args, at)}, under plan version {plan.version}; "
        "facts no source gives are unknown.\n"
    )
    out.write(f"Note: {note}\n\n" if note else "\n")
    out.write(report.explain())


HANDLERS: dict[str, Handler] = {"analyse": _analyse, "analyze": _analyse}
