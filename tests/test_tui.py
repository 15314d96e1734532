"""The editor, driven as a user would with Textual's pilot."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from editor import export_from_dialog, open_editor, ready
from rich.console import Console
from textual.widgets import Button, Input, OptionList, Select, SelectionList, Static, TextArea

import journeymap as jm
from journeymap.creation import slug
from journeymap.document import open_document, recovery_path
from tui.app import JourneymapApp
from tui.compare import Compare
from tui.dialogs import Confirm, FormDialog, PickMany
from tui.form import Form
from tui.navigator import ITERATION, Navigator, Ref
from tui.priorities import Priorities
from tui.problems import Problems

SIZE = (100, 32)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "home-training.toml"
    shutil.copy(ROOT / "examples" / "home-training.toml", target)
    return target


app_for = open_editor


async def select(app: JourneymapApp, pilot: object, ref: Ref, iteration: str = "") -> None:
    """Put the navigator's cursor on an element, as clicking through the tree would."""
    await started(app, pilot)
    if iteration:
        app.iteration_id = iteration
    app._changed(ref)
    await settled(app, pilot)


started = ready


async def settled(app: JourneymapApp, pilot: object) -> None:
    """Wait until the form shows the selected element."""
    for _ in range(50):
        await pilot.pause()  # type: ignore[attr-defined]
        form = app.query_one(Form)
        if form.ref == app.selected and form._body is not None and not form._scheduled:
            return
    raise AssertionError(f"the form did not show {app.selected}")


async def enter_text(pilot: object, widget: Input, text: str) -> None:
    """Type ``text`` into an input and press enter, as a user would."""
    widget.focus()
    widget.value = text
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def nav_key(app: JourneymapApp, pilot: object, key: str) -> None:
    """Press a navigator key (add, delete, branch, lock, compare, ...)."""
    app.query_one(Navigator).focus()
    await pilot.press(key)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def field(app: JourneymapApp, name: str) -> object:
    form = app.query_one(Form)
    assert form._body is not None
    return form._body.query_one(f"#f-{name}")


def field_button(app: JourneymapApp, name: str) -> Button:
    form = app.query_one(Form)
    assert form._body is not None
    return form._body.query_one(f"#pick-{name}", Button)


def error_text(app: JourneymapApp, name: str) -> str:
    form = app.query_one(Form)
    assert form._body is not None
    widget = form._body.query_one(f"#e-{name}", Static)
    return str(widget.render()) if widget.has_class("shown") else ""


async def test_open_navigate_and_edit_a_step(path: Path) -> None:
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        assert app.title == "home-training.toml" and "current" in app.sub_title
        # open "Stages and steps" and the first stage with the keyboard
        for key in ("down", "enter", "down", "enter", "down"):
            await pilot.press(key)
            await pilot.pause()
        await settled(app, pilot)
        first = app.doc.map.iteration("current").steps[0]
        assert app.selected == Ref("element", jm.Kind.STEP, first.id)

        name = field(app, "name")
        assert isinstance(name, Input) and name.value == first.name
        await enter_text(pilot, name, "Falls at home and is assessed")
        emotion = field(app, "emotion")
        assert isinstance(emotion, Select)
        emotion.value = -2
        await pilot.pause()

        step = app.doc.map.iteration("current").steps[0]
        assert (step.name, step.emotion) == ("Falls at home and is assessed", -2)
        assert step.id == first.id  # renaming keeps the id
        assert app.title.startswith("● ")


async def test_refused_input_shows_the_library_message(path: Path) -> None:
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        step = app.doc.map.iteration("future").steps[0]
        await select(app, pilot, Ref("element", jm.Kind.STEP, step.id), "future")
        name = field(app, "name")
        assert isinstance(name, Input)
        await enter_text(pilot, name, "   ")
        assert "no name" in error_text(app, "name")
        assert app.doc.map.iteration("future").steps[0].name == step.name
        assert not app.doc.dirty


async def test_add_a_touchpoint_and_link_it_to_a_step(path: Path) -> None:
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(app, pilot, Ref("section", jm.Kind.TOUCHPOINT), "future")
        await nav_key(app, pilot, "a")
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#d-name", Input).value = "Text message reminder"
        dialog.query_one("#d-channel", Select).value = "digital"
        await pilot.pause()
        assert dialog.query_one("#d-id", Input).value == "text-message-reminder"
        await pilot.click("#ok")
        await pilot.pause()
        tp = next(t for t in app.doc.map.iteration("future").touchpoints if t.id == "text-message-reminder")
        assert tp.channel is jm.Channel.DIGITAL
        assert app.selected == Ref("element", jm.Kind.TOUCHPOINT, tp.id)

        step = app.doc.map.iteration("future").steps[1]
        await select(app, pilot, Ref("element", jm.Kind.STEP, step.id))
        button = field_button(app, "touchpoints")
        button.focus()
        await pilot.press("enter")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickMany)
        picker.query_one(SelectionList).select(tp.id)
        await pilot.press("enter")
        await pilot.pause()
        linked = app.doc.map.iteration("future").steps[1].touchpoints
        assert linked == (*step.touchpoints, tp.id)
        assert not jm.has_errors(jm.validate(app.doc.map))


