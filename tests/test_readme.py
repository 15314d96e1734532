"""The README's promises: its test command is what CI runs, its snippets and command lines work."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shlex
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from conftest import ROOT

import journeymap as jm
from tui.actions import read_keymap

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"```sh\n(python3 -m venv .*)\n```", README)
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_readme_toml_examples_load() -> None:
    snippets = [t for t in re.findall(r"```toml\n(.*?)```", README, re.S) if not t.startswith("[keys]")]
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


def test_readme_keymap_example_is_a_keymap_the_editor_takes(tmp_path: Path) -> None:
    (keymap,) = [t for t in re.findall(r"```toml\n(.*?)```", README, re.S) if t.startswith("[keys]")]
    (tmp_path / "keymap.toml").write_text(keymap, encoding="utf-8")
    keys, problem = read_keymap(tmp_path / "keymap.toml")
    assert problem == "" and keys == {"add": "insert", "journey": "f3,v"}


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


def readme_command_lines() -> list[str]:
    """Every command line of the README that runs journeymap, in the README's order.

    The lines of its ``sh`` blocks that start with ``journeymap``, and inline code that is a whole
    command line: ``journeymap`` or ``cp`` with a map file, a ``for`` loop that runs journeymap.
    """
    found: list[tuple[int, str]] = []
    for block in re.finditer(r"```sh\n(.*?)```", README, re.S):
        at = block.start(1)
        for line in block.group(1).splitlines(keepends=True):
            if line.startswith("journeymap"):
                found.append((at, line.strip()))
            at += len(line)
    for span in re.finditer(r"(?<!`)`([^`\n]+)`(?!`)", README):
        text = span.group(1)
        if re.match(r"(journeymap|cp) .*\.toml|for .*journeymap", text) and not _in_block(span.start()):
            found.append((span.start(), text))
    return [line for _, line in sorted(found)]


def _in_block(offset: int) -> bool:
    return README.count("```", 0, offset) % 2 == 1


def _opens_the_editor(line: str) -> bool:
    words = shlex.split(line, comments=True)
    return words[0] == "journeymap" and (words[1] == "edit" or words[1].endswith(".toml"))


def _quit_the_editor(command: str, cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run an editor command line in a terminal, press ctrl+q until it ends; its exit code and screen."""
    main, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    process = subprocess.Popen(["bash", "-c", command], cwd=cwd, env=env, stdin=terminal, stdout=terminal,
                               stderr=terminal, close_fds=True)  # fmt: skip
    os.close(terminal)
    screen, started, pressed = b"", time.monotonic(), 0.0
    try:
        while process.poll() is None and time.monotonic() - started < 90:
            if select.select([main], [], [], 0.2)[0]:
                try:
                    screen += os.read(main, 65536)
                except OSError:
                    break
            if len(screen) > 1000 and time.monotonic() - pressed > 2:
                os.write(main, b"\x11")  # ctrl+q
                pressed = time.monotonic()
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    return process.wait(), screen.decode("utf-8", "replace")


def test_every_command_line_in_the_readme_runs(tmp_path: Path) -> None:
    """Each command line succeeds, in order, in a copy of the repository (the editor is quit at once)."""
    lines = readme_command_lines()
    assert any("--process support-in-operation" in line for line in lines)
    assert sum(line.startswith("journeymap") for line in lines) >= 25
    copy = tmp_path / "repo"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "*cache*", "node_modules"))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    launcher = bin_dir / "journeymap"
    launcher.write_text(
        f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m journeymap "$@"\n', encoding="utf-8"
    )
    launcher.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "TERM": "xterm-256color"}
    for line in lines:
        if _opens_the_editor(line):
            code, output = _quit_the_editor(line, copy, env)
        else:
            done = subprocess.run(["bash", "-c", line], cwd=copy, env=env, capture_output=True, text=True)
            code, output = done.returncode, done.stdout + done.stderr
        assert code == 0, f"{line}\n{output[-2000:]}"
        assert "Traceback" not in output, line
    assert (copy / "telehealth-service-centre-process-future.png").read_bytes().startswith(b"\x89PNG")
    assert "Second round" in (copy / "my-map.toml").read_text(encoding="utf-8")
    assert (copy / "report" / "home-training-report.html").is_file()
