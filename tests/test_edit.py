"""Edit operations: what users do, the errors they meet, and the descriptions they read."""

from __future__ import annotations

import datetime as dt

import pytest
from attrs import evolve
from conftest import ROOT

import journeymap as jm
from journeymap.edit import (
    Add,
    AddToStep,
    Branch,
    DeleteIteration,
    EditIteration,
    EditMap,
    Lock,
    Move,
    Remove,
    Update,
    referrers,
)
from journeymap.elements import Kind, ids
from journeymap.errors import (
    DuplicateIdError,
    EditError,
    InUseError,
    InvalidEditError,
    LockedError,
    NotFoundError,
)

HOME = jm.load(ROOT / "examples" / "home-training.toml")


def step(m: jm.JourneyMap, iteration: str, step_id: str) -> jm.Step:
    return next(s for s in m.iteration(iteration).steps if s.id == step_id)


def test_rename_keeps_the_id_and_says_what_happened() -> None:
    op = Update("future", Kind.STEP, "referred", {"name": "Is offered training"})
    assert (
        op.describe(HOME) == "Renamed step 'Is assessed and offered training first' to 'Is offered training'"
    )
    after = op.apply(HOME)
    assert step(after, "future", "referred").name == "Is offered training"
    assert HOME.iteration("future").steps[0].name == "Is assessed and offered training first"


def test_update_several_fields() -> None:
    op = Update("future", Kind.STEP, "referred", {"emotion": 1, "actors": ("citizen",)})
    assert op.describe(HOME) == "Changed emotion, actors of step 'Is assessed and offered training first'"
    assert step(op.apply(HOME), "future", "referred").emotion == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"emotion": 3}, "steps[0].emotion: emotion 3 is out of range"),
        (
            {"actors": ("ghost",)},
            "steps[0].actors[0]: step 'Is assessed and offered training first' names actor 'ghost', which does not exist",
        ),
        ({"name": ["x"]}, "steps[0].name: expected text, got a list"),
        ({"name": "  "}, "steps[0].name: step 'referred' has no name"),
        ({"replaces": ("nope",)}, "replaces step 'nope', which iteration 'current' does not have"),
    ],
)
def test_invalid_updates_are_refused_with_the_reason(changes: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidEditError, match=message.replace("(", r"\(").replace("[", r"\[")):
        Update("future", Kind.STEP, "referred", changes).apply(HOME)


def test_ids_and_unknown_fields_cannot_be_updated() -> None:
    with pytest.raises(EditError, match="ids never change"):
        Update("future", Kind.STEP, "referred", {"id": "x"}).apply(HOME)
    with pytest.raises(EditError, match="has no field 'colour'"):
        Update("future", Kind.STEP, "referred", {"colour": "red"}).apply(HOME)


def test_add_every_kind_at_a_position() -> None:
    new = [
        jm.Actor(id="dietician", name="Dietician", ring=jm.Ring.DIRECT),
        jm.Relation(id="advice", source="dietician", target="citizen", kind=jm.RelationKind.INFORMATION),
        jm.Profile(id="ole", name="Ole, 90", actor="citizen"),
        jm.Touchpoint(id="leaflet", name="Diet leaflet", channel=jm.Channel.PHYSICAL, owner="dietician"),
        jm.Process(
            id="nutrition",
            name="Nutrition",
            tasks=(jm.Task(id="weigh", name="Weigh", responsible="dietician"),),
        ),
        jm.Stage(id="after", name="After training"),
        jm.Step(
            id="eats",
            name="Eats better",
            stage="after",
            actors=("citizen", "dietician"),
            touchpoints=("leaflet",),
            tasks=("weigh",),
        ),
        jm.Flow(id="to-eats", source="less-care", target="eats"),
    ]
    m = HOME
    for element in new:
        m = Add("future", element, index=0).apply(m)
    m = Add("future", jm.Task(id="advise", name="Advise"), parent="nutrition").apply(m)
    assert m.iteration("future").steps[0].id == "eats"
    assert m.iteration("future").processes[0].tasks == (
        jm.Task(id="weigh", name="Weigh", responsible="dietician"),
        jm.Task(id="advise", name="Advise"),
    )
    assert not jm.has_errors(jm.validate(m))


