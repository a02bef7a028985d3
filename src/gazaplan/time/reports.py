"""One judgement of a plan over a timeline at one instant: :func:`report` and :class:`Report`.

A report holds the phases' verdicts in the state at its instant and every obligation's
compliance at that instant, under the version in force then (or the plan given). Every view of
it (the text of ``gazaplan report``, the HTML page, ``--json``, the tables and the CSV) reads its
statuses and its counts, so no two views of one instant can differ.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from ..core import _checks as check
from ..core._results import NotebookDisplay
from ..core.control import Controls
from ..core.explain import explain_plan
from ..core.instants import Instant
from ..core.plans import Plan
from ..core.rules import PlanReport, check_plan
from ..core.state import State
from .anomalies import AnomalyReport, anomalies
from .compliance import ComplianceReport, ComplianceStatus, compliance, edge_note, in_force
from .histories import judged_history
from .timelines import Timeline

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Report", "report"]


@attrs.frozen
class Report(NotebookDisplay):
    """Everything the library says of a plan over a timeline at one instant.

    Attributes:
        title: the plan's title.
        version: the plan version that judged it (in force at *at*, or the one given).
        in_force: when that version took effect.
        at: the instant judged.
        state: the facts at *at*.
        phases: each phase's preconditions and completion in *state*.
        compliance: each obligation's status at *at*, with its lifecycle: the one status every
            view shows.
        replayed: how many of the timeline's events are at or before *at*.
        events: how many events the timeline has.
        data_as_of: the latest instant the timeline's sources cover (None: a scenario).
        beyond_data: True if *at* is later than *data_as_of*.
        assume_unchanged: True if facts were carried forward past the data's edge.
        anomalies: where the record up to *at* and the rules disagree, with the plan's notes.
        plans: the plan, or the versions, it was judged under (what a view needs to judge the
            same timeline again at other instants, as the headline does).
        timeline: the timeline replayed (None: a report made without one).
    """

    title: str
    version: str
    in_force: dt.datetime
    at: dt.datetime
    state: State
    phases: PlanReport
    compliance: ComplianceReport
    replayed: int
    events: int
    data_as_of: dt.datetime | None = None
    beyond_data: bool = False
    assume_unchanged: bool = False
    anomalies: AnomalyReport = AnomalyReport(())
    plans: tuple[Plan, ...] = attrs.field(default=(), eq=False, repr=False)
    timeline: Timeline | None = attrs.field(default=None, eq=False, repr=False)

    def status(self, obligation_id: str) -> ComplianceStatus:
        """One obligation's status at the report's instant.

        Args:
            obligation_id: the obligation's id.

        Returns:
            Its status, as every view of the report shows it.

        Raises:
            UnknownIdError: if the report has no such obligation (a KeyError).
        """
        return self.compliance[obligation_id].status

    def counts(self) -> dict[ComplianceStatus, int]:
        """How many obligations have each status (see :meth:`ComplianceReport.counts`).

        Returns:
            Status -> number, in the order of :class:`ComplianceStatus`.
        """
        return self.compliance.counts()

    def summary(self) -> str:
        """The counts in words, as every view prints them.

        Returns:
            Such as ``"16 unknown, 3 pending, 5 not triggered"``.
        """
        return self.compliance.summary()

    @property
    def note(self) -> str:
        """The sentence for a judgement past the data's edge (``""`` within it)."""
        if not self.beyond_data or self.data_as_of is None:
            return ""
        return edge_note(self.data_as_of, self.at, self.assume_unchanged)

    def judged(self) -> dict[str, tuple[str, str]]:
        """Each obligation's status word and reason, by id: what the phase sections print.

        Returns:
            Obligation id -> (status, reason).
        """
        return {c.obligation.id: (str(c.status), c.reason) for c in self.compliance.items}

    def explain(self) -> str:
        """The report in words: what ``gazaplan report`` prints after its first line.

        Returns:
            The version judging and the instant, the phases' verdicts, the obligations' counts,
            each phase with its obligations' statuses, the compliance table, then the anomalies
            between the record and the rules, if any.
        """
        head = (
            f"Judged as of {self.at.isoformat()} under plan version {self.version} "
            f"(in force from {self.in_force.date().isoformat()})."
        )
        lines = [head] + ([f"Note: {self.note}"] if self.note else []) + [""]
        text = explain_plan(self.phases, self.judged(), self.summary())
        tail = "\n" + self.anomalies.explain() if self.anomalies.items else ""
        return "\n".join(lines) + text + "\n" + self.compliance.explain() + tail

    def to_pandas(self, table: str = "obligations") -> pd.DataFrame:
        """The report as a DataFrame.

        Needs the ``pandas`` extra.

        Args:
            table: ``"obligations"`` (a row per obligation, with its status at the report's
                instant) or ``"phases"`` (a row per phase, with its verdicts).

        Returns:
            The table.

        Raises:
            MissingExtraError: if pandas is not installed.
            InvalidValueError: if *table* names no table of the report.
        """
        if table == "phases":
            return self.phases.to_pandas("phases")
        if table == "obligations":
            return self.compliance.to_pandas()
        from ..exceptions import InvalidValueError

        raise InvalidValueError(
            "table", table, "not a table of a report", "Use 'obligations' or 'phases'."
        )


def report(
    plan: Plan | Sequence[Plan],
    timeline: Timeline,
    *,
    at: Instant | None = None,
    start: State | None = None,
    assume_unchanged: bool = False,
    controls: Controls | None = None,
) -> Report:
    """Judge a plan over a timeline at one instant: the phases and every obligation.

    Args:
        plan: the plan (judged throughout, as a what-if), or the versions of a plan
            (``gp.plan_versions()``), each instant judged under the version in force then.
        timeline: the events to replay.
        at: the instant: a timezone-aware datetime, a date or a string (``"2025-10-13"`` is
            the end of that day in the plan's local time); None: the timeline's ``data_as_of``,
            else its last event, else the plan's origin.
        start: the state the first event applies to (None: the plan's initial state).
        assume_unchanged: past the data's edge, carry every fact forward as last known.
        controls: the table of who can change each fact (``gp.controls()``), with which the
            compliance part names who could settle each missing fact (None: not named).

    Returns:
        The report.

    Raises:
        InvalidValueError: if *at* is not an instant in the library's range.
        InvalidEventError: if an event cannot happen in the state it meets.
    """
    check.need_one_or_many(plan, Plan, "report(plan)", check.PLAN_FIX)
    check.need_type(timeline, Timeline, "report(timeline)", check.TIMELINE_FIX)
    plans = (plan,) if isinstance(plan, Plan) else tuple(plan)
    comp = compliance(
        plans, timeline, at=at, start=start, assume_unchanged=assume_unchanged, controls=controls
    )
    when = comp.at
    now = in_force(plans, when)
    h = judged_history(now, timeline, at=when, start=start, assume_unchanged=assume_unchanged)
    state = h.at(when)
    return Report(
        title=now.title,
        version=now.version,
        in_force=now.in_force,
        at=when,
        state=state,
        phases=check_plan(now, state),
        compliance=comp,
        replayed=len(timeline.until(when)),
        events=len(timeline),
        data_as_of=comp.data_as_of,
        beyond_data=comp.beyond_data,
        assume_unchanged=assume_unchanged,
        anomalies=anomalies(plans, timeline.until(when), start=start),
        plans=plans,
        timeline=timeline,
    )
