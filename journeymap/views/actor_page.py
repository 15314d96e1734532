"""The actor map drawn for a page: the rings as columns, every text at 14 pt.

Core, direct and indirect actors (and those not placed on a ring) stand in columns from left to
right, each under its ring's name; the actors that user profiles describe come first in their
column, marked with their profiles. Each relation is an arrow styled by its kind with a numbered
mark in the channel between two columns, and the key beside the map says what each number
stands for: the relation's label and kind. Graphviz routes the arrows around the cards and marks.

The drawing fits within :data:`WIDTH` by :data:`HEIGHT` points, so it needs no scaling down on a
slide, A4 or A3 page. What does not fit is left out by a clear rule: a column keeps the actors
that fit in the file's order (profiles' actors first) and names how many more there are; the key
keeps the relations that fit, and the arrows of the relations it leaves out are not drawn.
"""

from __future__ import annotations

import gettext
from collections.abc import Sequence

from attrs import frozen

from journeymap.model import Actor, Iteration, JourneyMap, Relation, Ring
from journeymap.views import style
from journeymap.views.actors import RING_NAMES
from journeymap.views.common import catalog, checked, iteration
from journeymap.views.dot import Dot
from journeymap.views.grid import new_graph
from journeymap.views.nodes import node
from journeymap.views.options import ViewOptions
from journeymap.views.text import label, wrap
from journeymap.vocabulary import term

FONT = 14.0  # every text on the page
LINE = FONT * 1.2  # a line of text
WIDTH = 815.0  # points: the drawing's width, within A4's 842 less Graphviz's pad
HEIGHT = 515.0  # points: its height with the title, within a slide's 540 less the pad
TITLE_FONT = 16.0
KEY_WIDTH = 230.0
KEY_GAP = 20.0  # between the map and the key
CHANNEL = 44.0  # between two columns, where the marks sit
MARK = 25.0  # a mark's diameter
MARK_GAP = 12.0  # between two marks in a channel
CARD_GAP = 14.0  # the least room between two cards in a column
PADDING = 12.0  # a card's height beyond its lines
HEADER = LINE + 12  # a column's ring name and the room under it
BAND_MARGIN = 6.0  # of a column's shaded band around its cards
_WIDTHS = {
    222: "ijl", 278: " ftI.,:;!/[]\\", 333: "r()-", 500: "cksvxyzJ", 556: "abdeghnopqu0123456789åL?",
    584: "+=<>", 611: "FTZø", 667: "ABEKPSVXYÅ", 722: "CDHNRUw", 778: "GOQØ", 833: "mM", 889: "æ",
    944: "W", 1000: "Æ",
}  # fmt: skip
_EM = {c: width / 1000 for width, letters in _WIDTHS.items() for c in letters}
"""Helvetica's widths (also Arial's and Arimo's) in ems; any other character counts as 0.6."""


def text_width(text: str, fontsize: float = FONT) -> float:
    """About the width of ``text`` in Helvetica (or Arial, Arimo) of this size, in points."""
    return sum(_EM.get(c, 0.6) for c in text) * fontsize


def fit(text: str, width: float, max_lines: int = 6) -> list[str]:
    """``text`` wrapped into lines no wider than ``width`` points at :data:`FONT`."""
    count = len(text)
    while count > 4:
        lines = wrap(text, count, max_lines)
        if all(text_width(line) <= width for line in lines):
            return lines
        count -= 1
    return wrap(text, count, max_lines)


@frozen
class _Card:
    node: str
    lines: tuple[str, ...]
    attrs: dict[str, str]

    @property
    def height(self) -> float:
        return len(self.lines) * LINE + PADDING


@frozen
class _Column:
    ring: Ring | None
    left: float
    width: float
    cards: tuple[_Card, ...]
    hidden: int  # actors of the ring left out for want of room

    @property
    def middle(self) -> float:
        return self.left + self.width / 2


