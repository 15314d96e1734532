"""Errors carry what a program needs as fields; library messages name no command-line option."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

import journeymap as jm
from journeymap.cli import main
from journeymap.spreadsheet import import_csv

HOME = jm.load(ROOT / "examples" / "home-training.toml")


def test_not_found_names_iteration_kind_and_id() -> None:
    with pytest.raises(jm.NotFoundError) as caught:
        jm.Remove("future", jm.Kind.STEP, "nope").apply(HOME)
    assert (caught.value.iteration, caught.value.kind, caught.value.id) == ("future", jm.Kind.STEP, "nope")
    with pytest.raises(jm.NotFoundError) as missing:
        jm.Remove("v9", jm.Kind.STEP, "x").apply(HOME)
    assert (missing.value.iteration, missing.value.kind) == ("v9", None)


def test_locked_duplicate_and_in_use_carry_their_place() -> None:
    locked = jm.Lock("current").apply(HOME)
    with pytest.raises(jm.LockedError) as caught:
        jm.Remove("current", jm.Kind.STEP, HOME.iteration("current").steps[0].id).apply(locked)
    assert caught.value.iteration == "current"

    actor = HOME.iteration("future").actors[0]
    with pytest.raises(jm.DuplicateIdError) as dup:
        jm.Add("future", actor).apply(HOME)
    assert (dup.value.iteration, dup.value.kind, dup.value.id) == ("future", jm.Kind.ACTOR, actor.id)

    with pytest.raises(jm.InUseError) as used:
        jm.Remove("future", jm.Kind.ACTOR, actor.id).apply(HOME)
    assert (used.value.iteration, used.value.kind, used.value.id) == ("future", jm.Kind.ACTOR, actor.id)
    assert used.value.referrers


def test_load_and_csv_errors_share_one_shape() -> None:
    with pytest.raises(jm.ProblemsError) as loading:
        jm.loads("title = 1\n", "m.toml")
    with pytest.raises(jm.ProblemsError) as importing:
        import_csv(HOME, "future", jm.Kind.STEP, "id;nope\nx;y\n", "steps.csv")
    assert isinstance(loading.value, jm.LoadError) and isinstance(importing.value, jm.CsvError)
    for error, source in ((loading.value, "m.toml"), (importing.value, "steps.csv")):
        assert error.source == source
        assert isinstance(error.problems, tuple) and error.problems
        assert error.describe() == "\n".join(p.describe(source) for p in error.problems)


def test_a_report_of_an_unknown_iteration_is_a_journeymap_error() -> None:
    from journeymap import report

    with pytest.raises(jm.NotFoundError, match="no iteration 'v9' \\(iterations: current, future\\)"):
        report.build(HOME, "v9")


def test_library_names_no_option_and_the_cli_adds_its_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    options = jm.ViewOptions(iteration="future", against="future")
    with pytest.raises(jm.ViewError) as caught:
        jm.dot_source(HOME, "compare", options)
    assert "--" not in str(caught.value)
    code = main(["export", str(ROOT / "examples" / "home-training.toml"), "--view", "compare",
                 "--iteration", "future", "--against", "future", "-o", str(tmp_path / "x.svg")])  # fmt: skip
    assert code == 2
    assert "got 'future' twice; choose the other one with --against" in capsys.readouterr().err


def test_iteration_choices() -> None:
    assert jm.current_iteration(HOME).id == "current"
    assert jm.newest_iteration(HOME).id == "future"
    assert jm.newest_future(HOME).id == "future"  # type: ignore[union-attr]
    assert jm.newest_future(HOME, HOME.iteration("future")) is None
    assert [it.id for it in jm.default_pair(HOME)] == ["current", "future"]
    with pytest.raises(jm.NotFoundError, match="the map has no iterations"):
        jm.current_iteration(jm.JourneyMap(title="empty"))
    assert jm.title_from_filename("dir/home_care-plan.toml") == "Home care plan"
    assert (
        jm.default_export_name("maps/home.toml", "compare", "mermaid", "current", "")
        == "home-compare-current.mmd"
    )


def test_problems_name_their_place_as_ids() -> None:
    problems = jm.validate(jm.load(ROOT / "tests" / "fixtures" / "dangling.toml"))
    places = {(p.path, p.iteration, p.kind, p.element, p.field) for p in problems}
    assert ("iterations[0].steps[0].emotion", "now", jm.Kind.STEP, "fill-in", "emotion") in places
    assert ("iterations[0].flows[0].target", "now", jm.Kind.FLOW, "f1", "target") in places
    assert ("iterations[0].based_on", "now", None, "", "based_on") in places
    m = jm.Add("future", jm.Indicator(id="waiting", name="Days waiting"), parent="savings").apply(HOME)
    gaps = {(p.iteration, p.kind, p.element, p.field) for p in jm.validate(m) if p.element == "waiting"}
    assert ("future", jm.Kind.INDICATOR, "waiting", "unit") in gaps


def test_load_problems_name_their_place_as_ids() -> None:
    with pytest.raises(jm.LoadError) as caught:
        jm.load(ROOT / "tests" / "fixtures" / "wrong-types.toml")
    places = {(p.path, p.iteration, p.kind, p.element, p.field) for p in caught.value.problems}
    assert ("iterations[0].actors[0].ring", "now", jm.Kind.ACTOR, "citizen", "ring") in places
    assert ("iterations[0].steps[0].actors", "now", jm.Kind.STEP, "fill-in", "actors") in places
    assert ("iterations[0].created", "now", None, "", "created") in places
    text = 'schema_version = 1\ntitle = "t"\n[[iterations]]\nid = "a"\nlabel = "A"\n[[iterations.processes]]\nid = "p"\nname = "P"\n[[iterations.processes.tasks]]\nid = "t1"\nname = 3\n'
    with pytest.raises(jm.LoadError) as nested:
        jm.loads(text)
    (problem,) = nested.value.problems
    assert (problem.path, problem.iteration, problem.kind, problem.element, problem.field) == (
        "iterations[0].processes[0].tasks[0].name", "a", jm.Kind.TASK, "t1", "name"
    )  # fmt: skip
