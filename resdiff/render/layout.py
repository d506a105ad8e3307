"""Reading order of a report: which rows a report shows and where moved text left from.

A :class:`~resdiff.changes.Diff` lists each change once, at its position in the new text.
The reports people sign off (html, docx, itu, instructions) must also show a moved
clause where it *left*, as ITU proposals do (SUP* there, ADD* where it arrived, each
pointing at the other). :func:`rows` adds that "moved away" row at the clause's old
position and gives every row the marks, anchors and notes all four formats share.

The old position is found from the diff itself: the non-moved changes carry their old
clauses in old order, so a moved clause's old place is before the first of them in the
same old section whose label sorts after its own (labels compared naturally: ``2`` < ``10``,
``b`` < ``c``), else after the last of them, else at its new place. Nothing here computes
a diff; it only orders what the differ found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from resdiff.changes import Change, ClauseRef, Diff, WordOp
from resdiff.model import HEADER
from resdiff.render.common import clause_name, display_ops
from resdiff.un_names import un_name

Role = Literal["change", "moved-away"]

__all__ = [
    "Row",
    "itu_number_line",
    "label_or_name",
    "natural_key",
    "relabel",
    "rows",
    "runs",
]


@dataclass(frozen=True)
class Row:
    """One entry of a report in reading order.

    ``role`` is ``"change"`` for a change at its (new) place, ``"moved-away"`` for the stub
    left at the old place of a moved clause. ``index`` is the change's position in
    ``Diff.changes`` (stable, so anchors and cross links can use it).
    """

    change: Change
    role: Role
    index: int

    @property
    def moved_away(self) -> bool:
        return self.role == "moved-away"

    @property
    def ref(self) -> ClauseRef:
        """The clause that heads the row: the old one for a moved-away row or a removal."""
        if self.moved_away or not self.change.new:
            return self.change.old[0]
        return self.change.new[0]

    @property
    def section(self) -> str:
        """The heading under which the row stands in the report."""
        return self.ref.section

    @property
    def mark(self) -> str:
        """The ITU mark of the row: ADD*/SUP* for the two ends of a move, else the change's."""
        if self.moved_away:
            return "SUP*"
        if self.change.moved:
            return "ADD*"
        if self.change.kind == "unchanged" and self.change.renumbered:
            return "MOD"  # only its label changed: still a modification of the provision
        return self.change.mark

    @property
    def anchor(self) -> str:
        """A stable id for the row: the new path, or ``was:`` + old path for an old place."""
        if self.moved_away or not self.change.new:
            return "was:" + self.change.old[0].path
        return self.change.new[0].path

    @property
    def partner_anchor(self) -> str | None:
        """For the two ends of a move, the anchor of the other end."""
        if not (self.change.moved and self.change.old and self.change.new):
            return None
        if self.moved_away:
            return self.change.new[0].path
        return "was:" + self.change.old[0].path

    @property
    def move_note(self) -> str | None:
        """``moved to recognizing c)`` at the old place, ``moved from recalling i)`` at the new."""
        if not (self.change.moved and self.change.old and self.change.new):
            return None
        if self.moved_away:
            return f"moved to {clause_name(self.change.new[0])}"
        return f"moved from {clause_name(self.change.old[0])}"

    @property
    def unchanged(self) -> bool:
        """True for a clause kept as it was, in place, under the same label."""
        c = self.change
        return c.kind == "unchanged" and not c.moved and not c.renumbered


