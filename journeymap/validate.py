"""Checks across a whole map: every problem at once, each with its path.

Errors make a map wrong (a dangling reference, a duplicate id, a value out of
range); warnings point at what a service designer would want to look at.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping

from attrs import evolve

from journeymap.conflicts import describe
from journeymap.converter import shown
from journeymap.elements import (
    KIND_OF,
    REFS,
    Element,
    Kind,
    Named,
    elements,
    ids,
    named,
    referenced,
    shared_names,
    with_paths,
)
from journeymap.evidence import evidence_of, evidenced_with_paths
from journeymap.i18n import N_
from journeymap.model import (
    ID_PATTERN,
    Benefit,
    Evidence,
    Flow,
    Indicator,
    Iteration,
    IterationState,
    JourneyMap,
    Relation,
    Step,
    StepKind,
)
from journeymap.problems import Problem, Said, Severity, Word, counted, error, said, warning
from journeymap.signoff import signature_matches

_ID = re.compile(ID_PATTERN)
Base = tuple[str, set[str]]
"""The id of the iteration another is based on, and its step ids."""
BAD_ID = "is not a valid id: use letters, digits, '-', '_' or '.' (at most 64)"


def bad_id(value: str) -> Said:
    """The message about a text that cannot be an id."""
    return said("{id} is not a valid id: use letters, digits, '-', '_' or '.' (at most 64)", id=repr(value))


ProblemCache = dict[tuple[int, str, int], tuple[Iteration, "Iteration | None", list[Problem]]]
"""Problems of iterations already checked, by the identity of the iteration and its base."""


def validate(
    journey_map: JourneyMap, iterations: Collection[str] | None = None, cache: ProblemCache | None = None
) -> list[Problem]:
    """All problems of the map, in document order.

    With ``iterations`` (ids), the contents of only those iterations are checked; the map's
    title and its iterations' ids and ``based_on`` always are. An editor that validates after
    every edit can pass the same ``cache`` each time: iterations that are the same objects as
    last time (the model is immutable) are not checked again.
    """
    problems: list[Problem] = []
    if not journey_map.title.strip():
        problems.append(error("title", said("the map has no title"), field="title"))
    by_id: dict[str, Iteration] = {}
    for i, it in enumerate(journey_map.iterations):
        path = f"iterations[{i}]"
        if not _ID.fullmatch(it.id):
            problems.append(error(f"{path}.id", bad_id(it.id), iteration=it.id, field="id"))
        if it.id in by_id:
            first = journey_map.iterations.index(by_id[it.id])
            problems.append(
                error(
                    f"{path}.id",
                    said(
                        "duplicate iteration id {id} (also used by {path})",
                        id=repr(it.id),
                        path=f"iterations[{first}]",
                    ),
                    iteration=it.id,
                    field="id",
                )
            )
        else:
            by_id[it.id] = it
    for i, it in enumerate(journey_map.iterations):
        path = f"iterations[{i}]"
        if not signature_matches(it):
            problems.append(warning(f"{path}.lock_hash", _changed_behind_lock(it)))
        if it.based_on and it.based_on not in by_id:
            problems.append(
                error(
                    f"{path}.based_on",
                    said("based on iteration {id}, which does not exist", id=repr(it.based_on)),
                    iteration=it.id,
                    field="based_on",
                )
            )
        elif it.based_on and _in_cycle(it.id, by_id):
            problems.append(
                error(
                    f"{path}.based_on",
                    said("iteration {id} is based on itself through 'based_on'", id=repr(it.id)),
                    iteration=it.id,
                    field="based_on",
                )
            )
        if iterations is None or it.id in iterations:
            base = by_id.get(it.based_on) if it.based_on != it.id else None
            problems += _checked(it, path, base, cache)
    for c, conflict in enumerate(journey_map.conflicts):
        problems.append(
            error(
                f"conflicts[{c}]",
                said("unresolved merge conflict: {conflict}", conflict=describe(conflict, journey_map)),
            )
        )
    return problems


def _changed_behind_lock(it: Iteration) -> Said:
    when = f"{it.locked_at:%Y-%m-%d %H:%M %Z}".rstrip() if it.locked_at else ""
    values = {"id": repr(it.id), "who": it.locked_by, "when": when}
    if it.locked_by and when:
        message = N_(
            "iteration {id} was changed after it was locked by {who} on {when}: its content no longer"
            " matches the sign-off; unlock and lock it again to sign off the change"
        )
    elif it.locked_by:
        message = N_(
            "iteration {id} was changed after it was locked by {who}: its content no longer"
            " matches the sign-off; unlock and lock it again to sign off the change"
        )
    elif when:
        message = N_(
            "iteration {id} was changed after it was locked on {when}: its content no longer"
            " matches the sign-off; unlock and lock it again to sign off the change"
        )
    else:
        message = N_(
            "iteration {id} was changed after it was locked: its content no longer"
            " matches the sign-off; unlock and lock it again to sign off the change"
        )
    return said(message, **values)


def _checked(it: Iteration, path: str, base: Iteration | None, cache: ProblemCache | None) -> list[Problem]:
    if cache is None:
        return iteration_problems(it, path, base)
    key = (id(it), path, id(base))
    hit = cache.get(key)
    if hit is not None and hit[0] is it and hit[1] is base:
        return hit[2]
    found = iteration_problems(it, path, base)
    if len(cache) > 64:
        cache.clear()
    cache[key] = (it, base, found)
    return found


def valid_id(text: str) -> bool:
    """Whether a text can be an id."""
    return bool(_ID.fullmatch(text))


def has_errors(problems: Iterable[Problem]) -> bool:
    """True if any problem is an error."""
    return any(p.severity is Severity.ERROR for p in problems)


def iteration_problems(it: Iteration, path: str, base: Iteration | None) -> list[Problem]:
    """Errors and warnings of one iteration (``base`` is the iteration it is based on)."""
    known = {kind: ids(it, kind) for kind in Kind}
    based: Base | None = (base.id, ids(base, Kind.STEP)) if base else None
    problems: list[Problem] = []
    for kind in Kind:
        shared = shared_names(elements(it, kind))
        first: dict[str, str] = {}
        for element_path, element in with_paths(it, kind, path):
            if element.id in first:
                values = {"kind": kind, "id": repr(element.id), "path": first[element.id]}
                if kind.parent:
                    message = said(
                        "duplicate {kind} id {id} (also used by {path}); {kind} ids are unique across {parents}",
                        parents=Word(_PARENTS[kind.parent]),
                        **values,
                    )
                else:
                    message = said("duplicate {kind} id {id} (also used by {path})", **values)
                problems.append(
                    error(
                        f"{element_path}.id",
                        message,
                        kind=kind,
                        element=element.id,
                        field="id",
                    )
                )
            else:
                first[element.id] = element_path
            problems += element_problems(element, element_path, known, based, shared)
    return [evolve(p, iteration=it.id) for p in problems + _warnings(it, path)]


def element_problems(
    element: Element,
    path: str,
    known: Mapping[Kind, set[str]],
    base: Base | None = None,
    shared: Collection[str] = (),
) -> list[Problem]:
    """Errors in one element's own values and in the ids it names.

    ``base`` is the id and step ids of the iteration this one is based on, if any; ``shared`` the
    names that other elements of its kind have too (messages then add the id).
    """
    kind = KIND_OF[type(element)]
    name = named(element, shared)
    problems = []
    if not _ID.fullmatch(element.id):
        problems.append(error(f"{path}.id", bad_id(element.id), field="id"))
    if not isinstance(element, (Relation, Flow)) and not element.name.strip():
        problems.append(error(f"{path}.name", said("{element} has no name", element=name), field="name"))
    for ref in REFS.get(kind, ()):
        names = known[ref.target]
        for j, value in enumerate(referenced(element, ref)):
            if value and value in names:
                continue
            where = f"{path}.{ref.field}[{j}]" if ref.many else f"{path}.{ref.field}"
            if not value:
                message = said("{element} needs a {kind} here", element=name, kind=ref.target)
                problems.append(error(where, message, field=ref.field))
            else:
                problems.append(
                    error(
                        where,
                        said(
                            "{element} names {kind} {id}, which does not exist in this iteration",
                            element=name,
                            kind=ref.target,
                            id=repr(value),
                        ),
                        field=ref.field,
                    )
                )
    if isinstance(element, Step):
        problems += _step_values(element, name, path, base)
    if isinstance(element, Indicator):
        seen: dict[str, int] = {}
        for j, m in enumerate(element.measurements):
            day = m.date.isoformat()
            if day in seen:
                problems.append(
                    error(
                        f"{path}.measurements[{j}].date",
                        said(
                            "{element} has two measurements of {day} (also {path})",
                            element=name,
                            day=day,
                            path=f"measurements[{seen[day]}]",
                        ),
                        field="measurements",
                    )
                )
            seen.setdefault(day, j)
    return [evolve(p, kind=kind, element=element.id) for p in problems] if problems else problems


_STEP_RANGES = Kind.STEP.spec.ranges
"""Emotion, effort and gain: their ranges as the model declares them."""
_SCALE_WORDS = {"emotion": (N_("very bad"), N_("very good"))}
"""What the ends of a scale mean, where it is not 1 (little) to 5 (a lot)."""
_SCALES = {"emotion": N_("emotion"), "effort": N_("effort"), "gain": N_("gain")}
_PARENTS = {Kind.PROCESS: N_("processes"), Kind.BENEFIT: N_("benefits")}
"""The kinds whose elements hold others, in the plural, as in "unique across processes"."""


def _step_values(step: Step, name: Named, path: str, base: Base | None) -> list[Problem]:
    problems = []
    for field, (low, high) in _STEP_RANGES.items():
        value = getattr(step, field)
        if value is not None and not low <= value <= high:
            ends = _SCALE_WORDS.get(field, (N_("little"), N_("a lot")))
            sign = "+" if low < 0 else ""
            message = said(
                "{field} {value} is out of range: use {low} ({low_means}) to {high} ({high_means})",
                field=Word(_SCALES.get(field, field)),
                value=shown(value),
                low=f"{low:{sign}d}",
                low_means=Word(ends[0]),
                high=f"{high:{sign}d}",
                high_means=Word(ends[1]),
            )
            problems.append(error(f"{path}.{field}", message, field=field))
    for j, replaced in enumerate(step.replaces):
        if base is None:
            message = said(
                "{element} replaces {id}, but its iteration is not based on another one",
                element=name,
                id=repr(replaced),
            )
        elif replaced not in base[1]:
            message = said(
                "{element} replaces step {id}, which iteration {base} does not have",
                element=name,
                id=repr(replaced),
                base=repr(base[0]),
            )
        else:
            continue
        problems.append(error(f"{path}.replaces[{j}]", message, field="replaces"))
    return problems


def _in_cycle(start: str, by_id: Mapping[str, Iteration]) -> bool:
    seen = {start}
    current = by_id[start].based_on
    while current in by_id:
        if current in seen:
            return True
        seen.add(current)
        current = by_id[current].based_on
    return False


def _namer(it: Iteration) -> Callable[[Element], Named]:
    """How messages about ``it`` name its elements: by name, with the id where a name is shared."""
    shared: dict[Kind, frozenset[str]] = {}

    def namer(element: Element) -> Named:
        kind = KIND_OF[type(element)]
        if kind not in shared:
            shared[kind] = shared_names(elements(it, kind))
        return named(element, shared[kind])

    return namer


def _warnings(it: Iteration, p: str) -> list[Problem]:
    name = _namer(it)
    problems: list[Problem] = []
    used_touchpoints = {t for step in it.steps for t in step.touchpoints}
    journey_actors = {a for step in it.steps for a in step.actors}
    for k, step in enumerate(it.steps):
        if not step.actors:
            problems.append(
                warning(
                    f"{p}.steps[{k}]",
                    said("{element} has no actor: who takes part here?", element=name(step)),
                    kind=Kind.STEP,
                    element=step.id,
                )
            )
        if step.pain_points and not step.opportunities:
            for j, pain in enumerate(step.pain_points):
                problems.append(
                    warning(
                        f"{p}.steps[{k}].pain_points[{j}]",
                        said("pain point {text} has no opportunity in its step", text=repr(pain)),
                        kind=Kind.STEP,
                        element=step.id,
                        field="pain_points",
                    )
                )
    for k, tp in enumerate(it.touchpoints):
        if tp.id not in used_touchpoints:
            problems.append(
                warning(
                    f"{p}.touchpoints[{k}]",
                    said("{element} is not used by any step", element=name(tp)),
                    kind=Kind.TOUCHPOINT,
                    element=tp.id,
                )
            )
    for k, actor in enumerate(it.actors):
        if actor.id in journey_actors and actor.ring is None:
            problems.append(
                warning(
                    f"{p}.actors[{k}].ring",
                    said(
                        "{element} takes part in the journey but has no ring on the actor map",
                        element=name(actor),
                    ),
                    kind=Kind.ACTOR,
                    element=actor.id,
                    field="ring",
                )
            )
    return problems + _flow_warnings(it, p) + _benefit_warnings(it, p) + _evidence_warnings(it, p)


def _evidence_warnings(it: Iteration, p: str) -> list[Problem]:
    """Observed elements that name no source, and steps of today's journey that are only assumed."""
    name = _namer(it)
    problems: list[Problem] = []
    for path, element in evidenced_with_paths(it, p):
        evidence, kind = evidence_of(element), KIND_OF[type(element)]
        if evidence is Evidence.OBSERVED and not any(s.strip() for s in getattr(element, "sources", ())):
            message = said(
                "{element} is observed but names no source: add where it was seen or heard to its"
                " sources (an interview, a log, a document, a web address), or mark it assumed",
                element=name(element),
            )
            problems.append(
                warning(f"{path}.sources", message, kind=kind, element=element.id, field="sources")
            )
        elif evidence is Evidence.ASSUMED and kind is Kind.STEP and it.state is IterationState.CURRENT:
            message = said(
                "{element} of today's journey is only assumed: check it with the people who live it"
                " (an interview, an observation) and mark it observed with its source",
                element=name(element),
            )
            problems.append(
                warning(f"{path}.evidence", message, kind=kind, element=element.id, field="evidence")
            )
    return problems


