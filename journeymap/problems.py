"""Problems found in a map: what is wrong, where, and how bad."""

from __future__ import annotations

from enum import Enum

from attrs import frozen

from journeymap.errors import JourneymapError as JourneymapError  # the editor imports it from here


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


def error(path: str, message: str, line: int | None = None) -> Problem:
    """An error-severity problem."""
    return Problem(severity=Severity.ERROR, path=path, message=message, line=line)


def warning(path: str, message: str) -> Problem:
    """A warning-severity problem."""
    return Problem(severity=Severity.WARNING, path=path, message=message)
