"""The journey view: a service blueprint of one iteration.

Stages are bands over step columns; lanes run from the touchpoints and the profile's actions
(with the emotion curve) down through frontstage, backstage and support tasks, separated by the
lines of interaction, visibility and internal interaction.
"""

from __future__ import annotations

import gettext
import itertools
from collections.abc import Callable, Mapping

from journeymap.i18n import N_
from journeymap.model import Channel, Iteration, JourneyMap, Lane, Step, StepKind, Task, Touchpoint
from journeymap.views import style
from journeymap.views.common import catalog, checked, iteration, stage_runs, visible_steps
from journeymap.views.dot import Dot
from journeymap.views.grid import CARD_WIDTH, NORMAL, Card, Grid, Metrics, chars, new_graph, text_card
from journeymap.views.nodes import node
from journeymap.views.options import ViewOptions
from journeymap.views.text import wrap

TASK_LANES = {
    Lane.FRONTSTAGE: (N_("Frontstage"), N_("line of interaction")),
    Lane.BACKSTAGE: (N_("Backstage"), N_("line of visibility")),
    Lane.SUPPORT: (N_("Support processes"), N_("line of internal interaction")),
}
CHANNEL_LEGEND = {
    Channel.DIGITAL: N_("digital touchpoint"),
    Channel.PHYSICAL: N_("physical touchpoint"),
    Channel.INTERPERSONAL: N_("interpersonal touchpoint"),
}


def journey(journey_map: JourneyMap, options: ViewOptions) -> Dot:
    """The blueprint of ``options.iteration`` (default: the current one)."""
    graph, grid = journey_grid(journey_map, options)
    if grid:
        grid.draw(graph)
    return graph


def journey_grid(
    journey_map: JourneyMap, options: ViewOptions, metrics: Metrics = NORMAL
) -> tuple[Dot, Grid | None]:
    """The blueprint's graph (title and settings) and its grid in ``metrics``, not yet drawn
    (None: no steps)."""
    it = iteration(journey_map, options.iteration)
    checked(journey_map, it)
    tr = catalog(journey_map, options)
    steps = visible_steps(it, options)
    profile = next((p.name for p in it.profiles if p.id == options.profile), "")
    title = options.title or f"{journey_map.title}: {it.label}" + (f" ({profile})" if profile else "")
    graph = new_graph(title, options.direction)
    if not steps:
        graph.node("empty", label=tr.gettext("No steps to show"), shape="plaintext")
        return graph, None
    grid = Grid(len(steps), options.direction, metrics)
    grid.lane("stages", "")
    for first, last, stage in stage_runs(steps):
        name = next(s.name for s in it.stages if s.id == stage)
        grid.band(first, last, name, style.HEADER[options.scheme], node("stage", stage, str(first)))
    grid.lane("touchpoints", tr.gettext("Touchpoints"))
    grid.lane(
        "actions",
        tr.gettext("Actions of {profile}").format(profile=profile) if profile else tr.gettext("Actions"),
    )
    grid.lane("emotion", tr.gettext("Experience"), size=4 * metrics.emotion_step + metrics.dot + 6)
    grid.lane("details", tr.gettext("Pain points and opportunities"))
    for lane, (name, line) in TASK_LANES.items():
        grid.lane(lane.value, tr.gettext(name))
        grid.line_before(lane.value, tr.gettext(line))
    grid.lane("legend", tr.gettext("Legend"))

    touchpoints = {t.id: t for t in it.touchpoints}
    tasks = {t.id: t for p in it.processes for t in p.tasks}
    actors = {a.id: a.name for a in it.actors}
    for column, step in enumerate(steps):
        grid.add("actions", column, step_card(step, step_node(step.id), metrics=metrics))
        for tp_id in step.touchpoints:
            grid.add(
                "touchpoints",
                column,
                touchpoint_card(touchpoints[tp_id], node("tp", step.id, tp_id), options, metrics=metrics),
            )
        if step.emotion is not None:
            offset = _emotion_offset(step.emotion, options, metrics)
            grid.pin("emotion", column, offset, emotion_card(step, options, metrics=metrics))
        if options.details and (step.pain_points or step.opportunities):
            grid.add("details", column, details_card(step, metrics))
        for task in (tasks[t] for t in step.tasks):
            grid.add(
                task.lane.value, column, task_card(task, actors, node("task", step.id, task.id), metrics)
            )
    if options.legend:
        _legend(grid, options, len(steps), tr, style.evidence_legend(tr, it))
    flows(grid, it, steps)
    _emotion_curve(grid, steps)
    return graph, grid


def step_node(step_id: str) -> str:
    """The DOT node name of a step."""
    return node("step", step_id)


def emotion_node(step_id: str) -> str:
    """The DOT node name of a step's emotion marker."""
    return node("emotion", step_id)


def step_card(
    step: Step,
    node: str,
    attrs: dict[str, str] | None = None,
    extra: tuple[str, ...] = (),
    metrics: Metrics = NORMAL,
) -> Card:
    """A step: a box, or a hexagon for a decision; ``extra`` lines go under the name."""
    decision = step.kind is StepKind.DECISION
    base = dict(style.DECISION if decision else style.STEP)
    base.update(attrs or {})
    width = metrics.card
    text_width = width * 0.72 if decision else width
    per_line = chars(text_width, metrics.text, metrics.char)
    lines = [
        *wrap(style.evidence_marked(step.name, step), per_line, 4),
        *(line for x in extra for line in wrap(x, per_line, 2)),
    ]
    return Card(
        node,
        lines,
        base,
        width=width,
        fontsize=metrics.text,
        min_height=44 if decision else 0,
        padding=metrics.padding + (metrics.decision_padding if decision else 0),
        leading=metrics.leading,
    )


