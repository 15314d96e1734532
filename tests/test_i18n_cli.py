"""The command line counts in words that can be translated: "1 error", "2 errors", never "error(s)"."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from journeymap.cli import main

ONE_OF_EACH = """\
schema_version = 1
title = "T"

[[iterations]]
id = "now"
label = "Now"

[[iterations.stages]]
id = "s"
name = "S"

[[iterations.steps]]
id = "a"
name = "A"
stage = "nope"
"""


def test_one_error_and_one_warning_are_counted_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "map.toml"
    path.write_text(ONE_OF_EACH, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err.strip().endswith(f"{path}: 1 error, 1 warning")


def test_several_errors_are_counted_in_the_plural(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "tests" / "fixtures" / "dangling.toml"
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: 6 errors, 0 warnings" in err
    assert "(s)" not in err
