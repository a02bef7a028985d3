"""What-if scenarios as data: a plan version (with amendments) + a timeline + expectations.

A :class:`Scenario` is what a scenario file holds (see :mod:`gazaplan.files.documents` for the files).
Its expectations make it a regression test, as OpenFisca's YAML tests are: each says what should
hold at an instant (a phase's verdict, an obligation's compliance status, a fact's value), and
:func:`check_scenario` replays the timeline and reports, for each, what was found and why.

>>> import gazaplan as gp
>>> s = gp.Scenario(name="at publication", version="2025-09-29")
>>> gp.check_scenario(s).passed
True
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias

import attrs

if TYPE_CHECKING:
    import pandas as pd

from ..catalog import plan as bundled_plan
from ..core import _checks as check
from ..core import _ports
from ..core._results import NotebookDisplay
from ..core.amendments import Amendment, amend
from ..core.plans import Plan
from ..core.rules import check_phase
from ..core.state import check_value, read_fact, spec_of
from ..time.compliance import ComplianceReport, ComplianceStatus, compliance
from ..time.histories import history
from ..time.timelines import Timeline
from ..truth import Verdict

__all__ = [
    "Expectation",
    "FactExpectation",
    "ObligationExpectation",
    "Outcome",
    "PhaseExpectation",
    "Scenario",
    "ScenarioResult",
    "check_scenario",
]


PARTS = ("entry", "completion")
"""What of a phase a :class:`PhaseExpectation` is about."""


def _fact(inst: object, attr: attrs.Attribute[Any], value: str) -> None:
    spec_of(value)  # raises UnknownFactError, naming the known facts


@attrs.frozen
class PhaseExpectation:
    """At *at*, phase *phase* has verdict *verdict*: the verdict on its entry (its stated
    preconditions, as ``check_phase`` gives it), or with ``part="completion"`` on its
    completion condition."""

    at: dt.datetime = attrs.field(validator=check.instant("an expectation's instant"))
    phase: str = attrs.field(validator=check.ident())
    verdict: Verdict = attrs.field(validator=attrs.validators.instance_of(Verdict))
    note: str = ""
    part: str = attrs.field(default="entry", validator=check.one_of(PARTS))
    tag: ClassVar[str] = "phase"


@attrs.frozen
class ObligationExpectation:
    """At *at*, obligation *obligation* has compliance status *status*."""

    at: dt.datetime = attrs.field(validator=check.instant("an expectation's instant"))
    obligation: str = attrs.field(validator=check.ident())
    status: ComplianceStatus = attrs.field(validator=attrs.validators.instance_of(ComplianceStatus))
    note: str = ""
    tag: ClassVar[str] = "obligation"


@attrs.frozen
class FactExpectation:
    """At *at*, fact *fact* has value *value* (UNKNOWN included) in the replayed state."""

    at: dt.datetime = attrs.field(validator=check.instant("an expectation's instant"))
    fact: str = attrs.field(validator=_fact)
    value: Any
    note: str = ""
    tag: ClassVar[str] = "fact"

    def __attrs_post_init__(self) -> None:
        check_value(self.fact, self.value, "FactExpectation")


Expectation: TypeAlias = PhaseExpectation | ObligationExpectation | FactExpectation


@attrs.frozen(kw_only=True)
class Scenario:
    """A named what-if: a bundled plan version, amendments over it, a timeline, expectations.

    Attributes:
        name: a short name.
        version: the bundled plan version the scenario starts from (see ``gp.versions()``).
        amendments: changes over that version, applied in order (``gp.amend``).
        timeline: the events to replay.
        expectations: what should hold, each at an instant.
        description: what the scenario asks, in a sentence or two.
    """

    name: str = attrs.field(validator=check.text())
    version: str = attrs.field(validator=check.text())
    amendments: tuple[Amendment, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.items_of(Amendment)
    )
    timeline: Timeline = attrs.field(factory=Timeline)
    expectations: tuple[Expectation, ...] = attrs.field(
        default=(),
        converter=check.as_tuple,
        validator=check.items_of((PhaseExpectation, ObligationExpectation, FactExpectation)),
    )
    description: str = ""

    def plan(self) -> Plan:
        """The plan the scenario runs on.

        Returns:
            The bundled version with the amendments applied, in order.

        Raises:
            UnknownVersionError: no bundled version has this id.
            UnknownIdError: an amendment names something the plan does not have.
        """
        base = bundled_plan(self.version)
        return amend(base, *self.amendments) if self.amendments else base

    def validate(self) -> Plan:
        """Check the scenario against the bundled plans.

        The version must exist, the amendments apply, the timeline replay on the plan, and the
        expectations name its phases, obligations, parties and lines.

        Returns:
            The plan the scenario runs on.

        Raises:
            UnknownVersionError: no bundled version has this id.
            UnknownIdError: an amendment or expectation names something the plan does not have.
            InvalidEventError: an event cannot happen in the state it meets.
            GazaplanError: any other check that fails.
        """
        plan = self.plan()
        history(plan, self.timeline)
        for e in self.expectations:
            check_expectation(plan, e)
        return plan


def check_expectation(plan: Plan, e: Expectation) -> None:
    """Refuse an expectation naming a phase, obligation, party or line the plan does not have.

    Args:
        plan: the plan.
        e: the expectation.

    Raises:
        UnknownPhaseError: if it names no phase of the plan.
        UnknownIdError: if it names no obligation, or no line, of the plan.
        UnknownPartyError: if its fact names a party the plan does not have.
    """
    if isinstance(e, PhaseExpectation):
        plan.phase(e.phase)
    elif isinstance(e, ObligationExpectation):
        plan.obligation(e.obligation)
    else:
        plan.check_ids({e.fact: e.value})


@attrs.frozen
class Outcome:
    """One expectation checked: what was expected, what was found, and the reasons."""

    expectation: Expectation
    found: Any
    passed: bool
    reason: str

    def __str__(self) -> str:
        e = self.expectation
        mark = "ok  " if self.passed else "FAIL"
        what, wanted = subject(e)
        head = f"[{mark}] {e.at.isoformat()} {what}: expected {wanted}, found {self.found}"
        if self.passed:
            return head
        body = "\n".join("      " + line for line in self.reason.splitlines())
        return f"{head}\n{body}"


def subject(e: Expectation) -> tuple[str, Any]:
    """What an expectation is about, and the value it expects.

    Args:
        e: the expectation.

    Returns:
        The subject in words (``"phase phase-1"``, ``"obligation <id>"``, ``"fact <id>"``) and
        the verdict, status or value expected.
    """
    if isinstance(e, PhaseExpectation):
        part = "" if e.part == "entry" else f" {e.part}"
        return f"phase {e.phase}{part}", e.verdict
    if isinstance(e, ObligationExpectation):
        return f"obligation {e.obligation}", e.status
    return f"fact {e.fact}", e.value


@attrs.frozen
class ScenarioResult(NotebookDisplay):
    """Every expectation of a scenario, checked."""

    scenario: Scenario
    outcomes: tuple[Outcome, ...]

    @property
    def passed(self) -> bool:
        """True when every expectation holds (and when there are none)."""
        return all(o.passed for o in self.outcomes)

    def __bool__(self) -> bool:
        """The same as :attr:`passed`, so ``assert gp.check_scenario(s)`` fails when one fails."""
        return self.passed

    @property
    def failures(self) -> tuple[Outcome, ...]:
        """The outcomes of the expectations that do not hold, in order."""
        return tuple(o for o in self.outcomes if not o.passed)

    def explain(self) -> str:
        """The result in words.

        Returns:
            A heading with how many expectations hold, then one line per expectation; for a
            failed one, the reasons beneath it.
        """
        n, bad = len(self.outcomes), len(self.failures)
        head = f"Scenario {self.scenario.name!r} on version {self.scenario.version}: "
        head += f"{n - bad} of {n} expectations hold"
        return "\n".join([head, *(str(o) for o in self.outcomes)])

    def to_pandas(self) -> pd.DataFrame:
        """The result as a DataFrame.

        Needs the ``pandas`` extra.

        Returns:
            One row per expectation (expected, found, passed).

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        return _ports.tables().to_pandas(self)


