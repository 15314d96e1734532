"""Mermaid journey export: sections, scores, actors, and names that cannot break the syntax."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess

import pytest
from attrs import evolve
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

import journeymap as jm
from journeymap.mermaid import RESERVED, journey_mermaid, score, text
from journeymap.views import ViewOptions

# The journey grammar of Mermaid's lexer, after Mermaid has set entity codes (#58;) aside: titles
# and sections end at '#', ';' or a line break; task names also at ':'; the task data is ': score'
# and optionally ': actor, actor'. No task may begin with a keyword, in any case.
TITLE = re.compile(r"^    title [^#\n;]+$")
SECTION = re.compile(r"^    section [^#:\n;]+$")
TASK = re.compile(r"^      [^#:\n;%]+: [1-5](: [^#:\n;,%]+(, [^#:\n;,%]+)*)?$")
KEYWORD = re.compile(r"^\s*(journey\b|title\s|section\s|acctitle|accdescr)", re.IGNORECASE)


def check_syntax(source: str) -> None:
    first, title, *rest = re.sub(r"#\w+;", "E", source).rstrip("\n").split("\n")
    assert first == "journey"
    assert TITLE.match(title), title
    for line in rest:
        assert SECTION.match(line) or (TASK.match(line) and not KEYWORD.match(line)), line


def test_example_becomes_sections_and_tasks() -> None:
    m = jm.load("examples/home-training.toml")
    source = journey_mermaid(m, ViewOptions(iteration="future"))
    check_syntax(source)
    it = m.iteration("future")
    assert source.count("    section ") == len({s.stage for s in it.steps})
    first = it.steps[0]
    names = ", ".join(a.name for a in it.actors if a.id in first.actors)
    assert f"      {first.name}: {score(first.emotion)}: " in source
    assert all(text(name, "", RESERVED + ",") in source for name in names.split(", "))


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


MERMAID_CHECK = ROOT / "tools" / "mermaid-check"
needs_mermaid = pytest.mark.skipif(
    shutil.which("node") is None or not (MERMAID_CHECK / "node_modules" / "mermaid").is_dir(),
    reason="needs node and the mermaid package: npm ci in tools/mermaid-check (.ci/run does)",
)

TRICKY = [
    "title Something", "TITLE x", "Title", "section Later", "SeCtIoN y", "journey", "Journey planning",
    "journey-map", "accTitle: hidden", "acctitle : x", "accDescr { broken", "ACCDESCR: z", "accDescr{",
    "# not a comment", "%% not a comment", "a%%b", "%{init}%", "x: 5: Someone", "a;b", "a,b", "{braces}",
    "#233; stays as typed", "ﬂ°°233¶ß", "<b>bold</b> & &amp;", "Café æøå 漢字 😀", "   padded   ", "\t\n",
    "---", "line\nbreak", "\x1b[2J", "}",
]  # fmt: skip


def shown(value: str, fallback: str) -> str:
    """What a reader should see: one line, spaces collapsed, or the id when nothing is left."""
    return re.sub(r"\s+", " ", "".join(c if c.isprintable() else " " for c in value)).strip() or fallback


def named(name: str) -> jm.JourneyMap:
    """A starter map whose title, label, stage, step and actors all carry ``name``."""
    m = jm.starter_map("x")
    it = m.iterations[0]
    stage = evolve(it.stages[0], name=name)
    step = evolve(it.steps[0], name=name, actors=tuple(a.id for a in it.actors), emotion=-1)
    its = (
        evolve(
            it,
            label=name,
            stages=(stage,),
            steps=(step,),
            actors=tuple(evolve(a, name=name) for a in it.actors),
        ),
    )
    return evolve(m, title=name, iterations=its)


def real_mermaid(sources: list[str]) -> list[dict[str, object]]:
    """What the real Mermaid parser makes of each source (tools/mermaid-check/check.mjs)."""
    done = subprocess.run(
        ["node", str(MERMAID_CHECK / "check.mjs")], input=json.dumps(sources), capture_output=True,
        text=True, check=True, timeout=300,
    )  # fmt: skip
    results: list[dict[str, object]] = json.loads(done.stdout)
    return results


@needs_mermaid
def test_the_real_mermaid_parser_reads_every_name_as_typed() -> None:
    generator = random.Random(19)
    alphabet = [*"#;:%{}<>&,ﬂ¶°ß \t\nxé漢😀", "title ", "section ", "journey", "accTitle", "accDescr", "#35;"]
    names = TRICKY + ["".join(generator.choices(alphabet, k=generator.randint(1, 8))) for _ in range(150)]
    names = [name for name in names if name.strip()]  # a blank name is a validation error
    maps = [named(name) for name in names]
    results = real_mermaid([journey_mermaid(m) for m in maps])
    for name, m, result in zip(names, maps, results, strict=True):
        it = m.iterations[0]
        expected = {
            "title": shown(f"{name}: {name}", it.id),
            "sections": [shown(name, it.stages[0].id)],
            "tasks": [
                {
                    "section": shown(name, it.stages[0].id),
                    "task": shown(name, it.steps[0].id),
                    "score": 2,
                    "people": [shown(name, a.id) for a in it.actors],
                }
            ],
        }
        assert result == expected, (name, journey_mermaid(m))
