"""The reported figures, the parties' stated positions, and the facts at publication.

Figures are attributed to whoever states them; where sources give different numbers for the same
quantity, each is its own figure. Positions paraphrase what a party said. The facts at publication
are those the sources support; every other fact starts UNKNOWN.
"""

from __future__ import annotations

from datetime import date as d

from ..core.facts import GovernanceRole, Progress
from ..core.obligations import InitialFact
from ..core.parties import Response
from ..core.records import Figure, Position, Qualifier, Stance
from ..core.records import Topic as T
from ..truth import UNKNOWN
from ._sources import (
    AP_1010,
    FT,
    HERALD,
    MIDEAST,
    R1,
    R2,
    R3,
    R4,
    R5,
    R7,
    R8,
    R9,
    R10,
    R11,
    R13,
    R14,
    R17,
    R21,
    R22,
    W17,
    WH,
)
from ._timeline_sources import TL

Q = Qualifier

FIGURES = (
    Figure(
        "hostages-held",
        T.HOSTAGES,
        "hostages held at the time of the talks",
        48,
        "people",
        "the Financial Times",
        (FT, R21),
        as_of=d(2025, 10, 5),
    ),
    Figure(
        "hostages-believed-alive",
        T.HOSTAGES,
        "hostages believed alive among them",
        20,
        "people",
        "the Financial Times",
        (FT, R21),
        as_of=d(2025, 10, 5),
        note="Believed alive: nobody outside could confirm it.",
    ),
    Figure(
        "hostages-deal-terms-living",
        T.HOSTAGES,
        "living hostages in the phase-one terms",
        20,
        "people",
        "the US envoy (Anadolu)",
        (R7,),
        as_of=d(2025, 10, 10),
    ),
    Figure(
        "hostages-deal-terms-deceased",
        T.HOSTAGES,
        "deceased hostages in the phase-one terms",
        28,
        "people",
        "the US envoy (Anadolu)",
        (R7,),
        as_of=d(2025, 10, 10),
    ),
    Figure(
        "killed-in-gaza",
        T.CASUALTIES,
        "people killed in Gaza",
        67000,
        "people",
        "Palestinian health officials, as reported by the FT",
        (FT,),
        qualifier=Q.MORE_THAN,
        as_of=d(2025, 10, 5),
    ),
    Figure(
        "killed-in-gaza-0505",
        T.CASUALTIES,
        "people killed in Gaza (health authority tally)",
        67074,
        "people",
        "the Gaza health authority, as reported by Benzinga",
        (R3,),
        as_of=d(2025, 10, 5),
    ),
    Figure(
        "killed-in-gaza-bbc",
        T.CASUALTIES,
        "people killed in Gaza (health authority tally)",
        67160,
        "people",
        "the Gaza health authority, as reported by the BBC",
        (R2,),
        as_of=d(2025, 10, 6),
    ),
    Figure(
        "gaza-population",
        T.POPULATION,
        "people living in Gaza",
        2_100_000,
        "people",
        "the Financial Times",
        (FT,),
        note="Reuters used 2.2 million [R1].",
    ),
    Figure(
        "gaza-population-reuters",
        T.POPULATION,
        "people living in Gaza",
        2_200_000,
        "people",
        "Reuters",
        (R1,),
    ),
    Figure(
        "oct7-killed",
        T.CASUALTIES,
        "people killed in the attack of 7 October 2023",
        1200,
        "people",
        "the Financial Times; AP",
        (FT, R13),
        as_of=d(2023, 10, 7),
    ),
    Figure(
        "oct7-seized",
        T.HOSTAGES,
        "people seized as hostages on 7 October 2023",
        250,
        "people",
        "the Financial Times",
        (FT,),
        as_of=d(2023, 10, 7),
        note="Reuters and AP give 251 [R1, R13].",
    ),
    Figure(
        "oct7-seized-wires",
        T.HOSTAGES,
        "people seized as hostages on 7 October 2023",
        251,
        "people",
        "Reuters and AP",
        (R1, R13),
        as_of=d(2023, 10, 7),
    ),
    Figure(
        "prisoners-to-be-freed",
        T.PRISONERS,
        "Palestinian prisoners to be freed in phase one",
        2000,
        "people",
        "the Financial Times",
        (FT,),
        qualifier=Q.NEARLY,
        note="The FT puts 'several hundred' of them among those serving life sentences; point 5 "
        "gives 250 + 1,700 [WH 5].",
    ),
    Figure(
        "prisoners-agreed",
        T.PRISONERS,
        "prisoners agreed for release (250 + 1,700)",
        1950,
        "people",
        "JNS",
        (R21,),
        as_of=d(2025, 10, 10),
    ),
    Figure(
        "prisoners-freed-1013",
        T.PRISONERS,
        "prisoners freed on 13 October 2025 (250 + 1,718)",
        1968,
        "people",
        "Israel's prison service",
        (R11,),
        as_of=d(2025, 10, 13),
    ),
    Figure(
        "aid-trucks-agreed",
        T.AID,
        "aid trucks a day agreed for phase one",
        600,
        "trucks a day",
        "Egyptian officials (via Al-Araby); COGAT; UN News",
        (R9, R10),
        qualifier=Q.ABOUT,
    ),
    Figure(
        "aid-trucks-cut",
        T.AID,
        "aid trucks a day allowed from 15 October 2025",
        300,
        "trucks a day",
        "COGAT, as reported by UN News",
        (R10,),
        as_of=d(2025, 10, 15),
    ),
    Figure(
        "israeli-share-first-line",
        T.TERRITORY,
        "share of Gaza under Israeli control at the first line",
        53,
        "percent",
        "Israeli officials",
        (R8, R17, R22),
        qualifier=Q.ABOUT,
        as_of=d(2025, 10, 10),
    ),
    Figure(
        "israeli-share-4-oct-map",
        T.TERRITORY,
        "share of Gaza on the Israeli side of the 4 Oct map line",
        58,
        "percent",
        "Al Jazeera's Sanad unit",
        (R14,),
        qualifier=Q.ABOUT,
        as_of=d(2025, 10, 4),
    ),
    Figure(
        "israeli-share-second-line",
        T.TERRITORY,
        "share of Gaza under Israeli control at the second line",
        UNKNOWN,
        "percent",
        "the BBC, reading the White House map",
        (R22,),
        note="Unknown: the only source is one reading of a map (the BBC gives about 40%), which "
        "the source register lists as unverified.",
    ),
    Figure(
        "israeli-share-perimeter",
        T.TERRITORY,
        "share of Gaza inside the security perimeter",
        UNKNOWN,
        "percent",
        "the BBC, reading the White House map",
        (R22,),
        note="Unknown: the only source is one reading of a map (the BBC gives about 15%), which "
        "the source register lists as unverified.",
    ),
)