def natural_key(path: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key of a clause path comparing numbers as numbers: ``resolves/2`` < ``resolves/10``."""
    key: list[tuple[int, int, str]] = []
    for segment in path.split("/"):
        for chunk in re.split(r"(\d+)", segment):
            if chunk.isdigit():
                key.append((0, int(chunk), ""))
            elif chunk:
                key.append((1, 0, chunk))
        key.append((2, 0, ""))
    return tuple(key)


def rows(diff: Diff, show_all: bool = True) -> tuple[Row, ...]:
    """Every row of a report in reading order, moved-away stubs placed at their old position.

    With ``show_all`` false, rows of truly unchanged clauses are left out (a re-lettered or
    moved clause is always shown).
    """
    changes = diff.changes
    stubs_before: dict[int, list[int]] = {}
    stubs_after: dict[int, list[int]] = {}
    for i, change in enumerate(changes):
        if not (change.moved and change.old and change.new):
            continue
        old = change.old[0]
        own = natural_key(old.path)
        anchors = [
            j
            for j, other in enumerate(changes)
            if not other.moved and other.old and other.old[0].section == old.section
        ]
        later = [j for j in anchors if natural_key(changes[j].old[0].path) > own]
        paired = _paired_section(diff, old.section)
        first_in_paired = next(
            (
                j
                for j, other in enumerate(changes)
                if other.new and not other.moved and other.new[0].section == paired
            ),
            None,
        )
        if later:
            stubs_before.setdefault(later[0], []).append(i)
        elif anchors:
            stubs_after.setdefault(anchors[-1], []).append(i)
        elif first_in_paired is not None:
            # nothing else of its old section is left in place: put it where that section
            # (kept or renamed) now begins
            stubs_before.setdefault(first_in_paired, []).append(i)
        else:
            # else before the first clause left in place from a later old section, or at
            # the very end when its section was the last one
            at = _before_later_section(diff, old.section)
            if at is not None:
                stubs_before.setdefault(at, []).append(i)
            elif old.section in {s.old for s in diff.sections}:
                stubs_after.setdefault(len(changes) - 1, []).append(i)
            else:
                stubs_before.setdefault(i, []).append(i)
    # several stubs at one place: in old order (old section order, then label order)
    order = {h: n for n, h in enumerate(s.old for s in diff.sections if s.old)}

    def old_order(j: int) -> tuple[int, tuple[tuple[int, int, str], ...]]:
        ref = changes[j].old[0]
        return order.get(ref.section, len(order)), natural_key(ref.path)

    for bucket in (*stubs_before.values(), *stubs_after.values()):
        bucket.sort(key=old_order)
    out: list[Row] = []
    for i, change in enumerate(changes):
        out.extend(Row(changes[j], "moved-away", j) for j in stubs_before.get(i, ()))
        out.append(Row(change, "change", i))
        out.extend(Row(changes[j], "moved-away", j) for j in stubs_after.get(i, ()))
    if show_all:
        return tuple(out)
    return tuple(r for r in out if not r.unchanged)


def _before_later_section(diff: Diff, old_heading: str) -> int | None:
    """Index of the first in-place change from an old section after ``old_heading``."""
    order = [s.old for s in diff.sections if s.old]
    if old_heading not in order:
        return None
    later = set(order[order.index(old_heading) + 1 :])
    for j, change in enumerate(diff.changes):
        if change.old and not change.moved and change.old[0].section in later:
            return j
    return None


def _paired_section(diff: Diff, old_heading: str) -> str | None:
    """The new heading of an old section that was kept or renamed, else None."""
    for section in diff.sections:
        if section.old == old_heading and section.kind in ("unchanged", "renamed"):
            return section.new
    return None


def runs(ops: tuple[WordOp, ...] | list[WordOp]) -> list[WordOp]:
    """Merge adjacent word ops of the same kind into runs (one ``<del>`` per deleted run)."""
    merged: list[WordOp] = []
    for op, text in ops:
        if not text:
            continue
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return merged


def row_ops(row: Row) -> list[WordOp]:
    """The word runs a row shows: the old text struck out for a moved-away stub, else the
    change's ops (for a moved clause, the changes made on the way)."""
    if row.moved_away:
        return [("-", " ".join(r.text for r in row.change.old))]
    return runs(display_ops(row.change))


def label_or_name(ref: ClauseRef) -> str:
    """The label as written (``e)``), or the clause's name when it has none (``the title``);
    a UN-layout paragraph by its name (``PP3``, ``OP5``), the way delegates cite it."""
    if ref.label and un_name(ref.path, ref.section) is None:
        return ref.label
    return clause_name(ref)


def relabel(change: Change) -> str | None:
    """``e) → f)`` for a re-lettered clause (same section), else None."""
    if not (change.renumbered and change.old and change.new):
        return None
    return f"{label_or_name(change.old[0])} → {label_or_name(change.new[0])}"


_NUMBER_LINE = re.compile(
    r"\b(RESOLUTION|DECISION|RECOMMENDATION|OPINION)\b.*", re.IGNORECASE | re.DOTALL
)


def itu_number_line(number: str | None) -> str | None:
    """The number line in ITU style: ``RESOLUTION 179 (REV. DUBAI, 2018)``.

    Upper case, and any site prefix before the kind word dropped (the seed page says
    ``PP RESOLUTION 179 (Guadalajara, 2010)``).
    """
    if not number:
        return number
    match = _NUMBER_LINE.search(number)
    text = match.group(0) if match else number
    return " ".join(text.split()).upper()


def is_header(ref: ClauseRef) -> bool:
    """True for the number line, title and enacting formula."""
    return ref.section == HEADER or ref.path.startswith(HEADER + "/")


def sections_in_order(rows_: tuple[Row, ...]) -> Iterator[tuple[str, list[Row]]]:
    """Group consecutive rows by the heading they stand under."""
    current: str | None = None
    group: list[Row] = []
    for row in rows_:
        if current is not None and row.section != current:
            yield current, group
            group = []
        current = row.section
        group.append(row)
    if current is not None:
        yield current, group
