"""The engine under the structural analysis: a condition as the sets of leaf outcomes that make
it MET (or UNMET), the values each fact can usefully take, and the fewest facts to change.

A *literal* is a leaf with the verdict wanted of it (``(leaf, True)``: MET; ``False``: UNMET).
:meth:`Structure.terms` gives a condition in disjunctive form over literals (``Not`` pushed to the
leaves, a phase's completion put in place of ``PhaseComplete``), with absorption; in strong
Kleene logic a condition is MET exactly when every literal of one of its terms holds, so the
terms are exact on three-valued states. Each fact ranges over a finite *domain*: values that
realise every outcome the plan's leaves can give it (each threshold, one either side, every
choice). :meth:`Structure.changes` says, for one term, the smallest sets of facts whose change
makes it hold, with a witness value for each.

Changes are judged on the facts as conditions name them (a derived count is a fact like any
other); whether a combination is consistent with the rest of a :class:`~gazaplan.State` (more
returned than held) is not checked. Nothing here reads plan content beyond what it is given.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from typing import Any, cast

import attrs

from ..core._compile import compiled
from ..core.conditions import (
    AllOf,
    AnyOf,
    Condition,
    Not,
    PhaseComplete,
    Term,
    Times,
    facts_read,
    walk,
)
from ..core.facts import FactKind, Floor
from ..core.plans import Plan
from ..core.sources import Contested
from ..core.state import State, parts_of, read_fact, spec_of
from ..exceptions import InconsistentStateError
from ..truth import UNKNOWN, Verdict

__all__ = ["Clause", "Literal", "Structure", "View"]

Literal = tuple[Condition, bool]
Clause = frozenset[Literal]
Change = tuple[frozenset[str], dict[str, Any]]
"""A set of facts to change, with a witness value for each."""
MET, UNMET = Verdict.MET, Verdict.UNMET


class _Parties:
    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data


class View:
    """A state seen with some facts replaced (by fact id): what compiled conditions read."""

    def __init__(
        self, state: State, overrides: Mapping[str, Any],
        derived: dict[tuple[str, tuple[Any, ...]], Any] | None = None,
    ) -> None:  # fmt: skip
        self._state, self._over = state, overrides
        self._derived = derived  # derived counts already worked out, shared between views

    def __getattr__(self, field: str) -> Any:
        value = getattr(self._state, field)
        prefix = _PARTY_FIELDS.get(field)
        if prefix is not None:
            data = dict(value._data)
            for fact, v in self._over.items():
                base, _, party = fact.partition(".")
                if base == prefix and party:
                    data[party] = v
            return _Parties(data)
        fact = _FIELD_FACTS.get(field, field)
        if fact in self._over:
            return self._over[fact]
        sources = parts_of(fact)
        if sources and any(f in self._over for f in sources):  # a derived count, from its parts
            parts = {f: self._over[f] for f in sources if f in self._over}
            if self._derived is None:
                return getattr(self._state._evolve(parts), field)
            key = (field, tuple(parts.values()))
            if key not in self._derived:
                self._derived[key] = getattr(self._state._evolve(parts), field)
            return self._derived[key]
        return value


_STATE_FIELDS = frozenset(a.name for a in attrs.fields(State))


def _fields() -> tuple[dict[str, str], dict[str, str]]:
    from ..core.state import FACTS

    party = {s.field: s.id for s in FACTS.values() if s.per_party}
    plain = {s.field: s.id for s in FACTS.values() if not s.per_party}
    return party, plain


_PARTY_FIELDS, _FIELD_FACTS = _fields()


def _claims(value: Any) -> tuple[Any, ...]:
    if isinstance(value, Contested):
        return tuple(c.value for c in value.claims)
    if isinstance(value, Floor):
        return (value.value,)  # the least it can be
    return (value,)


class Structure:
    """Terms, domains and change sets for one plan, judged from one state (cached)."""

    def __init__(
        self, plan: Plan, state: State, base: Mapping[str, Any] | None = None,
        extra: Iterable[Condition] = (),
    ) -> None:  # fmt: skip
        """*base*: facts to see replaced; *extra*: conditions outside the plan whose thresholds
        the domains must also tell apart."""
        self.plan: Plan = plan
        self.state: State = state
        self.extra: tuple[Condition, ...] = tuple(extra)
        self.base: dict[str, Any] = dict(base or {})
        # Keyed by id(): hashing a condition tree is deep; the plan keeps every condition alive.
        self._verdicts: dict[int, Verdict] = {}
        self._holds: dict[tuple[int, bool, tuple[tuple[str, Any], ...]], bool] = {}
        self._terms: dict[tuple[int, bool], tuple[Clause, ...]] = {}
        self._domains: dict[str, tuple[Any, ...]] = {}
        self._thresholds: dict[str, set[Any]] | None = None
        self._views: dict[frozenset[tuple[str, Any]], Structure] = {}
        self._minimal: dict[int, tuple[frozenset[str], ...]] = {}
        self._reads: dict[int, frozenset[str]] = {}

    def with_base(self, base: Mapping[str, Any]) -> Structure:
        """The same plan seen from this state with *base* facts replaced (terms kept; cached)."""
        key = frozenset(base.items())
        other = self._views.get(key)
        if other is None:
            other = Structure(self.plan, self.state, {**self.base, **base})
            other._terms, other._domains, other._reads = self._terms, self._domains, self._reads
            other._thresholds = self._marks()
            self._views[key] = other
        return other

    def minimal(self, cond: Condition) -> tuple[frozenset[str], ...]:
        """The smallest fact sets whose change makes *cond* MET, with no size limit (cached)."""
        found = self._minimal.get(id(cond))
        if found is None:
            sets = {facts for term in self.terms(cond) for facts, _ in self.changes(term)}
            found = tuple(f for f in sets if not any(g < f for g in sets))
            self._minimal[id(cond)] = found
        return found

    # -- reading ---------------------------------------------------------------------------------
    def value(self, fact: str) -> Any:
        """A fact's value as this structure sees it.

        Args:
            fact: the fact's id.

        Returns:
            The value in *base* if replaced there, else the state's (UNKNOWN if not known).
        """
        return self.base[fact] if fact in self.base else read_fact(self.state, fact)

    def verdict(self, cond: Condition, over: Mapping[str, Any] | None = None) -> Verdict:
        """*cond*'s verdict from this state, with *over* facts replaced."""
        if not over:
            found = self._verdicts.get(id(cond))
            if found is None:
                found = self._verdicts[id(cond)] = self._eval(cond, {})
            return found
        return self._eval(cond, over)

    def possible(self, over: Mapping[str, Any]) -> bool:
        """Whether this state with *over* facts replaced can be: no more hostages returned than
        held at the start, and a derived count that is set equal to what its parts give."""
        given = {**self.base, **over}
        plain = {f: v for f, v in given.items() if f in _STATE_FIELDS and not parts_of(f)}
        try:
            made = attrs.evolve(self.state, **plain) if plain else self.state
        except InconsistentStateError:
            return False
        for fact, value in given.items():
            if parts_of(fact) and any(p in plain for p in parts_of(fact)):
                derived = read_fact(made, fact)
                if (
                    derived is not UNKNOWN
                    and not isinstance(derived, Contested | Floor)
                    and derived != value
                ):
                    return False
        return True

    def _eval(self, cond: Condition, over: Mapping[str, Any]) -> Verdict:
        view = View(self.state, {**self.base, **over})
        return compiled(cond, self.plan)(cast("State", view))

    def holds(self, lit: Literal, over: Mapping[str, Any] | None = None) -> bool:
        """Whether a literal holds, with some facts replaced (cached).

        Args:
            lit: a leaf and whether it is wanted MET (True) or UNMET (False).
            over: facts to see replaced (None: none).

        Returns:
            True if the leaf's verdict is the one wanted.
        """
        leaf, want = lit
        if not over:
            return self.verdict(leaf) is (MET if want else UNMET)
        key = (id(leaf), want, tuple(sorted(over.items(), key=lambda kv: kv[0])))
        found = self._holds.get(key)
        if found is None:
            found = self._holds[key] = self._eval(leaf, over) is (MET if want else UNMET)
        return found

    def reads(self, cond: Condition) -> frozenset[str]:
        """The facts *cond* reads, a phase's completion included where it names one (cached)."""
        found = self._reads.get(id(cond))
        if found is None:
            found = frozenset(f for want in (True, False) for t in self.terms(cond, want)
                              for lit in t for f in self.leaf_facts(lit[0]))  # fmt: skip
            self._reads[id(cond)] = found
        return found

    def leaf_facts(self, leaf: Condition) -> frozenset[str]:
        """The facts one leaf reads (cached)."""
        key = -id(leaf) - 1  # kept apart from reads()' keys in the same table
        found = self._reads.get(key)
        if found is None:
            found = self._reads[key] = facts_read(leaf)
        return found

    # -- terms -----------------------------------------------------------------------------------
    def terms(self, cond: Condition, want: bool = True) -> tuple[Clause, ...]:
        """*cond* as the terms (sets of literals) that make it MET (*want*) or UNMET."""
        key = (id(cond), want)
        found = self._terms.get(key)
        if found is None:
            found = self._terms[key] = tuple(_absorb(self._terms_of(cond, want)))
        return found

    def _terms_of(self, cond: Condition, want: bool) -> list[Clause]:
        if isinstance(cond, PhaseComplete):
            return list(self.terms(self.plan.phase(cond.phase).completion, want))
        if isinstance(cond, Not):
            return list(self.terms(cond.condition, not want))
        conj = isinstance(cond, AllOf) if want else isinstance(cond, AnyOf)
        disj = isinstance(cond, AnyOf) if want else isinstance(cond, AllOf)
        if disj:
            return [t for part in cond.conditions for t in self.terms(part, want)]  # type: ignore[union-attr]
        if conj:
            acc: list[Clause] = [frozenset()]
            for part in cond.conditions:  # type: ignore[union-attr]
                acc = _absorb(a | b for a in acc for b in self.terms(part, want))
            return acc
        return [frozenset({(cond, want)})]

    # -- domains ---------------------------------------------------------------------------------
    def domain(self, fact: str) -> tuple[Any, ...]:
        """The known values *fact* ranges over: every outcome the plan's leaves can give it."""
        found = self._domains.get(fact)
        if found is None:
            found = self._domains[fact] = self._domain(fact)
        return found

    def _domain(self, fact: str) -> tuple[Any, ...]:
        spec, _ = spec_of(fact)
        if spec.choices is not None:
            return tuple(spec.choices)
        if spec.kind is FactKind.FLAG:
            return (True, False)
        marks = self._marks().get(fact, set())
        if spec.kind is FactKind.LINE:
            lines = [line.id for line in self.plan.lines]
            return (*lines, *sorted({str(m) for m in marks} - set(lines)))
        values: set[Any] = {0}
        for m in marks:
            if spec.kind is FactKind.COUNT:
                values |= {math.floor(m) - 1, math.floor(m), math.ceil(m), math.ceil(m) + 1}
            else:
                values |= {m - 1, m, m + 1}
        ordered = sorted(v for v in values if v >= 0)
        if spec.kind is not FactKind.COUNT:
            ordered = sorted(set(ordered) | {(a + b) / 2 for a, b in itertools.pairwise(ordered)})
        if spec.kind is FactKind.PERCENT:
            ordered = [v for v in ordered if v <= 100]
        return tuple(ordered)

    def _marks(self) -> dict[str, set[Any]]:
        if self._thresholds is None:
            self._thresholds = _thresholds(self.plan, self.state, self.extra)
        return self._thresholds

    # -- changes ---------------------------------------------------------------------------------
    def changes(self, term: Clause, limit: int | None = None) -> tuple[Change, ...]:
        """The smallest sets of facts whose change makes every literal of *term* hold (each with
        a witness assignment), at most *limit* facts; empty if none does."""
        singles: dict[str, list[Literal]] = {}
        multis: list[Literal] = []
        for lit in term:
            facts = self.leaf_facts(lit[0])
            if len(facts) == 1:
                singles.setdefault(next(iter(facts)), []).append(lit)
            elif not facts:
                if not self.holds(lit):
                    return ()
            else:
                multis.append(lit)
        must = {f for f, lits in singles.items() if not all(self.holds(x) for x in lits)}
        if limit is not None and len(must) > limit:
            return ()
        allowed: dict[str, tuple[Any, ...]] = {}
        for f in must | {f for lit in multis for f in self.leaf_facts(lit[0])}:
            lits = singles.get(f, [])
            allowed[f] = tuple(
                v for v in self.domain(f) if all(self.holds(x, {f: v}) for x in lits)
            )
            if f in must and not allowed[f]:
                return ()
        if not multis:
            return ((frozenset(must), {f: allowed[f][0] for f in sorted(must)}),)
        extra = sorted({f for lit in multis for f in self.leaf_facts(lit[0])} - must)
        found: list[Change] = []
        for size in range(len(extra) + 1):
            if limit is not None and len(must) + size > limit:
                break
            for more in itertools.combinations(extra, size):
                chosen = frozenset(must | set(more))
                if any(s <= chosen for s, _ in found):
                    continue
                witness = self._witness(sorted(chosen), allowed, multis)
                if witness is not None:
                    found.append((chosen, witness))
        return tuple(found)

    def _witness(self, facts: list[str], allowed: Mapping[str, tuple[Any, ...]],
                 multis: list[Literal]) -> dict[str, Any] | None:  # fmt: skip
        for values in itertools.product(*(allowed[f] for f in facts)):
            over = dict(zip(facts, values, strict=True))
            if all(self.holds(lit, over) for lit in multis):
                return over
        return None


