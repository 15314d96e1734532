"""Comments a person wrote in a map file, carried over to the file's next version.

The canonical writer knows nothing of comments. Before a map file is replaced, its comments are
anchored to what they stand above or beside: an element (by the ids of the tables that hold it,
for example ``iterations[current].steps[first-contact]``) or one key of an element. The new text is
then scanned the same way and each comment is put back at its anchor. A comment whose element is
gone goes with it; one whose key is gone stays with its element.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

from attrs import define, field

ElementPath = tuple[tuple[str, str], ...]
"""(array name, element id) from the map down to an element; ``()`` is the map itself."""

Anchor = tuple[ElementPath, str]
"""An element and one of its keys; the key ``""`` means the element's own ``[[...]]`` header."""

_TOKEN = re.compile(r"\"\"\"|'''|[\"'#\[\]{}]")
_BASIC_STRING_END = re.compile(r'(?:[^"\\]|\\.)*"')
_ML_BASIC_END = re.compile(r'(?:[^"\\]|\\.|"(?!""))*""""{0,2}')
_ML_LITERAL_END = re.compile(r"(?:[^']|'(?!''))*''''{0,2}")
_HEADER = re.compile(r"\[(\[?)\s*([^\]#]+?)\s*\]")
_KEY = re.compile(r"([A-Za-z0-9_-]+)|\"((?:[^\"\\]|\\.)*)\"|'([^']*)'")
_SCHEMA_LINE = re.compile(r"#:schema[ \t]")


@define
class _Line:
    """One physical line: what starts on it, and any comment on it."""

    kind: str  # "blank", "comment", "header", "key" or "inside" (a multi-line value goes on)
    name: tuple[str, ...] = ()  # a header's table path, or a key's first part
    array: bool = False  # a ``[[...]]`` header
    comment: str = ""  # the comment line, or the comment after the content (with its spacing)


@define
class Comments:
    """The comments of one file, by anchor."""

    above: dict[Anchor, list[str]] = field(factory=dict)
    beside: dict[Anchor, str] = field(factory=dict)
    trailing: list[str] = field(factory=list)

    def __bool__(self) -> bool:
        return bool(self.above or self.beside or self.trailing)


def has_comments(text: str) -> bool:
    """Whether the text holds a comment besides the ``#:schema`` line (cheap: no full parse)."""
    first_end = text.find("\n") + 1 if _SCHEMA_LINE.match(text.lstrip("\ufeff")) else 0
    if "#" not in text[first_end:]:
        return False
    return any(line.comment for line in _scan(text[first_end:]))


def collect(text: str) -> Comments:
    """The comments of a TOML map text, by anchor (empty if the text is not valid TOML)."""
    text = text.lstrip("\ufeff")
    try:
        data = tomllib.loads(text)
    except (ValueError, RecursionError):
        return Comments()
    found = Comments()
    pending: list[str] = []
    current: Anchor = ((), "")
    anchors = _Anchors(data)
    for number, line in enumerate(_scan(text)):
        if line.kind == "comment":
            if not (number == 0 and _SCHEMA_LINE.match(line.comment)):
                pending.append(line.comment)
        elif line.kind == "blank":
            if pending:
                pending.append("")
        elif line.kind == "inside":
            if line.comment:
                found.above.setdefault(current, []).append(line.comment.strip())
        else:
            current = anchors.of(line) or (current[0], "")
            if pending:
                found.above.setdefault(current, []).extend(_trim(pending))
                pending = []
            if line.comment:
                found.beside[current] = line.comment
    found.trailing = _trim(pending)
    return found


def restore(comments: Comments, text: str) -> str:
    """``text`` (a map as TOML) with ``comments`` put back at their anchors."""
    if not comments:
        return text
    anchors = _Anchors(tomllib.loads(text))
    at = [anchors.of(line) if line.kind in ("header", "key") else None for line in _scan(text)]
    present = [a for a in at if a is not None]
    above, beside = _rehome(comments, set(present), next((a for a in present if a[0] == ()), None))
    out: list[str] = []
    for line, anchor in zip(text.split("\n"), at, strict=True):
        if anchor is not None:
            out.extend(above.pop(anchor, ()))
            line += beside.get(anchor, "")
        out.append(line)
    if comments.trailing:
        if out and out[-1] == "":
            out.pop()
        out.extend(["", *comments.trailing, ""])
    return "\n".join(out)


def carry(old_text: str, new_text: str) -> str:
    """``new_text`` with the comments of ``old_text`` (``new_text`` itself if there are none)."""
    if not has_comments(old_text):
        return new_text
    return restore(collect(old_text), new_text)


