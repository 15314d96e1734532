"""The Textual editor for journeymap maps (arrives with its own issue)."""
