"""Hostile files through every command that reads a map: a clear message, exit 1 or 2, no
traceback, no hang, and every file left exactly as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import pytest
from attrs import evolve
from conftest import EXAMPLES

import journeymap as jm
from journeymap.cli import main
from journeymap.document import open_document, recovery_path

HOME = EXAMPLES[0].parent / "home-training.toml"
HEAD = 'schema_version = 1\ntitle = "x"\n'
SECONDS_PER_RUN = 10


def _texts() -> dict[str, bytes]:
    valid = HOME.read_bytes()
    return {
        "empty": b"",
        "only-blank-lines": b"\n \n\t\n",
        "only-the-schema-line": b"#:schema ./journeymap.schema.json\n",
        "binary": bytes(range(256)) * 8,
        "utf-16": valid.decode("utf-8").encode("utf-16"),
        "bom-then-garbage": b"\xef\xbb\xbf\xef\xbb\xbf" + valid,
        "nul-bytes": valid[:200] + b"\x00" + valid[200:],
        "encoded-surrogate": HEAD.encode() + b'description = "\xed\xa0\x80"\n',
        "control-character": HEAD.encode() + b'description = "a\x1b[2Jb"\n',
        "invalid-toml": HEAD.encode() + b"[[iterations]\n",
        "deep-arrays": HEAD.encode() + b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n",
        "deep-inline-tables": HEAD.encode() + b"x = " + b"{a = " * 5000 + b"1" + b"}" * 5000 + b"\n",
        "deep-arrays-in-a-known-key": b"schema_version = 1\ntitle = " + b"[" * 900 + b"]" * 900 + b"\n",
        "huge-integer": b"schema_version = " + b"9" * 5000 + b'\ntitle = "x"\n',
        "huge-hex-integer": b"schema_version = 0x" + b"f" * 5000 + b'\ntitle = "x"\n',
        "huge-integer-emotion": valid.replace(b"emotion = ", b"emotion = " + b"9" * 4400, 1),
        "newer-format": valid.replace(b"schema_version = 1", b"schema_version = 999", 1),
        "no-version": valid.replace(b"schema_version = 1\n", b"", 1),
        "wrong-types": valid.replace(b'title = "', b'title = [1]\nx = "', 1),
        "unknown-key-with-huge-string": HEAD.encode() + b'colour = "' + b"x" * 2_000_000 + b'"\n',
        "over-the-size-limit": HEAD.encode() + b'description = "' + b"x" * (jm.MAX_FILE_BYTES + 10) + b'"\n',
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = {}
    for name, data in _texts().items():
        path = folder / f"{name}.toml"
        path.write_bytes(data)
        files[name] = path
    os.mkfifo(folder / "fifo.toml")
    (folder / "folder.toml").mkdir()
    for name, target in (
        ("dangling-symlink", "nowhere.toml"),
        ("symlink-loop", "symlink-loop.toml"),
        ("symlink-to-a-device", "/dev/zero"),
        ("symlink-to-a-fifo", "fifo.toml"),
        ("symlink-to-a-bad-file", "deep-arrays.toml"),
    ):
        (folder / f"{name}.toml").symlink_to(target)
    for name in ("fifo", "folder", "dangling-symlink", "symlink-loop", "symlink-to-a-device"):
        files[name] = folder / f"{name}.toml"
    files["symlink-to-a-fifo"] = folder / "symlink-to-a-fifo.toml"
    files["symlink-to-a-bad-file"] = folder / "symlink-to-a-bad-file.toml"
    files["missing"] = folder / "missing.toml"
    return files


def _commands(path: str, csv: str) -> dict[str, list[str]]:
    return {
        "validate": ["validate", path],
        "iterations": ["iterations", path],
        "branch": ["branch", path, "current", "--id", "next"],
        "lock": ["lock", path, "current"],
        "unlock": ["unlock", path, "current"],
        "diff": ["diff", path],
        "export": ["export", path, "--format", "dot"],
        "export-mermaid": ["export", path, "--format", "mermaid"],
        "export-bpmn": ["export", path, "--view", "process", "--format", "bpmn"],
        "priorities": ["priorities", path],
        "benefits": ["benefits", path],
        "measure": ["measure", path, "sessions-held", "5", "--date", "2030-01-01"],
        "report": ["report", path, "-o", "report"],
        "export-csv": ["export-csv", path, "--kind", "steps"],
        "import-csv": ["import-csv", path, csv, "--kind", "steps"],
        "edit": ["edit", path],
    }


COMMANDS = list(_commands("", ""))
NEW_FILES = ("missing",)
"""The editor offers to create this as a new map, rightly."""


def _snapshot(folder: Path) -> dict[str, object]:
    """What each entry of the folder is: bytes, a link's target, or its kind."""
    seen: dict[str, object] = {}
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink():
            seen[entry.name] = ("link", os.readlink(entry))
        elif entry.is_fifo():
            seen[entry.name] = "fifo"
        elif entry.is_dir():
            seen[entry.name] = ("folder", sorted(p.name for p in entry.iterdir()))
        else:
            seen[entry.name] = entry.read_bytes()
    return seen


