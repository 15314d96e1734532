"""Reading and writing map files: TOML text in, model out, and back, atomically."""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from attrs import evolve
from cattrs.errors import BaseValidationError

from journeymap.converter import make_file_converter, structure_problems, type_name
from journeymap.model import SCHEMA_REF, SCHEMA_VERSION, JourneyMap
from journeymap.problems import LoadError, error

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Larger files are refused before they are read: no map needs that much text."""

_converter = make_file_converter()
_SCHEMA_LINE = re.compile(r"#:schema[ \t]+(\S+)")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def loads(text: str, source: str = "<text>") -> JourneyMap:
    """Parse a map from TOML text; :class:`LoadError` says what is wrong and where."""
    if not text.strip():
        raise LoadError(source, [error("", "the file is empty; a map needs at least a title")])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        line = int(found.group(1)) if found else None
        reason = _TOML_POSITION.sub("", message)
        raise LoadError(source, [error("", f"not valid TOML: {reason}", line)]) from None
    _check_version(data, source)
    try:
        journey_map = _converter.structure(data, JourneyMap)
    except BaseValidationError as exc:
        raise LoadError(source, structure_problems(exc)) from None
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    found = _SCHEMA_LINE.match(first)
    return evolve(journey_map, schema_ref=found.group(1)) if found else journey_map


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
    data = _converter.unstructure(journey_map)
    body = "".join(_toml_chunks(data, ""))
    return f"#:schema {journey_map.schema_ref or SCHEMA_REF}\n{body}"


def _toml_chunks(table: dict[str, Any], prefix: str) -> list[str]:
    """Every element as its own ``[[...]]`` table, so the layout never depends on text length."""
    plain = {k: v for k, v in table.items() if not _is_table_array(v)}
    chunks = [tomli_w.dumps(plain)] if plain else []
    for key, value in table.items():
        if _is_table_array(value):
            for item in value:
                chunks.append(f"\n[[{prefix}{key}]]\n")
                chunks += _toml_chunks(item, f"{prefix}{key}.")
    return chunks


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], dict)


def load(path: str | os.PathLike[str]) -> JourneyMap:
    """Read a map file; :class:`LoadError` names the file and every problem in it."""
    source = os.fspath(path)
    try:
        size = os.stat(source).st_size
        if size > MAX_FILE_BYTES:
            mb = size / 1_000_000
            limit = MAX_FILE_BYTES // (1024 * 1024)
            raise LoadError(source, [error("", f"the file is {mb:.1f} MB; maps may be up to {limit} MiB")])
        with open(source, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise LoadError(source, [error("", "no such file")]) from None
    except IsADirectoryError:
        raise LoadError(source, [error("", "this is a folder, not a map file")]) from None
    except OSError as exc:
        raise LoadError(source, [error("", f"cannot read the file: {exc.strerror or exc}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not a text file in UTF-8 (byte 0x{raw[exc.start]:02x} cannot be read)"
        raise LoadError(source, [error("", message, line)]) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise LoadError(source, [error("", "not a text file (it contains NUL bytes)", line)])
    return loads(text, source)


def save(journey_map: JourneyMap, path: str | os.PathLike[str]) -> None:
    """Write the map atomically: the old file stays whole until the new one is complete."""
    atomic_write(Path(path), dumps(journey_map).encode("utf-8"))


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, fsync it, then rename it over ``path``."""
    folder = path.parent
    mode = _mode_of(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    _fsync_folder(folder)


def _mode_of(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
