"""``journeymap diff``: compare two iterations."""

from __future__ import annotations

import argparse

from journeymap.cli.command import Command, UsageError, about, file_argument, output_option
from journeymap.cli.git import diff_since
from journeymap.cli.output import write_output
from journeymap.defaults import default_pair, find_iteration
from journeymap.diff_format import FORMATS, render
from journeymap.files import load
from journeymap.semantic_diff import diff


def _arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    parser.add_argument("a", metavar="A", nargs="?", help="older iteration (default: the current one)")
    parser.add_argument("b", metavar="B", nargs="?", help="newer iteration (default: the newest future one)")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument(
        "--since",
        metavar="REV",
        help="what changed in the map since a git commit, branch or tag (e.g. origin/main)",
    )
    output_option(parser)


def _diff(args: argparse.Namespace) -> int:
    if args.since is not None:
        if args.a is not None:
            raise UsageError(f"{args.file}: --since compares whole versions of the map; leave out A and B")
        write_output(args.output, diff_since(args.file, args.since, args.format), args.file)
        return 0
    m = load(args.file)
    try:
        with about(args.file):
            if args.a is None:
                a, b = default_pair(m)
            else:
                a = find_iteration(m, args.a)
                b = find_iteration(m, args.b) if args.b else default_pair(m)[1]
    except ValueError as exc:  # fewer than two iterations
        raise UsageError(f"{args.file}: {exc}") from None
    write_output(args.output, render(diff(a, b), args.format), args.file)
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
