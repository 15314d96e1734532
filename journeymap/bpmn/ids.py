"""XML ids made from element ids: valid NCNames, one id per element and never two.

An id is a kind followed by its parts, each after ``__``: ``Task__intake__screen``. In a part,
letters, digits, ``-`` and ``.`` stay as they are and every other character (``_`` included) is
written ``_<hex>_`` (``_5f_`` for ``_``). Read from the left, ``__`` always separates two parts
and ``_<hex>_`` is always one character, so different elements always get different ids,
whatever their ids; and an id begins with the kind's letter, as an NCName must.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"[A-Za-z0-9.-]")


def xml_id(kind: str, *parts: str) -> str:
    """The XML id of the element of ``kind`` (letters only) identified by ``parts``."""
    return "__".join([kind, *("".join(_char(c) for c in part) for part in parts)])


def _char(c: str) -> str:
    return c if _KEPT.fullmatch(c) else f"_{ord(c):x}_"
