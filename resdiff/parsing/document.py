"""Finding the resolution in a text and reading it: regions, header, body, footnotes.

A text may carry more than a resolution: the seed page has site text before the number
line and after the last web bullet. That text is kept as :class:`~resdiff.model.Region` s
(never clauses, never lost). The header is the number line, the title after it and the
enacting formula; the body is every line after the header.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress, count
from operator import itemgetter, not_
from typing import Literal

from resdiff.model import (
    HEADER,
    Clause,
    Diagnostic,
    Header,
    Layout,
    Level,
    Region,
    Resolution,
)
from resdiff.parsing.headings import FORMULA_RE, NUMBER_RE, is_heading
from resdiff.parsing.labels import split_label
from resdiff.parsing.lines import BOM, Positions, Span, collapse, line_spans
from resdiff.parsing.patterns import LazyPattern
from resdiff.parsing.repairs import SEPARATOR_RE
from resdiff.parsing.structure import (
    READINGS,
    DraftReader,
    Drafts,
    build_annexes,
    build_footnotes,
    build_sections,
    read_line,
)
from resdiff.parsing.un_layout import detect_layout, parse_un

RegionKind = Literal["before", "after", "other"]

#: A text is a web page when at least this many lines carry a bullet.
WEB_BULLETS = 3
_IMPLICIT_KEY = "section"
#: A line that opens with a cross-reference (``c) iv) above``): the rest of the line before.
_CROSS_REFERENCE = LazyPattern(
    r"(?:\(?[a-z]{1,4}\)|\d{1,3})(?:\s+\(?[ivx]{1,4}\))?\s+(?:above|below)\b"
)


def _is_cross_reference(text: str, line: Span) -> bool:
    """Whether a line opens with a cross-reference (never without ``above`` or ``below``,
    looked for in place: most lines have neither)."""
    _, _, end, body, _ = line
    return (text.find("above", body, end) >= 0 or text.find("below", body, end) >= 0) and bool(
        _CROSS_REFERENCE.match(text[body:end].rstrip())
    )


#: A line that is only a footnote rule: the footnote block of a canonical text follows.
_FOOTNOTE_RULE = LazyPattern(r"_{5,}")


class _Reader:
    """One parse: the source, its lines and positions, and the diagnostics met."""

    def __init__(self, text: str, source: str | None) -> None:
        self.text = text
        self.source = source
        #: the lines, and whether each is blank (asked many times over)
        self.lines, self.blank = line_spans(text)
        self.positions = Positions(text, self.lines)
        self.diagnostics: list[Diagnostic] = []
        self.regions: list[Region] = []

    def note(self, level: Level, code: str, message: str, offset: int) -> None:
        """Record a diagnostic at a source offset."""
        line, column = self.positions.at(offset)
        self.diagnostics.append(Diagnostic(level, code, message, line, column))

    def region(self, kind: RegionKind, start: int, end: int) -> None:
        """Keep ``text[start:end]`` as a region, unless it is only white space."""
        if self.text[start:end].strip():
            line, column = self.positions.at(start)
            self.regions.append(Region(kind, self.text[start:end], line, column))

    def content(self, line: Span) -> str:
        """The line's text after its leading markup, trailing white space removed."""
        return self.text[line[3] : line[2]].rstrip()

    # -- the parts ---------------------------------------------------------------------
    def parse(self) -> Resolution:
        text, lines = self.text, self.lines
        if not text.lstrip(BOM).strip():
            self.note("error", "empty", "no text at all", 0)
            return Resolution(text, self.source, Header(), (), diagnostics=tuple(self.diagnostics))
        number_at = self._find_number()
        stop = self._find_end(number_at)
        first = number_at if number_at is not None else self._next_nonblank(0, stop)
        if first is not None and first > 0:
            self.region("before", lines[0][1], lines[first][1])  # after a BOM
            if self.regions:
                self.note("info", "site-text", "text before the resolution kept as a region", 0)
        header, body_from = self._header(number_at, stop)
        drafts = self._body(body_from, stop)
        after = self._next_nonblank(stop, len(lines))
        if after is not None:
            self.region("after", lines[after][1], len(text))
            if self.regions and self.regions[-1].kind == "after":
                self.note(
                    "info",
                    "site-text",
                    "text after the resolution kept as a region",
                    lines[after][1],
                )
        report = self.diagnostics.append
        sections = build_sections(drafts.sections, "", _IMPLICIT_KEY, report)
        annexes = build_annexes(drafts.annexes, report)
        footnotes = build_footnotes(drafts.footnotes)
        if not any(s.heading for s in sections):
            where = lines[body_from][1] if body_from < len(lines) else 0
            self.note(
                "warning",
                "no-structure",
                "no section heading found; read as one section of unlabelled paragraphs"
                if not any(c.label for s in sections for c in s.walk())
                else "no section heading found",
                where,
            )
        if header.number is None:
            self.note("warning", "no-number", "no number line (RESOLUTION n (…)) found", 0)
        diagnostics = sorted(self.diagnostics, key=lambda d: (d.line, d.column, d.code))
        return Resolution(
            source_text=text,
            source=self.source,
            header=header,
            sections=sections,
            annexes=annexes,
            footnotes=footnotes,
            regions=tuple(sorted(self.regions, key=lambda r: (r.line, r.column))),
            diagnostics=tuple(diagnostics),
        )

    def _next_nonblank(self, index: int, stop: int) -> int | None:
        blank = self.blank
        for i in range(index, stop):
            if not blank[i]:
                return i
        return None

    def _find_number(self) -> int | None:
        """The number line: the first line that is one, before any footnote rule (what
        follows a rule is a footnote, even when it reads like a number line; taking it
        would leave the whole body before it as site text)."""
        for i, line in enumerate(self.lines):
            content = self.content(line)
            if NUMBER_RE.fullmatch(content):
                return i
            if SEPARATOR_RE.fullmatch(content):
                return None
        return None

    def _find_end(self, number_at: int | None) -> int:
        """Index of the first line after the resolution (web pages: after the last bullet)."""
        bullets = list(compress(count(), map(itemgetter(4), self.lines)))
        if len(bullets) < WEB_BULLETS or (number_at is not None and bullets[-1] < number_at):
            return len(self.lines)
        return bullets[-1] + 1

    def _header(self, number_at: int | None, stop: int) -> tuple[Header, int]:
        number = title = formula = None
        index = 0
        if number_at is not None:
            line = self.lines[number_at]
            m = NUMBER_RE.fullmatch(self.content(line))
            assert m is not None
            body = line[3]
            if m.group("prefix"):
                self.region("other", body, body + m.start("number"))
            number = self._part("number", body + m.start("number"), m.group("number"))
            index = number_at + 1
            nxt = self._next_nonblank(index, stop)
            if nxt is not None and _is_title(self.content(self.lines[nxt])):
                title = self._part("title", self.lines[nxt][3], self.content(self.lines[nxt]))
                index = nxt + 1
        nxt = self._next_nonblank(index, stop)
        if nxt is not None and _is_formula(self.content(self.lines[nxt])):
            content = self.content(self.lines[nxt])
            formula = self._part("formula", self.lines[nxt][3], content)
            index = nxt + 1
        return Header(number, title, formula), index

    def _part(self, name: str, offset: int, raw: str) -> Clause:
        line, column = self.positions.at(offset)
        return Clause(f"{HEADER}/{name}", None, collapse(raw), HEADER, line, column)

    def _body(self, start: int, stop: int) -> Drafts:
        """Read the body's lines (``start`` to ``stop``) into drafts: each line cut into
        pieces and read (:func:`read_line`), its repairs noted, then sorted into sections,
        annexes and footnotes; text after the resolution's end is kept as a region."""
        in_footnotes = False
        joined = 0  # lines joined to the one before, still to skip
        text, lines, blank, note = self.text, self.lines, self.blank, self.note
        reader = DraftReader(self.positions.at)
        take, remembered = reader.take, READINGS.find
        rows = list(compress(lines[start:stop], map(not_, blank[start:stop])))  # not blank
        count = len(rows)
        for row, line in enumerate(rows, start=1):
            if joined:  # the line was joined to the one before
                joined -= 1
                continue
            number, first, end, body, _ = line
            stop_line = end
            if text[body] == "_" and _FOOTNOTE_RULE.fullmatch(text[body:end].rstrip()):
                in_footnotes = True  # the footnote block of a canonical text
                continue
            # "… the loan indicated in recalling" / "c) iv) above and …": one sentence, as
            # many lines as it was broken into (not after a heading line: "considering" /
            # "c) iv) above …" is a heading and its first paragraph, as the canonical text
            # will read them again)
            while (
                not in_footnotes
                and row + joined < count
                and _last_character(text, body, end).isalnum()
                and _is_cross_reference(text, rows[row + joined])
                and (joined or not is_heading(text[body:end].rstrip()))
            ):
                nxt = rows[row + joined]
                note("warning", "broken-line", "paragraph broken across two lines joined", nxt[3])
                end, joined = nxt[2], joined + 1
            base = body - 1 if body > 0 else body
            span, offset = text[base:end], body - base
            # a line met before (most lines of a revision pair): its remembered reading
            found = remembered((span, offset, in_footnotes))
            readings, repairs = found or read_line(span, offset, in_footnotes)
            if repairs:
                for code, message, at in repairs:
                    note("warning", code, message, at + base)
            ended = take(readings, base, number, first, stop_line)
            if ended is not None:
                self.region("after", ended, len(text))
                break
        return reader.drafts


