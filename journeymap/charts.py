"""Small line charts of benefit indicators: the measurements over time against baseline and target.

Each chart draws an indicator's measurements as a line in its status colour, the baseline and
the target as labelled horizontal lines and the deadline as a labelled vertical one, with the
status as a word and a symbol beside the name. The SVG is written by hand: it is a few lines,
needs no dependency, and it sizes its text for a slide and draws the same in a browser and
in :mod:`journeymap.raster` (a charting library's CSS and scripts do not). It carries a
``<title>`` and a ``<desc>`` that say the same in words.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from html import escape

from journeymap.benefits import IndicatorStatus
from journeymap.characters import printable
from journeymap.i18n import number, translation
from journeymap.model import Indicator, Language
from journeymap.status_look import LOOKS, label

WIDTH, HEIGHT = 480.0, 270.0
"""A chart's size in points (16:9)."""
LEFT, RIGHT, TOP, BOTTOM = 24.0, 24.0, 64.0, 36.0
"""Room around the plot for the value axis, the labels, the name and the date axis."""
FONT = "Helvetica,Arial,sans-serif"
GREY, TARGET = "#595959", "#1b6e20"
NAME_CHARS = 42
"""Characters of the indicator's name that fit above the chart (the title holds all of it)."""


def chart(status: IndicatorStatus, language: Language = Language.EN) -> str:
    """The indicator's chart as an SVG document (``pt`` sized)."""
    tr = translation(language)
    indicator = status.indicator
    look = LOOKS[status.status]
    points = [(m.date, m.value) for m in indicator.measurements]
    values = [v for _, v in points] + [v for v in (indicator.baseline, indicator.target) if v is not None]
    dates = [d for d, _ in points] + ([indicator.deadline] if indicator.deadline else [])
    words = label(status.status, language)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH:g}pt" height="{HEIGHT:g}pt" '
        f'viewBox="0 0 {WIDTH:g} {HEIGHT:g}" font-family="{FONT}">',
        f"<title>{_esc(indicator.name)}: {_esc(words)}</title>",
        f"<desc>{_esc(_description(status, language))}</desc>",
        f'<rect width="{WIDTH:g}" height="{HEIGHT:g}" fill="white"/>',
        _label(12, 24, _cut(indicator.name, NAME_CHARS), 20, "start", "#222222", bold=True),
        _label(12, 48, words, 18, "start", look.colour, bold=True),
    ]
    if not values or not dates:
        out.append(_label(WIDTH / 2, HEIGHT / 2 + 20, tr.gettext("No measurements yet"), 15, "middle", GREY))
        return "\n".join([*out, "</svg>"]) + "\n"
    low, high = _span(values)
    first, last = _dates(dates, indicator.deadline)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: dt.date) -> float:
        return LEFT + plot_w * (day - first).days / (last - first).days

    def y(value: float) -> float:
        return TOP + plot_h * (high - value) / (high - low)

    out.append(
        f'<path d="M{LEFT:g},{TOP:g}V{TOP + plot_h:g}H{LEFT + plot_w:g}" fill="none" stroke="{GREY}"/>'
    )
    ticks = []
    if indicator.deadline:
        deadline = tr.gettext("deadline {date}").format(date=indicator.deadline.isoformat())
        ticks.append((indicator.deadline, deadline))
        out.append(_line(x(indicator.deadline), TOP, x(indicator.deadline), TOP + plot_h, GREY, "2 3"))
    ticks += [(min(dates), min(dates).isoformat()), (max(dates), max(dates).isoformat())]
    for day, text in _apart(ticks, x):
        anchor = (
            "start" if x(day) < LEFT + plot_w / 3 else "end" if x(day) > LEFT + plot_w * 2 / 3 else "middle"
        )
        out.append(_label(x(day), HEIGHT - 12, text, 15, anchor, GREY))
    end = min(LEFT + plot_w, x(indicator.deadline) if indicator.deadline else LEFT + plot_w) - 4
    for value, name, colour in ((indicator.baseline, tr.gettext("baseline"), GREY),
                                (indicator.target, tr.gettext("target"), TARGET)):  # fmt: skip
        if value is not None:
            out.append(_line(LEFT, y(value), LEFT + plot_w, y(value), colour, "6 4"))
            out.append(_label(end, y(value) - 5, f"{name} {number(value, language)}", 15, "end", colour))
    if points:
        path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{look.colour}" stroke-width="3"/>')
        out += [f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="4.5" fill="{look.colour}"/>' for d, v in points]
        day, value = points[-1]
        anchor = "end" if x(day) > LEFT + plot_w / 2 else "start"
        shift = -8 if anchor == "end" else 8
        below = y(value) < TOP + plot_h / 2
        out.append(
            _label(
                x(day) + shift,
                y(value) + (20 if below else -10),
                number(value, language),
                15,
                anchor,
                look.colour,
                bold=True,
            )
        )
    return "\n".join([*out, "</svg>"]) + "\n"


def _description(status: IndicatorStatus, language: Language) -> str:
    tr = translation(language)
    indicator = status.indicator
    readings = ", ".join(f"{m.date.isoformat()}: {number(m.value, language)}" for m in indicator.measurements)
    unknown = tr.gettext("not set")
    parts = [
        tr.gettext("Baseline {baseline}, target {target} by {deadline}.").format(
            baseline=number(indicator.baseline, language) if indicator.baseline is not None else unknown,
            target=number(indicator.target, language) if indicator.target is not None else unknown,
            deadline=indicator.deadline.isoformat() if indicator.deadline else unknown,
        ),
        tr.gettext("Measured: {readings}.").format(readings=readings) if readings else "",
    ]
    return " ".join(p for p in parts if p)


def _dates(dates: list[dt.date], deadline: dt.date | None) -> tuple[dt.date, dt.date]:
    """The time the chart spans: the measurements and the deadline, at least a month, and a margin."""
    first, last = min(dates), max(dates)
    if deadline is not None and first == deadline:
        first = deadline - dt.timedelta(days=365)  # only a deadline: the year up to it
    margin = max(15, (last - first).days // 20)
    return first - dt.timedelta(days=margin), last + dt.timedelta(days=margin)


def _apart(ticks: list[tuple[dt.date, str]], x: Callable[[dt.date], float]) -> list[tuple[dt.date, str]]:
    """The date labels that keep clear of the ones before them in ``ticks``."""
    kept: list[tuple[dt.date, str]] = []
    for day, text in ticks:
        if all(abs(x(day) - x(other)) > 8 * (len(text) + len(label)) / 2 + 10 for other, label in kept):
            kept.append((day, text))
    return sorted(kept)


def _span(values: list[float]) -> tuple[float, float]:
    """A value range around ``values`` with a little room, never empty."""
    low, high = min(values), max(values)
    if math.isclose(low, high):
        return low - 1, high + 1
    pad = (high - low) * 0.1
    return low - pad, high + pad


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, dash: str) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
        f'stroke-width="1.5" stroke-dasharray="{dash}"/>'
    )


