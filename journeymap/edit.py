"""Edit operations: pure functions from map to map, each with a description for people.

Every operation is a small frozen object with ``apply(map) -> map`` and
``describe(map) -> str`` (``map`` being the map before the edit). An operation
that would break the map raises one :class:`EditError` and changes nothing; one
made with arguments of the wrong type (a number for a label, text that cannot be
written to a file) raises it when it is made. Ids never change: renaming changes a name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from functools import cache
from types import UnionType
from typing import Any, Protocol, TypeVar, Union, get_args, get_origin, get_type_hints

import attrs
from attrs import evolve, field, fields, frozen
from cattrs.errors import BaseValidationError

from journeymap.converter import make_file_converter, shown, structure_problems, type_name
from journeymap.elements import (
    KIND_OF,
    REFS,
    Element,
    Kind,
    Parent,
    Ref,
    elements,
    ids,
    label,
    name_of,
    parent_of,
    referenced,
)
from journeymap.errors import (
    DuplicateIdError,
    EditError,
    InUseError,
    InvalidEditError,
    LockedError,
    NotFoundError,
)
from journeymap.i18n import day, quantity
from journeymap.model import (
    Benefit,
    Indicator,
    Iteration,
    IterationState,
    JourneyMap,
    Language,
    Measurement,
    Step,
)
from journeymap.problems import Problem, Severity, counted, said
from journeymap.signoff import now, signed, unsigned
from journeymap.validate import BAD_ID, element_problems, valid_id

_converter = make_file_converter()
_T = TypeVar("_T")


class Operation(Protocol):
    """What every edit operation offers."""

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        """The map after the edit; raises :class:`EditError` if the edit would break it."""
        ...

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        """A short sentence for undo menus and change logs, given the map before the edit."""
        ...


class _Typed:
    """Base of the operations: an argument of the wrong type is refused when the operation is made."""

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        operation: type = type(self)
        for name, hint in _hints(operation).items():
            _check_argument(name, getattr(self, name), hint)


def _as_dict(value: Mapping[str, Any]) -> Any:
    """Changes as a dict; anything else (a wrong call) is kept, for :class:`_Typed` to refuse."""
    return dict(value) if isinstance(value, Mapping) else value


# --- element operations ---------------------------------------------------------------


@frozen
class Add(_Typed):
    """Add an element at ``index`` (default: the end); a task or indicator goes into ``parent``.

    ``parent`` is the id of the process (for a task) or the benefit (for an indicator).
    """

    iteration: str
    element: Element
    index: int | None = None
    parent: str = ""

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        kind = KIND_OF[type(self.element)]
        it = _editable(journey_map, self.iteration)
        if kind.parent is not None:
            if not self.parent:
                article = "an" if kind.value[0] in "aeiou" else "a"
                raise EditError(
                    f"{article} {kind.value} needs the id of the {kind.parent.value} to add it to"
                )
            _parent(it, kind.parent, self.parent)
        if self.element.id in ids(it, kind):
            raise DuplicateIdError(
                f"{kind.value} id {self.element.id!r} is already used in iteration {it.id!r}",
                iteration=it.id,
                kind=kind,
                id=self.element.id,
            )
        new = _insert(it, kind, self.element, self.index, self.parent)
        element = _check_element(journey_map, new, self.element)
        if kind.child is not None:
            for child in getattr(self.element, kind.child.collection):
                if child.id in ids(it, kind.child):
                    raise DuplicateIdError(
                        f"{kind.child.value} id {child.id!r} is already used in iteration {it.id!r}",
                        iteration=it.id,
                        kind=kind.child,
                        id=child.id,
                    )
                _check_element(journey_map, new, child)
        return _put(journey_map, _replace_element(new, kind, self.element, element))

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        kind = KIND_OF[type(self.element)]
        return said("Added {kind} {name}", kind=kind, name=repr(name_of(self.element))).text(language)


@frozen
class AddToStep(_Typed):
    """Add a touchpoint, or a task into process ``parent``, and name it in a step: one edit."""

    iteration: str
    step: str
    element: Element
    parent: str = ""

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        kind = KIND_OF[type(self.element)]
        if kind not in (Kind.TOUCHPOINT, Kind.TASK):
            raise EditError(f"a step names touchpoints and tasks, not a {kind.value}")
        step = _element(_editable(journey_map, self.iteration), Kind.STEP, self.step)
        added = Add(self.iteration, self.element, parent=self.parent).apply(journey_map)
        named = (*getattr(step, kind.collection), self.element.id)
        return Update(self.iteration, Kind.STEP, self.step, {kind.collection: named}).apply(added)

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        step = _element(journey_map.iteration(self.iteration), Kind.STEP, self.step)
        kind = KIND_OF[type(self.element)]
        message = said(
            "Added {kind} {name} to step {step}",
            kind=kind,
            name=repr(name_of(self.element)),
            step=repr(name_of(step)),
        )
        return message.text(language)


@frozen
class Update(_Typed):
    """Change any fields of an element but its id (and a process's tasks, a benefit's indicators)."""

    iteration: str
    kind: Kind
    id: str
    changes: Mapping[str, Any] = field(converter=_as_dict)

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        it = _editable(journey_map, self.iteration)
        old = _element(it, self.kind, self.id)
        nested = {self.kind.child.collection} if self.kind.child is not None else set()
        allowed = {a.name for a in fields(type(old))} - {"id"} - nested
        unknown = sorted(set(self.changes) - allowed)
        if "id" in self.changes:
            raise EditError("ids never change; rename the element by changing its name")
        if unknown:
            raise EditError(
                f"{label(old)} has no field {', '.join(map(repr, unknown))} to change; fields: {', '.join(sorted(allowed))}"
            )
        updated = evolve(old, **self.changes)
        new = _replace_element(it, self.kind, old, updated)
        checked = _check_element(journey_map, new, updated)
        return _put(journey_map, _replace_element(new, self.kind, updated, checked))

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        old = _element(journey_map.iteration(self.iteration), self.kind, self.id)
        changed = [k for k, v in self.changes.items() if getattr(old, k) != v]
        values = {"kind": self.kind, "name": repr(name_of(old))}
        if changed == ["name"]:
            return said("Renamed {kind} {name} to {new}", new=repr(self.changes["name"]), **values).text(
                language
            )
        if not changed:
            return said("Changed nothing of {kind} {name}", **values).text(language)
        fields = ", ".join(k.replace("_", " ") for k in changed)
        return said("Changed {fields} of {kind} {name}", fields=fields, **values).text(language)


@frozen
class Remove(_Typed):
    """Remove an element; with ``cascade``, also every reference to it.

    Without ``cascade`` an element that others still name is refused. With it,
    lists drop the id, optional references are cleared, and elements that cannot
    exist without it (a flow without its step, a step without its stage) go too.
    """

    iteration: str
    kind: Kind
    id: str
    cascade: bool = False

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        it = _editable(journey_map, self.iteration)
        _element(it, self.kind, self.id)
        users = [] if self.cascade else referrers(journey_map, self.iteration, self.kind, self.id)
        if users:
            shown = ", ".join(users[:3]) + (f" and {len(users) - 3} more" if len(users) > 3 else "")
            raise InUseError(
                f"{self.kind.value} {self.id!r} is used by {shown}; remove those references first, "
                "or remove it with its references",
                tuple(users),
                iteration=self.iteration,
                kind=self.kind,
                id=self.id,
            )
        return _remove_cascading(journey_map, self.iteration, self.kind, self.id)

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        element = _element(journey_map.iteration(self.iteration), self.kind, self.id)
        users = len(referrers(journey_map, self.iteration, self.kind, self.id))
        values = {"kind": self.kind, "name": repr(name_of(element))}
        if not users:
            return said("Removed {kind} {name}", **values).text(language)
        return counted(
            "Removed {kind} {name} and {n} reference to it",
            "Removed {kind} {name} and {n} references to it",
            users,
            **values,
        ).text(language)


@frozen
class Move(_Typed):
    """Move an element to ``index`` in its list; a task or indicator may move into another ``parent``."""

    iteration: str
    kind: Kind
    id: str
    index: int
    parent: str = ""

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        it = _editable(journey_map, self.iteration)
        element = _element(it, self.kind, self.id)
        if self.kind.parent is None:
            if self.parent:
                raise EditError(
                    f"a {self.kind.value} has no parent to move into; only tasks and indicators do"
                )
            target = ""
        else:
            target = self.parent or parent_of(it, self.kind, self.id).id
            _parent(it, self.kind.parent, target)
        without = _delete(it, self.kind, self.id)
        return _put(journey_map, _insert(without, self.kind, element, self.index, target))

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        """Names the position the element lands on (an index past the end puts it last)."""
        after = self.apply(journey_map).iteration(self.iteration)
        element = _element(after, self.kind, self.id)
        siblings = (
            getattr(parent_of(after, self.kind, self.id), self.kind.collection)
            if self.kind.parent
            else elements(after, self.kind)
        )
        position = [e.id for e in siblings].index(self.id) + 1
        values = {"kind": self.kind, "name": repr(name_of(element)), "position": position}
        if self.parent and self.kind.parent:
            into = said(
                "Moved {kind} {name} to position {position} in {parent_kind} {parent}",
                parent_kind=self.kind.parent,
                parent=repr(self.parent),
                **values,
            )
            return into.text(language)
        return said("Moved {kind} {name} to position {position}", **values).text(language)


@frozen
class Measure(_Typed):
    """Record a measurement of an indicator, replacing one of the same date.

    Allowed in a locked iteration: locking freezes the design, not the follow-up of its benefits.
    """

    iteration: str
    indicator: str
    measurement: Measurement

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        it, old = _indicator(journey_map, self.iteration, self.indicator)
        measurement = _checked(Measurement, self.measurement, "measurement")
        kept = [m for m in old.measurements if m.date != measurement.date]
        readings = tuple(sorted([*kept, measurement], key=lambda m: m.date))
        return _put(
            journey_map, _replace_element(it, Kind.INDICATOR, old, evolve(old, measurements=readings))
        )

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        _, old = _indicator(journey_map, self.iteration, self.indicator)
        values = {
            "value": quantity(self.measurement.value, old.unit, language),
            "name": repr(old.name),
            "date": day(self.measurement.date, language),
        }
        if any(m.date == self.measurement.date for m in old.measurements):
            return said("Replaced {value} for {name} on {date}", **values).text(language)
        return said("Recorded {value} for {name} on {date}", **values).text(language)


@frozen
class Unmeasure(_Typed):
    """Remove an indicator's measurement of a date (allowed in a locked iteration, like :class:`Measure`)."""

    iteration: str
    indicator: str
    date: dt.date

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        it, old = _indicator(journey_map, self.iteration, self.indicator)
        readings = tuple(m for m in old.measurements if m.date != self.date)
        if len(readings) == len(old.measurements):
            raise NotFoundError(
                f"indicator {old.id!r} has no measurement of {self.date.isoformat()}",
                iteration=it.id,
                kind=Kind.INDICATOR,
                id=old.id,
            )
        return _put(
            journey_map, _replace_element(it, Kind.INDICATOR, old, evolve(old, measurements=readings))
        )

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        _, old = _indicator(journey_map, self.iteration, self.indicator)
        message = said(
            "Removed the measurement of {date} from {name}",
            date=day(self.date, language),
            name=repr(old.name),
        )
        return message.text(language)


