"""The semantic diff of the examples reads as a service designer would expect."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

import journeymap as jm
from journeymap.defaults import default_pair
from journeymap.diff_format import render
from journeymap.elements import Kind
from journeymap.semantic_diff import diff


def example_diff(name: str) -> jm.diff.Diff:
    return diff(*default_pair(jm.load(ROOT / "examples" / f"{name}.toml")))


def names(refs: object, kind: Kind) -> set[str]:
    return {r.id for r in refs if r.kind is kind}  # type: ignore[attr-defined]


def test_home_training_facts() -> None:
    d = example_diff("home-training")
    assert names(d.added, Kind.ACTOR) == {"trainer"}
    assert "reports" in names(d.added, Kind.RELATION)
    assert {"session", "time-for-training", "skipped", "pilot-ends"} <= names(d.removed, Kind.STEP)
    ring = {c.element.id: c.fields for c in d.changed}["assistant"]
    assert [(f.field, f.old, f.new) for f in ring][:2] == [
        ("ring", jm.Ring.CORE, jm.Ring.DIRECT),
        ("evidence", jm.Evidence.OBSERVED, jm.Evidence.PROPOSED),  # the new role is a design
    ]
    assert [(c.element.id, c.old, c.new) for c in d.channels] == [
        ("exercise-sheet", jm.Channel.PHYSICAL, jm.Channel.DIGITAL)
    ]
    assert d.average_emotion == (-1.0, 1.0)
    replaced = {r.step.id: [x.id for x in r.replaced] for r in d.replacements}
    assert replaced["fixed-session"] == ["session", "time-for-training", "skipped"]
    assert "Training time competes with care time" in d.pain_points_gone
    moved = {(m.element.id, m.old_group, m.new_group) for m in d.moved}
    assert ("run-session", "Training as part of home care", "Training by dedicated trainers") in moved


def test_telehealth_support_moves_to_the_duty_centre() -> None:
    d = example_diff("telehealth-service-centre")
    assert {"duty-centre", "superusers"} <= names(d.added, Kind.ACTOR)
    answer = {c.element.id: {f.field: (f.old, f.new) for f in c.fields} for c in d.changed}["answer-call"]
    assert answer["responsible"] == ("nurse", "duty-centre")
    assert answer["third_line"] == (("supplier",), ("supplier", "municipal-it"))
    text = render(d)
    assert (
        "'The tablet stops sending measurements', 'Calls the home nurse for help' were replaced by 'Calls the support line when the kit fails'"
        in text
    )


def test_care_record_rollout_replaces_classroom_teaching() -> None:
    d = example_diff("care-record-rollout")
    assert names(d.removed, Kind.TOUCHPOINT) == {"kursus", "manual", "hotline"}
    assert "e-laering" in names(d.added, Kind.TOUCHPOINT)
    assert d.average_emotion == (-0.75, 1.0)
    assert "average: -0.75 → +1 (+1.75)" in render(d)


def test_identical_iterations_have_no_differences() -> None:
    m = jm.load(ROOT / "examples" / "home-training.toml")
    d = diff(m.iteration("future"), m.iteration("future"))
    assert d.is_empty
    assert render(d).endswith("No differences.\n")


def test_json_and_markdown() -> None:
    d = example_diff("home-training")
    data = json.loads(render(d, "json"))
    assert data["a"] == "current" and data["b"] == "future"
    assert {"kind": "actor", "id": "trainer", "name": "Dedicated trainer"} in data["added"]
    assert data["channels"][0]["old"] == "physical"
    assert data["emotions"][0]["delta"] == 1
    md = render(d, "markdown")
    assert md.startswith("## Compare `current` (Training by all home-care staff) → `future`")
    assert f"\n### Added ({len(d.added)})\n\n- actor 'Dedicated trainer'\n" in md
    assert "- benefit 'Fewer home-care hours per citizen'\n" in md
    assert "- indicator 'Care hours saved per citizen per year'\n" in md
    with pytest.raises(ValueError, match="unknown format"):
        render(d, "yaml")


def test_default_pair_needs_two_iterations() -> None:
    with pytest.raises(ValueError, match="fewer than two"):
        default_pair(jm.starter_map("x"))
