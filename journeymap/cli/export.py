"""``journeymap export``: draw a diagram of a map."""

from __future__ import annotations

import argparse

from journeymap.cli.command import (
    Command,
    UsageError,
    file_argument,
    iteration_option,
    language_option,
    output_option,
    renderer_option,
)
from journeymap.cli.output import write_output
from journeymap.defaults import default_export_name
from journeymap.errors import JourneymapError
from journeymap.exports import FORMATS, export, export_pages, page_paths
from journeymap.files import load
from journeymap.views import PAGE_SIZES, VIEWS, ViewOptions
from journeymap.views.common import SameIterationError
from journeymap.views.options import LAYOUTS
from journeymap.views.style import SCHEMES


def _arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    parser.add_argument(
        "--view", choices=list(VIEWS), default="journey", help="what to draw (default: journey)"
    )
    iteration_option(parser, "iteration to draw (compare: the older one; default: current)")
    parser.add_argument(
        "--against", metavar="ID", help="compare: the newer iteration (default: newest future)"
    )
    parser.add_argument("--format", choices=FORMATS, default="svg", help="default: svg")
    output_option(parser, None, help="file to write, or - for stdout (default: MAP-VIEW.FORMAT)")
    parser.add_argument("--title", help="diagram title (default: map title and iteration)")
    parser.add_argument(
        "--direction", choices=["lr", "tb"], default="lr", help="left to right (default) or top down"
    )
    parser.add_argument("--scheme", choices=SCHEMES, default="color", help="mono: black, white and grays")
    parser.add_argument("--details", action="store_true", help="journey: show pain points and opportunities")
    parser.add_argument("--profile", metavar="ID", help="journey: only this user profile's steps")
    parser.add_argument("--stages", metavar="FROM[:TO]", help="journey, compare: only these stages (ids)")
    parser.add_argument(
        "--layout", choices=LAYOUTS, default="merged", help="compare: one merged journey or two lanes"
    )
    parser.add_argument("--process", metavar="ID", help="process: which process (default: the first)")
    parser.add_argument("--no-legend", action="store_true", help="leave the legend out")
    language_option(parser)
    parser.add_argument(
        "--page",
        choices=list(PAGE_SIZES),
        help="lay out for a landscape slide (13.33 x 7.5 in), A4 or A3 with text of at least 14 pt, "
        "split into NAME-1, NAME-2, ... where it does not fit one page (default: one canvas)",
    )
    renderer_option(parser)


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
            language=args.language or "",
        )
        if args.page:
            sheets = export_pages(m, args.view, args.format, options, args.renderer, args.page)
        else:
            sheets = [export(m, args.view, args.format, options, renderer=args.renderer)]
    except SameIterationError as exc:
        raise UsageError(f"{args.file}: {exc}; choose the other one with --against") from None
    except JourneymapError as exc:
        raise UsageError(f"{args.file}: {exc}") from None
    output = args.output or default_export_name(
        args.file, args.view, args.format, args.iteration, args.against
    )
    if output == "-" and len(sheets) > 1:
        raise UsageError(
            f"{args.file}: the {args.view} view takes {len(sheets)} pages of this size, "
            "one file each: give a file name with -o instead of -"
        )
    for path, data in zip(page_paths(output, len(sheets)), sheets, strict=True):
        write_output(str(path) if output != "-" else output, data, args.file)
    return 0


COMMANDS = (
    Command(
        "export",
        "Draw a diagram of a map: journey blueprint, comparison, actor map or process.",
        "journeymap export examples/home-training.toml --view compare --format svg -o changes.svg",
        _arguments,
        _export,
    ),
)
