"""A map file open for editing: its undo history, what is on disk, and a recovery copy.

Editors (the TUI, scripts) keep one :class:`Document` per open file. Saving refuses to overwrite
a file that changed on disk since it was opened or saved, unless told to. While there are
unsaved edits, :meth:`Document.write_recovery` keeps a copy beside the map
(``.NAME.recovery``) that the next :func:`open_document` offers back after a crash or kill,
saying when it was made and whether the file changed on disk after that.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
from pathlib import Path

from attrs import frozen

from journeymap import recovery_copy
from journeymap.defaults import title_from_filename
from journeymap.edit import Operation
from journeymap.errors import JourneymapError, LoadError
from journeymap.files import load, loads, save
from journeymap.history import History
from journeymap.i18n import translation
from journeymap.locking import map_lock
from journeymap.model import JourneyMap, Language
from journeymap.starter import starter_map
from journeymap.writing import atomic_write


class ChangedOnDiskError(JourneymapError):
    """The file was changed by someone else since it was opened or last saved."""


@frozen
class Fingerprint:
    """What a file looked like: enough to notice that it changed."""

    size: int
    mtime_ns: int
    digest: str


def fingerprint(path: Path) -> Fingerprint | None:
    """The file's fingerprint, or None if it does not exist."""
    try:
        data = path.read_bytes()
        stat = path.stat()
    except FileNotFoundError:
        return None
    return Fingerprint(stat.st_size, stat.st_mtime_ns, hashlib.sha256(data).hexdigest())


def recovery_path(path: Path) -> Path:
    """Where the recovery copy of a map lives: a hidden file beside it."""
    return path.with_name(f".{path.name}.recovery")


class Document:
    """An open map file with undo/redo; edits are described in ``language``."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        journey_map: JourneyMap,
        depth: int = 500,
        language: Language | str = Language.EN,
    ) -> None:
        self.path = Path(path)
        self.history = History(journey_map, depth, language)
        self._recovery_lock = threading.Lock()
        self._closed = False
        self._disk = fingerprint(self.path)

    @property
    def map(self) -> JourneyMap:
        """The map as edited so far."""
        return self.history.current

    @property
    def dirty(self) -> bool:
        """Whether there are edits that are not saved."""
        return self.history.dirty or self._disk is None

    def apply(self, operation: Operation) -> str:
        """Apply an edit (see :meth:`History.apply`); returns its description."""
        return self.history.apply(operation)

    def changed_on_disk(self) -> bool:
        """Whether the file differs from what was opened or last saved."""
        if self._disk is None:
            return False
        now = fingerprint(self.path)
        return now is None or now.digest != self._disk.digest

    def save(self, force: bool = False) -> None:
        """Save atomically under the map's lock (see :func:`journeymap.locking.map_lock`).

        :class:`ChangedOnDiskError` if the file changed meanwhile (unless ``force``). Safe to call
        from a worker thread while edits go on: the map as it was when the save began is written,
        and counts as saved; later edits stay unsaved.
        """
        saved = self.map
        with map_lock(self.path):
            if not force and self.changed_on_disk():
                raise ChangedOnDiskError(f"{self.path} was changed outside journeymap since it was opened")
            save(saved, self.path)
            self._disk = fingerprint(self.path)
        self.history.mark_saved(saved)
        if not self.dirty:  # edits made while saving keep their recovery copy
            self.discard_recovery()

    def write_recovery(self) -> None:
        """Keep a copy of the unsaved map beside the file (atomically); remove it once nothing is unsaved.

        Safe to call from a worker thread: copies are written one at a time, each of the map as it
        is then, so the last one written is the newest. The copy (see :mod:`journeymap.recovery_copy`)
        names the digest of the file its edits started from, so that a later open can tell whether
        the file changed after it.
        """
        with self._recovery_lock:
            if self._closed:
                return
            if not self.dirty:
                recovery_path(self.path).unlink(missing_ok=True)
                return
            base = self._disk.digest if self._disk is not None else "none"
            atomic_write(recovery_path(self.path), recovery_copy.encode(self.map, base))

    def discard_recovery(self) -> None:
        """Remove the recovery copy, if any."""
        with self._recovery_lock:
            recovery_path(self.path).unlink(missing_ok=True)

    def close(self) -> None:
        """Done with the document, its unsaved edits given up: remove the copy, and write no other."""
        with self._recovery_lock:
            self._closed = True
            recovery_path(self.path).unlink(missing_ok=True)

    def restore(self, recovery: Recovery) -> str:
        """Take over a recovered map as one undoable edit.

        When the file changed on disk after the copy was made, the document keeps the file the
        copy started from as what it knows of the disk, so that saving still asks before
        overwriting the newer file.
        """
        assert recovery.map is not None
        described = self.history.apply(_Restore(recovery.map))
        if recovery.disk_changed and self._disk is not None:
            self._disk = Fingerprint(-1, -1, recovery.base)
        return described


@frozen
class Recovery:
    """A recovery copy found beside a map: the map in it, or why it could not be read."""

    made: dt.datetime
    """When the copy was last written (local time)."""
    map: JourneyMap | None = None
    disk_changed: bool = False
    """Whether the file on disk is no longer the one the copy's edits started from."""
    base: str = ""
    set_aside: Path | None = None
    """Where an unreadable copy was moved, so that the map opens anyway."""
    problem: str = ""


