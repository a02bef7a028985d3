"""The timeline as a reviewed dataset: :class:`Entry`, :class:`Release` and :class:`Dataset`.

A dataset is a register of entries, each an event with its curation record (who coded it, who
reviewed it, in which release it first appeared, whether it is a ``candidate`` or ``vetted``),
plus the releases that publish it. Nothing is ever edited silently:

- a correction is a new entry that ``supersedes`` the old one; the old one stays in the register,
  and from the correction's release on it is left out of the timeline;
- a retraction is an entry with no event that ``retracts`` another; the retracted entry stays,
  marked, and is left out from the retraction's release on;
- a later development that qualifies an earlier event (a crossing reopened, then closed again)
  is an event of its own that ``revises`` the earlier one: both stay in the timeline.

A release (``2026.10``) has ``as_of``, the latest instant its sources cover: no event after it,
and a status judged later than it rests on facts that are unknown. :meth:`Dataset.timeline`
gives a release's timeline (vetted entries only, unless candidates are asked for); the release
notes and the verdicts a release changes are :mod:`gazaplan.whatif.releases`.

Every problem in a dataset is found at once and raised as one
:class:`~gazaplan.exceptions.InvalidDatasetError`, each located (``entries[12].supersedes``).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from ..core import _checks as check
from ..exceptions import (
    InvalidDatasetError,
    InvalidValueError,
    UnknownIdError,
    UnknownVersionError,
    did_you_mean,
)
from .events import Event
from .timelines import Timeline

__all__ = ["Dataset", "Entry", "Release", "Status", "beyond_data"]

_VERSION: Final = re.compile(r"^\d{4}\.(0[1-9]|1[0-2])$")


class Status(enum.Enum):
    """How far an entry has been checked (after UCDP's candidate and vetted events)."""

    CANDIDATE = "candidate"
    """Coded, not yet reviewed: left out of a timeline unless candidates are asked for."""
    VETTED = "vetted"
    """Reviewed against its sources by someone named in ``reviewed_by``."""

    def __str__(self) -> str:
        return self.value


def beyond_data(as_of: dt.datetime, at: dt.datetime | None) -> str:
    """The warning for a judgement later than the data reach.

    Args:
        as_of: the latest instant the data's sources cover.
        at: the instant judged (None: the data's end, which needs no warning).

    Returns:
        A sentence saying that facts after *as_of* are unknown here, or ``""`` when *at* is not
        later than *as_of*.
    """
    if at is None or at <= as_of:
        return ""
    return (
        f"judged at {at.isoformat()}, after the data's as_of ({as_of.date().isoformat()}): facts "
        "after that date are unknown here, and what is shown is the last the sources support"
    )


def _version(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _VERSION.match(value):
        raise InvalidValueError(
            check.where(inst, attr),
            value,
            "a release version is a year and a month",
            'Write it as "YYYY.MM", such as "2026.10".',
        )


@attrs.frozen
class Release:
    """A published version of the dataset.

    Attributes:
        version: ``"YYYY.MM"``, such as ``"2026.10"``.
        as_of: the latest instant its sources cover (timezone-aware); no event is later.
        title: a one-line description.
        notes: what the release adds or corrects, in words.
        unknown: what its sources leave unknown as of ``as_of``, one item each.
    """

    version: str = attrs.field(validator=_version)
    as_of: dt.datetime = attrs.field(validator=check.instant("a release's as_of"))
    title: str = attrs.field(validator=check.text())
    notes: str = ""
    unknown: tuple[str, ...] = attrs.field(default=(), converter=check.as_tuple)

    def __str__(self) -> str:
        return f"{self.version} (data as of {self.as_of.date().isoformat()}): {self.title}"


def _entry(entry: Entry) -> None:
    def bad(field: str, value: object, problem: str, fix: str) -> InvalidValueError:
        return InvalidValueError(f"Entry.{field}", value, problem, fix)

    if (entry.event is None) != bool(entry.retracts):
        raise bad(
            "event",
            entry.event,
            "an entry holds either an event or a retraction",
            "Give it an 'event', or 'retracts' with the id of the entry it withdraws.",
        )
    if entry.event is None and not entry.id:
        raise bad("id", entry.id, "a retraction needs an id of its own", "Add an 'id'.")
    if entry.event is not None and entry.id and entry.id != entry.event.id:
        raise bad(
            "id",
            entry.id,
            f"an event entry's id is its event's ({entry.event.id!r})",
            "Leave 'id' out, or make it the event's id.",
        )
    if entry.event is None and (entry.supersedes or entry.revises):
        raise bad(
            "supersedes" if entry.supersedes else "revises",
            entry.supersedes or entry.revises,
            "a retraction neither corrects nor revises an entry",
            "Leave it out; a correction is an entry with an event that supersedes the old one.",
        )
    if (entry.supersedes or entry.retracts) and not entry.reason:
        raise bad(
            "reason",
            entry.reason,
            "a correction or retraction says why",
            "Add a 'reason' (what was wrong, and what the sources now say).",
        )
    if entry.status is Status.VETTED and not entry.reviewed_by:
        raise bad(
            "reviewed_by",
            entry.reviewed_by,
            "a vetted entry names who reviewed it",
            "Add 'reviewed_by', or make the status 'candidate'.",
        )


@attrs.frozen
class Entry:
    """One entry of a dataset: an event (or a retraction) with its curation record.

    Attributes:
        added_in: the release it first appeared in.
        coded_by: who coded it.
        status: ``candidate`` or ``vetted``.
        reviewed_by: who reviewed it, and how (required when vetted).
        event: the event; None for a retraction.
        id: a retraction's own id (an event entry's id is its event's).
        supersedes: the id of the entry this one corrects (it stays, marked).
        retracts: the id of the entry this retraction withdraws (it stays, marked).
        revises: ids of earlier entries this later event qualifies (all stay in the timeline).
        reason: why a correction or retraction was made.
    """

    added_in: str = attrs.field(validator=_version)
    coded_by: str = attrs.field(validator=check.text())
    status: Status = attrs.field(
        default=Status.VETTED, validator=check.member(Status, unknown_ok=False)
    )
    reviewed_by: str = ""
    event: Event | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Event))
    )
    id: str = ""
    supersedes: str = ""
    retracts: str = ""
    revises: tuple[str, ...] = attrs.field(default=(), converter=check.as_tuple)
    reason: str = ""

    def __attrs_post_init__(self) -> None:
        _entry(self)

    @property
    def key(self) -> str:
        """The entry's stable id: its event's id, or the retraction's own."""
        return self.event.id if self.event is not None else self.id


