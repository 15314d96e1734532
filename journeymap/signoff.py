"""The sign-off of a locked iteration: who locked it, when, and a hash of what they signed.

The hash covers the iteration's design: everything but the lock itself and the measurements
(recording measurements stays allowed in a locked iteration, so they are not part of what was
approved). :func:`signature_matches` tells whether the content changed behind the lock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from attrs import evolve

from journeymap.converter import make_file_converter
from journeymap.model import Iteration

_converter = make_file_converter()


def content_hash(it: Iteration) -> str:
    """``sha256:…`` of the iteration's design (not its lock or sign-off, not its measurements)."""
    design = evolve(
        it,
        locked=False,
        locked_by="",
        locked_at=None,
        lock_hash="",
        benefits=tuple(
            evolve(b, indicators=tuple(evolve(i, measurements=()) for i in b.indicators)) for b in it.benefits
        ),
    )
    data = _converter.unstructure(design)
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def signed(it: Iteration, by: str, at: dt.datetime) -> Iteration:
    """The iteration locked, with who locked it, when, and the hash of its content."""
    return evolve(it, locked=True, locked_by=by, locked_at=at, lock_hash=content_hash(it))


def unsigned(it: Iteration) -> Iteration:
    """The iteration unlocked; the sign-off of the old lock goes with it."""
    return evolve(it, locked=False, locked_by="", locked_at=None, lock_hash="")


def signature_matches(it: Iteration) -> bool:
    """False when a locked iteration's content no longer matches the hash recorded at its lock."""
    return not (it.locked and it.lock_hash) or it.lock_hash == content_hash(it)


def now() -> dt.datetime:
    """The current time in UTC, to the second, as a sign-off records it."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
