"""The parties and bodies named by the plan and the reporting on it."""

from __future__ import annotations

from ..core.parties import Party
from ..core.parties import PartyKind as K
from ._sources import ALJAZEERA_1009, FT, R2, R5, R6, W17, WH

PARTIES = (
    Party(
        "israel",
        "Israel",
        K.BELLIGERENT,
        "Party to the war: the government of Israel and the Israel Defense Forces (IDF). Ron Dermer "
        "led its negotiators; the talks were indirect, through the mediators.",
        (FT, R2),
    ),
    Party(
        "hamas",
        "Hamas",
        K.BELLIGERENT,
        "Party to the war: the Palestinian movement that governed Gaza and held hostages there. The "
        "talks with it were indirect, through the mediators.",
        (FT, R2, WH.at(13)),
    ),
    Party(
        "other-factions",
        "Other Palestinian factions",
        K.BELLIGERENT,
        "The 'other factions' that point 13 binds together with Hamas; the text names none.",
        (WH.at(13),),
    ),
    Party(
        "us",
        "United States",
        K.MEDIATOR,
        "Author of the plan. Its envoy Steve Witkoff, joined by Jared Kushner, took part in the talks; "
        "reporting of 8-9 Oct 2025 lists it among the mediators with Egypt, Qatar and Turkey.",
        (FT, R6, ALJAZEERA_1009),
    ),
    Party(
        "qatar",
        "Qatar",
        K.MEDIATOR,
        "One of the two main Arab mediators; hosts Hamas political figures.",
        (FT,),
    ),
    Party(
        "egypt",
        "Egypt",
        K.MEDIATOR,
        "One of the two main Arab mediators; consulted on police training and helps secure the border "
        "areas under point 15.",
        (FT, WH.at(15)),
    ),
    Party(
        "turkey",
        "Turkey",
        K.MEDIATOR,
        "Increasingly involved in the mediation; like Qatar it hosts Hamas political figures.",
        (FT,),
    ),
    Party(
        "jordan",
        "Jordan",
        K.OTHER,
        "Consulted on the training of Palestinian police under point 15.",
        (WH.at(15),),
    ),
    Party(
        "guarantors",
        "Guarantors (regional partners)",
        K.GUARANTOR,
        "Regional partners who guarantee that Hamas and the factions keep their obligations (point 14), "
        "and one of the four parties that agree the withdrawal standards (point 16). The text names "
        "none; who signed as guarantors in October 2025 is not established for this version.",
        (WH.at(14), WH.at(16)),
    ),
    Party(
        "board-of-peace",
        "Board of Peace",
        K.TRANSITIONAL_BODY,
        "New international transitional body, headed and chaired by Donald J. Trump, with other members "
        "and heads of state to be announced, Tony Blair among them. Oversees the committee, sets the "
        "framework and handles redevelopment funding.",
        (WH.at(9),),
    ),
    Party(
        "technocratic-committee",
        "Palestinian technocratic committee",
        K.TRANSITIONAL_BODY,
        "Temporary, apolitical committee of qualified Palestinians and international experts running "
        "daily public services and municipalities under the Board of Peace.",
        (WH.at(9), FT),
    ),
    Party(
        "isf",
        "International Stabilization Force (ISF)",
        K.INTERNATIONAL_FORCE,
        "Temporary force developed by the US with Arab and international partners; trains and supports "
        "vetted Palestinian police and, with Israel and Egypt, secures the border areas.",
        (WH.at(15),),
    ),
    Party(
        "palestinian-police",
        "Palestinian police",
        K.OTHER,
        "Vetted police trained and supported by the ISF; the FT describes them as trained by Arab and "
        "western states.",
        (WH.at(15), FT),
    ),
    Party(
        "monitors",
        "Independent monitors",
        K.OTHER,
        "Oversee demilitarisation and verify the decommissioning and the buy-back.",
        (WH.at(13),),
    ),
    Party(
        "un",
        "United Nations and its agencies",
        K.AID_BODY,
        "Bring in and distribute aid under point 8; the FT reports the UN would oversee an aid surge.",
        (WH.at(8), FT),
    ),
    Party(
        "red-crescent", "Red Crescent", K.AID_BODY, "Distributes aid under point 8.", (WH.at(8),)
    ),
    Party(
        "pa",
        "Palestinian Authority",
        K.OTHER,
        "Takes back control of Gaza once its reform programme is complete (point 9); its reform is also "
        "a condition in point 19.",
        (WH.at(9), WH.at(19)),
    ),
    Party(
        "arab-muslim-states",
        "Arab and Muslim states (eight foreign ministers)",
        K.OTHER,
        "The foreign ministers of Qatar, Jordan, the UAE, Indonesia, Pakistan, Türkiye, Saudi Arabia and "
        "Egypt, who issued joint statements on the plan.",
        (FT, R5, W17),
        members=(
            "Qatar",
            "Jordan",
            "UAE",
            "Indonesia",
            "Pakistan",
            "Türkiye",
            "Saudi Arabia",
            "Egypt",
        ),
    ),
    Party(
        "gaza-population",
        "People of Gaza",
        K.OTHER,
        "The population the plan's redevelopment and aid are for (points 2, 7 and 12).",
        (WH.at(2), WH.at(12)),
    ),
)
