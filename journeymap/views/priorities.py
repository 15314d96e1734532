"""The priorities view: the effort/gain matrix of an iteration's changes.

Effort runs left to right and gain bottom to top, 1 to 5; the four quadrants (quick wins, big
bets, fill-ins, money pits) are shaded and named, and each scored step sits in its cell.
"""

from __future__ import annotations

from journeymap.i18n import N_
from journeymap.model import JourneyMap
from journeymap.priorities import HIGH, Priority, Quadrant, priorities
from journeymap.views.common import catalog, checked, iteration
from journeymap.views.dot import Dot
from journeymap.views.grid import Card, chars, new_graph, text_card
from journeymap.views.journey import step_node
from journeymap.views.measure import PAD
from journeymap.views.options import ViewOptions
from journeymap.views.text import label, wrap

CELL = 170.0
GAP = 12.0
FILLS = {
    "color": {Quadrant.QUICK_WIN: "#d9f0d3", Quadrant.BIG_BET: "#dbe9f6", Quadrant.FILL_IN: "#f3f3f3", Quadrant.MONEY_PIT: "#fde0dd"},
    "mono": {Quadrant.QUICK_WIN: "#f7f7f7", Quadrant.BIG_BET: "#e6e6e6", Quadrant.FILL_IN: "#ffffff", Quadrant.MONEY_PIT: "#d4d4d4"},
}  # fmt: skip
QUADRANT_NAMES = {
    Quadrant.QUICK_WIN: N_("Quick wins: do first"),
    Quadrant.BIG_BET: N_("Big bets: plan and fund"),
    Quadrant.FILL_IN: N_("Fill-ins: do when there is time"),
    Quadrant.MONEY_PIT: N_("Money pits: drop or rethink"),
}


def priorities_view(journey_map: JourneyMap, options: ViewOptions) -> Dot:
    """The matrix of ``options.iteration`` (default: the current one; usually pick a future one)."""
    it = iteration(journey_map, options.iteration)
    checked(journey_map, it)
    tr = catalog(journey_map, options)
    title = tr.gettext("{map}: priorities ({iteration})").format(map=journey_map.title, iteration=it.label)
    graph = new_graph(options.title or title, "LR")
    scored = priorities(it)
    if not scored:
        graph.node(
            "empty",
            label=tr.gettext("No step of this iteration has both an effort and a gain yet."),
            shape="plaintext",
        )
        return graph
    cells: dict[tuple[int, int], list[Card]] = {}
    for p in scored:
        cells.setdefault((p.effort, p.gain), []).append(_card(p))
    heights = {
        g: max(
            [60.0, *(sum(c.height + GAP for c in cards) for (_, gain), cards in cells.items() if gain == g)]
        )
        for g in range(1, 6)
    }
    tops = {g: sum(heights[h] for h in range(g + 1, 6)) for g in range(1, 6)}  # gain 5 on top
    total_h = sum(heights.values())

    def x(effort: float) -> float:
        return (effort - 1) * CELL

    for quad, (efforts, gains) in _AREAS.items():
        left, right = x(efforts[0]) - CELL / 2 + 4, x(efforts[1]) + CELL / 2 - 4
        top, bottom = tops[gains[1]] + 4, tops[gains[0]] + heights[gains[0]] - 4
        graph.node(f"quadrant_{quad.name.lower()}", label="", shape="box", style="filled",
                   fillcolor=FILLS[options.scheme][quad], color="#bbbbbb", fixedsize="true",
                   pos=f"{(left + right) / 2:.1f},{-(top + bottom) / 2:.1f}!",
                   width=f"{(right - left) / 72:.3f}", height=f"{(bottom - top) / 72:.3f}")  # fmt: skip
        name = tr.gettext(QUADRANT_NAMES[quad])
        graph.node(f"quadrant_{quad.name.lower()}_name", label=label([name]), shape="plaintext", fontsize="11",
                   fixedsize="true", width=f"{(CELL * 2 - 20) / 72:.3f}", height="0.25", fontcolor="#333333",
                   pos=f"{(left + right) / 2:.1f},{-(top + 12):.1f}!")  # fmt: skip
    for (effort, gain), cards in sorted(cells.items()):
        at = tops[gain] + (30 if gain in (5, HIGH - 1) else 10)
        for card in cards:
            graph.node(card.node, label=label(card.lines), pos=f"{x(effort):.1f},{-(at + card.height / 2):.1f}!",
                       width=f"{card.width / 72:.3f}", height=f"{card.height / 72:.3f}",
                       fontsize=f"{card.fontsize:g}", **card.attrs)  # fmt: skip
            at += card.height + GAP
    for n in range(1, 6):
        graph.node(f"effort_{n}", label=str(n), shape="plaintext", pos=f"{x(n):.1f},{-(total_h + 16):.1f}!")
        graph.node(
            f"gain_{n}",
            label=str(n),
            shape="plaintext",
            pos=f"{-CELL / 2 - 16:.1f},{-(tops[n] + heights[n] / 2):.1f}!",
        )
    graph.node("effort_axis", label=tr.gettext("effort") + " →", shape="plaintext", fontsize="12",
               pos=f"{x(3):.1f},{-(total_h + 40):.1f}!")  # fmt: skip
    graph.node("gain_axis", label=tr.gettext("gain") + " ↑", shape="plaintext", fontsize="12",
               pos=f"{-CELL / 2 - 60:.1f},{-total_h / 2:.1f}!")  # fmt: skip
    graph.attr(outputorder="nodesfirst")
    return graph


