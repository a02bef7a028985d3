"""The bundled content: the plan's versions, built from the source register. The only place in
gazaplan that holds the plan's content (its points, phases, terms' values, figures and events);
the schema that content is written in (the facts, the event kinds, the term groups) is the Gaza
layer in ``state``, ``events`` and ``terms``.

The events since publication are data, not code: ``data/timeline.toml``, a reviewed dataset
(:mod:`gazaplan.time.datasets`) read on first use by the same loader as a user's file and checked
against the bundled plan. ``timeline()`` gives the latest release's vetted events.

``plan()`` gives the latest version, ``plan("2025-09-29")`` the published text of 29 September 2025,
``plan("2025-10-09")`` the phase-one terms agreed in Egypt, applied as an amendment over it.
Plans are built on first use and cached (they are immutable).

Modules, bottom-up (each imports only the ones listed before it; this module names their public
content)::

    _sources           the source register the bundled content cites
    _timeline_sources  the sources of the bundled timeline, one per address
    _parties           the parties and bodies named by the plan and the reporting on it
    _points            the 20 points, in the library's own paraphrase, each sourced
    _rules             the lines, the exchange and aid terms, the conditions phases are built from
    _stages            the later stages and the point-17 fallback
    _phases            phases 1 and 2 and their obligations
    _records           the reported figures, the stated positions, the facts at publication
    _anomalies         the library's account of where the record and the rules differ
    _versions_2026     the versions of 2026, each an amendment over the one before
    _versions          the later versions of 2025 and 2026, in order
    _control           who can change each fact, point by point
    _counting          the readings of when a deadline's clock starts
    _model             the bundled action model of phases 1 and 2
    register           the source register as a result: each source, its reliability, what it supports
    data/              timeline.toml: the reviewed dataset of events, in releases

``sources()`` gives the register of every source the bundled content cites (a
:class:`~gazaplan.catalog.register.SourceRegister`): ``sources()["WH"]`` is the White House text,
with what rests on it.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from ..core import _checks as check
from ..core.plans import DEFERRED_CHECKS, Plan
from ..exceptions import InvalidValueError, UnknownVersionError

if TYPE_CHECKING:
    from ..core.control import Controls
    from ..core.instants import Instant
    from ..core.models import Model
    from ..core.obligations import CountingPoint
    from ..core.state import State
    from ..time.datasets import Dataset
    from ..time.timelines import Timeline
    from .register import SourceRegister

__all__ = [
    "DATA_FILE",
    "controls",
    "counting_points",
    "dataset",
    "in_force",
    "model",
    "model_start",
    "plan",
    "plan_versions",
    "sources",
    "timeline",
    "versions",
]

DATA_FILE = "data/timeline.toml"
"""The bundled dataset, inside this package."""

PUBLISHED = "2025-09-29"


def versions() -> tuple[str, ...]:
    """The bundled version ids.

    Returns:
        The ids, oldest first (the published text's, then each later version's).
    """
    from ._versions import LATER

    return (PUBLISHED, *(a.version for a in LATER))


@cache
def _build(version: str) -> Plan:
    # Bundled content: the tests check every version's references as Plan and amend check a
    # user's plan (tests/catalog/test_bundled.py), so a first use does not check them again.
    token = DEFERRED_CHECKS.set(True)
    try:
        return _made(version)
    finally:
        DEFERRED_CHECKS.reset(token)


def _made(version: str) -> Plan:
    if version != PUBLISHED:
        from ..core.amendments import amend
        from ._versions import LATER

        ids = [a.version for a in LATER]
        # every amendment up to *version* applied to the published text in one call (not
        # version by version: the latest is what is asked for first)
        return amend(_build(PUBLISHED), *LATER[: ids.index(version) + 1])
    from ._anomalies import ANOMALY_NOTES
    from ._parties import PARTIES
    from ._phases import PHASES
    from ._points import POINTS
    from ._records import FIGURES, INITIAL_FACTS, POSITIONS
    from ._rules import AID, EXCHANGE, LINES
    from ._sources import REGISTER
    from ._timeline_sources import TL

    return Plan(
        version=version,
        date=date.fromisoformat(version),
        title="Comprehensive Plan to End the Gaza Conflict (20 points)",
        parties=PARTIES,
        provisions=POINTS,
        phases=PHASES,
        lines=LINES,
        exchange=EXCHANGE,
        aid=AID,
        figures=FIGURES,
        positions=POSITIONS,
        anomaly_notes=ANOMALY_NOTES,
        initial_facts=INITIAL_FACTS,
        sources=(*REGISTER, *TL.values()),
        utc_offset_hours=3,  # Israel and Gaza, October 2025 (Israel Daylight Time)
    )


def plan(version: str | None = None, *, at: Instant | None = None) -> Plan:
    """The bundled plan at one version, or the version in force at an instant.

    Args:
        version: the version id, such as ``"2025-09-29"`` (None: the latest, or the one in force
            at *at*); see :func:`versions`.
        at: an instant, a ``date`` or a string (``"2025-11-01"``, the end of that day in the
            plan's local time): the version in force then (see :func:`in_force`).

    Returns:
        The plan, built on first use and cached.

    Raises:
        UnknownVersionError: no bundled version has that id (a KeyError); the message lists them.
        InvalidValueError: if both *version* and *at* are given, if *at* is not an instant, or
            if it is before the plan's publication.
    """
    check.need_type(
        version,
        (str, type(None)),
        "plan(version)",
        "Pass a version such as '2025-10-09' (gp.versions() lists them), or None.",
    )
    if at is not None:
        if version is not None:
            raise InvalidValueError(
                "plan(at=...)",
                version,
                "a version and an instant were both given",
                "Pass a version id, or an instant to get the version in force then.",
            )
        return in_force(at)
    if version is None:
        version = versions()[-1]
    if version not in versions():
        raise UnknownVersionError(version, versions())
    return _build(version)


def plan_versions() -> tuple[Plan, ...]:
    """Every bundled version, oldest first: pass them to ``compliance`` to judge each instant
    under the version in force then.

    Returns:
        The plans, in order of the instants they took effect.
    """
    return tuple(_build(v) for v in versions())


def in_force(at: Instant) -> Plan:
    """The bundled version in force at an instant.

    Args:
        at: an instant, a ``date`` or a string (``"2025-11-01"`` is the end of that day in the
            plan's local time).

    Returns:
        The latest version whose ``in_force`` instant is at or before *at*.

    Raises:
        InvalidValueError: if *at* is not an instant, or is before the plan's publication.
    """
    from ..core.instants import read_instant
    from ..time.compliance import in_force as version_at

    first = _build(PUBLISHED)
    when = read_instant(at, utc_offset_hours=first.utc_offset_hours, place="at")
    if when < first.origin:
        raise InvalidValueError(
            "at",
            when.isoformat(),
            f"before the plan's publication ({first.origin.date().isoformat()}): no version was "
            "in force",
            f"Ask about {first.origin.date().isoformat()} or later.",
        )
    return version_at(plan_versions(), when)


def controls() -> Controls:
    """Who can change each fact, read from the plan's text point by point.

    Returns:
        The table, each entry sourced; a fact whose point names nobody who acts lists no party
        ("none identified").
    """
    from ._control import CONTROLS

    return CONTROLS


def counting_points(obligation_id: str | None = None) -> dict[str, tuple[CountingPoint, ...]]:
    """The readings the sources give of when a deadline's clock starts, by obligation.

    An obligation with a single reading is not listed.

    Args:
        obligation_id: only this obligation's readings (None: every obligation's).

    Returns:
        Obligation id -> its readings; empty if *obligation_id* has no more than one.
    """
    from ._counting import COUNTING_POINTS

    if obligation_id is None:
        return dict(COUNTING_POINTS)
    return (
        {obligation_id: COUNTING_POINTS[obligation_id]} if obligation_id in COUNTING_POINTS else {}
    )


def model(living: int = 20, deceased: int = 28, *, whole_plan: bool = False) -> Model:
    """The bundled action model: phases 1 and 2, or with *whole_plan* every phase.

    The moves the obligations describe, each by the party its point names, with the hostages
    returned one at a time. The whole plan adds the moves the later phases read (the launch and
    certification of phase two, the Board of Peace and the committee, the development plan and
    the economic zone, the PA's reform and hand-over, the two dialogues, the ISF taking over
    ground in the fallback); it has about 15 million states with one hostage of each kind.

    Args:
        living: the living hostages to return (fewer make a smaller model with the same
            structure).
        deceased: the deceased hostages whose remains are to be returned.
        whole_plan: every phase's moves, not only phases 1 and 2.

    Returns:
        The model.
    """
    from ._model import bundled_model

    return bundled_model(living, deceased, whole_plan=whole_plan)


def model_start(
    plan: Plan, living: int = 20, deceased: int = 28, *, whole_plan: bool = False
) -> State:
    """The bundled model's start: a plan's facts at publication with given hostage counts.

    Args:
        plan: the plan whose initial facts are used.
        living: the living hostages held at the start.
        deceased: the deceased hostages held at the start.
        whole_plan: the whole-plan model's start: the later phases' steps, which the plan's
            text puts in the future and the catalog leaves unknown, not yet taken (an
            assumption of the model, not a sourced fact).

    Returns:
        The starting state; facts no source gives stay unknown.
    """
    from ._model import bundled_start

    return bundled_start(plan, living, deceased, whole_plan=whole_plan)


@cache
def dataset() -> Dataset:
    """The bundled events as a reviewed dataset: every entry, release and correction.

    Read on first use from the package's data file by the loader a user's file goes through, and
    checked against the latest bundled plan (a bad entry fails with its line).

    Returns:
        The dataset, read once and cached.
    """
    from importlib.resources import files

    from ..core import _ports
    from ..time.datasets import Dataset

    data = files(__name__).joinpath(DATA_FILE).read_bytes()
    name = f"gazaplan/catalog/{DATA_FILE}"
    loaded: Dataset = _ports.documents().loads(data, Dataset, format="toml", file=name, plan=plan())
    return loaded


def timeline(release: str | None = None, *, candidates: bool = False) -> Timeline:
    """The real events since publication, each dated, sourced and attributed.

    Args:
        release: a dataset release, such as ``"2026.05"`` (the latest if None); see
            ``dataset().releases``.
        candidates: include entries coded but not yet reviewed (left out by default).

    Returns:
        The release's events, as a timeline.

    Raises:
        UnknownVersionError: no release has that version; the message lists them.
    """
    return _timeline(release, candidates)


@cache
def _timeline(release: str | None, candidates: bool) -> Timeline:
    return dataset().timeline(release, candidates=candidates)


def sources() -> SourceRegister:
    """The source register: every source the bundled content cites, with what it supports.

    The content is every bundled version's points, phases, obligations, terms, lines, figures,
    positions, parties, facts at publication and accounts of anomalies, the table of who can
    change each fact, the readings of deadlines' clocks, and every event of the bundled dataset
    (candidates and superseded entries included, each marked so).

    Returns:
        The register, built on first use and cached; ``sources()["R8"]`` (or ``["WH 4"]``, a
        citation of a point) looks up one entry, and an unknown tag raises
        :class:`~gazaplan.UnknownIdError` naming the closest.
    """
    return _register()


@cache
def _register() -> SourceRegister:
    from ._counting import COUNTING_POINTS
    from .register import source_register

    data = dataset()
    current = {e.id for e in timeline().events}
    by = {e.supersedes: f"superseded by {e.key}" for e in data.entries if e.supersedes}
    by |= {e.retracts: f"withdrawn by {e.key}" for e in data.entries if e.retracts}
    events, status = [], {}
    for entry in data.entries:
        event = entry.event
        if event is None:
            continue
        events.append(event)
        if event.id not in current:
            status[event.id] = by.get(event.id) or (
                "a candidate, not yet reviewed"
                if str(entry.status) == "candidate"
                else "not in the latest release's timeline"
            )
    return source_register(
        plan_versions(),
        events,
        controls=controls(),
        counting_points=COUNTING_POINTS,
        event_status=status,
    )
