"""The facts at a moment: :class:`State`, and :data:`FACTS`, the schema conditions are written over.

Every fact may be :data:`~gazaplan.UNKNOWN`, and is unless set. Counts are non-negative and
consistent (nobody is returned who was not held); a state that breaks this is refused with an
:class:`~gazaplan.exceptions.InconsistentStateError`. A state never changes: derive a new one with
:meth:`State.updated` (by fact id) or :func:`attrs.evolve` (by field name).
"""

from __future__ import annotations

import enum
import functools
import operator
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Final, TypeAlias, TypeGuard

import attrs

from ..exceptions import InconsistentStateError, InvalidValueError, UnknownFactError
from ..truth import UNKNOWN, Unknown
from . import _checks as check
from ._frozenmap import FrozenMap, frozen_map
from ._value import Value
from .facts import Crossing, FactKind, FactSpec, Floor, GovernanceRole, Progress
from .parties import Response
from .sources import Contested

if TYPE_CHECKING:
    from .plans import Plan

__all__ = ["FACTS", "State", "check_set", "check_value", "parts_of", "read_fact"]

# How a State field is declared and checked: a fact's validator by kind, a contested value's
# claims each checked, and a per-party map checked entry by entry (so that an update checks only
# the entries it changes).

VALIDATORS: Final[dict[FactKind, Callable[..., check.Validator]]] = {
    FactKind.FLAG: check.flag,
    FactKind.COUNT: check.count,
    FactKind.NUMBER: check.number,
    FactKind.PERCENT: lambda: check.number(low=0.0, high=100.0),
    FactKind.LINE: lambda: _line_id,
}


