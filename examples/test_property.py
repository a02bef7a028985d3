"""A property test to copy: with gazaplan installed (and hypothesis), no import of strategies is
needed: ``st.from_type`` finds gazaplan's through hypothesis' entry point.

Run: ``pytest examples/test_property.py``
"""

from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp

PLAN = gp.plan("2025-09-29")


@given(st.from_type(gp.Timeline))
def test_no_more_hostages_come_back_than_were_held(timeline: gp.Timeline) -> None:
    start = gp.State.initial(PLAN)
    end = gp.replay(PLAN, timeline)
    returned, held_at_start = end.hostages_living_returned, start.hostages_living_at_start
    if isinstance(returned, int) and isinstance(held_at_start, int):
        assert returned <= held_at_start
    # Phase 1 cannot be complete while a living hostage is still held.
    if isinstance(end.hostages_living_held, int) and end.hostages_living_held > 0:
        assert not gp.check_phase(PLAN, "phase-1", end).completion.verdict.is_met
