"""Three-way merge of maps, as git's merge driver does it: by id, field by field.

Different fields or different elements merge cleanly, as do additions on both sides and a
reordering on one side. Where both sides changed the same thing differently, our side stays in
the map and a :class:`~journeymap.model.Conflict` records the three values. In a locked iteration
that both sides changed, every change of theirs that differs from ours is a conflict: nobody
signed off the mix of the two. Measurements are follow-up, not design, and always merge.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from functools import cache
from typing import Any, get_args, get_origin, get_type_hints

import attrs
from attrs import evolve, frozen

from journeymap.conflicts import encode
from journeymap.elements import KIND_OF
from journeymap.model import Conflict, Iteration, JourneyMap, Measurement
from journeymap.signoff import content_hash


@frozen
class _Place:
    """Where merged values are, as conflict records name it."""

    iteration: str = ""
    kind: str = "map"
    id: str = ""
    parent: str = ""
    strict: bool = False
    """In a locked iteration both sides changed: their changes are conflicts."""


def merge(
    base: JourneyMap | None, ours: JourneyMap, theirs: JourneyMap
) -> tuple[JourneyMap, tuple[Conflict, ...]]:
    """The merged map (holding every conflict) and the conflicts this merge found.

    ``base`` is the common ancestor, or None when both sides added the file.
    """
    merger = _Merger()
    merged: JourneyMap = merger.merge_object(_Place(), base, ours, theirs)
    found = tuple(merger.conflicts)
    return evolve(merged, conflicts=(*merged.conflicts, *found)), found


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[Conflict] = []

    def conflict(self, place: _Place, key: str, base: str, ours: str, theirs: str) -> None:
        self.conflicts.append(
            Conflict(
                iteration=place.iteration, kind=place.kind, id=place.id, parent=place.parent,
                key=key, base=base, ours=ours, theirs=theirs, locked=place.strict,
            )
        )  # fmt: skip

    def merge_object(self, place: _Place, base: Any, ours: Any, theirs: Any) -> Any:
        """An element, iteration or map merged field by field; ``base`` None if both sides added it."""
        if ours == theirs or base == theirs:
            return ours
        if base == ours and not place.strict:
            return theirs
        cls: Any = type(ours)
        changes = {}
        for f in attrs.fields(cls):
            if f.name == "id" or not f.metadata.get("file", True):
                continue  # ids match; what is no key of the file (the #:schema target) stays ours
            b = getattr(base, f.name) if base is not None else None
            o, t = getattr(ours, f.name), getattr(theirs, f.name)
            if o != t:
                changes[f.name] = self.field(place, f.name, _hints(cls)[f.name], base is not None, b, o, t)
        return evolve(ours, **changes)

    def field(self, place: _Place, name: str, hint: Any, has_base: bool, b: Any, o: Any, t: Any) -> Any:
        item = _item_type(hint)
        if item is Conflict:
            return tuple(dict.fromkeys((*o, *t)))
        if item is Measurement:
            return self.measurements(place, b or (), o, t)
        if item is not None and attrs.has(item):
            return self.keyed(place, name, b or (), o, t)
        if item is str and has_base:
            return self.texts(place, name, b, o, t)
        return self.value(place, name, has_base, b, o, t)

    def value(self, place: _Place, name: str, has_base: bool, b: Any, o: Any, t: Any) -> Any:
        """One value: the side that changed it wins; ours stays if both did."""
        if o == t or (has_base and t == b):
            return o
        if has_base and o == b and not place.strict:
            return t
        self.conflict(place, name, encode(b) if has_base else "", encode(o), encode(t))
        return o

    def texts(
        self, place: _Place, name: str, b: tuple[str, ...], o: tuple[str, ...], t: tuple[str, ...]
    ) -> Any:
        """A list of texts or ids as an ordered set: additions and removals of both sides."""
        if place.strict or any(len(set(x)) != len(x) for x in (b, o, t)):
            return self.value(place, name, True, b, o, t)
        kept = {x for x in (*o, *t) if (x in o and x in t) or x not in b}
        order = _order(b, o, t, kept)
        return self.value(place, name, True, b, o, t) if order is None else tuple(order)

    def keyed(self, place: _Place, name: str, b: Sequence[Any], o: Sequence[Any], t: Sequence[Any]) -> Any:
        """Elements matched by id: each merged, added, removed, or in conflict; then ordered."""
        if any(len({_key(e) for e in x}) != len(x) for x in (b, o, t)):
            return self.value(place, name, True, b, o, t)  # duplicate ids: no element is known for sure
        bm, om, tm = ({_key(e): e for e in x} for x in (b, o, t))
        merged: dict[Hashable, Any] = {}
        for k in dict.fromkeys([*om, *tm, *bm]):
            be, oe, te = bm.get(k), om.get(k), tm.get(k)
            at = _child(place, be, oe, te)
            if oe is not None and te is not None:
                merged[k] = self.merge_object(at, be, oe, te)
            elif be is None and oe is not None:
                merged[k] = oe
            elif be is None:
                if place.strict:
                    self.conflict(at, "", "", "", encode(te))
                else:
                    merged[k] = te
            elif oe is not None:
                if oe != be or place.strict:
                    self.conflict(at, "", encode(be), encode(oe), "")
                    merged[k] = oe
            elif te is not None and te != be:
                self.conflict(at, "", encode(be), "", encode(te))
        order = _order([*bm], [*om], [*tm], merged.keys())
        if order is None:
            order = [k for k in om if k in merged] + [k for k in tm if k in merged and k not in om]
            theirs = [k for k in tm if k in merged] + [k for k in order if k not in tm]
            self.conflict(place, name, encode(tuple(bm)), encode(tuple(order)), encode(tuple(theirs)))
        return tuple(merged[k] for k in order)

    def measurements(
        self, place: _Place, b: Sequence[Measurement], o: Sequence[Measurement], t: Sequence[Measurement]
    ) -> tuple[Measurement, ...]:
        """Readings by date, never strict; readings of one date in conflict make one record of the lists."""
        free = evolve(place, strict=False)
        inner = _Merger()
        ours = tuple(sorted(inner.keyed(free, "measurements", b, o, t), key=_date))
        if inner.conflicts:
            theirs = tuple(sorted(_Merger().keyed(free, "measurements", b, t, o), key=_date))
            self.conflict(place, "measurements", encode(tuple(b)), encode(ours), encode(theirs))
        return ours


def _order(
    base: Sequence[Any], ours: Sequence[Any], theirs: Sequence[Any], kept: Collection[Any]
) -> list[Any] | None:
    """The merged order of the ``kept`` keys; None when both sides reordered what they share differently.

    The side that reordered gives the order; what the other side added follows the key it followed
    there (after what the first side added at that place).
    """
    everywhere = set(base) & set(ours) & set(theirs)
    b, o, t = ([k for k in x if k in everywhere] for x in (base, ours, theirs))
    if o != b and t != b and o != t:
        return None
    skeleton, other = (theirs, ours) if o == b and t != b else (ours, theirs)
    result = [k for k in skeleton if k in kept]
    known, in_other = set(base), set(other)
    for i, k in enumerate(other):
        if k not in kept or k in result:
            continue
        pos = next((result.index(p) + 1 for p in reversed(other[:i]) if p in result), 0)
        while pos < len(result) and result[pos] not in known and result[pos] not in in_other:
            pos += 1
        result.insert(pos, k)
    return result


def _child(place: _Place, b: Any, o: Any, t: Any) -> _Place:
    """The place of an element of ``place``; an iteration is strict if locked and changed on both sides."""
    element = next(x for x in (o, t, b) if x is not None)
    if isinstance(element, Measurement):
        return place
    if isinstance(element, Iteration):
        sides = (b, o, t)
        strict = (
            None not in sides and any(x.locked for x in sides) and len({content_hash(x) for x in sides}) == 3
        )
        return _Place(iteration=element.id, kind="iteration", id=element.id, strict=strict)
    kind = KIND_OF[type(element)]
    parent = place.id if kind.parent is not None else ""
    return _Place(
        iteration=place.iteration, kind=kind.value, id=element.id, parent=parent, strict=place.strict
    )


def _key(element: Any) -> Hashable:
    """What matches an element across the three sides: its id (a measurement: its date)."""
    return element.date if isinstance(element, Measurement) else element.id


def _date(m: Measurement) -> Any:
    return m.date


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return get_type_hints(cls)


def _item_type(hint: Any) -> Any:
    """X for ``tuple[X, ...]``, else None."""
    args = get_args(hint)
    return args[0] if get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis else None
