"""The journeymap command: output, exit codes, and no tracebacks."""

from __future__ import annotations

import json
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
    assert err.count(": 0 errors, ") == len(EXAMPLES)
    # the only warnings: steps of today's journeys the seeds do not report (tests/test_evidence.py)
    assert all("of today's journey is only assumed" in line for line in out.splitlines())


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
    assert f"{EXAMPLES[0]}: 0 errors" in err


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
    assert f"m.toml: cannot write: the folder {tmp_path / 'no' / 'such'} does not exist" in err


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


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A writable copy of the home-training example."""
    path = tmp_path / "map.toml"
    path.write_bytes((EXAMPLES[0].parent / "home-training.toml").read_bytes())
    return path


def test_iterations_lists_state_basis_lock_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "iterations", str(EXAMPLES[0].parent / "home-training.toml"))
    assert code == 0
    header, current, future = out.splitlines()
    assert header.split()[:3] == ["id", "label", "state"]
    assert current.startswith("current ") and " current " in current
    assert future.startswith("future ") and "  current  " in future  # based on current
    m = jm.load(EXAMPLES[0].parent / "home-training.toml")
    assert future.split()[-4:] == [
        str(len(m.iteration("future").actors)),
        str(len(m.iteration("future").touchpoints)),
        str(len(m.iteration("future").steps)),
        str(len(m.iteration("future").processes)),
    ]


def test_branch_lock_unlock_round(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "branch", str(copy), "future", "--id", "round-3", "--label", "Third round")
    assert code == 0
    assert "round-3" in out and "Third round" in out
    m = jm.load(copy)
    third = m.iteration("round-3")
    assert (third.based_on, third.state, third.label) == ("future", jm.IterationState.FUTURE, "Third round")
    assert [s.id for s in third.steps] == [s.id for s in m.iteration("future").steps]
    assert all(not s.replaces for s in third.steps)  # the copies replace nothing yet
    assert not jm.has_errors(jm.validate(m))

    assert run(capsys, "lock", str(copy), "round-3")[0] == 0
    assert jm.load(copy).iteration("round-3").locked
    assert run(capsys, "unlock", str(copy), "round-3")[0] == 0
    assert not jm.load(copy).iteration("round-3").locked


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["branch", "{f}", "nowhere", "--id", "x"], "nowhere"),
        (["branch", "{f}", "current", "--id", "future"], "future"),
        (["branch", "{f}", "current", "--id", "Not An Id"], "Not An Id"),
        (["lock", "{f}", "missing"], "missing"),
        (["diff", "{f}", "current", "missing"], "missing"),
    ],
)
def test_bad_input_exits_2_and_leaves_the_file_alone(
    copy: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = copy.read_bytes()
    code, out, err = run(capsys, *(a.format(f=copy) for a in args))
    assert code == 2
    assert message in err and str(copy) in err
    assert "Traceback" not in err and out == ""
    assert copy.read_bytes() == before
    assert [p.name for p in copy.parent.iterdir()] == ["map.toml"]  # no temp files left behind


def test_diff_defaults_to_current_against_future(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, default, _ = run(capsys, "diff", str(copy))
    assert code == 0
    assert run(capsys, "diff", str(copy), "current", "future")[1] == default
    assert default.startswith("Compare current")
    assert "Dedicated trainer" in default


def test_diff_formats_and_output_file(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", str(copy), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {"a", "b"} <= data.keys()
    code, out, _ = run(capsys, "diff", str(copy), "--format", "markdown")
    assert out.startswith("#")
    target = copy.parent / "changes.md"
    code, out, err = run(capsys, "diff", str(copy), "--format", "markdown", "-o", str(target))
    assert code == 0 and out == "" and "wrote" in err
    assert target.read_text(encoding="utf-8").startswith("#")


def test_editing_a_locked_iteration_from_the_cli_is_refused(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "lock", str(copy), "current")
    before = copy.read_bytes()
    # branching *from* a locked iteration is fine and does not change it
    assert run(capsys, "branch", str(copy), "current", "--id", "again")[0] == 0
    assert jm.load(copy).iteration("current") == jm.loads(before.decode()).iteration("current")


def test_export_writes_a_named_file_by_default(
    copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(copy.parent)
    code, out, err = run(capsys, "export", str(copy), "--view", "compare", "--renderer", "wasm")
    assert code == 0 and out == ""
    assert "wrote map-compare.svg" in err
    assert (copy.parent / "map-compare.svg").read_bytes().lstrip().startswith(b"<?xml")


def test_export_to_stdout_in_dot_and_mermaid(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", str(copy), "--format", "dot", "-o", "-", "--direction", "tb")
    assert code == 0 and out.startswith('digraph "journeymap" {')
    code, out, _ = run(capsys, "export", str(copy), "--format", "mermaid", "-o", "-", "--iteration", "future")
    assert code == 0 and out.startswith("journey\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--iteration", "nope"], "no iteration 'nope'"),
        (["--stages", "referral:nowhere"], "no stage 'nowhere'"),
        (["--view", "process", "--process", "nope"], "no process 'nope'"),
        (["--view", "actors", "--format", "mermaid"], "Mermaid"),
        (["--view", "compare", "--iteration", "future", "--against", "future"], "twice"),
    ],
)
def test_export_bad_options_exit_2_and_write_nothing(
    copy: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    target = copy.parent / "out.svg"
    code, _, err = run(capsys, "export", str(copy), "-o", str(target), *args)
    assert code == 2
    assert message in err and str(copy) in err and "Traceback" not in err
    assert not target.exists()


def test_export_refuses_a_map_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text((FIXTURES / "dangling.toml").read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run(capsys, "export", str(broken), "-o", str(tmp_path / "x.svg"))
    assert code == 2
    assert "has errors" in err
    assert not (tmp_path / "x.svg").exists()


def test_edit_refuses_a_broken_file_before_opening_the_editor(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(FIXTURES / "broken-syntax.toml"))  # journeymap FILE means edit
    assert code == 2 and "not valid TOML" in err
    code, _, err = run(capsys, "edit", "no-such-folder/map.toml")
    assert code == 2 and "does not exist" in err
