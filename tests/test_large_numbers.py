"""Numbers a map may hold (1e308, 400-digit emotions) never overflow in benefits, reports or diffs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import ROOT

import journeymap as jm
from journeymap.benefits import indicator_status, number
from journeymap.cli import main

CARE = ROOT / "examples" / "care-record-rollout.toml"
HOME = ROOT / "examples" / "home-training.toml"


def _write(tmp_path: Path, source: Path, *replacements: tuple[str, str]) -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "replacements",
    [
        (("value = 1000\n", "value = 1e308\n"), ("baseline = 0\n", "baseline = -1e308\n")),
        (("value = 1000\n", "value = 1e300\n"), ("target = 1000\n", "target = 1e-300\n")),
        (("value = 1000\n", "value = -1.7976931348623157e308\n"), ("target = 1000\n", "target = 1.7976931348623157e308\n")),
    ],
    ids=["difference overflows", "share overflows", "extremes"],
)  # fmt: skip
def test_benefits_and_report_of_huge_measurements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], replacements: tuple[tuple[str, str], ...]
) -> None:
    path = _write(tmp_path, CARE, *replacements)
    assert main(["validate", str(path)]) == 0
    assert main(["benefits", str(path)]) == 0
    table = capsys.readouterr().out
    assert "brugere" in table and "Traceback" not in table
    assert main(["report", str(path), "-o", str(tmp_path / "out"), "--renderer", "wasm"]) == 0
    assert "brugere" in (tmp_path / "out" / "m-report.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("baseline", "target", "value", "progress", "status"),
    [
        (0, 1e-300, 1e300, "> 1\u202f000\u202f000 %", jm.Status.REACHED),
        (0, 1e-300, -1e300, "< -1\u202f000\u202f000 %", jm.Status.NOT_IMPROVING),
        (-1e308, 1e308, 1e308, "100 %", jm.Status.REACHED),
        (1e308, -1e308, 0, "50 %", jm.Status.IMPROVING),
        (0, 5e-324, 1, "> 1\u202f000\u202f000 %", jm.Status.REACHED),
    ],
)
def test_the_share_of_the_way_is_exact_and_huge_shares_read_as_over_a_million_percent(
    baseline: float, target: float, value: float, progress: str, status: jm.Status
) -> None:
    reading = jm.Measurement(date=dt.date(2024, 1, 1), value=value)
    indicator = jm.Indicator(id="i", name="I", baseline=baseline, target=target, measurements=(reading,))
    found = indicator_status(jm.Benefit(id="b", name="B"), indicator, today=dt.date(2024, 1, 2))
    assert (found.progress_text(), found.status) == (progress, status)


def test_huge_values_are_written_short() -> None:
    assert number(1e308) == "1e+308"
    assert number(-1.5e20) == "-1.5e+20"
    assert number(123_456_789) == "123\u202f456\u202f789"


def _emotion(tmp_path: Path, emotion: str) -> Path:
    text = HOME.read_text(encoding="utf-8")
    future = text.index('id = "future"')
    at = text.index("emotion = ", future)
    end = text.index("\n", at)
    path = tmp_path / "m.toml"
    path.write_text(text[:at] + f"emotion = {emotion}" + text[end:], encoding="utf-8")
    return path


@pytest.mark.parametrize("emotion", ["9" * 400, "-" + "9" * 400, "3"])
@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_diff_of_a_map_with_an_emotion_out_of_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], emotion: str, fmt: str
) -> None:
    path = _emotion(tmp_path, emotion)
    assert main(["validate", str(path)]) == 1
    assert "is out of range" in capsys.readouterr().out
    assert main(["diff", str(path), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Is assessed and offered training first" in out
    if fmt != "json":  # JSON is data for tools: it keeps the number
        assert "9" * 100 not in out


def test_an_emotion_out_of_range_is_left_out_of_the_emotion_section(tmp_path: Path) -> None:
    m = jm.load(_emotion(tmp_path, "9" * 400))
    d = jm.diff(m.iteration("current"), m.iteration("future"))
    assert all(-2 <= e.new <= 2 for e in d.emotions)
    old, new = d.average_emotion
    assert old is not None and new is not None and -2 <= new <= 2
