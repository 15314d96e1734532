"""Wrong-typed arguments and unwritable text: every edit refuses them with an EditError."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, get_args, get_type_hints

import attrs
import pytest
from attrs import evolve
from conftest import ROOT
from edits import new_element
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import numbers

import journeymap as jm
from journeymap.edit import (
    ITERATION_FIELDS,
    Add,
    Branch,
    DeleteIteration,
    EditIteration,
    EditMap,
    Lock,
    Measure,
    Move,
    Remove,
    Unmeasure,
    Update,
)
from journeymap.elements import REFS, Kind, elements
from journeymap.errors import EditError
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


# --- properties: any arguments, any text --------------------------------------------------

EDITABLE = HOME
CHARACTERS = st.characters(codec=None) | st.characters(categories=["Cs", "Cc", "Cf", "Zl", "Zp"])
ANY_TEXT = st.text(CHARACTERS, max_size=12)
WRONG = st.one_of(
    st.none(), st.booleans(), st.integers(), st.sampled_from([10**400, -(10**5000), 2**53 + 1]),
    st.floats(), ANY_TEXT, st.binary(max_size=4), st.dates(), st.datetimes(),
    st.lists(st.integers() | ANY_TEXT, max_size=3), st.tuples(ANY_TEXT),
    st.dictionaries(ANY_TEXT, st.integers(), max_size=2), st.builds(object),
    st.sampled_from([*Kind, *jm.IterationState, *jm.Channel, jm.Stage(id="s", name="S")]),
)  # fmt: skip
"""Values of every type an edit could be handed by mistake."""


ELEMENTS = [(it.id, kind, e.id) for it in EDITABLE.iterations for kind in Kind for e in elements(it, kind)]
READINGS = [
    (it.id, i.id, m.date) for it in EDITABLE.iterations for b in it.benefits for i in b.indicators for m in i.measurements
]  # fmt: skip


def _element(data: st.DataObject, iteration: str) -> tuple[Any, str]:
    """A new element that fits the iteration, and its parent's id (for a task or an indicator)."""
    kind = data.draw(st.sampled_from(list(Kind)))
    made = new_element(data.draw, EDITABLE, EDITABLE.iteration(iteration), kind)
    return made or (jm.Stage(id="fresh", name="Fresh"), "")


def _value(data: st.DataObject, hint: Any) -> Any:
    """A value of about the right type for a model field (references may dangle, text may be odd)."""
    options = [t for t in get_args(hint) or (hint,) if t is not type(None)]
    if hint == tuple[str, ...]:
        return data.draw(st.lists(ANY_TEXT, max_size=2).map(tuple))
    chosen = options[0]
    if isinstance(chosen, type) and issubclass(chosen, Enum):
        return data.draw(st.sampled_from(list(chosen)))
    strategies = {
        str: ANY_TEXT,
        int: st.integers(-3, 6),
        float: numbers,
        bool: st.booleans(),
        dt.date: st.dates(),
    }
    return data.draw(strategies.get(chosen, st.none()))


def _changes(data: st.DataObject, cl: type, names: list[str]) -> dict[str, Any]:
    name = data.draw(st.sampled_from([*names, "id", "no_such_field"]))
    hints = get_type_hints(cl)
    return {name: _value(data, hints[name]) if name in hints else data.draw(ANY_TEXT)}


def _arguments(op: type, data: st.DataObject) -> dict[str, Any]:
    """Arguments that fit the map, then maybe one of them replaced by a value of any type."""
    iteration, kind, element_id = data.draw(st.sampled_from(ELEMENTS))
    reading = data.draw(st.sampled_from(READINGS))
    index = data.draw(st.integers(-2, 30))
    if op is Add:
        element, parent = _element(data, iteration)
        arguments = {"iteration": iteration, "element": element, "index": index, "parent": parent}
    elif op in (Update, Remove, Move):
        arguments = {"iteration": iteration, "kind": kind, "id": element_id}
        if op is Update:
            arguments["changes"] = _changes(data, kind.type, [f.name for f in attrs.fields(kind.type)])
        if op is Move:
            arguments["index"] = index
    elif op is Measure:
        measurement = jm.Measurement(
            date=data.draw(st.dates()), value=data.draw(numbers), note=data.draw(ANY_TEXT)
        )
        arguments = {"iteration": reading[0], "indicator": reading[1], "measurement": measurement}
    elif op is Unmeasure:
        arguments = dict(zip(("iteration", "indicator", "date"), reading, strict=True))
    elif op is Branch:
        arguments = {
            "source": iteration,
            "id": data.draw(ANY_TEXT | st.just("next")),
            "label": data.draw(ANY_TEXT),
        }
    elif op is EditIteration:
        arguments = {"id": iteration, "changes": _changes(data, jm.Iteration, list(ITERATION_FIELDS))}
    elif op is EditMap:
        arguments = {"changes": _changes(data, jm.JourneyMap, ["title", "description", "organisation"])}
    else:  # Lock, DeleteIteration
        arguments = {"id": iteration}
    wrong = data.draw(
        st.sampled_from(["", *arguments, *(["changes-value"] if "changes" in arguments else [])])
    )
    if wrong == "changes-value":
        arguments["changes"] = {name: data.draw(WRONG) for name in arguments["changes"]}
    elif wrong:
        arguments[wrong] = data.draw(WRONG)
    return arguments


