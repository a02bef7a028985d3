"""The plan's structure: who waits for whom, whose refusal alone blocks what, what would have to
happen for a phase or obligation, which unknowns matter most, and the report that puts them
together for one state. Three-valued and exact on the conditions' structure; it names the parties
only from the sourced table of who controls each fact.

Modules, bottom-up (each imports only the ones listed before it)::

    _structure    the engine: a condition as the sets of leaf outcomes that make it MET or UNMET
    implicants    paths_to (the smallest sets of changes), value_of_information, flips
    waits         who waits for whom: links, and cycles of two or more parties
    vetoes        veto players and sufficient coalitions
    graphs        the plan as a typed dependency graph
    structural    the structure report: analyse
    headline      where the plan stands, from one judgement: status

Public surface: ``gazaplan.analysis`` names all of it, and the verdicts over time of
:mod:`gazaplan.time.verdicts` (as it did before the folder).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import _loading

# The public names, by home module, loaded on first use (gazaplan._loading).
if TYPE_CHECKING:
    from ..time.verdicts import (
        FirstMet as FirstMet,
    )
    from ..time.verdicts import (
        VerdictsOverTime as VerdictsOverTime,
    )
    from ..time.verdicts import (
        first_met as first_met,
    )
    from ..time.verdicts import (
        verdicts_over_time as verdicts_over_time,
    )
    from .graphs import (
        Edge as Edge,
    )
    from .graphs import (
        EdgeKind as EdgeKind,
    )
    from .graphs import (
        Graph as Graph,
    )
    from .graphs import (
        Node as Node,
    )
    from .graphs import (
        NodeKind as NodeKind,
    )
    from .graphs import (
        graph as graph,
    )
    from .headline import (
        Headline as Headline,
    )
    from .headline import (
        Standing as Standing,
    )
    from .headline import (
        headline_of as headline_of,
    )
    from .headline import (
        sequence as sequence,
    )
    from .headline import (
        status as status,
    )
    from .implicants import (
        ChangeSet as ChangeSet,
    )
    from .implicants import (
        FactChange as FactChange,
    )
    from .implicants import (
        Flip as Flip,
    )
    from .implicants import (
        Information as Information,
    )
    from .implicants import (
        Paths as Paths,
    )
    from .implicants import (
        flips as flips,
    )
    from .implicants import (
        paths_to as paths_to,
    )
    from .implicants import (
        targets as targets,
    )
    from .implicants import (
        value_of_information as value_of_information,
    )
    from .structural import (
        StructureReport as StructureReport,
    )
    from .structural import (
        analyse as analyse,
    )
    from .structural import (
        next_phase as next_phase,
    )
    from .vetoes import (
        Coalition as Coalition,
    )
    from .vetoes import (
        Veto as Veto,
    )
    from .vetoes import (
        Vetoes as Vetoes,
    )
    from .vetoes import (
        veto_players as veto_players,
    )
    from .waits import (
        Cycle as Cycle,
    )
    from .waits import (
        Link as Link,
    )
    from .waits import (
        cycles as cycles,
    )


def __getattr__(name: str) -> Any:
    return _loading.load(__name__, __file__, globals(), name)


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "ChangeSet",
    "Coalition",
    "Cycle",
    "Edge",
    "EdgeKind",
    "FactChange",
    "FirstMet",
    "Flip",
    "Graph",
    "Headline",
    "Information",
    "Link",
    "Node",
    "NodeKind",
    "Paths",
    "Standing",
    "StructureReport",
    "VerdictsOverTime",
    "Veto",
    "Vetoes",
    "analyse",
    "cycles",
    "first_met",
    "flips",
    "graph",
    "headline_of",
    "next_phase",
    "paths_to",
    "sequence",
    "status",
    "targets",
    "value_of_information",
    "verdicts_over_time",
    "veto_players",
]
