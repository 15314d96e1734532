"""The actors view: the actor map as concentric rings around the user profiles.

Core, direct and indirect actors sit in rings of their own (actors without a ring in an outer
"not placed" band), relations are arrows styled by what flows, with a legend.

The rings are drawn behind the graph (``_background``), not as nodes, so Graphviz's router
(``splines=true``) can take every relation around the cards that are not its ends; two
invisible corner anchors fix the drawing's frame, so the rings stay centred on the cards.
"""

from __future__ import annotations

import gettext
import math

from journeymap.i18n import N_
from journeymap.model import Actor, JourneyMap, Profile, RelationKind, Ring
from journeymap.views import style
from journeymap.views.common import catalog, checked, iteration
from journeymap.views.dot import Dot
from journeymap.views.grid import Card, new_graph, text_card
from journeymap.views.nodes import node
from journeymap.views.options import ViewOptions
from journeymap.views.text import label, wrap
from journeymap.vocabulary import term

ACTOR_WIDTH = 120.0
RING_NAMES: dict[Ring | None, str] = {
    Ring.CORE: N_("Core"),
    Ring.DIRECT: N_("Direct"),
    Ring.INDIRECT: N_("Indirect"),
    None: N_("Not placed on a ring"),
}
BAND = 150.0  # depth of a ring band
RING_TURN = 2.4  # radians each ring starts further round, so rings of few actors do not line up
CENTRE_GAP = 14.0  # between the cards stacked in the centre
FRAME = 20.0  # from the outer ring to the drawing's lower left corner
LEGEND_WIDTH = 230.0


def actors(journey_map: JourneyMap, options: ViewOptions) -> Dot:
    """The actor map of ``options.iteration`` (default: the current one)."""
    it = iteration(journey_map, options.iteration)
    checked(journey_map, it)
    tr = catalog(journey_map, options)
    title = tr.gettext("{map}: actors ({iteration})").format(map=journey_map.title, iteration=it.label)
    graph = new_graph(options.title or title, "LR")
    graph.attr(splines="true", outputorder="nodesfirst", esep="+6")
    profiles = [p for p in it.profiles if not options.profile or p.id == options.profile]
    centre_cards = _centre(it.actors, profiles, tr)
    if not centre_cards:
        centre_cards = [text_card("service", journey_map.title, {}, width=110)]
    stack = sum(card.height for card in centre_cards) + CENTRE_GAP * (len(centre_cards) - 1)
    centre = max(70.0, stack / 2 + 30, max(card.width for card in centre_cards) / 2 + 20)
    in_centre = {card.node for card in centre_cards}
    bands = _bands(tuple(a for a in it.actors if node("actor", a.id) not in in_centre), centre)
    outer = max((o for _, o, _ in bands.values()), default=centre)
    _frame(graph, outer, graph.graph_attrs["label"], options)
    rings = []
    for ring, (_, radius, _) in reversed(bands.items()):
        fill = style.ring(options.scheme, ring)
        rings.append(
            f"c 7 -#bbbbbb C 7 -{fill} E {outer + FRAME:.1f} {outer + FRAME:.1f} {radius:.1f} {radius:.1f}"
        )
        name = text_card(f"ring_{ring.value if ring else 'none'}_label", tr.gettext(RING_NAMES[ring]), {"shape": "plaintext"},
                         width=140, fontsize=10, padding=4)  # fmt: skip
        _place(graph, name, 0, radius - 14, fontcolor="#555555")
    graph.attr(_background=" ".join(rings))
    top = stack / 2
    for card in centre_cards:
        _place(graph, card, 0, top - card.height / 2, **style.PROFILE[options.scheme])
        top -= card.height + CENTRE_GAP
    for band, (inner, outer_radius, members) in enumerate(bands.values()):
        middle = (inner + outer_radius) / 2
        for k, actor in enumerate(members):
            angle = math.pi / 2 + 2 * math.pi * (k + 0.5) / len(members) + band * RING_TURN
            lines = [
                style.evidence_marked(actor.name, actor),
                *([f"({actor.organisation})"] if actor.organisation else []),
            ]
            card = text_card(node("actor", actor.id), lines, {}, width=ACTOR_WIDTH, fontsize=9)
            attrs = {"shape": "box", "style": "rounded,filled", "fillcolor": "#ffffff", "color": "#333333"}
            _place(graph, card, middle * math.cos(angle), middle * math.sin(angle), **attrs)
    for relation in it.relations:
        text = relation.label or tr.gettext(term(relation.kind))
        graph.edge(node("actor", relation.source), node("actor", relation.target), label=label(wrap(text, 18, 2)),
                   fontsize="9", **style.relation(options.scheme, relation.kind))  # fmt: skip
    if options.legend:
        evidence = style.evidence_legend(tr, it)
        _legend(graph, options, outer + 60, outer - 20, {r.kind for r in it.relations}, tr, evidence)
    return graph


