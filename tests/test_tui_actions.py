"""One registry of actions: the footer, the help and the palette show it; a keymap file remaps it."""

from __future__ import annotations

import io
import os
from pathlib import Path

from editor import copy_example, open_editor, ready
from rich.console import Console
from textual.widgets import Static

from tui.actions import ACTIONS, PLACES
from tui.dialogs import Help


def rendered(content: object) -> str:
    """Text as the help shows it, all of it (the help scrolls)."""
    console = Console(width=160, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


def words_on_screen(app: object) -> str:
    return app.export_screenshot().replace("&#160;", " ")  # type: ignore[attr-defined]


async def test_footer_help_and_palette_list_the_registry(tmp_path: Path) -> None:
    app = open_editor(copy_example("home-training", tmp_path))
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(app, pilot)
        await pilot.pause(0.3)  # the footer follows the focus
        shown = [a for a in ACTIONS if a.footer and a.keys and a.where in ("app", "navigator")]
        screen = words_on_screen(app)
        for action in shown:
            assert action.title in screen, action.id
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, Help)
        text = "\n".join(rendered(s.content) for s in app.screen.query(Static))
        for action in ACTIONS:
            if action.keys:
                assert action.help in text, action.id
        for title in PLACES.values():
            assert title in text
        assert "a moment in the journey" in text and "core (at the centre of the service)" in text
        await pilot.press("escape")
        commands = {(c.title, c.help.split(" (")[0]) for c in app.get_system_commands(app.screen)}
        assert {(a.title, a.help.split(" (")[0]) for a in ACTIONS if a.palette} <= commands
        assert not {(a.title, a.help.split(" (")[0]) for a in ACTIONS if not a.palette} & commands


async def test_a_keymap_file_remaps_an_action(tmp_path: Path) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "journeymap"
    config.mkdir(parents=True)
    (config / "keymap.toml").write_text('[keys]\njourney = "f3"\n', encoding="utf-8")
    app = open_editor(copy_example("home-training", tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.query_one("#journey").has_class("hidden")
        await pilot.press("f3")
        await pilot.pause()
        assert not app.screen.query_one("#journey").has_class("hidden")


async def test_a_broken_keymap_file_is_named_and_ignored(tmp_path: Path) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "journeymap"
    config.mkdir(parents=True)
    (config / "keymap.toml").write_text('[keys]\nfly = "f3"\n', encoding="utf-8")
    app = open_editor(copy_example("home-training", tmp_path))
    shown: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (shown.append(message), notify(message, **kw))[1]  # type: ignore[method-assign, func-returns-value]
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        assert not app.screen.query_one("#journey").has_class("hidden")
    assert any("keymap.toml: not used: unknown action fly" in m for m in shown), shown
