"""What a diagram shows, in words: the title and description every SVG carries (<title>, <desc>).

One function per view says what a reader who cannot see the picture needs: the journey's stages
and steps, the comparison's changes, the actors and their relations, the process's tasks, the
priorities' quadrants. The words journeymap adds are translated (the view's language); the
map's own text is quoted as it is.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable

from journeymap.model import JourneyMap
from journeymap.priorities import priorities
from journeymap.semantic_diff import diff
from journeymap.views.actors import RING_NAMES
from journeymap.views.common import catalog, iteration, stage_runs, visible_steps
from journeymap.views.compare import pair, step_statuses
from journeymap.views.options import ViewOptions
from journeymap.views.priorities import QUADRANT_NAMES
from journeymap.views.process import chosen
from journeymap.vocabulary import term

Describer = Callable[[JourneyMap, ViewOptions, gettext.NullTranslations], str]


def journey_words(journey_map: JourneyMap, options: ViewOptions, tr: gettext.NullTranslations) -> str:
    """The journey's stages, each with its steps in order."""
    it = iteration(journey_map, options.iteration)
    steps = visible_steps(it, options)
    names = {s.id: s.name for s in it.stages}
    runs = stage_runs(steps)
    parts = [
        tr.ngettext(
            "The service journey '{iteration}' in {count} stage.",
            "The service journey '{iteration}' in {count} stages.",
            len(runs),
        ).format(iteration=it.label, count=len(runs))
    ]
    for first, last, stage in runs:
        parts.append(f"{names[stage]}: {'; '.join(s.name for s in steps[first : last + 1])}.")
    return " ".join(parts)


def compare_words(journey_map: JourneyMap, options: ViewOptions, tr: gettext.NullTranslations) -> str:
    """What changes from the older iteration to the newer one, step by step."""
    a, b = pair(journey_map, options)
    statuses = step_statuses(diff(a, b), tr)
    names = {s.id: s.name for it in (a, b) for s in it.steps}
    parts = [tr.gettext("Changes from '{old}' to '{new}'.").format(old=a.label, new=b.label)]
    headings = {
        "added": tr.gettext("New steps: {steps}."),
        "removed": tr.gettext("Removed steps: {steps}."),
        "changed": tr.gettext("Changed steps: {steps}."),
    }
    for status, heading in headings.items():
        chosen_steps = [names[i] for i, (s, _) in statuses.items() if s == status]
        if chosen_steps:
            parts.append(heading.format(steps="; ".join(chosen_steps)))
    if len(parts) == 1:
        parts.append(tr.gettext("No step changes."))
    return " ".join(parts)


def actors_words(journey_map: JourneyMap, options: ViewOptions, tr: gettext.NullTranslations) -> str:
    """The actors ring by ring, then who relates to whom and how."""
    it = iteration(journey_map, options.iteration)
    names = {a.id: a.name for a in it.actors}
    parts = [
        tr.ngettext(
            "The actor map of '{iteration}': {count} actor.",
            "The actor map of '{iteration}': {count} actors.",
            len(it.actors),
        ).format(iteration=it.label, count=len(it.actors))
    ]
    for ring, ring_name in RING_NAMES.items():
        members = [a.name for a in it.actors if a.ring is ring]
        if members:
            parts.append(f"{tr.gettext(ring_name)}: {'; '.join(members)}.")
    relations = [
        f"{names[r.source]} → {names[r.target]} ({r.label or tr.gettext(term(r.kind))})" for r in it.relations
    ]
    if relations:
        parts.append(tr.gettext("Relations: {relations}.").format(relations="; ".join(relations)))
    return " ".join(parts)


def process_words(journey_map: JourneyMap, options: ViewOptions, tr: gettext.NullTranslations) -> str:
    """The process's tasks in order, each with who does it."""
    it = iteration(journey_map, options.iteration)
    proc = chosen(it, options.process)
    names = {a.id: a.name for a in it.actors}
    tasks = [f"{t.name} ({names.get(t.responsible) or tr.gettext('Not assigned')})" for t in proc.tasks]
    return tr.ngettext(
        "The process '{process}' in {count} task: {tasks}.",
        "The process '{process}' in {count} tasks, in order: {tasks}.",
        len(tasks),
    ).format(process=proc.name, count=len(tasks), tasks="; ".join(tasks))


def priorities_words(journey_map: JourneyMap, options: ViewOptions, tr: gettext.NullTranslations) -> str:
    """The scored steps, quadrant by quadrant."""
    it = iteration(journey_map, options.iteration)
    scored = priorities(it)
    parts = [tr.gettext("The effort and gain of the changes in '{iteration}'.").format(iteration=it.label)]
    for quadrant in QUADRANT_NAMES:
        steps = [p.step.name for p in scored if p.quadrant is quadrant]
        if steps:
            parts.append(f"{tr.gettext(term(quadrant)).capitalize()}: {'; '.join(steps)}.")
    return " ".join(parts)


DESCRIBERS: dict[str, Describer] = {
    "journey": journey_words,
    "compare": compare_words,
    "actors": actors_words,
    "process": process_words,
    "priorities": priorities_words,
}


def describe(journey_map: JourneyMap, view: str, options: ViewOptions | None = None) -> str:
    """What the ``view`` of the map shows, in words, in the view's language."""
    options = options or ViewOptions()
    return DESCRIBERS[view](journey_map, options, catalog(journey_map, options))


_GRAPH_LABEL = re.compile(r'^\tgraph \[.*?\blabel="((?:[^"\\]|\\.)*)"', re.M)
_ESCAPES = re.compile(r"\\(.)")


def diagram_title(source: str) -> str:
    """The title a view's DOT text shows over the diagram, as plain text."""
    found = _GRAPH_LABEL.search(source)
    if not found:
        return ""
    text = _ESCAPES.sub(lambda m: " " if m.group(1) in "nlr" else m.group(1), found.group(1))
    return " ".join(text.replace("&amp;", "&").split())
