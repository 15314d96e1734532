"""CSV from and for spreadsheets: huge cells, repeated columns, and formulas that must not run."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from attrs import evolve
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

import journeymap as jm
from journeymap.cli import main
from journeymap.spreadsheet import export_csv, import_csv

HOME = ROOT / "examples" / "home-training.toml"


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str], csv_text: str) -> tuple[int, str, Path]:
    """Import a CSV of steps into a copy of HOME's future: exit code, what was printed, the map."""
    target = tmp_path / "map.toml"
    shutil.copy(HOME, target)
    (tmp_path / "steps.csv").write_text(csv_text, encoding="utf-8", newline="")
    capsys.readouterr()
    code = main(["import-csv", str(target), str(tmp_path / "steps.csv"), "--kind", "steps", "--iteration", "future"])  # fmt: skip
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out + captured.err, target


def test_a_long_cell_is_imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long = "word " * 20_000  # 100,000 characters: the longest text a map holds
    code, out, target = _import(tmp_path, capsys, f'id,name,stage,description\nnew,New,referral,"{long}"\n')
    assert code == 0, out
    assert jm.load(target).iteration("future").steps[-1].description == long


def test_a_cell_over_the_limit_is_named_by_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = "x" * 131_073  # over Python's own limit, which used to stop the import with a traceback
    code, out, target = _import(tmp_path, capsys, f"id,name,stage,description\nok,Ok,referral,fine\nnew,New,referral,{huge}\n")  # fmt: skip
    assert code == 2
    assert "steps.csv:row 3: error: a cell is longer than 100\u202f001 characters" in out
    assert "nothing imported" in out
    assert target.read_bytes() == HOME.read_bytes()


@pytest.mark.parametrize("header", ["id,name,name,stage", "id,name, name ,stage"])
def test_a_repeated_column_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str
) -> None:
    code, out, target = _import(tmp_path, capsys, f"{header}\nnew,New,Other,referral\n")
    assert code == 2
    assert "steps.csv:row 1: error: column" in out and "appears twice" in out
    assert target.read_bytes() == HOME.read_bytes()


# --- CSV injection (formulas in cells) -----------------------------------------------------

DANGEROUS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tindented", "\rreturn", '=HYPERLINK("http://x";"y")']


def _cells(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.mark.parametrize("name", DANGEROUS)
def test_formulas_are_neutralised_on_export_and_restored_on_import(name: str) -> None:
    # a list of texts is one item per line in a cell, so an item cannot begin with a line break
    pains = ("ok",) if "\r" in name else (name, "ok")
    changes = {"name": name, "pain_points": pains}
    changed = jm.Update("future", jm.Kind.STEP, "referred", changes).apply(jm.load(HOME))
    text = export_csv(changed.iteration("future"), jm.Kind.STEP)
    header, row = _cells(text)[:2]
    assert row[header.index("name")] == "'" + name
    assert row[header.index("pain_points")] == ("" if "\r" in name else "'") + "\n".join(pains)
    again, _, _ = import_csv(changed, "future", jm.Kind.STEP, text)
    assert again == changed


def test_numbers_are_not_text_and_stay_numbers() -> None:
    m = jm.Update("future", jm.Kind.STEP, "referred", {"emotion": -2}).apply(jm.load(HOME))
    text = export_csv(m.iteration("future"), jm.Kind.STEP)
    header, row = _cells(text)[:2]
    assert row[header.index("emotion")] == "-2"  # a number, not a formula: no apostrophe
    again, _, _ = import_csv(m, "future", jm.Kind.STEP, text)
    assert again == m


@pytest.mark.parametrize("name", ["'quoted'", "'", "''", "'=1+1", "it's"])
def test_a_name_that_begins_with_an_apostrophe_round_trips(name: str) -> None:
    m = jm.Update("future", jm.Kind.ACTOR, "citizen", {"name": name}).apply(jm.load(HOME))
    text = export_csv(m.iteration("future"), jm.Kind.ACTOR)
    again, _, _ = import_csv(m, "future", jm.Kind.ACTOR, text)
    assert next(a.name for a in again.iteration("future").actors if a.id == "citizen") == name


def test_a_spreadsheet_that_escaped_a_formula_itself_imports_the_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    code, out, target = _import(tmp_path, capsys, "id,name,stage\nnew,'=SUM(A1),referral\n")
    assert code == 0, out
    assert jm.load(target).iteration("future").steps[-1].name == "=SUM(A1)"


@given(
    name=st.text(st.sampled_from("=+-@\t\r'ab 1"), min_size=1, max_size=6).filter(lambda t: t.strip()),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_any_text_round_trips_and_no_exported_cell_starts_a_formula(name: str, delimiter: str) -> None:
    m = jm.load(HOME)
    m = evolve(m, iterations=tuple(evolve(it, locked=False) for it in m.iterations))
    m = jm.Update("future", jm.Kind.TOUCHPOINT, m.iteration("future").touchpoints[0].id, {"name": name, "medium": name}).apply(m)  # fmt: skip
    text = export_csv(m.iteration("future"), jm.Kind.TOUCHPOINT, delimiter)
    for row in _cells(text, delimiter):
        assert all(not cell or cell[0] not in "=+-@\t\r" for cell in row)
    again, _, _ = import_csv(m, "future", jm.Kind.TOUCHPOINT, text)
    assert again == m


def test_cli_export_is_safe_to_open(tmp_path: Path) -> None:
    target = tmp_path / "map.toml"
    jm.save(
        jm.Update("future", jm.Kind.STEP, "referred", {"name": "=cmd|' /C calc'!A0"}).apply(jm.load(HOME)),
        target,
    )
    assert main(["export-csv", str(target), "--kind", "steps", "--iteration", "future", "-o", str(tmp_path / "s.csv")]) == 0  # fmt: skip
    assert "'=cmd|' /C calc'!A0" in (tmp_path / "s.csv").read_text(encoding="utf-8")
    assert main(["import-csv", str(target), str(tmp_path / "s.csv"), "--kind", "steps", "--iteration", "future"]) == 0  # fmt: skip
    assert (
        next(s.name for s in jm.load(target).iteration("future").steps if s.id == "referred")
        == "=cmd|' /C calc'!A0"
    )
