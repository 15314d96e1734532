"""Writing files safely: atomically, through symlinks, never onto anything but a regular file.

Every file journeymap writes (maps, diagrams, reports, CSV) goes through :func:`atomic_write`:
a temporary ``.NAME.XXXXXXXX.tmp`` beside the real file, flushed and fsynced, then renamed over it.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

from journeymap.errors import JourneymapError

STALE_TEMP_SECONDS = 60.0
"""A temporary file of ours this old belongs to a write that crashed (a live one renames it in time)."""


class WriteError(JourneymapError, OSError):
    """A file could not be written; the message names the file and why.

    It is an ``OSError`` too, so callers that handle failed writes as such (the editor) show it.
    """


def real_path(path: str | os.PathLike[str]) -> Path:
    """The file a path stands for, with every symlink followed (it need not exist)."""
    return Path(os.path.realpath(path))


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one existing file (through symlinks and hard links too)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_target(path: str | os.PathLike[str]) -> None:
    """Refuse a target that is not a regular file, or a read-only one; a missing file is fine."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise WriteError(f"{os.fspath(path)}: cannot write: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        raise WriteError(
            f"{os.fspath(path)}: is {_kind(mode)}, not a regular file; journeymap writes only to "
            "regular files (or - for standard output)"
        )
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise WriteError(f"{os.fspath(path)}: the file is read-only; make it writable to change it")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to the real file behind ``path`` atomically, keeping its permissions.

    :class:`WriteError` (naming ``path``) if the target is not a regular file, is read-only, or the
    write fails; the old file is then left as it was and no temporary file stays behind.
    """
    shown = os.fspath(path)
    check_target(path)
    target = real_path(path)
    mode = _mode_of(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise WriteError(f"{shown}: cannot write: {_reason(exc, target.parent)}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException as exc:
        Path(tmp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise WriteError(f"{shown}: cannot write: {exc.strerror or exc}") from None
        raise
    _fsync_folder(target.parent)
    remove_stale_temps(target)


def _reason(exc: OSError, folder: Path) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"the folder {folder} does not exist"
    return str(exc.strerror or exc)


def remove_stale_temps(target: Path, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove our temporary files of ``target`` left by crashed writes; returns what was removed."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[A-Za-z0-9_]{{8}}\.tmp")
    removed: list[Path] = []
    cutoff = time.time() - older_than
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        if not pattern.fullmatch(name):
            continue
        candidate = target.parent / name
        try:
            info = candidate.lstat()
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed


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
