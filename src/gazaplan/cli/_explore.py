"""The handler of ``gazaplan explore``: every order of the bundled model's moves, exhaustively,
from the plan's facts at publication (hostage counts as ``--living``/``--deceased`` give them).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .. import catalog
from ..core.conditions import Condition, Not
from ..core.models import Model
from ..core.plans import Plan
from ..exceptions import InvalidValueError
from ..exploration._limits import BYTES_PER_STATE, MAX_STATES, StateLimit, state_limit
from ..exploration.search import Exploration, SearchProgress, explore
from ._options import Handler, emit

__all__ = ["HANDLERS"]


def _explore(args: argparse.Namespace, out: TextIO) -> int | None:
    check_options(args)
    limit = state_limit(args.max_states, where="--max-states")
    check_counts(args.living, args.deceased, limit)
    plan = catalog.plan(args.plan_version)
    if args.to_promela is not None:
        with _counts_named(args):
            _write_promela(args, plan, out, limit)
        return None
    started = time.perf_counter()
    with _counts_named(args):
        found = _search(args, plan, limit, started)
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
        scope = "the whole plan's" if args.whole_plan else "the phases 1-2"
        out.write(f"Plan version {plan.version} ({used} the parties' stated positions); {scope} "
                  f"model with {args.living} living and {args.deceased} deceased hostages; every "
                  "move is hypothetical.\n\n")  # fmt: skip
        out.write(found.explain())
        if wrote:
            out.write(f"\nwrote the witness to {wrote} (replay it: gazaplan check {wrote})\n")
    return 130 if found.interrupted else None


def _search(args: argparse.Namespace, plan: Plan, limit: StateLimit, started: float) -> Exploration:
    return explore(
        plan, actions=_model(args, limit),
        start=catalog.model_start(plan, args.living, args.deceased, whole_plan=args.whole_plan),
        positions=args.positions,
        never=args.never, targets=args.target or None, max_depth=args.max_depth, max_states=limit,
        invariants=[invariant(plan, text) for text in args.invariant],
        progress=None if args.quiet or not sys.stderr.isatty() else _progress_line(started),
        interruptible=True, engine=args.engine,
    )  # fmt: skip


@contextlib.contextmanager
def _counts_named(args: argparse.Namespace) -> Iterator[None]:
    """A condition too wide for its table because of the hostage counts, said as the counts'
    options (the engine knows variables, the user typed ``--living`` and ``--deceased``)."""
    try:
        yield
    except InvalidValueError as e:
        if e.where != "condition":
            raise
        name, value = (("--living", args.living) if args.living >= args.deceased
                       else ("--deceased", args.deceased))  # fmt: skip
        raise InvalidValueError(
            name, value,
            f"with --living {args.living} and --deceased {args.deceased}, the condition "
            f"{e.value!r} {_problem(e).removeprefix('it ')}",
            "Pass smaller counts (fewer hostages make a smaller model with the same structure).",
        ) from None  # fmt: skip


def _problem(e: InvalidValueError) -> str:
    """The problem an :class:`InvalidValueError` states, without its place, value and fix."""
    return str(e).split("; ", 1)[-1].rsplit(". ", 1)[0]


def check_options(args: argparse.Namespace) -> None:
    """Refuse options that cannot work before anything is explored, each error naming the option.

    Raises:
        InvalidValueError: a negative count or depth, an empty ``--target``, ``--never``,
            ``--invariant`` or file name, ``--witness-of`` without ``--witness``, or a witness
            file whose suffix gives no format.
    """
    for name in ("living", "deceased", "max_depth"):
        value = getattr(args, name)
        if value is not None and value < 0:
            option = "--" + name.replace("_", "-")
            raise InvalidValueError(
                option, value, "a count is 0 or more", f"Pass {option} 0 or more."
            )
    for name, example in (("target", "phase-2.completion"), ("never", "hamas:release"),
                          ("invariant", "not phase-2.completion")):  # fmt: skip
        for text in getattr(args, name):
            if not text.strip() or text.strip().startswith(":"):
                raise InvalidValueError(f"--{name}", text, "the value is empty",
                                        f"Write e.g. --{name} {example!r}, or leave it out.")  # fmt: skip
    for name in ("witness", "to_promela"):
        value = getattr(args, name)
        if value is not None and not value.strip():
            option = "--" + name.replace("_", "-")
            raise InvalidValueError(
                option, value, "the file name is empty", f"Name a file after {option}."
            )
    if args.witness_of is not None and args.witness is None:
        raise InvalidValueError("--witness-of", args.witness_of, "says which witness to write, but "
                                "--witness names no file to write it to",
                                "Add --witness FILE.toml, or leave --witness-of out.")  # fmt: skip
    if args.witness is not None:
        path = Path(args.witness)
        if path.suffix.lower() not in (".json", ".toml"):
            raise InvalidValueError("--witness", args.witness, "its suffix gives no format",
                                    "Name a .toml or .json file.")  # fmt: skip
        if not path.parent.is_dir():
            raise InvalidValueError("--witness", args.witness, "its folder does not exist",
                                    "Create the folder, or name a file in one that exists.")  # fmt: skip


def check_counts(living: int, deceased: int, limit: StateLimit) -> None:
    """Refuse hostage counts whose returns alone make more states than the limit, before the
    model (a value per count) is built.

    Each count is a variable of the bundled model with a value from 0 to the count, each
    returned one at a time by its own move, so a search in which both moves can be made visits at
    least ``(living + 1) * (deceased + 1)`` states.

    Args:
        living: ``--living``.
        deceased: ``--deceased``.
        limit: the state limit.

    Raises:
        InvalidValueError: naming the larger count's option, its value and the largest it may
            be with the other count.
    """
    combos = (living + 1) * (deceased + 1)
    if combos <= limit.states:
        return
    name, value, other, other_value = (("--living", living, "--deceased", deceased)
                                       if living >= deceased
                                       else ("--deceased", deceased, "--living", living))  # fmt: skip
    most = limit.states // (other_value + 1) - 1
    smaller = (f"Pass {name} {most:,} or less with {other} {other_value}" if most >= 0 else
               f"Pass smaller counts, so that (living + 1) x (deceased + 1) is {limit.states:,} "
               "or less")  # fmt: skip
    raise InvalidValueError(
        name, value,
        f"with {other} {other_value}, the hostages' returns alone make {combos:,} states "
        f"(({name[2:]} + 1) x ({other[2:]} + 1)), more than the state limit of {limit.explain()}",
        f"{smaller} (fewer hostages make a smaller model with the same structure), or raise the "
        f"limit with --max-states N (at most {MAX_STATES:,}) or more memory.",
    )  # fmt: skip


def _model(args: argparse.Namespace, limit: StateLimit) -> Model:
    """The bundled model for ``--living`` and ``--deceased`` (a value per hostage), the memory
    running out while it is built refused as the state limit is."""
    try:
        return catalog.model(args.living, args.deceased, whole_plan=args.whole_plan)
    except MemoryError:
        raise InvalidValueError(
            "--living" if args.living >= args.deceased else "--deceased",
            max(args.living, args.deceased),
            f"the memory ran out (MemoryError) building the model, a value per hostage, under "
            f"the state limit of {limit.explain()}",
            "Pass fewer hostages, or a --max-states the memory allows (about "
            f"{BYTES_PER_STATE} bytes a state), or give the process more memory.",
        ) from None


def _json(
    plan: Plan, args: argparse.Namespace, found: Exploration, wrote: str | None
) -> dict[str, Any]:
    def one(f: Any) -> dict[str, Any]:
        return {"finding": f.what, "reachable": f.reachable, "possibly": f.possibly,
                "depth": f.depth, "from_every_start": f.from_every_start, "loop": f.loop,
                "witness": [{"party": e.reported_by, "move": e.summary} for e in f.witness]}  # fmt: skip

    return {
        "plan_version": plan.version, "positions": args.positions,
        "whole_plan": args.whole_plan, "states": found.states,
        "transitions": found.transitions, "depth": found.depth, "complete": found.complete,
        "interrupted": found.interrupted, "deadlocks": found.deadlocks, "stuck": list(found.stuck),
        "targets": [{"target": f.what, **one(f)} for f in found.targets],
        "invariants": [{"invariant": f.what, "broken": f.reachable, **one(f),
                        "verdict": str(dict(f.verdicts).get(f.what, ""))} for f in found.invariants],
        "livelock": None if found.livelock is None else one(found.livelock),
        "engine": found.engine,
        "max_states": None if found.limit is None else found.limit.states,
        "max_states_set_by": None if found.limit is None else found.limit.source,
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

    if text.strip().lower().endswith((".json", ".toml")) or "/" in text or Path(text).exists():
        # a file's name: read (a missing or unreadable file is said so, naming it)
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


def _write_promela(args: argparse.Namespace, plan: Plan, out: TextIO, limit: StateLimit) -> None:
    from ..analysis.implicants import resolve
    from ..exploration.promela import to_promela
    from ..files._io import write_atomically
    from ..whatif.positions import under_positions

    judged = under_positions(plan) if args.positions else plan
    model = _model(args, limit)
    for item in args.never:
        party, _, action = item.partition(":")
        model = model.never(party, action or None)
    start = catalog.model_start(judged, args.living, args.deceased, whole_plan=args.whole_plan)
    targets = [resolve(judged, t) for t in args.target]
    write_atomically(args.to_promela, to_promela(judged, model, start, targets=targets))
    if args.json:
        emit(out, "explore", {"wrote": args.to_promela})
    else:
        out.write(f"wrote {args.to_promela} (compile: spin -a FILE; gcc -DNOREDUCE -o pan pan.c; "
                  "./pan -E)\n")  # fmt: skip


HANDLERS: dict[str, Handler] = {"explore": _explore}
