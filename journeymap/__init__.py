"""journeymap: service-journey and actor maps as versioned, validated TOML files."""

from journeymap.files import MAX_FILE_BYTES, dumps, load, loads, save
from journeymap.model import (
    SCHEMA_REF,
    SCHEMA_VERSION,
    Actor,
    ActorKind,
    Channel,
    Flow,
    Iteration,
    IterationState,
    JourneyMap,
    Lane,
    Process,
    Profile,
    Relation,
    RelationKind,
    Ring,
    Stage,
    Step,
    StepKind,
    Task,
    Touchpoint,
)
from journeymap.problems import JourneymapError, LoadError, Problem, Severity
from journeymap.schema import json_schema
from journeymap.starter import starter_map
from journeymap.validate import has_errors, validate

__version__ = "0.1.0"

__all__ = [
    "MAX_FILE_BYTES",
    "SCHEMA_REF",
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Channel",
    "Flow",
    "Iteration",
    "IterationState",
    "JourneyMap",
    "JourneymapError",
    "Lane",
    "LoadError",
    "Problem",
    "Process",
    "Profile",
    "Relation",
    "RelationKind",
    "Ring",
    "Severity",
    "Stage",
    "Step",
    "StepKind",
    "Task",
    "Touchpoint",
    "__version__",
    "dumps",
    "has_errors",
    "json_schema",
    "load",
    "loads",
    "save",
    "starter_map",
    "validate",
]
