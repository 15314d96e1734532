"""The journey view: the whole iteration across the screen, driven with keys, read as shown."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from editor import burst, copy_example, open_editor, ready
from textual.widgets import OptionList, Static

import journeymap as jm
from tui.app import JourneymapApp
from tui.compare import Compare
from tui.journey import HEADER, JourneyGrid


def opened(tmp_path: Path, name: str = "telehealth-service-centre") -> tuple[JourneymapApp, Path]:
    path = copy_example(name, tmp_path)
    return open_editor(path), path


def screen_of(grid: JourneyGrid) -> list[str]:
    """The grid's lines as the user sees them."""
    return [grid.render_line(y).text for y in range(grid.size.height)]


async def test_the_journey_shows_stages_steps_lanes_and_the_emotion_curve(tmp_path: Path) -> None:
    app, _ = opened(tmp_path)
    async with app.run_test(size=(140, 45)) as pilot:
        await ready(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        grid = app.screen.query_one(JourneyGrid)
        lines = screen_of(grid)
        assert lines[0].startswith("Stage") and "▌Daily use" in lines[0] and "▌Getting help" in lines[0]
        assert "4. ◇ decision" in lines[1]
        text = "\n".join(lines)
        for lane in (
            "▣ Digital",
            "▤ Physical",
            "● In person",
            "Actions",
            "Frontstage",
            "Backstage",
            "Support",
        ):
            assert any(line.startswith(lane) for line in lines), lane
        for rule in ("line of interaction", "line of visibility", "line of internal interaction"):
            assert f"┄┄ {rule} ┄" in text
        scale = {
            line.split("  ")[0].strip(): line
            for line in lines
            if line[:9] in ("very good", "good +1  ", "neutral 0", "bad -1   ", "very bad ")
        }
        assert set(scale) == {"very good +2", "good +1", "neutral 0", "bad -1", "very bad -2"}
        # Measures at home (+1), the tablet stops (-2), calls the nurse (-2), can the nurse fix it (-1)
        assert scale["good +1"].count("●") == 1 and scale["very bad -2"].count("●") == 2
        assert "╮" in scale["good +1"] and "╰" in scale["very bad -2"] and "│" in scale["neutral 0"]
        assert "✗ No measurements reac" in text and "✦ Alerts when a citize" in text


async def test_moving_in_the_journey_selects_the_step_everywhere_and_scrolls(tmp_path: Path) -> None:
    app, _ = opened(tmp_path, "home-training")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("i", "enter", "down", "enter", "v")  # the future iteration's journey
        await pilot.pause()
        grid = app.screen.query_one(JourneyGrid)
        steps = app.doc.map.iteration("future").steps
        await pilot.press("end")
        await pilot.pause()
        assert f"Step ({len(steps)} of {len(steps)})" in screen_of(grid)[1]
        assert f"{len(steps)}." in screen_of(grid)[1]  # scrolled so that the last step is in view
        await pilot.press("home", "right", "right")
        await pilot.pause()
        assert "Step (3 of" in screen_of(grid)[1]
        await pilot.press("enter")  # edit it: back to the editor, in the step's form
        await pilot.pause(0.3)
        heading = str(app.screen.query_one(".form-heading", Static).content)
        assert heading == f"Step: {steps[2].name}"
        assert app.focused is not None and app.focused.id == "f-name"


async def test_add_move_and_delete_from_the_journey(tmp_path: Path) -> None:
    app, path = opened(tmp_path, "home-training")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("v", "right", "a")
        await pilot.pause()
        await pilot.press(*"Gets a letter", "enter")
        await pilot.pause(0.3)
        current = app.doc.map.iteration("current")
        names = [s.name for s in current.steps]
        assert names[2] == "Gets a letter"  # after the second step, in its stage
        assert current.steps[2].stage == current.steps[1].stage
        await pilot.press("escape", "v")
        await pilot.pause()
        grid = app.screen.query_one(JourneyGrid)
        await pilot.press("home", "right", "right", "ctrl+left")
        await pilot.pause(0.3)
        assert [s.name for s in app.doc.map.iteration("current").steps][1] == "Gets a letter"
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#b-yes")
        await pilot.pause(0.3)
        assert "Gets a letter" not in [s.name for s in app.doc.map.iteration("current").steps]
        assert "Gets a letter" not in "\n".join(screen_of(grid))
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert jm.load(path) == jm.load(ROOT / "examples" / "home-training.toml")


async def test_compare_shows_both_journeys_marked_and_walks_the_changes(tmp_path: Path) -> None:
    app, _ = opened(tmp_path, "home-training")
    async with app.run_test(size=(140, 50)) as pilot:
        await ready(app, pilot)
        await pilot.press("c")
        await pilot.pause(0.3)
        assert isinstance(app.screen, Compare)
        old, new = app.screen.query(JourneyGrid).results(JourneyGrid)
        summary = str(app.screen.query_one("#compare-summary", Static).content)
        assert summary.startswith("+ 23 added   ✗ 16 removed")
        assert summary.endswith("average emotion -1.0 → +1.0 (better)")
        assert "2. ✗ removed" in screen_of(old)[1]
        assert "2. + replaces 2" in screen_of(new)[1] and "3. + replaces 3, 4, 5" in screen_of(new)[1]
        changes = app.screen.query_one("#compare-changes", OptionList)
        steps = [
            k for k in range(changes.option_count) if "step '" in str(changes.get_option_at_index(k).prompt)
        ]
        moved_to = next(k for k in steps if "changed" in str(changes.get_option_at_index(k).prompt))
        changes.focus()
        await pilot.press("home", *["down"] * moved_to)
        await pilot.pause()
        name = str(changes.get_option_at_index(moved_to).prompt).split("step '")[1].rstrip("'").split("'")[0]
        position = [s.name for s in app.doc.map.iteration("future").steps].index(name) + 1
        assert f"Step ({position} of" in screen_of(new)[1]


def selected(grid: JourneyGrid) -> str:
    """The text the grid shows highlighted below its headers: the selected element."""
    found = []
    for y in range(HEADER, grid.size.height):
        found += [s.text.strip() for s in grid.render_line(y) if s.style is not None and s.style.reverse]
    return " ".join(t for t in found if t)


async def test_up_and_down_select_the_elements_of_a_step_to_edit_and_delete(tmp_path: Path) -> None:
    app, path = opened(tmp_path, "home-training")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("v", "right")  # "Does a screening test with an assistant"
        await pilot.pause()
        grid = app.screen.query_one(JourneyGrid)
        assert selected(grid) == "Does a screening test with an assistant"
        await pilot.press("up")
        await pilot.pause()
        assert selected(grid) == "● Care visit with trai…"  # the in-person touchpoint, just above the step
        await pilot.press("up")
        await pilot.pause()
        assert selected(grid) == "▣ DigiRehab training p…"
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert selected(grid) == "· Screen physical func…"  # the task behind it
        await pilot.press("right")  # the next step: its element in the same lane
        await pilot.pause()
        assert selected(grid) == "· Run a training sessi…"
        await pilot.press("enter")
        await pilot.pause(0.3)
        heading = str(app.screen.query_one(".form-heading", Static).content)
        assert heading == "Task: Run a training session"
        assert str(app.nav.cursor_node.label if app.nav.cursor_node else "") == "Run a training session"
        await pilot.press("escape", "v")  # back: the grid is where it was
        await pilot.pause()
        assert selected(grid) == "· Run a training sessi…"
        await pilot.press("left", "up", "up", "up", "d")
        await pilot.pause()
        assert "Delete touchpoint 'DigiRehab training programme'?" in str(
            app.screen.query_one(".dialog-message", Static).content
        )
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert "▣ DigiRehab" not in "\n".join(screen_of(grid))
        assert selected(grid) == "Does a screening test with an assistant"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = jm.load(path).iteration("current")
    assert "app" not in [t.id for t in saved.touchpoints]
    assert saved.steps[1].touchpoints == ("care-visit",)


async def test_rename_in_place_applies_on_enter_and_cancels_on_escape(tmp_path: Path) -> None:
    app, path = opened(tmp_path, "home-training")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("v", "right", "r")
        await pilot.pause()
        await pilot.press(*"Screened at home")  # the whole name was selected: typing replaces it
        await pilot.press("enter")
        await pilot.pause()
        grid = app.screen.query_one(JourneyGrid)
        assert selected(grid) == "Screened at home"
        await pilot.press("up", "f2", *"Nothing", "escape")
        await pilot.pause()
        assert "Nothing" not in "\n".join(screen_of(grid))
        assert app.focused is grid  # still in the journey
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+z")  # the rename was one edit
        await pilot.pause()
        assert app.doc.map.iteration("current").steps[1].name == "Does a screening test with an assistant"
    saved = jm.load(path).iteration("current")
    assert saved.steps[1].name == "Screened at home"


async def test_add_a_touchpoint_and_a_task_to_a_step_from_the_journey(tmp_path: Path) -> None:
    app, path = opened(tmp_path, "home-training")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("v", "end", "t")
        await pilot.pause()
        await pilot.press(*"Reminder text", "enter")
        await pilot.pause(0.3)
        grid = app.screen.query_one(JourneyGrid)
        assert selected(grid) == "▣ Reminder text"
        await pilot.press("k")
        await pilot.pause()
        await pilot.press(*"Send the reminder", "enter")
        await pilot.pause(0.3)
        assert selected(grid) == "· Send the reminder"
        await pilot.press("ctrl+z")  # one edit each
        await pilot.pause()
        assert "Send the reminder" not in "\n".join(screen_of(grid))
        await pilot.press("ctrl+y", "ctrl+s")
        await pilot.pause()
    last = jm.load(path).iteration("current").steps[-1]
    assert last.touchpoints[-1] == "reminder-text" and last.tasks[-1] == "send-the-reminder"


async def test_the_navigator_and_the_journey_select_the_same_element(tmp_path: Path) -> None:
    app, _ = opened(tmp_path, "home-training")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("v", "right", "right", "down")  # a task of the third step
        await pilot.pause()
        grid = app.screen.query_one(JourneyGrid)
        assert selected(grid) == "· Run a training sessi…"
        await pilot.press("escape")
        await pilot.pause()
        assert str(app.nav.cursor_node.label if app.nav.cursor_node else "") == "Run a training session"
        await pilot.press("down", "v")  # the next task in the navigator: the journey shows it
        await pilot.pause()
        assert selected(grid) == "· Record the session"


async def test_compare_at_80_by_24_shows_both_journeys_and_reaches_the_changes(tmp_path: Path) -> None:
    app, _ = opened(tmp_path, "home-training")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("c")
        await pilot.pause(0.3)
        old, new = app.screen.query(JourneyGrid).results(JourneyGrid)
        for grid, corner in ((old, "Before"), (new, "After")):
            lines = screen_of(grid)
            assert lines[0].startswith(corner)
            assert any(line.startswith("Actions") for line in lines), (
                corner
            )  # the journey, not only its headers
        await pilot.press("tab", "down", "down", "down", "down", "down", "down", "down")
        await pilot.pause()
        changes = app.screen.query_one("#compare-changes", OptionList)
        assert app.focused is changes and changes.highlighted is not None
        assert changes.size.height >= 7  # opened up to walk them


async def test_keys_typed_at_once_after_r_all_go_into_the_name(tmp_path: Path) -> None:
    app, _ = opened(tmp_path, "home-training")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        await burst(
            app, pilot, ["r", "ctrl+u", *"Burst", "enter"]
        )  # as a terminal delivers a quick typist's keys
        await pilot.pause(0.3)
        assert app.doc.map.iteration("current").steps[0].name == "Burst"
        assert "Burst" in "\n".join(screen_of(app.screen.query_one(JourneyGrid)))
