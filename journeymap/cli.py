"""The ``journeymap`` command: thin argument parsing around the library.

Exit codes: 0 fine, 1 the map has errors, 2 bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from journeymap import __version__, git_commands, report
from journeymap.benefits import benefit_status, number, parse_date, parse_number
from journeymap.diff_format import FORMATS, render
from journeymap.document import open_document
from journeymap.edit import Branch, EditError, Lock, Measure, Operation
from journeymap.elements import Kind, ids
from journeymap.exports import FORMATS as EXPORT_FORMATS
from journeymap.exports import export
from journeymap.files import load, save
from journeymap.gitsetup import user
from journeymap.locking import map_lock
from journeymap.model import Iteration, IterationState, JourneyMap, Measurement
from journeymap.priorities import priorities
from journeymap.problems import JourneymapError, LoadError, Severity
from journeymap.render import RENDERERS
from journeymap.schema import schema_text
from journeymap.semantic_diff import default_pair, diff
from journeymap.spreadsheet import DELIMITERS, CsvError, export_csv, import_csv
from journeymap.spreadsheet import KINDS as CSV_KINDS
from journeymap.starter import create
from journeymap.terminal import escaped_output, shown
from journeymap.validate import validate
from journeymap.views import VIEWS, ViewOptions
from journeymap.views.options import LAYOUTS
from journeymap.views.style import SCHEMES
from journeymap.writing import atomic_write, same_file

Handler = Callable[[argparse.Namespace], int]
T = TypeVar("T")


DELIMITER_NAMES = {name: char for char, name in DELIMITERS.items()}


class UsageError(JourneymapError):
    """Bad usage that argparse cannot see: exit 2 with the message."""


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=32)


def _command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: Handler,
    summary: str,
    example: str,
) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        name, help=summary, description=summary, epilog=f"example:\n  {example}", formatter_class=_formatter
    )
    parser.set_defaults(handler=handler)
    return parser


def _new(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if path.exists() and not args.force:
        raise UsageError(f"{path}: already exists; choose another name or pass --force to replace it")
    title = args.title or path.stem.replace("-", " ").replace("_", " ").capitalize()
    written = create(path, title)
    print(f"{path}: created a starter map '{title}' with one current iteration")
    for schema in written[1:]:
        print(f"wrote {schema} (the map's #:schema line points at it, for completion in editors)")
    return 0


def _edit_file(args: argparse.Namespace) -> int:
    path = Path(args.file)
    exists = os.path.lexists(path)  # a broken or looping link is an error to show, not a new map
    if not exists and not path.parent.is_dir():
        raise UsageError(f"{path}: the folder {path.parent} does not exist")
    document, recovered = open_document(path) if exists else (None, None)
    from tui import JourneymapApp  # only the editor needs Textual; the library never imports it

    JourneymapApp(path, document, recovered).run()
    return 0


def _validate(args: argparse.Namespace) -> int:
    worst = 0
    for name in args.files:
        try:
            problems = validate(load(name))
        except LoadError as exc:
            print(exc.describe(), file=sys.stderr)
            worst = 2
            continue
        errors = sum(p.severity is Severity.ERROR for p in problems)
        shown = [p for p in problems if p.severity is Severity.ERROR or not args.errors_only]
        for problem in shown:
            print(problem.describe(name))
        warnings = len(problems) - errors
        print(f"{name}: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
        if errors or (args.strict and warnings):
            worst = max(worst, 1)
    return worst


def _schema(args: argparse.Namespace) -> int:
    _write_output(args.output, schema_text())
    return 0


def _edit(path: str, operation: Callable[[JourneyMap], Operation]) -> int:
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


def _print_table(table: Sequence[Sequence[str]]) -> None:
    """Columns padded to their widest cell as shown (control characters escaped); the last is not padded."""
    rows = [[shown(cell) for cell in row] for row in table]
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _iterations(args: argparse.Namespace) -> int:
    m = load(args.file)
    rows = [("id", "label", "state", "based on", "locked", "actors", "touchpoints", "steps", "processes")]
    for it in m.iterations:
        rows.append((
            it.id, it.label, it.state.value, it.based_on or "-", "locked" if it.locked else "-",
            str(len(it.actors)), str(len(it.touchpoints)), str(len(it.steps)), str(len(it.processes)),
        ))  # fmt: skip
    _print_table(rows)
    return 0


def _branch(args: argparse.Namespace) -> int:
    state = IterationState(args.state)
    branch = Branch(args.source, args.id, args.label or f"Based on {args.source}", state)
    return _edit(args.file, lambda _: branch)


def _lock(args: argparse.Namespace) -> int:
    by = user(Path(args.file).parent) if args.locked else ""
    return _edit(args.file, lambda _: Lock(args.iteration, locked=args.locked, by=by))


def _diff(args: argparse.Namespace) -> int:
    if args.since is not None:
        if args.a is not None:
            raise UsageError(f"{args.file}: --since compares whole versions of the map; leave out A and B")
        text = git_commands.diff_since(args.file, args.since, args.format)
        _write_output(args.output, text, args.file)
        return 0
    m = load(args.file)
    try:
        a, b = (
            default_pair(m)
            if args.a is None
            else (m.iteration(args.a), m.iteration(args.b or default_pair(m)[1].id))
        )
    except KeyError as exc:
        known = ", ".join(it.id for it in m.iterations)
        raise UsageError(f"{args.file}: no iteration {exc.args[0]!r} (iterations: {known})") from None
    except ValueError as exc:
        raise UsageError(f"{args.file}: {exc}") from None
    _write_output(args.output, render(diff(a, b), args.format), args.file)
    return 0


def _export(args: argparse.Namespace) -> int:
    m = load(args.file)
    stages = tuple(args.stages.split(":", 1)) if args.stages else None
    try:
        options = ViewOptions(
            iteration=args.iteration or "",
            against=args.against or "",
            title=args.title or "",
            direction=args.direction.upper(),
            scheme=args.scheme,
            layout=args.layout,
            details=args.details,
            profile=args.profile or "",
            stages=(stages[0], stages[-1]) if stages else None,
            process=args.process or "",
            legend=not args.no_legend,
        )
        data = export(m, args.view, args.format, options, renderer=args.renderer)
    except JourneymapError as exc:
        raise UsageError(f"{args.file}: {exc}") from None
    _write_output(args.output or _default_output(args), data, args.file)
    return 0


def _default_output(args: argparse.Namespace) -> str:
    """``<map>-<view>[-<iteration>[-<against>]].<ext>`` in the current folder."""
    parts = [Path(args.file).stem, args.view, *(x for x in (args.iteration, args.against) if x)]
    extension = {"mermaid": "mmd"}.get(args.format, args.format)
    return "-".join(parts) + f".{extension}"


def _iteration_id(m: JourneyMap, wanted: str | None, file: str) -> str:
    if wanted:
        if wanted not in {it.id for it in m.iterations}:
            known = ", ".join(it.id for it in m.iterations)
            raise UsageError(f"{file}: no iteration {wanted!r} (iterations: {known})")
        return wanted
    if not m.iterations:
        raise UsageError(f"{file}: the map has no iterations")
    current = [it for it in m.iterations if it.state is IterationState.CURRENT]
    return (current or list(m.iterations))[0].id


def _priorities(args: argparse.Namespace) -> int:
    m = load(args.file)
    it = _newest(m, args.iteration, args.file)
    scored = priorities(it)
    if not scored:
        print(f"{args.file}: no step of iteration {it.id!r} has both an effort and a gain")
        return 0
    rows = [("quadrant", "gain", "effort", "step")]
    rows += [(p.quadrant.value, str(p.gain), str(p.effort), f"{p.step.name} ({p.step.id})") for p in scored]
    _print_table(rows)
    return 0


def _argument(parse: Callable[[str], T]) -> Callable[[str], T]:
    """An argparse type from a library parser: its message becomes argparse's (exit 2)."""

    def convert(text: str) -> T:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert


_date = _argument(parse_date)
_number = _argument(parse_number)


def _newest(m: JourneyMap, wanted: str | None, file: str) -> Iteration:
    """The iteration asked for, or else the newest one."""
    if not m.iterations:
        raise UsageError(f"{file}: the map has no iterations")
    return m.iteration(_iteration_id(m, wanted, file)) if wanted else m.iterations[-1]


def _benefits(args: argparse.Namespace) -> int:
    m = load(args.file)
    it = _newest(m, args.iteration, args.file)
    statuses = benefit_status(it, args.as_of)
    if not statuses:
        print(f"{args.file}: iteration {it.id!r} has no benefit with an indicator")
        return 0
    rows = [("indicator", "baseline", "target", "deadline", "latest", "of the way", "status")]
    for s in statuses:
        i = s.indicator
        rows.append((
            i.id,
            number(i.baseline) if i.baseline is not None else "-",
            number(i.target) if i.target is not None else "-",
            i.deadline.isoformat() if i.deadline else "-",
            s.latest_text() or "-",
            s.progress_text() or "-",
            s.status.value,
        ))  # fmt: skip
    _print_table(rows)
    return 0


def _measure(args: argparse.Namespace) -> int:
    reading = Measurement(date=args.date or dt.date.today(), value=args.value, note=args.note or "")

    def measure(m: JourneyMap) -> Operation:
        holders = [it.id for it in m.iterations if args.indicator in ids(it, Kind.INDICATOR)]
        iteration = args.iteration or (holders[-1] if holders else "")
        if not iteration:
            raise UsageError(f"{args.file}: no iteration has an indicator {args.indicator!r}")
        return Measure(iteration, args.indicator, reading)

    return _edit(args.file, measure)


