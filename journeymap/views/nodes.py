"""Graphviz node names made from element ids, one name per element and never two.

A name is a kind followed by its ids, each after a ``/``: ``step/intake``, ``tp/s_1/t``. Ids
are percent-encoded (a valid id stays as it is; a ``/`` or ``%`` in any text is encoded), and
names of nodes without ids contain no ``/``, so different elements always get different names,
whatever their ids.
"""

from __future__ import annotations

from urllib.parse import quote


def node(kind: str, *ids: str) -> str:
    """The node name of the element of ``kind`` identified by ``ids`` (for example step, touchpoint)."""
    return "/".join([kind, *(quote(part, safe="") for part in ids)])
