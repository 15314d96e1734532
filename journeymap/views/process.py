"""The process view: one process's tasks in swimlanes per responsible actor.

Tasks run in order across the columns, each in the lane of the actor who does it, with how it
is done and how fast. Second- and third-line support appear in their actors' lanes, linked to
the task by dashed escalation lines.
"""

from __future__ import annotations

import gettext
import itertools

from journeymap.model import Iteration, JourneyMap, Process, Task
from journeymap.views import style
from journeymap.views.common import ViewError, catalog, checked, iteration
from journeymap.views.dot import Dot
from journeymap.views.grid import NORMAL, Card, Grid, Metrics, new_graph, text_card
from journeymap.views.nodes import node
from journeymap.views.options import ViewOptions
from journeymap.views.text import wrap
from journeymap.vocabulary import term

UNASSIGNED = "unassigned"  # the lane of tasks nobody is responsible for


def process(journey_map: JourneyMap, options: ViewOptions) -> Dot:
    """Swimlanes of ``options.process`` (default: the iteration's first process)."""
    graph, grid = process_grid(journey_map, options)
    if grid:
        grid.draw(graph)
    return graph


def process_grid(
    journey_map: JourneyMap, options: ViewOptions, metrics: Metrics = NORMAL
) -> tuple[Dot, Grid | None]:
    """The swimlanes' graph (title and settings) and grid in ``metrics``, not yet drawn (None: no
    tasks)."""
    it = iteration(journey_map, options.iteration)
    checked(journey_map, it)
    tr = catalog(journey_map, options)
    proc = chosen(it, options.process)
    title = options.title or f"{journey_map.title}: {proc.name} ({it.label})"
    graph = new_graph(title, options.direction)
    if not proc.tasks:
        graph.node("empty", label=tr.gettext("This process has no tasks yet"), shape="plaintext")
        return graph, None
    names = {a.id: a.name + (f" ({a.organisation})" if a.organisation else "") for a in it.actors}
    grid = Grid(len(proc.tasks), options.direction, metrics)
    for k, actor in enumerate(lanes(proc)):
        grid.lane(_lane(actor), names.get(actor, tr.gettext("Not assigned")))
        if k:
            grid.line_before(_lane(actor), "")
    grid.lane("legend", tr.gettext("Legend"))
    escalations: list[tuple[str, str]] = []
    for column, task in enumerate(proc.tasks):
        grid.add(_lane(task.responsible), column, task_card(task, tr, metrics))
        second = [node("second-line", task.id, a) for a in task.second_line]
        for actor, name in zip(task.second_line, second, strict=True):
            grid.add(
                _lane(actor),
                column,
                _support(name, tr.gettext("2nd line"), metrics),
            )
            escalations.append((_task(task.id), name))
        for actor in task.third_line:
            name = node("third-line", task.id, actor)
            grid.add(
                _lane(actor),
                column,
                _support(name, tr.gettext("3rd line"), metrics),
            )
            escalations += [(source, name) for source in second or [_task(task.id)]]
    if options.legend:
        _legend(grid, len(proc.tasks), tr, style.evidence_legend(tr, it))
    for a, b in itertools.pairwise(proc.tasks):
        grid.connect(_task(a.id), _task(b.id), penwidth="1.4")
    for source, target in escalations:
        grid.connect(source, target, style="dashed", color="#555555")
    return graph, grid


def chosen(it: Iteration, process_id: str) -> Process:
    """The process with this id, or the first one."""
    if not it.processes:
        raise ViewError(f"iteration {it.id!r} has no processes to draw")
    if not process_id:
        return it.processes[0]
    for proc in it.processes:
        if proc.id == process_id:
            return proc
    known = ", ".join(p.id for p in it.processes)
    raise ViewError(f"iteration {it.id!r} has no process {process_id!r} (processes: {known})")


def lanes(proc: Process) -> list[str]:
    """Actor ids in lane order: those responsible, in task order, then 2nd- and 3rd-line ones.

    ``""`` stands for tasks nobody is responsible for.
    """
    order = [t.responsible for t in proc.tasks]
    order += [a for t in proc.tasks for a in (*t.second_line, *t.third_line)]
    return list(dict.fromkeys(order))


def _support(name: str, text: str, metrics: Metrics) -> Card:
    """A 2nd or 3rd line support card."""
    return Card(
        name,
        (text,),
        style.SUPPORT,
        width=metrics.support,
        fontsize=metrics.small,
        padding=metrics.padding,
        leading=metrics.leading,
    )


def task_card(task: Task, tr: gettext.NullTranslations, metrics: Metrics = NORMAL) -> Card:
    """A task: what, how, how fast, and its blueprint lane."""
    paragraphs = [style.evidence_marked(task.name, task)]
    if task.how:
        paragraphs.append(task.how)
    if task.response_time:
        paragraphs.append(tr.gettext("response: {time}").format(time=task.response_time))
    paragraphs.append(f"[{tr.gettext(term(task.lane))}]")
    return text_card(_task(task.id), paragraphs, style.TASK, metrics.card, **metrics.sized(metrics.small))


def _task(task_id: str) -> str:
    return node("task", task_id)


def _lane(actor: str) -> str:
    """The grid lane of an actor's tasks (``""``: nobody's), apart from the legend's lane."""
    return node("actor", actor) if actor else UNASSIGNED


def _legend(grid: Grid, columns: int, tr: gettext.NullTranslations, evidence: tuple[str, ...]) -> None:
    task = wrap(tr.gettext("task: what, how, how fast [blueprint lane]"), 25, 3)
    support = wrap(tr.gettext("2nd / 3rd line support (dashed line)"), 21, 3)
    cards = [
        Card("legend_task", task, style.TASK, fontsize=9),
        Card("legend_support", support, style.SUPPORT, width=110, fontsize=9),
    ]
    if evidence:
        cards.append(Card("legend_evidence", evidence, {"shape": "plaintext"}, fontsize=9, align="left"))
    for k, card in enumerate(cards):
        grid.add("legend", k % columns, card)
