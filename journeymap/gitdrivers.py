"""The programs git runs for map files: the merge driver and the diff driver's text conversion.

A file that is not a journeymap map (``pyproject.toml`` under a ``*.toml`` pattern) gets git's
ordinary behaviour: a line merge by ``git merge-file``, and its text unchanged for the diff.
"""

from __future__ import annotations

import os
import shlex
import subprocess

from attrs import frozen

from journeymap.conflicts import describe
from journeymap.errors import LoadError
from journeymap.files import load, save
from journeymap.i18n import translation
from journeymap.map_text import listing
from journeymap.merge import merge
from journeymap.model import JourneyMap, Language


@frozen
class MergeOutcome:
    """What the merge driver did: git's exit code and the lines to tell the user."""

    code: int
    messages: tuple[str, ...]


def merge_driver(base: str, ours: str, theirs: str, marker_size: int = 7, path: str = "") -> MergeOutcome:
    """Merge the files git names %O, %A, %B into %A; code 0 if clean, 1 if conflicts are left.

    Maps are merged by :func:`journeymap.merge.merge` and written canonically (keeping our
    comments); anything else is merged line by line as git would.
    """
    shown = path or ours
    sides = []
    for side, version in (("ours", ours), ("theirs", theirs)):
        try:
            sides.append(load(version))
        except LoadError as exc:
            return _merge_lines(
                base,
                ours,
                theirs,
                marker_size,
                shown,
                f"{side}: line {exc.problems[0].line or '?'}: {exc.problems[0].message}",
            )
    our_map, their_map = sides
    result, found = merge(_base(base), our_map, their_map)
    save(result, ours)
    messages = [f"CONFLICT (journeymap): {shown}: {describe(c, result)}" for c in found]
    if result.conflicts:
        n = len(result.conflicts)
        recorded = translation(Language.EN).ngettext(
            "{file}: {n} conflict recorded in the map, which holds our side; "
            "settle it with: journeymap resolve {command_file}",
            "{file}: {n} conflicts recorded in the map, which holds our side; "
            "settle them with: journeymap resolve {command_file}",
            n,
        )
        messages.append(recorded.format(file=shown, n=n, command_file=shlex.quote(shown)))
    return MergeOutcome(1 if result.conflicts else 0, tuple(messages))


def _base(path: str) -> JourneyMap | None:
    """The common ancestor, or None when there is none (both sides added the file) or it is no map."""
    try:
        return load(path) if os.path.getsize(path) else None
    except (LoadError, OSError):
        return None


def _merge_lines(base: str, ours: str, theirs: str, marker_size: int, shown: str, why: str) -> MergeOutcome:
    """Git's own line merge, for a file that is not a map (or a map that does not load)."""
    labels = ["-L", "ours", "-L", "base", "-L", "theirs"]
    done = subprocess.run(
        ["git", "merge-file", f"--marker-size={marker_size}", *labels, ours, base, theirs],
        capture_output=True,
        text=True,
        check=False,
    )
    note = (
        [f"{shown}: merged line by line, as it does not load as a map ({why})"]
        if _meant_as_map(ours, theirs)
        else []
    )
    return MergeOutcome(0 if done.returncode == 0 else 1, tuple(note))


def _meant_as_map(*paths: str) -> bool:
    """Whether a file names a ``schema_version`` at its top: a map, though perhaps a broken one."""
    for path in paths:
        try:
            with open(path, "rb") as handle:
                if b"schema_version" in handle.read(4096):
                    return True
        except OSError:
            continue
    return False


def textconv(path: str) -> bytes:
    """The text git diffs for a file: a map's :func:`~journeymap.map_text.listing`, else the file itself."""
    try:
        return listing(load(path)).encode("utf-8")
    except LoadError:
        with open(path, "rb") as handle:
            return handle.read()