Path = tuple[str | int, ...]
Found = list[tuple[Path, str]]


def _nearest(target: str, known: dict[str, int]) -> str:
    import difflib  # only when an id is wrong

    close = difflib.get_close_matches(target, list(known), n=2, cutoff=0.6)
    return f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def _release_problems(releases: tuple[Release, ...], found: Found) -> None:
    seen: set[str] = set()
    for i, r in enumerate(releases):
        if r.version in seen:
            found.append((("releases", i, "version"), f"release {r.version} is listed twice"))
        seen.add(r.version)
        before = releases[i - 1] if i else None
        if before is not None and (r.version, r.as_of) < (before.version, before.as_of):
            why = (
                f"release {r.version} (as of {r.as_of.isoformat()}) comes before release "
                f"{before.version}; list releases oldest first, as_of never decreasing"
            )
            found.append((("releases", i), why))


def problems(releases: tuple[Release, ...], entries: tuple[Entry, ...]) -> Found:
    """Every problem in a dataset's releases and entries, all at once.

    Args:
        releases: the dataset's releases, oldest first.
        entries: its entries, in order.

    Returns:
        ``(path, message)`` pairs, a path being a tuple of keys and indexes such as
        ``("entries", 12, "supersedes")``; empty for a sound dataset.
    """
    found: Found = []
    _release_problems(releases, found)
    order = {r.version: i for i, r in enumerate(releases)}
    as_of = {r.version: r.as_of for r in releases}
    where: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e.key in where:
            why = (
                f"id {e.key!r} is already used by entries[{where[e.key]}]; give this entry its own"
            )
            found.append((("entries", i), why + " (ids are stable and never reused)"))
        else:
            where[e.key] = i
    last: Event | None = None
    corrected: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e.added_in not in order:
            hint = did_you_mean(e.added_in, order, what="releases")
            found.append((("entries", i, "added_in"), f"no release {e.added_in!r}. {hint}"))
        if e.event is not None:
            _event_problems(e, i, last, as_of.get(e.added_in), found)
            last = e.event
        _link_problems(entries, i, e, where, order, corrected, found)
    _cycle_problems(entries, where, found)
    return found


