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


Maker = Callable[[st.DrawFn, JourneyMap, Iteration, str], Element]


def _step(draw: st.DrawFn, m: JourneyMap, it: Iteration, fid: str) -> Step:
    return Step(
        id=fid, name=draw(names), stage=_one(draw, ids(it, Kind.STAGE)), actors=_some(draw, ids(it, Kind.ACTOR)),
        touchpoints=_some(draw, ids(it, Kind.TOUCHPOINT)), tasks=_some(draw, ids(it, Kind.TASK)),
        emotion=draw(st.none() | st.integers(-2, 2)), pain_points=draw(texts), replaces=_some(draw, _base_steps(m, it)),
    )  # fmt: skip


NEW: dict[Kind, Maker] = {
    Kind.ACTOR: lambda d, m, it, fid: Actor(id=fid, name=d(names), ring=d(st.none() | st.sampled_from(Ring))),
    Kind.RELATION: lambda d, m, it, fid: Relation(
        id=fid, source=_one(d, ids(it, Kind.ACTOR)), target=_one(d, ids(it, Kind.ACTOR)), label=d(text)
    ),
    Kind.PROFILE: lambda d, m, it, fid: Profile(
        id=fid, name=d(names), actor=_maybe(d, ids(it, Kind.ACTOR)), needs=d(texts)
    ),
    Kind.TOUCHPOINT: lambda d, m, it, fid: Touchpoint(
        id=fid, name=d(names), channel=d(st.sampled_from(Channel)), owner=_maybe(d, ids(it, Kind.ACTOR))
    ),
    Kind.PROCESS: lambda d, m, it, fid: Process(id=fid, name=d(names), owner=_maybe(d, ids(it, Kind.ACTOR))),
    Kind.TASK: lambda d, m, it, fid: Task(
        id=fid,
        name=d(names),
        responsible=_maybe(d, ids(it, Kind.ACTOR)),
        third_line=_some(d, ids(it, Kind.ACTOR)),
    ),
    Kind.STAGE: lambda d, m, it, fid: Stage(id=fid, name=d(names)),
    Kind.STEP: _step,
    Kind.FLOW: lambda d, m, it, fid: Flow(
        id=fid, source=_one(d, ids(it, Kind.STEP)), target=_one(d, ids(it, Kind.STEP)), label=d(text)
    ),
    Kind.BENEFIT: lambda d, m, it, fid: Benefit(
        id=fid, name=d(names), owner=_maybe(d, ids(it, Kind.ACTOR)), steps=_some(d, ids(it, Kind.STEP))
    ),
    Kind.INDICATOR: lambda d, m, it, fid: Indicator(
        id=fid, name=d(names), unit=d(text), target=d(st.none() | numbers)
    ),
}
"""How to draw a valid new element of each kind, given that the kinds it needs have elements."""


def new_element(draw: st.DrawFn, m: JourneyMap, it: Iteration, kind: Kind) -> tuple[Element, str] | None:
    """A valid new element of a kind (and its parent's id for a task or an indicator).

    None only while a kind it needs (a required reference, its parent) has no elements yet; a kind
    missing from :data:`NEW` fails loudly.
    """
    if kind not in NEW:
        raise AssertionError(f"tests/edits.py: NEW has no way to draw a new {kind.value}")
    needs = {ref.target for ref in kind.spec.refs if ref.required and not ref.base}
    needs |= {kind.parent} if kind.parent is not None else set()
    if any(not ids(it, k) for k in needs):
        return None
    element = NEW[kind](draw, m, it, fresh_id(draw, ids(it, kind), kind.value))
    return element, _one(draw, ids(it, kind.parent)) if kind.parent is not None else ""


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
