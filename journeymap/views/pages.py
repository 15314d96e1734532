"""Diagrams laid out for a page: a slide, A4 or A3 (landscape), with text legible at full size.

A view is drawn so that its smallest text is at least :data:`MIN_TEXT` points when the page is
shown full size: the grid views with the page's sizes (:data:`journeymap.views.grid.PAGE`), not
scaled, several stages on a page where they fit with all their lanes, their cards as wide as the
page's columns allow. A journey, comparison or process too long for one page is split at stage
boundaries (within a stage only when one stage alone is too long), each page with the stage
names and lane titles of its columns and a note where it continues; lanes that do not fit one
page's height go to pages of their own. The comparison on a page stacks the older iteration
above the newer one, aligned by stage. The priorities are one page: the four quadrants as lists
of their steps at 14 pt. The actor map is one page: the rings as columns at 14 pt.
"""

from __future__ import annotations

from collections.abc import Callable

from attrs import evolve

from journeymap.model import JourneyMap
from journeymap.views import style
from journeymap.views.actor_page import actors_page
from journeymap.views.common import ViewError, catalog
from journeymap.views.compare import compare_grid
from journeymap.views.dot import Dot
from journeymap.views.grid import PAGE, Grid, Metrics
from journeymap.views.journey import journey_grid
from journeymap.views.measure import PAD, TITLE_FONT, title_depth
from journeymap.views.options import ViewOptions
from journeymap.views.priorities import priorities_page
from journeymap.views.process import process_grid
from journeymap.views.text import wrap

PAGE_SIZES: dict[str, tuple[float, float]] = {
    "slide": (13.333, 7.5),
    "a4": (11.69, 8.27),
    "a3": (16.54, 11.69),
}
"""Width and height in inches, landscape: a 16:9 slide, ISO A4 and A3."""
Page = str | tuple[float, float]
"""A page: a name in :data:`PAGE_SIZES`, or the width and height in inches of a page's room."""
MIN_TEXT = 14.0  # points, at full page size
MARGIN = 0.98  # of the page estimated to be used, for Graphviz's own rounding
TB_MARGIN = 0.95  # top down, lane titles and notes reach a little further than estimated
FRAME = 0.995  # of the page the invisible frame spans, so that Graphviz never scales down
WIDEST_CARD = 320.0  # points: the widest a card on a page grows when its page holds few columns
CARD_STEP = 10.0  # points: the card widths tried
TITLE_CHAR = 0.6  # a title's average character width as a share of its size, generously
TITLE_WRAP = 0.52  # the same, as the title is wrapped (Arial's average)

GRIDS: dict[str, Callable[[JourneyMap, ViewOptions, Metrics], tuple[Dot, Grid | None]]] = {
    "journey": journey_grid,
    "compare": compare_grid,
    "process": process_grid,
}

ONE_PAGE: dict[str, Callable[[JourneyMap, ViewOptions, tuple[float, float]], Dot]] = {
    "priorities": priorities_page,
    "actors": actors_page,
}
"""Views drawn for a page of a size in inches with fonts of :data:`MIN_TEXT` and no scaling down:
one page each."""


def pages(
    journey_map: JourneyMap,
    view: str = "journey",
    options: ViewOptions | None = None,
    page: Page = "slide",
    titled: bool = True,
) -> list[str]:
    """The DOT texts of a view laid out for ``page`` (one of :data:`PAGE_SIZES`, or a size in
    inches), one per page.

    The grid views are drawn at the page's size with every text at :data:`MIN_TEXT` points
    (:data:`journeymap.views.grid.PAGE`), each page with the view's title unless ``titled`` is
    false (a slide that has a title of its own); the notes that say where a journey continues
    are in ``options.language`` (default: the map's). Each sets Graphviz's ``size`` to the page.
    """
    from journeymap.views import dot_source  # the views' registry imports this module

    size = page_size(page)
    options = options or ViewOptions()
    if view in ONE_PAGE:
        drawn = ONE_PAGE[view](journey_map, evolve(options, legend=False), size)
        if not titled:
            drawn.graph_attrs.pop("label", None)
        return [_sized(drawn.source, size)]
    if view not in GRIDS:
        return [_sized(dot_source(journey_map, view, options), size)]
    options = evolve(options, legend=False, layout="side-by-side")
    graph, grid = GRIDS[view](journey_map, options, PAGE)
    if grid is None:
        return [_sized(graph.source, size)]
    width, height = (inches * 72 - 2 * PAD * 72 for inches in size)
    title = _title(graph, width) if titled else []
    above = title_depth(len(title)) if title else 0.0
    share = MARGIN if grid.direction == "LR" else TB_MARGIN
    room = (width * share, (height - above) * share)
    grids: dict[float, Grid] = {PAGE.card: grid}

    def build(card: float) -> Grid:
        """The grid with cards ``card`` points wide."""
        if card not in grids:
            built = GRIDS[view](journey_map, options, evolve(PAGE, card=card))[1]
            assert built is not None  # the same map and options as the narrowest grid
            grids[card] = built
        return grids[card]

    tr = catalog(journey_map, options)
    guess = (  # notes as long as those a page gets, for the room they take
        tr.gettext("continued from page {page}").format(page=99),
        tr.gettext("continues on page {page}").format(page=99),
    )
    spans = [(span, _widest(build, span, room)) for span in _spans(build, room, guess)]
    parts = [
        (span, wide, lanes)
        for span, wide in spans
        for lanes in _lane_groups(wide, span, room, guess)
        if wide.part(*span, lanes).has_cards
    ]
    starts = [1 + next(k for k, part in enumerate(parts) if part[0] == span) for span, _ in spans]
    result = []
    for (first, last), wide, lanes in parts:
        k = [span for span, _ in spans].index((first, last))
        notes = (
            tr.gettext("continued from page {page}").format(page=starts[k - 1]) if k else "",
            tr.gettext("continues on page {page}").format(page=starts[k + 1]) if k + 1 < len(spans) else "",
        )
        sheet = Dot(graph.name)
        part = wide.part(first, last, lanes, notes)
        own = {key: value for key, value in graph.graph_attrs.items() if key != "label"}
        sheet.graph_attrs.update(own, pad=f"{PAD:g}", margin="0")
        sheet.attr("node", **graph.defaults("node"))
        sheet.attr("edge", **{**graph.defaults("edge"), "fontsize": f"{PAGE.edge:g}"})
        part.draw(sheet)
        if grid.direction == "LR":
            _frame(sheet, part.origin(), title, (width, height))
        elif title:  # top down, Graphviz scales the drawing up to fill the page
            sheet.attr(label="\\n".join(title), fontsize=f"{TITLE_FONT:g}")
        result.append(_sized(sheet.source, size))
    return result


