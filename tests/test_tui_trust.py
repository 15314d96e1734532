"""The editor changes only what the user changed: moving through it at any speed never edits."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events
from textual.widgets import Select, Tree

import journeymap as jm
from journeymap.document import open_document, recovery_path
from tui.app import JourneymapApp
from tui.dialogs import Confirm, FormDialog

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


# --- recovery, locks, an empty map, compare export --------------------------------------------


def recorder(app: JourneymapApp) -> list[str]:
    """The messages the editor shows as notifications (run_test mounts no toasts)."""
    shown: list[str] = []
    notify = app.notify

    def record(message: str, **kwargs: Any) -> None:
        shown.append(message)
        notify(message, **kwargs)

    app.notify = record  # type: ignore[method-assign]
    return shown


def home_training(tmp_path: Path) -> Path:
    return copy_of(next(e for e in EXAMPLES if e.stem == "home-training"), tmp_path)


async def test_a_recovery_copy_follows_each_edit_within_a_second(tmp_path: Path) -> None:
    path = home_training(tmp_path)
    app, _ = await open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("l")  # lock: an edit
        for _ in range(12):
            await pilot.pause(0.1)
            if recovery_path(path).exists():
                break
        assert recovery_path(path).exists(), "no recovery copy a second after the edit"
        assert jm.loads(recovery_path(path).read_text(encoding="utf-8")).iteration("current").locked
        await pilot.press("ctrl+z")  # back to what is saved: nothing to recover
        await pilot.pause(1.0)
        assert not recovery_path(path).exists()
        await pilot.press("l")
        await pilot.pause(1.0)
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        assert not recovery_path(path).exists()
        await pilot.press("l", "ctrl+q")
        await pilot.pause()
        await pilot.click("#b-discard")
        await pilot.pause(0.8)
    assert not recovery_path(path).exists()
    assert jm.load(path).iteration("current").locked


async def test_a_clean_quit_leaves_no_recovery_copy(tmp_path: Path) -> None:
    path = home_training(tmp_path)
    app, _ = await open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("l")
        await pilot.pause(1.0)
        await pilot.press("l")  # unlocked again: as saved
        await pilot.press("ctrl+q")
        await pilot.pause(0.8)
    assert not recovery_path(path).exists()


async def test_restore_warns_of_a_newer_file_on_disk_and_saving_still_asks(tmp_path: Path) -> None:
    path = home_training(tmp_path)
    doc, _ = open_document(path)
    doc.apply(jm.EditIteration("future", {"label": "Mine, never saved"}))
    doc.write_recovery()  # then the terminal was closed
    outside = path.read_text(encoding="utf-8").replace('title = "', 'title = "Theirs: ', 1)
    path.write_text(outside, encoding="utf-8")
    app, _ = await open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "changed on disk after that" in app.screen.message
        assert dt.date.today().isoformat() in app.screen.message  # when the copy was made
        await pilot.click("#b-yes")
        await pilot.pause()
        assert app.doc.map.iteration("future").label == "Mine, never saved"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and "changed outside" in app.screen.message
        await pilot.click("#b-cancel")
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == outside


async def test_keeping_the_disk_version_drops_the_copy(tmp_path: Path) -> None:
    path = home_training(tmp_path)
    doc, _ = open_document(path)
    doc.apply(jm.EditIteration("future", {"label": "Mine, never saved"}))
    doc.write_recovery()
    path.write_text(path.read_text(encoding="utf-8").replace('title = "', 'title = "Theirs: ', 1))
    app, _ = await open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#b-no")
        await pilot.pause()
        assert app.doc.map == jm.load(path) and not app.doc.dirty
    assert not recovery_path(path).exists()


async def test_an_unreadable_recovery_copy_is_set_aside_and_the_map_opens(tmp_path: Path) -> None:
    path = home_training(tmp_path)
    recovery_path(path).mkdir()
    app, _ = await open_app(path)
    shown = recorder(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert not isinstance(app.screen, Confirm)
        assert any("could not be read" in m and "set aside" in m for m in shown)
        assert "Home training" in str(app.screen.query_one("#nav", Tree).get_node_at_line(0).label)
    assert not recovery_path(path).exists()


async def test_a_locked_iteration_refuses_at_once(tmp_path: Path) -> None:
    path = home_training(tmp_path)
    app, _ = await open_app(path)
    shown = recorder(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("l")
        loaded = app.doc.map
        for key in ("down", "down", "space", "down", "a", "d", "ctrl+down", "ctrl+up"):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, (Confirm, FormDialog)), f"{key} opened a dialog"
        assert app.doc.map == loaded
        refusals = [m for m in shown if "locked" in m and "press l" in m]
        assert len(refusals) == 4


async def test_a_map_without_iterations_opens_and_gets_its_first(tmp_path: Path) -> None:
    path = tmp_path / "empty.toml"
    path.write_text('schema_version = 1\ntitle = "x"\n', encoding="utf-8")
    app, _ = await open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        lines = [str(app.screen.query_one("#nav", Tree).get_node_at_line(n).label) for n in (0, 1)]
        assert lines == ["Map: x", "No iterations yet: press b to add the first"]
        await pilot.press("down", "down", "a", "d", "c", "e")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.click("#ok")
        await pilot.pause()
        assert [it.id for it in app.doc.map.iterations] == ["current"]
        assert "Today" in app.sub_title
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert jm.load(path).iteration("current").label == "Today"


async def test_compare_export_from_the_root_iteration(tmp_path: Path) -> None:
    path = home_training(tmp_path)
    app, _ = await open_app(path)
    shown = recorder(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(app, pilot)
        assert "(current)" in app.sub_title
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#d-view", Select).value = "compare"
        dialog.query_one("#d-format", Select).value = "dot"
        await pilot.click("#ok")
        for _ in range(50):
            await pilot.pause(0.1)
            if any(m.startswith("Wrote") for m in shown):
                break
    written = path.with_name("home-training-compare-current.dot")
    assert written.exists(), shown
    assert "A few dedicated trainers" in written.read_text(encoding="utf-8")
