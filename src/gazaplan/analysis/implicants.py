"""What would have to happen: :func:`paths_to` (the smallest sets of fact changes that make a
phase's entry or completion, or an obligation's trigger or completion, MET or UNMET), and
:func:`value_of_information` (which unknown facts, once learned, could settle which verdicts).

A target is written ``"phase-2"`` (its entry), ``"phase-2.entry"``, ``"phase-2.completion"``,
``"p13-decommission"`` (its completion), ``"p13-decommission.trigger"`` or ``".completion"``.
The sets are prime implicants of the target given the state: each, applied, makes the target
MET (or UNMET), and no smaller part of it does; they are listed smallest first and are complete
up to *limit* facts. Each names the parties who control its facts (``gazaplan.controls()``;
"none identified" where the point names nobody) and the points involved. Facts range over the
values that tell the plan's leaves apart (see :mod:`gazaplan.analysis._structure`).

The results keep ids in their fields and in their data; their words (``explain()``) name
parties, facts and targets as :mod:`gazaplan.core.words` does, from the names each result carries
(:func:`names_of`, made once per plan), with a fact's or target's id beside its words.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from ..core._frozenmap import FrozenMap
from ..core.conditions import Condition, show, text
from ..core.control import NONE_IDENTIFIED, Controls
from ..core.explain import plural
from ..core.plans import Plan
from ..core.state import FACTS, State, parts_of
from ..core.words import (
    fact_name,
    fact_question,
    join_names,
    named,
    parties_text,
    party_names,
    phase_name,
    target_name,
    verdict_words,
)
from ..exceptions import InvalidValueError, UnknownIdError
from ..truth import UNKNOWN, Verdict
from ._structure import Clause, Literal, Structure

__all__ = [
    "ChangeSet",
    "FactChange",
    "Flip",
    "Information",
    "Paths",
    "flips",
    "paths_to",
    "resolve",
    "targets",
    "value_of_information",
]  # fmt: skip

PHASE_ASPECTS = ("entry", "completion")
OBLIGATION_ASPECTS = ("trigger", "completion")


def resolve(plan: Plan, target: str) -> tuple[str, Condition]:
    """A target's full name and its condition.

    Args:
        plan: the plan.
        target: a phase or obligation id, alone or with its part (``"phase-2"``,
            ``"phase-2.completion"``, ``"p13-decommission.trigger"``).

    Returns:
        The full name (``"phase-2.entry"``) and the condition it names.

    Raises:
        UnknownIdError: no phase or obligation has that id (the message lists them).
        InvalidValueError: the part after the dot is not an aspect of it.
    """
    head, _, aspect = target.partition(".")
    phases, obligations = plan._cache.derive(  # the plan's own cache
        "analysis.targets",
        lambda: ({p.id: p for p in plan.phases}, {o.id: o for o in plan.obligations()}),
    )
    if head in phases:
        aspects, aspect = PHASE_ASPECTS, aspect or "entry"
    elif head in obligations:
        aspects, aspect = OBLIGATION_ASPECTS, aspect or "completion"
    else:
        raise UnknownIdError(head, [*phases, *obligations], where="target")
    if aspect not in aspects:
        raise InvalidValueError(
            "target", target, f"{head} has no part {aspect!r}",
            f"Write {head}.{aspects[0]} or {head}.{aspects[1]}.",
        )  # fmt: skip
    owner: Any = phases.get(head) or obligations[head]
    return f"{head}.{aspect}", getattr(owner, aspect)


def targets(plan: Plan) -> tuple[str, ...]:
    """Every target of a plan.

    Args:
        plan: the plan.

    Returns:
        The full names of each phase's entry and completion and each obligation's trigger and
        completion, in the plan's order.
    """
    found: list[str] = []
    for p in plan.phases:
        found += [f"{p.id}.entry", f"{p.id}.completion"]
        found += [f"{o.id}.{a}" for o in p.obligations for a in OBLIGATION_ASPECTS]
    return tuple(found)


def names_of(plan: Plan, *, like: Plan | None = None) -> Mapping[str, str]:
    """The words a reader sees for each id the analysis of a plan names, made once per plan.

    One table, by id: each party's display name (``"us"`` -> ``"United States"``), each fact's
    meaning (:func:`~gazaplan.core.words.fact_name`), each target's words
    (:func:`~gazaplan.core.words.target_name`: ``"perimeter.entry"`` -> "the preconditions of
    Withdrawal to the security perimeter"), each obligation's action in quotes and each phase's
    name. The results of the analysis carry it as their ``names`` and word their lines from it.

    Args:
        plan: the plan.
        like: a plan with the same parties, phases and obligations (the one *plan* was derived
            from by :func:`~gazaplan.whatif.under_positions`), whose words *plan* shares.

    Returns:
        Id -> words; a party's name where a party and another thing share an id.
    """

    def make() -> Mapping[str, str]:
        parties: Mapping[str, str] = plan._cache.derive("party_names", lambda: party_names(plan))
        found: dict[str, str] = {f: fact_name(f, plan) for f in FACTS}
        per_party = [f for f, spec in FACTS.items() if spec.per_party]
        found |= {f"{f}.{p}": fact_name(f"{f}.{p}", plan) for f in per_party for p in parties}
        found |= {t: target_name(plan, t) for t in targets(plan)}
        found |= {p.id: phase_name(plan, p.id) for p in plan.phases}
        found |= {o.id: f"“{o.action}”" for o in plan.obligations()}
        return FrozenMap({**found, **parties})

    if like is not None:
        shared = names_of(like)
        return plan._cache.derive("analysis.names", lambda: shared)
    return plan._cache.derive("analysis.names", make)


def called(names: Mapping[str, str], ident: str) -> str:
    """An id in words with the id beside it, for a reader who needs the id to act on it.

    Args:
        names: the words by id (:func:`names_of`).
        ident: a fact's, target's, obligation's or phase's id.

    Returns:
        ``"the withdrawal line Israeli forces are at (idf_line)"``; a fact the table lacks in the
        words of the facts' schema, any other id as it is.
    """
    return named(names.get(ident) or fact_name(ident), ident)


def called_all(names: Mapping[str, str], idents: Iterable[str], *, none: str) -> str:
    """Ids in words, each with its id beside it, joined in words (see :func:`called`).

    Args:
        names: the words by id (:func:`names_of`).
        idents: the ids, in the order to name them.
        none: what to say where there are none.

    Returns:
        ``"a (x), b (y) and c (z)"``, or *none*.
    """
    return join_names((called(names, i) for i in idents), none=none)


def bundled_controls(controls: Controls | None) -> Controls:
    """The table of controls to use.

    Args:
        controls: a table, or None for the bundled one.

    Returns:
        *controls*, or the bundled table (``gazaplan.controls()``) if None.
    """
    if controls is not None:
        return controls
    from ..catalog import controls as bundled

    return bundled()


@attrs.frozen
class FactChange:
    """One fact to change.

    What it must come to satisfy (*needs*, in words), an example value, who controls it and the
    points involved. *names* are the words of the fact and the parties by id (:func:`names_of`),
    which its line uses.
    """

    fact: str
    now: str
    needs: tuple[str, ...]
    example: str
    controlled_by: tuple[str, ...]
    points: tuple[int, ...]
    names: Mapping[str, str] = attrs.field(default=FrozenMap(), eq=False, repr=False)

    def explain(self) -> str:
        """The change in one line.

        Returns:
            The fact by its meaning with its id, its value now, what it must satisfy, an example
            value and who controls it by name (``"none identified"`` where nobody is named).
        """
        who = parties_text(self.names, self.controlled_by, none=NONE_IDENTIFIED)
        return (f"{called(self.names, self.fact)}: now {self.now}; to satisfy "
                f"{'; '.join(self.needs)}, e.g. {self.example}; controlled by: {who}")  # fmt: skip


@attrs.frozen
class ChangeSet:
    """A smallest set of fact changes that makes the target MET (or UNMET)."""

    changes: tuple[FactChange, ...]

    @property
    def facts(self) -> tuple[str, ...]:
        """The facts to change, in order."""
        return tuple(c.fact for c in self.changes)

    @property
    def parties(self) -> tuple[str, ...]:
        """The parties who control any of the facts, sorted."""
        return tuple(sorted({p for c in self.changes for p in c.controlled_by}))

    @property
    def points(self) -> tuple[int, ...]:
        """The plan points involved, sorted."""
        return tuple(sorted({p for c in self.changes for p in c.points}))

    def witness(self) -> dict[str, Any]:
        """An assignment that applies the set.

        Returns:
            The example values, by fact id.
        """
        return dict(self._witness)

    _witness: tuple[tuple[str, Any], ...] = attrs.field(default=(), repr=False, alias="witness")


@attrs.frozen
class Paths:
    """The smallest sets of fact changes that make *target* *to* (MET or UNMET), from a state.

    Attributes:
        target: the target's full name.
        now: its verdict in the state.
        to: the verdict sought.
        limit: the largest set looked for; the list is complete up to it.
        sets: the sets, smallest first.
        names: the words of the target, facts and parties by id (:func:`names_of`), which its
            lines use.
    """

    target: str
    now: Verdict
    to: Verdict
    limit: int
    sets: tuple[ChangeSet, ...]
    names: Mapping[str, str] = attrs.field(default=FrozenMap(), eq=False, repr=False)

    def __iter__(self) -> Iterator[ChangeSet]:
        return iter(self.sets)

    def __len__(self) -> int:
        return len(self.sets)

    def explain(self, *, heading: bool = True) -> str:
        """The sets in words.

        Args:
            heading: whether the first line names the target and its verdict now (False: the
                words go under a heading that does).

        Returns:
            The target in words with its id and its verdict now, then each set with its
            changes; or that nothing has to change, or that no set up to the limit does it.
        """
        goal = verdict_words(self.to)
        if self.now is self.to:
            lines = ["nothing has to change"]
        elif not self.sets:
            lines = [f"no set of up to {plural(self.limit, 'fact change')} brings it to {goal}"]
        else:
            every = (
                f"every smallest set of up to {self.limit} fact changes that brings it to {goal}"
            )
            lines = [f"{every}:"]
        for i, s in enumerate(self.sets, 1):
            word = "point" if len(s.points) == 1 else "points"
            points = f" ({word} {', '.join(map(str, s.points))})" if s.points else ""
            lines.append(f"  {i}. {plural(len(s.changes), 'change')}{points}:")
            lines += [f"     - {c.explain()}" for c in s.changes]
        if heading:
            lines[0] = (
                f"{called(self.names, self.target)}: now {verdict_words(self.now)}; {lines[0]}"
            )
        return "\n".join(lines) + "\n"


def _words(lit: Literal) -> str:
    words = text(lit[0])
    return words if lit[1] else f"not ({words})"


def _change_set(s: Structure, controls: Controls, term: Clause, facts: frozenset[str],
                witness: dict[str, Any]) -> ChangeSet:  # fmt: skip
    changes = []
    names = names_of(s.plan)
    for f in sorted(facts):
        lits = sorted((x for x in term if f in s.leaf_facts(x[0])), key=_words)
        points = sorted({x[0].point for x in lits if x[0].point is not None})
        entry = controls.of(f)
        changes.append(FactChange(f, show(s.value(f)), tuple(_words(x) for x in lits),
                              show(witness[f]), controls.parties(f),
                              tuple(points) or (entry.points if entry else ()), names))  # fmt: skip
    return ChangeSet(tuple(changes), witness=tuple(sorted(witness.items())))


def minimal_sets(s: Structure, cond: Condition, want: bool, limit: int | None
                 ) -> list[tuple[frozenset[str], Clause, dict[str, Any]]]:  # fmt: skip
    """The smallest sets of facts whose change makes a condition MET or UNMET.

    Args:
        s: the structure of the plan in the state.
        cond: the condition.
        want: True for MET, False for UNMET.
        limit: the largest set looked for, in facts (None: no limit).

    Returns:
        ``(facts, term, witness)`` triples, smallest first, each with the facts to change, the term of
        the condition behind them, and values that make it so in a possible state.
    """
    found = []
    for term in s.terms(cond, want):
        for facts, w in s.changes(term, limit):
            real = _possible(s, cond, want, facts, w)
            if real is not None:
                found.append((facts, term, real))
            else:  # impossible as it stands: with the counts it is coupled to, it may not be
                found += [(f, term, r) for f, r in _widened(s, cond, want, facts, limit)]
    found.sort(key=lambda x: (len(x[0]), sorted(x[0])))
    kept: list[tuple[frozenset[str], Clause, dict[str, Any]]] = []
    for facts, term, w in found:
        if not any(k[0] < facts for k in kept) and not any(k[0] == facts for k in kept):
            kept.append((facts, term, w))
    return kept


def _possible(
    s: Structure, cond: Condition, want: bool, facts: frozenset[str], witness: dict[str, Any]
) -> dict[str, Any] | None:
    """*witness*, if it is a possible state (see ``Structure.possible``) that makes *cond* so;
    else another assignment of *facts* that is; None if none is. A term's literals are judged
    one by one, so a witness can couple a count and its parts impossibly (found by a law test)."""
    goal = Verdict.MET if want else Verdict.UNMET
    ordered = sorted(facts)
    tries = itertools.product(*(s.domain(f) for f in ordered))
    first = [tuple(witness[f] for f in ordered)] if set(witness) >= facts else []
    for values in itertools.chain(first, tries):
        over = dict(zip(ordered, values, strict=True))
        if s.possible(over) and s.verdict(cond, over) is goal:
            return over
    return None


def _coupled(fact: str, reads: frozenset[str]) -> set[str]:
    """The facts *cond* reads that *fact* is counted with: its parts, the counts it is part of,
    and the other parts of those (a start count and a returned count)."""
    near = set(parts_of(fact))
    for derived in _DERIVED:
        if fact in parts_of(derived):
            near |= {derived, *parts_of(derived)}
    near |= {p for d in list(near) for p in parts_of(d)}
    return (near & reads) - {fact}


_DERIVED = tuple(f for f in FACTS if parts_of(f))


def _widened(
    s: Structure, cond: Condition, want: bool, facts: frozenset[str], limit: int | None
) -> list[tuple[frozenset[str], dict[str, Any]]]:
    """The smallest supersets of *facts*, adding facts coupled to them, that can make *cond* so
    in a possible state (at most *limit* facts), each with an assignment that does."""
    reads = s.reads(cond)
    frontier: list[frozenset[str]] = [facts]
    out: list[tuple[frozenset[str], dict[str, Any]]] = []
    while frontier and not out:
        wider = {f | {g} for f in frontier for x in f for g in _coupled(x, reads) if g not in f}
        wider = {f for f in wider if limit is None or len(f) <= limit}
        for f in sorted(wider, key=sorted):
            real = _possible(s, cond, want, f, {})
            if real is not None:
                out.append((f, real))
        frontier = sorted(wider, key=sorted)
    return out


def paths_to(
    plan: Plan, target: str, state: State, *, to: Verdict = Verdict.MET, limit: int = 8,
    controls: Controls | None = None, structure: Structure | None = None,
) -> Paths:  # fmt: skip
    """The smallest sets of fact changes that make a target MET or UNMET from a state.

    See the module's description.

    Args:
        plan: the plan.
        target: a phase or obligation id, alone or with its part (``"phase-2.completion"``).
        state: the state to start from.
        to: the verdict sought: MET or UNMET.
        limit: the largest set looked for, in facts; the list is complete up to it.
        controls: the table of who controls each fact (None: the bundled table).
        structure: one already built for this plan and state, to share its caches.

    Returns:
        The sets, smallest first (none if the target already has that verdict).

    Raises:
        InvalidValueError: if *to* is UNKNOWN or *limit* is negative, or the target's part is
            not one it has.
        UnknownIdError: if no phase or obligation has the target's id.
    """
    if to is Verdict.UNKNOWN or limit < 0:
        raise InvalidValueError("paths_to", to if limit >= 0 else limit,
                                "a path leads to MET or UNMET, with a limit of 0 or more",
                                "Pass to=Verdict.MET or Verdict.UNMET and limit >= 0.")  # fmt: skip
    name, cond = resolve(plan, target)
    s = structure if structure is not None else Structure(plan, state)
    table = bundled_controls(controls)
    now = s.verdict(cond)
    sets = () if now is to else tuple(
        _change_set(s, table, term, facts, w)
        for facts, term, w in minimal_sets(s, cond, to is Verdict.MET, limit)
    )  # fmt: skip
    return Paths(name, now, to, limit, sets, names_of(plan))


@attrs.frozen
class Information:
    """What learning one unknown fact could settle.

    Each verdict it could flip, with the value that would do it and the verdict that follows.
    *question* is the fact as what is missing, in words
    (:func:`~gazaplan.core.words.fact_question`); *names* are the words of the targets by id
    (:func:`names_of`), which its line uses.
    """

    fact: str
    flips: tuple[tuple[str, str, Verdict], ...]
    question: str = attrs.field(default="", eq=False, repr=False)
    names: Mapping[str, str] = attrs.field(default=FrozenMap(), eq=False, repr=False)

    @property
    def settles(self) -> int:
        """How many targets learning it alone could settle."""
        return len({t for t, _, _ in self.flips})

    def explain(self) -> str:
        """The fact's worth in one line.

        Returns:
            The fact as what is missing (with its id), how many verdicts learning it could
            settle, and for each target (in words, with its id) each value that settles it
            and the verdict it gives.
        """
        by_target: dict[str, list[str]] = {}
        for t, value, v in self.flips:
            by_target.setdefault(t, []).append(f"{value} -> {verdict_words(v)}")
        parts = [f"{called(self.names, t)}: {', '.join(vs)}" for t, vs in by_target.items()]
        what = named(self.question or fact_name(self.fact), self.fact)
        return f"{what}: could settle {plural(self.settles, 'verdict')}: " + "; ".join(parts)


def value_of_information(
    plan: Plan, state: State, *, structure: Structure | None = None
) -> tuple[Information, ...]:
    """Which unknown facts, once learned, could settle which verdicts.

    Args:
        plan: the plan.
        state: the state.
        structure: one already built for this plan and state, to share its caches.

    Returns:
        For each unknown fact the plan reads, the UNKNOWN verdicts (of every target) that
        learning it alone could turn MET or UNMET; most settled first, then by fact id.
    """
    s = structure if structure is not None else Structure(plan, state)
    conds = [resolve(plan, t) for t in targets(plan)]
    facts = sorted({f for _, c in conds for f in s.reads(c)})
    found = []
    for f in facts:
        if s.value(f) is not UNKNOWN:
            continue
        flips = []
        for name, cond in conds:
            if s.verdict(cond) is not Verdict.UNKNOWN or f not in s.reads(cond):
                continue
            for value in s.domain(f):
                after = s.verdict(cond, {f: value})
                if after is not Verdict.UNKNOWN:
                    flips.append((name, show(value), after))
        if flips:
            found.append(Information(f, tuple(flips), fact_question(f, plan), names_of(plan)))
    return tuple(sorted(found, key=lambda i: (-i.settles, i.fact)))


@attrs.frozen
class Flip:
    """One fact change that alone would flip a target's verdict now.

    *names* are the words of the target by id (:func:`names_of`), which its line uses.
    """

    target: str
    now: Verdict
    to: Verdict
    change: FactChange
    names: Mapping[str, str] = attrs.field(default=FrozenMap(), eq=False, repr=False)

    def explain(self) -> str:
        """The flip in one line.

        Returns:
            The target in words with its id, its verdict now and after, and the change that
            does it.
        """
        return (f"{called(self.names, self.target)}: {verdict_words(self.now)} -> "
                f"{verdict_words(self.to)} if {self.change.explain()}")  # fmt: skip


def flips(plan: Plan, state: State, *, controls: Controls | None = None) -> tuple[Flip, ...]:
    """Every single fact change that would flip a target's verdict now.

    Args:
        plan: the plan.
        state: the state.
        controls: the table of who controls each fact (None: the bundled table).

    Returns:
        Each flip, to MET or to UNMET, target by target in the plan's order.
    """
    s = Structure(plan, state)
    table = bundled_controls(controls)
    found = []
    for name in targets(plan):
        _, cond = resolve(plan, name)
        now = s.verdict(cond)
        for to in (Verdict.MET, Verdict.UNMET):
            if to is now:
                continue
            for facts, term, w in minimal_sets(s, cond, to is Verdict.MET, 1):
                if facts:
                    change = _change_set(s, table, term, facts, w).changes[0]
                    found.append(Flip(name, now, to, change, names_of(plan)))
    return tuple(found)