def page_size(page: Page) -> tuple[float, float]:
    """The width and height in inches of a page given by name or size."""
    if isinstance(page, tuple):
        return page
    if page not in PAGE_SIZES:
        raise ViewError(f"unknown page size {page!r}; page sizes: {', '.join(PAGE_SIZES)}")
    return PAGE_SIZES[page]


def _frame(sheet: Dot, origin: tuple[float, float], title: list[str], size: tuple[float, float]) -> None:
    """The page's title over the drawing's top left corner, and two invisible corners that make
    the drawing as large as the page, so that Graphviz shows it at its own size."""
    x, y = origin
    width, height = size
    if title:
        depth = title_depth(len(title))
        wide = min(width * FRAME, max(len(line) for line in title) * TITLE_FONT * TITLE_CHAR)
        sheet.node(
            "page-title",
            label="\\l".join(title) + "\\l",  # already DOT text, left-aligned
            shape="plaintext",
            fontsize=f"{TITLE_FONT:g}",
            pos=f"{x + wide / 2:.1f},{y + depth / 2:.1f}!",
            width=f"{wide / 72:.3f}",
            height=f"{depth / 72:.3f}",
        )
        y += depth
    for name, (cx, cy) in (
        ("page-corner/1", (x, y)),
        ("page-corner/2", (x + width * FRAME, y - height * FRAME)),
    ):
        sheet.node(name, pos=f"{cx:.1f},{cy:.1f}!", **style.ANCHOR)


def _title(graph: Dot, width: float) -> list[str]:
    """The graph's title (already DOT text) in lines that fit ``width`` points."""
    text = graph.graph_attrs.get("label", "").replace("\\n", " ")
    return wrap(text, max(20, int(width / (TITLE_FONT * TITLE_WRAP))), 2)


def _fits(part: Grid, room: tuple[float, float]) -> bool:
    width, height = part.extent()
    return width <= room[0] and height <= room[1]


def _lane_groups(
    grid: Grid, span: tuple[int, int], room: tuple[float, float], notes: tuple[str, str]
) -> list[list[str] | None]:
    """All lanes (None), or groups of lanes that each fit the page's height over these columns."""
    first, last = span
    if _fits(grid.part(first, last, None, notes), room):
        return [None]
    groups: list[list[str]] = []
    for key in grid.lane_keys[1:] if grid.has_bands else grid.lane_keys:
        if groups and _fits(grid.part(first, last, [*groups[-1], key], notes), room):
            groups[-1].append(key)
        else:
            groups.append([key])
    return [*groups]


def _spans(
    build: Callable[[float], Grid], room: tuple[float, float], notes: tuple[str, str]
) -> list[tuple[int, int]]:
    """Runs of columns, each fitting the page: whole stages, several where they fit the page with
    all their lanes; a stage too long for the page's width is cut into runs of columns."""
    grid = build(PAGE.card)
    wide = (room[0], float("inf")) if grid.direction == "LR" else (float("inf"), room[1])
    bounds = grid.band_columns() or [(c, c) for c in range(grid.columns)]
    spans: list[tuple[int, int]] = []
    for first, last in bounds:
        if spans:
            merged = (spans[-1][0], last)
            if _fits(_widest(build, merged, room).part(*merged, None, notes), room):
                spans[-1] = merged
                continue
        start = first
        for column in range(first, last + 1):
            if column > start and not _fits(grid.part(start, column), wide):
                spans.append((start, column - 1))
                start = column
        spans.append((start, last))
    return spans


def _widest(build: Callable[[float], Grid], span: tuple[int, int], room: tuple[float, float]) -> Grid:
    """The grid with the widest cards (up to :data:`WIDEST_CARD`) whose columns ``span`` fit the
    page's width: the fewer columns a page holds, the fewer lines their texts take."""
    grid = build(PAGE.card)
    if grid.direction != "LR":
        return grid
    spare = room[0] - grid.part(*span).extent()[0]
    card = min(WIDEST_CARD, PAGE.card + spare / (span[1] - span[0] + 1)) // CARD_STEP * CARD_STEP
    while card > PAGE.card:
        if build(card).part(*span).extent()[0] <= room[0]:
            return build(card)
        card -= CARD_STEP
    return grid


def _sized(source: str, size: tuple[float, float]) -> str:
    """DOT text whose drawing Graphviz scales to fill a page of ``size`` inches."""
    width, height = size
    head, rest = source.split("\n\tgraph [", 1)
    return f'{head}\n\tgraph [size="{width:g},{height:g}!" ' + rest
