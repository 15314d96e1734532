"""``journeymap deck``: the 10-20-30 deck for the steering group, as PowerPoint."""

from __future__ import annotations

import argparse

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
from journeymap.cli.output import write_output
from journeymap.deck import deck
from journeymap.defaults import default_export_name
from journeymap.files import load
from journeymap.model import Language


def _arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    iteration_option(parser, "iteration to present (default: the newest future one)")
    output_option(parser, None, help="file to write (default: MAP-deck.pptx)")
    as_of_option(parser)
    language_option(parser)
    renderer_option(parser)


def _deck(args: argparse.Namespace) -> int:
    m = load(args.file)
    with about(args.file):
        data = deck(
            m, args.iteration, args.as_of, Language(args.language) if args.language else None, args.renderer
        )
    output = args.output or default_export_name(args.file, "deck", "pptx", args.iteration)
    write_output(output, data, args.file)
    return 0


COMMANDS = (
    Command(
        "deck",
        "Write the 10-20-30 deck (ten foils, 30 pt, notes) for the steering group as PowerPoint.",
        "journeymap deck examples/home-training.toml -o steering-group.pptx",
        _arguments,
        _deck,
    ),
)