@pytest.fixture(scope="module")
def before(corpus: dict[str, Path]) -> dict[str, object]:
    return _snapshot(next(iter(corpus.values())).parent)


class TooSlow(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise TooSlow(f"no answer within {SECONDS_PER_RUN} s")


@pytest.fixture
def time_limit() -> Iterator[Callable[[list[str]], int]]:
    previous = signal.signal(signal.SIGALRM, _alarm)

    def run(argv: list[str]) -> int:
        signal.setitimer(signal.ITIMER_REAL, SECONDS_PER_RUN)
        try:
            return main(argv)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)

    yield run
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_hostile_file_through_every_command(
    command: str,
    corpus: dict[str, Path],
    before: dict[str, object],
    time_limit: Callable[[list[str]], int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    csv = tmp_path / "steps.csv"
    csv.write_text("id,name,stage\ns,S,st\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name, path in corpus.items():
        if command == "edit" and name in NEW_FILES:
            continue
        code = time_limit(_commands(str(path), str(csv))[command])
        out, err = capsys.readouterr()
        assert code in (1, 2), (name, out, err)
        assert str(path) in err, (name, err)
        assert len(err) < 4000, (name, "the message is short and does not echo the file")
        assert _snapshot(path.parent) == before, (name, "the files are as they were")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["steps.csv"], (name, "nothing was written")


def test_no_hostile_file_loads(corpus: dict[str, Path]) -> None:
    for name, path in corpus.items():
        with pytest.raises(jm.LoadError) as info:
            jm.load(path)
        assert info.value.problems, name


def test_loads_raises_only_load_error() -> None:
    for name, data in _texts().items():
        if name in ("binary", "utf-16", "encoded-surrogate", "over-the-size-limit"):
            continue
        with pytest.raises(jm.LoadError):
            jm.loads(data.decode("utf-8-sig"))
    for text in (HEAD + 'description = "\ud800"\n', HEAD + "# \udfff\n", "\x00"):
        with pytest.raises(jm.LoadError, match="not a text file"):
            jm.loads(text)


def test_loads_messages_for_nesting_and_long_numbers() -> None:
    with pytest.raises(jm.LoadError, match="nested too deeply"):
        jm.loads(_texts()["deep-arrays"].decode())
    with pytest.raises(jm.LoadError, match="a number is too long to read"):
        jm.loads(_texts()["huge-integer"].decode())
    with pytest.raises(jm.LoadError, match="a number is too large to read"):
        jm.loads(_texts()["huge-hex-integer"].decode())


@pytest.mark.parametrize("value", [b"map", None, 1, ["x"]])
def test_loads_takes_only_text(value: object) -> None:
    with pytest.raises(TypeError, match="loads\\(\\) takes the map's text as str"):
        jm.loads(value)  # type: ignore[arg-type]


def test_a_hostile_recovery_copy_is_set_aside_and_the_map_opens(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    jm.save(jm.starter_map("x"), path)
    for name in ("deep-arrays", "deep-inline-tables", "huge-integer", "huge-hex-integer"):
        recovery_path(path).write_bytes(_texts()[name])
        document, recovery = open_document(path)
        assert recovery is not None and recovery.map is None and recovery.set_aside is not None, name
        assert recovery.set_aside.read_bytes() == _texts()[name]
        assert not recovery_path(path).exists()
        assert document.map.title == "x"


def test_the_console_script_on_a_fifo_and_deep_nesting(corpus: dict[str, Path], tmp_path: Path) -> None:
    for name in ("fifo", "deep-arrays", "huge-integer"):
        for command in ("validate", "export", "measure"):
            argv = _commands(str(corpus[name]), "x.csv")[command]
            done = subprocess.run(
                [sys.executable, "-m", "journeymap", *argv],
                capture_output=True,
                text=True,
                timeout=30,
                cwd=tmp_path,
            )
            assert done.returncode == 2, (name, command, done.stderr)
            assert "Traceback" not in done.stderr
            assert done.stderr.startswith(str(corpus[name])), done.stderr


def test_an_absurdly_long_text_is_refused_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.toml"
    jm.save(jm.starter_map("x"), path)
    text = path.read_text().replace('title = "x"', 'title = "' + "T" * 15_000_000 + '"')
    path.write_text(text)
    started = time.monotonic()
    code = main(["export", str(path), "--format", "dot", "-o", str(tmp_path / "m.dot")])
    assert time.monotonic() - started < SECONDS_PER_RUN
    assert code == 2
    assert (
        f"{path}:title: error: a text of 15,000,000 characters; a text may hold up to 100,000"
        in capsys.readouterr().err
    )


def test_the_longest_allowed_texts_still_draw_quickly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = "W" * jm.MAX_TEXT_CHARS
    m = jm.load(HOME)
    m = evolve(m, title=long, iterations=tuple(
        evolve(it, steps=tuple(evolve(s, name=long) for s in it.steps)) for it in m.iterations
    ))  # fmt: skip
    path = tmp_path / "m.toml"
    jm.save(m, path)
    started = time.monotonic()
    assert main(["export", str(path), "--format", "dot", "-o", str(tmp_path / "m.dot")]) == 0
    assert time.monotonic() - started < SECONDS_PER_RUN


@pytest.mark.parametrize("quote", ['"""', "'''"])
def test_a_long_text_on_many_lines_is_refused_too(quote: str) -> None:
    long = ("x" * 49 + "\n") * 2100
    with pytest.raises(jm.LoadError, match=r"^<text>:description: error: a text of 105,000 characters"):
        jm.loads(f"{HEAD}description = {quote}{long}{quote}\n")


@pytest.mark.parametrize("offset", [0, 1, jm.MAX_TEXT_CHARS // 2 - 1, jm.MAX_TEXT_CHARS // 2 + 7, 123_457])
def test_a_text_one_character_too_long_is_found_wherever_it_is_in_a_large_file(offset: int) -> None:
    steps = "".join(
        f'\n[[iterations.steps]]\nid = "s{k}"\nname = "Step {k}"\nstage = "a"\n' for k in range(3000)
    )
    head = f'{HEAD}\n[[iterations]]\nid = "it"\nlabel = "It"\nstate = "current"\n'
    head += '\n[[iterations.stages]]\nid = "a"\nname = "A"\n'
    padding = "\n" * offset  # moves the long line across the blocks the loader looks at
    long = f'{padding}\n[[iterations.steps]]\nid = "long"\nstage = "a"\ncolour = "{"x" * (jm.MAX_TEXT_CHARS + 1)}"\n'
    text = head + steps + long + steps.replace('id = "s', 'id = "t')
    with pytest.raises(jm.LoadError) as caught:  # refused for its length, before its unknown key is named
        jm.loads(text)
    assert str(caught.value).endswith(
        "steps[3000].colour: error: a text of 100,001 characters; a text may hold up to 100,000"
    )
