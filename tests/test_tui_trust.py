"""The editor changes only what the user changed: moving through it at any speed never edits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from editor import burst, copy_example, export_from_dialog, open_editor, ready
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import OptionList, Select, Static, Tree

import journeymap as jm
from journeymap.document import open_document, read_recovery, recovery_path
from tui.app import JourneymapApp
from tui.dialogs import Confirm, FormDialog

SIZE = (120, 45)


def home_training(tmp_path: Path) -> Path:
    return copy_example("home-training", tmp_path)


def example_copy(example: Path, folder: Path) -> Path:
    return copy_example(example.stem, folder)


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
    path = example_copy(example, tmp_path)
    before = path.read_bytes()
    app = open_editor(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
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
    path = example_copy(example, tmp_path_factory.mktemp("nav"))
    app = open_editor(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
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


async def test_a_recovery_copy_follows_each_edit_within_a_second(tmp_path: Path) -> None:
    path = home_training(tmp_path)
    app = open_editor(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("l")  # lock: an edit
        for _ in range(12):
            await pilot.pause(0.1)
            if recovery_path(path).exists():
                break
        assert recovery_path(path).exists(), "no recovery copy a second after the edit"
        copy = read_recovery(path)
        assert copy is not None and copy.map is not None and copy.map.iteration("current").locked
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
    app = open_editor(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
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
    app = open_editor(path)
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
    app = open_editor(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#b-no")
        await pilot.pause()
        assert app.doc.map == jm.load(path) and not app.doc.dirty
    assert not recovery_path(path).exists()


async def test_an_unreadable_recovery_copy_is_set_aside_and_the_map_opens(tmp_path: Path) -> None:
    path = home_training(tmp_path)
    recovery_path(path).mkdir()
    app = open_editor(path)
    shown = recorder(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        assert not isinstance(app.screen, Confirm)
        assert any("could not be read" in m and "set aside" in m for m in shown)
        assert "Home training" in str(app.screen.query_one("#nav", Tree).get_node_at_line(0).label)
    assert not recovery_path(path).exists()


async def test_a_locked_iteration_refuses_at_once(tmp_path: Path) -> None:
    path = home_training(tmp_path)
    app = open_editor(path)
    shown = recorder(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
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
    app = open_editor(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
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
    app = open_editor(path)
    shown = recorder(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        assert "(current)" in app.sub_title
        await export_from_dialog(app, pilot, "compare", "dot")
        assert any(m.startswith("Wrote") for m in shown), shown
    written = path.with_name("home-training-compare-current.dot")
    assert written.exists(), shown
    assert "A few dedicated trainers" in written.read_text(encoding="utf-8")


async def test_the_editor_reopens_where_it_was(tmp_path: Path) -> None:
    path = home_training(tmp_path)
    app = open_editor(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("i", "enter", "down", "enter")  # the iteration picker: the next iteration
        await pilot.pause()
        assert "Dedicated" in app.sub_title or "dedicated" in app.sub_title
        await pilot.press("escape", "home", "down", "down", "space", "down", "space", "down")
        await pilot.pause(0.3)
        heading = str(app.screen.query_one(".form-heading", Static).content)
        assert heading.startswith("Step:")
        await pilot.press("ctrl+q")
    again = open_editor(path)
    async with again.run_test(size=SIZE) as pilot:
        await ready(again, pilot)
        await pilot.pause(0.3)
        assert again.sub_title == app.sub_title
        assert str(again.screen.query_one(".form-heading", Static).content) == heading


async def test_resizing_lays_out_again_at_once(tmp_path: Path) -> None:
    app = open_editor(home_training(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        for width, height, side_by_side in ((200, 50, True), (80, 24, False), (200, 50, True)):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            form, panels = app.screen.query_one("#form").region, app.screen.query_one("#panels").region
            assert (panels.x >= form.right) is side_by_side, (width, form, panels)
            assert app.screen.query_one("#right").region.right == width


async def test_words_a_designer_reads(tmp_path: Path) -> None:
    path = home_training(tmp_path)
    m = jm.load(path)
    seen = {"evidence": jm.Evidence.OBSERVED, "sources": ("Interview",)}  # not only assumed: no warning
    m = jm.Update("current", jm.Kind.STEP, "screening", seen).apply(m)
    jm.save(jm.Update("current", jm.Kind.STEP, "referred", {"actors": (), **seen}).apply(m), path)
    app = open_editor(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.pause(0.8)
        await app.workers.wait_for_complete()
        await pilot.pause()
        warnings = len(jm.validate(jm.load(path)))  # this one, and those the example has (evidence)
        assert (
            str(app.screen.query_one("#panels").get_tab("tab-problems").label)
            == f"Problems (0 errors, {warnings} warning{'' if warnings == 1 else 's'})"
        )
        problems = app.screen.query_one("#problems", OptionList)
        lines = [str(problems.get_option_at_index(k).prompt) for k in range(problems.option_count)]
        assert (
            "warning: step 'Is assessed for home care after a fall' has no actor: who takes part here?"
            "  in 'Training by all home-care staff'"
        ) in lines
        body = " ".join(str(s.content) for s in app.screen.query(".readonly").results(Static))
        assert "no" in body.split() and "False" not in body
        await pilot.press("down", "down", "down", "space", "down")  # Relations, the first
        await pilot.pause(0.3)
        app.screen.query_one("#f-source", Select).focus()
        await pilot.press("enter")  # the list of actors to choose from
        await pilot.pause(0.3)
        seen = app.export_screenshot().replace("&#160;", " ")
        assert "Needs assessment (visitation)" in seen and "(visitation) (visitation)" not in seen


async def test_paging_the_problems_while_they_are_renewed_does_not_crash() -> None:
    from textual.app import App, ComposeResult

    from journeymap.problems import warning
    from tui.problems import Problems

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield Problems(id="problems")

    def some(n: int) -> list[jm.Problem]:
        return [warning(f"iterations[0].steps[{k}]", f"problem {k} of {n}") for k in range(n)]

    app = One()
    async with app.run_test(size=(60, 12)) as pilot:
        problems = app.query_one(Problems)
        problems.show(some(5), ["in 'x'"] * 5)
        problems.focus()
        await pilot.press("down", "down", "down")
        problems.show(some(6), ["in 'x'"] * 6)  # the validation found one more, just now
        await pilot.press("pagedown")
        await pilot.pause()
        assert problems.highlighted is not None and problems.highlighted >= 2


async def test_page_keys_in_a_select_never_close_the_editor(tmp_path: Path) -> None:
    app = open_editor(home_training(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("down", "down", "down", "space", "down")  # the first relation
        await pilot.pause(0.3)
        source = app.screen.query_one("#f-source", Select)
        source.focus()
        await burst(
            app, pilot, ["down", "pagedown", "pagedown", "pageup", "pagedown"]
        )  # opened and paged at once
        await pilot.pause()
        assert app.is_running and source.expanded
        await pilot.press("escape", "down")  # closed, and opened again
        await pilot.press("pagedown")
        options = app.focused
        assert isinstance(options, OptionList) and options.highlighted == options.option_count - 1
        await pilot.press("escape")
        assert app.doc.history.undo_description is None


async def test_locking_in_the_editor_signs_the_iteration_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Lise Hansen")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "lise@example.org")
    app = open_editor(home_training(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        current = app.doc.map.iteration("current")
        assert current.locked and current.locked_by == "Lise Hansen <lise@example.org>"
        assert current.lock_hash
        await pilot.press("l")
        await pilot.pause()
        assert not app.doc.map.iteration("current").locked_by


async def test_merge_conflicts_are_settled_in_the_editor(tmp_path: Path) -> None:
    from journeymap.merge import merge

    base = jm.load(home_training(tmp_path))
    ours = jm.EditMap({"title": "Ours"}).apply(base)
    theirs = jm.EditMap({"title": "Theirs"}).apply(base)
    ours = jm.EditIteration("future", {"label": "Our label"}).apply(ours)
    theirs = jm.EditIteration("future", {"label": "Their label"}).apply(theirs)
    merged, _ = merge(base, ours, theirs)
    path = tmp_path / "merged.toml"
    jm.save(merged, path)
    app = open_editor(path)
    shown = recorder(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        assert any("2 merge conflicts from git: press g" in m for m in shown)
        await pilot.press("g")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        lines = [str(options.get_option_at_index(k).prompt) for k in range(options.option_count)]
        assert lines[0] == "1. the map: title: ours 'Ours', theirs 'Theirs'"
        await pilot.press("t")  # their title
        await pilot.pause()
        assert app.doc.map.title == "Theirs" and len(app.doc.map.conflicts) == 1
        await pilot.press("o")  # our label
        await pilot.pause()
        assert not app.doc.map.conflicts
        assert "No merge conflicts left" in str(app.screen.query_one("#conflicts-title", Static).content)
        await pilot.press("escape", "ctrl+z")
        await pilot.pause()
        assert len(app.doc.map.conflicts) == 1
        await pilot.press("ctrl+y", "ctrl+s")
        await pilot.pause()
    saved = jm.load(path)
    assert (saved.title, saved.iteration("future").label, saved.conflicts) == ("Theirs", "Our label", ())


async def test_shrinking_from_wide_to_small_at_once_does_not_crash(tmp_path: Path) -> None:
    app = open_editor(home_training(tmp_path))
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(app, pilot)
        await pilot.press("p")  # the problems list, which wraps its lines to the room it has
        for size in ((80, 24), (200, 50), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert app.is_running and app.screen.query_one("#panels").region.width >= 16


async def test_a_recovery_copy_is_written_while_edits_keep_coming(tmp_path: Path) -> None:
    path = home_training(tmp_path)
    app = open_editor(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        for _ in range(11):  # an edit every 0.4 s for over 4 s: never a pause of half a second
            await pilot.press("l")
            await pilot.pause(0.4)
            assert app.is_running
        copy = read_recovery(path)
        assert copy is not None and copy.map is not None
        assert app.is_running
