"""The actor map on a page: what a designer reads from it, in the map's language or another.

Who is in the core, direct and indirect ring, which profiles the service is for, and each
relation: its mark between its two actors and, in the key, its label and kind.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from attrs import evolve
from conftest import EXAMPLES
from geometry import Layout, layout

import journeymap as jm
from journeymap.cli import main
from journeymap.i18n import translation
from journeymap.model import Actor, Language, Profile, Relation, RelationKind, Ring
from journeymap.views import PAGE_SIZES, ViewOptions, pages
from journeymap.views.actors import RING_NAMES
from journeymap.vocabulary import term

needs_graphviz = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


def _iterations() -> Iterator[tuple[Path, str, str]]:
    for path in EXAMPLES:
        for it in jm.load(path).iterations:
            for language in ("", "da"):
                yield path, it.id, language


def _words(svg: Path) -> str:
    """Every text of the SVG in drawing order, one space between lines."""
    texts = [t.text or "" for t in ET.parse(svg).iter("{http://www.w3.org/2000/svg}text")]
    return " ".join(" ".join(texts).split())


@pytest.mark.parametrize(
    ("path", "iteration", "language"),
    list(_iterations()),
    ids=lambda v: v.stem if isinstance(v, Path) else v or "map's language",
)
def test_every_ring_actor_profile_and_relation_is_on_the_page(
    tmp_path: Path, path: Path, iteration: str, language: str
) -> None:
    out = tmp_path / "actors.svg"
    extra = ["--language", language] if language else []
    args = ["export", str(path), "--view", "actors", "--page", "slide", "--iteration", iteration, *extra]
    assert main([*args, "-o", str(out)]) == 0
    m = jm.load(path)
    it = next(i for i in m.iterations if i.id == iteration)
    tr = translation(language or m.language)
    words = _words(out)
    for ring in (Ring.CORE, Ring.DIRECT, Ring.INDIRECT):
        assert tr.gettext(RING_NAMES[ring]) in words
    for actor in it.actors:
        assert actor.name in words
    for profile in it.profiles:
        assert tr.gettext("profile: {name}").format(name=profile.name) in words
    for number, relation in enumerate(it.relations, 1):
        kind = tr.gettext(term(relation.kind))
        assert f"{number} {relation.label} ({kind})" in words


def test_each_mark_stands_between_the_relations_actors_and_its_number_in_the_key(tmp_path: Path) -> None:
    path = next(p for p in EXAMPLES if p.stem == "telehealth-service-centre")
    out = tmp_path / "actors.dot"
    assert (
        main(["export", str(path), "--view", "actors", "--page", "a4", "--format", "dot", "-o", str(out)])
        == 0
    )
    dot = out.read_text(encoding="utf-8")
    it = jm.load(path).iterations[0]
    for number, relation in enumerate(it.relations, 1):
        mark = f'"relation/{relation.id}"'
        assert re.search(rf'\t{mark} \[label="{number}" ', dot)
        assert f'"actor/{relation.source}" -> {mark}' in dot
        assert f'{mark} -> "actor/{relation.target}"' in dot
        assert re.search(
            rf'"key_{number}_words" \[label="{re.escape(relation.label)}', dot.replace("\\l", " ")
        )


def _crowded(actors: int, relations: int) -> jm.JourneyMap:
    """The telehealth map's future with many more actors on the direct ring, and relations among them."""
    m = jm.load(next(p for p in EXAMPLES if p.stem == "telehealth-service-centre"))
    it = m.iterations[-1]
    extra = tuple(
        Actor(id=f"team-{n}", name=f"Local team number {n}", ring=Ring.DIRECT) for n in range(actors)
    )
    links = tuple(
        Relation(
            id=f"link-{n}",
            source=f"team-{n % actors}",
            target="citizen",
            kind=RelationKind.SERVICE,
            label=f"visits the citizen on day {n}",
        )
        for n in range(relations)
    )
    it = evolve(it, actors=it.actors + extra, relations=it.relations + links)
    return evolve(m, iterations=(*m.iterations[:-1], it))


