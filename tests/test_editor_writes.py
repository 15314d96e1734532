"""The editor's save goes through the same safe writes: refusals are shown, nothing is lost."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import ROOT
from test_tui import SIZE, app_for, select

from tui.navigator import ITERATION, Navigator


async def test_saving_a_read_only_map_is_refused_and_shown(tmp_path: Path) -> None:
    path = tmp_path / "home-training.toml"
    shutil.copy(ROOT / "examples" / "home-training.toml", path)
    os.chmod(path, 0o444)
    before = path.read_bytes()
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(app, pilot, ITERATION, "future")
        app.query_one(Navigator).focus()
        await pilot.press("l", "ctrl+s")
        await pilot.pause()
        assert app.is_running and app.doc.dirty
        shown = [n.message for n in app._notifications]
        assert any("Not saved" in m and "the file is read-only" in m for m in shown), shown
    assert path.read_bytes() == before