# --- iteration and map operations -----------------------------------------------------


@frozen
class Branch(_Typed):
    """Copy an iteration under a new id, based on it.

    Copied steps replace nothing yet, and copied indicators start without measurements: those
    belong to the follow-up of the source.
    """

    source: str
    id: str
    label: str
    state: IterationState = IterationState.FUTURE
    created: dt.date | None = field(factory=dt.date.today)

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        source = _iteration(journey_map, self.source)
        if any(it.id == self.id for it in journey_map.iterations):
            raise DuplicateIdError(f"iteration id {self.id!r} is already used", iteration=self.id)
        branch = evolve(
            source,
            id=self.id,
            label=self.label,
            state=self.state,
            based_on=source.id,
            created=self.created,
            locked=False,
            note="",
            steps=tuple(evolve(s, replaces=()) if s.replaces else s for s in source.steps),
            benefits=tuple(_unmeasured(b) for b in source.benefits),
        )
        if not valid_id(self.id):
            raise EditError(f"{self.id!r} {BAD_ID}")
        if not self.label.strip():
            raise EditError("an iteration needs a label")
        return evolve(journey_map, iterations=(*journey_map.iterations, branch))

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        message = said(
            "Branched iteration {id} ({label}) from {source}",
            id=repr(self.id),
            label=self.label,
            source=repr(self.source),
        )
        return message.text(language)


