"""Diagram views of a map as Graphviz DOT: journey, compare, actors and process."""

from __future__ import annotations

from collections.abc import Callable

from journeymap.model import JourneyMap
from journeymap.views.actors import actors
from journeymap.views.common import ViewError
from journeymap.views.compare import compare
from journeymap.views.dot import Dot
from journeymap.views.journey import journey
from journeymap.views.options import ViewOptions
from journeymap.views.pages import PAGE_SIZES, pages
from journeymap.views.priorities import priorities_view
from journeymap.views.process import process

VIEWS: dict[str, Callable[[JourneyMap, ViewOptions], Dot]] = {
    "journey": journey,
    "compare": compare,
    "actors": actors,
    "process": process,
    "priorities": priorities_view,
}
ENGINE = "neato"  # every view pins its positions

__all__ = ["ENGINE", "PAGE_SIZES", "VIEWS", "ViewError", "ViewOptions", "dot_source", "pages"]


def dot_source(journey_map: JourneyMap, view: str = "journey", options: ViewOptions | None = None) -> str:
    """The DOT text of a view; the same map and options always give the same bytes."""
    if view not in VIEWS:
        raise ViewError(f"unknown view {view!r}; views: {', '.join(VIEWS)}")
    source: str = VIEWS[view](journey_map, options or ViewOptions()).source
    return source
