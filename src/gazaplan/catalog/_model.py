"""The bundled action model: the moves the plan's obligations describe, each by the party its
point names (none where the point names nobody), guarded by the obligation's trigger as the
explored plan has it, with the values each fact may take in bands.

By default it covers phases 1 and 2 (the exchange, the first withdrawal, the ISF and
decommissioning). ``whole_plan=True`` adds the moves every later phase reads: the launch of
phase two and its certification, the Board of Peace and the technocratic committee, the
development plan and the economic zone, the PA's reform and hand-over, the two dialogues and, in
the fallback of point 17, the ISF taking over ground in quarters. Obligations no phase reads
(amnesty, safe passage, the guarantee, police training, deconfliction, neutral distribution,
the infrastructure, free movement, no annexation) are left out: they change no phase's
reachability and would double the states each. The remains exchange of point 5 stays at its
start (no Israeli hostage's remains counted, so its ratio holds), as in the phases 1-2 model.

The living and deceased hostages are returned one at a time (the counts at the start of the
plan: 20 and 28 [R7]); :func:`bundled_model` takes smaller counts for quick runs. The ceasefire
can break and hold again, Rafah close and open, and aid fall back to the reduced level: those
moves stay enabled whatever else happens, as they did in the events of 2025-2026.
"""

from __future__ import annotations

from ..core.conditions import Equals, OneOf, PhaseComplete
from ..core.facts import Crossing, GovernanceRole, Progress
from ..core.models import Action, Model, SetTo, Step, Variable
from ..core.parties import Response
from ..core.plans import Plan
from ..core.state import State

__all__ = ["bundled_model", "bundled_start"]

LINES = ("front", "yellow", "second", "perimeter")


def _at(line: str) -> Equals:
    return Equals("idf_line", line, label=f"Israeli forces at the {line} line")


def bundled_start(
    plan: Plan, living: int = 20, deceased: int = 28, *, whole_plan: bool = False
) -> State:
    """The plan's facts at publication, with *living* and *deceased* hostages held (the
    bundled counts by default). Facts no source gives stay unknown: the explorer starts from
    each of their values. With *whole_plan*, the later phases' steps the plan puts in the
    future start not yet taken (:data:`NOT_YET_TAKEN`), an assumption of the model, not a
    sourced fact."""
    counts = {"hostages_living_at_start": living, "hostages_deceased_at_start": deceased}
    return State.initial(plan).updated({**counts, **(NOT_YET_TAKEN if whole_plan else {})})


NOT_YET_TAKEN: dict[str, object] = {
    "phase_two_certified": False,
    "development_plan_adopted": False,
    "economic_zone_established": False,
    "political_dialogue_started": False,
    "interfaith_dialogue_started": False,
    "isf_control_pct": 0,
}
"""The whole-plan model's start for the facts the catalog leaves unknown at publication: the
plan's text puts these steps in the future (points 10, 11, 18 and 20 describe them as still to
be drawn up, set up or opened; the ISF, still to be set up, holds no ground; no phase two has
been certified). The published dataset keeps them unknown: this is where the hypothetical
exploration starts, not a reading of the sources."""


