"""Shared fixtures: the examples and a folder to write maps into."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

sys.path.insert(0, os.path.dirname(__file__))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The ten foils of the KS 10-20-30 method, as the report and the deck title them.
FOILS_EN = [
    "Name of the solution",
    "The goals",
    "The final solution",
    "The updated service journey",
    "Implementation status and remaining work",
    "The benefits plan",
    "Follow-up in operation and results so far",
    "Plan for further benefits realisation",
    "How the solution is maintained",
    "Lessons learned",
]
FOILS_DA = [
    "Løsningens navn",
    "Målene",
    "Den endelige løsning",
    "Den opdaterede servicerejse",
    "Status på implementeringen og det resterende arbejde",
    "Gevinstplanen",
    "Opfølgning i drift og resultater indtil nu",
    "Plan for den videre gevinstrealisering",
    "Sådan vedligeholdes løsningen",
    "Det har vi lært",
]

settings.register_profile("ci", max_examples=60, deadline=None)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.stem)
def example(request: pytest.FixtureRequest) -> Path:
    """Each example map in turn."""
    return request.param


@pytest.fixture(autouse=True)
def _own_state_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The editor keeps its place and reads a keymap in the user's folders: the test's own here.

    It also speaks the user's language: English here, whatever the machine's locale."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("LANGUAGE", "en")  # the editor follows the locale: English unless a test says
