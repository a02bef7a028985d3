"""The headline: where the plan stands, in a few lines a reporter can quote.

:func:`status` answers, from one judgement (a :class:`~gazaplan.time.reports.Report` at one
instant under the version in force then), the questions a newsroom asks first:

- the phase the plan is in, since when and by which event;
- what its next step waits on, and whose refusal alone can block that step;
- the obligations breached or overdue, each since when;
- what the data leave unknown, and the facts missing most;
- how far the data reach.

The phase the plan is in is found from the plan's structure, not from its content: the main
path's phases form a sequence where one phase's preconditions name the one before it (phase 2's
name phase 1's completion); the plan is in the furthest phase of that sequence whose
preconditions are MET. Every figure comes from the report, so the headline, the report, the
compliance table and their exports agree (``tests/test_one_judgement.py``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs

from ..core import _checks as check
from ..core._results import NotebookDisplay
from ..core.conditions import facts_read, phases_named, text
from ..core.instants import Instant
from ..core.obligations import Path
from ..core.plans import Plan
from ..core.rules import PhaseReport
from ..core.state import State
from ..core.words import fact_question, parties_text, phase_name, target_name, verdict_words
from ..exceptions import InvalidValueError
from ..time.compliance import ComplianceStatus, in_force
from ..time.reports import Report, report
from ..time.timelines import Timeline
from ..time.verdicts import verdicts_over_time
from ..truth import Verdict
from .vetoes import veto_players

__all__ = ["Headline", "Standing", "headline_of", "sequence", "status"]

_NEWS = (ComplianceStatus.BREACHED, ComplianceStatus.OVERDUE)
_MOST_FACTS = 3  # the missing facts the headline names; the rest are counted
_ARE = {Verdict.MET: "met", Verdict.UNMET: "not met", Verdict.UNKNOWN: "not known"}


@attrs.frozen
class Standing:
    """One obligation the headline names (breached or overdue), with since when.

    Attributes:
        obligation_id: the obligation's id.
        summary: what it asks, in the plan's words (paraphrased).
        status: its status at the headline's instant.
        since: when its present status began (None: not placeable).
        cause: the event behind that start, in a few words (empty if none).
    """

    obligation_id: str
    summary: str
    status: ComplianceStatus
    since: dt.datetime | None
    cause: str = ""


@attrs.frozen
class Headline(NotebookDisplay):
    """Where the plan stands at one instant: every figure from one report.

    Attributes:
        at: the instant judged.
        version: the plan version that judged it.
        data_as_of: how far the data reach (None: a scenario without an edge).
        beyond_data: True if *at* is past the data's edge.
        phase_id: the phase the plan is in (None: no phase of the main sequence has begun).
        phase: the phase's display words (``"phase 2"``), or what says none has begun.
        phase_title: the phase's full name (empty where none has begun).
        since: since when its preconditions have been MET without a break (None: from the start
            of the timeline, or none begun).
        since_events: the events at *since*.
        since_summary: the first of those events in a few words.
        possibly_sooner: True if its preconditions were UNKNOWN just before *since*, so they may
            have held earlier than the data show.
        next_target: the next step's target id (``"phase-2.completion"``; None: the sequence is
            complete).
        next_words: the next step in words (``"phase 2's completion"``).
        next_verdict: the next step's verdict now.
        waits_unmet: the conditions of the next step that are not met, in words.
        waits_unknown: those the data leave unknown, in words.
        vetoes: the parties whose refusal alone blocks the next step whatever the unknowns are.
        vetoes_words: those parties by name, joined in words.
        possible_vetoes: those whose refusal blocks it for some values of the unknowns only.
        possible_vetoes_words: those parties by name, joined in words.
        standing: the obligations breached or overdue, most severe first.
        counts: how many obligations have each status (the report's counts).
        obligations: how many obligations were judged.
        unknown: how many obligations the data leave unknown.
        missing: the facts missing most often behind those, with how many obligations each
            leaves unknown, most first.
    """

    at: dt.datetime
    version: str
    data_as_of: dt.datetime | None
    beyond_data: bool
    phase_id: str | None
    phase: str
    phase_title: str
    since: dt.datetime | None
    since_events: tuple[str, ...]
    since_summary: str
    possibly_sooner: bool
    next_target: str | None
    next_words: str
    next_verdict: Verdict | None
    waits_unmet: tuple[str, ...]
    waits_unknown: tuple[str, ...]
    vetoes: tuple[str, ...]
    vetoes_words: str
    possible_vetoes: tuple[str, ...]
    possible_vetoes_words: str
    standing: tuple[Standing, ...]
    counts: dict[str, int]
    obligations: int
    unknown: int
    missing: tuple[tuple[str, int], ...]

    def explain(self) -> str:
        """The headline in words: the paragraph that opens ``gazaplan report``.

        Returns:
            A few short lines (the phase and since when, the next step and what it waits on,
            who can block it, the obligations breached or overdue, what is unknown, and how far
            the data reach).
        """
        lines = [self._when()]
        lines.append(self._phase_line())
        lines += self._next_lines()
        lines.append(self._obligations_line())
        if self.unknown:
            lines.append(self._unknown_line())
        return "\n".join(lines) + "\n"

    def _when(self) -> str:
        day = _day(self.at)
        edge = ""
        if self.data_as_of is not None:
            edge = f"; the data reach {_day(self.data_as_of)}"
            if self.beyond_data:
                edge += " (this is past them: what can change back is not known)"
        return f"Where the plan stands on {day} (plan version {self.version}{edge}):"

    def _phase_line(self) -> str:
        if self.phase_id is None:
            return f"- Phase: {self.phase}."
        head = f"- Phase: {self.phase} ({self.phase_title}), its preconditions met"
        if self.since is None:
            return head + " from the start of the timeline."
        cause = f" ({self.since_summary})" if self.since_summary else ""
        sooner = (
            ", possibly sooner: the data do not say before then" if self.possibly_sooner else ""
        )
        return head + f" since {_day(self.since)}{cause}{sooner}."

    def _next_lines(self) -> list[str]:
        if self.next_target is None:
            return ["- Next step: none; every phase of the main sequence is complete."]
        verdict = verdict_words(self.next_verdict) if self.next_verdict is not None else "not known"
        lines = [f"- Next step: {self.next_words} ({verdict})."]
        if self.waits_unmet:
            lines.append(f"  Not met: {'; '.join(self.waits_unmet)}.")
        if self.waits_unknown:
            lines.append(f"  Not known: {'; '.join(self.waits_unknown)}.")
        if self.vetoes:
            lines.append(
                f"  Whose refusal alone blocks it, whatever the unknown facts: {self.vetoes_words}."
            )
        if self.possible_vetoes:
            lines.append(
                "  Whose refusal alone may block it, depending on facts not known: "
                f"{self.possible_vetoes_words}."
            )
        return lines

    def _obligations_line(self) -> str:
        news = list(self.standing)
        head = f"- Obligations: {self.obligations} judged; "
        if not news:
            head += "none breached or overdue"
        else:
            head += "; ".join(
                f"{s.status}: {s.summary}{f' (since {_day(s.since)})' if s.since else ''}"
                for s in news
            )
        rest = [
            f"{n} {word}"
            for word, n in self.counts.items()
            if n and word not in {str(x) for x in _NEWS}
        ]
        return head + (f"; {', '.join(rest)}." if rest else ".")

    def _unknown_line(self) -> str:
        line = f"- Not known from the data: {self.unknown} of {self.obligations} obligations"
        if not self.missing:
            return line + "."
        if self.missing[0][1] > 1:
            most = "; ".join(f"{fact} ({n} obligations)" for fact, n in self.missing)
            return f"{line}; the facts missing most: {most}."
        return (
            f"{line}; among the facts the data do not settle: "
            + "; ".join(fact for fact, _ in self.missing)
            + "."
        )

    def to_dict(self) -> dict[str, Any]:
        """The headline as plain data, for ``--json`` (ids, not display names, for machines).

        Returns:
            Its fields, instants as datetimes, statuses and verdicts as words.
        """
        return {
            "at": self.at,
            "version": self.version,
            "data_as_of": self.data_as_of,
            "beyond_data": self.beyond_data,
            "phase": self.phase_id,
            "since": self.since,
            "since_events": list(self.since_events),
            "possibly_sooner": self.possibly_sooner,
            "next": self.next_target,
            "next_verdict": str(self.next_verdict) if self.next_verdict is not None else None,
            "waits_unmet": list(self.waits_unmet),
            "waits_unknown": list(self.waits_unknown),
            "vetoes": list(self.vetoes),
            "possible_vetoes": list(self.possible_vetoes),
            "standing": [
                {"obligation": s.obligation_id, "status": str(s.status), "since": s.since}
                for s in self.standing
            ],
            "counts": dict(self.counts),
            "obligations": self.obligations,
            "unknown": self.unknown,
            "missing": [{"fact": fact, "obligations": n} for fact, n in self.missing],
        }


def _day(at: dt.datetime) -> str:
    return f"{at.day} {at:%B %Y}"


def sequence(plan: Plan) -> tuple[str, ...]:
    """The main path's phases in order: each one's preconditions name the one before it.

    Args:
        plan: the plan.

    Returns:
        The phase ids from the first (whose preconditions name no phase) onward, as far as the
        chain goes; empty for a plan without a main-path phase.
    """
    main = [p for p in plan.phases if p.path is Path.MAIN]
    first = [p for p in main if not phases_named(p.entry)]
    if not first:
        return ()
    chain = [first[0].id]
    while True:
        after = [p.id for p in main if chain[-1] in phases_named(p.entry) and p.id not in chain]
        if not after:
            return tuple(chain)
        chain.append(after[0])


def _current(plan: Plan, r: Report) -> str | None:
    current = None
    for phase_id in sequence(plan):
        if r.phases.phase(phase_id).verdict is Verdict.MET:
            current = phase_id
    return current


def _since(
    plans: Sequence[Plan], timeline: Timeline, phase_id: str, at: dt.datetime
) -> tuple[dt.datetime | None, tuple[str, ...], bool]:
    """When the phase's preconditions last became MET and stayed so up to *at*, each instant
    judged under the version in force then."""
    upto = timeline.until(at)
    series: dict[str, Any] = {}
    verdicts: list[tuple[dt.datetime | None, tuple[str, ...], Verdict]] = []
    first = verdicts_over_time(plans[0], upto)
    for i, when in enumerate(first.instants):
        plan = in_force(plans, when) if when is not None else plans[0]
        if plan.version not in series:
            series[plan.version] = verdicts_over_time(plan, upto)
        over = series[plan.version]
        known = phase_id in over.phases
        v = over.verdict(phase_id, "entry")[i] if known else Verdict.UNKNOWN
        verdicts.append((when, over.events[i], v))
    k = len(verdicts)
    while k > 0 and verdicts[k - 1][2] is Verdict.MET:
        k -= 1
    if k == len(verdicts):
        return None, (), False
    when, events, _ = verdicts[k]
    sooner = k > 0 and verdicts[k - 1][2] is Verdict.UNKNOWN
    return when, events, sooner


def _labels(phase: PhaseReport, part: str, effect: Verdict) -> tuple[str, ...]:
    ev = phase.completion if part == "completion" else phase.entry
    seen: dict[str, None] = {}
    for b in ev.blockers():
        if b.effect is effect:
            seen[text(b.evaluation.condition)] = None
    return tuple(seen)


def _missing(plan: Plan, r: Report) -> tuple[tuple[str, int], ...]:
    """The facts behind the unknown obligations, by name, with how many each leaves unknown."""
    tally: Counter[str] = Counter()
    for item in r.compliance.items:
        if item.status is not ComplianceStatus.UNKNOWN:
            continue
        facts = {
            fact
            for b in item.completion.blockers()
            if b.effect is Verdict.UNKNOWN
            for fact in facts_read(b.evaluation.condition)
        }
        tally.update(fact_question(f, plan) for f in facts)
    return tuple(sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))[:_MOST_FACTS])


def _standing(r: Report) -> tuple[Standing, ...]:
    found = []
    for status in _NEWS:
        for item in r.compliance.items:
            if item.status is not status:
                continue
            period = item.periods[-1] if item.periods else None
            since = period.start if period is not None and period.status is status else None
            cause = period.cause if period is not None and since is not None else ""
            summary = item.obligation.action
            found.append(Standing(item.obligation.id, summary, status, since, cause))
    return tuple(found)


def headline_of(r: Report, *, state: State | None = None) -> Headline:
    """The headline of a report already made, so that both show one judgement.

    Args:
        r: the report (from :func:`~gazaplan.report`, which keeps the plans and timeline it
            judged; a report without them gives no "since when").
        state: the state to find vetoes in (None: the report's).

    Returns:
        The headline.

    Raises:
        InvalidValueError: if the report does not keep the plan it judged.
    """
    versions = r.plans
    timeline = r.timeline
    plan = in_force(versions, r.at) if versions else None
    if plan is None or plan.version != r.version:
        raise InvalidValueError(
            "headline_of(report)", r.version, "a report that does not keep the plan it judged",
            "Make the report with gazaplan.report(plan, timeline).",
        )  # fmt: skip
    current = _current(plan, r)
    since: dt.datetime | None = None
    since_events: tuple[str, ...] = ()
    sooner = False
    if current is None:
        first = sequence(plan)
        words = (
            f"none begun: {target_name(plan, first[0] + '.entry')} are "
            f"{_ARE[r.phases.phase(first[0]).verdict]}"
            if first
            else "none: the plan has no main sequence of phases"
        )
        title = ""
    else:
        words = phase_name(plan, current)
        title = plan.phase(current).name
        if timeline is not None:
            since, since_events, sooner = _since(versions, timeline, current, r.at)
    target, verdict, unmet, unknown = _next(plan, r, current)
    vetoes: tuple[str, ...] = ()
    maybe: tuple[str, ...] = ()
    if target is not None and verdict is not Verdict.MET:
        found = veto_players(plan, target, state if state is not None else r.state)
        vetoes = found.players
        maybe = tuple(v.party for v in found.vetoes if v.verdict is Verdict.UNKNOWN)
    summary = ""
    if since_events and timeline is not None:
        by_id = {e.id: e for e in timeline.events}
        event = by_id.get(since_events[0])
        summary = _clause(event.summary) if event is not None else ""
    counts = {str(k): n for k, n in r.counts().items()}
    return Headline(
        at=r.at,
        version=r.version,
        data_as_of=r.data_as_of,
        beyond_data=r.beyond_data,
        phase_id=current,
        phase=words,
        phase_title=title,
        since=since,
        since_events=since_events,
        since_summary=summary,
        possibly_sooner=sooner,
        next_target=target,
        next_words=target_name(plan, target) if target is not None else "",
        next_verdict=verdict,
        waits_unmet=unmet,
        waits_unknown=unknown,
        vetoes=vetoes,
        vetoes_words=parties_text(plan, vetoes, none="none"),
        possible_vetoes=maybe,
        possible_vetoes_words=parties_text(plan, maybe, none="none"),
        standing=_standing(r),
        counts=counts,
        obligations=len(r.compliance.items),
        unknown=r.counts().get(ComplianceStatus.UNKNOWN, 0),
        missing=_missing(plan, r),
    )


def _clause(summary: str, limit: int = 100) -> str:
    """An event's summary in a few words: its first clause; if long, cut where a phrase ends
    (before "(", "and", "while" or a comma), else at a word."""
    first = summary.split(";")[0].strip().rstrip(".")
    if len(first) <= limit:
        return first
    head = first[:limit]
    cut = max(head.rfind(mark) for mark in (" (", " and ", " while ", ", "))
    if cut < limit // 3:
        cut = head.rfind(" ")
    return head[:cut].rstrip(",") + " …"


def _next(
    plan: Plan, r: Report, current: str | None
) -> tuple[str | None, Verdict | None, tuple[str, ...], tuple[str, ...]]:
    order = sequence(plan)
    if not order:
        return None, None, (), ()
    if current is None:
        phase = r.phases.phase(order[0])
        part = "entry"
    else:
        phase = r.phases.phase(current)
        part = "completion"
        if phase.completion.verdict is Verdict.MET:
            later = order[order.index(current) + 1 :]
            if not later:
                return None, None, (), ()
            phase, part = r.phases.phase(later[0]), "entry"
    verdict = phase.verdict if part == "entry" else phase.completion.verdict
    unmet = _labels(phase, part, Verdict.UNMET)
    unknown = _labels(phase, part, Verdict.UNKNOWN)
    return f"{phase.phase.id}.{part}", verdict, unmet, unknown


def status(
    plan: Plan | Sequence[Plan],
    timeline: Timeline,
    *,
    at: Instant | None = None,
    assume_unchanged: bool = False,
) -> Headline:
    """Where the plan stands: the headline a reporter can quote, from one judgement.

    Args:
        plan: the plan, or its versions (``gp.plan_versions()``: each instant judged under the
            version in force then).
        timeline: the events to replay.
        at: the instant (None: the data's edge, as for :func:`~gazaplan.report`).
        assume_unchanged: past the data's edge, carry every fact forward as last known.

    Returns:
        The headline (the phase and since when, the next step, what it waits on and who can
        block it, the obligations breached or overdue, what the data leave unknown).

    Raises:
        InvalidValueError: if *at* is not an instant in the library's range.

    Example:
        >>> import gazaplan as gp
        >>> h = gp.status(gp.plan_versions(), gp.timeline())
        >>> h.phase_id
        'phase-2'
    """
    check.need_one_or_many(plan, Plan, "status(plan)", check.PLAN_FIX)
    check.need_type(timeline, Timeline, "status(timeline)", check.TIMELINE_FIX)
    return headline_of(report(plan, timeline, at=at, assume_unchanged=assume_unchanged))