def _report(args: argparse.Namespace) -> int:
    m = load(args.file)
    it = _newest(m, args.iteration, args.file)
    stem = Path(args.file).stem
    try:
        content = report.build(m, it.id, stem, args.as_of, args.renderer)
    except JourneymapError as exc:
        raise UsageError(f"{args.file}: {exc}") from None
    for path in report.write(content, args.output, stem):
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _export_csv(args: argparse.Namespace) -> int:
    m = load(args.file)
    it = m.iteration(_iteration_id(m, args.iteration, args.file))
    text = export_csv(it, CSV_KINDS[args.kind], DELIMITER_NAMES[args.delimiter])
    _write_output(args.output, text, args.file)
    return 0


def _import_csv(args: argparse.Namespace) -> int:
    try:
        text = Path(args.csv).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{args.csv}: not UTF-8 text; save the spreadsheet as 'CSV UTF-8'") from None
    with map_lock(args.file):
        m = load(args.file)
        iteration = _iteration_id(m, args.iteration, args.file)
        try:
            result, added, updated = import_csv(m, iteration, CSV_KINDS[args.kind], text, args.csv)
        except CsvError as exc:
            print(exc, file=sys.stderr)
            print(f"{args.file}: nothing imported", file=sys.stderr)
            return 2
        save(result, args.file)
    print(f"{args.file}: imported {args.kind} into iteration {iteration!r}: {added} added, {updated} updated")
    return 0


def _git_setup(args: argparse.Namespace) -> int:
    return git_commands.git_setup(args)


def _merge_driver(args: argparse.Namespace) -> int:
    return git_commands.run_merge_driver(args)


def _diff_driver(args: argparse.Namespace) -> int:
    return git_commands.run_diff_driver(args)


def _resolve(args: argparse.Namespace) -> int:
    return git_commands.resolve(args)


