"""TOML text to Python data: rtoml (compiled, about 4x faster) where it is installed, else tomllib.

rtoml gives the same values as ``tomllib`` for everything a map holds. Whenever rtoml refuses
a text, ``tomllib`` parses it again, so a broken file gets ``tomllib``'s message with line and
column (and a text only ``tomllib`` reads, such as a number beyond 64 bits, reads as before).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from typing import Any


def _compiled() -> Callable[[str], dict[str, Any]] | None:
    try:
        from rtoml import loads
    except ImportError:  # no wheel for this platform: the standard library does it all
        return None
    return loads


FAST = _compiled()
"""The compiled parser in use, if any."""


def parse(text: str) -> dict[str, Any]:
    """The data of a TOML text; ``tomllib.TOMLDecodeError`` (or its ``ValueError``) if it is not TOML."""
    if FAST is None or text.startswith("\ufeff"):  # tomllib refuses a byte order mark; rtoml skips it
        return tomllib.loads(text)
    try:
        return FAST(text)
    except Exception:  # any refusal: tomllib decides, and says what is wrong and where
        return tomllib.loads(text)
