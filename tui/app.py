"""The journeymap editor: open a map and work through its iterations in the terminal."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from attrs import fields_dict
from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, OptionList, Select, TabbedContent, TabPane, Tree

from journeymap import deck, report
from journeymap.benefits import parse_date, parse_number
from journeymap.creation import new_element, new_id, unique
from journeymap.defaults import current_iteration, pair_for
from journeymap.document import ChangedOnDiskError, Document, Recovery, new_document
from journeymap.edit import (
    Add,
    AddIteration,
    AddToStep,
    Branch,
    DeleteIteration,
    EditIteration,
    EditMap,
    Lock,
    Measure,
    Move,
    Operation,
    Remove,
    Unmeasure,
    Update,
    referrers,
)
from journeymap.elements import Element, Kind, elements, locate, name_of, parent_of
from journeymap.errors import EditError, JourneymapError
from journeymap.exports import FORMATS, export_to
from journeymap.gitsetup import user
from journeymap.i18n import day, user_language
from journeymap.model import (
    Indicator,
    Iteration,
    IterationState,
    Lane,
    Language,
    Measurement,
)
from journeymap.problems import Problem
from journeymap.resolve import Settle
from journeymap.validate import ProblemCache, valid_id, validate
from journeymap.views import VIEWS, ViewOptions
from journeymap.vocabulary import term
from tui.actions import ACTIONS, PLACES, bindings, read_keymap
from tui.blueprint import Blueprint
from tui.compare import Compare
from tui.conflicts import Conflicts
from tui.dialogs import Confirm, Field, FormDialog, Help, PickMany
from tui.fields import element_fields, option_label
from tui.form import Form
from tui.journey import JourneyGrid
from tui.navigator import ITERATION, MAP, Navigator, Ref
from tui.priorities import Priorities
from tui.problems import Problems
from tui.session import recall, remember
from tui.words import _, bind, ngettext, use

RECOVERY_DELAY = 0.5
"""Seconds of no edits after which the recovery copy is written (off the UI thread)."""
RECOVERY_LATEST = 3.0
"""Seconds after an edit by which its recovery copy is written, however quickly edits follow."""
GRID_EDITS = frozenset(
    a.action.removeprefix("app.").split("(")[0]
    for a in ACTIONS
    if a.where == "journey" and a.action.startswith("app.")
)
"""The app's actions that the journey view's keys run: on the editor's journey only, not on a comparison's."""


class JourneymapApp(App[None]):
    """Edit one map file, iteration by iteration."""

    CSS_PATH = "app.tcss"
    TITLE = "journeymap"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (150, "-wide")]  # wide: form and panels side by side
    BINDINGS = bindings("app")

    def __init__(
        self,
        path: str | Path,
        document: Document | None = None,
        recovered: Recovery | None = None,
        language: Language | str | None = None,
    ) -> None:
        """``language``: the editor's words (default: the user's locale, as gettext reads it)."""
        self.language = Language(language) if language else user_language()
        use(self.language)
        super().__init__()
        bind(self)
        self.path = Path(path)
        self.document = document
        if document is not None:
            document.history.language = self.language  # undo and redo say what they did in it
        self.recovered = recovered
        self.iteration_id = ""
        self.selected: Ref = ITERATION
        self.ready = False  # True once the map is shown
        self._problems_timer: Timer | None = None
        self._recovery_timer: Timer | None = None
        self._recovery_due = 0.0
        self._problem_cache: ProblemCache = {}
        self._picker_ids: list[str] = []
        self._picker_labels: list[Text] = []
        # the main screen's widgets, kept so that dialogs and other screens on top do not hide them
        self.picker = Select[str]([], id="iteration", prompt=_("iteration"), compact=True)
        self.nav = Navigator(id="nav")
        self.form = Form(id="form")
        self.panels = TabbedContent(id="panels")
        self.blueprint = Blueprint(id="blueprint")
        self.problems = Problems(id="problems")
        self.journey = JourneyGrid(id="journey", classes="hidden")

    # --- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield self.picker
                yield self.nav
            with Vertical(id="right"):
                yield self.form
                with self.panels:
                    with TabPane(_("Blueprint"), id="tab-blueprint"), VerticalScroll():
                        yield self.blueprint
                    with TabPane(_("Problems"), id="tab-problems"):
                        yield self.problems
        yield self.journey
        yield Footer()

    def on_mount(self) -> None:
        keys, problem = read_keymap()
        if keys:
            self.set_keymap(keys)
        if problem:
            self.notify(problem, title=_("Keymap"), severity="warning", markup=False, timeout=10)
        if self.document is None:
            message = _("{path} does not exist. Create a starter map there?").format(path=self.path)
            self.push_screen(Confirm(message, ((_("Create"), "yes", "primary"), (_("Quit"), "cancel", "default"))),
                             self._create)  # fmt: skip
            return
        self._start()

    def _create(self, answer: str | None) -> None:
        if answer != "yes":
            self.exit()
            return
        document = new_document(self.path, language=self.language)
        try:
            document.save()
        except OSError as exc:
            self.exit(
                message=_("journeymap: cannot create {path}: {reason}").format(
                    path=self.path, reason=exc.strerror or exc
                )
            )
            return
        self.document = document
        self._start()

    def _start(self) -> None:
        m = self.doc.map
        self.iteration_id = current_iteration(m).id if m.iterations else ""
        last_iteration, last = recall(self.path)
        start = ITERATION if m.iterations else MAP
        if any(it.id == last_iteration for it in m.iterations):
            self.iteration_id = last_iteration
            if last.kind is None or any(e.id == last.id for e in elements(self.iteration, last.kind)):
                start = last
        self._changed(start)
        self.nav.focus()
        self.call_after_refresh(self._map_shown, start)
        if self.recovered is not None:
            self._offer_recovery(self.recovered)
        if m.conflicts:
            count = len(m.conflicts)
            message = ngettext(
                "{file} has {n} merge conflict from git: press g to settle it.",
                "{file} has {n} merge conflicts from git: press g to settle them.",
                count,
            )
            self.notify(
                message.format(file=self.path.name, n=count),
                title=_("Merge conflicts"),
                severity="warning",
                markup=False,
                timeout=15,
            )

    def _offer_recovery(self, recovery: Recovery) -> None:
        """Offer unsaved changes found in a recovery copy back, saying when they were made."""
        if recovery.map is None:
            if recovery.set_aside:
                unread = _(
                    "The recovery copy of {file} could not be read ({problem}); it was set aside as {aside}."
                )
            else:
                unread = _("The recovery copy of {file} could not be read ({problem}); it was set aside.")
            aside = recovery.set_aside.name if recovery.set_aside else ""
            self.notify(
                unread.format(file=self.path.name, problem=recovery.problem, aside=aside),
                severity="warning",
                markup=False,
                timeout=10,
            )
            self.recovered = None
            return
        made = f"{day(recovery.made.date(), self.language)} {recovery.made:%H:%M}"
        found = _("Unsaved changes to {file} from {made} were found (journeymap was closed without saving).")
        message = found.format(file=self.path.name, made=made)
        if recovery.disk_changed:
            changed = _(
                "{file} was changed on disk after that, by someone or something else. "
                "Keep the version on disk, or restore your unsaved changes instead of it "
                "(saving will then ask before overwriting the newer file)?"
            )
            message += "\n\n" + changed.format(file=self.path.name)
            buttons = ((_("Restore mine"), "yes", "warning"), (_("Keep the disk's"), "no", "primary"))
        else:
            message += " " + _("Restore them?")
            buttons = ((_("Restore"), "yes", "primary"), (_("Discard"), "no", "default"))
        self.push_screen(Confirm(message, buttons), self._restore)

    def _restore(self, answer: str | None) -> None:
        if answer == "yes" and self.recovered is not None:
            self.notify(self.doc.restore(self.recovered), markup=False)
            self._changed(self.selected)
        elif answer == "no":
            self.doc.discard_recovery()
        if answer in ("yes", "no"):
            self.recovered = None

    # --- state ------------------------------------------------------------------------------

    @property
    def doc(self) -> Document:
        assert self.document is not None
        return self.document

    @property
    def iteration(self) -> Iteration:
        """The iteration shown (a map without iterations has none: see :meth:`_usable`)."""
        m = self.doc.map
        ids = [it.id for it in m.iterations]
        if self.iteration_id not in ids:
            self.iteration_id = ids[0]
        return m.iteration(self.iteration_id)

    def _usable(self, editing: bool = True) -> Iteration | None:
        """The iteration to act on, or None after saying why there is none (no iterations, or locked)."""
        if not self.doc.map.iterations:
            self.notify(_("This map has no iterations yet: press b to add the first one."), markup=False)
            return None
        it = self.iteration
        if editing and it.locked:
            self.notify(
                _("'{iteration}' is locked (read-only): press l to unlock it first.").format(
                    iteration=it.label
                ),
                title=_("Locked"),
                severity="warning",
                markup=False,
            )
            return None
        return it

    def _changed(self, select: Ref | None = None) -> None:
        """Show the map as it is now in every pane that is shown (the journey view hides the others:
        they catch up when it closes)."""
        if select is not None:
            self.selected = select
        if not self.doc.map.iterations:
            self._show_empty()
            return
        m, it = self.doc.map, self.iteration
        if not self.journey.has_class("hidden"):
            self.journey.show(it, _selection(self.selected))
            self._titled(_subtitle(it))
            return
        options = [
            (Text(f"{i.label} ({_(term(i.state))}{', ' + _('locked') if i.locked else ''})"), i.id)
            for i in m.iterations
        ]
        with self.batch_update(), self.prevent(Select.Changed, Tree.NodeHighlighted):
            if [o[1] for o in options] != self._picker_ids or [o[0] for o in options] != self._picker_labels:
                self.picker.set_options(options)  # slow: only when the iterations changed
                self._picker_ids, self._picker_labels = [o[1] for o in options], [o[0] for o in options]
            if self.picker.value != it.id:
                self.picker.value = it.id
            self.nav.show(m, it, self.selected)
        self._show_selected()
        self._titled(_subtitle(it))

    def _show_empty(self) -> None:
        """A map without iterations: the map's fields, and an invitation to add the first iteration."""
        m = self.doc.map
        self.selected = MAP
        with self.batch_update(), self.prevent(Select.Changed, Tree.NodeHighlighted):
            if self._picker_ids:
                self.picker.set_options([])
                self._picker_ids, self._picker_labels = [], []
            self.nav.show_empty(m)
        self.form.show(m, None, MAP)
        self.blueprint.update(Text(_("This map has no iterations yet: press b to add the first one.")))
        self._titled("no iterations yet")

    def _titled(self, sub_title: str) -> None:
        """The header (the file, marked while there are unsaved edits), and the checks after a change."""
        self.title = f"{'● ' if self.doc.dirty else ''}{self.path.name}"
        self.sub_title = sub_title
        if self.ready:  # the first checks wait for the first screen (validating a large map takes a while)
            self._schedule_checks()

    def _map_shown(self, start: Ref) -> None:
        """Once the tree is laid out: the cursor on ``start``, the app ready for input, and the checks begun."""
        self._select(start)
        self.ready = True
        self._schedule_checks()

    def _leave(self) -> None:
        """Quit, remembering where the user was in this map for the next time it is opened."""
        if self.document is not None and self.ready and self.doc.map.iterations:
            remember(self.path, self.iteration_id, self.selected)
        self.exit()

    def _select(self, ref: Ref) -> None:
        """Put the cursor on ``ref`` and show it."""
        with self.prevent(Tree.NodeHighlighted):
            self.nav.select_ref(ref)
        self.selected = ref
        self._show_selected()

    def _show_selected(self) -> None:
        if not self.doc.map.iterations:
            return
        m, it = self.doc.map, self.iteration
        self.form.show(m, it, self.selected)
        step = self.selected.id if self.selected.kind is Kind.STEP else None
        if step is None and self.selected.kind is Kind.STAGE:
            step = next((s.id for s in it.steps if s.stage == self.selected.id), None)
        self.blueprint.show(it, step)

    def _schedule_checks(self) -> None:
        """Validate shortly after edits stop; keep the recovery copy in step with the edits (off the UI thread).

        The copy is written once edits pause for ``RECOVERY_DELAY`` (writing a large map's copy
        holds up the screen for a moment, so not between quick edits), and at the latest
        ``RECOVERY_LATEST`` after the first edit it would hold.
        """
        if self._problems_timer is not None:
            self._problems_timer.stop()
        self._problems_timer = self.set_timer(0.3, self._validate)
        if self.recovered is not None:  # an offered copy stays until the user has answered
            return
        now = time.monotonic()
        if self._recovery_timer is not None:
            self._recovery_timer.stop()
        else:
            self._recovery_due = now + RECOVERY_LATEST
        delay = min(RECOVERY_DELAY, self._recovery_due - now)
        if delay <= 0:  # edits kept coming: the latest moment has come (Textual refuses a timer of 0 s)
            self._write_recovery()
        else:
            self._recovery_timer = self.set_timer(delay, self._write_recovery)

    @work(thread=True, exclusive=True, group="validate")
    def _validate(self) -> None:
        problems = validate(self.doc.map, cache=self._problem_cache)
        self.call_from_thread(self._show_problems, problems)

    def _show_problems(self, problems: list[Problem]) -> None:
        labels = {it.id: it.label for it in self.doc.map.iterations}
        self.problems.show(problems, [_place(p, labels) for p in problems])
        errors = sum(p.severity.value == "error" for p in problems)
        warnings = len(problems) - errors
        label = (
            _("Problems ({errors}, {warnings})").format(
                errors=ngettext("{n} error", "{n} errors", errors).format(n=errors),
                warnings=ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
            )
            if problems
            else _("Problems (none)")
        )
        self.panels.get_tab("tab-problems").label = label

    def _write_recovery(self) -> None:
        self._recovery_timer = None
        self._recovery_worker()

    @work(thread=True, group="recovery")
    def _recovery_worker(self) -> None:
        """Write (or, with nothing unsaved, remove) the recovery copy of the map as it is now."""
        try:
            self.doc.write_recovery()
        except OSError as exc:
            self.call_from_thread(
                self.notify,
                _("Could not write the recovery copy: {reason}").format(reason=exc),
                severity="warning",
                markup=False,
            )

    # --- navigation -------------------------------------------------------------------------

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[Ref]) -> None:
        if self.document is None:
            return
        if event.node.data is not None and event.node.data != self.selected:
            self.selected = event.node.data
            self._show_selected()

    @on(Select.Changed, "#iteration")
    def _iteration_picked(self, event: Select.Changed) -> None:
        if self.document is None:
            return
        if isinstance(event.value, str) and event.value != self.iteration_id:
            self.iteration_id = event.value
            self._changed(ITERATION)

    @on(OptionList.OptionSelected, "#problems")
    def _problem_picked(self, event: OptionList.OptionSelected) -> None:
        path = (event.option.id or "").split(":", 1)[-1]
        found = locate(self.doc.map, path)
        if found is None:
            self._changed(MAP)
            return
        iteration_id, kind, element_id = found
        self.iteration_id = iteration_id
        self._changed(ITERATION if kind is None else Ref("element", kind, element_id))
        self.nav.focus()

    def action_toggle_panels(self) -> None:
        """Hide or show the blueprint and problems panels (more room for the form on small terminals)."""
        self.panels.toggle_class("hidden")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Page keys are the app's only in option lists (a select's open list, the problems); the
        journey view's edits only in the editor's journey (a comparison's journeys are read-only);
        while a name is typed there, keys are letters (saving and quitting still work)."""
        if self.journey.editing is not None:
            return action in ("save", "quit")
        if action == "page_list":
            return self._paged_list() is not None
        if action in ("toggle_journey", "toggle_panels"):  # the editor's views, not a comparison's
            return self.screen is self.screen_stack[0]
        if action in GRID_EDITS and isinstance(self.focused, JourneyGrid):
            return self.focused is self.journey
        return True

    def _paged_list(self) -> OptionList | None:
        """The option list the page keys go to: the focused one, or a focused select's.

        A select counts whether or not it shows its list yet: keys typed fast reach the app before
        the select has handled the key that opens it.
        """
        focused = self.focused
        if isinstance(focused, Select):
            return focused.query_one(OptionList)
        return focused if isinstance(focused, OptionList) else None

    def action_page_list(self, direction: int) -> None:
        """Move an option list's highlight by a page.

        Textual's own page keys in an option list fail with a ``KeyError`` when pressed before the
        list has laid out its lines (a select opened and paged at once: it closed the editor).
        """
        options = self._paged_list()
        if options is not None and options.option_count:
            page = max(1, options.size.height - 1)
            here = options.highlighted if options.highlighted is not None else 0
            options.highlighted = max(0, min(options.option_count - 1, here + direction * page))

    def action_focus_navigator(self) -> None:
        """Back to the navigator (from a form field, the picker, the panels or the journey view)."""
        self._show_journey(False)
        self.nav.focus()

    def action_toggle_journey(self) -> None:
        """Show the whole journey of the iteration across the screen, or go back to the editor."""
        if self._usable(editing=False) is not None:
            self._show_journey(self.journey.has_class("hidden"))

    def _show_journey(self, shown: bool) -> None:
        """Show the journey on the element selected in the navigator, or the navigator on the journey's."""
        was_shown = not self.journey.has_class("hidden")
        self.journey.set_class(not shown, "hidden")
        self.query_one("#main").set_class(shown, "hidden")
        if shown:
            self.journey.show(self.iteration, _selection(self.selected))
            if self.journey.element is not None:  # the journey's cursor is the selection from now on
                self.selected = Ref("element", *self.journey.element)
            self.journey.focus()
        elif was_shown:
            self._changed(self.selected)

    @on(JourneyGrid.Selected, "#journey")
    def _journey_selected(self, event: JourneyGrid.Selected) -> None:
        """The journey's cursor is the selection; the hidden navigator and form follow when shown again."""
        self.selected = Ref("element", event.kind, event.element)

    def action_open_element(self) -> None:
        """Edit the journey's selected element in the form."""
        self._show_journey(False)
        self.form.focus_first()

    def action_rename(self) -> None:
        """Type a new name for the journey's selected element over its cell."""
        it, chosen = self._usable(), self.journey.element
        if it is None or chosen is None:
            return
        self.journey.rename(name_of(next(e for e in elements(it, chosen[0]) if e.id == chosen[1])))

    def on_key(self, event: events.Key) -> None:
        """Keys while a name is typed in the journey view go to the name, in the order they were typed.

        They come here after the journey has passed them on (its bindings are off meanwhile), so that
        keys typed in one go with r land in the name too.
        """
        if self.journey.editing is not None and self.focused is self.journey:
            event.stop()
            event.prevent_default()  # no binding either: a letter is a letter
            self.journey.type_key(event.key, event.character)

    @on(JourneyGrid.Renamed)
    def _renamed(self, event: JourneyGrid.Renamed) -> None:
        element = next((e for e in elements(self.iteration, event.kind) if e.id == event.element), None)
        if element is not None and name_of(element) != event.name:
            self.apply(
                Update(self.iteration_id, event.kind, event.element, {"name": event.name}), field="name"
            )

    def action_focus_iteration(self) -> None:
        self.picker.focus()

    def action_focus_problems(self) -> None:
        self.panels.active = "tab-problems"
        self.problems.focus()

    # --- editing ----------------------------------------------------------------------------

    def apply(self, operation: Operation, select: Ref | None = None, field: str = "") -> bool:
        """Apply an edit through the library; a refusal is shown, never raised."""
        try:
            description = self.doc.apply(operation)
        except EditError as exc:
            self.form.show_error(field, str(exc))
            self.notify(str(exc), title=_("Not changed"), severity="error", markup=False)
            return False
        self.notify(description, markup=False, timeout=3)
        self._changed(select)
        return True

    @on(Form.Edit)
    def _form_edit(self, event: Form.Edit) -> None:
        changes = {event.field: event.value}
        if event.ref == MAP:
            operation: Operation = EditMap(changes)
        elif event.ref == ITERATION:
            operation = EditIteration(self.iteration_id, changes)
        else:
            assert event.ref.kind is not None
            operation = Update(self.iteration_id, event.ref.kind, event.ref.id, changes)
        self.apply(operation, field=event.field)  # the selection stays where the user has moved on to

    @on(Form.PickMany)
    def _pick_many(self, event: Form.PickMany) -> None:
        def done(chosen: tuple[str, ...] | None) -> None:
            if chosen is not None and chosen != event.chosen:
                self._form_edit(Form.Edit(event.ref, event.spec.name, chosen))

        self.push_screen(PickMany(f"{event.spec.title}", event.options, event.chosen), done)

    def action_undo(self) -> None:
        description = self.doc.history.undo()
        said = _("Undid: {edit}").format(edit=description) if description else _("Nothing to undo")
        self.notify(said, markup=False, timeout=3)
        if description:
            self._changed()

    def action_redo(self) -> None:
        description = self.doc.history.redo()
        said = _("Redid: {edit}").format(edit=description) if description else _("Nothing to redo")
        self.notify(said, markup=False, timeout=3)
        if description:
            self._changed()

    def action_add(self) -> None:
        """Add what fits the navigator's selection (see :func:`_add_target`)."""
        it = self._usable()
        if it is not None:
            self._add(it, self.selected)

    def action_add_step(self) -> None:
        """Add a step after the journey's step, in its stage."""
        it, step = self._usable(), self.journey.step
        if it is not None and step is not None:
            self._add(it, Ref("element", Kind.STEP, step))

    def action_add_touchpoint(self) -> None:
        """Add a new touchpoint to the journey's step."""
        it, step = self._usable(), self.journey.step
        if it is not None and step is not None:
            self._add(it, Ref("section", Kind.TOUCHPOINT), step)

    def action_add_task(self) -> None:
        """Add a new task, to a process of the user's choice, behind the journey's step."""
        it, step = self._usable(), self.journey.step
        if it is None or step is None:
            return
        if not it.processes:
            self.notify(
                _("Tasks belong to a work process: add a process in the navigator first."), markup=False
            )
            return
        self._add(it, Ref("element", Kind.PROCESS, it.processes[0].id), step)

    def _add(self, it: Iteration, ref: Ref, step: str = "") -> None:
        """Ask for a new element of the kind ``ref`` calls for; with ``step``, it is named in that step too."""
        kind, after, container = _add_target(it, ref)
        if kind is None:
            self.notify(_("Select a section, stage or process to add to."), markup=False)
            return
        taken = {e.id for k in Kind for e in elements(it, k)}
        fields = _add_fields(it, kind, container)
        if step and kind is Kind.TASK:
            fields.append(Field("lane", _("Lane: where in the blueprint the task is done"), Lane.BACKSTAGE.value,
                                tuple((_(term(lane)), lane.value) for lane in Lane)))  # fmt: skip

        def operation(values: dict[str, str]) -> Operation | str:
            ident = values.get("id") or new_id(values.get("name") or values.get("label") or kind.value, taken)
            if not valid_id(ident):
                return _("'{id}' cannot be an id: use letters, digits, '-', '_' or '.'").format(id=ident)
            try:
                element = new_element(kind, {**values, "id": ident})
            except EditError as exc:
                return _("missing or wrong value: {problem}").format(problem=exc)
            if step:
                return AddToStep(it.id, step, element, values.get("parent", ""))
            return _add_operation(it, element, after, values.get("parent", container))

        def done(op: Operation) -> None:
            assert isinstance(op, Add | AddToStep)
            if self.apply(op, Ref("element", kind, op.element.id)) and self.journey.has_class("hidden"):
                self.form.focus()

        suggest = (lambda name: new_id(name, taken)) if "name" in {f.name for f in fields} else None
        if step:
            title = _("Add: {kind} to step '{step}'").format(
                kind=_(term(kind)), step=name_of(_step(it, step))
            )
        else:
            title = _("Add: {kind}").format(kind=_(term(kind)))
        self._ask(title, fields, operation, done, suggest)

    def _ask(
        self,
        title: str,
        fields: list[Field],
        operation: Callable[[dict[str, str]], Operation | str],
        done: Callable[[Operation], None],
        suggest: Callable[[str], str] | None = None,
    ) -> None:
        """A dialog whose values make an edit (or a message saying why they cannot).

        The dialog stays open with the reason while the values, or the library, refuse the edit;
        on OK, ``done`` gets the edit to apply.
        """

        def check(values: dict[str, str]) -> str | None:
            op = operation(values)
            if isinstance(op, str):
                return op
            try:
                op.apply(self.doc.map)
            except EditError as exc:
                return str(exc)
            return None

        def finish(values: dict[str, str] | None) -> None:
            if values is not None and not isinstance(op := operation(values), str):
                done(op)

        self.push_screen(FormDialog(title, fields, check, suggest), finish)

    def action_delete(self) -> None:
        ref, it = self.selected, self._usable()
        if it is None:
            return
        if ref == ITERATION:
            self._delete_iteration()
            return
        if ref.what != "element" or ref.kind is None:
            self.notify(_("Select an element to delete."), markup=False)
            return
        kind, ident = ref.kind, ref.id
        element = next(e for e in elements(it, kind) if e.id == ident)
        users = referrers(self.doc.map, it.id, kind, ident)
        message = _("Delete {kind} '{name}'?").format(kind=_(term(kind)), name=name_of(element))
        if users:
            more = len(users) - 8
            shown = "\n".join(f"  • {u}" for u in users[:8]) + (
                "\n  " + ngettext("… and {n} more", "… and {n} more", more).format(n=more) if more > 0 else ""
            )
            referred = _(
                "It is referred to by:\n{referrers}\n\nThose references are removed too (undo brings them back)."
            )
            message += "\n\n" + referred.format(referrers=shown)

        def done(answer: str | None) -> None:
            if answer == "yes":
                self.apply(Remove(it.id, kind, ident, cascade=True), _parent(it, ref))

        self.push_screen(
            Confirm(message, ((_("Delete"), "yes", "error"), (_("Cancel"), "cancel", "default"))), done
        )

    def _delete_iteration(self) -> None:
        it = self._usable()
        if it is None:
            return

        def done(answer: str | None) -> None:
            if answer == "yes" and self.apply(DeleteIteration(it.id), MAP):
                self._changed(ITERATION)

        message = _("Delete the whole iteration '{label}' ({id})? Undo brings it back.").format(
            label=it.label, id=it.id
        )
        self.push_screen(
            Confirm(message, ((_("Delete"), "yes", "error"), (_("Cancel"), "cancel", "default"))), done
        )

    def action_move_step(self, step: int) -> None:
        """Move the journey's step one place earlier or later in its stage."""
        if self.journey.step is not None:
            self._move(Ref("element", Kind.STEP, self.journey.step), step)

    def action_move(self, step: int) -> None:
        self._move(self.selected, step)

    def _move(self, ref: Ref, step: int) -> None:
        if ref.what != "element" or ref.kind is None:
            return
        it = self._usable()
        if it is None:
            return
        index = _move_index(it, ref.kind, ref.id, step)
        if index is None:
            self.notify(_("Already at the end."), markup=False, timeout=2)
            return
        self.apply(Move(it.id, ref.kind, ref.id, index), ref)

    # --- iterations -------------------------------------------------------------------------

    def action_branch(self) -> None:
        if not self.doc.map.iterations:
            self._add_first_iteration()
            return
        it, m = self.iteration, self.doc.map
        taken = {i.id for i in m.iterations}
        states = tuple((_(term(s)), s.value) for s in IterationState)
        fields = [
            Field("id", _("Id of the new iteration"), unique(f"{it.id}-next", taken)),
            Field("label", _("Label"), _("Next round after {label}").format(label=it.label)),
            Field("state", _("State"), "future", states),
        ]

        def operation(values: dict[str, str]) -> Operation | str:
            try:
                state = IterationState(values["state"] or "future")
            except ValueError as exc:
                return str(exc)
            return Branch(it.id, values["id"], values["label"], state)

        def done(op: Operation) -> None:
            assert isinstance(op, Branch)
            if self.apply(op, ITERATION):
                self.iteration_id = op.id
                self._changed(ITERATION)

        self._ask(_("Branch a new iteration from '{label}'").format(label=it.label), fields, operation, done)

    def _add_first_iteration(self) -> None:
        states = tuple((_(term(s)), s.value) for s in IterationState)
        fields = [
            Field("id", _("Id of the iteration"), "current"),
            Field("label", _("Label"), _("Today")),
            Field(
                "state", _("State: current (the service as it is) or future (as designed)"), "current", states
            ),
        ]

        def operation(values: dict[str, str]) -> Operation | str:
            try:
                state = IterationState(values["state"] or "current")
            except ValueError as exc:
                return str(exc)
            return AddIteration(values["id"], values["label"], state)

        def done(op: Operation) -> None:
            assert isinstance(op, AddIteration)
            self.iteration_id = op.id
            self.apply(op, ITERATION)

        self._ask(_("Add the first iteration of the map"), fields, operation, done)

    def action_lock(self) -> None:
        it = self._usable(editing=False)
        if it is None:
            return
        by = user(self.path.parent) if not it.locked else ""
        self.apply(Lock(it.id, locked=not it.locked, by=by), self.selected)

    def action_compare(self) -> None:
        m, it = self.doc.map, self._usable(editing=False)
        if it is None:
            return
        if len(m.iterations) < 2:
            self.notify(_("Compare needs two iterations: press b to branch one."), markup=False)
            return
        older, newer = pair_for(m, it.id)
        self.push_screen(Compare(m, older.id, newer.id))

    # --- files ------------------------------------------------------------------------------

    def action_save(self) -> None:
        if self.document is not None:
            self._save()

    @work(thread=True, exclusive=True, group="save")
    def _save(self, force: bool = False, then_leave: bool = False) -> None:
        """Save off the UI thread (a large map takes a moment); ask before overwriting an outside change."""
        try:
            self.doc.save(force=force)
        except ChangedOnDiskError:
            self.call_from_thread(self._ask_overwrite, then_leave)
            return
        except OSError as exc:
            failed = _("Not saved: {reason}").format(reason=exc.strerror or exc)
            self.call_from_thread(self.notify, failed, severity="error", markup=False)
            return
        self.call_from_thread(self._saved, then_leave)

    def _ask_overwrite(self, then_leave: bool) -> None:
        message = _("{file} was changed outside journeymap since you opened it. Overwrite it?").format(
            file=self.path.name
        )

        def done(answer: str | None) -> None:
            if answer == "yes":
                self._save(force=True, then_leave=then_leave)

        self.push_screen(
            Confirm(message, ((_("Overwrite"), "yes", "warning"), (_("Cancel"), "cancel", "default"))), done
        )

    def _saved(self, then_leave: bool) -> None:
        self.notify(_("Saved {path}").format(path=self.path), markup=False, timeout=3)
        self._titled(self.sub_title)
        if then_leave:
            self._leave()

    async def action_quit(self) -> None:
        if self.document is None or not self.doc.dirty:
            if self.document is not None and self.recovered is None:
                self.doc.close()
            self._leave()
            return

        def done(answer: str | None) -> None:
            if answer == "save":
                self._save(then_leave=True)
            elif answer == "discard":
                self.doc.close()
                self._leave()

        message = _("Save the changes to {file} before quitting?").format(file=self.path.name)
        buttons = (
            (_("Save"), "save", "primary"),
            (_("Discard"), "discard", "error"),
            (_("Cancel"), "cancel", "default"),
        )
        self.push_screen(Confirm(message, buttons), done)

    def action_export(self) -> None:
        it = self._usable(editing=False)
        if it is None:
            return
        views = tuple((v, v) for v in VIEWS)
        formats = tuple((f, f) for f in FORMATS)
        fields = [
            Field("view", _("View"), "journey", views),
            Field("format", _("Format"), "svg", formats),
            Field("path", _("File (empty: next to the map)"), ""),
        ]

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self._export(values["view"] or "journey", values["format"] or "svg", values["path"])

        self.push_screen(FormDialog(_("Export a diagram of '{label}'").format(label=it.label), fields), done)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, view: str, fmt: str, path: str) -> None:
        it = self.iteration
        extension = {"mermaid": "mmd"}.get(fmt, fmt)
        target = Path(path) if path else self.path.with_name(f"{self.path.stem}-{view}-{it.id}.{extension}")
        try:
            if view == "compare":
                older, newer = pair_for(self.doc.map, it.id)
                options = ViewOptions(iteration=older.id, against=newer.id)
            else:
                options = ViewOptions(iteration=it.id)
            written = export_to(self.doc.map, target, view, fmt, options)
        except (ValueError, JourneymapError, OSError) as exc:
            failed = _("Not exported: {reason}").format(reason=exc)
            self.call_from_thread(self.notify, failed, severity="error", markup=False)
            return
        wrote = _("Wrote {path}").format(path=written)
        self.call_from_thread(self.notify, wrote, title=_("Exported"), markup=False, timeout=6)

    def action_priorities(self) -> None:
        it = self._usable(editing=False)
        if it is not None:
            self.push_screen(Priorities(it))

    def action_report(self) -> None:
        if self._usable(editing=False) is None:
            return
        folder = self.path.parent / f"{self.path.stem}-report"
        fields = [Field("folder", _("Folder (made if missing)"), str(folder))]

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self._report(Path(values["folder"] or folder))

        self.push_screen(
            FormDialog(_("Report on '{label}'").format(label=self.iteration.label), fields), done
        )

    @work(thread=True, exclusive=True, group="export")
    def _report(self, folder: Path) -> None:
        try:
            content = report.build(self.doc.map, self.iteration.id, self.path.stem)
            written = report.write(content, folder, self.path.stem)
        except (JourneymapError, OSError) as exc:
            self.call_from_thread(
                self.notify, _("No report: {reason}").format(reason=exc), severity="error", markup=False
            )
            return
        self.call_from_thread(
            self.notify,
            _("Wrote {path} and {other}").format(path=written[-2], other=written[-1].name),
            title=_("Report"),
            markup=False,
            timeout=6,
        )

    def action_deck(self) -> None:
        if self._usable(editing=False) is None:
            return
        target = self.path.with_name(f"{self.path.stem}-deck.pptx")
        fields = [Field("file", _("File"), str(target))]

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self._deck(Path(values["file"] or target))

        self.push_screen(FormDialog(_("Deck of '{label}'").format(label=self.iteration.label), fields), done)

    @work(thread=True, exclusive=True, group="export")
    def _deck(self, target: Path) -> None:
        try:
            written = deck.write_deck(deck.deck(self.doc.map, self.iteration.id), target, self.path)
        except (JourneymapError, OSError) as exc:
            failed = _("No deck: {reason}").format(reason=exc)
            self.call_from_thread(self.notify, failed, severity="error", markup=False)
            return
        wrote = _("Wrote {path}").format(path=written)
        self.call_from_thread(self.notify, wrote, title=_("Deck"), markup=False, timeout=6)

    @on(Form.Record)
    def _record(self, event: Form.Record) -> None:
        it = self.iteration
        if event.ref.kind is not Kind.INDICATOR:
            return
        indicator = next(e for e in elements(it, Kind.INDICATOR) if e.id == event.ref.id)
        assert isinstance(indicator, Indicator)
        if indicator.unit:
            value = _("Value ({unit}); empty removes the measurement of that date").format(
                unit=indicator.unit
            )
        else:
            value = _("Value; empty removes the measurement of that date")
        fields = [
            Field("date", _("Date (YYYY-MM-DD)"), dt.date.today().isoformat()),
            Field("value", value, ""),
            Field("note", _("Note: where the figure comes from"), ""),
        ]

        def operation(values: dict[str, str]) -> Operation | str:
            if not values["date"]:
                return _("a measurement needs a date")
            try:
                day = parse_date(values["date"])
                value = parse_number(values["value"]) if values["value"] else None
            except ValueError as exc:
                return str(exc)
            if value is None:
                return Unmeasure(it.id, indicator.id, day)
            return Measure(it.id, indicator.id, Measurement(date=day, value=value, note=values["note"]))

        def done(op: Operation) -> None:
            self.apply(op, event.ref, "measurements")

        self._ask(_("Measurement of '{name}'").format(name=indicator.name), fields, operation, done)

    def action_help(self) -> None:
        self.push_screen(Help(ACTIONS, PLACES))

    def action_conflicts(self) -> None:
        """The merge conflicts a git merge left in the map, to settle one by one."""
        if not self.doc.map.conflicts:
            self.notify(_("This map has no merge conflicts."), markup=False)
            return
        self.push_screen(Conflicts(self.doc.map))

    @on(Conflicts.Settle)
    def _settle(self, event: Conflicts.Settle) -> None:
        if self.apply(Settle({event.index: event.choice})) and isinstance(self.screen, Conflicts):
            self.screen.show(self.doc.map)

    def action_delete_iteration(self) -> None:
        self._delete_iteration()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own commands, then every action of the registry that the palette offers."""
        yield from super().get_system_commands(screen)
        if self.document is None:
            return
        for action in ACTIONS:
            if action.palette:
                keys = f" ({action.keys})" if action.keys else ""
                yield SystemCommand(
                    _(action.title), f"{_(action.help)}{keys}", partial(self._run, action.action)
                )

    async def _run(self, action: str) -> None:
        await self.run_action(action.removeprefix("app."))


# --- helpers: what to add where, and how ----------------------------------------------------


def _add_target(it: Iteration, ref: Ref) -> tuple[Kind | None, str | None, str]:
    """(kind to add, id to add after, process for tasks) for the selected node."""
    if ref.what == "section" and ref.kind is not None:
        return ref.kind, None, ""
    if ref.what != "element" or ref.kind is None:
        return None, None, ""
    if ref.kind is Kind.STAGE:
        last = [s.id for s in it.steps if s.stage == ref.id]
        return Kind.STEP, last[-1] if last else None, ref.id
    if ref.kind is Kind.STEP:
        return Kind.STEP, ref.id, next(s.stage for s in it.steps if s.id == ref.id)
    if ref.kind.child is not None:
        parent = next(e for e in elements(it, ref.kind) if e.id == ref.id)
        children = getattr(parent, ref.kind.child.collection)
        return ref.kind.child, children[-1].id if children else None, ref.id
    if ref.kind.parent is not None:
        return ref.kind, ref.id, parent_of(it, ref.kind, ref.id).id
    return ref.kind, ref.id, ""


def _add_fields(it: Iteration, kind: Kind, container: str) -> list[Field]:
    """The add dialog's fields: what a new element of the kind needs, its id, and its parent."""

    def options(k: Kind) -> tuple[tuple[str, str], ...]:
        return tuple((option_label(e), e.id) for e in elements(it, k))

    specs = {spec.name: spec for spec in element_fields(kind)}
    made = []
    for name in kind.spec.new_fields:
        spec, title = specs[name], {"source": _("From"), "target": _("To")}.get(name, specs[name].title)
        if spec.target is not None:  # a step's stage starts at the selected stage, or the first
            choices = options(spec.target)
            start = (
                (container or (choices[0][1] if choices else "")) if spec.target is kind.spec.under else ""
            )
            made.append(Field(name, title, start, choices))
        elif spec.enum is not None:
            default = fields_dict(kind.type)[name].default
            start = default.value if isinstance(default, spec.enum) else next(iter(spec.enum)).value
            made.append(Field(name, title, start, tuple((_(term(m)), m.value) for m in spec.enum)))
        else:
            made.append(Field(name, title, ""))
    ident = Field("id", _("Id (made from the name)") if kind.spec.has_name else _("Id"), "")
    made.insert(1 if kind.spec.has_name else len(made), ident)
    if kind.parent is not None:
        parents = elements(it, kind.parent)
        made.append(Field("parent", _(term(kind.parent)).capitalize(),
                          container or (parents[0].id if parents else ""), options(kind.parent)))  # fmt: skip
    return made


