"""Starting the editor on a map already read from its file."""

from __future__ import annotations

import gc
from pathlib import Path

from journeymap.document import Document, Recovery
from journeymap.model import Language
from tui.app import JourneymapApp


def editor(
    path: str | Path,
    document: Document | None,
    recovered: Recovery | None = None,
    language: Language | str | None = None,
) -> JourneymapApp:
    """The editor on ``document``, for the rest of the process.

    What is alive now, the libraries and the map just read, lives as long as the editor, so it is
    moved out of the garbage collector's rounds (``gc.freeze``): on a large map those rounds would
    otherwise walk its million objects again and again while the editor starts and is used.
    """
    gc.freeze()  # no collection first: it would walk the whole heap once more, for the little garbage loading left
    return JourneymapApp(path, document, recovered, language)