@needs_graphviz
@pytest.mark.parametrize("page", PAGE_SIZES)
def test_a_map_with_more_actors_than_a_page_holds_names_what_it_leaves_out(page: str) -> None:
    m = _crowded(actors=30, relations=20)
    (source,) = pages(m, "actors", ViewOptions(iteration=m.iterations[-1].id), page)
    drawn = layout(source)
    assert drawn.smallest_text(*(size * 72 for size in PAGE_SIZES[page])) >= 14.0
    assert drawn.edges_through_cards() + drawn.overlapping_labels() + drawn.labels_on_cards() == []
    texts = " ".join(label.text for label in drawn.labels)
    shown_actors = sum(name.startswith("actor/") for name in drawn.cards)
    hidden_actors = sum(int(n) for n in re.findall(r"and (\d+) more actors?", texts))
    assert hidden_actors > 0
    assert shown_actors + hidden_actors == len(m.iterations[-1].actors)
    marks = sum(name.startswith("relation/") for name in drawn.cards)
    (hidden_relations,) = (int(n) for n in re.findall(r"and (\d+) more relations?", texts))
    assert marks + hidden_relations == len(m.iterations[-1].relations)


@needs_graphviz
@pytest.mark.parametrize("page", PAGE_SIZES)
def test_actors_on_no_ring_and_a_profile_of_no_actor_have_their_places(page: str) -> None:
    m = jm.load(next(p for p in EXAMPLES if p.stem == "home-training"))
    it = m.iterations[-1]
    volunteer = Actor(id="volunteer", name='Volunteer "Ældre Sagen" \\ <b>&', ring=None)
    visits = Relation(
        id="visits", source="volunteer", target="citizen", kind=RelationKind.SUPPORT, label="visits"
    )
    it = evolve(
        it,
        actors=(*it.actors, volunteer),
        relations=(*it.relations, visits),
        profiles=(*it.profiles, Profile(id="anon", name="A relative who works full time")),
    )
    m = evolve(m, iterations=(*m.iterations[:-1], it))
    (source,) = pages(m, "actors", ViewOptions(iteration=it.id, language="da"), page)
    drawn = layout(source)
    assert drawn.smallest_text(*(size * 72 for size in PAGE_SIZES[page])) >= 14.0
    assert drawn.edges_through_cards() + drawn.overlapping_labels() + drawn.labels_on_cards() == []
    texts = " ".join(label.text for label in drawn.labels)
    assert "Ikke placeret i en ring" in texts
    assert "visits (støtte)" in texts
    assert "actor/volunteer" in drawn.cards and "profile/anon" in drawn.cards


def _danish(
    *actors: Actor, profiles: tuple[Profile, ...] = (), relations: tuple[Relation, ...] = ()
) -> jm.JourneyMap:
    """A Danish map of one iteration with these actors, profiles and relations."""
    it = jm.Iteration(id="nu", label="Nu", actors=actors, profiles=profiles, relations=relations)
    return jm.JourneyMap(title="Ord", language=Language.DA, iterations=(it,))


LONG_WORDS = _danish(
    Actor(id="a0", name="Sundhedsplatformsadministrationen", ring=Ring.CORE),
    Actor(id="a1", name="Digitaliseringsstyrelsens kontaktperson", ring=Ring.DIRECT),
    Actor(id="a2", name="Ældresagens frivillighedskoordinator", ring=Ring.INDIRECT),
    Actor(id="a3", name="https://www.sundhed.dk/borger/min-side"),
    relations=(Relation(id="r", source="a0", target="a1", kind=RelationKind.SERVICE, label="hjælper"),),
)
ONE_LONG_WORD = _danish(
    Actor(
        id="a1",
        name="Sundhedsfagligkontaktpersonsordningsadministrationsmedarbejderkoordinatorfunktion" * 3,
        ring=Ring.CORE,
    ),
    Actor(
        id="a2",
        name="Ærøskøbing kommunes hjemmeplejeafdelingsledelsesrepræsentantsammenslutningsformand " * 6,
    ),
    relations=(Relation(id="r1", source="a1", target="a2", kind=RelationKind.SERVICE, label="hjælper"),),
)


def _clean(drawn: Layout, page: tuple[float, float]) -> None:
    """At least 14 pt at the page's size, and nothing drawn on anything else."""
    assert drawn.smallest_text(*(size * 72 for size in page)) >= 14.0
    assert drawn.edges_through_cards() + drawn.overlapping_labels() + drawn.labels_on_cards() == []


