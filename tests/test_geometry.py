"""Clean geometry: every view of every example and iteration, laid out by Graphviz and measured.

No edge through a card that is not its end, no two labels overlapping, no label on a card,
lines of interaction/visibility straight across, edge labels next to their own edge.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from conftest import EXAMPLES
from geometry import Layout, layout

import journeymap as jm
from journeymap.views import PAGE_SIZES, ViewOptions, dot_source, pages
from journeymap.views.pages import GRIDS

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


def cases() -> Iterator[tuple[str, str, ViewOptions]]:
    """(example, view, options) for every view, example and iteration, both directions."""
    for path in EXAMPLES:
        m = jm.load(path)
        newest = m.iterations[-1].id
        for it in m.iterations:
            for direction in ("LR", "TB"):
                yield path.stem, "journey", ViewOptions(iteration=it.id, direction=direction)
                yield path.stem, "journey", ViewOptions(iteration=it.id, direction=direction, details=True)
                for proc in it.processes:
                    yield (
                        path.stem,
                        "process",
                        ViewOptions(iteration=it.id, process=proc.id, direction=direction),
                    )
                if it.id != newest:
                    for layout_name in ("merged", "side-by-side"):
                        yield (
                            path.stem,
                            "compare",
                            ViewOptions(
                                iteration=it.id, against=newest, direction=direction, layout=layout_name
                            ),
                        )
            yield path.stem, "actors", ViewOptions(iteration=it.id)
            yield path.stem, "priorities", ViewOptions(iteration=it.id)


CASES = list(cases())


def _id(case: tuple[str, str, ViewOptions]) -> str:
    name, view, o = case
    extra = "-".join(
        x for x in (o.process, o.layout if view == "compare" else "", "details" if o.details else "") if x
    )
    return f"{name}-{view}-{o.iteration}-{o.direction.lower()}" + (f"-{extra}" if extra else "")


def _laid_out(case: tuple[str, str, ViewOptions]) -> Layout:
    name, view, options = case
    m = jm.load(next(p for p in EXAMPLES if p.stem == name))
    return layout(dot_source(m, view, options))


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_clean_geometry(case: tuple[str, str, ViewOptions]) -> None:
    drawn = _laid_out(case)
    problems = (
        drawn.edges_through_cards()
        + drawn.overlapping_labels()
        + drawn.labels_on_cards()
        + drawn.crooked_lines(case[2].direction)
        + drawn.labels_far_from_edges()
    )
    assert problems == []


SLIDE = (13.333 * 72, 7.5 * 72)
PAGED = [case for case in CASES if case[1] in GRIDS and not case[2].details]


def _pages(case: tuple[str, str, ViewOptions], page: str) -> list[Layout]:
    name, view, options = case
    m = jm.load(next(p for p in EXAMPLES if p.stem == name))
    return [layout(source) for source in pages(m, view, options, page)]


@pytest.mark.parametrize("page", PAGE_SIZES)
@pytest.mark.parametrize("case", PAGED, ids=_id)
def test_on_pages_every_text_is_at_least_14_pt_and_the_geometry_stays_clean(
    case: tuple[str, str, ViewOptions], page: str
) -> None:
    size = tuple(inches * 72 for inches in PAGE_SIZES[page])
    for number, drawn in enumerate(_pages(case, page), 1):
        assert drawn.smallest_text(*size) >= 14.0, f"page {number}"
        problems = (
            drawn.edges_through_cards()
            + drawn.overlapping_labels()
            + drawn.labels_on_cards()
            + drawn.crooked_lines(case[2].direction)
            + drawn.labels_far_from_edges()
        )
        assert problems == [], f"page {number}"


ONE_PAGE = [case for case in CASES if case[1] == "priorities"]


@pytest.mark.parametrize("case", ONE_PAGE, ids=_id)
def test_the_priorities_on_a_slide_are_at_least_14_pt_and_clean(case: tuple[str, str, ViewOptions]) -> None:
    (drawn,) = _pages(case, "slide")
    assert drawn.smallest_text(*SLIDE) >= 14.0
    assert drawn.edges_through_cards() + drawn.overlapping_labels() + drawn.labels_on_cards() == []


ACTOR_PAGES = [case for case in CASES if case[1] == "actors"]


@pytest.mark.parametrize("page", PAGE_SIZES)
@pytest.mark.parametrize("case", ACTOR_PAGES, ids=_id)
def test_the_actor_map_on_a_page_is_at_least_14_pt_and_clean(
    case: tuple[str, str, ViewOptions], page: str
) -> None:
    (drawn,) = _pages(case, page)
    assert drawn.smallest_text(*(size * 72 for size in PAGE_SIZES[page])) >= 14.0
    assert drawn.edges_through_cards() + drawn.overlapping_labels() + drawn.labels_on_cards() == []
