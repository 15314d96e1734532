"""Mermaid journey export: sections, scores, actors, and names that cannot break the syntax."""

from __future__ import annotations

import re

from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

import journeymap as jm
from journeymap.mermaid import journey_mermaid, score
from journeymap.views import ViewOptions

# The journey grammar of Mermaid's lexer: titles and sections end at '#', ';' or a line break;
# task names also at ':'; the task data is ': score' and optionally ': actor, actor'.
TITLE = re.compile(r"^    title [^#\n;]+$")
SECTION = re.compile(r"^    section [^#:\n;]+$")
TASK = re.compile(r"^      [^#:\n;]+: [1-5](: [^#:\n;,]+(, [^#:\n;,]+)*)?$")


def check_syntax(source: str) -> None:
    first, title, *rest = source.rstrip("\n").split("\n")
    assert first == "journey"
    assert TITLE.match(title), title
    for line in rest:
        assert SECTION.match(line) or TASK.match(line), line


def test_example_becomes_sections_and_tasks() -> None:
    m = jm.load("examples/home-training.toml")
    source = journey_mermaid(m, ViewOptions(iteration="future"))
    check_syntax(source)
    it = m.iteration("future")
    assert source.count("    section ") == len({s.stage for s in it.steps})
    first = it.steps[0]
    names = ", ".join(a.name for a in it.actors if a.id in first.actors)
    assert f"      {first.name}: {score(first.emotion)}: " in source
    assert all(name in source for name in names.split(", "))


def test_scores() -> None:
    assert [score(e) for e in (-2, -1, 0, 1, 2, None)] == [1, 2, 3, 4, 5, 3]


@given(st.text(min_size=0, max_size=40))
def test_any_name_keeps_the_syntax(text: str) -> None:
    name = f"x{text}"  # a blank name is a validation error, not a Mermaid one
    m = jm.starter_map("x")
    it = m.iterations[0]
    m = evolve(
        m,
        title=name,
        iterations=(
            evolve(
                it,
                label=name,
                stages=tuple(evolve(s, name=name) for s in it.stages),
                steps=tuple(evolve(s, name=name) for s in it.steps),
                actors=tuple(evolve(a, name=name) for a in it.actors),
            ),
        ),
    )
    check_syntax(journey_mermaid(m))
