"""The editor speaks a designer's language: what each thing is, and what its fields mean."""

from __future__ import annotations

from pathlib import Path

from editor import copy_example, open_editor, ready
from test_tui_actions import rendered
from textual.widgets import Static

from tui.dialogs import Help


async def test_help_explains_the_concepts_in_a_few_words(tmp_path: Path) -> None:
    app = open_editor(copy_example("home-training", tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, Help)
        text = " ".join("\n".join(rendered(s.content) for s in app.screen.query(Static)).split())
        for sentence in (
            "An iteration is a complete version of the service",
            "A stage is a phase of the journey",
            "A step is a moment in the journey",
            "A touchpoint is where the user meets the service",
            "A flow connects two steps when the journey is not a straight line",
            "A user profile (persona) is who the journey is about",
            "core (at the centre of the service), direct (works with the core) or indirect (in the background)",
            "A process is the work behind the journey",
            "A benefit is what the change should gain",
            "A decision step branches the journey",
        ):
            assert sentence in text, sentence


async def test_the_form_says_what_a_step_is_and_what_its_fields_mean(tmp_path: Path) -> None:
    app = open_editor(copy_example("home-training", tmp_path))
    async with app.run_test(size=(160, 60)) as pilot:
        await ready(app, pilot)
        await pilot.press("v", "enter")  # the first step, in the form
        await pilot.pause(0.3)
        shown = "\n".join(str(s.content) for s in app.screen.query(Static) if s.region.height)
        assert "A step is a moment in the journey, as the user lives it" in shown
        assert "Kind of step" in shown
        assert "a decision branches the journey" in shown
        assert "-2 very bad, -1 bad, 0 neutral, +1 good, +2 very good" in shown
