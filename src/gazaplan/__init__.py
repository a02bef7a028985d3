"""gazaplan: the US 20-point plan for Gaza (29 September 2025) as typed, sourced, explainable rules.

Start with::

    import gazaplan as gp
    plan = gp.plan()                              # the bundled plan
    state = gp.State.initial(plan)                # the facts at publication
    print(gp.check_phase(plan, "phase-1", state).explain())

Layering (each module imports only those above it; ``exceptions`` and ``truth`` from anywhere)::

    exceptions, truth, _checks, _frozenmap      errors, three-valued truth, validators
    sources, parties, records                   who says what; who acts; reported figures
    facts, state                                the fact schema and State
    conditions                                  conditions as data
    provisions, terms, obligations, plan        the plan model; Plan checks its references
    catalog                                     the bundled content (the only plan content)
    _compile, evaluation, rules, explain        evaluation, rule functions, text reports
    cli                                         edge: the ``gazaplan`` command

The edges (``cli``, later serialization and strategies) are imported by nothing in the core.
"""

from __future__ import annotations

from .catalog import plan as plan
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
from .evaluation import Blocker as Blocker
from .evaluation import Evaluation as Evaluation
from .evaluation import Reading as Reading
from .evaluation import evaluate as evaluate
from .exceptions import GazaplanError as GazaplanError
from .exceptions import InconsistentStateError as InconsistentStateError
from .exceptions import InvalidPlanError as InvalidPlanError
from .exceptions import InvalidValueError as InvalidValueError
from .exceptions import MissingPlanError as MissingPlanError
from .exceptions import UnknownFactError as UnknownFactError
from .exceptions import UnknownIdError as UnknownIdError
from .exceptions import UnknownPartyError as UnknownPartyError
from .exceptions import UnknownPhaseError as UnknownPhaseError
from .exceptions import UnknownTermError as UnknownTermError
from .exceptions import UnknownVersionError as UnknownVersionError
from .facts import Crossing as Crossing
from .facts import FactKind as FactKind
from .facts import FactSpec as FactSpec
from .facts import GovernanceRole as GovernanceRole
from .facts import Progress as Progress
from .obligations import Deadline as Deadline
from .obligations import InitialFact as InitialFact
from .obligations import Obligation as Obligation
from .obligations import Path as Path
from .obligations import Phase as Phase
from .parties import Party as Party
from .parties import PartyKind as PartyKind
from .parties import Response as Response
from .plan import Plan as Plan
from .provisions import Nature as Nature
from .provisions import Provision as Provision
from .provisions import Wording as Wording
from .records import Figure as Figure
from .records import Position as Position
from .records import Qualifier as Qualifier
from .records import Topic as Topic
from .rules import ObligationReport as ObligationReport
from .rules import ObligationStatus as ObligationStatus
from .rules import PhaseReport as PhaseReport
from .rules import PlanReport as PlanReport
from .rules import check_phase as check_phase
from .rules import check_plan as check_plan
from .sources import Claim as Claim
from .sources import Source as Source
from .sources import Sourced as Sourced
from .state import FACTS as FACTS
from .state import State as State
from .state import read_fact as read_fact
from .terms import AidTerms as AidTerms
from .terms import ExchangeTerms as ExchangeTerms
from .terms import WithdrawalLine as WithdrawalLine
from .truth import UNKNOWN as UNKNOWN
from .truth import Unknown as Unknown
from .truth import Verdict as Verdict

__version__ = "0.1.0.dev0"

__all__ = [
    "FACTS",
    "UNKNOWN",
    "AidTerms",
    "AllOf",
    "AnyOf",
    "AtLeast",
    "AtMost",
    "Blocker",
    "Claim",
    "Condition",
    "Crossing",
    "Deadline",
    "Equals",
    "Evaluation",
    "ExchangeTerms",
    "FactKind",
    "FactSpec",
    "Figure",
    "GazaplanError",
    "GovernanceRole",
    "InconsistentStateError",
    "InitialFact",
    "InvalidPlanError",
    "InvalidValueError",
    "Known",
    "MissingPlanError",
    "Nature",
    "Not",
    "Obligation",
    "ObligationReport",
    "ObligationStatus",
    "OneOf",
    "Party",
    "PartyKind",
    "Path",
    "Phase",
    "PhaseComplete",
    "PhaseReport",
    "Plan",
    "PlanReport",
    "Position",
    "Progress",
    "Provision",
    "Qualifier",
    "Reading",
    "Response",
    "Source",
    "Sourced",
    "State",
    "Term",
    "Times",
    "Topic",
    "Unknown",
    "UnknownFactError",
    "UnknownIdError",
    "UnknownPartyError",
    "UnknownPhaseError",
    "UnknownTermError",
    "UnknownVersionError",
    "Verdict",
    "WithdrawalLine",
    "Wording",
    "check_phase",
    "check_plan",
    "evaluate",
    "plan",
    "read_fact",
    "versions",
]
