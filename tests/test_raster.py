"""PNG and PDF without Graphviz: the built-in SVG drawn by resvg with the font journeymap ships."""

from __future__ import annotations

import io
import re

from conftest import EXAMPLES
from PIL import Image

from journeymap.exports import export
from journeymap.files import load
from journeymap.raster import png

WORDS = '<svg xmlns="http://www.w3.org/2000/svg" width="200pt" height="40pt"><text x="10" y="30" font-family="Helvetica,Arial,sans-serif" font-size="24">Hjemmetræning</text></svg>'
BLANK = WORDS.replace("Hjemmetræning", "")


def dark_pixels(data: bytes) -> int:
    picture = Image.open(io.BytesIO(data)).convert("L")
    return sum(picture.histogram()[:128])


def test_text_is_drawn_with_the_shipped_font_whatever_the_machine_has() -> None:
    assert dark_pixels(png(BLANK)) == 0
    assert dark_pixels(png(WORDS)) > 500


def test_a_diagram_png_is_twice_its_size_in_points_and_its_labels_are_drawn() -> None:
    data = export(load(EXAMPLES[0]), "journey", "png", renderer="wasm")
    svg = export(load(EXAMPLES[0]), "journey", "svg", renderer="wasm").decode()
    width_pt = float(svg.split('width="', 1)[1].split("pt", 1)[0])
    picture = Image.open(io.BytesIO(data))
    assert abs(picture.width - 2 * width_pt) <= 1
    assert dark_pixels(data) > 10_000


def test_a_pdf_without_graphviz_is_one_page_of_the_diagrams_size() -> None:
    svg = export(load(EXAMPLES[0]), "journey", "svg", renderer="wasm").decode()
    size = svg.split('viewBox="0.00 0.00 ', 1)[1].split('"', 1)[0].split()
    data = export(load(EXAMPLES[0]), "journey", "pdf", renderer="wasm")
    assert data.startswith(b"%PDF")
    assert re.findall(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", data) == [
        tuple(f"{float(v):.1f}".encode() for v in size)
    ]


def test_symbols_the_font_lacks_are_drawn_as_the_nearest_it_has() -> None:
    proposed = WORDS.replace("Hjemmetræning", "◇ Ny")
    assert png(proposed) == png(WORDS.replace("Hjemmetræning", "◊ Ny"))
    assert png(proposed) != png(WORDS.replace("Hjemmetræning", "\U0010ffff Ny"))  # not the empty box