def check_scenario(scenario: Scenario) -> ScenarioResult:
    """Replay a scenario's timeline on its plan and check each expectation at its instant.

    Args:
        scenario: the scenario.

    Returns:
        The outcome of each expectation; the result is truthy only if every one holds.

    Raises:
        UnknownVersionError: if no bundled version has the scenario's version id.
        UnknownIdError: if an amendment or expectation names something the plan does not have.
        InvalidEventError: if an event cannot happen in the state it meets.
    """
    check.need_type(
        scenario,
        Scenario,
        "check_scenario(scenario)",
        "Pass a gp.Scenario, or load one with gp.load_scenario(path).",
    )
    plan = scenario.plan()
    h = history(plan, scenario.timeline)
    for e in scenario.expectations:
        check_expectation(plan, e)
    reports: dict[dt.datetime, ComplianceReport] = {}  # one report per instant asked about
    outcomes = []
    for e in scenario.expectations:
        state = h.at(e.at)
        if isinstance(e, PhaseExpectation):
            report = check_phase(plan, e.phase, state)
            found = report.verdict if e.part == "entry" else report.completion.verdict
            outcomes.append(Outcome(e, found, found is e.verdict, report.explain()))
        elif isinstance(e, ObligationExpectation):
            if e.at not in reports:
                reports[e.at] = compliance(plan, scenario.timeline, at=e.at)
            item = reports[e.at].get(e.obligation)
            outcomes.append(Outcome(e, item.status, item.status is e.status, item.reason))
        else:
            found = read_fact(state, e.fact)
            why = f"replayed state at {e.at.isoformat()}: {e.fact} = {found}"
            outcomes.append(Outcome(e, found, found == e.value, why))
    return ScenarioResult(scenario, tuple(outcomes))
