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
import html as html_text
import os
import re
from pathlib import Path
from urllib.parse import quote

from attrs import frozen

from journeymap.benefits import IndicatorStatus, benefit_status, number
from journeymap.characters import printable
from journeymap.defaults import base_iteration, iteration_or_newest
from journeymap.elements import Kind, name_of
from journeymap.evidence import shares
from journeymap.exports import export
from journeymap.i18n import translation
from journeymap.model import Benefit, Evidence, Indicator, Iteration, JourneyMap
from journeymap.priorities import priorities
from journeymap.problems import Severity
from journeymap.semantic_diff import ElementRef, diff
from journeymap.validate import validate
from journeymap.views import ViewOptions
from journeymap.writing import WriteError, atomic_write


@frozen
class Table:
    """Rows of plain text under a header."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


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
) -> Report:
    """The report of ``iteration`` (default: the newest); figures are named ``STEM-VIEW.svg``."""
    it = iteration_or_newest(journey_map, iteration)
    base = base_iteration(journey_map, it)
    today = today or dt.date.today()
    statuses = benefit_status(it, today)

    def figure(view: str, caption: str, options: ViewOptions) -> Figure:
        svg = export(journey_map, view, "svg", options, renderer).decode("utf-8")
        return Figure(f"{stem}-{view}.svg", caption, svg, view)

    journey: list[Block] = [figure("journey", f"The journey: {it.label}", ViewOptions(iteration=it.id))]
    if base is not None:
        journey.append(
            figure("compare", f"{base.label} → {it.label}", ViewOptions(iteration=base.id, against=it.id))
        )
        journey.append(Items(_diff_summary(base, it)))
    journey += _evidence(journey_map, (base, it) if base is not None else (it,))
    status: list[Block] = [*_text(it.status, Hint("No status recorded (the iteration's `status`)."))]
    if it.remaining_work:
        status += ["Remaining work:", Items(it.remaining_work)]
    scored = priorities(it)
    if scored:
        status.append(
            Table(
                ("Change", "Quadrant", "Gain", "Effort"),
                tuple(
                    (p.step.name, f"{p.quadrant.value}: {p.quadrant.advice}", str(p.gain), str(p.effort))
                    for p in scored
                ),
            )
        )
        status.append(figure("priorities", "Priorities: gain against effort", ViewOptions(iteration=it.id)))
    sections = (
        Section("Name of the solution", _name(journey_map, it)),
        Section("Goals", (Items(it.goals),) if it.goals else (Hint("No goals recorded (the iteration's `goals`)."),)),
        Section("The final solution", _solution(it)),
        Section("The updated journey", tuple(journey)),
        Section("Implementation status and remaining work", tuple(status)),
        Section("The benefits plan", _plan(journey_map, it)),
        Section("Follow-up in operation and results so far", _follow_up(statuses, today)),
        Section("Further plan for realising the benefits", _list(it.next_steps, "next_steps")),
        Section("How the solution is maintained", _text(it.maintenance, Hint("Not described (the iteration's `maintenance`)."))),
        Section("Lessons learned", _list(it.lessons, "lessons")),
    )  # fmt: skip
    subtitle = f"{it.label} ({it.state.value} iteration '{it.id}'), status as of {today.isoformat()}"
    return Report(journey_map.title, subtitle, sections)


def _text(text: str, missing: Block) -> tuple[Block, ...]:
    return tuple(p.strip() for p in text.split("\n\n") if p.strip()) if text.strip() else (missing,)


def _list(items: tuple[str, ...], key: str) -> tuple[Block, ...]:
    return (Items(items),) if items else (Hint(f"Nothing recorded (the iteration's `{key}`)."),)


def _name(journey_map: JourneyMap, it: Iteration) -> tuple[Block, ...]:
    blocks: list[Block] = [f"{journey_map.title}: {it.label}"]
    if journey_map.organisation:
        blocks.append(f"Organisation: {journey_map.organisation}")
    if journey_map.description:
        blocks.append(journey_map.description)
    return tuple(blocks)


def _solution(it: Iteration) -> tuple[Block, ...]:
    blocks: list[Block] = list(_text(it.note, f"{len(it.steps)} steps in {len(it.stages)} stages."))
    if it.touchpoints:
        blocks.append(
            Table(
                ("Touchpoint", "Channel", "Medium"),
                tuple((t.name, t.channel.value, t.medium) for t in it.touchpoints),
            )
        )
    actors = {a.id: a.name for a in it.actors}
    for process in it.processes:
        rows = tuple(
            (
                t.name,
                actors.get(t.responsible, t.responsible),
                t.response_time,
                ", ".join(actors.get(a, a) for a in (*t.second_line, *t.third_line)),
            )
            for t in process.tasks
        )
        blocks += [
            f"Process: {process.name}",
            Table(("Task", "Responsible", "How fast", "2nd/3rd line"), rows),
        ]
    return tuple(blocks)


def _diff_summary(base: Iteration, it: Iteration) -> tuple[str, ...]:
    d = diff(base, it)

    def count(refs: tuple[ElementRef, ...], kind: Kind) -> int:
        return sum(r.kind is kind for r in refs)

    changed = tuple(c.element for c in d.changed)
    lines = [
        f"Steps: {count(d.added, Kind.STEP)} new, {count(d.removed, Kind.STEP)} removed, "
        f"{count(changed, Kind.STEP)} changed; touchpoints: {count(d.added, Kind.TOUCHPOINT)} new, "
        f"{count(d.removed, Kind.TOUCHPOINT)} removed, {len(d.channels)} changed channel"
    ]
    lines += [
        f"'{r.step.name}' replaces " + ", ".join(f"'{old.name}'" for old in r.replaced)
        for r in d.replacements
    ]
    old, new = d.average_emotion
    if old is not None and new is not None:
        lines.append(f"Average emotion of the steps (-2 to +2): {old:+.2g} → {new:+.2g}")
    if d.pain_points_gone:
        lines.append("Pain points that disappeared: " + "; ".join(d.pain_points_gone))
    return tuple(lines)


def _evidence(journey_map: JourneyMap, its: tuple[Iteration, ...]) -> tuple[Block, ...]:
    """How the team knows the journeys: the shares of observed, assumed and proposed elements of each;
    nothing when no element states its evidence."""
    tr = translation(journey_map.language)
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


def _plan(journey_map: JourneyMap, it: Iteration) -> tuple[Block, ...]:
    if not it.benefits:
        return ("No benefits planned yet (add benefits with indicators to the iteration).",)
    actors = {a.id: a.name for a in it.actors}
    steps = {s.id: s.name for s in it.steps}
    benefits = Table(
        ("Benefit", "Kind", "Owner", "Brought by"),
        tuple(
            (b.name, b.kind.value.replace("_", " "), actors.get(b.owner, b.owner) or "(no owner)",
             "; ".join(steps.get(s, s) for s in b.steps))
            for b in it.benefits
        ),
    )  # fmt: skip
    indicators = Table(
        ("Indicator", "Unit", "Baseline", "Target", "Deadline", "Measured how"),
        tuple(
            (i.name, i.unit, _value(i.baseline), _value(i.target),
             i.deadline.isoformat() if i.deadline else "", i.method)
            for b in it.benefits
            for i in b.indicators
        ),
    )  # fmt: skip
    blocks: list[Block] = [benefits, indicators]
    gaps = [
        p.message
        for p in validate(journey_map, iterations={it.id})
        if p.severity is Severity.WARNING
        and p.iteration == it.id
        and p.kind in (Kind.BENEFIT, Kind.INDICATOR)
    ]
    if gaps:
        blocks += ["Not yet S.M.A.R.T.E.:", Items(tuple(gaps))]
    return tuple(blocks)


def _follow_up(statuses: list[IndicatorStatus], today: dt.date) -> tuple[Block, ...]:
    if not statuses:
        return ("No indicators to follow up.",)
    rows = tuple(
        (
            s.indicator.name,
            _how(s.indicator),
            _value(s.indicator.target, s.indicator.unit),
            s.latest_text(unit=True),
            s.progress_text(),
            s.status.value,
        )
        for s in statuses
    )
    blocks: list[Block] = [
        Table(("Indicator", "Measured and reported", "Target", "Latest", "Of the way", "Status"), rows)
    ]
    history = [_history(s.benefit, s.indicator) for s in statuses if len(s.indicator.measurements) > 1]
    if history:
        blocks += ["Measurements so far:", Items(tuple(history))]
    return tuple(blocks)


def _how(indicator: Indicator) -> str:
    parts = [indicator.frequency, *indicator.reporting]
    return "; ".join(p for p in parts if p)


def _history(benefit: Benefit, indicator: Indicator) -> str:
    readings = ", ".join(f"{m.date.isoformat()}: {number(m.value)}" for m in indicator.measurements)
    return f"{indicator.name} ({name_of(benefit)}): {readings}"


def _value(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    return f"{number(value)} {unit}".strip()


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
    return [header, rule, *("| " + " | ".join(_md(c) for c in row) + " |" for row in block.rows)]


# --- HTML -------------------------------------------------------------------------------

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { margin-bottom: 0; } .subtitle { color: #555; margin-top: .2rem; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2.5rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
figure { margin: 1rem 0; overflow-x: auto; } figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: .9rem; }
"""
_SVG_PROLOG = re.compile(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)


