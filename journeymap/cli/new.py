"""``journeymap new``: a small valid starter map."""

from __future__ import annotations

import argparse
from pathlib import Path

from journeymap.cli.command import Command, UsageError
from journeymap.defaults import title_from_filename
from journeymap.starter import create


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the map file to create")
    parser.add_argument("--title", help="name of the service (default: from the file name)")
    parser.add_argument("--force", action="store_true", help="replace an existing file")


def _new(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if path.exists() and not args.force:
        raise UsageError(f"{path}: already exists; choose another name or pass --force to replace it")
    title = args.title or title_from_filename(path)
    written = create(path, title)
    print(f"{path}: created a starter map '{title}' with one current iteration")
    for schema in written[1:]:
        print(f"wrote {schema} (the map's #:schema line points at it, for completion in editors)")
    return 0


COMMANDS = (
    Command(
        "new",
        "Create a small valid starter map.",
        "journeymap new home-care.toml --title 'Home care'",
        _arguments,
        _new,
    ),
)
