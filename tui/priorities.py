"""The priorities screen: the effort/gain matrix of an iteration and where its benefits stand."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from journeymap.benefits import Status, benefit_status, number
from journeymap.charts import sparkline
from journeymap.model import Iteration
from journeymap.priorities import Quadrant, priorities

QUADRANT_STYLES = {
    Quadrant.QUICK_WIN: "green",
    Quadrant.BIG_BET: "blue",
    Quadrant.FILL_IN: "white",
    Quadrant.MONEY_PIT: "red",
}
STATUS_STYLES = {
    Status.REACHED: "green",
    Status.IMPROVING: "cyan",
    Status.NOT_IMPROVING: "yellow",
    Status.OVERDUE: "red",
    Status.NOT_MEASURED: "dim",
    Status.UNCLEAR: "dim",
}


def matrix(it: Iteration) -> Table:
    """The four quadrants as a two-by-two grid: high gain on top, low effort on the left."""
    cells: dict[Quadrant, list[str]] = {q: [] for q in Quadrant}
    for p in priorities(it):
        cells[p.quadrant].append(f"• {p.step.name} (gain {p.gain}, effort {p.effort})")
    grid = Table(show_header=True, expand=True, show_lines=True, title="Priorities: gain against effort")
    grid.add_column("", width=6)
    grid.add_column("low effort (1-2)", ratio=1)
    grid.add_column("high effort (3-5)", ratio=1)

    def cell(q: Quadrant) -> Text:
        text = Text(f"{q.value.capitalize()}s: {q.advice}\n", style=f"bold {QUADRANT_STYLES[q]}")
        text.append("\n".join(cells[q]) or "none")
        return text

    grid.add_row("high gain", cell(Quadrant.QUICK_WIN), cell(Quadrant.BIG_BET))
    grid.add_row("low gain", cell(Quadrant.FILL_IN), cell(Quadrant.MONEY_PIT))
    return grid


def follow_up(it: Iteration) -> Table:
    """One row per indicator: baseline, target, latest measurement, share of the way, status."""
    table = Table(title="Benefits: where each indicator stands", expand=True)
    for column in (
        "Benefit",
        "Indicator",
        "Baseline → target",
        "Measurements",
        "Latest",
        "Of the way",
        "Status",
    ):
        table.add_column(column)
    for s in benefit_status(it):
        i = s.indicator
        ends = " → ".join(number(v) if v is not None else "?" for v in (i.baseline, i.target))
        table.add_row(
            Text(s.benefit.name), Text(f"{i.name} [{i.unit}]" if i.unit else i.name), ends,
            Text(sparkline(i), style=STATUS_STYLES[s.status]), s.latest_text(), s.progress_text(),
            Text(s.status.value, style=STATUS_STYLES[s.status]),
        )  # fmt: skip
    return table


class Priorities(Screen[None]):
    """Read-only: score steps (effort, gain) and record measurements in the form."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, it: Iteration) -> None:
        super().__init__()
        hint = Text(
            "Set a step's effort and gain, and record measurements of indicators, in the form.", style="dim"
        )
        self.overview = Group(matrix(it), Text(""), follow_up(it), hint)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.overview, id="priorities-body")
        yield Footer()
