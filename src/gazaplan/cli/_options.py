"""What the commands share: reading the options every command takes (``--plan``, ``--at``,
``--timeline``, ``--release``) into a plan, a timeline and an instant, and ``--json`` output.

Each handler takes the parsed arguments and the output stream and returns the exit code (None
for 0). With ``--json`` a handler prints one JSON document built from the same rows as the
tables (:mod:`gazaplan.desk.tables`), so the text, the tables and the JSON say the same thing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from .. import catalog
from ..core.instants import how_read, read_instant
from ..core.plans import Plan
from ..desk.tables import json_default
from ..exceptions import InvalidValueError, ScenarioFormatError, UnknownVersionError
from ..time.compliance import in_force
from ..time.datasets import Release
from ..time.timelines import Timeline

__all__ = [
    "Handler",
    "at_arg",
    "at_words",
    "bundled_plan",
    "bundled_release",
    "bundled_timeline",
    "data_as_of",
    "default_at",
    "emit",
    "exported",
    "instant",
    "judging",
    "need_text",
    "plan_and_timeline",
    "plan_at",
    "problem_rows",
    "replayed",
    "timeline_arg",
]

Handler = Callable[[argparse.Namespace, TextIO], int | None]


def emit(out: TextIO, command: str, payload: dict[str, Any]) -> None:
    doc = {"command": command, **payload}
    out.write(json.dumps(doc, indent=2, ensure_ascii=False, default=json_default) + "\n")


def exported(
    args: argparse.Namespace, out: TextIO, command: str, tables: Callable[[], Sequence[Any]]
) -> bool:
    """Write ``--csv PATH`` and ``--parquet PATH`` when given (:mod:`gazaplan.desk.exports`):
    *tables* makes the tables; the paths written are printed (with ``--json``, as one document).
    A PATH is a folder (a file per table and ``datapackage.json``), or a file ending in ``.csv``
    (``.parquet``) for the first table, the others beside it. Returns whether it wrote."""
    given = [(o, getattr(args, o.strip("-"), None)) for o in ("--parquet", "--csv")]
    targets: list[tuple[str, str]] = [(o, path) for o, path in given if path is not None]
    if not targets:
        return False
    from ..desk.exports import write_csv, write_parquet

    for option, path in targets:
        need_text(path, option)
        suffix = "." + option.strip("-")
        if os.path.isfile(path) and not path.lower().endswith(suffix):
            raise InvalidValueError(
                option,
                path,
                "is a file, and not a " + suffix + " file",
                f"Name a folder (made if missing), or a file ending in {suffix}.",
            )
    made = tables()
    wrote: list[str] = []
    for option, path in targets:
        write = write_parquet if option == "--parquet" else write_csv
        wrote += [str(p) for p in write(made, path)]
    if getattr(args, "json", False):
        emit(out, command, {"wrote": wrote})
    else:
        out.write("".join(f"wrote {p}\n" for p in wrote))
    return True


def instant(text: str, where: str = "--at", plan: Plan | None = None) -> dt.datetime:
    """An instant as people write it: a date (the end of that day), a local time or RFC 3339,
    read in the plan's local time (the bundled plan's, +03:00, by default)."""
    need_text(text, where)
    offset = (plan if plan is not None else catalog.plan()).utc_offset_hours
    return read_instant(text, utc_offset_hours=offset, place=where)


def timeline_arg(args: argparse.Namespace) -> Timeline:
    """The bundled timeline, or the one in ``--timeline FILE`` (a timeline or a scenario)."""
    return plan_and_timeline(args)[1]


def plan_and_timeline(args: argparse.Namespace) -> tuple[Plan, Timeline]:
    """The plan and the timeline a command runs on: ``--plan`` (the latest version by default)
    and the bundled timeline, or ``--timeline FILE``. A scenario file brings its own plan (its
    version and amendments) with its events; a ``--plan`` naming another version is refused."""
    path = getattr(args, "timeline", None)
    wanted = getattr(args, "plan_version", None)
    release = getattr(args, "release", None)
    if path is None:
        return bundled_plan(wanted), bundled_timeline(release)
    if release is not None:
        raise InvalidValueError(
            "--release",
            release,
            "a release is of the bundled dataset",
            "Use one of --timeline and --release.",
        )
    need_text(path, "--timeline")
    from ..files.documents import load, load_scenario, peek_kind

    kind = peek_kind(path)
    if kind == "scenario":
        scenario = load_scenario(path)
        if wanted is not None and wanted != scenario.version:
            raise InvalidValueError(
                "--plan",
                wanted,
                f"the scenario {path} runs on version {scenario.version}, with its amendments",
                "Drop --plan to use the scenario's plan, or pass a timeline file instead.",
            )
        args.scenario_plan = True
        return scenario.plan(), scenario.timeline
    if kind == "timeline":
        plan = bundled_plan(wanted)
        return plan, load(path, Timeline, plan=plan)
    raise InvalidValueError(
        "--timeline", path, f"the file holds a {kind}", "Pass a timeline or scenario file."
    )


def bundled_plan(version: str | None, option: str = "--plan") -> Plan:
    """The bundled plan *version* names (None: the latest); an unknown one names *option*."""
    try:
        return catalog.plan(version)
    except UnknownVersionError as exc:
        raise UnknownVersionError(exc.id, exc.known, where=option) from None


def bundled_timeline(release: str | None, option: str = "--release") -> Timeline:
    """The bundled dataset's timeline at *release* (None: the latest); an unknown one names
    *option*."""
    try:
        return catalog.timeline(release)
    except UnknownVersionError as exc:
        raise UnknownVersionError(exc.id, exc.known, where=option) from None


def need_text(value: str, option: str) -> None:
    if not value.strip():
        raise InvalidValueError(
            option, value, "is empty", f"Give {option} a value, or leave it out."
        )


def at_arg(args: argparse.Namespace, plan: Plan | None = None) -> dt.datetime | None:
    """``--at`` as an instant, or None when not given (an empty ``--at ""``, or an instant before
    the plan's publication, is refused)."""
    text = getattr(args, "at", None)
    if text is None:
        return None
    at = instant(text, plan=plan)
    published = catalog.plan(catalog.versions()[0]).in_force
    if at < published:
        raise InvalidValueError(
            "--at",
            text,
            f"that is before the plan was published ({published.date()}), when nothing in it "
            "could be judged",
            f"Pass --at {published.date()} or later.",
        )
    return at


def default_at(args: argparse.Namespace, tl: Timeline, plan: Plan | None = None) -> dt.datetime:
    """The instant a command judges: ``--at``, else the data's as_of, else the last event, else
    the plan's origin (the same default as the library's)."""
    at = at_arg(args, plan) or tl.data_as_of or tl.last
    return at if at is not None else (plan if plan is not None else catalog.plan()).origin


def at_words(args: argparse.Namespace, at: dt.datetime) -> str:
    """The instant judged, echoed as it was read (``2025-11-01T23:59:59+03:00 (2025-11-01 read
    as the end of that day, local time)``), or named as the default it is."""
    text = getattr(args, "at", None)
    return how_read(text, at) if text is not None else f"{at.isoformat()} (the default)"


def replayed(args: argparse.Namespace, release: Release | None) -> str:
    """Which timeline a command replays, in words: a file, or the bundled release and how far
    its data reach."""
    which = "a timeline file" if getattr(args, "timeline", None) else "the bundled timeline"
    if release is not None:
        which += f" (release {release.version}, data as of {release.as_of.date()})"
    return which


def judging(args: argparse.Namespace, plan: Plan) -> Plan | tuple[Plan, ...]:
    """What judges a command's instants: the plan ``--plan`` names or a scenario brings, else
    every bundled version, each instant judged under the version in force then."""
    if getattr(args, "plan_version", None) is not None or getattr(args, "scenario_plan", False):
        return plan
    return catalog.plan_versions()


def plan_at(args: argparse.Namespace, plan: Plan, at: dt.datetime) -> Plan:
    """The one plan a command judges *at* under: ``--plan`` or a scenario's, else the version
    in force then."""
    judge = judging(args, plan)
    return judge if isinstance(judge, Plan) else in_force(judge, at)


def bundled_release(args: argparse.Namespace) -> Release | None:
    """The bundled dataset's release a command replays (None for a timeline file)."""
    if getattr(args, "timeline", None) is not None:
        return None
    try:
        return catalog.dataset().release(getattr(args, "release", None))
    except UnknownVersionError as exc:
        raise UnknownVersionError(exc.id, exc.known, where="--release") from None


def problem_rows(e: ScenarioFormatError) -> list[dict[str, Any]]:
    """A reading error's problems as rows for ``--json`` (message, path, line)."""
    return [{"message": p.message, "path": p.path, "line": p.line} for p in e.problems]


def data_as_of(args: argparse.Namespace) -> dt.datetime | None:
    """The as_of of the bundled release a command replays (None for a timeline file)."""
    release = bundled_release(args)
    return release.as_of if release is not None else None
