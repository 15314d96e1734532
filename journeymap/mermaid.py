"""A Mermaid ``journey`` diagram of an iteration, for Markdown on GitHub and GitLab.

Stages become sections, steps tasks, emotion (-2..+2) Mermaid's score (1..5, neutral 3 when a
step has none), and a step's actors the task's actors. Characters that Mermaid's journey syntax
gives a meaning (``:``, ``;``, ``#``, ``%``, braces, ``,`` in actor names, and ``<``, ``>``, ``&``
for its HTML sanitiser) are written as Mermaid's entity codes (``#58;`` for ``:``), which it
draws as the character itself; so is the first letter of a name that begins with a keyword of
the syntax (``title``, ``section``, ``journey``, ``accTitle``, ``accDescr``, in any case). Any name
parses and reads as typed.
"""

from __future__ import annotations

import re

from journeymap.model import JourneyMap
from journeymap.views.common import checked, iteration, visible_steps
from journeymap.views.options import ViewOptions

RESERVED = "#;:%{}<>&ﬂ¶"
"""Written as entity codes everywhere: the syntax's characters, HTML's, and those of Mermaid's
own entity placeholders (``ﬂ°°…¶ß``)."""
_KEYWORD = re.compile(r"journey\b|title\s|section\s|acctitle|accdescr", re.IGNORECASE | re.ASCII)
"""Keywords of Mermaid's journey lexer, matched as JavaScript does (``journeyé`` is ``journey``)."""
_SPACE = re.compile(r"\s+")


def text(value: str, fallback: str, reserved: str = RESERVED) -> str:
    """A name as Mermaid journey text: one line, never empty, nothing Mermaid would read as syntax."""
    cleaned = _SPACE.sub(" ", "".join(c if c.isprintable() else " " for c in value)).strip() or fallback
    encoded = "".join(f"#{ord(c)};" if c in reserved else c for c in cleaned)
    return f"#{ord(encoded[0])};{encoded[1:]}" if _KEYWORD.match(encoded) else encoded


def score(emotion: int | None) -> int:
    """Emotion -2..+2 as Mermaid's 1..5 (3 when unknown)."""
    return 3 if emotion is None else max(1, min(5, emotion + 3))


def journey_mermaid(journey_map: JourneyMap, options: ViewOptions | None = None) -> str:
    """The Mermaid source of ``options.iteration`` (default: the current one)."""
    options = options or ViewOptions()
    it = iteration(journey_map, options.iteration)
    checked(journey_map, it)
    names = {a.id: a.name for a in it.actors}
    stages = {s.id: s.name for s in it.stages}
    title = options.title or f"{journey_map.title}: {it.label}"
    lines = ["journey", f"    title {text(title, it.id)}"]
    section = None
    for step in visible_steps(it, options):
        if step.stage != section:
            section = step.stage
            lines.append(f"    section {text(stages[section], section)}")
        who = ", ".join(text(names[a], a, RESERVED + ",") for a in step.actors)
        task = f"      {text(step.name, step.id)}: {score(step.emotion)}"
        lines.append(f"{task}: {who}" if who else task)
    return "\n".join(lines) + "\n"