async def test_deleting_a_referenced_actor_asks_and_says_what_refers_to_it(path: Path) -> None:
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(app, pilot, Ref("element", jm.Kind.ACTOR, "citizen"), "future")
        await nav_key(app, pilot, "d")
        confirm = app.screen
        assert isinstance(confirm, Confirm)
        assert "referred to by" in confirm.message and "step " in confirm.message
        await pilot.click("#b-yes")
        await pilot.pause()
        future = app.doc.map.iteration("future")
        assert "citizen" not in {a.id for a in future.actors}
        assert all("citizen" not in s.actors for s in future.steps)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "citizen" in {a.id for a in app.doc.map.iteration("future").actors}
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "citizen" not in {a.id for a in app.doc.map.iteration("future").actors}


async def test_cancelled_delete_changes_nothing(path: Path) -> None:
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(app, pilot, Ref("element", jm.Kind.ACTOR, "citizen"), "future")
        await nav_key(app, pilot, "d")
        await pilot.press("escape")
        await pilot.pause()
        assert not app.doc.dirty


async def test_branch_lock_and_compare(path: Path) -> None:
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(app, pilot, ITERATION, "future")
        await nav_key(app, pilot, "b")
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#d-id", Input).value = "round-3"
        dialog.query_one("#d-label", Input).value = "Third round"
        await pilot.click("#ok")
        await pilot.pause()
        assert app.iteration_id == "round-3"
        assert app.doc.map.iteration("round-3").based_on == "future"

        await nav_key(app, pilot, "l")
        assert app.doc.map.iteration("round-3").locked
        assert "read-only" in app.sub_title
        await select(app, pilot, Ref("element", jm.Kind.STEP, app.doc.map.iteration("round-3").steps[0].id))
        name = field(app, "name")
        assert isinstance(name, Input) and name.disabled

        await nav_key(app, pilot, "c")
        assert isinstance(app.screen, Compare)
        changes = app.screen.query_one("#compare-changes", OptionList)
        assert [str(changes.get_option_at_index(0).prompt)] == ["The two iterations are the same."]
        app.screen.query_one("#compare-a", Select).value = "current"
        await pilot.pause()
        lines = [str(changes.get_option_at_index(k).prompt) for k in range(changes.option_count)]
        assert "+ new     actor 'Dedicated trainer'" in lines
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, Compare)


async def test_save_and_reopen_finds_the_change(path: Path) -> None:
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(app, pilot, ITERATION, "future")
        label = field(app, "label")
        assert isinstance(label, Input)
        label.focus()
        label.value = "Dedicated trainers, second draft"
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert not app.doc.dirty and not app.title.startswith("●")
    assert jm.load(path).iteration("future").label == "Dedicated trainers, second draft"


