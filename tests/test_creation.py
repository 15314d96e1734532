"""New element ids and elements, and the pair the editor compares: choices the library makes."""

from __future__ import annotations

import pytest
from conftest import ROOT

import journeymap as jm
from journeymap.elements import Kind

HOME = jm.load(ROOT / "examples" / "home-training.toml")


def test_a_new_id_is_made_from_the_name_and_is_free() -> None:
    assert jm.new_id("Hjælp fra superbrugeren", set()) == "hjaelp-fra-superbrugeren"
    assert jm.new_id("Gets a call!", {"gets-a-call", "gets-a-call-2"}) == "gets-a-call-3"
    assert jm.new_id("???", set()) == "item"


def test_a_new_element_of_a_kind_takes_file_values_and_defaults() -> None:
    touchpoint = jm.new_element(
        Kind.TOUCHPOINT, {"id": "app", "name": "App", "channel": "digital", "parent": "x"}
    )
    assert touchpoint == jm.Touchpoint(id="app", name="App", channel=jm.Channel.DIGITAL)
    benefit = jm.new_element(Kind.BENEFIT, {"id": "b", "name": "Time", "kind": ""})
    assert benefit == jm.Benefit(id="b", name="Time", kind=jm.BenefitKind.QUALITY)
    flow = jm.new_element(Kind.FLOW, {"id": "f", "source": "a", "target": "b", "label": ""})
    assert flow == jm.Flow(id="f", source="a", target="b")


def test_a_new_element_with_wrong_values_is_an_edit_error_naming_the_field() -> None:
    with pytest.raises(jm.EditError, match="channel"):
        jm.new_element(Kind.TOUCHPOINT, {"id": "app", "name": "App", "channel": "telepathy"})
    with pytest.raises(jm.EditError, match="stage"):
        jm.new_element(Kind.STEP, {"id": "s", "name": "Calls"})


def test_the_pair_to_compare_for_a_selected_iteration() -> None:
    assert [it.id for it in jm.pair_for(HOME, "future")] == ["current", "future"]
    assert [it.id for it in jm.pair_for(HOME, "current")] == ["current", "future"]
    with pytest.raises(ValueError, match="fewer than two"):
        jm.pair_for(jm.starter_map("x"), "x")
