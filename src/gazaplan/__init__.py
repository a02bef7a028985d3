"""gazaplan: the US 20-point plan for Gaza (29 September 2025) as typed, sourced, explainable rules.

Five things to do with it (the bundled data reach 9 October 2026; past that, UNKNOWN)::

    import gazaplan as gp
    plans, events = gp.plan_versions(), gp.timeline()

    # 1. Where does the plan stand? A few lines to quote, every figure from one judgement.
    print(gp.status(plans, events).explain())            # gazaplan status

    # 2. Why? Each phase's verdict and each obligation's status, with the conditions behind it.
    print(gp.report(plans, events).explain())            # gazaplan report [--html FILE]

    # 3. Who can block what, and what must happen for the next step.
    plan = gp.plan()
    now = gp.replay(plan, events)
    print(gp.analyse(plan, now).explain())               # gazaplan analyse

    # 4. What if? Change a term, replay the same events, see what flips and why.
    ratio = plan.exchange.remains_ratio
    variant = gp.amend(plan, gp.SetTerm("exchange.remains_ratio", gp.Sourced(20, ratio.sources)))
    print(gp.compare(plan, variant, events).explain())   # gazaplan compare A B

    # 5. Publish: typed tables, charts fit to print, and the source behind every code.
    gp.write_csv(gp.report(plans, events), "report")     # gazaplan report --csv report
    gp.plots.save(gp.plots.plot_exchange(plan, events), "exchange.png")  # the plot extra
    print(gp.sources()["WH 4"].explain())                # gazaplan sources WH 4

Three-valued verdicts (MET / UNMET / UNKNOWN): a fact no source gives is unknown, and a verdict
that depends on it is UNKNOWN, never UNMET. Every judgement names its instant and the plan
version judging. ``gazaplan --help`` lists the commands, each ``--help`` with examples.

The package is in layers, a folder each, listed bottom-up: a module imports only from the layers
listed before its own (the first three import nothing of gazaplan), and, in its own folder, only
the modules listed before it in the folder's ``__init__``. Lazy imports count; imports for type
checkers do not. ``tests/test_layering.py`` enforces both levels::

    exceptions, truth, _loading   errors; three-valued truth; the loader of names and old paths
    core/                         the model: facts, state, conditions, plan, evaluation, rules, amendments
    time/                         events, timelines, replay, compliance, verdicts over time, the dataset
    catalog/                      the bundled content (the only content): points, versions, the dataset
    whatif/                       differences of plans and verdicts; positions; scenarios; data releases
    analysis/                     structure: who waits for whom, veto players, what must happen
    exploration/                  every order of the parties' moves; witnesses; Promela for SPIN
    runs/                         many runs on any executor: sweeps, perturbations, Monte Carlo
    files/                        documents in JSON and TOML, their JSON Schema, safe reads and writes
    strategies/                   hypothesis strategies (the ``hypothesis`` extra), the entry-point hook
    desk/                         tables, notebook displays, plots, the HTML report, exports
    cli/                          the ``gazaplan`` command: parser, command table, a module per family

Ports are the only dependencies that run the other way: a lower layer asks for them by name and
:data:`gazaplan.core._ports.PORTS` says which module serves each, loaded when first asked::

    tables     gazaplan.desk.tables        a result's to_pandas()
    display    gazaplan.desk._display      a result's _repr_html_
    plots      gazaplan.desk.plots         a result's plot()
    documents  gazaplan.files.documents    the catalog's data file, read as a document

Module paths of 0.1.0.dev0 (``gazaplan.conditions``, ``gazaplan.perturbations``, ...) resolve to
the same modules at their new homes (``gazaplan._loading``).

Every public name is listed once, below, under its home module. The names load on first use (PEP
562), from that same list, so ``import gazaplan`` costs next to nothing until the library is used.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

from . import _loading

_loading.install()  # module paths of 0.1.0.dev0 resolve to their new homes


class _Package(ModuleType):
    """The package's own module type: importing an old module path (``gazaplan.sources``, now
    ``gazaplan.core.sources``) leaves the public name spelt the same (``gp.sources``, the source
    register) as it is, where Python would set the module over it."""

    def __setattr__(self, name: str, value: Any) -> None:
        if (
            isinstance(value, ModuleType)
            and name in _loading.MOVED
            and name in _loading.homes(__file__)
        ):
            return  # the old path still imports (sys.modules has it); the name keeps its value
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__version__ = "0.1.0"

# The one list of public names, by home module. Type checkers read it as it stands; the loader
# below reads the same lines (gazaplan._loading.homes) on first use.
if TYPE_CHECKING:
    from .analysis.graphs import (
        graph as graph,
    )
    from .analysis.headline import (
        Headline as Headline,
    )
    from .analysis.headline import (
        status as status,
    )
    from .analysis.implicants import (
        paths_to as paths_to,
    )
    from .analysis.implicants import (
        value_of_information as value_of_information,
    )
    from .analysis.structural import (
        analyse as analyse,
    )
    from .analysis.vetoes import (
        veto_players as veto_players,
    )
    from .analysis.waits import (
        cycles as cycles,
    )
    from .catalog import (
        controls as controls,
    )
    from .catalog import (
        dataset as dataset,
    )
    from .catalog import (
        plan as plan,
    )
    from .catalog import (
        plan_versions as plan_versions,
    )
    from .catalog import (
        sources as sources,
    )
    from .catalog import (
        timeline as timeline,
    )
    from .catalog import (
        versions as versions,
    )
    from .catalog.register import (
        SourceEntry as SourceEntry,
    )
    from .catalog.register import (
        SourceRegister as SourceRegister,
    )
    from .catalog.register import (
        Support as Support,
    )
    from .core.amendments import (
        AddObligation as AddObligation,
    )
    from .core.amendments import (
        AddPosition as AddPosition,
    )
    from .core.amendments import (
        Amendment as Amendment,
    )
    from .core.amendments import (
        DropObligation as DropObligation,
    )
    from .core.amendments import (
        Edit as Edit,
    )
    from .core.amendments import (
        SetCondition as SetCondition,
    )
    from .core.amendments import (
        SetDeadline as SetDeadline,
    )
    from .core.amendments import (
        SetKind as SetKind,
    )
    from .core.amendments import (
        SetTerm as SetTerm,
    )
    from .core.amendments import (
        amend as amend,
    )
    from .core.conditions import (
        AllOf as AllOf,
    )
    from .core.conditions import (
        AnyOf as AnyOf,
    )
    from .core.conditions import (
        AtLeast as AtLeast,
    )
    from .core.conditions import (
        AtMost as AtMost,
    )
    from .core.conditions import (
        Condition as Condition,
    )
    from .core.conditions import (
        Equals as Equals,
    )
    from .core.conditions import (
        Known as Known,
    )
    from .core.conditions import (
        Not as Not,
    )
    from .core.conditions import (
        OneOf as OneOf,
    )
    from .core.conditions import (
        PhaseComplete as PhaseComplete,
    )
    from .core.conditions import (
        Term as Term,
    )
    from .core.conditions import (
        Times as Times,
    )
    from .core.evaluation import (
        Blocker as Blocker,
    )
    from .core.evaluation import (
        Evaluation as Evaluation,
    )
    from .core.evaluation import (
        Reading as Reading,
    )
    from .core.evaluation import (
        evaluate as evaluate,
    )
    from .core.facts import (
        Crossing as Crossing,
    )
    from .core.facts import (
        FactKind as FactKind,
    )
    from .core.facts import (
        FactSpec as FactSpec,
    )
    from .core.facts import (
        GovernanceRole as GovernanceRole,
    )
    from .core.facts import (
        Progress as Progress,
    )
    from .core.obligations import (
        Deadline as Deadline,
    )
    from .core.obligations import (
        InitialFact as InitialFact,
    )
    from .core.obligations import (
        Measure as Measure,
    )
    from .core.obligations import (
        Obligation as Obligation,
    )
    from .core.obligations import (
        ObligationKind as ObligationKind,
    )
    from .core.obligations import (
        Path as Path,
    )
    from .core.obligations import (
        Period as Period,
    )
    from .core.obligations import (
        Phase as Phase,
    )
    from .core.parties import (
        Party as Party,
    )
    from .core.parties import (
        PartyKind as PartyKind,
    )
    from .core.parties import (
        Response as Response,
    )
    from .core.plans import (
        Plan as Plan,
    )
    from .core.provisions import (
        Nature as Nature,
    )
    from .core.provisions import (
        Provision as Provision,
    )
    from .core.provisions import (
        Wording as Wording,
    )
    from .core.records import (
        Figure as Figure,
    )
    from .core.records import (
        Position as Position,
    )
    from .core.records import (
        Qualifier as Qualifier,
    )
    from .core.records import (
        Stance as Stance,
    )
    from .core.records import (
        Topic as Topic,
    )
    from .core.rules import (
        ObligationReport as ObligationReport,
    )
    from .core.rules import (
        ObligationStatus as ObligationStatus,
    )
    from .core.rules import (
        PhaseReport as PhaseReport,
    )
    from .core.rules import (
        PlanReport as PlanReport,
    )
    from .core.rules import (
        check_phase as check_phase,
    )
    from .core.rules import (
        check_plan as check_plan,
    )
    from .core.sources import (
        Claim as Claim,
    )
    from .core.sources import (
        Contested as Contested,
    )
    from .core.sources import (
        Source as Source,
    )
    from .core.sources import (
        Sourced as Sourced,
    )
    from .core.state import (
        FACTS as FACTS,
    )
    from .core.state import (
        State as State,
    )
    from .core.state import (
        read_fact as read_fact,
    )
    from .core.terms import (
        AidTerms as AidTerms,
    )
    from .core.terms import (
        ExchangeTerms as ExchangeTerms,
    )
    from .core.terms import (
        WithdrawalLine as WithdrawalLine,
    )
    from .desk import (
        plots as plots,
    )
    from .desk.exports import (
        write_csv as write_csv,
    )
    from .desk.exports import (
        write_parquet as write_parquet,
    )
    from .desk.htmlreport import (
        html_report as html_report,
    )
    from .desk.htmlreport import (
        write_html_report as write_html_report,
    )
    from .desk.plots import (
        plot_exchange as plot_exchange,
    )
    from .desk.plots import (
        plot_obligations as plot_obligations,
    )
    from .desk.plots import (
        plot_withdrawal as plot_withdrawal,
    )
    from .desk.site import (
        write_site as write_site,
    )
    from .exceptions import (
        GazaplanError as GazaplanError,
    )
    from .exceptions import (
        InconsistentStateError as InconsistentStateError,
    )
    from .exceptions import (
        InvalidEventError as InvalidEventError,
    )
    from .exceptions import (
        InvalidPlanError as InvalidPlanError,
    )
    from .exceptions import (
        InvalidValueError as InvalidValueError,
    )
    from .exceptions import (
        MissingExtraError as MissingExtraError,
    )
    from .exceptions import (
        MissingPlanError as MissingPlanError,
    )
    from .exceptions import (
        Problem as Problem,
    )
    from .exceptions import (
        ScenarioFormatError as ScenarioFormatError,
    )
    from .exceptions import (
        UnknownFactError as UnknownFactError,
    )
    from .exceptions import (
        UnknownIdError as UnknownIdError,
    )
    from .exceptions import (
        UnknownPartyError as UnknownPartyError,
    )
    from .exceptions import (
        UnknownPhaseError as UnknownPhaseError,
    )
    from .exceptions import (
        UnknownTermError as UnknownTermError,
    )
    from .exceptions import (
        UnknownVersionError as UnknownVersionError,
    )
    from .exploration.search import (
        explore as explore,
    )
    from .files.documents import (
        SCHEMA_VERSION as SCHEMA_VERSION,
    )
    from .files.documents import (
        dump as dump,
    )
    from .files.documents import (
        dump_scenario as dump_scenario,
    )
    from .files.documents import (
        dumps as dumps,
    )
    from .files.documents import (
        load as load,
    )
    from .files.documents import (
        load_scenario as load_scenario,
    )
    from .files.documents import (
        loads as loads,
    )
    from .runs.montecarlo import (
        monte_carlo as monte_carlo,
    )
    from .runs.sweeps import (
        sweep as sweep,
    )
    from .time.anomalies import (
        AnomalyReport as AnomalyReport,
    )
    from .time.anomalies import (
        anomalies as anomalies,
    )
    from .time.compliance import (
        Compliance as Compliance,
    )
    from .time.compliance import (
        ComplianceReport as ComplianceReport,
    )
    from .time.compliance import (
        ComplianceStatus as ComplianceStatus,
    )
    from .time.compliance import (
        Quantity as Quantity,
    )
    from .time.compliance import (
        StatusPeriod as StatusPeriod,
    )
    from .time.compliance import (
        compliance as compliance,
    )
    from .time.events import (
        AidDelivered as AidDelivered,
    )
    from .time.events import (
        Approved as Approved,
    )
    from .time.events import (
        BodyEstablished as BodyEstablished,
    )
    from .time.events import (
        CeasefireChanged as CeasefireChanged,
    )
    from .time.events import (
        Change as Change,
    )
    from .time.events import (
        Confidence as Confidence,
    )
    from .time.events import (
        CrossingChanged as CrossingChanged,
    )
    from .time.events import (
        Event as Event,
    )
    from .time.events import (
        FactsReported as FactsReported,
    )
    from .time.events import (
        GazanRemainsReturned as GazanRemainsReturned,
    )
    from .time.events import (
        HostagesReleased as HostagesReleased,
    )
    from .time.events import (
        Precision as Precision,
    )
    from .time.events import (
        PrisonersReleased as PrisonersReleased,
    )
    from .time.events import (
        Redeployed as Redeployed,
    )
    from .time.events import (
        RemainsReturned as RemainsReturned,
    )
    from .time.events import (
        ResolutionAdopted as ResolutionAdopted,
    )
    from .time.events import (
        Responded as Responded,
    )
    from .time.events import (
        TerritoryHandedOver as TerritoryHandedOver,
    )
    from .time.events import (
        ViolationAlleged as ViolationAlleged,
    )
    from .time.events import (
        WeaponsDecommissioned as WeaponsDecommissioned,
    )
    from .time.histories import (
        History as History,
    )
    from .time.histories import (
        history as history,
    )
    from .time.histories import (
        replay as replay,
    )
    from .time.reports import (
        Report as Report,
    )
    from .time.reports import (
        report as report,
    )
    from .time.timelines import (
        Timeline as Timeline,
    )
    from .time.timelines import (
        TimelineBuilder as TimelineBuilder,
    )
    from .time.timelines import (
        apply as apply,
    )
    from .time.verdicts import (
        first_met as first_met,
    )
    from .time.verdicts import (
        verdicts_over_time as verdicts_over_time,
    )
    from .truth import (
        UNKNOWN as UNKNOWN,
    )
    from .truth import (
        Unknown as Unknown,
    )
    from .truth import (
        Verdict as Verdict,
    )
    from .whatif.differences import (
        Comparison as Comparison,
    )
    from .whatif.differences import (
        Diff as Diff,
    )
    from .whatif.differences import (
        Difference as Difference,
    )
    from .whatif.differences import (
        compare as compare,
    )
    from .whatif.differences import (
        diff as diff,
    )
    from .whatif.scenarios import (
        Expectation as Expectation,
    )
    from .whatif.scenarios import (
        FactExpectation as FactExpectation,
    )
    from .whatif.scenarios import (
        ObligationExpectation as ObligationExpectation,
    )
    from .whatif.scenarios import (
        Outcome as Outcome,
    )
    from .whatif.scenarios import (
        PhaseExpectation as PhaseExpectation,
    )
    from .whatif.scenarios import (
        Scenario as Scenario,
    )
    from .whatif.scenarios import (
        ScenarioResult as ScenarioResult,
    )
    from .whatif.scenarios import (
        check_scenario as check_scenario,
    )


def __getattr__(name: str) -> Any:
    """Load a public name, or a module below the package, on first use."""
    return _loading.load(__name__, __file__, globals(), name)


def __dir__() -> list[str]:
    return sorted({*__all__, "__version__"})


# The curated top level: what a notebook user reaches for. Every other public name above is
# importable from here too (``from gazaplan import AtLeast``); it is just not listed.
__all__ = [
    "FACTS",
    "UNKNOWN",
    "Amendment",
    "Compliance",
    "ComplianceReport",
    "ComplianceStatus",
    "Condition",
    "Contested",
    "Evaluation",
    "Event",
    "GazaplanError",
    "History",
    "ObligationKind",
    "ObligationStatus",
    "PhaseReport",
    "Plan",
    "PlanReport",
    "Quantity",
    "Report",
    "Response",
    "Scenario",
    "Source",
    "Sourced",
    "State",
    "Timeline",
    "Verdict",
    "amend",
    "analyse",
    "apply",
    "check_phase",
    "check_plan",
    "check_scenario",
    "compare",
    "compliance",
    "controls",
    "cycles",
    "dataset",
    "diff",
    "dump",
    "dump_scenario",
    "dumps",
    "evaluate",
    "explore",
    "first_met",
    "graph",
    "history",
    "html_report",
    "load",
    "load_scenario",
    "loads",
    "monte_carlo",
    "paths_to",
    "plan",
    "plots",
    "replay",
    "report",
    "sources",
    "status",
    "sweep",
    "timeline",
    "value_of_information",
    "verdicts_over_time",
    "versions",
    "veto_players",
    "write_html_report",
    "write_site",
]
