"""The resolution model: frozen dataclasses shared by every layer.

A :class:`Resolution` is what the parser makes of a text and what the differ
compares. It keeps the exact source (so ``to_source()`` is lossless) next to the
structure read from it (header, sections, clauses, annexes, footnotes) and the
diagnostics met on the way. Nothing here parses or prints; the canonical text
(:meth:`Resolution.to_text`, :func:`canonical_lines`) is the model's own serialisation
and lives here with it, so the model imports nothing from the parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, TypeVar

Level = Literal["error", "warning", "info"]
#: How a resolution is laid out: ITU (sections under headings) or UN (PP/OP paragraphs).
Layout = Literal["itu", "un"]

#: Section keys of the parts that are not sections of the body.
HEADER = "header"
FOOTNOTES = "footnotes"
#: The line that opens the footnotes in the canonical text.
FOOTNOTE_RULE = "_" * 20

_T = TypeVar("_T")


def made(cls: type[_T], /, **fields: object) -> _T:
    """An instance of the frozen dataclass ``cls`` with *every* field given by name,
    made without its generated ``__init__``, which sets each field through
    ``object.__setattr__``: the same equal, hashable, immutable object at about half the
    cost, for the places that make one per clause (the parser's clauses, the differ's
    changes and references). Anywhere else, call the class."""
    instance = object.__new__(cls)
    instance.__dict__.update(fields)
    return instance


def section_key(heading: str) -> str:
    """Return the path key of a heading (contract): lower case, non-alphanumerics → ``-``.

    ``instructs the Secretary-General`` → ``instructs-the-secretary-general``.
    """
    key = re.sub(r"[^0-9a-z]+", "-", heading.casefold()).strip("-")
    return key or "section"


@lru_cache(maxsize=4096)
def label_key(label: str) -> str:
    """Return the path segment of a label as written (contract): no brackets, dots or spaces.

    ``a)`` → ``a``, ``(iv)`` → ``iv``, ``1 bis`` → ``1bis``, ``4c`` → ``4c``.
    """
    return re.sub(r"[^0-9A-Za-z]+", "", label).lower()


@dataclass(frozen=True)
class Diagnostic:
    """Something the parser noticed: a repaired conversion error or a label problem.

    ``line`` and ``column`` are 1-based positions in the source text.
    """

    level: Level
    code: str
    message: str
    line: int
    column: int

    def format(self, source: str | None) -> str:
        """Render as ``file:line:col: level: message`` (the compiler convention)."""
        return f"{source or '<text>'}:{self.line}:{self.column}: {self.level}: {self.message}"


@dataclass(frozen=True)
class Clause:
    """One addressable paragraph: a labelled or unlabelled clause, a header part, a footnote.

    ``text`` is the clause's own text, repaired and with runs of whitespace collapsed,
    without its label and without the text of its sub-clauses. ``section`` is the
    heading as written (``"header"`` / ``"footnotes"`` for those parts).
    """

    path: str
    label: str | None
    text: str
    section: str
    line: int
    column: int
    children: tuple[Clause, ...] = ()

    @property
    def key(self) -> str:
        """The last segment of the path: the label key, or ``#n`` for an unlabelled clause."""
        return self.path.rsplit("/", 1)[-1]

    def walk(self) -> Iterator[Clause]:
        """Yield this clause and then its sub-clauses, depth first, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Section:
    """A heading (``considering``, ``instructs the Secretary-General`` …) and its clauses."""

    key: str
    heading: str
    clauses: tuple[Clause, ...]
    line: int
    column: int
    part: Literal["preamble", "operative", "unknown"] = "unknown"

    def walk(self) -> Iterator[Clause]:
        """Every clause of the section, sub-clauses included, in document order."""
        for clause in self.clauses:
            yield from clause.walk()


@dataclass(frozen=True)
class Annex:
    """An annex (``ANNEX TO RESOLUTION 179 …``): its heading lines and its own sections."""

    key: str
    heading: str
    title: str | None
    sections: tuple[Section, ...]
    line: int
    column: int


@dataclass(frozen=True)
class Header:
    """The number line, title and enacting formula; each a :class:`Clause` or ``None``.

    UN-layout resolutions may also carry a document symbol (``A/RES/73/179``), agenda
    item lines and an adoption line (``Resolution adopted by the General Assembly on …``);
    ITU texts have none of them.
    """

    number: Clause | None = None
    title: Clause | None = None
    formula: Clause | None = None
    adopted: Clause | None = None
    symbol: Clause | None = None
    agenda: Clause | None = None

    def parts(self) -> tuple[Clause, ...]:
        """The parts present, in the order a document prints them."""
        order = (self.symbol, self.agenda, self.adopted, self.number, self.title, self.formula)
        return tuple(p for p in order if p is not None)


@dataclass(frozen=True)
class Region:
    """A stretch of the source that is not part of the resolution (site text around it)."""

    kind: Literal["before", "after", "other"]
    text: str
    line: int
    column: int


@dataclass(frozen=True)
class Resolution:
    """A parsed resolution: exact source plus structure.

    Invariants (tested on every real text): ``to_source()`` returns the input byte for
    byte; ``parse(r.to_text()).to_text() == r.to_text()`` and its clauses equal ``r``'s.
    """

    source_text: str
    source: str | None
    header: Header
    sections: tuple[Section, ...]
    annexes: tuple[Annex, ...] = ()
    footnotes: tuple[Clause, ...] = ()
    regions: tuple[Region, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)
    layout: Layout = "itu"

    # -- header conveniences -------------------------------------------------------
    @property
    def number(self) -> str | None:
        return self.header.number.text if self.header.number else None

    @property
    def title(self) -> str | None:
        return self.header.title.text if self.header.title else None

    @property
    def formula(self) -> str | None:
        return self.header.formula.text if self.header.formula else None

    # -- traversal -----------------------------------------------------------------
    def all_sections(self) -> Iterator[Section]:
        """Body sections, then each annex's sections (their keys carry ``annex/``)."""
        yield from self.sections
        for annex in self.annexes:
            yield from annex.sections

    def clauses(self) -> Iterator[Clause]:
        """Every addressable clause in document order, sub-clauses included.

        Header parts first (``header/number`` …), then the body and annex sections,
        then footnotes (``footnotes/1``), as the canonical text orders them.
        """
        yield from self.header.parts()
        for section in self.all_sections():
            yield from section.walk()
        yield from self.footnotes

    def clause(self, path: str) -> Clause:
        """Return the clause at ``path``; ``KeyError`` when there is none."""
        for clause in self.clauses():
            if clause.path == path:
                return clause
        raise KeyError(path)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.level == "error")

    # -- rendering -----------------------------------------------------------------
    def to_source(self) -> str:
        """The exact input text, byte for byte (BOM, CRLF, site text and all)."""
        return self.source_text

    def to_text(self) -> str:
        """The canonical form: repaired, one paragraph per line, blank line between."""
        return render_canonical(self)


