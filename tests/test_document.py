"""An open map file: save refuses to overwrite outside changes; a recovery copy survives a crash."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

import journeymap as jm
from journeymap.document import ChangedOnDiskError, new_document, open_document, recovery_path


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "map.toml"
    shutil.copy(ROOT / "examples" / "home-training.toml", target)
    return target


def rename(doc_map: jm.JourneyMap, name: str) -> jm.Update:
    return jm.Update("future", jm.Kind.STEP, doc_map.iteration("future").steps[0].id, {"name": name})


def test_edit_save_reopen(path: Path) -> None:
    doc, recovered = open_document(path)
    assert recovered is None and not doc.dirty
    doc.apply(rename(doc.map, "Gets a call from her trainer"))
    assert doc.dirty
    doc.save()
    assert not doc.dirty
    again, _ = open_document(path)
    assert again.map.iteration("future").steps[0].name == "Gets a call from her trainer"


def test_save_refuses_to_overwrite_an_outside_change(path: Path) -> None:
    doc, _ = open_document(path)
    doc.apply(rename(doc.map, "Mine"))
    outside = path.read_text(encoding="utf-8").replace("Referral", "Henvisning")
    path.write_text(outside, encoding="utf-8")
    assert doc.changed_on_disk()
    with pytest.raises(ChangedOnDiskError, match="changed outside journeymap"):
        doc.save()
    assert path.read_text(encoding="utf-8") == outside
    doc.save(force=True)
    assert jm.load(path).iteration("future").steps[0].name == "Mine"


def test_recovery_copy_is_offered_after_a_crash(path: Path) -> None:
    doc, _ = open_document(path)
    doc.apply(rename(doc.map, "Unsaved work"))
    doc.write_recovery()
    assert recovery_path(path).exists()
    del doc  # the editor is killed here

    doc, recovery = open_document(path)
    assert recovery is not None and recovery.map is not None and not recovery.disk_changed
    assert abs((dt.datetime.now() - recovery.made).total_seconds()) < 60
    assert recovery.map.iteration("future").steps[0].name == "Unsaved work"
    assert "recovery" in doc.restore(recovery)
    assert doc.dirty and doc.map == recovery.map
    doc.history.undo()
    assert doc.map == jm.load(path)
    doc.history.redo()
    doc.save()
    assert not recovery_path(path).exists()


def test_a_copy_older_than_an_outside_change_says_so_and_saving_still_asks(path: Path) -> None:
    doc, _ = open_document(path)
    doc.apply(rename(doc.map, "Mine, unsaved"))
    doc.write_recovery()
    del doc
    outside = path.read_text(encoding="utf-8").replace('title = "', 'title = "Theirs: ', 1)
    path.write_text(outside, encoding="utf-8")

    doc, recovery = open_document(path)
    assert recovery is not None and recovery.disk_changed
    doc.restore(recovery)
    with pytest.raises(ChangedOnDiskError):
        doc.save()
    assert path.read_text(encoding="utf-8") == outside


def test_a_copy_is_removed_once_nothing_is_unsaved_and_never_written_after_close(path: Path) -> None:
    doc, _ = open_document(path)
    doc.apply(rename(doc.map, "Unsaved work"))
    doc.write_recovery()
    doc.history.undo()  # back to the saved state
    doc.write_recovery()
    assert not recovery_path(path).exists()
    doc.history.redo()
    doc.close()  # quit, discarding the change
    doc.write_recovery()  # a late writer on another thread
    assert not recovery_path(path).exists()


def test_a_recovery_copy_equal_to_the_file_is_dropped(path: Path) -> None:
    doc, _ = open_document(path)
    doc.apply(rename(doc.map, "Unsaved work"))
    doc.write_recovery()
    doc.history.undo()
    recovery_path(path).write_text(jm.dumps(doc.map), encoding="utf-8")
    _, recovered = open_document(path)
    assert recovered is None and not recovery_path(path).exists()


@pytest.mark.parametrize("bad", ["toml", "binary", "folder", "not a map"])
def test_an_unreadable_recovery_copy_is_set_aside_and_the_map_opens(path: Path, bad: str) -> None:
    copy = recovery_path(path)
    if bad == "folder":
        copy.mkdir()
    elif bad == "binary":
        copy.write_bytes(b"\xff\xfe\x00garbage")
    else:
        copy.write_text("not = [toml" if bad == "toml" else 'title = "no version"\n', encoding="utf-8")
    doc, recovery = open_document(path)
    assert doc.map == jm.load(path)
    assert recovery is not None and recovery.map is None and recovery.problem
    assert recovery.set_aside is not None and recovery.set_aside.exists() and not copy.exists()


def test_new_document_is_dirty_until_saved(tmp_path: Path) -> None:
    doc = new_document(tmp_path / "home-care.toml")
    assert doc.dirty and doc.map.title == "Home care"
    doc.save()
    assert not doc.dirty and jm.load(tmp_path / "home-care.toml") == doc.map
