"""Comparable with the field: implementation scores, PA-X-style tags, and a CSV export.

The Peace Accords Matrix scores each provision of an agreement on a four-step scale; this module
derives that score for each point of the plan from its obligations' compliance statuses, by a
fixed, documented mapping, and tags each point with content variables named as in the PA-X
dataset. :func:`export_csv` writes a release's events and the scores as CSV with a
machine-readable descriptor of every column (a Frictionless Data package, ``datapackage.json``),
through :mod:`gazaplan.desk.exports`.

The mapping from an obligation's status to a score (:func:`obligation_score`):

- fulfilled (on time, late, or with no deadline), or a maintenance duty discharged: 3, full;
- not yet triggered: 0, not initiated;
- breached (a duty that held and stopped holding, or an achievement undone): 1, minimal (it
  was implemented and has lapsed; the library's reading, as PAM's scale has no word for it);
- superseded (dropped by a later version): left out of the point's score, as it is no longer
  owed;
- due (pending or overdue) or partly fulfilled, with quantities: by the smallest share delivered
  of what is owed: none 0, under half 1 (minimal), half or more 2 (intermediate);
- due without quantities, or unknown: UNKNOWN (the data say it is not complete, not how far it
  went). Unknown never becomes a number.

A point's score is the mean of its obligations' scores, rounded down (3 only if every obligation
under it is fully implemented, 0 only if none has started). Where some are UNKNOWN, the score is
known only if every value they could take gives the same result; otherwise it is UNKNOWN. A point
with no obligation is UNKNOWN.

The tags are the library's reading of PA-X variable names for its topics (:data:`PAX_TAGS`);
they are a crosswalk to check against the PA-X codebook, not a coding by its authors.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from ..core.instants import Instant
from ..core.plans import Plan
from ..core.records import Topic
from ..time.compliance import Compliance, ComplianceStatus, compliance, in_force
from ..time.datasets import Dataset
from ..truth import UNKNOWN, Unknown
from .exports import ForeignKey, Table, dataset_tables, table, write_csv

__all__ = [
    "PAX_TAGS",
    "SCALE",
    "ProvisionScore",
    "export_csv",
    "obligation_score",
    "point_score",
    "provision_scores",
    "score_tables",
]

SCALE: Final = {0: "not initiated", 1: "minimal", 2: "intermediate", 3: "full"}
"""The Peace Accords Matrix's implementation scale."""

PAX_TAGS: Final[dict[Topic, tuple[str, ...]]] = {
    Topic.CEASEFIRE: ("ceprov",),
    Topic.WITHDRAWAL: ("ssrff",),
    Topic.PRISONERS: ("hrdet",),
    Topic.AID: ("devhum",),
    Topic.GOVERNANCE: ("polnewtemp", "pubad"),
    Topic.SECURITY: ("impk", "ssrpol"),
    Topic.DEMILITARISATION: ("ssrddr", "ddrdemil"),
    Topic.AMNESTY: ("tjam",),
    Topic.RECONSTRUCTION: ("devinfra",),
    Topic.ECONOMY: ("dev",),
    Topic.MOVEMENT: ("cprfmov",),
}
"""The library's topics read as PA-X content variables (topics without one get no tag)."""

_FULL: Final = frozenset(
    {
        ComplianceStatus.FULFILLED,
        ComplianceStatus.FULFILLED_LATE,
        ComplianceStatus.FULFILLED_ON_TIME,
        ComplianceStatus.DISCHARGED,
    }
)
_DUE: Final = frozenset(
    {ComplianceStatus.PENDING, ComplianceStatus.OVERDUE, ComplianceStatus.PARTLY_FULFILLED}
)


def obligation_score(item: Compliance) -> int | Unknown:
    """The implementation score of one obligation's status (see the module's mapping).

    Args:
        item: the obligation's compliance.

    Returns:
        0 to 3, or UNKNOWN where the data do not say how far it went.
    """
    if item.status in _FULL:
        return 3
    if item.status is ComplianceStatus.NOT_TRIGGERED:
        return 0
    if item.status is ComplianceStatus.BREACHED:
        return 1
    if item.status in _DUE and item.quantities:
        shares = []
        for q in item.quantities:
            if not isinstance(q.delivered, int | float) or not isinstance(q.owed, int | float):
                return UNKNOWN
            shares.append(q.delivered / q.owed if q.owed else 1.0)
        least = min(shares)
        return 0 if least <= 0 else 1 if least < 0.5 else 2 if least < 1 else 3
    return UNKNOWN


def point_score(scores: list[int | Unknown]) -> int | Unknown:
    """A point's score from its obligations' scores (see the module's mapping).

    Args:
        scores: the scores of the point's obligations.

    Returns:
        Their mean rounded down, or UNKNOWN where the unknown scores could change it or there
        is no obligation.
    """
    if not scores:
        return UNKNOWN
    known = sum(s for s in scores if not isinstance(s, Unknown))
    missing = sum(isinstance(s, Unknown) for s in scores)
    low, high = known // len(scores), (known + 3 * missing) // len(scores)
    return low if low == high else UNKNOWN


@attrs.frozen
class ProvisionScore:
    """One point's implementation score.

    Attributes:
        point: the plan point (1-20).
        title: its title.
        tags: PA-X content variables for its topics.
        score: 0-3, or UNKNOWN.
        obligations: each obligation's id with its status and score.
    """

    point: int
    title: str
    tags: tuple[str, ...]
    score: int | Unknown
    obligations: tuple[tuple[str, str, int | Unknown], ...]

    @property
    def label(self) -> str:
        """The scale's word for the score ("unknown" for UNKNOWN)."""
        return "unknown" if isinstance(self.score, Unknown) else SCALE[self.score]