def bundled_model(living: int = 20, deceased: int = 28, *, whole_plan: bool = False) -> Model:
    """The phases 1-2 model (or, with *whole_plan*, every phase's) with *living* and *deceased*
    hostages to return (the bundled counts by default; fewer make a smaller model with the same
    structure)."""
    variables = (
        Variable("response.hamas", (Response.NO_RESPONSE, Response.ACCEPTED, Response.REJECTED)),
        Variable("response.israel", (Response.NO_RESPONSE, Response.ACCEPTED)),
        Variable("ceasefire_in_force", (False, True)),
        Variable("idf_line", LINES),
        Variable("hostages_living_returned", tuple(range(living + 1))),
        Variable("hostages_deceased_returned", tuple(range(deceased + 1))),
        Variable("life_sentence_prisoners_released", (0, 250)),
        Variable("gaza_detainees_released", (0, 1700)),
        Variable("detained_women_children_released", (False, True)),
        Variable("withdrawal_standards_agreed", (False, True)),
        Variable("established.isf", (False, True)),
        Variable("isf_deployed", (False, True)),
        Variable("decommissioning", tuple(Progress)),
        Variable("decommissioning_verified", (False, True)),
        Variable("weapons_to_committee", (False, True)),
        Variable("hamas_governance_role", (GovernanceRole.DIRECT, GovernanceRole.NONE)),
        Variable("rafah_crossing", (Crossing.CLOSED, Crossing.BOTH_WAYS)),
        Variable("aid_trucks_per_day", (0.0, 300.0, 600.0)),
    )
    undecided = Equals("response.hamas", Response.NO_RESPONSE, label="Hamas has not answered")
    a = Action
    actions = (
        a("hamas-accepts", "hamas", "response.hamas", SetTo(Response.ACCEPTED), guard=undecided,
          point=3, summary="Hamas accepts the plan"),
        a("hamas-rejects", "hamas", "response.hamas", SetTo(Response.REJECTED), guard=undecided,
          point=17, summary="Hamas rejects the plan"),
        a("israel-accepts", "israel", "response.israel", SetTo(Response.ACCEPTED), point=3,
          summary="Israel accepts the plan"),
        a("operations-suspended", "", "ceasefire_in_force", SetTo(True),
          obligation="p3-suspend-operations", point=3, summary="military operations suspended"),
        a("ceasefire-breaks", "", "ceasefire_in_force", SetTo(False), point=3,
          summary="the ceasefire breaks down"),
        a("withdraw-to-first-line", "israel", "idf_line", Step(), guard=_at("front"),
          obligation="p3-withdraw-to-first-line", point=3, summary="Israeli forces pull back to the first line"),
        a("hand-over", "israel", "idf_line", Step(), guard=_at("yellow"),
          obligation="p16-hand-over", point=16, summary="Israeli forces hand territory to the ISF"),
        a("withdraw-to-perimeter", "israel", "idf_line", Step(), guard=_at("second"),
          obligation="p16-withdraw-to-perimeter", point=16, summary="Israeli forces withdraw to the perimeter"),
        a("living-hostage-returned", "", "hostages_living_returned", Step(),
          obligation="p4-return-hostages", point=4, summary="a living hostage is returned"),
        a("remains-returned", "", "hostages_deceased_returned", Step(),
          obligation="p4-return-hostages", point=4, summary="a deceased hostage's remains are returned"),
        a("life-sentence-prisoners-released", "israel", "life_sentence_prisoners_released",
          SetTo(250), obligation="p5-release-prisoners", point=5, summary="250 prisoners released"),
        a("detainees-released", "israel", "gaza_detainees_released", SetTo(1700),
          obligation="p5-release-prisoners", point=5, summary="1,700 detainees released"),
        a("women-and-children-released", "israel", "detained_women_children_released",
          SetTo(True), obligation="p5-release-prisoners", point=5,
          summary="all detained women and children released"),
        a("standards-agreed", "israel, isf, guarantors, us", "withdrawal_standards_agreed",
          SetTo(True), obligation="p16-agree-standards", point=16,
          summary="the withdrawal standards are agreed"),
        a("isf-set-up", "us", "established.isf", SetTo(True), obligation="p15-build-isf",
          point=15, summary="the ISF is set up"),
        a("isf-deployed", "us", "isf_deployed", SetTo(True), obligation="p15-build-isf",
          guard=Equals("established.isf", True), point=15, summary="the ISF deploys"),
        a("decommissioning-step", "hamas", "decommissioning", Step(),
          obligation="p13-decommission", point=13, summary="a decommissioning tranche"),
        a("decommissioning-verified", "monitors", "decommissioning_verified", SetTo(True),
          guard=OneOf("decommissioning", frozenset({Progress.COMPLETE})), point=13,
          summary="the monitors verify the decommissioning"),
        a("weapons-to-committee", "hamas", "weapons_to_committee", SetTo(True),
          obligation="p13-decommission", point=13, summary="weapons handed to the committee"),
        a("leave-governance", "hamas", "hamas_governance_role", SetTo(GovernanceRole.NONE),
          obligation="p13-leave-governance", point=13, summary="Hamas leaves governance"),
        a("rafah-opens", "", "rafah_crossing", SetTo(Crossing.BOTH_WAYS),
          obligation="p8-open-rafah", point=8, summary="Rafah opens both ways"),
        a("rafah-closes", "", "rafah_crossing", SetTo(Crossing.CLOSED), point=8,
          summary="Rafah closes"),
        a("full-aid", "", "aid_trucks_per_day", SetTo(600.0), obligation="p7-full-aid",
          point=7, summary="aid at 600 trucks a day"),
        a("aid-reduced", "", "aid_trucks_per_day", SetTo(300.0), point=7,
          guard=Equals("aid_trucks_per_day", 600.0, label="aid at 600 trucks a day"),
          summary="aid cut to 300 trucks a day"),
    )  # fmt: skip
    model = Model(variables, actions)
    return model.with_actions(_LATER_ACTIONS, _LATER_VARIABLES) if whole_plan else model


