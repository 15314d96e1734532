"""The journeymap command: output, exit codes, and no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from attrs import evolve
from conftest import EXAMPLES, FIXTURES

import journeymap as jm
from journeymap.cli import main
from journeymap.schema import schema_text


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_examples_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", *map(str, EXAMPLES))
    assert code == 0
    assert out == ""
    assert err.count("0 error(s), 0 warning(s)") == len(EXAMPLES)


def test_validate_prints_problems_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(FIXTURES / "dangling.toml")
    code, out, _ = run(capsys, "validate", path)
    assert code == 1
    assert f"{path}:iterations[0].steps[0].emotion: error: emotion 5 is out of range" in out
    assert f"{path}:iterations[0].touchpoints[0]: warning:" not in out


def test_validate_unreadable_file_exits_2_and_goes_on(capsys: pytest.CaptureFixture[str]) -> None:
    broken = str(FIXTURES / "broken-syntax.toml")
    code, _, err = run(capsys, "validate", broken, str(EXAMPLES[0]))
    assert code == 2
    assert f"{broken}:6: error: not valid TOML" in err
    assert f"{EXAMPLES[0]}: 0 error(s)" in err


def test_validate_strict_and_errors_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = jm.starter_map("x")
    it = m.iterations[0]
    step = evolve(it.steps[0], actors=())
    path = tmp_path / "warn.toml"
    jm.save(evolve(m, iterations=(evolve(it, steps=(step,)),)), path)
    assert run(capsys, "validate", str(path))[0] == 0
    assert run(capsys, "validate", "--strict", str(path))[0] == 1
    code, out, _ = run(capsys, "validate", "--errors-only", str(path))
    assert code == 0 and out == ""


def test_new_creates_a_valid_map_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "home-care.toml"
    code, out, _ = run(capsys, "new", str(path))
    assert code == 0 and "Home care" in out
    assert jm.validate(jm.load(path)) == []
    before = path.read_bytes()
    code, _, err = run(capsys, "new", str(path), "--title", "Other")
    assert code == 2 and "already exists" in err
    assert path.read_bytes() == before


def test_new_into_missing_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "new", str(tmp_path / "no" / "such" / "m.toml"))
    assert code == 2
    assert "No such file or directory" in err


def test_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert out == schema_text()


@pytest.mark.parametrize("command", [[], ["new"], ["validate"], ["schema"]])
def test_help_everywhere_with_an_example(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([*command, "--help"])
    assert info.value.code == 0
    assert "example:" in capsys.readouterr().out


def test_console_script_version_and_no_traceback() -> None:
    exe = [sys.executable, "-m", "journeymap"]
    version = subprocess.run([*exe, "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"journeymap {jm.__version__}"
    broken = subprocess.run(
        [*exe, "validate", str(FIXTURES / "wrong-types.toml")], capture_output=True, text=True
    )
    assert broken.returncode == 2
    assert "Traceback" not in broken.stderr
    assert "iterations[0].actors[0].name: error: expected text" in broken.stderr
