"""Every command is declared once, in its own module, and shows up with its help and example."""

from __future__ import annotations

import pytest

from journeymap.cli import build_parser, main
from journeymap.cli.registry import COMMANDS


def test_the_top_help_lists_every_command_with_its_summary(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    for name, command in COMMANDS.items():
        assert name in out and command.summary[:30] in " ".join(out.split())


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_has_help_with_an_example(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([name, "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    assert f"example:\n  {COMMANDS[name].example}" in out
    assert COMMANDS[name].example.startswith(f"journeymap {name} ")


def test_the_parser_dispatches_to_the_registered_handler() -> None:
    parser = build_parser()
    assert parser.parse_args(["validate", "x.toml"]).handler is COMMANDS["validate"].handler
    with pytest.raises(SystemExit):
        parser.parse_args(["no-such-command"])
