"""Wrong-typed arguments and unwritable text: every edit refuses them with an EditError."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import ROOT

import journeymap as jm
from journeymap.edit import (
    Add,
    Branch,
    DeleteIteration,
    EditError,
    EditIteration,
    EditMap,
    Lock,
    Measure,
    Move,
    Remove,
    Unmeasure,
    Update,
)
from journeymap.elements import Kind
from journeymap.history import History
from journeymap.validate import valid_id

HOME = jm.load(ROOT / "examples" / "home-training.toml")


def test_an_id_with_a_trailing_line_break_is_not_an_id() -> None:
    assert not valid_id("a\n")
    assert valid_id("a")
    with pytest.raises(EditError, match="is not a valid id"):
        Add("future", jm.Stage(id="late\n", name="Late")).apply(HOME)
    with pytest.raises(EditError, match="is not a valid id"):
        Branch("future", "next\n", "Next").apply(HOME)


def test_a_file_with_such_an_id_is_reported_by_validate() -> None:
    text = jm.dumps(HOME).replace('id = "future"\n', 'id = "future\\n"\n', 1)
    problems = jm.validate(jm.loads(text))
    assert any(p.path == "iterations[1].id" and "is not a valid id" in p.message for p in problems)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Branch("future", "next", 0), "label: expected text, got a number 0"),  # type: ignore[arg-type]
        (lambda: Branch("future", 1.5, "Next"), "id: expected text, got a decimal number 1.5"),  # type: ignore[arg-type]
        (lambda: Branch("future", "next", "Next", created="2024-01-01"), "created: expected a date"),  # type: ignore[arg-type]
        (
            lambda: Branch("future", "next", "Next", created=dt.datetime(2024, 1, 1)),
            "created: expected a date",
        ),
        (
            lambda: Branch("future", "next", "Next", state="future"),
            "state: expected a member of IterationState (current, future), got text 'future'",
        ),  # type: ignore[arg-type]
        (lambda: Lock("future", locked=1), "locked: expected true or false, got a number 1"),  # type: ignore[arg-type]
        (lambda: Move("future", Kind.STEP, "referred", "1"), "index: expected a whole number, got text '1'"),  # type: ignore[arg-type]
        (lambda: Move("future", Kind.STEP, "referred", True), "index: expected a whole number"),
        (lambda: Remove("future", "step", "referred"), "kind: expected a member of Kind (actor, relation"),  # type: ignore[arg-type]
        (lambda: Add("future", "a stage"), "element: expected an actor, relation"),  # type: ignore[arg-type]
        (lambda: Add("future", jm.Stage(id="s", name=5)), "element.name: expected text, got a number 5"),  # type: ignore[arg-type]
        (lambda: Update("future", Kind.STEP, "referred", [("name", "x")]), "changes: expected a table"),  # type: ignore[arg-type]
        (lambda: Update("future", Kind.STEP, "referred", {1: "x"}), "changes: expected names of fields"),  # type: ignore[dict-item]
        (lambda: EditMap({"title": None}), "title: expected text"),
        (lambda: DeleteIteration(["future"]), "id: expected text, got a list"),  # type: ignore[arg-type]
        (lambda: Unmeasure("future", "sessions-held", "2024-01-01"), "date: expected a date"),  # type: ignore[arg-type]
        (
            lambda: Measure("future", "sessions-held", jm.Measurement(date=dt.date(2024, 1, 1), value="3")),  # type: ignore[arg-type]
            "measurement.value: expected a number, got text '3'",
        ),
    ],
)
def test_wrong_types_are_refused_with_an_edit_error(make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(EditError, match=message.replace("(", r"\(").replace(")", r"\)")):
        History(HOME).apply(make())


def test_a_locked_flag_of_one_never_reaches_the_file() -> None:
    with pytest.raises(EditError):
        Lock("future", locked=1).apply(HOME)  # type: ignore[arg-type]
    m = Lock("future", locked=True).apply(HOME)
    assert jm.loads(jm.dumps(m)) == m


@pytest.mark.parametrize(
    "make",
    [
        lambda text: EditMap({"title": text}),
        lambda text: EditIteration("future", {"note": text}),
        lambda text: EditIteration("future", {"goals": ("fine", text)}),
        lambda text: Update("future", Kind.STEP, "referred", {"pain_points": (text,)}),
        lambda text: Update("future", Kind.ACTOR, "citizen", {"description": text}),
        lambda text: Add("future", jm.Stage(id="s-new", name=text)),
        lambda text: Branch("future", "next", text),
        lambda text: Measure(
            "future", "sessions-held", jm.Measurement(date=dt.date(2024, 1, 1), value=3, note=text)
        ),
    ],
)
def test_text_that_cannot_be_written_is_refused_at_the_edit(make, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(EditError, match="cannot be written"):
        make("Half \ud800 a character").apply(HOME)
    written = make("Bell \x07, escape \x1b[2J, NUL \x00, CR \r and DEL \x7f").apply(HOME)
    jm.save(written, tmp_path / "m.toml")
    assert jm.load(tmp_path / "m.toml") == written
