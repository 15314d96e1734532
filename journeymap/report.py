"""The steering-group report of an iteration, in the 10-20-30 outline, as Markdown and HTML.

The ten sections follow the outline of the Norwegian service-design toolkit: name of the
solution; goals; the final solution; the updated journey; implementation status and remaining
work; the benefits plan; follow-up and results so far; the further plan; maintenance; lessons
learned. :func:`build` gathers the content once; :func:`markdown` and :func:`html` write it
out, so both documents always say the same. The HTML is self-contained: the diagrams are inline.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gettext
import html as html_text
import os
import re
from pathlib import Path
from urllib.parse import quote

from attrs import evolve, frozen

from journeymap.benefits import IndicatorStatus, benefit_status, number
from journeymap.characters import printable
from journeymap.charts import chart
from journeymap.defaults import base_iteration, iteration_or_newest
from journeymap.elements import Kind, name_of
from journeymap.evidence import shares
from journeymap.exports import export
from journeymap.i18n import N_, day, quantity, translation
from journeymap.model import Benefit, Evidence, Indicator, Iteration, JourneyMap, Language
from journeymap.outline import FOILS
from journeymap.priorities import priorities
from journeymap.problems import Severity
from journeymap.semantic_diff import ElementRef, diff
from journeymap.status_look import LOOKS, label
from journeymap.validate import validate
from journeymap.views import ViewOptions
from journeymap.vocabulary import advice, term
from journeymap.writing import WriteError, atomic_write


@frozen
class Badge:
    """A status in a table cell: its symbol and word, shown in its colour (``#rrggbb``)."""

    text: str
    colour: str


Cell = str | Badge
"""A table cell: plain text, or a status."""


@frozen
class Table:
    """Rows of cells under a header."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@frozen
class Figure:
    """A diagram: the file it is written to, a caption, its SVG text and the view it draws."""

    file: str
    caption: str
    svg: str
    view: str


@frozen
class Items:
    """A bulleted list."""

    items: tuple[str, ...]


@frozen
class Hint:
    """A sentence of the report's own (never the map's text): its `key` spans show as code."""

    text: str


def cell_text(cell: Cell) -> str:
    """A cell as plain text (a status as its symbol and word)."""
    return cell.text if isinstance(cell, Badge) else cell


Block = str | Hint | Table | Figure | Items
"""A paragraph (the map's text, shown literally), a hint, a table, a figure or a list."""


@frozen
class Section:
    """One slide of the outline."""

    title: str
    blocks: tuple[Block, ...]


@frozen
class Report:
    """The content of a report, ready to be written as Markdown or HTML."""

    title: str
    subtitle: str
    sections: tuple[Section, ...]
    language: Language = Language.EN
    """The language of the report's own words (its HTML says so in ``lang``)."""

    @property
    def figures(self) -> list[Figure]:
        """The diagrams the report embeds."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, Figure)]


def build(
    journey_map: JourneyMap,
    iteration: str = "",
    stem: str = "map",
    today: dt.date | None = None,
    renderer: str = "auto",
    language: Language | None = None,
) -> Report:
    """The report of ``iteration`` (default: the newest); figures are named ``STEM-VIEW.svg``.

    ``language`` is the language of the report's and its diagrams' words (default: the map's).
    """
    it = iteration_or_newest(journey_map, iteration)
    spoken = language or journey_map.language
    tr = translation(spoken)
    lang = spoken.value
    base = base_iteration(journey_map, it)
    today = today or dt.date.today()
    statuses = benefit_status(it, today)

    def figure(view: str, caption: str, options: ViewOptions) -> Figure:
        options = evolve(options, language=lang)
        svg = export(journey_map, view, "svg", options, renderer).decode("utf-8")
        return Figure(f"{stem}-{view}.svg", caption, svg, view)

    journey: list[Block] = [
        figure(
            "journey",
            tr.gettext("The journey: {iteration}").format(iteration=it.label),
            ViewOptions(iteration=it.id),
        ),
        _steps_table(it, tr),
    ]
    if base is not None:
        journey.append(
            figure("compare", f"{base.label} → {it.label}", ViewOptions(iteration=base.id, against=it.id))
        )
        journey.append(Items(_diff_summary(base, it, spoken)))
    journey += _evidence((base, it) if base is not None else (it,), tr)
    status: list[Block] = [
        *_text(it.status, Hint(tr.gettext("No status recorded (the iteration's `status`).")))
    ]
    if it.remaining_work:
        status += [tr.gettext("Remaining work:"), Items(it.remaining_work)]
    scored = priorities(it)
    if scored:
        header = (tr.gettext("Change"), tr.gettext("Quadrant"), tr.gettext("Gain"), tr.gettext("Effort"))
        rows = tuple(
            (
                p.step.name,
                f"{term(p.quadrant, spoken)}: {advice(p.quadrant, spoken)}",
                str(p.gain),
                str(p.effort),
            )
            for p in scored
        )
        status.append(Table(header, rows))
        caption = tr.gettext("Priorities: gain against effort")
        status.append(figure("priorities", caption, ViewOptions(iteration=it.id)))
    follow_up = [
        *_follow_up(statuses, spoken),
        *(
            Figure(f"{stem}-chart-{s.indicator.id}.svg", s.indicator.name, chart(s, Language(lang)), "chart")
            for s in statuses
        ),
    ]
    contents = (
        _name(journey_map, it, tr),
        (Items(it.goals),)
        if it.goals
        else (Hint(tr.gettext("No goals recorded (the iteration's `goals`).")),),
        _solution(it, spoken),
        tuple(journey),
        tuple(status),
        _plan(journey_map, it, spoken),
        tuple(follow_up),
        _list(it.next_steps, "next_steps", tr),
        _text(it.maintenance, Hint(tr.gettext("Not described (the iteration's `maintenance`)."))),
        _list(it.lessons, "lessons", tr),
    )
    sections = tuple(
        Section(tr.gettext(title), blocks) for title, blocks in zip(FOILS, contents, strict=True)
    )
    subtitle = tr.gettext("{iteration}, status as of {date}").format(
        iteration=it.label, date=day(today, spoken)
    )
    return Report(journey_map.title, subtitle, sections, spoken)


def _steps_table(it: Iteration, tr: gettext.NullTranslations) -> Table:
    """The journey diagram in words: each stage and its steps, in order."""
    return Table(
        (tr.gettext("Stage"), tr.gettext("Steps")),
        tuple(
            (stage.name, "; ".join(s.name for s in it.steps if s.stage == stage.id)) for stage in it.stages
        ),
    )


def _text(text: str, missing: Block) -> tuple[Block, ...]:
    return tuple(p.strip() for p in text.split("\n\n") if p.strip()) if text.strip() else (missing,)


def _list(items: tuple[str, ...], key: str, tr: gettext.NullTranslations) -> tuple[Block, ...]:
    if items:
        return (Items(items),)
    return (Hint(tr.gettext("Nothing recorded (the iteration's `{key}`).").format(key=key)),)


def _name(journey_map: JourneyMap, it: Iteration, tr: gettext.NullTranslations) -> tuple[Block, ...]:
    blocks: list[Block] = [f"{journey_map.title}: {it.label}"]
    if journey_map.organisation:
        blocks.append(
            tr.gettext("Organisation: {organisation}").format(organisation=journey_map.organisation)
        )
    if journey_map.description:
        blocks.append(journey_map.description)
    return tuple(blocks)


def _solution(it: Iteration, language: Language) -> tuple[Block, ...]:
    tr = translation(language)
    steps = tr.ngettext("{n} step", "{n} steps", len(it.steps)).format(n=len(it.steps))
    stages = tr.ngettext("{n} stage", "{n} stages", len(it.stages)).format(n=len(it.stages))
    blocks: list[Block] = list(
        _text(it.note, tr.gettext("{steps} in {stages}.").format(steps=steps, stages=stages))
    )
    if it.touchpoints:
        blocks.append(
            Table(
                (tr.gettext("Touchpoint"), tr.gettext("Channel"), tr.gettext("Medium")),
                tuple((t.name, term(t.channel, language), t.medium) for t in it.touchpoints),
            )
        )
    actors = {a.id: a.name for a in it.actors}
    for process in it.processes:
        rows = tuple(
            (
                t.name,
                actors.get(t.responsible, t.responsible),
                t.response_time,
                ", ".join(actors.get(a, a) for a in t.second_line),
                ", ".join(actors.get(a, a) for a in t.third_line),
            )
            for t in process.tasks
        )
        header = (
            tr.gettext("Task"),
            tr.gettext("Responsible"),
            tr.gettext("How fast"),
            tr.gettext("2nd line"),
            tr.gettext("3rd line"),
        )
        blocks += [tr.gettext("Process: {name}").format(name=process.name), Table(header, rows)]
    return tuple(blocks)


def _signed(value: float, language: Language) -> str:
    """A score with its sign, as people of ``language`` write it: ``-0,75``, ``+1``."""
    return ("+" if value > 0 else "-" if value < 0 else "") + number(round(abs(value), 2), language)


def _diff_summary(base: Iteration, it: Iteration, language: Language) -> tuple[str, ...]:
    tr = translation(language)
    d = diff(base, it)

    def count(refs: tuple[ElementRef, ...], kind: Kind) -> int:
        return sum(r.kind is kind for r in refs)

    changed = tuple(c.element for c in d.changed)
    summary = tr.gettext(
        "Steps: {new_steps} new, {removed_steps} removed, {changed_steps} changed; touchpoints: "
        "{new_touchpoints} new, {removed_touchpoints} removed, {channels} changed channel"
    )
    lines = [
        summary.format(
            new_steps=count(d.added, Kind.STEP),
            removed_steps=count(d.removed, Kind.STEP),
            changed_steps=count(changed, Kind.STEP),
            new_touchpoints=count(d.added, Kind.TOUCHPOINT),
            removed_touchpoints=count(d.removed, Kind.TOUCHPOINT),
            channels=len(d.channels),
        )
    ]
    lines += [
        tr.gettext("'{step}' replaces {old}").format(
            step=r.step.name, old=", ".join(f"'{old.name}'" for old in r.replaced)
        )
        for r in d.replacements
    ]
    old, new = d.average_emotion
    if old is not None and new is not None:
        average = tr.gettext("Average emotion of the steps (-2 to +2): {old} → {new}")
        lines.append(average.format(old=_signed(old, language), new=_signed(new, language)))
    if d.pain_points_gone:
        gone = tr.gettext("Pain points that disappeared: {pain_points}")
        lines.append(gone.format(pain_points="; ".join(d.pain_points_gone)))
    return tuple(lines)


def _evidence(its: tuple[Iteration, ...], tr: gettext.NullTranslations) -> tuple[Block, ...]:
    """How the team knows the journeys: the shares of observed, assumed and proposed elements of each;
    nothing when no element states its evidence."""
    counted = [(it, shares(it)) for it in its]
    if all(s.not_stated == s.total for _, s in counted):
        return ()
    kinds = (Evidence.OBSERVED, Evidence.ASSUMED, Evidence.PROPOSED, None)
    words = (tr.gettext("Observed"), tr.gettext("Assumed"), tr.gettext("Proposed"), tr.gettext("Not stated"))
    rows = tuple(
        (it.label, *(f"{s.share(e):.0%} ({s.count(e)})".replace("%", " %") for e in kinds))
        for it, s in counted
    )
    return (
        tr.gettext(
            "How the team knows it: the share of the steps, touchpoints, actors, relations and tasks "
            "that were observed, are assumed or are proposed."
        ),
        Table((tr.gettext("Journey"), *words), rows),
    )


def _plan(journey_map: JourneyMap, it: Iteration, language: Language) -> tuple[Block, ...]:
    tr = translation(language)
    if not it.benefits:
        return (tr.gettext("No benefits planned yet (add benefits with indicators to the iteration)."),)
    actors = {a.id: a.name for a in it.actors}
    steps = {s.id: s.name for s in it.steps}
    no_owner = tr.gettext("(no owner)")
    benefits = Table(
        (tr.gettext("Benefit"), tr.gettext("Kind"), tr.gettext("Owner"), tr.gettext("Brought by")),
        tuple(
            (b.name, term(b.kind, language), actors.get(b.owner, b.owner) or no_owner,
             "; ".join(steps.get(s, s) for s in b.steps))
            for b in it.benefits
        ),
    )  # fmt: skip
    header = (N_("Indicator"), N_("Unit"), N_("Baseline"), N_("Target"), N_("Deadline"), N_("Measured how"))
    indicators = Table(
        tuple(tr.gettext(h) for h in header),
        tuple(
            (i.name, i.unit, _value(i.baseline, "", language), _value(i.target, "", language),
             day(i.deadline, language) if i.deadline else "", i.method)
            for b in it.benefits
            for i in b.indicators
        ),
    )  # fmt: skip
    blocks: list[Block] = [benefits, indicators]
    gaps = [
        p.text(language)
        for p in validate(journey_map, iterations={it.id})
        if p.severity is Severity.WARNING
        and p.iteration == it.id
        and p.kind in (Kind.BENEFIT, Kind.INDICATOR)
    ]
    if gaps:
        blocks += [tr.gettext("Not yet S.M.A.R.T.E.:"), Items(tuple(gaps))]
    return tuple(blocks)


def _follow_up(statuses: list[IndicatorStatus], language: Language) -> tuple[Block, ...]:
    tr = translation(language)
    if not statuses:
        return (tr.gettext("No indicators to follow up."),)
    rows = tuple(
        (
            s.indicator.name,
            _how(s.indicator),
            _value(s.indicator.target, s.indicator.unit, language),
            s.latest_text(unit=True, language=language),
            s.progress_text(language),
            Badge(label(s.status, language), LOOKS[s.status].colour),
        )
        for s in statuses
    )
    header = (
        N_("Indicator"),
        N_("Measured and reported"),
        N_("Target"),
        N_("Latest"),
        N_("Of the way"),
        N_("Status"),
    )
    blocks: list[Block] = [Table(tuple(tr.gettext(h) for h in header), rows)]
    history = [
        _history(s.benefit, s.indicator, language) for s in statuses if len(s.indicator.measurements) > 1
    ]
    if history:
        blocks += [tr.gettext("Measurements so far:"), Items(tuple(history))]
    return tuple(blocks)


def _how(indicator: Indicator) -> str:
    parts = [indicator.frequency, *indicator.reporting]
    return "; ".join(p for p in parts if p)


def _history(benefit: Benefit, indicator: Indicator, language: Language) -> str:
    readings = "; ".join(
        f"{day(m.date, language)}: {number(m.value, language)}" for m in indicator.measurements
    )
    return f"{indicator.name} ({name_of(benefit)}): {readings}"


def _value(value: float | None, unit: str, language: Language) -> str:
    if value is None:
        return ""
    return quantity(value, unit, language)


# --- Markdown ---------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&^])")
"""Characters that start emphasis, code, links, HTML, headings, cells, strikethrough, entities or footnotes."""
_BREAKS = re.compile(r"[ \t\n]+")
"""Line breaks and runs of spaces, which would end a paragraph or a table row; thin spaces in numbers stay."""
_LINE_START = re.compile(r"^(?=[-+])|^(\d+)(?=[.)]( |$))")
"""What makes a line a list item or a rule: a leading ``-`` or ``+``, a number before ``. `` or ``) ``."""
_AUTOLINK = re.compile(r"(?i)(www)\.|(?<=[a-z0-9])(:)(?=//)")
"""Where GFM starts a link by itself: ``www.`` and ``scheme://``."""


def _md(text: str) -> str:
    """Text that CommonMark and GFM show as typed, on one line: no emphasis, code, links, HTML or lists.

    Every character with a meaning is backslash-escaped, and so are the ``.`` of ``www.`` and the
    ``:`` of ``http://``. GFM finds e-mail addresses after escapes are resolved, so an empty HTML
    comment follows each ``@``: it shows nothing, and splits the text an address would be made of.
    (Image descriptions are shown as plain text, so :func:`_md_alt` leaves the comment out.)
    """
    return _md_alt(text).replace("@", "@<!-- -->")


def _md_alt(text: str) -> str:
    """An image description as typed (GFM's links in it are shown as their plain text)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", _BREAKS.sub(" ", printable(text)).strip())
    escaped = _AUTOLINK.sub(lambda m: f"{m.group(1)}\\." if m.group(1) else "\\:", escaped)
    return _LINE_START.sub(r"\1\\", escaped)


def markdown(report: Report) -> str:
    """The report as Markdown; figures are linked as files beside it."""
    out = [f"# {_md(report.title)}", "", f"_{_md(report.subtitle)}_", ""]
    for n, section in enumerate(report.sections, 1):
        out += [f"## {n}. {section.title}", ""]
        for block in section.blocks:
            out += [*_md_block(block), ""]
    return "\n".join(out).rstrip() + "\n"


def _md_block(block: Block) -> list[str]:
    if isinstance(block, str):
        return [_md(block)]
    if isinstance(block, Hint):
        parts = block.text.split("`")
        return ["".join(f"`{p}`" if k % 2 else _MD_SPECIAL.sub(r"\\\1", p) for k, p in enumerate(parts))]
    if isinstance(block, Items):
        return [f"- {_md(item)}" for item in block.items]
    if isinstance(block, Figure):
        return [f"![{_md_alt(block.caption)}]({quote(block.file)})"]
    header = "| " + " | ".join(block.header) + " |"
    rule = "|" + "|".join("---" for _ in block.header) + "|"
    return [header, rule, *("| " + " | ".join(_md(cell_text(c)) for c in row) + " |" for row in block.rows)]


# --- HTML -------------------------------------------------------------------------------

FULL_SIZE = N_("Open the diagram at full size")
"""What a diagram's link says when the pointer rests on it."""
_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { margin-bottom: 0; } .subtitle { color: #555; margin-top: .2rem; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2.5rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
.date, .status { white-space: nowrap; } .status { font-weight: bold; }
figure { margin: 1rem 0; overflow-x: auto; } figure svg { max-width: 100%; height: auto; }
figure.chart { display: inline-block; width: 30rem; max-width: 100%; margin-right: 1rem; vertical-align: top; }
figcaption { color: #555; font-size: .9rem; }
@page { size: A4; margin: 12mm; }
@page wide { size: A4 landscape; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  figure.diagram { break-before: page; break-after: page; break-inside: avoid; overflow: visible; }
  figure.diagram.wide { page: wide; }
  figure.diagram svg { width: 100%; max-height: 170mm; }
  figure.chart { width: 48%; break-inside: avoid; }
  h2 { break-after: avoid; } tr { break-inside: avoid; }
}
"""
_SVG_PROLOG = re.compile(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)
_SVG_SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)(?:pt)?"[^>]*?height="([\d.]+)(?:pt)?"', re.S)
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
WIDE = 1.3
"""Diagrams wider than this (width by height) are printed on a landscape page."""


def _esc(text: str) -> str:
    return html_text.escape(printable(text))


def _esc_text(text: str) -> str:
    """Text for the page's body: escaped, with dates kept on one line."""
    return _DATE.sub(r'<span class="date">\1</span>', _esc(text))


def html(report: Report) -> str:
    """The report as one self-contained HTML page (well-formed XHTML syntax, inline SVG).

    One ``<header>`` and one ``<main>``; every diagram links to its full-size SVG beside the
    page, and prints on a page of its own (landscape where it is wide).
    """
    esc = _esc_text
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{report.language.value}">',
        '<head><meta charset="utf-8" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        f"<title>{_esc(report.title)}</title><style>{_STYLE}</style></head>",
        "<body>",
        f'<header><h1>{esc(report.title)}</h1><p class="subtitle">{esc(report.subtitle)}</p></header>',
        "<main>",
    ]
    for n, section in enumerate(report.sections, 1):
        out.append(f"<section><h2>{n}. {esc(section.title)}</h2>")
        out += [_html_block(block, report.language) for block in section.blocks]
        out.append("</section>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _html_block(block: Block, language: Language) -> str:
    esc = _esc_text
    if isinstance(block, str):
        return f"<p>{esc(block)}</p>"
    if isinstance(block, Hint):
        parts = block.text.split("`")
        return (
            "<p>"
            + "".join(f"<code>{_esc(p)}</code>" if k % 2 else esc(p) for k, p in enumerate(parts))
            + "</p>"
        )
    if isinstance(block, Items):
        return "<ul>" + "".join(f"<li>{esc(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Figure):
        return _html_figure(block, language)
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in block.header)
    body = "".join("<tr>" + "".join(f"<td>{_html_cell(c)}</td>" for c in row) + "</tr>" for row in block.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _html_cell(cell: Cell) -> str:
    if isinstance(cell, Badge):
        return f'<span class="status" style="color: {cell.colour}">{_esc(cell.text)}</span>'
    return _esc_text(cell)


def _html_figure(figure: Figure, language: Language) -> str:
    """An inline diagram named by its caption; a click opens the full-size SVG beside the page."""
    svg = _SVG_PROLOG.sub("", figure.svg)
    start = svg.find("<svg")
    if (
        " role=" not in svg[start : svg.find(">", start)]
    ):  # an SVG named by its own <title> and <desc> keeps them
        svg = svg.replace("<svg", f'<svg role="img" aria-label="{_esc(figure.caption)}"', 1)
    size = _SVG_SIZE.search(svg[:2000])
    wide = size is not None and float(size.group(1)) > WIDE * float(size.group(2))
    kind = "chart" if figure.view == "chart" else "diagram wide" if wide else "diagram"
    link = f'<a href="{_esc(quote(figure.file))}" title="{_esc(translation(language).gettext(FULL_SIZE))}">{svg}</a>'
    return f'<figure class="{kind}">{link}<figcaption>{_esc_text(figure.caption)}</figcaption></figure>'


# --- files ------------------------------------------------------------------------------


def write(report: Report, folder: str | os.PathLike[str], stem: str) -> list[Path]:
    """Write ``STEM-report.md``, ``STEM-report.html`` and the figures into ``folder``, atomically each.

    :class:`~journeymap.writing.WriteError` if a file cannot be written; a folder made for the
    report is then removed again with what was written into it.
    """
    target = Path(folder)
    made = _make_folder(target)
    written: list[Path] = []
    files = [(fig.file, fig.svg) for fig in report.figures]
    files += [
        (f"{stem}-report.{suffix}", text)
        for suffix, text in (("md", markdown(report)), ("html", html(report)))
    ]
    try:
        for name, text in files:
            atomic_write(target / name, text.encode("utf-8"))
            written.append(target / name)
    except BaseException:
        if made is not None:
            _remove(written, target, made)
        raise
    return written


def _remove(written: list[Path], folder: Path, made: Path) -> None:
    """Remove the files written and the folders made, from ``folder`` up to ``made``."""
    with contextlib.suppress(OSError):
        for path in written:
            path.unlink(missing_ok=True)
        for each in (folder, *folder.parents):
            each.rmdir()
            if each == made:
                break


def _make_folder(folder: Path) -> Path | None:
    """Make ``folder`` if missing; returns the outermost folder made, or None if it existed."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"{folder}: cannot make the folder: {exc.strerror or exc}") from None
    return missing[-1] if missing else None
