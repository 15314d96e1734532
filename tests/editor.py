"""Driving the editor in tests as a person would: open a copy of an example, wait, press keys."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from conftest import ROOT
from textual import events
from textual.widgets import Select

from journeymap.document import open_document
from tui.app import JourneymapApp
from tui.dialogs import FormDialog


def copy_example(name: str, folder: Path) -> Path:
    """A copy of ``examples/NAME.toml`` in ``folder``, to edit and save."""
    target = folder / f"{name}.toml"
    shutil.copy(ROOT / "examples" / f"{name}.toml", target)
    return target


def open_editor(path: Path) -> JourneymapApp:
    """The editor on ``path``, as ``journeymap edit`` opens it (with any recovery copy)."""
    document, recovery = open_document(path)
    return JourneymapApp(path, document, recovery)


async def ready(app: JourneymapApp, pilot: object) -> None:
    """Wait until the editor shows the map and takes keys."""
    for _ in range(100):
        if app.ready:
            return
        await pilot.pause()  # type: ignore[attr-defined]
    raise AssertionError("the editor did not show the map")


async def burst(app: JourneymapApp, pilot: object, keys: list[str], gap: float = 0.0) -> None:
    """Keys as a terminal delivers them when a key is held down: ``gap`` seconds apart, none waited for."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))
        await asyncio.sleep(gap)
    await pilot.pause()  # type: ignore[attr-defined]


async def export_from_dialog(app: JourneymapApp, pilot: object, view: str, fmt: str) -> None:
    """Press e, choose a view and a format, OK, and wait for the export to be written."""
    await pilot.press("e")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    dialog = app.screen
    assert isinstance(dialog, FormDialog)
    dialog.query_one("#d-view", Select).value = view
    dialog.query_one("#d-format", Select).value = fmt
    await pilot.click("#ok")  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
