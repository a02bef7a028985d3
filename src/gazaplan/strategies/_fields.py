"""Strategies for kinds drawn from their fields: any kind of condition or change that has no
bespoke strategy (a new built-in kind, or one registered from outside) is drawn by what its
fields declare (``metadata={"role": ...}``) and their types. Part of the ``hypothesis`` extra.
"""

from __future__ import annotations

import enum
import typing
from typing import Any

import attrs
from hypothesis import reject
from hypothesis import strategies as st

from ..core.facts import FactKind, FactSpec
from ..core.plans import Plan
from ..core.state import FACTS
from ..exceptions import GazaplanError

__all__ = ["change_from_fields", "known_values", "leaf_from_fields"]

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=30)


def known_values(spec: FactSpec, plan: Plan | None = None) -> st.SearchStrategy[Any]:
    """A strategy for the known values of one fact.

    Args:
        spec: the fact's spec.
        plan: the plan whose lines a withdrawal line is drawn from (None: the 29 September
            text).

    Returns:
        A strategy drawing values the fact may take (never UNKNOWN).
    """
    if plan is None:
        from ..catalog import plan as bundled

        plan = bundled("2025-09-29")
    if spec.kind is FactKind.FLAG:
        return st.booleans()
    if spec.kind is FactKind.COUNT:
        return st.integers(0, 3000)
    if spec.kind is FactKind.NUMBER:
        return st.integers(0, 1000) | st.floats(0, 1000, allow_nan=False)
    if spec.kind is FactKind.PERCENT:
        return st.integers(0, 50) | st.floats(0, 50, allow_nan=False)
    if spec.kind is FactKind.LINE:
        return st.sampled_from([line.id for line in plan.lines])
    choices: type[enum.Enum] = spec.choices  # type: ignore[assignment]
    return st.sampled_from(list(choices))


def leaf_from_fields(cls: type[Any], plan: Plan) -> st.SearchStrategy[Any]:
    """Leaves of a kind registered from outside, built from its fields' roles: a fact id, a value
    or a set of values of that fact; other fields without a default drawn by their type. A draw
    the kind refuses (a fact of the wrong type for it) is rejected."""
    facts = sorted(k for k, s in FACTS.items() if not s.per_party and not s.derived)

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        fact = draw(st.sampled_from(facts))
        values = known_values(FACTS[fact], plan)
        kwargs: dict[str, Any] = {}
        for a in attrs.fields(cls):
            role = a.metadata.get("role")
            if role == "fact":
                kwargs[a.name] = fact
            elif role == "value":
                kwargs[a.name] = draw(values)
            elif role == "values":
                kwargs[a.name] = frozenset(draw(st.lists(values, min_size=1, max_size=3)))
            elif a.default is attrs.NOTHING and a.init:
                kwargs[a.name] = draw(st.from_type(typing.get_type_hints(cls)[a.name]))
        try:
            return cls(**kwargs)
        except GazaplanError:
            reject()

    return build()


def change_from_fields(cls: type[Any], plan: Plan) -> st.SearchStrategy[Any]:
    """Changes of a kind registered from outside (``events.KINDS.register``), drawn by its fields:
    a field with ``metadata={"role": "party"}`` names one of *plan*'s parties, ``"line"`` one of
    its lines; the others are drawn by type (small counts and numbers, any member of an enum,
    text). A draw the kind refuses is rejected."""
    hints = typing.get_type_hints(cls)
    by_role: dict[str, st.SearchStrategy[Any]] = {
        "party": st.sampled_from([p.id for p in plan.parties]),
        "line": st.sampled_from([line.id for line in plan.lines]),
    }
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for a in attrs.fields(cls):
        if not a.init:
            continue
        role = a.metadata.get("role")
        tp = hints[a.name]
        if role in by_role:
            fields[a.name] = by_role[role]
        elif tp is bool:
            fields[a.name] = st.booleans()
        elif tp is int:
            fields[a.name] = st.integers(0, 60)
        elif tp is float:
            fields[a.name] = st.floats(0, 100, allow_nan=False)
        elif tp is str:
            fields[a.name] = _TEXT
        elif isinstance(tp, type) and issubclass(tp, enum.Enum):
            fields[a.name] = st.sampled_from(list(tp))
        else:
            fields[a.name] = st.from_type(tp)

    def build(kwargs: dict[str, Any]) -> Any:
        try:
            return cls(**kwargs)
        except GazaplanError:
            reject()

    return st.fixed_dictionaries(fields).map(build)
