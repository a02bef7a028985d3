"""What-ifs: the differences between two plans and between their verdicts, the parties' stated
positions as a plan, scenarios (a plan version, a timeline and expectations, as data), and what
a release of the dataset changes.

Modules, bottom-up (each imports only the ones listed before it)::

    differences   diff two plans; compare their verdicts over a timeline
    positions     the parties' stated positions folded into a plan, as an amendment
    scenarios     Scenario, its expectations, check_scenario
    releases      what a dataset release changes, the verdicts included

Public surface: ``gazaplan.whatif`` names diff, compare and the positions (as it did before the
folder); the modules above hold the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import _loading

# The public names, by home module, loaded on first use (gazaplan._loading).
if TYPE_CHECKING:
    from .differences import (
        Comparison as Comparison,
    )
    from .differences import (
        Diff as Diff,
    )
    from .differences import (
        Difference as Difference,
    )
    from .differences import (
        Flip as Flip,
    )
    from .differences import (
        compare as compare,
    )
    from .differences import (
        diff as diff,
    )
    from .positions import (
        positions_amendment as positions_amendment,
    )
    from .positions import (
        stated_conditions as stated_conditions,
    )
    from .positions import (
        under_positions as under_positions,
    )


def __getattr__(name: str) -> Any:
    return _loading.load(__name__, __file__, globals(), name)


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Comparison",
    "Diff",
    "Difference",
    "Flip",
    "compare",
    "diff",
    "positions_amendment",
    "stated_conditions",
    "under_positions",
]
