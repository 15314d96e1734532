"""The languages people read journeymap in: English, Danish and Norwegian (bokmål).

Words journeymap adds (diagram chrome, report headings, editor labels) are English message ids
in gettext catalogs: ``journeymap/locale/<lang>/LC_MESSAGES/journeymap.po`` (the source
translators edit, in Poedit or Weblate) and the ``.mo`` compiled from it (what runs). See
``docs/translating.md`` for extracting, updating and compiling them with Babel.

A map's content is never translated: only the words around it.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from journeymap.model import Language

DOMAIN = "journeymap"
LOCALE_DIR = Path(__file__).parent / "locale"

_ALIASES = {"no": Language.NB, "nn": Language.NB, "nb": Language.NB, "da": Language.DA, "en": Language.EN}
"""Locale language codes a user may have, and the language journeymap speaks to them.

Norwegian nynorsk and plain ``no`` readers get bokmål, the closest journeymap has."""


def N_(message: str) -> str:  # the gettext name for "mark now, translate where shown"
    """Mark a message for extraction where it is defined; translate it where it is shown."""
    return message


@cache
def translation(language: Language | str = Language.EN) -> gettext.NullTranslations:
    """The catalog for ``language``; English is the message ids themselves."""
    lang = Language(language)
    if lang is Language.EN:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang.value])


def parse_language(code: str) -> Language | None:
    """The language of a locale name such as ``nb_NO.UTF-8`` or ``da``; None if not one of ours."""
    base = code.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return _ALIASES.get(base)


def user_language(environ: Mapping[str, str] | None = None) -> Language:
    """The language of the user's locale, looked up as gettext does.

    ``LANGUAGE`` (a colon-separated preference list), then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``;
    the first one set decides, and its first language journeymap speaks wins. English otherwise.
    """
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if not value:
            continue
        for code in value.split(":"):
            found = parse_language(code)
            if found is not None:
                return found
        if name != "LANGUAGE":
            return Language.EN
    return Language.EN
