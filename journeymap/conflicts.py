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
    """A value as messages quote it: text and numbers as Python would, lists as their TOML."""
    if not text:
        return "(none)"
    value = decode(text)
    if isinstance(value, dict):
        return f"{value.get('name') or value.get('id') or 'the element'!r} as a whole"
    if isinstance(value, list):
        return text if len(text) <= 80 else text[:79] + "…"
    return shown(value, 80)


def _readings(conflict: Conflict) -> str:
    """The measurements two sides recorded differently: ``2026-03-01: ours 8, theirs 7 ('recounted')``."""
    ours, theirs = ({m["date"]: m for m in decode(t) or []} for t in (conflict.ours, conflict.theirs))

    def reading(m: dict[str, Any] | None) -> str:
        if m is None:
            return "(none)"
        return shown(m["value"]) + (f" ({m['note']!r})" if m.get("note") else "")

    dates = sorted(d for d in ours.keys() | theirs.keys() if ours.get(d) != theirs.get(d))
    return "; ".join(
        f"{d.isoformat()}: ours {reading(ours.get(d))}, theirs {reading(theirs.get(d))}" for d in dates
    )


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
    """``step 'Gets a call' in 'future': name: ours 'X', theirs 'Y'`` (or what happened to the element)."""
    key = conflict.key.replace("_", " ")
    if not conflict.key:
        what = _whole(conflict)
    elif conflict.key == "measurements":
        what = f"measurements of {_readings(conflict)}"
    elif conflict.locked:
        what = f"{key}: theirs {_shown(conflict.theirs)}, ours {_shown(conflict.ours)}"
    else:
        what = f"{key}: ours {_shown(conflict.ours)}, theirs {_shown(conflict.theirs)}"
    locked = " in a locked iteration that both sides changed" if conflict.locked else ""
    return f"{where(conflict, journey_map)}: {what}{locked}"


def _whole(conflict: Conflict) -> str:
    """What the two sides did to a whole element."""
    if not conflict.theirs:
        return "we changed it, they removed it" if conflict.ours != conflict.base else "they removed it"
    if not conflict.ours:
        return "they changed it, we removed it" if conflict.base else "they added it"
    return "they changed it"
