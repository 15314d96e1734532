"""A generator of large, valid maps for benchmarks: ``python benchmarks/generate.py OUT.toml``."""

from __future__ import annotations

import random
import sys

import journeymap as jm
from journeymap import (
    Actor,
    ActorKind,
    Channel,
    Flow,
    Iteration,
    IterationState,
    Lane,
    Process,
    Relation,
    RelationKind,
    Ring,
    Stage,
    Step,
    StepKind,
    Task,
    Touchpoint,
)


def large_iteration(
    iteration_id: str,
    rng: random.Random,
    steps: int,
    actors: int,
    touchpoints: int,
    processes: int,
    based_on: str = "",
) -> Iteration:
    """One iteration with the given numbers of elements and realistic cross-references."""
    actor_ids = [f"actor-{k}" for k in range(actors)]
    tp_ids = [f"tp-{k}" for k in range(touchpoints)]
    task_ids = [f"task-{p}-{t}" for p in range(processes) for t in range(8)]
    stage_ids = [f"stage-{k}" for k in range(max(1, steps // 100))]
    step_list = []
    for k in range(steps):
        step_list.append(
            Step(
                id=f"step-{k}",
                name=f"Step {k}: the citizen does something useful",
                stage=stage_ids[k * len(stage_ids) // steps],
                kind=StepKind.DECISION if k % 50 == 49 else StepKind.ACTION,
                actors=tuple(rng.sample(actor_ids, 2)),
                touchpoints=(tp_ids[k % touchpoints],),
                tasks=(rng.choice(task_ids),),
                emotion=rng.randint(-2, 2),
                pain_points=("Waiting for an answer",) if k % 3 == 0 else (),
                opportunities=("Tell the citizen how long it takes",) if k % 3 == 0 else (),
                replaces=(f"step-{k}",) if based_on else (),
            )
        )
    flows = [
        Flow(id=f"f-{k}", source=f"step-{k}", target=f"step-{k + 1}", label="yes" if k % 50 == 49 else "")
        for k in range(steps - 1)
    ]
    flows += [
        Flow(id=f"b-{k}", source=f"step-{k}", target=f"step-{k - 10}", label="no")
        for k in range(49, steps, 50)
    ]
    return Iteration(
        id=iteration_id,
        label=f"Iteration {iteration_id}",
        state=IterationState.FUTURE if based_on else IterationState.CURRENT,
        based_on=based_on,
        actors=tuple(
            Actor(
                id=a,
                name=f"Actor {a}",
                kind=rng.choice(list(ActorKind)),
                ring=rng.choice(list(Ring)),
                organisation="Municipality",
            )
            for a in actor_ids
        ),
        relations=tuple(
            Relation(
                id=f"rel-{k}",
                source=rng.choice(actor_ids),
                target=rng.choice(actor_ids),
                kind=rng.choice(list(RelationKind)),
                label="shares information",
            )
            for k in range(actors)
        ),
        touchpoints=tuple(
            Touchpoint(
                id=t,
                name=f"Touchpoint {t}",
                channel=rng.choice(list(Channel)),
                medium="web form",
                owner=rng.choice(actor_ids),
            )
            for t in tp_ids
        ),
        processes=tuple(
            Process(
                id=f"proc-{p}",
                name=f"Process {p}",
                owner=rng.choice(actor_ids),
                tasks=tuple(
                    Task(
                        id=f"task-{p}-{t}",
                        name=f"Task {t}",
                        responsible=rng.choice(actor_ids),
                        how="By phone",
                        response_time="within 2 hours",
                        second_line=(rng.choice(actor_ids),),
                        lane=rng.choice(list(Lane)),
                    )
                    for t in range(8)
                ),
            )
            for p in range(processes)
        ),
        stages=tuple(Stage(id=s, name=f"Stage {s}") for s in stage_ids),
        steps=tuple(step_list),
        flows=tuple(flows),
    )


def large_map(
    iterations: int = 5,
    steps: int = 2000,
    actors: int = 300,
    touchpoints: int = 500,
    processes: int = 100,
    seed: int = 1,
) -> jm.JourneyMap:
    """A valid map: each iteration based on the one before it."""
    rng = random.Random(seed)
    its = []
    for k in range(iterations):
        its.append(
            large_iteration(f"it-{k}", rng, steps, actors, touchpoints, processes, its[-1].id if its else "")
        )
    return jm.JourneyMap(title="Large benchmark map", iterations=tuple(its))


if __name__ == "__main__":
    jm.save(large_map(), sys.argv[1] if len(sys.argv) > 1 else "large.toml")
