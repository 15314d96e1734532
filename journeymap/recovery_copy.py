"""The recovery copy's own format: the map as JSON, fast to write while the user keeps editing.

A recovery copy is written after edits, off the editor's thread but under Python's one lock on
the interpreter, so its cost is felt as a pause: JSON (encoded in C) of the map's plain data takes
a fraction of the canonical TOML writer's time on a large map. It is read back through the same
strict converter as a map file, so a damaged or hostile copy gives a :class:`LoadError`, never a
wrong map. The copy names the digest of the file its edits started from.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from cattrs.errors import BaseValidationError

from journeymap.converter import make_file_converter, structure_problems
from journeymap.errors import LoadError
from journeymap.model import JourneyMap
from journeymap.problems import error

FORMAT = "journeymap recovery copy 1"
_converter = make_file_converter()


def encode(journey_map: JourneyMap, base: str) -> bytes:
    """The copy of ``journey_map``, whose edits started from the file with digest ``base``."""
    data = {"format": FORMAT, "base": base, "map": _converter.unstructure(journey_map)}
    return json.dumps(data, default=_tagged, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode(raw: bytes, source: str) -> tuple[JourneyMap, str]:
    """The map in a copy and the digest of the file it started from; :class:`LoadError` if it is no copy."""
    try:
        data = json.loads(raw.decode("utf-8"), object_hook=_untagged)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise LoadError(source, [error("", f"not a recovery copy: {exc}")]) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("base"), str):
        raise LoadError(source, [error("", "not a recovery copy of this version of journeymap")])
    try:
        return _converter.structure(data["map"], JourneyMap), data["base"]
    except BaseValidationError as exc:
        raise LoadError(source, structure_problems(exc)) from None
    except (ValueError, RecursionError):
        raise LoadError(source, [error("", "not a recovery copy: a value cannot be read")]) from None


def _tagged(value: Any) -> dict[str, str]:
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    raise TypeError(f"a recovery copy cannot hold {type(value).__name__}")


def _untagged(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        if isinstance(obj.get("$date"), str):
            return dt.date.fromisoformat(obj["$date"])
        if isinstance(obj.get("$datetime"), str):
            return dt.datetime.fromisoformat(obj["$datetime"])
    return obj
