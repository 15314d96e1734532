"""Steps, touchpoints and actors as CSV, for people who start in a spreadsheet.

One row per element with a header row; UTF-8; comma, semicolon or tab between cells. Lists of
ids (a step's actors) are written separated by commas and read separated by commas, semicolons
or line breaks; lists of texts (pain points) are one per line inside the cell. Importing updates
the rows whose id exists (only the columns given) and adds the others at the end; a bad row is
reported with its number and nothing is imported.

A text cell that a spreadsheet would run as a formula (it begins with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) is written with an apostrophe in front, as OWASP advises against CSV
injection; importing takes that apostrophe off again, so export and import give back the same text.
"""

from __future__ import annotations

import csv
import io
import re
from enum import Enum
from typing import Any, get_args

from attrs import fields, resolve_types

from journeymap.benefits import number
from journeymap.converter import MAX_TEXT_CHARS
from journeymap.edit import Add, Update
from journeymap.elements import Kind, elements
from journeymap.errors import CsvError, EditError
from journeymap.model import Actor, Iteration, JourneyMap, Step, Touchpoint
from journeymap.problems import Problem, Severity

KINDS = {kind.collection: kind for kind in Kind if kind.spec.csv}
"""The kinds CSV holds, by the name of their rows' collection."""
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
ID_LISTS = {ref.field for kind in KINDS.values() for ref in kind.spec.refs if ref.many}
SINGLE_REFS = tuple(
    dict.fromkeys(ref.field for kind in KINDS.values() for ref in kind.spec.refs if not ref.many)
)
CELL_LIMIT = MAX_TEXT_CHARS + 1
"""The longest cell, in characters, an import reads: the longest text, and an apostrophe before it."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a cell begins with that spreadsheets read as a formula."""
_SPLIT_IDS = re.compile(r"[,;\r\n]+")
_LINES = re.compile(r"\r\n|\r|\n")


def columns(kind: Kind) -> list[str]:
    """The CSV columns of a kind: its model fields, in order."""
    return [f.name for f in fields(kind.type)]


def export_csv(it: Iteration, kind: Kind, delimiter: str = ",") -> str:
    """The iteration's elements of a kind as CSV text with a header row."""
    _check_kind(kind)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    names = columns(kind)
    writer.writerow(names)
    for element in elements(it, kind):
        writer.writerow([_cell(name, getattr(element, name)) for name in names])
    return out.getvalue()


