"""Undo and redo."""

from __future__ import annotations

import pytest
from conftest import ROOT

import journeymap as jm
from journeymap.edit import Update
from journeymap.elements import Kind
from journeymap.errors import EditError
from journeymap.history import History

HOME = jm.load(ROOT / "examples" / "home-training.toml")


def rename(name: str) -> Update:
    return Update("future", Kind.STEP, "referred", {"name": name})


def test_undo_redo_with_descriptions() -> None:
    h = History(HOME)
    assert h.undo() is None and h.redo() is None and not h.dirty
    h.apply(rename("A"))
    h.apply(rename("B"))
    assert h.dirty
    assert h.undo_description == "Renamed step 'A' to 'B'"
    assert h.undo() == "Renamed step 'A' to 'B'"
    assert h.redo_description == "Renamed step 'A' to 'B'"
    assert h.undo() == "Renamed step 'Is assessed and offered training first' to 'A'"
    assert h.current == HOME and not h.dirty
    assert h.redo() == "Renamed step 'Is assessed and offered training first' to 'A'"
    h.apply(rename("C"))
    assert h.redo() is None, "a new edit clears redo"
    assert h.descriptions() == [
        "Renamed step 'Is assessed and offered training first' to 'A'",
        "Renamed step 'A' to 'C'",
    ]


def test_failed_edit_changes_nothing() -> None:
    h = History(HOME)
    with pytest.raises(EditError):
        h.apply(Update("future", Kind.STEP, "referred", {"emotion": 9}))
    assert h.current is HOME and h.undo() is None


def test_depth_is_bounded() -> None:
    h = History(HOME, depth=3)
    for k in range(5):
        h.apply(rename(f"N{k}"))
    undone = 0
    while h.undo():
        undone += 1
    assert undone == 3
    assert h.current.iteration("future").steps[0].name == "N1"


def test_mark_saved_tracks_dirty() -> None:
    h = History(HOME)
    h.apply(rename("A"))
    h.mark_saved()
    assert not h.dirty
    h.undo()
    assert h.dirty
