"""Who can change each fact: :class:`Control` (one fact, the parties whose actions set it, the
points and sources that say so) and :class:`Controls`, the table the analysis reads.

The table is data: the bundled one lives in the catalog (``gazaplan.controls()``), read from the
plan's text point by point. Where a point is written in the passive and names nobody (points 4
and 7 among them), the entry lists no party: the analysis says "none identified" and treats the
fact as one no named party can hold back, rather than inventing an actor.

A per-party fact (``response.<party>``, ``approved.<party>``) is controlled by the party it names:
one entry with ``named_party=True`` covers every party. Several parties on one entry control the
fact jointly: each one's refusal is enough to keep it as it is (the withdrawal standards are
agreed by four).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from ..exceptions import InvalidValueError
from . import _checks as check
from ._value import Value
from .sources import Source, cite
from .state import FACTS, spec_of

__all__ = ["NONE_IDENTIFIED", "Control", "Controls"]

NONE_IDENTIFIED = "none identified"
"""What the analysis says of a fact whose point names nobody who acts."""


@attrs.frozen
class Control(Value):
    """Who can change one fact, and where the plan says so.

    Attributes:
        fact: the fact id (``"idf_line"``, ``"established.isf"``), or the prefix of a per-party
            fact (``"response"``) with *named_party*.
        parties: the parties whose actions set it (jointly); empty: none identified.
        points: the plan points that say so.
        basis: why, in the library's words.
        sources: where the plan says it.
        named_party: a per-party fact controlled by the party it names.
    """

    fact: str = attrs.field(validator=check.text())
    parties: tuple[str, ...] = attrs.field(converter=check.as_tuple)
    points: tuple[int, ...] = attrs.field(converter=check.as_tuple)
    basis: str = attrs.field(validator=check.text())
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.items_of(Source)
    )
    named_party: bool = False

    def __attrs_post_init__(self) -> None:
        if not self.named_party:
            spec_of(self.fact)  # raises, listing the facts
            return
        spec = FACTS.get(self.fact)
        if spec is None or not spec.per_party:
            raise InvalidValueError(
                "Control.named_party", self.fact, "only a per-party fact's prefix can name its party",
                "Write the prefix of a per-party fact (\"response\"), or drop named_party.",
            )  # fmt: skip

    def who(self, fact_id: str) -> tuple[str, ...]:
        """The parties that control a fact by this entry.

        Args:
            fact_id: the fact's id (for a per-party fact, the full id: ``"response.hamas"``).

        Returns:
            The party the fact names, for a *named_party* entry; otherwise *parties*.
        """
        if self.named_party:
            return (fact_id.partition(".")[2],)
        return self.parties

    def explain(self) -> str:
        """The entry in words: the fact, who controls it, the points, the basis and the sources.

        Returns:
            One line; ``"none identified"`` where the entry names no party.
        """
        who = ", ".join(self.parties) or NONE_IDENTIFIED
        if self.named_party:
            who = "the party the fact names"
        pts = ", ".join(map(str, self.points)) or "no point"
        return f"{self.fact}: {who} (point {pts}; {self.basis}) {cite(self.sources)}".rstrip()


@attrs.frozen
class Controls(Value):
    """The table of who can change each fact. Iterable; a fact appears at most once.

    Raises:
        InvalidValueError: a fact listed twice.
    """

    entries: tuple[Control, ...] = attrs.field(converter=check.as_tuple)
    _by_fact: dict[str, Control] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        table: dict[str, Control] = {}
        for i, c in enumerate(self.entries):
            if c.fact in table:
                raise InvalidValueError(
                    f"Controls.entries[{i}]", c.fact, "the fact is listed twice",
                    "Merge the two entries: one fact, one list of parties.",
                )  # fmt: skip
            table[c.fact] = c
        object.__setattr__(self, "_by_fact", table)

    def __iter__(self) -> Iterator[Control]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def of(self, fact_id: str) -> Control | None:
        """The entry for one fact.

        Args:
            fact_id: the fact's id; a per-party fact is found by its prefix.

        Returns:
            The entry, or None if the fact is not listed.
        """
        found = self._by_fact.get(fact_id)
        if found is None and "." in fact_id:
            prefix = self._by_fact.get(fact_id.partition(".")[0])
            if prefix is not None and prefix.named_party:
                return prefix
        return found

    def parties(self, fact_id: str) -> tuple[str, ...]:
        """Who controls one fact.

        Args:
            fact_id: the fact's id.

        Returns:
            The parties; empty if none is identified or the fact is not listed.
        """
        entry = self.of(fact_id)
        return () if entry is None else entry.who(fact_id)

    def facts_of(self, party: str, facts: Iterable[str]) -> frozenset[str]:
        """The facts one party controls, alone or jointly.

        Args:
            party: the party's id.
            facts: the facts to look at.

        Returns:
            Those of *facts* that *party* controls.
        """
        return frozenset(f for f in facts if party in self.parties(f))
