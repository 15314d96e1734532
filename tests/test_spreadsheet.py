"""CSV of steps, touchpoints and actors: round trips, row-numbered errors, all or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from attrs import evolve
from conftest import EXAMPLES, ROOT
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import maps

import journeymap as jm
from journeymap.cli import main
from journeymap.elements import elements
from journeymap.errors import CsvError
from journeymap.spreadsheet import KINDS, export_csv, import_csv

HOME = ROOT / "examples" / "home-training.toml"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("kind", list(KINDS.values()), ids=lambda k: k.collection)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_round_trip(path: Path, kind: jm.Kind, delimiter: str) -> None:
    m = jm.load(path)
    for it in m.iterations:
        text = export_csv(it, kind, delimiter)
        assert text.splitlines()[0].split(delimiter)[0] == "id"
        again, added, updated = import_csv(m, it.id, kind, text)
        assert again == m and added == 0 and updated == len(getattr(it, kind.collection))


@given(maps(), st.sampled_from(sorted(KINDS)))
def test_generated_maps_round_trip(m: jm.JourneyMap, name: str) -> None:
    assume(m.iterations)
    it = evolve(m.iterations[0], locked=False)
    # a list of texts is one item per line in a cell: items must be one non-blank line each
    texts = [
        t
        for e in elements(it, KINDS[name])
        for f in ("pain_points", "opportunities", "sources")
        for t in getattr(e, f, ())
    ]
    assume(all(t.strip() and "\n" not in t and "\r" not in t for t in texts))
    m = evolve(m, iterations=(it, *m.iterations[1:]))
    again, _, _ = import_csv(m, it.id, KINDS[name], export_csv(it, KINDS[name], ";"))
    assert again == m


def test_rows_add_and_update_and_lists_are_split() -> None:
    m = jm.load(HOME)
    text = (
        "id;name;stage;actors;pain_points;emotion\n"
        'referred;Gets a letter;referral;citizen, visitation;"Long wait\nNobody calls";-1\n'
        "phone-call;Calls the trainer;start;citizen,trainer;;+1\n"
    )
    again, added, updated = import_csv(m, "future", jm.Kind.STEP, text)
    assert (added, updated) == (1, 1)
    future = again.iteration("future")
    first = future.steps[0]
    assert (first.name, first.actors, first.pain_points, first.emotion) == (
        "Gets a letter", ("citizen", "visitation"), ("Long wait", "Nobody calls"), -1,
    )  # fmt: skip
    assert first.opportunities == m.iteration("future").steps[0].opportunities  # columns not given are kept
    new = future.steps[-1]
    assert (new.id, new.stage, new.actors, new.emotion) == ("phone-call", "start", ("citizen", "trainer"), 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("name;stage\nx;referral\n", "no 'id' column"),
        ("id;colour\nx;red\n", "unknown column(s) 'colour'"),
        ("id;name;stage;emotion\nok;Fine;referral;1\nbad;Bad;referral;high\n", "row 3, column 'emotion'"),
        ("id;name;stage\nok;Fine;referral\nbad;Bad;nowhere\n", "row 3"),
        ("id;name;stage\nok;Fine\n", "row 2: error: has 2 cells"),
        ("id;name;stage;kind\nok;Fine;referral;maybe\n", "kind must be one of action, decision"),
    ],
)
def test_bad_rows_are_named_and_nothing_is_imported(text: str, message: str) -> None:
    m = jm.load(HOME)
    with pytest.raises(CsvError) as caught:
        import_csv(m, "future", jm.Kind.STEP, text, "steps.csv")
    assert message in str(caught.value)
    assert str(caught.value).startswith("steps.csv:")


def test_cli_export_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "map.toml"
    shutil.copy(HOME, target)
    assert (
        main(
            [
                "export-csv",
                str(target),
                "--kind",
                "actors",
                "--delimiter",
                "semicolon",
                "-o",
                str(tmp_path / "a.csv"),
            ]
        )
        == 0
    )
    csv_text = (tmp_path / "a.csv").read_text(encoding="utf-8").replace("Relative", "Daughter")
    (tmp_path / "a.csv").write_text(csv_text, encoding="utf-8-sig")  # as spreadsheets save it, with a BOM
    capsys.readouterr()
    assert main(["import-csv", str(target), str(tmp_path / "a.csv"), "--kind", "actors"]) == 0
    assert "0 added, 7 updated" in capsys.readouterr().out
    assert any(a.name == "Daughter" for a in jm.load(target).iteration("current").actors)

    before = target.read_bytes()
    (tmp_path / "bad.csv").write_text("id,name,ring\nx,X,outer\n", encoding="utf-8")
    code = main(["import-csv", str(target), str(tmp_path / "bad.csv"), "--kind", "actors"])
    err = capsys.readouterr().err
    assert code == 2 and "row 2, column 'ring'" in err and "nothing imported" in err
    assert target.read_bytes() == before


def test_only_three_kinds() -> None:
    m = jm.load(HOME)
    with pytest.raises(CsvError, match="steps, touchpoints or actors"):
        export_csv(evolve(m.iterations[0]), jm.Kind.FLOW)