ITERATION_FIELDS = (
    "label", "state", "note", "goals", "status", "remaining_work", "next_steps", "maintenance", "lessons"
)  # fmt: skip
"""The fields of an iteration that :class:`EditIteration` changes."""


@frozen
class AddIteration(_Typed):
    """Add an empty iteration: the first of a new map, or a fresh start beside the others."""

    id: str
    label: str
    state: IterationState = IterationState.CURRENT
    created: dt.date | None = field(factory=dt.date.today)

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        if any(it.id == self.id for it in journey_map.iterations):
            raise DuplicateIdError(f"iteration id {self.id!r} is already used", iteration=self.id)
        if not valid_id(self.id):
            raise EditError(f"{self.id!r} {BAD_ID}")
        if not self.label.strip():
            raise EditError("an iteration needs a label")
        new = Iteration(id=self.id, label=self.label, state=self.state, created=self.created)
        return evolve(journey_map, iterations=(*journey_map.iterations, new))

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        return said("Added iteration {id} ({label})", id=repr(self.id), label=self.label).text(language)


@frozen
class EditIteration(_Typed):
    """Change an iteration's label, state, note or report texts (goals, status, lessons, ...)."""

    id: str
    changes: Mapping[str, Any] = field(converter=_as_dict)

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        it = _editable(journey_map, self.id)
        unknown = sorted(set(self.changes) - set(ITERATION_FIELDS))
        if unknown:
            raise EditError(
                f"iteration fields {', '.join(map(repr, unknown))} cannot be changed here; use {', '.join(ITERATION_FIELDS)} (lock, branch and delete have their own operations)"
            )
        checked = _checked(Iteration, evolve(it, **self.changes), "")
        new = evolve(it, **{name: getattr(checked, name) for name in self.changes})
        if not new.label.strip():
            raise EditError("an iteration needs a label")
        return _put(journey_map, new)

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        fields = ", ".join(sorted(self.changes))
        return said("Changed {fields} of iteration {id}", fields=fields, id=repr(self.id)).text(language)


