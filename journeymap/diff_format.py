"""A diff as plain text for the terminal, JSON for tools and Markdown for reports."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from enum import Enum
from typing import Any

from cattrs.preconf.json import make_converter

from journeymap.converter import shown
from journeymap.map_diff import VersionDiff
from journeymap.semantic_diff import Diff, ElementRef, FieldChange, Moved

FORMATS = ("text", "json", "markdown")
_json = make_converter()
_json.register_unstructure_hook(Enum, lambda member: member.value)


def render(d: Diff, fmt: str = "text") -> str:
    """The diff in one of :data:`FORMATS`."""
    if fmt == "json":
        return json.dumps(as_dict(d), indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return (
            "## "
            + _render(d, heading=lambda t: f"\n### {t}\n", item=lambda t: f"- {t}", code=lambda t: f"`{t}`")
            + "\n"
        )
    if fmt == "text":
        return _render(d, heading=lambda t: f"\n{t}", item=lambda t: f"  {t}", code=lambda t: t) + "\n"
    raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")


def render_versions(d: VersionDiff, title: str, fmt: str = "text") -> str:
    """The changes between two versions of a map, under ``title``, in one of :data:`FORMATS`."""
    if fmt == "json":
        return json.dumps({"title": title, **_json.unstructure(d)}, indent=2, ensure_ascii=False) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    markdown = fmt == "markdown"
    top: Callable[[str], str] = (lambda t: f"\n### {t}\n") if markdown else (lambda t: f"\n{t}")
    sub: Callable[[str], str] = (lambda t: f"\n#### {t}\n") if markdown else (lambda t: f"  {t}")
    item: Callable[[str], str] = (lambda t: f"- {t}") if markdown else (lambda t: f"    {t}")
    lines = [f"## {title}" if markdown else title]
    if d.is_empty:
        return "\n".join([*lines, "", "No changes."]) + "\n"
    if d.fields:
        lines += [top("Map"), *(item(_field(f)) for f in d.fields)]
    for ident, label in d.added:
        lines.append(top(f"Iteration added: {_code(ident, markdown)} ({label})"))
    for ident, label in d.removed:
        lines.append(top(f"Iteration removed: {_code(ident, markdown)} ({label})"))
    for change in d.changed:
        lines.append(top(f"Iteration {_code(change.id, markdown)} ({change.label})"))
        lines += [item(_field(f)) for f in change.fields]
        lines += _sections(change.elements, sub, item)
    if d.conflicts:
        lines += [top(f"Unresolved merge conflicts ({len(d.conflicts)})"), *(item(c) for c in d.conflicts)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"


def _code(text: str, markdown: bool) -> str:
    return f"`{text}`" if markdown else repr(text)


def as_dict(d: Diff) -> dict[str, Any]:
    """The diff as JSON-ready data (enums as their file values)."""
    data: dict[str, Any] = _json.unstructure(d)
    data["emotions"] = [{**e, "delta": e["new"] - e["old"]} for e in data["emotions"]]
    return data


def _name(ref: ElementRef) -> str:
    return f"{ref.kind.value} '{ref.name}'"


def _value(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return "[" + ", ".join(repr(v) for v in value) + "]"
    if value is None or value == "":
        return "(none)"
    if isinstance(value, str):
        return repr(value)
    return shown(value) if isinstance(value, int) else str(value)


def _field(change: FieldChange) -> str:
    name = change.field.replace("_", " ")
    if isinstance(change.old, tuple) and isinstance(change.new, tuple):
        gone = [v for v in change.old if v not in change.new]
        came = [v for v in change.new if v not in change.old]
        parts = [f"+{v!r}" for v in came] + [f"-{v!r}" for v in gone]
        return f"{name} {' '.join(parts) if parts else 'reordered'}"
    return f"{name} {_value(change.old)} → {_value(change.new)}"


def _move(m: Moved) -> str:
    if m.old_group != m.new_group:
        return f"{_name(m.element)}: from '{m.old_group}' to '{m.new_group}'"
    return f"{_name(m.element)}: position {m.old_position} → {m.new_position}"


def _signed(x: float) -> str:
    """+1, -0.5, 0: a score with its sign and no trailing zeros."""
    return f"{x:+.2f}".rstrip("0").rstrip(".") if round(x, 2) else "0"


def _render(
    d: Diff, heading: Callable[[str], str], item: Callable[[str], str], code: Callable[[str], str]
) -> str:
    lines = [f"Compare {code(d.a)} ({d.a_label}) → {code(d.b)} ({d.b_label})"]
    if d.is_empty:
        lines.append("")
        lines.append("No differences.")
        return "\n".join(lines)
    return "\n".join(lines + _sections(d, heading, item))


def _sections(d: Diff, heading: Callable[[str], str], item: Callable[[str], str]) -> list[str]:
    """The lines of each non-empty section of a diff: added, removed, changed, moved, ..."""
    lines: list[str] = []

    def section(title: str, rows: list[str]) -> None:
        if rows:
            lines.append(heading(f"{title} ({len(rows)})"))
            lines.extend(item(r) for r in rows)

    section("Added", [_name(r) for r in d.added])
    section("Removed", [_name(r) for r in d.removed])
    section("Changed", [f"{_name(c.element)}: " + "; ".join(_field(f) for f in c.fields) for c in d.changed])
    section("Moved", [_move(m) for m in d.moved])
    section("Channels changed", [f"{_name(c.element)}: {c.old.value} → {c.new.value}" for c in d.channels])
    section("Replaced", [
        ", ".join(f"'{r.name}'" for r in rep.replaced) + f" {'was' if len(rep.replaced) == 1 else 'were'} replaced by '{rep.step.name}'"
        for rep in d.replacements
    ])  # fmt: skip
    emotion_rows = [
        f"{_name(e.element)}: {_signed(e.old)} → {_signed(e.new)} ({_signed(e.delta)})" for e in d.emotions
    ]
    old_avg, new_avg = d.average_emotion
    if old_avg is not None and new_avg is not None and round(old_avg, 2) != round(new_avg, 2):
        emotion_rows.append(
            f"average: {_signed(old_avg)} → {_signed(new_avg)} ({_signed(new_avg - old_avg)})"
        )
    section("Emotion", emotion_rows)
    section("Pain points that disappeared", list(d.pain_points_gone))
    section("Opportunities that appeared", list(d.opportunities_new))
    return lines
