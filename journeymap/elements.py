"""The kinds of element in an iteration, where they live, and what they refer to.

One table of references serves validation, edit checks, cascading removal and
the diff, so that a new reference field is declared once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from enum import Enum

from attrs import frozen

from journeymap.model import (
    Actor,
    Benefit,
    Flow,
    Indicator,
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

Element = Actor | Relation | Profile | Touchpoint | Process | Task | Stage | Step | Flow | Benefit | Indicator
Parent = Process | Benefit


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
    BENEFIT = "benefit"
    INDICATOR = "indicator"

    __hash__ = object.__hash__  # members are singletons; Enum's own hash is slow where kinds key dicts

    @property
    def type(self) -> type[Element]:
        """The model class of this kind."""
        return _TYPES[self]

    @property
    def collection(self) -> str:
        """The attribute holding the elements: of the iteration, or of the parent for nested kinds."""
        return _COLLECTIONS[self]

    @property
    def parent(self) -> Kind | None:
        """The kind whose elements hold this kind's (a process its tasks, a benefit its indicators)."""
        return _PARENTS.get(self)

    @property
    def child(self) -> Kind | None:
        """The kind nested in this kind's elements, if any."""
        return _CHILDREN.get(self)


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
    Kind.BENEFIT: Benefit,
    Kind.INDICATOR: Indicator,
}
KIND_OF: dict[type, Kind] = {t: k for k, t in _TYPES.items()}
_COLLECTIONS = {kind: "processes" if kind is Kind.PROCESS else f"{kind.value}s" for kind in Kind}
_PARENTS = {Kind.TASK: Kind.PROCESS, Kind.INDICATOR: Kind.BENEFIT}
_CHILDREN = {parent: child for child, parent in _PARENTS.items()}


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
    Kind.BENEFIT: (Ref("owner", Kind.ACTOR), Ref("steps", Kind.STEP, many=True)),
}


def elements(it: Iteration, kind: Kind) -> tuple[Element, ...]:
    """The iteration's elements of a kind, in order; nested kinds (tasks) in their parents' order."""
    if kind.parent is not None:
        parents = getattr(it, kind.parent.collection)
        return tuple(child for parent in parents for child in getattr(parent, kind.collection))
    result: tuple[Element, ...] = getattr(it, kind.collection)
    return result


def with_paths(it: Iteration, kind: Kind, prefix: str) -> Iterator[tuple[str, Element]]:
    """Each element of a kind with its document path below ``prefix``."""
    if kind.parent is not None:
        outer = kind.parent.collection
        for p, parent in enumerate(getattr(it, outer)):
            for c, child in enumerate(getattr(parent, kind.collection)):
                yield f"{prefix}.{outer}[{p}].{kind.collection}[{c}]", child
    else:
        for k, element in enumerate(getattr(it, kind.collection)):
            yield f"{prefix}.{kind.collection}[{k}]", element


def parent_of(it: Iteration, kind: Kind, element_id: str) -> Parent:
    """The process holding a task, or the benefit holding an indicator; ``StopIteration`` if none."""
    assert kind.parent is not None
    parents: tuple[Parent, ...] = getattr(it, kind.parent.collection)
    return next(p for p in parents if any(c.id == element_id for c in getattr(p, kind.collection)))


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


def label(element: Element, shared: Collection[str] = ()) -> str:
    """How messages name an element: its kind and name (``step 'Gets a call'``).

    The id is added where the name does not tell the element apart: when it is empty, or one of
    ``shared``, the names that two elements of the kind have (see :func:`shared_names`).
    """
    kind, name = KIND_OF[type(element)].value, name_of(element)
    if not name.strip():
        return f"{kind} {element.id!r}"
    return f"{kind} '{name}' ({element.id})" if name in shared else f"{kind} '{name}'"


def shared_names(items: Iterable[Element]) -> frozenset[str]:
    """The names that more than one of ``items`` has."""
    counts = Counter(name_of(e) for e in items)
    return frozenset(name for name, n in counts.items() if n > 1)


def locate(journey_map: JourneyMap, path: str) -> tuple[str, Kind | None, str] | None:
    """The element a document path such as ``iterations[1].steps[4].touchpoints[0]`` is in.

    Returns (iteration id, kind, element id), with kind None for the iteration itself, or None
    when the path is not inside an iteration or points past its lists. A problem says this
    itself (its ``iteration``, ``kind`` and ``element``); this is for a path alone.
    """
    for i, it in enumerate(journey_map.iterations):
        prefix = f"iterations[{i}]"
        if not _within(path, prefix):
            continue
        inside = [
            (p, kind, e.id) for kind in Kind for p, e in with_paths(it, kind, prefix) if _within(path, p)
        ]
        if inside:
            _, kind, element_id = max(inside, key=lambda found: len(found[0]))
            return it.id, kind, element_id
        lists = (f"{prefix}.{kind.collection}[" for kind in Kind if kind.parent is None)
        return None if path.startswith(tuple(lists)) else (it.id, None, it.id)
    return None


def _within(path: str, prefix: str) -> bool:
    """Whether ``path`` is ``prefix`` or below it."""
    return path == prefix or path.startswith((f"{prefix}.", f"{prefix}["))
