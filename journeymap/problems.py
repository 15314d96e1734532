"""Problems found in a map: what is wrong, where, and how bad."""

from __future__ import annotations

import gettext
from enum import Enum

import attrs
from attrs import frozen

from journeymap.elements import Kind, Named
from journeymap.i18n import translation
from journeymap.model import Language
from journeymap.vocabulary import term


class Word(str):
    """A value of a message that is itself an English message id, translated with the message."""

    __slots__ = ()


@frozen
class Said:
    """A message as its English message id and values, to be said in any language.

    ``plural`` (with the count in ``values`` as ``n``) makes it a counted message (:func:`counted`). Values that
    are :class:`Word` are translated, :class:`~journeymap.elements.Named` elements and
    :class:`Kind` values are named in the language; the rest is shown as it is.
    """

    message: str
    values: tuple[tuple[str, object], ...] = ()
    plural: str = ""

    def text(self, language: Language | str = Language.EN) -> str:
        """The message in ``language``."""
        tr = translation(language)
        values = {key: _said(value, tr) for key, value in self.values}
        if self.plural:
            count = values.get("n", 0)
            return tr.ngettext(self.message, self.plural, count if isinstance(count, int) else 0).format(
                **values
            )
        return tr.gettext(self.message).format(**values)


def said(message: str, /, **values: object) -> Said:
    """A message to say in any language: ``said("{element} has no name", element=named(x))``."""
    return Said(message, tuple(values.items()))


def counted(singular: str, plural: str, n: int, /, **values: object) -> Said:
    """A counted message: ``counted("{n} flow", "{n} flows", 2)``."""
    return Said(singular, (("n", n), *values.items()), plural)


def _said(value: object, tr: gettext.NullTranslations) -> object:
    if isinstance(value, Word):
        return tr.gettext(value)
    if isinstance(value, Named):
        return value.said(tr.gettext(term(value.kind)))
    if isinstance(value, Kind):
        return tr.gettext(term(value))
    return value


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
    ``message`` is in English; ``said``, where set, says it in other languages (:meth:`text`).
    """

    severity: Severity
    path: str
    message: str
    line: int | None = None
    iteration: str = ""
    kind: Kind | None = None
    element: str = ""
    field: str = ""
    said: Said | None = attrs.field(default=None, eq=False)

    def text(self, language: Language | str = Language.EN) -> str:
        """The message in ``language`` (English where it cannot be said otherwise)."""
        return self.said.text(language) if self.said else self.message

    def describe(self, source: str = "") -> str:
        """``source:path: severity: message`` (the line number goes first when known)."""
        where = [p for p in (source, str(self.line) if self.line else "", self.path) if p]
        return f"{':'.join(where)}: {self.severity.value}: {self.message}"


def error(
    path: str,
    message: str | Said,
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
        message=message if isinstance(message, str) else message.text(),
        said=None if isinstance(message, str) else message,
        line=line,
        iteration=iteration,
        kind=kind,
        element=element,
        field=field,
    )


def warning(
    path: str, message: str | Said, *, kind: Kind | None = None, element: str = "", field: str = ""
) -> Problem:
    """A warning-severity problem (validation fills in its ``iteration``)."""
    return Problem(
        severity=Severity.WARNING,
        path=path,
        message=message if isinstance(message, str) else message.text(),
        said=None if isinstance(message, str) else message,
        kind=kind,
        element=element,
        field=field,
    )
