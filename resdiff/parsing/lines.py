"""Source positions: the input cut into lines, with offsets, BOM and line ends accounted for.

The parser never copies or rewrites the input: it works on offsets into the exact
source text, so ``to_source()`` is the input itself and every diagnostic can name a
1-based line and column. Only ``\\n`` ends a line (a ``\\r`` before it is part of the
line end), so a CRLF file and its LF twin give the same structure.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

BOM = "\ufeff"

#: Web markup at the start of a line: indentation and a bullet (the seed page's ``• a) …``).
_LEAD_RE = re.compile(r"[^\S\n]*(?:[•▪◦·][^\S\n]*)*")
_BULLETS = "•▪◦·"


class Line(NamedTuple):
    """One source line: ``start``/``end`` offsets of its content (line end excluded).

    ``body`` is the offset where the text proper begins, after indentation and a web
    bullet; ``bullet`` says whether a bullet was stripped there. A named tuple (immutable
    like a frozen dataclass, cheaper to make: a text has hundreds of lines).
    """

    number: int
    start: int
    end: int
    body: int
    bullet: bool

    def content(self, text: str) -> str:
        """The line's text after the leading markup, trailing whitespace removed."""
        return text[self.body : self.end].rstrip()

    def is_blank(self, text: str) -> bool:
        return not text[self.body : self.end].strip()


class Positions:
    """Maps an offset in the source to a 1-based (line, column); a leading BOM takes no column."""

    def __init__(self, text: str, lines: list[Line] | None = None) -> None:
        """``lines``, when given, are ``split_lines(text)``: their starts are the offsets."""
        if lines is None:
            self._starts = [0]
            self._starts.extend(m.end() for m in re.finditer("\n", text))
        else:
            self._starts = [0, *(line.start for line in lines[1:])]
        self._bom = 1 if text.startswith(BOM) else 0

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[index]
        if index == 0:
            start = min(self._bom, offset) if offset >= self._bom else 0
        return index + 1, offset - start + 1


def split_lines(text: str) -> list[Line]:
    """Cut ``text`` into lines (on ``\\n`` only), stripping a BOM and web markup from each start."""
    lines: list[Line] = []
    append = lines.append
    make = tuple.__new__  # Line(...) without the named tuple's Python-level __new__
    pos = len(BOM) if text.startswith(BOM) else 0
    lead_match = _LEAD_RE.match
    for number, raw in enumerate(text[pos:].split("\n"), start=1):
        stop = pos + len(raw)
        end = stop - 1 if raw.endswith("\r") else stop
        if raw and (raw[0].isspace() or raw[0] in _BULLETS):
            lead = lead_match(text, pos, end)
            body = lead.end() if lead else pos
            bullet = any(c in _BULLETS for c in text[pos:body])
        else:  # most lines: no indentation, no bullet
            body, bullet = pos, False
        append(make(Line, (number, pos, end, body, bullet)))
        pos = stop + 1
    return lines


def collapse(text: str) -> str:
    """Collapse every run of whitespace to one space and trim: the model's text form.

    Remembered for texts up to :data:`_REMEMBERED` characters (two revisions share most
    of their paragraphs), so the cache stays small whatever the input.
    """
    if len(text) > _REMEMBERED:
        return " ".join(text.split())
    return _collapse(text)


_REMEMBERED = 2_000


@lru_cache(maxsize=4096)
def _collapse(text: str) -> str:
    return " ".join(text.split())
