"""``journeymap export-csv`` and ``import-csv``: elements to and from spreadsheets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from journeymap.cli.command import Command, UsageError, about, file_argument, iteration_option, output_option
from journeymap.cli.output import write_output
from journeymap.defaults import iteration_or_current
from journeymap.errors import CsvError
from journeymap.files import load, save
from journeymap.locking import map_lock
from journeymap.spreadsheet import DELIMITERS, KINDS, export_csv, import_csv

DELIMITER_NAMES = {name: char for char, name in DELIMITERS.items()}


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    parser.add_argument("--kind", choices=list(KINDS), required=True)
    iteration_option(parser, "default: the current iteration")
    parser.add_argument("--delimiter", choices=list(DELIMITER_NAMES), default="comma")
    output_option(parser)


def _export_csv(args: argparse.Namespace) -> int:
    m = load(args.file)
    with about(args.file):
        it = iteration_or_current(m, args.iteration)
    text = export_csv(it, KINDS[args.kind], DELIMITER_NAMES[args.delimiter])
    write_output(args.output, text, args.file)
    return 0


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    parser.add_argument("csv", metavar="CSV", help="UTF-8 CSV with a header row; comma, semicolon or tab")
    parser.add_argument("--kind", choices=list(KINDS), required=True)
    iteration_option(parser, "default: the current iteration")


def _import_csv(args: argparse.Namespace) -> int:
    try:
        text = Path(args.csv).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{args.csv}: not UTF-8 text; save the spreadsheet as 'CSV UTF-8'") from None
    with map_lock(args.file):
        m = load(args.file)
        with about(args.file):
            iteration = iteration_or_current(m, args.iteration).id
        try:
            result, added, updated = import_csv(m, iteration, KINDS[args.kind], text, args.csv)
        except CsvError as exc:
            print(exc, file=sys.stderr)
            print(f"{args.file}: nothing imported", file=sys.stderr)
            return 2
        save(result, args.file)
    print(f"{args.file}: imported {args.kind} into iteration {iteration!r}: {added} added, {updated} updated")
    return 0


COMMANDS = (
    Command(
        "export-csv",
        "Write an iteration's steps, touchpoints or actors as CSV.",
        "journeymap export-csv examples/home-training.toml --kind steps --delimiter semicolon -o steps.csv",
        _export_arguments,
        _export_csv,
    ),
    Command(
        "import-csv",
        "Add or update steps, touchpoints or actors from CSV (all rows or none).",
        "journeymap import-csv my-map.toml steps.csv --kind steps --iteration future",
        _import_arguments,
        _import_csv,
    ),
)