def _line_id(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is not UNKNOWN:
        check.ident()(inst, attr, value)


def or_contested(inner: check.Validator) -> check.Validator:
    """Extend a validator to accept a Contested value whose every claim passes it.

    Args:
        inner: the validator of a single value.

    Returns:
        A validator that checks a plain value with *inner*, and each claim of a Contested one.
    """

    def checker(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, Contested):
            for c in value.claims:
                inner(inst, attr, c.value)
        elif isinstance(value, Floor):
            inner(inst, attr, value.value)  # a floor is a count known from below
        else:
            inner(inst, attr, value)

    return checker


def _fact(
    kind: FactKind, doc: str, *, unit: str = "", choices: type[enum.Enum] | None = None
) -> Any:
    validator = or_contested(check.member(choices) if choices is not None else VALIDATORS[kind]())
    spec = {"kind": kind, "doc": doc, "unit": unit, "choices": choices}
    return attrs.field(default=UNKNOWN, validator=validator, metadata={"fact": spec})


class PartyCheck:
    """The validator of a per-party map: each key a party id, each value as *value_check* says.

    :meth:`one` checks a single entry, so that a state update checks only what it changes.
    """

    __slots__ = ("_named", "value_check")

    def __init__(self, value_check: check.Validator) -> None:
        self.value_check: check.Validator = value_check
        self._named: dict[tuple[str, str], attrs.Attribute[Any]] = {}  # "responses['hamas']"

    def one(self, inst: object, attr: attrs.Attribute[Any], party: object, v: object) -> None:
        """Check a single entry of the map.

        Args:
            inst: the instance being checked (its type names the place in messages).
            attr: the per-party field.
            party: the entry's key.
            v: the entry's value.

        Raises:
            InvalidValueError: if *party* is not a party id, or *v* is not a value the fact takes.
        """
        if not isinstance(party, str) or not check.ID_PATTERN.match(party):
            raise InvalidValueError(
                f"{check.where(inst, attr)}[{party!r}]",
                party,
                "keys are party ids",
                "Use ids such as 'israel' or 'hamas'.",
            )
        named = self._named.get((attr.name, party))
        if named is None:  # built once per field and party (messages name the entry)
            named = attr.evolve(name=f"{attr.name}[{party!r}]")
            if len(self._named) < 1024:
                self._named[(attr.name, party)] = named
        self.value_check(inst, named, v)

    def __call__(
        self, inst: object, attr: attrs.Attribute[Any], value: FrozenMap[Any, Any]
    ) -> None:
        for party, v in value.items():
            self.one(inst, attr, party, v)


def _party_map(kind: FactKind, doc: str, *, choices: type[enum.Enum] | None = None) -> Any:
    inner = check.member(choices) if choices is not None else VALIDATORS[kind]()
    spec = {"kind": kind, "doc": doc, "choices": choices, "per_party": True}
    return attrs.field(
        factory=FrozenMap,
        converter=frozen_map,
        validator=PartyCheck(inner),
        metadata={"fact": spec},
    )


F = FactKind


Flag = bool | Unknown | Contested


Count = int | Unknown | Contested | Floor


@attrs.frozen(kw_only=True, slots=False)
class State(Value):
    """What is true at one moment. Fields are facts; unset facts are UNKNOWN.

    Per-party facts (``responses``, ``established``) are mappings from party id to value; a party
    missing from the mapping has the value UNKNOWN. Derived facts (``hostages_held`` and the like)
    are properties computed from the counts.
    """

    # -- acceptance and ceasefire (points 3, 4, 7) --
    responses: FrozenMap[str, Response | Unknown] = _party_map(
        F.CHOICE, "the party's answer to the plan", choices=Response
    )
    approvals: FrozenMap[str, bool | Unknown] = _party_map(
        F.FLAG, "the party's government has formally approved the agreement"
    )
    ceasefire_in_force: Flag = _fact(F.FLAG, "military operations are suspended (point 3)")
    phase_two_launched: Flag = _fact(F.FLAG, "the US has announced the launch of phase two")
    # -- withdrawal (points 3, 16) --
    idf_line: str | Unknown | Contested = _fact(F.LINE, "the withdrawal line Israeli forces are at")
    israeli_control_pct: float | Unknown | Contested = _fact(
        F.PERCENT, "share of Gaza under Israeli military control", unit="percent"
    )
    isf_control_pct: float | Unknown | Contested = _fact(
        F.PERCENT, "share of Gaza handed over to the ISF", unit="percent"
    )
    withdrawal_standards_agreed: Flag = _fact(
        F.FLAG, "the withdrawal standards, milestones and time frames are agreed (point 16)"
    )
    gaza_annexed: Flag = _fact(F.FLAG, "Israel has annexed any part of Gaza (point 16)")
    # -- hostages (point 4) --
    hostages_living_at_start: Count = _fact(F.COUNT, "living hostages held when the plan began")
    hostages_living_returned: Count = _fact(F.COUNT, "living hostages returned since then")
    hostages_deceased_at_start: Count = _fact(F.COUNT, "deceased hostages held when the plan began")
    hostages_deceased_returned: Count = _fact(F.COUNT, "deceased hostages' remains returned")
    israeli_hostage_remains_returned: Count = _fact(
        F.COUNT, "of the remains returned, those of Israeli hostages (point 5's ratio counts these)"
    )
    # -- prisoners and remains (point 5) --
    life_sentence_prisoners_released: Count = _fact(
        F.COUNT, "prisoners serving life sentences released"
    )
    gaza_detainees_released: Count = _fact(F.COUNT, "Gazans detained after 7 October 2023 released")
    detained_women_children_released: Flag = _fact(
        F.FLAG, "all women and children detained after 7 October 2023 released"
    )
    gazan_remains_returned: Count = _fact(F.COUNT, "remains of deceased Gazans returned by Israel")
    # -- amnesty (point 6) --
    coexistence_commitment: Flag = _fact(
        F.FLAG, "Hamas members commit to peaceful co-existence (point 6)"
    )
    decommissioning_commitment: Flag = _fact(
        F.FLAG, "Hamas members commit to decommissioning their weapons (point 6)"
    )
    amnesty_offered: Flag = _fact(F.FLAG, "amnesty is offered to members who commit (point 6)")
    safe_passage_offered: Flag = _fact(F.FLAG, "safe passage is offered to members who leave")
    # -- aid (points 7, 8) --
    aid_trucks_per_day: float | Unknown | Contested = _fact(
        F.NUMBER, "aid trucks entering Gaza a day", unit="trucks a day"
    )
    aid_via_neutral_bodies: Flag = _fact(
        F.FLAG, "aid is distributed by the UN, the Red Crescent and neutral bodies (point 8)"
    )
    rafah_crossing: Crossing | Unknown | Contested = _fact(
        F.CHOICE, "state of the Rafah crossing", choices=Crossing
    )
    # -- governance and security (points 9, 13-16) --
    established: FrozenMap[str, bool | Unknown] = _party_map(
        F.FLAG, "the body (Board of Peace, committee, ISF, police) is established"
    )
    isf_deployed: Flag = _fact(F.FLAG, "the ISF is deployed in Gaza (point 15)")
    deconfliction_agreed: Flag = _fact(F.FLAG, "a deconfliction mechanism is agreed (point 15)")
    hamas_governance_role: GovernanceRole | Unknown | Contested = _fact(
        F.CHOICE, "role of Hamas and other factions in governing Gaza", choices=GovernanceRole
    )
    decommissioning: Progress | Unknown | Contested = _fact(
        F.CHOICE, "weapons put beyond use by the agreed process (point 13)", choices=Progress
    )
    decommissioning_verified: Flag = _fact(
        F.FLAG, "independent monitors verify the decommissioning (point 13)"
    )
    military_infrastructure_destroyed: Progress | Unknown | Contested = _fact(
        F.CHOICE, "military, terror and offensive infrastructure destroyed", choices=Progress
    )
    guarantee_given: Flag = _fact(F.FLAG, "regional partners have given the guarantee (point 14)")
    # -- the implementation roadmap of 21 May 2026 and the July disarmament agreement --
    phase_one_certified: Flag = _fact(
        F.FLAG, "the verification committee certifies phase one's obligations met (roadmap)"
    )
    phase_two_certified: Flag = _fact(
        F.FLAG, "the verification committee certifies the security step complete (roadmap)"
    )
    weapons_to_committee: Flag = _fact(
        F.FLAG, "weapons are handed to the technocratic committee, not to Israel (July 2026)"
    )
    # -- people, economy, politics (points 9-12, 18-20) --
    free_to_leave_and_return: Flag = _fact(
        F.FLAG, "nobody is forced to leave and those who leave may return (point 12)"
    )
    development_plan_adopted: Flag = _fact(
        F.FLAG, "an economic development plan is drawn up (point 10)"
    )
    economic_zone_established: Flag = _fact(
        F.FLAG, "a special economic zone is established (point 11)"
    )
    interfaith_dialogue_started: Flag = _fact(F.FLAG, "the interfaith dialogue is under way (18)")
    pa_reform_complete: Flag = _fact(F.FLAG, "the PA has completed its reform programme (9, 19)")
    pa_control_resumed: Flag = _fact(F.FLAG, "the PA has taken back control of Gaza (point 9)")
    political_dialogue_started: Flag = _fact(
        F.FLAG, "the US-convened Israeli-Palestinian dialogue is under way (point 20)"
    )

    def __attrs_post_init__(self) -> None:
        d = self.__dict__  # read directly: a replay checks these rules on every count it moves
        for start, returned in _RETURN_PAIRS:
            a, b = d[start], d[returned]
            if (a.__class__ is int or _plain(a)) and (b.__class__ is int or _plain(b)) and b > a:
                raise InconsistentStateError(
                    f"State.{returned}",
                    b,
                    f"more returned than the {a} held at the start ({start})",
                    f"Lower {returned} or raise {start}.",
                )
        dec, isr = d["hostages_deceased_returned"], d["israeli_hostage_remains_returned"]
        if (
            (dec.__class__ is int or _plain(dec))
            and (isr.__class__ is int or _plain(isr))
            and (isr > dec)
        ):
            raise InconsistentStateError(
                "State.israeli_hostage_remains_returned",
                isr,
                f"more than the {dec} deceased hostages returned in all",
                "It counts a subset of hostages_deceased_returned: lower it or raise that.",
            )
        il, isf = d["israeli_control_pct"], d["isf_control_pct"]
        if _plain(il) and _plain(isf) and il + isf > 100:
            raise InconsistentStateError(
                "State.isf_control_pct",
                isf,
                f"with israeli_control_pct={il} the shares add up to more than 100",
                "Make the two shares add up to 100 or less.",
            )

    # -- derived facts --
    @property
    def hostages_living_held(self) -> Count:
        """Living hostages still held (at start minus returned)."""
        return _minus(self.hostages_living_at_start, self.hostages_living_returned)

    @property
    def hostages_deceased_held(self) -> Count:
        """Deceased hostages whose remains are still held."""
        return _minus(self.hostages_deceased_at_start, self.hostages_deceased_returned)

    @property
    def hostages_held(self) -> Count:
        """All hostages, living and deceased, still held. 0 is known only if both parts are 0."""
        living, deceased = self.hostages_living_held, self.hostages_deceased_held
        if not _plain(living) or not _plain(deceased):
            return UNKNOWN
        return int(living + deceased)

    # -- constructors and derivation --
    @classmethod
    def initial(cls, plan: Plan) -> State:
        """The facts at the plan's publication, as its catalog records them (sourced).

        Args:
            plan: the plan whose initial facts are read.

        Returns:
            The state at publication; facts the plan does not record are UNKNOWN.
        """
        return cls.from_facts({f.fact: f.value for f in plan.initial_facts})

    @classmethod
    def from_facts(cls, facts: Mapping[str, object]) -> State:
        """A state from fact ids to values; facts not given are UNKNOWN.

        Args:
            facts: fact ids (``"response.hamas"`` for a per-party fact) and their values.

        Returns:
            The new state.

        Raises:
            UnknownFactError: if an id names no fact.
            InvalidValueError: if a value is not one the fact takes, or a fact is derived.
            InconsistentStateError: if the facts cannot all be true at once.

        >>> State.from_facts({"response.hamas": Response.ACCEPTED}).responses["hamas"]
        <Response.ACCEPTED: 'accepted'>
        """
        return cls().updated(facts)

    def updated(self, facts: Mapping[str, object]) -> State:
        """A new state with the given facts changed; this one is untouched.

        Only the changed facts are checked, then the rules between facts.

        Args:
            facts: fact ids (``"response.hamas"`` for a per-party fact) and their new values.

        Returns:
            The new state.

        Raises:
            UnknownFactError: if an id names no fact.
            InvalidValueError: if a fact is derived (it is computed from others, not set), or a
                value is not one the fact takes.
            InconsistentStateError: if the new facts cannot all be true at once.
        """
        changed, cross = self._changes(facts)
        fields = self.__dict__.copy()
        fields.update(changed)
        return State._of_fields(fields, cross=cross)

    def _changes(
        self, facts: Mapping[str, object], checked: bool = False
    ) -> tuple[Mapping[str, Any], bool]:
        """The fields that setting *facts* on this state changes, each checked, and whether the
        rules between facts must be checked again (:meth:`updated` without the new state).

        *checked*: the values were checked already (:func:`check_set`: a change checks what it
        sets when it is made), so only the ids are read here.

        A fact that is not per party has its field's name for id, so without per-party facts the
        fields are *facts* itself (not copied: the caller must not change it afterwards)."""
        per_party: dict[str, dict[str, object]] | None = None
        cross = False
        for fact_id, value in facts.items():
            name, party, a, crossed, valid = _SETTERS.get(fact_id) or _setter(fact_id, value)
            if not checked:
                _check(self, fact_id, value, a, valid)
            if party is None:
                cross |= crossed
            else:
                if per_party is None:
                    per_party = {}
                per_party.setdefault(name, {})[party] = value
        if per_party is None:
            return facts, cross
        if len(facts) == 1:  # one per-party fact: its field alone
            ((name, entries),) = per_party.items()
            return {name: getattr(self, name).merged(entries)}, cross
        fields = {k: v for k, v in facts.items() if "." not in k}  # the facts not per party
        for name, entries in per_party.items():
            fields[name] = getattr(self, name).merged(entries)
        return fields, cross

    @staticmethod
    def _of_fields(fields: dict[str, Any], *, cross: bool = False) -> State:
        """A state holding *fields* (every field, each already checked; the dict is taken, not
        copied), the rules between facts checked again if *cross*."""
        new = object.__new__(State)
        object.__setattr__(new, "__dict__", fields)
        if cross:
            new.__attrs_post_init__()
        return new

    def _evolve(self, fields: Mapping[str, Any]) -> State:
        """Like attrs.evolve, but validating only the changed fields (the others already were),
        then the cross-field invariants if a field they read changed. Replaying a long timeline
        depends on this being cheap: the fields are one dict, copied whole."""
        out = self.__dict__.copy()
        for name, value in fields.items():
            a = _ATTRIBUTES.get(name)
            if a is None:
                raise TypeError(f"State has no field {name!r}")
            if a.converter is not None:
                value = a.converter(value)  # type: ignore[operator]
            if a.validator is not None:
                a.validator(self, a, value)
            out[name] = value
        return State._of_fields(out, cross=not _CROSS_CHECKED.isdisjoint(fields))

    def facts(self) -> dict[str, object]:
        """Every fact id with its value.

        Returns:
            Fact ids and values (per-party facts for the parties present, derived facts included).
        """
        out: dict[str, object] = {}
        for spec in FACTS.values():
            if spec.per_party:
                for party, v in getattr(self, spec.field).items():
                    out[f"{spec.id}.{party}"] = v
            else:
                out[spec.id] = getattr(self, spec.field)
        return out


_ATTRIBUTES: Final = {a.name: a for a in attrs.fields(State)}


_FIELD_NAMES: Final = tuple(_ATTRIBUTES)


_NOT_TEXT: Final = "a fact's id is text"
_NOT_TEXT_FIX: Final = "Use an id of gazaplan.FACTS, such as 'ceasefire_in_force'."
_DERIVED: Final = "a derived fact is computed, not set"
_DERIVED_FIX: Final = "Set the counts it is computed from (the *_at_start and *_returned facts)."


def _setter(fact_id: str, value: object) -> _Setter:
    """How :meth:`State.updated` sets one fact: its field, party and attribute (kept for the
    next time, up to a bound: per-party ids can be any party's)."""
    if not isinstance(fact_id, str):
        raise InvalidValueError("State.updated", fact_id, _NOT_TEXT, _NOT_TEXT_FIX)
    spec, party = spec_of(fact_id)
    if spec.derived:
        raise InvalidValueError(
            f"State.updated({fact_id!r})",
            value,
            _DERIVED,
            _DERIVED_FIX,
        )
    a = _ATTRIBUTES[spec.field]
    valid = a.validator
    assert valid is not None  # every fact has one
    if party is not None:  # check the one entry
        assert isinstance(valid, PartyCheck)
        valid = functools.partial(_one_entry, valid.one, party)
    made = (spec.field, party, a, spec.field in _CROSS_CHECKED, valid)
    if len(_SETTERS) < 4096:
        _SETTERS[fact_id] = made
    return made


def _one_entry(
    one: Callable[[object, attrs.Attribute[Any], object, object], None],
    party: str,
    inst: object,
    attr: attrs.Attribute[Any],
    value: object,
) -> None:
    """Check the entry of *party* in a per-party map (:meth:`PartyCheck.one`)."""
    one(inst, attr, party, value)


_Setter: TypeAlias = "tuple[str, str | None, attrs.Attribute[Any], bool, check.Validator]"
"""A fact's field, its party (None: not per party), the field's attribute, whether the
cross-field invariants read the field, and its validator."""

_SETTERS: Final[dict[str, _Setter]] = {}


_PASSED: Final[set[tuple[str, type, object]]] = set()
"""Fact ids with values of the plain types of :data:`_REMEMBERED` that passed their fact's
check: a fact's check reads the value alone, so the same value of the same type passes again
(the type is in the key, as ``True == 1`` and ``1 == 1.0``). Bounded; NaN never matches."""

_REMEMBERED: Final[set[type]] = {bool, int, float, str, Unknown}
"""The types whose values :data:`_PASSED` keeps: plain ones, UNKNOWN's, and the enumerations
met so far (their members are singletons). Other values (a contested one, say) are checked
every time: hashing them would cost more than the check."""


def _check(
    inst: object, fact_id: str, value: object, a: attrs.Attribute[Any], valid: check.Validator
) -> None:
    """Run a fact's check on a value, unless the same value passed it before (:data:`_PASSED`)."""
    key = (fact_id, value.__class__, value) if value.__class__ in _REMEMBERED else None
    if key is None or key not in _PASSED:
        valid(inst, a, value)
        key = _to_remember(fact_id, value) if key is None else key
        if key is not None and len(_PASSED) < 8192:
            _PASSED.add(key)


def check_set(fact_id: object, value: object, where: str) -> None:
    """Refuse a fact that a change sets unless every State takes it: the id names a fact that is
    not derived, and the value passes the check :meth:`State.updated` runs on it.

    A change that carries facts (:class:`~gazaplan.FactsReported`) runs this when it is made, so
    that a replay need not check them again.

    Args:
        fact_id: the fact's id (``"response.hamas"`` for a per-party fact).
        value: the value set.
        where: the place an error names, such as ``"FactsReported.facts"``.

    Raises:
        UnknownFactError: if *fact_id* names no fact.
        InvalidValueError: if *fact_id* is not text or names a derived fact, or the fact does not
            take *value*.
    """
    if not isinstance(fact_id, str):
        raise InvalidValueError(where, fact_id, _NOT_TEXT, _NOT_TEXT_FIX)
    setter = _SETTERS.get(fact_id)
    if setter is None:
        spec, _ = spec_of(fact_id)
        if spec.derived:
            raise InvalidValueError(f"{where}.{fact_id}", value, _DERIVED, _DERIVED_FIX)
        setter = _setter(fact_id, value)
    _, _, a, _, valid = setter
    try:
        _check(None, fact_id, value, a, valid)
    except InvalidValueError:
        valid(type(where, (), {})(), a, value)  # again, for the message to name the place
        raise


def _to_remember(fact_id: str, value: object) -> tuple[str, type, object] | None:
    """The key under which a value that passed its check is remembered (None: it is not)."""
    kind = value.__class__
    if issubclass(kind, enum.Enum):
        _REMEMBERED.add(kind)
        return (fact_id, kind, value)
    return None


# Fields the cross-field invariants in __attrs_post_init__ read: only a change to one of them
# needs the invariants checked again.
_CROSS_CHECKED: Final = frozenset(
    {
        "hostages_living_at_start",
        "hostages_living_returned",
        "hostages_deceased_at_start",
        "hostages_deceased_returned",
        "israeli_hostage_remains_returned",
        "israeli_control_pct",
        "isf_control_pct",
    }
)


_RETURN_PAIRS: Final = (
    ("hostages_living_at_start", "hostages_living_returned"),
    ("hostages_deceased_at_start", "hostages_deceased_returned"),
)


_NOT_PLAIN: Final = (Contested, Floor)  # a tuple: isinstance checks it faster than a union


def _plain(v: object) -> TypeGuard[float]:
    """Known and not contested (cross-field checks apply to plain values only)."""
    return v is not UNKNOWN and not isinstance(v, _NOT_PLAIN)


def _minus(a: Count, b: Count) -> Count:
    if not _plain(a) or not _plain(b):
        return UNKNOWN  # a derived count from a contested one is not known either
    return int(a - b)


def _build_facts() -> dict[str, FactSpec]:
    specs: dict[str, FactSpec] = {}
    for a in attrs.fields(State):
        meta = a.metadata["fact"]
        fact_id = {"responses": "response", "approvals": "approved"}.get(a.name, a.name)
        specs[fact_id] = FactSpec(id=fact_id, field=a.name, **meta)
    for name, doc in (
        ("hostages_living_held", "living hostages still held"),
        ("hostages_deceased_held", "deceased hostages whose remains are still held"),
        ("hostages_held", "hostages, living and deceased, still held"),
    ):
        specs[name] = FactSpec(id=name, kind=F.COUNT, doc=doc, derived=True, field=name)
    return dict(sorted(specs.items()))


FACTS: Final[Mapping[str, FactSpec]] = FrozenMap(_build_facts())


"""Every fact a condition may read, by id. Per-party facts are used as ``"<id>.<party id>"``."""


@lru_cache(maxsize=4096)  # fact ids are few; party ids are not bounded
def spec_of(fact_id: str) -> tuple[FactSpec, str | None]:
    """The spec of a fact and, for a per-party fact, the party id.

    Args:
        fact_id: the fact's id (``"response.hamas"`` for a per-party fact).

    Returns:
        The fact's spec, and the party id (None for a fact that is not per party).

    Raises:
        UnknownFactError: if *fact_id* names no fact; the message lists the known ones.
    """
    base, dot, party = fact_id.partition(".")
    spec = FACTS.get(base)
    if spec is None or spec.per_party != bool(dot) or (dot and not check.ID_PATTERN.match(party)):
        known = [f"{s.id}.<party>" if s.per_party else s.id for s in FACTS.values()]
        if spec is not None and spec.per_party and not dot:
            known = [f"{spec.id}.israel", f"{spec.id}.hamas", *known]
        raise UnknownFactError(fact_id, known)
    return spec, (party if dot else None)


@cache
def fact_reader(fact_id: str) -> Callable[[State], Any]:
    """A function reading one fact from a state.

    Args:
        fact_id: the fact's id.

    Returns:
        A function of a state giving the fact's value (UNKNOWN if absent).

    Raises:
        UnknownFactError: if *fact_id* names no fact.
    """
    spec, party = spec_of(fact_id)
    get_field = operator.attrgetter(spec.field)  # C-level: this is the hot path of evaluation
    if party is None:
        return get_field
    return lambda state: get_field(state)._data.get(party, UNKNOWN)


_DERIVED_FROM: Final = {
    "hostages_living_held": ("hostages_living_at_start", "hostages_living_returned"),
    "hostages_deceased_held": ("hostages_deceased_at_start", "hostages_deceased_returned"),
    "hostages_held": (
        "hostages_living_at_start",
        "hostages_living_returned",
        "hostages_deceased_at_start",
        "hostages_deceased_returned",
    ),
}


def parts_of(fact_id: str) -> tuple[str, ...]:
    """The facts a derived fact (``hostages_held``) is computed from.

    Args:
        fact_id: the fact's id.

    Returns:
        The ids of the facts it is computed from; empty for a fact that is not derived.
    """
    return _DERIVED_FROM.get(fact_id, ())


@lru_cache(maxsize=4096)
def fields_of(fact_id: str) -> tuple[str, ...]:
    """The State fields a fact depends on.

    Args:
        fact_id: the fact's id.

    Returns:
        Its own field, or the fields a derived fact is computed from.

    Raises:
        UnknownFactError: if *fact_id* names no fact.
    """
    spec, _ = spec_of(fact_id)
    return _DERIVED_FROM.get(spec.id, (spec.field,))


def check_value(fact_id: str, value: object, where: str) -> None:
    """Refuse a value unless the fact may take it (UNKNOWN and contested claims included).

    Derived facts take counts.

    Args:
        fact_id: the fact's id.
        value: the value to check.
        where: the place the error names, such as ``"FactExpectation.hostages_held"``.

    Raises:
        UnknownFactError: if *fact_id* names no fact.
        InvalidValueError: if the fact cannot take *value*.
    """
    spec, _ = spec_of(fact_id)
    inner = check.member(spec.choices) if spec.choices is not None else VALIDATORS[spec.kind]()
    place = type(where, (), {})()  # the validators name "<type of the instance>.<field>"
    or_contested(inner)(place, SimpleNamespace(name=fact_id), value)  # type: ignore[arg-type]


def read_fact(state: State, fact_id: str) -> Any:
    """The value of one fact in a state.

    Args:
        state: the state to read.
        fact_id: the fact's id.

    Returns:
        The fact's value (UNKNOWN if not known).

    Raises:
        UnknownFactError: *fact_id* names no fact; the message lists the known ones.
    """
    return fact_reader(fact_id)(state)