def actors_page(journey_map: JourneyMap, options: ViewOptions) -> Dot:
    """The actor map of ``options.iteration`` (default: the current one) laid out for a page."""
    it = iteration(journey_map, options.iteration)
    checked(journey_map, it)
    tr = catalog(journey_map, options)
    title = options.title or tr.gettext("{map}: actors ({iteration})").format(
        map=journey_map.title, iteration=it.label
    )
    title_lines = wrap(title, int(WIDTH / (TITLE_FONT * 0.6)), 2)
    graph = new_graph("", "LR")
    graph.attr(label=label(title_lines), fontsize=f"{TITLE_FONT:g}", pad="0.1", splines="true", esep="+3")
    top = HEIGHT - len(title_lines) * TITLE_FONT * 1.25 - 8  # the top of the columns' headers
    columns = _columns(it, options, tr, top - HEADER)
    shown = {card.node: n for n, column in enumerate(columns) for card in column.cards}
    relations = [
        r for r in it.relations if node("actor", r.source) in shown and node("actor", r.target) in shown
    ]
    entries = _key(relations, tr, top, reserve=False)
    if len(entries) < len(it.relations):
        entries = _key(relations, tr, top, reserve=True)
    relations = relations[: len(entries)]
    places: dict[str, tuple[int, float]] = {}
    bands = []
    for n, column in enumerate(columns):
        left, right = column.left - BAND_MARGIN, column.left + column.width + BAND_MARGIN
        fill = style.ring(options.scheme, column.ring)
        bands.append(f"c 7 -#bbbbbb C 7 -{fill} P 4 {left:.1f} {BAND_MARGIN:.1f} {right:.1f} {BAND_MARGIN:.1f} "
                     f"{right:.1f} {top + BAND_MARGIN:.1f} {left:.1f} {top + BAND_MARGIN:.1f}")  # fmt: skip
        _text(graph, f"ring_{column.ring.value if column.ring else 'none'}_label",
              [tr.gettext(RING_NAMES[column.ring])], column.middle, top - HEADER / 2, column.width)  # fmt: skip
        for card, y in zip(column.cards, _spread(column, top - HEADER), strict=True):
            places[card.node] = (n, y)
            graph.node(card.node, label=label(card.lines), pos=f"{column.middle:.1f},{y:.1f}!",
                       width=f"{column.width / 72:.3f}", height=f"{card.height / 72:.3f}",
                       fontsize=f"{FONT:g}", **card.attrs)  # fmt: skip
        if column.hidden:
            more = tr.ngettext("and {count} more actor", "and {count} more actors", column.hidden)
            _text(graph, f"more_{n}", fit(more.format(count=column.hidden), column.width), column.middle,
                  BAND_MARGIN + LINE, column.width)  # fmt: skip
    graph.attr(_background=" ".join(bands))
    graph.node("frame_lower_left", pos="0,0!", **style.ANCHOR)  # output coordinates are these
    marks = _marks(relations, places, columns)
    for number, relation in enumerate(relations, 1):
        mark = node("relation", relation.id)
        graph.node(
            mark, **_mark(number, relation, options.scheme), pos="{:.1f},{:.1f}!".format(*marks[relation.id])
        )
        attrs = style.relation(options.scheme, relation.kind)
        graph.edge(node("actor", relation.source), mark, **{**attrs, "dir": _tail_dir(attrs)})
        graph.edge(mark, node("actor", relation.target), **{**attrs, "dir": "forward"})
    _draw_key(graph, entries, relations, tr, options.scheme, top)
    left_out = len(it.relations) - len(entries)
    if left_out:
        more = tr.ngettext("and {count} more relation", "and {count} more relations", left_out)
        _text(graph, "more_relations", fit(more.format(count=left_out), KEY_WIDTH), WIDTH - KEY_WIDTH / 2,
              BAND_MARGIN + LINE, KEY_WIDTH)  # fmt: skip
    return graph


