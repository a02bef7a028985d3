"""Closed sets of kinds, each listed once: conditions, event changes and amendment edits.

Each set is a :class:`Kinds`: the classes of one union, by their stable file ``tag``. The union in
the module that defines the classes (``conditions.Condition``, ``events.Change``,
``amendments.Edit``) is the one list of the built-in kinds, for type checkers and for the
registry alike (``typing.get_args``). Everything else that walks a set (validators, the cattrs
converters, the JSON Schema, the hypothesis strategies) asks the registry, so a new kind is its
class, its place in the union, and nothing more.

A kind defined outside the package (a throwaway kind in a test, a research extension) joins with
:meth:`Kinds.register` and leaves with :meth:`Kinds.unregister`; files, schemas and strategies
see it from then on.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from ..exceptions import InvalidValueError

__all__ = ["Kinds", "family", "family_of"]

_FAMILIES: list[Kinds] = []


class Kinds:
    """The kinds of one family (``"condition"``, ``"change"``, ``"edit"``), by tag.

    Args:
        family: the family's name, as messages say it.
        union: the union of the built-in kinds (each an attrs class with a ``tag``).
        requires: the methods every kind must define (``"a|b"``: one of them), checked when it
            is registered, so that a kind missing its meaning is refused at once, by name.
    """

    def __init__(self, family: str, union: object, requires: tuple[str, ...] = ()) -> None:
        self.family: str = family
        self.union: object = union
        self.requires: tuple[str, ...] = requires
        self._builtin: tuple[type[Any], ...] = tuple(typing.get_args(union))
        self._by_tag: dict[str, type[Any]] = {}
        self._types: tuple[type[Any], ...] = ()
        self.version: int = 0
        """Bumped on every change, for caches built from the kinds."""
        for cls in self._builtin:
            self.register(cls)
        _FAMILIES.append(self)

    def register(self, cls: type[Any]) -> type[Any]:
        """Add *cls* (an attrs class with a ``tag: ClassVar[str]`` no other kind uses); returns it,
        so that it may be used as a class decorator."""
        tag = getattr(cls, "tag", None)
        if not attrs.has(cls) or not isinstance(tag, str) or not tag:
            raise InvalidValueError(
                f"{self.family} kinds",
                cls,
                "a kind is an attrs class with a non-empty str tag",
                "Decorate it with @attrs.frozen and give it tag: ClassVar[str] = '...'.",
            )
        missing = [
            need for need in self.requires if not any(hasattr(cls, m) for m in need.split("|"))
        ]
        if missing:
            raise InvalidValueError(
                f"{self.family} kinds",
                cls,
                f"{cls.__qualname__} does not define {' and '.join(missing)}",
                f"Every kind of {self.family} says what it means: define "
                + ", ".join(m.replace("|", " or ") for m in missing)
                + " (see the built-in kinds).",
            )
        taken = self._by_tag.get(tag)
        if taken is not None and taken is not cls:
            raise InvalidValueError(
                f"{self.family} kinds",
                tag,
                f"the tag is {taken.__qualname__}'s already",
                "Give the new kind a tag of its own.",
            )
        self._by_tag[tag] = cls
        self._types = tuple(self._by_tag.values())
        self.version += 1
        return cls

    def unregister(self, cls: type[Any]) -> None:
        """Remove a kind added with :meth:`register` (the built-in kinds stay)."""
        if cls in self._builtin:
            raise InvalidValueError(
                f"{self.family} kinds", cls, "a built-in kind cannot be removed", "Leave it."
            )
        if self._by_tag.get(getattr(cls, "tag", "")) is cls:
            del self._by_tag[cls.tag]
            self._types = tuple(self._by_tag.values())
            self.version += 1

    def types(self) -> tuple[type[Any], ...]:
        """Every kind, built-in first, in the order registered (for ``isinstance``)."""
        return self._types

    @property
    def by_tag(self) -> Mapping[str, type[Any]]:
        """The kinds by tag."""
        return self._by_tag

    def __iter__(self) -> Iterator[type[Any]]:
        return iter(self._types)

    def __len__(self) -> int:
        return len(self._types)

    def __contains__(self, cls: object) -> bool:
        return cls in self._types

    def names(self) -> str:
        """The kinds' class names, for a message (``"AllOf, AnyOf, ..."``)."""
        return ", ".join(t.__name__ for t in self._types)

    def __repr__(self) -> str:
        return f"Kinds({self.family!r}: {', '.join(self._by_tag)})"


def family(name: str) -> Kinds:
    """The family called *name* (``"condition"``, ``"change"``, ``"edit"``)."""
    return next(k for k in _FAMILIES if k.family == name)


def family_of(tp: object) -> Kinds | None:
    """The family whose built-in union is *tp* (``Condition``, ``Change | None``, ...), if any."""
    members = {a for a in typing.get_args(tp) if a is not type(None)}
    if not members:
        return None
    for kinds in _FAMILIES:
        if members == set(kinds._builtin):
            return kinds
    return None
