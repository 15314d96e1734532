"""The JSON Schema of the file format, generated from the model so it cannot drift.

It keeps to keywords that editors validating TOML understand (type, properties,
required, additionalProperties, enum, items, pattern, minimum/maximum, format,
$ref into $defs). TOML dates are checked as strings with ``format: date``, as
editors do when they treat a TOML document as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import types
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from journeymap.model import SCHEMA_REF, JourneyMap

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    dt.date: {"type": "string", "format": "date"},
    dt.datetime: {"type": "string", "format": "date-time"},
}
_KEYWORDS = ("pattern", "minimum", "maximum")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a map file."""
    defs: dict[str, Any] = {}
    root = _object(JourneyMap, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_REF,
        "title": "journeymap map file",
        "description": "A journeymap service-journey and actor map, in iterations. The README's 'The file format' describes it.",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    """The schema as the JSON text kept in ``schemas/``."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _object(cl: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(cl)
    properties: dict[str, Any] = {}
    required = []
    for a in attrs.fields(cl):
        if not a.metadata.get("file", True):
            continue
        prop = _type(hints[a.name], defs)
        prop = {"description": a.metadata["doc"], **prop} if a.metadata.get("doc") else prop
        prop |= {k: a.metadata[k] for k in _KEYWORDS if k in a.metadata}
        properties[a.name] = prop
        if a.default is attrs.NOTHING or a.metadata.get("required"):
            required.append(a.name)
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def _type(t: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if t in _SCALARS:
        return dict(_SCALARS[t])
    origin = get_origin(t)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in get_args(t) if a is not type(None)]
        return _type(inner, defs)
    if origin is tuple:
        return {"type": "array", "items": _type(get_args(t)[0], defs)}
    if isinstance(t, type) and issubclass(t, Enum):
        return {"type": "string", "enum": [m.value for m in t]}
    if attrs.has(t):
        if t.__name__ not in defs:
            defs[t.__name__] = {}
            defs[t.__name__] = {"description": (t.__doc__ or "").strip(), **_object(t, defs)}
        return {"$ref": f"#/$defs/{t.__name__}"}
    raise TypeError(f"no JSON Schema for {t!r}")