def _columns(it: Iteration, options: ViewOptions, tr: gettext.NullTranslations, room: float) -> list[_Column]:
    """A column for each ring (and for actors on none, if any): its cards, profiles' actors first,
    as many as fit ``room`` points of height. The columns share the width evenly, but one is at
    least as wide as its longest word."""
    rings = [
        Ring.CORE,
        Ring.DIRECT,
        Ring.INDIRECT,
        *([None] if any(a.ring is None for a in it.actors) else []),
    ]
    profiles = [p for p in it.profiles if not options.profile or p.id == options.profile]
    described: dict[str, list[str]] = {}
    for profile in profiles:
        described.setdefault(profile.actor, []).append(
            tr.gettext("profile: {name}").format(name=profile.name)
        )
    members = {
        ring: sorted((a for a in it.actors if a.ring is ring), key=lambda a: a.id not in described)
        for ring in rings
    }
    texts = {  # what each column's longest word follows: a name's evidence symbol, or nothing
        ring: [(style.evidence_marked("", a), a.name) for a in members[ring]]
        + [("", line) for a in members[ring] for line in described.get(a.id, [])]
        + ([("", line) for line in described.get("", [])] if ring is rings[0] else [])
        for ring in rings
    }
    needed = [
        max(
            [
                0.0,
                *(text_width(mark) + text_width(word) for mark, text in texts[ring] for word in text.split()),
            ]
        )
        + 16
        for ring in rings
    ]
    room_wide = WIDTH - KEY_WIDTH - KEY_GAP - CHANNEL * (len(rings) - 1)
    wide = [need for need in needed if need > room_wide / len(rings)]  # columns wider than a share
    share = (room_wide - sum(wide)) / max(1, len(rings) - len(wide))
    columns, left = [], 0.0
    for ring, need in zip(rings, needed, strict=True):
        width = max(need, share)
        cards = [_actor_card(a, described.get(a.id, []), width, options.scheme) for a in members[ring]]
        if ring is rings[0]:  # profiles of no actor in particular come first in the first column
            cards[:0] = [
                _Card(
                    node("profile", p.id),
                    tuple(fit(tr.gettext("profile: {name}").format(name=p.name), width - 12)),
                    dict(style.PROFILE[options.scheme]),
                )
                for p in profiles
                if not p.actor
            ]
        kept = len(cards)
        while kept and sum(c.height + CARD_GAP for c in cards[:kept]) > room - (
            LINE * 2 if kept < len(cards) else 0
        ):
            kept -= 1
        columns.append(_Column(ring, left, width, tuple(cards[:kept]), len(cards) - kept))
        left += width + CHANNEL
    return columns


def _actor_card(actor: Actor, profiles: list[str], width: float, scheme: str) -> _Card:
    """An actor's card: its name after its evidence symbol, and the profiles that describe it."""
    mark = style.evidence_marked("", actor)  # the evidence symbol and a space, or nothing
    lines = fit(actor.name, width - 12 - text_width(mark), 4)
    lines[0] = mark + lines[0]
    lines += [line for name in profiles for line in fit(name, width - 12, 3)]
    attrs = (
        dict(style.PROFILE[scheme])
        if profiles
        else {"shape": "box", "style": "rounded,filled", "fillcolor": "#ffffff", "color": "#333333"}
    )
    return _Card(node("actor", actor.id), tuple(lines), attrs)


def _spread(column: _Column, top: float) -> list[float]:
    """The middles of a column's cards, spread evenly down from ``top`` with the rest below."""
    bottom = BAND_MARGIN + (LINE * 2 if column.hidden else 0)
    free = top - bottom - sum(c.height for c in column.cards)
    gap = min(free / (len(column.cards) + 1), 60.0) if column.cards else 0.0
    at = top - gap
    middles = []
    for card in column.cards:
        middles.append(at - card.height / 2)
        at -= card.height + gap
    return middles


