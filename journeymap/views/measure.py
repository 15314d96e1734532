"""How wide a text is in the diagrams' font, and text wrapped to a width in points.

The views draw in Helvetica (Arial, or Arimo in the built-in renderer, all with the same widths),
so a label can be fitted to its box by the widths of its letters rather than by counting them.
"""

from __future__ import annotations

from functools import cache

import pyphen

from journeymap.views.text import paragraphs

PAD = 0.1
"""Inches of Graphviz's pad around a drawing laid out for a page."""
TITLE_FONT = 16.0
"""The size of a page's own title."""


def title_depth(lines: int) -> float:
    """The points a page's title of ``lines`` lines takes above the drawing."""
    return lines * TITLE_FONT * 1.25 + 8


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


def fit(text: str, width: float, fontsize: float, max_lines: int = 6, language: str = "") -> list[str]:
    """``text`` wrapped into lines no wider than ``width`` points in Helvetica of ``fontsize``.

    A word too long for a line is broken after a '/', '-' or '.' in it, else between syllables
    of ``language`` (a code such as "da", "nb", "en"; none: anywhere) with a hyphen; text beyond
    ``max_lines`` lines is cut and ends in '…'.
    """
    lines: list[str] = []
    for paragraph in paragraphs(text):
        line = ""
        for word in paragraph.split():
            joined = f"{line} {word}" if line else word
            if text_width(joined, fontsize) <= width:
                line = joined
                continue
            if line:
                lines.append(line)
            while len(word) > 1 and text_width(word, fontsize) > width:
                head = _head(word, width, fontsize, language)
                lines.append(head if head.endswith(BREAKS) else head + "-")
                word = word[len(head) :]
            line = word
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1].rstrip("-")
        while last and text_width(last + "…", fontsize) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


BREAKS = ("/", "-", ".")
"""Where a long word (a web address, a compound with a hyphen) breaks without a hyphen added."""


def _head(word: str, width: float, fontsize: float, language: str) -> str:
    """The start of ``word`` for a line ``width`` points wide: up to a break in it (after a '/',
    '-' or '.', or in a word of letters only, between two syllables) at least half as long as
    the longest start that fits with a hyphen, else that start (at least one letter). Where the
    rest fits the next line, the break that makes the two lines most even."""
    cut = 1
    while cut < len(word) and text_width(word[: cut + 1] + "-", fontsize) <= width:
        cut += 1
    marks = [k + 1 for k, c in enumerate(word[:-1]) if c in BREAKS]
    syllables = _hyphenation(language).positions(word) if language and word.isalpha() else []
    breaks = [k for k in [*marks, *syllables] if cut / 2 <= k <= cut]
    if not breaks:
        return word[:cut]
    last = [k for k in breaks if text_width(word[k:], fontsize) <= width]
    if last:
        return word[
            : min(last, key=lambda k: abs(text_width(word[:k], fontsize) - text_width(word[k:], fontsize)))
        ]
    return word[: max(breaks)]


@cache
def _hyphenation(language: str) -> pyphen.Pyphen:
    """The hyphenation patterns of a language (LibreOffice's, through Pyphen)."""
    return pyphen.Pyphen(lang=language)
