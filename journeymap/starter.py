"""A small, valid map to start from, and a new map file with its schema beside it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from attrs import evolve

from journeymap.files import dumps
from journeymap.locking import map_lock
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
from journeymap.schema import schema_text
from journeymap.writing import atomic_write

SCHEMA_FILE = "journeymap.schema.json"
"""The schema that :func:`create` writes beside a new map, for editors to complete and check it offline."""


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


def create(path: str | os.PathLike[str], title: str) -> list[Path]:
    """Write a starter map to ``path`` and the JSON Schema beside it; returns the files written.

    The map's ``#:schema`` line points at ``./journeymap.schema.json``, so Taplo and VS Code
    complete and check it without a network. The schema file is (re)written only when it is
    missing or differs from this release's.
    """
    target = Path(path)
    schema = target.parent / SCHEMA_FILE
    journey_map = evolve(starter_map(title), schema_ref=f"./{SCHEMA_FILE}")
    with map_lock(target):
        atomic_write(target, dumps(journey_map).encode("utf-8"))
    written = [target]
    text = schema_text()
    if not schema.is_file() or schema.read_text(encoding="utf-8", errors="replace") != text:
        atomic_write(schema, text.encode("utf-8"))
        written.append(schema)
    return written
