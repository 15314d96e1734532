"""The catalogs: every word the code marks is translated, and what runs is what was translated."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from journeymap.i18n import LOCALE_DIR, parse_language, translation, user_language
from journeymap.model import Language

ROOT = Path(__file__).parent.parent
TRANSLATED = [lang for lang in Language if lang is not Language.EN]


def _marked() -> set[str]:
    """Every message id the code marks, as tools/catalogs' `pybabel extract` finds them."""
    keywords = {**DEFAULT_KEYWORDS, "N_": None, "said": None, "counted": (1, 2)}
    found: set[str] = set()
    for package in ("journeymap", "tui"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / package, [("**.py", "python")], keywords=keywords
        ):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _po(lang: Language):  # type: ignore[no-untyped-def]
    with (LOCALE_DIR / lang.value / "LC_MESSAGES" / "journeymap.po").open("rb") as f:
        return read_po(f)


@pytest.mark.parametrize("lang", TRANSLATED, ids=lambda lang: lang.value)
def test_every_marked_word_is_translated(lang: Language) -> None:
    catalog = _po(lang)
    missing = sorted(
        m
        for m in _marked()
        if m not in catalog
        or catalog[m].fuzzy
        or not all(catalog[m].string if isinstance(catalog[m].string, tuple) else [catalog[m].string])
    )
    assert missing == [], f"untranslated in {lang.value} (run tools/catalogs, then translate): {missing}"


@pytest.mark.parametrize("lang", TRANSLATED, ids=lambda lang: lang.value)
def test_compiled_catalog_is_the_translated_one(lang: Language) -> None:
    source = _po(lang)
    with (LOCALE_DIR / lang.value / "LC_MESSAGES" / "journeymap.mo").open("rb") as f:
        compiled = read_mo(f)

    def pairs(catalog):  # type: ignore[no-untyped-def]
        def text(string):  # type: ignore[no-untyped-def]
            return tuple(string) if isinstance(string, list | tuple) else string  # plurals: a list in a .mo

        return {text(m.id): text(m.string) for m in catalog if m.id and not m.fuzzy}

    assert pairs(compiled) == pairs(source), "the .mo is stale: run tools/catalogs"


def test_plural_forms_follow_the_language() -> None:
    for lang in TRANSLATED:
        assert "nplurals=2" in _po(lang).plural_forms
    assert translation(Language.EN).ngettext("{n} warning", "{n} warnings", 1) == "{n} warning"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, Language.EN),
        ({"LANG": "nb_NO.UTF-8"}, Language.NB),
        ({"LANG": "da_DK.UTF-8"}, Language.DA),
        ({"LANG": "nn_NO.UTF-8"}, Language.NB),
        ({"LANG": "de_DE.UTF-8"}, Language.EN),
        ({"LANG": "C.UTF-8"}, Language.EN),
        ({"LANGUAGE": "sv:da", "LANG": "en_GB.UTF-8"}, Language.DA),
        ({"LANGUAGE": "sv", "LC_ALL": "nb_NO.UTF-8"}, Language.NB),
        ({"LC_ALL": "da_DK.UTF-8", "LANG": "nb_NO.UTF-8"}, Language.DA),
        ({"LC_MESSAGES": "nb_NO", "LANG": "da_DK"}, Language.NB),
    ],
)
def test_the_editor_speaks_the_users_locale(environ: dict[str, str], expected: Language) -> None:
    assert user_language(environ) is expected


def test_locale_names_are_read_as_gettext_writes_them() -> None:
    assert parse_language("nb-NO") is Language.NB
    assert parse_language("da_DK.UTF-8@euro") is Language.DA
    assert parse_language("fr") is None
