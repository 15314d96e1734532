"""The detail form: every field of the selected element, the iteration or the map.

A field is committed when the user presses Enter or leaves it (text), picks an option
(selects), or confirms a choice of several (references); the app turns that into a library
edit and shows any refusal under the field.
"""

from __future__ import annotations

import asyncio
from typing import Any

from rich.text import Text
from textual import on
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import DescendantBlur
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from journeymap.elements import Kind, elements, name_of
from journeymap.model import Iteration, JourneyMap, Measurement
from journeymap.vocabulary import term
from tui.actions import bindings
from tui.fields import (
    ITERATION_FIELDS,
    ITERATION_MEANING,
    MAP_FIELDS,
    MAP_MEANING,
    FieldSpec,
    choices,
    element_fields,
    parse,
    value_text,
)
from tui.navigator import ITERATION, MAP, TITLES, Ref
from tui.words import _


class FieldInput(Input):
    """A one-line field: ``ctrl+a`` selects all of it (typing then replaces it), ``ctrl+u`` clears to the start."""

    BINDINGS = bindings("field")


class FieldTextArea(TextArea):
    """A field of several lines, one item a line: ``ctrl+a`` selects all of it."""

    BINDINGS = bindings("field")


class Form(VerticalScroll, can_focus=False):
    """Fields of one element; posts :class:`Form.Edit` and :class:`Form.PickMany`."""

    class Edit(Message):
        """The user committed a new value."""

        def __init__(self, ref: Ref, field: str, value: Any) -> None:
            super().__init__()
            self.ref, self.field, self.value = ref, field, value

    class PickMany(Message):
        """The user wants to choose the ids of a many-reference field."""

        def __init__(
            self, ref: Ref, spec: FieldSpec, options: list[tuple[str, str]], chosen: tuple[str, ...]
        ) -> None:
            super().__init__()
            self.ref, self.spec, self.options, self.chosen = ref, spec, options, chosen

    class Record(Message):
        """The user wants to record (or remove) a measurement of the indicator shown."""

        def __init__(self, ref: Ref) -> None:
            super().__init__()
            self.ref = ref

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ref: Ref | None = None
        self._specs: dict[str, FieldSpec] = {}
        self._values: dict[str, Any] = {}
        self._options: dict[str, list[tuple[str, str]]] = {}
        self._body: Vertical | None = None
        self._shape: tuple[object, ...] = ()
        self._pending: tuple[JourneyMap, Iteration | None, Ref] | None = None
        self._scheduled = False
        self._focus_first = False
        self._lock = asyncio.Lock()

    def show(self, journey_map: JourneyMap, it: Iteration | None, ref: Ref) -> None:
        """Show ``ref`` (of ``it``; None for a map without iterations, showing the map).

        Quick successive calls (cursor keys held down) rebuild the form once.
        """
        self._pending = (journey_map, it, ref)
        if not self._scheduled:
            self._scheduled = True
            self.call_later(self._rebuild)

    async def _rebuild(self) -> None:
        async with self._lock:
            self._scheduled = False
            if self._pending is None:
                return
            journey_map, it, ref = self._pending
            self._pending = None
            await self._build(journey_map, it, ref)
            self._take_focus()

    async def _build(self, journey_map: JourneyMap, it: Iteration | None, ref: Ref) -> None:
        """Replace the fields by those of ``ref`` (the focused field keeps focus if the element is the same).

        The form's state changes only once the new fields are mounted, so that an old field
        losing focus meanwhile can never be applied to the new element.
        """
        focused = self.app.focused.id if self.app.focused and self.ref == ref else None
        if self.ref != ref:
            self._flush()
        source, specs, heading = _subject(journey_map, it, ref)
        values = {s.name: getattr(source, s.name) for s in specs} if source is not None else {}
        options = {
            s.name: choices(journey_map, it, s)
            for s in specs
            if it is not None and s.widget in ("ref", "refs")
        }
        locked = it is not None and it.locked and ref != MAP
        blanks = tuple(_blank(s, values.get(s.name)) for s in specs if s.widget in ("enum", "ref"))
        shape = (tuple(specs), locked, source is None, blanks)
        if self._body is not None and shape == self._shape:
            self.ref, self._values = ref, values
            self._refill(heading, _meaning(ref), specs, values, options)
            self._options = options
            return
        self._shape = shape
        rows: list[Widget] = [
            Static(Text(heading), classes="form-heading"),
            Static(Text(_meaning(ref)), classes="form-meaning"),
        ]
        if locked:
            rows.append(
                Static(
                    _("This iteration is locked: it is read-only. Press l to unlock it."), classes="locked"
                )
            )
        if source is None:
            rows.append(Static(Text(_("Select an element in the navigator."), style="dim")))
        for spec in specs:
            rows.append(Label(spec.title, classes="field-title"))
            if spec.hint:
                rows.append(Static(Text(spec.hint), classes="field-hint"))
            rows.append(_widget(spec, locked, values.get(spec.name), options.get(spec.name, [])))
            rows.append(Static("", id=f"e-{spec.name}", classes="field-error"))
        body = Vertical(*rows, classes="form-body")
        old, self._body = self._body, None
        if old is not None:
            await old.remove()
        await self.mount(body)
        self.ref, self._specs, self._values, self._options = ref, {s.name: s for s in specs}, values, options
        self._body = body
        if focused:
            self._refocus(focused)

    def _refill(
        self,
        heading: str,
        meaning: str,
        specs: list[FieldSpec],
        values: dict[str, Any],
        options: dict[str, list[tuple[str, str]]],
    ) -> None:
        """Show another element of the same kind (or the same one, edited) in the fields already there."""
        assert self._body is not None
        for selector, text in ((".form-heading", heading), (".form-meaning", meaning)):
            shown = self._body.query_one(selector, Static)
            if str(shown.content) != text:  # an update lays the form out again: only when it changes
                shown.update(Text(text))
        with self.prevent(Select.Changed, Input.Changed, TextArea.Changed):
            for spec in specs:
                value: Any = values.get(spec.name)
                widget = self._body.query_one(f"#f-{spec.name}")
                self._body.query_one(f"#e-{spec.name}", Static).remove_class("shown")
                if isinstance(widget, Input):
                    widget.value = value_text(value)
                elif isinstance(widget, TextArea):
                    if widget.text != "\n".join(value):
                        widget.load_text("\n".join(value))
                elif isinstance(widget, Select):
                    if spec.widget == "ref" and options[spec.name] != self._options.get(spec.name):
                        widget.set_options([(Text(label), ident) for label, ident in options[spec.name]])
                    widget.value = Select.NULL if value in (None, "") else value
                elif spec.widget == "measurements":
                    widget.query_one(".refs", Static).update(Text(_measurements_text(value)))
                elif isinstance(widget, Horizontal):
                    widget.query_one(".refs", Static).update(Text(_refs_text(value, options[spec.name])))
                else:
                    assert isinstance(widget, Static)
                    widget.update(Text(value_text(value) or "-"))

    def focus_first(self) -> None:
        """Put the keys into the first field that can be edited, once the fields shown are the ones asked for."""
        self._focus_first = True
        if not self._scheduled:
            self._take_focus()

    def _take_focus(self) -> None:
        if not self._focus_first or self._body is None:
            return
        self._focus_first = False
        for widget in self._body.query("Input, Select, TextArea"):
            if widget.focusable:
                widget.focus()
                return

    def _refocus(self, widget_id: str) -> None:
        if self._body is not None:
            for widget in self._body.query(f"#{widget_id}"):
                widget.focus()

    # --- committing ---------------------------------------------------------------------

    def _live(self, widget: Widget) -> bool:
        """Whether a widget belongs to the fields shown now (not to fields being replaced)."""
        return self._body is not None and self._body in widget.ancestors

    def _flush(self) -> None:
        """Apply what was typed but not yet applied to the element shown, before showing another."""
        if self._body is None:
            return
        for widget in self._body.query("Input, TextArea"):
            if widget.id and widget.id.startswith("f-") and not widget.disabled:
                self._commit_widget(widget)

    def _commit_widget(self, widget: Widget) -> None:
        name = widget.id[2:] if widget.id else ""
        if isinstance(widget, Input):
            self._commit_text(name, widget.value)
        elif isinstance(widget, TextArea):
            self._commit(name, tuple(line.strip() for line in widget.text.splitlines() if line.strip()))

    def _commit(self, name: str, value: Any) -> None:
        """Apply ``value`` to the element shown, if it differs from the element's value there.

        The value is remembered as sent, so that leaving the field afterwards sends it only once.
        """
        if self.ref is None or name not in self._specs:
            return
        if value == self._values.get(name):
            return
        if self._body is not None:
            self._body.query_one(f"#e-{name}", Static).remove_class("shown")
        self._values[name] = value
        self.post_message(self.Edit(self.ref, name, value))

    def _commit_text(self, name: str, text: str) -> None:
        spec = self._specs.get(name)
        if spec is None or spec.widget not in ("number", "date"):
            self._commit(name, text)
            return
        try:
            value = parse(spec, text)
        except ValueError as exc:
            self.show_error(name, str(exc))
            return
        self._commit(name, value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id and event.input.id.startswith("f-") and self._live(event.input):
            self._commit_text(event.input.id[2:], event.value)

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        widget = event.widget
        if not widget.id or not widget.id.startswith("f-") or not self._live(widget):
            return
        self._commit_widget(widget)

    @on(Select.Changed)
    def _selected(self, event: Select.Changed) -> None:
        """A choice the user made; echoes of values the form set itself are not choices.

        A ``Changed`` arrives after the value was set. When the form has meanwhile shown another
        element in the same fields, the message's value is no longer the select's value: it is
        the echo of an earlier element's value, and must not be applied to the element shown now.
        """
        widget = event.select
        if not widget.id or not widget.id.startswith("f-") or not self._live(widget):
            return
        if event.value != widget.value:
            return
        name = widget.id[2:]
        spec = self._specs.get(name)
        if spec is None:
            return
        value: Any = event.value
        if value is Select.NULL:
            value = None if spec.widget in ("enum", "scale") else ""
        self._commit(name, value)

    @on(Button.Pressed, ".record")
    def _record(self, event: Button.Pressed) -> None:
        event.stop()
        if self.ref is not None:
            self.post_message(self.Record(self.ref))

    @on(Button.Pressed)
    def _pick(self, event: Button.Pressed) -> None:
        if self.ref is None or not event.button.id or not event.button.id.startswith("pick-"):
            return
        name = event.button.id[5:]
        event.stop()
        self.post_message(self.PickMany(self.ref, self._specs[name], self._options[name], self._values[name]))

    def show_error(self, field: str, message: str) -> None:
        """Show why an edit of ``field`` was refused (or the first field, if unknown)."""
        target = field if field in self._specs else next(iter(self._specs), "")
        for widget in self._body.query(f"#e-{target}") if self._body is not None else []:
            assert isinstance(widget, Static)
            widget.update(Text(message))
            widget.add_class("shown")


def _widget(spec: FieldSpec, locked: bool, value: Any, options: list[tuple[str, str]]) -> Widget:
    """The widget that edits one field."""
    wid = f"f-{spec.name}"
    if spec.widget == "readonly":
        return Static(Text(value_text(value) or "-"), id=wid, classes="readonly")
    if spec.widget in ("text", "number", "date"):
        placeholder = {"number": _("a number"), "date": _("YYYY-MM-DD")}.get(spec.widget, "")
        return FieldInput(value_text(value), id=wid, disabled=locked, compact=True, placeholder=placeholder)
    if spec.widget == "measurements":  # open also when locked: follow-up goes on after approval
        return Horizontal(
            Static(Text(_measurements_text(value)), classes="refs"),
            Button(_("Record…"), id=f"record-{spec.name}", classes="record", compact=True),
            id=wid,
            classes="refs-row",
        )
    if spec.widget == "lines":
        area = FieldTextArea(
            "\n".join(value),
            id=wid,
            disabled=locked,
            soft_wrap=True,
            show_line_numbers=False,
            compact=True,
        )
        area.styles.height = max(2, min(8, len(value) + 1))
        return area
    if spec.widget == "scale":
        return Select(_scale(spec), value=value if value is not None else Select.NULL, id=wid, disabled=locked,
                      prompt=_("not scored"), compact=True)  # fmt: skip
    if spec.widget == "enum":
        assert spec.enum is not None
        members = [(Text(_(term(m))), m) for m in spec.enum]
        return Select(members, value=value if value is not None else Select.NULL, allow_blank=_blank(spec, value),
                      id=wid, disabled=locked, prompt=_("none"), compact=True)  # fmt: skip
    if spec.widget == "ref":
        refs = [(Text(label), ident) for label, ident in options]
        return Select(refs, value=value or Select.NULL, allow_blank=_blank(spec, value), id=wid,
                      disabled=locked, prompt=_("none"), compact=True)  # fmt: skip
    return Horizontal(
        Static(Text(_refs_text(value, options)), classes="refs"),
        Button(_("Choose…"), id=f"pick-{spec.name}", disabled=locked, compact=True),
        id=wid,
        classes="refs-row",
    )


def _blank(spec: FieldSpec, value: Any) -> bool:
    """Whether a select offers "none": where a value is optional, or missing (never pick one for the user)."""
    return not spec.required or value in (None, "")


def _measurements_text(value: tuple[Measurement, ...]) -> str:
    """One line per measurement, oldest first."""
    lines = [f"{m.date.isoformat()}  {value_text(m.value)}{'  ' + m.note if m.note else ''}" for m in value]
    return "\n".join(lines) or _("none yet")


def _refs_text(value: tuple[str, ...], options: list[tuple[str, str]]) -> str:
    """The names of the ids a many-reference field holds."""
    names = {ident: label.rsplit(" (", 1)[0] for label, ident in options}
    return ", ".join(names.get(v, v) for v in value) or _("none")


def _subject(journey_map: JourneyMap, it: Iteration | None, ref: Ref) -> tuple[Any, list[FieldSpec], str]:
    """What the form edits for a navigator node: (object, its fields, a heading)."""
    if ref == MAP or it is None:
        return journey_map, MAP_FIELDS, _("The map")
    if ref == ITERATION:
        return it, ITERATION_FIELDS, _("Iteration '{label}'").format(label=it.label)
    if ref.what == "element" and ref.kind is not None:
        element = next((e for e in elements(it, ref.kind) if e.id == ref.id), None)
        if element is not None:
            return element, element_fields(ref.kind), f"{_(term(ref.kind)).capitalize()}: {name_of(element)}"
    if ref.what == "section" and ref.kind is not None:
        if ref.kind is Kind.STAGE:
            hint = _("Stages: press a to add one (a stage here; select a stage to add a step to it)")
        else:
            hint = _("{section}: press a to add one").format(section=_(TITLES[ref.kind]))
        return None, [], hint
    return None, [], ""


def _meaning(ref: Ref) -> str:
    """What the thing the form shows is, in a designer's words."""
    if ref == MAP:
        return _(MAP_MEANING)
    if ref == ITERATION:
        return _(ITERATION_MEANING)
    return _(ref.kind.spec.meaning) if ref.kind is not None and ref.kind.spec.meaning else ""


def _scale(spec: FieldSpec) -> list[tuple[Text, int]]:
    """The choices of a scale field, signed where the scale has negative numbers (-2, -1, 0, +1, +2)."""
    assert spec.scale is not None
    low, high = spec.scale
    return [(Text(f"{n:+d}" if low < 0 and n else str(n)), n) for n in range(low, high + 1)]
