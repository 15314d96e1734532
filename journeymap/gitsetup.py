"""Git as the engine for sharing: wiring journeymap's merge and diff drivers into a repository.

``.gitattributes`` (committed, so the whole team shares it) names the drivers for the map files;
``.git/config`` (one per clone, never shared) says what runs them. :func:`setup` writes both and
is idempotent. The helpers here also read what git knows: the user, a file at a revision.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from attrs import frozen

from journeymap.errors import JourneymapError, LoadError
from journeymap.files import loads
from journeymap.writing import atomic_write

DRIVER = "journeymap"
"""The name of the merge and diff drivers in ``.gitattributes`` and ``.git/config``."""


class GitError(JourneymapError):
    """Git is missing, or the folder is not in a git repository, or git refused a command."""


def git(args: list[str], cwd: str | os.PathLike[str] = ".") -> str:
    """Run git and return its standard output; :class:`GitError` with git's message if it fails."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    if done.returncode != 0:
        raise GitError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout


def top_level(cwd: str | os.PathLike[str] = ".") -> Path:
    """The root folder of the repository ``cwd`` is in."""
    try:
        return Path(git(["rev-parse", "--show-toplevel"], cwd).strip())
    except GitError:
        raise GitError(f"{os.path.abspath(cwd)} is not in a git repository (run git init first)") from None


def user(cwd: str | os.PathLike[str] = ".") -> str:
    """Git's user as ``Name <email>`` (as a commit would record it), or "" if git has none."""
    try:
        ident = git(["var", "GIT_AUTHOR_IDENT"], cwd).strip()
    except GitError:
        return ""
    return ident.rsplit(" ", 2)[0] if ident.count(" ") >= 2 else ident


def show(revision: str, path: str | os.PathLike[str]) -> str | None:
    """The text of a file at a revision (``HEAD~1``, ``origin/main``), or None if it did not exist there."""
    folder = Path(path).parent
    top = top_level(folder)
    relative = Path(os.path.realpath(path)).relative_to(os.path.realpath(top)).as_posix()
    try:
        git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top)
    except GitError:
        raise GitError(f"{top}: git knows no commit {revision!r}") from None
    try:
        return git(["show", f"{revision}:{relative}"], top)
    except GitError:
        return None


def is_map(text: str) -> bool:
    """Whether a text is a journeymap map that loads."""
    try:
        loads(text)
    except LoadError:
        return False
    return True


def command(*args: str) -> str:
    """A shell command line that runs this journeymap (this Python), as git runs drivers."""
    return " ".join([shlex.quote(sys.executable), "-m", "journeymap", *args])


@frozen
class Setup:
    """What :func:`setup` did: the repository, the patterns, and whether anything changed."""

    root: Path
    patterns: tuple[str, ...]
    attributes_added: tuple[str, ...]
    config_changed: bool


CONFIG = {
    f"merge.{DRIVER}.name": "journeymap: three-way merge of maps by id, field by field",
    f"merge.{DRIVER}.driver": "merge-driver %O %A %B %L %P",
    f"diff.{DRIVER}.textconv": "diff-driver",
    f"diff.{DRIVER}.xfuncname": "^(iteration '[^']*').*$",
}
"""The per-clone settings; the drivers' values are journeymap's arguments (the command goes first)."""


def setup(folder: str | os.PathLike[str], patterns: tuple[str, ...] = ()) -> Setup:
    """Name the drivers for ``patterns`` in ``.gitattributes`` and define them in ``.git/config``.

    Without patterns, the map files in the repository (tracked or not, not ignored) are used.
    :class:`GitError` outside a repository or when no pattern is given and no map is found.
    """
    root = top_level(folder)
    chosen = patterns or _maps_in(root)
    if not chosen:
        raise GitError(
            f"{root}: no map files found; name them with a pattern such as '*.toml' or 'maps/*.toml'"
        )
    attributes = root / ".gitattributes"
    old = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    present = {line.strip() for line in old.splitlines()}
    lines = [f"{_escape(p)} merge={DRIVER} diff={DRIVER}" for p in chosen]
    added = tuple(line for line in dict.fromkeys(lines) if line not in present)
    if added:
        text = old + ("\n" if old and not old.endswith("\n") else "") + "".join(f"{line}\n" for line in added)
        atomic_write(attributes, text.encode("utf-8"))
    changed = False
    for key, value in CONFIG.items():
        wanted = value if key.endswith((".name", ".xfuncname")) else command(*value.split())
        try:
            current = git(["config", "--local", "--get", key], root).rstrip("\n")
        except GitError:
            current = None
        if current != wanted:
            git(["config", "--local", key, wanted], root)
            changed = True
    return Setup(root, tuple(chosen), added, changed)


def _maps_in(root: Path) -> tuple[str, ...]:
    """The map files of the repository: ``*.toml`` files, tracked or not (not ignored), that load."""
    listed = git(["ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "*.toml"], root)
    found = []
    for name in sorted(set(filter(None, listed.split("\0")))):
        try:
            text = (root / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if is_map(text):
            found.append("/" + name)
    return tuple(found)


def _escape(pattern: str) -> str:
    """A pattern as ``.gitattributes`` reads it: spaces (and quotes) need C-style quoting."""
    if any(c in pattern for c in ' \t"\\'):
        return '"' + pattern.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return pattern
