"""Benefits with indicators and measurements: model, file, checks, status and edits."""

from __future__ import annotations

import datetime as dt

import pytest
from attrs import evolve
from conftest import ROOT

import journeymap as jm
from journeymap.benefits import Status, benefit_status, indicator_status, number
from journeymap.edit import Add, Branch, Lock, Measure, Move, Remove, Unmeasure, Update
from journeymap.elements import Kind, ids, locate

HOME = jm.load(ROOT / "examples" / "home-training.toml")
D = dt.date


def _indicator(m: jm.JourneyMap, indicator_id: str, it: str = "future") -> jm.Indicator:
    return next(i for b in m.iteration(it).benefits for i in b.indicators if i.id == indicator_id)


def test_benefits_survive_a_save_and_load_with_their_numbers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "m.toml"
    jm.save(HOME, path)
    assert jm.load(path) == HOME
    text = path.read_text()
    assert "baseline = 27\n" in text and "value = 40.5\n" in text
    assert "[[iterations.benefits.indicators.measurements]]" in text


@pytest.mark.parametrize(
    ("value", "message"),
    [("nan", "expected a finite number, got nan"), ("inf", "expected a finite number, got inf"),
     ('"27"', "expected a number, got text '27'"), ("true", "expected a number, got true/false True")],
)  # fmt: skip
def test_a_bad_number_names_its_place(value: str, message: str) -> None:
    text = jm.dumps(HOME).replace("baseline = 27\n", f"baseline = {value}\n")
    with pytest.raises(jm.LoadError) as info:
        jm.loads(text, "m.toml")
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("iterations[1].benefits[0].indicators[0].baseline", message)
    ]


def test_smarte_lint_names_what_is_missing() -> None:
    bare = jm.Indicator(id="bare", name="Something better")
    m = Add("future", jm.Benefit(id="vague", name="Better service", opportunities=("Magic",)))
    m2 = Add("future", bare, parent="vague").apply(m.apply(HOME))
    found = {p.path: p.message for p in jm.validate(m2) if p.path.startswith("iterations[1].benefits[4]")}
    assert set(found) == {
        "iterations[1].benefits[4].owner",
        "iterations[1].benefits[4].opportunities[0]",
        *(
            f"iterations[1].benefits[4].indicators[0].{f}"
            for f in ("unit", "baseline", "target", "deadline", "method")
        ),
    }
    assert all(p.severity is jm.Severity.WARNING for p in jm.validate(m2))
    assert "who is responsible for realising it" in found["iterations[1].benefits[4].owner"]
    assert "by when" in found["iterations[1].benefits[4].indicators[0].deadline"]
    no_indicator = m.apply(HOME)
    assert any(
        p.message.endswith("has no indicator: how will you know it is realised?")
        for p in jm.validate(no_indicator)
    )


def test_two_measurements_on_one_date_are_an_error() -> None:
    hours = _indicator(HOME, "hours-saved")
    twice = (*hours.measurements, jm.Measurement(date=D(2022, 12, 31), value=1))
    with pytest.raises(jm.InvalidEditError, match="two measurements of 2022-12-31"):
        Update("future", Kind.INDICATOR, "hours-saved", {"measurements": twice}).apply(HOME)


@pytest.mark.parametrize(
    ("baseline", "target", "values", "deadline", "status", "progress"),
    [
        (27, 40, [40.5], None, Status.REACHED, 1.0385),
        (27, 40, [30, 33.5], None, Status.IMPROVING, 0.5),
        (27, 40, [33.5, 20], None, Status.NOT_IMPROVING, -0.5385),
        (27, 40, [33.5], D(2026, 1, 1), Status.OVERDUE, 0.5),
        (100, 73, [80], None, Status.IMPROVING, 0.7407),  # should fall: 100 -> 73
        (100, 73, [70], None, Status.REACHED, 1.1111),
        (None, 40, [40], None, Status.UNCLEAR, None),
        (27, 40, [], None, Status.NOT_MEASURED, None),
    ],
)
def test_indicator_status(baseline, target, values, deadline, status, progress) -> None:  # type: ignore[no-untyped-def]
    readings = tuple(jm.Measurement(date=D(2026, 1, k + 1), value=v) for k, v in enumerate(values))
    indicator = jm.Indicator(
        id="i", name="I", baseline=baseline, target=target, deadline=deadline, measurements=readings
    )
    found = indicator_status(jm.Benefit(id="b", name="B"), indicator, today=D(2026, 11, 22))
    assert found.status is status
    assert (
        found.progress == pytest.approx(progress, abs=1e-4)
        if progress is not None
        else found.progress is None
    )
    assert found.latest == (readings[-1] if readings else None)


def test_example_statuses() -> None:
    rows = {s.indicator.id: s.status for s in benefit_status(HOME.iteration("future"), today=D(2023, 1, 15))}
    assert rows == {
        "hours-saved": Status.REACHED,
        "yearly-savings": Status.NOT_MEASURED,
        "sessions-held": Status.NOT_MEASURED,
        "trainer-fte": Status.NOT_MEASURED,
    }


