"""What if Hamas had rejected the plan? Point 17's fallback, on a hypothetical timeline.

Point 17 says that if Hamas delays or rejects the proposal, the plan goes ahead in the areas
free of fighting, handed over from the Israeli army to the stabilisation force. This script
builds a hypothetical timeline (its events are invented for the what-if and carry no sources)
on the published plan: Israel accepts, Hamas rejects. It then checks the main path and the
fallback phase, and the fallback's obligation.

Run: ``python examples/whatif_rejection.py``.
"""

from __future__ import annotations

import datetime as dt

import gazaplan as gp

T0 = dt.datetime(2025, 10, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=3)))


def timeline() -> gp.Timeline:
    """Hypothetical: Israel accepts, then Hamas rejects (no sources: not a record)."""
    return gp.Timeline(
        (
            gp.Event(
                "h1-israel-accepts",
                T0,
                gp.Responded("israel", gp.Response.ACCEPTED),
                summary="Hypothetical: Israel accepts.",
            ),
            gp.Event(
                "h2-hamas-rejects",
                T0 + dt.timedelta(days=3),
                gp.Responded("hamas", gp.Response.REJECTED),
                summary="Hypothetical: Hamas rejects.",
            ),
        )
    )


def run() -> tuple[gp.PlanReport, gp.ComplianceReport]:
    plan = gp.plan("2025-09-29")
    tl = timeline()
    return gp.check_plan(plan, gp.replay(plan, tl)), gp.compliance(plan, tl)


def main() -> None:
    report, comp = run()
    for r in report.phases:
        print(f"{r.phase.id:<18} preconditions {r.verdict!s:<8} ({r.phase.path})")
    print()
    print(report.phase("fallback-17").explain())
    print()
    item = comp.get("p17-proceed-in-handed-areas")
    print(f"p17-proceed-in-handed-areas: {item.status}: {item.reason}")


if __name__ == "__main__":
    main()
