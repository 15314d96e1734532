"""The priority matrix: where each change lands by its effort and its gain.

A future step with ``effort`` and ``gain`` (1..5) is a change to prioritise. Gain and effort of
3 or more count as high, which gives four quadrants: quick wins (high gain, low effort) first,
then big bets (high gain, high effort), fill-ins (low gain, low effort) and money pits (low
gain, high effort) last.
"""

from __future__ import annotations

from enum import Enum

from attrs import frozen

from journeymap.i18n import N_
from journeymap.model import Iteration, Step

HIGH = 3


class Quadrant(Enum):
    """A quadrant of the effort/gain matrix, in the order to act on them."""

    QUICK_WIN = "quick win"
    BIG_BET = "big bet"
    FILL_IN = "fill-in"
    MONEY_PIT = "money pit"

    @property
    def advice(self) -> str:
        return _ADVICE[self]


_ADVICE = {
    Quadrant.QUICK_WIN: N_("do first"),
    Quadrant.BIG_BET: N_("plan and fund"),
    Quadrant.FILL_IN: N_("do when there is time"),
    Quadrant.MONEY_PIT: N_("drop or rethink"),
}
"""In English; ``vocabulary.advice`` gives it in a language."""


def quadrant(effort: int, gain: int) -> Quadrant:
    """The quadrant of a change with this effort and gain."""
    if gain >= HIGH:
        return Quadrant.QUICK_WIN if effort < HIGH else Quadrant.BIG_BET
    return Quadrant.FILL_IN if effort < HIGH else Quadrant.MONEY_PIT


@frozen
class Priority:
    """A scored change: the step, its effort and gain, and its quadrant."""

    step: Step
    effort: int
    gain: int
    quadrant: Quadrant


def priorities(it: Iteration) -> list[Priority]:
    """The iteration's scored steps, most worth doing first: by quadrant, then gain, then effort."""
    scored = [
        Priority(s, s.effort, s.gain, quadrant(s.effort, s.gain))
        for s in it.steps
        if s.effort is not None and s.gain is not None
    ]
    order = list(Quadrant)
    return sorted(scored, key=lambda p: (order.index(p.quadrant), -p.gain, p.effort))
