"""The cattrs converter between the model and TOML data, and its errors in plain words.

The converter is strict: a list where text is expected, a number written as
text, an unknown key or a misspelt channel is refused, never coerced.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any, get_args, get_origin

import attrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.tomllib import TomllibConverter, make_converter

from journeymap.elements import Kind
from journeymap.model import Iteration, JourneyMap
from journeymap.problems import Problem, error


class Refused(ValueError):
    """A value of the wrong type or out of a closed vocabulary; the message is for people."""


def type_name(value: object) -> str:
    """How a TOML value's type is called in messages."""
    names = {bool: "true/false", int: "a number", float: "a decimal number", str: "text"}
    names |= {list: "a list", dict: "a table", dt.date: "a date", dt.datetime: "a date and time"}
    return names.get(type(value), type(value).__name__)


def shown(value: object, limit: int = 60) -> str:
    """A value as messages quote it: its repr, shortened; a huge number by its size."""
    if isinstance(value, int) and not -(10**15) < value < 10**15:
        return f"(about {value.bit_length() * 30103 // 100000 + 1} digits)"
    try:
        text = repr(value)
    except ValueError:  # holds a number too long to write out
        return f"(a {type(value).__name__} too large to show)"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _strict(kind: type, what: str) -> Callable[[Any, type], Any]:
    def structure(value: Any, _: type) -> Any:
        if type(value) is not kind:
            raise Refused(f"expected {what}, got {type_name(value)} {shown(value)}")
        return value

    return structure


MAX_TEXT_CHARS = 100_000
"""Longer texts (one name, note, ...) are refused, on load and in edits: no diagram, report or screen can show them."""


def _text(value: Any, _: type) -> str:
    """Text, which must be writable as UTF-8 (no half of a surrogate pair such as '\\ud800') and at most
    :data:`MAX_TEXT_CHARS` long."""
    if type(value) is not str:
        raise Refused(f"expected text, got {type_name(value)} {shown(value)}")
    text: str = value
    if len(text) > MAX_TEXT_CHARS:
        raise Refused(f"a text of {len(text):,} characters; a text may hold up to {MAX_TEXT_CHARS:,}")
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise Refused(
            f"text that cannot be written to a file: character {exc.start + 1} is half a character "
            f"({text[exc.start]!r}, a lone surrogate)"
        ) from None
    return text


def _number(value: Any, _: type) -> float:
    if type(value) not in (int, float):
        raise Refused(f"expected a number, got {type_name(value)} {shown(value)}")
    if not math.isfinite(value):
        raise Refused(f"expected a finite number, got {value!r}")
    return float(value)


