"""``python -m journeymap``."""

from journeymap.cli import run

run()
