"""Writes that lose nothing: locks, symlinks, read-only maps, outputs that are not the map, temp files."""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

import journeymap as jm
from journeymap import locking
from journeymap.cli import main
from journeymap.document import open_document

HOME = EXAMPLES[0].parent / "home-training.toml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "map.toml"
    path.write_bytes(HOME.read_bytes())
    return path


def measured(path: Path, indicator: str = "sessions-held") -> set[str]:
    m = jm.load(path)
    return {
        r.date.isoformat()
        for it in m.iterations
        for b in it.benefits
        for i in b.indicators
        if i.id == indicator
        for r in i.measurements
    }


def test_a_write_through_a_symlink_changes_the_real_file(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = home.with_name("link.toml")
    link.symlink_to(home.name)
    os.chmod(home, 0o640)
    code, _, _ = run(capsys, "measure", str(link), "sessions-held", "5", "--date", "2030-01-01")
    assert code == 0
    assert link.is_symlink() and os.readlink(link) == home.name
    assert "2030-01-01" in measured(home)
    assert home.stat().st_mode & 0o777 == 0o640


def test_a_read_only_map_is_refused(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.chmod(home, 0o444)
    before = home.read_bytes()
    code, _, err = run(capsys, "measure", str(home), "sessions-held", "5", "--date", "2030-01-01")
    assert code == 2
    assert f"{home}: the file is read-only" in err
    assert home.read_bytes() == before and home.stat().st_mode & 0o777 == 0o444


@pytest.mark.parametrize(
    "command", [["export", "--format", "dot"], ["diff"], ["export-csv", "--kind", "steps"]]
)
@pytest.mark.parametrize("how", ["same", "symlink", "hard link"])
def test_output_onto_the_map_itself_is_refused(
    home: Path, capsys: pytest.CaptureFixture[str], command: list[str], how: str
) -> None:
    target = home if how == "same" else home.with_name("other.toml")
    if how == "symlink":
        target.symlink_to(home)
    elif how == "hard link":
        os.link(home, target)
    before = home.read_bytes()
    code, _, err = run(capsys, command[0], str(home), *command[1:], "-o", str(target))
    assert code == 2
    assert "this is the map being read" in err
    assert home.read_bytes() == before


def test_output_onto_a_fifo_a_device_or_a_folder_is_refused(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target, kind in (
        (fifo, "a named pipe (FIFO)"),
        (Path("/dev/null"), "a device"),
        (tmp_path, "a folder"),
    ):
        code, _, err = run(capsys, "export", str(home), "--format", "dot", "-o", str(target))
        assert code == 2, target
        assert f"{target}: is {kind}, not a regular file" in err
    assert Path("/dev/null").is_char_device()
    code, out, _ = run(capsys, "export", str(home), "--format", "dot", "-o", "-")
    assert code == 0 and out.startswith("digraph")


def test_stale_temp_files_of_a_crashed_write_are_removed(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = home.with_name(".map.toml.k3j9x_2a.tmp")
    fresh = home.with_name(".map.toml.abcdefgh.tmp")
    other = home.with_name(".map.toml.notours.tmp")
    for path in (old, fresh, other):
        path.write_text("half a map")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    assert run(capsys, "measure", str(home), "sessions-held", "5", "--date", "2030-01-01")[0] == 0
    assert not old.exists()
    assert fresh.exists(), "a temp file this fresh may be another writer's"
    assert other.exists(), "only our own exact pattern is removed"


def test_a_failed_write_names_the_output_and_leaves_no_temp_file(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "x.svg"
    code, _, err = run(capsys, "export", str(home), "--format", "dot", "-o", str(out))
    assert code == 2
    assert err == f"journeymap: {out}: cannot write: No space left on device\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.toml"]
    code, _, err = run(capsys, "export", str(home), "--format", "dot", "-o", str(tmp_path / "no" / "x.svg"))
    assert code == 2
    assert f"x.svg: cannot write: the folder {tmp_path / 'no'} does not exist" in err


def test_a_failed_report_leaves_no_folder(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    folder = tmp_path / "out" / "report"
    code, _, err = run(capsys, "report", str(home), "-o", str(folder), "--renderer", "wasm")
    assert code == 2
    assert "cannot write: No space left on device" in err
    assert not (tmp_path / "out").exists()


def test_a_second_writer_waits_then_refuses_and_changes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from journeymap.locking import map_lock\n"
         "with map_lock(sys.argv[1]):\n    print('held', flush=True)\n    time.sleep(30)", str(home)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        monkeypatch.setattr(locking, "LOCK_TIMEOUT", 0.3)
        before = home.read_bytes()
        started = time.monotonic()
        code, _, err = run(capsys, "measure", str(home), "sessions-held", "5", "--date", "2030-01-01")
        assert code == 2
        assert time.monotonic() - started >= 0.3
        assert "another program is writing this map" in err and "nothing was changed" in err
        assert home.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    assert run(capsys, "measure", str(home), "sessions-held", "5", "--date", "2030-01-01")[0] == 0
    assert sorted(p.name for p in home.parent.iterdir()) == ["map.toml"], "the lock file is cleaned up"


def test_the_editor_save_takes_the_same_lock(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document, _ = open_document(home)
    document.apply(jm.Measure("future", "sessions-held", jm.Measurement(date=dt.date(2030, 1, 1), value=3)))
    monkeypatch.setattr(locking, "LOCK_TIMEOUT", 0.2)
    before = home.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from journeymap.locking import map_lock\n"
         "with map_lock(sys.argv[1]):\n    print('held', flush=True)\n    time.sleep(30)", str(home)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(jm.MapBusyError):
            document.save()
        assert home.read_bytes() == before and document.dirty
    finally:
        holder.kill()
        holder.wait()
    document.save()
    assert "2030-01-01" in measured(home)


def test_concurrent_writers_lose_nothing(home: Path) -> None:
    """Writers at once: every change lands, or its writer said it refused."""
    commands = [
        ["measure", str(home), "sessions-held", str(n), "--date", f"2030-01-{n:02d}"] for n in range(1, 6)
    ] + [["branch", str(home), "current", "--id", f"round-{n}"] for n in range(1, 4)]
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "journeymap", *c], stderr=subprocess.PIPE, text=True, cwd=ROOT
        )
        for c in commands
    ]
    results = [
        (c, p.wait(timeout=120), p.stderr.read() if p.stderr else "")
        for c, p in zip(commands, runs, strict=True)
    ]
    m = jm.load(home)
    dates = measured(home)
    iterations = {it.id for it in m.iterations}
    for command, code, err in results:
        assert "Traceback" not in err
        landed = (command[-1] in dates) if command[0] == "measure" else (command[-1] in iterations)
        if code == 0:
            assert landed, command
        else:
            assert code == 2 and "another program is writing this map" in err, err
            assert not landed
    assert sum(code == 0 for _, code, _ in results) >= 1


def test_new_points_at_a_schema_beside_the_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "home-care.toml"
    code, out, _ = run(capsys, "new", str(path))
    assert code == 0
    assert path.read_text().startswith("#:schema ./journeymap.schema.json\n")
    schema = json.loads((tmp_path / "journeymap.schema.json").read_text())
    assert schema == jm.json_schema()
    assert "journeymap.schema.json" in out
    code, out, _ = run(capsys, "new", str(tmp_path / "second.toml"))
    assert code == 0 and "journeymap.schema.json" not in out, "an up-to-date schema is left alone"


def test_the_schema_sends_no_one_outside_the_repository() -> None:
    text = (ROOT / "schemas" / "journeymap.schema.json").read_text()
    described = json.loads(text)["description"]
    assert "README" in described
    assert "DESIGN.md" not in text


@pytest.mark.skipif(
    shutil.which("taplo") is None, reason="Taplo is not installed (npm install -g @taplo/cli)"
)
def test_taplo_checks_a_new_map_offline_against_the_schema_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "home-care.toml"
    assert run(capsys, "new", str(path))[0] == 0
    taplo = [str(shutil.which("taplo")), "check", path.name]
    assert subprocess.run(taplo, cwd=tmp_path, capture_output=True).returncode == 0
    path.write_text(path.read_text().replace('ring = "core"', 'ring = "centre"'))
    done = subprocess.run(taplo, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 1 and '"centre" is not one of' in done.stderr


def test_a_file_system_without_locks_still_saves(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    assert run(capsys, "measure", str(home), "sessions-held", "5", "--date", "2030-01-01")[0] == 0
    assert "2030-01-01" in measured(home)
