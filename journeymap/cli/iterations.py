"""``journeymap iterations``, ``branch``, ``lock`` and ``unlock``: a map's iterations."""

from __future__ import annotations

import argparse
from pathlib import Path

from journeymap.cli.command import Command, file_argument
from journeymap.cli.output import apply_edit, print_table
from journeymap.edit import Branch, Lock
from journeymap.files import load
from journeymap.gitsetup import user
from journeymap.model import IterationState


def _iterations(args: argparse.Namespace) -> int:
    m = load(args.file)
    rows = [("id", "label", "state", "based on", "locked", "actors", "touchpoints", "steps", "processes")]
    for it in m.iterations:
        rows.append((
            it.id, it.label, it.state.value, it.based_on or "-", "locked" if it.locked else "-",
            str(len(it.actors)), str(len(it.touchpoints)), str(len(it.steps)), str(len(it.processes)),
        ))  # fmt: skip
    print_table(rows)
    return 0


def _branch_arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    parser.add_argument("source", metavar="FROM", help="id of the iteration to branch from")
    parser.add_argument("--id", required=True, help="id of the new iteration")
    parser.add_argument("--label", help="name of the new iteration")
    parser.add_argument("--state", choices=[s.value for s in IterationState], default="future")


def _branch(args: argparse.Namespace) -> int:
    state = IterationState(args.state)
    branch = Branch(args.source, args.id, args.label or f"Based on {args.source}", state)
    return apply_edit(args.file, lambda _: branch)


def _lock_arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    parser.add_argument("iteration", metavar="ID")


def _lock(args: argparse.Namespace) -> int:
    by = user(Path(args.file).parent)
    return apply_edit(args.file, lambda _: Lock(args.iteration, locked=True, by=by))


def _unlock(args: argparse.Namespace) -> int:
    return apply_edit(args.file, lambda _: Lock(args.iteration, locked=False))


COMMANDS = (
    Command(
        "iterations",
        "List a map's iterations.",
        "journeymap iterations examples/home-training.toml",
        file_argument,
        _iterations,
    ),
    Command(
        "branch",
        "Branch a new iteration from an existing one.",
        "journeymap branch my-map.toml current --id round-2 --label 'Second round'",
        _branch_arguments,
        _branch,
    ),
    Command(
        "lock",
        "Lock an iteration: it becomes read-only.",
        "journeymap lock my-map.toml current",
        _lock_arguments,
        _lock,
    ),
    Command(
        "unlock",
        "Unlock an iteration so it can be edited.",
        "journeymap unlock my-map.toml current",
        _lock_arguments,
        _unlock,
    ),
)