POSITIONS = (
    Position(
        "israel",
        "Accepts the plan, with caveats. The prime minister said Hamas would be disarmed, "
        "by diplomacy through the plan or else by Israeli military force.",
        (FT,),
        Response.ACCEPTED,
    ),
    Position(
        "israel",
        "The prime minister made no commitment to a full military withdrawal and said Israel "
        "would not agree to one.",
        (FT, R4),
        topics={T.WITHDRAWAL},
        stance=Stance.REFUSES,
        action="a full military withdrawal",
        reported_by="the Israeli prime minister (FT; R4)",
    ),
    Position(
        "israel",
        "The prime minister said statehood is not part of the agreement.",
        (R2,),
        as_of=d(2025, 10, 6),
        topics={T.POLITICAL_HORIZON},
        stance=Stance.REFUSES,
        action="Palestinian statehood as part of the agreement",
        reported_by="the Israeli prime minister (R2)",
    ),
    Position(
        "hamas",
        "Broadly agrees: willing to free all 48 hostages and to hand governance to a "
        "Palestinian committee; whether it accepts disarmament is unclear. A person briefed on the "
        "talks says it wants to negotiate the details of the withdrawal and of the ISF.",
        (FT,),
        Response.ACCEPTED_IN_PART,
    ),
    Position(
        "hamas",
        "Accused Israel of pressing on with its assault although Israel said the offensive had "
        "paused, and said dozens had been killed.",
        (FT,),
        as_of=d(2025, 10, 4),
        topics={T.CEASEFIRE},
    ),
    Position(
        "us",
        "The president urged Hamas to move fast, said Israel had agreed to redeploy to the "
        "initial line, told Israel to stop the offensive at once, and warned that if Hamas delayed, "
        "all bets would be off.",
        (FT,),
    ),
    Position("arab-muslim-states", "Welcomed the plan.", (W17,), as_of=d(2025, 9, 29)),
    Position(
        "arab-muslim-states",
        "Welcomed Hamas's response and called for a full Israeli withdrawal, the "
        "PA's return to Gaza and a two-state solution.",
        (FT, R5),
        as_of=d(2025, 10, 5),
    ),
)

