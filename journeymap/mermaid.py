"""A Mermaid ``journey`` diagram of an iteration, for Markdown on GitHub and GitLab.

Stages become sections, steps tasks, emotion (-2..+2) Mermaid's score (1..5, neutral 3 when a
step has none), and a step's actors the task's actors. Characters that Mermaid's journey syntax
gives a meaning (``:``, ``;``, ``#``, ``,`` in actor names, line breaks) are replaced by
look-alikes, so any name parses and reads the same.
"""

from __future__ import annotations

import re

from journeymap.model import JourneyMap
from journeymap.views.common import checked, iteration, visible_steps
from journeymap.views.options import ViewOptions

# fullwidth look-alikes of the characters Mermaid's journey syntax reserves
_LOOKALIKE = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in ":;#,%"})
_TITLE = {k: v for k, v in _LOOKALIKE.items() if k != ord(":")}  # a title may hold colons
_SPACE = re.compile(r"\s+")


def text(value: str, fallback: str, table: dict[int, str] = _LOOKALIKE) -> str:
    """A name as Mermaid journey text: one line, no special characters, never empty."""
    cleaned = _SPACE.sub(" ", "".join(c if c.isprintable() else " " for c in value)).strip()
    return cleaned.translate(table) or fallback


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
    lines = ["journey", f"    title {text(title, it.id, _TITLE)}"]
    section = None
    for step in visible_steps(it, options):
        if step.stage != section:
            section = step.stage
            lines.append(f"    section {text(stages[section], section)}")
        who = ", ".join(text(names[a], a) for a in step.actors)
        task = f"      {text(step.name, step.id)}: {score(step.emotion)}"
        lines.append(f"{task}: {who}" if who else task)
    return "\n".join(lines) + "\n"