def _write_output(output: str, data: str | bytes, source: str = "") -> None:
    """Write a command's output to ``output`` (``-``: standard output), never onto the map it read.

    Text for standard output goes through the terminal's escaping of control characters; bytes
    (an image) and files are written as they are.
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


def _newest_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--iteration", metavar="ID", help="default: the newest iteration")


def _as_of_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of", type=_date, metavar="DATE", help="judge deadlines on this date (default: today)"
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="journeymap",
        description="Service-journey and actor maps as versioned, validated TOML files.",
        epilog="example:\n  journeymap validate examples/*.toml",
        formatter_class=_formatter,
    )
    parser.add_argument("--version", action="version", version=f"journeymap {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    p = _command(
        sub,
        "new",
        _new,
        "Create a small valid starter map.",
        "journeymap new home-care.toml --title 'Home care'",
    )
    p.add_argument("file", metavar="FILE", help="the map file to create")
    p.add_argument("--title", help="name of the service (default: from the file name)")
    p.add_argument("--force", action="store_true", help="replace an existing file")

    p = _command(
        sub, "edit", _edit_file, "Open a map in the terminal editor (also: journeymap FILE).",
        "journeymap edit examples/home-training.toml",
    )  # fmt: skip
    p.add_argument("file", metavar="FILE", help="the map to edit; a new file is offered as a starter map")

    p = _command(
        sub,
        "validate",
        _validate,
        "Check maps and list their problems.",
        "journeymap validate examples/*.toml",
    )
    p.add_argument("files", metavar="FILE", nargs="+", help="map files to check")
    p.add_argument("--errors-only", action="store_true", help="do not print warnings")
    p.add_argument("--strict", action="store_true", help="exit 1 on warnings too")

    p = _command(
        sub,
        "iterations",
        _iterations,
        "List a map's iterations.",
        "journeymap iterations examples/home-training.toml",
    )
    p.add_argument("file", metavar="FILE")

    p = _command(
        sub, "branch", _branch, "Branch a new iteration from an existing one.",
        "journeymap branch my-map.toml current --id round-2 --label 'Second round'",
    )  # fmt: skip
    p.add_argument("file", metavar="FILE")
    p.add_argument("source", metavar="FROM", help="id of the iteration to branch from")
    p.add_argument("--id", required=True, help="id of the new iteration")
    p.add_argument("--label", help="name of the new iteration")
    p.add_argument("--state", choices=[s.value for s in IterationState], default="future")

    for name, locked in (("lock", True), ("unlock", False)):
        summary = (
            "Lock an iteration: it becomes read-only."
            if locked
            else "Unlock an iteration so it can be edited."
        )
        p = _command(sub, name, _lock, summary, f"journeymap {name} my-map.toml current")
        p.add_argument("file", metavar="FILE")
        p.add_argument("iteration", metavar="ID")
        p.set_defaults(locked=locked)

    p = _command(
        sub, "diff", _diff, "Compare two iterations: what was added, removed, changed and moved.",
        "journeymap diff examples/home-training.toml current future --format markdown",
    )  # fmt: skip
    p.add_argument("file", metavar="FILE")
    p.add_argument("a", metavar="A", nargs="?", help="older iteration (default: the current one)")
    p.add_argument("b", metavar="B", nargs="?", help="newer iteration (default: the newest future one)")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument(
        "--since",
        metavar="REV",
        help="what changed in the map since a git commit, branch or tag (e.g. origin/main)",
    )
    p.add_argument("-o", "--output", default="-", metavar="PATH", help="write to PATH instead of stdout")

    p = _command(
        sub, "export", _export, "Draw a diagram of a map: journey blueprint, comparison, actor map or process.",
        "journeymap export examples/home-training.toml --view compare --format svg -o changes.svg",
    )  # fmt: skip
    p.add_argument("file", metavar="FILE")
    p.add_argument("--view", choices=list(VIEWS), default="journey", help="what to draw (default: journey)")
    p.add_argument(
        "--iteration", metavar="ID", help="iteration to draw (compare: the older one; default: current)"
    )
    p.add_argument("--against", metavar="ID", help="compare: the newer iteration (default: newest future)")
    p.add_argument(
        "--format", choices=EXPORT_FORMATS, default="svg", help="default: svg; png and pdf need Graphviz"
    )
    p.add_argument(
        "-o", "--output", metavar="PATH", help="file to write, or - for stdout (default: MAP-VIEW.FORMAT)"
    )
    p.add_argument("--title", help="diagram title (default: map title and iteration)")
    p.add_argument(
        "--direction", choices=["lr", "tb"], default="lr", help="left to right (default) or top down"
    )
    p.add_argument("--scheme", choices=SCHEMES, default="color", help="mono: black, white and grays")
    p.add_argument("--details", action="store_true", help="journey: show pain points and opportunities")
    p.add_argument("--profile", metavar="ID", help="journey: only this user profile's steps")
    p.add_argument("--stages", metavar="FROM[:TO]", help="journey, compare: only these stages (ids)")
    p.add_argument(
        "--layout", choices=LAYOUTS, default="merged", help="compare: one merged journey or two lanes"
    )
    p.add_argument("--process", metavar="ID", help="process: which process (default: the first)")
    p.add_argument("--no-legend", action="store_true", help="leave the legend out")
    p.add_argument("--renderer", choices=RENDERERS, default="auto",
                   help="auto: Graphviz if installed, else built-in (SVG only)")  # fmt: skip

    p = _command(
        sub, "priorities", _priorities, "List the scored changes by quadrant: quick wins first.",
        "journeymap priorities examples/home-training.toml --iteration future",
    )  # fmt: skip
    p.add_argument("file", metavar="FILE")
    _newest_option(p)

    p = _command(
        sub, "benefits", _benefits, "Show where each benefit indicator stands against its target.",
        "journeymap benefits examples/home-training.toml --as-of 2023-01-15",
    )  # fmt: skip
    p.add_argument("file", metavar="FILE")
    _newest_option(p)
    _as_of_option(p)

    p = _command(
        sub, "measure", _measure, "Record a measurement of an indicator (also in a locked iteration).",
        'journeymap measure examples/home-training.toml sessions-held 88 --date 2023-01-31 --note "January"',
    )  # fmt: skip
    p.add_argument("file", metavar="FILE")
    p.add_argument("indicator", metavar="INDICATOR", help="the indicator's id")
    p.add_argument("value", metavar="VALUE", type=_number, help="the value, in the indicator's unit")
    p.add_argument(
        "--date",
        type=_date,
        metavar="DATE",
        help="default: today; a second value for a date replaces the first",
    )
    p.add_argument("--note", metavar="TEXT", help="where the figure comes from")
    p.add_argument("--iteration", metavar="ID", help="default: the newest iteration with the indicator")

    p = _command(
        sub, "report", _report, "Write the steering-group report (10-20-30 outline) as Markdown and HTML with its diagrams.",
        "journeymap report examples/home-training.toml -o report/",
    )  # fmt: skip
    p.add_argument("file", metavar="FILE")
    _newest_option(p)
    p.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        default=".",
        help="folder for the files (made if missing; default: here)",
    )
    _as_of_option(p)
    p.add_argument("--renderer", choices=RENDERERS, default="auto",
                   help="auto: Graphviz if installed, else built-in")  # fmt: skip

    p = _command(
        sub, "export-csv", _export_csv, "Write an iteration's steps, touchpoints or actors as CSV.",
        "journeymap export-csv examples/home-training.toml --kind steps --delimiter semicolon -o steps.csv",
    )  # fmt: skip
    p.add_argument("file", metavar="FILE")
    p.add_argument("--kind", choices=list(CSV_KINDS), required=True)
    p.add_argument("--iteration", metavar="ID", help="default: the current iteration")
    p.add_argument("--delimiter", choices=list(DELIMITER_NAMES), default="comma")
    p.add_argument("-o", "--output", default="-", metavar="PATH", help="write to PATH instead of stdout")

    p = _command(
        sub, "import-csv", _import_csv,
        "Add or update steps, touchpoints or actors from CSV (all rows or none).",
        "journeymap import-csv my-map.toml steps.csv --kind steps --iteration future",
    )  # fmt: skip
    p.add_argument("file", metavar="FILE")
    p.add_argument("csv", metavar="CSV", help="UTF-8 CSV with a header row; comma, semicolon or tab")
    p.add_argument("--kind", choices=list(CSV_KINDS), required=True)
    p.add_argument("--iteration", metavar="ID", help="default: the current iteration")

    p = _command(sub, "git-setup", _git_setup, *git_commands.GIT_SETUP)
    git_commands.git_setup_arguments(p)
    p = _command(sub, "resolve", _resolve, *git_commands.RESOLVE)
    git_commands.resolve_arguments(p)
    p = _command(sub, "merge-driver", _merge_driver, *git_commands.MERGE_DRIVER)
    git_commands.merge_driver_arguments(p)
    p = _command(sub, "diff-driver", _diff_driver, *git_commands.DIFF_DRIVER)
    git_commands.diff_driver_arguments(p)

    p = _command(
        sub,
        "schema",
        _schema,
        "Print the JSON Schema of the file format.",
        "journeymap schema -o journeymap.schema.json",
    )
    p.add_argument("-o", "--output", default="-", metavar="PATH", help="write to PATH instead of stdout")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code. ``journeymap FILE`` means ``journeymap edit FILE``."""
    with escaped_output():  # what a command prints shows control characters escaped (the editor draws apart)
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and not arguments[0].startswith("-") and arguments[0] not in _commands(parser):
        arguments.insert(0, "edit")
    args = parser.parse_args(arguments)
    try:
        return int(args.handler(args))
    except LoadError as exc:
        print(exc.describe(), file=sys.stderr)
    except JourneymapError as exc:
        print(f"journeymap: {exc}", file=sys.stderr)
    except OSError as exc:
        print(f"journeymap: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("journeymap: interrupted", file=sys.stderr)
    return 2


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._subparsers._actions if parser._subparsers else []:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
