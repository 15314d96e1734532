"""What journeymap chooses when nobody says: the iteration, the pair to compare, names of files.

The command line, the views, the report and the editor ask these functions instead of deciding
for themselves, so each choice is made in one place.
"""

from __future__ import annotations

from pathlib import PurePath

from journeymap.errors import NotFoundError
from journeymap.model import Iteration, IterationState, JourneyMap

NO_ITERATIONS = "the map has no iterations"


def find_iteration(journey_map: JourneyMap, iteration_id: str) -> Iteration:
    """The iteration with this id; :class:`NotFoundError` naming the ones there are."""
    try:
        return journey_map.iteration(iteration_id)
    except KeyError:
        known = ", ".join(it.id for it in journey_map.iterations)
        message = f"no iteration {iteration_id!r} (iterations: {known})" if known else NO_ITERATIONS
        raise NotFoundError(message, iteration=iteration_id) from None


def current_iteration(journey_map: JourneyMap) -> Iteration:
    """The first iteration whose state is current, else the first; :class:`NotFoundError` if none."""
    if not journey_map.iterations:
        raise NotFoundError(NO_ITERATIONS, iteration="")
    its = journey_map.iterations
    return next((it for it in its if it.state is IterationState.CURRENT), its[0])


def newest_iteration(journey_map: JourneyMap) -> Iteration:
    """The last iteration in the file; :class:`NotFoundError` if there is none."""
    if not journey_map.iterations:
        raise NotFoundError(NO_ITERATIONS, iteration="")
    return journey_map.iterations[-1]


def newest_future(journey_map: JourneyMap, besides: Iteration | None = None) -> Iteration | None:
    """The last future iteration other than ``besides``, if any."""
    futures = [it for it in journey_map.iterations if it.state is IterationState.FUTURE and it is not besides]
    return futures[-1] if futures else None


def base_iteration(journey_map: JourneyMap, it: Iteration) -> Iteration | None:
    """The iteration ``it`` is based on, if it names one that exists."""
    return (
        next((other for other in journey_map.iterations if other.id == it.based_on), None)
        if it.based_on
        else None
    )


def iteration_or_current(journey_map: JourneyMap, iteration_id: str | None) -> Iteration:
    """The iteration asked for, or else the current one."""
    return find_iteration(journey_map, iteration_id) if iteration_id else current_iteration(journey_map)


def iteration_or_newest(journey_map: JourneyMap, iteration_id: str | None) -> Iteration:
    """The iteration asked for, or else the newest one."""
    return find_iteration(journey_map, iteration_id) if iteration_id else newest_iteration(journey_map)


def iteration_to_present(journey_map: JourneyMap, iteration_id: str | None) -> Iteration:
    """The iteration asked for, or else the newest future one (what a deck presents), or the newest."""
    if iteration_id:
        return find_iteration(journey_map, iteration_id)
    return newest_future(journey_map) or newest_iteration(journey_map)


def default_pair(journey_map: JourneyMap) -> tuple[Iteration, Iteration]:
    """What to compare when nobody says: the current iteration and the newest future one.

    Falls back to the last other iteration; ``ValueError`` with fewer than two.
    """
    its = journey_map.iterations
    if len(its) < 2:
        raise ValueError("the map has fewer than two iterations to compare")
    current = current_iteration(journey_map)
    newer = newest_future(journey_map, current) or its[-1]
    return current, newer if newer is not current else its[-1]


def pair_for(journey_map: JourneyMap, iteration_id: str) -> tuple[Iteration, Iteration]:
    """What to compare when one iteration is selected: (older, newer).

    An iteration based on another is compared with its base; one that others are based on, with
    its newest branch; any other, with the newest other iteration. ``ValueError`` with fewer than two.
    """
    its = journey_map.iterations
    if len(its) < 2:
        raise ValueError("the map has fewer than two iterations to compare")
    it = journey_map.iteration(iteration_id)
    base = base_iteration(journey_map, it)
    if base is not None:
        return base, it
    branches = [other for other in its if other.based_on == it.id]
    return it, branches[-1] if branches else next(other for other in reversed(its) if other is not it)


def title_from_filename(path: str | PurePath) -> str:
    """A map title made from its file name: ``home-care.toml`` gives ``Home care``."""
    return PurePath(path).stem.replace("-", " ").replace("_", " ").capitalize()


def default_export_name(map_path: str | PurePath, view: str, fmt: str, *iterations: str) -> str:
    """``<map>-<view>[-<iteration>[-<against>]].<ext>``: the file an export goes to by default."""
    parts = [PurePath(map_path).stem, view, *(x for x in iterations if x)]
    extension = {"mermaid": "mmd"}.get(fmt, fmt)
    return "-".join(parts) + f".{extension}"
