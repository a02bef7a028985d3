"""The strategies of time, behind :mod:`gazaplan.strategies`: changes, timelines, datasets, perturbations.

Part of the ``hypothesis`` extra. Speed matters here, because a user's ``st.from_type(gp.Timeline)``
must pass Hypothesis' health checks on a busy machine: every strategy is built once per plan (a
:class:`Kit`) and a timeline is drawn by simulation with cheap draws, never by building new
strategies at each step. A drawn timeline replays on its plan: each event is chosen among the ones
that can happen in the state reached so far (nothing released that is not held).
"""

from __future__ import annotations

import datetime as dt
import string
from collections import OrderedDict
from typing import Any, Final

import attrs
from hypothesis import reject
from hypothesis import strategies as st

from ..core.facts import Crossing, Progress
from ..core.parties import PartyKind, Response
from ..core.plans import Plan
from ..core.records import Figure, Qualifier, Topic
from ..core.sources import Source
from ..core.state import State
from ..exceptions import GazaplanError
from ..runs.perturbations import (
    Delay,
    Drop,
    Events,
    Fixed,
    Perturbation,
    PickClaim,
    Triangular,
    Uniform,
)
from ..time.datasets import Dataset, Entry, Release, Status
from ..time.events import (
    KINDS,
    AidDelivered,
    Approved,
    BodyEstablished,
    CeasefireChanged,
    CrossingChanged,
    Event,
    FactsReported,
    GazanRemainsReturned,
    HostagesReleased,
    Precision,
    PrisonersReleased,
    Redeployed,
    RemainsReturned,
    Reported,
    ResolutionAdopted,
    Responded,
    TerritoryHandedOver,
    ViolationAlleged,
    WeaponsDecommissioned,
)
from ..time.timelines import Timeline, apply
from ._fields import change_from_fields

__all__ = ["T0", "Kit", "datasets", "kit", "perturbations", "sources", "text", "timelines"]

T0: Final = dt.datetime(2025, 9, 29, 12, tzinfo=dt.timezone(dt.timedelta(hours=3)))
"""The instant drawn timelines start from: the plan's publication day, noon in Gaza."""

# Offsets from -12:00 to +14:00 in whole minutes, built once (drawing an index is cheap).
_ZONES: Final = tuple(dt.timezone(dt.timedelta(minutes=m)) for m in range(-12 * 60, 14 * 60 + 1))


def text() -> st.SearchStrategy[str]:
    """A strategy for any printable text, non-blank.

    Documents must carry it unchanged (quotes, accents, emoji).

    Returns:
        A strategy drawing text of up to 30 characters.
    """
    return _TEXT


_TEXT: Final = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30).map(
    lambda s: s if s.strip() else f"x{s}"
)

_SOURCES: Final = st.builds(
    Source,
    tag=st.text(string.ascii_uppercase + string.digits + "-", min_size=1, max_size=12).map(
        lambda s: s if s.strip("-") else "S"
    ),
    title=_TEXT,
    outlet=_TEXT,
    date=st.none() | st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)),
    url=st.none() | st.just("https://example.org/report"),
    point=st.none() | st.integers(1, 20),
    approximate_date=st.booleans(),
    note=st.just("") | _TEXT,
)


def sources() -> st.SearchStrategy[Source]:
    """A strategy for sources as in the register.

    Returns:
        A strategy drawing sources, each with a tag, title, outlet, optional date, address and point.
    """
    return _SOURCES


# Mostly sources from a small pool (cheap to draw), sometimes a new one of any shape.
_POOL: Final = tuple(
    Source(tag=f"S{i}", title=title, outlet=outlet, date=day, point=point)
    for i, (title, outlet, day, point) in enumerate(
        [
            ("A report", "An outlet", None, None),
            ("Statement on the talks", "A ministry", dt.date(2025, 10, 9), 4),
            ("Figures for the week", "A UN agency", dt.date(2025, 11, 2), 7),
            ("An interview", "A broadcaster", None, 17),
        ]
    )
)
_EVENT_SOURCES: Final = st.lists(st.sampled_from(_POOL) | _SOURCES, max_size=2).map(tuple)
_SUMMARY: Final = st.just("generated") | _TEXT
_REPORTED_BY: Final = st.just("") | _TEXT
_PRECISION: Final = st.sampled_from(list(Precision))
_STEP: Final = st.integers(0, 60 * 24 * 5)  # minutes between events: up to five days
_ZONE: Final = st.integers(0, len(_ZONES) - 1)


_BESPOKE: Final = frozenset(
    {
        Responded,
        Approved,
        CeasefireChanged,
        Redeployed,
        HostagesReleased,
        RemainsReturned,
        PrisonersReleased,
        GazanRemainsReturned,
        AidDelivered,
        CrossingChanged,
        BodyEstablished,
        TerritoryHandedOver,
        WeaponsDecommissioned,
        ViolationAlleged,
        ResolutionAdopted,
        Reported,
        FactsReported,
    }
)
"""The kinds of change :class:`Kit` draws with strategies of their own (bounded by the state);
any other kind (a new one in the union, or one registered) is drawn from its fields."""


