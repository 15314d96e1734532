"""A fixed-position grid for blueprint-like views: step columns by lanes.

Cards are placed in cells (stacked when a cell holds several), lanes are separated by labelled
lines, stage bands span columns. The grid computes every position itself and hands Graphviz
pinned coordinates (``neato`` with ``pos="x,y!"``), so the layout is the same with the ``dot``
program and with the in-process renderer, and it never depends on Graphviz's heuristics.
Edges are routed by Graphviz around the cards.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import accumulate

from attrs import field, frozen

from journeymap.views import style
from journeymap.views.dot import Dot
from journeymap.views.nodes import node
from journeymap.views.text import label, wrap

CARD_WIDTH = 150.0
MAIN_GAP = 60.0
CROSS_GAP = 36.0
STACK_GAP = 10.0
LABEL_SPACE = 150.0
CHAR_WIDTH = 0.56  # average character width as a share of the font size (Helvetica)


def chars(width: float, fontsize: float) -> int:
    """How many characters fit on a line of a card ``width`` points wide."""
    return max(8, int((width - 16) / (fontsize * CHAR_WIDTH)))


def _as_tuple(lines: Iterable[str]) -> tuple[str, ...]:
    return tuple(lines)


@frozen
class Card:
    """A node with wrapped text and a size that follows from it."""

    node: str
    lines: tuple[str, ...] = field(converter=_as_tuple)
    attrs: Mapping[str, str] = field(factory=dict)
    width: float = CARD_WIDTH
    fontsize: float = 10.0
    min_height: float = 0.0
    align: str = "center"
    padding: float = 14.0

    @property
    def height(self) -> float:
        return max(self.min_height, len(self.lines) * self.fontsize * 1.3 + self.padding)


def text_card(
    node: str, text: str | Sequence[str], attrs: Mapping[str, str], width: float = CARD_WIDTH, **kw: float
) -> Card:
    """A card whose text (a string, or paragraphs) is wrapped to its width."""
    fontsize = float(kw.pop("fontsize", 10.0))
    per_line = chars(width, fontsize)
    paragraphs = [text] if isinstance(text, str) else list(text)
    lines = [line for p in paragraphs for line in wrap(p, per_line, max_lines=5)]
    return Card(node, lines, attrs, width=width, fontsize=fontsize, **kw)  # type: ignore[arg-type]


@frozen
class _Lane:
    key: str
    title: str
    size: float  # fixed cross size, or 0 to fit the cards


class Grid:
    """Lanes (declared in order) crossed by ``columns`` step columns, in direction LR or TB."""

    def __init__(self, columns: int, direction: str = "LR") -> None:
        self.columns = columns
        self.direction = direction
        self._lanes: list[_Lane] = []
        self._cells: dict[str, dict[int, list[Card]]] = {}  # lane -> column -> stacked cards
        self._pinned: list[tuple[str, int, float, Card]] = []
        self._bands: list[tuple[int, int, str, Mapping[str, str], str]] = []
        self._lines: dict[str, str] = {}

    # --- building -------------------------------------------------------------------------

    def lane(self, key: str, title: str, size: float = 0.0) -> None:
        """Declare the next lane; ``size`` fixes its depth (otherwise it fits its cards)."""
        self._lanes.append(_Lane(key, title, size))

    def add(self, lane: str, column: int, card: Card) -> None:
        """Stack a card in a cell."""
        self._cells.setdefault(lane, {}).setdefault(column, []).append(card)

    def pin(self, lane: str, column: int, offset: float, card: Card) -> None:
        """Put a card at ``offset`` points from the middle of a fixed-size lane."""
        self._pinned.append((lane, column, offset, card))

    def band(self, first: int, last: int, text: str, attrs: Mapping[str, str], name: str) -> None:
        """A header band (node ``name``) over columns ``first``..``last`` in the first lane."""
        self._bands.append((first, last, text, attrs, name))

    def line_before(self, lane: str, text: str) -> None:
        """Draw a labelled separator line before a lane, when the lane and one before it are shown."""
        self._lines[lane] = text

    # --- geometry ---------------------------------------------------------------------------

    def _main(self, card: Card) -> float:
        return card.width if self.direction == "LR" else card.height

    def _cross(self, card: Card) -> float:
        return card.height if self.direction == "LR" else card.width

    def _band_cross(self) -> float:
        return 34.0 if self.direction == "LR" else 120.0

    def _shown(self) -> list[_Lane]:
        used = set(self._cells) | {lane for lane, *_ in self._pinned}
        first = self._lanes[0].key if self._bands and self._lanes else None
        return [ln for ln in self._lanes if ln.key in used or ln.key == first]

    def draw(self, graph: Dot) -> None:
        """Add every card, band, lane title and separator to ``graph`` with pinned positions."""
        lanes = self._shown()
        sizes = self._column_sizes()
        starts = [
            end - size + MAIN_GAP * c
            for c, (size, end) in enumerate(zip(sizes, accumulate(sizes), strict=True))
        ]
        total = (starts[-1] + sizes[-1]) if sizes else 0.0
        cross = 0.0
        for k, lane in enumerate(lanes):
            if k and lane.key in self._lines:
                self._separator(graph, lane.key, cross - CROSS_GAP / 2, total)
            depth = self._lane_depth(lane)
            self._draw_lane(graph, lane, cross, depth, sizes, starts)
            cross += depth + CROSS_GAP

    def _column_sizes(self) -> list[float]:
        floor = CARD_WIDTH if self.direction == "LR" else 40.0
        sizes = [floor] * self.columns
        placed = [(col, c) for columns in self._cells.values() for col, cs in columns.items() for c in cs]
        placed += [(col, c) for _, col, _, c in self._pinned]
        for column, card in placed:
            sizes[column] = max(sizes[column], self._main(card))
        return sizes

    def _lane_depth(self, lane: _Lane) -> float:
        if lane.size:
            return lane.size
        if self._bands and lane.key == self._lanes[0].key:
            return self._band_cross()
        stacks = self._cells.get(lane.key, {}).values()
        return max([30.0, *(sum(self._cross(c) for c in cs) + STACK_GAP * (len(cs) - 1) for cs in stacks)])

    def _draw_lane(
        self,
        graph: Dot,
        lane: _Lane,
        cross: float,
        depth: float,
        sizes: list[float],
        starts: list[float],
    ) -> None:
        if lane.title:
            title_size = LABEL_SPACE - 20 if self.direction == "LR" else max(depth, 60.0)
            title = text_card(
                node("lane", lane.key), lane.title, style.LANE_LABEL, width=title_size, fontsize=11
            )
            self._node(graph, title, -LABEL_SPACE / 2 - 10, cross + depth / 2)
        if self._bands and lane.key == self._lanes[0].key:
            for first, last, text, attrs, name in self._bands:
                span = starts[last] + sizes[last] - starts[first]
                card = text_card(
                    name, text, attrs, width=span if self.direction == "LR" else depth, fontsize=12
                )
                self._node(graph, card, starts[first] + span / 2, cross + depth / 2, extent=(span, depth))
        for column, cards in sorted(self._cells.get(lane.key, {}).items()):
            at = cross
            for card in cards:
                self._node(graph, card, starts[column] + sizes[column] / 2, at + self._cross(card) / 2)
                at += self._cross(card) + STACK_GAP
        for key, column, offset, card in self._pinned:
            if key == lane.key:
                self._node(graph, card, starts[column] + sizes[column] / 2, cross + depth / 2 + offset)

    def _separator(self, graph: Dot, before: str, cross: float, total: float) -> None:
        left, right = node("line-start", before), node("line-end", before)
        self._node(
            graph, Card(left, (), style.ANCHOR, width=1, min_height=1, padding=0), -LABEL_SPACE - 16, cross
        )
        self._node(graph, Card(right, (), style.ANCHOR, width=1, min_height=1, padding=0), total, cross)
        graph.edge(left, right, **style.SEPARATOR)
        text = self._lines[before]
        if not text:
            return
        name = text_card(
            node("line-label", before), text, style.LINE_LABEL, width=LABEL_SPACE - 6, fontsize=8, padding=2
        )
        self._node(
            graph,
            name,
            -LABEL_SPACE / 2 - 10
            if self.direction == "LR"
            else -LABEL_SPACE + 6,  # TB: above the lane titles
            cross - name.height / 2 - 2 if self.direction == "LR" else cross,
        )

    def _node(
        self,
        graph: Dot,
        card: Card,
        main: float,
        cross: float,
        extent: tuple[float, float] | None = None,
    ) -> None:
        """Place a card's centre; ``extent`` (along the columns, along the lanes) overrides its size."""
        x, y = (main, -cross) if self.direction == "LR" else (cross, -main)
        width, height = card.width, card.height
        if extent:
            width, height = extent if self.direction == "LR" else (extent[1], extent[0])
        attrs = {
            **card.attrs,
            "pos": f"{x:.1f},{y:.1f}!",
            "width": f"{width / 72:.3f}",
            "height": f"{height / 72:.3f}",
            "fontsize": f"{card.fontsize:g}",
        }
        if "label" not in attrs:
            attrs["label"] = label(card.lines, card.align)
        graph.node(card.node, **attrs)


def new_graph(title: str, direction: str) -> Dot:
    """A graph set up for pinned positions, with the view's title."""
    graph = Dot("journeymap")
    graph.attr(
        layout="neato",
        inputscale="72",
        splines="true",
        overlap="true",
        outputorder="edgesfirst",
        pad="0.4",
        label=label(wrap(title, 120, 2)),
        labelloc="t",
        fontname=style.FONT,
        fontsize="18",
    )
    graph.attr("node", fontname=style.FONT, fixedsize="true", margin="0.08,0.04")
    graph.attr("edge", fontname=style.FONT, fontsize="9", color="#444444", arrowsize="0.7")
    return graph
