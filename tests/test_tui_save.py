"""Saving from the editor (in a worker, so that a large map does not freeze the screen): still atomic,
still asking before it overwrites a file changed outside journeymap."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from editor import copy_example, open_editor, ready
from textual.widgets import Static

import journeymap as jm
import journeymap.document as document
from tui.dialogs import Confirm


async def saved(app: object, pilot: object) -> None:
    """Press ctrl+s and wait for the save to finish."""
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_saving_refuses_to_overwrite_an_outside_change_until_asked_and_writes_atomically(
    tmp_path: Path,
) -> None:
    path = copy_example("home-training", tmp_path)
    app = open_editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("v", "r", *"Assessed after a fall", "enter")
        await pilot.pause()
        outside = path.read_text(encoding="utf-8").replace("Referral", "Henvisning")
        path.write_text(outside, encoding="utf-8")
        await saved(app, pilot)
        assert isinstance(app.screen, Confirm)
        message = str(app.screen.query_one(".dialog-message", Static).content)
        assert (
            message == "home-training.toml was changed outside journeymap since you opened it. Overwrite it?"
        )
        await pilot.press("tab", "enter")  # Cancel
        await app.workers.wait_for_complete()
        assert path.read_text(encoding="utf-8") == outside
        assert app.title.startswith("● ")  # still unsaved
        before = tmp_path / "before.toml"
        os.link(path, before)  # a second name of the file as it is
        await saved(app, pilot)
        await pilot.press("enter")  # Overwrite
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.title == "home-training.toml"
    assert jm.load(path).iteration("current").steps[0].name == "Assessed after a fall"
    assert before.read_text(encoding="utf-8") == outside  # a new file was renamed over it, not written into


def test_an_edit_made_while_a_save_is_writing_stays_unsaved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor saves in a worker while the user goes on editing: the later edit is not counted as saved."""
    path = copy_example("home-training", tmp_path)
    doc, _ = document.open_document(path)
    doc.apply(jm.Update("current", jm.Kind.STEP, "referred", {"name": "Before the save"}))
    write = document.save

    def slow_save(journey_map: jm.JourneyMap, target: Path) -> None:
        doc.apply(jm.Update("current", jm.Kind.STEP, "referred", {"name": "During the save"}))
        write(journey_map, target)

    monkeypatch.setattr(document, "save", slow_save)
    doc.save()
    assert jm.load(path).iteration("current").steps[0].name == "Before the save"
    assert doc.dirty
