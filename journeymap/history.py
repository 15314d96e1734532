"""Undo and redo: a bounded record of edits, shared by the editor and by scripts."""

from __future__ import annotations

from collections import deque

from attrs import frozen

from journeymap.edit import Operation
from journeymap.model import JourneyMap, Language


@frozen
class Entry:
    """One edit: its description and the maps before and after it."""

    description: str
    before: JourneyMap
    after: JourneyMap


class History:
    """The current map, with the edits that led to it and the undone ones that can come back.

    Maps are immutable and share their unchanged parts, so keeping snapshots is cheap.
    The oldest edits are forgotten beyond ``depth``. Edits are described in ``language``.
    """

    def __init__(
        self, journey_map: JourneyMap, depth: int = 500, language: Language | str = Language.EN
    ) -> None:
        if depth < 1:
            raise ValueError("depth must be at least 1")
        self.language = Language(language)
        self._current = journey_map
        self._done: deque[Entry] = deque(maxlen=depth)
        self._undone: list[Entry] = []
        self._saved: JourneyMap | None = journey_map

    @property
    def current(self) -> JourneyMap:
        """The map as it is now."""
        return self._current

    def apply(self, operation: Operation) -> str:
        """Apply an edit and record it; returns its description. Redo is cleared.

        An edit that fails (:class:`journeymap.edit.EditError`) changes nothing.
        """
        before = self._current
        after = operation.apply(before)
        description = operation.describe(before, self.language)
        self._done.append(Entry(description, before, after))
        self._undone.clear()
        self._current = after
        return description

    def undo(self) -> str | None:
        """Undo the newest edit; its description, or None if there is nothing to undo."""
        if not self._done:
            return None
        entry = self._done.pop()
        self._undone.append(entry)
        self._current = entry.before
        return entry.description

    def redo(self) -> str | None:
        """Redo the newest undone edit; its description, or None."""
        if not self._undone:
            return None
        entry = self._undone.pop()
        self._done.append(entry)
        self._current = entry.after
        return entry.description

    @property
    def undo_description(self) -> str | None:
        """What undo would undo."""
        return self._done[-1].description if self._done else None

    @property
    def redo_description(self) -> str | None:
        """What redo would redo."""
        return self._undone[-1].description if self._undone else None

    def descriptions(self) -> list[str]:
        """The recorded edits, oldest first (a change log)."""
        return [entry.description for entry in self._done]

    def mark_saved(self, saved: JourneyMap | None = None) -> None:
        """Remember the current map, or ``saved`` (the map a save wrote while edits went on), as the one on disk."""
        self._saved = self._current if saved is None else saved

    @property
    def dirty(self) -> bool:
        """Whether the current map differs from the one last saved."""
        return self._current is not self._saved and self._current != self._saved