def _label(x: float, y: float, text: str, size: int, anchor: str, colour: str, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{colour}"{weight}>{_esc(text)}</text>'
    )


def _cut(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _esc(text: str) -> str:
    return escape(printable(text))


BLOCKS = "▁▂▃▄▅▆▇█"
"""Eighth blocks, lowest first: a sparkline's letters."""


def sparkline(indicator: Indicator) -> str:
    """The measurements as one line of text, a block per measurement, on the scale from the lowest
    to the highest of baseline, target and measurements (for terminals); empty if none."""
    values = [m.value for m in indicator.measurements]
    if not values:
        return ""
    low, high = _span([*values, *(v for v in (indicator.baseline, indicator.target) if v is not None)])
    return "".join(BLOCKS[round((v - low) / (high - low) * (len(BLOCKS) - 1))] for v in values)


def grid(charts: list[str], columns: int = 2) -> str:
    """Charts side by side in ``columns`` (fewer if there are fewer charts), as one SVG."""
    columns = max(1, min(columns, len(charts)))
    rows = math.ceil(len(charts) / columns)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH * columns:g}pt" height="{HEIGHT * rows:g}pt" '
        f'viewBox="0 0 {WIDTH * columns:g} {HEIGHT * rows:g}">'
    ]
    for n, svg in enumerate(charts):
        inner = svg.replace(
            f'width="{WIDTH:g}pt" height="{HEIGHT:g}pt"', f'width="{WIDTH:g}" height="{HEIGHT:g}"', 1
        )
        inner = inner.replace(
            "<svg ", f'<svg x="{WIDTH * (n % columns):g}" y="{HEIGHT * (n // columns):g}" ', 1
        )
        out.append(inner)
    return "\n".join([*out, "</svg>"]) + "\n"
