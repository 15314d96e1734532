"""The editor's language: the user's locale (or ``journeymap edit --language``), for every word it shows.

The editor speaks one language at a time, chosen when the app starts (:func:`use`); widgets say
their words with :func:`_` and :func:`ngettext` (English message ids in the library's catalogs)
and key bindings get theirs with :func:`bind`. A map's own text is never translated.
"""

from __future__ import annotations

import dataclasses
import gettext

from textual.binding import BindingsMap
from textual.dom import DOMNode

from journeymap.i18n import translation
from journeymap.model import Language

_spoken: list[tuple[Language, gettext.NullTranslations]] = [(Language.EN, translation(Language.EN))]


def use(language: Language | str) -> None:
    """Speak ``language`` from now on."""
    _spoken[0] = (Language(language), translation(language))


def language() -> Language:
    """The language the editor speaks (for the library's texts: problems, edit descriptions)."""
    return _spoken[0][0]


def _(message: str) -> str:
    """``message`` (an English message id) in the editor's language."""
    return _spoken[0][1].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """A counted message in the editor's language."""
    return _spoken[0][1].ngettext(singular, plural, n)


def bind(node: DOMNode) -> None:
    """Give the key bindings of ``node`` (made from English words) their descriptions in the language.

    Textual copies a class's bindings into each node; this replaces the node's copy, which is what
    the footer and the command palette read.
    """
    said = [
        dataclasses.replace(binding, description=_(binding.description)) if binding.description else binding
        for bindings in node._bindings.key_to_bindings.values()
        for binding in bindings
    ]
    node._bindings = BindingsMap(said)
