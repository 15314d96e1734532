"""journeymap: service-journey and actor maps as versioned, validated TOML files."""

from journeymap.diff_format import render as render_diff
from journeymap.edit import (
    Add,
    Branch,
    DeleteIteration,
    DuplicateIdError,
    EditError,
    EditIteration,
    EditMap,
    InUseError,
    InvalidEditError,
    Lock,
    LockedError,
    Move,
    NotFoundError,
    Operation,
    Remove,
    Update,
)
from journeymap.elements import Kind
from journeymap.exports import export
from journeymap.files import MAX_FILE_BYTES, dumps, load, loads, save
from journeymap.history import History
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
from journeymap.render import RenderError
from journeymap.schema import json_schema
from journeymap.semantic_diff import Diff, diff
from journeymap.starter import starter_map
from journeymap.validate import has_errors, validate
from journeymap.views import ViewError, ViewOptions, dot_source

__version__ = "0.1.0"

__all__ = [
    "MAX_FILE_BYTES",
    "SCHEMA_REF",
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Add",
    "Branch",
    "Channel",
    "DeleteIteration",
    "Diff",
    "DuplicateIdError",
    "EditError",
    "EditIteration",
    "EditMap",
    "Flow",
    "History",
    "InUseError",
    "InvalidEditError",
    "Iteration",
    "IterationState",
    "JourneyMap",
    "JourneymapError",
    "Kind",
    "Lane",
    "LoadError",
    "Lock",
    "LockedError",
    "Move",
    "NotFoundError",
    "Operation",
    "Problem",
    "Process",
    "Profile",
    "Relation",
    "RelationKind",
    "Remove",
    "RenderError",
    "Ring",
    "Severity",
    "Stage",
    "Step",
    "StepKind",
    "Task",
    "Touchpoint",
    "Update",
    "ViewError",
    "ViewOptions",
    "__version__",
    "diff",
    "dot_source",
    "dumps",
    "export",
    "has_errors",
    "json_schema",
    "load",
    "loads",
    "render_diff",
    "save",
    "starter_map",
    "validate",
]
