"""``--format term``: the text redline with ANSI colour, for a terminal.

Deleted words are red and struck through, inserted words green and underlined (so the
marks do not rest on colour alone), headings bold, notes dim; tree lines are coloured by
their ITU mark. Whether to colour is decided by the CLI (``--color``, ``NO_COLOR``, a
terminal or not) and arrives as ``RenderOptions.color``; without colour the output is
exactly the ``text`` format, brackets and all, so nothing is lost in a pipe.
"""

from __future__ import annotations

from dataclasses import dataclass

from resdiff.changes import Diff, TreeDiff
from resdiff.render import RenderOptions
from resdiff.render.text import PLAIN, Style, render_styled

RESET = "\x1b[0m"
DELETED = "\x1b[9;31m"  # strike-through, red
INSERTED = "\x1b[4;32m"  # underline, green
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
MARK_COLOURS = {"ADD": "\x1b[32m", "SUP": "\x1b[31m", "MOD": "\x1b[33m", "NOC": DIM}


@dataclass(frozen=True)
class AnsiStyle(Style):
    """ANSI SGR sequences around each run; every run is closed by a reset."""

    def deleted(self, text: str) -> str:
        return f"{DELETED}{text}{RESET}"

    def inserted(self, text: str) -> str:
        return f"{INSERTED}{text}{RESET}"

    def heading(self, text: str) -> str:
        return f"{BOLD}{text}{RESET}"

    def note(self, text: str) -> str:
        return f"{DIM}{text}{RESET}"

    def mark(self, mark: str, text: str) -> str:
        return f"{MARK_COLOURS.get(mark, '')}{text}{RESET}"


ANSI = AnsiStyle()


def render(result: Diff | TreeDiff, options: RenderOptions) -> str:
    """Render with colour when ``options.color``, else exactly as the text format."""
    return render_styled(result, options, ANSI if options.color else PLAIN)
