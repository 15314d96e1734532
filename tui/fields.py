"""Which form widget edits which field of an element, derived from the model's types."""

from __future__ import annotations

import datetime as dt
import types
from enum import Enum
from typing import Any, get_args

from attrs import evolve, fields, frozen, resolve_types

from journeymap.benefits import parse_date, parse_number
from journeymap.defaults import base_iteration
from journeymap.elements import Element, Kind, Ref, elements, name_of
from journeymap.model import Iteration, IterationState, JourneyMap


@frozen
class FieldSpec:
    """One editable field.

    ``widget`` is text, number, date, lines, enum, scale (whole numbers from ``scale[0]`` to
    ``scale[1]``), ref, refs, measurements or readonly. ``base``: a reference to elements of the
    iteration this one is based on.
    """

    name: str
    widget: str
    enum: type[Enum] | None = None
    target: Kind | None = None
    required: bool = False
    scale: tuple[int, int] | None = None
    base: bool = False
    of: Kind | None = None
    """The kind whose field this is (None: the iteration's or the map's)."""

    @property
    def title(self) -> str:
        """The field's label, in a designer's words."""
        return FIELD_WORDS.get((self.of, self.name), ("", ""))[0] or self.name.replace("_", " ").capitalize()

    @property
    def hint(self) -> str:
        """What the field means, where its label alone may not say it ("" if it does)."""
        return FIELD_WORDS.get((self.of, self.name), ("", ""))[1]


MAP_MEANING = "The map is one file about one service, with all its iterations."
ITERATION_MEANING = (
    "An iteration is a complete version of the service: today's (current) or a designed one (future). "
    "Branch one to design the next round; lock one that was presented or approved."
)
FIELD_WORDS: dict[tuple[Kind | None, str], tuple[str, str]] = {
    (None, "state"): (
        "State",
        "Current is the service as it is today; future is a design of how it could be.",
    ),
    (None, "based_on"): (
        "Based on",
        "The iteration this one was branched from: compare shows what changed since.",
    ),
    (Kind.STEP, "kind"): (
        "Kind of step",
        "An action is a moment in the journey; a decision branches the journey (flows out of it say which way).",
    ),
    (Kind.STEP, "profile"): ("User profile", "Whose moment this is."),
    (Kind.STEP, "touchpoints"): ("Touchpoints", "Where the user meets the service in this step."),
    (Kind.STEP, "tasks"): ("Tasks behind it", "The work of the processes that makes this step happen."),
    (Kind.STEP, "emotion"): (
        "Emotion",
        "How the step feels for the user: -2 very bad, -1 bad, 0 neutral, +1 good, +2 very good.",
    ),
    (Kind.STEP, "pain_points"): ("Pain points", "What hurts here, one a line."),
    (Kind.STEP, "opportunities"): ("Opportunities", "Ideas to make it better, one a line."),
    (Kind.STEP, "effort"): (
        "Effort",
        "What changing this step takes, 1 (little) to 5 (a lot): with gain, it places the step on the priority matrix.",
    ),
    (Kind.STEP, "gain"): ("Gain", "What changing this step brings, 1 (little) to 5 (a lot)."),
    (Kind.STEP, "replaces"): (
        "Replaces",
        "The steps of the iteration this one is based on that this step replaces.",
    ),
    (Kind.FLOW, "source"): ("From step", "Flows connect steps when the journey is not a straight line."),
    (Kind.FLOW, "target"): ("To step", ""),
    (Kind.FLOW, "label"): ("Label", "Out of a decision: which way this is, for example 'yes' or 'no'."),
    (Kind.ACTOR, "kind"): ("Role", "The actor's role towards the service."),
    (Kind.ACTOR, "ring"): (
        "Ring on the actor map",
        "Core: at the centre of the service; direct: works with the core; indirect: in the background.",
    ),
    (Kind.TOUCHPOINT, "channel"): (
        "Channel",
        "Digital (an app, a web page), physical (a letter, a place) or interpersonal (in person, by phone).",
    ),
    (Kind.TOUCHPOINT, "medium"): ("Medium", "For example a mobile app, a brochure, a home visit."),
    (Kind.TASK, "lane"): (
        "Lane",
        "Frontstage: the user sees it; backstage: done out of the user's sight; support: helps those who do it.",
    ),
    (Kind.TASK, "response_time"): ("How fast", "For example within 2 hours."),
    (Kind.TASK, "second_line"): ("2nd line support", "Who helps when the one responsible cannot."),
    (Kind.TASK, "third_line"): ("3rd line support", "Specialists or suppliers, when the 2nd line cannot."),
}
"""Field labels and hints in a designer's words, by (kind, field); other fields are named after the field."""


