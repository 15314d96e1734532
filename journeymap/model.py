"""The journey map model: immutable attrs classes for every concept of a map.

Every element has a stable string ``id``. The classes check nothing across
elements: references and ranges are checked by :mod:`journeymap.validate`, so
that a file with many problems reports them all at once.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from attrs import field, frozen

SCHEMA_VERSION = 1
"""The file format version this release writes."""

SCHEMA_REF = "https://journeymap.github.io/schemas/journeymap-1.schema.json"
"""Where the ``#:schema`` comment of a new file points editors to."""

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"


def doc(text: str, **extra: Any) -> dict[str, Any]:
    """Field metadata: a description for the JSON Schema, plus schema keywords."""
    return {"doc": text, **extra}


ID = doc("Stable id: letters, digits, '-', '_' or '.', at most 64 characters.", pattern=ID_PATTERN)


class ActorKind(Enum):
    """Who an actor is in relation to the service."""

    SERVICE_RECIPIENT = "service_recipient"
    RELATIVE = "relative"
    EMPLOYEE = "employee"
    LEADER = "leader"
    SUPPLIER = "supplier"
    PARTNER = "partner"
    AUTHORITY = "authority"
    OTHER = "other"


class Ring(Enum):
    """The ring of the actor map: how close an actor is to the service."""

    CORE = "core"
    DIRECT = "direct"
    INDIRECT = "indirect"


class RelationKind(Enum):
    """What flows between two actors."""

    INFORMATION = "information"
    SERVICE = "service"
    MONEY = "money"
    SUPPORT = "support"
    AGREEMENT = "agreement"
    AUTHORITY = "authority"
    OTHER = "other"


class Channel(Enum):
    """How the user meets the service at a touchpoint."""

    DIGITAL = "digital"
    PHYSICAL = "physical"
    INTERPERSONAL = "interpersonal"


class Lane(Enum):
    """The service blueprint lane a process task belongs to."""

    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT = "support"


class StepKind(Enum):
    """An ordinary moment of the journey, or a point where it branches."""

    ACTION = "action"
    DECISION = "decision"


class BenefitKind(Enum):
    """What a benefit is: the four kinds a benefits assessment asks about."""

    COST_AVOIDED = "cost_avoided"
    TIME_SAVED = "time_saved"
    QUALITY = "quality"
    IMPLEMENTATION_COST = "implementation_cost"


class IterationState(Enum):
    """Whether an iteration describes today's service or a designed one."""

    CURRENT = "current"
    FUTURE = "future"


class Evidence(Enum):
    """How the team knows what an element says."""

    OBSERVED = "observed"
    ASSUMED = "assumed"
    PROPOSED = "proposed"


class Language(Enum):
    """The language a map is written in (ISO 639-1); its diagrams, report and deck speak it."""

    EN = "en"
    DA = "da"
    NB = "nb"


def evidence_doc(covers: str = "this") -> dict[str, Any]:
    """The metadata of an ``evidence`` field: how the team knows ``covers`` (absent: not stated)."""
    return doc(
        f"How the team knows {covers}: observed (seen, heard, measured), assumed, or proposed "
        "(a design). Absent: not stated."
    )


EVIDENCE = evidence_doc()
SOURCES = doc("Where it was observed: an interview, a log, a document, a web address (one text each).")


@frozen(kw_only=True)
class Actor:
    """Someone who takes part in the service."""

    id: str = field(metadata=ID)
    name: str = field(metadata=doc("Name shown on maps and diagrams."))
    kind: ActorKind = field(default=ActorKind.OTHER, metadata=doc("Role towards the service."))
    organisation: str = field(default="", metadata=doc("Organisation the actor belongs to."))
    ring: Ring | None = field(default=None, metadata=doc("Ring on the actor map."))
    description: str = field(default="", metadata=doc("Free text."))
    evidence: Evidence | None = field(default=None, metadata=EVIDENCE)
    sources: tuple[str, ...] = field(default=(), metadata=SOURCES)


@frozen(kw_only=True)
class Relation:
    """A typed link between two actors."""

    id: str = field(metadata=ID)
    source: str = field(metadata=doc("Id of the actor the relation starts at."))
    target: str = field(metadata=doc("Id of the actor the relation points to."))
    kind: RelationKind = field(default=RelationKind.OTHER, metadata=doc("What flows."))
    label: str = field(default="", metadata=doc("Short text on the arrow."))
    evidence: Evidence | None = field(default=None, metadata=EVIDENCE)
    sources: tuple[str, ...] = field(default=(), metadata=SOURCES)


