"""Three-valued truth: :class:`Verdict` (Kleene's strong logic) and the :data:`UNKNOWN` fact value.

Two different "unknowns" live here on purpose:

* :data:`UNKNOWN` is a *fact value*: "nobody (in our sources) knows how many hostages are alive".
* :attr:`Verdict.UNKNOWN` is a *verdict*: "the condition cannot be decided from what is known".

A fact that is UNKNOWN makes the conditions that read it UNKNOWN, unless the rest of the
condition decides it anyway (``UNMET and UNKNOWN`` is ``UNMET``). Nothing here ever turns an
unknown into False.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Final, Literal, TypeAlias, TypeVar

T = TypeVar("T")

__all__ = [
    "UNKNOWN",
    "Unknown",
    "Verdict",
    "all_of",
    "any_of",
    "combine",
    "combine_calls",
    "is_known",
]


class Unknown(enum.Enum):
    """The type of :data:`UNKNOWN`, the value of a fact nobody has reported."""

    UNKNOWN = "unknown"

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __str__(self) -> str:
        return "unknown"

    def __bool__(self) -> bool:
        msg = (
            "UNKNOWN is neither true nor false; test for it (value is gazaplan.UNKNOWN) "
            "or compare the value you want (value is True)"
        )
        raise TypeError(msg)


UNKNOWN: Final = Unknown.UNKNOWN
"""The value of a fact that is not known. Compare with ``is``. Like a :class:`Verdict` it is not a
bool: ``if state.gaza_annexed:`` raises TypeError when the fact is UNKNOWN, rather than taking
the branch."""

UnknownType: TypeAlias = Literal[Unknown.UNKNOWN]


def is_known(value: object) -> bool:
    """Tell whether *value* is known.

    Args:
        value: a fact's value.

    Returns:
        True unless *value* is :data:`UNKNOWN`.
    """
    return value is not UNKNOWN


class Verdict(enum.Enum):
    """The outcome of a condition: MET, UNMET or UNKNOWN, combined by Kleene's strong logic.

    ``&``, ``|`` and ``~`` work as in Kleene's logic::

        MET & UNKNOWN == UNKNOWN      UNMET & UNKNOWN == UNMET
        MET | UNKNOWN == MET          UNMET | UNKNOWN == UNKNOWN
        ~UNKNOWN == UNKNOWN

    A verdict is never a bool: ``if verdict:`` raises TypeError, so that UNKNOWN cannot be
    mistaken for False by accident. Compare with ``is`` or use :attr:`is_met`.
    """

    MET = "MET"
    UNMET = "UNMET"
    UNKNOWN = "UNKNOWN"

    def __repr__(self) -> str:
        return f"Verdict.{self.name}"

    def __str__(self) -> str:
        return self.value

    def __bool__(self) -> bool:
        msg = (
            "a Verdict has three values and is not a bool; compare it "
            "(verdict is Verdict.MET) or use verdict.is_met"
        )
        raise TypeError(msg)

    def __invert__(self) -> Verdict:
        return _NOT[self]

    def __and__(self, other: Verdict) -> Verdict:
        return combine((self, other), Verdict.UNMET)

    def __or__(self, other: Verdict) -> Verdict:
        return combine((self, other), Verdict.MET)

    @property
    def is_met(self) -> bool:
        """True only for MET."""
        return self is Verdict.MET

    @property
    def is_known(self) -> bool:
        """True for MET and UNMET, False for UNKNOWN."""
        return self is not Verdict.UNKNOWN

    @classmethod
    def of(cls, value: bool | Unknown) -> Verdict:
        """The verdict of a truth value.

        Args:
            value: True, False or :data:`UNKNOWN`.

        Returns:
            MET for True, UNMET for False, UNKNOWN for :data:`UNKNOWN`.
        """
        if value is UNKNOWN:
            return cls.UNKNOWN
        return cls.MET if value else cls.UNMET


_NOT: Final = {
    Verdict.MET: Verdict.UNMET,
    Verdict.UNMET: Verdict.MET,
    Verdict.UNKNOWN: Verdict.UNKNOWN,
}


def combine(verdicts: Iterable[Verdict], decisive: Verdict) -> Verdict:
    """Combine verdicts by Kleene's strong logic, written once.

    Reads the verdicts only as far as it must (lazily, for an iterator).

    Args:
        verdicts: the verdicts to combine.
        decisive: the verdict that decides alone: UNMET for a conjunction, MET for a disjunction.

    Returns:
        *decisive* as soon as one verdict is it; otherwise UNKNOWN if any is UNKNOWN; otherwise
        the other value (also for no verdicts at all).
    """
    result = _NOT[decisive]
    for v in verdicts:
        if v is decisive:
            return decisive
        if v is Verdict.UNKNOWN:
            result = Verdict.UNKNOWN
    return result


def combine_calls(fns: Iterable[Callable[[T], Verdict]], arg: T, decisive: Verdict) -> Verdict:
    """Combine ``fn(arg)`` for each of *fns*, calling them only as far as it must.

    The compiled conditions' hot path (a generator would cost a third more a check). The same
    rule as :func:`combine`; a property test holds the two to each other.

    Args:
        fns: the functions giving the verdicts, in order.
        arg: what each function is called with.
        decisive: the verdict that decides alone: UNMET for a conjunction, MET for a disjunction.

    Returns:
        The same verdict as :func:`combine` of the results.
    """
    result = _NOT[decisive]
    for fn in fns:
        v = fn(arg)
        if v is decisive:
            return decisive
        if v is Verdict.UNKNOWN:
            result = Verdict.UNKNOWN
    return result


def all_of(verdicts: Iterable[Verdict]) -> Verdict:
    """Kleene conjunction of any number of verdicts.

    Args:
        verdicts: the verdicts to combine.

    Returns:
        UNMET if any is UNMET, else UNKNOWN if any is UNKNOWN, else MET (MET for none).
    """
    return combine(verdicts, Verdict.UNMET)


def any_of(verdicts: Iterable[Verdict]) -> Verdict:
    """Kleene disjunction of any number of verdicts.

    Args:
        verdicts: the verdicts to combine.

    Returns:
        MET if any is MET, else UNKNOWN if any is UNKNOWN, else UNMET (UNMET for none).
    """
    return combine(verdicts, Verdict.MET)