def _cycle_problems(entries: tuple[Entry, ...], where: dict[str, int], found: Found) -> None:
    """Corrections that go round (two entries superseding each other, or three in a ring): each
    would hide the next, and every event of the ring would vanish from the timeline."""
    target = {e.key: e.supersedes or e.retracts for e in entries if e.supersedes or e.retracts}
    seen: set[str] = set()
    for start in target:
        if start in seen:
            continue
        chain: list[str] = []
        key: str | None = start
        while key is not None and key in target and key not in chain and key not in seen:
            chain.append(key)
            key = target[key]
        seen.update(chain)
        if key is not None and key in chain:
            ring = chain[chain.index(key) :]
            first = min(where[k] for k in ring if k in where)
            field = "supersedes" if entries[first].supersedes else "retracts"
            names = " -> ".join(repr(k) for k in [*ring, ring[0]])
            why = (
                f"corrections go round ({names}): each hides the next, so none of their events "
                "would be published; keep the latest entry's correction and drop the others'"
            )
            found.append((("entries", first, field), why))


def _event_problems(
    e: Entry, i: int, last: Event | None, as_of: dt.datetime | None, found: Found
) -> None:
    ev = e.event
    assert ev is not None
    at: Path = ("entries", i, "event", "at")
    if last is not None and ev.at < last.at:
        why = f"{ev.at.isoformat()} is before the previous event's ({last.id!r}, "
        why += f"{last.at.isoformat()}); keep entries in order of their events' instants"
        found.append((at, why))
    if as_of is not None and ev.at > as_of:
        why = f"{ev.at.isoformat()} is after release {e.added_in}'s as_of ({as_of.isoformat()}); "
        found.append((at, why + "add it to a later release, or move that release's as_of"))
    if not ev.sources:
        why = "an event needs at least one source; add where it is reported"
        found.append((("entries", i, "event", "sources"), why))


def _link_problems(
    entries: tuple[Entry, ...],
    i: int,
    e: Entry,
    where: dict[str, int],
    order: dict[str, int],
    corrected: dict[str, int],
    found: Found,
) -> None:
    links: list[tuple[Path, str, str]] = []
    if e.supersedes:
        links.append((("supersedes",), "supersedes", e.supersedes))
    if e.retracts:
        links.append((("retracts",), "retracts", e.retracts))
    links += [(("revises", j), "revises", r) for j, r in enumerate(e.revises)]
    for rel, field, target in links:
        path: Path = ("entries", i, *rel)
        if target not in where:
            found.append((path, f"no entry has the id {target!r}.{_nearest(target, where)}"))
            continue
        old = entries[where[target]]
        if target == e.key:
            found.append((path, "an entry cannot point to itself"))
        elif field == "retracts" and old.retracts:
            why = f"{target!r} is itself a retraction, and a retraction cannot be retracted; "
            why += "to restore the event, add it again in a new entry that supersedes the first"
            found.append((path, why))
        elif field != "revises":
            if order.get(old.added_in, -1) > order.get(e.added_in, -1):
                why = f"{target!r} was added in a later release ({old.added_in}) than this entry"
                found.append((path, why))
            if target in corrected:
                why = f"{target!r} is already corrected or retracted by "
                why += f"entries[{corrected[target]}]; correct that entry instead"
                found.append((path, why))
            else:
                corrected[target] = i