# -- the canonical text ------------------------------------------------------------------
# Layout (documented in ``docs/text-format.md``): the number line, the title, the enacting
# formula; then each section's heading on its own line followed by its clauses (label, a
# space, text), sub-clauses right after their parent; then each annex (its heading line,
# its title, its sections); then, if there are footnotes, :data:`FOOTNOTE_RULE` and one
# footnote per line (``1 These include …``). A blank line separates every two lines, and
# the text ends with one newline. Site text around the resolution (regions) is not part
# of the canonical text: it keeps only the resolution.


def _clause_line(clause: Clause) -> str:
    if clause.label and clause.text:
        return f"{clause.label} {clause.text}"
    return clause.label or clause.text


def _section_lines(sections: Iterable[Section]) -> Iterator[str]:
    for section in sections:
        if section.heading:
            yield section.heading
        for clause in section.walk():
            yield _clause_line(clause)


def _un_lines(resolution: Resolution) -> Iterator[str]:
    """The canonical lines of a UN-layout resolution: header parts in document order (the
    number and title on one line, ``73/179. Title``), then each paragraph on its own line
    (operative ones with their number, sub-paragraphs with their letter); no headings."""
    header = resolution.header
    for part in header.parts():
        if part is header.title and header.number is not None:
            continue
        if part is header.number:
            yield f"{part.text}. {header.title.text}" if header.title else f"{part.text}."
        else:
            yield part.text
    for section in resolution.sections:
        for clause in section.walk():
            yield _clause_line(clause)


def canonical_lines(resolution: Resolution) -> Iterator[str]:
    """Every line of the canonical text, in order (blank separators not included)."""
    if resolution.layout == "un":
        yield from _un_lines(resolution)
        return
    for part in resolution.header.parts():
        yield part.text
    yield from _section_lines(resolution.sections)
    for annex in resolution.annexes:
        yield annex.heading
        if annex.title:
            yield annex.title
        yield from _section_lines(annex.sections)
    if resolution.footnotes:
        yield FOOTNOTE_RULE
        for note in resolution.footnotes:
            yield _clause_line(note)


def render_canonical(resolution: Resolution) -> str:
    """The canonical text (``Resolution.to_text()``): lines joined by blank lines."""
    lines = [line for line in canonical_lines(resolution) if line]
    return "\n\n".join(lines) + "\n" if lines else ""
