"""A map file open for editing: its undo history, what is on disk, and a recovery copy.

Editors (the TUI, scripts) keep one :class:`Document` per open file. Saving refuses to overwrite
a file that changed on disk since it was opened or saved, unless told to. While there are
unsaved edits, :meth:`Document.write_recovery` keeps a copy beside the map
(``.NAME.recovery``) that the next :func:`open_document` offers back after a crash or kill.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from attrs import frozen

from journeymap.edit import Operation
from journeymap.files import dumps, load, loads, save
from journeymap.history import History
from journeymap.locking import map_lock
from journeymap.model import JourneyMap
from journeymap.problems import JourneymapError, LoadError
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
    """An open map file with undo/redo."""

    def __init__(self, path: str | os.PathLike[str], journey_map: JourneyMap, depth: int = 500) -> None:
        self.path = Path(path)
        self.history = History(journey_map, depth)
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

    def restore(self, recovered: JourneyMap) -> str:
        """Take over a recovered map as one undoable edit."""
        return self.history.apply(_Restore(recovered))

    def changed_on_disk(self) -> bool:
        """Whether the file differs from what was opened or last saved."""
        return self._disk is not None and fingerprint(self.path) != self._disk

    def save(self, force: bool = False) -> None:
        """Save atomically under the map's lock (see :func:`journeymap.locking.map_lock`).

        :class:`ChangedOnDiskError` if the file changed meanwhile (unless ``force``).
        """
        with map_lock(self.path):
            if not force and self.changed_on_disk():
                raise ChangedOnDiskError(f"{self.path} was changed outside journeymap since it was opened")
            save(self.map, self.path)
            self._disk = fingerprint(self.path)
        self.history.mark_saved()
        self.discard_recovery()

    def write_recovery(self) -> None:
        """Keep a copy of the unsaved map beside the file (atomically)."""
        atomic_write(recovery_path(self.path), dumps(self.map).encode("utf-8"))

    def discard_recovery(self) -> None:
        """Remove the recovery copy, if any."""
        recovery_path(self.path).unlink(missing_ok=True)


@frozen
class _Restore:
    """Replace the whole map by a recovered one."""

    recovered: JourneyMap

    def apply(self, journey_map: JourneyMap) -> JourneyMap:
        return self.recovered

    def describe(self, journey_map: JourneyMap) -> str:
        return "Restored the unsaved changes from the recovery copy"


def open_document(path: str | os.PathLike[str]) -> tuple[Document, JourneyMap | None]:
    """Open a map file, and the recovered unsaved map if a recovery copy differs from the file.

    :class:`LoadError` if the file cannot be read. A recovery copy that cannot be read is
    ignored (and left for the user to look at).
    """
    document = Document(path, load(path))
    recovered = read_recovery(document.path)
    if recovered is not None and recovered == document.map:
        document.discard_recovery()
        recovered = None
    return document, recovered


def read_recovery(path: Path) -> JourneyMap | None:
    """The map in the recovery copy of ``path``, if there is a readable one."""
    copy = recovery_path(path)
    try:
        return loads(copy.read_text(encoding="utf-8"), str(copy))
    except (FileNotFoundError, LoadError, UnicodeDecodeError):
        return None


def new_document(path: str | os.PathLike[str], title: str = "") -> Document:
    """A document for a file that does not exist yet, holding a starter map (not saved)."""
    target = Path(path)
    name = title or target.stem.replace("-", " ").replace("_", " ").capitalize()
    return Document(target, starter_map(name))
