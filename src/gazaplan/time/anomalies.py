"""Where the record and the rules disagree: :func:`anomalies`.

A wrong reading of a trigger stays invisible unless something looks for it. ``anomalies(plan,
timeline)`` lists every event that acts on an obligation (changes whether it is fulfilled, or
how much of it is delivered) while its trigger is not MET, each judged under the version in
force at the event, and every event that undoes a fulfilled achievement. Each carries the
plan's :class:`~gazaplan.core.records.AnomalyNote` for it where the library has one: a real
early or out-of-order step, or a gap in what the sources say, with its sources. An anomaly
without a note is one nobody has looked at yet.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from ..core._compile import compiled, operand_fn
from ..core._results import Keyed, NotebookDisplay
from ..core.conditions import facts_read
from ..core.obligations import Obligation, ObligationKind
from ..core.plans import Plan
from ..core.records import AnomalyNote
from ..core.sources import cite
from ..core.state import State, fact_reader, fields_of
from ..truth import Verdict
from .compliance import in_force
from .histories import history
from .timelines import Timeline

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Anomaly", "AnomalyKind", "AnomalyReport", "anomalies"]

MET, UNMET = Verdict.MET, Verdict.UNMET


class AnomalyKind(enum.Enum):
    """How the record and the rules disagree."""

    EARLY = "acts before its trigger is met"
    """An event acts on an obligation whose trigger is UNMET."""
    TRIGGER_UNKNOWN = "acts while its trigger is unknown"
    """An event acts on an obligation whose trigger the facts leave UNKNOWN."""
    UNDONE = "undoes a fulfilled achievement"
    """An event makes an achievement's completion UNMET after it was MET."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Anomaly:
    """One place where the record and the rules disagree.

    Attributes:
        kind: how they disagree.
        event: the id of the event.
        at: its instant.
        obligation: the id of the obligation.
        version: the plan version in force at the event, which judged it.
        reason: what the event did and what the rules said then, in words.
        note: the library's account of it, if it has one (None: not yet looked at).
    """

    kind: AnomalyKind
    event: str
    at: dt.datetime
    obligation: str
    version: str
    reason: str
    note: AnomalyNote | None = None

    @property
    def explained(self) -> bool:
        """Whether the library has an account of it."""
        return self.note is not None

    def __str__(self) -> str:
        head = f"{self.at:%Y-%m-%d} {self.event} {self.kind} ({self.obligation}): {self.reason}"
        if self.note is None:
            return head + " [not yet explained]"
        return f"{head}\n    explained: {self.note.note} {cite(self.note.sources)}"


@attrs.frozen
class AnomalyReport(NotebookDisplay, Keyed[Anomaly]):
    """Every anomaly of a timeline against a plan (or its versions), in the order of events."""

    items: tuple[Anomaly, ...]

    @property
    def unexplained(self) -> tuple[Anomaly, ...]:
        """The anomalies no note accounts for."""
        return tuple(a for a in self.items if not a.explained)

    def explain(self) -> str:
        """The anomalies in words.

        Returns:
            A count, then each anomaly with the library's account of it.
        """
        n, open_ = len(self.items), len(self.unexplained)
        lines = [f"Anomalies between the record and the rules: {n} ({n - open_} explained)"]
        lines += [f"  {a}" for a in self.items]
        return "\n".join(lines) + "\n"

    def _rows(self) -> tuple[Anomaly, ...]:
        return self.items

    def _id(self, row: Anomaly) -> str:
        return f"{row.event}/{row.obligation}"

    def to_pandas(self) -> pd.DataFrame:
        """The anomalies as a DataFrame (needs the ``pandas`` extra).

        Returns:
            A row per anomaly, with its kind, event, instant, obligation, version, reason and
            note.

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        from ..core import _ports

        return _ports.tables().to_pandas(self)


def _acts(plan: Plan, o: Obligation, before: State, after: State) -> str:
    """What an event did to an obligation, in words (``""``: nothing).

    An event acts on it when it changes a fact its completion or its measures read and its
    trigger does not (a change to the trigger's own facts is the trigger moving, not the
    obligation being acted on), and that changes whether it is done or how much is delivered.
    """
    own = {fl for f in facts_read(o.completion) for fl in fields_of(f)}
    own |= {fl for m in o.measures for fl in fields_of(m.fact)}
    own -= {fl for f in facts_read(o.trigger) for fl in fields_of(f)}
    if all(getattr(before, fl) == getattr(after, fl) for fl in own):
        return ""
    done = compiled(o.completion, plan)
    a, b = done(before), done(after)
    if a is not b:
        return f"its completion went from {a} to {b}"
    for m in o.measures:
        read = fact_reader(m.fact)
        x, y = read(before), read(after)
        if x != y:
            owed = operand_fn(m.owed, plan)(after)
            return f"{m.label or m.fact} went from {x} to {y} (of {owed})"
    return ""


def anomalies(
    plan: Plan | Sequence[Plan], timeline: Timeline, *, start: State | None = None
) -> AnomalyReport:
    """Every event that acts on an obligation before its trigger is MET, and every event that
    undoes a fulfilled achievement.

    Args:
        plan: the plan, or the versions of a plan (each event judged under the version in force
            at it).
        timeline: the events.
        start: the state the first event applies to (None: the plan's initial state).

    Returns:
        The anomalies, in the order of events, each with the plan's note on it if it has one.

    Raises:
        InvalidEventError: if an event cannot happen in the state it meets.
    """
    plans = (plan,) if isinstance(plan, Plan) else tuple(plan)
    last = in_force(plans, timeline.last) if timeline.last is not None else plans[-1]
    h = history(last, timeline, start=start)
    out: list[Anomaly] = []
    for i in range(1, len(h) + 1):
        ev = h.event(i)
        v = in_force(plans, ev.at)
        notes = {(n.event, n.obligation): n for n in v.anomaly_notes}
        before, after = h.state(i - 1), h.state(i)
        for o in v.obligations():
            completion = compiled(o.completion, v)
            was, now = completion(before), completion(after)
            if o.kind is ObligationKind.ACHIEVEMENT and was is MET and now is UNMET:
                why = "its completion was MET and this event made it UNMET"
                out.append(Anomaly(AnomalyKind.UNDONE, ev.id, ev.at, o.id, v.version, why,
                                   notes.get((ev.id, o.id))))  # fmt: skip
                continue
            acted = _acts(v, o, before, after)
            trigger = compiled(o.trigger, v)(after)
            if not acted or trigger is MET:
                continue
            kind = AnomalyKind.EARLY if trigger is UNMET else AnomalyKind.TRIGGER_UNKNOWN
            why = f"{acted} while its trigger ({o.trigger.label or 'trigger'}) was {trigger}"
            out.append(Anomaly(kind, ev.id, ev.at, o.id, v.version, why, notes.get((ev.id, o.id))))
    return AnomalyReport(tuple(out))
