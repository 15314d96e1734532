"""Diagrams laid out for a page: a slide, A4 or A3 (landscape), with text legible at full size.

A view is drawn so that its smallest text is at least :data:`MIN_TEXT` points when the page is
shown full size. A journey, comparison or process too long for one page is split at stage
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
from journeymap.views.actor_page import actors_page
from journeymap.views.common import ViewError, catalog
from journeymap.views.compare import compare_grid
from journeymap.views.dot import Dot
from journeymap.views.grid import Grid
from journeymap.views.journey import journey_grid
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
MIN_TEXT = 14.0  # points, at full page size
SMALLEST_FONT = 9.0  # the smallest font size any view uses
PAD = 0.1  # inches of margin on every side of a page
MARGIN = 0.98  # of the page estimated to be used, for Graphviz's own rounding
TITLE_CHAR = 0.6  # a title's average character width as a share of its size, generously
NARROWEST = 360.0  # points: the narrowest a page's title is wrapped to
TITLE_FONT = 12.0  # a page's title (a slide has a title of its own)

GRIDS: dict[str, Callable[[JourneyMap, ViewOptions], tuple[Dot, Grid | None]]] = {
    "journey": journey_grid,
    "compare": compare_grid,
    "process": process_grid,
}

ONE_PAGE: dict[str, Callable[[JourneyMap, ViewOptions], Dot]] = {
    "priorities": priorities_page,
    "actors": actors_page,
}
"""Views drawn for a page with fonts of :data:`MIN_TEXT` and no scaling down: one page each."""


def pages(
    journey_map: JourneyMap,
    view: str = "journey",
    options: ViewOptions | None = None,
    page: str = "slide",
) -> list[str]:
    """The DOT texts of a view laid out for ``page`` (one of :data:`PAGE_SIZES`), one per page.

    Each sets Graphviz's ``size`` to the page, so the drawing is scaled to fill it; the notes that
    say where a journey continues are in ``options.language`` (default: the map's).
    """
    from journeymap.views import dot_source  # the views' registry imports this module

    if page not in PAGE_SIZES:
        raise ViewError(f"unknown page size {page!r}; page sizes: {', '.join(PAGE_SIZES)}")
    options = options or ViewOptions()
    if view in ONE_PAGE:
        return [_sized(ONE_PAGE[view](journey_map, evolve(options, legend=False)).source, page)]
    if view not in GRIDS:
        return [_sized(dot_source(journey_map, view, options), page)]
    options = evolve(options, legend=False, layout="side-by-side")
    graph, grid = GRIDS[view](journey_map, options)
    if grid is None:
        return [_sized(graph.source, page)]
    width, height = (size * 72 * SMALLEST_FONT / MIN_TEXT - 2 * PAD * 72 for size in PAGE_SIZES[page])
    lines = len(_title(graph, NARROWEST))  # a page's title is wrapped to the page's drawing
    room = (width * MARGIN, (height - lines * TITLE_FONT * 1.25 - 8) * MARGIN)
    spans = _spans(grid, room)
    parts = [
        (span, lanes)
        for span in spans
        for lanes in _lane_groups(grid, span, room)
        if grid.part(*span, lanes).has_cards
    ]
    starts = [1 + next(k for k, part in enumerate(parts) if part[0] == span) for span in spans]
    tr = catalog(journey_map, options)
    result = []
    for (first, last), lanes in parts:
        k = spans.index((first, last))
        notes = (
            tr.gettext("continued from page {page}").format(page=starts[k - 1]) if k else "",
            tr.gettext("continues on page {page}").format(page=starts[k + 1]) if k + 1 < len(spans) else "",
        )
        sheet = Dot(graph.name)
        part = grid.part(first, last, lanes, notes)
        title = _title(graph, max(NARROWEST, part.extent()[0]))
        sheet.graph_attrs.update(
            graph.graph_attrs, label="\\n".join(title), pad=f"{PAD:g}", margin="0", fontsize=f"{TITLE_FONT:g}"
        )
        for kind in ("node", "edge"):
            sheet.attr(kind, **graph.defaults(kind))
        part.draw(sheet)
        result.append(_sized(sheet.source, page))
    return result


def _title(graph: Dot, width: float) -> list[str]:
    """The graph's title (already DOT text) in lines that fit ``width`` points."""
    text = graph.graph_attrs.get("label", "").replace("\\n", " ")
    return wrap(text, max(20, int(width / (TITLE_FONT * TITLE_CHAR))), 4)


def _fits(part: Grid, room: tuple[float, float]) -> bool:
    width, height = part.extent()
    return width <= room[0] and height <= room[1]


def _lane_groups(grid: Grid, span: tuple[int, int], room: tuple[float, float]) -> list[list[str] | None]:
    """All lanes (None), or groups of lanes that each fit the page's height over these columns."""
    first, last = span
    if _fits(grid.part(first, last), room):
        return [None]
    groups: list[list[str]] = []
    for key in grid.lane_keys[1:] if grid.has_bands else grid.lane_keys:
        if groups and _fits(grid.part(first, last, [*groups[-1], key]), room):
            groups[-1].append(key)
        else:
            groups.append([key])
    return [*groups]


def _spans(grid: Grid, room: tuple[float, float]) -> list[tuple[int, int]]:
    """Runs of columns, each fitting the page's width: whole stages where they can."""
    wide = (room[0], float("inf")) if grid.direction == "LR" else (float("inf"), room[1])
    bounds = grid.band_columns() or [(c, c) for c in range(grid.columns)]
    spans: list[tuple[int, int]] = []
    for first, last in bounds:
        if spans and _fits(grid.part(spans[-1][0], last), wide):
            spans[-1] = (spans[-1][0], last)
            continue
        start = first
        for column in range(first, last + 1):
            if column > start and not _fits(grid.part(start, column), wide):
                spans.append((start, column - 1))
                start = column
        spans.append((start, last))
    return spans


def _sized(source: str, page: str) -> str:
    """DOT text whose drawing Graphviz scales to fill the page."""
    width, height = PAGE_SIZES[page]
    head, rest = source.split("\n\tgraph [", 1)
    return f'{head}\n\tgraph [size="{width:g},{height:g}!" ' + rest
