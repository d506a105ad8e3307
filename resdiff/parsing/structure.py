"""From pieces to the model: header, sections, nested clauses, annexes, footnotes, paths.

This is the second half of the parser (the first, :mod:`resdiff.parsing.repairs`, cuts
lines into pieces). Here every piece becomes part of a :class:`~resdiff.model.Resolution`:
headings open sections, paragraphs become clauses nested by label style, footnotes go
to the footnote list, and clause paths are computed per the DESIGN contract
(``considering/a``, ``resolves/1/i``, ``requests-the-council/#1``, ``x~2/…``,
``annex/…``, ``annex~2/…``). Label gaps, duplicates and order are reported here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Literal

from resdiff.model import (
    FOOTNOTES,
    Annex,
    Clause,
    Diagnostic,
    Section,
    label_key,
    made,
    section_key,
)
from resdiff.parsing.headings import FORMULA_RE, is_heading, is_operative, is_preamble
from resdiff.parsing.labels import Label, classify, core, roman_value, skip_space, split_label
from resdiff.parsing.lines import collapse
from resdiff.parsing.repairs import FOOTNOTE_NUMBER_RE as FOOTNOTE_RE
from resdiff.parsing.repairs import PieceKind, Repair, split_line
from resdiff.tuning import BoundedMemo

#: The heading of the implicit section that holds paragraphs before any heading.
IMPLICIT = ""

Report = Callable[[Diagnostic], None]
Part = Literal["preamble", "operative", "unknown"]


# The drafts below are plain classes with slots, not dataclasses: they are internal,
# mutable, made once per paragraph, and building four dataclasses costs a millisecond
# of every command's start.


class Para:
    """A paragraph on its way to becoming a :class:`Clause` (text parts joined later)."""

    __slots__ = ("children", "collapsed", "column", "label", "line", "parts")

    def __init__(
        self,
        label: str | None,
        parts: list[str],
        line: int,
        column: int,
        collapsed: str | None = None,
    ) -> None:
        """``collapsed``, when given, is ``collapse(parts[0])`` (known from the line's reading)."""
        self.label = label
        self.parts = parts
        self.line = line
        self.column = column
        self.collapsed = collapsed
        self.children: list[Para] = []

    @property
    def text(self) -> str:
        parts = self.parts
        if len(parts) == 1:
            collapsed = self.collapsed
            return collapse(parts[0]) if collapsed is None else collapsed
        return collapse(" ".join(parts))


class SectionDraft:
    __slots__ = ("column", "heading", "line", "paras")

    def __init__(self, heading: str, line: int, column: int) -> None:
        self.heading = heading
        self.line = line
        self.column = column
        self.paras: list[Para] = []


class AnnexDraft:
    __slots__ = ("column", "heading", "line", "sections", "title")

    def __init__(self, heading: str, line: int, column: int) -> None:
        self.heading = heading
        self.line = line
        self.column = column
        self.title: str | None = None
        self.sections: list[SectionDraft] = []


class Drafts:
    """Everything read from the body so far, in document order."""

    __slots__ = ("annexes", "footnotes", "sections")

    def __init__(self) -> None:
        self.sections: list[SectionDraft] = []
        self.annexes: list[AnnexDraft] = []
        self.footnotes: list[Para] = []


#: One piece of a line as the drafts take it: kind, start and end (offsets in the line's
#: span), whether it continues the paragraph before, its source text, and what reading
#: it gives — a paragraph's or footnote's label, its text after the label (``None`` for
#: a paragraph that is a heading) and that text collapsed (a heading's own text).
Reading = tuple[PieceKind, int, int, bool, str, str | None, str | None, str]
LineReading = tuple[tuple[Reading, ...], tuple[Repair, ...]]
#: The readings of each line, by (span, start, footnotes) as :func:`read_line` takes them,
#: up to about 4 MB of spans (a PDF conversion may put a whole annex on one line); the
#: readings hold about as much again (the pieces' texts, mostly shared with the span's).
READINGS: BoundedMemo[tuple[str, int, bool], LineReading] = BoundedMemo(
    4_000_000, lambda key: len(key[0])
)


def read_line(span: str, start: int, footnotes: bool) -> LineReading:
    """The pieces of one line's text ``span[start:]`` (:func:`split_line`), each read
    (label, text, heading), and the repairs made, with offsets in ``span``.

    Remembered by the span: two revisions of a resolution share most of their lines (and
    a tree of revisions shares them across files), so each distinct line is cut and read
    once per process. The cut depends only on the line and the one character before it
    (the look-behinds and ``\\b`` at its start see no further), which the caller puts at
    the span's start (``start`` is then 1).
    """
    key = (span, start, footnotes)
    found = READINGS.get(key)
    if found is None:
        repairs: list[Repair] = []
        pieces = split_line(span, start, len(span), repairs.append, footnotes)
        readings = tuple(_reading(span, *piece) for piece in pieces)
        found = READINGS.put(key, (readings, tuple(repairs)))
    return found


def _reading(span: str, kind: PieceKind, start: int, end: int, cont: bool, _glued: bool) -> Reading:
    raw = span[start:end]
    if kind == "para":
        label, off, heading = _read_para(raw)
        if heading is not None:
            return kind, start, end, cont, raw, None, None, heading
        body = raw[off:] if label else raw
        return kind, start, end, cont, raw, label, body, _collapsed(body)
    if kind == "footnote":
        label, off = _footnote_label(raw)
        body = raw[off:]
        return kind, start, end, cont, raw, label, body, _collapsed(body)
    if kind == "end":
        return kind, start, end, cont, raw, None, None, ""
    return kind, start, end, cont, raw, None, None, collapse(raw)  # annex, heading


def _collapsed(text: str) -> str:
    """``collapse(text)``, and ``text`` itself when that is the same (most lines are
    single-spaced already): a remembered reading then holds the line's text once."""
    collapsed = collapse(text)
    return text if collapsed == text else collapsed


class DraftReader:
    """Sorts the readings of the body's lines, in order, into sections, annexes and
    footnotes (no paths yet)."""

    __slots__ = ("at", "container", "drafts", "expect_title", "last")

    def __init__(self, at: Callable[[int], tuple[int, int]]) -> None:
        """``at`` maps a source offset to its (line, column), for a piece that does not
        start on the line being read (a line joined to the one before)."""
        self.at = at
        self.drafts = Drafts()
        #: the sections of the body, then of the last annex
        self.container = self.drafts.sections
        self.expect_title = False
        self.last: Para | None = None

    def take(
        self, readings: tuple[Reading, ...], shift: int, number: int, first: int, stop: int
    ) -> int | None:
        """Add the readings of line ``number`` (offsets ``+ shift`` in the source; the line
        runs from ``first`` to ``stop``); return the offset where the resolution ends
        if one of them says it does there."""
        drafts, container, last, expect_title = (
            self.drafts,
            self.container,
            self.last,
            self.expect_title,
        )
        ended = None
        for kind, start, _, cont, raw, label, body, text in readings:
            start += shift
            if start < stop:
                line, column = number, start - first + 1
            else:
                line, column = self.at(start)
            if kind == "para":
                if cont and last is not None:
                    last.parts.append(raw)
                    continue
                if body is None:  # the whole piece is a heading
                    container.append(SectionDraft(text, line, column))
                    expect_title, last = False, None
                    continue
                if expect_title and label is None and is_title(raw):
                    drafts.annexes[-1].title = collapse(raw)
                    expect_title = False
                    continue
                expect_title = False
                if not container:
                    container.append(SectionDraft(IMPLICIT, line, column))
                last = Para(label, [body], line, column, text)
                container[-1].paras.append(last)
            elif kind == "annex":
                drafts.annexes.append(AnnexDraft(text, line, column))
                container = drafts.annexes[-1].sections
                expect_title, last = True, None
            elif kind == "footnote":
                assert body is not None
                drafts.footnotes.append(Para(label, [body], line, column, text))
            elif kind == "heading":
                container.append(SectionDraft(text, line, column))
                expect_title, last = False, None
            else:  # the end of the resolution
                ended = start
                break
        self.container, self.last, self.expect_title = container, last, expect_title
        return ended


def _read_para(raw: str) -> tuple[str | None, int, str | None]:
    """A paragraph piece's label, where its text starts, and its heading text if the whole
    piece is a heading; remembered for pieces up to :data:`_REMEMBERED` characters."""
    if len(raw) > _REMEMBERED:
        return _read_para_now(raw)
    return _read_para_remembered(raw)


def _read_para_now(raw: str) -> tuple[str | None, int, str | None]:
    label, off = split_label(raw)
    if label is None and is_heading(raw):
        return None, 0, collapse(raw)
    return label, off, None


_REMEMBERED = 2_000
_read_para_remembered = lru_cache(maxsize=4096)(_read_para_now)


def is_title(raw: str) -> bool:
    """Whether the line after an annex heading is its title: short, capitalised, no sentence."""
    text = collapse(raw)
    words = text.split(" ")
    return (
        bool(text)
        and text[0].isupper()
        and len(words) <= 25
        and ". " not in text
        and not text.endswith((";", ","))
        and FORMULA_RE.fullmatch(text) is None
    )


def _footnote_label(raw: str) -> tuple[str | None, int]:
    m = FOOTNOTE_RE.match(raw)
    if not m:
        return None, 0
    return m.group(1), skip_space(raw, m.end())


# -- nesting and paths ------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _unambiguous(label: str) -> Label | None:
    """The class of a label that reads one way only; ``None`` for a lone ``i``/``v`` …"""
    word = core(label)
    return None if len(word) == 1 and roman_value(word) is not None else classify(label)


def _style_of(label: str, stack: list[tuple[Label, Para]]) -> Label:
    """Classify ``label``, reading a lone ``i``/``v``/``x``/``l``/``c`` as a letter when it
    continues a run of letters (``h) … i)``) and as a roman numeral otherwise."""
    plain = _unambiguous(label)
    if plain is not None:
        return plain
    word = core(label)
    if len(word) == 1 and roman_value(word) is not None:
        as_alpha = classify(label, prefer_alpha=True)
        for lab, _ in stack:
            if lab.style == "alpha" and lab.ordinal + 1 == as_alpha.ordinal:
                return as_alpha
            if lab.style == "roman" and roman_value(word) == lab.ordinal + 1:
                return classify(label)
        return classify(label) if word == "i" else as_alpha
    return classify(label)


def nest(paras: list[Para]) -> list[Para]:
    """Nest paragraphs by label style: a new style opens sub-clauses of the clause before.

    Up to three levels (``1`` → ``a)`` → ``i)``). An unlabelled paragraph closes every
    open level and stands at the top.
    """
    top: list[Para] = []
    stack: list[tuple[Label, Para]] = []
    for para in paras:
        para.children = []
        if para.label is None:
            top.append(para)
            stack = []
            continue
        lab = _style_of(para.label, stack)
        style = lab.style
        for i, (s, _) in enumerate(stack):
            if s.style == style:
                del stack[i:]
                break
        else:
            del stack[2:]
        (stack[-1][1].children if stack else top).append(para)
        stack.append((lab, para))
    return top


def build_clauses(
    paras: list[Para], prefix: str, heading: str, report: Report
) -> tuple[Clause, ...]:
    """Nest ``paras`` by label style and turn them into clauses with paths, checking
    label order per level (gaps, duplicates, order are reported).

    The nesting, the path segments and the label diagnostics depend only on the labels,
    in order, so they are worked out once per sequence of labels (:func:`_outline`) and
    remembered: the revisions of a resolution, and the files of a tree of revisions,
    repeat most of their sections' label sequences.
    """
    labels = tuple([para.label for para in paras])
    nodes, issues = _outline(labels) if len(labels) <= _OUTLINED else _outline_now(labels)
    for index, code, message in issues:
        para = paras[index]
        report(Diagnostic("warning", code, message, para.line, para.column))
    return _build(nodes, paras, prefix, heading)


#: One clause of an outline: its paragraph's index, its path segment (``/a``, ``/#2``,
#: ``/1~2``) and its sub-clauses.
Node = tuple[int, str, tuple["Node", ...]]
#: The label diagnostics of an outline: paragraph index, code, message (in report order).
Issue = tuple[int, str, str]
#: Label sequences longer than this are outlined afresh each time (the memo stays small).
_OUTLINED = 400


def _outline_now(labels: tuple[str | None, ...]) -> tuple[tuple[Node, ...], tuple[Issue, ...]]:
    """The clause tree and label diagnostics of a section whose paragraphs carry ``labels``."""
    paras = [Para(label, [], index, 0) for index, label in enumerate(labels)]
    issues: list[Issue] = []

    def report(found: Diagnostic) -> None:
        issues.append((found.line, found.code, found.message))  # line holds the index

    def level(siblings: list[Para]) -> tuple[Node, ...]:
        _check_labels(siblings, report)
        seen: dict[str, int] = {}
        nodes: list[Node] = []
        for position, para in enumerate(siblings, start=1):
            segment = "/" + _para_key(para, position, seen)
            nodes.append((para.line, segment, level(para.children) if para.children else ()))
        return tuple(nodes)

    return level(nest(paras)), tuple(issues)


_outline = lru_cache(maxsize=2048)(_outline_now)


def _build(
    nodes: tuple[Node, ...], paras: list[Para], prefix: str, heading: str
) -> tuple[Clause, ...]:
    """The clauses an outline describes, with the paragraphs' texts and positions."""
    clauses: list[Clause] = []
    append = clauses.append
    for index, segment, children in nodes:
        para = paras[index]
        path = prefix + segment
        kids = _build(children, paras, path, heading) if children else ()
        append(made(Clause, path=path, label=para.label, text=para.text, section=heading,
                    line=para.line, column=para.column, children=kids))  # fmt: skip
    return tuple(clauses)


def _para_key(para: Para, index: int, seen: dict[str, int]) -> str:
    """A clause's path segment: its label's key, else ``#index``; made unique by :func:`_unique`."""
    key = label_key(para.label) if para.label else ""
    return _unique(key or f"#{index}", seen)


def _unique(key: str, seen: dict[str, int]) -> str:
    """``key`` the first time, ``key~N`` the Nth time (counted in ``seen``): no two paths clash."""
    count = seen.get(key, 0) + 1
    seen[key] = count
    return key if count == 1 else f"{key}~{count}"


def _check_labels(paras: list[Para], report: Report) -> None:
    previous: dict[str, Label] = {}
    stack: list[tuple[Label, Para]] = []
    for para in paras:
        if para.label is None:
            continue
        lab = _style_of(para.label, stack)
        stack = [(lab, para)]
        if lab.suffix:
            continue
        before = previous.get(lab.style)
        expected = before.ordinal + 1 if before else 1
        where = (para.line, para.column)
        if before and lab.ordinal == before.ordinal:
            _label_issue(report, "label-duplicate", f"label {para.label} appears twice", where)
        elif before and lab.ordinal < before.ordinal:
            _label_issue(
                report, "label-order", f"label {para.label} comes after {before.text}", where
            )
        elif lab.ordinal > expected and lab.style != "dotted":
            after = f" after {before.text}" if before else ""
            _label_issue(
                report, "label-gap", f"label {para.label}{after}: a label is missing", where
            )
        previous[lab.style] = lab


def _label_issue(report: Report, code: str, message: str, where: tuple[int, int]) -> None:
    report(Diagnostic("warning", code, message, where[0], where[1]))


def build_sections(
    drafts: list[SectionDraft], prefix: str, implicit_key: str, report: Report
) -> tuple[Section, ...]:
    """Sections with keys (``~2`` for a repeated heading) and their clause trees."""
    seen: dict[str, int] = {}
    sections = []
    for draft in drafts:
        key, part = _section_kind(draft.heading) if draft.heading else (implicit_key, "unknown")
        key = _unique(key, seen)
        if not prefix:
            full = key  # a body section: "considering", "resolves~2"
        elif draft.heading:
            full = f"{prefix}/{key}"  # an annex section: "annex/considering"
        else:
            full = prefix  # an annex's paragraphs before any heading: "annex/1"
        clauses = build_clauses(draft.paras, full, draft.heading, report)
        sections.append(Section(full, draft.heading, clauses, draft.line, draft.column, part))
    return tuple(sections)


@lru_cache(maxsize=1024)
def _section_kind(heading: str) -> tuple[str, Part]:
    """A heading's section key and part; remembered, as every revision repeats its headings."""
    part: Part = (
        "preamble" if is_preamble(heading) else "operative" if is_operative(heading) else "unknown"
    )
    return section_key(heading), part


def build_annexes(drafts: list[AnnexDraft], report: Report) -> tuple[Annex, ...]:
    annexes = []
    for index, draft in enumerate(drafts, start=1):
        key = "annex" if index == 1 else f"annex~{index}"
        sections = build_sections(draft.sections, key, key, report)
        annexes.append(Annex(key, draft.heading, draft.title, sections, draft.line, draft.column))
    return tuple(annexes)


def build_footnotes(drafts: list[Para]) -> tuple[Clause, ...]:
    keys: dict[str, int] = {}
    out = []
    for index, para in enumerate(drafts, start=1):
        key = _para_key(para, index, keys)
        out.append(
            Clause(f"{FOOTNOTES}/{key}", para.label, para.text, FOOTNOTES, para.line, para.column)
        )
    return tuple(out)
