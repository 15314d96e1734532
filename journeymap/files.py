"""Reading and writing map files: TOML text in, model out, and back, atomically."""

from __future__ import annotations

import gc
import os
import re
import stat
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import tomli_w
from attrs import evolve
from cattrs.errors import BaseValidationError

from journeymap.comments import HEADER, Comments, ElementPath, collect
from journeymap.converter import MAX_TEXT_CHARS, make_file_converter, structure_problems, type_name
from journeymap.errors import LoadError
from journeymap.locking import map_lock
from journeymap.model import SCHEMA_REF, SCHEMA_VERSION, JourneyMap
from journeymap.problems import error
from journeymap.tomlparser import parse
from journeymap.writing import atomic_write, real_path

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Larger files are refused before they are read: no map needs that much text."""

_converter = make_file_converter()
_SCHEMA_LINE = re.compile(r"#:schema[ \t]+(\S+)")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_MAX_DIGITS = 4300


def loads(text: str, source: str = "<text>") -> JourneyMap:
    """Parse a map from TOML text.

    :class:`LoadError` says what is wrong and where, whatever the text holds; ``TypeError`` only
    if ``text`` is not a ``str`` (decode bytes first, or use :func:`load`).
    """
    if not isinstance(text, str):
        raise TypeError(f"loads() takes the map's text as str, not {type(text).__name__}")
    if not text.strip():
        raise LoadError(source, [error("", "the file is empty; a map needs at least a title")])
    _check_characters(text, source)
    try:
        with _collector_paused():
            return _parse(text, source)
    except RecursionError:
        message = "values are nested too deeply (arrays or tables inside each other thousands of levels deep)"
        raise LoadError(source, [error("", message)]) from None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The garbage collector paused while a map's many small objects are made: they hold no
    cycles, and its rounds over them took a third of the time to load a large map."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check_characters(text: str, source: str) -> None:
    """Refuse text that cannot be written back as UTF-8 (lone surrogates) or holds NUL."""
    found = text.find("\x00")
    what = "NUL bytes"
    try:
        text.encode("utf-8")  # fails at the first lone surrogate, and is a hundred times faster than looking
    except UnicodeEncodeError as exc:
        if found < 0 or exc.start < found:
            found, what = exc.start, "a lone surrogate, not valid Unicode"
    if found >= 0:
        line = text.count("\n", 0, found) + 1
        raise LoadError(source, [error("", f"not a text file (it contains {what})", line)])


def _parse(text: str, source: str) -> JourneyMap:
    try:
        data = parse(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        line = int(found.group(1)) if found else None
        reason = _TOML_POSITION.sub("", message)
        raise LoadError(source, [error("", f"not valid TOML: {reason}", line)]) from None
    except ValueError:
        raise LoadError(
            source, [error("", f"a number is too long to read (over {_MAX_DIGITS} digits)")]
        ) from None
    if _may_hold_long_text(text):
        _check_text_lengths(data, source)
    try:
        _check_version(data, source)
        journey_map = _converter.structure(data, JourneyMap)
    except BaseValidationError as exc:
        raise LoadError(source, structure_problems(exc, data)) from None
    except ValueError:
        raise LoadError(source, [error("", "a number is too large to read")]) from None
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    found = _SCHEMA_LINE.match(first)
    return evolve(journey_map, schema_ref=found.group(1)) if found else journey_map


def _may_hold_long_text(text: str) -> bool:
    """Whether a text of the file may be too long: only a long line or a multi-line string can
    hold one (a shortcut, much faster than looking at every value)."""
    if len(text) <= MAX_TEXT_CHARS:
        return False
    return '"""' in text or "'''" in text or _has_long_line(text)


def _has_long_line(text: str) -> bool:
    """Whether a line is longer than :data:`MAX_TEXT_CHARS`. Such a line covers a whole block of
    half that length, so only blocks without a line break need a closer look."""
    block = MAX_TEXT_CHARS // 2
    if all(text.find("\n", start, start + block) >= 0 for start in range(0, len(text) - block + 1, block)):
        return False
    return max(map(len, text.split("\n"))) > MAX_TEXT_CHARS


def _check_text_lengths(data: dict[str, Any], source: str) -> None:
    """Refuse any text (or key) longer than :data:`MAX_TEXT_CHARS`, naming where it is."""
    stack: list[Any] = [data]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is dict:
            stack.extend(value)
            stack.extend(value.values())
        elif kind is list:
            stack.extend(value)
        elif kind is str and len(value) > MAX_TEXT_CHARS:
            problem = f"a text of {len(value):,} characters; a text may hold up to {MAX_TEXT_CHARS:,}"
            raise LoadError(source, [error(_path_to(data, value), problem)])


def _path_to(data: Any, text: str) -> str:
    """Where ``text`` (the very object) is in ``data``, as ``iterations[0].steps[2].name``."""
    parts = _parts_to(data, text) or []
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts).lstrip(".")


