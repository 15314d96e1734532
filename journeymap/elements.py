"""The kinds of element in an iteration, where they live, and what they refer to.

One table of references serves validation, edit checks, cascading removal and
the diff, so that a new reference field is declared once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum

from attrs import frozen

from journeymap.model import (
    Actor,
    Flow,
    Iteration,
    JourneyMap,
    Process,
    Profile,
    Relation,
    Stage,
    Step,
    Task,
    Touchpoint,
)

Element = Actor | Relation | Profile | Touchpoint | Process | Task | Stage | Step | Flow


class Kind(Enum):
    """An element kind, named as users say it."""

    ACTOR = "actor"
    RELATION = "relation"
    PROFILE = "profile"
    TOUCHPOINT = "touchpoint"
    PROCESS = "process"
    TASK = "task"
    STAGE = "stage"
    STEP = "step"
    FLOW = "flow"

    @property
    def type(self) -> type[Element]:
        """The model class of this kind."""
        return _TYPES[self]

    @property
    def collection(self) -> str:
        """The iteration attribute (for tasks, the process attribute) holding the elements."""
        return "processes" if self is Kind.PROCESS else f"{self.value}s"


_TYPES: dict[Kind, type[Element]] = {
    Kind.ACTOR: Actor,
    Kind.RELATION: Relation,
    Kind.PROFILE: Profile,
    Kind.TOUCHPOINT: Touchpoint,
    Kind.PROCESS: Process,
    Kind.TASK: Task,
    Kind.STAGE: Stage,
    Kind.STEP: Step,
    Kind.FLOW: Flow,
}
KIND_OF: dict[type, Kind] = {t: k for k, t in _TYPES.items()}


@frozen
class Ref:
    """A field of an element that names other elements of the same iteration."""

    field: str
    target: Kind
    required: bool = False
    many: bool = False


REFS: dict[Kind, tuple[Ref, ...]] = {
    Kind.RELATION: (Ref("source", Kind.ACTOR, required=True), Ref("target", Kind.ACTOR, required=True)),
    Kind.PROFILE: (Ref("actor", Kind.ACTOR),),
    Kind.TOUCHPOINT: (Ref("owner", Kind.ACTOR),),
    Kind.PROCESS: (Ref("owner", Kind.ACTOR),),
    Kind.TASK: (
        Ref("responsible", Kind.ACTOR),
        Ref("second_line", Kind.ACTOR, many=True),
        Ref("third_line", Kind.ACTOR, many=True),
    ),
    Kind.STEP: (
        Ref("stage", Kind.STAGE, required=True),
        Ref("profile", Kind.PROFILE),
        Ref("actors", Kind.ACTOR, many=True),
        Ref("touchpoints", Kind.TOUCHPOINT, many=True),
        Ref("tasks", Kind.TASK, many=True),
    ),
    Kind.FLOW: (Ref("source", Kind.STEP, required=True), Ref("target", Kind.STEP, required=True)),
}


def elements(it: Iteration, kind: Kind) -> tuple[Element, ...]:
    """The iteration's elements of a kind, in order; tasks of all processes in process order."""
    if kind is Kind.TASK:
        return tuple(task for process in it.processes for task in process.tasks)
    result: tuple[Element, ...] = getattr(it, kind.collection)
    return result


def with_paths(it: Iteration, kind: Kind, prefix: str) -> Iterator[tuple[str, Element]]:
    """Each element of a kind with its document path below ``prefix``."""
    if kind is Kind.TASK:
        for p, process in enumerate(it.processes):
            for t, task in enumerate(process.tasks):
                yield f"{prefix}.processes[{p}].tasks[{t}]", task
    else:
        for k, element in enumerate(getattr(it, kind.collection)):
            yield f"{prefix}.{kind.collection}[{k}]", element


def ids(it: Iteration, kind: Kind) -> set[str]:
    """The ids of an iteration's elements of a kind."""
    return {e.id for e in elements(it, kind)}


def referenced(element: Element, ref: Ref) -> tuple[str, ...]:
    """The ids a reference field of an element names (empty optional fields name nothing)."""
    value = getattr(element, ref.field)
    if ref.many:
        return tuple(value)
    return (value,) if value or ref.required else ()


def name_of(element: Element) -> str:
    """What people call an element: its name, or for relations and flows what they join."""
    if isinstance(element, (Relation, Flow)):
        ends = f"{element.source} → {element.target}"
        return f"{ends} ({element.label})" if element.label else ends
    return element.name


def label(element: Element) -> str:
    """How messages name an element: its kind and id."""
    return f"{KIND_OF[type(element)].value} {element.id!r}"


_PATH = re.compile(r"^iterations\[(\d+)\](?:\.(\w+)\[(\d+)\](?:\.tasks\[(\d+)\])?)?")


def locate(journey_map: JourneyMap, path: str) -> tuple[str, Kind | None, str] | None:
    """The element a document path such as ``iterations[1].steps[4].touchpoints[0]`` is in.

    Returns (iteration id, kind, element id), with kind None for the iteration itself, or None
    when the path is not inside an iteration or points past its lists.
    """
    match = _PATH.match(path)
    if not match:
        return None
    i, collection, k, t = match.groups()
    if int(i) >= len(journey_map.iterations):
        return None
    it = journey_map.iterations[int(i)]
    if collection is None:
        return it.id, None, it.id
    kinds = {kind.collection: kind for kind in Kind if kind is not Kind.TASK}
    if collection not in kinds:
        return it.id, None, it.id
    items = getattr(it, collection)
    if int(k) >= len(items):
        return None
    element = items[int(k)]
    if t is not None and isinstance(element, Process):
        return (it.id, Kind.TASK, element.tasks[int(t)].id) if int(t) < len(element.tasks) else None
    return it.id, kinds[collection], element.id
