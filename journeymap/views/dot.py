"""A small writer of DOT text: every name and value quoted, nothing else interpreted.

Labels arrive already escaped by :mod:`journeymap.views.text`; here double quotes are escaped
and everything is wrapped in double quotes, so no value can end a statement, open an HTML
label or add an attribute. Statements come out in the order they were made: the same calls
give the same bytes.
"""

from __future__ import annotations


def quote(value: str) -> str:
    """A DOT double-quoted string."""
    return '"' + (value.replace('"', '\\"') if '"' in value else value) + '"'


def _attrs(attrs: dict[str, str]) -> str:
    return " ".join(f"{key}={quote(str(value))}" for key, value in attrs.items())


class Dot:
    """A directed graph being written."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.graph_attrs: dict[str, str] = {}
        self._defaults: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
        self._body: list[str] = []

    def attr(self, kind: str = "graph", **attrs: str) -> None:
        """Set graph attributes, or defaults for every ``node`` or ``edge``."""
        (self.graph_attrs if kind == "graph" else self._defaults[kind]).update(attrs)

    def defaults(self, kind: str) -> dict[str, str]:
        """The attributes every ``node`` or ``edge`` gets unless it says otherwise."""
        return dict(self._defaults[kind])

    def node(self, name: str, **attrs: str) -> None:
        self._body.append(f"\t{quote(name)} [{_attrs(attrs)}]")

    def edge(self, tail: str, head: str, **attrs: str) -> None:
        self._body.append(f"\t{quote(tail)} -> {quote(head)} [{_attrs(attrs)}]")

    @property
    def source(self) -> str:
        """The DOT text."""
        head = [f"digraph {quote(self.name)} {{", f"\tgraph [{_attrs(self.graph_attrs)}]"]
        head += [f"\t{kind} [{_attrs(attrs)}]" for kind, attrs in self._defaults.items() if attrs]
        return "\n".join([*head, *self._body, "}"]) + "\n"
