"""The editor's form shows and edits an element's evidence and sources, driven with keys."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES
from editor import open_editor, ready
from textual.widgets import Select, TextArea

import journeymap as jm
from tui.app import JourneymapApp
from tui.form import Form
from tui.navigator import Ref

SIZE = (110, 40)


async def show(app: JourneymapApp, pilot: object, ref: Ref) -> Form:
    """Select an element as the navigator does and wait until the form shows it."""
    app._changed(ref)
    for _ in range(50):
        await pilot.pause()  # type: ignore[attr-defined]
        form = app.query_one(Form)
        if form.ref == ref and form._body is not None and not form._scheduled:
            return form
    raise AssertionError(f"the form did not show {ref}")


async def test_set_evidence_and_a_source_with_keys_and_save(tmp_path: Path) -> None:
    path = tmp_path / "map.toml"
    shutil.copy(FIXTURES / "evidence.toml", path)
    app = open_editor(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        form = await show(app, pilot, Ref("element", jm.Kind.STEP, "call"))
        assert form._body is not None
        evidence = form._body.query_one("#f-evidence", Select)
        assert evidence.value is jm.Evidence.ASSUMED
        evidence.focus()
        await pilot.press("enter", "up", "enter")  # open the list, one up from 'assumed', choose
        await pilot.pause()
        assert app.doc.map.iteration("today").steps[0].evidence is jm.Evidence.OBSERVED

        sources = form._body.query_one("#f-sources", TextArea)
        assert sources.text == ""
        sources.focus()
        await pilot.press(*"Interview with a citizen", "enter", *"https://example.org/log")
        await pilot.press("tab")  # leaving the field applies it
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    step = jm.load(path).iteration("today").steps[0]
    assert step.evidence is jm.Evidence.OBSERVED
    assert step.sources == ("Interview with a citizen", "https://example.org/log")
    assert not [p for p in jm.validate(jm.load(path)) if p.element == "call"]
