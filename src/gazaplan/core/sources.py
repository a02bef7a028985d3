"""Where things come from: :class:`Source`, and :class:`Claim`, a value someone states.

Every provision, term, figure and bundled event carries one or more sources. A source cited for a
particular point of the plan carries that point number (``WH.at(4)`` is "WH 4"). Where sources
disagree, each value is kept as its own :class:`Claim` with who makes it; nothing picks one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, TypeVar

import attrs

from ..exceptions import InvalidValueError
from . import _checks as check
from ._value import Value

__all__ = ["Claim", "Contested", "Source", "Sourced", "cite"]

T = TypeVar("T")


def sources_required() -> check.Validator:
    """An attrs validator: a non-empty tuple of :class:`Source`.

    Returns:
        The validator; it raises :class:`~gazaplan.exceptions.InvalidValueError` for an empty
        tuple or anything but a tuple of sources.
    """

    def validate(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple) or not value:
            raise InvalidValueError(
                check.where(inst, attr),
                value,
                "at least one source is needed",
                "Pass sources=(Source(...),) naming where this is stated.",
            )
        check.items_of(Source)(inst, attr, value)

    return validate


@attrs.frozen
class Source(Value):
    """A document, report or reprint that something in the library rests on.

    Attributes:
        tag: the short tag used in the project's source register, such as ``"WH"`` (the White
            House plan text), ``"FT"`` or ``"R8"``.
        title: the title as found (or a description where the copy has none).
        outlet: who published it; a reprint names the original outlet in brackets.
        date: the publication date, or None where the register gives none.
        url: the address, or None where none could be checked.
        point: the plan point (1-20) this citation is for, if any.
        approximate_date: True where the register marks the date as approximate ("~5 Oct").
        note: caveats on the source, such as a weak provenance.
    """

    tag: str = attrs.field(validator=check.text())
    title: str = attrs.field(validator=check.text())
    outlet: str = attrs.field(validator=check.text())
    date: dt.date | None = attrs.field(default=None, validator=check.optional_date())
    url: str | None = attrs.field(default=None)
    point: int | None = attrs.field(default=None, validator=check.point_number(optional=True))
    approximate_date: bool = False
    note: str = ""

    def at(self, point: int) -> Source:
        """This source, cited for one point of the plan.

        Args:
            point: the plan point (1-20).

        Returns:
            A copy of the source carrying *point*.
        """
        return attrs.evolve(self, point=point)

    def cite(self) -> str:
        """The short citation of the source.

        Returns:
            The tag, with the point if any, such as ``"WH 4"`` or ``"R8"``.
        """
        return self.tag if self.point is None else f"{self.tag} {self.point}"

    def __str__(self) -> str:
        when = "" if self.date is None else f", {'~' if self.approximate_date else ''}{self.date}"
        return f"[{self.cite()}] {self.outlet}, {self.title!r}{when}"


def cite(sources: tuple[Source, ...]) -> str:
    """Cite a tuple of sources in brackets.

    Args:
        sources: the sources to cite.

    Returns:
        The short citations, such as ``"[WH 5; R11]"`` (``"[unsourced]"`` for none).
    """
    if not sources:
        return "[unsourced]"
    return "[" + "; ".join(s.cite() for s in sources) + "]"


@attrs.frozen
class Claim(Value, Generic[T]):
    """A value as stated by someone, with the sources that report it.

    Attributes:
        value: what is claimed.
        claimed_by: who states it, in the library's neutral wording
            (``"Israeli officials"``, ``"Al Jazeera's Sanad unit, reading the 4 Oct map"``).
        sources: where the claim is reported (at least one).
        note: caveats, such as "one reading of a map, not a text".
    """

    value: T
    claimed_by: str = attrs.field(validator=check.text())
    sources: tuple[Source, ...] = attrs.field(
        converter=check.as_tuple, validator=sources_required()
    )
    note: str = ""

    def __str__(self) -> str:
        return f"{self.value} per {self.claimed_by} {cite(self.sources)}"


@attrs.frozen
class Sourced(Value, Generic[T]):
    """A value of the plan's terms with the sources that state it.

    Attributes:
        value: the value (UNKNOWN where no source gives one).
        sources: where it is stated (at least one).
        note: how the value is read from the sources, where that needs saying.
    """

    value: T
    sources: tuple[Source, ...] = attrs.field(
        converter=check.as_tuple, validator=sources_required()
    )
    note: str = ""

    def __str__(self) -> str:
        return f"{self.value} {cite(self.sources)}"


def _claims(inst: object, attr: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    check.items_of(Claim)(inst, attr, value)
    if len({c.value for c in value}) < 2:
        from ..exceptions import InvalidValueError

        raise InvalidValueError(
            check.where(inst, attr),
            tuple(c.value for c in value),
            "a contested fact needs at least two claims with different values",
            "Give each source's value as its own Claim; a single value is not contested.",
        )


@attrs.frozen
class Contested(Value):
    """A fact on which sources disagree: every claim kept, with who makes it and where.

    A rule reading a contested fact gives the verdict all claims agree on, or UNKNOWN when they
    differ; its trace shows the claims. No value is picked.
    """

    claims: tuple[Claim[Any], ...] = attrs.field(converter=check.as_tuple, validator=_claims)

    def values(self) -> tuple[Any, ...]:
        """The claimed values.

        Returns:
            The value of each claim, in the order given.
        """
        return tuple(c.value for c in self.claims)

    def map(self, fn: Any) -> Contested:
        """The same claims with their values transformed (e.g. a count after a release).

        Args:
            fn: the function applied to each claimed value.

        Returns:
            A new :class:`Contested` with the same claimants and sources.

        Raises:
            InvalidValueError: if the transformed values no longer differ.
        """
        return Contested(tuple(attrs.evolve(c, value=fn(c.value)) for c in self.claims))

    def __str__(self) -> str:
        return "contested: " + "; ".join(str(c) for c in self.claims)