_AREAS = {
    Quadrant.QUICK_WIN: ((1, HIGH - 1), (HIGH, 5)),
    Quadrant.BIG_BET: ((HIGH, 5), (HIGH, 5)),
    Quadrant.FILL_IN: ((1, HIGH - 1), (1, HIGH - 1)),
    Quadrant.MONEY_PIT: ((HIGH, 5), (1, HIGH - 1)),
}


def _card(p: Priority) -> Card:
    attrs = {"shape": "box", "style": "rounded,filled", "fillcolor": "#ffffff", "color": "#333333"}
    return text_card(step_node(p.step.id), p.step.name, attrs, width=CELL - 24, fontsize=9)


PAGE_FONT = 14.0  # every text of the matrix on a page
QUADRANT_WIDTH = 400.0  # on a page
PAGE_GAP = 12.0
_PLACES = {
    Quadrant.QUICK_WIN: (0, 0),
    Quadrant.BIG_BET: (1, 0),
    Quadrant.FILL_IN: (0, 1),
    Quadrant.MONEY_PIT: (1, 1),
}  # column (effort low, high) and row (gain high, low) of each quadrant


def priorities_page(journey_map: JourneyMap, options: ViewOptions, room: tuple[float, float]) -> Dot:
    """The matrix for a page: the four quadrants as lists of their steps, every text at 14 pt.

    Each step is named with its effort and gain; the quadrants are as wide as a slide allows, so
    the drawing needs no scaling down in any ``room`` (a page's width and height in inches).
    """
    graph = priorities_view(journey_map, options)
    it = iteration(journey_map, options.iteration)
    scored = priorities(it)
    if not scored:
        return graph
    tr = catalog(journey_map, options)
    page = new_graph("", "LR")
    page.attr(outputorder="nodesfirst", label=graph.graph_attrs["label"], pad=f"{PAD:g}")
    per_line = chars(QUADRANT_WIDTH - 8, PAGE_FONT)
    effort, gain = tr.gettext("effort"), tr.gettext("gain")
    items: dict[Quadrant, list[tuple[str, list[str]]]] = {q: [] for q in Quadrant}
    for p in scored:
        text = f"{p.step.name} ({effort} {p.effort}, {gain} {p.gain})"
        items[p.quadrant].append((step_node(p.step.id), wrap(text, per_line, 4)))
    line = PAGE_FONT * 1.25
    heading = line + 14

    def height(quad: Quadrant) -> float:
        return heading + sum(len(lines) * line + 8 for _, lines in items[quad]) + 8

    rows = [max(height(q) for q, (_, row) in _PLACES.items() if row == r) for r in (0, 1)]
    for quad, (column, row) in _PLACES.items():
        left = column * (QUADRANT_WIDTH + PAGE_GAP)
        top = sum(rows[:row]) + row * PAGE_GAP
        centre = left + QUADRANT_WIDTH / 2
        page.node(f"quadrant_{quad.name.lower()}", label="", shape="box", style="filled",
                  fillcolor=FILLS[options.scheme][quad], color="#bbbbbb", fixedsize="true",
                  pos=f"{centre:.1f},{-(top + rows[row] / 2):.1f}!",
                  width=f"{QUADRANT_WIDTH / 72:.3f}", height=f"{rows[row] / 72:.3f}")  # fmt: skip
        page.node(f"quadrant_{quad.name.lower()}_name", label=label([tr.gettext(QUADRANT_NAMES[quad])]),
                  shape="plaintext", fontsize=f"{PAGE_FONT:g}", fixedsize="true", fontcolor="#333333",
                  width=f"{(QUADRANT_WIDTH - 16) / 72:.3f}", height=f"{line / 72:.3f}",
                  pos=f"{centre:.1f},{-(top + 6 + line / 2):.1f}!")  # fmt: skip
        at = top + heading
        for name, lines in items[quad]:
            tall = len(lines) * line + 4
            page.node(name, label=label(lines, "left"), shape="plaintext", fontsize=f"{PAGE_FONT:g}",
                      fixedsize="true", width=f"{(QUADRANT_WIDTH - 16) / 72:.3f}", height=f"{tall / 72:.3f}",
                      pos=f"{centre:.1f},{-(at + tall / 2):.1f}!")  # fmt: skip
            at += tall + 4
    total = sum(rows) + PAGE_GAP
    page.node("effort_axis", label=f"{effort} →", shape="plaintext", fontsize=f"{PAGE_FONT:g}",
              pos=f"{QUADRANT_WIDTH + PAGE_GAP / 2:.1f},{-(total + 16):.1f}!")  # fmt: skip
    page.node("gain_axis", label=f"{gain} ↑", shape="plaintext", fontsize=f"{PAGE_FONT:g}",
              pos=f"{-40:.1f},{-total / 2:.1f}!")  # fmt: skip
    return page
