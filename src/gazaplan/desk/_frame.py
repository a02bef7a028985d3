"""The frame of a chart: title, subtitle, key, notes and source line around the plot, texts fitted
to the figure's size at every draw, and the pixel sizes charts are saved at.

A chart that makes its own figure is framed as a newsroom graphic is (after Our World in Data's
grapher and Datawrapper): the title and a subtitle at the top left, a key under them, the plot,
then the notes and a source line at the bottom left. The figure's layout engine,
:class:`FittedLayout`, wraps those texts to the figure's width, lays the axes out with
constrained layout in the room they leave, then runs each plot's fittings (row labels sized to
their rows, labels at the ends of lines spread apart) and lays the axes out again. It does so at
every draw, so a figure saved at another size is fitted again. A chart drawn on axes the caller
gives keeps the caller's figure as it is: its title and subtitle become the axes' title, its
notes and sources a line under the x axis.

Private to the desk: :mod:`gazaplan.desk.plots` builds on it. Matplotlib is imported by the
functions that need it, never when the module loads.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Iterable, Sequence
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
    "SIZES",
    "Frame",
    "day",
    "extent",
    "fit",
    "fit_text",
    "fitted_layout",
    "framed",
    "layout_for",
    "new_axes",
    "pixels",
    "right_labels",
    "shorten",
    "source_line",
    "spread_centres",
    "tags",
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


def shorten(text: str, fits: Callable[[str], bool]) -> str:
    """*text* whole if it fits, else cut at a word (or a character) and ended with an ellipsis.

    Args:
        text: the text.
        fits: whether a candidate fits.

    Returns:
        The longest candidate that fits (at least one character and the ellipsis).
    """
    if fits(text):
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(",;:") + "…"
        if fits(candidate):
            return candidate
    chars = words[0]
    while len(chars) > 1:
        chars = chars[:-1]
        if fits(chars + "…"):
            break
    return chars + "…"


def extent(artist: Any) -> Any:
    """An artist's box on the page, in pixels, measured by the renderer of the draw under way.

    An artist keeps the renderer it was last drawn with; a figure saved at another resolution
    draws with a new one, so measuring with the kept one would be off by the ratio.

    Args:
        artist: a text, legend or other artist on a figure.

    Returns:
        Its window extent (a matplotlib ``Bbox``).
    """
    fig = artist.get_figure(root=True)
    return artist.get_window_extent(fig._get_renderer())


def _wrap(artist: Text, text: str, width: float) -> list[str]:
    """Set *text* on *artist*, broken into lines no wider than *width* pixels where words allow;
    the lines."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            artist.set_text(candidate)
            if line and extent(artist).width > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
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
    wrapped = _wrap(artist, text, width)
    if len(wrapped) <= lines and all(_fits(artist, line, width) for line in wrapped):
        artist.set_text("\n".join(wrapped))
        return
    head = wrapped[: lines - 1]
    rest = " ".join(wrapped[lines - 1 :]) + " …"
    last = shorten(rest, lambda candidate: _fits(artist, candidate, width))
    artist.set_text("\n".join([*head, last]))


def _fits(artist: Text, line: str, width: float) -> bool:
    artist.set_text(line)
    return bool(extent(artist).width <= width)


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
    fig = plt.figure(figsize=BASE_INCHES, dpi=BASE_DPI)
    fig.set_layout_engine(fitted_layout())
    return fig.add_subplot()


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

        At each draw: wrap the header and footer to the figure's width and place them; lay the
        axes out in the rest; run the fittings; lay the axes out again.
        """

        def __init__(self) -> None:
            super().__init__(h_pad=4 / 72, w_pad=4 / 72)
            self.fits: list[Callable[[], None]] = []
            self.title: Text | None = None
            self.subtitle: Text | None = None
            self.footer: Text | None = None
            self.texts: dict[str, str] = {}
            self.keys: list[Legend] = []

        def execute(self, fig: Figure) -> Any:
            top, bottom = self._place(fig)
            height = fig.bbox.height
            room = max(height - top - bottom, 0.2 * height)
            self.set(rect=(0, bottom / height, 1, room / height))
            super().execute(fig)
            if self.fits:
                for fitting in self.fits:
                    fitting()
                return super().execute(fig)
            return None

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
            if self.keys:
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
            """The key in as many columns as fit the width: the one of the keys made (one per
            number of columns, all but one hidden) that fits, or the narrowest."""
            chosen = self.keys[-1]
            for legend in self.keys:
                legend.set_visible(True)
                if extent(legend).width <= inner:
                    chosen = legend
                    break
            for legend in self.keys:
                legend.set_visible(legend is chosen)
            return chosen

    _CLASS.append(FittedLayout)
    return FittedLayout


def _engine(ax: Axes) -> Any:
    """The axes' figure's :class:`FittedLayout`, or None where the caller made the figure."""
    fig = ax.get_figure(root=True)
    engine = fig.get_layout_engine() if fig is not None else None
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
    engine.keys = [
        fig.legend(
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
        for ncols in range(len(key), 0, -1)
    ]


def _chars(ax: Axes, fontsize: float) -> int:
    """About how many characters of *fontsize* points fit the axes' width, once the layout has
    made room for the labels beside it (taken as two fifths of it)."""
    fig = ax.get_figure(root=True)
    assert fig is not None
    inches = fig.get_size_inches()[0] * ax.get_position().width * 0.6
    return max(20, int(inches * 72 / (0.55 * fontsize)))


def fit(ax: Axes, fitting: Callable[[], None]) -> None:
    """Run *fitting* at every layout of the chart's figure (once, now, on the caller's axes).

    Args:
        ax: the chart's axes.
        fitting: what fits the chart's texts to the room the layout gave its axes.
    """
    engine = _engine(ax)
    if engine is None:
        fitting()
    else:
        engine.fits.append(fitting)


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

    def spread() -> None:
        fig = ax.get_figure(root=True)
        assert fig is not None
        box = ax.bbox
        gap = 1.5 * fig.dpi / 72
        heights = [extent(a).height for a in made]
        targets = [ax.transData.transform((0, y))[1] for y in wanted]
        at = spread_centres(targets, heights, box.y0, box.y1, gap)
        for annotation, y in zip(made, at, strict=True):
            annotation.xy = (1, (y - box.y0) / box.height if box.height else 0.5)

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