@needs_graphviz
@pytest.mark.parametrize("page", PAGE_SIZES)
def test_long_words_are_broken_to_fit_their_columns_and_the_key_stays_beside_them(page: str) -> None:
    (source,) = pages(LONG_WORDS, "actors", None, page)
    drawn = layout(source)
    _clean(drawn, PAGE_SIZES[page])
    key = min(label.box[0] for label in drawn.labels if label.owner.startswith("key"))
    assert max(box[2] for name, box in drawn.cards.items() if not name.startswith("key")) < key
    joined = re.sub(r"([/.])\\n", r"\1", source.replace("-\\n", "")).replace("\\n", " ")
    for actor in LONG_WORDS.iterations[0].actors:  # whole, where its breaks are joined again
        assert actor.name.replace("-", "") in joined.replace("-", "")
    assert "Ikke placeret i en ring" in joined


@pytest.mark.parametrize("page", ["slide", "a4"])
def test_a_long_danish_word_breaks_between_its_syllables_and_a_web_address_after_its_slashes(
    page: str,
) -> None:
    (source,) = pages(LONG_WORDS, "actors", None, page)
    assert "Digitaliserings-\\nstyrelsens" in source
    assert "frivilligheds-\\nkoordinator" in source
    assert "https://www.\\nsundhed.dk/\\nborger/" in source


@needs_graphviz
@pytest.mark.parametrize("page", PAGE_SIZES)
def test_a_word_longer_than_any_column_is_cut_and_the_page_stays_legible(page: str) -> None:
    (source,) = pages(ONE_LONG_WORD, "actors", None, page)
    drawn = layout(source)
    _clean(drawn, PAGE_SIZES[page])
    assert "Sundhedsfaglig" in source and "…" in source


@needs_graphviz
def test_the_rings_actors_come_before_profiles_of_no_actor_and_each_is_counted_apart() -> None:
    core = tuple(Actor(id=f"a{n}", name=f"Medarbejder {n}", ring=Ring.CORE) for n in range(3))
    profiles = tuple(
        Profile(id=f"p{n}", name=f"Borger nummer {n} med en lang beskrivelse") for n in range(14)
    )
    m = _danish(*core, profiles=profiles)
    (source,) = pages(m, "actors", None, "slide")
    drawn = layout(source)
    _clean(drawn, PAGE_SIZES["slide"])
    assert all(f"actor/{a.id}" in drawn.cards for a in core)
    texts = " ".join(label.text for label in drawn.labels)
    assert "aktører mere" not in texts and "aktør mere" not in texts
    shown = sum(name.startswith("profile/") for name in drawn.cards)
    (hidden,) = (int(n) for n in re.findall(r"og (\d+) profiler? mere", texts))
    assert shown > 0 and shown + hidden == len(profiles)


@needs_graphviz
def test_a_larger_page_shows_more_actors_and_a_smaller_room_keeps_14_pt() -> None:
    m = _crowded(actors=30, relations=20)
    options = ViewOptions(iteration=m.iterations[-1].id)
    shown = {}
    for page in ("slide", "a3"):
        (source,) = pages(m, "actors", options, page)
        shown[page] = sum(name.startswith("actor/") for name in layout(source).cards)
    assert shown["a3"] > shown["slide"]
    room = (13.13, 6.1)  # what a deck's foil leaves under its title
    (source,) = pages(m, "actors", options, room)
    _clean(layout(source), room)


@needs_graphviz
@pytest.mark.parametrize("language", ["en", "da", "nb"])
def test_an_iteration_without_actors_says_so_instead_of_empty_rings(language: str) -> None:
    m = evolve(_danish(), language=Language(language))
    (source,) = pages(m, "actors", None, "slide")
    drawn = layout(source)
    _clean(drawn, PAGE_SIZES["slide"])
    tr = translation(Language(language))
    texts = " ".join(label.text for label in drawn.labels)
    assert tr.gettext("No actors in this iteration yet.") in texts
    assert tr.gettext(RING_NAMES[Ring.CORE]) not in texts


@needs_graphviz
@pytest.mark.parametrize("room", [(4.0, 3.0), (1.0, 1.0)])
def test_a_room_too_small_for_the_map_gets_it_scaled_down_and_counted(room: tuple[float, float]) -> None:
    m = jm.load(next(p for p in EXAMPLES if p.stem == "home-training"))
    (source,) = pages(m, "actors", None, room)
    drawn = layout(source)
    assert drawn.edges_through_cards() + drawn.overlapping_labels() + drawn.labels_on_cards() == []
    texts = " ".join(label.text for label in drawn.labels)
    shown = sum(name.startswith("actor/") for name in drawn.cards)
    hidden = sum(int(n) for n in re.findall(r"and (\d+) more actors?", texts))
    assert shown + hidden == len(m.iterations[0].actors)
