"""Exploration: every order in which the parties could act, breadth first, over an action model
(:mod:`gazaplan.core.models`): reachable targets, deadlocks, targets stuck in a livelock, broken
invariants, each with a shortest witness that replays as a scenario; the model in Promela, so that
SPIN can check the same search.

Modules, bottom-up (each imports only the ones listed before it)::

    _limits       how many states a search may hold: the memory left under the tightest limit
    _packing      a state packed into one integer, conditions as tables, successor code generated
    _layers       a search's layers as the witnesses read them, whichever engine holds them
    _breadth      the breadth-first search layer by layer, and the set engine (Python integers)
    _vectorised   the array engine: numpy arrays of packed states, a whole layer at a time
    promela       the model written in Promela, for SPIN
    witnesses     the moves to a finding, as hypothetical events and as a scenario file
    search        explore: the search's engine chosen, its findings

Public surface: ``gazaplan.exploration`` names what :mod:`gazaplan.exploration.search` gives (as it
did before the folder); ``gp.explore`` is the same function.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import _loading

# The public names, by home module, loaded on first use (gazaplan._loading).
if TYPE_CHECKING:
    from .search import (
        BYTES_PER_STATE as BYTES_PER_STATE,
    )
    from .search import (
        ENGINES as ENGINES,
    )
    from .search import (
        MAX_STARTS_CHECKED as MAX_STARTS_CHECKED,
    )
    from .search import (
        MAX_STATES as MAX_STATES,
    )
    from .search import (
        Exploration as Exploration,
    )
    from .search import (
        Finding as Finding,
    )
    from .search import (
        SearchProgress as SearchProgress,
    )
    from .search import (
        StateLimit as StateLimit,
    )
    from .search import (
        Target as Target,
    )
    from .search import (
        default_max_states as default_max_states,
    )
    from .search import (
        explore as explore,
    )


def __getattr__(name: str) -> Any:
    return _loading.load(__name__, __file__, globals(), name)


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "BYTES_PER_STATE",
    "ENGINES",
    "MAX_STARTS_CHECKED",
    "MAX_STATES",
    "Exploration",
    "Finding",
    "SearchProgress",
    "StateLimit",
    "Target",
    "default_max_states",
    "explore",
]