@frozen
class Lock(_Typed):
    """Lock an iteration (read-only, for a presented or approved version) or unlock it.

    Locking signs the iteration off: ``by`` (who, e.g. git's ``Name <email>``), ``at`` (when;
    default now) and a hash of its content, which validation checks. Unlocking clears the sign-off.
    """

    id: str
    locked: bool = True
    by: str = ""
    at: dt.datetime = field(factory=now)

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        it = _iteration(journey_map, self.id)
        return _put(journey_map, signed(it, self.by, self.at) if self.locked else unsigned(it))

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        if self.locked:
            return said("Locked iteration {id}", id=repr(self.id)).text(language)
        return said("Unlocked iteration {id}", id=repr(self.id)).text(language)


@frozen
class DeleteIteration(_Typed):
    """Delete an iteration that no other iteration is based on."""

    id: str

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        it = _editable(journey_map, self.id)
        children = [other.id for other in journey_map.iterations if other.based_on == it.id]
        if children:
            raise InUseError(
                f"iteration {it.id!r} cannot be deleted: {', '.join(map(repr, children))} is based on it",
                tuple(children),
                iteration=it.id,
            )
        return evolve(journey_map, iterations=tuple(x for x in journey_map.iterations if x.id != it.id))

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        return said("Deleted iteration {id}", id=repr(self.id)).text(language)


