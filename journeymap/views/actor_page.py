"""The actor map drawn for a page: the rings as columns, every text at 14 pt.

Core, direct and indirect actors (and those not placed on a ring) stand in columns from left to
right, each under its ring's name; the actors that user profiles describe are marked with their
profiles. Each relation is an arrow styled by its kind with a numbered mark in the channel
between two columns, and the key beside the map says what each number stands for: the
relation's label and kind. The cards in a column are ordered by the heights of the cards they
relate to, so arrows run short; Graphviz routes them around the cards and marks.

The drawing is as wide as the page it is drawn for (less Graphviz's pad) and at most as high,
so it needs no scaling down, and no taller than its tallest column or key, so a small map is
shown larger. The columns share the width the key leaves; a word too long for its column is
broken between syllables of the map's language. What does not fit is left out by a clear rule: a column keeps the actors that fit in the
file's order (profiles' actors first, then profiles of no actor in particular) and says how many
more actors and profiles there are; the key keeps the relations that fit, says how many more
there are, and their arrows are not drawn. An iteration without actors is one line that says so.
"""

from __future__ import annotations

import gettext
from collections.abc import Sequence

from attrs import evolve, frozen

from journeymap.model import Actor, Iteration, JourneyMap, Relation, Ring
from journeymap.views import style
from journeymap.views.actors import RING_NAMES
from journeymap.views.common import catalog, checked, iteration
from journeymap.views.dot import Dot
from journeymap.views.grid import new_graph
from journeymap.views.measure import PAD, TITLE_FONT, fit, text_width, title_depth
from journeymap.views.nodes import node
from journeymap.views.options import ViewOptions
from journeymap.views.text import label, wrap
from journeymap.vocabulary import term

FONT = 14.0  # every text on the page
LINE = FONT * 1.2  # a line of text
SLACK = 10.0  # points of the page's room left for Graphviz's rounding
KEY_WIDTH = 230.0
KEY_GAP = 20.0  # between the map and the key
CHANNEL = 44.0  # between two columns, where the marks sit
NARROWEST = 60.0  # a column's least width
MARK = 25.0  # a mark's width and height
MARK_GAP = 12.0  # between two marks in a channel
CARD_GAP = 22.0  # the least room between two cards in a column, for the arrows between them
PADDING = 12.0  # a card's height beyond its lines
HEADER = LINE + 12  # a column's ring name in one line and the room under it
BAND_MARGIN = 6.0  # of a column's shaded band around its cards
KEY_PITCH = 8.0  # between two entries of the key


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
    more: tuple[str, ...]  # the lines that say how many actors and profiles are left out

    @property
    def middle(self) -> float:
        return self.left + self.width / 2

    @property
    def depth(self) -> float:
        """The height its cards need, with the line that says how many more there are."""
        return _depth(self.cards, self.more)


@frozen
class _Entry:
    relation: Relation
    lines: tuple[str, ...]
    middle: float  # below the top of the key's first entry

    @property
    def bottom(self) -> float:
        return self.middle + max(MARK, len(self.lines) * LINE) / 2


