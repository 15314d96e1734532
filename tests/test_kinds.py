"""Each element kind is declared once (``elements.SPECS``); every layer that claims a kind has it.

When a new kind is added to the model and ``SPECS``, these tests name the place still missing it.
"""

from __future__ import annotations

import pytest
from conftest import ROOT
from edits import NEW, new_element
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from strategies import iterations

import journeymap as jm
from journeymap.elements import KIND_OF, SPECS, Kind, elements
from journeymap.spreadsheet import KINDS, export_csv
from tui.app import _add_fields
from tui.navigator import NESTED, SECTIONS, TITLES

HOME = jm.load(ROOT / "examples" / "home-training.toml")
ALL = list(Kind)


def test_every_kind_has_one_spec_and_its_model_class_one_kind() -> None:
    assert set(SPECS) == set(Kind), "elements.SPECS misses a kind"
    assert all(KIND_OF[spec.type] is kind for kind, spec in SPECS.items())
    collections = {f.name for f in jm.Iteration.__attrs_attrs__}
    for kind in Kind:
        holder = kind.parent.type if kind.parent is not None else jm.Iteration
        assert kind.collection in {f.name for f in holder.__attrs_attrs__}, (
            f"{kind}: no {kind.collection} field"
        )
    assert collections >= {k.collection for k in Kind if k.parent is None}


@pytest.mark.parametrize("kind", ALL, ids=lambda k: k.value)
def test_every_kind_is_in_the_navigator(kind: Kind) -> None:
    assert kind in SECTIONS or kind in NESTED.values(), (
        f"tui/navigator.py: {kind.value} has no place in the tree"
    )
    shown_in = kind if kind in SECTIONS else next(k for k, n in NESTED.items() if n is kind)
    assert kind.spec.plural.lower() in TITLES[shown_in].lower()


@pytest.mark.parametrize("kind", ALL, ids=lambda k: k.value)
def test_every_kind_is_drawn_by_the_hypothesis_strategies(kind: Kind) -> None:
    assert kind in NEW, f"tests/edits.py: NEW has no way to draw a new {kind.value}"
    quick = settings(
        max_examples=500, database=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck)
    )
    example = find(iterations("it"), lambda it: bool(elements(it, kind)), settings=quick)
    assert elements(example, kind), f"tests/strategies.py: iterations() never holds a {kind.value}"


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_every_kind_can_be_drawn_new_on_a_full_iteration(data: st.DataObject) -> None:
    it = HOME.iteration("future")
    for kind in Kind:
        made = new_element(data.draw, HOME, it, kind)
        assert made is not None and isinstance(made[0], kind.type), f"tests/edits.py: no new {kind.value}"


@pytest.mark.parametrize("kind", [k for k in Kind if k.spec.csv], ids=lambda k: k.value)
def test_every_csv_kind_is_exported(kind: Kind) -> None:
    assert KINDS[kind.collection] is kind
    header = export_csv(HOME.iteration("current"), kind).splitlines()[0]
    assert header.startswith("id,")


@pytest.mark.parametrize("kind", ALL, ids=lambda k: k.value)
def test_the_add_dialog_of_every_kind_makes_a_valid_element(kind: Kind) -> None:
    it = HOME.iteration("future")
    container = elements(it, kind.parent)[0].id if kind.parent is not None else ""
    values = {f.name: f.value for f in _add_fields(it, kind, container)}
    assert "id" in values
    values |= (
        {"id": f"new-{kind.value}", "name": "New one"} if kind.spec.has_name else {"id": f"new-{kind.value}"}
    )
    for ref in kind.spec.refs:
        if ref.required and not values.get(ref.field):
            values[ref.field] = elements(it, ref.target)[0].id
    element = jm.new_element(kind, values)
    assert isinstance(element, kind.type) and element.id == f"new-{kind.value}"


@pytest.mark.parametrize("kind", ALL, ids=lambda k: k.value)
def test_every_kind_says_what_it_is_in_a_sentence_the_editor_shows(kind: Kind) -> None:
    meaning = kind.spec.meaning
    article, rest = meaning.split(" ", 1)
    assert article in ("A", "An") and rest.startswith(f"{kind.spec.title} ") and meaning.endswith("."), (
        meaning
    )
