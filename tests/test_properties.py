"""Laws of the file format, for any valid map."""

from __future__ import annotations

from hypothesis import given
from strategies import maps

import journeymap as jm


@given(maps())
def test_generated_maps_are_valid(m: jm.JourneyMap) -> None:
    assert not jm.has_errors(jm.validate(m)), jm.validate(m)


@given(maps())
def test_loads_dumps_round_trip(m: jm.JourneyMap) -> None:
    assert jm.loads(jm.dumps(m)) == m


@given(maps())
def test_dumps_is_stable(m: jm.JourneyMap) -> None:
    text = jm.dumps(m)
    assert jm.dumps(jm.loads(text)) == text
