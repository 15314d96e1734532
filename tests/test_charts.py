"""Indicator charts: measurements against baseline, target and deadline, with the status in words."""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET

from conftest import ROOT
from PIL import Image

import journeymap as jm
from journeymap.benefits import benefit_status
from journeymap.charts import chart, grid
from journeymap.model import Language
from journeymap.raster import png

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
