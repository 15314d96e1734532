"""The compiled TOML parser gives exactly what tomllib gives, and tomllib's messages on errors."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT
from hypothesis import given
from hypothesis import strategies as st

import journeymap as jm
from journeymap import tomlparser
from journeymap.tomlparser import parse

VALID = [*EXAMPLES, *(p for p in FIXTURES.glob("*.toml") if p.stem != "broken-syntax")]


def typed(value: Any) -> Any:
    """A value with the type of every part spelled out, so that 1 and 1.0 or a date and a text differ."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value).__name__, repr(value) if isinstance(value, float) else value)


def test_the_compiled_parser_is_in_use() -> None:
    assert tomlparser.FAST is not None  # rtoml is a dependency with wheels for this platform


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_same_data_as_tomllib(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert typed(parse(text)) == typed(tomllib.loads(text))


SAMPLES = {
    "dates": "a = 2024-02-29\nb = 1979-05-27T07:32:00\nc = 07:32:00\n",
    "floats": "a = 0.1\nb = 1e300\nc = -0.0\nd = 3.141592653589793238\ne = 5e-324\nf = inf\n",
    "integers": "a = 9223372036854775807\nb = -9223372036854775808\nc = 0xff\nd = 1_000\n",
    "beyond 64 bits": "a = 99999999999999999999\n",
    "strings": 'a = "x\\ty\\u00e9\\U0001F600"\nb = """\\\n  x\\\n  y"""\nc = \'\'\'\nraw\\n\'\'\'\n',
    "keys": '"ø" = 1\nb."c d" = 2\n[[t]]\nx = 1\n[[t]]\nx = [1, "mixed", {y = 2}]\n',
}


@pytest.mark.parametrize("text", SAMPLES.values(), ids=list(SAMPLES))
def test_same_values_for_every_kind_of_value(text: str) -> None:
    assert typed(parse(text)) == typed(tomllib.loads(text))


BROKEN = {
    "unterminated": 'a = "x\n',
    "duplicate key": "a = 1\na = 2\n",
    "table twice": "[t]\na = 1\n[t]\nb = 2\n",
    "bad escape": 'a = "\\q"\n',
    "control character": 'a = "x\x1by"\n',
    "impossible date": "a = 2023-02-30\n",
    "byte order mark": "\ufeffa = 1\n",
    "leading zero": "a = 01\n",
}


@pytest.mark.parametrize("text", BROKEN.values(), ids=list(BROKEN))
def test_errors_are_tomllibs_with_line_and_column(text: str) -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as expected:
        tomllib.loads(text)
    with pytest.raises(tomllib.TOMLDecodeError) as got:
        parse(text)
    assert str(got.value) == str(expected.value) and "line" in str(got.value)


def test_a_broken_map_names_its_line() -> None:
    with pytest.raises(jm.LoadError) as caught:
        jm.load(FIXTURES / "broken-syntax.toml")
    (problem,) = caught.value.problems
    assert problem.line == 6 and "not valid TOML" in problem.message


@given(st.text(max_size=200))
def test_any_text_is_read_as_tomllib_reads_it(text: str) -> None:
    try:
        expected: Any = typed(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        expected = (type(exc), str(exc))
    try:
        got: Any = typed(parse(text))
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        got = (type(exc), str(exc))
    assert got == expected


def test_without_the_compiled_parser_everything_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "examples" / "home-training.toml").read_text(encoding="utf-8")
    fast = jm.loads(text)
    monkeypatch.setattr(tomlparser, "FAST", None)
    assert jm.loads(text) == fast
    assert isinstance(fast.iterations[0].created, dt.date | None)
