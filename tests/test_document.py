"""An open map file: save refuses to overwrite outside changes; a recovery copy survives a crash."""

from __future__ import annotations

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

    doc, recovered = open_document(path)
    assert recovered is not None
    assert recovered.iteration("future").steps[0].name == "Unsaved work"
    assert "recovery" in doc.restore(recovered)
    assert doc.dirty and doc.map == recovered
    doc.history.undo()
    assert doc.map == jm.load(path)
    doc.history.redo()
    doc.save()
    assert not recovery_path(path).exists()


def test_a_recovery_copy_equal_to_the_file_is_dropped(path: Path) -> None:
    doc, _ = open_document(path)
    doc.write_recovery()
    _, recovered = open_document(path)
    assert recovered is None and not recovery_path(path).exists()


def test_an_unreadable_recovery_copy_is_ignored(path: Path) -> None:
    recovery_path(path).write_text("not = [toml", encoding="utf-8")
    _, recovered = open_document(path)
    assert recovered is None


def test_new_document_is_dirty_until_saved(tmp_path: Path) -> None:
    doc = new_document(tmp_path / "home-care.toml")
    assert doc.dirty and doc.map.title == "Home care"
    doc.save()
    assert not doc.dirty and jm.load(tmp_path / "home-care.toml") == doc.map
