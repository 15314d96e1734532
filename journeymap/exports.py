"""One front door for diagrams: DOT text, rendered SVG/PNG/PDF, Mermaid, or BPMN."""

from __future__ import annotations

import os
from pathlib import Path

from journeymap.bpmn import process_bpmn
from journeymap.mermaid import journey_mermaid
from journeymap.model import JourneyMap
from journeymap.render import FORMATS as IMAGE_FORMATS
from journeymap.render import render
from journeymap.views import ENGINE, ViewError, ViewOptions, dot_source
from journeymap.writing import atomic_write

FORMATS = ("svg", "png", "pdf", "dot", "mermaid", "bpmn")


def export(
    journey_map: JourneyMap,
    view: str = "journey",
    fmt: str = "svg",
    options: ViewOptions | None = None,
    renderer: str = "auto",
) -> bytes:
    """A view of the map in ``fmt`` (one of :data:`FORMATS`), as bytes ready to write."""
    if fmt == "mermaid":
        if view != "journey":
            raise ViewError(f"Mermaid export draws the journey view only, not {view!r}")
        return journey_mermaid(journey_map, options).encode("utf-8")
    if fmt == "bpmn":
        if view != "process":
            raise ViewError(f"BPMN export draws the process view only, not {view!r}")
        return process_bpmn(journey_map, options).encode("utf-8")
    source = dot_source(journey_map, view, options)
    if fmt == "dot":
        return source.encode("utf-8")
    if fmt not in IMAGE_FORMATS:
        raise ViewError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    return render(source, fmt, ENGINE, renderer)


def export_to(
    journey_map: JourneyMap,
    path: str | os.PathLike[str],
    view: str = "journey",
    fmt: str = "svg",
    options: ViewOptions | None = None,
    renderer: str = "auto",
) -> Path:
    """Write a view of the map to ``path`` atomically; returns the path."""
    target = Path(path)
    atomic_write(target, export(journey_map, view, fmt, options, renderer))
    return target
