"""The languages people read journeymap in: English, Danish and Norwegian (bokmål).

Words journeymap adds (diagram chrome, report headings, editor labels) are English message ids
in gettext catalogs: ``journeymap/locale/<lang>/LC_MESSAGES/journeymap.po`` (the source
translators edit, in Poedit or Weblate) and the ``.mo`` compiled from it (what runs). See
``docs/translating.md`` for extracting, updating and compiling them with Babel.

A map's content is never translated: only the words around it.
"""

from __future__ import annotations

import datetime as dt
import gettext
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

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


# --- numbers and dates for people -----------------------------------------------------------

_CURRENCIES = {"dkk": "DKK", "nok": "NOK", "kr": "", "kr.": "", "kroner": ""}
"""Units that are money; ``kr`` is the language's own krone (DKK in Danish, NOK in Norwegian)."""
_KRONE = {Language.DA: "DKK", Language.NB: "NOK", Language.EN: "DKK"}


def number(value: float, language: Language | str = Language.EN) -> str:
    """A value as people of ``language`` write it, at most three decimals; whole from 1,000 up.

    English groups thousands by thin spaces (``1 500 000``), Danish by points (``1.500.000``),
    Norwegian by spaces (``1 500 000``); from a million billion up, scientific ('1e+308').
    """
    if abs(value) >= 1e15:
        return f"{value:.6g}"
    if abs(value) >= 1000:
        value = round(value)
    lang = Language(language)
    if lang is Language.EN:
        if abs(value) >= 1000:
            return f"{value:,}".replace(",", "\u202f")
        text = f"{value:.3f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    return format_decimal(round(value, 3) or 0, "#,##0.###", locale=lang.value)


def quantity(value: float, unit: str, language: Language | str = Language.EN) -> str:
    """A value with its unit for people: money as the language writes it (``1.500.000 kr.``)."""
    lang = Language(language)
    currency = _CURRENCIES.get(unit.strip().lower())
    if currency is None or lang is Language.EN or abs(value) >= 1e15:
        return f"{number(value, lang)} {unit}".strip()
    return format_currency(
        round(value), currency or _KRONE[lang], "#,##0 \xa4", locale=lang.value, currency_digits=False
    )


def day(value: dt.date, language: Language | str = Language.EN) -> str:
    """A date for people: ``31. december 2023`` (da), ``31. desember 2023`` (nb); ISO in English."""
    lang = Language(language)
    return value.isoformat() if lang is Language.EN else format_date(value, "long", locale=lang.value)
