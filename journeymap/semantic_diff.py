"""The semantic diff between two iterations, matched by id.

:func:`diff` returns data; :mod:`journeymap.diff_format` renders it as text,
JSON or Markdown.
"""

from __future__ import annotations

from bisect import bisect_left
from statistics import mean
from typing import Any

from attrs import fields, frozen

from journeymap.elements import Element, Kind, elements, name_of
from journeymap.model import (
    Channel,
    Iteration,
    Step,
    Touchpoint,
)

_NOT_COMPARED = {"id", "tasks", "indicators", "measurements", "stage", "replaces"}
"""Not field changes: ids match; tasks, indicators, stages, replaces are reported on their own.

Measurements are the follow-up of a design, not part of it: a branch starts without them.
"""
_ORDERED = (Kind.STAGE, Kind.STEP, Kind.TASK)


@frozen
class ElementRef:
    """An element named in a diff."""

    kind: Kind
    id: str
    name: str


@frozen
class FieldChange:
    """One field's old and new value."""

    field: str
    old: Any
    new: Any


@frozen
class Changed:
    """An element in both iterations whose fields differ."""

    element: ElementRef
    fields: tuple[FieldChange, ...]


@frozen
class Moved:
    """A stage, step or task in another place: another position, stage (steps) or process (tasks)."""

    element: ElementRef
    old_position: int
    new_position: int
    old_group: str = ""
    new_group: str = ""


@frozen
class ChannelChange:
    """A touchpoint whose channel changed, e.g. interpersonal → digital."""

    element: ElementRef
    old: Channel
    new: Channel


@frozen
class EmotionChange:
    """A step whose emotion score changed; scores off the -2..+2 scale (validation errors) are left out."""

    element: ElementRef
    old: int
    new: int

    @property
    def delta(self) -> int:
        """New minus old."""
        return self.new - self.old


@frozen
class Replacement:
    """Steps of the older iteration replaced by a step of the newer one."""

    step: ElementRef
    replaced: tuple[ElementRef, ...]


@frozen
class Diff:
    """What changed from iteration ``a`` to iteration ``b``."""

    a: str
    b: str
    a_label: str
    b_label: str
    added: tuple[ElementRef, ...]
    removed: tuple[ElementRef, ...]
    changed: tuple[Changed, ...]
    moved: tuple[Moved, ...]
    channels: tuple[ChannelChange, ...]
    emotions: tuple[EmotionChange, ...]
    average_emotion: tuple[float | None, float | None]
    replacements: tuple[Replacement, ...]
    pain_points_gone: tuple[str, ...]
    opportunities_new: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        """Whether the two iterations hold the same elements with the same values and order."""
        return not (self.added or self.removed or self.changed or self.moved)

    def touched(self) -> set[tuple[Kind, str]]:
        """Every (kind, id) the diff reports as added, removed, changed or moved."""
        refs = [
            *self.added,
            *self.removed,
            *(c.element for c in self.changed),
            *(m.element for m in self.moved),
        ]
        return {(r.kind, r.id) for r in refs}


def diff(a: Iteration, b: Iteration) -> Diff:
    """Compare two iterations element by element, matching ids."""
    added: list[ElementRef] = []
    removed: list[ElementRef] = []
    changed: list[Changed] = []
    moved: list[Moved] = []
    for kind in Kind:
        old = {e.id: e for e in elements(a, kind)}
        new = {e.id: e for e in elements(b, kind)}
        removed += [_ref(kind, e) for i, e in old.items() if i not in new]
        added += [_ref(kind, e) for i, e in new.items() if i not in old]
        for i, e in new.items():
            if i in old and old[i] != e:
                field_changes = _field_changes(old[i], e)
                if field_changes:
                    changed.append(Changed(_ref(kind, e), field_changes))
        if kind in _ORDERED:
            moved += _moves(kind, a, b, old, new)
    return Diff(
        a=a.id, b=b.id, a_label=a.label, b_label=b.label,
        added=tuple(added), removed=tuple(removed), changed=tuple(changed), moved=tuple(moved),
        channels=_channels(a, b), emotions=_emotions(a, b),
        average_emotion=(_average(a), _average(b)), replacements=_replacements(a, b),
        pain_points_gone=_gone([p for s in a.steps for p in s.pain_points], [p for s in b.steps for p in s.pain_points]),
        opportunities_new=_gone([o for s in b.steps for o in s.opportunities], [o for s in a.steps for o in s.opportunities]),
    )  # fmt: skip


def _ref(kind: Kind, element: Element) -> ElementRef:
    return ElementRef(kind, element.id, name_of(element))


