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
from journeymap.i18n import N_
from journeymap.model import Iteration, IterationState, JourneyMap
from tui.words import _

FIELD_TITLES = {
    "id": N_("Id"),
    "name": N_("Name"),
    "kind": N_("Kind"),
    "organisation": N_("Organisation"),
    "ring": N_("Ring"),
    "description": N_("Description"),
    "evidence": N_("Evidence"),
    "sources": N_("Sources"),
    "source": N_("Source"),
    "target": N_("Target"),
    "label": N_("Label"),
    "actor": N_("Actor"),
    "summary": N_("Summary"),
    "needs": N_("Needs"),
    "goals": N_("Goals"),
    "pains": N_("Pains"),
    "context": N_("Context"),
    "quote": N_("Quote"),
    "channel": N_("Channel"),
    "medium": N_("Medium"),
    "owner": N_("Owner"),
    "tasks": N_("Tasks"),
    "responsible": N_("Responsible"),
    "how": N_("How"),
    "response_time": N_("Response time"),
    "second_line": N_("Second line"),
    "third_line": N_("Third line"),
    "lane": N_("Lane"),
    "notes": N_("Notes"),
    "stage": N_("Stage"),
    "profile": N_("Profile"),
    "actors": N_("Actors"),
    "touchpoints": N_("Touchpoints"),
    "emotion": N_("Emotion"),
    "pain_points": N_("Pain points"),
    "opportunities": N_("Opportunities"),
    "effort": N_("Effort"),
    "gain": N_("Gain"),
    "replaces": N_("Replaces"),
    "steps": N_("Steps"),
    "indicators": N_("Indicators"),
    "unit": N_("Unit"),
    "baseline": N_("Baseline"),
    "deadline": N_("Deadline"),
    "method": N_("Method"),
    "frequency": N_("Frequency"),
    "reporting": N_("Reporting"),
    "measurements": N_("Measurements"),
    "state": N_("State"),
    "based_on": N_("Based on"),
    "created": N_("Created"),
    "locked": N_("Locked"),
    "note": N_("Note"),
    "status": N_("Status"),
    "remaining_work": N_("Remaining work"),
    "next_steps": N_("Next steps"),
    "maintenance": N_("Maintenance"),
    "lessons": N_("Lessons"),
    "title": N_("Title"),
}
"""Each field's title in the form, in English (translated where shown); others are their name."""


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
        """The field's label, in a designer's words, in the editor's language."""
        label = FIELD_WORDS.get((self.of, self.name), ("", ""))[0]
        return _(label or FIELD_TITLES.get(self.name, self.name.replace("_", " ").capitalize()))

    @property
    def hint(self) -> str:
        """What the field means, where its label alone may not say it ("" if it does)."""
        hint = FIELD_WORDS.get((self.of, self.name), ("", ""))[1]
        return _(hint) if hint else ""


MAP_MEANING = N_("The map is one file about one service, with all its iterations.")
ITERATION_MEANING = N_(
    "An iteration is a complete version of the service: today's (current) or a designed one (future). "
    "Branch one to design the next round; lock one that was presented or approved."
)
FIELD_WORDS: dict[tuple[Kind | None, str], tuple[str, str]] = {
    (None, "state"): (
        N_("State"),
        N_("Current is the service as it is today; future is a design of how it could be."),
    ),
    (None, "based_on"): (
        N_("Based on"),
        N_("The iteration this one was branched from: compare shows what changed since."),
    ),
    (Kind.STEP, "kind"): (
        N_("Kind of step"),
        N_(
            "An action is a moment in the journey; a decision branches the journey (flows out of it say which way)."
        ),
    ),
    (Kind.STEP, "profile"): (N_("User profile"), N_("Whose moment this is.")),
    (Kind.STEP, "touchpoints"): (N_("Touchpoints"), N_("Where the user meets the service in this step.")),
    (Kind.STEP, "tasks"): (
        N_("Tasks behind it"),
        N_("The work of the processes that makes this step happen."),
    ),
    (Kind.STEP, "emotion"): (
        N_("Emotion"),
        N_("How the step feels for the user: -2 very bad, -1 bad, 0 neutral, +1 good, +2 very good."),
    ),
    (Kind.STEP, "pain_points"): (N_("Pain points"), N_("What hurts here, one a line.")),
    (Kind.STEP, "opportunities"): (N_("Opportunities"), N_("Ideas to make it better, one a line.")),
    (Kind.STEP, "effort"): (
        N_("Effort"),
        N_(
            "What changing this step takes, 1 (little) to 5 (a lot): with gain, it places the step on the priority matrix."
        ),
    ),
    (Kind.STEP, "gain"): (N_("Gain"), N_("What changing this step brings, 1 (little) to 5 (a lot).")),
    (Kind.STEP, "replaces"): (
        N_("Replaces"),
        N_("The steps of the iteration this one is based on that this step replaces."),
    ),
    (Kind.FLOW, "source"): (
        N_("From step"),
        N_("Flows connect steps when the journey is not a straight line."),
    ),
    (Kind.FLOW, "target"): (N_("To step"), ""),
    (Kind.FLOW, "label"): (
        N_("Label"),
        N_("Out of a decision: which way this is, for example 'yes' or 'no'."),
    ),
    (Kind.ACTOR, "kind"): (N_("Role"), N_("The actor's role towards the service.")),
    (Kind.ACTOR, "ring"): (
        N_("Ring on the actor map"),
        N_("Core: at the centre of the service; direct: works with the core; indirect: in the background."),
    ),
    (Kind.TOUCHPOINT, "channel"): (
        N_("Channel"),
        N_(
            "Digital (an app, a web page), physical (a letter, a place) or interpersonal (in person, by phone)."
        ),
    ),
    (Kind.TOUCHPOINT, "medium"): (N_("Medium"), N_("For example a mobile app, a brochure, a home visit.")),
    (Kind.TASK, "lane"): (
        N_("Lane"),
        N_(
            "Frontstage: the user sees it; backstage: done out of the user's sight; support: helps those who do it."
        ),
    ),
    (Kind.TASK, "response_time"): (N_("How fast"), N_("For example within 2 hours.")),
    (Kind.TASK, "second_line"): (N_("2nd line support"), N_("Who helps when the one responsible cannot.")),
    (Kind.TASK, "third_line"): (
        N_("3rd line support"),
        N_("Specialists or suppliers, when the 2nd line cannot."),
    ),
}
"""Field labels and hints in a designer's words, by (kind, field), in English (translated where shown);
other fields are named after the field."""


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
        return [(option_label(e), e.id) for e in elements(base, spec.target)] if base else []
    return [(option_label(e), e.id) for e in elements(it, spec.target)]


def option_label(element: Element) -> str:
    """An element as a choice: its name, and its id unless the name already shows it."""
    name = name_of(element)
    return name if element.id in name else f"{name} ({element.id})"


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
