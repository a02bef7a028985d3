"""Who can change each fact, read from the plan's text point by point (the table
``gazaplan.controls()`` returns).

Each entry cites the points that name who acts, with their sources. Where a point is in the
passive and names nobody (points 4, 7, 8's crossing, much of 9-13), the entry names no party:
the analysis reports "none identified". The facts of the 2026 roadmap and agreement cite those
documents' reports. Where the library reads an actor into a report, the basis says so.
"""

from __future__ import annotations

from ..core.control import Control, Controls
from ..core.sources import Source
from ._points import POINTS
from ._timeline_sources import TL
from ._versions_2026 import AGREEMENT_SOURCES, ROADMAP_SOURCES

__all__ = ["CONTROLS"]

PASSIVE = "the point is in the passive and names nobody who acts"
LAUNCH = (TL["TL-2026-01-14-1"], TL["TL-2026-01-14-2"], TL["TL-2026-01-14-3"])


def _src(*points: int) -> tuple[Source, ...]:
    found: list[Source] = []
    for n in points:
        found += [s for s in POINTS[n - 1].sources if s not in found]
    return tuple(found)


def _c(fact: str, parties: tuple[str, ...], points: tuple[int, ...], basis: str) -> Control:
    return Control(fact, parties, points, basis, _src(*points))


CONTROLS = Controls(
    (
        Control("response", (), (3,), "each party gives its own answer; point 3 starts once "
                "both sides agree", _src(3), named_party=True),
        Control("approved", (), (3,), "a government's formal approval is its own act",
                _src(3), named_party=True),
        _c("ceasefire_in_force", (), (3,), "point 3 says operations are suspended and names "
           "nobody who suspends them"),
        Control("phase_two_launched", ("us",), (), "the fact is the US announcement of the "
                "launch", LAUNCH),
        _c("idf_line", ("israel",), (3, 16), "Israeli forces withdraw to the lines"),
        _c("israeli_control_pct", ("israel",), (3, 16), "the share Israeli forces hold"),
        _c("isf_control_pct", ("israel", "isf"), (16,), "the IDF hands territory over to the "
           "ISF as the ISF establishes control"),
        _c("withdrawal_standards_agreed", ("israel", "isf", "guarantors", "us"), (16,),
           "the standards are agreed among the IDF, the ISF, the guarantors and the US"),
        _c("gaza_annexed", ("israel",), (16,), "Israel will not occupy or annex Gaza"),
        _c("hostages_living_at_start", (), (4,), "a count at the plan's start: no action "
           "changes it"),
        _c("hostages_deceased_at_start", (), (4,), "a count at the plan's start: no action "
           "changes it"),
        _c("hostages_living_returned", (), (4,), PASSIVE),
        _c("hostages_deceased_returned", (), (4,), PASSIVE),
        _c("hostages_living_held", (), (4,), PASSIVE),
        _c("hostages_deceased_held", (), (4,), PASSIVE),
        _c("hostages_held", (), (4,), PASSIVE),
        _c("israeli_hostage_remains_returned", (), (4, 5), PASSIVE),
        _c("life_sentence_prisoners_released", ("israel",), (5,), "Israel releases the prisoners"),
        _c("gaza_detainees_released", ("israel",), (5,), "Israel releases the detainees"),
        _c("detained_women_children_released", ("israel",), (5,), "Israel releases the "
           "detainees"),
        _c("gazan_remains_returned", ("israel",), (5,), "Israel releases the remains"),
        _c("coexistence_commitment", ("hamas",), (6,), "Hamas members make the commitment"),
        _c("decommissioning_commitment", ("hamas",), (6,), "Hamas members make the commitment"),
        _c("amnesty_offered", (), (6,), PASSIVE),
        _c("safe_passage_offered", (), (6,), PASSIVE),
        _c("aid_trucks_per_day", (), (7,), PASSIVE),
        _c("aid_via_neutral_bodies", (), (8,), "the point names the channels (the UN, the Red "
           "Crescent, other neutral bodies) in the passive"),
        _c("rafah_crossing", (), (8,), PASSIVE),
        _c("established.board-of-peace", (), (9,), "the point names the Board's chair, not who "
           "forms it"),
        _c("established.technocratic-committee", (), (9,), PASSIVE),
        _c("established.isf", ("us",), (15,), "the US develops the ISF with Arab and "
           "international partners"),
        _c("established.palestinian-police", ("isf",), (15,), "the ISF trains and supports the "
           "vetted police"),
        _c("isf_deployed", ("us",), (15,), "the US develops the ISF to deploy at once"),
        _c("deconfliction_agreed", (), (15,), "the point says the parties agree it, not which"),
        _c("hamas_governance_role", ("hamas", "other-factions"), (13,), "Hamas and the other "
           "factions agree to have no role in governance"),
        _c("decommissioning", ("hamas", "other-factions"), (13,), "the point's commitments are "
           "Hamas's and the other factions'"),
        _c("decommissioning_verified", ("monitors",), (13,), "independent monitors verify it"),
        _c("military_infrastructure_destroyed", (), (13,), PASSIVE),
        _c("guarantee_given", ("guarantors",), (14,), "regional partners give the guarantee"),
        Control("phase_one_certified", (), (), "the roadmap's verification committee, which "
                "is not among the plan's parties", ROADMAP_SOURCES),
        Control("phase_two_certified", (), (), "the roadmap's verification committee, which "
                "is not among the plan's parties", ROADMAP_SOURCES),
        Control("weapons_to_committee", ("hamas", "other-factions"), (13,), "the agreement "
                "has the factions' weapons handed to the committee: the library's reading of "
                "reports", AGREEMENT_SOURCES),
        _c("free_to_leave_and_return", (), (12,), PASSIVE),
        _c("development_plan_adopted", (), (10,), PASSIVE),
        _c("economic_zone_established", (), (11,), PASSIVE),
        _c("interfaith_dialogue_started", (), (18,), PASSIVE),
        _c("pa_reform_complete", ("pa",), (9, 19), "the PA carries out its reform programme"),
        _c("pa_control_resumed", (), (9,), "the point says when the PA may take control back, "
           "not who hands it over"),
        _c("political_dialogue_started", ("us",), (20,), "the US establishes the dialogue"),
    )
)  # fmt: skip
