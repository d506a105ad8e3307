"""Section headings among a report's rows: where each text enters a section.

A report in reading order mixes the two texts: rows that stand in the old text (a removed
clause, the old place of a moved one), in the new (an added clause, the new place of a
moved one) or in both. :func:`interleave` walks the rows once and says, before each row,
which headings to show:

- ``Heading(old, new)`` with both set: one heading serves both texts (kept: ``old ==
  new``; renamed: the words change), when both enter a pair of paired sections at once —
  or, with ``share``, when the other text enters the paired section next (a section
  that starts with an inserted clause, its old clauses following);
- ``Heading(old, None)``: only the old text enters ``old`` here (a removed section, or an
  old section whose pair comes later); ``Heading(None, new)``: only the new text does.

The header (number line, title, formula) and footnotes have no heading. The docx report
shows each heading as a paragraph (amended, deleted or inserted); the instructions name
the headings the new text gains and the ones it loses. :func:`sections_in_order` groups
rows under the one heading each stands under, for the HTML views.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from resdiff.changes import Diff
from resdiff.model import FOOTNOTES, HEADER
from resdiff.render.report import Row

__all__ = ["Heading", "Turn", "interleave", "sections_in_order", "stands", "written_in"]

#: Parts of a text that are not sections under a heading.
_NO_HEADING = frozenset({HEADER, FOOTNOTES})

Stands = tuple[str | None, str | None]


@dataclass(frozen=True)
class Heading:
    """A heading to show before a row: in the old text, the new, or both (see the module)."""

    old: str | None
    new: str | None


@dataclass(frozen=True)
class Turn:
    """A row with the headings to show before it, and the old section the old text has just
    left at this row (its section before, when the row stands in another one; else None)."""

    headings: tuple[Heading, ...]
    row: Row
    left_old: str | None


def stands(row: Row) -> Stands:
    """The sections a row stands in, in the old text and in the new (None: not there): a
    moved clause stands in the old text at its old place, in the new at its new place."""
    change = row.change
    stands_old = bool(change.old) and (row.moved_away or not change.moved)
    stands_new = bool(change.new) and not row.moved_away
    return (
        change.old[0].section if stands_old else None,
        change.new[0].section if stands_new else None,
    )


def written_in(row: Row) -> Stands:
    """Like :func:`stands`, but the new place of a moved clause also counts as written in
    its old section: an instruction to move a clause names it there."""
    change = row.change
    return (change.old[0].section if change.old else None, stands(row)[1])


def interleave(
    diff: Diff,
    rows: tuple[Row, ...],
    *,
    share: bool = True,
    sides: Callable[[Row], Stands] = stands,
) -> Iterator[Turn]:
    """Each row with the headings to show before it (see the module docstring); ``sides``
    says which section of each text a row stands in."""
    pairs = {s.old: s.new for s in diff.sections if s.kind in ("unchanged", "renamed") and s.old}
    back = {new: old for old, new in pairs.items() if new}
    walk = _Walk(pairs, back, [sides(row) for row in rows], share)
    for i, row in enumerate(rows):
        old_sec, previous = walk.stands[i][0], walk.current[0]
        left = previous if old_sec is not None and old_sec != previous else None
        yield Turn(walk.headings(i), row, left)


class _Walk:
    """The current section of each text and the sections each text has entered so far."""

    def __init__(
        self,
        pairs: Mapping[str, str | None],
        back: Mapping[str, str],
        all_stands: list[Stands],
        share: bool,
    ) -> None:
        self.pairs = pairs
        self.back = back
        self.stands = all_stands
        self.share = share
        self.current: list[str | None] = [None, None]
        self.seen: tuple[set[str], set[str]] = (set(), set())

    def headings(self, i: int) -> tuple[Heading, ...]:
        old_sec, new_sec = self.stands[i]
        need_old = old_sec is not None and old_sec != self.current[0] and old_sec not in _NO_HEADING
        need_new = new_sec is not None and new_sec != self.current[1] and new_sec not in _NO_HEADING
        if self.share and need_new and old_sec is None:
            old_sec = self._partner(new_sec, self.back, 0, i)
            need_old = old_sec is not None
        elif self.share and need_old and new_sec is None:
            new_sec = self._partner(old_sec, self.pairs, 1, i)
            need_new = new_sec is not None
        out: tuple[Heading, ...]
        if need_old and need_new and old_sec and new_sec and self.pairs.get(old_sec) == new_sec:
            out = (Heading(old_sec, new_sec),)
        else:
            out = tuple(
                heading
                for heading, needed in (
                    (Heading(old_sec, None), need_old and old_sec),
                    (Heading(None, new_sec), need_new and new_sec),
                )
                if needed
            )
        for side, section in ((0, old_sec), (1, new_sec)):
            if section is not None:
                self.current[side] = section
                self.seen[side].add(section)
        return out

    def _partner(
        self, section: str | None, paired: Mapping[str, str | None], side: int, i: int
    ) -> str | None:
        """The other text's section paired with ``section`` when that text enters it next
        and has not had its heading yet (so one heading serves both texts), else None."""
        partner = paired.get(section) if section is not None else None
        if partner is None or partner in self.seen[side]:
            return None
        entered_next = next((s[side] for s in self.stands[i + 1 :] if s[side] is not None), None)
        return partner if entered_next == partner else None


def sections_in_order(rows: tuple[Row, ...]) -> Iterator[tuple[str, list[Row]]]:
    """Group consecutive rows by the heading they stand under (:attr:`Row.section`)."""
    current: str | None = None
    group: list[Row] = []
    for row in rows:
        if current is not None and row.section != current:
            yield current, group
            group = []
        current = row.section
        group.append(row)
    if current is not None:
        yield current, group
