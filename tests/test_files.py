"""Loading and saving map files: round trips, clear errors, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES

import journeymap as jm
from journeymap import files


def messages(exc: jm.LoadError) -> list[str]:
    return [p.describe() for p in exc.problems]


def load_error(path: Path) -> jm.LoadError:
    with pytest.raises(jm.LoadError) as info:
        jm.load(path)
    return info.value


def test_examples_round_trip_byte_for_byte(example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    assert jm.dumps(jm.load(example)) == text


def test_save_then_load_gives_the_same_map(example: Path, tmp_path: Path) -> None:
    m = jm.load(example)
    jm.save(m, tmp_path / "copy.toml")
    assert jm.load(tmp_path / "copy.toml") == m


def test_written_file_starts_with_schema_comment(tmp_path: Path) -> None:
    jm.save(jm.starter_map("Home care"), tmp_path / "m.toml")
    first, second = (tmp_path / "m.toml").read_text().splitlines()[:2]
    assert first == f"#:schema {jm.SCHEMA_REF}"
    assert second == "schema_version = 1"


def test_schema_comment_of_a_file_is_kept() -> None:
    m = jm.load(EXAMPLES[0])
    assert m.schema_ref == "../schemas/journeymap.schema.json"
    assert jm.dumps(m).startswith("#:schema ../schemas/journeymap.schema.json\n")


def test_invalid_toml_names_the_line() -> None:
    exc = load_error(FIXTURES / "broken-syntax.toml")
    (problem,) = exc.problems
    assert problem.line == 6
    assert "not valid TOML" in problem.message
    assert str(FIXTURES / "broken-syntax.toml") + ":6: error: not valid TOML" in exc.describe()


def test_wrong_types_are_all_reported_with_paths() -> None:
    exc = load_error(FIXTURES / "wrong-types.toml")
    found = {p.path: p.message for p in exc.problems}
    assert found["iterations[0].created"].startswith("expected a date like 2026-11-22")
    assert found["iterations[0].actors[0].name"] == "expected text, got a list ['Citizen']"
    assert (
        found["iterations[0].actors[0].ring"]
        == "'centre' is not allowed here; use one of: core, direct, indirect"
    )
    assert found["iterations[0].steps[0].actors"].startswith("expected a list")
    assert found["iterations[0].steps[0].emotion"] == "expected a whole number, got text '+1'"
    assert len(exc.problems) == 5


def test_unknown_key_lists_the_known_ones() -> None:
    exc = load_error(FIXTURES / "unknown-key.toml")
    (problem,) = exc.problems
    assert problem.path == "iterations[0].touchpoints[0]"
    assert problem.message.startswith("unknown key 'colour'; known keys here: id, name, channel, medium")


def test_missing_required_key() -> None:
    with pytest.raises(jm.LoadError) as info:
        jm.loads('schema_version = 1\ntitle = "x"\n[[iterations]]\nid = "a"\n')
    assert messages(info.value) == ["iterations[0]: error: missing required key 'label'"]


def test_newer_schema_version_says_upgrade() -> None:
    exc = load_error(FIXTURES / "newer-version.toml")
    (problem,) = exc.problems
    assert problem.path == "schema_version"
    assert "made by a newer journeymap" in problem.message
    assert "upgrade journeymap" in problem.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('title = "x"\n', "missing 'schema_version'"),
        ('schema_version = "1"\ntitle = "x"\n', "'schema_version' must be a whole number"),
        ('schema_version = 0\ntitle = "x"\n', "unknown file format version 0"),
    ],
)
def test_bad_schema_version(text: str, expected: str) -> None:
    with pytest.raises(jm.LoadError, match=expected):
        jm.loads(text)


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.toml").write_text("")
    assert "the file is empty" in load_error(tmp_path / "empty.toml").describe()


def test_binary_garbage(tmp_path: Path) -> None:
    (tmp_path / "garbage.toml").write_bytes(bytes(range(256)) * 4)
    assert "not a text file" in load_error(tmp_path / "garbage.toml").describe()


def test_nul_bytes(tmp_path: Path) -> None:
    (tmp_path / "nul.toml").write_bytes(b'schema_version = 1\ntitle = "a\x00b"\n')
    exc = load_error(tmp_path / "nul.toml")
    assert exc.problems[0].line == 2
    assert "NUL" in exc.problems[0].message


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    with open(big, "wb") as handle:
        handle.truncate(20_000_000)
    exc = load_error(big)
    assert "the file is 20.0 MB; maps may be up to 16 MiB" in exc.describe()


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "no such file" in load_error(tmp_path / "nope.toml").describe()
    assert "a folder" in load_error(tmp_path).describe()


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes("\ufeff".encode() + jm.dumps(jm.starter_map("x")).encode())
    assert jm.load(path).title == "x"


def test_save_keeps_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "map.toml"
    jm.save(jm.starter_map("Old"), path)
    before = path.read_bytes()

    def crash(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", crash)
    with pytest.raises(jm.WriteError, match=r"map\.toml: cannot write: No space left on device"):
        jm.save(jm.starter_map("New"), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.toml"]


def test_save_keeps_the_old_file_when_the_map_cannot_be_written(tmp_path: Path) -> None:
    path = tmp_path / "map.toml"
    jm.save(jm.starter_map("Old"), path)
    before = path.read_bytes()
    broken = jm.JourneyMap(title=object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        jm.save(broken, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.toml"]


def test_save_keeps_file_permissions(tmp_path: Path) -> None:
    path = tmp_path / "map.toml"
    jm.save(jm.starter_map("x"), path)
    os.chmod(path, 0o640)
    jm.save(jm.starter_map("y"), path)
    assert path.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(
    ("body", "path", "message"),
    [
        (
            '[iterations]\nid = "a"\n',
            "iterations",
            "expected a list of tables, each under a [[...]] header, got a table",
        ),
        (
            '[[iterations]]\nid = "a"\nlabel = "x"\nsteps = [1]\n',
            "iterations[0].steps[0]",
            "expected a table of keys and values",
        ),
        (
            '[[iterations]]\nid = "a"\nlabel = "x"\nlocked = 1\n',
            "iterations[0].locked",
            "expected true or false, got a number 1",
        ),
    ],
)
def test_shape_errors(body: str, path: str, message: str) -> None:
    with pytest.raises(jm.LoadError) as info:
        jm.loads(f'schema_version = 1\ntitle = "x"\n{body}')
    assert [(p.path, p.message) for p in info.value.problems] == [(path, message)]


def test_loading_leaves_the_garbage_collector_as_the_caller_had_it() -> None:
    """Loading pauses the collector while it builds a map; a program that imports journeymap finds
    it as it was afterwards, also after a file that is refused."""
    import gc

    text = (EXAMPLES[0]).read_text(encoding="utf-8")
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            jm.loads(text)
            assert gc.isenabled() is enabled
            with pytest.raises(jm.LoadError):
                jm.loads(text.replace("schema_version = 1", "schema_version = 'one'"))
            assert gc.isenabled() is enabled
    finally:
        gc.enable()
