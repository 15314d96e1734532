"""Checks across a whole map: every problem at once, each with its path.

Errors make a map wrong (a dangling reference, a duplicate id, a value out of
range); warnings point at what a service designer would want to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from journeymap.model import (
    EMOTION_MAX,
    EMOTION_MIN,
    ID_PATTERN,
    Iteration,
    JourneyMap,
    StepKind,
)
from journeymap.problems import Problem, Severity, error, warning

_ID = re.compile(ID_PATTERN)


class _Element(Protocol):
    @property
    def id(self) -> str: ...


def validate(journey_map: JourneyMap) -> list[Problem]:
    """All problems of the map: errors first within each element, in document order."""
    problems: list[Problem] = []
    if not journey_map.title.strip():
        problems.append(error("title", "the map has no title"))
    iterations = journey_map.iterations
    problems += _ids(iterations, "iterations", "iteration")
    by_id = {it.id: it for it in iterations}
    for i, it in enumerate(iterations):
        path = f"iterations[{i}]"
        if it.based_on and it.based_on not in by_id:
            problems.append(
                error(f"{path}.based_on", f"based on iteration {it.based_on!r}, which does not exist")
            )
        elif it.based_on and _in_cycle(it.id, by_id):
            problems.append(
                error(f"{path}.based_on", f"iteration {it.id!r} is based on itself through 'based_on'")
            )
        base = by_id.get(it.based_on) if it.based_on != it.id else None
        problems += _iteration(it, path, base)
    return problems


def has_errors(problems: Iterable[Problem]) -> bool:
    """True if any problem is an error."""
    return any(p.severity is Severity.ERROR for p in problems)


def _in_cycle(start: str, by_id: dict[str, Iteration]) -> bool:
    seen = {start}
    current = by_id[start].based_on
    while current in by_id:
        if current in seen:
            return True
        seen.add(current)
        current = by_id[current].based_on
    return False


def _ids(elements: Sequence[_Element], collection: str, what: str) -> list[Problem]:
    problems = []
    first: dict[str, int] = {}
    for k, element in enumerate(elements):
        path = f"{collection}[{k}].id"
        if not _ID.match(element.id):
            problems.append(
                error(
                    path,
                    f"{element.id!r} is not a valid id: use letters, digits, '-', '_' or '.' (at most 64)",
                )
            )
        if element.id in first:
            problems.append(
                error(
                    path,
                    f"duplicate {what} id {element.id!r} (also used by {collection}[{first[element.id]}])",
                )
            )
        else:
            first[element.id] = k
    return problems


def _dangling(path: str, value: str, known: set[str], what: str, owner: str) -> list[Problem]:
    if value in known:
        return []
    if not value:
        return [error(path, f"{owner} needs a {what} here")]
    return [error(path, f"{owner} names {what} {value!r}, which does not exist in this iteration")]


def _iteration(it: Iteration, p: str, base: Iteration | None) -> list[Problem]:
    problems: list[Problem] = []
    for collection, what in (
        ("actors", "actor"),
        ("relations", "relation"),
        ("profiles", "profile"),
        ("touchpoints", "touchpoint"),
        ("processes", "process"),
        ("stages", "stage"),
        ("steps", "step"),
        ("flows", "flow"),
    ):
        problems += _ids(getattr(it, collection), f"{p}.{collection}", what)
        for k, element in enumerate(getattr(it, collection)):
            if hasattr(element, "name") and not element.name.strip():
                problems.append(error(f"{p}.{collection}[{k}].name", f"{what} {element.id!r} has no name"))

    actors = {a.id for a in it.actors}
    task_paths: dict[str, str] = {}

    def ref(path: str, value: str, known: set[str], what: str, owner: str, optional: bool = False) -> None:
        if value or not optional:
            problems.extend(_dangling(path, value, known, what, owner))

    for k, rel in enumerate(it.relations):
        ref(f"{p}.relations[{k}].source", rel.source, actors, "actor", f"relation {rel.id!r}")
        ref(f"{p}.relations[{k}].target", rel.target, actors, "actor", f"relation {rel.id!r}")
    for k, prof in enumerate(it.profiles):
        ref(f"{p}.profiles[{k}].actor", prof.actor, actors, "actor", f"profile {prof.id!r}", optional=True)
    for k, tp in enumerate(it.touchpoints):
        ref(f"{p}.touchpoints[{k}].owner", tp.owner, actors, "actor", f"touchpoint {tp.id!r}", optional=True)
    for k, proc in enumerate(it.processes):
        pp = f"{p}.processes[{k}]"
        ref(f"{pp}.owner", proc.owner, actors, "actor", f"process {proc.id!r}", optional=True)
        for t, task in enumerate(proc.tasks):
            tp_path = f"{pp}.tasks[{t}]"
            if not _ID.match(task.id):
                problems.append(
                    error(
                        f"{tp_path}.id",
                        f"{task.id!r} is not a valid id: use letters, digits, '-', '_' or '.' (at most 64)",
                    )
                )
            if task.id in task_paths:
                problems.append(
                    error(
                        f"{tp_path}.id",
                        f"duplicate task id {task.id!r} (also used by {task_paths[task.id]}); task ids are unique across processes",
                    )
                )
            else:
                task_paths[task.id] = tp_path
            if not task.name.strip():
                problems.append(error(f"{tp_path}.name", f"task {task.id!r} has no name"))
            owner = f"task {task.id!r}"
            ref(f"{tp_path}.responsible", task.responsible, actors, "actor", owner, optional=True)
            for line_name in ("second_line", "third_line"):
                for j, actor in enumerate(getattr(task, line_name)):
                    ref(f"{tp_path}.{line_name}[{j}]", actor, actors, "actor", owner)

    problems += _steps(it, p, base, actors, task_paths)
    return problems


def _steps(
    it: Iteration, p: str, base: Iteration | None, actors: set[str], tasks: dict[str, str]
) -> list[Problem]:
    problems: list[Problem] = []
    stages = {s.id for s in it.stages}
    profiles = {pr.id for pr in it.profiles}
    touchpoints = {t.id for t in it.touchpoints}
    steps = {s.id for s in it.steps}
    base_steps = {s.id for s in base.steps} if base else set()
    used_touchpoints: set[str] = set()
    journey_actors: dict[str, str] = {}
    set_of_tasks = set(tasks)
    for k, step in enumerate(it.steps):
        sp = f"{p}.steps[{k}]"
        owner = f"step {step.id!r}"

        problems += _dangling(f"{sp}.stage", step.stage, stages, "stage", owner)
        if step.profile:
            problems += _dangling(f"{sp}.profile", step.profile, profiles, "profile", owner)
        for j, a in enumerate(step.actors):
            problems += _dangling(f"{sp}.actors[{j}]", a, actors, "actor", owner)
            journey_actors.setdefault(a, f"{sp}.actors[{j}]")
        for j, t in enumerate(step.touchpoints):
            problems += _dangling(f"{sp}.touchpoints[{j}]", t, touchpoints, "touchpoint", owner)
            used_touchpoints.add(t)
        for j, t in enumerate(step.tasks):
            problems += _dangling(f"{sp}.tasks[{j}]", t, set_of_tasks, "task", owner)
        if step.emotion is not None and not EMOTION_MIN <= step.emotion <= EMOTION_MAX:
            problems.append(
                error(
                    f"{sp}.emotion",
                    f"emotion {step.emotion} is out of range: use -2 (very bad) to +2 (very good)",
                )
            )
        for j, r in enumerate(step.replaces):
            if base is None:
                problems.append(
                    error(
                        f"{sp}.replaces[{j}]",
                        f"{owner} replaces {r!r}, but its iteration is not based on another one",
                    )
                )
            elif r not in base_steps:
                problems.append(
                    error(
                        f"{sp}.replaces[{j}]",
                        f"{owner} replaces step {r!r}, which iteration {base.id!r} does not have",
                    )
                )
        if not step.actors:
            problems.append(warning(sp, f"{owner} has no actor: who takes part here?"))
        if step.pain_points and not step.opportunities:
            for j, pain in enumerate(step.pain_points):
                problems.append(
                    warning(f"{sp}.pain_points[{j}]", f"pain point {pain!r} has no opportunity in its step")
                )

    for k, flow in enumerate(it.flows):
        for end in ("source", "target"):
            problems += _dangling(
                f"{p}.flows[{k}].{end}", getattr(flow, end), steps, "step", f"flow {flow.id!r}"
            )

    for k, tp in enumerate(it.touchpoints):
        if tp.id not in used_touchpoints:
            problems.append(warning(f"{p}.touchpoints[{k}]", f"touchpoint {tp.id!r} is not used by any step"))
    ringless = [a for a in it.actors if a.id in journey_actors and a.ring is None]
    index = {a.id: k for k, a in enumerate(it.actors)}
    for actor in ringless:
        problems.append(
            warning(
                f"{p}.actors[{index[actor.id]}].ring",
                f"actor {actor.id!r} takes part in the journey but has no ring on the actor map",
            )
        )
    problems += _flow_warnings(it, p)
    return problems


def _flow_warnings(it: Iteration, p: str) -> list[Problem]:
    problems: list[Problem] = []
    if not it.flows or not it.steps:
        return problems
    outgoing: dict[str, list[int]] = {}
    for k, flow in enumerate(it.flows):
        outgoing.setdefault(flow.source, []).append(k)
    reached = {it.steps[0].id}
    todo = [it.steps[0].id]
    while todo:
        for k in outgoing.get(todo.pop(), ()):
            target = it.flows[k].target
            if target not in reached:
                reached.add(target)
                todo.append(target)
    first = it.steps[0].id
    for k, step in enumerate(it.steps):
        sp = f"{p}.steps[{k}]"
        if step.id not in reached:
            problems.append(
                warning(sp, f"step {step.id!r} cannot be reached by the flows from the first step {first!r}")
            )
        if step.kind is StepKind.DECISION:
            out = outgoing.get(step.id, [])
            if len(out) < 2:
                problems.append(
                    warning(
                        sp,
                        f"decision {step.id!r} has {len(out)} outgoing flow(s); a decision needs at least two",
                    )
                )
            for j in out:
                if not it.flows[j].label.strip():
                    problems.append(
                        warning(
                            f"{p}.flows[{j}].label",
                            f"branch {it.flows[j].id!r} out of decision {step.id!r} has no label",
                        )
                    )
    return problems