def test_add_refuses_duplicates_and_dangling_references() -> None:
    with pytest.raises(DuplicateIdError, match="step id 'referred' is already used in iteration 'future'"):
        Add("future", jm.Step(id="referred", name="x", stage="referral")).apply(HOME)
    with pytest.raises(DuplicateIdError):
        Add("future", jm.Task(id="screen", name="x"), parent="dedicated-training").apply(HOME)
    with pytest.raises(InvalidEditError, match="flow 'referred → nowhere' names step 'nowhere'"):
        Add("future", jm.Flow(id="f", source="referred", target="nowhere")).apply(HOME)
    with pytest.raises(InvalidEditError, match="is not a valid id"):
        Add("future", jm.Stage(id="bad id", name="Bad")).apply(HOME)
    with pytest.raises(EditError, match="a task needs the id of the process"):
        Add("future", jm.Task(id="t", name="T")).apply(HOME)


def test_removing_a_referenced_actor_is_refused_unless_cascading() -> None:
    with pytest.raises(InUseError) as info:
        Remove("future", Kind.ACTOR, "trainer").apply(HOME)
    assert info.value.referrers[:2] == (
        "relation 'trainer → citizen (fixed training sessions)'",
        "relation 'digirehab → trainer (training of the trainers)'",
    )
    assert "step 'Trains twice a week at fixed times with the same trainer'" in info.value.referrers
    assert "benefit 'Training sessions are held as planned'" in info.value.referrers
    assert "and 8 more" in str(info.value)
    op = Remove("future", Kind.ACTOR, "trainer", cascade=True)
    assert op.describe(HOME) == "Removed actor 'Dedicated trainer' and 11 references to it"
    after = op.apply(HOME)
    it = after.iteration("future")
    assert "trainer" not in ids(it, Kind.ACTOR)
    assert {"train", "implement", "handover"}.isdisjoint(ids(it, Kind.RELATION))
    assert step(after, "future", "fixed-session").actors == ("citizen",)
    assert next(t for t in it.touchpoints if t.id == "trainer-visit").owner == ""
    assert next(b for b in it.benefits if b.id == "training-kept").owner == ""
    assert jm.validate(after) == jm.validate(HOME) or not jm.has_errors(jm.validate(after))


def test_removing_a_stage_takes_its_steps_and_their_flows() -> None:
    after = Remove("current", Kind.STAGE, "training", cascade=True).apply(HOME)
    it = after.iteration("current")
    assert ids(it, Kind.STEP) == {"referred", "screening", "pilot-ends"}
    assert ids(it, Kind.FLOW) == {"f1"}
    future = after.iteration("future")
    assert step(after, "future", "fixed-session").replaces == ()
    assert not jm.has_errors(jm.validate(evolve(after, iterations=(it, future))))


def test_removing_a_replaced_step_is_refused_while_a_future_step_replaces_it() -> None:
    assert referrers(HOME, "current", Kind.STEP, "pilot-ends") == [
        "flow 'session → pilot-ends (after 3-6 months)'",
        "step 'Management follows the monthly report' of iteration 'future'",
    ]


def test_removing_a_process_removes_task_references() -> None:
    with pytest.raises(InUseError, match="step 'Meets her trainer and does the screening test'"):
        Remove("future", Kind.PROCESS, "dedicated-training").apply(HOME)
    after = Remove("future", Kind.PROCESS, "dedicated-training", cascade=True).apply(HOME)
    assert all(not s.tasks for s in after.iteration("future").steps)


def test_move_steps_and_tasks() -> None:
    op = Move("future", Kind.STEP, "less-care", 0)
    assert op.describe(HOME) == "Moved step 'Manages more herself and needs less care' to position 1"
    assert op.apply(HOME).iteration("future").steps[0].id == "less-care"
    after = Move("future", Kind.TASK, "weekly-report", 0).apply(HOME)
    assert after.iteration("future").processes[0].tasks[0].id == "weekly-report"
    with pytest.raises(EditError, match="only tasks and indicators do"):
        Move("future", Kind.STEP, "less-care", 0, parent="x").apply(HOME)


def test_locked_iteration_refuses_every_edit_until_unlocked() -> None:
    locked = Lock("current").apply(HOME)
    for op in (
        Update("current", Kind.STEP, "referred", {"name": "x"}),
        Add("current", jm.Stage(id="s", name="S")),
        Remove("current", Kind.STEP, "referred", cascade=True),
        Move("current", Kind.STEP, "referred", 2),
        EditIteration("current", {"label": "x"}),
        DeleteIteration("current"),
    ):
        with pytest.raises(LockedError, match="iteration 'current' is locked; unlock it to edit it"):
            op.apply(locked)
    unlocked = Lock("current", locked=False).apply(locked)
    assert Update("current", Kind.STEP, "referred", {"name": "x"}).apply(unlocked)


