"""gazaplan: the US 20-point plan for Gaza (29 September 2025) as typed, sourced, explainable rules.

Start with::

    import gazaplan as gp
    plan = gp.plan()                              # the bundled plan
    state = gp.State.initial(plan)                # the facts at publication
    print(gp.check_phase(plan, "phase-1", state).explain())

Layering (each module imports only modules above it, or ``exceptions`` and ``truth``; imports
only for type checkers do not count; ``tests/core/test_layering.py`` enforces it, lazy imports
included)::

    exceptions, truth, _checks, _frozenmap      errors, three-valued truth, validators
    _moved                                      module paths of 0.1.0.dev0, resolved
    _kinds                                      the registries of kinds (conditions, events, edits)
    _notebook                                   the notebook-display mixin (builds lazily)
    sources, parties                            who says what; who acts
    facts, state                                the fact schema; State and its field checks
    conditions                                  conditions as data: each kind says what it means
    records                                     reported figures; positions (stated conditions)
    control, models                             who can change each fact; action models (data)
    _plancache, _references                     a plan's caches; the reference checks it runs
    provisions, terms, obligations, plans       the plan model; Plan checks its references
    _compile, evaluation, explain, rules        evaluation, text reports, rule functions
    events, timelines                           events; timelines (a builder makes long ones)
    datasets                                    the timeline as a reviewed dataset (releases)
    histories, _compliance                      replay (histories that grow), compliance
    amendments                                  versions as amendments, what-if edits
    catalog                                     the bundled content (the only plan content)
    whatif, scenarios, releases                 diff and compare; scenarios; what a data release changes
    _structure, implicants, vetoes              structure: terms and domains; what must happen; vetoes
    waits, graphs, structural                   who waits for whom; the graph; the structure report
    _packing, witnesses, exploration            the packed engine; witnesses; exhaustive search
    analysis                                    verdicts over time, first MET; names the rest
    perturbations                               what a Monte Carlo run changes (data)
    runs, sweeps, montecarlo                    many runs, here or on an executor; sweeps; Monte Carlo
    _codec, _hooks, _converter                  edge: the cattrs converters (one per format)
    _locate, _problems, _document_types         edge: lines, problems, document names
    _files, documents, schema                   edge: safe reads and writes, files, JSON Schema
    _strategy_kinds, _strategy_events           edge: hypothesis strategies (the extra): kinds by
    strategies, _hypothesis                     fields, events and timelines, the rest, the hook
    tables                                      edge: results as rows; to_pandas()
    pax, promela                                edge: implementation scores, the CSV export; SPIN
    _html, _graph_svg, _display                 edge: notebook displays (_repr_html_; graphs as SVG)
    plots                                       edge: matplotlib plots (the extra)
    htmlreport                                  edge: the HTML report
    _commands, _commands_dataset                edge: the ``gazaplan`` command (its handlers,
    _commands_analysis, _commands_explore       the dataset's, the analysis', exploring,
    _commands_runs                              sweeps and simulations,
    _commands_data, cli                         the data's; the parser)

The core imports nothing above it, not even inside a method: a result's ``to_pandas()`` and
``_repr_html_`` ask ``_notebook`` for the tables and displays, and this package, on top, says
where they are (dependency inversion); the edges load when a result first asks.

Names are loaded on first use (PEP 562), so ``import gazaplan`` costs next to nothing until the
library is used; type checkers see the re-exports below as ordinary imports.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import _moved, _notebook

_moved.install()  # module paths of 0.1.0.dev0 resolve to their new homes

# The package sits on top of every layer, so it says where the edges the core asks for are
# (see gazaplan._notebook); nothing is imported until a result asks.
_notebook.provide("tables", f"{__name__}.tables")
_notebook.provide("display", f"{__name__}._display")
_notebook.provide("explain", f"{__name__}.explain")
_notebook.provide("documents", f"{__name__}.documents")
_notebook.provide("plots", f"{__name__}.plots")

if TYPE_CHECKING:
    from ._compliance import Compliance as Compliance
    from ._compliance import ComplianceReport as ComplianceReport
    from ._compliance import ComplianceStatus as ComplianceStatus
    from ._compliance import Quantity as Quantity
    from ._compliance import compliance as compliance
    from .amendments import AddObligation as AddObligation
    from .amendments import AddPosition as AddPosition
    from .amendments import Amendment as Amendment
    from .amendments import DropObligation as DropObligation
    from .amendments import Edit as Edit
    from .amendments import SetCondition as SetCondition
    from .amendments import SetDeadline as SetDeadline
    from .amendments import SetTerm as SetTerm
    from .amendments import amend as amend
    from .analysis import analyse as analyse
    from .analysis import cycles as cycles
    from .analysis import first_met as first_met
    from .analysis import graph as graph
    from .analysis import paths_to as paths_to
    from .analysis import value_of_information as value_of_information
    from .analysis import verdicts_over_time as verdicts_over_time
    from .analysis import veto_players as veto_players
    from .catalog import controls as controls
    from .catalog import dataset as dataset
    from .catalog import plan as plan
    from .catalog import timeline as timeline
    from .catalog import versions as versions
    from .conditions import AllOf as AllOf
    from .conditions import AnyOf as AnyOf
    from .conditions import AtLeast as AtLeast
    from .conditions import AtMost as AtMost
    from .conditions import Condition as Condition
    from .conditions import Equals as Equals
    from .conditions import Known as Known
    from .conditions import Not as Not
    from .conditions import OneOf as OneOf
    from .conditions import PhaseComplete as PhaseComplete
    from .conditions import Term as Term
    from .conditions import Times as Times
    from .documents import SCHEMA_VERSION as SCHEMA_VERSION
    from .documents import dump as dump
    from .documents import dump_scenario as dump_scenario
    from .documents import dumps as dumps
    from .documents import load as load
    from .documents import load_scenario as load_scenario
    from .documents import loads as loads
    from .evaluation import Blocker as Blocker
    from .evaluation import Evaluation as Evaluation
    from .evaluation import Reading as Reading
    from .evaluation import evaluate as evaluate
    from .events import AidDelivered as AidDelivered
    from .events import Approved as Approved
    from .events import BodyEstablished as BodyEstablished
    from .events import CeasefireChanged as CeasefireChanged
    from .events import Change as Change
    from .events import Confidence as Confidence
    from .events import CrossingChanged as CrossingChanged
    from .events import Event as Event
    from .events import FactsReported as FactsReported
    from .events import GazanRemainsReturned as GazanRemainsReturned
    from .events import HostagesReleased as HostagesReleased
    from .events import Precision as Precision
    from .events import PrisonersReleased as PrisonersReleased
    from .events import Redeployed as Redeployed
    from .events import RemainsReturned as RemainsReturned
    from .events import ResolutionAdopted as ResolutionAdopted
    from .events import Responded as Responded
    from .events import TerritoryHandedOver as TerritoryHandedOver
    from .events import ViolationAlleged as ViolationAlleged
    from .events import WeaponsDecommissioned as WeaponsDecommissioned
    from .exceptions import GazaplanError as GazaplanError
    from .exceptions import InconsistentStateError as InconsistentStateError
    from .exceptions import InvalidEventError as InvalidEventError
    from .exceptions import InvalidPlanError as InvalidPlanError
    from .exceptions import InvalidValueError as InvalidValueError
    from .exceptions import MissingExtraError as MissingExtraError
    from .exceptions import MissingPlanError as MissingPlanError
    from .exceptions import Problem as Problem
    from .exceptions import ScenarioFormatError as ScenarioFormatError
    from .exceptions import UnknownFactError as UnknownFactError
    from .exceptions import UnknownIdError as UnknownIdError
    from .exceptions import UnknownPartyError as UnknownPartyError
    from .exceptions import UnknownPhaseError as UnknownPhaseError
    from .exceptions import UnknownTermError as UnknownTermError
    from .exceptions import UnknownVersionError as UnknownVersionError
    from .exploration import explore as explore
    from .facts import Crossing as Crossing
    from .facts import FactKind as FactKind
    from .facts import FactSpec as FactSpec
    from .facts import GovernanceRole as GovernanceRole
    from .facts import Progress as Progress
    from .histories import History as History
    from .histories import history as history
    from .histories import replay as replay
    from .htmlreport import html_report as html_report
    from .htmlreport import write_html_report as write_html_report
    from .montecarlo import monte_carlo as monte_carlo
    from .obligations import Deadline as Deadline
    from .obligations import InitialFact as InitialFact
    from .obligations import Measure as Measure
    from .obligations import Obligation as Obligation
    from .obligations import Path as Path
    from .obligations import Phase as Phase
    from .parties import Party as Party
    from .parties import PartyKind as PartyKind
    from .parties import Response as Response
    from .plans import Plan as Plan
    from .plots import plot_exchange as plot_exchange
    from .plots import plot_obligations as plot_obligations
    from .plots import plot_withdrawal as plot_withdrawal
    from .provisions import Nature as Nature
    from .provisions import Provision as Provision
    from .provisions import Wording as Wording
    from .records import Figure as Figure
    from .records import Position as Position
    from .records import Qualifier as Qualifier
    from .records import Stance as Stance
    from .records import Topic as Topic
    from .rules import ObligationReport as ObligationReport
    from .rules import ObligationStatus as ObligationStatus
    from .rules import PhaseReport as PhaseReport
    from .rules import PlanReport as PlanReport
    from .rules import check_phase as check_phase
    from .rules import check_plan as check_plan
    from .scenarios import Expectation as Expectation
    from .scenarios import FactExpectation as FactExpectation
    from .scenarios import ObligationExpectation as ObligationExpectation
    from .scenarios import Outcome as Outcome
    from .scenarios import PhaseExpectation as PhaseExpectation
    from .scenarios import Scenario as Scenario
    from .scenarios import ScenarioResult as ScenarioResult
    from .scenarios import check_scenario as check_scenario
    from .sources import Claim as Claim
    from .sources import Contested as Contested
    from .sources import Source as Source
    from .sources import Sourced as Sourced
    from .state import FACTS as FACTS
    from .state import State as State
    from .state import read_fact as read_fact
    from .sweeps import sweep as sweep
    from .terms import AidTerms as AidTerms
    from .terms import ExchangeTerms as ExchangeTerms
    from .terms import WithdrawalLine as WithdrawalLine
    from .timelines import Timeline as Timeline
    from .timelines import TimelineBuilder as TimelineBuilder
    from .timelines import apply as apply
    from .truth import UNKNOWN as UNKNOWN
    from .truth import Unknown as Unknown
    from .truth import Verdict as Verdict
    from .whatif import Comparison as Comparison
    from .whatif import Diff as Diff
    from .whatif import Difference as Difference
    from .whatif import compare as compare
    from .whatif import diff as diff

__version__ = "0.1.0.dev0"

_WHERE = {
    "ResolutionAdopted": ".events",
    "timeline": ".catalog",
    "dataset": ".catalog",
    "Contested": ".sources",
    "Approved": ".events",
    "AddObligation": ".amendments",
    "AddPosition": ".amendments",
    "Amendment": ".amendments",
    "DropObligation": ".amendments",
    "Edit": ".amendments",
    "SetCondition": ".amendments",
    "SetDeadline": ".amendments",
    "SetTerm": ".amendments",
    "amend": ".amendments",
    "Comparison": ".whatif",
    "Diff": ".whatif",
    "Difference": ".whatif",
    "compare": ".whatif",
    "verdicts_over_time": ".analysis",
    "first_met": ".analysis",
    "cycles": ".analysis",
    "graph": ".analysis",
    "paths_to": ".analysis",
    "veto_players": ".analysis",
    "value_of_information": ".analysis",
    "analyse": ".analysis",
    "explore": ".exploration",
    "sweep": ".sweeps",
    "monte_carlo": ".montecarlo",
    "controls": ".catalog",
    "diff": ".whatif",
    "Compliance": "._compliance",
    "ComplianceReport": "._compliance",
    "ComplianceStatus": "._compliance",
    "Quantity": "._compliance",
    "compliance": "._compliance",
    "Measure": ".obligations",
    "AidDelivered": ".events",
    "BodyEstablished": ".events",
    "CeasefireChanged": ".events",
    "Change": ".events",
    "Confidence": ".events",
    "CrossingChanged": ".events",
    "Event": ".events",
    "FactsReported": ".events",
    "GazanRemainsReturned": ".events",
    "HostagesReleased": ".events",
    "Precision": ".events",
    "PrisonersReleased": ".events",
    "Redeployed": ".events",
    "RemainsReturned": ".events",
    "Responded": ".events",
    "TerritoryHandedOver": ".events",
    "ViolationAlleged": ".events",
    "WeaponsDecommissioned": ".events",
    "History": ".histories",
    "Timeline": ".timelines",
    "TimelineBuilder": ".timelines",
    "apply": ".timelines",
    "history": ".histories",
    "replay": ".histories",
    "InvalidEventError": ".exceptions",
    "plan": ".catalog",
    "versions": ".catalog",
    "AllOf": ".conditions",
    "AnyOf": ".conditions",
    "AtLeast": ".conditions",
    "AtMost": ".conditions",
    "Condition": ".conditions",
    "Equals": ".conditions",
    "Known": ".conditions",
    "Not": ".conditions",
    "OneOf": ".conditions",
    "PhaseComplete": ".conditions",
    "Term": ".conditions",
    "Times": ".conditions",
    "plot_exchange": ".plots",
    "plot_obligations": ".plots",
    "plot_withdrawal": ".plots",
    "html_report": ".htmlreport",
    "write_html_report": ".htmlreport",
    "Blocker": ".evaluation",
    "Evaluation": ".evaluation",
    "Reading": ".evaluation",
    "evaluate": ".evaluation",
    "GazaplanError": ".exceptions",
    "InconsistentStateError": ".exceptions",
    "InvalidPlanError": ".exceptions",
    "InvalidValueError": ".exceptions",
    "MissingExtraError": ".exceptions",
    "MissingPlanError": ".exceptions",
    "UnknownFactError": ".exceptions",
    "UnknownIdError": ".exceptions",
    "UnknownPartyError": ".exceptions",
    "UnknownPhaseError": ".exceptions",
    "UnknownTermError": ".exceptions",
    "UnknownVersionError": ".exceptions",
    "Crossing": ".facts",
    "FactKind": ".facts",
    "FactSpec": ".facts",
    "GovernanceRole": ".facts",
    "Progress": ".facts",
    "Deadline": ".obligations",
    "InitialFact": ".obligations",
    "Obligation": ".obligations",
    "Path": ".obligations",
    "Phase": ".obligations",
    "Party": ".parties",
    "PartyKind": ".parties",
    "Response": ".parties",
    "Plan": ".plans",
    "Nature": ".provisions",
    "Provision": ".provisions",
    "Wording": ".provisions",
    "Figure": ".records",
    "Position": ".records",
    "Qualifier": ".records",
    "Stance": ".records",
    "Topic": ".records",
    "ObligationReport": ".rules",
    "ObligationStatus": ".rules",
    "PhaseReport": ".rules",
    "PlanReport": ".rules",
    "check_phase": ".rules",
    "check_plan": ".rules",
    "Claim": ".sources",
    "Source": ".sources",
    "Sourced": ".sources",
    "FACTS": ".state",
    "State": ".state",
    "read_fact": ".state",
    "AidTerms": ".terms",
    "ExchangeTerms": ".terms",
    "WithdrawalLine": ".terms",
    "SCHEMA_VERSION": ".documents",
    "dump": ".documents",
    "dump_scenario": ".documents",
    "dumps": ".documents",
    "load": ".documents",
    "load_scenario": ".documents",
    "loads": ".documents",
    "Problem": ".exceptions",
    "ScenarioFormatError": ".exceptions",
    "Expectation": ".scenarios",
    "FactExpectation": ".scenarios",
    "ObligationExpectation": ".scenarios",
    "Outcome": ".scenarios",
    "PhaseExpectation": ".scenarios",
    "Scenario": ".scenarios",
    "ScenarioResult": ".scenarios",
    "check_scenario": ".scenarios",
    "UNKNOWN": ".truth",
    "Unknown": ".truth",
    "Verdict": ".truth",
}
_SUBMODULES = frozenset(
    {
        "catalog",
        "cli",
        "conditions",
        "evaluation",
        "exceptions",
        "explain",
        "facts",
        "obligations",
        "parties",
        "plans",
        "provisions",
        "records",
        "rules",
        "sources",
        "state",
        "terms",
        "truth",
        "amendments",
        "whatif",
        "events",
        "timelines",
        "scenarios",
        "documents",
        "strategies",
        "tables",
        "plots",
        "htmlreport",
        "analysis",
        "control",
        "graphs",
        "implicants",
        "vetoes",
        "waits",
        "structural",
        "datasets",
        "releases",
        "pax",
        "histories",
        "models",
        "exploration",
        "witnesses",
        "runs",
        "sweeps",
        "perturbations",
        "montecarlo",
    }
)


def __getattr__(name: str) -> Any:
    """Load a public name (or submodule) on first use, then keep it in the module's namespace."""
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name], __name__), name)
    elif name in _SUBMODULES or name in _moved.MOVED:
        value = importlib.import_module(f".{name}", __name__)
    else:
        msg = f"module 'gazaplan' has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, "__version__"})


# The curated top level: what a notebook user reaches for. Every other public name lives in its
# submodule's namespace (``gp.conditions.AtLeast``, ``gp.events.HostagesReleased``,
# ``gp.amendments.SetTerm``, ``gp.exceptions.UnknownFactError``, ...) and is still importable from
# here (``gp.AtLeast``, ``from gazaplan import AtLeast``), as before; it is just not listed.
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
    "ObligationStatus",
    "PhaseReport",
    "Plan",
    "PlanReport",
    "Quantity",
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
    "replay",
    "sweep",
    "timeline",
    "value_of_information",
    "verdicts_over_time",
    "versions",
    "veto_players",
    "write_html_report",
]