def actors_page(journey_map: JourneyMap, options: ViewOptions, page: tuple[float, float]) -> Dot:
    """The actor map of ``options.iteration`` (default: the current one) laid out for a page (or
    a room on a slide) ``page`` inches wide and high."""
    it = iteration(journey_map, options.iteration)
    checked(journey_map, it)
    tr = catalog(journey_map, options)
    width, height = (inches * 72 - 2 * PAD * 72 - SLACK for inches in page)
    language = journey_map.language.value  # of the names and labels people wrote
    title = options.title or tr.gettext("{map}: actors ({iteration})").format(
        map=journey_map.title, iteration=it.label
    )
    title_lines = wrap(title, int(width / (TITLE_FONT * 0.6)), 2)
    graph = new_graph("", "LR")
    graph.attr(
        label=label(title_lines), fontsize=f"{TITLE_FONT:g}", pad=f"{PAD:g}", splines="true", esep="+3"
    )
    if not it.actors:
        _text(graph, "no_actors", [tr.gettext("No actors in this iteration yet.")], width / 2, LINE, width)
        return graph
    room = height - title_depth(len(title_lines)) - HEADER - BAND_MARGIN  # for the cards
    columns = _columns(it, options, tr, width, room, language)
    headers = [fit(tr.gettext(RING_NAMES[column.ring]), column.width - 4, FONT, 2) for column in columns]
    header = max(len(lines) for lines in headers) * LINE + 12  # the ring names and the room under them
    if header > HEADER:  # a ring's name in two lines leaves less room for the cards
        columns = _columns(it, options, tr, width, room - header + HEADER, language)
    shown = {card.node: n for n, column in enumerate(columns) for card in column.cards}
    drawn = [r for r in it.relations if node("actor", r.source) in shown and node("actor", r.target) in shown]
    entries = _key(drawn, tr, room, language, reserve=False)
    if len(entries) < len(it.relations):
        entries = _key(drawn, tr, room, language, reserve=True)
    evidence = _packed(style.evidence_legend(tr, it), KEY_WIDTH)
    key_depth = entries[-1].bottom if entries else 0.0
    if len(entries) < len(it.relations) or key_depth + KEY_PITCH + len(evidence) * LINE > room:
        evidence = []
    left_out = len(it.relations) - len(entries)
    key = key_depth + KEY_PITCH + len(evidence) * LINE + (LINE * 2 if left_out else 0)
    depth = max(CARD_GAP * 2, key, *(c.depth for c in columns))
    top = BAND_MARGIN + depth  # the top of the cards; the columns' headers are above it
    columns = _ordered(columns, [e.relation for e in entries], top, depth)
    places = _draw_columns(graph, columns, headers, header, top, depth, options.scheme)
    # the frame's corners: the lower left one makes Graphviz's output coordinates these ones
    graph.node("frame_lower_left", pos="0,0!", **style.ANCHOR)
    key_left = (
        columns[-1].left + columns[-1].width + BAND_MARGIN + KEY_GAP - 1
    )  # the room's width less the key's
    graph.node("frame_upper_right", pos=f"{key_left + KEY_WIDTH:.1f},{top + header + 2:.1f}!", **style.ANCHOR)
    marks = _marks([e.relation for e in entries], places, columns)
    for number, entry in enumerate(entries, 1):
        relation = entry.relation
        mark = node("relation", relation.id)
        x, y = marks[relation.id]
        graph.node(mark, **_mark(number, relation, options.scheme), pos=f"{x:.1f},{y:.1f}!")
        attrs = style.relation(options.scheme, relation.kind)
        graph.edge(node("actor", relation.source), mark, **{**attrs, "dir": _tail_dir(attrs)})
        graph.edge(mark, node("actor", relation.target), **{**attrs, "dir": "forward"})
    _draw_key(graph, key_left, entries, evidence, left_out, (top, header), tr, options.scheme)
    return graph


def _draw_columns(
    graph: Dot,
    columns: Sequence[_Column],
    headers: Sequence[list[str]],
    header: float,
    top: float,
    depth: float,
    scheme: str,
) -> dict[str, tuple[int, float]]:
    """Each column's band behind it, its ring's name, its cards and how many more there are;
    returns each card's column and height."""
    places: dict[str, tuple[int, float]] = {}
    bands = []
    for n, column in enumerate(columns):
        left, right = column.left - BAND_MARGIN, column.left + column.width + BAND_MARGIN
        fill = style.ring(scheme, column.ring)
        bands.append(f"c 7 -#bbbbbb C 7 -{fill} P 4 {left:.1f} {BAND_MARGIN:.1f} {right:.1f} {BAND_MARGIN:.1f} "
                     f"{right:.1f} {top + header:.1f} {left:.1f} {top + header:.1f}")  # fmt: skip
        _text(graph, f"ring_{column.ring.value if column.ring else 'none'}_label",
              headers[n], column.middle, top + header / 2, column.width)  # fmt: skip
        for card, y in zip(column.cards, _spread(column, top, depth), strict=True):
            places[card.node] = (n, y)
            graph.node(card.node, label=label(card.lines), pos=f"{column.middle:.1f},{y:.1f}!",
                       width=f"{column.width / 72:.3f}", height=f"{card.height / 72:.3f}",
                       fontsize=f"{FONT:g}", **card.attrs)  # fmt: skip
        if column.more:
            _text(graph, f"more_{n}", list(column.more), column.middle,
                  BAND_MARGIN + (len(column.more) + 1) * LINE / 2, column.width)  # fmt: skip
    graph.attr(_background=" ".join(bands))
    return places


