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
    from hypothesis import strategies as st

    from . import strategies as gst
    from .amendments import Amendment
    from .conditions import AllOf, AnyOf, AtLeast, AtMost, Equals, Known, Not, OneOf
    from .events import Event
    from .parties import Party
    from .plans import Plan
    from .scenarios import Scenario
    from .sources import Source
    from .state import State
    from .timelines import Timeline

    st.register_type_strategy(State, st.deferred(gst.states))
    st.register_type_strategy(Timeline, st.deferred(gst.timelines))
    st.register_type_strategy(Event, st.deferred(gst.events))
    st.register_type_strategy(Amendment, st.deferred(gst.amendments))
    st.register_type_strategy(Plan, st.deferred(gst.plans))
    st.register_type_strategy(Scenario, st.deferred(gst.scenarios))
    st.register_type_strategy(Party, st.deferred(gst.parties))
    st.register_type_strategy(Source, st.deferred(gst.sources))
    # Each kind of condition: drawn from the general strategy by building it around its parts.
    any_condition = st.deferred(gst.conditions)
    st.register_type_strategy(
        AllOf, st.lists(any_condition, max_size=3).map(lambda cs: AllOf(tuple(cs)))
    )
    st.register_type_strategy(
        AnyOf, st.lists(any_condition, max_size=3).map(lambda cs: AnyOf(tuple(cs)))
    )
    st.register_type_strategy(Not, any_condition.map(Not))
    for leaf in (Equals, AtLeast, AtMost, OneOf, Known):
        st.register_type_strategy(leaf, _deferred_leaves(leaf))


def _deferred_leaves(kind: type) -> SearchStrategy[Any]:
    from hypothesis import strategies as st

    from . import strategies as gst

    return st.deferred(lambda: gst.leaves(kind))