def _last_character(text: str, body: int, end: int) -> str:
    """The last character of a line (``body`` to ``end``) but white space."""
    last = text[end - 1]
    return text[body:end].rstrip()[-1] if last.isspace() else last


@lru_cache(maxsize=1024)
def _is_title(content: str) -> bool:
    """Whether the line after the number line is the title (no label, heading, formula
    or footnote rule); remembered, as every revision of a resolution repeats its title."""
    label, _ = split_label(content)
    return (
        label is None
        and not is_heading(content)
        and FORMULA_RE.fullmatch(content) is None
        and SEPARATOR_RE.fullmatch(content) is None
    )


@lru_cache(maxsize=1024)
def _is_formula(content: str) -> bool:
    """Whether a line is the enacting formula; remembered like :func:`_is_title`."""
    return FORMULA_RE.fullmatch(content) is not None


def parse_text(text: str, source: str | None = None, layout: Layout | None = None) -> Resolution:
    """Parse ``text`` (the whole input, exactly as read) into a :class:`Resolution`.

    ``layout`` forces ITU headings (``"itu"``) or UN paragraphs (``"un"``); by default
    each text's own layout is recognised (:func:`~resdiff.parsing.un_layout.detect_layout`).
    """
    if layout is None:
        layout = detect_layout(text)
    if layout == "un":
        return parse_un(text, source)
    return _Reader(text, source).parse()
