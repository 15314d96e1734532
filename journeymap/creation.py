"""New elements and their ids, as an editor or a script asks for them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping

import attrs
from cattrs.errors import BaseValidationError

from journeymap.converter import make_file_converter, structure_problems
from journeymap.elements import Element, Kind
from journeymap.errors import InvalidEditError

_converter = make_file_converter()


def slug(text: str) -> str:
    """An id made from a name: ``'Hjælp fra superbrugeren'`` -> ``'hjaelp-fra-superbrugeren'``."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40].strip("-") or "item"


def unique(base: str, taken: Collection[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not in ``taken``."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def new_id(name: str, taken: Collection[str]) -> str:
    """A free id for a new element called ``name``: its :func:`slug`, made :func:`unique`."""
    return unique(slug(name), taken)


def new_element(kind: Kind, values: Mapping[str, object]) -> Element:
    """A new element of ``kind`` from values as a file holds them (its ``id`` among them).

    Keys that are not fields of the kind are ignored, and an empty text leaves a field that has a
    default at it. The values go through the file's strict converter: :class:`InvalidEditError`
    names each wrong or missing one.
    """
    defaults = {f.name for f in attrs.fields(kind.type) if f.default is not attrs.NOTHING}
    data = {
        f.name: values[f.name]
        for f in attrs.fields(kind.type)
        if f.name in values and not (values[f.name] == "" and f.name in defaults)
    }
    try:
        element: Element = _converter.structure(data, kind.type)
    except BaseValidationError as exc:
        raise InvalidEditError(structure_problems(exc, data)) from None
    return element
