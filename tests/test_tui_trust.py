"""The editor changes only what the user changed: moving through it at any speed never edits."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events
from textual.widgets import Tree

from journeymap.document import open_document
from tui.app import JourneymapApp

SIZE = (120, 45)


def copy_of(example: Path, folder: Path) -> Path:
    target = folder / example.name
    shutil.copy(example, target)
    return target


async def open_app(path: Path) -> tuple[JourneymapApp, object]:
    document, recovered = open_document(path)
    return JourneymapApp(path, document, recovered), None


async def wait_ready(app: JourneymapApp, pilot: object) -> None:
    for _ in range(100):
        if app.ready:
            return
        await pilot.pause()  # type: ignore[attr-defined]
    raise AssertionError("the editor did not show the map")


async def burst(app: JourneymapApp, pilot: object, keys: list[str], gap: float = 0.0) -> None:
    """Keys as a terminal delivers them when a key is held down: ``gap`` seconds apart, none waited for."""
    for key in keys:
        app.post_message(events.Key(key, None))
        await asyncio.sleep(gap)
    await pilot.pause()  # type: ignore[attr-defined]


async def expand_everything(app: JourneymapApp, pilot: object) -> int:
    """Open every node of the navigator with the arrow and space keys; the number of rows then."""
    tree = app.screen.query_one("#nav", Tree)
    tree.focus()
    await pilot.press("home")  # type: ignore[attr-defined]
    while True:
        closed = [
            line
            for line in range(tree.last_line + 1)
            if (node := tree.get_node_at_line(line)) is not None
            and node.allow_expand
            and not node.is_expanded
        ]
        if not closed:
            return tree.last_line + 1
        await burst(app, pilot, ["down"] * (closed[0] - tree.cursor_line) + ["space"])


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
async def test_running_through_the_whole_navigator_changes_nothing(example: Path, tmp_path: Path) -> None:
    path = copy_of(example, tmp_path)
    before = path.read_bytes()
    app, _ = await open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        loaded = app.doc.map
        rows = await expand_everything(app, pilot)
        assert rows > 30
        for gap in (0.0, 0.01, 0.03):  # held down (30 to 100 keys a second) and all at once
            await burst(app, pilot, ["up"] * rows, gap)
            await burst(app, pilot, ["down"] * rows, gap)
        await burst(app, pilot, ["pageup", "pagedown", "end", "home"] * 3)
        await pilot.pause(0.5)
        assert app.doc.history.undo_description is None
        assert app.doc.map == loaded
        assert not app.title.startswith("●")
    assert path.read_bytes() == before


NAVIGATION = st.sampled_from(
    ["up", "down", "pageup", "pagedown", "home", "end", "left", "right", "tab", "shift+tab", "escape"]
)
HELD = st.sampled_from(["up", "down"]).flatmap(lambda key: st.lists(st.just(key), min_size=10, max_size=60))
KEYS = st.tuples(
    st.one_of(HELD, st.lists(NAVIGATION, min_size=1, max_size=10)),
    st.sampled_from([0.0, 0.01, 0.03]),  # keys held down, or queued all at once
)
RESIZES = st.sampled_from([(80, 24), (200, 50), (120, 45), (100, 30)])


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(example=st.sampled_from(EXAMPLES), actions=st.lists(st.one_of(KEYS, RESIZES), min_size=3, max_size=12))
async def test_random_navigation_never_edits(
    example: Path, actions: list[tuple[object, ...]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Keys that move, tab, escape and resizes, at any speed, in any order: the map stays as loaded."""
    path = copy_of(example, tmp_path_factory.mktemp("nav"))
    app, _ = await open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        loaded = app.doc.map
        await expand_everything(app, pilot)
        for action in actions:
            if isinstance(action[0], list):
                keys, gap = action
                assert isinstance(gap, float)
                await burst(app, pilot, keys, gap)
            else:
                width, height = action
                assert isinstance(width, int) and isinstance(height, int)
                await pilot.resize_terminal(width, height)
        await pilot.pause(0.3)
        assert app.doc.history.undo_description is None
        assert app.doc.map == loaded
