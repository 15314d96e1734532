"""Every editor action, declared once: its id, keys, words, and where it works.

The bindings of the app, the navigator and the journey view, the footer, the help screen and the
command palette are all made from :data:`ACTIONS`; a user's keymap file
(``keymap.toml`` in the user's config folder, for example ``~/.config/journeymap/keymap.toml``)
changes the keys of any action by its id::

    [keys]
    add = "insert"
    journey = "f3,v"
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from attrs import frozen
from platformdirs import user_config_path
from textual.binding import Binding, BindingType

from journeymap.i18n import N_


@frozen
class Action:
    """One thing the user can do."""

    id: str
    """The binding id, which a keymap file uses."""
    keys: str
    action: str
    """The Textual action it runs, as seen from where it is bound."""
    title: str
    """A word or two for the footer and the command palette (English: translated where shown)."""
    help: str
    """What it does, for the help screen and the palette (English: translated where shown)."""
    where: str
    """``app`` (anywhere in the editor), ``navigator``, ``journey`` or ``field``."""
    footer: bool = True
    priority: bool = False
    palette: bool = True


ACTIONS: tuple[Action, ...] = (
    Action("save", "ctrl+s", "save", N_("Save"), N_("save the map (atomically; asks if the file changed on disk)"), "app", priority=True),
    Action("undo", "ctrl+z", "undo", N_("Undo"), N_("undo the last edit, saying what it was"), "app", priority=True),
    Action("redo", "ctrl+y", "redo", N_("Redo"), N_("redo the edit undone last"), "app", priority=True),
    Action("quit", "ctrl+q", "quit", N_("Quit"), N_("quit (asks when there are unsaved changes)"), "app", priority=True),
    Action("help", "f1", "help", N_("Help"), N_("the keys and what the words mean"), "app"),
    Action("panels", "f2", "toggle_panels", N_("Panels"), N_("hide or show the blueprint and problems panels"), "app", footer=False),
    Action("journey", "v", "toggle_journey", N_("Journey"), N_("the whole journey across the screen, with the emotion curve"), "app"),
    Action("navigator", "escape", "focus_navigator", N_("Navigator"), N_("back to the navigator (a field is applied)"), "app", footer=False, palette=False),
    Action("page-down", "pagedown", "page_list(1)", N_("Page down"), N_("a page down in a list"), "app", footer=False, priority=True, palette=False),
    Action("page-up", "pageup", "page_list(-1)", N_("Page up"), N_("a page up in a list"), "app", footer=False, priority=True, palette=False),
    Action("add", "a", "app.add", N_("Add"), N_("add: a stage or element to a section, a step to a stage, a task to a process"), "navigator"),
    Action("delete", "d,delete", "app.delete", N_("Delete"), N_("delete the selected element (says first what refers to it)"), "navigator"),
    Action("move-up", "ctrl+up", "app.move(-1)", N_("Move up"), N_("move the selected stage, step, task or element up"), "navigator", footer=False),
    Action("move-down", "ctrl+down", "app.move(1)", N_("Move down"), N_("move the selected stage, step, task or element down"), "navigator", footer=False),
    Action("branch", "b", "app.branch", N_("Branch"), N_("branch a new iteration from this one (the first, in a map without any)"), "navigator"),
    Action("lock", "l", "app.lock", N_("Lock"), N_("lock or unlock this iteration (a locked one is read-only)"), "navigator"),
    Action("compare", "c", "app.compare", N_("Compare"), N_("compare this iteration with the one it is based on"), "navigator"),
    Action("export", "e", "app.export", N_("Export"), N_("export a diagram (SVG, PNG, PDF, DOT, Mermaid, BPMN)"), "navigator"),
    Action("priorities", "m", "app.priorities", N_("Priorities"), N_("the priority matrix and where each benefit indicator stands"), "navigator", footer=False),
    Action("report", "r", "app.report", N_("Report"), N_("write the steering-group report (Markdown and HTML) next to the map"), "navigator", footer=False),
    Action("deck", "k", "app.deck", N_("Deck"), N_("write the 10-20-30 deck (PowerPoint) of this iteration next to the map"), "navigator", footer=False),
    Action("iteration", "i", "app.focus_iteration", N_("Iteration"), N_("switch iteration"), "navigator", footer=False),
    Action("problems", "p", "app.focus_problems", N_("Problems"), N_("go to the problems; enter on one jumps to it"), "navigator", footer=False),
    Action("conflicts", "g", "app.conflicts", N_("Conflicts"), N_("the merge conflicts git left in the map: keep ours or take theirs"), "navigator", footer=False),
    Action("delete-iteration", "", "delete_iteration", N_("Delete iteration"), N_("delete this iteration (undo brings it back)"), "app"),
    Action("step-left", "left", "step(-1)", N_("Previous step"), N_("the previous step"), "journey", footer=False, palette=False),
    Action("step-right", "right", "step(1)", N_("Next step"), N_("the next step"), "journey", footer=False, palette=False),
    Action("first-step", "home", "step_to(0)", N_("First step"), N_("the first step"), "journey", footer=False, palette=False),
    Action("last-step", "end", "step_to(-1)", N_("Last step"), N_("the last step"), "journey", footer=False, palette=False),
    Action("element-up", "up", "element(-1)", N_("Up"), N_("the element above in this step: a touchpoint, the step, a task"), "journey", footer=False, palette=False),
    Action("element-down", "down", "element(1)", N_("Down"), N_("the element below in this step: a touchpoint, the step, a task"), "journey", footer=False, palette=False),
    Action("open-element", "enter", "app.open_element", N_("Edit"), N_("edit the selected step, touchpoint or task in the form"), "journey", palette=False),
    Action("rename", "r,f2", "app.rename", N_("Rename"), N_("rename the selected element where it is (enter applies, escape cancels)"), "journey", palette=False),
    Action("add-step", "a", "app.add_step", N_("Add step"), N_("add a step after this one, in its stage"), "journey", palette=False),
    Action("add-touchpoint", "t", "app.add_touchpoint", N_("Add touchpoint"), N_("add a new touchpoint to this step"), "journey", palette=False),
    Action("add-task", "k", "app.add_task", N_("Add task"), N_("add a new task (of a process) behind this step"), "journey", palette=False),
    Action("delete-element", "d,delete", "app.delete", N_("Delete"), N_("delete the selected step, touchpoint or task (says first what refers to it)"), "journey", palette=False),
    Action("step-earlier", "ctrl+left", "app.move_step(-1)", N_("Move left"), N_("move the step one place earlier in its stage"), "journey", footer=False, palette=False),
    Action("step-later", "ctrl+right", "app.move_step(1)", N_("Move right"), N_("move the step one place later in its stage"), "journey", footer=False, palette=False),
    Action("select-all", "ctrl+a", "select_all", N_("Select all"), N_("select the whole field: typing replaces it"), "field", footer=False, palette=False),
)  # fmt: skip

PLACES = {
    "app": N_("Anywhere"),
    "navigator": N_("In the navigator"),
    "journey": N_("In the journey view"),
    "field": N_("In a field"),
}


def bindings(where: str) -> list[BindingType]:
    """The bindings of the actions that work ``where``."""
    return [
        Binding(a.keys, a.action, a.title, show=a.footer, priority=a.priority, id=a.id)
        for a in ACTIONS
        if a.where == where and a.keys
    ]


def keymap_path() -> Path:
    """The user's keymap file."""
    return user_config_path("journeymap") / "keymap.toml"


def read_keymap(path: Path | None = None) -> tuple[dict[str, str], str]:
    """The keys the user gave action ids, and a message if the file could not be used ("" if fine)."""
    source = path or keymap_path()
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, ""
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{source}: not used: {exc}"
    keys = data.get("keys", {})
    known = {a.id for a in ACTIONS}
    if not isinstance(keys, dict):
        return {}, f'{source}: not used: [keys] must be a table of action = "keys"'
    unknown = sorted(k for k in keys if k not in known)
    wrong = sorted(k for k, v in keys.items() if not isinstance(v, str) or not v.strip())
    if unknown or wrong:
        problem = f"unknown action {', '.join(unknown)}" if unknown else f"no keys for {', '.join(wrong)}"
        return {}, f"{source}: not used: {problem} (actions: {', '.join(sorted(known))})"
    return {k: v.replace(" ", "") for k, v in keys.items()}, ""
