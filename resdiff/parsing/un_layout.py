"""Resolutions in the UN layout (General Assembly, Human Rights Council, ECOSOC, WHA …).

The UN layout has no section headings. After the header (document symbol, agenda item,
adoption line ``Resolution adopted by the General Assembly on …``, ``73/179. <title>``,
the formula ``The General Assembly,``) come the preambular paragraphs, each led by its
participle or adjective and ending with a comma, then the operative paragraphs numbered
across the whole operative part (``1. Resolves …;``), with sub-paragraphs ``(a)``,
``(i)`` on their own lines or inline after a colon or semicolon.

Paths (contract, docs/text-format.md): ``preamble/N`` for the N-th preambular paragraph,
``operative/N`` for the operative paragraph numbered N, ``operative/N/a``,
``operative/N/a/i`` for sub-paragraphs; header parts ``header/symbol``,
``header/agenda``, ``header/adopted``, ``header/number``, ``header/title``,
``header/formula``. The two parts are sections keyed ``preamble`` and ``operative``
whose headings are those part names (they are not printed in the text).

:func:`detect_layout` decides per text which layout it is in; :func:`parse_un` reads a
text in the UN layout, losslessly (``to_source()`` is the input; lines around the header
that are no part of it are kept as regions).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from resdiff.model import (
    HEADER,
    Clause,
    Diagnostic,
    Header,
    Layout,
    Level,
    Region,
    Resolution,
    Section,
)
from resdiff.parsing.headings import FORMULA_RE, NUMBER_RE
from resdiff.parsing.lines import BOM, Line, Positions, collapse, split_lines
from resdiff.parsing.patterns import LazyPattern
from resdiff.parsing.structure import Para, build_clauses
from resdiff.un_names import OPERATIVE, PREAMBLE

#: ``A/RES/73/179``, ``A/HRC/RES/20/8``, ``E/RES/2018/5``: a document symbol line.
SYMBOL_RE = LazyPattern(r"(?:[A-Z]{1,6}/)+(?:RES|DEC)/[0-9A-Za-z./()-]+")
#: ``Agenda item 74 (b)``, ``Agenda items 12 and 13``.
AGENDA_RE = LazyPattern(r"Agenda\s+items?\s+\S.{0,200}")
#: ``Resolution adopted by the General Assembly on 14 December 2018``.
ADOPTED_RE = LazyPattern(r"(?:Resolution|Decision)\s+adopted\s+by\s+the\s+\S.{0,200}")
#: ``73/179. Title``, ``2018/5. Title``, ``20/8 Title``, ``WHA71.1 Title``, ``EB142.R3``.
UN_NUMBER_RE = LazyPattern(
    r"(?P<number>\d{1,4}/\d{1,4}(?:\s?[A-Z](?![a-z]))?|WHA\d{1,3}\.\d{1,3}|EB\d{1,3}\.R\d{1,3})"
    r"\.?(?:\s+(?P<title>\S.*))?"
)
#: The enacting formula of a UN body: ``The General Assembly,`` (FORMULA_RE, ending in a comma).
UN_BODIES_RE = LazyPattern(
    r"The\s+(?:General\s+Assembly|Human\s+Rights\s+Council|Economic\s+and\s+Social\s+Council"
    r"|World\s+Health\s+Assembly|Security\s+Council|Executive\s+Board|General\s+Conference)\s*,"
)
#: An operative paragraph's number: ``12.`` followed by its text.
OP_LABEL_RE = LazyPattern(r"(?P<label>\d{1,3}\.)(?=\s|$)")
#: A sub-paragraph's letter or numeral: ``(a)``, ``(iv)``.
SUB_LABEL_RE = LazyPattern(r"(?P<label>\((?:[a-z]{1,2}|[ivxlc]{1,6})\))(?=\s|$)")
#: Where an inline sub-paragraph starts: after a colon or semicolon, ``(b) …``.
INLINE_SUB_RE = LazyPattern(r"(?<=[:;])\s+(?=\((?:[a-z]{1,2}|[ivxlc]{1,6})\)\s)")
#: How many non-blank lines at the top may hold the header.
HEADER_WINDOW = 30


def detect_layout(text: str) -> Layout:
    """``"un"`` when the top of the text carries a UN header (adoption line, ``73/179.``
    number, document symbol or a UN body's formula) and no ITU number line; else ``"itu"``."""
    seen = 0
    for raw in _first_lines(text.lstrip(BOM)):
        content = " ".join(raw.split())
        if not content:
            continue
        if NUMBER_RE.fullmatch(content):
            return "itu"
        if _is_un_header(content):
            return "un"
        seen += 1
        if seen >= HEADER_WINDOW:
            break
    return "itu"


def _is_un_header(content: str) -> bool:
    """Whether a line is an adoption line, a document symbol, a UN body's formula or a
    UN number line. Each pattern is tried only on a line with what it needs (its first
    word, ``/RES/`` …), so an ITU text with site text above its number line (the seed
    page) compiles none of them."""
    return (
        (
            content.startswith(("Resolution", "Decision"))
            and ADOPTED_RE.fullmatch(content) is not None
        )
        or (("/RES/" in content or "/DEC/" in content) and SYMBOL_RE.fullmatch(content) is not None)
        or (content.startswith("The") and UN_BODIES_RE.fullmatch(content) is not None)
        or (
            (content[:1].isdecimal() or content.startswith(("WHA", "EB")))
            and _un_number(content) is not None
        )
    )


def _first_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` (split at ``\\n``) one by one, without splitting all of it:
    the layout is known after the first few."""
    pos = 0
    while True:
        nl = text.find("\n", pos)
        if nl < 0:
            yield text[pos:]
            return
        yield text[pos:nl]
        pos = nl + 1


def _un_number(content: str) -> re.Match[str] | None:
    """A UN number line (``73/179. Title``): the number, then a capitalised title or nothing."""
    m = UN_NUMBER_RE.fullmatch(content)
    if m is None:
        return None
    title = m.group("title")
    return m if title is None or title[:1].isupper() else None


def _is_formula(content: str) -> bool:
    return content.endswith(",") and (
        UN_BODIES_RE.fullmatch(content) is not None or FORMULA_RE.fullmatch(content) is not None
    )


class _UnReader:
    """One parse of a UN-layout text: its lines, positions and the diagnostics met."""

    def __init__(self, text: str, source: str | None) -> None:
        self.text = text
        self.source = source
        self.lines = split_lines(text)
        self.positions = Positions(text, self.lines)
        self.diagnostics: list[Diagnostic] = []
        self.regions: list[Region] = []

    def note(self, level: Level, code: str, message: str, offset: int) -> None:
        line, column = self.positions.at(offset)
        self.diagnostics.append(Diagnostic(level, code, message, line, column))

    def part(self, name: str, offset: int, raw: str) -> Clause:
        line, column = self.positions.at(offset)
        return Clause(f"{HEADER}/{name}", None, collapse(raw), HEADER, line, column)

    def nonblank(self) -> list[Line]:
        return [line for line in self.lines if not line.is_blank(self.text)]

    # -- header --------------------------------------------------------------------------
    def header(self, lines: list[Line]) -> tuple[Header, int]:
        """The header parts and the index (in ``lines``) of the first body line."""
        text = self.text
        window = lines[:HEADER_WINDOW]
        formula_at = next(
            (i for i, line in enumerate(window) if _is_formula(line.content(text))), None
        )
        parts: dict[str, Clause] = {}
        index = 0
        while index < len(lines):
            line = lines[index]
            content = line.content(text)
            flat = " ".join(content.split())
            if formula_at is not None and index == formula_at:
                parts["formula"] = self.part("formula", line.body, content)
                return self._header(parts), index + 1
            name = self._header_kind(flat, parts)
            if name == "number":
                m = UN_NUMBER_RE.fullmatch(content)
                assert m is not None
                parts["number"] = self.part("number", line.body, m.group("number"))
                if m.group("title"):
                    start = line.body + m.start("title")
                    parts["title"] = self.part("title", start, m.group("title"))
            elif name is not None:
                parts[name] = self.part(name, line.body, content)
            elif formula_at is not None and index < formula_at:
                self.region(line)  # a line of the document's masthead ("Seventy-third session")
            else:
                break
            index += 1
        return self._header(parts), index

    @staticmethod
    def _header_kind(flat: str, parts: dict[str, Clause]) -> str | None:
        """Which header part a line is, if any (each part is taken once)."""
        checks = (
            ("symbol", SYMBOL_RE.fullmatch(flat) is not None),
            ("agenda", AGENDA_RE.fullmatch(flat) is not None),
            ("adopted", ADOPTED_RE.fullmatch(flat) is not None),
            ("number", _un_number(flat) is not None),
        )
        for name, hit in checks:
            if hit and name not in parts:
                return name
        if (
            "number" in parts
            and "title" not in parts
            and "formula" not in parts
            and flat[:1].isupper()
            and not _is_formula(flat)
            and OP_LABEL_RE.match(flat) is None
        ):
            return "title"
        return None

    def _header(self, parts: dict[str, Clause]) -> Header:
        return Header(
            number=parts.get("number"),
            title=parts.get("title"),
            formula=parts.get("formula"),
            adopted=parts.get("adopted"),
            symbol=parts.get("symbol"),
            agenda=parts.get("agenda"),
        )

    def region(self, line: Line) -> None:
        number, column = self.positions.at(line.body)
        self.regions.append(Region("other", self.text[line.body : line.end], number, column))
        self.note("info", "site-text", "line before the formula kept as a region", line.body)

    # -- body ----------------------------------------------------------------------------
    def pieces(self, line: Line) -> Iterator[tuple[str | None, str, int]]:
        """A body line cut into paragraphs: (label, text, offset of the label or text)."""
        text = self.text
        content = line.content(text)
        cuts = [0, *(m.end() for m in INLINE_SUB_RE.finditer(content)), len(content)]
        for start, end in pairwise(cuts):
            chunk = content[start:end]
            lead = len(chunk) - len(chunk.lstrip())
            offset = line.body + start + lead
            chunk = chunk.strip()
            m = OP_LABEL_RE.match(chunk) if start == 0 else None
            m = m or SUB_LABEL_RE.match(chunk)
            if m is None:
                yield None, chunk, offset
            else:
                yield m.group("label"), chunk[m.end() :], offset

    def body(self, lines: list[Line]) -> tuple[Section, ...]:
        preamble: list[Para] = []
        operative: list[Para] = []
        report = self.diagnostics.append
        for line in lines:
            for label, raw, offset in self.pieces(line):
                number, column = self.positions.at(offset)
                para = Para(label, [raw], number, column)
                is_op = label is not None and OP_LABEL_RE.fullmatch(label) is not None
                if operative or is_op:
                    if not is_op and label is None:
                        self.note(
                            "warning",
                            "unnumbered-operative",
                            "operative paragraph without a number",
                            offset,
                        )
                    operative.append(para)
                elif label is not None and preamble:
                    preamble[-1].children.append(para)
                else:
                    preamble.append(para)
        sections = []
        if preamble:
            clauses = self._preamble(preamble)
            first = preamble[0]
            sections.append(
                Section(PREAMBLE, PREAMBLE, clauses, first.line, first.column, "preamble")
            )
        if operative:
            clauses = build_clauses(operative, OPERATIVE, OPERATIVE, report)
            first = operative[0]
            sections.append(
                Section(OPERATIVE, OPERATIVE, clauses, first.line, first.column, "operative")
            )
        return tuple(sections)

    def _preamble(self, paras: list[Para]) -> tuple[Clause, ...]:
        """``preamble/N`` for the N-th paragraph; its sub-paragraphs below it."""
        report = self.diagnostics.append
        out = []
        for index, para in enumerate(paras, start=1):
            path = f"{PREAMBLE}/{index}"
            subs = para.children
            children = build_clauses(subs, path, PREAMBLE, report) if subs else ()
            out.append(
                Clause(path, para.label, para.text, PREAMBLE, para.line, para.column, children)
            )
        return tuple(out)

    def parse(self) -> Resolution:
        lines = self.nonblank()
        if not lines:
            self.note("error", "empty", "no text at all", 0)
            found = tuple(self.diagnostics)
            return Resolution(self.text, self.source, Header(), (), diagnostics=found, layout="un")
        header, body_from = self.header(lines)
        sections = self.body(lines[body_from:])
        if header.number is None:
            self.note("warning", "no-number", "no resolution number (73/179. …) found", 0)
        if not sections:
            self.note("warning", "no-structure", "no preambular or operative paragraph found", 0)
        diagnostics = sorted(self.diagnostics, key=lambda d: (d.line, d.column, d.code))
        return Resolution(
            source_text=self.text,
            source=self.source,
            header=header,
            sections=sections,
            regions=tuple(sorted(self.regions, key=lambda r: (r.line, r.column))),
            diagnostics=tuple(diagnostics),
            layout="un",
        )


def parse_un(text: str, source: str | None = None) -> Resolution:
    """Parse ``text`` as a resolution in the UN layout (see the module docstring)."""
    return _UnReader(text, source).parse()
