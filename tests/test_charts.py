"""Indicator charts: measurements against baseline, target and deadline, with the status in words."""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
from pathlib import Path

from attrs import evolve
from conftest import ROOT
from editor import open_editor
from PIL import Image
from rich.console import Console
from test_tui import nav_key, select

import journeymap as jm
from journeymap.benefits import benefit_status
from journeymap.charts import chart, grid, sparkline
from journeymap.model import Language
from journeymap.raster import png
from tui.navigator import ITERATION

SVG = "{http://www.w3.org/2000/svg}"
TELEHEALTH = ROOT / "examples" / "telehealth-service-centre.toml"


def statuses() -> list[jm.benefits.IndicatorStatus]:
    m = jm.load(TELEHEALTH)
    return benefit_status(m.iterations[-1], dt.date(2016, 10, 1))


def texts(svg: str) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_a_chart_shows_the_measurements_baseline_target_deadline_and_status_in_words() -> None:
    first = statuses()[0]  # 1st line share: 55 then 68 of 80 from 0, deadline 2016-12-31
    svg = chart(first)
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == "Support calls solved at 1st line: ▲ improving"
    assert (
        root.find(f"{SVG}desc").text
        == "Baseline 0, target 80 by 2016-12-31. Measured: 2016-06-30: 55, 2016-09-30: 68."
    )
    shown = texts(svg)
    assert {"▲ improving", "baseline 0", "target 80", "deadline 2016-12-31", "68"} <= set(shown)
    (line,) = root.iter(f"{SVG}polyline")
    assert len(line.get("points", "").split()) == 2 and line.get("stroke") == "#205f99"


def test_charts_speak_the_language_asked_for() -> None:
    shown = texts(chart(statuses()[0], Language.DA))
    assert {"▲ forbedres", "udgangspunkt 0", "mål 80", "frist 2016-12-31"} <= set(shown)


def test_charts_in_a_grid_are_drawn_with_their_words() -> None:
    picture = Image.open(io.BytesIO(png(grid([chart(s) for s in statuses()])))).convert("L")
    assert picture.size == (2 * 2 * 480, 2 * 270)
    assert sum(picture.histogram()[:128]) > 2000  # the names, words and lines are drawn


def test_numbers_are_written_as_the_language_writes_them() -> None:
    m = jm.load(ROOT / "examples" / "home-training.toml")
    savings = next(s for s in benefit_status(m.iterations[-1]) if s.indicator.id == "yearly-savings")
    assert "mål 1.500.000" in texts(chart(savings, Language.DA))
    assert "target 1\u202f500\u202f000" in texts(chart(savings))


def test_sparklines_scale_measurements_between_baseline_and_target() -> None:
    first, registered = statuses()
    assert sparkline(first.indicator) == "▆▇"  # 55 and 68 on 0 … 80
    assert sparkline(evolve(registered.indicator, measurements=())) == ""


async def test_the_editors_indicator_screen_shows_each_indicators_measurements_as_a_sparkline(
    tmp_path: Path,
) -> None:
    path = tmp_path / "telehealth.toml"
    path.write_bytes(TELEHEALTH.read_bytes())
    app = open_editor(path)
    async with app.run_test(size=(160, 50)) as pilot:
        await select(app, pilot, ITERATION, "future")
        await nav_key(app, pilot, "m")
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(app.screen.overview)
        body = console.export_text()
    row = next(line for line in body.splitlines() if "Support calls solved" in line)
    assert "Measurements" in body and "▆▇" in row
