"""``journeymap schema``: the JSON Schema of the file format."""

from __future__ import annotations

import argparse

from journeymap.cli.command import Command, output_option
from journeymap.cli.output import write_output
from journeymap.schema import schema_text


def _schema(args: argparse.Namespace) -> int:
    write_output(args.output, schema_text())
    return 0


COMMANDS = (
    Command(
        "schema",
        "Print the JSON Schema of the file format.",
        "journeymap schema -o journeymap.schema.json",
        output_option,
        _schema,
    ),
)
