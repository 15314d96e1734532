"""Problems found in a map: what is wrong, where, and how bad."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from attrs import frozen


class Severity(Enum):
    """An error makes the map wrong; a warning is worth a service designer's look."""

    ERROR = "error"
    WARNING = "warning"


@frozen(kw_only=True)
class Problem:
    """One problem: its severity, its path in the document and a plain-language message."""

    severity: Severity
    path: str
    message: str
    line: int | None = None

    def describe(self, source: str = "") -> str:
        """``source:path: severity: message`` (the line number goes first when known)."""
        where = [p for p in (source, str(self.line) if self.line else "", self.path) if p]
        return f"{':'.join(where)}: {self.severity.value}: {self.message}"


class JourneymapError(Exception):
    """Base class of the errors journeymap raises on purpose."""


class LoadError(JourneymapError):
    """A map could not be read: every problem found, with the file it came from."""

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(self.describe())

    def describe(self) -> str:
        """All problems, one a line."""
        return "\n".join(p.describe(self.source) for p in self.problems)


def error(path: str, message: str, line: int | None = None) -> Problem:
    """An error-severity problem."""
    return Problem(severity=Severity.ERROR, path=path, message=message, line=line)


def warning(path: str, message: str) -> Problem:
    """A warning-severity problem."""
    return Problem(severity=Severity.WARNING, path=path, message=message)
