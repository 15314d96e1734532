"""Diagrams: every view of every example renders, says what the map says, and resists hostile text."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from attrs import evolve
from conftest import EXAMPLES, ROOT

import journeymap as jm
from journeymap.cli import main
from journeymap.exports import export
from journeymap.render import RenderError, render
from journeymap.views import ENGINE, VIEWS, ViewError, ViewOptions, dot_source
from journeymap.views.journey import step_node

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.stem)
def example_map(request: pytest.FixtureRequest) -> jm.JourneyMap:
    """Each example map in turn, loaded."""
    return jm.load(request.param)


needs_graphviz = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


def svg_texts(svg: bytes) -> list[str]:
    """The text of every <text> element, unescaped."""
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg.decode("utf-8"))]


def nodes(source: str) -> set[str]:
    """The names of the nodes a DOT text defines."""
    return set(re.findall(r'^\t"?([^"\s]+)"? \[', source, re.M))


def counts(svg: bytes) -> tuple[int, int]:
    """Nodes and edges Graphviz drew."""
    text = svg.decode("utf-8")
    return text.count('class="node"'), text.count('class="edge"')


@needs_graphviz
@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_view_of_every_example_renders_with_graphviz(path: Path, view: str) -> None:
    m = jm.load(path)
    options = ViewOptions(iteration=m.iterations[-1].id) if view == "priorities" else None
    svg = export(m, view, "svg", options, renderer="graphviz")
    drawn = " ".join(svg_texts(svg))  # a wrapped name is its lines in order
    it = m.iterations[0]
    if view == "priorities":
        expected = [s.name for s in m.iterations[-1].steps if s.effort and s.gain]
        assert expected
    elif view == "journey":
        expected = [s.name for s in it.steps] + [s.name for s in it.stages]
    elif view == "actors":
        expected = [a.name for a in it.actors]
    elif view == "process":
        expected = [t.name for t in it.processes[0].tasks]
    else:
        expected = [s.name for s in m.iterations[-1].steps]
    missing = [name for name in expected if name not in drawn]
    assert not missing, f"not in the SVG: {missing}"


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_dot_matches_the_reviewed_golden_file(path: Path, view: str) -> None:
    """A change in drawing must be deliberate: regenerate with JOURNEYMAP_UPDATE_GOLDEN=1 and review."""
    source = dot_source(jm.load(path), view)
    golden = GOLDEN / f"{path.stem}-{view}.dot"
    if os.environ.get("JOURNEYMAP_UPDATE_GOLDEN"):
        golden.write_text(source, encoding="utf-8")
    assert source == golden.read_text(encoding="utf-8")
    assert dot_source(jm.load(path), view) == source  # deterministic


HOSTILE = 'Q"uo\\te\\"; <b>x</b> & &amp; {a|b} \n edge -> node [color=red] // æøå 😀 ' + "long" * 40


REFERENCE_FIELDS = {"id", "stage", "profile", "actor", "owner", "responsible", "source", "target", "based_on"}


def hostile(m: jm.JourneyMap) -> jm.JourneyMap:
    """Every text field of every element replaced by nasty text (ids untouched)."""

    def nasty(element: object) -> object:
        changes = {
            f.name: f"{f.name}: {HOSTILE}"
            for f in type(element).__attrs_attrs__  # type: ignore[attr-defined]
            if f.type in ("str", str) and f.name not in REFERENCE_FIELDS
        }
        if isinstance(element, jm.Step):
            changes["pain_points"] = tuple(HOSTILE for _ in element.pain_points)  # type: ignore[assignment]
        return evolve(element, **changes)  # type: ignore[arg-type]

    its = []
    for it in m.iterations:
        its.append(
            evolve(
                it,
                label=HOSTILE,
                actors=tuple(nasty(a) for a in it.actors),
                relations=tuple(nasty(r) for r in it.relations),
                profiles=tuple(nasty(p) for p in it.profiles),
                touchpoints=tuple(nasty(t) for t in it.touchpoints),
                processes=tuple(
                    evolve(nasty(p), tasks=tuple(nasty(t) for t in p.tasks)) for p in it.processes
                ),
                stages=tuple(nasty(s) for s in it.stages),
                steps=tuple(nasty(s) for s in it.steps),
                flows=tuple(nasty(f) for f in it.flows),
            )
        )
    return evolve(m, title=HOSTILE, iterations=tuple(its))


@needs_graphviz
@pytest.mark.parametrize("view", list(VIEWS))
def test_hostile_text_stays_text(example_map: jm.JourneyMap, view: str) -> None:
    nasty = hostile(example_map)
    assert not jm.has_errors(jm.validate(nasty))
    options = ViewOptions(details=True)
    clean_svg = render(dot_source(example_map, view, options), "svg", ENGINE, "graphviz")
    nasty_svg = render(dot_source(nasty, view, options), "svg", ENGINE, "graphviz")
    assert counts(nasty_svg) == counts(clean_svg)
    drawn = " ".join(svg_texts(nasty_svg))
    for piece in ('Q"uo\\te\\";', "<b>x</b>", "& &amp;", "{a|b}", "edge -> node [color=red] //", "æøå 😀"):
        assert piece in drawn
    assert 'stroke="red"' not in nasty_svg.decode() and 'fill="red"' not in nasty_svg.decode()


def test_the_built_in_renderer_draws_svg_without_graphviz(example_map: jm.JourneyMap) -> None:
    svg = export(example_map, "journey", "svg", renderer="wasm")
    assert svg.lstrip().startswith(b"<?xml")
    assert example_map.iterations[0].stages[0].name in svg_texts(svg)
    with pytest.raises(RenderError, match="built-in SVG renderer failed"):
        render("digraph { a -> }", "svg", ENGINE, "wasm")
    again = export(example_map, "journey", "svg", renderer="wasm")  # an error does not poison the next render
    assert svg_texts(again) == svg_texts(svg)


def test_cli_without_graphviz_on_the_path(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path)}  # no dot to be found
    example = str(EXAMPLES[0])
    svg = subprocess.run(
        [sys.executable, "-m", "journeymap", "export", example, "-o", "-"],
        env=env,
        capture_output=True,
        check=False,
    )
    assert svg.returncode == 0, svg.stderr
    assert b"<svg" in svg.stdout
    for fmt, signature in (("png", b"\x89PNG"), ("pdf", b"%PDF")):
        drawn = subprocess.run(
            [sys.executable, "-m", "journeymap", "export", example, "--format", fmt, "-o", str(tmp_path / f"x.{fmt}")],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )  # fmt: skip
        assert drawn.returncode == 0, drawn.stderr
        assert (tmp_path / f"x.{fmt}").read_bytes().startswith(signature)


@needs_graphviz
@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_png_and_pdf_with_graphviz(example_map: jm.JourneyMap, fmt: str) -> None:
    data = export(example_map, "journey", fmt, renderer="graphviz")
    assert data.startswith(b"\x89PNG" if fmt == "png" else b"%PDF")


def test_compare_marks_what_changed() -> None:
    m = jm.load(ROOT / "examples" / "home-training.toml")
    texts = svg_texts(export(m, "compare", "svg", renderer="wasm"))
    assert texts.count("+ new") >= 5
    assert texts.count("- removed") >= 4
    assert "replaced by" in texts
    assert "was physical" in texts  # the exercise sheet became digital
    side = svg_texts(export(m, "compare", "svg", ViewOptions(layout="side-by-side"), renderer="wasm"))
    assert any(t.startswith("Before:") for t in side) and any(t.startswith("After:") for t in side)


def test_compare_needs_two_iterations(example_map: jm.JourneyMap) -> None:
    with pytest.raises(ViewError, match="twice"):
        first = example_map.iterations[0].id
        dot_source(example_map, "compare", ViewOptions(iteration=first, against=first))
    one = evolve(example_map, iterations=example_map.iterations[:1])
    with pytest.raises(ViewError, match="fewer than two"):
        dot_source(one, "compare")


def test_filters_by_profile_and_stage_range() -> None:
    m = jm.load(ROOT / "examples" / "telehealth-service-centre.toml")
    it = m.iteration("future")
    stages = [s.id for s in it.stages]
    source = dot_source(m, "journey", ViewOptions(iteration="future", stages=(stages[1], stages[2])))
    shown = {s.id for s in it.steps if step_node(s.id) in nodes(source)}
    assert shown == {s.id for s in it.steps if s.stage in stages[1:3]}
    with pytest.raises(ViewError, match="no stage 'nope'"):
        dot_source(m, "journey", ViewOptions(stages=("nope", "nope")))
    profile = it.profiles[0]
    source = dot_source(m, "journey", ViewOptions(iteration="future", profile=profile.id))
    others = {step_node(s.id) for s in it.steps if s.profile not in ("", profile.id)}
    assert others and not others & nodes(source)
    drawn = " ".join(
        svg_texts(export(m, "journey", "svg", ViewOptions(iteration="future", profile=profile.id)))
    )
    assert f"Actions of {profile.name}" in drawn


def test_mono_scheme_uses_only_grays(example_map: jm.JourneyMap) -> None:
    for view in VIEWS:
        source = dot_source(example_map, view, ViewOptions(scheme="mono"))
        colours = set(re.findall(r"#([0-9a-f]{6})", source))
        assert colours and all(c[0:2] == c[2:4] == c[4:6] for c in colours), (view, colours)


def test_top_down_direction_swaps_the_axes(example_map: jm.JourneyMap) -> None:
    def position(source: str, node: str) -> tuple[float, float]:
        x, y = re.search(rf'\t"?{node}"? \[.*?pos="([-\d.]+),([-\d.]+)!"', source).groups()  # type: ignore[union-attr]
        return float(x), float(y)

    steps = example_map.iterations[0].steps
    lr = dot_source(example_map, "journey")
    tb = dot_source(example_map, "journey", ViewOptions(direction="TB"))
    (ax, ay), (bx, by) = position(lr, step_node(steps[0].id)), position(lr, step_node(steps[-1].id))
    assert bx > ax and ay == by
    (ax, ay), (bx, by) = position(tb, step_node(steps[0].id)), position(tb, step_node(steps[-1].id))
    assert by < ay and ax == bx


def test_a_map_with_errors_is_not_drawn(example_map: jm.JourneyMap) -> None:
    it = example_map.iterations[0]
    broken = evolve(
        example_map, iterations=(evolve(it, steps=(evolve(it.steps[0], stage="nowhere"), *it.steps[1:])),)
    )
    with pytest.raises(ViewError, match="nowhere"):
        dot_source(broken, "journey")


def test_unknown_view_and_format(example_map: jm.JourneyMap) -> None:
    with pytest.raises(ViewError, match="views: journey"):
        dot_source(example_map, "sankey")
    with pytest.raises(ViewError, match="formats"):
        export(example_map, "journey", "gif")
    with pytest.raises(ViewError, match="Mermaid"):
        export(example_map, "actors", "mermaid")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_ship_their_diagrams(path: Path) -> None:
    title = jm.load(path).title
    for view in VIEWS:
        svg = (ROOT / "examples" / "diagrams" / f"{path.stem}-{view}.svg").read_bytes()
        assert title in " ".join(svg_texts(svg)), view


HOME_TRAINING = ROOT / "examples" / "home-training.toml"


def _cli(*args: str) -> int:
    return main(list(args))


@needs_graphviz
def test_page_slide_splits_a_long_journey_into_numbered_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "journey.svg"
    stages = {s.name for s in jm.load(HOME_TRAINING).iterations[0].stages}
    assert _cli("export", str(HOME_TRAINING), "--page", "slide", "-o", str(out)) == 0
    files = sorted(tmp_path.glob("journey-*.svg"), key=lambda p: int(p.stem.split("-")[1]))
    assert len(files) > 1 and not out.exists()
    assert [p.name for p in files] == [f"journey-{n}.svg" for n in range(1, len(files) + 1)]
    for path in files:
        svg = path.read_text(encoding="utf-8")
        width, height = (
            float(x) for x in re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups()
        )  # type: ignore[union-attr]
        assert max(width / 960, height / 540) == pytest.approx(1, abs=0.01)  # fills the slide
        texts = set(svg_texts(path.read_bytes()))
        assert texts & {
            "Touchpoints",
            "Actions",
            "Experience",
            "Frontstage",
            "Backstage",
            "Support processes",
        }
        assert texts & stages  # and the stage names, on every page
    first, last = svg_texts(files[0].read_bytes()), svg_texts(files[-1].read_bytes())
    assert any(t.startswith("continues on page") for t in first)
    assert any(t.startswith("continued from page") for t in last)
    assert stages <= {t for p in files for t in svg_texts(p.read_bytes())}  # every stage on some page


@needs_graphviz
def test_page_pdf_is_one_file_with_a_page_per_page(tmp_path: Path) -> None:
    import pypdf

    out = tmp_path / "journey.pdf"
    assert _cli("export", str(HOME_TRAINING), "--page", "a3", "--format", "pdf", "-o", str(out)) == 0
    dots = jm.views.pages(jm.load(HOME_TRAINING), "journey", None, "a3")
    assert len(pypdf.PdfReader(out).pages) == len(dots) > 1
    assert list(tmp_path.iterdir()) == [out]


def test_a_view_that_fits_one_page_keeps_its_name(tmp_path: Path) -> None:
    out = tmp_path / "actors.dot"
    assert (
        _cli(
            "export",
            str(HOME_TRAINING),
            "--view",
            "actors",
            "--page",
            "a4",
            "--format",
            "dot",
            "-o",
            str(out),
        )
        == 0
    )
    assert list(tmp_path.iterdir()) == [out]
    assert 'size="11.69,8.27!"' in out.read_text(encoding="utf-8")


def test_page_refuses_formats_it_cannot_split_and_stdout_for_many_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        _cli(
            "export", str(HOME_TRAINING), "--page", "slide", "--format", "mermaid", "-o", str(tmp_path / "x")
        )
        == 2
    )
    assert "--page lays out svg, png, pdf, dot, not mermaid" in capsys.readouterr().err
    assert _cli("export", str(HOME_TRAINING), "--page", "slide", "--format", "dot", "-o", "-") == 2
    err = capsys.readouterr().err
    assert "home-training.toml" in err and "give a file name with -o" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_compare_on_a_page_stacks_current_above_future_by_stage() -> None:
    m = jm.load(HOME_TRAINING)
    kept = 0
    for source in jm.views.pages(m, "compare", None, "a3"):
        pos = dict(re.findall(r'^\t"([^"]+)" \[.*?pos="([-\d.,]+)!"', source, re.M))
        for name in (n for n in pos if n.startswith("before/") and "after/" + n[7:] in pos):
            (bx, by), (ax, ay) = (map(float, pos[k].split(",")) for k in (name, "after/" + name[7:]))
            assert bx == ax and by > ay  # the same column, the older iteration above
            kept += 1
    assert kept  # a step kept from current to future is in both rows


def _words(svg: bytes) -> tuple[str, str, dict[str, str]]:
    """The title and description an SVG names itself by, and its root's attributes."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    first, second = list(root)[:2]
    assert first.tag.endswith("title") and second.tag.endswith("desc")  # first in the root
    assert root.get("aria-labelledby") == f"{first.get('id')} {second.get('id')}"
    return first.text or "", second.text or "", dict(root.attrib)


