"""The language the command line speaks: English for now, through gettext so it can change.

Messages are whole sentences with ``{placeholders}`` and counted ones use ``ngettext``, so
that translating the command line later is a catalog change and this one line.
"""

from __future__ import annotations

from journeymap.i18n import translation
from journeymap.model import Language

CLI = translation(Language.EN)
