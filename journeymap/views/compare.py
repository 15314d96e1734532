"""The compare view: what changes between two iterations, on the journey.

``merged`` (default) draws one journey: the newer iteration's steps with removed steps of the
older one in their old place, each marked added, removed, changed or unchanged (muted), and
dashed "replaced by" links. ``side-by-side`` draws the two journeys as parallel lanes, a step
and its counterpart in the same column.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from typing import Protocol, TypeVar

from journeymap.defaults import default_pair
from journeymap.elements import Kind
from journeymap.i18n import N_
from journeymap.model import Iteration, JourneyMap, Step
from journeymap.semantic_diff import Diff, diff
from journeymap.views import style
from journeymap.views.common import (
    SameIterationError,
    ViewError,
    catalog,
    checked,
    iteration,
    stage_runs,
    visible_steps,
)
from journeymap.views.dot import Dot
from journeymap.views.grid import CARD_WIDTH, NORMAL, Card, Grid, Metrics, new_graph
from journeymap.views.journey import flows, step_card, step_node, touchpoint_card
from journeymap.views.nodes import node
from journeymap.views.options import ViewOptions
from journeymap.views.text import wrap
from journeymap.vocabulary import term


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)

STATUS_NAMES = {
    "added": N_("new step"),
    "removed": N_("removed step"),
    "changed": N_("changed step"),
    "unchanged": N_("unchanged step"),
}
STEP_FIELDS = {
    "name": N_("name"),
    "stage": N_("stage"),
    "profile": N_("user profile"),
    "kind": N_("kind"),
    "actors": N_("actors"),
    "touchpoints": N_("touchpoints"),
    "tasks": N_("tasks"),
    "description": N_("description"),
    "pain_points": N_("pain points"),
    "opportunities": N_("opportunities"),
    "effort": N_("effort"),
    "gain": N_("gain"),
    "replaces": N_("replaces"),
    "evidence": N_("evidence"),
    "sources": N_("sources"),
}
"""The step fields a comparison names as changed, as people say them."""


def pair(journey_map: JourneyMap, options: ViewOptions) -> tuple[Iteration, Iteration]:
    """The older and newer iteration: as chosen, else the current one and the newest future one."""
    try:
        a, b = default_pair(journey_map)
    except ValueError as exc:
        raise ViewError(str(exc)) from None
    a = iteration(journey_map, options.iteration) if options.iteration else a
    b = iteration(journey_map, options.against) if options.against else b
    if a.id == b.id:
        raise SameIterationError(a.id)
    return a, b


def compare(journey_map: JourneyMap, options: ViewOptions) -> Dot:
    """The compare view of two iterations."""
    graph, grid = compare_grid(journey_map, options)
    grid.draw(graph)
    return graph


def compare_grid(
    journey_map: JourneyMap, options: ViewOptions, metrics: Metrics = NORMAL
) -> tuple[Dot, Grid]:
    """The compare view's graph (title and settings) and its grid in ``metrics``, not yet drawn."""
    a, b = pair(journey_map, options)
    checked(journey_map, a, b)
    tr = catalog(journey_map, options)
    d = diff(a, b)
    old, new = visible_steps(a, options), visible_steps(b, options)
    stage_rank = {s.id: k for k, s in enumerate(merged_order(list(a.stages), list(b.stages)))}
    columns = sorted(merged_order(old, new), key=lambda s: stage_rank[s.stage])
    title = options.title or f"{journey_map.title}: {a.label} → {b.label}"
    graph = new_graph(title, options.direction)
    grid = Grid(max(1, len(columns)), options.direction, metrics)
    grid.lane("stages", "")
    stage_names = {s.id: s.name for it in (a, b) for s in it.stages}
    for first, last, stage in stage_runs(columns):
        grid.band(
            first, last, stage_names[stage], style.HEADER[options.scheme], node("stage", stage, str(first))
        )
    statuses = step_statuses(d, tr)
    in_b = {s.id for s in new}
    if options.layout == "merged":
        grid.lane("touchpoints", tr.gettext("Touchpoints"))
        grid.lane("actions", tr.gettext("Steps"))
        for column, step in enumerate(columns):
            it = b if step.id in in_b else a
            grid.add("actions", column, _card(step, step_node(step.id), statuses, options, tr, metrics))
            for tp_card in _touchpoints(it, step, d, options, tr, metrics):
                grid.add("touchpoints", column, tp_card)
    else:
        grid.lane("before", tr.gettext("Before: {iteration}").format(iteration=a.label))
        grid.lane("after", tr.gettext("After: {iteration}").format(iteration=b.label))
        in_a = {s.id for s in old}
        for column, step in enumerate(columns):
            if step.id in in_a:
                old_step = next(s for s in old if s.id == step.id)
                before = _card(old_step, _before(step.id), statuses, options, tr, metrics, side="a")
                grid.add("before", column, before)
            if step.id in in_b:
                grid.add(
                    "after", column, _card(step, _after(step.id), statuses, options, tr, metrics, side="b")
                )
    grid.lane("legend", tr.gettext("Legend"))
    if options.legend:
        evidence = style.evidence_legend(tr, a, b)
        _legend(grid, options, max(1, len(columns)), tr, evidence)
    if options.layout == "merged":
        flows(grid, b, columns, {"color": "#777777"})
        _replacements(grid, d, step_node, step_node, {s.id for s in columns}, tr)
    else:
        flows(
            grid, a, [s for s in columns if s.id in {x.id for x in old}], {"color": "#999999"}, node=_before
        )
        flows(grid, b, [s for s in columns if s.id in in_b], {"color": "#777777"}, node=_after)
        _replacements(grid, d, _before, _after, {s.id for s in columns}, tr)
    return graph, grid