def _marks(
    relations: Sequence[Relation], places: dict[str, tuple[int, float]], columns: Sequence[_Column]
) -> dict[str, tuple[float, float]]:
    """Where each relation's mark sits: in a channel between the columns of its ends (beside the
    column when both are in one), near the height between them, never on another mark."""
    taken: dict[int, list[float]] = {}
    result = {}
    for relation in relations:
        (c1, y1), (c2, y2) = places[node("actor", relation.source)], places[node("actor", relation.target)]
        a, b = sorted((c1, c2))
        channel = (a + b - 1) // 2 if a != b else (a if a < len(columns) - 1 else a - 1)
        wanted = (y1 + y2) / 2
        used = taken.setdefault(channel, [])
        y = min(
            (wanted + sign * step for step in range(0, 400, 2) for sign in (1, -1)),
            key=lambda c: (any(abs(c - u) < MARK + MARK_GAP for u in used), abs(c - wanted)),
        )
        used.append(y)
        result[relation.id] = (columns[channel].left + columns[channel].width + CHANNEL / 2, y)
    return result


def _key(
    relations: Sequence[Relation], tr: gettext.NullTranslations, top: float, reserve: bool
) -> list[tuple[list[str], float]]:
    """The key's entries: each relation's words in lines and the height of its middle, as many
    as fit under ``top`` (and above a line that says how many more there are, if ``reserve``)."""
    entries = []
    at = top - HEADER - 6
    for relation in relations:
        kind = tr.gettext(term(relation.kind))
        text = (
            tr.gettext("{label} ({kind})").format(label=relation.label, kind=kind) if relation.label else kind
        )
        lines = fit(text, KEY_WIDTH - MARK - 10, 3)
        tall = max(MARK, len(lines) * LINE)
        if at - tall < BAND_MARGIN + (LINE * 2 if reserve else 0):
            break
        entries.append((lines, at - tall / 2))
        at -= tall + 8
    return entries


def _draw_key(
    graph: Dot,
    entries: list[tuple[list[str], float]],
    relations: Sequence[Relation],
    tr: gettext.NullTranslations,
    scheme: str,
    top: float,
) -> None:
    """The key beside the map: under its heading, each mark with its relation's label and kind."""
    left = WIDTH - KEY_WIDTH
    _text(graph, "key", [tr.gettext("Relations")], left + KEY_WIDTH / 2, top - HEADER / 2, KEY_WIDTH)
    for number, ((lines, y), relation) in enumerate(zip(entries, relations, strict=True), 1):
        graph.node(f"key_{number}", **_mark(number, relation, scheme), pos=f"{left + MARK / 2:.1f},{y:.1f}!")
        width = KEY_WIDTH - MARK - 10
        graph.node(f"key_{number}_words", label=label(lines, "left"), shape="plaintext", fontsize=f"{FONT:g}",
                   width=f"{width / 72:.3f}", height=f"{len(lines) * LINE / 72:.3f}",
                   pos=f"{left + MARK + 10 + width / 2:.1f},{y:.1f}!")  # fmt: skip


def _mark(number: int, relation: Relation, scheme: str) -> dict[str, str]:
    colour = style.relation(scheme, relation.kind).get("color", "#333333")
    return {"label": str(number), "shape": "box", "fixedsize": "true", "width": f"{MARK / 72:.3f}",
            "height": f"{MARK / 72:.3f}", "fontsize": f"{FONT:g}", "style": "rounded,filled", "fillcolor": "#ffffff",
            "color": colour, "penwidth": "1.6"}  # fmt: skip


def _tail_dir(attrs: dict[str, str]) -> str:
    """The first half of an arrow shows only a tail's arrowhead (an agreement's diamond)."""
    return "back" if attrs.get("dir") == "both" else "none"


def _text(graph: Dot, name: str, lines: list[str], x: float, y: float, width: float) -> None:
    graph.node(name, label=label(lines), shape="plaintext", fontsize=f"{FONT:g}", fontcolor="#333333",
               width=f"{width / 72:.3f}", height=f"{len(lines) * LINE / 72:.3f}",
               pos=f"{x:.1f},{y:.1f}!")  # fmt: skip
