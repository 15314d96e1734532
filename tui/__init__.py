"""The Textual editor for journeymap maps: ``journeymap edit FILE``."""

from tui.app import JourneymapApp
from tui.start import editor

__all__ = ["JourneymapApp", "editor"]