def _before(step_id: str) -> str:
    """A step's node in the side-by-side layout's older lane."""
    return node("before", step_id)


def _after(step_id: str) -> str:
    """A step's node in the side-by-side layout's newer lane."""
    return node("after", step_id)


def merged_order(old: list[T], new: list[T]) -> list[T]:
    """The newer elements in order, each removed older one placed after the element it followed."""
    in_new = {s.id for s in new}
    order = list(new)
    after: str | None = None
    inserted = 0
    for step in old:
        if step.id in in_new:
            after, inserted = step.id, 0
            continue
        at = 0 if after is None else next(k for k, s in enumerate(order) if s.id == after) + 1
        order.insert(at + inserted, step)
        inserted += 1
    return order


def step_statuses(d: Diff, tr: gettext.NullTranslations) -> dict[str, tuple[str, list[str]]]:
    """For each step id in the diff: its status and the lines that explain it, in ``tr``'s language."""
    result: dict[str, tuple[str, list[str]]] = {}
    for ref in d.added:
        if ref.kind is Kind.STEP:
            result[ref.id] = ("added", [])
    for ref in d.removed:
        if ref.kind is Kind.STEP:
            result[ref.id] = ("removed", [])
    emotions = {e.element.id: e for e in d.emotions}
    for change in d.changed:
        if change.element.kind is Kind.STEP:
            names = [
                tr.gettext(STEP_FIELDS.get(f.field, f.field.replace("_", " ")))
                for f in change.fields
                if f.field != "emotion"
            ]
            lines = [tr.gettext("changed: {fields}").format(fields=", ".join(names))] if names else []
            if change.element.id in emotions:
                e = emotions[change.element.id]
                feels = tr.gettext("feels {old} → {new}").format(old=f"{e.old:+d}", new=f"{e.new:+d}")
                lines.append(feels.replace("+0", "0"))
            result[change.element.id] = ("changed", lines)
    for move in d.moved:
        if move.element.kind is Kind.STEP:
            status, lines = result.get(move.element.id, ("changed", []))
            result[move.element.id] = (status, [*lines, tr.gettext("moved")])
    return result


def _card(
    step: Step,
    node: str,
    statuses: dict[str, tuple[str, list[str]]],
    options: ViewOptions,
    tr: gettext.NullTranslations,
    metrics: Metrics = NORMAL,
    side: str = "",
) -> Card:
    status, lines = statuses.get(step.id, ("unchanged", []))
    if side == "a" and status in ("added", "changed"):
        status, lines = "unchanged", []  # the older lane marks only what is gone
    attrs, marker = style.status(options.scheme, status)
    extra = tuple(x for x in (tr.gettext(marker) if marker else "", *lines) if x)
    return step_card(step, node, dict(attrs), extra, metrics)


def _touchpoints(
    it: Iteration,
    step: Step,
    d: Diff,
    options: ViewOptions,
    tr: gettext.NullTranslations,
    metrics: Metrics = NORMAL,
) -> list[Card]:
    added = {r.id for r in d.added if r.kind is Kind.TOUCHPOINT}
    channels = {c.element.id: c for c in d.channels}
    by_id = {t.id: t for t in it.touchpoints}
    cards = []
    for tp_id in step.touchpoints:
        tp = by_id[tp_id]
        extra: tuple[str, ...] = ()
        if tp_id in channels:
            change = channels[tp_id]
            if it.id == d.b:
                extra = (tr.gettext("was {channel}").format(channel=tr.gettext(term(change.old))),)
            else:
                extra = (tr.gettext("now {channel}").format(channel=tr.gettext(term(change.new))),)
        elif tp_id in added and it.id == d.b:
            extra = (tr.gettext("+ new"),)
        card = touchpoint_card(tp, node("tp", step.id, tp_id), options, extra, metrics)
        if extra:
            card = Card(card.node, card.lines, {**card.attrs, "penwidth": "2.5"}, width=card.width,
                        fontsize=card.fontsize, min_height=card.min_height, padding=card.padding,
                        leading=card.leading)  # fmt: skip
        cards.append(card)
    return cards


def _replacements(
    grid: Grid,
    d: Diff,
    old_node: Callable[[str], str],
    new_node: Callable[[str], str],
    shown: set[str],
    tr: gettext.NullTranslations,
) -> None:
    for rep in d.replacements:
        for replaced in rep.replaced:
            if replaced.id in shown and rep.step.id in shown and replaced.id != rep.step.id:
                grid.connect(
                    old_node(replaced.id),
                    new_node(rep.step.id),
                    [tr.gettext("replaced by")],
                    **{**style.REPLACES, "fontsize": f"{grid.metrics.edge:g}"},
                )


def _legend(
    grid: Grid, options: ViewOptions, columns: int, tr: gettext.NullTranslations, evidence: tuple[str, ...]
) -> None:
    cards = []
    for status in style.STATUSES:
        attrs, marker = style.status(options.scheme, status)
        lines = (tr.gettext(STATUS_NAMES[status]), *([tr.gettext(marker)] if marker else []))
        cards.append(Card(f"legend_{status}", lines, {**style.STEP, **attrs}))
    text = wrap(tr.gettext("dashed arrow: a new step replaces an old one"), 24, 3)
    cards.append(Card("legend_replaces", text, {"shape": "plaintext"}, fontsize=9, width=CARD_WIDTH))
    if evidence:
        cards.append(Card("legend_evidence", evidence, {"shape": "plaintext"}, fontsize=9, align="left"))
    for k, card in enumerate(cards):
        grid.add("legend", k % columns, card)
