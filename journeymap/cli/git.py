"""The git commands: ``git-setup``, ``resolve``, and the two drivers git runs (``merge-driver``,
``diff-driver``); ``diff --since`` uses :func:`diff_since`."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable

from journeymap.cli.command import Command
from journeymap.cli.words import CLI
from journeymap.conflicts import describe
from journeymap.diff_format import render_versions
from journeymap.errors import JourneymapError
from journeymap.files import load, loads, save
from journeymap.gitdrivers import merge_driver, textconv
from journeymap.gitsetup import setup, show
from journeymap.locking import map_lock
from journeymap.map_diff import diff_versions
from journeymap.model import JourneyMap
from journeymap.resolve import OURS, THEIRS, ResolveError, settle

GIT_SETUP = (
    "Set up git to merge and diff maps by their meaning (once per clone).",
    "journeymap git-setup 'maps/*.toml'",
)
MERGE_DRIVER = (
    "Git's merge driver for maps (git runs it; see git-setup).",
    "journeymap merge-driver BASE OURS THEIRS",
)
DIFF_DRIVER = (
    "Git's diff driver for maps: a map as one line per value (git runs it).",
    "journeymap diff-driver my-map.toml",
)
RESOLVE = (
    "List a map's merge conflicts and settle them: ours, theirs, or a value of your own.",
    "journeymap resolve my-map.toml --theirs 1 --ours 2",
)


def git_setup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "patterns",
        metavar="PATTERN",
        nargs="*",
        help="files to handle, e.g. '*.toml' (default: the maps found)",
    )


def git_setup(args: argparse.Namespace) -> int:
    done = setup(".", tuple(args.patterns))
    for line in done.attributes_added:
        print(f"{done.root / '.gitattributes'}: added {line}")
    if done.config_changed:
        print(f"{done.root / '.git' / 'config'}: defined the journeymap merge and diff drivers")
    if not done.attributes_added and not done.config_changed:
        print(f"{done.root}: already set up for {', '.join(done.patterns)}")
    print(
        "Commit .gitattributes so the team shares it; .git/config is per clone, so every clone "
        "runs journeymap git-setup once."
    )
    return 0


def diff_since(file: str, revision: str, fmt: str) -> str:
    """``journeymap diff FILE --since REV``: what changed in the map since a git revision."""
    new = load(file)
    old_text = show(revision, file)
    old = loads(old_text, f"{file} at {revision}") if old_text is not None else None
    return render_versions(diff_versions(old, new), f"{file}: changes since {revision}", fmt)


def merge_driver_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", metavar="BASE", help="the common ancestor's version (git's %%O)")
    parser.add_argument("ours", metavar="OURS", help="our version, replaced by the result (git's %%A)")
    parser.add_argument("theirs", metavar="THEIRS", help="their version (git's %%B)")
    parser.add_argument("marker_size", metavar="SIZE", nargs="?", type=int, default=7, help="git's %%L")
    parser.add_argument("path", metavar="PATH", nargs="?", default="", help="the file's path (git's %%P)")


def run_merge_driver(args: argparse.Namespace) -> int:
    outcome = merge_driver(args.base, args.ours, args.theirs, args.marker_size, args.path)
    for line in outcome.messages:
        print(line, file=sys.stderr)
    return outcome.code


def diff_driver_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE")


def run_diff_driver(args: argparse.Namespace) -> int:
    sys.stdout.buffer.write(textconv(args.file))
    sys.stdout.flush()
    return 0


def resolve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE")
    for side in (OURS, THEIRS):
        parser.add_argument(
            f"--{side}", metavar="N", action="append", default=[],
            help=f"keep {side} in conflict N (a number from the list, or 'all'; repeatable)",
        )  # fmt: skip
    parser.add_argument(
        "--set", metavar="N=VALUE", action="append", default=[],
        help="put a TOML value of your own in conflict N's place, e.g. --set '1=\"Gets a call\"'",
    )  # fmt: skip


def resolve(args: argparse.Namespace, ask: Callable[[str], str] = input) -> int:
    """Settle what the options say; with none, ask on a terminal, else list the conflicts (exit 1 if any)."""
    with map_lock(args.file):
        m = load(args.file)
        choices = _choices(args, m) if (args.ours or args.theirs or args.set) else {}
        if not choices and not m.conflicts:
            print(f"{args.file}: no merge conflicts")
            return 0
        if not choices:
            _list(args.file, m)
            if not sys.stdin.isatty():
                print(f"{args.file}: settle them with --ours N, --theirs N or --set N=VALUE", file=sys.stderr)
                return 1
            choices = _ask(m, ask)
        try:
            settled = settle(m, choices)
        except ResolveError as exc:
            raise JourneymapError(f"{args.file}: {exc}; nothing was changed") from None
        save(settled, args.file)
    left = len(settled.conflicts)
    settled_text = CLI.ngettext(
        "{file}: settled {n} conflict; {left} left",
        "{file}: settled {n} conflicts; {left} left",
        len(choices),
    )
    print(settled_text.format(file=args.file, n=len(choices), left=left))
    if not left:
        print(f"{args.file}: no conflicts left; mark it resolved with: git add {shlex.quote(args.file)}")
    return 1 if left else 0


def _list(file: str, m: JourneyMap) -> None:
    for n, conflict in enumerate(m.conflicts, 1):
        print(f"{file}: conflict {n}: {describe(conflict, m)}")


def _choices(args: argparse.Namespace, m: JourneyMap) -> dict[int, str]:
    choices: dict[int, str] = {}
    for side in (OURS, THEIRS):
        for text in getattr(args, side):
            for index in _numbers(text, len(m.conflicts), args.file):
                choices[index] = side
    for item in args.set:
        number, sep, value = item.partition("=")
        if not sep:
            raise JourneymapError(f"{args.file}: --set needs N=VALUE, got {item!r}")
        (index,) = _numbers(number, len(m.conflicts), args.file)
        choices[index] = value
    return choices


def _numbers(text: str, count: int, file: str) -> list[int]:
    if text.strip() == "all":
        return list(range(count))
    result = []
    for part in text.split(","):
        if not part.strip().isdigit() or not 1 <= int(part) <= count:
            raise JourneymapError(
                f"{file}: no conflict {part.strip()!r}; the map has {count} (numbered from 1)"
            )
        result.append(int(part) - 1)
    return result


def _ask(m: JourneyMap, ask: Callable[[str], str]) -> dict[int, str]:
    """Ask per conflict: [o]urs, [t]heirs, [e]dit (a TOML value of one's own, for a key), [s]kip, [q]uit."""
    choices: dict[int, str] = {}
    for index, conflict in enumerate(m.conflicts):
        edit = "[e]dit, " if conflict.key else ""
        question = (
            f"conflict {index + 1}: {describe(conflict, m)}\n  [o]urs, [t]heirs, {edit}[s]kip, [q]uit? "
        )
        while True:
            try:
                answer = ask(question).strip().lower()
            except EOFError:
                return choices
            if answer in ("o", "t"):
                choices[index] = OURS if answer == "o" else THEIRS
            elif answer == "e" and edit:
                choices[index] = ask(f'  new value for {conflict.key} (TOML, e.g. "text" or 2): ')
            elif answer == "q":
                return choices
            elif answer not in ("s", ""):
                continue
            break
    return choices


COMMANDS = (
    Command("git-setup", *GIT_SETUP, git_setup_arguments, git_setup),
    Command("resolve", *RESOLVE, resolve_arguments, resolve),
    Command("merge-driver", *MERGE_DRIVER, merge_driver_arguments, run_merge_driver),
    Command("diff-driver", *DIFF_DRIVER, diff_driver_arguments, run_diff_driver),
)
