"""Turning SVG into PNG and PDF without Graphviz, for machines with only ``pip install journeymap``.

resvg (``resvg-py``, a Rust wheel with no system libraries) draws the SVG. It is given one font
of its own, Arimo (``fontpkg-arimo``): Arimo has the widths of Helvetica and Arial, which
Graphviz measured the labels with, so text fits its boxes on a machine without fonts too, and
the picture is the same on every machine. PDF is the PNG on a page of the diagram's size.
"""

from __future__ import annotations

import io
from functools import cache

import fontpkg
import resvg_py
from PIL import Image

from journeymap.errors import JourneymapError

POINTS_PER_INCH = 72.0
SCALE = 2.0
"""Pixels per point of a PNG: twice the size on screen, sharp on a projector or a slide."""
STAND_INS = str.maketrans({"◇": "◊", "◆": "♦"})
"""Symbols Arimo lacks (it would draw an empty box), drawn as the nearest one it has: the
evidence mark of a proposed element."""
PDF_SCALE = 3.0
"""Pixels per point of the picture in a PDF: 216 dots per inch, enough for print."""


class RasterError(JourneymapError):
    """An SVG could not be drawn."""


@cache
def _font() -> str:
    return str(fontpkg.path("Arimo"))


def png(svg: bytes | str, scale: float = SCALE) -> bytes:
    """The SVG drawn as PNG on white, ``scale`` pixels per point of an SVG sized in ``pt`` (as Graphviz's are)."""
    text = (svg.decode("utf-8") if isinstance(svg, bytes) else svg).translate(STAND_INS)
    try:
        data = resvg_py.svg_to_bytes(
            svg_string=text,
            background="white",
            skip_system_fonts=True,
            font_files=[_font()],
            font_family="Arimo",
            sans_serif_family="Arimo",
            serif_family="Arimo",
            monospace_family="Arimo",
            dpi=POINTS_PER_INCH * scale,
        )
    except ValueError as exc:
        raise RasterError(f"the SVG could not be drawn as PNG: {exc}") from None
    return bytes(data)


def pdf(svg: bytes | str) -> bytes:
    """The SVG as a one-page PDF of its own size (a picture at 216 dots per inch)."""
    picture = Image.open(io.BytesIO(png(svg, PDF_SCALE))).convert("RGB")
    out = io.BytesIO()
    picture.save(out, format="PDF", resolution=POINTS_PER_INCH * PDF_SCALE, quality=95)
    return out.getvalue()