_FIGURE: Final = st.builds(
    Figure,
    st.sampled_from(["killed", "injured", "share-held", "trucks"]),
    st.sampled_from(list(Topic)),
    st.just("a reported figure"),
    st.integers(0, 80_000) | st.floats(0, 100, allow_nan=False),
    st.sampled_from(["people", "percent", "trucks a day"]),
    st.sampled_from(["a ministry", "a dashboard", "an agency"]),
    st.just((Source("F1", "a report with figures", "an outlet"),)),
    st.sampled_from(list(Qualifier)),
)


def _distinct_ids(figures: list[Figure]) -> tuple[Figure, ...]:
    return tuple({f.id: f for f in figures}.values())


class Kit:
    """The strategies for one plan's parties and lines, built once: the changes that need no
    state, and counts. Nothing in it depends on the plan's terms or conditions."""

    def __init__(self, plan: Plan) -> None:
        parties = st.sampled_from([p.id for p in plan.parties])
        bodies = [
            p.id
            for p in plan.parties
            if p.kind in (PartyKind.TRANSITIONAL_BODY, PartyKind.INTERNATIONAL_FORCE)
        ]
        self.fixed: tuple[st.SearchStrategy[Any], ...] = (
            st.builds(Responded, parties, st.sampled_from(list(Response))),
            st.builds(Approved, parties),
            st.builds(CeasefireChanged, st.booleans()),
            st.builds(Redeployed, st.sampled_from([line.id for line in plan.lines])),
            st.builds(
                PrisonersReleased,
                st.integers(0, 250),
                st.integers(0, 1800),
                st.sampled_from([None, True, False]),
            ),
            st.builds(GazanRemainsReturned, st.integers(0, 60)),
            st.builds(AidDelivered, st.integers(0, 900) | st.floats(0, 900, allow_nan=False)),
            st.builds(CrossingChanged, st.sampled_from(list(Crossing))),
            st.builds(TerritoryHandedOver, st.integers(0, 40)),
            st.builds(WeaponsDecommissioned, st.sampled_from(list(Progress)), st.booleans()),
            st.builds(ViolationAlleged, parties, parties, _TEXT),
            st.builds(ResolutionAdopted, parties, _TEXT),
            st.builds(
                Reported,
                st.frozensets(st.sampled_from(list(Topic)), max_size=2),
                st.lists(_FIGURE, max_size=2).map(_distinct_ids),
            ),
            st.builds(
                FactsReported,
                st.dictionaries(
                    st.sampled_from(
                        ["ceasefire_in_force", "deconfliction_agreed", "rafah_crossing"]
                    ),
                    st.booleans(),
                    max_size=2,
                ).map(
                    lambda d: {
                        k: Crossing.CLOSED if k == "rafah_crossing" else v for k, v in d.items()
                    }
                ),
            ),
            *([st.builds(BodyEstablished, st.sampled_from(bodies))] if bodies else []),
        )
        self.fixed += tuple(
            change_from_fields(cls, plan) for cls in KINDS.types() if cls not in _BESPOKE
        )
        self.pick: st.SearchStrategy[int] = st.integers(0, len(self.fixed) + 1)
        self.memo: dict[object, Any] = {}  # other strategies built once for this plan

    def change(self, draw: st.DrawFn, state: State) -> Any:
        """A change that can happen in *state*: a release only of what is still held."""
        i = draw(self.pick)
        living, dead = state.hostages_living_held, state.hostages_deceased_held
        if i == len(self.fixed) and isinstance(living, int) and living:
            return HostagesReleased(draw(st.integers(1, living)))
        if i == len(self.fixed) + 1 and isinstance(dead, int) and dead:
            count = draw(st.integers(1, dead))
            return RemainsReturned(count, draw(st.none() | st.integers(0, count)))
        change = draw(self.fixed[i % len(self.fixed)])
        if type(change) not in _BESPOKE:  # a kind drawn from its fields: can it happen here?
            try:
                state.updated(change.sets(state))
            except GazaplanError:
                reject()
        return change


_KITS: OrderedDict[tuple[Any, ...], Kit] = OrderedDict()


def kit(plan: Plan) -> Kit:
    """The :class:`Kit` for *plan*'s parties and lines, built on first use; plans that share them
    (a what-if variant and its base) share one (the last 16 are kept)."""
    key = (
        tuple((p.id, p.kind) for p in plan.parties),
        tuple(line.id for line in plan.lines),
        KINDS.version,  # a kind registered since makes a new kit
    )
    found = _KITS.get(key)
    if found is not None:
        _KITS.move_to_end(key)
        return found
    made = _KITS[key] = Kit(plan)
    while len(_KITS) > 16:
        _KITS.popitem(last=False)
    return made