@frozen(kw_only=True)
class Profile:
    """A user profile (persona)."""

    id: str = field(metadata=ID)
    name: str = field(metadata=doc("Name of the persona."))
    actor: str = field(default="", metadata=doc("Id of the actor this profile describes."))
    summary: str = field(default="", metadata=doc("Who this is, in a sentence or two."))
    needs: tuple[str, ...] = field(default=(), metadata=doc("What the person needs."))
    goals: tuple[str, ...] = field(default=(), metadata=doc("What the person wants to achieve."))
    pains: tuple[str, ...] = field(default=(), metadata=doc("What gets in the way."))
    context: str = field(default="", metadata=doc("Life situation, skills, surroundings."))
    quote: str = field(default="", metadata=doc("Something the person could have said."))


@frozen(kw_only=True)
class Touchpoint:
    """Where the user meets the service."""

    id: str = field(metadata=ID)
    name: str = field(metadata=doc("Name of the touchpoint."))
    channel: Channel = field(metadata=doc("digital, physical or interpersonal."))
    medium: str = field(default="", metadata=doc("For example 'mobile app', 'brochure'."))
    owner: str = field(default="", metadata=doc("Id of the actor who owns the touchpoint."))
    description: str = field(default="", metadata=doc("Free text."))
    evidence: Evidence | None = field(default=None, metadata=EVIDENCE)
    sources: tuple[str, ...] = field(default=(), metadata=SOURCES)


@frozen(kw_only=True)
class Task:
    """One task of a work process."""

    id: str = field(metadata=ID)
    name: str = field(metadata=doc("What is done."))
    responsible: str = field(default="", metadata=doc("Id of the actor who does it."))
    how: str = field(default="", metadata=doc("How the task is done."))
    response_time: str = field(default="", metadata=doc("How fast, e.g. 'within 2 hours'."))
    second_line: tuple[str, ...] = field(default=(), metadata=doc("Ids of 2nd-line actors."))
    third_line: tuple[str, ...] = field(default=(), metadata=doc("Ids of 3rd-line actors."))
    lane: Lane = field(default=Lane.BACKSTAGE, metadata=doc("Service blueprint lane."))
    notes: str = field(default="", metadata=doc("What to watch out for."))
    evidence: Evidence | None = field(default=None, metadata=EVIDENCE)
    sources: tuple[str, ...] = field(default=(), metadata=SOURCES)


@frozen(kw_only=True)
class Process:
    """A work process behind the service: ordered tasks."""

    id: str = field(metadata=ID)
    name: str = field(metadata=doc("Name of the process."))
    owner: str = field(default="", metadata=doc("Id of the actor who owns the process."))
    description: str = field(default="", metadata=doc("Free text."))
    tasks: tuple[Task, ...] = field(default=(), metadata=doc("The tasks, in order."))


@frozen(kw_only=True)
class Stage:
    """An ordered phase of the journey."""

    id: str = field(metadata=ID)
    name: str = field(metadata=doc("Name of the stage."))
    description: str = field(default="", metadata=doc("Free text."))


@frozen(kw_only=True)
class Step:
    """One moment of the journey, in a stage."""

    id: str = field(metadata=ID)
    name: str = field(metadata=doc("What happens, from the user's point of view."))
    stage: str = field(metadata=doc("Id of the stage the step belongs to."))
    kind: StepKind = field(default=StepKind.ACTION, metadata=doc("action or decision."))
    description: str = field(default="", metadata=doc("Free text."))
    profile: str = field(default="", metadata=doc("Id of the profile whose step this is."))
    actors: tuple[str, ...] = field(default=(), metadata=doc("Ids of the actors involved."))
    touchpoints: tuple[str, ...] = field(default=(), metadata=doc("Ids of touchpoints used."))
    tasks: tuple[str, ...] = field(default=(), metadata=doc("Ids of process tasks behind it."))
    emotion: int | None = field(
        default=None,
        metadata=doc("How it feels, -2 (very bad) to +2 (very good).", minimum=-2, maximum=2),
    )
    pain_points: tuple[str, ...] = field(default=(), metadata=doc("What hurts here."))
    opportunities: tuple[str, ...] = field(default=(), metadata=doc("Ideas to improve it."))
    effort: int | None = field(
        default=None,
        metadata=doc(
            "Priority: the work this step's change takes, 1 (little) to 5 (a lot).", minimum=1, maximum=5
        ),
    )
    gain: int | None = field(
        default=None,
        metadata=doc(
            "Priority: what this step's change gains, 1 (little) to 5 (a lot).", minimum=1, maximum=5
        ),
    )
    replaces: tuple[str, ...] = field(
        default=(), metadata=doc("Ids of steps in the based_on iteration this step replaces.")
    )
    evidence: Evidence | None = field(
        default=None, metadata=evidence_doc("what the step says, its pain points included")
    )
    sources: tuple[str, ...] = field(default=(), metadata=SOURCES)


