"""The 10-20-30 deck: ten foils in order, titled, nothing under 30 pt, diagrams, notes, opens in Impress."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from attrs import evolve
from conftest import EXAMPLES, FOILS_DA, FOILS_EN, ROOT
from editor import open_editor
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Pt
from test_tui import nav_key, select

import journeymap
from journeymap.cli import main
from journeymap.deck import page_room
from journeymap.deck_content import foils
from journeymap.defaults import iteration_to_present
from journeymap.model import Language
from tui.dialogs import FormDialog
from tui.navigator import ITERATION

HOME = ROOT / "examples" / "home-training.toml"


def make_deck(tmp_path: Path, path: Path, *options: str) -> Path:
    out = tmp_path / f"{path.stem}.pptx"
    assert (
        main(["deck", str(path), "-o", str(out), "--as-of", "2026-11-23", "--renderer", "wasm", *options])
        == 0
    )
    return out


def titles(deck: Path) -> list[str]:
    return [
        slide.shapes.title.text_frame.text for slide in Presentation(str(deck)).slides
    ]  # the title placeholder


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def example_deck(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_deck(tmp_path_factory.mktemp("deck"), request.param)


def test_ten_foils_in_order_then_the_appendix(example_deck: Path) -> None:
    shown = titles(example_deck)
    danish = journeymap.load(ROOT / "examples" / f"{example_deck.stem}.toml").language is Language.DA
    assert shown[:10] == (FOILS_DA if danish else FOILS_EN)
    expected = FOILS_DA if danish else FOILS_EN
    journey_pages = [t for t in shown[10:] if t.startswith(expected[3])]
    changes = [t for t in shown[10:] if t.startswith("Bilag" if danish else "Appendix")]
    assert shown[10:] == journey_pages + changes and changes  # the journey's pages, then the changes
    of = "af" if danish else "of"
    pages = len(journey_pages) + 1  # the first page is on foil 4
    assert journey_pages == [f"{expected[3]} ({n} {of} {pages})" for n in range(2, pages + 1)]
    deck = Presentation(str(example_deck))
    assert deck.slide_width * 9 == deck.slide_height * 16  # 16:9


def test_no_text_under_30_points(example_deck: Path) -> None:
    for n, slide in enumerate(Presentation(str(example_deck)).slides, 1):
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    size = run.font.size or paragraph.font.size
                    assert size is not None and size >= Pt(30), (n, run.text, size)


def test_diagrams_on_their_foils_and_notes_on_every_foil(example_deck: Path) -> None:
    slides = list(Presentation(str(example_deck)).slides)
    pictured = [
        n
        for n, slide in enumerate(slides, 1)
        if any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in slide.shapes)
    ]
    assert {3, 4, 7} <= set(pictured)  # the actor map, the journey, the indicator charts
    assert all(n > 10 for n in pictured if n not in (3, 4, 5, 7))
    for slide in slides:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()
        for shape in slide.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                assert shape._element.nvPicPr.cNvPr.get("descr")  # alternative text
                assert shape.left >= 0 and shape.top >= 0
                assert (
                    shape.left + shape.width
                    <= slides[0].part.package.presentation_part.presentation.slide_width
                )


def test_the_title_foil_states_the_date_and_the_notes_carry_the_full_tables(tmp_path: Path) -> None:
    slides = list(Presentation(str(make_deck(tmp_path, HOME))).slides)
    assert "23 November 2026" in " ".join(s.text_frame.text for s in slides[0].shapes if s.has_text_frame)
    assert "Baseline" in slides[5].notes_slide.notes_text_frame.text  # the benefits plan's indicator table
    (charts,) = [s for s in slides[6].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    alt = charts._element.nvPicPr.cNvPr.get("descr")
    assert (
        "Care hours saved per citizen per year: ● reached" in alt
        and "Baseline 27, target 40 by 2023-12-31" in alt
    )


def test_the_deck_speaks_danish(tmp_path: Path) -> None:
    deck = make_deck(tmp_path, HOME, "--language", "da")
    assert titles(deck)[:10] == FOILS_DA
    first = " ".join(s.text_frame.text for s in Presentation(str(deck)).slides[0].shapes if s.has_text_frame)
    assert "23. november 2026" in first


def test_an_unknown_iteration_is_a_clear_error_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "d.pptx"
    assert main(["deck", str(HOME), "--iteration", "nope", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(HOME) in err and "nope" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_impress_opens_the_deck_with_every_slide(example_deck: Path, tmp_path: Path) -> None:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(example_deck)],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    pdf = (tmp_path / example_deck.with_suffix(".pdf").name).read_bytes()
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type/Page/") + pdf.count(b"/Type /Page ") == len(
        titles(example_deck)
    )


def test_the_journey_foil_says_how_the_team_knows_it(tmp_path: Path) -> None:
    deck = make_deck(tmp_path, ROOT / "tests" / "fixtures" / "evidence.toml", "--language", "nb")
    journey = Presentation(str(deck)).slides[3]
    assert "Observert 33 %, antatt 33 %, foreslått 33 %" in [
        s.text_frame.text for s in journey.shapes if s.has_text_frame
    ]


async def test_the_editor_writes_the_deck_of_the_selected_iteration_next_to_the_map(tmp_path: Path) -> None:
    path = tmp_path / "home-training.toml"
    path.write_bytes(HOME.read_bytes())
    app = open_editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await select(app, pilot, ITERATION, "current")
        await nav_key(app, pilot, "k")
        assert isinstance(app.screen, FormDialog)
        await pilot.click("#ok")
        await app.workers.wait_for_complete()
        await pilot.pause()
    deck = Presentation(str(tmp_path / "home-training-deck.pptx"))
    assert "Training by all home-care staff" in deck.slides[0].shapes[1].text_frame.text


def test_text_stays_on_the_slide(example_deck: Path) -> None:
    """Wrapped at words with characters 0.55 of their size wide (DejaVu Sans, wider than Calibri)."""
    deck = Presentation(str(example_deck))
    for n, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            assert shape.top + shape.height <= deck.slide_height, (n, shape.name)
            if (
                shape.has_text_frame
                and shape.shape_type != MSO_SHAPE_TYPE.PICTURE
                and shape != slide.shapes.title
            ):
                per_row = int(shape.width / 914400 * 72 / (30 * 0.55))
                rows = sum(max(1, len(textwrap.wrap(p.text, per_row))) for p in shape.text_frame.paragraphs)
                assert shape.top + rows * Pt(36) <= deck.slide_height, (n, shape.text_frame.text)


def _smallest_shown(svg: str, shown_width: int) -> float:
    """The smallest text of an SVG in points, when it is shown ``shown_width`` EMU wide."""
    width = float(re.search(r'<svg[^>]*?width="([\d.]+)pt"', svg).group(1))  # type: ignore[union-attr]
    scale = re.search(r'class="graph" transform="scale\(([\d.]+)', svg)
    smallest = min(float(size) for size in re.findall(r'font-size="([\d.]+)"', svg))
    return smallest * (float(scale.group(1)) if scale else 1.0) * shown_width / Pt(width)


def _shown(deck: Path, m: journeymap.JourneyMap | None = None) -> list[tuple[int, float]]:
    """(slide number, smallest text in points as shown) of each picture of a diagram in the deck
    of ``m`` (default: the example the deck is named after)."""
    m = m or journeymap.load(ROOT / "examples" / f"{deck.stem}.toml")
    it = iteration_to_present(m, None)
    content = foils(m, it, dt.date(2026, 11, 23), m.language, "wasm", room=page_room)
    shown = []
    for n, (slide, foil) in enumerate(zip(Presentation(str(deck)).slides, content, strict=True), 1):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        if foil.diagram is not None and n != 7:  # the indicator charts are not laid out by Graphviz
            (picture,) = pictures
            shown.append((n, _smallest_shown(foil.diagram.svg, picture.width)))
    return shown


def _deck_of(m: journeymap.JourneyMap, tmp_path: Path) -> Path:
    path = tmp_path / "m.toml"
    journeymap.save(m, path)
    deck = tmp_path / "m.pptx"
    assert main(["deck", str(path), "-o", str(deck), "--renderer", "wasm", "--as-of", "2026-11-23"]) == 0
    return deck


def test_the_actor_map_the_journey_the_priorities_and_the_appendix_show_every_text_at_14_pt(
    example_deck: Path,
) -> None:
    shown = _shown(example_deck)
    assert {3, 4, 5} <= {n for n, _ in shown} and any(n > 10 for n, _ in shown)
    assert all(size >= 14 for _, size in shown), shown


def test_a_journey_of_many_pages_stays_at_14_pt_when_the_appendix_titles_take_two_rows(
    tmp_path: Path,
) -> None:
    """'The updated service journey (10 of 12)' wraps to two rows: its pages are laid out for that."""
    stages = tuple(jm_stage(f"st{s}", f"Stage {s}") for s in range(12))
    steps = tuple(
        jm_step(f"s{s}-{k}", f"Does thing {k} of stage {s} with a medium length name", f"st{s}")
        for s in range(12)
        for k in range(5)
    )
    m = journeymap.loads(_map_text(stages, steps))
    shown = _shown(_deck_of(m, tmp_path), m)
    assert len([n for n, _ in shown if n > 10]) >= 10  # the journey's further pages, titled "(10 of ...)" on
    assert all(size >= 14 for _, size in shown), shown


def test_the_priorities_foil_stays_at_14_pt_with_a_tall_matrix_and_no_status(tmp_path: Path) -> None:
    m = journeymap.load(ROOT / "examples" / "telehealth-service-centre.toml")
    it = m.iterations[-1]
    steps = tuple(evolve(s, gain=k % 5 + 1, effort=k * 3 % 5 + 1) for k, s in enumerate(it.steps))
    for status in ({}, {"status": "", "remaining_work": ()}):
        scored = evolve(m, iterations=(*m.iterations[:-1], evolve(it, steps=steps, **status)))
        shown = dict(_shown(_deck_of(scored, tmp_path), scored))
        assert shown[5] >= 14, (status, shown[5])


def jm_stage(ident: str, name: str) -> str:
    return f'[[iterations.stages]]\nid = "{ident}"\nname = "{name}"\n'


def jm_step(ident: str, name: str, stage: str) -> str:
    return f'[[iterations.steps]]\nid = "{ident}"\nname = "{name}"\nstage = "{stage}"\n'


def _map_text(stages: tuple[str, ...], steps: tuple[str, ...]) -> str:
    head = (
        'schema_version = 1\ntitle = "Long"\n\n[[iterations]]\nid = "now"\nlabel = "Now"\nstate = "current"\n'
    )
    return head + "\n".join((*stages, *steps))
