"""Drawing valid random edit operations on a map, for property tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from strategies import dates, names, numbers, text, texts

from journeymap import (
    Actor,
    ActorKind,
    Benefit,
    BenefitKind,
    Channel,
    Flow,
    Indicator,
    Iteration,
    JourneyMap,
    Lane,
    Process,
    Profile,
    Relation,
    RelationKind,
    Ring,
    Stage,
    Step,
    StepKind,
    Task,
    Touchpoint,
)
from journeymap.edit import Add, Move, Operation, Remove, Update
from journeymap.elements import Element, Kind, elements, ids


def fresh_id(draw: st.DrawFn, taken: set[str], prefix: str) -> str:
    while True:
        candidate = f"{prefix}-{draw(st.integers(0, 10_000))}"
        if candidate not in taken:
            return candidate


def _one(draw: st.DrawFn, pool: set[str]) -> str:
    return draw(st.sampled_from(sorted(pool)))


def _some(draw: st.DrawFn, pool: set[str]) -> tuple[str, ...]:
    return tuple(draw(st.lists(st.sampled_from(sorted(pool)), unique=True, max_size=3))) if pool else ()


def _maybe(draw: st.DrawFn, pool: set[str]) -> str:
    return draw(st.sampled_from(["", *sorted(pool)]))


def _base_steps(m: JourneyMap, it: Iteration) -> set[str]:
    return ids(m.iteration(it.based_on), Kind.STEP) if it.based_on else set()


def _field_values(m: JourneyMap, it: Iteration) -> dict[Kind, dict[str, Callable[[st.DrawFn], Any]]]:
    """For each kind, the fields an update may change and how to draw a valid value."""
    actors, stages = ids(it, Kind.ACTOR), ids(it, Kind.STAGE)

    def enum(e: Any) -> Callable[[st.DrawFn], Any]:
        return lambda d: d(st.sampled_from(list(e)))

    def pick(pool: set[str], many: bool = False, optional: bool = True) -> Callable[[st.DrawFn], Any]:
        if many:
            return lambda d: _some(d, pool)
        return (lambda d: _maybe(d, pool)) if optional else (lambda d: _one(d, pool))

    name: Callable[[st.DrawFn], Any] = lambda d: d(names)  # noqa: E731
    free: Callable[[st.DrawFn], Any] = lambda d: d(text)  # noqa: E731
    lines: Callable[[st.DrawFn], Any] = lambda d: d(texts)  # noqa: E731
    fields: dict[Kind, dict[str, Callable[[st.DrawFn], Any]]] = {
        Kind.ACTOR: {"name": name, "kind": enum(ActorKind), "ring": lambda d: d(st.none() | st.sampled_from(Ring)), "organisation": free},
        Kind.RELATION: {"kind": enum(RelationKind), "label": free},
        Kind.PROFILE: {"name": name, "needs": lines, "quote": free, "actor": pick(actors)},
        Kind.TOUCHPOINT: {"name": name, "channel": enum(Channel), "medium": free, "owner": pick(actors)},
        Kind.PROCESS: {"name": name, "owner": pick(actors), "description": free},
        Kind.TASK: {"name": name, "responsible": pick(actors), "second_line": pick(actors, many=True), "lane": enum(Lane), "response_time": free},
        Kind.STAGE: {"name": name, "description": free},
        Kind.STEP: {
            "name": name, "kind": enum(StepKind), "emotion": lambda d: d(st.none() | st.integers(-2, 2)),
            "effort": lambda d: d(st.none() | st.integers(1, 5)), "gain": lambda d: d(st.none() | st.integers(1, 5)),
            "pain_points": lines, "opportunities": lines, "actors": pick(actors, many=True),
            "touchpoints": pick(ids(it, Kind.TOUCHPOINT), many=True), "stage": pick(stages, optional=False),
            "replaces": pick(_base_steps(m, it), many=True),
        },
        Kind.FLOW: {"label": free},
        Kind.BENEFIT: {
            "name": name, "kind": enum(BenefitKind), "owner": pick(actors), "description": free,
            "steps": pick(ids(it, Kind.STEP), many=True),
        },
        Kind.INDICATOR: {
            "name": name, "unit": free, "baseline": lambda d: d(st.none() | numbers),
            "target": lambda d: d(st.none() | numbers), "deadline": lambda d: d(dates), "reporting": lines,
        },
    }  # fmt: skip
    if actors:
        fields[Kind.RELATION] |= {
            "source": pick(actors, optional=False),
            "target": pick(actors, optional=False),
        }
    return fields


def new_element(draw: st.DrawFn, m: JourneyMap, it: Iteration, kind: Kind) -> tuple[Element, str] | None:
    """A valid new element of a kind (and the process for a task), or None if it cannot exist yet."""
    fid = fresh_id(draw, ids(it, kind), kind.value)
    actors, stages, steps = ids(it, Kind.ACTOR), ids(it, Kind.STAGE), ids(it, Kind.STEP)
    if kind is Kind.ACTOR:
        return Actor(id=fid, name=draw(names), ring=draw(st.none() | st.sampled_from(Ring))), ""
    if kind is Kind.RELATION and actors:
        return Relation(id=fid, source=_one(draw, actors), target=_one(draw, actors), label=draw(text)), ""
    if kind is Kind.PROFILE:
        return Profile(id=fid, name=draw(names), actor=_maybe(draw, actors), needs=draw(texts)), ""
    if kind is Kind.TOUCHPOINT:
        return Touchpoint(
            id=fid, name=draw(names), channel=draw(st.sampled_from(Channel)), owner=_maybe(draw, actors)
        ), ""
    if kind is Kind.PROCESS:
        return Process(id=fid, name=draw(names), owner=_maybe(draw, actors)), ""
    if kind is Kind.TASK and it.processes:
        task = Task(
            id=fid, name=draw(names), responsible=_maybe(draw, actors), third_line=_some(draw, actors)
        )
        return task, _one(draw, ids(it, Kind.PROCESS))
    if kind is Kind.STAGE:
        return Stage(id=fid, name=draw(names)), ""
    if kind is Kind.STEP and stages:
        step = Step(
            id=fid, name=draw(names), stage=_one(draw, stages), actors=_some(draw, actors),
            touchpoints=_some(draw, ids(it, Kind.TOUCHPOINT)), tasks=_some(draw, ids(it, Kind.TASK)),
            emotion=draw(st.none() | st.integers(-2, 2)), pain_points=draw(texts), replaces=_some(draw, _base_steps(m, it)),
        )  # fmt: skip
        return step, ""
    if kind is Kind.FLOW and steps:
        return Flow(id=fid, source=_one(draw, steps), target=_one(draw, steps), label=draw(text)), ""
    if kind is Kind.BENEFIT:
        return Benefit(id=fid, name=draw(names), owner=_maybe(draw, actors), steps=_some(draw, steps)), ""
    if kind is Kind.INDICATOR and it.benefits:
        indicator = Indicator(id=fid, name=draw(names), unit=draw(text), target=draw(st.none() | numbers))
        return indicator, _one(draw, ids(it, Kind.BENEFIT))
    return None


def operation(draw: st.DrawFn, m: JourneyMap, iteration: str, moves: bool = True) -> Operation | None:
    """One valid edit of an iteration (add, update, remove with cascade, or move), or None."""
    it = m.iteration(iteration)
    kind = draw(st.sampled_from(list(Kind)))
    existing = elements(it, kind)
    choices = ["add"] + (["update", "remove"] + (["move"] if moves else []) if existing else [])
    action = draw(st.sampled_from(choices))
    if action == "add":
        made = new_element(draw, m, it, kind)
        if made is None:
            return None
        element, process = made
        return Add(iteration, element, draw(st.none() | st.integers(0, len(existing))), process)
    target = draw(st.sampled_from(existing))
    if action == "update":
        options = _field_values(m, it)[kind]
        chosen = draw(st.lists(st.sampled_from(sorted(options)), min_size=1, max_size=3, unique=True))
        return Update(iteration, kind, target.id, {f: options[f](draw) for f in chosen})
    if action == "remove":
        return Remove(iteration, kind, target.id, cascade=True)
    return Move(iteration, kind, target.id, draw(st.integers(0, len(existing))))
