"""The ``gazaplan data`` and ``gazaplan event`` commands: the bundled dataset and its releases.

``data validate [FILE...]`` reads dataset files (the bundled one by default) as the library reads
them, against the bundled plan; ``data releases`` lists the releases, how far each reaches and what
it leaves unknown; ``data diff [OLD] [NEW]`` prints the release notes and the verdicts the newer
data changes; ``event new`` prints a commented template of an entry.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, TextIO

import attrs

from .. import catalog
from ..desk import tables as t
from ..exceptions import InvalidValueError, ScenarioFormatError, UnknownVersionError
from ..time.datasets import Dataset
from ._options import Handler, bundled_plan, emit, need_text, problem_rows

__all__ = ["HANDLERS", "TEMPLATE", "release_index"]


def _dataset(args: argparse.Namespace) -> Dataset:
    path = getattr(args, "file", None)
    if path is None:
        return catalog.dataset()
    need_text(path, "--file")
    from ..files.documents import load

    return load(path, Dataset, plan=bundled_plan(args.plan_version))


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    from ..files.documents import load
    from ..time.anomalies import anomalies

    plan = bundled_plan(args.plan_version)
    judge = plan if args.plan_version else catalog.plan_versions()
    files: list[dict[str, Any]] = []
    for name in args.files or [None]:
        shown = name if name is not None else f"(bundled) gazaplan/catalog/{catalog.DATA_FILE}"
        problems: list[dict[str, Any]] = []
        ds: Dataset | None = None
        try:
            ds = catalog.dataset() if name is None else load(name, Dataset, plan=plan)
        except ScenarioFormatError as e:
            problems = problem_rows(e)
            sys.stderr.write(f"gazaplan: error: {e}\n")
        row: dict[str, Any] = {"file": shown, "valid": not problems, "problems": problems}
        found = None
        if ds is not None:
            row |= {"entries": len(ds), "releases": [r.version for r in ds.releases]}
            found = anomalies(judge, ds.timeline())
            row |= {"anomalies": t.anomaly_rows(found)}
        files.append(row)
        if not args.json:
            what = f"{len(ds)} entries, releases {', '.join(row['releases'])}" if ds else "invalid"
            out.write(f"{'ok ' if not problems else 'BAD'} {shown} ({what})\n")
            if found is not None:
                out.write("".join(f"  {line}\n" for line in found.explain().splitlines()))
    if args.json:
        emit(out, "data validate", {"valid": all(f["valid"] for f in files), "files": files})
    return 0 if all(f["valid"] for f in files) else 2


def _releases(args: argparse.Namespace, out: TextIO) -> None:
    ds = _dataset(args)
    rows = []
    for r in ds.releases:
        vetted, every = len(ds.timeline(r.version)), len(ds.timeline(r.version, candidates=True))
        rows.append(
            {
                "version": r.version,
                "as_of": r.as_of,
                "title": r.title,
                "events": vetted,
                "candidates": every - vetted,
                "unknown": list(r.unknown),
            }
        )
    if args.json:
        emit(out, "data releases", {"releases": rows})
        return
    for r, row in zip(ds.releases, rows, strict=True):
        out.write(f"{r}\n  {row['events']} vetted events, {row['candidates']} candidates\n")
        for u in r.unknown:
            out.write(f"  unknown: {u}\n")


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    from ..whatif.releases import release_notes

    ds = _dataset(args)
    _release_order(ds, args.old, args.new)
    notes = release_notes(
        ds, args.old, args.new, plan=bundled_plan(args.plan_version), candidates=args.candidates
    )
    if args.json:
        corrected = [{"old": o.key, "new": n.key, "reason": n.reason} for o, n in notes.corrected]
        retracted = [{"id": o.key, "by": n.key, "reason": n.reason} for o, n in notes.retracted]
        changed = [attrs.asdict(c) for c in notes.changes]
        payload = {
            "old": notes.old.version,
            "new": notes.new.version,
            "old_as_of": notes.old.as_of,
            "new_as_of": notes.new.as_of,
            "plan_version": notes.plan_version,
            "added": [e.key for e in notes.added],
            "corrected": corrected,
            "retracted": retracted,
            "verdicts": changed,
            "unknown": list(notes.new.unknown),
        }
        emit(out, "data diff", payload)
    else:
        out.write(notes.explain() + "\n")
    return 1 if args.exit_code and notes.changes else 0


def release_index(ds: Dataset, version: str | None, option: str) -> int | None:
    """The index of the release *version* names (None: not given); an unknown one names
    *option*."""
    if version is None:
        return None
    try:
        return ds.releases.index(ds.release(version))
    except UnknownVersionError as exc:
        raise UnknownVersionError(exc.id, exc.known, where=option) from None


def _release_order(ds: Dataset, old: str | None, new: str | None) -> None:
    """Refuse OLD and NEW given the wrong way round, or the same release twice."""
    i, j = release_index(ds, old, "data diff OLD"), release_index(ds, new, "data diff NEW")
    if i is None or j is None or i < j:
        return
    problem = (
        "OLD and NEW are the same release, so there is nothing to compare"
        if i == j
        else f"OLD ({old}) is a later release than NEW ({new})"
    )
    raise InvalidValueError(
        "data diff OLD NEW",
        f"{old} {new}",
        problem,
        "Give the older release first, such as: gazaplan data diff 2026.05 2026.10.",
    )


TEMPLATE = """\
# A new entry for the dataset file (gazaplan/catalog/data/timeline.toml, or your own).
# Paste it where its instant belongs: entries are kept in order of their events' instants.
# Then run `gazaplan data validate FILE`: every problem is listed with its line.

