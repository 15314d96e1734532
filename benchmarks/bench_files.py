"""Load, validate and save a large map, next to raw tomllib / tomli-w (and other TOML parsers) on the same data.

Run: ``python benchmarks/bench_files.py`` (prints medians of several runs).
"""

from __future__ import annotations

import importlib
import sys
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path

import tomli_w

sys.path.insert(0, str(Path(__file__).parent))
from generate import large_map
from timing import median_ms

import journeymap as jm
from journeymap.tomlparser import parse


def main() -> None:
    m = large_map()
    text = jm.dumps(m)
    data = tomllib.loads(text)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.toml"
        path.write_text(text, encoding="utf-8")
        steps = sum(len(it.steps) for it in m.iterations)
        print(f"map: {len(m.iterations)} iterations, {steps} steps, {len(text) / 1e6:.1f} MB of TOML")
        raw_load = median_ms(lambda: tomllib.loads(text))
        for name, parse in _parsers():
            ms = median_ms(lambda parse=parse: parse(text))  # type: ignore[misc]
            same = "same data as tomllib" if parse(text) == data else "DIFFERENT data"
            print(f"  parser {name:16} {ms:8.1f} ms  {ms / raw_load:.2f}x tomllib, {same}")
        load = median_ms(lambda: jm.load(path))
        validate = median_ms(lambda: jm.validate(m))
        raw_dump = median_ms(lambda: tomli_w.dumps(data))
        save = median_ms(lambda: jm.save(m, path))
        commented = with_comments(text)
        notes = commented.count("\n# ")

        def save_commented() -> None:
            path.write_text(commented, encoding="utf-8")
            jm.save(m, path)

        write = median_ms(lambda: path.write_text(commented, encoding="utf-8"))
        save_notes = median_ms(save_commented) - write
        rows = [
            ("raw tomllib.loads", raw_load, ""),
            ("journeymap.load", load, f"{load / raw_load:.2f}x raw"),
            ("journeymap.validate", validate, ""),
            ("load + validate", load + validate, f"{(load + validate) / raw_load:.2f}x raw (aim <= 0.6x)"),
            ("raw tomli_w.dumps", raw_dump, ""),
            ("journeymap.save", save, f"{save / raw_dump:.2f}x raw (aim <= 3x)"),
            (f"save, {notes} comments", save_notes, f"{save_notes / raw_dump:.2f}x raw (comments kept)"),
        ]
        for name, ms, note in rows:
            print(f"{name:22} {ms:8.1f} ms  {note}")


def _parsers() -> list[tuple[str, Callable[[str], object]]]:
    """The TOML parsers installed here, to compare with tomllib on the same text."""
    found: list[tuple[str, Callable[[str], object]]] = [("journeymap's", parse)]
    for module in ("tomli", "rtoml", "toml_rs"):
        try:
            found.append((module, importlib.import_module(module).loads))
        except ImportError:
            continue
    return found


def with_comments(text: str) -> str:
    """The text with a comment above every 50th step and every 97th name."""
    lines = []
    for number, line in enumerate(text.split("\n")):
        if line.startswith("[[iterations.steps]]") and number % 50 == 0:
            lines.append(f"# note on the step below ({number})")
        if line.startswith("name = ") and number % 97 == 0:
            lines.append(f"# note on the name below ({number})")
        lines.append(line)
    return "\n".join(lines)


if __name__ == "__main__":
    main()