def _cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int):  # emotion, effort, gain: a number, never a formula
        return str(value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return neutralised((", " if name in ID_LISTS else "\n").join(value))
    return neutralised(str(value))


def neutralised(text: str) -> str:
    """A text as a CSV cell that no spreadsheet runs as a formula: an apostrophe in front if needed.

    A text that itself begins with an apostrophe and then a formula character or another apostrophe
    gets one too, so that :func:`restored` gives every text back exactly.
    """
    return "'" + text if text.startswith(FORMULA_STARTS) or _guarded(text) else text


def restored(cell: str) -> str:
    """The text of a cell written by :func:`neutralised` (or escaped so by a spreadsheet user)."""
    return cell[1:] if _guarded(cell) else cell


def _guarded(cell: str) -> bool:
    return len(cell) > 1 and cell[0] == "'" and (cell[1] == "'" or cell[1:].startswith(FORMULA_STARTS))


def import_csv(
    journey_map: JourneyMap, iteration: str, kind: Kind, text: str, source: str = "<csv>"
) -> tuple[JourneyMap, int, int]:
    """The map with the rows applied to an iteration, and how many were added and updated."""
    _check_kind(kind)
    rows = _rows(text, source)
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise CsvError(
            source, [_problem(1, "", "the file is empty: it needs a header row with at least 'id'")]
        )
    header = [cell.strip() for cell in rows[0]]
    twice = sorted({h for h in header if header.count(h) > 1})
    if twice:
        named = ", ".join(map(repr, twice))
        raise CsvError(source, [_problem(1, "", f"column {named} appears twice in the header; keep one")])
    known = columns(kind)
    unknown = [h for h in header if h not in known]
    if unknown or "id" not in header:
        message = (
            f"unknown column(s) {', '.join(map(repr, unknown))}; " if unknown else "there is no 'id' column; "
        ) + f"columns of {kind.collection}: {', '.join(known)}"
        raise CsvError(source, [_problem(1, "", message)])
    try:
        current = journey_map.iteration(iteration)
    except KeyError:
        raise CsvError(source, [_problem(1, "", f"the map has no iteration {iteration!r}")]) from None
    existing = {e.id for e in elements(current, kind)}
    problems: list[Problem] = []
    added = updated = 0
    result = journey_map
    for row_number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(_problem(row_number, "", f"has {len(row)} cells, the header has {len(header)}"))
            continue
        values: dict[str, Any] = {}
        for name, cell in zip(header, row, strict=True):
            try:
                values[name] = _value(kind, name, cell)
            except ValueError as exc:
                problems.append(_problem(row_number, name, str(exc)))
        if len(values) != len(header):
            continue
        ident = values.pop("id")
        try:
            if ident in existing:
                result = Update(iteration, kind, ident, values).apply(result)
                updated += 1
            else:
                result = Add(iteration, _new(kind, ident, values)).apply(result)
                existing.add(ident)
                added += 1
        except (EditError, TypeError, ValueError) as exc:
            problems.append(_problem(row_number, "", str(exc)))
    if problems:
        raise CsvError(source, problems)
    return result, added, updated


def _rows(text: str, source: str) -> list[list[str]]:
    """The rows of a CSV text; a cell over :data:`CELL_LIMIT` is refused with its row number."""
    rows: list[list[str]] = []
    previous = csv.field_size_limit(CELL_LIMIT)
    try:
        for row in csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=sniff(text)):
            rows.append(row)
    except csv.Error as exc:
        too_long = "field larger than field limit" in str(exc)
        message = f"a cell is longer than {number(CELL_LIMIT)} characters" if too_long else f"not CSV: {exc}"
        raise CsvError(source, [_problem(len(rows) + 1, "", message)]) from None
    finally:
        csv.field_size_limit(previous)
    return rows


def sniff(text: str) -> str:
    """The delimiter of a CSV text: the one of comma, semicolon and tab its header uses most."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    return max(DELIMITERS, key=header.count) if any(d in header for d in DELIMITERS) else ","


def _check_kind(kind: Kind) -> None:
    if kind not in KINDS.values():
        raise CsvError(
            "<csv>", [_problem(0, "", f"CSV holds steps, touchpoints or actors, not {kind.collection}")]
        )


def _types(kind: Kind) -> dict[str, Any]:
    resolve_types(kind.type)
    return {f.name: f.type for f in fields(kind.type)}


def _value(kind: Kind, name: str, cell: str) -> Any:
    """A cell as the model's type; ``ValueError`` in words a spreadsheet user understands."""
    kind_type = _types(kind)[name]
    cell = restored(cell)
    text = cell.strip()
    if name in ID_LISTS:
        return tuple(part.strip() for part in _SPLIT_IDS.split(text) if part.strip())
    if kind_type == tuple[str, ...]:
        return tuple(line for line in _LINES.split(cell) if line.strip())
    if int in get_args(kind_type):  # emotion, effort, gain
        if not text:
            return None
        try:
            return int(text.replace("+", ""))
        except ValueError:
            low, high = kind.spec.ranges[name]
            span = f"{low:+d} to {high:+d}" if low < 0 else f"{low} to {high}"
            raise ValueError(f"{name} must be a whole number from {span}, not {text!r}") from None
    args = get_args(kind_type) or (kind_type,)
    enums = [a for a in args if isinstance(a, type) and issubclass(a, Enum)]
    if enums:
        if not text and type(None) in args:
            return None
        try:
            return enums[0](text.lower())
        except ValueError:
            allowed = ", ".join(str(m.value) for m in enums[0])
            raise ValueError(f"{name} must be one of {allowed}, not {text!r}") from None
    return text if name in ("id", *SINGLE_REFS) else cell  # free text is kept exactly as typed


def _new(kind: Kind, ident: str, values: dict[str, Any]) -> Step | Touchpoint | Actor:
    element: Step | Touchpoint | Actor = kind.type(id=ident, **values)  # type: ignore[assignment]
    return element


def _problem(row: int, column: str, message: str) -> Problem:
    where = f"row {row}" + (f", column {column!r}" if column else "")
    return Problem(severity=Severity.ERROR, path=where, message=message)
