"""Modal dialogs: confirm, a small form, choosing several ids, and help."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from attrs import frozen
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, SelectionList, Static

from journeymap.elements import Kind
from journeymap.i18n import N_
from tui.actions import Action
from tui.fields import ITERATION_MEANING, MAP_MEANING
from tui.words import _, bind


class Confirm(ModalScreen[str]):
    """A question with buttons; dismisses with the chosen button's value ("cancel" on escape)."""

    BINDINGS = [Binding("escape", "dismiss('cancel')", N_("Cancel"))]

    def __init__(
        self,
        message: str,
        buttons: Sequence[tuple[str, str, str]] = (),
    ) -> None:
        """``buttons``: (label, value, variant); default Yes and No (in the editor's language)."""
        super().__init__()
        bind(self)
        self.message = message
        self.buttons = buttons or ((_("Yes"), "yes", "primary"), (_("No"), "cancel", "default"))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.message), classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                for label, value, variant in self.buttons:
                    yield Button(label, id=f"b-{value}", variant=variant)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.dismiss(event.button.id[2:])


@frozen
class Field:
    """One field of a :class:`FormDialog`: a text input, or a select when ``options`` are given."""

    name: str
    title: str
    value: str = ""
    options: tuple[tuple[str, str], ...] | None = None  # (label, value)


class FormDialog(ModalScreen[dict[str, str] | None]):
    """A few fields and OK; ``check`` may refuse the values with a message shown in the dialog."""

    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"))]

    def __init__(
        self, title: str, fields: Sequence[Field], check: Callable[[dict[str, str]], str | None] | None = None,
        on_name: Callable[[str], str] | None = None,
    ) -> None:  # fmt: skip
        super().__init__()
        bind(self)
        self.title_text, self.fields, self.check, self.on_name = title, fields, check, on_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text), classes="dialog-title")
            for field in self.fields:
                yield Label(field.title)
                if field.options is None:
                    yield Input(field.value, id=f"d-{field.name}", compact=True, placeholder=_("(empty)"))
                else:
                    options = [(Text(label), value) for label, value in field.options]
                    yield Select(options, value=field.value or Select.NULL, allow_blank=not field.value,
                                 id=f"d-{field.name}", compact=True)  # fmt: skip
            yield Static("", id="dialog-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("OK"), id="ok", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def values(self) -> dict[str, str]:
        result: dict[str, str] = {}
        for field in self.fields:
            widget = self.query_one(f"#d-{field.name}")
            if isinstance(widget, Input):
                result[field.name] = widget.value.strip()
            else:
                assert isinstance(widget, Select)
                result[field.name] = "" if widget.value is Select.NULL else str(widget.value)
        return result

    @on(Input.Changed, "#d-name")
    def _name_changed(self, event: Input.Changed) -> None:
        """Suggest an id from the name while the id has not been typed by hand."""
        if self.on_name is None or not self.query("#d-id"):
            return
        id_input = self.query_one("#d-id", Input)
        if not id_input.has_focus:
            id_input.value = self.on_name(event.value)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self._ok()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._ok()
        else:
            self.dismiss(None)

    def _ok(self) -> None:
        values = self.values()
        problem = self.check(values) if self.check else None
        if problem:
            error = self.query_one("#dialog-error", Static)
            error.update(Text(problem))
            error.add_class("shown")
        else:
            self.dismiss(values)


class PickMany(ModalScreen[tuple[str, ...] | None]):
    """Tick the ids a reference field should hold: kept ones stay in their order, new ones follow."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", N_("Cancel")),
        Binding("ctrl+s,enter", "done", N_("OK"), priority=True),
    ]

    def __init__(self, title: str, options: Sequence[tuple[str, str]], chosen: Sequence[str]) -> None:
        super().__init__()
        bind(self)
        self.title_text, self.options, self.chosen = title, options, tuple(chosen)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(Text(self.title_text), classes="dialog-title")
            yield SelectionList[str](
                *((Text(label), value, value in self.chosen) for label, value in self.options)
            )
            yield Static(Text(_("space: tick or untick   enter: OK   escape: cancel"), style="dim"))
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("OK"), id="ok", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def action_done(self) -> None:
        selected = set(self.query_one(SelectionList).selected)
        kept = [value for value in self.chosen if value in selected]
        added = [value for _label, value in self.options if value in selected and value not in self.chosen]
        self.dismiss((*kept, *added))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_done()
        else:
            self.dismiss(None)


WORDS = (
    (N_("map"), MAP_MEANING),
    (N_("iteration"), ITERATION_MEANING),
    *(
        (kind.spec.title, kind.spec.meaning)
        for kind in sorted(Kind, key=lambda k: k not in (Kind.STAGE, Kind.STEP, Kind.FLOW))
    ),
    (
        N_("decision step"),
        N_("A decision step branches the journey: the flows out of it say which way, with a label."),
    ),
    (
        N_("ring"),
        N_(
            "The ring says where an actor stands on the actor map: core (at the centre of the service), "
            "direct (works with the core) or indirect (in the background)."
        ),
    ),
    (
        N_("lane"),
        N_(
            "A task's lane in the blueprint: frontstage (the user sees it), backstage (out of sight) or support."
        ),
    ),
    (N_("emotion"), N_("Emotion is how a step feels for the user, from very bad (-2) to very good (+2).")),
    (
        N_("effort and gain"),
        N_(
            "Effort and gain say what a change costs and what it brings, 1 to 5: together they place it on "
            "the priority matrix."
        ),
    ),
)
"""What the editor's words mean, in a designer's terms (shown in the help, translated there)."""


class Help(ModalScreen[None]):
    """What the words mean, and every action's keys, grouped by where they work."""

    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss(None)", N_("Close"))]

    def __init__(self, actions: Sequence[Action], places: Mapping[str, str]) -> None:
        super().__init__()
        bind(self)
        self.actions, self.places = actions, places

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", justify="right", no_wrap=True)
        table.add_column(ratio=1)
        table.add_row("", Text(_("The words"), style="bold underline"))
        for word, meaning in WORDS:
            table.add_row(_(word), _(meaning) if meaning else "")
        for place, title in self.places.items():
            table.add_row("", "")
            table.add_row("", Text(_(title), style="bold underline"))
            for action in self.actions:
                if action.where == place and action.keys:
                    table.add_row(action.keys.replace(",", " / "), _(action.help))
        with Vertical(classes="dialog wide"):
            yield Static(_("journeymap: words and keys"), classes="dialog-title")
            with VerticalScroll():
                yield Static(table)
            yield Static(
                Text(
                    _("ctrl+p opens the command palette with every action.  escape closes this."), style="dim"
                )
            )

    def on_click(self, event: Any) -> None:
        self.dismiss(None)