def _absorb(terms: Iterable[Clause]) -> list[Clause]:
    """The terms with duplicates and supersets of another term dropped (absorption)."""
    kept: list[Clause] = []
    for t in sorted(set(terms), key=len):
        if not any(k <= t for k in kept):
            kept.append(t)
    return kept


def conditions_of(plan: Plan) -> list[Condition]:
    """Every condition of *plan*: phases' entries and completions, obligations' triggers and
    completions, positions' stated conditions."""
    found: list[Condition] = []
    for p in plan.phases:
        found += [p.entry, p.completion]
        for o in p.obligations:
            found += [o.trigger, o.completion]
    found += [p.only_if for p in plan.positions if p.only_if is not None]
    return found


def _thresholds(plan: Plan, state: State, extra: tuple[Condition, ...]) -> dict[str, set[Any]]:
    """The numbers each numeric fact is compared with anywhere in *plan* (a product's, for each
    value its other fact may take)."""
    marks: dict[str, set[Any]] = {}
    products: list[tuple[str, Any, str]] = []
    for cond in (*conditions_of(plan), *extra):
        for leaf in walk(cond):
            fact, operand = getattr(leaf, "fact", None), leaf.operand()
            if fact is None:
                continue
            if isinstance(operand, Times):
                factor = operand.factor
                ratio = plan.term(factor.path).value if isinstance(factor, Term) else factor
                products.append((fact, ratio, operand.fact))
                continue
            if isinstance(operand, Term):
                operand = plan.term(operand.path).value
            values = operand if isinstance(operand, frozenset | tuple) else (operand,)
            for v in values:
                for c in _claims(v):
                    if isinstance(c, int | float) and not isinstance(c, bool):
                        marks.setdefault(fact, set()).add(c)
    for fact, ratio, other in products:
        for r in _claims(ratio):
            base = set(marks.get(other, set())) | {0, 1}
            now = read_fact(state, other)
            base |= (
                {c for c in _claims(now) if isinstance(c, int | float)}
                if now is not UNKNOWN
                else set()
            )
            marks.setdefault(fact, set()).update(r * b for b in base)
            marks.setdefault(other, set()).update(m / r for m in marks.get(fact, set()) if r)
    return marks
