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
from journeymap.i18n import N_
from journeymap.model import Iteration
from journeymap.priorities import Quadrant, priorities
from journeymap.views.priorities import QUADRANT_NAMES
from journeymap.vocabulary import term
from tui.words import _, bind, language

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
        scores = _("(gain {gain}, effort {effort})").format(gain=p.gain, effort=p.effort)
        cells[p.quadrant].append(f"• {p.step.name} {scores}")
    grid = Table(show_header=True, expand=True, show_lines=True, title=_("Priorities: gain against effort"))
    grid.add_column("", width=6)
    grid.add_column(_("low effort (1-2)"), ratio=1)
    grid.add_column(_("high effort (3-5)"), ratio=1)

    def cell(q: Quadrant) -> Text:
        text = Text(_(QUADRANT_NAMES[q]) + "\n", style=f"bold {QUADRANT_STYLES[q]}")
        text.append("\n".join(cells[q]) or _("none"))
        return text

    grid.add_row(_("high gain"), cell(Quadrant.QUICK_WIN), cell(Quadrant.BIG_BET))
    grid.add_row(_("low gain"), cell(Quadrant.FILL_IN), cell(Quadrant.MONEY_PIT))
    return grid


def follow_up(it: Iteration) -> Table:
    """One row per indicator: baseline, target, latest measurement, share of the way, status."""
    table = Table(title=_("Benefits: where each indicator stands"), expand=True)
    for column in (
        N_("Benefit"),
        N_("Indicator"),
        N_("Baseline → target"),
        N_("Measurements"),
        N_("Latest"),
        N_("Of the way"),
        N_("Status"),
    ):
        table.add_column(_(column))
    for s in benefit_status(it):
        i = s.indicator
        ends = " → ".join(number(v, language()) if v is not None else "?" for v in (i.baseline, i.target))
        table.add_row(
            Text(s.benefit.name), Text(f"{i.name} [{i.unit}]" if i.unit else i.name), ends,
            Text(sparkline(i), style=STATUS_STYLES[s.status]), s.latest_text(language=language()),
            s.progress_text(language()), Text(_(term(s.status)), style=STATUS_STYLES[s.status]),
        )  # fmt: skip
    return table


class Priorities(Screen[None]):
    """Read-only: score steps (effort, gain) and record measurements in the form."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", N_("Back"))]

    def __init__(self, it: Iteration) -> None:
        super().__init__()
        bind(self)
        hint = Text(
            _("Set a step's effort and gain, and record measurements of indicators, in the form."),
            style="dim",
        )
        self.overview = Group(matrix(it), Text(""), follow_up(it), hint)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.overview, id="priorities-body")
        yield Footer()