@frozen
class EditMap(_Typed):
    """Change the map's title, description or organisation."""

    changes: Mapping[str, Any] = field(converter=_as_dict)

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        unknown = sorted(set(self.changes) - {"title", "description", "organisation"})
        if unknown:
            raise EditError(
                f"the map has no field {', '.join(map(repr, unknown))} to change; use title, description or organisation"
            )
        checked = _checked(JourneyMap, evolve(journey_map, **self.changes, iterations=()), "")
        new = evolve(journey_map, **{name: getattr(checked, name) for name in self.changes})
        if "title" in self.changes and not new.title.strip():
            raise EditError("the map needs a title")
        return new

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        return said("Changed the map's {fields}", fields=", ".join(sorted(self.changes))).text(language)


# --- queries ----------------------------------------------------------------------------


def referrers(journey_map: JourneyMap, iteration: str, kind: Kind, element_id: str) -> list[str]:
    """What names an element: ``"step 'Applies online'"`` and the like, in document order, each once.

    Includes steps of iterations based on this one that replace a step.
    """
    it = _iteration(journey_map, iteration)
    found = [label(element) for _, element, _ in _referring(it, kind, element_id)]
    if kind.child is not None:
        for child in getattr(_parent(it, kind, element_id), kind.child.collection):
            found += referrers(journey_map, iteration, kind.child, child.id)
    if kind is Kind.STEP:
        for child in journey_map.iterations:
            if child.based_on == iteration:
                found += [
                    f"{label(s)} of iteration {child.id!r}" for s in child.steps if element_id in s.replaces
                ]
    return list(dict.fromkeys(found))


# --- helpers ----------------------------------------------------------------------------


def _iteration(journey_map: JourneyMap, iteration_id: str) -> Iteration:
    try:
        return journey_map.iteration(iteration_id)
    except KeyError:
        known = ", ".join(repr(it.id) for it in journey_map.iterations) or "none"
        raise NotFoundError(
            f"no iteration {iteration_id!r} (iterations: {known})", iteration=iteration_id
        ) from None


def _editable(journey_map: JourneyMap, iteration_id: str) -> Iteration:
    it = _iteration(journey_map, iteration_id)
    if it.locked:
        raise LockedError(f"iteration {it.id!r} is locked; unlock it to edit it", iteration=it.id)
    return it


def _put(journey_map: JourneyMap, new: Iteration) -> JourneyMap:
    its = tuple(new if it.id == new.id else it for it in journey_map.iterations)
    return evolve(journey_map, iterations=its)


def _element(it: Iteration, kind: Kind, element_id: str) -> Element:
    for element in elements(it, kind):
        if element.id == element_id:
            return element
    raise NotFoundError(
        f"iteration {it.id!r} has no {kind.value} {element_id!r}", iteration=it.id, kind=kind, id=element_id
    )


def _unmeasured(benefit: Benefit) -> Benefit:
    if not any(i.measurements for i in benefit.indicators):
        return benefit
    return evolve(benefit, indicators=tuple(evolve(i, measurements=()) for i in benefit.indicators))


def _indicator(journey_map: JourneyMap, iteration: str, indicator_id: str) -> tuple[Iteration, Indicator]:
    it = _iteration(journey_map, iteration)
    found = _element(it, Kind.INDICATOR, indicator_id)
    assert isinstance(found, Indicator)
    return it, found


def _parent(it: Iteration, kind: Kind, parent_id: str) -> Parent:
    found = _element(it, kind, parent_id)
    assert isinstance(found, Parent)
    return found


def _with_items(
    it: Iteration, kind: Kind, change: Callable[[tuple[Any, ...]], tuple[Any, ...]], parent: str
) -> Iteration:
    """The iteration with ``change`` applied to its list of a kind (for nested kinds, ``parent``'s)."""
    if kind.parent is not None:
        outer, inner = kind.parent.collection, kind.collection
        parents = tuple(
            evolve(p, **{inner: change(getattr(p, inner))}) if p.id == parent else p
            for p in getattr(it, outer)
        )
        changes: dict[str, Any] = {outer: parents}
        return evolve(it, **changes)
    new: dict[str, Any] = {kind.collection: change(getattr(it, kind.collection))}
    return evolve(it, **new)


