"""The editor follows the user's locale: a Norwegian or Danish designer reads its footer, help,
dialogs, messages and problems in their language; the map's own text stays as written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from editor import copy_example, open_editor, ready
from rich.console import Console
from textual.widgets import Button, Static

from journeymap.cli import main
from tui.dialogs import Confirm, Help


def screen_text(app: object) -> str:
    return app.export_screenshot().replace("&#160;", " ")  # type: ignore[attr-defined]


def help_text(app: object) -> str:
    console = Console(width=160, record=True, file=io.StringIO())
    for static in app.screen.query(Static):  # type: ignore[attr-defined]
        console.print(static.content)
    return console.export_text()


CASES = [
    # LANGUAGE, footer words, help words, delete dialog, quit dialog, an edit's message, the problems tab
    ("nb", ("Lagre", "Angre", "Avslutt", "Hjelp"), ("Overalt", "I navigatoren", "Ordene", "angre den siste endringen"),
     ("Slette hele versjonen", ("Slett", "Avbryt")), ("Lagre endringene i", ("Lagre", "Forkast", "Avbryt")),
     "Låste versjon 'current'", "Problemer"),
    ("da", ("Gem", "Fortryd", "Afslut", "Hjælp"), ("Overalt", "I navigatoren", "Ordene", "fortryd den seneste ændring"),
     ("Slet hele versionen", ("Slet", "Annullér")), ("Gem ændringerne i", ("Gem", "Kassér", "Annullér")),
     "Låste version 'current'", "Problemer"),
]  # fmt: skip


def buttons(app: object) -> list[str]:
    return [str(b.label) for b in app.screen.query(Button)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("language", "footer", "help_words", "delete", "quit", "undo", "problems"), CASES,
                         ids=[c[0] for c in CASES])  # fmt: skip
async def test_the_editor_speaks_the_users_locale(
    language: str,
    footer: tuple[str, ...],
    help_words: tuple[str, ...],
    delete: tuple[str, tuple[str, ...]],
    quit: tuple[str, tuple[str, ...]],
    undo: str,
    problems: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANGUAGE", language)
    app = open_editor(copy_example("home-training", tmp_path))
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(app, pilot)
        await pilot.pause(0.3)
        shown = screen_text(app)
        for word in footer:
            assert word in shown, word
        assert "Save" not in shown and "Undo" not in shown
        assert problems in shown and "Problems" not in shown
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, Help)
        words = help_text(app)
        for word in help_words:
            assert word in words, word
        assert "Anywhere" not in words and "The words" not in words
        await pilot.press("escape")
        await pilot.press("d")  # the iteration is selected: delete it, after a question
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and delete[0] in app.screen.message
        assert buttons(app) == list(delete[1])
        await pilot.click("#b-cancel")
        await pilot.press("l")  # lock the iteration: an edit, said in the language
        await pilot.pause()
        assert any(undo in n.message for n in app._notifications), [n.message for n in app._notifications]
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and quit[0] in app.screen.message
        assert buttons(app) == list(quit[1])
        await pilot.click("#b-cancel")


async def test_problems_are_shown_in_the_editors_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    monkeypatch.delenv("LANGUAGE")
    path = tmp_path / "map.toml"
    path.write_text(ONE_WARNING, encoding="utf-8")
    app = open_editor(path)
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(app, pilot)
        await pilot.pause(0.5)
        lines = [str(app.problems.get_option_at_index(k).prompt) for k in range(app.problems.option_count)]
        assert lines == ["advarsel: steg 'A' har ingen aktør: hvem deltar her?  i 'Now'"]


ONE_WARNING = """\
schema_version = 1
title = "T"

[[iterations]]
id = "now"
label = "Now"

[[iterations.stages]]
id = "s"
name = "S"

[[iterations.steps]]
id = "a"
name = "A"
stage = "s"
"""


def test_edit_takes_a_language_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["edit", "--help"])
    assert "--language {en,da,nb}" in capsys.readouterr().out
