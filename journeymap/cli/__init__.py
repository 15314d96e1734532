"""The ``journeymap`` command: thin argument parsing around the library.

Exit codes: 0 fine, 1 the map has errors, 2 bad usage or unreadable input. Each subcommand lives in
its own module with its arguments next to its handler; ``registry.COMMANDS`` lists them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from journeymap import __version__
from journeymap.cli.command import UsageError
from journeymap.cli.registry import COMMANDS
from journeymap.errors import JourneymapError, LoadError
from journeymap.terminal import escaped_output

__all__ = ["UsageError", "build_parser", "main", "run"]


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=32)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="journeymap",
        description="Service-journey and actor maps as versioned, validated TOML files.",
        epilog="example:\n  journeymap validate examples/*.toml",
        formatter_class=_formatter,
    )
    parser.add_argument("--version", action="version", version=f"journeymap {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in COMMANDS.values():
        p = sub.add_parser(
            command.name,
            help=command.summary,
            description=command.summary,
            epilog=f"example:\n  {command.example}",
            formatter_class=_formatter,
        )
        command.arguments(p)
        p.set_defaults(handler=command.handler)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code. ``journeymap FILE`` means ``journeymap edit FILE``."""
    with escaped_output():  # what a command prints shows control characters escaped (the editor draws apart)
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and not arguments[0].startswith("-") and arguments[0] not in COMMANDS:
        arguments.insert(0, "edit")
    args = parser.parse_args(arguments)
    try:
        return int(args.handler(args))
    except LoadError as exc:
        print(exc.describe(), file=sys.stderr)
    except JourneymapError as exc:
        print(f"journeymap: {exc}", file=sys.stderr)
    except OSError as exc:
        print(f"journeymap: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("journeymap: interrupted", file=sys.stderr)
    return 2


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
