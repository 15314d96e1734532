"""Text from a map or the command line never reaches the terminal as control sequences."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path

import pytest
from attrs import evolve
from conftest import ROOT

import journeymap as jm
from journeymap.cli import main

# set the window title, ring the bell, clear the screen; a C1 CSI; a right-to-left override
HOSTILE = "\x1b]0;pwned\x07\x1b[2J\u009b31m\u202eevil"
RAW = ("\x1b", "\x07", "\u009b", "\u202e")
SHOWN = "\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202eevil"


@pytest.fixture
def hostile_map(tmp_path: Path) -> Path:
    """The home-training example with control sequences in labels, names and an indicator."""
    m = jm.load(ROOT / "examples" / "home-training.toml")
    its = []
    for it in m.iterations:
        benefits = tuple(
            evolve(b, name=HOSTILE + b.name, indicators=tuple(evolve(i, name=HOSTILE) for i in b.indicators))
            for b in it.benefits
        )
        steps = tuple(evolve(s, name=HOSTILE + s.name) for s in it.steps)
        its.append(evolve(it, label=HOSTILE + it.label, steps=steps, benefits=benefits))
    path = tmp_path / "m.toml"
    jm.save(evolve(m, iterations=tuple(its)), path)
    return path


COMMANDS = [  # the command, and whether its output shows the hostile text
    (["iterations", "{f}"], True),
    (["priorities", "{f}", "--iteration", "future"], True),
    (["diff", "{f}"], True),
    (["diff", "{f}", "--format", "markdown"], True),
    (["validate", "{f}" + HOSTILE], True),
    (["edit", "{f}" + HOSTILE + "/m.toml"], True),  # the editor's errors too
    (["benefits", "{f}", "--as-of", "2023-08-01"], False),
    (["validate", "{f}"], False),
    (["measure", "{f}", "sessions-held", "88", "--date", "2023-01-31", "--note", HOSTILE], False),
    (["diff", "{f}", "current", HOSTILE], False),
    (["priorities", "{f}", "--iteration", HOSTILE], False),
    (["export", "{f}", "--view", HOSTILE], False),
]


@pytest.mark.parametrize(
    ("args", "shows"), COMMANDS, ids=lambda a: " ".join(a[:2]) if isinstance(a, list) else ""
)
def test_control_characters_are_shown_escaped(
    hostile_map: Path, args: list[str], shows: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    with contextlib.suppress(SystemExit):  # argparse refuses some arguments, after saying why
        main([a.replace("{f}", str(hostile_map)) for a in args])
    out, err = capsys.readouterr()
    assert out + err
    assert not any(c in out + err for c in RAW), (out + err)[:300]
    if shows:
        assert SHOWN in out + err


def test_a_real_terminal_session_gets_no_escape_sequences(hostile_map: Path) -> None:
    for args in (["iterations", str(hostile_map)], ["diff", str(hostile_map), "nope" + HOSTILE]):
        done = subprocess.run(
            [sys.executable, "-m", "journeymap", *args], capture_output=True, text=True, check=False
        )
        assert "\x1b" not in done.stdout + done.stderr
        assert "Traceback" not in done.stderr
    assert (
        "\\x1b]0;pwned\\x07"
        in subprocess.run(
            [sys.executable, "-m", "journeymap", "iterations", str(hostile_map)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


def test_files_written_with_output_keep_the_text(hostile_map: Path, tmp_path: Path) -> None:
    target = tmp_path / "changes.md"
    assert main(["diff", str(hostile_map), "--format", "markdown", "-o", str(target)]) == 0
    assert HOSTILE in target.read_text(encoding="utf-8")


def test_tables_stay_aligned_with_escaped_text(hostile_map: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["iterations", str(hostile_map)]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    column = header.index("state")
    assert rows and all(row[column:].startswith(("current ", "future ")) for row in rows), rows
