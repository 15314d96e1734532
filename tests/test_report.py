"""The steering-group report: sections, figures, escaping, files, and the benefits commands."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from attrs import evolve
from conftest import EXAMPLES, FOILS_DA, FOILS_EN, ROOT

import journeymap as jm
from journeymap import report
from journeymap.cli import main

HOME = ROOT / "examples" / "home-training.toml"


def _xhtml(text: str) -> ET.Element:
    assert text.startswith("<!DOCTYPE html>\n")
    return ET.fromstring(text.split("\n", 1)[1])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_gets_the_ten_sections_and_its_diagrams(path: Path, tmp_path: Path) -> None:
    m = jm.load(path)
    content = report.build(m, stem=path.stem, today=dt.date(2026, 11, 22))
    written = report.write(content, tmp_path / "out", path.stem)
    md = (tmp_path / "out" / f"{path.stem}-report.md").read_text()
    outline = FOILS_DA if m.language.value == "da" else FOILS_EN  # the Kalundborg example is Danish
    assert re.findall(r"^## \d+\. (.+)$", md, flags=re.M) == outline
    figures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md)
    it = m.iterations[-1]
    charts = [f"{path.stem}-chart-{i.id}.svg" for b in it.benefits for i in b.indicators]
    assert figures == [f"{path.stem}-{v}.svg" for v in ("journey", "compare", "priorities")] + charts
    for name in figures:
        assert (tmp_path / "out" / name).read_text().lstrip().startswith(("<?xml", "<svg"))
    assert {p.name for p in written} == {*figures, f"{path.stem}-report.md", f"{path.stem}-report.html"}
    page = _xhtml((tmp_path / "out" / f"{path.stem}-report.html").read_text())
    ns = "{http://www.w3.org/1999/xhtml}"
    headings = [h.text for h in page.iter("h2")] or [h.text for h in page.iter(f"{ns}h2")]
    assert [re.sub(r"^\d+\. ", "", h or "") for h in headings] == outline
    assert len(list(page.iter("{http://www.w3.org/2000/svg}svg"))) == len(figures)  # inline: self-contained
    for benefit in it.benefits:
        assert benefit.name in md
    for goal in it.goals:
        assert goal in md


def test_home_training_figures_and_statuses() -> None:
    m = jm.load(HOME)
    md = report.markdown(report.build(m, stem="h", today=dt.date(2023, 1, 15), renderer="wasm"))
    plan = md.split("## 6.")[1].split("## 7.")[0]
    assert "| Care hours saved per citizen per year | hours | 27 | 40 | 2023-12-31 |" in plan
    assert "| Home-care costs avoided per year | DKK | 1\u202f000\u202f000 | 1\u202f500\u202f000 |" in plan
    follow = md.split("## 7.")[1].split("## 8.")[0]
    assert "| 40 hours | 40.5 hours (2022-12-31) | 104 % | ● reached |" in follow
    assert follow.count("not measured") == 3
    journey = md.split("## 4.")[1].split("## 5.")[0]
    assert "Average emotion of the steps (-2 to +2): -1 → +1" in journey
    assert (
        "'Management follows the monthly report' replaces 'The pilot ends and nobody follows up'" in journey
    )
    status = md.split("## 5.")[1].split("## 6.")[0]
    assert "| Is assessed and offered training first | quick win: do first | 4 | 1 |" in status


def test_missing_texts_say_what_to_fill_in_and_gaps_are_listed() -> None:
    m = jm.load(HOME)
    it = m.iteration("future")
    bare = evolve(it, goals=(), lessons=(), maintenance="", benefits=(jm.Benefit(id="b", name="Vague gain"),))
    md = report.markdown(
        report.build(evolve(m, iterations=(m.iterations[0], bare)), stem="h", renderer="wasm")
    )
    assert "No goals recorded (the iteration's `goals`)." in md
    assert "Nothing recorded (the iteration's `lessons`)." in md
    assert "Not yet S.M.A.R.T.E.:" in md and "has no owner" in md and "has no indicator" in md
    assert "No indicators to follow up." in md


def test_user_text_cannot_inject_markup() -> None:
    m = jm.load(HOME)
    it = m.iteration("future")
    evil = '<script>alert("x")</script> | **bold** [link](http://x) `code`'
    changed = evolve(it, goals=(evil,), benefits=(evolve(it.benefits[0], name=evil), *it.benefits[1:]))
    content = report.build(evolve(m, iterations=(m.iterations[0], changed)), stem="h", renderer="wasm")
    page = report.html(content)
    assert "<script>" not in page and "&lt;script&gt;" in page
    root = _xhtml(page)
    assert any(evil == (li.text or "") for li in root.iter("li"))
    md = report.markdown(content)
    assert "<script>" not in md and "\\<script\\>" in md
    assert "\\| \\*\\*bold\\*\\* \\[link\\](http\\://x) \\`code\\`" in md
    table_rows = [line for line in md.splitlines() if line.startswith("| \\<script")]
    assert table_rows and all(line.count(" | ") == 3 for line in table_rows)  # four columns, not more


def test_report_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "steering"
    assert main(["report", str(HOME), "-o", str(out), "--as-of", "2023-01-15", "--renderer", "wasm"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "home-training-chart-hours-saved.svg", "home-training-chart-sessions-held.svg",
        "home-training-chart-trainer-fte.svg", "home-training-chart-yearly-savings.svg",
        "home-training-compare.svg", "home-training-journey.svg", "home-training-priorities.svg",
        "home-training-report.html", "home-training-report.md",
    ]  # fmt: skip
    assert "status as of 2023-01-15" in (out / "home-training-report.md").read_text()
    assert main(["report", str(HOME), "--iteration", "nope", "-o", str(out)]) == 2
    assert "no iteration 'nope'" in capsys.readouterr().err


def test_measure_and_benefits_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "m.toml"
    path.write_bytes(HOME.read_bytes())
    assert main(["lock", str(path), "future"]) == 0
    assert (
        main(["measure", str(path), "sessions-held", "88,5", "--date", "2023-01-31", "--note", "January"])
        == 0
    )
    assert "Recorded 88.5 % for 'Planned training sessions held' on 2023-01-31" in capsys.readouterr().out
    reading = jm.load(path).iteration("future").benefits[2].indicators[0].measurements
    assert reading == (jm.Measurement(date=dt.date(2023, 1, 31), value=88.5, note="January"),)
    assert main(["benefits", str(path), "--as-of", "2023-08-01"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"sessions-held\s+70\s+95\s+2023-06-30\s+88.5 \(2023-01-31\)\s+74 %\s+overdue", out)
    before = path.read_bytes()
    for bad in (["nope", "3"], ["sessions-held", "inf"], ["sessions-held", "3", "--date", "2023-02-30"]):
        with pytest.raises(SystemExit) if bad[-1] in ("inf", "2023-02-30") else _no_raise():
            assert main(["measure", str(path), *bad]) == 2
    assert path.read_bytes() == before


class _no_raise:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
