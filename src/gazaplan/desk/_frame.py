"""The frame of a chart: title, subtitle, key, notes and source line around the plot, texts fitted
to the figure's size at every draw, and the pixel sizes charts are saved at.

A chart that makes its own figure is framed as a newsroom graphic is (after Our World in Data's
grapher and Datawrapper): the title and a subtitle at the top left, a key under them, the plot,
then the notes and a source line at the bottom left. The figure's layout engine,
:class:`FittedLayout`, wraps those texts to the figure's width, lays the axes out with
constrained layout in the room they leave, then runs each plot's fittings (row labels sized to
their rows, labels at the ends of lines spread apart) and lays the axes out again where a
fitting changed what needs room. The figure does so at the start of every draw, so a figure
saved at another size is fitted again, and measures each text once a draw, with the renderer
drawing it (a text's width is first estimated from its characters' advances, so only the
candidates near the room are measured). A chart drawn on axes the caller gives keeps the
caller's figure as it is: its title and subtitle become the axes' title, its notes and sources a
line under the x axis.

Private to the desk: :mod:`gazaplan.desk.plots` builds on it. Matplotlib is imported by the
functions that need it, never when the module loads.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import textwrap
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..exceptions import InvalidValueError, MissingExtraError

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.text import Annotation, Text

__all__ = [
    "BASE_DPI",
    "BASE_INCHES",
    "CLOSE",
    "SIZES",
    "SLACK",
    "Frame",
    "Gauge",
    "day",
    "extent",
    "fit",
    "fit_text",
    "fitted_layout",
    "framed",
    "laid_out_in_draw",
    "layout_for",
    "new_axes",
    "pixels",
    "renderer",
    "right_labels",
    "shorten",
    "source_line",
    "spread_centres",
    "tags",
    "widths",
]

BASE_INCHES: Final = (6.0, 4.0)
"""The page a chart is laid out on, in inches: 600 by 400 pixels at :data:`BASE_DPI`."""

BASE_DPI: Final = 100.0
"""The resolution a chart is laid out at; a larger picture is the same chart at a higher one."""

SIZES: Final = {"small": (600, 400), "large": (1200, 800)}
"""The named sizes a chart is saved at, in pixels (width, height)."""

MOST_TAGS: Final = 6
"""The sources a source line names before it says "and N more"."""

_MARGIN: Final = 7.0  # points between the frame's texts and the figure's edge
_GAP: Final = 3.0  # points between the header's lines
_TITLE: Final[dict[str, Any]] = {"fontsize": 11.0, "fontweight": "bold", "color": "#1b1b1b"}
_SUBTITLE: Final[dict[str, Any]] = {"fontsize": 7.5, "color": "#3d3d3d"}
_FOOTER: Final[dict[str, Any]] = {"fontsize": 6.0, "color": "#555555"}
KEY_FONT: Final = 6.5


@attrs.frozen
class Frame:
    """What a chart says around its plot.

    Attributes:
        title: what the chart shows, in a few words.
        subtitle: how to read it, the data's as-of and the plan version.
        sources: the codes of the sources behind what is drawn, in order, each once.
        notes: what a reader needs to read it right, a sentence each.
    """

    title: str
    subtitle: str
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def day(t: dt.datetime | dt.date) -> str:
    """A day as a reader writes it: ``"9 Oct 2026"``.

    Args:
        t: the instant (its own day) or the day.

    Returns:
        Day, month and year.
    """
    return f"{t.day} {t:%b %Y}"


def tags(sources: Iterable[Any]) -> tuple[str, ...]:
    """The codes of sources, each once, in the order first met.

    Args:
        sources: :class:`~gazaplan.core.sources.Source` objects.

    Returns:
        Their tags (``"WH"``, ``"R7"``), without the points cited.
    """
    return tuple(dict.fromkeys(s.tag for s in sources))


def source_line(codes: Sequence[str], *, most: int = MOST_TAGS) -> str:
    """The source line under a chart: ``"Sources: WH, R7 and 4 more; gazaplan 0.1.0"``.

    Args:
        codes: the sources' codes.
        most: how many to name before "and N more".

    Returns:
        The line, naming the library's release that drew the chart.
    """
    from .. import __version__

    shown = list(codes[:most])
    more = len(codes) - len(shown)
    if not shown:
        named = "none cited"
    elif more:
        named = ", ".join(shown) + f" and {more} more"
    else:
        named = ", ".join(shown)
    word = "Source" if len(codes) == 1 else "Sources"
    return f"{word}: {named}; gazaplan {__version__}"


def shorten(text: str, gauge: Gauge, room: float, *, suffix: str = "") -> str:
    """*text* whole if it fits, else cut at a word (or a character) and ended with an ellipsis.

    The candidates are measured with *suffix* after them (kept whole, as a row's
    ``" (point 4)"``). The search starts at the longest candidate the gauge's estimate says
    fits and measures only around it; the answer is the one measuring each candidate in turn
    would give, where the candidates get narrower as they get shorter.

    Args:
        text: the text.
        gauge: what measures the candidates (in the font they are drawn in).
        room: the widest a candidate (and the suffix) may be, in pixels.
        suffix: what follows the candidate, measured with it (not returned).

    Returns:
        The longest candidate that fits (at least one character and the ellipsis).
    """
    candidates = [text]
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidates.append(" ".join(words).rstrip(",;:") + "…")
    chars = words[0]
    while len(chars) > 1:
        chars = chars[:-1]
        candidates.append(chars + "…")
    best = _longest([c + suffix for c in candidates], gauge, room)
    return candidates[best] if best is not None else chars + "…"


def _longest(
    candidates: Sequence[str],
    gauge: Gauge,
    room: float,
    rough: Sequence[float] | None = None,
) -> int | None:
    """The index of the first candidate (the longest; each narrower than the one before) no
    wider than *room*, or None: where the estimate puts it, checked, then moved by a candidate
    at a time while the measures say so. *rough*: the candidates' estimates, unscaled, where
    the caller has them."""

    def guess(k: int) -> float:
        return rough[k] * gauge.scale if rough is not None else gauge.guess(candidates[k])

    i = next((k for k in range(len(candidates)) if guess(k) <= room + SLACK), len(candidates) - 1)
    if gauge.measure(candidates[i]) <= room:
        while i > 0 and guess(i - 1) <= CLOSE * room + SLACK:
            if gauge.measure(candidates[i - 1]) > room:
                break
            i -= 1
        return i
    return next(
        (k for k in range(i + 1, len(candidates)) if gauge.measure(candidates[k]) <= room), None
    )


def extent(artist: Any) -> Any:
    """An artist's box on the page, in pixels, measured by the renderer of the draw under way.

    An artist keeps the renderer it was last drawn with; a figure saved at another resolution
    draws with a new one, so measuring with the kept one would be off by the ratio. A chart's
    own figure measures with the renderer drawing it (see :func:`renderer`), which remembers each
    text it has measured.

    Args:
        artist: a text, legend or other artist on a figure.

    Returns:
        Its window extent (a matplotlib ``Bbox``).
    """
    return artist.get_window_extent(renderer(artist.get_figure(root=True)))


def renderer(fig: Figure) -> Any:
    """The renderer to measure a figure's texts with: the one drawing it, during a draw.

    A vector backend (SVG, PDF) makes a new renderer at each request, and matplotlib remembers
    the size of a text per renderer: measuring with the one renderer throughout a draw measures
    each text once. A chart's own figure gives the renderer drawing it; the layout holds one for
    the rest.

    Args:
        fig: the figure.

    Returns:
        A matplotlib renderer.
    """
    held = getattr(fig.get_layout_engine(), "renderer", None)
    return held if held is not None else fig._get_renderer()  # type: ignore[attr-defined]


SLACK: Final = 1.0
"""Pixels an estimate may pass the room by and the text still be measured: a text whose
estimate passes the room by more is taken not to fit, unmeasured."""

CLOSE: Final = 1.02
"""How far past the room an estimate may be (scaled as the last text measured compared with
its own) and a longer text still be worth measuring, where a shorter one fits."""

_ADVANCES: dict[tuple[str, str], float] = {}  # (font file, character) -> its advance per point
_FACES: dict[str, Any] = {}  # font file -> a FreeType face of our own, at 100 points


def widths(artist: Text) -> Callable[[str], float]:
    """A quick estimate of the width of one-line texts in *artist*'s font, in the figure's
    pixels: the sum of the characters' advances, each looked up once.

    It leaves out kerning and hinting, and so is close (within a few hundredths; a tenth on a
    coarse raster) but not exact: it tells the candidates worth measuring from those that plainly
    do not fit, and what is kept is measured (:func:`extent`).

    Args:
        artist: the text artist whose font is measured.

    Returns:
        The estimated width of a one-line text, in pixels.
    """
    from matplotlib.font_manager import findfont

    prop = artist.get_fontproperties()
    path = str(findfont(prop))
    fig = artist.get_figure(root=True)
    scale = prop.get_size_in_points() * (fig.dpi if fig is not None else 72.0) / 72.0

    def width(line: str) -> float:
        total = 0.0
        for c in line:
            advance = _ADVANCES.get((path, c))
            if advance is None:
                advance = _ADVANCES[path, c] = _advance(path, c)
            total += advance
        return scale * total

    return width


def _advance(path: str, char: str) -> float:
    """The advance of *char* in the font at *path*, in points per point of size (unhinted)."""
    face = _FACES.get(path)
    if face is None:
        from matplotlib.ft2font import FT2Font

        face = _FACES[path] = FT2Font(path)
        face.set_size(100.0, 72.0)
    glyph = face.load_char(ord(char))
    return float(glyph.linearHoriAdvance) / 65536.0 / 100.0


class Gauge:
    """Widths of one-line texts in one text artist's font, in the figure's pixels: estimated
    from the characters' advances (:func:`widths`), scaled by how the last text measured
    compared with its estimate, or measured (:func:`extent`), which sets the text on the artist.

    Args:
        artist: the text artist that measures (its text is changed by each measure).
    """

    def __init__(self, artist: Text) -> None:
        self.artist = artist
        self.quick = widths(artist)
        self.scale = 1.0

    def guess(self, text: str) -> float:
        """An estimate of *text*'s width, scaled as the last measure was to its estimate."""
        return self.quick(text) * self.scale

    def measure(self, text: str) -> float:
        """*text*'s width as the renderer draws it (it is left set on the artist)."""
        self.artist.set_text(text)
        width = float(extent(self.artist).width)
        rough = self.quick(text)
        if rough > 0 and width > 0:
            self.scale = width / rough
        return width


