"""What a command is, and the arguments several commands share (declared once here)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from attrs import frozen

from journeymap.benefits import parse_date, parse_number
from journeymap.errors import JourneymapError, LoadError
from journeymap.model import Language
from journeymap.render import RENDERERS

Handler = Callable[[argparse.Namespace], int]
T = TypeVar("T")


class UsageError(JourneymapError):
    """Bad usage that argparse cannot see: exit 2 with the message."""


@contextmanager
def about(file: str) -> Iterator[None]:
    """Library errors in the block become usage errors that start with the map's file name."""
    try:
        yield
    except (UsageError, LoadError):
        raise
    except JourneymapError as exc:
        raise UsageError(f"{file}: {exc}") from None


@frozen
class Command:
    """One subcommand: its name, what it does, an example, its arguments and its handler."""

    name: str
    summary: str
    example: str
    arguments: Callable[[argparse.ArgumentParser], None]
    handler: Handler


def argument_type(parse: Callable[[str], T]) -> Callable[[str], T]:
    """An argparse type from a library parser: its message becomes argparse's (exit 2)."""

    def convert(text: str) -> T:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert


date_type = argument_type(parse_date)
number_type = argument_type(parse_number)


def file_argument(parser: argparse.ArgumentParser, help: str | None = None) -> None:
    """The map file a command reads (and maybe writes)."""
    parser.add_argument("file", metavar="FILE", help=help)


def output_option(
    parser: argparse.ArgumentParser,
    default: str | None = "-",
    metavar: str = "PATH",
    help: str = "write to PATH instead of stdout",
) -> None:
    """``-o/--output``: where a command writes."""
    parser.add_argument("-o", "--output", default=default, metavar=metavar, help=help)


def iteration_option(parser: argparse.ArgumentParser, help: str = "default: the newest iteration") -> None:
    """``--iteration ID``: which iteration a command works on."""
    parser.add_argument("--iteration", metavar="ID", help=help)


def language_option(parser: argparse.ArgumentParser) -> None:
    """``--language da|nb|en``: the language of the words an output adds (default: the map's)."""
    parser.add_argument(
        "--language",
        choices=[lang.value for lang in Language],
        help="language of the words around the map's own text (default: the map's language)",
    )


def renderer_option(parser: argparse.ArgumentParser) -> None:
    """``--renderer auto|graphviz|wasm``: who draws the diagrams."""
    parser.add_argument("--renderer", choices=RENDERERS, default="auto",
                        help="auto: Graphviz if installed, else built-in")  # fmt: skip


def as_of_option(parser: argparse.ArgumentParser) -> None:
    """``--as-of DATE``: the day deadlines are judged on."""
    parser.add_argument(
        "--as-of", type=date_type, metavar="DATE", help="judge deadlines on this date (default: today)"
    )
