"""How wide a text is in the diagrams' font, and text wrapped to a width in points.

The views draw in Helvetica (Arial, or Arimo in the built-in renderer, all with the same widths),
so a label can be fitted to its box by the widths of its letters rather than by counting them.
"""

from __future__ import annotations

from journeymap.views.text import paragraphs

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
    """``text`` wrapped into lines no wider than ``width`` points in Helvetica of ``fontsize``.

    A word too long for a line is broken after a '/', '-' or '.' in it, else with a hyphen; text
    beyond ``max_lines`` lines is cut and ends in '…'.
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
            while text_width(word, fontsize) > width:
                head = _head(word, width, fontsize)
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


def _head(word: str, width: float, fontsize: float) -> str:
    """The longest start of ``word`` (at least one letter) that fits ``width`` with a hyphen
    after it, or up to its last '/', '-' or '.' that fits, if that is at least half as long."""
    cut = 1
    while cut < len(word) and text_width(word[: cut + 1] + "-", fontsize) <= width:
        cut += 1
    at = max(word.rfind(mark, 0, cut + 1) for mark in BREAKS) + 1
    return word[:at] if at * 2 >= cut and at < len(word) else word[:cut]
