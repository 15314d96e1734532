"""The compare screen: the semantic diff between any two iterations."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Select, Static

from journeymap.diff_format import render
from journeymap.model import JourneyMap
from journeymap.semantic_diff import diff

SECTION_STYLES = {
    "Added": "green",
    "Removed": "red",
    "Changed": "yellow",
    "Moved": "cyan",
    "Replaced": "magenta",
}


class Compare(Screen[None]):
    """Pick two iterations; see what was added, removed, changed, moved and replaced."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, journey_map: JourneyMap, a: str, b: str) -> None:
        super().__init__()
        self.journey_map, self.a, self.b = journey_map, a, b

    def compose(self) -> ComposeResult:
        options = [(Text(f"{it.label} ({it.id})"), it.id) for it in self.journey_map.iterations]
        with Horizontal(id="compare-pickers"):
            yield Label("Compare")
            yield Select(options, value=self.a, allow_blank=False, id="compare-a", compact=True)
            yield Label("with")
            yield Select(options, value=self.b, allow_blank=False, id="compare-b", compact=True)
        with VerticalScroll(id="compare-body"):
            yield Static(id="compare-text")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        if event.select.id == "compare-a":
            self.a = str(event.value)
        elif event.select.id == "compare-b":
            self.b = str(event.value)
        self._show()

    def _show(self) -> None:
        a, b = self.journey_map.iteration(self.a), self.journey_map.iteration(self.b)
        text = Text()
        for line in render(diff(a, b), "text").splitlines():
            heading = line.split(" (")[0]
            style = SECTION_STYLES.get(heading, "bold" if line and not line.startswith(" ") else "")
            text.append(line + "\n", style=style)
        self.query_one("#compare-text", Static).update(text)
