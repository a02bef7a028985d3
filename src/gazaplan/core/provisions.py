"""The plan's numbered points: :class:`Provision`, with its :class:`Nature` and :class:`Wording` status."""

from __future__ import annotations

import enum

import attrs

from . import _checks as check
from ._value import Value
from .records import Topic
from .sources import Source, cite, sources_required

__all__ = ["Nature", "Provision", "Wording"]


class Nature(enum.Enum):
    """What kind of statement a point makes."""

    GOAL = "goal"
    """A stated aim with no actor or condition (points 1 and 2)."""
    COMMITMENT = "commitment"
    """Something to be done, by a named party or (in the passive) by nobody named."""
    CONDITIONAL = "conditional"
    """Something that follows once a stated condition holds."""
    FALLBACK = "fallback"
    """What happens if a party delays or rejects (point 17)."""
    ASPIRATION = "aspiration"
    """Hedged language ("may"), not a commitment (point 19)."""

    def __str__(self) -> str:
        return self.value


class Wording(enum.Enum):
    """How well the library's sources witness a point's wording."""

    CHECKED = "checked against reprints and quotations of the text"
    PARAPHRASE_ONLY = "seen only in paraphrase or translation"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Provision(Value):
    """One numbered point of the plan.

    Attributes:
        number: 1 to 20.
        title: a short title of the library's own.
        paraphrase: the library's paraphrase (never the source's sentences).
        sources: where the point is witnessed, each cited for this point.
        binds: ids of the parties the point places an obligation or role on. Empty when the point
            uses the passive voice and names nobody; ``obligor_note`` then says so.
        topics: subject tags.
        nature: goal, commitment, conditional, fallback or aspiration.
        wording: how well the wording is witnessed.
        note: caveats (such as a reading that differs between sources).
    """

    number: int = attrs.field(validator=check.point_number())
    title: str = attrs.field(validator=check.text())
    paraphrase: str = attrs.field(validator=check.text())
    sources: tuple[Source, ...] = attrs.field(
        converter=check.as_tuple, validator=sources_required()
    )
    binds: tuple[str, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.each(check.ident())
    )
    topics: frozenset[Topic] = attrs.field(default=frozenset(), converter=check.as_frozenset)
    nature: Nature = attrs.field(
        default=Nature.COMMITMENT, validator=check.member(Nature, unknown_ok=False)
    )
    wording: Wording = attrs.field(
        default=Wording.CHECKED, validator=check.member(Wording, unknown_ok=False)
    )
    obligor_note: str = ""
    note: str = ""

    def __str__(self) -> str:
        return f"Point {self.number}. {self.title}: {self.paraphrase} {cite(self.sources)}"