def _wrap(artist: Text, text: str, width: float, gauge: Gauge | None = None) -> list[str]:
    """Set *text* on *artist*, broken into lines no wider than *width* pixels where words allow;
    the lines.

    Each line holds as many words as fit (one at least): as many as the estimate allows, then
    measured, one word more while that fits, one less while it does not.
    """
    gauge = gauge or Gauge(artist)
    space = gauge.quick(" ")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        while True:
            prefixes = [" ".join(words[:n]) for n in range(len(words), 0, -1)]  # longest first
            ends = list(itertools.accumulate(gauge.quick(w) + space for w in words))
            rough = [ends[n - 1] - space for n in range(len(words), 0, -1)]
            best = _longest(prefixes, gauge, width, rough)
            n = len(words) - (best if best is not None else len(words) - 1)
            lines.append(" ".join(words[:n]))
            words = words[n:]
            if not words:
                break
    artist.set_text("\n".join(lines))
    return lines


def fit_text(artist: Text, text: str, width: float, *, lines: int = 2) -> None:
    """Set *text* on *artist* in at most *lines* lines no wider than *width* pixels: wrapped at
    words, the last line cut with an ellipsis where the text is longer.

    Args:
        artist: the text artist.
        text: the whole text.
        width: the room across, in pixels.
        lines: the most lines.
    """
    gauge = Gauge(artist)
    wrapped = _wrap(artist, text, width, gauge)
    if len(wrapped) <= lines and all(gauge.measure(line) <= width for line in wrapped):
        artist.set_text("\n".join(wrapped))
        return
    head = wrapped[: lines - 1]
    last = shorten(" ".join(wrapped[lines - 1 :]) + " …", gauge, width)
    artist.set_text("\n".join([*head, last]))