def _parts_to(data: Any, text: str) -> list[str | int] | None:
    items: Any = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, item in items:
        if key is text:
            return []
        if item is text:
            return [key]
        if isinstance(item, dict | list) and (inner := _parts_to(item, text)) is not None:
            return [key, *inner]
    return None


def _check_version(data: dict[str, Any], source: str) -> None:
    version = data.get("schema_version")
    if version is None:
        problem = f"missing 'schema_version' at the top (this release writes {SCHEMA_VERSION})"
    elif type(version) is not int:
        problem = f"'schema_version' must be a whole number, got {type_name(version)}"
    elif version > SCHEMA_VERSION:
        problem = (
            f"made by a newer journeymap (file format {version}; this release reads up to "
            f"{SCHEMA_VERSION}): upgrade journeymap to open it"
        )
    elif version < 1:
        problem = f"unknown file format version {version}"
    else:
        return
    raise LoadError(source, [error("schema_version", problem)])


def dumps(journey_map: JourneyMap) -> str:
    """The map as TOML text; the same map always gives the same text."""
    return _text(journey_map, Comments())


def _text(journey_map: JourneyMap, comments: Comments) -> str:
    """The map as TOML text, with ``comments`` at their anchors."""
    data = _converter.unstructure(journey_map)
    body = "".join(_toml_chunks(data, "", (), comments))
    if comments.trailing:
        body += "\n" + "".join(_lines(comments.trailing))
    return f"#:schema {journey_map.schema_ref or SCHEMA_REF}\n{body}"


def _toml_chunks(table: dict[str, Any], prefix: str, path: ElementPath, comments: Comments) -> list[str]:
    """Every element as its own ``[[...]]`` table, so the layout never depends on text length."""
    plain = {k: v for k, v in table.items() if not _is_table_array(v)}
    chunks = []
    if path == () and comments:
        chunks += _lines(comments.header(path, plain))
    if plain and comments.keyed(path):
        for key, value in plain.items():
            chunks += _lines(comments.key(path, key))
            chunks.append(tomli_w.dumps({key: value}).replace("\n", comments.after(path, key) + "\n", 1))
    elif plain:
        chunks.append(tomli_w.dumps(plain))
    for key, value in table.items():
        if _is_table_array(value):
            for index, item in enumerate(value):
                ident = item.get("id")
                element = (*path, (key, ident if isinstance(ident, str) else f"#{index}"))
                if comments:
                    keys = [k for k, v in item.items() if not _is_table_array(v)]
                    above = "".join(_lines(comments.header(element, keys)))
                    chunks.append(f"\n{above}[[{prefix}{key}]]{comments.after(element, HEADER)}\n")
                else:
                    chunks.append(f"\n[[{prefix}{key}]]\n")
                chunks += _toml_chunks(item, f"{prefix}{key}.", element, comments)
    return chunks


def _lines(lines: list[str]) -> list[str]:
    return [f"{line}\n" for line in lines]


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], dict)


def load(path: str | os.PathLike[str]) -> JourneyMap:
    """Read a map file; :class:`LoadError` names the file and every problem in it."""
    source = os.fspath(path)
    return loads(_read_text(source), source)


def _read_text(source: str) -> str:
    """The text of a regular file of at most :data:`MAX_FILE_BYTES`; never waits on a pipe or device."""
    try:
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise LoadError(source, [error("", "no such file")]) from None
    except IsADirectoryError:
        raise LoadError(source, [error("", "this is a folder, not a map file")]) from None
    except OSError as exc:
        raise LoadError(source, [error("", f"cannot read the file: {exc.strerror or exc}")]) from None
    try:
        raw = _read_regular(fd, source)
    finally:
        os.close(fd)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not a text file in UTF-8 (byte 0x{raw[exc.start]:02x} cannot be read)"
        raise LoadError(source, [error("", message, line)]) from None


def _read_regular(fd: int, source: str) -> bytes:
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(source, [error("", "this is a folder, not a map file")])
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(source, [error("", "not a regular file (a pipe, device or socket); give a map file")])
    if info.st_size > MAX_FILE_BYTES:
        mb = info.st_size / 1_000_000
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise LoadError(source, [error("", f"the file is {mb:.1f} MB; maps may be up to {limit} MiB")])
    chunks = []
    size = 0
    try:
        while size <= MAX_FILE_BYTES and (chunk := os.read(fd, 1 << 20)):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise LoadError(source, [error("", f"cannot read the file: {exc.strerror or exc}")]) from None
    return b"".join(chunks)


def save(journey_map: JourneyMap, path: str | os.PathLike[str]) -> None:
    """Write the map atomically, under the map's lock, keeping the comments of the file it replaces.

    The old file stays whole until the new one is complete. Symlinks are followed; a read-only
    file or anything but a regular file is refused with :class:`~journeymap.writing.WriteError`.
    """
    with map_lock(path):
        atomic_write(path, _text(journey_map, collect(_old_text(path))).encode("utf-8"))


def _old_text(path: str | os.PathLike[str]) -> str:
    """The text of the file about to be replaced ("" if there is none or it is not text)."""
    try:
        return _read_text(os.fspath(real_path(path)))
    except LoadError:
        return ""
