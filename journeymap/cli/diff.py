"""``journeymap diff``: compare two iterations."""

from __future__ import annotations

import argparse

from journeymap.cli.command import Command, UsageError, file_argument, output_option
from journeymap.cli.output import write_output
from journeymap.diff_format import FORMATS, render
from journeymap.files import load
from journeymap.semantic_diff import default_pair, diff


def _arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    parser.add_argument("a", metavar="A", nargs="?", help="older iteration (default: the current one)")
    parser.add_argument("b", metavar="B", nargs="?", help="newer iteration (default: the newest future one)")
    parser.add_argument("--format", choices=FORMATS, default="text")
    output_option(parser)


def _diff(args: argparse.Namespace) -> int:
    m = load(args.file)
    try:
        a, b = (
            default_pair(m)
            if args.a is None
            else (m.iteration(args.a), m.iteration(args.b or default_pair(m)[1].id))
        )
    except KeyError as exc:
        known = ", ".join(it.id for it in m.iterations)
        raise UsageError(f"{args.file}: no iteration {exc.args[0]!r} (iterations: {known})") from None
    except ValueError as exc:
        raise UsageError(f"{args.file}: {exc}") from None
    write_output(args.output, render(diff(a, b), args.format).encode("utf-8"), args.file)
    return 0


COMMANDS = (
    Command(
        "diff",
        "Compare two iterations: what was added, removed, changed and moved.",
        "journeymap diff examples/home-training.toml current future --format markdown",
        _arguments,
        _diff,
    ),
)
