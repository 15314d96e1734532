"""What the views share: the iteration and the steps to draw, the language, and the view error."""

from __future__ import annotations

import gettext

from journeymap.defaults import iteration_or_current
from journeymap.errors import JourneymapError, NotFoundError
from journeymap.i18n import translation
from journeymap.model import Iteration, JourneyMap, Step
from journeymap.validate import has_errors, validate
from journeymap.views.options import ViewOptions


class ViewError(JourneymapError):
    """A diagram cannot be drawn: the map has errors, or an option names nothing."""


class SameIterationError(ViewError):
    """A comparison was asked of one ``iteration`` with itself."""

    def __init__(self, iteration: str) -> None:
        super().__init__(f"compare needs two different iterations, got {iteration!r} twice")
        self.iteration = iteration


def checked(journey_map: JourneyMap, *iterations: Iteration) -> None:
    """Refuse to draw iterations with validation errors (a view of a broken map would mislead)."""
    problems = [p for p in validate(journey_map, {it.id for it in iterations}) if has_errors([p])]
    if problems:
        shown = "; ".join(f"{p.path}: {p.message}" for p in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise ViewError(f"the map has errors, fix them first: {shown}{more}")


def catalog(journey_map: JourneyMap, options: ViewOptions) -> gettext.NullTranslations:
    """The catalog of the words a view adds: ``options.language``, else the map's language."""
    return translation(options.language or journey_map.language)


def iteration(journey_map: JourneyMap, iteration_id: str) -> Iteration:
    """The iteration with this id, or by default the current one (else the first)."""
    try:
        return iteration_or_current(journey_map, iteration_id)
    except NotFoundError as exc:
        raise ViewError(str(exc)) from None


def visible_steps(it: Iteration, options: ViewOptions) -> list[Step]:
    """The steps to draw, grouped by stage in stage order, filtered by profile and stage range."""
    stage_ids = [s.id for s in it.stages]
    if options.stages:
        first, last = options.stages
        for stage in (first, last):
            if stage not in stage_ids:
                raise ViewError(
                    f"iteration {it.id!r} has no stage {stage!r} (stages: {', '.join(stage_ids)})"
                )
        low, high = sorted((stage_ids.index(first), stage_ids.index(last)))
        stage_ids = stage_ids[low : high + 1]
    if options.profile and options.profile not in {p.id for p in it.profiles}:
        known = ", ".join(p.id for p in it.profiles) or "none"
        raise ViewError(f"iteration {it.id!r} has no profile {options.profile!r} (profiles: {known})")
    order = {stage: k for k, stage in enumerate(stage_ids)}
    steps = [
        s
        for s in it.steps
        if s.stage in order and (not options.profile or s.profile in ("", options.profile))
    ]
    return sorted(steps, key=lambda s: order[s.stage])


def stage_runs(steps: list[Step]) -> list[tuple[int, int, str]]:
    """Runs of consecutive columns in the same stage: (first, last, stage id)."""
    runs: list[tuple[int, int, str]] = []
    for k, step in enumerate(steps):
        if runs and runs[-1][2] == step.stage:
            runs[-1] = (runs[-1][0], k, step.stage)
        else:
            runs.append((k, k, step.stage))
    return runs