def _zone(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value == "":
        return
    try:
        ZoneInfo(str(value))
    except (ValueError, ZoneInfoNotFoundError):
        raise InvalidValueError(
            check.where(inst, attr),
            value,
            "no such time zone",
            'Use an IANA zone name, such as "Asia/Jerusalem", or leave it out.',
        ) from None


@attrs.frozen
class Dataset:
    """A register of entries and the releases that publish it (validated as a whole).

    Attributes:
        releases: the releases, oldest first.
        entries: the entries, in order of their events' instants.
        timezone: the IANA zone the events are shown in (the instants are the same in any zone).

    Raises:
        InvalidDatasetError: every problem found, each with its place (at construction).
    """

    releases: tuple[Release, ...] = attrs.field(converter=check.as_tuple)
    entries: tuple[Entry, ...] = attrs.field(converter=check.as_tuple)
    timezone: str = attrs.field(default="", validator=_zone)
    """The IANA zone its events are shown in (``"Asia/Jerusalem"``); a file keeps only offsets."""

    def __attrs_post_init__(self) -> None:
        if not self.releases:
            raise InvalidDatasetError([(("releases",), "a dataset needs at least one release")])
        found = problems(self.releases, self.entries)
        if found:
            raise InvalidDatasetError(found)

    @property
    def latest(self) -> Release:
        """The newest release."""
        return self.releases[-1]

    def release(self, version: str | None = None) -> Release:
        """One release of the dataset.

        Args:
            version: its version, ``"YYYY.MM"`` (None: the latest).

        Returns:
            The release.

        Raises:
            UnknownVersionError: no release has that version; the message lists them.
            InvalidValueError: *version* is neither a str nor None.
        """
        if version is None:
            return self.latest
        check.need_type(version, str, "Dataset.release(version)", 'Pass "YYYY.MM", or None.')
        for r in self.releases:
            if r.version == version:
                return r
        raise UnknownVersionError(version, [r.version for r in self.releases])

    def previous(self, version: str | None = None) -> Release | None:
        """The release before another.

        Args:
            version: the later release's version (None: the latest).

        Returns:
            The release before it, or None for the first.

        Raises:
            UnknownVersionError: if no release has that version.
        """
        i = self.releases.index(self.release(version))
        return self.releases[i - 1] if i else None

    def published(self, version: str | None = None, *, candidates: bool = False) -> list[Entry]:
        """The entries a release publishes.

        Args:
            version: the release's version (None: the latest).
            candidates: whether entries not yet vetted are included too.

        Returns:
            The entries added by then (vetted ones only, unless *candidates*), neither corrected
            nor retracted by an entry it publishes, in order.

        Raises:
            UnknownVersionError: if no release has that version.
        """
        rank = {r.version: i for i, r in enumerate(self.releases)}
        upto = rank[self.release(version).version]
        shown = [
            e
            for e in self.entries
            if rank[e.added_in] <= upto and (candidates or e.status is Status.VETTED)
        ]
        gone = {e.supersedes or e.retracts for e in shown} - {""}
        return [e for e in shown if e.key not in gone]

    def timeline(self, version: str | None = None, *, candidates: bool = False) -> Timeline:
        """The events a release publishes, as a timeline.

        Args:
            version: the release's version (None: the latest).
            candidates: whether events not yet vetted are included too.

        Returns:
            The timeline of the published events, in the dataset's time zone if it names one,
            with the release's ``as_of`` as its ``data_as_of``.

        Raises:
            UnknownVersionError: if no release has that version.
        """
        events = [e.event for e in self.published(version, candidates=candidates)]
        zone = ZoneInfo(self.timezone) if self.timezone else None
        return Timeline(
            tuple(
                ev if zone is None else attrs.evolve(ev, at=ev.at.astimezone(zone))
                for ev in events
                if ev is not None
            ),
            data_as_of=self.release(version).as_of,
        )

    def marks(self) -> dict[str, str]:
        """Which entries were corrected or retracted, and by which.

        Returns:
            Each corrected or retracted entry's id, mapped to the id of the entry that did it.
        """
        return {
            e.supersedes or e.retracts: e.key for e in self.entries if e.supersedes or e.retracts
        }

    def entry(self, key: str) -> Entry:
        """The entry with one id.

        Args:
            key: the entry's id (an event's id, or a retraction's).

        Returns:
            The entry.

        Raises:
            UnknownIdError: no entry has that id; the message suggests the nearest.
            InvalidValueError: *key* is not a str.
        """
        check.need_type(key, str, "Dataset.entry(key)", "Pass an entry's id, a str.")
        for e in self.entries:
            if e.key == key:
                return e
        raise UnknownIdError(key, [e.key for e in self.entries], where="Dataset")

    def __len__(self) -> int:
        return len(self.entries)
