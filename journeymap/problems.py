"""Problems found in a map: what is wrong, where, and how bad."""

from __future__ import annotations

from enum import Enum

from attrs import frozen

from journeymap.elements import Kind


class Severity(Enum):
    """An error makes the map wrong; a warning is worth a service designer's look."""

    ERROR = "error"
    WARNING = "warning"


@frozen(kw_only=True)
class Problem:
    """One problem: its severity, where it is and a plain-language message.

    ``path`` is the place in the document (``iterations[1].steps[4].touchpoints[0]``); the same
    place as ids is ``iteration``, ``kind`` and ``element`` (``kind`` None for the iteration or
    the map itself, ``iteration`` "" for the map's own keys) and ``field``, the key that is wrong.
    """

    severity: Severity
    path: str
    message: str
    line: int | None = None
    iteration: str = ""
    kind: Kind | None = None
    element: str = ""
    field: str = ""

    def describe(self, source: str = "") -> str:
        """``source:path: severity: message`` (the line number goes first when known)."""
        where = [p for p in (source, str(self.line) if self.line else "", self.path) if p]
        return f"{':'.join(where)}: {self.severity.value}: {self.message}"


def error(
    path: str,
    message: str,
    line: int | None = None,
    *,
    iteration: str = "",
    kind: Kind | None = None,
    element: str = "",
    field: str = "",
) -> Problem:
    """An error-severity problem."""
    return Problem(
        severity=Severity.ERROR,
        path=path,
        message=message,
        line=line,
        iteration=iteration,
        kind=kind,
        element=element,
        field=field,
    )


def warning(
    path: str, message: str, *, kind: Kind | None = None, element: str = "", field: str = ""
) -> Problem:
    """A warning-severity problem (validation fills in its ``iteration``)."""
    return Problem(
        severity=Severity.WARNING, path=path, message=message, kind=kind, element=element, field=field
    )