def _add_operation(it: Iteration, element: Element, after: str | None, parent: str) -> Add:
    kind = next(k for k in Kind if type(element) is k.type)
    if kind.parent is not None:
        holder = next((e for e in elements(it, kind.parent) if e.id == parent), None)
        children = getattr(holder, kind.collection) if holder is not None else ()
        index = next((k + 1 for k, c in enumerate(children) if c.id == after), None)
        return Add(it.id, element, index=index, parent=parent)
    items = elements(it, kind)
    index = next((k + 1 for k, e in enumerate(items) if e.id == after), None)
    return Add(it.id, element, index=index)


def _move_index(it: Iteration, kind: Kind, ident: str, step: int) -> int | None:
    """The index to move an element to, one place up (-1) or down (+1) among its peers."""
    if kind.parent is not None:
        peers = [c.id for c in getattr(parent_of(it, kind, ident), kind.collection)]
        k = peers.index(ident) + step
        return k if 0 <= k < len(peers) else None
    items = [e.id for e in elements(it, kind)]
    if kind is Kind.STEP:
        stage = next(s.stage for s in it.steps if s.id == ident)
        same = [k for k, s in enumerate(it.steps) if s.stage == stage]
        here = same.index(items.index(ident))
        if not 0 <= here + step < len(same):
            return None
        return same[here + step]
    k = items.index(ident) + step
    return k if 0 <= k < len(items) else None


