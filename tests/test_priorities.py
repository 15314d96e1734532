"""Effort and gain on future steps, the quadrants, the matrix diagram and the list."""

from __future__ import annotations

import pytest
from attrs import evolve
from conftest import ROOT

import journeymap as jm
from journeymap.cli import main
from journeymap.priorities import Quadrant, priorities, quadrant
from journeymap.views import dot_source
from journeymap.views.journey import step_node

HOME = ROOT / "examples" / "home-training.toml"


@pytest.mark.parametrize(
    ("effort", "gain", "expected"),
    [(1, 5, Quadrant.QUICK_WIN), (2, 3, Quadrant.QUICK_WIN), (3, 3, Quadrant.BIG_BET), (5, 5, Quadrant.BIG_BET),
     (1, 1, Quadrant.FILL_IN), (2, 2, Quadrant.FILL_IN), (3, 2, Quadrant.MONEY_PIT), (5, 1, Quadrant.MONEY_PIT)],
)  # fmt: skip
def test_quadrants(effort: int, gain: int, expected: Quadrant) -> None:
    assert quadrant(effort, gain) is expected


def test_priorities_put_quick_wins_first() -> None:
    it = jm.load(HOME).iteration("future")
    scored = priorities(it)
    assert {p.step.id for p in scored} == {s.id for s in it.steps if s.effort and s.gain}
    order = [p.quadrant for p in scored]
    assert order == sorted(order, key=list(Quadrant).index)
    quick = [p for p in scored if p.quadrant is Quadrant.QUICK_WIN]
    assert [p.gain for p in quick] == sorted((p.gain for p in quick), reverse=True)


def test_scores_out_of_range_are_errors() -> None:
    m = jm.load(HOME)
    it = m.iteration("future")
    broken = evolve(
        m,
        iterations=(
            m.iterations[0],
            evolve(it, steps=(evolve(it.steps[0], effort=0, gain=6), *it.steps[1:])),
        ),
    )
    messages = {p.path: p.message for p in jm.validate(broken)}
    assert "out of range" in messages["iterations[1].steps[0].effort"]
    assert "out of range" in messages["iterations[1].steps[0].gain"]
    with pytest.raises(jm.EditError, match="effort 9 is out of range"):
        jm.Update("future", jm.Kind.STEP, it.steps[0].id, {"effort": 9}).apply(m)


def test_matrix_diagram_places_each_step_in_its_quadrant() -> None:
    m = jm.load(HOME)
    source = dot_source(m, "priorities", jm.ViewOptions(iteration="future"))
    for p in priorities(m.iteration("future")):
        assert f'"{step_node(p.step.id)}"' in source
    for q in Quadrant:
        assert f'"quadrant_{q.name.lower()}"' in source
    empty = dot_source(m, "priorities", jm.ViewOptions(iteration="current"))
    assert "No step of this iteration" in empty


def test_cli_lists_priorities(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["priorities", str(HOME), "--iteration", "future"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["quadrant", "gain", "effort"]
    assert lines[1].startswith("quick win")
