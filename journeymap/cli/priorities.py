"""``journeymap priorities``: the scored changes by quadrant."""

from __future__ import annotations

import argparse

from journeymap.cli.command import Command, about, file_argument, iteration_option
from journeymap.cli.output import print_table
from journeymap.defaults import iteration_or_newest
from journeymap.files import load
from journeymap.priorities import priorities


def _arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    iteration_option(parser)


def _priorities(args: argparse.Namespace) -> int:
    m = load(args.file)
    with about(args.file):
        it = iteration_or_newest(m, args.iteration)
    scored = priorities(it)
    if not scored:
        print(f"{args.file}: no step of iteration {it.id!r} has both an effort and a gain")
        return 0
    rows = [("quadrant", "gain", "effort", "step")]
    rows += [(p.quadrant.value, str(p.gain), str(p.effort), f"{p.step.name} ({p.step.id})") for p in scored]
    print_table(rows)
    return 0


COMMANDS = (
    Command(
        "priorities",
        "List the scored changes by quadrant: quick wins first.",
        "journeymap priorities examples/home-training.toml --iteration future",
        _arguments,
        _priorities,
    ),
)
