"""A small, valid map to start from."""

from __future__ import annotations

import datetime as dt

from journeymap.model import (
    Actor,
    ActorKind,
    Channel,
    Iteration,
    IterationState,
    JourneyMap,
    Profile,
    Ring,
    Stage,
    Step,
    Touchpoint,
)


def starter_map(title: str, today: dt.date | None = None) -> JourneyMap:
    """One current iteration with a user, a profile, a stage, a step and a touchpoint."""
    current = Iteration(
        id="current",
        label="Today",
        state=IterationState.CURRENT,
        created=today or dt.date.today(),
        actors=(
            Actor(id="user", name="Service user", kind=ActorKind.SERVICE_RECIPIENT, ring=Ring.CORE),
            Actor(id="staff", name="Front-line staff", kind=ActorKind.EMPLOYEE, ring=Ring.DIRECT),
        ),
        profiles=(Profile(id="persona", name="A typical user", actor="user"),),
        touchpoints=(
            Touchpoint(
                id="website", name="Website", channel=Channel.DIGITAL, medium="web page", owner="staff"
            ),
        ),
        stages=(Stage(id="find-out", name="Find out"),),
        steps=(
            Step(
                id="first-contact",
                name="Finds information about the service",
                stage="find-out",
                profile="persona",
                actors=("user",),
                touchpoints=("website",),
                emotion=0,
            ),
        ),
    )
    return JourneyMap(title=title, iterations=(current,))
