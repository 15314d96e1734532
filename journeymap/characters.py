"""Characters that no document journeymap writes may hold, and how they are replaced."""

from __future__ import annotations

import re

UNFIT = (
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U000efffe\U000effff"
    "\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
"""A regular expression: the characters XML forbids or HTML calls a parse error (C0 and C1
controls but tab and line breaks, lone surrogates, noncharacters)."""
_UNFIT = re.compile(UNFIT)


def printable(text: str) -> str:
    """``text`` fit for a document: unfit characters become U+FFFD (as Markdown does with NUL), line ends LF."""
    return _UNFIT.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
