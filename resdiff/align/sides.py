"""The clauses of one side of a comparison, flattened, with what the passes need of them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from resdiff.model import FOOTNOTES, HEADER, Clause, Resolution, Section
from resdiff.normalize import match_key

__all__ = ["PerClause", "SectionIndex", "Side", "build_side", "index_sections"]


class PerClause:
    """A value of each clause's text (match key, token codes), computed on first use.

    Most clauses of a revision are paired by identical text and never need either.
    """

    __slots__ = ("_cache", "_clauses", "_compute")

    def __init__(self, clauses: list[Clause], compute: Callable[[str], str]) -> None:
        self._clauses = clauses
        self._compute = compute
        self._cache: dict[int, str] = {}

    def __getitem__(self, i: int) -> str:
        value = self._cache.get(i)
        if value is None:
            value = self._cache[i] = self._compute(self._clauses[i].text)
        return value


class SectionIndex(NamedTuple):
    """The sections of one side in order, with each key's position, section and number
    of clauses (sub-clauses included): what pairing sections reads of a side."""

    order: Sequence[Section]
    pos: Mapping[str, int]
    by_key: Mapping[str, Section]
    size: Mapping[str, int]


def index_sections(order: Sequence[Section], sizes: Mapping[str, int]) -> SectionIndex:
    """Index ``order``; ``sizes`` gives the clause count of each key (0 when absent)."""
    return SectionIndex(
        order,
        {s.key: k for k, s in enumerate(order)},
        {s.key: s for s in order},
        {s.key: sizes.get(s.key, 0) for s in order},
    )


@dataclass(frozen=True)
class Side:
    """Every clause of one resolution in document order: header parts, the body and annex
    sections (sub-clauses included), footnotes; clause ``i`` is ``clauses[i]``."""

    clauses: list[Clause]
    #: section key per clause (``header``, ``footnotes`` or a Section.key)
    sections: list[str]
    #: :func:`~resdiff.normalize.match_key` per clause
    keys: PerClause
    #: token codes per clause (one character per token, see :mod:`.scores`)
    codes: PerClause
    section_order: list[Section]
    section_of_key: Mapping[str, Section]
    #: section key -> clause indices in order
    members: dict[str, list[int]]
    #: indices of the clauses whose (non-empty) text occurs more than once, in order
    repeated: list[int]
    #: the sections indexed once for the section passes
    section_index: SectionIndex

    def body(self) -> list[int]:
        """Indices of the clauses of the body and annex sections."""
        return [i for i, s in enumerate(self.sections) if s not in (HEADER, FOOTNOTES)]

    def notes(self) -> list[int]:
        """Indices of the footnotes."""
        return [i for i, s in enumerate(self.sections) if s == FOOTNOTES]


def build_side(resolution: Resolution, encode: Callable[[str], str]) -> Side:
    """Flatten ``resolution``; ``encode`` makes a clause text's token codes."""
    clauses: list[Clause] = list(resolution.header.parts())
    sections: list[str] = [HEADER] * len(clauses)
    members: dict[str, list[int]] = {HEADER: list(range(len(clauses)))} if clauses else {}
    order = list(resolution.all_sections())
    for key, top, walk in [
        *((s.key, s.clauses, True) for s in order),
        (FOOTNOTES, resolution.footnotes, False),  # a footnote is taken whole
    ]:
        start = len(clauses)
        for clause in top:  # most clauses have no sub-clauses: no walk for them
            if walk and clause.children:
                clauses.extend(clause.walk())
            else:
                clauses.append(clause)
        if len(clauses) > start:
            sections.extend([key] * (len(clauses) - start))
            members.setdefault(key, []).extend(range(start, len(clauses)))
    texts = [clause.text for clause in clauses]
    distinct = set(texts)
    distinct.discard("")
    repeated: list[int] = []
    if len(distinct) < len(texts) - texts.count(""):  # some text occurs twice
        seen = Counter(texts)
        repeated = [i for i, t in enumerate(texts) if t and seen[t] > 1]
    index = index_sections(order, {key: len(m) for key, m in members.items()})
    return Side(
        clauses=clauses,
        sections=sections,
        keys=PerClause(clauses, match_key),
        codes=PerClause(clauses, encode),
        section_order=order,
        section_of_key=index.by_key,
        members=members,
        section_index=index,
        repeated=repeated,
    )
