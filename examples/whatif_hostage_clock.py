"""What if the hostage clock ran from Israel's acceptance, as point 4's text has it?

Point 4 counts 72 hours from Israel's public acceptance of the agreement. The phase-one terms
of 9 October 2025 ran them from the completed pull-back to the first line instead (so the
bundled versions from 2025-10-09 on do). This script puts the published text's clock back
into the latest version and compares when the return of the hostages fell due, and its
status, under the two readings, over the bundled timeline.

Run: ``python examples/whatif_hostage_clock.py``.
"""

from __future__ import annotations

import datetime as dt

import attrs

import gazaplan as gp

OBLIGATION = "p4-return-hostages"


@attrs.frozen
class Reading:
    clock: str
    clock_from: dt.datetime | None
    due: dt.datetime | None
    status: gp.ComplianceStatus
    reason: str


def variant() -> gp.Plan:
    """The latest version with point 4's clock as the published text has it."""
    published = gp.plan("2025-09-29").obligation(OBLIGATION).deadline
    assert published is not None
    edit = gp.SetDeadline(OBLIGATION, published)
    return gp.amend(gp.plan(), edit, version="latest+clock-from-acceptance")


def run(at: dt.datetime | None = None) -> tuple[Reading, Reading]:
    """The obligation under the phase-one terms and under the published text, as of *at*."""
    timeline = gp.timeline()
    out = []
    for clock, plan in (("from the pull-back", gp.plan()), ("from acceptance", variant())):
        item = gp.compliance(plan, timeline, at=at).get(OBLIGATION)
        out.append(Reading(clock, item.clock_from, item.due, item.status, item.reason))
    return out[0], out[1]


def main() -> None:
    for r in run():
        print(f"clock {r.clock}: started {r.clock_from}, due {r.due}")
        print(f"    {r.status}: {r.reason}")


if __name__ == "__main__":
    main()
