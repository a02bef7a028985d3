"""Veto players: whose refusal alone makes a target impossible from a state, and which smallest
coalitions can bring it about by their own actions.

A party that refuses never takes an action it controls: every fact it controls (alone or jointly,
``gazaplan.controls()``) stays as it is. Facts no party is identified as controlling are left
free: the analysis does not invent an actor for them, and each answer lists them. Three-valued
and exact on the condition structure: a fixed fact that is unknown (or contested) is tried at
every value it may have, so each answer says whether it holds for every completion of the
unknowns (MET), only for some (UNKNOWN), or for none (UNMET). The answers keep ids in their
fields; their words name the parties, facts and target as :mod:`gazaplan.core.words` does.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from ..core._frozenmap import FrozenMap
from ..core._results import NotebookDisplay
from ..core.conditions import Condition
from ..core.control import NONE_IDENTIFIED, Controls
from ..core.facts import Floor
from ..core.plans import Plan
from ..core.sources import Contested
from ..core.state import State
from ..core.words import parties_text, verdict_words
from ..truth import UNKNOWN, Verdict
from ._structure import Structure
from .implicants import bundled_controls, called, called_all, names_of, resolve

__all__ = ["Coalition", "Veto", "Vetoes", "veto_players"]

MAX_COMPLETIONS = 4096
"""Beyond this many completions of the unknown fixed facts, an answer is left UNKNOWN."""


def _how(v: Verdict) -> str:
    return {Verdict.MET: "whatever the unknown facts are", Verdict.UNKNOWN:
            "for some values of the unknown facts only", Verdict.UNMET: ""}[v]  # fmt: skip


@attrs.frozen
class Veto:
    """Whether one party's refusal alone makes the target impossible.

    *verdict* is MET for every completion of the unknown facts, UNKNOWN for some only, UNMET for
    none. *fixed*: the facts its refusal keeps as they are. *names*: the words of the party and
    the facts by id (:func:`~gazaplan.analysis.implicants.names_of`), which its line uses.
    """

    party: str
    verdict: Verdict
    fixed: tuple[str, ...]
    names: Mapping[str, str] = attrs.field(default=FrozenMap(), eq=False, repr=False)

    def explain(self) -> str:
        """The veto in one line.

        Returns:
            Whether the party (by name) alone blocks the target by refusing, how surely, and
            the facts it controls, each by its meaning with its id.
        """
        who = self.names.get(self.party, self.party)
        if self.verdict is Verdict.UNMET:
            return f"{who}: its refusal alone does not block it"
        facts = called_all(self.names, self.fixed, none="no fact")
        return f"{who}: its refusal alone blocks it {_how(self.verdict)} (it controls {facts})"


@attrs.frozen
class Coalition:
    """A smallest set of parties whose own actions suffice.

    *verdict* is MET for every completion of the unknown facts, UNKNOWN for some only.
    *names*: the parties' display names by id, which its line uses.
    """

    parties: tuple[str, ...]
    verdict: Verdict
    names: Mapping[str, str] = attrs.field(default=FrozenMap(), eq=False, repr=False)

    def explain(self) -> str:
        """The coalition in one line.

        Returns:
            The parties by name and how surely their actions together suffice.
        """
        nobody = "no party (the facts no party controls alone)"
        who = parties_text(self.names, self.parties, none=nobody)
        acts = "its actions suffice" if len(self.parties) == 1 else "their actions together suffice"
        return f"{who}: {acts} {_how(self.verdict)}"


@attrs.frozen
class Vetoes(NotebookDisplay):
    """Veto players and sufficient coalitions for one target.

    Attributes:
        target: the target's full name.
        now: its verdict in the state.
        vetoes: for each party controlling a fact it reads, whether its refusal blocks it.
        coalitions: the smallest coalitions whose actions suffice (surely, then possibly).
        free: the facts it reads that no party is identified as controlling (left free).
        names: the words of the target, the parties and the facts by id
            (:func:`~gazaplan.analysis.implicants.names_of`), which its lines use.
    """

    target: str
    now: Verdict
    vetoes: tuple[Veto, ...]
    coalitions: tuple[Coalition, ...]
    free: tuple[str, ...]
    names: Mapping[str, str] = attrs.field(default=FrozenMap(), eq=False, repr=False)

    def __iter__(self) -> Iterator[Veto]:
        return iter(self.vetoes)

    @property
    def players(self) -> tuple[str, ...]:
        """The parties whose refusal alone blocks it whatever the unknowns are."""
        return tuple(v.party for v in self.vetoes if v.verdict is Verdict.MET)

    @property
    def possible_players(self) -> tuple[str, ...]:
        """The parties whose refusal alone blocks it for some values of the unknowns only."""
        return tuple(v.party for v in self.vetoes if v.verdict is Verdict.UNKNOWN)

    def explain(self, *, heading: bool = True) -> str:
        """The vetoes and coalitions in words.

        Args:
            heading: whether the first line names the target and its verdict now (False: the
                words go under a heading that does).

        Returns:
            The target in words with its id and its verdict now, each party (by name) whose
            refusal blocks it, each coalition that suffices, and the facts left free.
        """
        head = f"{called(self.names, self.target)}: now {verdict_words(self.now)}"
        if self.now is Verdict.MET:
            kept = "a refusal keeps facts as they are, so none undoes it"
            return f"{head}; {kept}\n" if heading else f"{kept}\n"
        blocking = [v for v in self.vetoes if v.verdict is not Verdict.UNMET]
        lines = [f"veto: {v.explain()}" for v in blocking] or [
            "veto: no party's refusal alone blocks it"
        ]
        nobody = "suffices: no coalition of the parties it names"
        lines += [f"suffices: {c.explain()}" for c in self.coalitions] or [nobody]
        if self.free:
            free = called_all(self.names, self.free, none="")
            lines.append(f"left free ({NONE_IDENTIFIED} as controlling): {free}")
        if heading:
            lines = [head, *(f"  {line}" for line in lines)]
        return "\n".join(lines) + "\n"


def _completions(s: Structure, facts: Iterable[str]) -> list[dict[str, Any]] | None:
    """Every way the unknown (contested, or known from below) facts among *facts* may be; None
    if too many."""
    open_facts, ranges = [], []
    for f in sorted(facts):
        value = s.value(f)
        if value is UNKNOWN:
            open_facts.append(f)
            ranges.append(s.domain(f))
        elif isinstance(value, Contested):
            open_facts.append(f)
            ranges.append(value.values())
        elif isinstance(value, Floor):  # a count known from below: the values from it up
            open_facts.append(f)
            ranges.append(tuple(v for v in s.domain(f) if v >= value.value) or (value.value,))
    total = 1
    for r in ranges:
        total *= len(r)
    if total > MAX_COMPLETIONS:
        return None
    return [dict(zip(open_facts, vs, strict=True)) for vs in itertools.product(*ranges)]


def achievable(s: Structure, cond: Condition, fixed: frozenset[str]) -> Verdict:
    """Whether a condition can be made MET changing no fact of a set.

    Args:
        s: the structure of the plan in the state.
        cond: the condition.
        fixed: the facts kept as they are.

    Returns:
        MET if it can for every completion of the unknown fixed facts, UNKNOWN for some (or when
        they have too many completions to try), UNMET for none.
    """
    completions = _completions(s, fixed)
    if completions is None:
        return Verdict.UNKNOWN
    seen = set()
    for c in completions:
        view = s.with_base(c) if c else s
        ok = any(not (facts & fixed) for facts in view.minimal(cond))
        seen.add(ok)
        if len(seen) == 2:
            return Verdict.UNKNOWN
    return Verdict.MET if seen == {True} else Verdict.UNMET


def veto_players(
    plan: Plan, target: str, state: State, *, controls: Controls | None = None,
    structure: Structure | None = None,
) -> Vetoes:  # fmt: skip
    """Whose refusal alone makes a target impossible from a state, and who suffices.

    See the module's description.

    Args:
        plan: the plan.
        target: a phase or obligation id, alone or with its part, as for
            :func:`~gazaplan.paths_to`.
        state: the state.
        controls: the table of who controls each fact (None: the bundled table).
        structure: one already built for this plan and state, to share its caches.

    Returns:
        Each party's veto and the smallest coalitions whose actions suffice (none when the
        target is already MET).

    Raises:
        UnknownIdError: if no phase or obligation has the target's id.
        InvalidValueError: if the target's part is not one it has.
    """
    name, cond = resolve(plan, target)
    s = structure if structure is not None else Structure(plan, state)
    table = bundled_controls(controls)
    names = names_of(plan)
    reads = sorted({f for t in s.terms(cond, True) for lit in t for f in s.leaf_facts(lit[0])})
    owners = {f: table.parties(f) for f in reads}
    parties = sorted({p for who in owners.values() for p in who})
    vetoes = []
    for party in parties:
        fixed = frozenset(f for f in reads if party in owners[f])
        vetoes.append(Veto(party, ~achievable(s, cond, fixed), tuple(sorted(fixed)), names))
    coalitions: list[Coalition] = []
    for size in range(len(parties) + 1):
        for group in itertools.combinations(parties, size):
            below = {c.verdict for c in coalitions if set(c.parties) <= set(group)}
            if Verdict.MET in below:
                continue
            fixed = frozenset(f for f in reads if owners[f] and not set(owners[f]) <= set(group))
            verdict = achievable(s, cond, fixed)
            if verdict is not Verdict.UNMET and verdict not in below:
                coalitions.append(Coalition(group, verdict, names))
    coalitions.sort(key=lambda c: (c.verdict is not Verdict.MET, len(c.parties), c.parties))
    if s.verdict(cond) is Verdict.MET:
        coalitions = []  # nothing has to be done
    free = tuple(f for f in reads if not owners[f])
    return Vetoes(name, s.verdict(cond), tuple(vetoes), tuple(coalitions), free, names)
