"""An advisory lock per map file, so that writers take turns instead of losing each other's work.

The lock is a hidden ``.NAME.lock`` file beside the real map (symlinks followed), held with the
operating system's file locking (``flock``; ``msvcrt.locking`` on Windows) and removed again on
release. Hold it around a whole read-modify-write: load, edit, save. It is reentrant within a
thread, so :func:`journeymap.save` takes it again inside a command that already holds it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from journeymap.errors import JourneymapError
from journeymap.writing import WriteError, real_path

LOCK_TIMEOUT = 5.0
"""Seconds a writer waits for another one to finish before it gives up."""

_held: dict[tuple[Path, int], int] = {}
"""How deep each (lock file, thread) holds its lock, for reentrancy."""


class MapBusyError(JourneymapError, TimeoutError):
    """Another program is writing the map and did not finish in time (a ``TimeoutError``, so an ``OSError``)."""


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file of a map: ``.NAME.lock`` beside the real file."""
    real = real_path(path)
    return real.with_name(f".{real.name}.lock")


@contextmanager
def map_lock(path: str | os.PathLike[str], timeout: float | None = None) -> Iterator[None]:
    """Hold the map's lock; :class:`MapBusyError` if another writer keeps it longer than ``timeout``
    seconds (default :data:`LOCK_TIMEOUT`)."""
    key = (lock_path(path), threading.get_ident())
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    fd = _acquire(key[0], os.fspath(path), LOCK_TIMEOUT if timeout is None else timeout)
    _held[key] = 1
    try:
        yield
    finally:
        del _held[key]
        with contextlib.suppress(OSError):
            os.unlink(key[0])  # while still held: a waiter that opened it sees it gone and tries anew
        _unlock(fd)
        os.close(fd)


def _acquire(lock: Path, shown: str, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except FileNotFoundError:
            raise WriteError(f"{shown}: cannot write: the folder {lock.parent} does not exist") from None
        except OSError as exc:
            raise WriteError(f"{shown}: cannot lock the map ({lock}): {exc.strerror or exc}") from None
        try:
            locked = _try_lock(fd)
        except OSError as exc:
            os.close(fd)
            raise WriteError(f"{shown}: cannot lock the map ({lock}): {exc.strerror or exc}") from None
        if locked:
            if _still_there(fd, lock):
                return fd
            _unlock(fd)
        os.close(fd)
        if time.monotonic() >= deadline:
            raise MapBusyError(
                f"{shown}: another program is writing this map and did not finish within "
                f"{timeout:g} seconds; nothing was changed, try again"
            )
        time.sleep(0.05)


def _still_there(fd: int, lock: Path) -> bool:
    """Whether the file locked is still the lock file (not one a previous holder removed)."""
    try:
        here, there = os.fstat(fd), os.stat(lock)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import errno
    import fcntl

    _NO_LOCKING = {errno.ENOSYS, errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL}

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno not in _NO_LOCKING:
                raise
            # A file system without locks (some network shares): write as before, unlocked.
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
