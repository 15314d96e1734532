"""Every element gets its own Graphviz node, whatever its id, in every view."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

import journeymap as jm
from journeymap.views import VIEWS, ViewOptions, dot_source

# Few characters, many underscores: ids that glue together ambiguously ('s_1' + 't' vs 's' + '1_t').
ids = st.text("x_", max_size=4).map(lambda s: f"x{s}")


def node_definitions(source: str) -> Counter[str]:
    return Counter(re.findall(r'^\t"([^"]+)" \[', source, re.M))


def colliding_map(step_ids: list[str], tp_ids: list[str], actor_ids: list[str]) -> jm.JourneyMap:
    """Every step uses every touchpoint and every task; every task escalates to every actor."""
    actors = tuple(jm.Actor(id=a, name=f"actor {a}", ring=jm.Ring.CORE) for a in actor_ids)
    tasks = tuple(
        jm.Task(id=s, name=f"task {s}", responsible=actor_ids[0], second_line=tuple(actor_ids[1:]),
                third_line=tuple(actor_ids[1:]))
        for s in step_ids
    )  # fmt: skip
    steps = tuple(
        jm.Step(id=s, name=f"step {s}", stage=step_ids[0], actors=(actor_ids[0],), touchpoints=tuple(tp_ids),
                tasks=tuple(step_ids), emotion=0, effort=1, gain=5, pain_points=("p",), opportunities=("o",))
        for s in step_ids
    )  # fmt: skip
    it = jm.Iteration(
        id="now",
        label="Now",
        actors=actors,
        profiles=(jm.Profile(id=actor_ids[0], name="persona", actor=actor_ids[0]),),
        touchpoints=tuple(jm.Touchpoint(id=t, name=f"tp {t}", channel=jm.Channel.DIGITAL) for t in tp_ids),
        processes=(jm.Process(id="p", name="process", tasks=tasks),),
        stages=tuple(jm.Stage(id=s, name=f"stage {s}") for s in step_ids),
        steps=steps,
    )
    later = jm.Iteration(id="later", label="Later", state=jm.IterationState.FUTURE, based_on="now",
                         actors=actors, touchpoints=it.touchpoints, stages=it.stages,
                         steps=tuple(jm.Step(id=s.id, name=s.name, stage=s.stage, touchpoints=s.touchpoints)
                                     for s in steps[1:]))  # fmt: skip
    return jm.JourneyMap(title="t", iterations=(it, later))


@given(
    st.lists(ids, min_size=2, max_size=4, unique=True),
    st.lists(ids, min_size=1, max_size=3, unique=True),
    st.lists(ids, min_size=2, max_size=3, unique=True),
)
def test_no_two_elements_share_a_node_in_any_view(
    steps: list[str], tps: list[str], actors: list[str]
) -> None:
    m = colliding_map(steps, tps, actors)
    assert not jm.has_errors(jm.validate(m))
    for view in VIEWS:
        for options in (ViewOptions(details=True), ViewOptions(layout="side-by-side")):
            defined = node_definitions(dot_source(m, view, options))
            twice = [name for name, n in defined.items() if n > 1]
            assert not twice, (view, twice)


def test_the_reported_collision_draws_both_touchpoints() -> None:
    m = colliding_map(["s_1", "s"], ["t", "1_t"], ["a", "b"])
    source = dot_source(m, "journey")
    touchpoint_cards = [line for line in source.splitlines() if 'label="tp ' in line]
    assert len(touchpoint_cards) == 4  # two steps, each with both touchpoints
    assert len(node_definitions(source)) == sum(node_definitions(source).values())


def test_an_actor_called_legend_keeps_its_own_lane_in_the_process_view() -> None:
    m = colliding_map(["s1", "s2"], ["t"], ["legend", "b"])
    source = dot_source(m, "process")
    assert 'label="actor legend"' in source and 'label="Legend"' in source
    assert max(node_definitions(source).values()) == 1
