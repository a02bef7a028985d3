"""The report, the plots and the tables at their edges: labels with dollar signs, links that are
not web addresses, unique SVG ids, plots that say what is missing and stop at "as of", and frames
named and typed as the rest of the library."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections import Counter
from typing import Any, cast

import attrs
import matplotlib as mpl
import pytest

mpl.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

import gazaplan as gp
from gazaplan.desk.plots import STATUS_COLOURS, plot_exchange, plot_obligations, plot_withdrawal

PLAN = gp.plan()
TL = gp.timeline()


def _floats(values: object) -> list[float]:
    return [float(v) for v in np.asarray(values, dtype=float)]


@pytest.fixture(autouse=True)
def _close() -> object:
    yield None
    plt.close("all")


def _with_claimant(name: str) -> gp.Plan:
    first = PLAN.lines[1]
    claim = attrs.evolve(first.israeli_share[0], claimed_by=name)
    line = attrs.evolve(first, israeli_share=(claim, *first.israeli_share[1:]))
    return attrs.evolve(PLAN, lines=(PLAN.lines[0], line, *PLAN.lines[2:]))


@pytest.mark.parametrize("name", ["Gaza MoH $x^$ reading", "$5 or $10", "a \\frac{1}{2} $$"])
def test_a_dollar_in_a_label_is_text_not_math(name: str) -> None:
    ax = plot_withdrawal(_with_claimant(name), TL)
    fig = ax.get_figure()
    assert isinstance(fig, Figure)
    fig.savefig(io.BytesIO(), format="svg")  # mathtext would fail to parse, or render math
    legend = ax.get_legend()
    assert legend is not None
    texts = [t for t in legend.get_texts() if name in t.get_text()]
    assert texts
    assert all(not t.get_parse_math() for t in texts)
    page = gp.html_report(_with_claimant(name), TL)
    assert "<svg" in page


def test_only_web_addresses_become_links() -> None:
    bad = gp.Source("BAD-1", "A hostile entry", "nowhere", url="javascript:alert(1)")
    data = gp.Source("BAD-2", "Another", "nowhere", url="data:text/html,<b>x</b>")
    good = gp.Source("OK-1", "A real page", "somewhere", url="https://example.org/a?b=c&d=e")
    plan = attrs.evolve(PLAN, sources=(*PLAN.sources, bad, data, good))
    page = gp.html_report(plan, TL, plots=False)
    assert 'href="javascript:' not in page
    assert 'href="data:' not in page
    assert "javascript:alert(1)" in page  # shown, as text
    assert 'href="https://example.org/a?b=c&amp;d=e"' in page


def test_svg_ids_are_unique_in_the_page_and_every_reference_resolves() -> None:
    page = gp.html_report(PLAN, TL)
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert ids
    assert [k for k, n in ids.items() if n > 1] == []
    refs = set(re.findall(r'href="#([^"]+)"', page)) | set(re.findall(r"url\(#([^)]+)\)", page))
    assert refs
    assert refs <= set(ids)


def test_fulfilled_without_a_deadline_has_its_own_colour() -> None:
    on_time, plain = gp.ComplianceStatus.FULFILLED_ON_TIME, gp.ComplianceStatus.FULFILLED
    assert STATUS_COLOURS[on_time] != STATUS_COLOURS[plain]
    assert len(set(STATUS_COLOURS.values())) >= len(STATUS_COLOURS) - 1  # pending = partly


def test_obligation_bars_stop_at_the_as_of_line() -> None:
    at = TL.events[10].at
    report = gp.compliance(PLAN, TL, at=at)
    ax = plot_obligations(report)
    end = at.timestamp() / 86400.0
    bars = [
        cast("Any", path.vertices)
        for c in ax.collections
        if isinstance(c, PolyCollection)
        for path in c.get_paths()
    ]
    assert bars
    assert all(np.ptp(v[:, 1]) == pytest.approx(0.6) for v in bars)  # a period's bar each
    assert all(v[:, 0].max() <= end + 1e-9 for v in bars)


def test_the_exchange_in_counts_shows_the_remains_from_october() -> None:
    ax = plot_exchange(PLAN, TL, counts=True)
    remains = next(line for line in ax.lines if str(line.get_label()).startswith("Gazan remains"))
    xs, ys = _floats(remains.get_xdata()), _floats(remains.get_ydata())
    november = dt.datetime(2025, 11, 1, tzinfo=dt.UTC).timestamp() / 86400.0
    known = [y for x, y in zip(xs, ys, strict=True) if x < november and not math.isnan(y)]
    assert max(known) >= 45


def test_every_gap_in_the_exchange_is_labelled() -> None:
    ax = plot_exchange(PLAN, TL)
    remains = next(line for line in ax.lines if str(line.get_label()).startswith("Gazan remains"))
    ys = _floats(remains.get_ydata())
    gaps = sum(
        1 for i, y in enumerate(ys) if math.isnan(y) and (i == 0 or not math.isnan(ys[i - 1]))
    )
    notes = [t.get_text() for t in ax.texts if t.get_text().startswith("Gazan")]
    assert gaps >= 1
    assert len(notes) >= gaps - 1  # each gap with a reason (none while nothing is owed yet)
    assert any("not known" in n for n in notes)


def test_withdrawal_claims_are_marked_when_reported_and_references_differ() -> None:
    ax = plot_withdrawal(PLAN, TL)
    markers = [line for line in ax.lines if line.get_marker() == "o" and _floats(line.get_xdata())]
    assert markers
    rules = [
        (line.get_color(), str(line.get_linestyle()))
        for line in ax.lines
        if str(line.get_label()).startswith("plan:")
    ]
    assert len(rules) == sum(len(line.israeli_share) for line in PLAN.lines)
    assert len(set(rules)) == len(rules)


def test_history_frames_use_fact_ids_the_events_zone_and_whole_numbers() -> None:
    frame = gp.history(PLAN, TL).to_pandas()
    assert "response.hamas" in frame.columns
    assert "responses.hamas" not in frame.columns
    assert "approved.israel" in frame.columns
    assert str(frame["at"].dt.tz) == str(TL.to_pandas()["at"].dt.tz) == "Asia/Jerusalem"
    remains = frame["israeli_hostage_remains_returned"]
    assert str(remains.dtype) == "Int64"
    assert remains.isna().any()
    assert str(frame["hostages_living_returned"].dtype) == "Int64"


@pytest.mark.parametrize("counts", [False, True])
def test_the_exchange_view_spans_the_timeline(counts: bool) -> None:
    _, ax = plt.subplots()
    plot_exchange(PLAN, TL, ax=ax, counts=counts)
    left, right = ax.get_xlim()
    first, last = TL.events[0].at.timestamp() / 86400.0, TL.events[-1].at.timestamp() / 86400.0
    assert left <= first
    assert right >= last
    bottom, top = ax.get_ylim()
    assert bottom <= 0
    assert top >= (1718 if counts else 100)


def test_an_obligation_with_no_obligor_says_so_in_the_page() -> None:
    page = gp.html_report(PLAN, TL, plots=False)
    compliance = page[page.index('id="compliance"') :]
    row = compliance[compliance.index("p7-full-aid") :][:200]
    assert (
        "<td>no obligor named in the text</td>" in row
    )  # never "none", which reads as nobody owes it


def test_a_fact_first_set_late_keeps_its_column() -> None:
    at = dt.datetime(2025, 10, 5, tzinfo=dt.UTC)
    plan = gp.plan("2025-09-29")
    late = gp.Timeline([gp.Event("e1", at, gp.Approved("qatar"))])
    frame = gp.history(plan, late).to_pandas()
    assert "approved.qatar" in frame.columns
    assert frame["approved.qatar"].isna().iloc[0]
    assert bool(frame["approved.qatar"].iloc[1]) is True
    empty = gp.ComplianceReport("v", at, ()).to_pandas()
    assert list(empty.columns) == list(gp.compliance(plan, late).to_pandas().columns)
