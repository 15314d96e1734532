"""What each foil of the 10-20-30 deck says: a title, a few short lines, a picture, speaker notes.

The slides carry only what can be read from the back of the room; the speaker notes carry the
report's full text and tables for the same foil (:mod:`journeymap.report` gathers them once).
"""

from __future__ import annotations

import datetime as dt
import gettext
import html
import re
from collections.abc import Callable

from attrs import evolve, frozen
from babel.dates import format_date

from journeymap import report
from journeymap.benefits import benefit_status
from journeymap.charts import chart, grid
from journeymap.defaults import base_iteration
from journeymap.evidence import shares, uses_evidence
from journeymap.exports import export_pages
from journeymap.i18n import translation
from journeymap.model import Evidence, Iteration, JourneyMap, Language
from journeymap.outline import FOILS
from journeymap.priorities import priorities
from journeymap.views import ViewOptions

_WORDS = re.compile(r"<(?:title|desc)\b[^>]*>(.*?)</(?:title|desc)>", re.S)
"""An SVG's ``<title>`` and ``<desc>``: what it says it shows."""
MAX_LINES = 5
"""Lines on a foil at 30 pt, each at most two lines long: what fits beside the title."""
MAX_CHARTS = 4
"""Indicator charts on the follow-up foil (two by two); the rest are in the notes."""
MAX_CHARS = 90
"""Characters of a line on a foil: two lines of 30 pt text across a 16:9 slide."""


@frozen
class Diagram:
    """A diagram on a foil: its SVG and what it shows in words (the picture's alternative text)."""

    svg: str
    description: str
    page: bool = False
    """Laid out for the room under the foil's title and lines, to be shown at its full size."""

    @classmethod
    def of(cls, svg: str, caption: str, page: bool = False) -> Diagram:
        """A diagram described by the SVG's own ``<title>`` and ``<desc>``, else by ``caption``."""
        head = svg.split("<g", 1)[0]  # the root's own words, not those of the shapes in its groups
        words = [html.unescape(m.group(1)).strip() for m in _WORDS.finditer(head)]
        return cls(svg, " ".join(w for w in words if w) or caption, page)


@frozen
class Line:
    """A line of text on a foil, in a colour (``#rrggbb``) or the text colour."""

    text: str
    colour: str = ""


@frozen
class Foil:
    """One slide: its title, its lines, its diagram (if any) and its speaker notes."""

    title: str
    lines: tuple[Line, ...] = ()
    diagram: Diagram | None = None
    notes: str = ""
    shorter: tuple[tuple[Line, ...], ...] = ()
    """Shorter versions of the lines, for when a page of a diagram needs their room; where even the
    shortest leaves it too little, the foil shows no lines (the speaker notes hold them)."""


Room = Callable[[str, tuple[Line, ...]], tuple[float, float]]
"""The width and height in inches a page of a diagram gets on a foil with this title and lines."""


def foils(
    journey_map: JourneyMap,
    it: Iteration,
    today: dt.date,
    language: Language,
    renderer: str = "auto",
    *,
    room: Room,
) -> list[Foil]:
    """The ten foils of ``it`` in ``language``, then appendix foils (the journey's further pages,
    the comparison with its base). The diagrams of foils 3 to 5 and the appendix are laid out for
    the ``room`` they get, with every text at 14 pt or more."""
    tr = translation(language)
    content = report.build(journey_map, it.id, "deck", today, renderer, language)
    notes = [_notes(section) for section in content.sections]
    titles = [tr.gettext(title) for title in FOILS]

    def slides(view: str, options: ViewOptions, caption: str, page: tuple[float, float]) -> list[Diagram]:
        """The view laid out, untitled, on pages of the room it gets (text at least 14 pt)."""
        sheets = export_pages(
            journey_map, view, "svg", evolve(options, language=language.value), renderer, page, False
        )
        return [Diagram.of(sheet.decode(), caption, page=True) for sheet in sheets]

    def pages_room(title: str, lines: tuple[Line, ...]) -> tuple[float, float]:
        """The room of every foil a diagram's pages may go to: the first, under ``title`` and
        ``lines``, and any further one, titled 'title (12 of 20)' (two rows where it is long)."""
        first, further = room(title, lines), room(_place(title, 99, 99, tr), ())
        return min(first[0], further[0]), min(first[1], further[1])

    first_note = _lines(_first(it.note), "", tr)
    evidence = _evidence(it, tr)
    this = ViewOptions(iteration=it.id)
    actors = slides("actors", this, it.label, room(titles[2], ()))[0] if it.actors else None
    journey = slides("journey", this, it.label, pages_room(titles[3], evidence))
    matrix = slides("priorities", this, it.label, room(titles[4], ()))[0] if priorities(it) else None

    statuses = benefit_status(it, today)
    goals = _lines(it.goals, tr.gettext("No goals recorded yet."), tr)
    status = [it.status, *it.remaining_work] if it.status.strip() else list(it.remaining_work)
    body = (
        _title_lines(journey_map, it, today, language),
        goals,
        first_note,
        evidence,
        _lines(status, tr.gettext("No status recorded yet."), tr),
        _lines([b.name for b in it.benefits], tr.gettext("No benefits planned yet."), tr),
        _more(len(statuses) - MAX_CHARTS, tr) if statuses else (Line(tr.gettext("No indicators to follow up yet.")),),
        _lines(it.next_steps, tr.gettext("No further plan recorded yet."), tr),
        _lines(_first(it.maintenance), tr.gettext("Not described yet."), tr),
        _lines(it.lessons, tr.gettext("No lessons recorded yet."), tr),
    )  # fmt: skip
    charts = (
        Diagram.of(grid([chart(s, language) for s in statuses[:MAX_CHARTS]]), titles[6]) if statuses else None
    )
    diagrams = (None, None, actors, journey[0], matrix, None, charts, None, None, None)
    deck = [
        Foil(title, lines, diagram, speaker_notes)
        for title, lines, diagram, speaker_notes in zip(titles, body, diagrams, notes, strict=True)
    ]
    deck[4] = evolve(  # the status lines give way to the matrix, as far as it needs
        deck[4], shorter=tuple(_lines(status, "", tr, most) for most in range(MAX_LINES - 1, 0, -1))
    )
    deck += _pages(titles[3], journey, notes[3], tr)[1:]  # the first page is on foil 4
    base = base_iteration(journey_map, it)
    if base is not None:
        change = tr.gettext("From {old} to {new}").format(old=base.label, new=it.label)
        title = tr.gettext("Appendix: what changes")
        compare = slides(
            "compare", ViewOptions(iteration=base.id, against=it.id), change, pages_room(title, ())
        )
        deck += _pages(title, compare, notes[3], tr)
    return deck


