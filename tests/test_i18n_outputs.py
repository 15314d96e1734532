"""Outputs speak the map's language: no English word journeymap adds is left in a Danish or
Norwegian diagram, and numbers and dates are written as people of the language write them.

The English words are taken from the catalogs (every message id whose translation differs from
it); the map's own text is replaced by neutral tokens first, so that what remains is what
journeymap added.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from functools import cache
from pathlib import Path

import attrs
import pytest
from babel.messages.pofile import read_po
from conftest import EXAMPLES, ROOT

import journeymap as jm
from journeymap import report
from journeymap.cli import main
from journeymap.edit import Measure, Remove
from journeymap.elements import Kind
from journeymap.i18n import LOCALE_DIR, day, number, quantity
from journeymap.model import Language, Measurement
from journeymap.problems import counted
from journeymap.views import VIEWS, ViewOptions, dot_source

TRANSLATED = [Language.DA, Language.NB]
REFERENCES = {"id", "stage", "profile", "actor", "owner", "responsible", "source", "target", "based_on"}
TEXT_LISTS = {
    "pain_points", "opportunities", "reporting", "sources", "needs", "goals", "pains", "remaining_work",
    "next_steps", "lessons",
}  # fmt: skip
"""Tuples of the map's own text (other tuples of strings are ids)."""


@cache
def english_words(lang: Language) -> tuple[str, ...]:
    """The English chrome: the words of every message id that ``lang`` says differently."""
    with (LOCALE_DIR / lang.value / "LC_MESSAGES" / "journeymap.po").open("rb") as f:
        catalog = read_po(f)
    words: set[str] = set()
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if set(ids) == set(strings):
            continue
        for msgid in ids:
            for piece in re.split(r"\{[^}]*\}", msgid):
                phrase = re.sub(r"^\W+|\W+$", "", piece)
                if len(re.sub(r"[^A-Za-z]", "", phrase)) >= 4:  # not "on", "for": Danish has them too
                    words.add(phrase)
    return tuple(sorted(words))


def english_in(text: str, lang: Language) -> list[str]:
    """The English chrome words found in ``text`` as whole words (line breaks count as spaces)."""
    flat = re.sub(r"\s+", " ", text.replace("\\n", " ").replace("\\l", " "))
    return [w for w in english_words(lang) if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", flat, re.IGNORECASE)]


def neutral(m: jm.JourneyMap) -> jm.JourneyMap:
    """The map with every text of its own replaced by a token (the same text, the same token)."""
    tokens: dict[str, str] = {}

    def token(text: str) -> str:
        return tokens.setdefault(text, f"Q{len(tokens)}") if text else text

    def walk(value: object) -> object:
        if isinstance(value, tuple):
            return tuple(walk(v) for v in value)
        if not attrs.has(type(value)):
            return value
        changes: dict[str, object] = {}
        for f in attrs.fields(type(value)):
            if not f.init:
                continue
            v = getattr(value, f.name)
            if isinstance(v, str) and f.name not in REFERENCES and f.name != "schema_ref":
                changes[f.name] = token(v)
            elif f.name in TEXT_LISTS:
                changes[f.name] = tuple(token(x) for x in v)
            elif isinstance(v, tuple) or attrs.has(type(v)):
                changes[f.name] = walk(v)
        return attrs.evolve(value, **changes)  # type: ignore[misc]

    result = walk(m)
    assert isinstance(result, jm.JourneyMap)
    return result


def labels(dot: str) -> str:
    """The text a DOT source draws (its labels), one per line."""
    return "\n".join(re.findall(r'label="((?:[^"\\]|\\.)*)"', dot))


@pytest.mark.parametrize("lang", TRANSLATED, ids=lambda lang: lang.value)
@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_diagrams_carry_no_english_chrome(path: Path, view: str, lang: Language) -> None:
    m = neutral(jm.load(path))
    assert not jm.has_errors(jm.validate(m))
    drawn = labels(dot_source(m, view, ViewOptions(details=True, language=lang.value)))
    assert re.search(r"\bQ\d+\b", drawn)  # the map's own text is there
    assert english_in(drawn, lang) == []


def test_the_check_finds_english_chrome() -> None:
    m = neutral(jm.load(EXAMPLES[0]))
    drawn = labels(dot_source(m, "journey", ViewOptions(language="en")))
    assert {"Touchpoints", "Legend", "line of interaction"} <= set(english_in(drawn, Language.DA))


def test_a_map_in_danish_is_drawn_in_danish_unless_told_otherwise(tmp_path: Path) -> None:
    source = ROOT / "examples" / "home-training.toml"
    danish = tmp_path / "kort.toml"
    danish.write_text(
        source.read_text(encoding="utf-8").replace('title = "', 'language = "da"\ntitle = "', 1)
    )
    assert (
        main(["export", str(danish), "--view", "journey", "--format", "dot", "-o", str(tmp_path / "da.dot")])
        == 0
    )
    assert "Kontaktpunkter" in (tmp_path / "da.dot").read_text(encoding="utf-8")
    args = ["export", str(danish), "--format", "dot", "--language", "nb", "-o", str(tmp_path / "nb.dot")]
    assert main(args) == 0
    drawn = (tmp_path / "nb.dot").read_text(encoding="utf-8")
    assert "Tegnforklaring" in drawn and "Signaturforklaring" not in drawn


def test_an_unknown_language_is_refused_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(EXAMPLES[0]), "--format", "dot", "--language", "sv", "-o", "-"])
    assert exit_.value.code == 2
    assert "--language" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("lang", "big", "money", "date"),
    [
        (Language.DA, "1.500.000", "1.500.000 kr.", "31. december 2023"),
        (Language.NB, "1\xa0500\xa0000", "1\xa0500\xa0000 kr", "31. desember 2023"),
        (Language.EN, "1\u202f500\u202f000", "1\u202f500\u202f000 kr", "2023-12-31"),
    ],
)
def test_numbers_and_dates_are_written_for_people(lang: Language, big: str, money: str, date: str) -> None:
    assert number(1_500_000, lang) == big
    assert quantity(1_500_000, "kr", lang) == money
    assert day(dt.date(2023, 12, 31), lang) == date
    assert number(40.5, lang) == ("40.5" if lang is Language.EN else "40,5")