def _saves_and_loads(m: jm.JourneyMap) -> None:
    written = jm.dumps(m).encode("utf-8")
    assert jm.loads(written.decode("utf-8")) == m


OPERATIONS = [
    Add,
    Update,
    Remove,
    Move,
    Measure,
    Unmeasure,
    Branch,
    EditIteration,
    Lock,
    DeleteIteration,
    EditMap,
]


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.__name__)
@given(data=st.data())
def test_any_arguments_give_an_edit_error_or_a_map_that_saves_and_loads(
    op: type, data: st.DataObject
) -> None:
    arguments = _arguments(op, data)
    history = History(EDITABLE)
    try:
        history.apply(op(**arguments))
    except EditError:
        assert history.current is EDITABLE
        return
    _saves_and_loads(history.current)


def _text_fields() -> list[tuple[str, str, bool]]:
    """(where, field, is a list) for every text field an edit can set: elements, iterations, the map."""
    editable = {
        jm.Iteration: {"id", *ITERATION_FIELDS},
        jm.JourneyMap: {"title", "description", "organisation"},
    }
    found = []
    for where in [*Kind, jm.Iteration, jm.JourneyMap, jm.Measurement]:
        cl = where.type if isinstance(where, Kind) else where
        for name, hint in get_type_hints(cl).items():
            if hint in (str, tuple[str, ...]) and name in editable.get(cl, {name}):
                found.append((where.value if isinstance(where, Kind) else cl.__name__, name, hint is not str))
    return found


def _free(where: str, name: str) -> bool:
    """Whether any writable text is right in a field: not an id, a reference or a required name."""
    references = (
        {ref.field for ref in REFS.get(Kind(where), ())} if where in {k.value for k in Kind} else set()
    )
    return name not in {"id", "name", "label", "title", "replaces", *references}


TEXT_FIELDS = _text_fields()


def _set_text(where: str, name: str, value: Any) -> Any:
    """The edit that puts a text into one field of HOME's future iteration (or the map)."""
    if where == "Iteration":
        return Branch("future", value, "Branch") if name == "id" else EditIteration("future", {name: value})
    if where == "JourneyMap":
        return EditMap({name: value})
    if where == "Measurement":
        return Measure(
            "future", "sessions-held", jm.Measurement(date=dt.date(2030, 1, 1), value=1, note=value)
        )
    kind = Kind(where)
    it = next(it for it in EDITABLE.iterations if elements(it, kind))
    element = elements(it, kind)[0]
    if name == "id":
        parent = elements(it, kind.parent)[0].id if kind.parent else ""
        return Add(it.id, evolve(element, id=value, **({kind.child.collection: ()} if kind.child else {})), parent=parent)  # fmt: skip
    return Update(it.id, kind, element.id, {name: value})


def test_every_text_field_is_tried() -> None:
    assert len(TEXT_FIELDS) > 50
    assert ("step", "name", False) in TEXT_FIELDS and ("Iteration", "goals", True) in TEXT_FIELDS
    assert all(any(elements(it, kind) for it in EDITABLE.iterations) for kind in Kind)


@settings(max_examples=200)
@given(field=st.sampled_from(TEXT_FIELDS), text=ANY_TEXT)
def test_any_text_in_any_field_round_trips_or_is_refused_at_the_edit(
    field: tuple[str, str, bool], text: str
) -> None:
    where, name, many = field
    try:
        after = _set_text(where, name, (text, text) if many else text).apply(EDITABLE)
    except EditError:
        unwritable = any("\ud800" <= c <= "\udfff" for c in text)
        assert unwritable or not _free(where, name)
        return
    _saves_and_loads(after)


def test_loading_text_that_cannot_be_written_names_its_place() -> None:
    with pytest.raises(jm.LoadError) as caught:
        jm.loads('schema_version = 1\ntitle = "ok\ud800"\n', "m.toml")
    assert [(p.line, "surrogate" in p.message) for p in caught.value.problems] == [(2, True)]


def test_an_edit_refuses_a_text_longer_than_a_file_may_hold() -> None:
    m = jm.starter_map("x")
    too_long = "x" * (jm.MAX_TEXT_CHARS + 1)
    with pytest.raises(jm.EditError, match="a text may hold up to 100,000"):
        jm.EditMap({"description": too_long}).apply(m)
    longest = jm.EditMap({"description": "x" * jm.MAX_TEXT_CHARS}).apply(m)
    assert jm.loads(jm.dumps(longest)) == longest
