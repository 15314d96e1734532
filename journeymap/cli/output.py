"""How commands print tables, write their output and save an edit to a map."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from journeymap.cli.command import UsageError
from journeymap.edit import Operation
from journeymap.errors import EditError
from journeymap.files import load, save
from journeymap.locking import map_lock
from journeymap.model import JourneyMap
from journeymap.terminal import shown
from journeymap.writing import atomic_write, same_file


def print_table(table: Sequence[Sequence[str]]) -> None:
    """Columns padded to their widest cell as shown (control characters escaped); the last is not padded."""
    rows = [[shown(cell) for cell in row] for row in table]
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def write_output(output: str, data: bytes | str, source: str = "") -> None:
    """Write a command's output to ``output`` (``-``: standard output), never onto the map it read.

    Text to standard output goes through ``sys.stdout`` (so control characters are shown escaped);
    bytes (a rendered diagram) and files are written as they are.
    """
    if output == "-":
        if isinstance(data, str):
            sys.stdout.write(data)
        else:
            sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    if source and same_file(output, source):
        raise UsageError(f"{output}: this is the map being read; choose another output file")
    atomic_write(output, data.encode("utf-8") if isinstance(data, str) else data)
    print(f"wrote {output}", file=sys.stderr)


def apply_edit(path: str, operation: Callable[[JourneyMap], Operation]) -> int:
    """Apply one edit to a file and save it, all under the map's lock; the file is untouched if anything fails."""
    with map_lock(path):
        before = load(path)
        try:
            chosen = operation(before)
            description = chosen.describe(before)
            after = chosen.apply(before)
        except EditError as exc:
            raise UsageError(f"{path}: {exc}") from None
        save(after, path)
    print(f"{path}: {description}")
    return 0
