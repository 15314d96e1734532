"""The report as a steering group reads it: names not ids, whole dates, status in words and colour,
diagrams that open full size and print on their own pages, a table beside each diagram, landmarks."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT

import journeymap as jm
from journeymap import report
from journeymap.cli import main

HOME = ROOT / "examples" / "home-training.toml"
TELEHEALTH = ROOT / "examples" / "telehealth-service-centre.toml"
H = ""  # the page is XHTML syntax without a namespace
SVG = "{http://www.w3.org/2000/svg}"
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def page(path: Path = HOME) -> ET.Element:
    content = report.build(jm.load(path), stem=path.stem, today=dt.date(2023, 1, 15), renderer="wasm")
    return ET.fromstring(report.html(content).split("\n", 1)[1])


def text(element: ET.Element) -> str:
    return "".join(element.itertext())


def test_headings_and_subtitle_name_the_iteration_without_its_id() -> None:
    root = page()
    subtitle = root.find(f".//{H}p[@class='subtitle']")
    assert (
        subtitle is not None
        and text(subtitle) == "A few dedicated trainers in visitation, status as of 2023-01-15"
    )
    headings = [text(h) for h in root.iter() if h.tag in (f"{H}h1", f"{H}h2")] + [text(subtitle)]
    assert not any("'future'" in h or "iteration" in h for h in headings)


def test_dates_never_wrap() -> None:
    body = page().find(f"{H}body")
    assert body is not None
    for element in body.iter():
        if element.tag.startswith(SVG) or element.get("class") == "date":
            continue
        for piece in (element.text, element.tail if element.tag != f"{H}span" else None):
            assert not DATE.search(piece or ""), (element.tag, piece)
    assert ".date, .status { white-space: nowrap; }" in report.html(report.Report("t", "s", ()))


def test_indicator_status_in_colour_and_words() -> None:
    statuses = [(s.get("style"), text(s)) for s in page().iter(f"{H}span") if s.get("class") == "status"]
    assert ("color: #1b6e20", "● reached") in statuses
    assert statuses.count(("color: #595959", "○ not measured")) == 3


def test_second_and_third_line_in_their_own_columns() -> None:
    md = report.markdown(report.build(jm.load(TELEHEALTH), "current", renderer="wasm"))
    assert "| Task | Responsible | How fast | 2nd line | 3rd line |" in md
    assert (
        "| Answer the citizen's call | Home nurse | when there is time | Municipal IT department | Telehealth system supplier |"
        in md
    )


def test_each_diagram_opens_full_size_prints_on_its_own_page_and_has_a_table_beside_it(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    assert main(["report", str(HOME), "-o", str(out), "--as-of", "2023-01-15", "--renderer", "wasm"]) == 0
    html = (out / "home-training-report.html").read_text()
    root = ET.fromstring(html.split("\n", 1)[1])
    figures = list(root.iter(f"{H}figure"))
    assert len(figures) == 3 + 4
    for figure in figures:
        link = figure.find(f"{H}a")
        assert link is not None and (out / link.get("href", "")).is_file()
        svg = link.find(f"{SVG}svg")
        caption = figure.find(f"{H}figcaption")
        assert svg is not None and svg.get("role") == "img" and caption is not None
        named_by = [
            t for t in svg.iter(f"{SVG}title") if t.get("id") in (svg.get("aria-labelledby") or "").split()
        ]
        assert svg.get("aria-label") == text(caption) or named_by  # named: by the caption or its own title
    journey = figures[0]
    assert journey.get("class") == "diagram wide"
    assert "@page wide { size: A4 landscape; }" in html and "figure.diagram.wide { page: wide; }" in html
    assert "break-before: page" in html
    section = next(s for s in root.iter(f"{H}section") if journey in list(s))
    table = next(t for t in section.iter(f"{H}table"))
    assert [text(th) for th in table.iter(f"{H}th")] == ["Stage", "Steps"]
    steps = text(table)
    for step in jm.load(HOME).iteration("future").steps:
        assert step.name in steps


def test_one_header_one_main_and_column_headers() -> None:
    root = page()
    body = root.find(f"{H}body")
    assert body is not None and [child.tag for child in body] == [f"{H}header", f"{H}main"]
    assert all(th.get("scope") == "col" for th in root.iter(f"{H}th"))


AXE = ROOT / "tools" / "axe-check" / "run.js"


@pytest.mark.skipif(
    shutil.which("node") is None or not (AXE.parent / "node_modules" / "axe-core").is_dir(),
    reason="needs node and npm ci in tools/axe-check",
)
def test_the_html_passes_axe_core(tmp_path: Path) -> None:
    assert (
        main(["report", str(TELEHEALTH), "-o", str(tmp_path), "--as-of", "2026-11-23", "--renderer", "wasm"])
        == 0
    )
    result = subprocess.run(
        ["node", str(AXE), str(tmp_path / "telehealth-service-centre-report.html")],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    violations = json.loads(result.stdout)
    assert violations == [], violations