def _import_layout() -> Any:
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    return ConstrainedLayoutEngine


def new_axes(feature: str) -> Axes:
    """A new figure at the base size, laid out by :class:`FittedLayout`, and its one axes.

    Args:
        feature: what needs it, for the error.

    Returns:
        The axes.

    Raises:
        MissingExtraError: if matplotlib (the ``plot`` extra) is not installed.
    """
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise MissingExtraError(feature, "plot", "matplotlib") from None
    fig = plt.figure(figsize=BASE_INCHES, dpi=BASE_DPI, FigureClass=_figure_class())
    fig.set_layout_engine(fitted_layout())
    return fig.add_subplot()


_FIGURE: list[type] = []


def _figure_class() -> type:
    """The class of a chart's own figure: a matplotlib figure that lays itself out at the start
    of each draw, measuring its texts with the renderer drawing it.

    Matplotlib remembers the size of a text per renderer, and a vector backend (SVG, PDF) makes
    a new renderer for each request: the layout (constrained, with the fittings after) and the
    drawing would measure every text afresh each time. With the one renderer, each text is
    measured once a draw. Laid out before the draw gathers its artists, the figure draws the key
    the layout picked, made then if need be.
    """
    if _FIGURE:
        return _FIGURE[0]
    from matplotlib.figure import Figure as MplFigure

    class FittedFigure(MplFigure):
        """A figure laid out at the start of each draw, with the renderer drawing it."""

        _drawing: Any = None  # the renderer drawing the figure, during a draw
        _pending: Any = None  # the layout engine, while saving (see laid_out_in_draw)

        def draw(self, renderer: Any) -> None:
            before, self._drawing = self._drawing, renderer
            try:
                engine = _engine_of(self)
                if engine is None or not self.axes:
                    super().draw(renderer)
                    return
                with (
                    _unplaced_empty_labels(self),
                    _remembered_sizes(renderer),
                    _remembered_heights(self, renderer),
                    _layouts_once(),
                ):
                    with contextlib.suppress(ValueError):  # as matplotlib's: a resize may
                        engine.execute(self)
                    with _without_layout(self), contextlib.ExitStack() as stack:
                        for ax in self.axes:  # laid out: the draw would lay it out again
                            stack.enter_context(_ticks_once(ax))
                        super().draw(renderer)
            finally:
                self._drawing = before

        def _get_renderer(self) -> Any:
            if self._drawing is not None:
                return self._drawing
            return super()._get_renderer()  # type: ignore[misc]

    _FIGURE.append(FittedFigure)
    return FittedFigure


_SIZES: dict[tuple[Any, ...], tuple[float, float, float]] = {}
"""The sizes of the texts SVG renderers have measured, by the text and everything that sizes it
(bounded: emptied when it holds :data:`_MOST_SIZES`)."""

_MOST_SIZES: Final = 20_000