@frozen(kw_only=True)
class Flow:
    """A directed edge between two steps; a branch when it leaves a decision."""

    id: str = field(metadata=ID)
    source: str = field(metadata=doc("Id of the step the flow leaves."))
    target: str = field(metadata=doc("Id of the step the flow enters."))
    label: str = field(default="", metadata=doc("Branch label, e.g. 'yes'."))


@frozen(kw_only=True)
class Measurement:
    """One reading of an indicator while the solution runs."""

    date: dt.date = field(metadata=doc("When it was measured."))
    value: float = field(metadata=doc("What was measured, in the indicator's unit."))
    note: str = field(default="", metadata=doc("Where the figure comes from, or what explains it."))


@frozen(kw_only=True)
class Indicator:
    """A measurable sign that a benefit is realised (S.M.A.R.T.E.: unit, baseline, target, deadline)."""

    id: str = field(metadata=ID)
    name: str = field(metadata=doc("What is measured, e.g. 'Hours of care per citizen per year'."))
    unit: str = field(default="", metadata=doc("Unit of the values, e.g. 'hours', 'DKK', '%'."))
    baseline: float | None = field(default=None, metadata=doc("The value before the change."))
    target: float | None = field(default=None, metadata=doc("The value to reach."))
    deadline: dt.date | None = field(default=None, metadata=doc("When the target is to be reached."))
    method: str = field(default="", metadata=doc("How it is measured, e.g. 'from the care records'."))
    frequency: str = field(default="", metadata=doc("How often it is measured, e.g. 'monthly'."))
    reporting: tuple[str, ...] = field(
        default=(), metadata=doc("Who gets the figures and how often, e.g. 'weekly report to team leaders'.")
    )
    measurements: tuple[Measurement, ...] = field(
        default=(), metadata=doc("Readings while the solution runs, one per date.")
    )


@frozen(kw_only=True)
class Benefit:
    """A planned gain of the change (gevinst), with who realises it and how it is measured."""

    id: str = field(metadata=ID)
    name: str = field(metadata=doc("The benefit in a few words."))
    kind: BenefitKind = field(
        default=BenefitKind.QUALITY,
        metadata=doc("cost_avoided, time_saved, quality or implementation_cost."),
    )
    description: str = field(default="", metadata=doc("What the gain is and how it comes about."))
    owner: str = field(default="", metadata=doc("Id of the actor responsible for realising it."))
    steps: tuple[str, ...] = field(
        default=(), metadata=doc("Ids of the steps (the changes) that bring the benefit.")
    )
    opportunities: tuple[str, ...] = field(
        default=(), metadata=doc("Opportunities of this iteration's steps that the benefit builds on.")
    )
    indicators: tuple[Indicator, ...] = field(default=(), metadata=doc("How the benefit is measured."))


