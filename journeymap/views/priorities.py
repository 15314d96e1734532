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
from journeymap.views.grid import Card, new_graph, text_card
from journeymap.views.journey import step_node
from journeymap.views.options import ViewOptions
from journeymap.views.text import label

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
