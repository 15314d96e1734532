"""The architecture's boundaries, checked by import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

LINT = [
    sys.executable,
    "-c",
    "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())",
]


def _lint(cwd: Path, path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(path)}
    command = [*LINT, "--config", str(ROOT / "pyproject.toml"), "--no-cache"]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)


def test_the_contracts_are_kept() -> None:
    done = _lint(ROOT, ROOT)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("journeymap/views/sneaky.py", "import textual\n", "never imports the editor or Textual"),
        ("journeymap/views/sneaky.py", "from journeymap.cli import main\n", "Views draw a map"),
        ("journeymap/validate.py", "import journeymap.exports\n", "Front ends above the library"),
        ("journeymap/model.py", "import cattrs\n", "The model knows no file format"),
        ("journeymap/views/harmless.py", "import journeymap.model\n", ""),
    ],
)
def test_a_forbidden_import_breaks_a_contract(tmp_path: Path, module: str, line: str, contract: str) -> None:
    for package in ("journeymap", "tui"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    with (tmp_path / module).open("a") as file:
        file.write(line)
    done = _lint(tmp_path, tmp_path)
    if contract:
        assert done.returncode == 1 and f"{contract}" in done.stdout.split("Broken contracts")[-1], (
            done.stdout
        )
    else:
        assert done.returncode == 0, done.stdout
