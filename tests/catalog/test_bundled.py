"""The bundled versions pass every check a user's plan gets.

The catalog builds its versions without checking their references at each first use (they are
trusted content, the same in every process); these tests are that check, so a catalog edit that
names nothing fails here.
"""

from __future__ import annotations

import attrs
import pytest

import gazaplan as gp
from gazaplan.catalog._versions import LATER
from gazaplan.core._references import check_references
from gazaplan.core.plans import DEFERRED_CHECKS


@pytest.mark.parametrize("version", gp.versions())
def test_every_bundled_version_passes_the_reference_checks(version: str) -> None:
    check_references(gp.plan(version))


@pytest.mark.parametrize("version", gp.versions())
def test_every_bundled_version_is_the_plan_built_with_the_checks(version: str) -> None:
    assert not DEFERRED_CHECKS.get()
    published = gp.plan("2025-09-29")
    checked = attrs.evolve(published)  # the constructor's checks run
    if version != "2025-09-29":
        upto = [a.version for a in LATER].index(version) + 1
        checked = gp.amend(checked, *LATER[:upto])  # amend's final check runs
    assert checked == gp.plan(version)
    assert checked.amendments == gp.plan(version).amendments


def test_the_catalog_leaves_the_checks_on_for_everything_else() -> None:
    gp.plan()
    assert not DEFERRED_CHECKS.get()
    plan = gp.plan()
    phase = plan.phases[0]
    bad = attrs.evolve(phase, entry=gp.Equals("response.nobody", gp.Response.ACCEPTED))
    with pytest.raises(gp.UnknownPartyError, match="nobody"):
        attrs.evolve(plan, phases=(bad, *plan.phases[1:]))
