"""``journeymap validate``: check maps and list their problems."""

from __future__ import annotations

import argparse
import sys

from journeymap.cli.command import Command
from journeymap.cli.words import CLI
from journeymap.errors import LoadError
from journeymap.files import load
from journeymap.problems import Severity
from journeymap.validate import validate


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", metavar="FILE", nargs="+", help="map files to check")
    parser.add_argument("--errors-only", action="store_true", help="do not print warnings")
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")


def _validate(args: argparse.Namespace) -> int:
    worst = 0
    for name in args.files:
        try:
            problems = validate(load(name))
        except LoadError as exc:
            print(exc.describe(), file=sys.stderr)
            worst = 2
            continue
        errors = sum(p.severity is Severity.ERROR for p in problems)
        shown = [p for p in problems if p.severity is Severity.ERROR or not args.errors_only]
        for problem in shown:
            print(problem.describe(name))
        warnings = len(problems) - errors
        counts = CLI.gettext("{file}: {errors}, {warnings}").format(
            file=name,
            errors=CLI.ngettext("{n} error", "{n} errors", errors).format(n=errors),
            warnings=CLI.ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
        )
        print(counts, file=sys.stderr)
        if errors or (args.strict and warnings):
            worst = max(worst, 1)
    return worst


COMMANDS = (
    Command(
        "validate",
        "Check maps and list their problems.",
        "journeymap validate examples/*.toml",
        _arguments,
        _validate,
    ),
)
