"""The kinds of element in an iteration, where they live, and what they refer to.

One table of references serves validation, edit checks, cascading removal and
the diff, so that a new reference field is declared once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from enum import Enum

from attrs import fields, frozen

from journeymap.i18n import N_
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
    """An element kind, named as users say it; everything else about it is in its :class:`Spec`."""

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
    def spec(self) -> Spec:
        """Everything declared about this kind."""
        return SPECS[self]

    @property
    def type(self) -> type[Element]:
        """The model class of this kind."""
        return SPECS[self].type

    @property
    def collection(self) -> str:
        """The attribute holding the elements: of the iteration, or of the parent for nested kinds."""
        return SPECS[self].collection

    @property
    def parent(self) -> Kind | None:
        """The kind whose elements hold this kind's (a process its tasks, a benefit its indicators)."""
        return SPECS[self].parent

    @property
    def child(self) -> Kind | None:
        """The kind nested in this kind's elements, if any."""
        return _CHILDREN.get(self)


@frozen
class Ref:
    """A field of an element that names other elements of the same iteration.

    With ``base``, it names elements of the iteration this one is ``based_on`` instead (a step's
    ``replaces``).
    """

    field: str
    target: Kind
    required: bool = False
    many: bool = False
    base: bool = False


@frozen
class Spec:
    """One element kind, declared once; validation, edits, the diff, CSV and the editor read it.

    ``title`` and ``plural`` are how people name the kind, ``meaning`` says what one is in a
    designer's words (a whole sentence); ``new_fields`` are what the editor asks
    for a new one (besides its id); ``under`` is the kind whose elements a navigator shows this
    kind's under, by reference (steps under their stage); ``csv`` whether it imports and exports as
    CSV rows.
    """

    type: type[Element]
    collection: str
    title: str
    plural: str
    new_fields: tuple[str, ...] = ("name",)
    refs: tuple[Ref, ...] = ()
    parent: Kind | None = None
    under: Kind | None = None
    csv: bool = False
    meaning: str = ""
    """What the kind is, in a sentence (English: translated where shown)."""

    @property
    def has_name(self) -> bool:
        """Whether elements of the kind have a name (relations and flows join two others instead)."""
        return any(f.name == "name" for f in fields(self.type))

    @property
    def ranges(self) -> dict[str, tuple[int, int]]:
        """The numeric fields with a range in the model's metadata: ``{"emotion": (-2, 2), ...}``."""
        return {
            f.name: (f.metadata["minimum"], f.metadata["maximum"])
            for f in fields(self.type)
            if "minimum" in f.metadata and "maximum" in f.metadata
        }


