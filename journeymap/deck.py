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
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from journeymap import raster
from journeymap.deck_content import Diagram, Foil, Line, foils
from journeymap.defaults import iteration_to_present
from journeymap.model import JourneyMap, Language
from journeymap.writing import atomic_write

WIDTH, HEIGHT = Emu(12_192_000), Emu(6_858_000)
"""PowerPoint's 16:9 slide: 13.33 by 7.5 inches."""
MARGIN = Inches(0.5)
TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(1.2)
BODY_TOP = TITLE_TOP + TITLE_HEIGHT + Inches(0.1)
TITLE_SIZE, TEXT_SIZE, FIRST_SIZE = Pt(36), Pt(30), Pt(40)
"""The title's size, the text's, and the first line of the first foil (the solution's name)."""
TEXT_COLOUR = RGBColor(0x22, 0x22, 0x22)
PIXELS_PER_INCH = 200
"""How sharp a diagram is on the slide."""
_SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)pt"[^>]*?height="([\d.]+)pt"', re.S)
_BLANK_LAYOUT = 6


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
    content = foils(journey_map, it, today or dt.date.today(), language or journey_map.language, renderer)
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    for n, foil in enumerate(content):
        _slide(presentation.slides.add_slide(presentation.slide_layouts[_BLANK_LAYOUT]), foil, first=n == 0)
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def write_deck(data: bytes, path: str | os.PathLike[str]) -> Path:
    """Write a deck atomically; returns the path."""
    target = Path(path)
    atomic_write(target, data)
    return target


def _slide(slide: Slide, foil: Foil, first: bool) -> None:
    width = WIDTH - 2 * MARGIN
    title = slide.shapes.add_textbox(MARGIN, TITLE_TOP, width, TITLE_HEIGHT)
    title.name = "Title"
    _text(title.text_frame, (Line(foil.title),), TITLE_SIZE, bold=True)
    top = BODY_TOP
    room = HEIGHT - BODY_TOP - Inches(0.3)
    if foil.lines:
        lines_height = Inches(0.55) * len(foil.lines) * (1 if foil.diagram is None else 2)
        box = slide.shapes.add_textbox(MARGIN, top, width, min(lines_height, room))
        _text(box.text_frame, foil.lines, TEXT_SIZE, first_size=FIRST_SIZE if first else None)
        if foil.diagram is not None:
            top += box.height
            room -= box.height
    if foil.diagram is not None:
        _picture(slide, foil.diagram, top, width, room)
    slide.notes_slide.notes_text_frame.text = foil.notes


def _text(frame, lines: tuple[Line, ...], size: Pt, bold: bool = False, first_size: Pt | None = None) -> None:  # type: ignore[no-untyped-def]
    frame.word_wrap = True
    for n, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(6)
        run = paragraph.add_run()
        run.text = line.text
        run.font.size = first_size if n == 0 and first_size else size
        run.font.bold = bold or (n == 0 and first_size is not None)
        run.font.color.rgb = RGBColor.from_string(line.colour.lstrip("#")) if line.colour else TEXT_COLOUR


def _picture(slide: Slide, diagram: Diagram, top: Emu, width: Emu, height: Emu) -> None:
    size = _SIZE.search(diagram.svg[:2000])
    if size is None:
        return
    points_w, points_h = float(size.group(1)), float(size.group(2))
    fit = min(width / Inches(points_w / 72), height / Inches(points_h / 72))
    shown_w, shown_h = int(Inches(points_w / 72) * fit), int(Inches(points_h / 72) * fit)
    scale = max(0.25, min(4.0, fit * PIXELS_PER_INCH / 72))
    png = raster.png(diagram.svg, scale)
    left = MARGIN + (width - shown_w) // 2
    picture = slide.shapes.add_picture(io.BytesIO(png), left, top, shown_w, shown_h)
    picture._element.nvPicPr.cNvPr.set("descr", diagram.description)  # the alternative text
