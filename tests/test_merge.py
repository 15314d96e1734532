"""The three-way merge and resolve through the library: each kind of conflict, said and settled."""

from __future__ import annotations

import datetime as dt

from attrs import evolve
from test_git import MAP

import journeymap as jm
from journeymap.conflicts import describe
from journeymap.merge import merge
from journeymap.resolve import settle

PROCESS = jm.Process(
    id="visits",
    name="Home visits",
    tasks=(jm.Task(id="book", name="Book the visit"), jm.Task(id="drive", name="Drive out")),
)
BASE = jm.Add("current", PROCESS).apply(jm.loads(MAP))


def apply(m: jm.JourneyMap, *operations: jm.Operation) -> jm.JourneyMap:
    for op in operations:
        m = op.apply(m)
    return m


def said(m: jm.JourneyMap) -> list[str]:
    return [describe(c, m) for c in m.conflicts]


def test_the_map_title_changed_on_both_sides() -> None:
    merged, found = merge(BASE, evolve(BASE, title="Ours"), evolve(BASE, title="Theirs"))
    assert said(merged) == ["the map: title: ours 'Ours', theirs 'Theirs'"] and len(found) == 1
    assert settle(merged, {0: "theirs"}).title == "Theirs"
    assert settle(merged, {0: "ours"}) == evolve(BASE, title="Ours")


def test_steps_reordered_differently_on_both_sides() -> None:
    ours = apply(BASE, jm.Move("current", jm.Kind.STEP, "plan", 0))
    theirs = apply(BASE, jm.Move("current", jm.Kind.STEP, "call", 2))
    merged, _ = merge(BASE, ours, theirs)
    assert said(merged) == [
        'iteration \'current\': steps: ours ["plan", "call", "visit"], theirs ["visit", "plan", "call"]'
    ]
    assert merged.iteration("current").steps == ours.iteration("current").steps
    assert settle(merged, {0: "theirs"}).iteration("current").steps == theirs.iteration("current").steps


def test_measurements_of_one_date_differ() -> None:
    def reading(value: float, note: str = "") -> jm.Operation:
        return jm.Measure(
            "current", "visits", jm.Measurement(date=dt.date(2026, 3, 1), value=value, note=note)
        )

    both = apply(BASE, jm.Measure("current", "visits", jm.Measurement(date=dt.date(2026, 2, 1), value=9)))
    ours = apply(both, reading(8))
    theirs = apply(
        both,
        reading(7, "recounted"),
        jm.Measure("current", "visits", jm.Measurement(date=dt.date(2026, 4, 1), value=6)),
    )
    merged, _ = merge(both, ours, theirs)
    assert said(merged) == [
        "indicator 'Visits per week' in 'current': measurements of 2026-03-01: ours 8, theirs 7 ('recounted')"
    ]

    def values(m: jm.JourneyMap) -> list[float]:
        return [r.value for r in m.iteration("current").benefits[0].indicators[0].measurements]

    assert values(merged) == [9, 8, 6]  # theirs of April merged, ours kept for March
    assert values(settle(merged, {0: "theirs"})) == [9, 7, 6]


def test_a_task_removed_by_us_and_changed_by_them_comes_back_into_its_process() -> None:
    ours = apply(BASE, jm.Remove("current", jm.Kind.TASK, "drive"))
    theirs = apply(BASE, jm.Update("current", jm.Kind.TASK, "drive", {"name": "Cycle out"}))
    merged, _ = merge(BASE, ours, theirs)
    assert said(merged) == ["task 'drive' in 'current': they changed it, we removed it"]
    (process,) = settle(merged, {0: "theirs"}).iteration("current").processes
    assert [t.name for t in process.tasks] == ["Book the visit", "Cycle out"]


def test_their_removal_and_addition_in_a_locked_iteration_both_sides_changed_are_held_back() -> None:
    locked = apply(BASE, jm.Lock("current", by="Ann", at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))

    def by_hand(m: jm.JourneyMap, **changes: object) -> jm.JourneyMap:
        return evolve(m, iterations=(evolve(m.iterations[0], **changes),))

    steps = locked.iterations[0].steps
    ours = by_hand(locked, note="Presented in March")
    new = jm.Step(id="letter", name="Gets a letter", stage="contact", actors=("citizen",))
    theirs = by_hand(locked, steps=(*steps[:2], new))
    merged, _ = merge(locked, ours, theirs)
    assert said(merged) == [
        "step 'Agrees on a plan' in 'current': they removed it in a locked iteration that both sides changed",
        "step 'letter' in 'current': they added it in a locked iteration that both sides changed",
    ]
    assert merged.iterations[0] == ours.iterations[0]
    settled = settle(merged, {0: "theirs", 1: "theirs"})
    assert [s.id for s in settled.iterations[0].steps] == ["call", "visit", "letter"]
    assert settled.iterations[0].note == "Presented in March"


def test_an_iteration_added_on_both_sides_merges_field_by_field() -> None:
    ours = apply(BASE, jm.Branch("current", "future", "Tomorrow", created=dt.date(2026, 5, 1)))
    theirs = apply(BASE, jm.Branch("current", "future", "Next year", created=dt.date(2026, 5, 1)))
    merged, _ = merge(BASE, ours, theirs)
    assert said(merged) == ["iteration 'future': label: ours 'Tomorrow', theirs 'Next year'"]
    assert settle(merged, {0: '"Soon"'}).iteration("future").label == "Soon"