def _field_changes(old: Element, new: Element) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(f.name, getattr(old, f.name), getattr(new, f.name))
        for f in fields(type(old))
        if f.name not in _NOT_COMPARED and getattr(old, f.name) != getattr(new, f.name)
    )


def _groups(it: Iteration, kind: Kind) -> dict[str, str]:
    """The group of each stage, step or task: the step's stage, the task's process."""
    if kind is Kind.STEP:
        return {s.id: s.stage for s in it.steps}
    if kind is Kind.TASK:
        return {t.id: p.id for p in it.processes for t in p.tasks}
    return {}


def _moves(kind: Kind, a: Iteration, b: Iteration, old: dict[str, Any], new: dict[str, Any]) -> list[Moved]:
    """Elements that changed group, or whose order relative to the others changed.

    The elements kept in place are the longest run that kept its relative order
    (a longest increasing subsequence), so one moved step does not make all others move.
    """
    old_index = {i: k for k, i in enumerate(old)}
    new_index = {i: k for k, i in enumerate(new)}
    common = [i for i in new if i in old]
    in_place = _longest_increasing([old_index[i] for i in common])
    kept = {common[k] for k in in_place}
    old_groups, new_groups = _groups(a, kind), _groups(b, kind)
    group_names = {**_group_names(a, kind), **_group_names(b, kind)}
    result = []
    for i in common:
        regrouped = old_groups.get(i, "") != new_groups.get(i, "")
        if i not in kept or regrouped:
            og, ng = old_groups.get(i, ""), new_groups.get(i, "")
            result.append(
                Moved(
                    _ref(kind, new[i]), old_index[i] + 1, new_index[i] + 1,
                    group_names.get(og, og) if regrouped else "", group_names.get(ng, ng) if regrouped else "",
                )
            )  # fmt: skip
    return result


def _group_names(it: Iteration, kind: Kind) -> dict[str, str]:
    if kind is Kind.STEP:
        return {s.id: s.name for s in it.stages}
    if kind is Kind.TASK:
        return {p.id: p.name for p in it.processes}
    return {}


def _longest_increasing(values: list[int]) -> list[int]:
    """Positions in ``values`` of one longest strictly increasing subsequence."""
    tails: list[int] = []
    tail_pos: list[int] = []
    previous = [-1] * len(values)
    for k, v in enumerate(values):
        at = bisect_left(tails, v)
        if at == len(tails):
            tails.append(v)
            tail_pos.append(k)
        else:
            tails[at] = v
            tail_pos[at] = k
        previous[k] = tail_pos[at - 1] if at else -1
    result = []
    k = tail_pos[-1] if tail_pos else -1
    while k != -1:
        result.append(k)
        k = previous[k]
    return result[::-1]


def _channels(a: Iteration, b: Iteration) -> tuple[ChannelChange, ...]:
    old: dict[str, Touchpoint] = {t.id: t for t in a.touchpoints}
    return tuple(
        ChannelChange(_ref(Kind.TOUCHPOINT, t), old[t.id].channel, t.channel)
        for t in b.touchpoints
        if t.id in old and old[t.id].channel is not t.channel
    )


_EMOTION = Kind.STEP.spec.ranges["emotion"]


def _score(step: Step) -> int | None:
    """A step's emotion, if it is on the scale; one off the scale is a validation error, not a score."""
    return step.emotion if step.emotion is not None and _EMOTION[0] <= step.emotion <= _EMOTION[1] else None


def _emotions(a: Iteration, b: Iteration) -> tuple[EmotionChange, ...]:
    old: dict[str, Step] = {s.id: s for s in a.steps}
    result = []
    for s in b.steps:
        before, after = (_score(old[s.id]) if s.id in old else None), _score(s)
        if before is not None and after is not None and before != after:
            result.append(EmotionChange(_ref(Kind.STEP, s), before, after))
    return tuple(result)


def _average(it: Iteration) -> float | None:
    scores = [score for s in it.steps if (score := _score(s)) is not None]
    return round(mean(scores), 2) if scores else None


def _replacements(a: Iteration, b: Iteration) -> tuple[Replacement, ...]:
    old: dict[str, Step] = {s.id: s for s in a.steps}
    return tuple(
        Replacement(
            _ref(Kind.STEP, s),
            tuple(_ref(Kind.STEP, old[r]) if r in old else ElementRef(Kind.STEP, r, r) for r in s.replaces),
        )
        for s in b.steps
        if s.replaces
    )


def _gone(before: list[str], after: list[str]) -> tuple[str, ...]:
    """Texts in ``before`` that ``after`` does not have, once each, in order."""
    remaining = set(after)
    return tuple(dict.fromkeys(t for t in before if t not in remaining))