@contextlib.contextmanager
def _remembered_sizes(renderer: Any) -> Iterator[None]:
    """In the context, an SVG renderer (the one *renderer* draws with) measures each text once
    in the process, not once per renderer.

    Matplotlib remembers the size of a text per renderer, and makes a new renderer for each
    SVG it writes: a chart written again, or another chart with the same title, ticks or
    source line, would measure every text again, and measuring is most of what writing a
    chart's texts costs. An SVG renderer's measure is a function of the text, its font
    properties and a few settings (its own size and resolution do not enter), so it is kept
    under all of them.
    """
    from matplotlib.backends.backend_svg import RendererSVG

    inner = getattr(renderer, "_renderer", renderer)  # the SVG renderer a mixed one draws with
    if not isinstance(inner, RendererSVG) or "get_text_width_height_descent" in vars(inner):
        yield
        return
    measure: Callable[..., Any] = inner.get_text_width_height_descent

    def remembered(s: str, prop: Any, ismath: Any) -> Any:
        if ismath is not False:  # math and TeX depend on more settings: measured each time
            return measure(s, prop, ismath)
        key = (s, *_font_key(prop))
        size = _SIZES.get(key)
        if size is None:
            if len(_SIZES) >= _MOST_SIZES:
                _SIZES.clear()
            w, h, d = measure(s, prop, ismath)
            size = _SIZES[key] = (float(w), float(h), float(d))
        return size

    inner.get_text_width_height_descent = remembered  # type: ignore[method-assign]
    try:
        yield
    finally:
        del inner.get_text_width_height_descent


@contextlib.contextmanager
def _remembered_heights(fig: Figure, renderer: Any) -> Iterator[None]:
    """In the context, the renderer drawing *fig* looks each font's line heights up once.

    Matplotlib (3.11 on) lays every text out with its font's ascent, descent and line gap, read
    from the font file's tables each time: found by its properties, opened and read at every
    measure and draw of every text, a tenth of a chart's time. A renderer may give them itself
    (PDF and PostScript do); this one gives matplotlib's own, each font and size worked out once
    in the draw. Where matplotlib does not ask a renderer for them, or the renderer has its own,
    nothing changes.
    """
    from matplotlib.text import Text

    asked = Text._get_layout.__code__.co_names  # type: ignore[attr-defined]
    if "_get_font_height_metrics" not in asked or hasattr(renderer, "_get_font_height_metrics"):
        yield
        return
    known: dict[tuple[int, float], tuple[float | None, float | None, float | None]] = {}

    def heights(prop: Any) -> tuple[float | None, float | None, float | None]:
        key = (hash(prop), float(fig.dpi))
        got = known.get(key)
        if got is None:
            got = known[key] = _font_heights(prop, fig.dpi)
        return got

    try:
        renderer._get_font_height_metrics = heights
    except AttributeError:  # a renderer that takes no attributes of ours
        yield
        return
    try:
        yield
    finally:
        del renderer._get_font_height_metrics


@contextlib.contextmanager
def _layouts_once() -> Iterator[None]:
    """In the context, each text is laid out once for what it says and how, by each renderer.

    Matplotlib lays a text out (its lines, their sizes and the box around them) each time the
    text is measured or drawn: a chart's layout measures each text two or three times and
    the draw once more, and a key's texts are laid out again for each box the key nests them
    in. The layout is a function of the text, its font, alignment, spacing and rotation, the
    figure's resolution and the renderer, so it is kept under all of them, for the context
    (a draw). A text that wraps, turns with its transform or is set by TeX is laid out each
    time, as before.
    """
    from matplotlib.text import Text

    layout: Callable[[Text, Any], Any] = Text._get_layout  # type: ignore[attr-defined]
    if getattr(layout, "_kept", False):  # an enclosing context keeps them already
        yield
        return
    kept: dict[tuple[Any, ...], Any] = {}

    def remembered(text: Any, renderer: Any) -> Any:
        if text.get_wrap() or text.get_transform_rotates_text() or text.get_usetex():
            return layout(text, renderer)
        fig = text.get_figure(root=True)
        key = (
            text,
            renderer,
            text.get_text(),
            hash(text.get_fontproperties()),
            fig.dpi if fig is not None else None,
            text._linespacing,
            text._multialignment,
            text._horizontalalignment,
            text._verticalalignment,
            text._rotation,
            text.get_rotation_mode(),
            text.get_parse_math(),
        )
        got = kept.get(key)
        if got is None:
            got = kept[key] = layout(text, renderer)
        return got

    remembered._kept = True  # type: ignore[attr-defined]
    Text._get_layout = remembered  # type: ignore[attr-defined]
    try:
        yield
    finally:
        Text._get_layout = layout  # type: ignore[attr-defined]


def _font_heights(prop: Any, dpi: float) -> tuple[float | None, float | None, float | None]:
    """A font's ascent, descent and line gap in pixels at *dpi*, as matplotlib's text layout
    reads them from the font's tables (OS/2, else hhea); None where neither is there."""
    from matplotlib.font_manager import fontManager, get_font

    font: Any = get_font(fontManager._find_fonts_by_props(prop))  # its tables, loosely typed
    for name, gap, ascent, descent in (
        ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
        ("hhea", "lineGap", "ascent", "descent"),
    ):
        table = font.get_sfnt_table(name)
        if table is None:
            continue
        head = font.get_sfnt_table("head")
        assert head is not None  # every TrueType font has one
        scale = 1 / head["unitsPerEm"] * prop.get_size_in_points() * dpi / 72
        return table[ascent] * scale, -table[descent] * scale, table[gap] * scale
    return None, None, None