@pytest.mark.parametrize("renderer", [pytest.param("graphviz", marks=needs_graphviz), "wasm"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_every_svg_says_in_words_what_it_shows(example_map: jm.JourneyMap, view: str, renderer: str) -> None:
    it = example_map.iterations[-1] if view == "priorities" else example_map.iterations[0]
    options = ViewOptions(iteration=it.id)
    title, desc, attrs = _words(export(example_map, view, "svg", options, renderer))
    assert attrs["role"] == "img" and example_map.title in title
    if view == "journey":
        assert all(s.name in desc for s in it.stages) and all(s.name in desc for s in it.steps)
    elif view == "compare":
        newer = example_map.iterations[-1]
        added = [s.name for s in newer.steps if s.id not in {x.id for x in it.steps}]
        assert all(name in desc for name in added)
    elif view == "actors":
        assert all(a.name in desc for a in it.actors)
    elif view == "process":
        assert all(t.name in desc for t in it.processes[0].tasks)


def test_the_description_is_in_the_views_language() -> None:
    m = jm.load(HOME_TRAINING)
    _, danish, _ = _words(export(m, "journey", "svg", ViewOptions(language="da"), "wasm"))
    _, norwegian, _ = _words(export(m, "journey", "svg", ViewOptions(language="nb"), "wasm"))
    assert danish.startswith("Servicerejsen") and norwegian.startswith("Tjenestereisen")


@needs_graphviz
def test_every_page_of_a_paged_svg_names_its_page(tmp_path: Path) -> None:
    sheets = jm.exports.export_pages(jm.load(HOME_TRAINING), "journey", "svg", None, "graphviz", "slide")
    titles = [_words(sheet)[0] for sheet in sheets]
    assert titles[0].endswith(f"(page 1 of {len(sheets)})") and titles[-1].endswith(
        f"(page {len(sheets)} of {len(sheets)})"
    )
