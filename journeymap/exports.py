"""One front door for diagrams: DOT text, rendered SVG/PNG/PDF, Mermaid, or BPMN."""

from __future__ import annotations

import gettext
import io
import os
from pathlib import Path

import pypdf

from journeymap.bpmn import process_bpmn
from journeymap.mermaid import journey_mermaid
from journeymap.model import JourneyMap
from journeymap.render import FORMATS as IMAGE_FORMATS
from journeymap.render import render
from journeymap.views import ENGINE, ViewError, ViewOptions, dot_source, pages
from journeymap.views.common import catalog
from journeymap.views.describe import describe, diagram_title
from journeymap.views.pages import Page
from journeymap.writing import atomic_write

FORMATS = ("svg", "png", "pdf", "dot", "mermaid", "bpmn")
PAGED_FORMATS = ("svg", "png", "pdf", "dot")


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
    return render(source, fmt, ENGINE, renderer, diagram_title(source), describe(journey_map, view, options))


def export_pages(
    journey_map: JourneyMap,
    view: str = "journey",
    fmt: str = "svg",
    options: ViewOptions | None = None,
    renderer: str = "auto",
    page: Page = "slide",
    titled: bool = True,
) -> list[bytes]:
    """A view laid out for ``page`` (one of :data:`PAGE_SIZES`, or a size in inches): one file's
    bytes per page; PDF: one file of all the pages. ``titled``: each page shows the view's title."""
    if fmt not in PAGED_FORMATS:
        raise ViewError(f"--page lays out {', '.join(PAGED_FORMATS)}, not {fmt}")
    sources = pages(journey_map, view, options, page, titled)
    if fmt == "dot":
        return [source.encode("utf-8") for source in sources]
    words = describe(journey_map, view, options)
    title = diagram_title(dot_source(journey_map, view, options or ViewOptions()))
    tr = catalog(journey_map, options or ViewOptions())
    rendered = [
        render(source, fmt, ENGINE, renderer, _paged(title, n, len(sources), tr), words)
        for n, source in enumerate(sources, 1)
    ]
    return [_one_pdf(rendered)] if fmt == "pdf" else rendered


def _paged(title: str, page: int, pages: int, tr: gettext.NullTranslations) -> str:
    if pages == 1:
        return title
    which = tr.gettext("page {page} of {count}").format(page=page, count=pages)
    return f"{title} ({which})"


def _one_pdf(documents: list[bytes]) -> bytes:
    """The pages of several PDF files as one."""
    writer = pypdf.PdfWriter()
    for document in documents:
        writer.append(pypdf.PdfReader(io.BytesIO(document)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_paths(path: str | os.PathLike[str], count: int) -> list[Path]:
    """Where the pages of a paged export go: ``x.svg`` itself for one page, else ``x-1.svg``, ``x-2.svg``, …"""
    target = Path(path)
    if count == 1:
        return [target]
    return [target.with_name(f"{target.stem}-{n}{target.suffix}") for n in range(1, count + 1)]


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