@pytest.mark.parametrize("view", list(VIEWS))
def test_the_danish_example_ships_danish_diagrams(view: str) -> None:
    path = ROOT / "examples" / "care-record-rollout.toml"
    assert jm.load(path).language is Language.DA
    svg = (ROOT / "examples" / "diagrams" / f"{path.stem}-{view}.svg").read_text(encoding="utf-8")
    drawn = "\n".join(html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    assert english_in(drawn, Language.DA) == []


@pytest.mark.parametrize("fixture", ["dangling.toml", "duplicate-ids.toml"])
@pytest.mark.parametrize("lang", TRANSLATED, ids=lambda lang: lang.value)
def test_problems_are_said_in_the_language_asked_for(fixture: str, lang: Language) -> None:
    problems = jm.validate(jm.load(ROOT / "tests" / "fixtures" / fixture))
    assert problems
    for problem in problems:
        assert problem.text() == problem.message  # English, as the command line prints it
        assert problem.said is not None and problem.text(lang) != problem.message


def test_a_counted_problem_follows_the_count() -> None:
    message = counted("decision {id} has {n} outgoing flow; a decision needs at least two",
                      "decision {id} has {n} outgoing flows; a decision needs at least two", 0, id="'d'")  # fmt: skip
    assert message.text() == "decision 'd' has 0 outgoing flows; a decision needs at least two"
    one = attrs.evolve(message, values=(("n", 1), *message.values[1:]))
    assert (
        one.text(Language.DA) == "beslutningen 'd' har 1 udgående overgang; en beslutning skal have mindst to"
    )


def test_edits_are_described_in_the_history_language() -> None:
    home = jm.load(ROOT / "examples" / "home-training.toml")
    history = jm.History(home, language="nb")
    remove = Remove("future", Kind.ACTOR, "trainer", cascade=True)
    assert history.apply(remove) == "Fjernet aktør 'Dedicated trainer' og 11 henvisninger til det"
    assert history.undo() == "Fjernet aktør 'Dedicated trainer' og 11 henvisninger til det"
    assert remove.describe(home) == "Removed actor 'Dedicated trainer' and 11 references to it"
    indicator = home.iteration("future").benefits[0].indicators[0]
    measure = Measure("future", indicator.id, Measurement(date=dt.date(2023, 12, 31), value=1500))
    assert "den 31. december 2023" in measure.describe(home, Language.DA)
    assert "1.500" in measure.describe(home, Language.DA)


@pytest.mark.parametrize("lang", TRANSLATED, ids=lambda lang: lang.value)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_report_carries_no_english_chrome(path: Path, lang: Language) -> None:
    m = neutral(jm.load(path))
    content = report.build(m, stem="map", today=dt.date(2026, 11, 23), language=lang)
    text = report.markdown(content)
    read = re.sub(r"`[^`]*`|\]\([^)]*\)", " ", text)  # file keys in code, and the figures' file names
    assert re.search(r"\bQ\d+\b", read)
    assert english_in(read, lang) == []
    assert f'<html lang="{lang.value}">' in report.html(content)
    assert day(dt.date(2026, 11, 23), lang) in content.subtitle


def test_an_english_report_says_so() -> None:
    content = report.build(jm.load(EXAMPLES[1]), stem="map", today=dt.date(2026, 11, 23))
    assert '<html lang="en">' in report.html(content)


def test_a_danish_map_is_reported_in_norwegian_when_asked(tmp_path: Path) -> None:
    danish = ROOT / "examples" / "care-record-rollout.toml"
    assert main(["report", str(danish), "-o", str(tmp_path / "da"), "--as-of", "2026-11-23"]) == 0
    assert (
        main(["report", str(danish), "-o", str(tmp_path / "nb"), "--as-of", "2026-11-23", "--language", "nb"])
        == 0
    )
    da = (tmp_path / "da" / "care-record-rollout-report.html").read_text(encoding="utf-8")
    nb = (tmp_path / "nb" / "care-record-rollout-report.html").read_text(encoding="utf-8")
    assert '<html lang="da">' in da and "23. november 2026" in da and "Den opdaterede servicerejse" in da
    assert '<html lang="nb">' in nb and "Oppdatert tjenestereise" in nb and "Tegnforklaring" in nb
