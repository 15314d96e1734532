"""The documents in docs/ stay true: the format reference is generated, its example loads, links resolve."""

from __future__ import annotations

import re

from conftest import ROOT

import journeymap as jm
from journeymap.format_reference import reference

DOCS = ROOT / "docs"


def test_the_format_reference_is_current() -> None:
    assert (DOCS / "format.md").read_text(encoding="utf-8") == reference(), (
        "docs/format.md is stale: run python -m journeymap.format_reference > docs/format.md"
    )


def test_the_format_reference_names_every_key_of_the_model() -> None:
    text = reference()
    schema = jm.json_schema()
    for table in [schema, *schema["$defs"].values()]:
        for key in table["properties"]:
            assert f"| `{key}` |" in text


def test_the_example_in_the_format_reference_loads_and_validates() -> None:
    (example,) = re.findall(r"```toml\n(.*?)```", reference(), re.S)
    m = jm.loads(example, "docs/format.md")
    assert not jm.has_errors(jm.validate(m))


def test_links_in_docs_point_inside_the_repository() -> None:
    for page in DOCS.glob("*.md"):
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert not target.startswith(("http:", "https:", "/")), (page.name, target)
            assert (page.parent / target).exists(), (page.name, target)
