"""Views laid out for a page: how many pages a presenter gets, and every step on exactly one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from geometry import layout

import journeymap as jm
from journeymap.cli import main
from journeymap.views import ViewOptions, pages

TELEHEALTH = ROOT / "examples" / "telehealth-service-centre.toml"


def slides(tmp_path: Path, path: Path, view: str, *options: str, page: str = "slide") -> list[Path]:
    out = tmp_path / f"{view}.dot"
    assert (
        main(
            ["export", str(path), "--view", view, "--page", page, "--format", "dot", "-o", str(out), *options]
        )
        == 0
    )
    return sorted(tmp_path.glob(f"{view}*.dot"))


def test_the_telehealth_future_journey_takes_at_most_five_slides_with_every_step_on_one(
    tmp_path: Path,
) -> None:
    written = slides(tmp_path, TELEHEALTH, "journey", "--iteration", "future")
    assert len(written) <= 5  # was 16 when a 9-pt drawing was scaled up to 14 pt
    future = next(it for it in jm.load(TELEHEALTH).iterations if it.id == "future")
    for step in future.steps:
        holding = [p.name for p in written if f'"step/{step.id}"' in p.read_text()]
        assert len(holding) == 1, (step.id, holding)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_journeys_and_comparisons_take_few_slides(path: Path) -> None:
    m = jm.load(path)
    journeys = {it.id: len(pages(m, "journey", ViewOptions(iteration=it.id))) for it in m.iterations}
    assert all(count <= 6 for count in journeys.values()), journeys
    old, new = m.iterations[0].id, m.iterations[-1].id
    stacked = len(pages(m, "compare", ViewOptions(iteration=old, against=new)))
    assert stacked <= 2 * max(journeys[old], journeys[new])  # current above future, aligned by stage


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_bigger_paper_holds_as_much_or_more(path: Path) -> None:
    m = jm.load(path)
    options = ViewOptions(iteration=m.iterations[-1].id)
    counts = [len(pages(m, "journey", options, page)) for page in ("slide", "a3")]
    assert counts[1] <= counts[0]


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_a_page_the_deck_titles_itself_has_no_title_and_every_text_at_14_pt() -> None:
    m = jm.load(TELEHEALTH)
    titled, untitled = (
        pages(m, "journey", ViewOptions(iteration="future"), "slide", titled=t)[0] for t in (True, False)
    )
    assert m.title in titled.replace("\\n", " ") and m.title not in untitled
    assert layout(untitled).smallest_text(13.333 * 72, 7.5 * 72) >= 14