_SMARTE = (
    ("unit", N_("{element} has no unit: measurable needs one ('hours', 'DKK', '%')")),
    ("baseline", N_("{element} has no baseline: what is the value before the change?")),
    ("target", N_("{element} has no target: what value counts as realised?")),
    ("deadline", N_("{element} has no deadline: by when is the target to be reached?")),
    ("method", N_("{element} has no method: how is it measured, from what source?")),
)
"""What makes an indicator not S.M.A.R.T.E. (specific, measurable, accepted, realistic, time-bound, evaluable)."""


def _benefit_warnings(it: Iteration, p: str) -> list[Problem]:
    name = _namer(it)
    problems: list[Problem] = []
    opportunities = {o for step in it.steps for o in step.opportunities}
    for b, benefit in enumerate(it.benefits):
        bp = f"{p}.benefits[{b}]"
        if not benefit.owner:
            problems.append(
                warning(
                    f"{bp}.owner",
                    said(
                        "{element} has no owner: who is responsible for realising it?", element=name(benefit)
                    ),
                    kind=Kind.BENEFIT,
                    element=benefit.id,
                    field="owner",
                )
            )
        if not benefit.indicators:
            problems.append(
                warning(
                    bp,
                    said(
                        "{element} has no indicator: how will you know it is realised?", element=name(benefit)
                    ),
                    kind=Kind.BENEFIT,
                    element=benefit.id,
                    field="indicators",
                )
            )
        for j, text in enumerate(benefit.opportunities):
            if text not in opportunities:
                problems.append(
                    warning(
                        f"{bp}.opportunities[{j}]",
                        said(
                            "{element} builds on opportunity {text}, which no step of this iteration has",
                            element=name(benefit),
                            text=repr(text),
                        ),
                        kind=Kind.BENEFIT,
                        element=benefit.id,
                        field="opportunities",
                    )
                )
        problems += _indicator_warnings(benefit, bp, name)
    return problems


