"""The base of the model's frozen classes: attrs writes their equality, hash and ``repr`` when
first used, not when the class is made.

attrs writes each class's ``__init__``, ``__eq__``, ``__hash__`` and ``__repr__`` as Python source
and compiles it when the class is decorated. Compiling is most of what importing the model costs,
and building a plan needs only ``__init__``: ``repr`` is about two fifths of that source, equality
and hash a quarter.

A class deriving from :class:`Value` gets, in its own namespace, stand-ins for the three (unless it
defines them itself), so ``@attrs.frozen`` leaves them to it (attrs does not write a method a class
defines). The first call of a stand-in on a class has attrs write that class's methods, from the
same fields and options, puts them on the class in place of the stand-ins, and runs them: the
methods are attrs' own, and later calls go straight to them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attr
import attrs

__all__ = ["Value"]


class Value:
    """A frozen attrs class whose equality, hash and ``repr`` attrs writes when first used.

    They are the methods ``@attrs.frozen`` writes (see the module's description): a subclass
    compares and hashes by its fields and shows them, exactly as attrs' own classes do.
    """

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for group in (_EQ, _REPR):
            if not any(name in cls.__dict__ for name in group):  # a class's own methods stay
                for name in group:
                    setattr(cls, name, _STAND_INS[name])

    def __eq__(self, other: object) -> bool:
        method: Callable[[object, object], bool] = _made(self.__class__, _EQ)["__eq__"]
        return method(self, other)

    def __ne__(self, other: object) -> bool:
        method: Callable[[object, object], bool] = _made(self.__class__, _EQ)["__ne__"]
        return method(self, other)

    def __hash__(self) -> int:
        method: Callable[[object], int] = _made(self.__class__, _EQ)["__hash__"]
        return method(self)

    def __repr__(self) -> str:
        method: Callable[[object], str] = _made(self.__class__, _REPR)["__repr__"]
        return method(self)


_EQ = ("__eq__", "__ne__", "__hash__")
_REPR = ("__repr__",)
_STAND_INS: dict[str, Any] = {name: Value.__dict__[name] for name in (*_EQ, *_REPR)}


def _made(cls: type, group: tuple[str, ...]) -> dict[str, Any]:
    """attrs' methods *group* (equality and hash, or ``repr``) for *cls*, written from its fields
    and put on it where it has the stand-ins."""
    fields = {
        a.name: attr.ib(eq=a.eq_key or a.eq, order=False, hash=a.hash, repr=a.repr, init=a.init)
        for a in attrs.fields(cls)
    }
    # attrs writes them on a bare class of the same names: they use only ``self``'s fields and
    # class, so they fit *cls*, and the hash seed attrs takes from the names is the one it gives
    # *cls* itself.
    shell = type(cls.__name__, (), {"__module__": cls.__module__, "__qualname__": cls.__qualname__})
    eq = group is _EQ
    attr.s(
        these=fields,
        init=False,
        repr=not eq,
        eq=eq,
        order=False,
        hash=True if eq else None,
        slots=False,
        auto_detect=False,
        getstate_setstate=False,
        match_args=False,
    )(shell)
    made = {name: shell.__dict__[name] for name in group}
    for name in group:
        if cls.__dict__.get(name) is _STAND_INS[name]:
            setattr(cls, name, made[name])
    return made