SPECS: dict[Kind, Spec] = {
    Kind.ACTOR: Spec(
        Actor, "actors", "actor", "actors", csv=True,
        meaning=N_("An actor is someone who takes part: the user, relatives, staff, leaders, suppliers, authorities."),
    ),
    Kind.RELATION: Spec(
        Relation, "relations", "relation", "relations", ("source", "target", "label"),
        (Ref("source", Kind.ACTOR, required=True), Ref("target", Kind.ACTOR, required=True)),
        meaning=N_("A relation is what passes between two actors: information, a service, money, support, an agreement or authority."),
    ),
    Kind.PROFILE: Spec(
        Profile, "profiles", "user profile", "user profiles", refs=(Ref("actor", Kind.ACTOR),),
        meaning=N_("A user profile (persona) is who the journey is about: a person with needs, goals and pains."),
    ),
    Kind.TOUCHPOINT: Spec(
        Touchpoint, "touchpoints", "touchpoint", "touchpoints", ("name", "channel"),
        (Ref("owner", Kind.ACTOR),), csv=True,
        meaning=N_("A touchpoint is where the user meets the service: digital (an app, a web page), physical (a letter, a place) or in person."),
    ),
    Kind.PROCESS: Spec(
        Process, "processes", "process", "processes", refs=(Ref("owner", Kind.ACTOR),),
        meaning=N_("A process is the work behind the journey: tasks in order, each with who does it, how and how fast."),
    ),
    Kind.TASK: Spec(
        Task, "tasks", "task", "tasks",
        refs=(
            Ref("responsible", Kind.ACTOR),
            Ref("second_line", Kind.ACTOR, many=True),
            Ref("third_line", Kind.ACTOR, many=True),
        ),
        parent=Kind.PROCESS,
        meaning=N_("A task is one piece of a process's work: who is responsible, and who helps at the 2nd and 3rd line."),
    ),
    Kind.STAGE: Spec(
        Stage, "stages", "stage", "stages",
        meaning=N_("A stage is a phase of the journey, such as finding out or applying; its steps follow each other in it."),
    ),
    Kind.STEP: Spec(
        Step, "steps", "step", "steps", ("name", "stage"),
        (
            Ref("stage", Kind.STAGE, required=True),
            Ref("profile", Kind.PROFILE),
            Ref("actors", Kind.ACTOR, many=True),
            Ref("touchpoints", Kind.TOUCHPOINT, many=True),
            Ref("tasks", Kind.TASK, many=True),
            Ref("replaces", Kind.STEP, many=True, base=True),
        ),
        under=Kind.STAGE,
        csv=True,
        meaning=N_("A step is a moment in the journey, as the user lives it: who takes part, where they meet the service, the work behind it and how it feels."),
    ),
    Kind.FLOW: Spec(
        Flow, "flows", "flow", "flows", ("source", "target", "label"),
        (Ref("source", Kind.STEP, required=True), Ref("target", Kind.STEP, required=True)),
        meaning=N_("A flow connects two steps when the journey is not a straight line: a branch out of a decision, or a loop back."),
    ),
    Kind.BENEFIT: Spec(
        Benefit, "benefits", "benefit", "benefits", ("name", "kind"),
        (Ref("owner", Kind.ACTOR), Ref("steps", Kind.STEP, many=True)),
        meaning=N_("A benefit is what the change should gain, for the user or the organisation, measured by its indicators."),
    ),
    Kind.INDICATOR: Spec(
        Indicator, "indicators", "indicator", "indicators", parent=Kind.BENEFIT,
        meaning=N_("An indicator is how a benefit is measured (S.M.A.R.T.E.): a baseline, a target by a date, and measurements over time."),
    ),
}  # fmt: skip
KIND_OF: dict[type, Kind] = {spec.type: kind for kind, spec in SPECS.items()}
_CHILDREN = {spec.parent: kind for kind, spec in SPECS.items() if spec.parent is not None}
REFS: dict[Kind, tuple[Ref, ...]] = {
    kind: refs for kind, spec in SPECS.items() if (refs := tuple(r for r in spec.refs if not r.base))
}
"""The references within an iteration, by kind: what validation, edits and removal check."""


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


@frozen
class Named:
    """An element as messages name it: its kind, its name and, where the name is not enough, its id."""

    kind: Kind
    name: str
    id: str = ""

    def said(self, kind_name: str) -> str:
        """``step 'Gets a call'``, with ``kind_name`` for the kind (the kind in another language)."""
        if not self.name.strip():
            return f"{kind_name} {self.id!r}"
        return f"{kind_name} '{self.name}' ({self.id})" if self.id else f"{kind_name} '{self.name}'"

    def __str__(self) -> str:
        return self.said(self.kind.value)


def named(element: Element, shared: Collection[str] = ()) -> Named:
    """How messages name an element: its kind and name (``step 'Gets a call'``).

    The id is added where the name does not tell the element apart: when it is empty, or one of
    ``shared``, the names that two elements of the kind have (see :func:`shared_names`).
    """
    name = name_of(element)
    needs_id = not name.strip() or name in shared
    return Named(KIND_OF[type(element)], name, element.id if needs_id else "")


def label(element: Element, shared: Collection[str] = ()) -> str:
    """:func:`named` in English, as text."""
    return str(named(element, shared))


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