@frozen
class _Restore:
    """Replace the whole map by a recovered one."""

    recovered: JourneyMap

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        return self.recovered

    def describe(self, journey_map: JourneyMap, language: Language | str = Language.EN) -> str:
        return translation(language).gettext("Restored the unsaved changes from the recovery copy")


def open_document(path: str | os.PathLike[str]) -> tuple[Document, Recovery | None]:
    """Open a map file, and the recovery copy beside it if it holds unsaved changes.

    :class:`LoadError` if the file cannot be read. A recovery copy that cannot be read (not a
    map, not text, a folder) is moved aside to ``.NAME.recovery.unreadable`` and reported in the
    returned :class:`Recovery`; one equal to the file is removed.
    """
    document = Document(path, load(path))
    recovery = read_recovery(document.path)
    if recovery is not None and recovery.map == document.map:
        document.discard_recovery()
        return document, None
    return document, recovery


def read_recovery(path: Path) -> Recovery | None:
    """The recovery copy of ``path``, if there is one (an unreadable one is set aside)."""
    copy = recovery_path(path)
    try:
        stat = copy.lstat()
    except FileNotFoundError:
        return None
    made = dt.datetime.fromtimestamp(stat.st_mtime)
    try:
        with open(copy, "rb") as handle:
            raw = handle.read()
        if raw.lstrip().startswith(b"{"):
            recovered, base = recovery_copy.decode(raw, str(copy))
        else:  # a copy written as TOML by an earlier release
            recovered, base = loads(raw.decode("utf-8"), str(copy)), ""
    except (OSError, LoadError, UnicodeDecodeError) as exc:
        problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).splitlines()[0]
        return Recovery(made, set_aside=_set_aside(copy), problem=problem)
    now = fingerprint(path)
    return Recovery(
        made, recovered, disk_changed=bool(base) and now is not None and now.digest != base, base=base
    )


def _set_aside(copy: Path) -> Path | None:
    """Move an unreadable copy out of the way under a name that is free; None if it cannot be moved."""
    target, n = copy.with_name(f"{copy.name}.unreadable"), 2
    while target.exists() or target.is_symlink():
        target, n = copy.with_name(f"{copy.name}.unreadable-{n}"), n + 1
    try:
        os.rename(copy, target)
    except OSError:
        return None
    return target


def new_document(
    path: str | os.PathLike[str], title: str = "", language: Language | str = Language.EN
) -> Document:
    """A document for a file that does not exist yet, holding a starter map (not saved)."""
    target = Path(path)
    name = title or title_from_filename(target)
    return Document(target, starter_map(name), language=language)