def _indicator_warnings(benefit: Benefit, bp: str, name: Callable[[Element], Named]) -> list[Problem]:
    problems: list[Problem] = []
    for i, indicator in enumerate(benefit.indicators):
        ip = f"{bp}.indicators[{i}]"
        for field, message in _SMARTE:
            if getattr(indicator, field) in (None, ""):
                problems.append(
                    warning(
                        f"{ip}.{field}",
                        said(message, element=name(indicator)),
                        field=field,
                        kind=Kind.INDICATOR,
                        element=indicator.id,
                    )
                )
        if indicator.baseline is not None and indicator.baseline == indicator.target:
            problems.append(
                warning(
                    f"{ip}.target",
                    said("{element} has a target equal to its baseline", element=name(indicator)),
                    field="target",
                    kind=Kind.INDICATOR,
                    element=indicator.id,
                )
            )
    return problems


def _flow_warnings(it: Iteration, p: str) -> list[Problem]:
    name = _namer(it)
    problems: list[Problem] = []
    if not it.flows or not it.steps:
        return problems
    outgoing: dict[str, list[int]] = {}
    for k, flow in enumerate(it.flows):
        outgoing.setdefault(flow.source, []).append(k)
    first = it.steps[0].id
    reached = {first}
    todo = [first]
    while todo:
        for k in outgoing.get(todo.pop(), ()):
            target = it.flows[k].target
            if target not in reached:
                reached.add(target)
                todo.append(target)
    for k, step in enumerate(it.steps):
        sp = f"{p}.steps[{k}]"
        if step.id not in reached:
            problems.append(
                warning(
                    sp,
                    said(
                        "{element} cannot be reached by the flows from the first step {id}",
                        element=name(step),
                        id=repr(first),
                    ),
                    kind=Kind.STEP,
                    element=step.id,
                )
            )
        if step.kind is StepKind.DECISION:
            out = outgoing.get(step.id, [])
            if len(out) < 2:
                problems.append(
                    warning(
                        sp,
                        counted(
                            "decision {id} has {n} outgoing flow; a decision needs at least two",
                            "decision {id} has {n} outgoing flows; a decision needs at least two",
                            len(out),
                            id=repr(step.id),
                        ),
                        kind=Kind.STEP,
                        element=step.id,
                    )
                )
            for j in out:
                if not it.flows[j].label.strip():
                    problems.append(
                        warning(
                            f"{p}.flows[{j}].label",
                            said(
                                "branch {id} out of decision {decision} has no label",
                                id=repr(it.flows[j].id),
                                decision=repr(step.id),
                            ),
                            kind=Kind.FLOW,
                            element=it.flows[j].id,
                            field="label",
                        )
                    )
    return problems