def element_fields(kind: Kind) -> list[FieldSpec]:
    """The fields of an element kind, in model order (tasks and indicators are elements of their own)."""
    refs = {ref.field: ref for ref in kind.spec.refs}
    ranges = kind.spec.ranges
    resolve_types(kind.type)
    nested = kind.child.collection if kind.child is not None else ""
    return [
        evolve(_spec(f.name, f.type, refs, ranges), of=kind) for f in fields(kind.type) if f.name != nested
    ]


def _spec(name: str, annotation: Any, refs: dict[str, Ref], ranges: dict[str, tuple[int, int]]) -> FieldSpec:
    if name == "id":
        return FieldSpec(name, "readonly")
    if name in refs:
        ref = refs[name]
        widget = "refs" if ref.many else "ref"
        return FieldSpec(name, widget, target=ref.target, required=ref.required, base=ref.base)
    if name in ranges:
        return FieldSpec(name, "scale", scale=ranges[name])
    if name == "measurements":
        return FieldSpec(name, "measurements")
    optional = isinstance(annotation, types.UnionType)
    inner = [a for a in get_args(annotation) if a is not type(None)] if optional else [annotation]
    if isinstance(inner[0], type) and issubclass(inner[0], Enum):
        return FieldSpec(name, "enum", enum=inner[0], required=not optional)
    if get_args(annotation)[:1] == (str,):
        return FieldSpec(name, "lines")
    if inner[0] is float:
        return FieldSpec(name, "number")
    if inner[0] is dt.date:
        return FieldSpec(name, "date")
    return FieldSpec(name, "text")


def parse(spec: FieldSpec, text: str) -> Any:
    """The value a number or date field's text stands for (None if empty); ``ValueError`` if none."""
    if not text.strip():
        return None
    if spec.widget == "number":
        return parse_number(text)
    if spec.widget == "date":
        return parse_date(text)
    raise ValueError(f"{spec.name} is not a number or date field")


ITERATION_FIELDS = [
    FieldSpec("id", "readonly"),
    FieldSpec("label", "text"),
    FieldSpec("state", "enum", enum=IterationState, required=True),
    FieldSpec("based_on", "readonly"),
    FieldSpec("created", "readonly"),
    FieldSpec("locked", "readonly"),
    FieldSpec("note", "text"),
    FieldSpec("goals", "lines"),
    FieldSpec("status", "text"),
    FieldSpec("remaining_work", "lines"),
    FieldSpec("next_steps", "lines"),
    FieldSpec("maintenance", "text"),
    FieldSpec("lessons", "lines"),
]
MAP_FIELDS = [FieldSpec("title", "text"), FieldSpec("description", "text"), FieldSpec("organisation", "text")]


def choices(journey_map: JourneyMap, it: Iteration, spec: FieldSpec) -> list[tuple[str, str]]:
    """(label, id) options of a reference field; one to the base iteration offers the base's elements."""
    assert spec.target is not None
    if spec.base:
        base = base_iteration(journey_map, it)
        return _options(elements(base, spec.target)) if base else []
    return _options(elements(it, spec.target))


_OPTIONS: dict[int, tuple[tuple[Element, ...], list[tuple[str, str]]]] = {}


def _options(items: tuple[Element, ...]) -> list[tuple[str, str]]:
    """The options of some elements; the same (unchanged) tuple of elements gets the same list back.

    An edit leaves the other lists of a map as they were, so the form does not label thousands
    of steps again for each field after each edit.
    """
    kept = _OPTIONS.get(id(items))
    if kept is not None and kept[0] is items:
        return kept[1]
    if len(_OPTIONS) > 64:
        _OPTIONS.clear()
    made = [(option_label(e), e.id) for e in items]
    _OPTIONS[id(items)] = (items, made)
    return made


def option_label(element: Element) -> str:
    """An element as a choice: its name, and its id unless the name already shows it."""
    name = name_of(element)
    return name if element.id in name else f"{name} ({element.id})"


def counted(n: int, noun: str) -> str:
    """``1 warning``, ``2 warnings``: a number of things as the editor says it."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def value_text(value: Any) -> str:
    """A field's value as the form shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    return str(value)
