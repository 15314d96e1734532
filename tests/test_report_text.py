"""Items 15, 16, 18: the map's text in the report is shown as typed, by real Markdown and HTML parsers."""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import cmarkgfm
import html5lib
import pytest
from attrs import evolve
from cmarkgfm.cmark import Options
from conftest import ROOT
from hypothesis import assume, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import journeymap as jm
from journeymap import report
from journeymap.characters import printable
from journeymap.cli import main

HOME = ROOT / "examples" / "home-training.toml"


def commonmark(text: str) -> str:
    """markdown-it-py's CommonMark, with its (GFM-style) tables and strikethrough."""
    return str(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text))


def gfm(text: str) -> str:
    """GitHub's renderer (cmark-gfm) with GitHub's extensions: autolinks, strikethrough, tables, task lists."""
    return str(cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE))


RENDERERS = [commonmark, gfm]


def text_of(rendered: str) -> str:
    """What a reader sees: the text without tags and comments, entities resolved."""
    return html.unescape(re.sub(r"<!--.*?-->|<[^>]+>", "", rendered, flags=re.S))


def tags(rendered: str) -> list[str]:
    return re.findall(r"<([a-z0-9]+)", rendered)


def as_typed(text: str) -> str:
    """The contract: unfit characters become U+FFFD, runs of spaces and line breaks one space, ends trimmed."""
    return re.sub(r"[ \t\n]+", " ", printable(text)).strip()


# Every character Markdown gives a meaning somewhere, some words that make links, and odd characters.
MARKUP = st.sampled_from([
    *"\\`*_[]<>#|~&!-+=.:()@0123456789 \t\n\"'/;{}^$%?",
    "www.", "http://", "https://x.y/", "a@b.co", "mailto:", "&amp;", "&#64;", "<b>", "<!--", "```", "~~",
    "- ", "1. ", "\r", "\x00", "\x0b", "\x85", "\ufffe", "é", "\u00a0", "\u2003", "😀",
])  # fmt: skip
texts = st.lists(st.one_of(MARKUP, st.text(max_size=3)), min_size=1, max_size=14).map("".join)


def one_block_report(text: str) -> report.Report:
    """A report with ``text`` as title, paragraph, list item, table cell and figure caption."""
    blocks = (
        text,
        report.Items((text,)),
        report.Table(("A", "B"), ((text, "x"),)),
        report.Figure("f.svg", text, "<svg/>", "journey"),
    )
    return report.Report(text, text + " (current iteration 'i')", (report.Section("S", blocks),))  # fmt: skip


@given(texts)
def test_markdown_shows_any_text_as_typed(text: str) -> None:
    assume(as_typed(text))  # a blank paragraph is no paragraph
    md = report.markdown(one_block_report(text))
    expected = as_typed(text)
    for render in RENDERERS:
        page = render(md)
        assert tags(page) == tags(render(report.markdown(one_block_report("plain")))), render.__name__
        paragraph, item, cell = re.findall(r"<(?:p|li|td)>(.*?)</(?:p|li|td)>", page, re.S)[1:4]
        title = re.search(r"<h1>(.*?)</h1>", page, re.S)
        assert title and text_of(title.group(1)) == expected, render.__name__
        assert [text_of(x) for x in (paragraph, item, cell)] == [expected] * 3, render.__name__
        alt = re.search(r'alt="([^"]*)"', page)
        assert alt and html.unescape(alt.group(1)) == expected, render.__name__


@given(texts)
def test_html_is_well_formed_and_shows_any_text_as_typed(text: str) -> None:
    page = report.html(one_block_report(text))
    root = ET.fromstring(page.split("\n", 1)[1])  # a real XML parser: raises on anything not well-formed
    expected = printable(text)
    assert root.findtext(".//h1") == expected
    assert [root.findtext(f".//{tag}") for tag in ("section/p", "li", "td", "figcaption")] == [expected] * 4
    html5lib.HTMLParser(strict=True).parse(page)  # the HTML5 parser: raises on any parse error


EVIL = {
    "url": "see https://example.org/x and www.example.org",
    "mail": "write to anna.berg@example.org or mailto:a@b.co",
    "code": "run `rm -rf` ```now```",
    "strike": "~~not~~ ~this~",
    "list": "- nested? 1. numbered",
    "emphasis": "*a* **b** _c_ __d__",
    "html": "<img src=x onerror=alert(1)> &amp; &copy;",
    "heading": "# heading ==",
}