_ACCEPTED = Equals("response.hamas", Response.ACCEPTED, label="Hamas has accepted the plan")

_LATER_VARIABLES = (
    Variable("phase_two_launched", (False, True)),
    Variable("phase_two_certified", (False, True)),
    Variable("established.board-of-peace", (False, True)),
    Variable("established.technocratic-committee", (False, True)),
    Variable("development_plan_adopted", (False, True)),
    Variable("economic_zone_established", (False, True)),
    Variable("pa_reform_complete", (False, True)),
    Variable("pa_control_resumed", (False, True)),
    Variable("political_dialogue_started", (False, True)),
    Variable("interfaith_dialogue_started", (False, True)),
    Variable("isf_control_pct", (0, 25, 50, 75, 100)),
)
"""The facts the later phases read, as the whole-plan model moves them (true or false; the
ISF's share of Gaza in quarters, a band, not a figure any source gives)."""

_LATER_ACTIONS = (
    Action("phase-two-launched", "us", "phase_two_launched", SetTo(True), guard=_ACCEPTED,
           summary="the US announces the launch of phase two"),
    Action("phase-two-certified", "", "phase_two_certified", SetTo(True),
           guard=PhaseComplete("phase-2", label="phase 2 complete"), point=16,
           summary="the verification committee certifies the security step complete"),
    Action("board-of-peace-set-up", "", "established.board-of-peace", SetTo(True),
           obligation="p9-board-of-peace", point=9, summary="the Board of Peace is set up"),
    Action("committee-set-up", "", "established.technocratic-committee", SetTo(True),
           obligation="p9-committee", point=9, summary="the technocratic committee is set up"),
    Action("development-plan-adopted", "", "development_plan_adopted", SetTo(True),
           obligation="p10-development-plan", point=10,
           summary="the economic development plan is drawn up"),
    Action("economic-zone-set-up", "", "economic_zone_established", SetTo(True),
           obligation="p11-economic-zone", point=11, summary="the special economic zone is set up"),
    Action("pa-reformed", "pa", "pa_reform_complete", SetTo(True), obligation="p9-pa-reform",
           point=9, summary="the PA completes its reform programme"),
    Action("pa-takes-control", "", "pa_control_resumed", SetTo(True),
           obligation="p9-handover-to-pa", point=9, summary="the PA takes back control of Gaza"),
    Action("political-dialogue-opens", "us", "political_dialogue_started", SetTo(True),
           obligation="p20-political-dialogue", point=20,
           summary="the Israeli-Palestinian dialogue opens"),
    Action("interfaith-dialogue-opens", "", "interfaith_dialogue_started", SetTo(True),
           obligation="p18-interfaith-dialogue", point=18,
           summary="the interfaith dialogue opens"),
    Action("isf-takes-ground", "israel, isf", "isf_control_pct", Step(),
           obligation="p17-proceed-in-handed-areas", point=17,
           summary="another quarter of Gaza is handed to the ISF"),
)  # fmt: skip
