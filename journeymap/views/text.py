"""Turning what people typed into safe, wrapped Graphviz label text.

Every piece of user text passes through :func:`label`: backslashes, quotes, ``&`` and
``<...>`` lose any meaning to Graphviz, control characters (and others unfit for SVG) become spaces, and long text is
wrapped and cut, so a name can never change a diagram's structure or break its layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from journeymap.characters import UNFIT

_CONTROL = re.compile(f"{UNFIT}|[\r\u2028\u2029]")
"""What becomes a space: characters unfit for SVG, and line breaks other than LF."""


def wrap(text: str, width: int, max_lines: int = 6) -> list[str]:
    """``text`` in lines of at most ``width`` characters; more than ``max_lines`` ends in '…'."""
    lines: list[str] = []
    for paragraph in paragraphs(text):
        lines += _greedy(paragraph, width)
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(1, width - 1)].rstrip() + "…"
    return lines


def paragraphs(text: str) -> list[str]:
    """The lines ``text`` was typed in, with tabs and characters unfit for a label as spaces."""
    return _CONTROL.sub(" ", text).replace("\t", " ").split("\n")


def _greedy(paragraph: str, width: int) -> list[str]:
    """Words filled into lines; a word longer than a line is cut."""
    lines: list[str] = []
    line = ""
    for word in paragraph.split():
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line or not lines else lines


def escape(line: str) -> str:
    """One line as literal Graphviz label text (quotes are left to the DOT writer)."""
    return _CONTROL.sub(" ", line).replace("\n", " ").replace("\\", "\\\\").replace("&", "&amp;")


def label(lines: Iterable[str], align: str = "center") -> str:
    """Lines joined as a Graphviz label; ``align`` is ``center`` or ``left``.

    The DOT writer puts it in double quotes, so text such as ``<b>`` stays text.
    """
    end = "\\l" if align == "left" else "\\n"
    parts = [escape(line) for line in lines]
    text = end.join(parts) + (end if align == "left" and parts else "")
    return text


def wrapped(text: str, width: int, max_lines: int = 6) -> str:
    """Shorthand: ``label(wrap(text, width, max_lines))``."""
    return label(wrap(text, width, max_lines))
