"""The plan's concrete terms: :class:`WithdrawalLine`, :class:`ExchangeTerms` and :class:`AidTerms`.

Every number is a :class:`~gazaplan.core.sources.Sourced` value. Conditions refer to a term by its path,
``Term("exchange.remains_ratio")``, so that a variant plan with another ratio changes every rule
that uses it.
"""

from __future__ import annotations

from typing import Any

import attrs

from ..exceptions import InvalidValueError
from ..truth import UNKNOWN, Unknown
from . import _checks as check
from ._value import Value
from .conditions import Condition, condition_check
from .facts import Crossing
from .sources import Claim, Source, Sourced, cite, sources_required

__all__ = ["AidTerms", "ExchangeTerms", "WithdrawalLine"]


def _sourced(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Sourced):
        raise InvalidValueError(
            check.where(inst, attr),
            value,
            "a term is a Sourced value",
            "Wrap it: Sourced(15, sources=(source,)).",
        )


def _sourced_count(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    _sourced(inst, attr, value)
    check.count()(inst, attr.evolve(name=f"{attr.name}.value"), value.value)  # type: ignore[attr-defined]


def _sourced_hours(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    _sourced_count(inst, attr, value)
    hours = value.value  # type: ignore[attr-defined]
    if hours is not UNKNOWN and hours > check.MAX_HOURS:
        raise InvalidValueError(
            f"{check.where(inst, attr)}.value",
            hours,
            f"a window is at most {check.MAX_HOURS:,} hours (a hundred years)",
            "Check the number of hours.",
        )


@attrs.frozen
class WithdrawalLine(Value):
    """A line Israeli forces withdraw to, in order from the first to full withdrawal.

    Attributes:
        id: stable id (``"yellow"``).
        name: display name.
        order: 0 for the positions held when the plan was accepted, then 1, 2, ... outwards.
        description: what the line is and where its name comes from.
        sources: where the line is described.
        israeli_share: claims of the share of Gaza (percent) left under Israeli control at this
            line. Empty where no source gives one; several where sources differ.
        advance: the condition for moving on to the next line (None for the last line).
        also_called: other names in the reporting.
    """

    id: str = attrs.field(validator=check.ident())
    name: str = attrs.field(validator=check.text())
    order: int = attrs.field(validator=check.count(unknown_ok=False))
    description: str = attrs.field(validator=check.text())
    sources: tuple[Source, ...] = attrs.field(
        converter=check.as_tuple, validator=sources_required()
    )
    israeli_share: tuple[Claim[float], ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.items_of(Claim)
    )
    advance: Condition | None = attrs.field(default=None, validator=condition_check(optional=True))
    also_called: tuple[str, ...] = attrs.field(default=(), converter=check.as_tuple)

    @property
    def share(self) -> float | Unknown:
        """The share all claims agree on, or UNKNOWN when there is none or they differ."""
        values = {c.value for c in self.israeli_share}
        return values.pop() if len(values) == 1 else UNKNOWN

    @property
    def contested(self) -> bool:
        """True when sources give different shares."""
        return len({c.value for c in self.israeli_share}) > 1

    def describe_share(self) -> str:
        """Describe the share of Gaza the line leaves under Israeli control, claim by claim.

        Returns:
            Each claim with who makes it and its sources, such as ``"about 53% per Israeli
            officials [R8]; ..."``, or ``"unknown (no source gives it)"``.
        """
        if not self.israeli_share:
            return "unknown (no source gives it)"
        return "; ".join(
            f"about {c.value:g}% per {c.claimed_by} {cite(c.sources)}" for c in self.israeli_share
        )


@attrs.frozen
class ExchangeTerms(Value):
    """The hostage and prisoner exchange (points 4 and 5), each figure sourced.

    Attributes:
        hostages_living: living hostages to be returned.
        hostages_deceased: deceased hostages whose remains are to be returned.
        hostage_window_hours: the window for returning all hostages.
        hostage_clock: what starts that window, in words (the condition is on the obligation).
        life_sentence_prisoners: prisoners serving life sentences to be released.
        gaza_detainees: Gazans detained after 7 October 2023 to be released.
        women_and_children: how the women and children among the detainees are covered.
        remains_ratio: remains of deceased Gazans released per hostage's remains released.
        remains_ratio_basis: whose remains count for the ratio, as the plan words it.
        hostage_trigger: the condition that makes the hostage return due (the agreement).
        prisoner_trigger: the condition that triggers the prisoner release.
        remains_trigger: the condition that triggers the return of Gazan remains.
    """

    hostages_living: Sourced[int] = attrs.field(validator=_sourced_count)
    hostages_deceased: Sourced[int] = attrs.field(validator=_sourced_count)
    hostage_window_hours: Sourced[int] = attrs.field(validator=_sourced_hours)
    hostage_clock: str = attrs.field(validator=check.text())
    life_sentence_prisoners: Sourced[int] = attrs.field(validator=_sourced_count)
    gaza_detainees: Sourced[int] = attrs.field(validator=_sourced_count)
    women_and_children: str = attrs.field(validator=check.text())
    remains_ratio: Sourced[int] = attrs.field(validator=_sourced_count)
    remains_ratio_basis: str = attrs.field(validator=check.text())
    hostage_trigger: Condition = attrs.field(validator=condition_check())
    prisoner_trigger: Condition = attrs.field(validator=condition_check())
    remains_trigger: Condition = attrs.field(validator=condition_check())

    @property
    def hostages_total(self) -> int:
        """Living plus deceased hostages."""
        return self.hostages_living.value + self.hostages_deceased.value

    @property
    def prisoners_total(self) -> int:
        """Life-sentence prisoners plus Gaza detainees."""
        return self.life_sentence_prisoners.value + self.gaza_detainees.value


@attrs.frozen
class AidTerms(Value):
    """Aid (points 7 and 8).

    Attributes:
        trucks_per_day: the minimum daily volume, or UNKNOWN where the version states none.
        rafah: how the Rafah crossing is to operate.
        channels: who distributes aid, in words.
    """

    trucks_per_day: Sourced[int | Unknown] = attrs.field(validator=_sourced_count)
    rafah: Sourced[Crossing] = attrs.field(validator=_sourced)
    channels: str = attrs.field(validator=check.text())
