"""Source positions: the input cut into lines, with offsets, BOM and line ends accounted for.

The parser never copies or rewrites the input: it works on offsets into the exact
source text, so ``to_source()`` is the input itself and every diagnostic can name a
1-based line and column. Only ``\\n`` ends a line (a ``\\r`` before it is part of the
line end), so a CRLF file and its LF twin give the same structure.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

BOM = "\ufeff"

#: Web markup at the start of a line: indentation and a bullet (the seed page's ``• a) …``).
_LEAD_RE = re.compile(r"[^\S\n]*(?:[•▪◦·][^\S\n]*)*")


@dataclass(frozen=True)
class Line:
    """One source line: ``start``/``end`` offsets of its content (line end excluded).

    ``body`` is the offset where the text proper begins, after indentation and a web
    bullet; ``bullet`` says whether a bullet was stripped there.
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

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(m.end() for m in re.finditer("\n", text))
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
    pos = len(BOM) if text.startswith(BOM) else 0
    number = 1
    length = len(text)
    while pos <= length:
        nl = text.find("\n", pos)
        stop = length if nl < 0 else nl
        end = stop - 1 if stop > pos and text[stop - 1] == "\r" else stop
        lead = _LEAD_RE.match(text, pos, end)
        body = lead.end() if lead else pos
        bullet = lead is not None and any(c in "•▪◦·" for c in text[pos:body])
        lines.append(Line(number, pos, end, body, bullet))
        if nl < 0:
            break
        pos = nl + 1
        number += 1
    return lines


def collapse(text: str) -> str:
    """Collapse every run of whitespace to one space and trim: the model's text form."""
    return " ".join(text.split())