def test_unknown_iteration_or_element() -> None:
    with pytest.raises(NotFoundError, match="no iteration 'v9' \\(iterations: 'current', 'future'\\)"):
        Update("v9", Kind.STEP, "x", {}).apply(HOME)
    with pytest.raises(NotFoundError, match="iteration 'future' has no step 'x'"):
        Update("future", Kind.STEP, "x", {}).apply(HOME)


def test_branch_copies_everything_and_keeps_ids() -> None:
    op = Branch("future", "round-3", "Third round", created=dt.date(2026, 11, 22))
    after = op.apply(HOME)
    new = after.iteration("round-3")
    old = HOME.iteration("future")
    assert (new.based_on, new.state, new.locked, new.created) == (
        "future",
        jm.IterationState.FUTURE,
        False,
        dt.date(2026, 11, 22),
    )
    assert [s.id for s in new.steps] == [s.id for s in old.steps]
    assert all(s.replaces == () for s in new.steps)
    assert new.actors == old.actors and new.processes == old.processes
    assert not jm.has_errors(jm.validate(after))
    with pytest.raises(DuplicateIdError):
        op.apply(after)
    with pytest.raises(EditError, match="not a valid id"):
        Branch("future", "no spaces", "x").apply(HOME)


def test_iteration_and_map_fields() -> None:
    after = EditIteration(
        "future", {"label": "Trainers", "note": "Agreed", "state": jm.IterationState.CURRENT}
    ).apply(HOME)
    assert (after.iteration("future").label, after.iteration("future").state) == (
        "Trainers",
        jm.IterationState.CURRENT,
    )
    with pytest.raises(EditError, match="cannot be changed here"):
        EditIteration("future", {"locked": True}).apply(HOME)
    with pytest.raises(InvalidEditError):
        EditIteration("future", {"state": "later"}).apply(HOME)
    assert EditMap({"title": "Training"}).apply(HOME).title == "Training"
    with pytest.raises(EditError, match="needs a title"):
        EditMap({"title": ""}).apply(HOME)


def test_delete_iteration_only_when_nothing_is_based_on_it() -> None:
    with pytest.raises(InUseError, match="'future' is based on it"):
        DeleteIteration("current").apply(HOME)
    assert [it.id for it in DeleteIteration("future").apply(HOME).iterations] == ["current"]


def test_a_steps_tasks_can_be_changed_but_a_process_keeps_its_own() -> None:
    m = jm.load(ROOT / "examples" / "home-training.toml")
    it = m.iteration("future")
    step = it.steps[0]
    task = it.processes[0].tasks[-1].id
    changed = jm.Update("future", jm.Kind.STEP, step.id, {"tasks": (task,)}).apply(m)
    assert changed.iteration("future").steps[0].tasks == (task,)
    with pytest.raises(jm.EditError, match="no field 'tasks'"):
        jm.Update("future", jm.Kind.PROCESS, it.processes[0].id, {"tasks": ()}).apply(m)


def test_add_to_step_adds_the_element_and_names_it_in_the_step_as_one_edit() -> None:
    m = jm.load(ROOT / "examples" / "home-training.toml")
    touchpoint = jm.Touchpoint(id="sms", name="Reminder text", channel=jm.Channel.DIGITAL)
    task = jm.Task(id="send", name="Send the reminder")
    with_both = AddToStep("current", "session", task, "training-in-care").apply(
        AddToStep("current", "session", touchpoint).apply(m)
    )
    it = with_both.iteration("current")
    assert step(with_both, "current", "session").touchpoints[-1] == "sms"
    assert step(with_both, "current", "session").tasks[-1] == "send"
    assert it.touchpoints[-1] == touchpoint and it.processes[0].tasks[-1] == task
    assert AddToStep("current", "session", touchpoint).describe(m) == (
        "Added touchpoint 'Reminder text' to step 'Trains with whoever is on the care visit'"
    )
    with pytest.raises(EditError, match="a step names touchpoints and tasks, not a stage"):
        AddToStep("current", "session", jm.Stage(id="s", name="S")).apply(m)
    with pytest.raises(EditError, match="no step 'nowhere'"):
        AddToStep("current", "nowhere", touchpoint).apply(m)
