"""Merge conflict records: values written as TOML text, and described in words.

A :class:`~journeymap.model.Conflict` keeps the base, our and their value of one key (or of a
whole element) as the text of a TOML value, so that any value fits one record and
:mod:`journeymap.resolve` can read it back into the model. An empty text means "absent".
"""

from __future__ import annotations

import tomllib
from typing import Any

import tomli_w

from journeymap.converter import make_file_converter, shown
from journeymap.elements import Kind, elements, name_of
from journeymap.model import Conflict, JourneyMap

_converter = make_file_converter()


def encode(value: Any) -> str:
    """A model value (or element) as the text of a TOML value; ``None`` as the empty text."""
    return "" if value is None else inline(_converter.unstructure(value))


def inline(data: Any) -> str:
    """TOML data (as the file converter gives it) as the text of one TOML value, on one line."""
    if isinstance(data, dict):
        return "{ " + ", ".join(f"{k} = {inline(v)}" for k, v in data.items()) + " }" if data else "{}"
    if isinstance(data, list):
        return "[" + ", ".join(inline(v) for v in data) + "]"
    return tomli_w.dumps({"v": data})[4:].rstrip("\n")


def decode(text: str) -> Any:
    """The TOML data of an encoded value (``None`` for the empty text); ``ValueError`` if it is not one."""
    if not text:
        return None
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"not a TOML value: {exc}") from None


def _shown(text: str) -> str:
    if not text:
        return "(none)"
    value = decode(text)
    if isinstance(value, dict):
        return f"{value.get('name') or value.get('id') or 'the element'!r} as a whole"
    return shown(value, 80)


def where(conflict: Conflict, journey_map: JourneyMap | None = None) -> str:
    """What is in conflict, in words: ``step 'Gets a call' in 'future'``, ``the map``."""
    if conflict.kind == "map":
        return "the map"
    if conflict.kind == "iteration":
        return f"iteration {conflict.iteration!r}"
    name = (_name(conflict, journey_map) if journey_map else "") or repr(conflict.id)
    return f"{conflict.kind} {name} in {conflict.iteration!r}"


def _name(conflict: Conflict, journey_map: JourneyMap) -> str:
    try:
        it = journey_map.iteration(conflict.iteration)
        found = [e for e in elements(it, Kind(conflict.kind)) if e.id == conflict.id]
    except (KeyError, ValueError):
        return ""
    return repr(name_of(found[0])) if found else ""


def describe(conflict: Conflict, journey_map: JourneyMap | None = None) -> str:
    """``step 'Gets a call' in 'future': name: ours 'X', theirs 'Y'`` (or why the element is in conflict)."""
    place = where(conflict, journey_map)
    if conflict.ours == conflict.base:
        return f"{place}: {_theirs_only(conflict)} in a locked iteration that both sides changed"
    if not conflict.key and (not conflict.ours or not conflict.theirs):
        edited, removed = ("we", "they") if conflict.ours else ("they", "we")
        what = "added" if not conflict.base else "changed"
        return f"{place}: {edited} {what} it, {removed} removed it"
    return f"{place}: {conflict.key.replace('_', ' ')}: ours {_shown(conflict.ours)}, theirs {_shown(conflict.theirs)}"


def _theirs_only(conflict: Conflict) -> str:
    """What their side did where ours left the base as it was."""
    if conflict.key:
        return f"{conflict.key.replace('_', ' ')}: theirs {_shown(conflict.theirs)}, ours as before {_shown(conflict.ours)}"
    return "they added it" if not conflict.base else "they removed it"
