"""What changed in a map file between two versions (two commits, say): per iteration, by id.

:func:`diff_versions` matches iterations by id, compares each one's own keys (label, state,
lock and sign-off, report texts) and its elements (:func:`journeymap.semantic_diff.diff`), and
the map's own keys and its merge conflicts. :func:`journeymap.diff_format.render_versions` renders it.
"""

from __future__ import annotations

from typing import Any

import attrs
from attrs import evolve, frozen

from journeymap.conflicts import describe
from journeymap.elements import Kind
from journeymap.model import Iteration, JourneyMap
from journeymap.semantic_diff import Diff, FieldChange, diff


@frozen
class IterationChange:
    """An iteration in both versions: its own keys that changed, and its elements' diff."""

    id: str
    label: str
    fields: tuple[FieldChange, ...]
    elements: Diff

    @property
    def is_empty(self) -> bool:
        return not self.fields and self.elements.is_empty


@frozen
class VersionDiff:
    """The changes from one version of a map to another."""

    fields: tuple[FieldChange, ...]
    added: tuple[tuple[str, str], ...]
    """Iterations only in the newer version: (id, label)."""
    removed: tuple[tuple[str, str], ...]
    changed: tuple[IterationChange, ...]
    conflicts: tuple[str, ...]
    """The newer version's unresolved merge conflicts, in words."""

    @property
    def is_empty(self) -> bool:
        return not (self.fields or self.added or self.removed or self.changed or self.conflicts)


def diff_versions(old: JourneyMap | None, new: JourneyMap) -> VersionDiff:
    """Compare two versions of a map; ``old`` None when the file is new."""
    before = {it.id: it for it in old.iterations} if old else {}
    after = {it.id: it for it in new.iterations}
    changed = []
    for it in new.iterations:
        if it.id in before:
            change = IterationChange(
                it.id, it.label, _own_changes(before[it.id], it), _diff(before[it.id], it)
            )
            if not change.is_empty:
                changed.append(change)
    return VersionDiff(
        fields=_own_changes(old, new) if old else (),
        added=tuple((it.id, it.label) for it in new.iterations if it.id not in before),
        removed=tuple((it.id, it.label) for it in (old.iterations if old else ()) if it.id not in after),
        changed=tuple(changed),
        conflicts=tuple(describe(c, new) for c in new.conflicts),
    )


def _diff(old: Iteration, new: Iteration) -> Diff:
    """The elements' diff, with only the replacements this version changed."""
    d = diff(old, new)
    before = {s.id: s.replaces for s in old.steps}
    return evolve(
        d, replacements=tuple(r for r in d.replacements if before.get(r.step.id) != _replaces(new, r.step.id))
    )


def _replaces(it: Iteration, step_id: str) -> tuple[str, ...]:
    return next(s.replaces for s in it.steps if s.id == step_id)


def _own_changes(old: Any, new: Any) -> tuple[FieldChange, ...]:
    """The keys of a map or iteration that changed, leaving out its lists of elements."""
    return tuple(
        FieldChange(f.name, getattr(old, f.name), getattr(new, f.name))
        for f in attrs.fields(type(new))
        if f.name not in _LISTS and getattr(old, f.name) != getattr(new, f.name)
    )


_LISTS = {k.collection for k in Kind if k.parent is None} | {"iterations", "conflicts", "schema_ref", "id"}
"""Not keys of their own: lists of elements (diffed element by element), the ``#:schema`` target, ids."""
