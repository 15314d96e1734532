"""Comments a person wrote in a map file, carried over to the file's next version.

Before a map file is replaced, its comments are anchored to what they stand above or beside: an
element (by the ids of the tables that hold it, for example ``iterations/current, steps/intake``)
or one key of an element. The canonical writer (:func:`journeymap.files.save`) then puts each
comment back at its anchor. A comment whose element is gone goes with it; one whose key is gone
moves above its element.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable

from attrs import define, field

ElementPath = tuple[tuple[str, str], ...]
"""(array name, element id or ``#index``) from the map down to an element; ``()`` is the map."""

HEADER = ""
"""The key that stands for an element's own ``[[...]]`` header."""

_TOKEN = re.compile(r"\"\"\"|'''|[\"'#\[\]{}]")
_BASIC_STRING_END = re.compile(r'(?:[^"\\]|\\.)*"')
_ML_BASIC_END = re.compile(r'(?:[^"\\]|\\.|"(?!""))*""""{0,2}')
_ML_LITERAL_END = re.compile(r"(?:[^']|'(?!''))*''''{0,2}")
_SIMPLE = re.compile(
    r"""\s*(?:
      (?P<comment>\#.*)
    | \[\[\s*(?P<array>[A-Za-z0-9_.\-\ ]+?)\s*\]\](?P<after_array>\s*\#.*)?
    | \[\s*(?P<table>[A-Za-z0-9_.\-\ ]+?)\s*\](?P<after_table>\s*\#.*)?
    | (?P<key>[A-Za-z0-9_-]+)\s*(?:\.[^=]*)?=\s*
      (?P<value>"(?:[^"\\]|\\.)*"(?!")|'[^']*'(?!')|[^"'\[\]{}\#\s][^"'\[\]{}\#]*?)
      (?P<after_key>\s*\#.*)?
    )?\s*""",
    re.X,
)
_KEY = re.compile(r"\s*(?:([A-Za-z0-9_-]+)|\"((?:[^\"\\]|\\.)*)\"|'([^']*)')\s*")
_SCHEMA_LINE = re.compile(r"#:schema[ \t]")


@define
class Comments:
    """The comments of one file: above and beside each element header or key, and at the end."""

    above: dict[ElementPath, dict[str, list[str]]] = field(factory=dict)
    beside: dict[ElementPath, dict[str, str]] = field(factory=dict)
    trailing: list[str] = field(factory=list)

    def __bool__(self) -> bool:
        return bool(self.above or self.beside or self.trailing)

    def header(self, path: ElementPath, keys: Iterable[str]) -> list[str]:
        """The lines above an element: its own, then those of its keys that are gone."""
        above = self.above.get(path, {})
        beside = self.beside.get(path, {})
        kept = set(keys) | {HEADER}
        lines = list(above.get(HEADER, ()))
        for key, block in above.items():
            if key not in kept:
                lines += block
        return lines + [text.strip() for key, text in beside.items() if key not in kept]

    def key(self, path: ElementPath, key: str) -> list[str]:
        """The lines above one key of an element."""
        return self.above.get(path, {}).get(key, [])

    def after(self, path: ElementPath, key: str) -> str:
        """The comment beside an element's header (``key`` ``""``) or key, with its spacing."""
        return self.beside.get(path, {}).get(key, "")

    def keyed(self, path: ElementPath) -> bool:
        """Whether any key of the element has a comment."""
        return any(k != HEADER for k in self.above.get(path, {})) or any(
            k != HEADER for k in self.beside.get(path, {})
        )


class _Table:
    """A ``[[...]]`` or ``[...]`` table met in the text; its id is known once its ``id`` key is."""

    def __init__(self, parent: _Table | None, name: str, index: int | None) -> None:
        self.parent = parent
        self.name = name
        self.index = index  # None: a plain table, not an element of an array
        self.id: str | None = None
        self.children: dict[str, int] = {}
        self.open: dict[str, _Table] = {}

    @property
    def path(self) -> ElementPath:
        if self.parent is None:
            return ()
        ident = "" if self.index is None else self.id if self.id is not None else f"#{self.index}"
        return (*self.parent.path, (self.name, ident))


def collect(text: str) -> Comments:
    """The comments of a map's TOML text, by anchor (none if the text holds no comment)."""
    text = text.removeprefix("\ufeff")
    start = text.find("\n") + 1 if _SCHEMA_LINE.match(text) else 0
    if "#" not in text[start:]:
        return Comments()
    root = _Table(None, "", None)
    table = root
    found: list[tuple[_Table, str, list[str]]] = []
    besides: list[tuple[_Table, str, str]] = []
    pending: list[str] = []
    current = HEADER  # the key whose value is open, or the header
    in_string, depth = "", 0
    for raw in text[start:].split("\n"):
        line = raw.removesuffix("\r")
        if not in_string and not depth:
            simple = _SIMPLE.fullmatch(line)
            if simple is not None and simple.group("comment"):
                pending.append(simple.group("comment"))
                continue
            if simple is not None and simple.lastgroup is None:
                if pending:
                    pending.append("")
                continue
            kind, name, after = _classify(line, simple)
            if kind == "header":
                table = _open(root, table, name, array=line.lstrip().startswith("[["))
                current = HEADER
            else:
                current = name[0]
                if current == "id" and table.index is not None:
                    table.id = _string(simple.group("value") if simple else "", line)
            if simple is None:
                in_string, depth, comment_at = _tokens(line, "", 0)
                after = line[len(line[:comment_at].rstrip()) :] if comment_at >= 0 else ""
            if pending:
                found.append((table, current, _trim(pending)))
                pending = []
            if after:
                besides.append((table, current, after))
            continue
        in_string, depth, comment_at = _tokens(line, in_string, depth)
        if comment_at >= 0:
            found.append((table, current, [line[comment_at:]]))
    comments = Comments(trailing=_trim(pending))
    for owner, key, lines in found:
        comments.above.setdefault(owner.path, {}).setdefault(key, []).extend(lines)
    for owner, key, after in besides:
        comments.beside.setdefault(owner.path, {})[key] = after
    return comments


def _classify(line: str, simple: re.Match[str] | None) -> tuple[str, tuple[str, ...], str]:
    """("header" or "key", the table path or key parts, the comment beside it if already known)."""
    if simple is not None:
        if simple.group("key"):
            return "key", (simple.group("key"),), simple.group("after_key") or ""
        name = simple.group("array") or simple.group("table")
        after = simple.group("after_array") or simple.group("after_table") or ""
        return "header", _parts(name), after
    stripped = line.lstrip()
    if stripped.startswith("["):
        return "header", _parts(stripped.lstrip("[").split("]", 1)[0]), ""
    return "key", _parts(stripped)[:1], ""


def _open(root: _Table, table: _Table, parts: tuple[str, ...], array: bool) -> _Table:
    """The table a header opens, below the tables open for its leading parts."""
    parent = root
    for part in parts[:-1]:
        parent = parent.open.get(part) or parent.open.setdefault(part, _Table(parent, part, None))
    last = parts[-1]
    index = parent.children.get(last, 0) if array else None
    if array:
        parent.children[last] = (index or 0) + 1
    opened = _Table(parent, last, index)
    parent.open[last] = opened
    return opened


def _string(value: str, line: str) -> str | None:
    """The text of an ``id = "..."`` value (None if it is not a plain string)."""
    if value and value[0] in "\"'" and "\\" not in value:
        return value[1:-1]
    try:
        parsed = tomllib.loads(line).get("id")
    except tomllib.TOMLDecodeError:
        return None
    return parsed if isinstance(parsed, str) else None


def _trim(block: list[str]) -> list[str]:
    while block and block[-1] == "":
        block.pop()
    while block and block[0] == "":
        block.pop(0)
    return block


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
    rest = dotted
    while (match := _KEY.match(rest)) is not None and match.end() > 0:
        parts.append(next(g for g in match.groups() if g is not None))
        rest = rest[match.end() :]
        if not rest.startswith("."):
            break
        rest = rest[1:]
    return tuple(parts) or ("",)
