"""Which types a document may hold, and the name each is filed under (``document = "plan"``).

These names are part of the file format: they never follow class names. A class that is one kind
of a tagged union (a condition, an event's change, an amendment's edit, an expectation) is filed
under the union's name, with its ``kind`` tag inside.
"""

from __future__ import annotations

from typing import Any, Final

from ._kinds import family_of
from .amendments import Amendment, Edit
from .conditions import Condition
from .datasets import Dataset, Entry, Release
from .events import Change, Event
from .exceptions import InvalidValueError
from .obligations import Deadline, InitialFact, Measure, Obligation, Phase
from .parties import Party
from .perturbations import Perturbation
from .plans import Plan
from .provisions import Provision
from .records import Figure, Position
from .scenarios import Expectation, Scenario
from .sources import Source
from .state import State
from .terms import AidTerms, ExchangeTerms, WithdrawalLine
from .timelines import Timeline

__all__ = ["KINDS", "kind_of"]

KINDS: Final[dict[str, Any]] = {
    "scenario": Scenario,
    "plan": Plan,
    "timeline": Timeline,
    "dataset": Dataset,
    "entry": Entry,
    "release": Release,
    "state": State,
    "event": Event,
    "change": Change,
    "amendment": Amendment,
    "edit": Edit,
    "condition": Condition,
    "expectation": Expectation,
    "source": Source,
    "party": Party,
    "provision": Provision,
    "phase": Phase,
    "obligation": Obligation,
    "deadline": Deadline,
    "measure": Measure,
    "initial_fact": InitialFact,
    "withdrawal_line": WithdrawalLine,
    "exchange_terms": ExchangeTerms,
    "aid_terms": AidTerms,
    "figure": Figure,
    "position": Position,
    "perturbation": Perturbation,
}


def _members(tp: Any) -> tuple[Any, ...]:
    kinds = family_of(tp)  # a family of kinds: the registered ones too
    return kinds.types() if kinds is not None else getattr(tp, "__args__", ())


def kind_of(cls: Any) -> tuple[str, Any]:
    """The document name of *cls* and the type to structure it as (a union for a union member)."""
    for name, tp in KINDS.items():
        if cls is tp or cls in _members(tp):
            return name, tp
    raise InvalidValueError(
        "gazaplan.documents",
        cls,
        "no document holds this type",
        "Use one of: " + ", ".join(sorted(KINDS)) + " (the types behind them are listed in KINDS).",
    )