def evil_map() -> jm.JourneyMap:
    """The home-training example with the issue's cases in its user texts."""
    m = jm.load(HOME)
    it = m.iteration("future")
    step = evolve(it.steps[0], name=EVIL["url"])
    changed = evolve(
        it,
        label=EVIL["list"],
        goals=(EVIL["list"], EVIL["mail"]),
        status=EVIL["code"],
        remaining_work=(EVIL["strike"],),
        maintenance=EVIL["html"],
        lessons=(EVIL["emphasis"], EVIL["heading"]),
        steps=(step, *it.steps[1:]),
    )
    return evolve(m, title=EVIL["mail"], iterations=(m.iterations[0], changed))


@pytest.fixture(scope="module")
def evil_report() -> report.Report:
    return report.build(evil_map(), "future", stem="h", today=dt.date(2023, 1, 15), renderer="wasm")


@pytest.mark.parametrize("render", RENDERERS)
def test_the_issues_cases_render_as_typed_in_markdown(evil_report: report.Report, render: object) -> None:
    page = render(report.markdown(evil_report))  # type: ignore[operator]
    shown = text_of(page)
    for text in EVIL.values():
        assert text in shown
    assert "<a " not in page and "<del>" not in page and "<img" not in page.replace('<img src="h-', "")
    assert page.count("<code>") == 0  # every section has text of the map's, none is a hint
    assert "<ul>\n<li>\n<ul>" not in page and "<ol>" not in page


def test_the_issues_cases_render_as_typed_in_html(evil_report: report.Report) -> None:
    page = report.html(evil_report)
    root = ET.fromstring(page.split("\n", 1)[1])
    texts = " ".join("".join(e.itertext()) for e in root.iter() if e.tag in ("p", "li", "td", "h1"))
    for text in EVIL.values():
        assert text in texts
    assert not [c for c in root.iter("code")]
    assert all(
        a.find("{http://www.w3.org/2000/svg}svg") is not None for a in root.iter("a")
    )  # figure links only


def test_hints_keep_their_code_spans() -> None:
    m = jm.load(HOME)
    bare = evolve(m.iteration("future"), goals=())
    content = report.build(evolve(m, iterations=(m.iterations[0], bare)), stem="h", renderer="wasm")
    assert "<code>goals</code>" in gfm(report.markdown(content))
    assert "<code>goals</code>" in report.html(content)


def test_control_characters_leave_the_html_well_formed(tmp_path: Path) -> None:
    m = jm.load(HOME)
    it = m.iteration("future")
    nasty = "a\x00b\x01c\x0bd\x0ce\x1bf\x7fg\x85h\x9fi\ufffej\U0010ffffk"
    changed = evolve(
        it, label=nasty, status=nasty, goals=(nasty,), steps=(evolve(it.steps[0], name=nasty), *it.steps[1:])
    )
    path = tmp_path / "m.toml"
    jm.save(evolve(m, title=nasty, iterations=(m.iterations[0], changed)), path)
    assert main(["report", str(path), "-o", str(tmp_path / "out"), "--renderer", "wasm"]) == 0
    page = (tmp_path / "out" / "m-report.html").read_text(encoding="utf-8")
    root = ET.fromstring(page.split("\n", 1)[1])
    html5lib.HTMLParser(strict=True).parse(page)
    assert root.findtext(".//h1") == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\ufffdh\ufffdi\ufffdj\ufffdk"


def test_image_links_work_for_any_file_name(tmp_path: Path) -> None:
    path = tmp_path / "my map (v2) [draft] #1.toml"
    path.write_bytes(HOME.read_bytes())
    out = tmp_path / "out"
    assert main(["report", str(path), "-o", str(out), "--renderer", "wasm"]) == 0
    md = (out / "my map (v2) [draft] #1-report.md").read_text(encoding="utf-8")
    for render in RENDERERS:
        sources = re.findall(r'<img src="([^"]+)"', render(md))
        assert len(sources) == 3 + 4  # journey, compare, priorities; a chart per indicator
        for source in sources:
            assert (out / unquote(html.unescape(source))).is_file(), source
