"""Source positions: the input cut into lines, with offsets, BOM and line ends accounted for.

The parser never copies or rewrites the input: it works on offsets into the exact
source text, so ``to_source()`` is the input itself and every diagnostic can name a
1-based line and column. A line ends with ``\\n``, ``\\r\\n`` or a lone ``\\r`` (old Mac
files), so CRLF and CR-only files give the same structure as their LF twin.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, count, repeat
from operator import itemgetter, not_
from typing import NamedTuple, cast

from resdiff.parsing.patterns import LazyPattern

BOM = "\ufeff"

#: Web markup at the start of a line: indentation and a bullet (the seed page's ``• a) …``),
#: and stray byte-order marks (U+FEFF, a zero-width no-break space where texts were joined:
#: at the start of the text it is the BOM, so a line must not begin with one either): any
#: run of white space other than a line end, bullets and U+FEFF (:func:`skip_markup`).
_BULLETS = "•▪◦·"
_LEAD_MARKS = _BULLETS + BOM
#: A line end: CRLF, LF, or a lone CR.
_EOL_RE = LazyPattern("\r\n|\n|\r")


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


#: A line as the parser reads it: :class:`Line`'s fields without their names (number,
#: start, end, body, bullet). A plain tuple, so that a text's lines are made in C.
Span = tuple[int, int, int, int, bool]


class Positions:
    """Maps an offset in the source to a 1-based (line, column); a leading BOM takes no column."""

    def __init__(self, text: str, lines: Sequence[Span] | None = None) -> None:
        """``lines``, when given, are ``split_lines(text)``: their starts are the offsets."""
        if lines is None:
            self._starts = [0]
            self._starts.extend(m.end() for m in _EOL_RE.finditer(text))
        else:
            self._starts = list(map(itemgetter(1), lines))
            self._starts[0] = 0  # line 1 starts at 0 even after a BOM (at() skips it)
        self._bom = 1 if text.startswith(BOM) else 0

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[index]
        if index == 0:
            start = min(self._bom, offset) if offset >= self._bom else 0
        return index + 1, offset - start + 1


def skip_markup(text: str, pos: int, end: int) -> int:
    """Where the text proper begins at ``pos``: after the markup a line may open with
    (indentation, web bullets, stray U+FEFF), as :func:`split_lines` skips it — for a
    paragraph that begins inside a line (a footnote after an inline rule), so that it
    reads as it will once the canonical form gives it a line of its own.

    The markup is any run of white space but a line end, bullets and U+FEFF: a
    character test, so that no pattern with a class of non-ASCII characters is compiled
    for it."""
    marks = _LEAD_MARKS
    while pos < end:
        char = text[pos]
        if char in marks or (char.isspace() and char != "\n"):
            pos += 1
        else:
            break
    return pos


def split_lines(text: str) -> list[Line]:
    """Cut ``text`` into lines (at CRLF, LF or CR), stripping a BOM and web markup from
    each start."""
    return lines_and_blanks(text)[0]


def lines_and_blanks(text: str) -> tuple[list[Line], list[bool]]:
    """:func:`split_lines`, and whether each line is blank (nothing after its markup but
    white space), found in the same pass: the parser asks that of every line."""
    lines: list[Line] = []
    blanks: list[bool] = []
    append, blank = lines.append, blanks.append
    make = tuple.__new__  # Line(...) without the named tuple's Python-level __new__
    pos = len(BOM) if text.startswith(BOM) else 0
    marks = _LEAD_MARKS
    if "\r" in text:  # rare: find each line end, whatever it is
        ends = [(m.start(), m.end()) for m in _EOL_RE.finditer(text, pos)]
        ends.append((len(text), len(text)))
        for number, (end, next_start) in enumerate(ends, start=1):
            if end > pos and (text[pos].isspace() or text[pos] in marks):
                body, bullet = _lead(text, pos, end)
            else:
                body, bullet = pos, False
            append(make(Line, (number, pos, end, body, bullet)))
            blank(not text[body:end].strip())
            pos = next_start
        return lines, blanks
    for number, part in enumerate(text[pos:].split("\n"), start=1):  # ends from lengths
        end = pos + len(part)
        if part and (part[0].isspace() or part[0] in marks):
            body, bullet = _lead(text, pos, end)
            append(make(Line, (number, pos, end, body, bullet)))
            blank(not text[body:end].strip())
        else:  # most lines: no indentation, no bullet; blank only when empty
            append(make(Line, (number, pos, end, pos, False)))
            blank(not part)
        pos = end + 1
    return lines, blanks


def line_spans(text: str) -> tuple[list[Span], list[bool]]:
    """:func:`lines_and_blanks` as plain tuples (:data:`Span`). Most texts have no line
    that opens with markup: then each body is its line's start, a line is blank only
    when empty, and the lines are made without a Python-level step per line."""
    pos = len(BOM) if text.startswith(BOM) else 0
    if "\r" not in text:
        parts = text[pos:].split("\n")
        firsts = "".join([part[:1] for part in parts])  # each line's first character
        words = firsts.split()
        if (not firsts or (len(words) == 1 and len(words[0]) == len(firsts))) and not any(
            mark in firsts for mark in _LEAD_MARKS
        ):
            starts = list(accumulate([len(part) + 1 for part in parts], initial=pos))
            ends = [start - 1 for start in starts[1:]]
            spans = list(zip(count(1), starts, ends, starts, repeat(False)))
            return spans, list(map(not_, parts))
    lines, blanks = lines_and_blanks(text)
    return cast(list[Span], lines), blanks


def _lead(text: str, pos: int, end: int) -> tuple[int, bool]:
    """Where the text proper of the line ``text[pos:end]`` begins, and whether a bullet
    was skipped on the way."""
    body = skip_markup(text, pos, end)
    return body, any(c in _BULLETS for c in text[pos:body])


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
