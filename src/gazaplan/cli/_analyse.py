"""The handler of ``gazaplan analyse`` (``analyze``): the structure report of the bundled (or a
file's) plan, from the state the timeline reaches at ``--at`` (the release's as_of by default).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from ..analysis.structural import analyse
from ..time.datasets import beyond_data
from ..time.histories import replay
from ._options import Handler, at_arg, bundled_release, emit, plan_and_timeline

__all__ = ["HANDLERS"]


def _analyse(args: argparse.Namespace, out: TextIO) -> None:
    plan, tl = plan_and_timeline(args)
    release = bundled_release(args)
    as_of = release.as_of if release is not None else None
    at = at_arg(args) or as_of or tl.last
    state = replay(plan, tl, at=at)
    on = at.date() if at is not None else None
    report = analyse(plan, state, positions=args.positions, on=on, phase=args.phase,
                     limit=args.limit)  # fmt: skip
    beyond = beyond_data(as_of, at) if as_of is not None and at is not None else ""
    if args.json:
        payload = {"at": at, "release": release.version if release else None,
                   "data_as_of": as_of, "beyond_data": beyond}  # fmt: skip
        emit(out, "analyse", {**payload, **report.to_json()})
        return
    which = "a timeline file" if args.timeline else "the bundled timeline"
    if release is not None:
        which += f" (release {release.version}, data as of {release.as_of.date()})"
    when = at.isoformat() if at is not None else "its end"
    out.write(f"State: {which} replayed to {when}; facts no source gives are unknown.\n")
    out.write(f"Note: {beyond}.\n\n" if beyond else "\n")
    out.write(report.explain())


HANDLERS: dict[str, Handler] = {"analyse": _analyse, "analyze": _analyse}