def _draw_key(
    graph: Dot,
    left: float,
    entries: Sequence[_Entry],
    evidence: list[str],
    left_out: int,
    heights: tuple[float, float],
    tr: gettext.NullTranslations,
    scheme: str,
) -> None:
    """The key beside the map from ``left``: each mark with its relation's label and kind, the
    evidence symbols explained, and how many relations are left out (``heights``: the top of the
    cards and the height of the columns' header above it)."""
    top, header = heights
    if entries or left_out:
        _text(
            graph,
            "key",
            [tr.gettext("Relations")],
            left + KEY_WIDTH / 2,
            top + header - LINE / 2 - 6,
            KEY_WIDTH,
        )
    for number, entry in enumerate(entries, 1):
        y = top - entry.middle
        graph.node(f"key_{number}", **_mark(number, entry.relation, scheme),
                   pos=f"{left + MARK / 2:.1f},{y:.1f}!")  # fmt: skip
        width = KEY_WIDTH - MARK - 10
        _text(graph, f"key_{number}_words", list(entry.lines), left + MARK + 10 + width / 2, y, width, "left")
    if evidence:
        y = top - (entries[-1].bottom if entries else 0.0) - KEY_PITCH - len(evidence) * LINE / 2
        _text(graph, "key_evidence", evidence, left + KEY_WIDTH / 2, y, KEY_WIDTH, "left")
    if left_out:
        more = tr.ngettext("and {count} more relation", "and {count} more relations", left_out)
        _text(graph, "more_relations", fit(more.format(count=left_out), KEY_WIDTH, FONT), left + KEY_WIDTH / 2,
              BAND_MARGIN + LINE, KEY_WIDTH)  # fmt: skip


def _columns(
    it: Iteration,
    options: ViewOptions,
    tr: gettext.NullTranslations,
    width: float,
    room: float,
    language: str,
) -> list[_Column]:
    """A column for each ring (and for actors on none, if any) in a drawing ``width`` points wide:
    its cards, the ring's actors first (profiles' actors first among them) and in the first column
    then the profiles of no actor in particular, as many as fit ``room`` points of height; long
    words broken between syllables of the map's ``language``."""
    rings = [
        Ring.CORE,
        Ring.DIRECT,
        Ring.INDIRECT,
        *([None] if any(a.ring is None for a in it.actors) else []),
    ]
    profiles = [p for p in it.profiles if not options.profile or p.id == options.profile]
    described: dict[str, list[str]] = {}  # actor id ("" for none) -> the lines naming its profiles
    for profile in profiles:
        described.setdefault(profile.actor, []).append(
            tr.gettext("profile: {name}").format(name=profile.name)
        )
    members = {
        ring: sorted((a for a in it.actors if a.ring is ring), key=lambda a: a.id not in described)
        for ring in rings
    }
    needed = []  # the width of each column's longest word, after an evidence symbol where it has one
    for ring in rings:
        words = [(style.evidence_marked("", a), word) for a in members[ring] for word in a.name.split()]
        words += [
            ("", word) for a in members[ring] for line in described.get(a.id, []) for word in line.split()
        ]
        words += (
            [("", word) for line in described.get("", []) for word in line.split()]
            if ring is rings[0]
            else []
        )
        words += [("", word) for word in tr.gettext(RING_NAMES[ring]).split()]
        needed.append(max(text_width(mark + word, FONT) for mark, word in words) + 16)
    room_wide = max(  # in a room too small for them, the columns are drawn wider and scaled down
        NARROWEST * len(rings), width - KEY_WIDTH - KEY_GAP - CHANNEL * (len(rings) - 1) - 2 * BAND_MARGIN
    )
    columns, left = [], BAND_MARGIN + 1
    for ring, wide in zip(rings, _shares(needed, room_wide), strict=True):
        cards = [
            (_actor_card(a, described.get(a.id, []), wide, options.scheme, language), True)
            for a in members[ring]
        ]
        if ring is rings[0]:
            cards += [
                (_Card(node("profile", p.id), tuple(fit(line, wide - 12, FONT, 6, language)), dict(style.PROFILE[options.scheme])), False)
                for p, line in zip([p for p in profiles if not p.actor], described.get("", []), strict=True)
            ]  # fmt: skip
        kept = len(cards)
        while kept and _depth([c for c, _ in cards[:kept]], _more(cards[kept:], wide, tr)) > room:
            kept -= 1
        shown = tuple(card for card, _ in cards[:kept])
        columns.append(_Column(ring, left, wide, shown, _more(cards[kept:], wide, tr)))
        left += wide + CHANNEL
    return columns


