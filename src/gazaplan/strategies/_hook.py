"""Hypothesis' entry point for gazaplan: registers the strategies for gazaplan's types.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported (``[project.entry-points.hypothesis]``
in pyproject.toml), so ``st.from_type(gp.State)`` works in a user's tests without importing
:mod:`gazaplan.strategies`. Nothing in gazaplan imports this module; it imports gazaplan lazily, so
importing hypothesis stays cheap. ``HYPOTHESIS_NO_PLUGINS=1`` turns it off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["_hypothesis_setup_hook"]


def _hypothesis_setup_hook() -> None:
    # Nothing here reads gazaplan.strategies: hypothesis runs this hook when it is first imported,
    # which may be from inside gazaplan.strategies itself, still half loaded. Every strategy is
    # deferred, and resolved on first use.
    from hypothesis import strategies as st

    from ..core.amendments import Amendment
    from ..core.conditions import KINDS, AllOf, AnyOf, Not
    from ..core.parties import Party
    from ..core.plans import Plan
    from ..core.sources import Source
    from ..core.state import State
    from ..time.events import Event
    from ..time.timelines import Timeline
    from ..whatif.scenarios import Scenario

    for cls, name in (
        (State, "states"),
        (Timeline, "timelines"),
        (Event, "events"),
        (Amendment, "amendments"),
        (Plan, "plans"),
        (Scenario, "scenarios"),
        (Party, "parties"),
        (Source, "sources"),
    ):
        st.register_type_strategy(cls, _deferred(name))
    # Each kind of condition: drawn from the general strategy by building it around its parts.
    any_condition = _deferred("conditions")
    st.register_type_strategy(
        AllOf, st.lists(any_condition, max_size=3).map(lambda cs: AllOf(tuple(cs)))
    )
    st.register_type_strategy(
        AnyOf, st.lists(any_condition, max_size=3).map(lambda cs: AnyOf(tuple(cs)))
    )
    st.register_type_strategy(Not, any_condition.map(Not))
    for leaf in KINDS.types():  # every leaf kind of the registry (a phase needs a plan)
        if not hasattr(leaf, "combine"):
            st.register_type_strategy(leaf, _deferred("leaves", leaf))


def _deferred(name: str, *args: Any) -> SearchStrategy[Any]:
    """``gazaplan.strategies.<name>(*args)``, imported when first drawn from."""
    from hypothesis import strategies as st

    def resolve() -> SearchStrategy[Any]:
        from . import _model as gst

        return getattr(gst, name)(*args)  # type: ignore[no-any-return]

    return st.deferred(resolve)