def event(draw: st.DrawFn, i: int, at: dt.datetime, change: Any) -> Event:
    """Event *i* at *at* with *change*, its free text and sources drawn."""
    return Event(
        id=f"e{i}",
        at=at,
        change=change,
        summary=draw(_SUMMARY),
        sources=draw(_EVENT_SOURCES),
        reported_by=draw(_REPORTED_BY),
        precision=draw(_PRECISION),
    )


@st.composite
def timelines(
    draw: st.DrawFn, plan: Plan | None = None, *, min_size: int = 0, max_size: int = 12
) -> Timeline:
    """A strategy for timelines that replay on a plan from its starting facts.

    Built by simulation: each step draws an event that can happen in the state reached so far
    (never more released than held).

    Args:
        plan: the plan (None: the 29 September text).
        min_size: the fewest events.
        max_size: the most events.

    Returns:
        A strategy drawing timelines.
    """
    from ..catalog import plan as bundled

    p = plan if plan is not None else bundled("2025-09-29")
    tools = kit(p)
    state = State.initial(p)
    at = T0
    events = []
    for i in range(draw(st.integers(min_size, max_size))):
        at = at + dt.timedelta(minutes=draw(_STEP))
        e = event(draw, i, at.astimezone(_ZONES[draw(_ZONE)]), tools.change(draw, state))
        state = apply(state, e, plan=p)
        events.append(e)
    return Timeline(tuple(events))


_CODED: Final = Source("D1", "a drawn report", "a drawn outlet")


@st.composite
def datasets(draw: st.DrawFn, plan: Plan | None = None, *, max_size: int = 8) -> Dataset:
    """A strategy for datasets whose releases replay on a plan.

    A drawn timeline cut into one to three releases, each entry a candidate or vetted, some
    corrected or retracted in a later release.

    Args:
        plan: the plan (None: the 29 September text).
        max_size: the most events of the timeline cut into releases.

    Returns:
        A strategy drawing datasets.
    """
    tl = draw(timelines(plan, max_size=max_size))
    n = draw(st.integers(1, 3))
    cuts = sorted(draw(st.lists(st.integers(0, len(tl)), min_size=n - 1, max_size=n - 1)))
    bounds = [0, *cuts, len(tl)]
    versions = [f"2026.{k + 1:02d}" for k in range(n)]
    releases, entries = [], []
    as_of = T0
    for k, version in enumerate(versions):
        part = tl.events[bounds[k] : bounds[k + 1]]
        as_of = max(as_of, part[-1].at if part else as_of)
        releases.append(Release(version, as_of, f"release {k + 1}"))
        for drawn in part:
            ev = drawn if drawn.sources else attrs.evolve(drawn, sources=(_CODED,))
            vetted = draw(st.booleans())
            status = Status.VETTED if vetted else Status.CANDIDATE
            entries.append(Entry(version, "coder", status, "reviewer" if vetted else "", ev))
            later = versions[k + 1 :]
            mark = draw(st.sampled_from(("", "", "corrected", "retracted"))) if later else ""
            if mark:
                when = draw(st.sampled_from(later))
                link: dict[str, Any] = (
                    {"event": attrs.evolve(ev, id=f"{ev.id}-fixed", summary="corrected")}
                    | {"supersedes": ev.id, "reason": "a correction"}
                    if mark == "corrected"
                    else {"id": f"{ev.id}-retracted", "retracts": ev.id, "reason": "a retraction"}
                )
                entries.append(Entry(when, "coder", Status.VETTED, "reviewer", **link))
    return Dataset(tuple(releases), tuple(entries))


@st.composite
def perturbations(draw: st.DrawFn, timeline: Timeline | None = None) -> Perturbation:
    """A strategy for perturbations that suit a timeline.

    :meth:`~gazaplan.runs.perturbations.Perturbation.check` accepts them: delays that never move
    an event earlier, drops and claim picks, each over every event, some of the timeline's ids
    or one of its kinds of event.

    Args:
        timeline: the timeline (None: any timeline).

    Returns:
        A strategy drawing perturbations.
    """
    events = timeline.events if timeline is not None else ()
    picks: list[st.SearchStrategy[Events]] = [st.just(Events())]
    if events:
        picks.append(
            st.builds(
                Events,
                ids=st.lists(
                    st.sampled_from([e.id for e in events]), min_size=1, max_size=3, unique=True
                ),
            )
        )
        picks.append(
            st.builds(
                Events, kinds=st.sampled_from([e.change.tag for e in events]).map(lambda k: (k,))
            )
        )
    chosen = st.one_of(picks)
    spans = st.integers(0, 30).flatmap(
        lambda hi: st.one_of(
            st.builds(Uniform, st.integers(0, hi), st.just(hi)),
            st.builds(Fixed, st.just(hi)),
            st.integers(0, hi).map(lambda m: Triangular(0, m, hi)),
        )
    )
    step = st.one_of(
        st.builds(Delay, spans, chosen, st.sampled_from(("day", "hour"))),
        st.builds(Drop, st.floats(0, 1), chosen),
        st.builds(PickClaim, chosen),
    )
    return Perturbation(tuple(draw(st.lists(step, min_size=1, max_size=4))))