[[entries]]
added_in = "{release}"              # the release it first appears in ("YYYY.MM")
coded_by = "your name or team"
status = "candidate"                # "vetted" once someone else has checked it against its sources
# reviewed_by = "who checked it, and how"   (required when vetted)
# supersedes = "old-entry-id"       # a correction: the old entry stays, marked; add a reason
# revises = ["earlier-entry-id"]    # a later development that qualifies an earlier event
# reason = "what was wrong, and what the sources now say"

[entries.event]
id = "YYYY-MM-DD-short-name"        # stable: never reused, never changed
at = YYYY-MM-DDT00:00:00+03:00      # with an offset; a source giving only the day: midnight local
precision = "day"                   # or "instant" when the source gives the time
summary = "What happened, in your own words (paraphrase; never copy a source's sentence)."
reported_by = "who states it, attributed neutrally"
# confidence = "sources disagree"   # when they do: then hold contested values as claims
# note = "caveats"

[entries.event.change]
kind = "reported"                   # one of: {kinds}
topics = ["ceasefire"]

[[entries.event.sources]]
tag = "TL-YYYY-MM-DD-1"             # a tag names one source everywhere
title = "The headline as found"
outlet = "Who published it (the agency in brackets for a syndication)"
date = YYYY-MM-DD
url = "https://..."
"""


def _event_new(args: argparse.Namespace, out: TextIO) -> None:
    from ..time.events import KINDS

    release = catalog.dataset().latest.version
    out.write(TEMPLATE.format(release=release, kinds=", ".join(KINDS.by_tag)))


def _export(args: argparse.Namespace, out: TextIO) -> None:
    need_text(args.directory, "data export PATH")
    plan = bundled_plan(args.plan_version) if args.plan_version else catalog.plan_versions()
    ds = _dataset(args)
    release_index(ds, args.release, "--release")
    if args.format == "sqlite":
        from ..desk.database import database_tables, write_database

        paths: tuple[Path, ...] = write_database(
            database_tables(plan, ds, release=args.release), args.directory
        )
    else:
        from ..desk.pax import export_csv

        if os.path.exists(args.directory) and not os.path.isdir(args.directory):
            raise InvalidValueError(
                "data export DIR",
                args.directory,
                "is a file, not a directory",
                "Name a directory (it is made if missing); the files are written inside it, "
                "or pass --format sqlite to write one database file.",
            )
        paths = export_csv(args.directory, plan, ds, release=args.release)
    if args.json:
        emit(out, "data export", {"wrote": [str(p) for p in paths]})
    else:
        out.write("".join(f"wrote {p}\n" for p in paths))


def _data(args: argparse.Namespace, out: TextIO) -> int | None:
    handlers = {"validate": _validate, "releases": _releases, "diff": _diff, "export": _export}
    handler = handlers[args.data_command]
    return handler(args, out)


def _event(args: argparse.Namespace, out: TextIO) -> None:
    _event_new(args, out)


HANDLERS: dict[str, Handler] = {"data": _data, "event": _event}