def _parent_id(it: Iteration, kind: Kind, element_id: str) -> str:
    return parent_of(it, kind, element_id).id if kind.parent is not None else ""


def _insert(it: Iteration, kind: Kind, element: Element, index: int | None, parent: str) -> Iteration:
    def insert(items: tuple[Any, ...]) -> tuple[Any, ...]:
        at = len(items) if index is None else max(0, min(index, len(items)))
        return (*items[:at], element, *items[at:])

    return _with_items(it, kind, insert, parent)


def _delete(it: Iteration, kind: Kind, element_id: str) -> Iteration:
    parent = _parent_id(it, kind, element_id)
    return _with_items(it, kind, lambda items: tuple(e for e in items if e.id != element_id), parent)


def _replace_element(it: Iteration, kind: Kind, old: Element, new: Element) -> Iteration:
    parent = _parent_id(it, kind, old.id)
    return _with_items(it, kind, lambda items: tuple(new if e is old else e for e in items), parent)


def _referring(it: Iteration, kind: Kind, element_id: str) -> Iterator[tuple[Kind, Element, list[Ref]]]:
    """Each element that names ``element_id`` of ``kind``, with the reference fields that do."""
    for other_kind, refs in REFS.items():
        targeted = [ref for ref in refs if ref.target is kind]
        if not targeted:
            continue
        for element in elements(it, other_kind):
            using = [ref for ref in targeted if element_id in referenced(element, ref)]
            if using:
                yield other_kind, element, using


def _remove_cascading(journey_map: JourneyMap, iteration: str, kind: Kind, element_id: str) -> JourneyMap:
    if kind.child is not None:
        parent = _parent(_iteration(journey_map, iteration), kind, element_id)
        for child in getattr(parent, kind.child.collection):
            journey_map = _remove_cascading(journey_map, iteration, kind.child, child.id)
    it = _delete(_iteration(journey_map, iteration), kind, element_id)
    doomed: list[tuple[Kind, str]] = []
    cleaned: dict[int, Element] = {}  # id() of an element -> the element without the reference
    for other_kind, element, using in _referring(it, kind, element_id):
        if any(ref.required and not ref.many for ref in using):
            doomed.append((other_kind, element.id))
            continue
        changes: dict[str, Any] = {
            ref.field: tuple(v for v in getattr(element, ref.field) if v != element_id) if ref.many else ""
            for ref in using
        }
        cleaned[id(element)] = evolve(element, **changes)
    if cleaned:
        it = _replace_all(it, cleaned)
    journey_map = _put(journey_map, it)
    if kind is Kind.STEP:
        for child in journey_map.iterations:
            if child.based_on == iteration and any(element_id in s.replaces for s in child.steps):
                steps = tuple(
                    evolve(s, replaces=tuple(r for r in s.replaces if r != element_id))
                    for s in _editable(journey_map, child.id).steps
                )
                journey_map = _put(journey_map, evolve(child, steps=steps))
    for doomed_kind, doomed_id in doomed:
        if doomed_id in ids(journey_map.iteration(iteration), doomed_kind):
            journey_map = _remove_cascading(journey_map, iteration, doomed_kind, doomed_id)
    return journey_map


