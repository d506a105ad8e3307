"""Where the old place of a moved clause stands among a diff's changes (reading order).

A :class:`~resdiff.changes.Diff` lists each change once, at its position in the new text.
The reports people sign off (html, docx, itu, instructions) also show a moved clause
where it *left*, as ITU proposals do (SUP* there, ADD* where it arrived).
:func:`moved_away_places` says where each such "moved away" entry goes.

The old position is found from the diff itself: the non-moved changes carry their old
clauses in old order, so a moved clause's old place is before the first of them in the
same old section whose label sorts after its own (labels compared naturally: ``2`` < ``10``,
``b`` < ``c``), else after the last of them, else at its new place. Nothing here computes
a diff; it only orders what the differ found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resdiff.changes import Diff

__all__ = ["Places", "moved_away_places", "natural_key"]

NaturalKey = tuple[tuple[int, int, str], ...]


@dataclass(frozen=True)
class Places:
    """Indexes of moved changes (into ``Diff.changes``) whose old place is just before
    (``before``) or just after (``after``) the change at a given index, in old order."""

    before: dict[int, list[int]]
    after: dict[int, list[int]]


def natural_key(path: str) -> NaturalKey:
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


def moved_away_places(diff: Diff) -> Places:
    """Where the old place of every moved clause stands (see the module docstring)."""
    changes = diff.changes
    places = Places({}, {})
    for i, change in enumerate(changes):
        if not (change.moved and change.old and change.new):
            continue
        _place(diff, i, places)
    # several stubs at one place: in old order (old section order, then label order)
    order = {h: n for n, h in enumerate(s.old for s in diff.sections if s.old)}

    def old_order(j: int) -> tuple[int, NaturalKey]:
        ref = changes[j].old[0]
        return order.get(ref.section, len(order)), natural_key(ref.path)

    for bucket in (*places.before.values(), *places.after.values()):
        bucket.sort(key=old_order)
    return places


def _place(diff: Diff, i: int, places: Places) -> None:
    changes = diff.changes
    old = changes[i].old[0]
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
        places.before.setdefault(later[0], []).append(i)
    elif anchors:
        places.after.setdefault(anchors[-1], []).append(i)
    elif first_in_paired is not None:
        # nothing else of its old section is left in place: put it where that section
        # (kept or renamed) now begins
        places.before.setdefault(first_in_paired, []).append(i)
    else:
        # else before the first clause left in place from a later old section, or at
        # the very end when its section was the last one
        at = _before_later_section(diff, old.section)
        if at is not None:
            places.before.setdefault(at, []).append(i)
        elif old.section in {s.old for s in diff.sections}:
            places.after.setdefault(len(changes) - 1, []).append(i)
        else:
            places.before.setdefault(i, []).append(i)


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
