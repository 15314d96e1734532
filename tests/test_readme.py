"""The README's promises: its test command is what CI runs, its snippets work."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOT

import journeymap as jm

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"```sh\n(python3 -m venv .*)\n```", README)
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_readme_toml_examples_load() -> None:
    snippets = re.findall(r"```toml\n(.*?)```", README, re.S)
    ((whole,), (benefits,)) = (
        [t for t in snippets if "schema_version" in t],
        [t for t in snippets if "schema_version" not in t],
    )
    assert jm.validate(jm.loads(whole)) == []
    # The benefits snippet is the inside of an iteration of the home-training example.
    m = jm.loads(f'schema_version = 1\ntitle = "t"\n\n[[iterations]]\nid = "i"\nlabel = "l"\n{benefits}')
    (indicator,) = m.iterations[0].benefits[0].indicators
    assert (indicator.baseline, indicator.target, indicator.measurements[0].value) == (27, 40, 40.5)
    dangling = {p.message.rsplit(", ", 1)[-1] for p in jm.validate(m) if p.severity is jm.Severity.ERROR}
    assert dangling == {"which does not exist in this iteration"}


def test_benchmark_generator_makes_valid_maps() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import large_map

    m = large_map(iterations=2, steps=120, actors=20, touchpoints=30, processes=5)
    assert jm.validate(m) == []
    assert jm.loads(jm.dumps(m)) == m


def test_readme_python_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "examples").mkdir()
    for example in (ROOT / "examples").glob("*.toml"):
        shutil.copy(example, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    code = "\n".join(re.findall(r"```python\n(.*?)```", README, re.S))
    exec(compile(code, "README.md", "exec"), {})
    saved = jm.load("home-training.toml")
    assert saved.iteration("round-2").steps[0].id == "referred"  # the move was undone
    assert "assistant" not in {a.id for a in saved.iteration("round-2").actors}
