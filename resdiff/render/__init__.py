"""Renderers: one module per output format, each turning a Diff (or TreeDiff) into bytes/text.

No renderer computes a diff. Each format module exposes
``render(result: Diff | TreeDiff, options: RenderOptions) -> str | bytes``; modules are
imported only when their format is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from types import ModuleType

from resdiff.changes import Diff, TreeDiff

#: format name -> module implementing it. ``bytes`` formats are marked in BINARY_FORMATS.
FORMATS: dict[str, str] = {
    "json": "resdiff.render.json_format",
    "text": "resdiff.render.text",
    "term": "resdiff.render.term",
    "markdown": "resdiff.render.markdown",
    "html": "resdiff.render.html",
    "docx": "resdiff.render.docx",
    "itu": "resdiff.render.itu",
    "instructions": "resdiff.render.instructions",
}
BINARY_FORMATS = frozenset({"docx"})


@dataclass(frozen=True)
class RenderOptions:
    """What every renderer may be asked: list unchanged clauses, colour, marks, authorship."""

    show_all: bool = False
    color: bool = False
    marks: str | None = None  # "itu": show ITU revision marks (html, docx)
    author: str = "resdiff"
    date: str | None = None  # ISO 8601 date for tracked changes; None = a fixed, stated default


def render(result: Diff | TreeDiff, fmt: str, options: RenderOptions | None = None) -> str | bytes:
    """Render ``result`` in format ``fmt`` (one of :data:`FORMATS`)."""
    output: str | bytes = renderer(FORMATS, fmt).render(result, options or RenderOptions())
    return output


def renderer(formats: Mapping[str, str], fmt: str) -> ModuleType:
    """The module that writes format ``fmt`` (imported now, not before it is asked for);
    ``ValueError`` naming the choices when ``formats`` has no such format."""
    try:
        module_name = formats[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(formats)}") from None
    return importlib.import_module(module_name)
