"""The plain words a reader sees: display names for parties, phases, targets, facts and statuses.

Every text, HTML, plot and CSV output names things through these functions, so that one thing is
called one thing everywhere ("United States", never ``us``; "phase 2's completion", never
``phase-2.completion``). Ids stay in JSON, and beside a name where a reader needs them to look
something up (:func:`named`).

The words are the library's own and the same for every party. A name comes from the plan (a
party's or a phase's ``name``) or from the facts' schema (:data:`~gazaplan.core.state.FACTS`);
an id the plan does not know is shown as it is, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

from ..truth import Verdict
from ._frozenmap import FrozenMap
from .facts import FactKind
from .plans import Plan
from .state import FACTS

__all__ = [
    "NO_OBLIGOR",
    "VERDICT_WORDS",
    "fact_name",
    "fact_question",
    "join_names",
    "named",
    "parties_text",
    "party_name",
    "party_names",
    "phase_name",
    "target_name",
    "verdict_words",
]

NO_OBLIGOR: Final = "no obligor named in the text"
"""What an obligation whose text names nobody who must act says in place of its obligors."""

VERDICT_WORDS: Final = {
    Verdict.MET: "conditions met",
    Verdict.UNMET: "conditions not met",
    Verdict.UNKNOWN: "not known",
}
"""A verdict on a phase's preconditions or completion in words."""

_NUMBERED = re.compile(r"phase-(\d+)\Z")


def verdict_words(verdict: Verdict) -> str:
    """A verdict in words: ``"conditions met"``, ``"conditions not met"`` or ``"not known"``.

    Args:
        verdict: the verdict.

    Returns:
        Its words.
    """
    return VERDICT_WORDS[verdict]


def party_name(plan: Plan, party_id: str) -> str:
    """A party's display name: ``"United States"`` for ``us``.

    Args:
        plan: the plan whose parties are named.
        party_id: the party's id.

    Returns:
        The name, or the id itself where the plan has no such party.
    """
    for party in plan.parties:
        if party.id == party_id:
            return party.name
    return party_id


def party_names(plan: Plan) -> Mapping[str, str]:
    """Every party's display name by id, as the reports keep them to word their lines.

    Args:
        plan: the plan whose parties are named.

    Returns:
        Party id -> display name.
    """
    return FrozenMap((p.id, p.name) for p in plan.parties)


def parties_text(
    plan: Plan | Mapping[str, str], party_ids: Iterable[str], *, none: str = NO_OBLIGOR
) -> str:
    """Parties by name, joined in words: ``"Israel and Hamas"``; *none* where there are none.

    Args:
        plan: the plan whose parties are named, or their names by id (:func:`party_names`).
        party_ids: the parties' ids, in the order to name them.
        none: what to say where there is no party (by default :data:`NO_OBLIGOR`).

    Returns:
        The names joined with commas and a last "and"; an id with no name is shown as it is.
    """
    table = party_names(plan) if isinstance(plan, Plan) else plan
    return join_names([table.get(p, p) for p in party_ids], none=none)


def join_names(names: Iterable[str], *, none: str = NO_OBLIGOR) -> str:
    """Names joined in words: ``"a"``, ``"a and b"``, ``"a, b and c"``; *none* for no name.

    Args:
        names: the names, in order.
        none: what to say where there is none.

    Returns:
        The names joined.
    """
    names = list(names)
    if not names:
        return none
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def phase_name(plan: Plan, phase_id: str) -> str:
    """A phase as a sentence names it: ``"phase 2"`` for ``phase-2``, else its display name.

    Args:
        plan: the plan whose phases are named.
        phase_id: the phase's id.

    Returns:
        ``"phase N"`` for a numbered phase, the phase's name for another, the id for an unknown one.
    """
    numbered = _NUMBERED.match(phase_id)
    if numbered:
        return f"phase {numbered.group(1)}"
    for phase in plan.phases:
        if phase.id == phase_id:
            return phase.name
    return phase_id


def target_name(plan: Plan, target: str) -> str:
    """A target (a phase or an obligation, alone or with its part) in words.

    ``phase-2.completion`` is "phase 2's completion"; ``perimeter.entry`` is "the preconditions of
    Withdrawal to the security perimeter"; an obligation's completion is its action in quotes
    with "fulfilled", its trigger the same with "due".

    Args:
        plan: the plan whose phases and obligations are named.
        target: the target's id (``PHASE``, ``PHASE.entry``, ``PHASE.completion``,
            ``OBLIGATION``, ``OBLIGATION.trigger``, ``OBLIGATION.completion``).

    Returns:
        The words, or the target as given where it is of no known form.
    """
    head, _, part = target.partition(".")
    for o in plan.obligations():
        if o.id == head:
            what = {"completion": "fulfilled", "": "fulfilled", "trigger": "due"}.get(part)
            return f"“{o.action}” {what}" if what is not None else target
    what = {"entry": "preconditions", "completion": "completion", "": "preconditions"}.get(part)
    if what is None or not any(p.id == head for p in plan.phases):
        return target
    name = phase_name(plan, head)
    if _NUMBERED.match(head):
        return f"{name}'s {what}"
    return f"the {what} of {name}"


def fact_name(fact_id: str, plan: Plan | None = None) -> str:
    """A fact in words, from the facts' schema: ``"the withdrawal line Israeli forces are at"``.

    A per-party fact (``response.hamas``) names its party: "the party's answer to the plan
    (Hamas)".

    Args:
        fact_id: the fact's id, as conditions write it.
        plan: the plan whose parties are named (None: the party's id is shown).

    Returns:
        What the fact means, or the id itself where the schema does not know it.
    """
    base, _, party = fact_id.partition(".")
    spec = FACTS.get(base)
    if spec is None:
        return fact_id
    if not party:
        return spec.doc
    who = party_name(plan, party) if plan is not None else party
    return f"{spec.doc} ({who})"


def fact_question(fact_id: str, plan: Plan | None = None) -> str:
    """A fact as what is missing where it is unknown: a flag as a question ("whether Israel has
    annexed any part of Gaza"), another fact as what it measures.

    A flag's meaning is written as a statement; named as missing, it must not read as one.

    Args:
        fact_id: the fact's id, as conditions write it.
        plan: the plan whose parties are named (None: the party's id is shown).

    Returns:
        The words, or the id itself where the schema does not know it.
    """
    name = fact_name(fact_id, plan)
    spec = FACTS.get(fact_id.partition(".")[0])
    if spec is not None and spec.kind is FactKind.FLAG:
        return f"whether {name}"
    return name


def named(name: str, ident: str) -> str:
    """A name with its id beside it, for a reader who needs the id to look something up.

    Args:
        name: the display name.
        ident: the id.

    Returns:
        ``"United States (us)"``, or the name alone where it is the id.
    """
    return name if name == ident else f"{name} ({ident})"
