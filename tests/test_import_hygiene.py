"""The library never imports Textual."""

from __future__ import annotations

import subprocess
import sys


def test_library_does_not_import_textual() -> None:
    code = "import sys, journeymap, journeymap.cli; print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