def provision_scores(
    plan: Plan | Sequence[Plan], timeline: Any, *, at: Instant | None = None
) -> tuple[ProvisionScore, ...]:
    """Every point's score, judged on a timeline (see the module's mapping).

    Args:
        plan: the plan, or the versions of a plan (each instant judged under the version in
            force then; the points are those of the version in force at *at*).
        timeline: the events replayed on it.
        at: the instant judged (None: the timeline's data-as-of, else its last event), as
            :func:`~gazaplan.compliance` takes it.

    Returns:
        A score per point of the plan, in the plan's order.

    Raises:
        InvalidEventError: if an event cannot happen in the state it meets.
        InvalidValueError: if *at* is not a timezone-aware datetime in the library's range.
    """
    report = compliance(plan, timeline, at=at)
    items = report.items
    now = in_force((plan,) if isinstance(plan, Plan) else tuple(plan), report.at)
    out = []
    for prov in now.provisions:
        own = [
            i
            for i in items
            if i.obligation.provision == prov.number and i.status is not ComplianceStatus.SUPERSEDED
        ]
        rows = tuple((i.obligation.id, str(i.status), obligation_score(i)) for i in own)
        tags = tuple(dict.fromkeys(t for topic in sorted(prov.topics, key=str)
                                   for t in PAX_TAGS.get(topic, ())))  # fmt: skip
        out.append(
            ProvisionScore(prov.number, prov.title, tags, point_score([r[2] for r in rows]), rows)
        )
    return tuple(out)


def score_tables(
    plan: Plan | Sequence[Plan],
    dataset: Dataset,
    *,
    release: str | None = None,
    at: dt.datetime | None = None,
) -> tuple[Table, Table]:
    """Every point's score, and each obligation's under it, as export tables.

    Args:
        plan: the plan the scores are judged on, or the versions of a plan (each instant
            judged under the version in force then).
        dataset: the dataset.
        release: the release's version (None: the latest).
        at: the instant the scores are judged at (None: the release's ``as_of``).

    Returns:
        ``scores`` (a row per point) and ``score_obligations`` (a row per obligation scored).

    Raises:
        UnknownVersionError: if no release has that version.
    """
    rel = dataset.release(release)
    when = at if at is not None else rel.as_of
    scores = provision_scores(plan, dataset.timeline(rel.version), at=when)
    version = in_force((plan,) if isinstance(plan, Plan) else tuple(plan), when).version
    points = table(
        "scores",
        "each point's implementation score on the Peace Accords Matrix scale, derived as "
        "gazaplan.desk.pax documents",
        [
            "point",
            "title",
            "pax_tags",
            "score",
            "score_label",
            "judged_at",
            "plan_version",
            "release",
        ],
        (
            {
                "point": s.point,
                "title": s.title,
                "pax_tags": s.tags,
                "score": s.score,
                "score_label": s.label,
                "judged_at": when,
                "plan_version": version,
                "release": rel.version,
            }
            for s in scores
        ),
        primary_key=["point"],
    )
    owed = table(
        "score_obligations",
        "each obligation under a point, with its status and score",
        ["point", "obligation_id", "status", "score"],
        (
            {"point": s.point, "obligation_id": o, "status": status, "score": value}
            for s in scores
            for o, status, value in s.obligations
        ),
        primary_key=["point", "obligation_id"],
        foreign_keys=[ForeignKey(("point",), "scores", ("point",))],
    )
    return points, owed


def export_csv(
    directory: str | os.PathLike[str],
    plan: Plan | Sequence[Plan],
    dataset: Dataset,
    *,
    release: str | None = None,
    at: dt.datetime | None = None,
) -> tuple[Path, ...]:
    """Write a release's events and the scores as CSV, with a descriptor of every column.

    ``events.csv`` holds every entry the release publishes, candidates marked;
    ``event_figures.csv`` the figures they report, a row each; ``sources.csv`` the sources
    they cite; ``scores.csv`` each point's score and ``score_obligations.csv`` each
    obligation's; ``datapackage.json`` is their Frictionless descriptor (every column's type
    and meaning, the keys). The columns are those of :data:`~gazaplan.desk.exports.VOCABULARY`,
    as in every export. The files are written as a set
    (:func:`~gazaplan.desk.exports.write_set`): all of them, or none.

    Args:
        directory: the folder to write into (made if missing).
        plan: the plan the scores are judged on, or the versions of a plan (each instant
            judged under the version in force then).
        dataset: the dataset.
        release: the release's version (None: the latest).
        at: the instant the scores are judged at (None: the release's ``as_of``).

    Returns:
        The paths written, ``datapackage.json`` last.

    Raises:
        UnknownVersionError: if no release has that version.
        OSError: if a file cannot be written; then no file of the set is written.
    """
    rel = dataset.release(release)
    tables = (
        *dataset_tables(dataset, rel.version),
        *score_tables(plan, dataset, release=rel.version, at=at),
    )
    return write_csv(
        tables,
        directory,
        name="gazaplan-dataset",
        title=f"gazaplan release {rel.version} (data as of {rel.as_of.date()})",
        version=rel.version,
    )
