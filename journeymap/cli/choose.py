"""Which iteration a command works on when the user names one, or does not."""

from __future__ import annotations

from journeymap.cli.command import UsageError
from journeymap.model import Iteration, IterationState, JourneyMap


def iteration_id(m: JourneyMap, wanted: str | None, file: str) -> str:
    """The iteration asked for, or else the current one (else the first)."""
    if wanted:
        if wanted not in {it.id for it in m.iterations}:
            known = ", ".join(it.id for it in m.iterations)
            raise UsageError(f"{file}: no iteration {wanted!r} (iterations: {known})")
        return wanted
    if not m.iterations:
        raise UsageError(f"{file}: the map has no iterations")
    current = [it for it in m.iterations if it.state is IterationState.CURRENT]
    return (current or list(m.iterations))[0].id


def newest(m: JourneyMap, wanted: str | None, file: str) -> Iteration:
    """The iteration asked for, or else the newest one."""
    if not m.iterations:
        raise UsageError(f"{file}: the map has no iterations")
    return m.iteration(iteration_id(m, wanted, file)) if wanted else m.iterations[-1]