def _parent(it: Iteration, ref: Ref) -> Ref:
    """Where the cursor goes after deleting ``ref``."""
    if ref.kind is Kind.STEP:
        stage = next((s.stage for s in it.steps if s.id == ref.id), "")
        return Ref("element", Kind.STAGE, stage)
    if ref.kind is not None and ref.kind.parent is not None:
        try:
            return Ref("element", ref.kind.parent, parent_of(it, ref.kind, ref.id).id)
        except StopIteration:
            return Ref("section", ref.kind.parent)
    return Ref("section", ref.kind)


def _selection(ref: Ref) -> tuple[Kind, str] | None:
    """The element a navigator selection stands for, for the journey view to show."""
    return (ref.kind, ref.id) if ref.what == "element" and ref.kind is not None else None


def _step(it: Iteration, ident: str) -> Element:
    return next(s for s in it.steps if s.id == ident)


def _place(problem: Problem, labels: dict[str, str]) -> str:
    """Where a problem is, in words: in the iteration with its label, or in the map."""
    if not problem.iteration:
        return _("in the map")
    return _("in '{iteration}'").format(iteration=labels.get(problem.iteration, problem.iteration))


def _subtitle(it: Iteration) -> str:
    """The header's second part: the iteration shown, and whether it is locked."""
    return f"{it.label} ({_(term(it.state))})" + (" · " + _("locked, read-only") if it.locked else "")
