"""Golden screenshots of the editor: the journey view, the compare view and the help, as a user sees them.

They are SVG files in ``tests/__snapshots__/test_tui_snapshots/``. A change to what these screens
show fails them; after checking the new look (``pytest tests/test_tui_snapshots.py`` writes a
report with the old and new pictures side by side), accept it with
``pytest tests/test_tui_snapshots.py --snapshot-update`` and commit the SVGs with the change.
Textual is pinned exactly in ``pyproject.toml``: its releases redraw widgets and change them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from editor import copy_example, open_editor, ready
from textual.pilot import Pilot

EXAMPLES = ("home-training", "telehealth-service-centre")
SIZES = ((80, 24), (160, 48))
SnapCompare = Callable[..., bool]


def keys(*pressed: str) -> Callable[[Pilot[Any]], Any]:
    """What to do before the screenshot: wait for the map, then press the keys."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot.app, pilot)  # type: ignore[arg-type]
        await pilot.pause(0.5)  # the map's first check starts 0.3 s after the first screen
        await pilot.app.workers.wait_for_complete()  # its result is shown, whatever the machine's speed
        await pilot.press(*pressed)
        await pilot.pause(0.2)
        await pilot.app.workers.wait_for_complete()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("example", EXAMPLES)
def test_journey_view(snap_compare: SnapCompare, tmp_path: Path, example: str, size: tuple[int, int]) -> None:
    app = open_editor(copy_example(example, tmp_path))
    assert snap_compare(app, terminal_size=size, run_before=keys("v", "right", "down"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("example", EXAMPLES)
def test_compare_view(snap_compare: SnapCompare, tmp_path: Path, example: str, size: tuple[int, int]) -> None:
    app = open_editor(copy_example(example, tmp_path))
    assert snap_compare(app, terminal_size=size, run_before=keys("c"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = open_editor(copy_example("home-training", tmp_path))
    assert snap_compare(app, terminal_size=size, run_before=keys("f1"))
