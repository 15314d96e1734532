"""The 10-20-30 deck of an iteration as a PowerPoint file (16:9), for the steering group.

Ten foils in the order of :data:`journeymap.outline.FOILS`, one slide each, then appendix
slides. Every run of text on a slide has its size set, and none is under 30 pt: what does not
fit goes into the speaker notes (:mod:`journeymap.deck_content` says what each foil holds).
Diagrams are drawn by :mod:`journeymap.raster`, fitted to the room below the title.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import textwrap
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from journeymap import raster
from journeymap.deck_content import Diagram, Foil, Line, foils
from journeymap.defaults import iteration_to_present
from journeymap.model import JourneyMap, Language
from journeymap.writing import WriteError, atomic_write, same_file

WIDTH, HEIGHT = Emu(12_192_000), Emu(6_858_000)
"""PowerPoint's 16:9 slide: 13.33 by 7.5 inches."""
MARGIN = Inches(0.5)
TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(1.2)
PAGE_TITLE_TOP = Inches(0.05)
"""The title's top on a foil with a page of a diagram, which takes all the room it can."""
PAGE_SIDE = Inches(0.1)
"""The margin beside and under a page of a diagram."""
BODY_TOP = Emu(TITLE_TOP + TITLE_HEIGHT + Inches(0.1))
TITLE_SIZE, TEXT_SIZE, FIRST_SIZE = Pt(36), Pt(30), Pt(40)
"""The title's size, the text's, and the first line of the first foil (the solution's name)."""
TEXT_COLOUR = "#222222"
AVERAGE_CHAR = 0.55
"""Average width of a character as a share of the font size, for wrapping estimates."""
BOLD_CHAR = 0.65
"""The same for the bold titles (DejaVu Sans Bold, where PowerPoint's font is missing)."""
TEXT_COLUMN = Inches(4.6)
"""The text's width when it stands beside a diagram."""
PIXELS_PER_INCH = 200
"""How sharp a diagram is on the slide."""
_SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)pt"[^>]*?height="([\d.]+)pt"', re.S)
_TITLE_ONLY = 5
"""The default template's layout with a title placeholder and nothing else: PowerPoint's outline and
screen readers know each slide by that title."""


def deck(
    journey_map: JourneyMap,
    iteration: str | None = None,
    today: dt.date | None = None,
    language: Language | None = None,
    renderer: str = "auto",
) -> bytes:
    """The deck of ``iteration`` (default: the newest future one) as ``.pptx`` bytes.

    ``today`` is the day statuses are judged on and the title slide states (default: today);
    ``language`` the deck's words (default: the map's).
    """
    it = iteration_to_present(journey_map, iteration)
    content = foils(
        journey_map, it, today or dt.date.today(), language or journey_map.language, renderer, room=page_room
    )
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    for n, foil in enumerate(content):
        _slide(presentation.slides.add_slide(presentation.slide_layouts[_TITLE_ONLY]), foil, first=n == 0)
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def write_deck(data: bytes, path: str | os.PathLike[str], map_path: str | os.PathLike[str] = "") -> Path:
    """Write a deck atomically, never onto the map at ``map_path``; returns the path."""
    target = Path(path)
    if map_path and same_file(target, map_path):
        raise WriteError(f"{target}: this is the map itself; choose another file for the deck")
    atomic_write(target, data)
    return target


def page_room(title: str, lines: tuple[Line, ...]) -> tuple[float, float]:
    """The width and height in inches of the room a page of a diagram gets on a foil with this
    title and these lines: what :func:`journeymap.views.pages` lays it out for."""
    box = _page_box(title, lines)
    return box[2] / Inches(1), box[3] / Inches(1)


def _page_box(title: str, lines: tuple[Line, ...]) -> tuple[int, int, int, int]:
    """Where a page of a diagram goes (left, top, width, height): under the title and lines."""
    top = PAGE_TITLE_TOP + _title_height(title) + (_height(lines, WIDTH - 2 * MARGIN) if lines else 0)
    return PAGE_SIDE, top, WIDTH - 2 * PAGE_SIDE, HEIGHT - top - PAGE_SIDE // 4


def _title_height(title: str) -> int:
    """The height of a foil's title over a page of a diagram: as many rows as it takes."""
    per_row = int((WIDTH - 2 * MARGIN) / Inches(1) * 72 / (TITLE_SIZE.pt * BOLD_CHAR))
    return int(Pt(TITLE_SIZE.pt * 1.2) * len(textwrap.wrap(title, per_row)) + Inches(0.1))


def _slide(slide: Slide, foil: Foil, first: bool) -> None:
    width = WIDTH - 2 * MARGIN
    title = slide.shapes.title
    if title is None:
        raise ValueError("the deck's slide layout has no title")
    title.left, title.top, title.width, title.height = MARGIN, TITLE_TOP, Emu(width), TITLE_HEIGHT
    title.text_frame.clear()
    _text(title.text_frame, (Line(foil.title),), TITLE_SIZE, bold=True)
    for paragraph in title.text_frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
    room = HEIGHT - BODY_TOP - Inches(0.3)
    size = _points(foil.diagram) if foil.diagram else None
    if foil.diagram is not None and size is not None and foil.diagram.page:
        _page(slide, foil, size, first)
    elif foil.lines and foil.diagram is not None and size is not None:
        below_height = _height(foil.lines, width)
        beside_left = MARGIN + TEXT_COLUMN + Inches(0.2)
        beside_box = (beside_left, BODY_TOP, WIDTH - MARGIN - beside_left, room)
        below_box = (MARGIN, BODY_TOP + below_height, width, room - below_height)
        fits_beside = _height(foil.lines, TEXT_COLUMN) <= room
        beside = fits_beside and _fit(size, beside_box) > _fit(size, below_box)
        text_width = TEXT_COLUMN if beside else width
        _lines(slide, foil.lines, text_width, min(room, _height(foil.lines, text_width)), first)
        _picture(slide, foil.diagram, size, *(beside_box if beside else below_box))
    elif foil.lines:
        _lines(slide, foil.lines, width, min(room, _height(foil.lines, width)), first)
    elif foil.diagram is not None and size is not None:
        _picture(slide, foil.diagram, size, MARGIN, BODY_TOP, width, room)
    notes = slide.notes_slide.notes_text_frame
    if notes is not None:
        notes.text = foil.notes


def _page(slide: Slide, foil: Foil, size: tuple[float, float], first: bool) -> None:
    """A foil with a page of a diagram laid out for its room: a compact title, the lines that
    leave the picture its full size (shorter versions, or none, where they do not), then the picture."""
    assert foil.diagram is not None and slide.shapes.title is not None
    title = slide.shapes.title
    title.top, title.height = PAGE_TITLE_TOP, Emu(_title_height(foil.title))
    title.text_frame.vertical_anchor = MSO_ANCHOR.TOP  # its rows grow downwards, as counted
    lines = next(  # no lines at all, if need be: the speaker notes say it all
        shorter
        for shorter in (foil.lines, *foil.shorter, ())
        if not shorter or _fit(size, _page_box(foil.title, shorter)) >= 1 - 1e-3
    )
    box = _page_box(foil.title, lines)
    if lines:
        top = title.top + title.height
        _lines(slide, lines, WIDTH - 2 * MARGIN, box[1] - top, first, top)
    _picture(slide, foil.diagram, size, *box)


def _lines(
    slide: Slide, lines: tuple[Line, ...], width: int, height: int, first: bool, top: int = BODY_TOP
) -> None:
    box = slide.shapes.add_textbox(MARGIN, top, Emu(width), Emu(height))
    _text(box.text_frame, lines, TEXT_SIZE, first_size=FIRST_SIZE if first else None)


def _fit(size: tuple[float, float], box: tuple[int, int, int, int]) -> float:
    """How much a diagram of ``size`` points is scaled to fit ``box`` (left, top, width, height)."""
    return max(0.0, float(min(box[2] / Inches(size[0] / 72), box[3] / Inches(size[1] / 72))))


def _height(lines: tuple[Line, ...], width: int) -> int:
    """The height ``lines`` of 30 pt text take in a box ``width`` wide, wrapped at words."""
    per_row = int(width / Inches(1) * 72 / (TEXT_SIZE.pt * AVERAGE_CHAR))
    rows = sum(max(1, len(textwrap.wrap(line.text, per_row))) for line in lines)
    return int(Pt(TEXT_SIZE.pt * 1.2) * rows + Pt(6) * len(lines) + Inches(0.2))


def _points(diagram: Diagram) -> tuple[float, float] | None:
    size = _SIZE.search(diagram.svg[:2000])
    return (float(size.group(1)), float(size.group(2))) if size else None


def _text(frame, lines: tuple[Line, ...], size: Pt, bold: bool = False, first_size: Pt | None = None) -> None:  # type: ignore[no-untyped-def]
    frame.word_wrap = True
    for n, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(6)
        run = paragraph.add_run()
        run.text = line.text
        run.font.size = first_size if n == 0 and first_size else size
        run.font.bold = bold or (n == 0 and first_size is not None)
        run.font.color.rgb = RGBColor.from_string((line.colour or TEXT_COLOUR).lstrip("#"))


def _picture(
    slide: Slide, diagram: Diagram, size: tuple[float, float], left: int, top: int, width: int, height: int
) -> None:
    """The diagram as large as fits in the box, centred in it, with its alternative text."""
    natural_w, natural_h = Inches(size[0] / 72), Inches(size[1] / 72)
    fit = _fit(size, (left, top, width, height))
    shown_w, shown_h = int(natural_w * fit), int(natural_h * fit)
    png = raster.png(diagram.svg, max(0.25, min(4.0, fit * PIXELS_PER_INCH / 72)))
    picture = slide.shapes.add_picture(
        io.BytesIO(png),
        Emu(left + (width - shown_w) // 2),
        Emu(top + (height - shown_h) // 2),
        Emu(shown_w),
        Emu(shown_h),
    )
    element: Any = picture._element
    element.nvPicPr.cNvPr.set("descr", diagram.description)  # the alternative text