NOT_YET = "No release under the plan had happened at publication: 48 hostages were still held [FT]."
TO_BE_CREATED = "The plan describes it as still to be set up."

INITIAL_FACTS = (
    InitialFact(
        "response.israel",
        Response.ACCEPTED,
        (HERALD, FT),
        "Israel accepted at publication (with caveats, per the FT).",
    ),
    InitialFact(
        "response.hamas",
        Response.NO_RESPONSE,
        (HERALD, MIDEAST),
        "Hamas had not yet answered when the plan was published.",
    ),
    InitialFact(
        "approved.israel",
        False,
        (TL["TL-2025-10-10-1"], TL["TL-2025-10-10-3"]),
        "Israel's government approved the agreement only on 10 Oct 2025.",
    ),
    InitialFact(
        "phase_two_launched",
        False,
        (TL["TL-2026-01-14-1"],),
        "The US announced the launch of phase two only on 14 Jan 2026.",
    ),
    InitialFact(
        "ceasefire_in_force",
        False,
        (AP_1010,),
        "The ceasefire took effect only at noon on 10 Oct 2025.",
    ),
    InitialFact(
        "idf_line",
        "front",
        (R7,),
        "The pull-back to the first line was completed only on 10 Oct 2025.",
    ),
    InitialFact(
        "hostages_living_at_start",
        20,
        (FT, R21),
        "Believed alive [FT]; the phase-one terms counted 20.",
    ),
    InitialFact("hostages_living_returned", 0, (FT,), NOT_YET),
    InitialFact(
        "hostages_deceased_at_start",
        28,
        (R7, FT),
        "48 held, 20 believed alive; 28 in the phase-one terms.",
    ),
    InitialFact("hostages_deceased_returned", 0, (FT,), NOT_YET),
    InitialFact("israeli_hostage_remains_returned", 0, (FT,), NOT_YET),
    InitialFact(
        "life_sentence_prisoners_released",
        0,
        (FT, WH.at(5)),
        NOT_YET + " Point 5's releases follow it.",
    ),
    InitialFact(
        "gaza_detainees_released", 0, (FT, WH.at(5)), NOT_YET + " Point 5's releases follow it."
    ),
    InitialFact("detained_women_children_released", False, (FT, WH.at(5)), NOT_YET),
    InitialFact("gazan_remains_returned", 0, (FT, WH.at(5)), NOT_YET),
    InitialFact("established.board-of-peace", False, (WH.at(9),), TO_BE_CREATED),
    InitialFact("established.technocratic-committee", False, (WH.at(9),), TO_BE_CREATED),
    InitialFact("established.isf", False, (WH.at(15),), TO_BE_CREATED),
    InitialFact("isf_deployed", False, (WH.at(15),), TO_BE_CREATED),
    InitialFact(
        "hamas_governance_role",
        GovernanceRole.DIRECT,
        (FT, WH.at(13)),
        "Hamas offered to hand Gaza's governance to a committee [FT], so it held it.",
    ),
    InitialFact(
        "decommissioning",
        Progress.NOT_STARTED,
        (WH.at(13), FT),
        "The decommissioning process was still to be agreed, and whether Hamas accepted "
        "disarmament was unclear [FT].",
    ),
    InitialFact(
        "pa_reform_complete", False, (WH.at(9),), "Point 9 looks ahead to the reform's completion."
    ),
    InitialFact(
        "pa_control_resumed",
        False,
        (WH.at(9),),
        "Point 9 looks ahead to the PA taking back control.",
    ),
)
