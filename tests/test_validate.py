"""Validation: every error and warning a service designer relies on."""

from __future__ import annotations

from pathlib import Path

from attrs import evolve
from conftest import FIXTURES, ROOT

import journeymap as jm
from journeymap import Flow, Iteration, Stage, Step, StepKind


def found(m: jm.JourneyMap, severity: jm.Severity | None = None) -> dict[str, str]:
    return {p.path: p.message for p in jm.validate(m) if severity in (None, p.severity)}


def one_iteration(**fields: object) -> jm.JourneyMap:
    base = jm.starter_map("Test").iterations[0]
    return jm.JourneyMap(title="Test", iterations=(evolve(base, **fields),))


def test_examples_have_no_problems(example: Path) -> None:
    # but the steps of today's journeys their sources do not report (tests/test_evidence.py)
    problems = jm.validate(jm.load(example))
    assert [p for p in problems if "of today's journey is only assumed" not in p.message] == []


def test_starter_map_has_no_problems() -> None:
    assert jm.validate(jm.starter_map("x")) == []


def test_dangling_references_are_errors_with_paths() -> None:
    errors = found(jm.load(FIXTURES / "dangling.toml"), jm.Severity.ERROR)
    assert errors == {
        "iterations[0].based_on": "based on iteration 'yesterday', which does not exist",
        "iterations[0].relations[0].target": "relation 'citizen → nurse' names actor 'nurse', which does not exist in this iteration",
        "iterations[0].steps[0].touchpoints[1]": "step 'Fills in the form' names touchpoint 'brochure', which does not exist in this iteration",
        "iterations[0].steps[0].tasks[0]": "step 'Fills in the form' names task 'approve', which does not exist in this iteration",
        "iterations[0].steps[0].emotion": "emotion 5 is out of range: use -2 (very bad) to +2 (very good)",
        "iterations[0].flows[0].target": "flow 'fill-in → wait' names step 'wait', which does not exist in this iteration",
    }


def test_duplicate_ids() -> None:
    errors = found(jm.load(FIXTURES / "duplicate-ids.toml"), jm.Severity.ERROR)
    assert errors["iterations[1].id"] == "duplicate iteration id 'now' (also used by iterations[0])"
    assert (
        errors["iterations[0].actors[1].id"]
        == "duplicate actor id 'citizen' (also used by iterations[0].actors[0])"
    )


def test_task_ids_are_unique_across_processes() -> None:
    task = jm.Task(id="call", name="Call")
    m = one_iteration(
        processes=(jm.Process(id="a", name="A", tasks=(task,)), jm.Process(id="b", name="B", tasks=(task,)))
    )
    assert "task ids are unique across processes" in found(m)["iterations[0].processes[1].tasks[0].id"]


def test_bad_ids_and_empty_names() -> None:
    m = one_iteration(stages=(Stage(id="has space", name="  "),))
    errors = found(m, jm.Severity.ERROR)
    assert "'has space' is not a valid id" in errors["iterations[0].stages[0].id"]
    assert errors["iterations[0].stages[0].name"] == "stage 'has space' has no name"


def test_based_on_cycle() -> None:
    a = Iteration(id="a", label="A", based_on="b")
    b = Iteration(id="b", label="B", based_on="a")
    errors = found(jm.JourneyMap(title="x", iterations=(a, b)))
    assert "based on itself" in errors["iterations[0].based_on"]
    assert "based on itself" in errors["iterations[1].based_on"]


def test_replaces_must_name_steps_of_the_base() -> None:
    current = jm.starter_map("x").iterations[0]
    step = evolve(current.steps[0], id="new", replaces=("first-contact", "ghost"))
    future = evolve(current, id="future", based_on="current", steps=(step,))
    lone = evolve(current, id="lone", steps=(step,))
    errors = found(jm.JourneyMap(title="x", iterations=(current, future, lone)))
    assert (
        errors["iterations[1].steps[0].replaces[1]"]
        == "step 'Finds information about the service' replaces step 'ghost', which iteration 'current' does not have"
    )
    assert "iterations[1].steps[0].replaces[0]" not in errors
    assert "not based on another one" in errors["iterations[2].steps[0].replaces[0]"]


def test_lint_warnings() -> None:
    base = jm.starter_map("x").iterations[0]
    steps = (
        evolve(base.steps[0], kind=StepKind.DECISION),
        Step(id="lonely", name="Nobody here", stage="find-out", pain_points=("Slow",)),
        Step(id="island", name="Unreachable", stage="find-out", actors=("user",)),
    )
    actors = (evolve(base.actors[0], ring=None), base.actors[1])
    m = one_iteration(
        steps=steps,
        actors=actors,
        flows=(Flow(id="f", source="first-contact", target="lonely"),),
        touchpoints=(
            *base.touchpoints,
            jm.Touchpoint(id="leaflet", name="Leaflet", channel=jm.Channel.PHYSICAL),
        ),
    )
    warnings = found(m, jm.Severity.WARNING)
    assert warnings == {
        "iterations[0].steps[1]": "step 'Nobody here' has no actor: who takes part here?",
        "iterations[0].steps[1].pain_points[0]": "pain point 'Slow' has no opportunity in its step",
        "iterations[0].touchpoints[1]": "touchpoint 'Leaflet' is not used by any step",
        "iterations[0].actors[0].ring": "actor 'Service user' takes part in the journey but has no ring on the actor map",
        "iterations[0].steps[2]": "step 'Unreachable' cannot be reached by the flows from the first step 'first-contact'",
        "iterations[0].steps[0]": "decision 'first-contact' has 1 outgoing flow; a decision needs at least two",
        "iterations[0].flows[0].label": "branch 'f' out of decision 'first-contact' has no label",
    }
    assert not jm.has_errors(jm.validate(m))


def test_without_flows_steps_follow_in_order_and_none_is_unreachable() -> None:
    base = jm.starter_map("x").iterations[0]
    second = evolve(base.steps[0], id="second")
    assert jm.validate(one_iteration(steps=(base.steps[0], second))) == []


def test_cached_validation_matches_a_full_one() -> None:
    m = jm.load(ROOT / "examples" / "home-training.toml")
    cache: dict = {}  # type: ignore[type-arg]
    assert jm.validate(m, cache=cache) == jm.validate(m)
    step = m.iteration("future").steps[0]
    edited = jm.Update("future", jm.Kind.STEP, step.id, {"actors": ()}).apply(m)
    assert jm.validate(edited, cache=cache) == jm.validate(edited)
    assert jm.validate(edited, cache=cache) != jm.validate(m)


def test_messages_name_elements_by_name_and_add_the_id_only_where_names_are_shared() -> None:
    twins = (
        Step(id="a", name="Calls the office", stage="find-out"),
        Step(id="b", name="Calls the office", stage="find-out", actors=("user",)),
        Step(id="c", name="Waits", stage="find-out"),
    )
    messages = sorted(p.message for p in jm.validate(one_iteration(steps=twins)) if "no actor" in p.message)
    assert messages == [
        "step 'Calls the office' (a) has no actor: who takes part here?",
        "step 'Waits' has no actor: who takes part here?",
    ]