def _rehome(
    comments: Comments, present: set[Anchor], first_key: Anchor | None
) -> tuple[dict[Anchor, list[str]], dict[Anchor, str]]:
    """Where each comment goes: that of a key that is gone moves above its element (above the map's
    first key for the map's own keys); that of an element that is gone is dropped."""
    above: dict[Anchor, list[str]] = {}
    beside = {a: text for a, text in comments.beside.items() if a in present}
    moved = [(a, [text.strip()]) for a, text in comments.beside.items() if a not in present]
    for anchor, lines in [*comments.above.items(), *moved]:
        target = anchor if anchor in present else (anchor[0], "")
        if target not in present and anchor[0] == () and first_key is not None:
            target = first_key
        if target in present:
            above.setdefault(target, []).extend(lines)
    return above, beside


def _trim(block: list[str]) -> list[str]:
    while block and block[-1] == "":
        block.pop()
    while block and block[0] == "":
        block.pop(0)
    return block


class _Anchors:
    """Follows the ``[[...]]`` headers of a text through its parsed data, to name each element."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._root = data
        self._element: ElementPath = ()
        self._open: dict[tuple[str, ...], tuple[dict[str, Any], ElementPath]] = {}
        self._counts: dict[tuple[ElementPath, str], int] = {}

    def of(self, line: _Line) -> Anchor | None:
        """The anchor of a header or key line (None for a header it cannot follow)."""
        if line.kind == "key":
            return (self._element, line.name[0])
        found = self._resolve(line.name, line.array)
        if found is None:
            return None
        self._element = found
        return (found, "")

    def _resolve(self, parts: tuple[str, ...], array: bool) -> ElementPath | None:
        node: Any = self._root
        path: ElementPath = ()
        for depth, part in enumerate(parts[:-1], start=1):
            if parts[:depth] in self._open:
                node, path = self._open[parts[:depth]]
            elif isinstance(node, dict) and isinstance(node.get(part), dict):
                node, path = node[part], (*path, (part, ""))
            else:
                return None
        last = parts[-1]
        child = node.get(last) if isinstance(node, dict) else None
        if array:
            index = self._counts.get((path, last), 0)
            self._counts[(path, last)] = index + 1
            if not isinstance(child, list) or index >= len(child) or not isinstance(child[index], dict):
                return None
            element = child[index]
            ident = element.get("id")
            path = (*path, (last, ident if isinstance(ident, str) else f"#{index}"))
        elif isinstance(child, dict):
            element, path = child, (*path, (last, ""))
        else:
            return None
        self._open[parts] = (element, path)
        return path


def _scan(text: str) -> list[_Line]:
    """Each physical line of a valid TOML text, classified."""
    return list(_lines(text))


def _lines(text: str) -> Iterator[_Line]:
    in_string = ""  # the delimiter of a multi-line string that is open
    depth = 0  # open brackets and braces of a value
    for raw in text.split("\n"):
        line = raw.removesuffix("\r")
        stripped = line.lstrip()
        if in_string or depth:
            kind = "inside"
        elif not stripped:
            yield _Line("blank")
            continue
        elif stripped[0] == "#":
            yield _Line("comment", comment=stripped)
            continue
        else:
            kind = "header" if stripped[0] == "[" else "key"
        in_string, depth, comment_at = _tokens(line, in_string, depth)
        comment = line[len(line[:comment_at].rstrip()) :] if comment_at >= 0 else ""
        if kind == "header":
            match = _HEADER.match(stripped)
            if match is None:
                yield _Line("inside", comment=comment)
                continue
            yield _Line(kind, _parts(match.group(2)), bool(match.group(1)), comment)
        elif kind == "key":
            yield _Line(kind, _parts(stripped)[:1], comment=comment)
        else:
            yield _Line(kind, comment=comment)


def _tokens(line: str, in_string: str, depth: int) -> tuple[str, int, int]:
    """Follow strings and brackets through one line: (open string, depth, where a comment starts)."""
    pos = 0
    while True:
        if in_string:
            end = (_ML_BASIC_END if in_string == '"""' else _ML_LITERAL_END).match(line, pos)
            if end is None:
                return in_string, depth, -1
            in_string, pos = "", end.end()
            continue
        match = _TOKEN.search(line, pos)
        if match is None:
            return "", depth, -1
        token, pos = match.group(), match.end()
        if token in ('"""', "'''"):
            in_string = token
        elif token == '"':
            end = _BASIC_STRING_END.match(line, pos)
            pos = end.end() if end else len(line)
        elif token == "'":
            close = line.find("'", pos)
            pos = close + 1 if close >= 0 else len(line)
        elif token == "#":
            return "", depth, match.start()
        elif token in "[{":
            depth += 1
        else:
            depth = max(depth - 1, 0)


def _parts(dotted: str) -> tuple[str, ...]:
    """The parts of a dotted key or table name (bare or quoted)."""
    parts: list[str] = []
    rest = dotted.lstrip()
    while (match := _KEY.match(rest)) is not None:
        parts.append(next(g for g in match.groups() if g is not None))
        rest = rest[match.end() :].lstrip()
        if not rest.startswith("."):
            break
        rest = rest[1:].lstrip()
    return tuple(parts) or ("",)
