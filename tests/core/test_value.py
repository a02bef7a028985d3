"""The model's frozen classes compare, hash and show themselves as attrs' own classes do, with
the methods attrs writes on first use (``gazaplan.core._value``), not when the class is made."""

from __future__ import annotations

import pickle
import subprocess
import sys
from typing import Any

import attrs
import pytest

import gazaplan as gp
from gazaplan.core._value import Value
from gazaplan.core.conditions import AtLeast, Equals
from gazaplan.core.sources import Source


def _upper(value: object) -> str:
    return str(value).upper()


def _key(value: str) -> str:
    return value.lower()


@attrs.frozen
class Ours(Value):
    a: int
    b: str = attrs.field(eq=_key, repr=_upper)
    c: tuple[int, ...] = attrs.field(default=(), eq=False)
    d: int = attrs.field(default=0, hash=False)
    e: int = attrs.field(default=0, repr=False)


@attrs.frozen
class Theirs:
    a: int
    b: str = attrs.field(eq=_key, repr=_upper)
    c: tuple[int, ...] = attrs.field(default=(), eq=False)
    d: int = attrs.field(default=0, hash=False)
    e: int = attrs.field(default=0, repr=False)


@attrs.frozen
class More(Ours):
    f: int = 0


PAIRS = [
    ((1, "x"), (1, "X")),
    ((1, "x"), (2, "x")),
    ((1, "x", (1,)), (1, "x", (2,))),
    ((1, "x", (), 1), (1, "x", (), 2)),
    ((1, "x", (), 0, 1), (1, "x", (), 0, 2)),
]


@pytest.mark.parametrize(("left", "right"), PAIRS)
def test_equality_and_hash_are_attrs_own(left: tuple[Any, ...], right: tuple[Any, ...]) -> None:
    assert (Ours(*left) == Ours(*right)) is (Theirs(*left) == Theirs(*right))
    assert (Ours(*left) != Ours(*right)) is (Theirs(*left) != Theirs(*right))
    assert Ours(*left) == Ours(*left)
    assert hash(Ours(*left)) == hash(Ours(*left))
    if Ours(*left) == Ours(*right):
        assert hash(Ours(*left)) == hash(Ours(*right))
    assert Ours(*left) != Theirs(*left)  # another class: never equal, as with attrs
    assert Ours(1, "x") != More(1, "x")


def test_repr_is_attrs_own() -> None:
    ours, theirs = Ours(1, "x", (2,), 3, 4), Theirs(1, "x", (2,), 3, 4)
    assert repr(ours) == repr(theirs).replace("Theirs", "Ours") == "Ours(a=1, b=X, c=(2,), d=3)"
    assert repr(More(1, "x", f=5)) == "More(a=1, b=X, c=(), d=0, f=5)"


def test_the_methods_are_written_on_first_use_and_kept() -> None:
    @attrs.frozen
    class Fresh(Value):
        a: int

    stand_in = Fresh.__dict__["__eq__"]
    assert stand_in is Value.__dict__["__eq__"]  # attrs left it: nothing written yet
    assert Fresh(1) == Fresh(1)
    written = Fresh.__dict__["__eq__"]
    assert written is not stand_in
    assert Fresh.__dict__["__hash__"] is not Value.__dict__["__hash__"]  # with equality
    assert Fresh.__dict__["__repr__"] is Value.__dict__["__repr__"]  # not used yet
    assert repr(Fresh(1)) == "Fresh(a=1)"
    assert Fresh.__dict__["__eq__"] is written


def test_a_subclass_gets_its_own_methods_even_after_its_base_has_them() -> None:
    assert Ours(1, "x") == Ours(1, "x")  # the base's methods written first
    assert More(1, "x", f=1) != More(1, "x", f=2)  # the subclass's field counts
    assert hash(More(1, "x", f=1)) == hash(More(1, "x", f=1))
    assert repr(More(1, "x", f=1)).endswith("f=1)")


def test_a_class_keeps_the_methods_it_defines() -> None:
    @attrs.frozen
    class Own(Value):
        a: int

        def __eq__(self, other: object) -> bool:
            return True

        def __repr__(self) -> str:
            return "own"

    assert Own(1) == Own(2)
    assert repr(Own(1)) == "own"
    assert Own.__hash__ is None  # Python's rule for __eq__ without __hash__, as with attrs


def test_the_model_compares_hashes_and_shows_as_before() -> None:
    plan = gp.plan()
    again = pickle.loads(pickle.dumps(plan))
    assert again == plan
    assert hash(again) == hash(plan)
    assert (
        repr(Equals("hostages_held", 0))
        == "Equals(fact='hostages_held', value=0, point=None, label='')"
    )
    assert Equals("hostages_held", 0) != AtLeast("hostages_held", 0)
    assert len({Equals("hostages_held", 0), Equals("hostages_held", 0)}) == 1
    source = plan.sources[0]
    assert source.at(4) == attrs.evolve(source, point=4)
    assert repr(source).startswith("Source(tag='WH', ")


def test_building_the_plan_writes_no_equality_hash_or_repr() -> None:
    code = (
        "import gazaplan as gp, gazaplan.core._value as v\n"
        "gp.plan()\n"
        "made = [c for c in v.Value.__subclasses__() for n in ('__eq__', '__repr__')\n"
        "        if c.__dict__.get(n) is not v.Value.__dict__[n]]\n"
        "print(made)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_source_compares_by_its_fields() -> None:
    a = Source("T", "title", "outlet")
    assert a == Source("T", "title", "outlet")
    assert a != Source("T", "title", "outlet", point=1)
    assert {a: 1}[Source("T", "title", "outlet")] == 1
