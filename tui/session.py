"""Where the editor was in each map, so that it reopens there: kept outside the map, per user.

A small JSON file in the user's state folder (``platformdirs.user_state_dir``), keyed by the
map's real path. Losing or failing to read it is harmless: the editor then opens as new.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from platformdirs import user_state_path

from journeymap.elements import Kind
from journeymap.writing import atomic_write
from tui.navigator import ITERATION, Ref

MAX_MAPS = 200
"""How many maps' places are remembered (the most recently closed ones)."""


def _file() -> Path:
    return user_state_path("journeymap") / "editor.json"


def _read() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def recall(path: Path) -> tuple[str, Ref]:
    """The iteration id and the node that were open in ``path`` last time ("" and the iteration if none)."""
    entry = _read().get(os.path.realpath(path))
    if not isinstance(entry, dict):
        return "", ITERATION
    iteration = entry.get("iteration", "")
    what, kind, ident = entry.get("what", ""), entry.get("kind", ""), entry.get("id", "")
    if what not in ("map", "iteration", "section", "element"):
        return iteration if isinstance(iteration, str) else "", ITERATION
    try:
        ref = Ref(what, Kind(kind) if kind else None, ident if isinstance(ident, str) else "")
    except ValueError:
        ref = ITERATION
    return iteration if isinstance(iteration, str) else "", ref


def remember(path: Path, iteration: str, ref: Ref) -> None:
    """Keep where the editor is in ``path``; a place that cannot be written is silently not kept."""
    data = _read()
    key = os.path.realpath(path)
    data.pop(key, None)
    data[key] = {
        "iteration": iteration,
        "what": ref.what,
        "kind": ref.kind.value if ref.kind else "",
        "id": ref.id,
    }
    kept = dict(list(data.items())[-MAX_MAPS:])
    try:
        _file().parent.mkdir(parents=True, exist_ok=True)
        atomic_write(_file(), json.dumps(kept, indent=1, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass
