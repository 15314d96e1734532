"""The compare screen: two iterations as journeys, aligned step by step, and the changes to walk.

The older journey is drawn above the newer one (beside it on wide terminals). Steps are marked by
what the semantic diff found, in words and colour so that it reads in monochrome too: new,
removed, changed, moved, and which older steps a new one replaces. Walking the list of changes
puts the cursor on the step in both journeys.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from journeymap.elements import Kind
from journeymap.i18n import N_
from journeymap.model import Iteration, JourneyMap
from journeymap.semantic_diff import Diff, diff
from journeymap.vocabulary import term
from tui.journey import JourneyGrid, lane_heights
from tui.words import _, bind

SHORT = 40
"""Terminals with fewer lines than this show the changes as a short panel until it is focused."""
MARKS = {
    "added": (N_("+ new"), "bold green"),
    "removed": (N_("✗ removed"), "bold red"),
    "changed": (N_("~ changed"), "yellow"),
    "moved": (N_("↔ moved"), "cyan"),
}
"""The mark over a step, in English (translated where shown), and its style."""
COUNTED = {
    "added": N_("{n} added"),
    "removed": N_("{n} removed"),
    "changed": N_("{n} changed"),
    "moved": N_("{n} moved"),
}


class Compare(Screen[None]):
    """Pick two iterations; see both journeys with what was added, removed, changed, moved and replaced."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", N_("Back"))]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (200, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT, "-tall")]

    def __init__(self, journey_map: JourneyMap, a: str, b: str) -> None:
        super().__init__()
        bind(self)
        self.journey_map, self.a, self.b = journey_map, a, b

    def compose(self) -> ComposeResult:
        options = [(Text(f"{it.label} ({it.id})"), it.id) for it in self.journey_map.iterations]
        with Horizontal(id="compare-pickers"):
            yield Label(_("Compare"))
            yield Select(options, value=self.a, allow_blank=False, id="compare-a", compact=True)
            yield Label(_("with"))
            yield Select(options, value=self.b, allow_blank=False, id="compare-b", compact=True)
        yield Static(id="compare-summary")
        with Horizontal(id="compare-grids"):
            with Vertical():
                yield Label(id="compare-old-title", classes="compare-title")
                yield JourneyGrid(id="compare-old")
            with Vertical():
                yield Label(id="compare-new-title", classes="compare-title")
                yield JourneyGrid(id="compare-new")
        changes = OptionList(id="compare-changes")
        changes.border_title = "Changes (tab goes here; up and down walk them)"
        yield changes
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#compare-old", JourneyGrid).corner = _("Before")
        self.query_one("#compare-new", JourneyGrid).corner = _("After")
        self._show()
        start = "#compare-new" if self.app.size.height < SHORT else "#compare-changes"
        self.query_one(start).focus()

    @on(Select.Changed)
    def _picked(self, event: Select.Changed) -> None:
        if event.select.id == "compare-a" and isinstance(event.value, str):
            self.a = event.value
        elif event.select.id == "compare-b" and isinstance(event.value, str):
            self.b = event.value
        self._show()

    def _show(self) -> None:
        old, new = self.journey_map.iteration(self.a), self.journey_map.iteration(self.b)
        found = diff(old, new)
        old_marks, new_marks = step_marks(found, old, new)
        old_heights, new_heights = lane_heights(old), lane_heights(new)
        heights = {lane: max(old_heights.get(lane, 0), n) for lane, n in new_heights.items()}
        heights |= {lane: n for lane, n in old_heights.items() if lane not in heights}
        self.query_one("#compare-old", JourneyGrid).show(old, marks=old_marks, heights=heights)
        self.query_one("#compare-new", JourneyGrid).show(new, marks=new_marks, heights=heights)
        before, after = _("Before: {iteration}"), _("After: {iteration}")
        self.query_one("#compare-old-title", Label).update(
            Text(before.format(iteration=old.label), style="bold")
        )
        self.query_one("#compare-new-title", Label).update(
            Text(after.format(iteration=new.label), style="bold")
        )
        self.query_one("#compare-summary", Static).update(summary(found))
        changes = self.query_one("#compare-changes", OptionList)
        changes.clear_options()
        changes.add_options(change_options(found))

    @on(OptionList.OptionHighlighted, "#compare-changes")
    def _walked(self, event: OptionList.OptionHighlighted) -> None:
        kind, ident = ((event.option.id or "") + "::").split(":")[:2]
        if kind == Kind.STEP.value:
            self.query_one("#compare-old", JourneyGrid).show(
                self.journey_map.iteration(self.a), (Kind.STEP, ident)
            )
            self.query_one("#compare-new", JourneyGrid).show(
                self.journey_map.iteration(self.b), (Kind.STEP, ident)
            )


def step_marks(
    found: Diff, old: Iteration, new: Iteration
) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """The words over the steps of the older and of the newer journey."""
    old_marks: dict[str, tuple[str, str]] = {}
    new_marks: dict[str, tuple[str, str]] = {}
    for ref in found.removed:
        if ref.kind is Kind.STEP:
            old_marks[ref.id] = _said("removed")
    for ref in found.added:
        if ref.kind is Kind.STEP:
            new_marks[ref.id] = _said("added")
    for what, refs in (
        ("changed", [c.element for c in found.changed]),
        ("moved", [m.element for m in found.moved]),
    ):
        for ref in refs:
            if ref.kind is Kind.STEP and ref.id not in new_marks:
                old_marks.setdefault(ref.id, _said(what))
                new_marks[ref.id] = _said(what)
    number = {s.id: k + 1 for k, s in enumerate(old.steps)}
    for replacement in found.replacements:
        shown = ", ".join(str(number[r.id]) for r in replacement.replaced if r.id in number)
        new_marks[replacement.step.id] = (_("+ replaces {steps}").format(steps=shown), "bold magenta")
    return old_marks, new_marks


def _said(what: str) -> tuple[str, str]:
    """The mark of a change in the editor's language, and its style."""
    word, style = MARKS[what]
    return _(word), style


def summary(found: Diff) -> Text:
    """Counts of the changes and the average emotion before and after, in words."""
    before, after = found.average_emotion
    text = Text()
    for what, count in (
        ("added", len(found.added)),
        ("removed", len(found.removed)),
        ("changed", len(found.changed)),
        ("moved", len(found.moved)),
    ):
        word, style = MARKS[what]
        text.append(f"{word.split()[0]} {_(COUNTED[what]).format(n=count)}   ", style=style)
    if before is not None and after is not None:
        if after > before:
            trend = _("average emotion {before} → {after} (better)")
        elif after < before:
            trend = _("average emotion {before} → {after} (worse)")
        else:
            trend = _("average emotion {before} → {after} (the same)")
        text.append(trend.format(before=f"{before:+.1f}", after=f"{after:+.1f}"), style="bold")
    return text


def change_options(found: Diff) -> list[Option]:
    """One line per change, in the order: added, removed, changed, moved."""
    options: list[Option] = []
    for what, refs in (
        ("added", list(found.added)),
        ("removed", list(found.removed)),
        ("changed", [c.element for c in found.changed]),
        ("moved", [m.element for m in found.moved]),
    ):
        word, style = _said(what)
        details = {c.element.id: ", ".join(f.field for f in c.fields) for c in found.changed}
        for ref in refs:
            line = Text.assemble((f"{word:<10}", style), f"{_(term(ref.kind))} '{ref.name}'")
            if what == "changed" and details.get(ref.id):
                line.append(f"  ({details[ref.id]})", style="dim")
            options.append(Option(line, id=f"{ref.kind.value}:{ref.id}:{what}:{len(options)}"))
    if not options:
        options.append(Option(Text(_("The two iterations are the same."), style="dim"), disabled=True))
    return options
