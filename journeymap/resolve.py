"""Settling merge conflicts: keep our value, take theirs, or put another value in its place.

The map already holds our side of every conflict, so keeping ours only drops the record.
Taking theirs (or a value of one's own) writes the value at the place the record names: a key of
the map, an iteration or an element; a whole element (added, or removed); or the order of a list.
Locked iterations are no obstacle: settling a merge is not an edit of the design.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import evolve, field, frozen
from cattrs.errors import BaseValidationError

from journeymap.conflicts import decode, describe
from journeymap.converter import make_file_converter, structure_problems
from journeymap.elements import Kind
from journeymap.errors import EditError
from journeymap.i18n import N_, translation
from journeymap.model import Conflict, JourneyMap, Language

_converter = make_file_converter()

OURS, THEIRS = "ours", "theirs"


class ResolveError(EditError):
    """A conflict could not be settled as asked; the map was not changed."""


def settle(journey_map: JourneyMap, choices: Mapping[int, str]) -> JourneyMap:
    """The map with the conflicts at these indexes settled; the others stay recorded.

    A choice is ``"ours"``, ``"theirs"``, or the text of a TOML value to put in the conflict's
    place (``'"Gets a call"'``, ``'2'``; the empty text unsets the key). :class:`ResolveError`
    names the conflict if an index does not exist or a value does not fit its place.
    """
    data: dict[str, Any] = _converter.unstructure(journey_map)
    for index, choice in sorted(choices.items()):
        if not 0 <= index < len(journey_map.conflicts):
            raise ResolveError(f"there is no conflict {index + 1} (the map has {len(journey_map.conflicts)})")
        conflict = journey_map.conflicts[index]
        if choice != OURS:
            value = conflict.theirs if choice == THEIRS else choice
            try:
                _put(data, conflict, decode(value))
            except (ValueError, LookupError) as exc:
                raise ResolveError(
                    f"conflict {index + 1} ({describe(conflict, journey_map)}): {exc}"
                ) from None
    data["conflicts"] = [c for i, c in enumerate(data.get("conflicts", [])) if i not in choices]
    try:
        settled = _converter.structure(data, JourneyMap)
    except BaseValidationError as exc:
        where = "; ".join(p.describe() for p in structure_problems(exc))
        raise ResolveError(f"the value does not fit the map: {where}") from None
    return evolve(settled, schema_ref=journey_map.schema_ref)


def _as_dict(choices: Mapping[int, str]) -> dict[int, str]:
    return dict(choices)


@frozen
class Settle:
    """Settle merge conflicts as one edit (undoable in a :class:`journeymap.History`): see :func:`settle`."""

    choices: Mapping[int, str] = field(converter=_as_dict)

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        return settle(journey_map, self.choices)

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        tr = translation(language)
        choices = {OURS: N_("kept ours for {what}"), THEIRS: N_("took theirs for {what}")}
        parts = [
            tr.gettext(choices.get(choice, N_("set a value for {what}"))).format(
                what=describe(journey_map.conflicts[index], journey_map).split(": ", 1)[0]
            )
            for index, choice in sorted(self.choices.items())
            if 0 <= index < len(journey_map.conflicts)
        ]
        if not parts:
            return tr.gettext("Settled no merge conflict")
        return tr.gettext("Settled a merge conflict: {choices}").format(choices="; ".join(parts))


def _put(data: dict[str, Any], conflict: Conflict, value: Any) -> None:
    """Write ``value`` (TOML data, None for absent) at the conflict's place in the map's data."""
    if conflict.kind == "map":
        owner = data
    elif conflict.kind == "iteration" and not conflict.key:
        _place_element(data.setdefault("iterations", []), conflict.id, value)
        return
    else:
        it = _find(data.get("iterations", []), conflict.iteration, "iteration")
        if conflict.kind == "iteration":
            owner = it
        else:
            kind = Kind(conflict.kind)
            holder = it
            if kind.parent is not None:
                holder = _find(it.get(kind.parent.collection, []), conflict.parent, kind.parent.value)
            if not conflict.key:
                _place_element(holder.setdefault(kind.collection, []), conflict.id, value)
                return
            owner = _find(holder.get(kind.collection, []), conflict.id, kind.value)
    _set_key(owner, conflict.key, value)


def _set_key(owner: dict[str, Any], key: str, value: Any) -> None:
    current: Any = owner.get(key)
    is_order = isinstance(current, list) and current and isinstance(current[0], dict) and "id" in current[0]
    if is_order and isinstance(value, list) and all(isinstance(v, str) for v in value):
        rank = {ident: n for n, ident in enumerate(value)}
        owner[key] = sorted(current, key=lambda e: rank.get(e.get("id"), len(rank)))
    elif value is None:
        owner.pop(key, None)
    else:
        owner[key] = value


def _place_element(items: list[dict[str, Any]], ident: str, value: Any) -> None:
    """Replace the element with this id by ``value``, add it at the end, or (``value`` None) remove it."""
    at = next((n for n, e in enumerate(items) if e.get("id") == ident), None)
    if value is None:
        if at is not None:
            del items[at]
    elif not isinstance(value, dict):
        raise ValueError("a whole element needs a table of keys and values")
    elif at is None:
        items.append(value)
    else:
        items[at] = value


def _find(items: list[dict[str, Any]], ident: str, what: str) -> dict[str, Any]:
    for item in items:
        if item.get("id") == ident:
            return item
    raise LookupError(f"the map has no {what} {ident!r} any more")
