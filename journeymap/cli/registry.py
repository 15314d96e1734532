"""Every subcommand by name, in the order ``journeymap --help`` lists them.

A new command is a module in this package with a ``COMMANDS`` tuple, added to ``MODULES``.
"""

from __future__ import annotations

from journeymap.cli import (
    benefits,
    deck,
    diff,
    editor,
    export,
    git,
    iterations,
    new,
    priorities,
    report,
    schema,
    spreadsheet,
    validate,
)
from journeymap.cli.command import Command

MODULES = (
    new,
    editor,
    validate,
    iterations,
    diff,
    export,
    priorities,
    benefits,
    report,
    deck,
    spreadsheet,
    schema,
    git,
)

COMMANDS: dict[str, Command] = {command.name: command for module in MODULES for command in module.COMMANDS}
