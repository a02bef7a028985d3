"""What the commands share: reading the options every command takes (``--plan``, ``--at``,
``--timeline``, ``--release``) into a plan, a timeline and an instant, and ``--json`` output.

Each handler takes the parsed arguments and the output stream and returns the exit code (None
for 0). With ``--json`` a handler prints one JSON document built from the same rows as the
tables (:mod:`gazaplan.desk.tables`), so the text, the tables and the JSON say the same thing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import json
from collections.abc import Callable
from typing import Any, TextIO

from .. import catalog
from ..core._checks import need_instant
from ..core.plans import Plan
from ..exceptions import InvalidValueError, ScenarioFormatError
from ..time.datasets import Release
from ..time.timelines import Timeline

__all__ = [
    "Handler",
    "at_arg",
    "bundled_release",
    "data_as_of",
    "emit",
    "instant",
    "need_text",
    "plan_and_timeline",
    "problem_rows",
    "timeline_arg",
]

Handler = Callable[[argparse.Namespace, TextIO], int | None]


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, enum.Enum):
        return str(value)
    if isinstance(value, frozenset | set):
        return sorted(str(v) for v in value)
    return str(value)


def emit(out: TextIO, command: str, payload: dict[str, Any]) -> None:
    doc = {"command": command, **payload}
    out.write(json.dumps(doc, indent=2, ensure_ascii=False, default=_default) + "\n")


def instant(text: str, where: str = "--at") -> dt.datetime:
    try:
        at = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidValueError(
            where, text, "not an RFC 3339 instant", "Write e.g. 2025-10-13T12:00+03:00."
        ) from None
    if at.utcoffset() is None:
        raise InvalidValueError(where, text, "the instant has no offset", "Add one: +03:00 or Z.")
    need_instant(at, where)
    return at


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
        return catalog.plan(wanted), catalog.timeline(release)
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
        return scenario.plan(), scenario.timeline
    if kind == "timeline":
        plan = catalog.plan(wanted)
        return plan, load(path, Timeline, plan=plan)
    raise InvalidValueError(
        "--timeline", path, f"the file holds a {kind}", "Pass a timeline or scenario file."
    )


def need_text(value: str, option: str) -> None:
    if not value.strip():
        raise InvalidValueError(
            option, value, "is empty", f"Give {option} a value, or leave it out."
        )


def at_arg(args: argparse.Namespace) -> dt.datetime | None:
    """``--at`` as an instant, or None when not given (an empty ``--at ""`` is refused)."""
    text = getattr(args, "at", None)
    return None if text is None else instant(text)


def bundled_release(args: argparse.Namespace) -> Release | None:
    """The bundled dataset's release a command replays (None for a timeline file)."""
    if getattr(args, "timeline", None) is not None:
        return None
    return catalog.dataset().release(getattr(args, "release", None))


def problem_rows(e: ScenarioFormatError) -> list[dict[str, Any]]:
    """A reading error's problems as rows for ``--json`` (message, path, line)."""
    return [{"message": p.message, "path": p.path, "line": p.line} for p in e.problems]


def data_as_of(args: argparse.Namespace) -> dt.datetime | None:
    """The as_of of the bundled release a command replays (None for a timeline file)."""
    release = bundled_release(args)
    return release.as_of if release is not None else None