def touchpoint_card(
    tp: Touchpoint, node: str, options: ViewOptions, extra: tuple[str, ...] = (), metrics: Metrics = NORMAL
) -> Card:
    text = [style.evidence_marked(tp.name, tp), *([f"({tp.medium})"] if tp.medium else []), *extra]
    attrs = style.channel(options.scheme, tp.channel)
    width = metrics.card - 16
    size = metrics.sized(metrics.small)
    if tp.channel.value == "interpersonal":  # an ellipse: its text needs room from the outline
        size["padding"] += metrics.ellipse_padding
        return text_card(node, text, attrs, width=width, min_height=40, **size)
    return text_card(node, text, attrs, width=width, **size)


def emotion_card(step: Step, options: ViewOptions, node: str = "", metrics: Metrics = NORMAL) -> Card:
    score = step.emotion or 0
    attrs = {"shape": "circle", "style": "filled", "color": "#555555", **style.emotion(options.scheme, score)}
    return Card(
        node or emotion_node(step.id),
        (f"{score:+d}" if score else "0",),
        attrs,
        width=metrics.dot,
        min_height=metrics.dot,
        fontsize=metrics.small,
    )


def details_card(step: Step, metrics: Metrics = NORMAL) -> Card:
    paragraphs = [f"! {p}" for p in step.pain_points] + [f"+ {o}" for o in step.opportunities]
    card = text_card(
        node("details", step.id), paragraphs, style.DETAILS, metrics.card, **metrics.sized(metrics.small),
    )  # fmt: skip
    return Card(
        card.node, card.lines, card.attrs, width=card.width, fontsize=metrics.small, align="left",
        padding=metrics.padding, leading=metrics.leading,
    )  # fmt: skip


def task_card(task: Task, actors: Mapping[str, str], node: str, metrics: Metrics = NORMAL) -> Card:
    """A task behind a step: what, who and how fast; ``actors`` maps ids to names."""
    who = " · ".join(x for x in (actors.get(task.responsible, ""), task.response_time) if x)
    lines = [style.evidence_marked(task.name, task), *([who] if who else [])]
    return text_card(node, lines, style.TASK, metrics.card, **metrics.sized(metrics.small))


def _emotion_offset(score: int, options: ViewOptions, metrics: Metrics) -> float:
    step = metrics.emotion_step
    return -score * step if options.direction == "LR" else score * step


def flows(
    grid: Grid,
    it: Iteration,
    steps: list[Step],
    attrs: Mapping[str, str] | None = None,
    node: Callable[[str], str] = step_node,
) -> None:
    """The journey's flows between the shown steps (or their order, if it has no flows).

    The grid routes them: to the next step straight across, back or past other steps along the
    channel under the steps.
    """
    column = {s.id: k for k, s in enumerate(steps)}
    if it.flows:
        pairs = [(f.source, f.target, f.label) for f in it.flows if f.source in column and f.target in column]
    else:
        own = [s for s in steps if s.id in {x.id for x in it.steps}]
        pairs = [(a.id, b.id, "") for a, b in itertools.pairwise(own)]
    for source, target, text in pairs:
        grid.connect(
            node(source),
            node(target),
            wrap(text, grid.metrics.flow_label, 3) if text else (),
            penwidth="1.3",
            **(attrs or {}),
        )


def _emotion_curve(grid: Grid, steps: list[Step]) -> None:
    scored = [s for s in steps if s.emotion is not None]
    for a, b in itertools.pairwise(scored):
        grid.join(emotion_node(a.id), emotion_node(b.id), dir="none", penwidth="2", color="#888888")


def _legend(
    grid: Grid, options: ViewOptions, columns: int, tr: gettext.NullTranslations, evidence: tuple[str, ...]
) -> None:
    items: list[Card] = [
        Card("legend_step", (tr.gettext("step"),), style.STEP),
        Card("legend_decision", (tr.gettext("decision"),), style.DECISION, min_height=40),
    ]
    for channel in Channel:
        attrs = style.channel(options.scheme, channel)
        text = wrap(tr.gettext(CHANNEL_LEGEND[channel]), 26, 2)
        items.append(
            Card(f"legend_{channel.value}", text, attrs, width=CARD_WIDTH - 16, fontsize=9, min_height=34)
        )
    feels = tr.gettext("(-2 … +2) how the step feels: higher is better")
    items.append(Card("legend_emotion", wrap(feels, 23, 3), {"shape": "plaintext"}, fontsize=9))
    if options.details:
        details = ("! " + tr.gettext("pain point"), "+ " + tr.gettext("opportunity"))
        items.append(Card("legend_details", details, style.DETAILS, fontsize=9))
    task = (tr.gettext("task"), tr.gettext("responsible · how fast"))
    items.append(Card("legend_task", task, style.TASK, fontsize=9))
    if evidence:
        items.append(Card("legend_evidence", evidence, {"shape": "plaintext"}, fontsize=9, align="left"))
    for k, card in enumerate(items):
        grid.add("legend", k % columns, card)
