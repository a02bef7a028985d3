"""What a dataset release changes: :func:`release_notes`, with the verdicts it changes; and
:func:`plan_problems`, what keeps a dataset from fitting a plan (the loader's check).

The datasets analysts rely on publish what an update adds, corrects and deletes; this module also
says what the update changes in the rules' conclusions. For two releases of a dataset (by default
the latest and the one before), :func:`release_notes` lists

- the entries added (new events, not corrections),
- the entries corrected (the old entry and the one that supersedes it) and those retracted,
- the verdict diff: each phase verdict (preconditions, completion) and each obligation status
  that differs when the same plan is judged on each release's timeline at its own ``as_of``.

The same plan is used for both, so the diff shows what the data changes, not what a new version
of the plan changes (for that, see :func:`gazaplan.diff`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from ..core.rules import check_plan
from ..exceptions import GazaplanError, InvalidValueError
from ..time.compliance import compliance
from ..time.datasets import Dataset, Entry, Release
from ..time.histories import history, replay
from ..time.timelines import check_ids

if TYPE_CHECKING:
    import datetime as dt

    from ..core.plans import Plan
    from ..time.timelines import Timeline

__all__ = ["ReleaseNotes", "VerdictChange", "plan_problems", "release_notes", "verdicts"]

Path = tuple[str | int, ...]


def plan_problems(dataset: Dataset, plan: Plan) -> Iterator[tuple[Path, str]]:
    """What keeps a dataset from fitting a plan, each problem located.

    First the names its events use (every one that is wrong); if they are all the plan's, each
    release's timeline replayed on the plan, candidates included (the first impossible event).

    Args:
        dataset: the dataset.
        plan: the plan it should fit.

    Yields:
        ``(path, message)`` pairs; the path is ``("entries", i, "event")``, or empty where no
        entry can be named.
    """
    bad = False
    for i, e in enumerate(dataset.entries):
        if e.event is not None:
            try:
                check_ids(plan, e.event)
            except GazaplanError as exc:
                bad = True
                yield ("entries", i, "event"), str(exc)
    if bad:
        return  # a replay would stop at the same names
    where = {e.key: i for i, e in enumerate(dataset.entries)}
    for r in dataset.releases:
        try:
            history(plan, dataset.timeline(r.version, candidates=True))
        except GazaplanError as exc:
            event_id = getattr(exc, "event_id", None)
            i = where.get(event_id, -1) if isinstance(event_id, str) else -1
            yield (("entries", i, "event") if i >= 0 else ()), f"in release {r.version}: {exc}"
            return


@attrs.frozen
class VerdictChange:
    """One conclusion that differs between two releases.

    Attributes:
        what: ``"phase"`` or ``"obligation"``.
        id: the phase's or obligation's id.
        aspect: ``"preconditions"`` or ``"completion"`` for a phase, ``"status"`` for an
            obligation.
        before: the conclusion under the older release.
        after: the conclusion under the newer release.
    """

    what: str
    id: str
    aspect: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.what} {self.id} {self.aspect}: {self.before} -> {self.after}"


def verdicts(plan: Plan, timeline: Timeline, at: dt.datetime) -> dict[tuple[str, str, str], str]:
    """The conclusions a release diff compares: every phase verdict and obligation status.

    Args:
        plan: the plan judged.
        timeline: the events replayed on it.
        at: the instant judged (timezone-aware).

    Returns:
        Each conclusion in words, by ``(what, id, aspect)``, such as ``("phase", id, "preconditions")``,
        ``("phase", id, "completion")`` and ``("obligation", id, "status")``.

    Raises:
        InvalidEventError: if an event cannot happen in the state it meets.
    """
    report = check_plan(plan, replay(plan, timeline, at=at))
    out: dict[tuple[str, str, str], str] = {}
    for ph in report.phases:
        out["phase", ph.phase.id, "preconditions"] = str(ph.verdict)
        out["phase", ph.phase.id, "completion"] = str(ph.completion.verdict)
    for item in compliance(plan, timeline, at=at).items:
        out["obligation", item.obligation.id, "status"] = str(item.status)
    return out


@attrs.frozen
class ReleaseNotes:
    """What release *new* changes against release *old*.

    Attributes:
        old: the older release.
        new: the newer release.
        plan_version: the plan judged on both.
        added: entries *new* publishes that *old* did not (corrections excluded).
        corrected: (the corrected entry, the correction) pairs.
        retracted: (the retracted entry, the retraction) pairs.
        changes: the conclusions that differ, phases first.
    """

    old: Release
    new: Release
    plan_version: str
    added: tuple[Entry, ...]
    corrected: tuple[tuple[Entry, Entry], ...]
    retracted: tuple[tuple[Entry, Entry], ...]
    changes: tuple[VerdictChange, ...]

    def explain(self) -> str:
        """The notes as text.

        Returns:
            The releases, the entries added, corrected and retracted, then the verdicts the new
            data changes and what is unknown as of the new release.
        """
        reach = f"  data as of {self.old.as_of.date()} -> {self.new.as_of.date()}; "
        reach += f"plan version {self.plan_version} judged at each release's as_of"
        lines = [
            f"Release {self.new.version} against {self.old.version}",
            reach,
            f"Entries added: {len(self.added)}",
            *(f"  + {e.key}" for e in self.added),
            f"Entries corrected: {len(self.corrected)}",
            *(f"  ~ {old.key} -> {fix.key}: {fix.reason}" for old, fix in self.corrected),
            f"Entries retracted: {len(self.retracted)}",
            *(f"  - {old.key} ({notice.key}): {notice.reason}" for old, notice in self.retracted),
            f"Verdicts changed: {len(self.changes)}",
            *(f"  {c}" for c in self.changes),
        ]
        if self.new.unknown:
            lines.append(f"Unknown as of {self.new.as_of.date()}:")
            lines += [f"  ? {u}" for u in self.new.unknown]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()


def release_notes(
    dataset: Dataset,
    old: str | None = None,
    new: str | None = None,
    *,
    plan: Plan,
    candidates: bool = False,
) -> ReleaseNotes:
    """What one release of a dataset changes against an older one, judged with a plan.

    Args:
        dataset: the dataset.
        old: the older release's version (None: the one before *new*).
        new: the newer release's version (None: the latest).
        plan: the plan judged on both, each at its release's ``as_of``.
        candidates: whether entries not yet vetted are included too.

    Returns:
        The notes, with the entries added, corrected and retracted, and the conclusions that differ.

    Raises:
        UnknownVersionError: a release is not in the dataset.
        InvalidValueError: *old* is not older than *new*, or *new* is the first release and no
            *old* is given.
    """
    newer = dataset.release(new)
    older = dataset.release(old) if old is not None else dataset.previous(newer.version)
    if older is None or older.version >= newer.version:
        raise InvalidValueError(
            "release_notes.old",
            old if older is None else older.version,
            f"there is no release before {newer.version} to compare it with",
            "Name an older release: " + ", ".join(r.version for r in dataset.releases) + ".",
        )
    before = {e.key: e for e in dataset.published(older.version, candidates=candidates)}
    after = dataset.published(newer.version, candidates=candidates)
    by_key = {e.key: e for e in dataset.entries}
    fixes = [e for e in after if e.supersedes in before]
    notices = [
        e
        for e in dataset.entries
        if e.retracts in before and e.added_in <= newer.version and e.added_in > older.version
    ]
    added = tuple(
        e for e in after if e.event is not None and e.key not in before and e not in fixes
    )
    was = verdicts(plan, dataset.timeline(older.version, candidates=candidates), older.as_of)
    now = verdicts(plan, dataset.timeline(newer.version, candidates=candidates), newer.as_of)
    changes = tuple(
        VerdictChange(what, id, aspect, was.get((what, id, aspect), "-"), value)
        for (what, id, aspect), value in now.items()
        if was.get((what, id, aspect)) != value
    )
    return ReleaseNotes(
        older,
        newer,
        plan.version,
        added,
        tuple((by_key[e.supersedes], e) for e in fixes),
        tuple((by_key[e.retracts], e) for e in notices),
        changes,
    )
