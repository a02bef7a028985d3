"""Conditions are data: validated on construction, combinable, and they name what they read."""

from __future__ import annotations

import pytest

import gazaplan as gp
from gazaplan.core.conditions import facts_read, phases_named, terms_named


def test_conditions_name_the_facts_terms_and_phases_they_read() -> None:
    cond = gp.AllOf(
        (
            gp.Equals("response.hamas", gp.Response.ACCEPTED),
            gp.Not(
                gp.AtLeast(
                    "gazan_remains_returned",
                    gp.Times(gp.Term("exchange.remains_ratio"), "israeli_hostage_remains_returned"),
                )
            ),
            gp.PhaseComplete("phase-1"),
        )
    )
    assert facts_read(cond) == {
        "response.hamas",
        "gazan_remains_returned",
        "israeli_hostage_remains_returned",
    }
    assert terms_named(cond) == {"exchange.remains_ratio"}
    assert phases_named(cond) == {"phase-1"}


def test_operators_build_conditions() -> None:
    a, b = gp.Known("idf_line"), gp.Known("ceasefire_in_force")
    assert (a & b) == gp.AllOf((a, b))
    assert (a | b) == gp.AnyOf((a, b))
    assert ~a == gp.Not(a)


def test_conditions_are_hashable_values() -> None:
    assert gp.Known("idf_line") == gp.Known("idf_line")
    assert len({gp.Known("idf_line"), gp.Known("idf_line")}) == 1


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: gp.AtLeast("ceasefire_in_force", 1), "has no order"),
        (lambda: gp.Equals("ceasefire_in_force", "yes"), "takes True or False"),
        (lambda: gp.Equals("hostages_held", True), "takes a finite number"),
        (lambda: gp.Equals("rafah_crossing", "open"), "takes a Crossing member"),
        (lambda: gp.Equals("idf_line", gp.UNKNOWN), r"use Known\(fact\)"),
        (lambda: gp.OneOf("idf_line", []), "at least one value"),
        (lambda: gp.Times(15, "ceasefire_in_force"), "numeric fact"),
        (lambda: gp.Known("hostages_held", point=21), "points 1 to 20"),
        (lambda: gp.AllOf(("not a condition",)), "expected a"),
    ],
)
def test_bad_conditions_are_refused_with_a_fix(build: object, message: str) -> None:
    with pytest.raises(gp.InvalidValueError, match=message):
        build()  # type: ignore[operator]


def test_unknown_fact_in_a_condition() -> None:
    with pytest.raises(gp.UnknownFactError, match="Did you mean 'ceasefire_in_force'"):
        gp.Known("ceasefire_in_forc")