def _font_key(prop: Any) -> tuple[Any, ...]:
    """Everything an SVG renderer's measure of a text depends on, but the text: the font
    properties, the font files they name now and the settings that shape the glyphs."""
    import matplotlib
    from matplotlib.font_manager import findfont

    rc: Any = matplotlib.rcParams
    families = tuple(prop.get_family())
    return (
        families,
        *(tuple(rc.get(f"font.{f}", ())) for f in families),  # a generic family's fonts
        prop.get_style(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_size_in_points(),
        prop.get_file(),
        findfont(prop),
        rc["text.hinting_factor"],
        rc["text.kerning_factor"],
    )


@contextlib.contextmanager
def _unplaced_empty_labels(fig: Figure) -> Iterator[None]:
    """In the context, an axis label with no text is not placed: matplotlib places an axis label
    clear of the tick labels at every layout and draw, measuring every tick label again and
    working the ticks out again each time, though an empty label draws nothing wherever it is.
    """
    empty = [
        axis
        for ax in fig.axes
        for axis in (ax.xaxis, ax.yaxis)
        if not axis.label.get_text() and getattr(axis, "_autolabelpos", False)
    ]
    for axis in empty:
        axis._autolabelpos = False  # type: ignore[union-attr]
    try:
        yield
    finally:
        for axis in empty:
            axis._autolabelpos = True  # type: ignore[union-attr]


@contextlib.contextmanager
def _without_layout(fig: Figure) -> Iterator[Any]:
    """The figure with no layout engine at all, in the context; the engine it had."""
    import matplotlib

    engine = fig.get_layout_engine()
    if engine is None:
        yield None
        return
    with matplotlib.rc_context(
        {"figure.autolayout": False, "figure.constrained_layout.use": False}
    ):
        fig.set_layout_engine(None)  # None, not "none": a placeholder is an engine still
    try:
        yield engine
    finally:
        fig.set_layout_engine(engine)


@contextlib.contextmanager
def laid_out_in_draw(fig: Figure) -> Iterator[None]:
    """While in the context, save a chart's own figure in one draw that lays it out too.

    ``savefig`` lays a figure with a layout engine out in a draw of its own (drawing nothing)
    before the draw that writes the file, with a renderer of its own: every text is measured
    twice, and every artist walked twice. In the context, the figure has no layout engine for
    ``savefig`` to see, and a chart's own figure runs its own at the start of the draw, with
    the renderer drawing it: the same layout, the same file, in one draw. Any other figure is
    left as it is.

    Args:
        fig: the figure about to be saved.

    Yields:
        Nothing; the figure is as it was after the context.
    """
    if not (_FIGURE and isinstance(fig, _FIGURE[0])) or _engine_of(fig) is None:
        yield
        return
    with _without_layout(fig) as engine:
        fig._pending = engine  # type: ignore[attr-defined]
        try:
            yield
        finally:
            fig._pending = None  # type: ignore[attr-defined]


def fitted_layout() -> Any:
    """A :class:`FittedLayout` (its class is made when matplotlib is first needed).

    Returns:
        A new layout engine.
    """
    return _fitted_class()()


_CLASS: list[type] = []


def _fitted_class() -> type:
    if _CLASS:
        return _CLASS[0]
    base = _import_layout()

    class FittedLayout(base):  # type: ignore[misc, valid-type]
        """Constrained layout inside the room a chart's header and footer leave, with fittings.

        At each draw: wrap the header and footer to the figure's width and place them; run the
        early fittings; lay the axes out in the rest; run the fittings; lay the axes out again
        where a fitting changed what the layout makes room for.
        """

        def __init__(self) -> None:
            super().__init__(h_pad=4 / 72, w_pad=4 / 72)
            self.renderer: Any = None  # the one every measurement uses, during a layout
            self.fits: list[Callable[[], bool]] = []
            self.early: list[Callable[[], bool]] = []  # those run before the layout too
            self.title: Text | None = None
            self.subtitle: Text | None = None
            self.footer: Text | None = None
            self.texts: dict[str, str] = {}
            self.key: list[tuple[Artist, str]] = []  # the key's entries: handle, label
            self.keys: dict[int, Legend] = {}  # the key made in so many columns
            self.placed: Any = None  # the page and the room the axes were last laid out in

        def execute(self, fig: Figure) -> Any:
            self.renderer = fig._get_renderer()  # type: ignore[attr-defined]
            try:
                top, bottom = self._place(fig)
                height = fig.bbox.height
                room = max(height - top - bottom, 0.2 * height)
                self.set(rect=(0, bottom / height, 1, room / height))
                for fitting in self.early:
                    fitting()
                self._lay_out(fig)
                changed = [fitting() for fitting in self.fits]  # each runs
                if any(changed):
                    self._lay_out(fig)
                return None
            finally:
                self.renderer = None

        def _lay_out(self, fig: Figure) -> None:
            """Lay the axes out in the room: a chart's one plain axes as constrained layout
            would, measured once where its ticks stay as they were; else by constrained layout.

            Constrained layout measures the axes' decorations where the axes stand, moves the
            axes to leave them room, and measures and moves them again, as their ticks may
            change with the axes' size. Here the axes are first put about where they will go
            (where the last layout put them, or inside the room as the figure's subplot
            parameters put them in the page), measured once, and moved; measured again only
            where a move changed an axis's ticks.
            """
            ax = _lone_axes(fig)
            if ax is None:
                super().execute(fig)
                return
            width, height = fig.get_size_inches()
            params = self.get()
            x, y, w, h = params["rect"]
            w_pad, h_pad = params["w_pad"] / width, params["h_pad"] / height
            if self.placed != (width, height, x, y, w, h):  # a first guess, in the room
                sub = fig.subplotpars
                ax._set_position(  # type: ignore[attr-defined]
                    [x + sub.left * w, y + sub.bottom * h, (sub.right - sub.left) * w,
                     (sub.top - sub.bottom) * h]
                )  # fmt: skip
            for _ in range(2):
                pos = ax.get_position(original=True)
                with _ticks_once(ax):
                    tight = ax.get_tightbbox(self.renderer, for_layout_only=True)
                    ticks = _tick_places(ax)
                if tight is None:
                    return
                box = tight.transformed(fig.transSubfigure.inverted())
                x0 = x + w_pad + (pos.x0 - box.x0)
                x1 = x + w - w_pad - (box.x1 - pos.x1)
                y0 = y + h_pad + (pos.y0 - box.y0)
                y1 = y + h - h_pad - (box.y1 - pos.y1)
                if x1 <= x0 or y1 <= y0:
                    warnings.warn(_COLLAPSED, UserWarning, stacklevel=2)
                    return
                ax._set_position([x0, y0, x1 - x0, y1 - y0])  # type: ignore[attr-defined]
                self.placed = (width, height, x, y, w, h)
                if (
                    abs(x1 - x0 - pos.width) <= _SETTLED * pos.width
                    and abs(y1 - y0 - pos.height) <= _SETTLED * pos.height
                    and _tick_places(ax) == ticks
                ):
                    break  # the decorations stand (to a fraction of a pixel) as measured

        def _place(self, fig: Figure) -> tuple[float, float]:
            """Wrap and place the header and footer; their heights in pixels."""
            width, height = fig.bbox.width, fig.bbox.height
            pt = fig.dpi / 72
            margin, gap = _MARGIN * pt, _GAP * pt
            inner = width - 2 * margin
            y = height - margin
            for name, artist in (("title", self.title), ("subtitle", self.subtitle)):
                if artist is None:
                    continue
                _wrap(artist, self.texts[name], inner)
                artist.set_position((margin / width, y / height))
                y -= extent(artist).height + gap
            if self.key:
                legend = self._key(fig, inner)
                legend.set_bbox_to_anchor((margin / width, y / height), transform=fig.transFigure)
                y -= extent(legend).height + gap
            bottom = 0.0
            if self.footer is not None:
                _wrap(self.footer, self.texts["footer"], inner)
                self.footer.set_position((margin / width, margin / height))
                bottom = margin + extent(self.footer).height + gap
            return height - y, bottom

        def _key(self, fig: Figure, inner: float) -> Legend:
            """The key in as many columns as fit the width, or in one: each number of columns
            tried is made once and kept (all but the one chosen hidden), most columns first."""
            chosen: Legend | None = None
            for ncols in range(len(self.key), 0, -1):
                if ncols not in self.keys:
                    self.keys[ncols] = _legend(fig, self.key, ncols)
                legend = self.keys[ncols]
                legend.set_visible(True)
                if extent(legend).width <= inner or ncols == 1:
                    chosen = legend
                    break
                legend.set_visible(False)
            for legend in self.keys.values():
                legend.set_visible(legend is chosen)
            assert chosen is not None  # a key has one entry at least
            return chosen

    _CLASS.append(FittedLayout)
    return FittedLayout


_COLLAPSED: Final = (
    "constrained_layout not applied because axes sizes collapsed to zero.  Try making figure "
    "larger or Axes decorations smaller."
)  # matplotlib's own words, where the room is too small for the axes' decorations


_SETTLED: Final = 0.25
"""How much the axes' width and height may change in a layout (as a share of each), their
ticks unchanged, and the layout not measure them again. What reaches past the axes moves with
their size, not with where they stand: a decoration anchored on an edge (a label beside the
axes, the row labels) not at all, a tick label at an end by that share of the part of it that
reaches past the edge at most (a pixel or two, inside the layout's padding)."""


def _tick_places(ax: Axes) -> list[tuple[float, ...]]:
    """Where each axis of *ax* puts its ticks (in view or not), as it stands."""
    return [tuple(axis.get_majorticklocs()) for axis in ax._axis_map.values()]


def _lone_axes(fig: Figure) -> Axes | None:
    """The figure's one axes, where it is all constrained layout would lay out and it lays it
    out as one cell of a grid: a plain subplot, no colorbar, subfigure, figure-wide title or
    fixed aspect; else None."""
    if len(fig.axes) != 1 or fig.subfigs:
        return None
    ax = fig.axes[0]
    spec = ax.get_subplotspec()
    plain = (
        spec is not None
        and spec.get_gridspec().get_geometry() == (1, 1)
        and ax.get_in_layout()
        and ax.get_visible()
        and ax.get_axes_locator() is None
        and ax.get_aspect() == "auto"
        and not getattr(ax, "_colorbars", ())
        and all(
            getattr(fig, name, None) is None for name in ("_suptitle", "_supxlabel", "_supylabel")
        )
    )
    return ax if plain else None


@contextlib.contextmanager
def _ticks_once(ax: Axes) -> Iterator[None]:
    """In the context, each axis of *ax* works its ticks out once for its view and size.

    Measuring an axes asks each axis for its ticks several times (the axis, its spine, its
    label's placing each do): each time the locator and the formatter run again and every
    tick is moved and labelled again, to the same effect while nothing changes. Nothing does
    while the axes is measured or drawn; the view and the axes' box are checked all the same.
    """
    axes: list[Any] = [a for a in ax._axis_map.values() if "_update_ticks" not in vars(a)]
    for axis in axes:
        update: Callable[[], list[Any]] = axis._update_ticks
        kept: list[Any] = []

        def once(axis: Any = axis, update: Callable[[], list[Any]] = update,
                 kept: list[Any] = kept) -> list[Any]:  # fmt: skip
            key = (tuple(axis.get_view_interval()), axis.axes.bbox.bounds)
            if not kept or kept[0] != key:
                kept[:] = [key, update()]
            return list(kept[1])

        axis._update_ticks = once
    try:
        yield
    finally:
        for axis in axes:
            del axis._update_ticks


def _engine(ax: Axes) -> Any:
    """The axes' figure's :class:`FittedLayout`, or None where the caller made the figure."""
    fig = ax.get_figure(root=True)
    return _engine_of(fig) if fig is not None else None


def _engine_of(fig: Figure) -> Any:
    """The figure's :class:`FittedLayout` (the one it runs in its draw, where it does), or None."""
    engine = getattr(fig, "_pending", None) or fig.get_layout_engine()
    return engine if _CLASS and isinstance(engine, _CLASS[0]) else None


def framed(ax: Axes, frame: Frame, key: Sequence[tuple[Artist, str]] = ()) -> None:
    """Put the frame around a chart: header, key, footer.

    On a figure the chart made (laid out by :class:`FittedLayout`), the header and footer are
    the figure's; on the caller's axes, the axes' title and a line under the x axis.

    Args:
        ax: the chart's axes.
        frame: what it says.
        key: the key's entries (a handle and its label each); none for no key.
    """
    notes = [f"Note: {n}" for n in frame.notes]
    footer = "\n".join([*notes, source_line(frame.sources)])
    engine = _engine(ax)
    if engine is None:
        width = _chars(ax, 8.5)
        head = "\n".join(textwrap.wrap(frame.title, width) + textwrap.wrap(frame.subtitle, width))
        ax.set_title(head, loc="left", fontsize=8.5)
        below = [ax.get_xlabel()] if ax.get_xlabel() else []
        lines = [w for line in footer.split("\n") for w in textwrap.wrap(line, _chars(ax, 6))]
        ax.set_xlabel("\n".join(below + lines), loc="left", fontsize=6, color="#555555")
        if key:  # beside the axes, never over what is drawn
            ax.legend(
                [h for h, _ in key],
                [label for _, label in key],
                fontsize=KEY_FONT,
                loc="upper left",
                bbox_to_anchor=(1.02, 1.0),
                frameon=False,
                borderaxespad=0,
            )
        return
    fig = ax.get_figure(root=True)
    assert fig is not None
    engine.texts = {"title": frame.title, "subtitle": frame.subtitle, "footer": footer}
    engine.title = fig.text(0, 1, frame.title, ha="left", va="top", **_TITLE)
    engine.subtitle = fig.text(0, 1, frame.subtitle, ha="left", va="top", **_SUBTITLE)
    engine.footer = fig.text(0, 0, footer, ha="left", va="bottom", **_FOOTER)
    engine.key = list(key)


def _legend(fig: Figure, key: Sequence[tuple[Artist, str]], ncols: int) -> Legend:
    """The figure's key in *ncols* columns (hidden until the layout picks it)."""
    import matplotlib

    with matplotlib.rc_context({"text.parse_math": False}):  # a label's "$" is text
        legend = fig.legend(
            [h for h, _ in key],
            [label for _, label in key],
            loc="upper left",
            ncols=ncols,
            frameon=False,
            fontsize=KEY_FONT,
            borderpad=0,
            borderaxespad=0,
            handlelength=1.3,
            handleheight=0.9,
            handletextpad=0.4,
            columnspacing=1.1,
            labelspacing=0.3,
        )
    legend.set_visible(False)
    return legend


def _chars(ax: Axes, fontsize: float) -> int:
    """About how many characters of *fontsize* points fit the axes' width, once the layout has
    made room for the labels beside it (taken as two fifths of it)."""
    fig = ax.get_figure(root=True)
    assert fig is not None
    inches = fig.get_size_inches()[0] * ax.get_position().width * 0.6
    return max(20, int(inches * 72 / (0.55 * fontsize)))


def fit(ax: Axes, fitting: Callable[[], bool], *, early: bool = False) -> None:
    """Run *fitting* at every layout of the chart's figure (once, now, on the caller's axes).

    Args:
        ax: the chart's axes.
        fitting: what fits the chart's texts to the room the layout gave its axes; it says
            whether it changed what the layout makes room for (the layout runs again if so).
        early: run it before the layout too, on the axes as they stand (as last laid out, or
            where the figure first puts them), so that the layout makes room for its texts as
            they will be: where its result does not depend on the few points the layout moves
            the axes by, the layout runs once.
    """
    engine = _engine(ax)
    if engine is None:
        fitting()
    else:
        engine.fits.append(fitting)
        if early:
            engine.early.append(fitting)


def right_labels(
    ax: Axes, labels: Sequence[tuple[float, str, str]], *, fontsize: float = 6.5
) -> list[Annotation]:
    """Labels just right of the axes, each at the height of its line's end, spread apart.

    Args:
        ax: the axes.
        labels: (the y of the line's end in data units, the text, the colour) for each line.
        fontsize: the labels' size in points.

    Returns:
        The labels, in the order given.
    """
    made = [
        ax.annotate(
            text,
            (1, 0.5),
            xycoords="axes fraction",
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            fontsize=fontsize,
            color=colour,
            annotation_clip=False,
        )
        for _, text, colour in labels
    ]
    wanted = [y for y, _, _ in labels]

    def spread() -> bool:
        fig = ax.get_figure(root=True)
        assert fig is not None
        box = ax.bbox
        gap = 1.5 * fig.dpi / 72
        heights = [extent(a).height for a in made]
        targets = [ax.transData.transform((0, y))[1] for y in wanted]
        at = spread_centres(targets, heights, box.y0, box.y1, gap)
        for annotation, y in zip(made, at, strict=True):
            annotation.xy = (1, (y - box.y0) / box.height if box.height else 0.5)
        # Laid out first at mid-height, the labels took no room above or below the axes; they
        # need the layout again only where they reach past them now.
        return any(
            y - h / 2 < box.y0 - 0.5 or y + h / 2 > box.y1 + 0.5
            for y, h in zip(at, heights, strict=True)
        )

    fit(ax, spread)
    return made


def spread_centres(
    targets: Sequence[float], heights: Sequence[float], low: float, high: float, gap: float
) -> list[float]:
    """Centres for labels of *heights*, each as near its target as it can be with no two labels
    closer than *gap*, inside [*low*, *high*] where they fit (kept from the bottom up where they
    do not).

    Args:
        targets: where each label would go, in pixels up the page.
        heights: each label's height in pixels.
        low: the lowest a label may reach.
        high: the highest.
        gap: the least room between two labels.

    Returns:
        Each label's centre, in the order given.
    """
    order = sorted(range(len(targets)), key=lambda i: -targets[i])
    at = [0.0] * len(targets)
    previous: int | None = None
    for i in order:  # top down: each below the one above
        y = min(targets[i], high - heights[i] / 2)
        if previous is not None:
            y = min(y, at[previous] - (heights[previous] + heights[i]) / 2 - gap)
        at[i] = y
        previous = i
    following: int | None = None
    for i in reversed(order):  # bottom up: each above the one below, inside the axes
        y = max(at[i], low + heights[i] / 2)
        if following is not None:
            y = max(y, at[following] + (heights[following] + heights[i]) / 2 + gap)
        at[i] = y
        following = i
    return at


def pixels(size: str | tuple[int, int], where: str) -> tuple[int, int]:
    """A size to save at, in pixels: ``"small"`` (600x400), ``"large"`` (1200x800) or a pair.

    Args:
        size: the name or (width, height) in pixels, each 100 to 10,000.
        where: what is given it, for the error.

    Returns:
        (width, height).

    Raises:
        InvalidValueError: an unknown name, or a pair out of range.
    """
    if isinstance(size, str):
        if size in SIZES:
            return SIZES[size]
    else:
        given: Any = size
        if (
            isinstance(given, tuple)
            and len(given) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in given)
            and all(100 <= n <= 10_000 for n in given)
        ):
            return given[0], given[1]
    raise InvalidValueError(
        where,
        size,
        "a size is 'small' (600x400 pixels), 'large' (1200x800) or a (width, height) pair "
        "of whole pixels, each 100 to 10,000",
        "Pass size='small', size='large' or size=(900, 600).",
    )


def layout_for(width: int, height: int) -> tuple[tuple[float, float], float]:
    """The page and resolution a picture of *width* by *height* pixels is drawn at.

    The chart keeps the base page's proportions of text to room: the scale is the smaller of
    the two ratios to 600x400, the resolution that scale times :data:`BASE_DPI`, and the page
    the pixels at that resolution (so 1200x800 is the 600x400 chart at twice the resolution,
    and 1200x600 a wider page at one and a half).

    Args:
        width: pixels across.
        height: pixels down.

    Returns:
        ((width, height) in inches, dots per inch).
    """
    scale = min(width / SIZES["small"][0], height / SIZES["small"][1])
    dpi = BASE_DPI * scale
    return (width / dpi, height / dpi), dpi
