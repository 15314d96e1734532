"""The preview pane: the iteration as a service-blueprint grid in the terminal.

Stages head the columns, lanes run down: touchpoints (marked by channel), the profile's actions,
emotion, then frontstage, backstage and support tasks. Only a window of steps around the
selected one is drawn, so a 2,000-step journey costs no more than a short one.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from journeymap.benefits import IndicatorStatus, Status, benefit_status
from journeymap.model import Benefit, Channel, Iteration, Lane, Step, StepKind, Task, Touchpoint
from journeymap.priorities import quadrant
from journeymap.vocabulary import term
from tui.priorities import STATUS_STYLES
from tui.words import _

CHANNEL_MARKS = {
    Channel.DIGITAL: ("▣", "cyan"),
    Channel.PHYSICAL: ("▤", "yellow"),
    Channel.INTERPERSONAL: ("●", "green"),
}
EMOTION_MARKS = {
    -2: ("▼▼ -2", "bold red"),
    -1: ("▼ -1", "red"),
    0: ("● 0", "white"),
    1: ("▲ +1", "green"),
    2: ("▲▲ +2", "bold green"),
}
COLUMN_WIDTH = 18


def blueprint(it: Iteration, selected: str | None, width: int) -> RenderableType:
    """A table of the steps around ``selected`` that fits ``width`` columns of text."""
    if not it.steps:
        return Text(_("This iteration has no steps yet: select Stages and press a to add one."), style="dim")
    index = next((k for k, s in enumerate(it.steps) if s.id == selected), 0)
    count = max(1, (width - 14) // (COLUMN_WIDTH + 3))
    start = max(0, min(index - count // 2, len(it.steps) - count))
    shown = it.steps[start : start + count]
    stages = {s.id: s.name for s in it.stages}
    touchpoints = {t.id: t for t in it.touchpoints}
    tasks = {t.id: t for p in it.processes for t in p.tasks}
    table = Table(show_lines=True, expand=False, padding=(0, 1), header_style="bold")
    table.add_column("", style="bold dim", width=11, no_wrap=True)
    for step in shown:
        style = "reverse" if step.id == selected else ""
        table.add_column(
            Text(stages.get(step.stage, step.stage), style=style), width=COLUMN_WIDTH, overflow="fold"
        )

    def row(title: str, cells: list[Text]) -> None:
        table.add_row(Text(title), *cells)

    row(_("Touchpoints"), [_touchpoints(step, touchpoints) for step in shown])
    row(_("Actions"), [_action(step, step.id == selected) for step in shown])
    row(_("Emotion"), [_emotion(step) for step in shown])
    for lane in Lane:
        cells = [_tasks(step, tasks, lane) for step in shown]
        if any(cell.plain for cell in cells):
            row(_(term(lane)).capitalize(), cells)
    priority = [_priority(step) for step in shown]
    if any(cell.plain for cell in priority):
        row(_("Priority"), priority)
    statuses = benefit_status(it)
    worst = _worst(statuses)
    gains = [_benefits(step, it.benefits, worst) for step in shown]
    if any(cell.plain for cell in gains):
        row(_("Benefits"), gains)
    before, after = start, len(it.steps) - start - len(shown)
    where = Text(
        _("steps {first}-{last} of {count}").format(
            first=start + 1, last=start + len(shown), count=len(it.steps)
        )
        + ("  ◀ " + _("{n} more").format(n=before) if before else "")
        + ("  " + _("{n} more").format(n=after) + " ▶" if after else ""),
        style="dim",
    )
    legend = Text.assemble(
        *(Text(f"{mark} {_(term(ch))}  ", style=colour) for ch, (mark, colour) in CHANNEL_MARKS.items())
    )
    return Group(where, table, legend, _summary(statuses))


STATUS_ORDER = [
    Status.OVERDUE,
    Status.NOT_IMPROVING,
    Status.NOT_MEASURED,
    Status.UNCLEAR,
    Status.IMPROVING,
    Status.REACHED,
]


def _worst(statuses: list[IndicatorStatus]) -> dict[str, Status]:
    """Each benefit's most worrying indicator status."""
    worst: dict[str, Status] = {}
    for s in statuses:
        now = worst.get(s.benefit.id)
        if now is None or STATUS_ORDER.index(s.status) < STATUS_ORDER.index(now):
            worst[s.benefit.id] = s.status
    return worst


def _priority(step: Step) -> Text:
    if step.effort is None or step.gain is None:
        return Text("")
    where = _(term(quadrant(step.effort, step.gain)))
    return Text(
        _("{quadrant} (g{gain}/e{effort})").format(quadrant=where, gain=step.gain, effort=step.effort),
        style="italic",
    )


def _benefits(step: Step, benefits: tuple[Benefit, ...], worst: dict[str, Status]) -> Text:
    text = Text()
    for b in benefits:
        if step.id in b.steps:
            status = worst.get(b.id)
            text.append(f"◆ {b.name}", style=STATUS_STYLES[status] if status else "dim")
            text.append(
                f" ({_(term(status))})\n" if status else " (" + _("no indicator") + ")\n", style="dim"
            )
    text.rstrip()
    return text


def _summary(statuses: list[IndicatorStatus]) -> Text:
    if not statuses:
        return Text(_("No benefit indicators yet (Benefits and indicators in the navigator)."), style="dim")
    counts = {status: sum(s.status is status for s in statuses) for status in STATUS_ORDER}
    parts = [
        Text(f"{n} {_(term(status))}  ", style=STATUS_STYLES[status]) for status, n in counts.items() if n
    ]
    return Text.assemble(Text(_("Indicators:") + " ", style="bold"), *parts)


def _touchpoints(step: Step, touchpoints: dict[str, Touchpoint]) -> Text:
    text = Text()
    for tp_id in step.touchpoints:
        tp = touchpoints[tp_id]
        mark, colour = CHANNEL_MARKS[tp.channel]
        text.append(f"{mark} ", style=colour)
        text.append(f"{tp.name}\n")
    text.rstrip()
    return text


def _action(step: Step, selected: bool) -> Text:
    prefix = "◇ " if step.kind is StepKind.DECISION else ""
    return Text(prefix + step.name, style="bold reverse" if selected else "bold")


def _emotion(step: Step) -> Text:
    if step.emotion is None:
        return Text("")
    mark, style = EMOTION_MARKS[max(-2, min(2, step.emotion))]
    return Text(mark, style=style)


def _tasks(step: Step, tasks: dict[str, Task], lane: Lane) -> Text:
    names = [tasks[t].name for t in step.tasks if t in tasks and tasks[t].lane is lane]
    return Text("\n".join(f"· {n}" for n in names))


class Blueprint(Static):
    """Shows :func:`blueprint` of the current iteration."""

    def show(self, it: Iteration, selected: str | None) -> None:
        self.update(blueprint(it, selected, max(40, self.size.width or 80)))
