"""The names people read for the values of journeymap's closed vocabularies, in their language.

Files keep the machine values (``interpersonal``, ``time_saved``); diagrams, the report, the
deck and the editor show these names instead, translated by :func:`term`.
"""

from __future__ import annotations

from enum import Enum

from journeymap.benefits import Status
from journeymap.elements import Kind
from journeymap.i18n import N_, translation
from journeymap.model import (
    ActorKind,
    BenefitKind,
    Channel,
    Evidence,
    IterationState,
    Lane,
    Language,
    RelationKind,
    Ring,
    StepKind,
)
from journeymap.priorities import Quadrant

_TERMS: dict[Enum, str] = {
    Channel.DIGITAL: N_("digital"),
    Channel.PHYSICAL: N_("physical"),
    Channel.INTERPERSONAL: N_("interpersonal"),
    Lane.FRONTSTAGE: N_("frontstage"),
    Lane.BACKSTAGE: N_("backstage"),
    Lane.SUPPORT: N_("support"),
    Ring.CORE: N_("core"),
    Ring.DIRECT: N_("direct"),
    Ring.INDIRECT: N_("indirect"),
    RelationKind.INFORMATION: N_("information"),
    RelationKind.SERVICE: N_("service"),
    RelationKind.MONEY: N_("money"),
    RelationKind.SUPPORT: N_("support"),
    RelationKind.AGREEMENT: N_("agreement"),
    RelationKind.AUTHORITY: N_("authority"),
    RelationKind.OTHER: N_("other"),
    ActorKind.SERVICE_RECIPIENT: N_("service recipient"),
    ActorKind.RELATIVE: N_("relative"),
    ActorKind.EMPLOYEE: N_("employee"),
    ActorKind.LEADER: N_("leader"),
    ActorKind.SUPPLIER: N_("supplier"),
    ActorKind.PARTNER: N_("partner"),
    ActorKind.AUTHORITY: N_("authority"),
    ActorKind.OTHER: N_("other"),
    Evidence.OBSERVED: N_("observed"),
    Evidence.ASSUMED: N_("assumed"),
    Evidence.PROPOSED: N_("proposed"),
    StepKind.ACTION: N_("action"),
    StepKind.DECISION: N_("decision"),
    BenefitKind.COST_AVOIDED: N_("cost avoided"),
    BenefitKind.TIME_SAVED: N_("time saved"),
    BenefitKind.QUALITY: N_("quality"),
    BenefitKind.IMPLEMENTATION_COST: N_("implementation cost"),
    IterationState.CURRENT: N_("current"),
    IterationState.FUTURE: N_("future"),
    Quadrant.QUICK_WIN: N_("quick win"),
    Quadrant.BIG_BET: N_("big bet"),
    Quadrant.FILL_IN: N_("fill-in"),
    Quadrant.MONEY_PIT: N_("money pit"),
    Status.REACHED: N_("reached"),
    Status.IMPROVING: N_("improving"),
    Status.NOT_IMPROVING: N_("not improving"),
    Status.OVERDUE: N_("overdue"),
    Status.NOT_MEASURED: N_("not measured"),
    Status.UNCLEAR: N_("no baseline or target"),
    Kind.ACTOR: N_("actor"),
    Kind.RELATION: N_("relation"),
    Kind.PROFILE: N_("profile"),
    Kind.TOUCHPOINT: N_("touchpoint"),
    Kind.PROCESS: N_("process"),
    Kind.TASK: N_("task"),
    Kind.STAGE: N_("stage"),
    Kind.STEP: N_("step"),
    Kind.FLOW: N_("flow"),
    Kind.BENEFIT: N_("benefit"),
    Kind.INDICATOR: N_("indicator"),
}


def term(value: Enum, language: Language | str = Language.EN) -> str:
    """The name of a vocabulary value (a channel, a ring, a status ...) as people read it."""
    return translation(language).gettext(_TERMS[value])


def advice(quadrant: Quadrant, language: Language | str = Language.EN) -> str:
    """What to do with the changes in a quadrant of the priority matrix."""
    return translation(language).gettext(quadrant.advice)
