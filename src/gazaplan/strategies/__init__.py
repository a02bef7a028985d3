"""Hypothesis strategies for gazaplan's types, for property tests of the plan's logic.

Needs the ``hypothesis`` extra (``pip install 'gazaplan[hypothesis]'``). Every value drawn passes
every validator, and the plan-aware ones (``states``, ``timelines``, ``amendments``, ``scenarios``)
are valid for the plan given: a timeline replays on it, an amendment applies to it. Values are
built, never filtered, so failures shrink to small examples. With gazaplan installed, Hypothesis
also resolves ``st.from_type(gp.State)`` and the like without importing this package (through its
``hypothesis`` entry point, :mod:`gazaplan.strategies._hook`).

>>> from hypothesis import given
>>> import gazaplan as gp, gazaplan.strategies as gst
>>> @given(gst.timelines(max_size=5))
... def test_replays(timeline):
...     gp.replay(gp.plan("2025-09-29"), timeline)

Modules, bottom-up (each imports only the ones listed before it; this package names their public
strategies)::

    _fields       any kind of condition or change, drawn from what its fields declare
    _timelines    events, timelines, datasets and perturbations, drawn by simulating a plan (fast)
    _model        ids, instants, parties, states, conditions, amendments, plans, scenarios
    _hook         the entry point Hypothesis calls: st.from_type for gazaplan's types
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import _loading

# The public names, by home module, loaded on first use (gazaplan._loading).
if TYPE_CHECKING:
    from ._fields import (
        known_values as known_values,
    )
    from ._model import (
        amendments as amendments,
    )
    from ._model import (
        conditions as conditions,
    )
    from ._model import (
        events as events,
    )
    from ._model import (
        ids as ids,
    )
    from ._model import (
        instants as instants,
    )
    from ._model import (
        leaves as leaves,
    )
    from ._model import (
        parties as parties,
    )
    from ._model import (
        plans as plans,
    )
    from ._model import (
        scenarios as scenarios,
    )
    from ._model import (
        states as states,
    )
    from ._timelines import (
        T0 as T0,
    )
    from ._timelines import (
        datasets as datasets,
    )
    from ._timelines import (
        perturbations as perturbations,
    )
    from ._timelines import (
        sources as sources,
    )
    from ._timelines import (
        timelines as timelines,
    )


def __getattr__(name: str) -> Any:
    return _loading.load(__name__, __file__, globals(), name)


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "T0",
    "amendments",
    "conditions",
    "datasets",
    "events",
    "ids",
    "instants",
    "known_values",
    "leaves",
    "parties",
    "perturbations",
    "plans",
    "scenarios",
    "sources",
    "states",
    "timelines",
]
