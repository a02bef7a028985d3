"""Which types a document may hold, and the name each is filed under (``document = "plan"``).

These names are part of the file format: they never follow class names. A class that is one kind
of a tagged union (a condition, an event's change, an amendment's edit, an expectation) is filed
under the union's name, with its ``kind`` tag inside.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final

from ..core._kinds import family_of
from ..core.amendments import Amendment, Edit
from ..core.conditions import Condition
from ..core.obligations import Deadline, InitialFact, Measure, Obligation, Phase
from ..core.parties import Party
from ..core.plans import Plan
from ..core.provisions import Provision
from ..core.records import Figure, Position
from ..core.sources import Source
from ..core.state import State
from ..core.terms import AidTerms, ExchangeTerms, WithdrawalLine
from ..exceptions import InvalidValueError
from ..time.datasets import Dataset, Entry, Release
from ..time.events import Change, Event
from ..time.timelines import Timeline
from ..whatif.scenarios import Expectation, Scenario

__all__ = ["KINDS", "kind_of"]


def _perturbation() -> type[Any]:
    # Imported when a perturbation document is read or written: reading any other document
    # (the dataset, for every report) loads nothing of the runs.
    from ..runs.perturbations import Perturbation

    return Perturbation


class _Kinds(Mapping[str, Any]):
    """The document names and their types; a type given as a function is imported when asked."""

    def __init__(self, kinds: dict[str, Any], later: dict[str, Callable[[], type[Any]]]) -> None:
        self._kinds = kinds
        self._later = later

    def __getitem__(self, name: str) -> Any:
        if name not in self._kinds:
            self._kinds[name] = self._later[name]()  # KeyError for a name of neither
        return self._kinds[name]

    def __iter__(self) -> Iterator[str]:
        return iter({**self._kinds, **self._later})

    def __len__(self) -> int:
        return len({**self._kinds, **self._later})


KINDS: Final[Mapping[str, Any]] = _Kinds(
    {
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
    },
    later={"perturbation": _perturbation},
)


def _members(tp: Any) -> tuple[Any, ...]:
    kinds = family_of(tp)  # a family of kinds: the registered ones too
    return kinds.types() if kinds is not None else getattr(tp, "__args__", ())


def kind_of(cls: Any) -> tuple[str, Any]:
    """The document name of *cls* and the type to structure it as (a union for a union member)."""
    for name, tp in KINDS.items():
        if cls is tp or cls in _members(tp):
            return name, tp
    raise InvalidValueError(
        "gazaplan.files.documents",
        cls,
        "no document holds this type",
        "Use one of: " + ", ".join(sorted(KINDS)) + " (the types behind them are listed in KINDS).",
    )
