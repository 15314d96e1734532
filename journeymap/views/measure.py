"""How wide a text is in the diagrams' font, and text wrapped to a width in points.

The views draw in Helvetica (Arial, or Arimo in the built-in renderer, all with the same widths),
so a label can be fitted to its box by the widths of its letters rather than by counting them.
"""

from __future__ import annotations

from journeymap.views.text import wrap

_WIDTHS = {
    222: "ijl", 278: " ftI.,:;!/[]\\", 333: "r()-", 500: "cksvxyzJ", 556: "abdeghnopqu0123456789åL?",
    584: "+=<>", 611: "FTZø", 667: "ABEKPSVXYÅ", 722: "CDHNRUw", 778: "GOQØ", 833: "mM", 889: "æ",
    944: "W", 1000: "Æ",
}  # fmt: skip
_EM = {c: width / 1000 for width, letters in _WIDTHS.items() for c in letters}
"""Helvetica's widths (also Arial's and Arimo's) in ems; any other character counts as 0.6."""


def text_width(text: str, fontsize: float) -> float:
    """About the width of ``text`` in Helvetica (or Arial, Arimo) of this size, in points."""
    return sum(_EM.get(c, 0.6) for c in text) * fontsize


def fit(text: str, width: float, fontsize: float, max_lines: int = 6) -> list[str]:
    """``text`` wrapped into lines no wider than ``width`` points in Helvetica of ``fontsize``."""
    count = len(text)
    while count > 4:
        lines = wrap(text, count, max_lines)
        if all(text_width(line, fontsize) <= width for line in lines):
            return lines
        count -= 1
    return wrap(text, count, max_lines)
