"""``journeymap benefits`` and ``measure``: benefit indicators and their measurements."""

from __future__ import annotations

import argparse
import datetime as dt

from journeymap.benefits import benefit_status, number
from journeymap.cli.command import (
    Command,
    UsageError,
    about,
    as_of_option,
    date_type,
    file_argument,
    iteration_option,
    number_type,
)
from journeymap.cli.output import apply_edit, print_table
from journeymap.defaults import iteration_or_newest
from journeymap.edit import Measure, Operation
from journeymap.elements import Kind, ids
from journeymap.files import load
from journeymap.model import JourneyMap, Measurement


def _benefits_arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    iteration_option(parser)
    as_of_option(parser)


def _benefits(args: argparse.Namespace) -> int:
    m = load(args.file)
    with about(args.file):
        it = iteration_or_newest(m, args.iteration)
    statuses = benefit_status(it, args.as_of)
    if not statuses:
        print(f"{args.file}: iteration {it.id!r} has no benefit with an indicator")
        return 0
    rows = [("indicator", "baseline", "target", "deadline", "latest", "of the way", "status")]
    for s in statuses:
        i = s.indicator
        rows.append((
            i.id,
            number(i.baseline) if i.baseline is not None else "-",
            number(i.target) if i.target is not None else "-",
            i.deadline.isoformat() if i.deadline else "-",
            s.latest_text() or "-",
            s.progress_text() or "-",
            s.status.value,
        ))  # fmt: skip
    print_table(rows)
    return 0


def _measure_arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    parser.add_argument("indicator", metavar="INDICATOR", help="the indicator's id")
    parser.add_argument("value", metavar="VALUE", type=number_type, help="the value, in the indicator's unit")
    parser.add_argument(
        "--date",
        type=date_type,
        metavar="DATE",
        help="default: today; a second value for a date replaces the first",
    )
    parser.add_argument("--note", metavar="TEXT", help="where the figure comes from")
    iteration_option(parser, "default: the newest iteration with the indicator")


def _measure(args: argparse.Namespace) -> int:
    reading = Measurement(date=args.date or dt.date.today(), value=args.value, note=args.note or "")

    def measure(m: JourneyMap) -> Operation:
        holders = [it.id for it in m.iterations if args.indicator in ids(it, Kind.INDICATOR)]
        iteration = args.iteration or (holders[-1] if holders else "")
        if not iteration:
            raise UsageError(f"{args.file}: no iteration has an indicator {args.indicator!r}")
        return Measure(iteration, args.indicator, reading)

    return apply_edit(args.file, measure)


COMMANDS = (
    Command(
        "benefits",
        "Show where each benefit indicator stands against its target.",
        "journeymap benefits examples/home-training.toml --as-of 2023-01-15",
        _benefits_arguments,
        _benefits,
    ),
    Command(
        "measure",
        "Record a measurement of an indicator (also in a locked iteration).",
        'journeymap measure examples/home-training.toml sessions-held 88 --date 2023-01-31 --note "January"',
        _measure_arguments,
        _measure,
    ),
)
