"""Comments a person wrote stay with the element or key they stand above, through every write."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from attrs import evolve
from conftest import EXAMPLES
from hypothesis import given
from hypothesis import strategies as st

import journeymap as jm
from journeymap.cli import main
from journeymap.document import open_document
from journeymap.elements import Kind

HOME = EXAMPLES[0].parent / "home-training.toml"

NOTES = {
    "# Map note: owned by the care team\n": "schema_version = 1\n",
    "# Iteration note\n": '[[iterations]]\nid = "current"\n',
    "# Step note: checked with users in March\n": '[[iterations.steps]]\nid = "screening"\n',
    "# Indicator note\n": '[[iterations.benefits.indicators]]\nid = "sessions-held"\n',
}
KEY_NOTE = "# Key note: wording from the municipality\n"
TITLE_NOTE = "  # working title"


def commented() -> str:
    """The home-training example with comments on the map, an iteration, a step, an indicator and keys."""
    text = HOME.read_text(encoding="utf-8")
    for note, before in NOTES.items():
        assert text.count(before) == 1
        text = text.replace(before, "\n" + note + before if before.startswith("[[") else note + before)
    screening = text.index('id = "screening"')
    name = text.index("name = ", screening)
    text = text[:name] + KEY_NOTE + text[name:]
    title_end = text.index("\n", text.index("title = "))
    return text[:title_end] + TITLE_NOTE + text[title_end:]


def assert_in_place(text: str) -> None:
    for note, before in NOTES.items():
        assert text.count(note) == 1, note
        assert note + before in text, note
    assert text.count(KEY_NOTE) == 1
    step = text.index('id = "screening"')
    assert text.index(KEY_NOTE, step) < text.index("[[", step), "the key note stays in its step"
    assert text[text.index(KEY_NOTE) + len(KEY_NOTE) :].startswith("name = ")
    title_line = text.splitlines()[text[: text.index("title = ")].count("\n")]
    assert title_line.endswith(TITLE_NOTE)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "map.toml"
    target.write_text(commented(), encoding="utf-8")
    return target


def test_measure_keeps_comments(path: Path) -> None:
    assert main(["measure", str(path), "sessions-held", "90", "--date", "2030-01-31"]) == 0
    text = path.read_text(encoding="utf-8")
    assert "2030-01-31" in text
    assert_in_place(text)


def test_branch_keeps_comments_with_the_original(path: Path) -> None:
    assert main(["branch", str(path), "current", "--id", "round-2"]) == 0
    text = path.read_text(encoding="utf-8")
    assert 'id = "round-2"' in text
    assert_in_place(text)


def test_import_csv_keeps_comments(path: Path, tmp_path: Path) -> None:
    csv = tmp_path / "steps.csv"
    assert main(["export-csv", str(path), "--kind", "steps", "-o", str(csv)]) == 0
    csv.write_text(csv.read_text(encoding="utf-8").replace("Does a screening test", "Takes a screening test"))
    assert main(["import-csv", str(path), str(csv), "--kind", "steps", "--iteration", "current"]) == 0
    text = path.read_text(encoding="utf-8")
    assert "Takes a screening test" in text
    assert_in_place(text)


def test_the_editor_save_keeps_comments(path: Path) -> None:
    document, _ = open_document(path)
    document.apply(jm.Update("current", Kind.STEP, "screening", {"emotion": 1}))
    document.save()
    assert jm.load(path).iteration("current").steps[1].emotion == 1
    assert_in_place(path.read_text(encoding="utf-8"))


def test_comments_of_a_removed_element_go_with_it(path: Path) -> None:
    m = jm.load(path)
    m = jm.Remove("future", Kind.INDICATOR, "sessions-held").apply(m)
    jm.save(m, path)
    text = path.read_text(encoding="utf-8")
    assert "# Indicator note" not in text
    assert "# Step note" in text and "# Map note" in text


def test_comment_of_a_key_that_is_gone_stays_with_its_element(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    jm.save(jm.starter_map("x"), path)
    text = path.read_text().replace('medium = "web page"', '# how people find it\nmedium = "web page"')
    path.write_text(text)
    m = jm.Update("current", Kind.TOUCHPOINT, "website", {"medium": ""}).apply(jm.load(path))
    jm.save(m, path)
    assert '# how people find it\n[[iterations.touchpoints]]\nid = "website"' in path.read_text()


def test_a_file_without_comments_is_written_as_before(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_bytes(HOME.read_bytes())
    m = jm.Measure("future", "sessions-held", jm.Measurement(date=dt.date(2030, 1, 31), value=9)).apply(
        jm.load(path)
    )
    jm.save(m, path)
    assert path.read_text(encoding="utf-8") == jm.dumps(m)


@given(data=st.data())
def test_any_comment_above_or_beside_any_line_survives_a_save(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Comments above or beside headers and keys come back exactly where they were."""
    original = HOME.read_text(encoding="utf-8")
    lines = original.split("\n")
    anchors = [i for i, line in enumerate(lines) if i and re.match(r"\[\[|[a-z_]+ = ", line)]
    above = data.draw(st.lists(st.sampled_from(anchors), max_size=8, unique=True))
    beside = data.draw(st.lists(st.sampled_from(anchors), max_size=8, unique=True))
    note = "ä \"quoted\" [x] {y} = 'z' # more"
    commented = []
    for i, line in enumerate(lines):
        if i in above:
            commented.append(f"# above {i}: {note}")
        commented.append(f"{line}  # beside {i}: {note}" if i in beside else line)
    text = "\n".join(commented)
    path = tmp_path_factory.mktemp("maps") / "map.toml"
    path.write_text(text, encoding="utf-8")
    m = jm.load(path)
    jm.save(m, path)
    assert path.read_text(encoding="utf-8") == text
    assert jm.load(path) == m


def test_hand_written_layout_keeps_every_comment_and_no_false_one(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text(
        "schema_version = 1\n"
        "title = \"Step #1 of 'x' [y]\"  # beside the title\n"
        'description = """\n# not a comment\nstill text"""\n\n'
        "[[iterations]]   # beside the header\n"
        'id = "current"\nlabel = "Today"\nstate = "current"\ncreated = 2026-11-23\n'
        'goals = [\n  # inside the list\n  "a", # after a\n  "b",\n]\n'
        "# above the note\nnote = 'lit # not a comment'\n",
        encoding="utf-8",
    )
    m = jm.load(path)
    jm.save(evolve(m, title="Renamed"), path)
    text = path.read_text(encoding="utf-8")
    assert jm.load(path) == evolve(m, title="Renamed")
    assert 'title = "Renamed"  # beside the title\n' in text
    assert '[[iterations]]   # beside the header\nid = "current"' in text
    assert "# above the note\nnote = " in text
    assert "# inside the list\n# after a\ngoals = [" in text, "comments inside a value stay above its key"
    assert not re.search("^# not a comment", text, re.M), "text in strings is no comment"
