"""A fixed-position grid for blueprint-like views: step columns by lanes.

Cards are placed in cells (stacked when a cell holds several), lanes are separated by labelled
lines, stage bands span columns. The grid computes every position itself and hands Graphviz
pinned coordinates (``neato`` with ``pos="x,y!"``), so the layout is the same with the ``dot``
program and with the in-process renderer, and it never depends on Graphviz's heuristics.

Edges are routed here too, as straight lines (``splines=line``): to the next column across the
gap between columns; anything else (backwards, skipping columns, to another column in another
lane) down into the channel between two lanes, along it on a track of its own, and up into its
target, through invisible waypoints. Gaps and channels widen to hold their edges' labels, so
no edge crosses a card and no label sits on one.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from attrs import define, field, frozen

from journeymap.views import style
from journeymap.views.dot import Dot
from journeymap.views.nodes import node
from journeymap.views.text import label, wrap

CARD_WIDTH = 150.0
MAIN_GAP = 60.0
CROSS_GAP = 36.0
STACK_GAP = 10.0
LABEL_SPACE = 150.0
TB_LABEL_SPACE = 110.0  # top down, lane titles sit over the lanes
TRACK_GAP = 10.0  # between two edges running along the same channel
EDGE_FONT = 9.0
EDGE_GAP = 24.0  # between a column and the page's edge, where edges to other pages end
NOTE_FONT = 10.0
PORT_OFFSET = 12.0  # edges leave a card's underside left of its middle and arrive right of it
CHAR_WIDTH = 0.56  # average character width as a share of the font size (Helvetica)


@frozen(kw_only=True)
class Metrics:
    """The sizes in points a grid draws with: its fonts, cards, gaps and lanes.

    :data:`NORMAL` is the one-canvas views'; :data:`PAGE` draws every text at 14 pt with compact
    cards and lanes, for a view laid out on a slide or paper page at its full size.
    """

    text: float = 10.0  # a step's name
    small: float = 9.0  # touchpoints, tasks, support, the emotion score
    edge: float = EDGE_FONT  # edge labels
    lane: float = 11.0  # lane titles
    band: float = 12.0  # stage names
    note: float = NOTE_FONT  # where a journey continues
    line: float = 9.0  # the names of the lines of interaction and visibility (0: not drawn)
    card: float = CARD_WIDTH  # a card's width
    padding: float = 14.0  # a card's height beyond its lines
    main_gap: float = MAIN_GAP
    cross_gap: float = CROSS_GAP
    stack_gap: float = STACK_GAP
    label_space: float = LABEL_SPACE
    tb_label_space: float = TB_LABEL_SPACE
    track_gap: float = TRACK_GAP
    edge_gap: float = EDGE_GAP
    band_depth: float = 34.0
    emotion_step: float = 13.0  # the experience curve's height per point of emotion
    dot: float = 24.0  # the emotion marker's diameter
    support: float = 90.0  # the width of a 2nd/3rd line support card
    label_gap: float = 2.0  # label widths a gap between columns holds for a flow's label
    tb_label_gap: float = 2.0  # the same when the view runs top down
    decision_padding: float = 0.0  # a decision's diamond: height beyond a card's padding
    ellipse_padding: float = 0.0  # an interpersonal touchpoint's ellipse: the same
    flow_label: int = 16  # characters on a line of a flow's label
    leading: float = 1.3  # a line's height as a share of its font size
    char: float = CHAR_WIDTH  # a character's average width as a share of its font size, for wrapping
    titled_lanes: bool = False  # a lane is at least as deep as its title
    notes_on_top: bool = False  # the notes run in a line of their own over the lanes

    def sized(self, fontsize: float) -> dict[str, float]:
        """What :func:`text_card` needs to know to draw text of ``fontsize`` in these metrics."""
        return {"fontsize": fontsize, "padding": self.padding, "leading": self.leading, "char": self.char}


NORMAL = Metrics()
PAGE = Metrics(
    text=14, small=14, edge=14, lane=14, band=14, note=14, line=0, card=150, padding=6, main_gap=24,
    cross_gap=8, stack_gap=4, label_space=156, tb_label_space=110, track_gap=6, edge_gap=16,
    band_depth=24, emotion_step=4, dot=22, support=100, label_gap=1.2, decision_padding=6, ellipse_padding=14, flow_label=8, leading=1.2, char=0.5, titled_lanes=True, notes_on_top=True,
)  # fmt: skip


def chars(width: float, fontsize: float, char: float = CHAR_WIDTH) -> int:
    """How many characters fit on a line of a card ``width`` points wide."""
    return max(8, int((width - 16) / (fontsize * char)))


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
    leading: float = 1.3

    @property
    def height(self) -> float:
        return max(self.min_height, len(self.lines) * self.fontsize * self.leading + self.padding)


def text_card(
    node: str, text: str | Sequence[str], attrs: Mapping[str, str], width: float = CARD_WIDTH, **kw: float
) -> Card:
    """A card whose text (a string, or paragraphs) is wrapped to its width (``char``: a character's
    average width as a share of the font size)."""
    fontsize = float(kw.pop("fontsize", 10.0))
    per_line = chars(width, fontsize, kw.pop("char", CHAR_WIDTH))
    paragraphs = [text] if isinstance(text, str) else list(text)
    lines = [line for p in paragraphs for line in wrap(p, per_line, max_lines=5)]
    return Card(node, lines, attrs, width=width, fontsize=fontsize, **kw)  # type: ignore[arg-type]


def label_size(lines: Sequence[str], fontsize: float = EDGE_FONT) -> tuple[float, float]:
    """The width and height in points of a label of these lines."""
    if not lines:
        return 0.0, 0.0
    return max(len(line) for line in lines) * fontsize * CHAR_WIDTH + 6, len(lines) * fontsize * 1.25 + 4


@frozen
class _Edge:
    tail: str
    head: str
    lines: tuple[str, ...]
    attrs: Mapping[str, str]


@define
class _Plan:
    lanes: list[_Lane]
    sizes: list[float]
    starts: list[float]
    total: float
    place: dict[str, tuple[int, int]]
    direct: list[_Edge]
    routed: list[_Edge]
    beside: list[_Edge]
    beside_tracks: list[tuple[int, int]]
    tracks: list[tuple[int, float]]
    channels: list[tuple[float, float]]  # depth, and where it starts once drawn


@frozen
class _Lane:
    key: str
    title: str
    size: float  # fixed cross size, or 0 to fit the cards


class Grid:
    """Lanes (declared in order) crossed by ``columns`` step columns, in direction LR or TB."""

    def __init__(self, columns: int, direction: str = "LR", metrics: Metrics = NORMAL) -> None:
        self.columns = columns
        self.direction = direction
        self.metrics = metrics
        self._lanes: list[_Lane] = []
        self._cells: dict[str, dict[int, list[Card]]] = {}  # lane -> column -> stacked cards
        self._pinned: list[tuple[str, int, float, Card]] = []
        self._bands: list[tuple[int, int, str, Mapping[str, str], str]] = []
        self._lines: dict[str, str] = {}
        self._edges: list[_Edge] = []
        self._boxes: dict[str, tuple[float, float, float, float]] = {}  # node -> main/cross extents
        self._joins: list[tuple[str, str, dict[str, str]]] = []
        self._notes: tuple[str, str, str] = ("", "", "")  # node name prefix, before, after
        self._narrow: set[int] = set()  # columns as narrow as their cards (page edges)

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

    def connect(self, tail: str, head: str, lines: Sequence[str] = (), **attrs: str) -> None:
        """An edge between two cards, labelled with ``lines``, routed when the grid is drawn."""
        self._edges.append(_Edge(tail, head, tuple(lines), attrs))

    def join(self, tail: str, head: str, **attrs: str) -> None:
        """A straight line between the centres of two cards (drawn when both are)."""
        self._joins.append((tail, head, attrs))

    # --- pages ------------------------------------------------------------------------------

    @property
    def lane_keys(self) -> list[str]:
        """The lanes that are drawn, in order."""
        return [lane.key for lane in self._shown()]

    @property
    def has_bands(self) -> bool:
        """Whether the first lane holds header bands (stage names)."""
        return bool(self._bands)

    def band_columns(self) -> list[tuple[int, int]]:
        """The first and last column of each band, in order."""
        return sorted((first, last) for first, last, *_ in self._bands)

    def part(
        self, first: int, last: int, lanes: Collection[str] | None = None, notes: tuple[str, str] = ("", "")
    ) -> Grid:
        """Columns ``first``..``last`` and the ``lanes`` named (default: all) as a grid of their own.

        Edges to cards left out end at the part's edge; ``notes`` are written before the first
        and after the last column (say where the journey continues).
        """
        keys = {lane.key for lane in self._lanes} if lanes is None else {*lanes}
        if self._bands and self._lanes:
            keys.add(self._lanes[0].key)
        where = self._where()
        inside = {
            name for name, (lane, column, _) in where.items() if first <= column <= last and lane in keys
        }
        cut = [
            e
            for e in self._edges
            if (e.tail in inside) != (e.head in inside)
            and where[e.head if e.tail in inside else e.tail][0] in keys
        ]
        left = any(where[e.head if e.tail in inside else e.tail][1] < first for e in cut)
        shift = 1 if left else 0
        right = any(where[e.head if e.tail in inside else e.tail][1] > last for e in cut)
        part = Grid(last - first + 1 + shift + (1 if right else 0), self.direction, self.metrics)
        part._lanes = [lane for lane in self._lanes if lane.key in keys]
        part._lines = dict(self._lines)
        part._narrow = {0} if left else set()
        if right:
            part._narrow.add(part.columns - 1)
        for lane, columns in self._cells.items():
            for column, cards in columns.items():
                if lane in keys and first <= column <= last:
                    part._cells.setdefault(lane, {})[column - first + shift] = list(cards)
        part._pinned = [
            (lane, column - first + shift, offset, card)
            for lane, column, offset, card in self._pinned
            if lane in keys and first <= column <= last
        ]
        part._bands = [
            (max(a, first) - first + shift, min(b, last) - first + shift, text, attrs, name)
            for a, b, text, attrs, name in self._bands
            if b >= first and a <= last
        ]
        part._edges = [e for e in self._edges if e.tail in inside and e.head in inside]
        part._joins = [j for j in self._joins if j[0] in inside and j[1] in inside]
        for edge in cut:
            mine = edge.tail if edge.tail in inside else edge.head
            lane, column, card = where[mine]
            side = "before" if where[edge.head if mine == edge.tail else edge.tail][1] < first else "after"
            anchor = node("page-edge", side, mine)
            if anchor not in {c.node for *_, c in part._pinned}:
                at = 0 if side == "before" else part.columns - 1
                part._pinned.append((lane, at, self._offset(part, lane, card), self._anchor(anchor, card)))
            tail, head = (mine, anchor) if mine == edge.tail else (anchor, mine)
            if all((e.tail, e.head) != (tail, head) for e in part._edges):
                part._edges.append(_Edge(tail, head, (), edge.attrs))  # one unlabelled stub per card and side
        part._notes = (node("page-note"), *notes)
        return part

    def _where(self) -> dict[str, tuple[str, int, Card]]:
        """Each card's lane key, column and card."""
        where = {
            card.node: (lane, column, card)
            for lane, columns in self._cells.items()
            for column, cards in columns.items()
            for card in cards
        }
        where.update({card.node: (lane, column, card) for lane, column, _, card in self._pinned})
        return where

    def _offset(self, part: Grid, lane: str, card: Card) -> float:
        """Where ``card``'s middle is, from the middle of its lane in ``part``."""
        for _, _, offset, pinned in self._pinned:
            if pinned.node == card.node:
                return offset
        stack = next(cs for cs in self._cells[lane].values() if card in cs)
        before = stack[: stack.index(card)]
        at = sum(self._cross(c) + self.metrics.stack_gap for c in before) + self._cross(card) / 2
        lane_info = next(ln for ln in part._lanes if ln.key == lane)
        return at - part._lane_depth(lane_info) / 2

    def _anchor(self, name: str, card: Card) -> Card:
        """An invisible end at the page's edge for an edge to a card on another page."""
        attrs = {"shape": "box", "style": "invis", "label": ""}
        if self.direction == "LR":
            return Card(name, (), attrs, width=1, min_height=card.height, padding=0)
        return Card(name, (), attrs, width=card.width, min_height=1, padding=0)

    def _draw_notes(self, graph: Dot, plan: _Plan) -> None:
        """The notes (where the journey continues) beside the stage names, over the lane titles."""
        prefix, *notes = self._notes
        size = self.metrics.note
        lines = [
            line
            for text in notes
            if text
            for line in wrap(text, int(self.metrics.label_space / (size * CHAR_WIDTH)))
        ]
        if not lines or not plan.lanes:
            return
        if self._notes_on_top:
            self._draw_top_notes(graph, plan)
            return
        width, height = label_size(lines, size)
        card = Card(prefix, lines, style.NOTE, width=width, min_height=height, fontsize=size, padding=0)
        if self._bands:
            self._node(graph, card, -self._space / 2 - 10, self._lane_depth(plan.lanes[0]) / 2)
        else:  # before the first lane's title, which may reach out of its lane
            depth = self._lane_depth(plan.lanes[0])
            title = self._cross(self._title(plan.lanes[0], depth)) if plan.lanes[0].title else 0.0
            self._node(
                graph, card, -self._space / 2 - 10, min(0.0, depth / 2 - title / 2) - self._notes_depth() / 2
            )

    @property
    def _notes_on_top(self) -> bool:
        """Whether the notes run in a row of their own over the lanes (left to right, on a page)."""
        return self.metrics.notes_on_top and self.direction == "LR" and any(self._notes[1:])

    def _top_notes(self, total: float) -> list[tuple[Card, float, int]]:
        """The notes over the lanes: each card, its middle along the columns and its row.

        The note of the page before starts where the columns start, the note of the page after
        ends where they end; they take two rows when they do not fit side by side."""
        prefix, before, after = self._notes
        size = self.metrics.note
        cards = [
            (
                Card(
                    f"{prefix}/{side}", (text,), style.NOTE, width=w, min_height=h, fontsize=size, padding=0
                ),
                side,
            )
            for side, text in (("before", before), ("after", after))
            if text
            for w, h in [label_size([text], size)]
        ]
        beside = sum(card.width for card, _ in cards) + 2 * self.metrics.main_gap <= total
        placed = []
        for row, (card, side) in enumerate(cards):
            main = card.width / 2 if side == "before" else total - card.width / 2
            placed.append((card, main, 0 if beside else row))
        return placed

    def _draw_top_notes(self, graph: Dot, plan: _Plan) -> None:
        line = self.metrics.note * 1.25 + 4
        for card, main, row in self._top_notes(plan.total):
            self._node(graph, card, main, -self._notes_depth() + 4 + line * (row + 0.5))

    # --- geometry ---------------------------------------------------------------------------

    @property
    def _space(self) -> float:
        """The room for lane titles before the first column (on a page, wide enough for their
        longest word, which is never cut)."""
        m = self.metrics
        if self.direction != "LR":
            return m.tb_label_space
        if not m.titled_lanes:
            return m.label_space
        words = [len(word) for lane in self._lanes for word in lane.title.split()]
        return max([m.label_space, *(n * m.lane * m.char + 36 for n in words)])

    @property
    def has_cards(self) -> bool:
        """Whether any lane holds a card (bands aside)."""
        return any(self._cells.values()) or bool(self._pinned)

    def _main(self, card: Card) -> float:
        return card.width if self.direction == "LR" else card.height

    def _cross(self, card: Card) -> float:
        return card.height if self.direction == "LR" else card.width

    def _band_cross(self) -> float:
        if self.direction != "LR":
            return 120.0
        m = self.metrics
        if not m.titled_lanes:
            return m.band_depth
        names = [  # each stage's name wrapped to the narrowest its columns can be
            text_card(
                "", text, {}, (last - first + 1) * (m.card + m.main_gap) - m.main_gap, **m.sized(m.band)
            )
            for first, last, text, *_ in self._bands
        ]
        return max([m.band_depth, *(card.height for card in names)])

    def _shown(self) -> list[_Lane]:
        used = set(self._cells) | {lane for lane, *_ in self._pinned}
        first = self._lanes[0].key if self._bands and self._lanes else None
        return [ln for ln in self._lanes if ln.key in used or ln.key == first]

    def draw(self, graph: Dot) -> None:
        """Add every card, band, lane title, separator and edge to ``graph`` with pinned positions."""
        plan = self._plan()
        cross = 0.0
        for k, lane in enumerate(plan.lanes):
            if k and lane.key in self._lines:
                self._separator(graph, lane.key, cross - plan.channels[k - 1][0] / 2, plan.total)
            depth = self._lane_depth(lane)
            self._draw_lane(graph, lane, cross, depth, plan.sizes, plan.starts)
            cross += depth
            plan.channels[k] = (plan.channels[k][0], cross)
            cross += plan.channels[k][0]
        self._draw_notes(graph, plan)
        for edge in plan.direct:
            self._direct(graph, edge, plan.place)
        for n, edge in enumerate(plan.routed):
            self._route(graph, n, edge, plan.place, plan.tracks[n], plan.channels)
        for n, (edge, (column, track)) in enumerate(
            zip(plan.beside, plan.beside_tracks, strict=True), len(plan.routed)
        ):
            self._beside(
                graph, n, edge, plan.starts[column] + plan.sizes[column] + self.metrics.track_gap * track
            )
        for tail, head, attrs in self._joins:
            if tail in plan.place and head in plan.place:
                graph.edge(tail, head, **attrs)

    def _overhang(self, plan: _Plan) -> float:
        """How far the first lane's title reaches out before the lane."""
        if not plan.lanes or not plan.lanes[0].title:
            return 0.0
        depth = self._lane_depth(plan.lanes[0])
        return self._cross(self._title(plan.lanes[0], depth)) / 2 - depth / 2

    def _notes_depth(self) -> float:
        """Room for the notes before the first lane of a grid without bands (or over all lanes)."""
        if self._notes_on_top:
            rows = 1 + max(row for *_, row in self._top_notes(self._plan().total))
            return rows * (self.metrics.note * 1.25 + 4) + 8
        return 2 * self.metrics.note * 1.25 + 8 if self.direction == "LR" else self.metrics.label_space

    def extent(self) -> tuple[float, float]:
        """The width and height in points the grid takes when drawn (without the graph's title)."""
        plan = self._plan()
        main = self._space + 16 + plan.total
        notes = self._before_lanes(plan)
        cross = (
            notes
            + sum(self._lane_depth(lane) for lane in plan.lanes)
            + sum(depth for depth, _ in plan.channels[:-1])
            + max(
                [
                    offset + self.metrics.track_gap
                    for channel, offset in plan.tracks
                    if channel == len(plan.lanes) - 1
                ]
                or [0]
            )
        )
        return (main, cross) if self.direction == "LR" else (cross, main)

    def _before_lanes(self, plan: _Plan) -> float:
        """How far the drawing reaches out before the first lane: notes, a title's overhang."""
        if self._notes_on_top:
            return self._notes_depth()
        return 0.0 if self._bands else self._notes_depth() + max(0.0, self._overhang(plan))

    def origin(self) -> tuple[float, float]:
        """Graphviz's coordinates of the drawing's top left corner (:meth:`extent` reaches from it)."""
        return self._xy(-self._space - 16, -self._before_lanes(self._plan()))

    def _plan(self) -> _Plan:
        """Where everything goes along the columns and which way each edge runs."""
        lanes = self._shown()
        sizes = self._column_sizes()
        place = self._places(lanes)
        occupied = set(place.values())
        beside = [e for e in self._edges if _is_blocked(place[e.tail], place[e.head], occupied)]
        direct = [e for e in self._edges if _is_direct(place[e.tail], place[e.head]) and e not in beside]
        routed = [e for e in self._edges if e not in direct and e not in beside]
        gaps = self._column_gaps(direct, place)
        beside_tracks: list[tuple[int, int]] = []  # column, track (1 nearest the column)
        per_column: dict[int, int] = {}
        for edge in beside:
            column = place[edge.tail][1]
            per_column[column] = per_column.get(column, 0) + 1
            beside_tracks.append((column, per_column[column]))
        for column, count in per_column.items():
            if column + 1 < self.columns:
                gaps[column + 1] = max(gaps[column + 1], self.metrics.track_gap * (count + 1))
        starts = [sum(sizes[:c]) + sum(gaps[: c + 1]) for c in range(self.columns)]
        total = (starts[-1] + sizes[-1]) if sizes else 0.0
        tracks, channels = self._tracks(routed, place, len(lanes))
        return _Plan(
            lanes, sizes, starts, total, place, direct, routed, beside, beside_tracks, tracks, channels
        )

    def _places(self, lanes: list[_Lane]) -> dict[str, tuple[int, int]]:
        """Each card's lane (index among the shown lanes) and column."""
        index = {lane.key: k for k, lane in enumerate(lanes)}
        place = {
            card.node: (index[lane], column)
            for lane, columns in self._cells.items()
            for column, cards in columns.items()
            for card in cards
        }
        place.update({card.node: (index[lane], column) for lane, column, _, card in self._pinned})
        return place

    def _column_gaps(self, direct: list[_Edge], place: dict[str, tuple[int, int]]) -> list[float]:
        """The gap before each column (none before the first), wide enough for edge labels in it."""
        m = self.metrics
        gaps = [0.0] + [
            m.edge_gap if {c - 1, c} & self._narrow else m.main_gap for c in range(1, self.columns)
        ]
        for edge in direct:
            width, height = label_size(edge.lines, m.edge)
            column = place[edge.head][1]
            if edge.lines and column != place[edge.tail][1]:
                along = width if self.direction == "LR" else height
                share = m.label_gap if self.direction == "LR" else m.tb_label_gap
                need = share * along + 2 * m.track_gap  # beside the middle
                gaps[column] = max(gaps[column], need)
        return gaps

    def _tracks(
        self, routed: list[_Edge], place: dict[str, tuple[int, int]], lanes: int
    ) -> tuple[list[tuple[int, float]], list[tuple[float, float]]]:
        """For each routed edge its channel and its track's distance into it; each channel's depth.

        Channel ``k`` runs after lane ``k``. Edges whose column spans overlap get tracks of their
        own, the shortest nearest to the lane, each with room for its label beside it.
        """
        spans: dict[int, list[list[tuple[int, int]]]] = {}  # channel -> track -> column spans
        extents: dict[tuple[int, int], float] = {}
        chosen: dict[int, tuple[int, int]] = {}
        order = sorted(range(len(routed)), key=lambda n: _span_length(routed[n], place))
        for n in order:
            edge = routed[n]
            channel = _channel(place[edge.tail][0], place[edge.head][0])
            low, high = sorted((place[edge.tail][1], place[edge.head][1]))
            taken = spans.setdefault(channel, [])
            track = next(
                (t for t, used in enumerate(taken) if all(high < a or low > b for a, b in used)), len(taken)
            )
            if track == len(taken):
                taken.append([])
            taken[track].append((low, high))
            width, height = label_size(edge.lines, self.metrics.edge)
            extent = width if self.direction == "TB" else height
            extents[channel, track] = max(extents.get((channel, track), 0.0), extent)
            chosen[n] = (channel, track)
        offsets: dict[tuple[int, int], float] = {}
        channels: list[tuple[float, float]] = []
        for channel in range(lanes):
            at = 0.0
            for track in range(len(spans.get(channel, []))):
                at += self.metrics.track_gap + extents[channel, track]
                offsets[channel, track] = at
            channels.append((max(self.metrics.cross_gap, at + self.metrics.track_gap), 0.0))
        return [(chosen[n][0], offsets[chosen[n]]) for n in range(len(routed))], channels

    def _direct(self, graph: Dot, edge: _Edge, place: dict[str, tuple[int, int]]) -> None:
        """A straight edge: to the next column across the gap, or along a column to another lane."""
        (tail_lane, tail_column), (head_lane, _) = place[edge.tail], place[edge.head]
        if place[edge.head][1] != tail_column:
            ports = ("e", "w") if self.direction == "LR" else ("s", "n")
        else:
            down = head_lane > tail_lane
            ports = (
                (("s", "n") if down else ("n", "s"))
                if self.direction == "LR"
                else (("e", "w") if down else ("w", "e"))
            )
        attrs = {"tailport": ports[0], "headport": ports[1], **edge.attrs}
        if edge.lines:
            attrs["label"] = label(edge.lines)
        graph.edge(edge.tail, edge.head, **attrs)

    def _route(
        self,
        graph: Dot,
        n: int,
        edge: _Edge,
        place: dict[str, tuple[int, int]],
        track: tuple[int, float],
        channels: list[tuple[float, float]],
    ) -> None:
        """An edge down from its tail into a channel, along its track, and up into its head."""
        channel, offset = track
        along = channels[channel][1] + offset
        tail, head = self._boxes[edge.tail], self._boxes[edge.head]
        tail_side = tail[3] if place[edge.tail][0] <= channel else tail[1]
        head_side = head[1] if place[edge.head][0] > channel else head[3]
        tail_main = (tail[0] + tail[2]) / 2 - PORT_OFFSET
        head_main = (head[0] + head[2]) / 2 + PORT_OFFSET
        points = [(tail_main, tail_side), (tail_main, along), (head_main, along), (head_main, head_side)]
        self._polyline(graph, f"route/{n}", points, edge)

    def _beside(self, graph: Dot, n: int, edge: _Edge, along: float) -> None:
        """An edge between two cards of a column with cards between them: along the gap beside it."""
        tail, head = self._boxes[edge.tail], self._boxes[edge.head]
        tail_cross, head_cross = (tail[1] + tail[3]) / 2, (head[1] + head[3]) / 2
        points = [(tail[2], tail_cross), (along, tail_cross), (along, head_cross), (head[2], head_cross)]
        self._polyline(graph, f"route/{n}", points, edge)

    def _polyline(self, graph: Dot, name: str, points: list[tuple[float, float]], edge: _Edge) -> None:
        """An edge through invisible waypoints; its label on the middle segment, its arrow at the end."""
        names = [f"{name}/{k}" for k in range(len(points))]
        for waypoint, (main, cross) in zip(names, points, strict=True):
            x, y = self._xy(main, cross)
            graph.node(waypoint, pos=f"{x:.1f},{y:.1f}!", **style.ANCHOR)
        plain = {**{k: v for k, v in edge.attrs.items() if not k.startswith("arrow")}, "dir": "none"}
        graph.edge(names[0], names[1], **plain)
        middle = dict(plain)
        if edge.lines:
            middle["label"] = label(edge.lines)
        graph.edge(names[1], names[2], **middle)
        graph.edge(names[2], names[3], **edge.attrs)

    def _xy(self, main: float, cross: float) -> tuple[float, float]:
        return (main, -cross) if self.direction == "LR" else (cross, -main)

    def _column_sizes(self) -> list[float]:
        floor = self.metrics.card if self.direction == "LR" else 40.0
        sizes = [1.0 if c in self._narrow else floor for c in range(self.columns)]
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
        floor = 30.0
        if self.metrics.titled_lanes and lane.title and self.direction == "LR":
            floor = self._title(lane, 0.0).height
        gap = self.metrics.stack_gap
        return max([floor, *(sum(self._cross(c) for c in cs) + gap * (len(cs) - 1) for cs in stacks)])

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
            self._node(graph, self._title(lane, depth), -self._space / 2 - 10, cross + depth / 2)
        if self._bands and lane.key == self._lanes[0].key:
            for first, last, text, attrs, name in self._bands:
                span = starts[last] + sizes[last] - starts[first]
                card = text_card(
                    name,
                    text,
                    attrs,
                    span if self.direction == "LR" else depth,
                    **self.metrics.sized(self.metrics.band),
                )
                self._node(graph, card, starts[first] + span / 2, cross + depth / 2, extent=(span, depth))
        for column, cards in sorted(self._cells.get(lane.key, {}).items()):
            at = cross
            for card in cards:
                self._node(graph, card, starts[column] + sizes[column] / 2, at + self._cross(card) / 2)
                at += self._cross(card) + self.metrics.stack_gap
        for key, column, offset, card in self._pinned:
            if key == lane.key:
                self._node(graph, card, starts[column] + sizes[column] / 2, cross + depth / 2 + offset)

    def _title(self, lane: _Lane, depth: float) -> Card:
        """The card of a lane's title, beside the lane."""
        m = self.metrics
        size = self._space - 20 if self.direction == "LR" else max(depth, 60.0)
        return text_card(node("lane", lane.key), lane.title, style.LANE_LABEL, size, **m.sized(m.lane))

    def _separator(self, graph: Dot, before: str, cross: float, total: float) -> None:
        left, right = node("line-start", before), node("line-end", before)
        self._node(
            graph, Card(left, (), style.ANCHOR, width=1, min_height=1, padding=0), -self._space - 16, cross
        )
        self._node(graph, Card(right, (), style.ANCHOR, width=1, min_height=1, padding=0), total, cross)
        graph.edge(left, right, **style.SEPARATOR)
        text = self._lines[before]
        if not text or not self.metrics.line:
            return
        name = text_card(
            node("line-label", before),
            text,
            style.LINE_LABEL,
            width=self.metrics.label_space - 6,
            fontsize=self.metrics.line,
            padding=2,
        )
        self._node(
            graph,
            name,
            -self._space / 2 - 10
            if self.direction == "LR"
            else -self._space + 6,  # TB: above the lane titles
            cross - name.height / 2 - 2 if self.direction == "LR" else cross - name.width / 2 - 4,
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
        x, y = self._xy(main, cross)
        width, height = card.width, card.height
        if extent:
            width, height = extent if self.direction == "LR" else (extent[1], extent[0])
        half_main, half_cross = (width / 2, height / 2) if self.direction == "LR" else (height / 2, width / 2)
        self._boxes[card.node] = (main - half_main, cross - half_cross, main + half_main, cross + half_cross)
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


def _is_direct(tail: tuple[int, int], head: tuple[int, int]) -> bool:
    """Whether an edge between cards at (lane, column) runs straight: to the next column, or along one."""
    return head[1] == tail[1] + 1 or (head[1] == tail[1] and head[0] != tail[0])


def _is_blocked(tail: tuple[int, int], head: tuple[int, int], occupied: set[tuple[int, int]]) -> bool:
    """Whether an edge along a column would cross cards in the lanes between its ends."""
    low, high = sorted((tail[0], head[0]))
    return tail[1] == head[1] and any((lane, tail[1]) in occupied for lane in range(low + 1, high))


def _channel(tail_lane: int, head_lane: int) -> int:
    """The channel an edge runs along: under its tail's lane, or over it when the head is above."""
    return tail_lane if head_lane >= tail_lane else tail_lane - 1


def _span_length(edge: _Edge, place: dict[str, tuple[int, int]]) -> int:
    return abs(place[edge.head][1] - place[edge.tail][1])


def new_graph(title: str, direction: str) -> Dot:
    """A graph set up for pinned positions, with the view's title."""
    graph = Dot("journeymap")
    graph.attr(
        layout="neato",
        inputscale="72",
        splines="line",
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