def _pages(title: str, pages: list[Diagram], notes: str, tr: gettext.NullTranslations) -> list[Foil]:
    """Foils of a diagram's pages, each titled with its place: 'title (2 of 5)'."""
    if len(pages) == 1:
        return [Foil(title, (), pages[0], notes)]
    return [Foil(_place(title, n, len(pages), tr), (), page, notes) for n, page in enumerate(pages, 1)]


def _place(title: str, page: int, pages: int, tr: gettext.NullTranslations) -> str:
    """The title of one of a diagram's foils: 'title (2 of 5)'."""
    return tr.gettext("{title} ({page} of {pages})").format(title=title, page=page, pages=pages)


def _title_lines(
    journey_map: JourneyMap, it: Iteration, today: dt.date, language: Language
) -> tuple[Line, ...]:
    tr = translation(language)
    lines = [Line(_short(journey_map.title)), Line(_short(it.label))]
    if journey_map.organisation:
        lines.append(Line(_short(journey_map.organisation)))
    when = format_date(today, format="long", locale="en_GB" if language is Language.EN else language.value)
    lines.append(Line(tr.gettext("Status as of {date}").format(date=when), "#595959"))
    return tuple(lines)


def _evidence(it: Iteration, tr: gettext.NullTranslations) -> tuple[Line, ...]:
    """How the team knows the journey, in one line: the shares of observed, assumed and proposed."""
    if not uses_evidence(it):
        return ()
    counted = shares(it)
    percent = {e.value: f"{counted.share(e):.0%}".replace("%", " %") for e in Evidence}
    return (
        Line(
            tr.gettext("Observed {observed}, assumed {assumed}, proposed {proposed}").format(**percent),
            "#595959",
        ),
    )


def _first(text: str) -> list[str]:
    """The first paragraph of a text, as the one line a foil shows of it."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return paragraphs[:1]


def _lines(
    items: list[str] | tuple[str, ...], missing: str, tr: gettext.NullTranslations, most: int = MAX_LINES
) -> tuple[Line, ...]:
    """At most ``most`` short lines; the rest is counted and left to the notes."""
    if not items:
        return (Line(missing),) if missing else ()
    shown = [Line(_short(item)) for item in items[: most - 1 if len(items) > most else most]]
    return (*shown, *_more(len(items) - len(shown), tr))


def _more(rest: int, tr: gettext.NullTranslations) -> tuple[Line, ...]:
    """A line that says how many more are in the notes, if any."""
    if rest <= 0:
        return ()
    return (
        Line(
            tr.ngettext("… and {n} more in the notes", "… and {n} more in the notes", rest).format(n=rest),
            "#595959",
        ),
    )


def _short(text: str) -> str:
    """``text`` on one line, cut at a word to :data:`MAX_CHARS` with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= MAX_CHARS:
        return flat
    return flat[: MAX_CHARS - 1].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def _notes(section: report.Section) -> str:
    """A section of the report as plain text: the speaker notes of its foil."""
    parts: list[str] = []
    for block in section.blocks:
        if isinstance(block, str):
            parts.append(block)
        elif isinstance(block, report.Hint):
            parts.append(block.text.replace("`", ""))
        elif isinstance(block, report.Items):
            parts.append("\n".join(f"• {item}" for item in block.items))
        elif isinstance(block, report.Figure):
            parts.append(block.caption)
        else:
            parts.append(
                "\n".join(
                    "; ".join(
                        f"{h}: {report.cell_text(c)}" for h, c in zip(block.header, row, strict=True) if c
                    )
                    for row in block.rows
                )
            )
    return "\n\n".join(p for p in parts if p)