def _shares(needed: Sequence[float], room: float) -> list[float]:
    """The columns' widths, adding up to ``room``: where all fit, each as wide as it ``needed``
    and the narrower ones widened alike to fill the room; where they do not, the wider ones cut
    alike to one width (their long words are then broken)."""
    fits = sum(needed) <= room
    ranked = sorted(needed, reverse=fits)  # the ones kept as they are first
    level = room
    for k, need in enumerate(ranked):
        level = (room - sum(ranked[:k])) / (len(ranked) - k)
        if (need <= level) == fits:
            break
    return [max(need, level) if fits else min(need, level) for need in needed]


def _more(
    hidden: Sequence[tuple[_Card, bool]], width: float, tr: gettext.NullTranslations
) -> tuple[str, ...]:
    """The lines that say how many actors (cards marked true) and profiles are left out."""
    actors = sum(is_actor for _, is_actor in hidden)
    profiles = len(hidden) - actors
    texts = [
        *([tr.ngettext("and {count} more actor", "and {count} more actors", actors).format(count=actors)] if actors else []),
        *([tr.ngettext("and {count} more profile", "and {count} more profiles", profiles).format(count=profiles)] if profiles else []),
    ]  # fmt: skip
    return tuple(line for text in texts for line in fit(text, width, FONT, 3))


def _depth(cards: Sequence[_Card], more: Sequence[str]) -> float:
    """The height these cards need in a column, with the ``more`` lines below them."""
    return (
        sum(card.height for card in cards)
        + CARD_GAP * (len(cards) + 1)
        + ((len(more) + 1) * LINE if more else 0)
    )


def _packed(items: Sequence[str], width: float) -> list[str]:
    """The items in as few lines as fit ``width`` points, none split across two lines."""
    lines: list[str] = []
    for item in items:
        if lines and text_width(f"{lines[-1]}  {item}", FONT) <= width:
            lines[-1] += f"  {item}"
        else:
            lines.append(item)
    return lines


def _actor_card(actor: Actor, profiles: list[str], width: float, scheme: str, language: str) -> _Card:
    """An actor's card: its name after its evidence symbol, and the profiles that describe it
    (long words broken between syllables of ``language``)."""
    mark = style.evidence_marked("", actor)  # the evidence symbol and a space, or nothing
    lines = fit(actor.name, width - 12 - text_width(mark, FONT), FONT, 4, language)
    lines[0] = mark + lines[0]
    lines += [line for name in profiles for line in fit(name, width - 12, FONT, 3, language)]
    attrs = (
        dict(style.PROFILE[scheme])
        if profiles
        else {"shape": "box", "style": "rounded,filled", "fillcolor": "#ffffff", "color": "#333333"}
    )
    return _Card(node("actor", actor.id), tuple(lines), attrs)


def _ordered(
    columns: list[_Column], relations: Sequence[Relation], top: float, depth: float
) -> list[_Column]:
    """The columns with each one's cards in the order of the mean heights of the cards they relate
    to in other columns (a card without any keeps its place), column by column there and back, so
    that relations run short and cross less."""
    others: dict[str, list[str]] = {}
    for r in relations:
        ends = node("actor", r.source), node("actor", r.target)
        for a, b in (ends, ends[::-1]):
            others.setdefault(a, []).append(b)
    for n in [*range(len(columns)), *reversed(range(len(columns)))]:
        heights = {
            card.node: y
            for column in columns
            for card, y in zip(column.cards, _spread(column, top, depth), strict=True)
        }
        mine = {card.node for card in columns[n].cards}  # relations within the column do not count
        wanted = {
            card.node: sum(ys) / len(ys)
            if (ys := [heights[o] for o in others.get(card.node, []) if o not in mine])
            else heights[card.node]
            for card in columns[n].cards
        }
        columns[n] = evolve(columns[n], cards=tuple(sorted(columns[n].cards, key=lambda c: -wanted[c.node])))
    return columns


