"""The Textual editor for journeymap maps: ``journeymap edit FILE``."""

from tui.app import JourneymapApp

__all__ = ["JourneymapApp"]