async def test_quit_with_unsaved_changes_asks(path: Path) -> None:
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(app, pilot, ITERATION, "future")
        app.query_one(Navigator).focus()
        await pilot.press("l", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and "before quitting" in app.screen.message
        await pilot.click("#b-cancel")
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#b-discard")
        await pilot.pause()
    assert not jm.load(path).iteration("future").locked
    assert not recovery_path(path).exists()


async def test_saving_over_an_outside_change_asks(path: Path) -> None:
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(app, pilot, ITERATION, "future")
        app.query_one(Navigator).focus()
        await pilot.press("l")
        outside = path.read_text(encoding="utf-8").replace("Referral", "Henvisning")
        path.write_text(outside, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and "changed outside" in app.screen.message
        await pilot.click("#b-cancel")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == outside
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#b-yes")
        await pilot.pause()
        assert jm.load(path).iteration("future").locked


async def test_a_new_file_is_offered_as_a_starter_map(tmp_path: Path) -> None:
    target = tmp_path / "home-care.toml"
    app = JourneymapApp(target)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and "does not exist" in app.screen.message
        await pilot.click("#b-yes")
        await pilot.pause()
        assert target.exists() and app.doc.map.title == "Home care"


async def test_unsaved_work_is_recovered_after_a_crash(path: Path) -> None:
    doc, _ = open_document(path)
    doc.apply(jm.EditIteration("future", {"label": "Work that was never saved"}))
    doc.write_recovery()  # then the terminal was closed
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and "Restore" in str(app.screen.buttons)
        await pilot.click("#b-yes")
        await pilot.pause()
        assert app.doc.map.iteration("future").label == "Work that was never saved"
        assert app.doc.dirty


async def test_problems_panel_jumps_to_the_element(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    m = jm.loads(text)
    it = m.iteration("future")
    m = jm.Update("future", jm.Kind.STEP, it.steps[2].id, {"actors": ()}).apply(m)  # "a step with no actor"
    jm.save(m, path)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        problems = app.query_one(Problems)
        assert problems.option_count >= 1
        await pilot.press("p")
        await pilot.pause()
        assert app.focused is problems
        index = next(
            k
            for k in range(problems.option_count)
            if "no actor" in str(problems.get_option_at_index(k).prompt)
        )
        problems.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert app.iteration_id == "future"
        assert app.selected == Ref("element", jm.Kind.STEP, it.steps[2].id)


async def test_lists_and_export_from_the_app(path: Path) -> None:
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        step = app.doc.map.iteration("future").steps[0]
        await select(app, pilot, Ref("element", jm.Kind.STEP, step.id), "future")
        area = field(app, "pain_points")
        assert isinstance(area, TextArea)
        area.focus()
        area.text = "Waits for the trainer\n\nDoes not know the plan"
        app.query_one(Navigator).focus()  # leaving the field applies it
        await pilot.pause()
        assert app.doc.map.iteration("future").steps[0].pain_points == (
            "Waits for the trainer",
            "Does not know the plan",
        )

        await export_from_dialog(app, pilot, "compare", "dot")
        written = path.with_name("home-training-compare-future.dot")
        assert written.read_text(encoding="utf-8").startswith('digraph "journeymap"')


async def test_move_a_step_within_its_stage(path: Path) -> None:
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        steps = app.doc.map.iteration("current").steps
        same = [s for s in steps if s.stage == steps[2].stage]
        await select(app, pilot, Ref("element", jm.Kind.STEP, same[1].id), "current")
        app.query_one(Navigator).focus()
        await pilot.press("ctrl+up")
        await pilot.pause()
        moved = [s.id for s in app.doc.map.iteration("current").steps if s.stage == steps[2].stage]
        assert moved[:2] == [same[1].id, same[0].id]


def test_slug() -> None:
    assert slug("Hjælp fra superbrugeren, på telefon") == "hjaelp-fra-superbrugeren-paa-telefon"
    assert slug("   ") == "item"


async def test_benefits_indicators_and_measurements(path: Path) -> None:
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await select(app, pilot, Ref("element", jm.Kind.BENEFIT, "savings"), "future")
        nav = app.query_one(Navigator)
        assert any(n.data == Ref("element", jm.Kind.BENEFIT, "savings") for n in nav._all())
        nav.focus()
        await pilot.press("a")  # on a benefit: a new indicator in it
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#d-name", Input).value = "Days on the waiting list"
        await pilot.click("#ok")
        await pilot.pause()
        savings = app.doc.map.iteration("future").benefits[1]
        assert [i.id for i in savings.indicators] == ["yearly-savings", "days-on-the-waiting-list"]
        assert app.selected == Ref("element", jm.Kind.INDICATOR, "days-on-the-waiting-list")
        await settled(app, pilot)

        baseline = field(app, "baseline")
        assert isinstance(baseline, Input)
        await enter_text(pilot, baseline, "about forty")
        assert "not a number" in error_text(app, "baseline")
        await enter_text(pilot, baseline, "42,5")
        deadline = field(app, "deadline")
        assert isinstance(deadline, Input)
        await enter_text(pilot, deadline, "2027-06-30")
        made = app.doc.map.iteration("future").benefits[1].indicators[1]
        assert (made.baseline, made.deadline) == (42.5, dt.date(2027, 6, 30))

        await nav_key(app, pilot, "l")  # lock: the design is read-only, the follow-up is not
        assert app.doc.map.iteration("future").locked
        await select(app, pilot, Ref("element", jm.Kind.INDICATOR, "hours-saved"))
        assert isinstance(field(app, "unit"), Input) and field(app, "unit").disabled  # type: ignore[attr-defined]
        record = app.query_one(Form)._body.query_one("#record-measurements", Button)  # type: ignore[union-attr]
        assert not record.disabled
        record.focus()
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#d-date", Input).value = "2023-06-30"
        dialog.query_one("#d-value", Input).value = "x"
        await pilot.click("#ok")
        await pilot.pause()
        assert "not a number" in str(dialog.query_one("#dialog-error", Static).render())
        dialog.query_one("#d-value", Input).value = "38"
        dialog.query_one("#d-value", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog), str(dialog.query_one("#dialog-error", Static).render())
        readings = app.doc.map.iteration("future").benefits[0].indicators[0].measurements
        assert [(m.date, m.value) for m in readings] == [
            (dt.date(2022, 12, 31), 40.5),
            (dt.date(2023, 6, 30), 38),
        ]
        assert "2023-06-30  38" in str(
            app.query_one(Form)._body.query_one("#f-measurements .refs", Static).render()
        )  # type: ignore[union-attr]


async def test_priorities_screen_and_report(path: Path) -> None:
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await select(app, pilot, ITERATION, "future")
        await nav_key(app, pilot, "m")
        assert isinstance(app.screen, Priorities)
        console = Console(width=240, record=True, file=io.StringIO())
        console.print(app.screen.overview)
        body = console.export_text()
        assert "Quick wins: do first" in body and "Is assessed and offered training first" in body
        assert "Care hours saved per citizen per year" in body and "reached" in body
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.click("#ok")
        await app.workers.wait_for_complete()
        await pilot.pause()
        folder = path.with_name("home-training-report")
        assert (folder / "home-training-report.md").read_text().startswith("# Home training")
        assert (folder / "home-training-report.html").exists()
