"""What the command line prints: text from maps and arguments, with control characters shown escaped.

A label can hold terminal escape sequences (``\\x1b]0;…\\x07`` sets the window title,
``\\x1b[2J`` clears the screen) or a right-to-left override that reverses what follows. Printed
raw, they act on the terminal of whoever runs the command. :func:`shown` writes each such
character as a Python-style escape instead (``\\x1b``, ``\\u202e``); :func:`escaped_output` applies
it to everything written to ``sys.stdout`` and ``sys.stderr`` as text. Bytes written to
``sys.stdout.buffer`` (a rendered diagram) and files written with ``-o`` are left as they are, and
so is the editor's screen (Textual draws on ``sys.__stderr__``).
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO, cast

from journeymap.characters import UNFIT

_UNSAFE = re.compile(f"{UNFIT}|[\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|\r(?!\n)")
"""Controls (and what no document may hold), bidirectional marks, overrides and isolates, line and
paragraph separators, and a carriage return but before a line feed (CSV lines end so)."""


def shown(text: str) -> str:
    """``text`` with every character that could act on a terminal written as an escape."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class _Shown(io.TextIOBase):
    """A text stream that passes what it is given through :func:`shown`."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(shown(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    @property
    def buffer(self) -> object:
        """The underlying byte stream, for output that is not text (a PNG to stdout)."""
        return self._stream.buffer

    def isatty(self) -> bool:
        return self._stream.isatty()


@contextmanager
def escaped_output() -> Iterator[None]:
    """Within the block, text printed to stdout and stderr is :func:`shown`."""
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = cast(TextIO, _Shown(stdout)), cast(TextIO, _Shown(stderr))
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdout, sys.stderr = stdout, stderr