def _unstructure_number(value: float) -> int | float:
    """Whole numbers are written without '.0', so hand-written files keep their look."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _date(value: Any, _: type) -> dt.date:
    if type(value) is not dt.date:
        raise Refused(f"expected a date like 2026-11-22 (no quotes), got {type_name(value)}")
    return value


def _datetime(value: Any, _: type) -> dt.datetime:
    if type(value) is not dt.datetime:
        raise Refused(
            f"expected a date and time like 2026-11-22T14:30:00Z (no quotes), got {type_name(value)}"
        )
    return value


def _enum_hook(enum: type[Enum]) -> Callable[[Any, type], Enum]:
    by_value = {member.value: member for member in enum}
    choices = ", ".join(by_value)

    def structure(value: Any, _: type) -> Enum:
        member = by_value.get(value) if isinstance(value, str) else None
        if member is None:
            raise Refused(f"{shown(value)} is not allowed here; use one of: {choices}")
        return member

    return structure


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _list_only(t: Any, converter: TomllibConverter) -> Callable[[Any, type], tuple[Any, ...]]:
    inner = homogenous_tuple_structure_factory(t, converter)
    of_tables = attrs.has(get_args(t)[0])
    wanted = "a list of tables, each under a [[...]] header" if of_tables else 'a list like ["..."]'

    texts = get_args(t)[0] is str

    def structure(value: Any, cl: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise Refused(f"expected {wanted}, got {type_name(value)}")
        if texts:  # the common case, without cattrs' bookkeeping; a wrong item is named below
            try:
                return tuple([_text(item, str) for item in value])
            except Refused:
                pass
        result: tuple[Any, ...] = inner(value, cl)
        return result

    return structure


def make_file_converter() -> TomllibConverter:
    """A converter that refuses anything it would otherwise coerce."""
    c = make_converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=True)
    for kind, what in ((int, "a whole number"), (bool, "true or false")):
        c.register_structure_hook(kind, _strict(kind, what))
    c.register_structure_hook(str, _text)
    c.register_structure_hook(float, _number)
    c.register_unstructure_hook(float, _unstructure_number)
    c.register_structure_hook(dt.date, _date)
    c.register_structure_hook(dt.datetime, _datetime)
    c.register_structure_hook_factory(lambda t: isinstance(t, type) and issubclass(t, Enum), _enum_hook)
    c.register_structure_hook_factory(_is_homogeneous_tuple, lambda t: _list_only(t, c))
    c.register_unstructure_hook(Enum, lambda member: member.value)
    always = override(omit_if_default=False)
    c.register_unstructure_hook(
        Iteration,
        make_dict_unstructure_fn(Iteration, c, _cattrs_omit_if_default=True, state=always),
    )
    c.register_unstructure_hook(
        JourneyMap,
        make_dict_unstructure_fn(
            JourneyMap,
            c,
            _cattrs_omit_if_default=True,
            schema_version=always,
            schema_ref=override(omit=True),
        ),
    )
    c.register_structure_hook(
        JourneyMap,
        make_dict_structure_fn(
            JourneyMap,
            c,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
            schema_ref=override(omit=True),
        ),
    )
    return c


def file_keys(cl: type) -> list[str]:
    """The keys a TOML table for this class may hold, in file order."""
    return [a.name for a in attrs.fields(cl) if a.metadata.get("file", True)]


def _message(exc: BaseException, field: str | None) -> tuple[str, str]:
    """Where (a key to add to the path, or '') and what, for one leaf exception."""
    if isinstance(exc, KeyError):
        return "", f"missing required key {field!r}"
    if isinstance(exc, ForbiddenExtraKeysError):
        extra = ", ".join(repr(k) for k in sorted(exc.extra_fields))
        known = ", ".join(file_keys(exc.cl)) if exc.cl is not None else ""
        noun = "unknown key" if len(exc.extra_fields) == 1 else "unknown keys"
        return "", f"{noun} {extra}; known keys here: {known}"
    if isinstance(exc, Refused):
        return field or "", str(exc)
    if isinstance(exc, (AttributeError, TypeError)):
        return field or "", "expected a table of keys and values"
    return field or "", f"invalid value ({exc})"


Segments = tuple[str | int, ...]
"""A place in the document as keys and list indices: ``("iterations", 1, "steps", 4)``."""


def _walk(exc: BaseException, path: Segments) -> Iterator[tuple[Segments, BaseException, str | None]]:
    """Leaf exceptions with the place of their table and, for a table's key, the key."""
    if not isinstance(exc, (ClassValidationError, IterableValidationError)):
        yield (path, exc, None)
        return
    with_notes, without = exc.group_exceptions()
    for sub, note in with_notes:
        if isinstance(note, IterableValidationNote):
            where, key = (*path, note.index), None
        else:
            where, key = path, note.name
        if _nested(sub):
            yield from _walk(sub, (*where, key) if key else where)
        else:
            yield (where, sub, key)
    for sub in without:
        yield from _walk(sub, path)


def _nested(exc: BaseException) -> bool:
    return isinstance(exc, (ClassValidationError, IterableValidationError))


def path_text(segments: Segments) -> str:
    """A place as a document path: ``iterations[1].steps[4].touchpoints[0]``."""
    text = ""
    for segment in segments:
        text += f"[{segment}]" if isinstance(segment, int) else f".{segment}" if text else segment
    return text


def _place(data: Any, segments: Segments) -> dict[str, Any]:
    """The iteration, element kind and id, and field a place is in, read from the raw ``data``."""
    place: dict[str, Any] = {}
    if len(segments) < 2 or segments[0] != "iterations" or not isinstance(segments[1], int):
        return {"field": segments[0]} if segments and isinstance(segments[0], str) else place
    table = _item(data, segments[:2])
    place["iteration"] = _id_of(table)
    rest = segments[2:]
    kinds = {kind.collection: kind for kind in Kind if kind.parent is None}
    while len(rest) >= 2 and rest[0] in kinds and isinstance(rest[1], int):
        table = _item(table, rest[:2])
        kind = kinds[str(rest[0])]
        place["kind"], place["element"] = kind, _id_of(table)
        kinds = {kind.child.collection: kind.child} if kind.child is not None else {}
        rest = rest[2:]
    if rest and isinstance(rest[0], str):
        place["field"] = rest[0]
    return place


def _item(data: Any, segments: Segments) -> Any:
    for segment in segments:
        try:
            data = data[segment]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _id_of(table: Any) -> str:
    found = table.get("id") if isinstance(table, dict) else None
    return found if isinstance(found, str) else ""


def structure_problems(exc: BaseException, data: Any = None) -> list[Problem]:
    """Every problem inside a cattrs exception group, with document paths.

    With the raw ``data`` that was structured, each problem also names its iteration, element
    (kind and id) and field.
    """
    problems = []
    for path, leaf, field in _walk(exc, ()):
        key, message = _message(leaf, field)
        where = (*path, key) if key else path
        place = _place(data, where) if data is not None else {}
        if not key and field and data is not None and "field" not in place:
            place["field"] = field
        problems.append(error(path_text(where), message, **place))
    return problems