def _frame(graph: Dot, outer: float, title: str, options: ViewOptions) -> None:
    """Invisible anchors at the frame's corners: the lower left one puts the rings' centre at
    ``(outer + FRAME, outer + FRAME)`` in Graphviz's output, where the background is drawn.
    """
    right = outer + (LEGEND_WIDTH if options.legend else FRAME)
    half_title = max(len(line) for line in title.split("\\n")) * 18 * 0.62 / 2
    middle = (right - outer - FRAME) / 2
    if middle - half_title < -outer - FRAME:  # a title wider than the map would widen the frame
        right = max(right, 2 * half_title - outer - FRAME)
    corners = {
        "frame_lower_left": (-outer - FRAME, -outer - FRAME),
        "frame_upper_right": (right, outer + FRAME),
    }
    for name, (x, y) in corners.items():
        graph.node(
            name, pos=f"{x:.1f},{y:.1f}!", shape="point", style="invis", width="0", height="0", label=""
        )


def _centre(
    all_actors: tuple[Actor, ...], profiles: list[Profile], tr: gettext.NullTranslations
) -> list[Card]:
    """The centre: each actor that user profiles describe, named with its profiles; other profiles alone."""
    names = {a.id: a.name for a in all_actors}
    cards: dict[str, list[str]] = {}
    for profile in profiles:
        card = node("actor", profile.actor) if profile.actor else node("profile", profile.id)
        cards.setdefault(card, [names[profile.actor]] if profile.actor else []).append(
            tr.gettext("profile: {name}").format(name=profile.name)
        )
    return [text_card(card, lines, {}, width=130) for card, lines in cards.items()]


def _bands(
    all_actors: tuple[Actor, ...], centre: float
) -> dict[Ring | None, tuple[float, float, list[Actor]]]:
    """For each used ring, from the inside out: inner radius, outer radius, its actors."""
    result: dict[Ring | None, tuple[float, float, list[Actor]]] = {}
    inner = centre
    for ring in (Ring.CORE, Ring.DIRECT, Ring.INDIRECT, None):
        members = [a for a in all_actors if a.ring is ring]
        if not members and ring is None:
            continue
        needed = len(members) * (ACTOR_WIDTH + 20) / (2 * math.pi)
        middle = max(inner + BAND / 2, needed)
        outer = middle + BAND / 2
        result[ring] = (inner, outer, members)
        inner = outer
    return result


def _place(graph: Dot, card: Card, x: float, y: float, **attrs: str) -> None:
    graph.node(card.node, label=label(card.lines, card.align), pos=f"{x:.1f},{y:.1f}!", width=f"{card.width / 72:.3f}",
               height=f"{card.height / 72:.3f}", fontsize=f"{card.fontsize:g}", **{**card.attrs, **attrs})  # fmt: skip


def _legend(
    graph: Dot,
    options: ViewOptions,
    x: float,
    top: float,
    used: set[RelationKind],
    tr: gettext.NullTranslations,
    evidence: tuple[str, ...],
) -> None:
    heading = text_card(
        "legend", tr.gettext("Relations"), {"shape": "plaintext"}, width=120, fontsize=11, padding=2
    )
    _place(graph, heading, x + 60, top, shape="plaintext")
    kinds = [k for k in RelationKind if k in used] or list(RelationKind)
    for n, kind in enumerate(kinds):
        y = top - 32 * (n + 1)
        start, end = f"legend_{kind.value}_from", f"legend_{kind.value}_to"
        for anchor, at in ((start, x), (end, x + 50)):
            graph.node(anchor, pos=f"{at:.1f},{y:.1f}!", **style.ANCHOR)
        graph.edge(start, end, **style.relation(options.scheme, kind))
        name = text_card(
            f"legend_{kind.value}",
            tr.gettext(term(kind)),
            {"shape": "plaintext"},
            width=90,
            fontsize=9,
            padding=2,
        )
        _place(graph, name, x + 115, y, shape="plaintext")
    if evidence:
        card = Card("legend_evidence", evidence, {"shape": "plaintext"}, width=120, fontsize=9, align="left")
        _place(graph, card, x + 60, top - 32 * (len(kinds) + 1) - card.height / 2, shape="plaintext")
