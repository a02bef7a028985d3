"""What if the remains ratio were different? Replay the real timeline under ratios 5 to 25.

Point 5 has Israel return the remains of 15 deceased Gazans for the remains of each deceased
Israeli hostage. This script changes that one term, replays the bundled timeline under each
variant and reports the standing of the remains obligation at the last event: what was owed,
what was returned, and whether the obligation counts as fulfilled.

Run: ``python examples/whatif_remains_ratio.py``. A what-if, not a record: the ratios other
than the plan's own are assumptions, and are labelled so in the variant plans.
"""

from __future__ import annotations

import attrs

import gazaplan as gp

OBLIGATION = "p5-return-remains"
ASSUMPTION = gp.Source(
    tag="what-if",
    title="an analyst's assumption, not a source",
    outlet="examples/whatif_remains_ratio.py",
)


@attrs.frozen
class Row:
    ratio: int
    status: gp.ComplianceStatus
    owed: object
    returned: object


def run(ratios: range = range(5, 26, 5)) -> list[Row]:
    """One row per ratio: the remains obligation's status at the end of the bundled timeline."""
    base, timeline = gp.plan(), gp.timeline()
    rows = []
    for ratio in ratios:
        edit = gp.SetTerm("exchange.remains_ratio", gp.Sourced(ratio, (ASSUMPTION,)))
        variant = gp.amend(base, edit, version=f"{base.version}+ratio-{ratio}")
        item = gp.compliance(variant, timeline).get(OBLIGATION)
        (measure,) = item.quantities
        rows.append(Row(ratio, item.status, measure.owed, measure.delivered))
    return rows


def main() -> None:
    print(f"{'ratio':>5}  {'owed':>5}  {'returned':>8}  status of {OBLIGATION}")
    for row in run():
        print(f"{row.ratio:>5}  {row.owed!s:>5}  {row.returned!s:>8}  {row.status}")


if __name__ == "__main__":
    main()
