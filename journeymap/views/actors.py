"""The actors view: the actor map as concentric rings around the user profiles.

Core, direct and indirect actors sit in rings of their own (actors without a ring in an outer
"not placed" band), relations are straight arrows styled by what flows, with a legend.
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


def actors(journey_map: JourneyMap, options: ViewOptions) -> Dot:
    """The actor map of ``options.iteration`` (default: the current one)."""
    it = iteration(journey_map, options.iteration)
    checked(journey_map, it)
    tr = catalog(journey_map, options)
    title = tr.gettext("{map}: actors ({iteration})").format(map=journey_map.title, iteration=it.label)
    graph = new_graph(options.title or title, "LR")
    graph.attr(splines="curved", outputorder="nodesfirst")
    profiles = [p for p in it.profiles if not options.profile or p.id == options.profile]
    centre_cards = _centre(it.actors, profiles, tr)
    if not centre_cards:
        centre_cards = [text_card("service", journey_map.title, {}, width=110)]
    centre = max(70.0, len(centre_cards) * 130 / (2 * math.pi) + 60)
    in_centre = {card.node for card in centre_cards}
    bands = _bands(tuple(a for a in it.actors if node("actor", a.id) not in in_centre), centre)
    for ring, (_, outer, _) in reversed(bands.items()):
        fill = style.ring(options.scheme, ring)
        size = f"{2 * outer / 72:.3f}"
        graph.node(f"ring_{ring.value if ring else 'none'}", label="", shape="circle", style="filled",
                   fillcolor=fill, color="#bbbbbb", width=size, height=size, pos="0,0!")  # fmt: skip
        name = text_card(f"ring_{ring.value if ring else 'none'}_label", tr.gettext(RING_NAMES[ring]), {"shape": "plaintext"},
                         width=140, fontsize=10, padding=4)  # fmt: skip
        _place(graph, name, 0, outer - 14, fontcolor="#555555")
    for k, card in enumerate(centre_cards):
        angle = math.pi / 2 + 2 * math.pi * k / len(centre_cards)
        r = 0 if len(centre_cards) == 1 else centre - 60
        _place(graph, card, r * math.cos(angle), r * math.sin(angle), **style.PROFILE[options.scheme])
    for inner, outer, members in bands.values():
        middle = (inner + outer) / 2
        for k, actor in enumerate(members):
            angle = math.pi / 2 + 2 * math.pi * (k + 0.5) / len(members)
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
                   fontsize="8", **style.relation(options.scheme, relation.kind))  # fmt: skip
    if options.legend:
        outer = max((o for _, o, _ in bands.values()), default=centre)
        evidence = style.evidence_legend(tr, it)
        _legend(graph, options, outer + 60, outer - 20, {r.kind for r in it.relations}, tr, evidence)
    return graph


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
    heading = text_card("legend", tr.gettext("Relations"), {"shape": "plaintext"}, width=120, fontsize=11)
    _place(graph, heading, x + 60, top, shape="plaintext")
    kinds = [k for k in RelationKind if k in used] or list(RelationKind)
    for n, kind in enumerate(kinds):
        y = top - 28 * (n + 1)
        start, end = f"legend_{kind.value}_from", f"legend_{kind.value}_to"
        for anchor, at in ((start, x), (end, x + 50)):
            graph.node(anchor, pos=f"{at:.1f},{y:.1f}!", **style.ANCHOR)
        graph.edge(start, end, **style.relation(options.scheme, kind))
        name = text_card(
            f"legend_{kind.value}", tr.gettext(term(kind)), {"shape": "plaintext"}, width=90, fontsize=9
        )
        _place(graph, name, x + 105, y, shape="plaintext")
    if evidence:
        card = Card("legend_evidence", evidence, {"shape": "plaintext"}, width=120, fontsize=9, align="left")
        _place(graph, card, x + 60, top - 28 * (len(kinds) + 1) - card.height / 2, shape="plaintext")
