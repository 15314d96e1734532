"""``journeymap report``: the steering-group report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from journeymap import report
from journeymap.cli.command import (
    Command,
    about,
    as_of_option,
    file_argument,
    iteration_option,
    language_option,
    output_option,
    renderer_option,
)
from journeymap.defaults import iteration_or_newest
from journeymap.files import load
from journeymap.model import Language


def _arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    iteration_option(parser)
    output_option(parser, ".", "DIR", "folder for the files (made if missing; default: here)")
    as_of_option(parser)
    language_option(parser)
    renderer_option(parser)


def _report(args: argparse.Namespace) -> int:
    m = load(args.file)
    stem = Path(args.file).stem
    with about(args.file):
        it = iteration_or_newest(m, args.iteration)
        language = Language(args.language) if args.language else None
        content = report.build(m, it.id, stem, args.as_of, args.renderer, language)
    for path in report.write(content, args.output, stem):
        print(f"wrote {path}", file=sys.stderr)
    return 0


COMMANDS = (
    Command(
        "report",
        "Write the steering-group report (10-20-30 outline) as Markdown and HTML with its diagrams.",
        "journeymap report examples/home-training.toml -o report/",
        _arguments,
        _report,
    ),
)
