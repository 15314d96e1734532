"""The errors journeymap raises on purpose, each carrying what a caller needs as fields.

``str(error)`` is a sentence for people; the fields (``iteration``, ``kind``, ``id``, ``problems``)
are for programs, so that nobody has to parse the sentence back. No message names a command-line
option: front ends add their own hint.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeymap.elements import Kind
    from journeymap.problems import Problem


class JourneymapError(Exception):
    """Base class of the errors journeymap raises on purpose."""


class ProblemsError(JourneymapError):
    """Something could not be read: every problem found, and the source (a file name) they are in."""

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self.describe())

    def describe(self) -> str:
        """All problems, one a line, each starting with the source."""
        return "\n".join(p.describe(self.source) for p in self.problems)


class LoadError(ProblemsError):
    """A map could not be loaded."""


class CsvError(ProblemsError):
    """CSV rows that cannot be imported; each problem names its row (and column)."""


class EditError(JourneymapError):
    """An edit that would break the map; the map was not changed."""


class _ElementError(EditError):
    """An edit error about one iteration, or one element (``kind`` and ``id``) of it."""

    def __init__(self, message: str, *, iteration: str, kind: Kind | None = None, id: str = "") -> None:
        super().__init__(message)
        self.iteration = iteration
        self.kind = kind
        self.id = id


class NotFoundError(_ElementError):
    """The iteration (``kind`` None) or element to edit does not exist."""


class LockedError(_ElementError):
    """The iteration is locked (presented or approved) and refuses edits."""


class DuplicateIdError(_ElementError):
    """An element (or, with ``kind`` None, an iteration) with that id already exists."""


class InUseError(_ElementError):
    """The element (or, with ``kind`` None, the iteration) is still referred to; ``referrers`` says by what."""

    def __init__(
        self,
        message: str,
        referrers: tuple[str, ...],
        *,
        iteration: str,
        kind: Kind | None = None,
        id: str = "",
    ) -> None:
        super().__init__(message, iteration=iteration, kind=kind, id=id)
        self.referrers = referrers


class InvalidEditError(EditError):
    """The edited element has wrong values or names elements that do not exist."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(f"{p.path}: {p.message}" if p.path else p.message for p in self.problems))