def _spread(column: _Column, top: float, depth: float) -> list[float]:
    """The middles of a column's cards, spread evenly over ``depth`` points down from ``top``."""
    free = depth - ((len(column.more) + 1) * LINE if column.more else 0) - sum(c.height for c in column.cards)
    gap = free / (len(column.cards) + 1)
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
    column when both are in one, on the side with fewer marks), near the height between them,
    never on another mark. Relations that skip a column choose last."""
    taken: dict[int, list[float]] = {n: [] for n in range(len(columns) - 1)}
    ends = {r.id: (places[node("actor", r.source)], places[node("actor", r.target)]) for r in relations}

    def skips(r: Relation) -> bool:
        (c1, _), (c2, _) = ends[r.id]
        return abs(c1 - c2) > 1

    result = {}
    for relation in sorted(relations, key=skips):
        (c1, y1), (c2, y2) = ends[relation.id]
        a, b = sorted((c1, c2))
        sides = [c for c in (a - 1, a) if c in taken] if a == b else [(a + b - 1) // 2]
        channel = min(sides, key=lambda c: len(taken[c]))
        wanted = (y1 + y2) / 2
        used = taken[channel]
        y = min(
            (wanted + sign * step for step in range(0, 400, 2) for sign in (1, -1)),
            key=lambda c: (any(abs(c - u) < MARK + MARK_GAP for u in used), abs(c - wanted)),
        )
        used.append(y)
        result[relation.id] = (columns[channel].left + columns[channel].width + CHANNEL / 2, y)
    return result


def _key(
    relations: Sequence[Relation], tr: gettext.NullTranslations, room: float, language: str, reserve: bool
) -> list[_Entry]:
    """The key's entries, each relation's label and kind in lines (long words broken between
    syllables of ``language``), as many as fit ``room`` points of height (and a line below them
    that says how many more there are, if ``reserve``)."""
    entries = []
    at = 6.0
    for relation in relations:
        kind = tr.gettext(term(relation.kind))
        text = (
            tr.gettext("{label} ({kind})").format(label=relation.label, kind=kind) if relation.label else kind
        )
        lines = fit(text, KEY_WIDTH - MARK - 10, FONT, 3, language)
        tall = max(MARK, len(lines) * LINE)
        if at + tall > room - (LINE * 2 if reserve else 0):
            break
        entries.append(_Entry(relation, tuple(lines), at + tall / 2))
        at += tall + KEY_PITCH
    return entries


def _mark(number: int, relation: Relation, scheme: str) -> dict[str, str]:
    """A relation's numbered mark, framed in its kind's colour."""
    colour = style.relation(scheme, relation.kind).get("color", "#333333")
    return {"label": str(number), "shape": "box", "fixedsize": "true", "width": f"{MARK / 72:.3f}",
            "height": f"{MARK / 72:.3f}", "fontsize": f"{FONT:g}", "style": "rounded,filled", "fillcolor": "#ffffff",
            "color": colour, "penwidth": "1.6"}  # fmt: skip


def _tail_dir(attrs: dict[str, str]) -> str:
    """The first half of an arrow shows only a tail's arrowhead (an agreement's diamond)."""
    return "back" if attrs.get("dir") == "both" else "none"


def _text(
    graph: Dot, name: str, lines: list[str], x: float, y: float, width: float, align: str = "center"
) -> None:
    graph.node(name, label=label(lines, align), shape="plaintext", fontsize=f"{FONT:g}", fontcolor="#333333",
               width=f"{width / 72:.3f}", height=f"{len(lines) * LINE / 72:.3f}",
               pos=f"{x:.1f},{y:.1f}!")  # fmt: skip
