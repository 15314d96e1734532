"""A map as lines of text, one per value, each saying where it is: what git's diff driver shows.

``iteration 'future' / step 'intake' / name: "Gets a call"``: a line diff of two such texts reads
as a list of changes to the journey (git runs it as ``textconv`` in ``diff``, ``log -p``, ``show``).
"""

from __future__ import annotations

from typing import Any

from journeymap.conflicts import describe, inline
from journeymap.converter import make_file_converter
from journeymap.elements import Kind
from journeymap.model import JourneyMap

_converter = make_file_converter()
_SINGULAR = {k.collection: k.value for k in Kind} | {"iterations": "iteration", "measurements": "measurement"}


def listing(journey_map: JourneyMap) -> str:
    """Every value of the map on its own line, after where it is; then the unresolved conflicts."""
    lines: list[str] = []
    data: dict[str, Any] = _converter.unstructure(journey_map)
    _table(lines, "map", {k: v for k, v in data.items() if k not in ("iterations", "conflicts")})
    for it in data.get("iterations", []):
        _table(lines, f"iteration {it['id']!r}", it)
    lines += [f"conflict {n}: {describe(c, journey_map)}" for n, c in enumerate(journey_map.conflicts, 1)]
    return "".join(f"{line}\n" for line in lines)


def _table(lines: list[str], where: str, table: dict[str, Any], named_by: str = "id") -> None:
    """The values of a table, then its nested elements (each under its kind and id, or date)."""
    nested = []
    for key, value in table.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            nested.append((key, value))
        elif key != named_by:
            lines.append(f"{where} / {key}: {inline(value)}")
    for key, items in nested:
        for item in items:
            by = "id" if "id" in item else "date"
            _table(lines, f"{where} / {_SINGULAR.get(key, key)} {str(item.get(by))!r}", item, by)
