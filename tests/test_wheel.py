"""The wheel, seen from outside the repository: it installs, its command works, its types are visible."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import ROOT

USER_SCRIPT = """\
import journeymap

m = journeymap.load("map.toml")
reveal_type(m)
print(m.title.upper(), len(m.iterations))
"""


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run(list(map(str, args)), cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, (args, done.stdout[-2000:], done.stderr[-2000:])
    return done


@pytest.mark.slow
def test_the_wheel_works_and_is_typed_outside_the_repository(tmp_path: Path) -> None:
    wheels, venv, work = tmp_path / "wheels", tmp_path / "venv", tmp_path / "work"
    work.mkdir()
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        wheels,
        ROOT,
        cwd=work,
    )
    (wheel,) = wheels.glob("journeymap-*.whl")
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel, cwd=work)
    # the dependencies come from the test environment, the journeymap package only from the wheel
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=work).stdout
    Path(purelib.strip(), "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    where = _run(python, "-c", "import journeymap, tui; print(journeymap.__file__, tui.__file__)", cwd=work)
    assert str(ROOT) not in where.stdout and str(venv) in where.stdout
    # the compiled Danish and Norwegian catalogs ship in the wheel
    _run(
        python,
        "-c",
        "from journeymap.i18n import translation; translation('da'); translation('nb')",
        cwd=work,
    )

    (work / "map.toml").write_bytes((ROOT / "examples" / "home-training.toml").read_bytes())
    command = venv / "bin" / "journeymap"
    assert "0 errors" in _run(command, "validate", "map.toml", cwd=work).stderr
    _run(command, "export", "map.toml", "--renderer", "wasm", "-o", "map.svg", cwd=work)
    assert (work / "map.svg").read_bytes().lstrip().startswith((b"<?xml", b"<svg"))
    _run(
        command, "report", "map.toml", "-o", "report", "--renderer", "wasm", "--as-of", "2023-01-15", cwd=work
    )
    assert (work / "report" / "map-report.md").is_file() and (work / "report" / "map-report.html").is_file()

    (work / "use.py").write_text(USER_SCRIPT)
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--python-executable", str(python),
         "--cache-dir", str(tmp_path / "mypy-cache"), "use.py"],
        cwd=work, capture_output=True, text=True,
    )  # fmt: skip
    assert 'Revealed type is "journeymap.model.JourneyMap"' in checked.stdout, checked.stdout
    assert checked.stdout.count("error:") == 0, checked.stdout
