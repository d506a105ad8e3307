"""``--format term``: the compiled document with ANSI colour, for a terminal.

The text format's layout with the diff report's terminal style (deleted words red and
struck through, inserted green and underlined, marks coloured); without colour it is
exactly the text format.
"""

from __future__ import annotations

from resdiff.merge.compilation import Compilation
from resdiff.render import RenderOptions
from resdiff.render.compiled.text import render_styled
from resdiff.render.term import ANSI
from resdiff.render.text import PLAIN


def render(compilation: Compilation, options: RenderOptions) -> str:
    """Colour when ``options.color``, else exactly as the text format."""
    return render_styled(compilation, options, ANSI if options.color else PLAIN)