@frozen(kw_only=True)
class Iteration:
    """A complete snapshot of the service: one version of the map."""

    id: str = field(metadata=ID)
    label: str = field(metadata=doc("Name of the version, e.g. 'Today'."))
    state: IterationState = field(default=IterationState.CURRENT, metadata=doc("current or future."))
    based_on: str = field(default="", metadata=doc("Id of the iteration this was branched from."))
    created: dt.date | None = field(default=None, metadata=doc("Date the iteration was made."))
    note: str = field(default="", metadata=doc("Free text; reports show it as the solution in short."))
    locked: bool = field(default=False, metadata=doc("A presented version is read-only."))
    locked_by: str = field(default="", metadata=doc("Sign-off: who locked the iteration (from git's user)."))
    locked_at: dt.datetime | None = field(default=None, metadata=doc("Sign-off: when it was locked."))
    lock_hash: str = field(
        default="",
        metadata=doc("Sign-off: a hash of the iteration's content when it was locked (measurements aside)."),
    )
    actors: tuple[Actor, ...] = field(default=(), metadata=doc("Actors."))
    relations: tuple[Relation, ...] = field(default=(), metadata=doc("Relations between actors."))
    profiles: tuple[Profile, ...] = field(default=(), metadata=doc("User profiles."))
    touchpoints: tuple[Touchpoint, ...] = field(default=(), metadata=doc("Touchpoints."))
    processes: tuple[Process, ...] = field(default=(), metadata=doc("Work processes."))
    stages: tuple[Stage, ...] = field(default=(), metadata=doc("Stages, in order."))
    steps: tuple[Step, ...] = field(default=(), metadata=doc("Steps, in journey order."))
    flows: tuple[Flow, ...] = field(
        default=(),
        metadata=doc("Edges between steps. Without flows, steps follow each other in order."),
    )
    benefits: tuple[Benefit, ...] = field(default=(), metadata=doc("The benefits plan."))
    goals: tuple[str, ...] = field(default=(), metadata=doc("What the service should achieve."))
    status: str = field(default="", metadata=doc("Where the implementation stands."))
    remaining_work: tuple[str, ...] = field(default=(), metadata=doc("Work left, here and at other actors."))
    next_steps: tuple[str, ...] = field(
        default=(), metadata=doc("The further plan for realising the benefits.")
    )
    maintenance: str = field(default="", metadata=doc("How the solution is maintained, and by whom."))
    lessons: tuple[str, ...] = field(default=(), metadata=doc("What the process taught."))


@frozen(kw_only=True)
class Conflict:
    """A place both sides of a git merge changed differently; the map holds our side until resolved.

    Values are written as TOML values in text (``'"Gets a call"'``, ``'-1'``, an inline table for
    a whole element); an empty text means the element is absent on that side.
    """

    iteration: str = field(default="", metadata=doc("Id of the iteration; empty for the map's own keys."))
    kind: str = field(metadata=doc("map, iteration, or the element's kind (step, actor, ...)."))
    id: str = field(default="", metadata=doc("Id of the element or iteration in conflict."))
    parent: str = field(default="", metadata=doc("Id of the process or benefit holding a task or indicator."))
    key: str = field(default="", metadata=doc("The key both sides changed; empty for the whole element."))
    base: str = field(default="", metadata=doc("The value before both changes (TOML); empty if absent."))
    ours: str = field(default="", metadata=doc("Our value (TOML), which the map holds; empty if absent."))
    theirs: str = field(default="", metadata=doc("Their value (TOML); empty if absent."))
    locked: bool = field(
        default=False, metadata=doc("In a locked iteration both sides changed: their change was held back.")
    )


@frozen(kw_only=True)
class JourneyMap:
    """One file about one service: its iterations."""

    schema_version: int = field(
        default=SCHEMA_VERSION,
        metadata=doc("File format version.", minimum=1, maximum=SCHEMA_VERSION, required=True),
    )
    title: str = field(metadata=doc("Name of the service."))
    description: str = field(default="", metadata=doc("What the service is."))
    organisation: str = field(default="", metadata=doc("Who runs the service."))
    language: Language = field(
        default=Language.EN,
        metadata=doc("Language of the map (ISO 639-1): its diagrams, report and deck use it."),
    )
    iterations: tuple[Iteration, ...] = field(default=(), metadata=doc("Versions of the map."))
    conflicts: tuple[Conflict, ...] = field(
        default=(),
        metadata=doc("Merge conflicts left by git for `journeymap resolve`; errors until resolved."),
    )
    schema_ref: str = field(default=SCHEMA_REF, metadata=doc("", file=False))
    """The target of the file's ``#:schema`` comment; not a TOML key."""

    def iteration(self, iteration_id: str) -> Iteration:
        """The iteration with this id; ``KeyError`` if there is none."""
        for it in self.iterations:
            if it.id == iteration_id:
                return it
        raise KeyError(iteration_id)
