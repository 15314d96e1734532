"""Hypothesis strategies for valid maps: every reference points at something that exists."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from journeymap import (
    Actor,
    ActorKind,
    Benefit,
    BenefitKind,
    Channel,
    Evidence,
    Flow,
    Indicator,
    Iteration,
    IterationState,
    JourneyMap,
    Lane,
    Measurement,
    Process,
    Profile,
    Relation,
    RelationKind,
    Ring,
    Stage,
    Step,
    StepKind,
    Task,
    Touchpoint,
)

ids = st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,10}", fullmatch=True)
text = st.text(max_size=30)
names = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")
texts = st.lists(text, max_size=3).map(tuple)
some_dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
dates = st.none() | some_dates
evidence = st.none() | st.sampled_from(Evidence)
numbers = st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**6), 10**6).map(float)


def _pick(draw: st.DrawFn, pool: list[str], max_size: int = 3) -> tuple[str, ...]:
    if not pool:
        return ()
    return tuple(draw(st.lists(st.sampled_from(pool), max_size=max_size, unique=True)))


def _optional(draw: st.DrawFn, pool: list[str]) -> str:
    return draw(st.sampled_from(["", *pool]))


@st.composite
def iterations(draw: st.DrawFn, iteration_id: str, base: Iteration | None = None) -> Iteration:
    """A valid iteration; with ``base``, it may be based on it and replace its steps."""
    actor_ids = draw(st.lists(ids, unique=True, max_size=5))
    actors = tuple(
        Actor(
            id=a,
            name=draw(names),
            kind=draw(st.sampled_from(ActorKind)),
            organisation=draw(text),
            ring=draw(st.none() | st.sampled_from(Ring)),
            description=draw(text),
            evidence=draw(evidence),
            sources=draw(texts),
        )
        for a in actor_ids
    )
    relations = ()
    if actor_ids:
        relations = tuple(
            Relation(
                id=r,
                source=draw(st.sampled_from(actor_ids)),
                target=draw(st.sampled_from(actor_ids)),
                kind=draw(st.sampled_from(RelationKind)),
                label=draw(text),
                evidence=draw(evidence),
                sources=draw(texts),
            )
            for r in draw(st.lists(ids, unique=True, max_size=3))
        )
    profile_ids = draw(st.lists(ids, unique=True, max_size=2))
    profiles = tuple(
        Profile(
            id=p,
            name=draw(names),
            actor=_optional(draw, actor_ids),
            summary=draw(text),
            needs=draw(texts),
            goals=draw(texts),
            pains=draw(texts),
            context=draw(text),
            quote=draw(text),
        )
        for p in profile_ids
    )
    touchpoint_ids = draw(st.lists(ids, unique=True, max_size=4))
    touchpoints = tuple(
        Touchpoint(
            id=t,
            name=draw(names),
            channel=draw(st.sampled_from(Channel)),
            medium=draw(text),
            owner=_optional(draw, actor_ids),
            description=draw(text),
            evidence=draw(evidence),
            sources=draw(texts),
        )
        for t in touchpoint_ids
    )
    task_ids = draw(st.lists(ids, unique=True, max_size=6))
    process_ids = draw(st.lists(ids, unique=True, min_size=1 if task_ids else 0, max_size=3))
    processes = []
    for k, p in enumerate(process_ids):
        mine = task_ids[k :: len(process_ids)]
        tasks = tuple(
            Task(
                id=t,
                name=draw(names),
                responsible=_optional(draw, actor_ids),
                how=draw(text),
                response_time=draw(text),
                second_line=_pick(draw, actor_ids),
                third_line=_pick(draw, actor_ids),
                lane=draw(st.sampled_from(Lane)),
                notes=draw(text),
                evidence=draw(evidence),
                sources=draw(texts),
            )
            for t in mine
        )
        processes.append(Process(id=p, name=draw(names), owner=_optional(draw, actor_ids), tasks=tasks))
    stage_ids = draw(st.lists(ids, unique=True, max_size=4))
    stages = tuple(Stage(id=s, name=draw(names), description=draw(text)) for s in stage_ids)
    step_ids = draw(st.lists(ids, unique=True, max_size=8)) if stage_ids else []
    base_steps = [s.id for s in base.steps] if base else []
    steps = tuple(
        Step(
            id=s,
            name=draw(names),
            stage=draw(st.sampled_from(stage_ids)),
            kind=draw(st.sampled_from(StepKind)),
            description=draw(text),
            profile=_optional(draw, profile_ids),
            actors=_pick(draw, actor_ids),
            touchpoints=_pick(draw, touchpoint_ids),
            tasks=_pick(draw, task_ids),
            emotion=draw(st.none() | st.integers(-2, 2)),
            effort=draw(st.none() | st.integers(1, 5)),
            gain=draw(st.none() | st.integers(1, 5)),
            pain_points=draw(texts),
            opportunities=draw(texts),
            replaces=_pick(draw, base_steps),
            evidence=draw(evidence),
            sources=draw(texts),
        )
        for s in step_ids
    )
    flows = ()
    if step_ids:
        flows = tuple(
            Flow(
                id=f,
                source=draw(st.sampled_from(step_ids)),
                target=draw(st.sampled_from(step_ids)),
                label=draw(text),
            )
            for f in draw(st.lists(ids, unique=True, max_size=6))
        )
    benefits = draw(benefit_lists(actor_ids, step_ids, [o for s in steps for o in s.opportunities]))
    return Iteration(
        id=iteration_id,
        label=draw(names),
        state=draw(st.sampled_from(IterationState)),
        based_on=base.id if base else "",
        created=draw(dates),
        note=draw(text),
        locked=draw(st.booleans()),
        actors=actors,
        relations=relations,
        profiles=profiles,
        touchpoints=touchpoints,
        processes=tuple(processes),
        stages=stages,
        steps=steps,
        flows=flows,
        benefits=benefits,
        goals=draw(texts),
        status=draw(text),
        remaining_work=draw(texts),
        next_steps=draw(texts),
        maintenance=draw(text),
        lessons=draw(texts),
    )


@st.composite
def indicators(draw: st.DrawFn, indicator_id: str) -> Indicator:
    """A valid indicator with measurements on distinct dates."""
    when = draw(st.lists(some_dates, unique=True, max_size=4))
    return Indicator(
        id=indicator_id,
        name=draw(names),
        unit=draw(text),
        baseline=draw(st.none() | numbers),
        target=draw(st.none() | numbers),
        deadline=draw(dates),
        method=draw(text),
        frequency=draw(text),
        reporting=draw(texts),
        measurements=tuple(Measurement(date=d, value=draw(numbers), note=draw(text)) for d in when),
    )


@st.composite
def benefit_lists(
    draw: st.DrawFn, actor_ids: list[str], step_ids: list[str], opportunities: list[str]
) -> tuple[Benefit, ...]:
    """Benefits naming existing actors, steps and opportunities; indicator ids unique across them."""
    indicator_ids = draw(st.lists(ids, unique=True, max_size=4))
    benefit_ids = draw(st.lists(ids, unique=True, min_size=1 if indicator_ids else 0, max_size=3))
    return tuple(
        Benefit(
            id=b,
            name=draw(names),
            kind=draw(st.sampled_from(BenefitKind)),
            description=draw(text),
            owner=_optional(draw, actor_ids),
            steps=_pick(draw, step_ids),
            opportunities=_pick(draw, sorted(set(opportunities))),
            indicators=tuple(draw(indicators(i)) for i in indicator_ids[k :: len(benefit_ids)]),
        )
        for k, b in enumerate(benefit_ids)
    )


@st.composite
def maps(draw: st.DrawFn, max_iterations: int = 3) -> JourneyMap:
    """A map with no validation errors (warnings are allowed)."""
    its: list[Iteration] = []
    for iteration_id in draw(st.lists(ids, unique=True, max_size=max_iterations)):
        base = draw(st.none() | st.sampled_from(its)) if its else None
        its.append(draw(iterations(iteration_id, base)))
    return JourneyMap(
        title=draw(names), description=draw(text), organisation=draw(text), iterations=tuple(its)
    )