def test_measure_adds_replaces_and_keeps_date_order_even_when_locked() -> None:
    m = Lock("future").apply(HOME)
    with pytest.raises(jm.LockedError):
        Update("future", Kind.INDICATOR, "hours-saved", {"unit": "h"}).apply(m)
    op = Measure("future", "hours-saved", jm.Measurement(date=D(2022, 6, 30), value=35, note="half year"))
    assert op.describe(m) == "Recorded 35 hours for 'Care hours saved per citizen per year' on 2022-06-30"
    m = op.apply(m)
    again = Measure("future", "hours-saved", jm.Measurement(date=D(2022, 6, 30), value=36))
    assert again.describe(m).startswith("Replaced 36 hours")
    m = again.apply(m)
    assert [(x.date, x.value) for x in _indicator(m, "hours-saved").measurements] == [
        (D(2022, 6, 30), 36),
        (D(2022, 12, 31), 40.5),
    ]
    m = Unmeasure("future", "hours-saved", D(2022, 12, 31)).apply(m)
    assert [x.date for x in _indicator(m, "hours-saved").measurements] == [D(2022, 6, 30)]
    with pytest.raises(jm.NotFoundError, match="no measurement of 2022-12-31"):
        Unmeasure("future", "hours-saved", D(2022, 12, 31)).apply(m)
    with pytest.raises(jm.InvalidEditError, match="finite"):
        Measure("future", "hours-saved", jm.Measurement(date=D(2023, 1, 1), value=float("nan"))).apply(m)


def test_branch_keeps_the_plan_but_not_the_measurements() -> None:
    m = Branch("future", "round-3", "Third round").apply(HOME)
    new, old = m.iteration("round-3"), HOME.iteration("future")
    assert [b.id for b in new.benefits] == [b.id for b in old.benefits]
    assert all(not i.measurements for b in new.benefits for i in b.indicators)
    assert new.goals == old.goals
    assert jm.diff(old, new).is_empty


def test_indicators_are_nested_elements() -> None:
    m = Add("future", jm.Indicator(id="waiting", name="Days waiting"), parent="savings", index=0).apply(HOME)
    assert [i.id for i in m.iteration("future").benefits[1].indicators] == ["waiting", "yearly-savings"]
    m = Move("future", Kind.INDICATOR, "waiting", 0, parent="care-hours").apply(m)
    assert [i.id for i in m.iteration("future").benefits[0].indicators] == ["waiting", "hours-saved"]
    with pytest.raises(jm.DuplicateIdError):
        Add("future", jm.Indicator(id="waiting", name="Again"), parent="savings").apply(m)
    with pytest.raises(jm.EditError, match="an indicator needs the id of the benefit"):
        Add("future", jm.Indicator(id="x", name="X")).apply(m)
    assert locate(m, "iterations[1].benefits[0].indicators[0].unit") == ("future", Kind.INDICATOR, "waiting")
    m = Remove("future", Kind.BENEFIT, "care-hours").apply(m)
    assert {"waiting", "hours-saved"}.isdisjoint(ids(m.iteration("future"), Kind.INDICATOR))


def test_removing_a_step_drops_it_from_benefits() -> None:
    with pytest.raises(jm.InUseError) as info:
        Remove("future", Kind.STEP, "less-care").apply(HOME)
    assert {"benefit 'Fewer home-care hours per citizen'", "benefit 'Lower home-care costs'"} <= set(
        info.value.referrers
    )
    after = Remove("future", Kind.STEP, "less-care", cascade=True).apply(HOME)
    assert after.iteration("future").benefits[0].steps == ("fixed-session",)


def test_iteration_report_texts_are_edited_like_other_fields() -> None:
    op = jm.EditIteration("future", {"lessons": ("Start small",), "status": "Live"})
    m = op.apply(HOME)
    assert m.iteration("future").lessons == ("Start small",)
    with pytest.raises(jm.InvalidEditError):
        jm.EditIteration("future", {"lessons": "not a list"}).apply(HOME)


def test_numbers_read_as_people_write_them() -> None:
    assert [number(v) for v in (27.0, 40.5, 1_500_000, -0.0001, 0.3333)] == [
        "27",
        "40.5",
        "1\u202f500\u202f000",
        "0",
        "0.333",
    ]


def test_diff_reports_new_benefits_and_changed_targets() -> None:
    future = HOME.iteration("future")
    hours = future.benefits[0].indicators[0]
    changed = evolve(
        future,
        id="x",
        benefits=(evolve(future.benefits[0], indicators=(evolve(hours, target=45),)), *future.benefits[1:]),
    )
    d = jm.diff(future, changed)
    assert [(c.element.id, [(f.field, f.old, f.new) for f in c.fields]) for c in d.changed] == [
        ("hours-saved", [("target", 40, 45)])
    ]
