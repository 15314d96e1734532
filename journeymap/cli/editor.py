"""``journeymap edit``: open a map in the terminal editor."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from journeymap.cli.command import Command, UsageError
from journeymap.document import open_document
from journeymap.i18n import user_language
from journeymap.model import Language


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE", help="the map to edit; a new file is offered as a starter map"
    )
    parser.add_argument(
        "--language",
        choices=[lang.value for lang in Language],
        help="the editor's language (default: your locale: LANGUAGE, LC_ALL, LC_MESSAGES, LANG)",
    )


def _edit(args: argparse.Namespace) -> int:
    path = Path(args.file)
    exists = os.path.lexists(path)  # a broken or looping link is an error to show, not a new map
    if not exists and not path.parent.is_dir():
        raise UsageError(f"{path}: the folder {path.parent} does not exist")
    language = Language(args.language) if args.language else user_language()
    # only the editor needs Textual (the library never imports it); imported before the map is
    # read, or the collector rounds of its import walk a large map's million objects
    from tui import editor

    document, recovered = open_document(path) if exists else (None, None)
    editor(path, document, recovered, language).run()
    return 0


COMMANDS = (
    Command(
        "edit",
        "Open a map in the terminal editor (also: journeymap FILE).",
        "journeymap edit examples/home-training.toml",
        _arguments,
        _edit,
    ),
)