def _esc(text: str) -> str:
    return html_text.escape(printable(text))


def html(report: Report) -> str:
    """The report as one self-contained HTML page (well-formed XHTML syntax, inline SVG)."""
    esc = _esc
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        f"<title>{esc(report.title)}</title><style>{_STYLE}</style></head>",
        "<body>",
        f"<h1>{esc(report.title)}</h1>",
        f'<p class="subtitle">{esc(report.subtitle)}</p>',
    ]
    for n, section in enumerate(report.sections, 1):
        out.append(f"<section><h2>{n}. {esc(section.title)}</h2>")
        out += [_html_block(block) for block in section.blocks]
        out.append("</section>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _html_block(block: Block) -> str:
    esc = _esc
    if isinstance(block, str):
        return f"<p>{esc(block)}</p>"
    if isinstance(block, Hint):
        parts = block.text.split("`")
        return (
            "<p>"
            + "".join(f"<code>{esc(p)}</code>" if k % 2 else esc(p) for k, p in enumerate(parts))
            + "</p>"
        )
    if isinstance(block, Items):
        return "<ul>" + "".join(f"<li>{esc(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Figure):
        return (
            f"<figure>{_SVG_PROLOG.sub('', block.svg)}<figcaption>{esc(block.caption)}</figcaption></figure>"
        )
    head = "".join(f"<th>{esc(h)}</th>" for h in block.header)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in block.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


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