def _replace_all(it: Iteration, new: dict[int, Element]) -> Iteration:
    """The iteration with each element whose ``id()`` is a key of ``new`` replaced, one pass per list."""

    def swap(items: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(new.get(id(e), e) for e in items) if any(id(e) in new for e in items) else items

    changes: dict[str, Any] = {}
    for kind in Kind:
        if kind.parent is not None:
            continue
        items = swap(getattr(it, kind.collection))
        if kind.child is not None:
            inner = kind.child.collection
            items = tuple(
                evolve(p, **{inner: kids})
                if (kids := swap(getattr(p, inner))) is not getattr(p, inner)
                else p
                for p in items
            )
        changes[kind.collection] = items
    return evolve(it, **changes)


@cache
def _hints(cl: type) -> dict[str, Any]:
    return get_type_hints(cl)


def _options(hint: Any) -> tuple[Any, ...]:
    """The types a hint allows: the members of a union, or the hint itself."""
    return get_args(hint) if get_origin(hint) in (Union, UnionType) else (hint,)


def _not_member(value: Any, hint: Any) -> str | None:
    """What is wrong when the hint wants a member of an enum and the value is none; else None."""
    options = _options(hint)
    enums = [t for t in options if isinstance(t, type) and issubclass(t, Enum)]
    if not enums or isinstance(value, enums[0]) or (value is None and type(None) in options):
        return None
    members = ", ".join(str(m.value) for m in enums[0])
    return f"expected a member of {enums[0].__name__} ({members}), got {type_name(value)} {shown(value)}"


def _check_argument(name: str, value: Any, hint: Any) -> None:
    """Refuse an operation's argument of the wrong type; a model value is checked field by field."""
    if get_origin(hint) is Mapping:
        if not isinstance(value, dict):
            raise EditError(f"{name}: expected a table of field names and values, got {type_name(value)}")
        if not all(isinstance(key, str) for key in value):
            raise EditError(f"{name}: expected names of fields as text, got {shown(list(value))}")
        return
    options = _options(hint)
    classes = [t for t in options if attrs.has(t)]
    wrong = _not_member(value, hint)
    if wrong:
        raise EditError(f"{name}: {wrong}")
    if classes:
        if not isinstance(value, tuple(classes)):
            raise EditError(f"{name}: expected {_a(classes)}, got {type_name(value)} {shown(value)}")
        _checked(type(value), value, name)
    elif not any(isinstance(t, type) and issubclass(t, Enum) for t in options):
        try:
            _converter.structure(value, hint)
        except ValueError as exc:
            raise EditError(f"{name}: {exc}") from None


def _a(classes: list[type]) -> str:
    """'an actor, relation, ... or indicator': what model values an argument takes."""
    names = [KIND_OF[c].value if c in KIND_OF else c.__name__.lower() for c in classes]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
    return f"{'an' if listed[0] in 'aeiou' else 'a'} {listed}"


def _checked(cl: type[_T], value: Any, path: str) -> _T:
    """A model value as loading its file would give it (tuples, not lists; numbers as decimals).

    Refuses fields of the wrong type and text that cannot be written, naming the ``path``.
    """
    model: type = cl
    for name, hint in _hints(model).items():
        got = getattr(value, name)
        wrong = _not_member(got, hint)
        if get_origin(hint) is tuple and not isinstance(got, (tuple, list)):
            wrong = f"expected a list, got {type_name(got)} {shown(got)}"
        if wrong:
            where = f"{path}.{name}" if path else name
            raise InvalidEditError([Problem(severity=Severity.ERROR, path=where, message=wrong)])
    try:
        return _converter.structure(_converter.unstructure(value, cl), cl)
    except (BaseValidationError, TypeError, ValueError, AttributeError) as exc:
        problems = structure_problems(exc) if isinstance(exc, BaseValidationError) else []
        prefixed = [
            evolve(p, path=f"{path}.{p.path}" if path and p.path else path or p.path) for p in problems
        ]
        raise InvalidEditError(
            prefixed
            or [Problem(severity=Severity.ERROR, path=path, message=f"a value has the wrong type ({exc})")]
        ) from None


def _check_element(journey_map: JourneyMap, it: Iteration, element: Element) -> Element:
    """The element as its file would give it, if its values and the ids it names are right in ``it``."""
    kind = KIND_OF[type(element)]
    path = f"{kind.collection}[{[e.id for e in elements(it, kind)].index(element.id)}]"
    checked = _checked(type(element), element, path)
    known = {k: ids(it, k) for k in {ref.target for ref in REFS.get(kind, ())}}
    base = None
    if isinstance(element, Step) and it.based_on:
        try:
            base = (it.based_on, ids(journey_map.iteration(it.based_on), Kind.STEP))
        except KeyError:
            base = None
    problems = element_problems(checked, path, known, base)
    if problems:
        raise InvalidEditError(problems)
    return checked
