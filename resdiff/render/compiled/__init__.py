"""Renderers of a :class:`~resdiff.merge.compilation.Compilation`: one module per format.

Each module exposes ``render(compilation, options) -> str | bytes``; modules are imported
only when their format is asked for. No renderer computes anything: they read the
compilation's entries and positions, and word marks with the shared report helpers.
"""

from __future__ import annotations

from resdiff.merge.compilation import Compilation
from resdiff.render import RenderOptions, renderer

#: format name -> module. ``docx`` is binary.
FORMATS: dict[str, str] = {
    "json": "resdiff.render.compiled.json_format",
    "text": "resdiff.render.compiled.text",
    "term": "resdiff.render.compiled.term",
    "markdown": "resdiff.render.compiled.markdown",
    "html": "resdiff.render.compiled.html",
    "docx": "resdiff.render.compiled.docx",
}
BINARY_FORMATS = frozenset({"docx"})


def render(compilation: Compilation, fmt: str, options: RenderOptions | None = None) -> str | bytes:
    """Render ``compilation`` in format ``fmt`` (one of :data:`FORMATS`)."""
    output: str | bytes = renderer(FORMATS, fmt).render(compilation, options or RenderOptions())
    return output
