"""Rows in an order that reads as each text's own order, for a report holding both texts.

The Word report writes the new text with the old one interleaved as tracked deletions:
rejecting every change must give the old text's paragraphs in the old order. The rows of
:func:`resdiff.render.report.rows` follow the new text, and a clause that stands only in
the old text (removed, or the old place of a moved clause) is placed near the clauses it
stood next to; where its neighbours left too (a removed section, annex or footnote, the
old place of a moved section), that place may be out of the old order. :func:`in_both_orders`
moves such rows to where the old text's order puts them, using the old text's clause order
(:class:`resdiff.changes.Outline`), and leaves every other row where it was.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections.abc import Sequence

from resdiff.changes import Outline
from resdiff.render.headings import stands
from resdiff.render.report import Row

__all__ = ["in_both_orders"]


def in_both_orders(rows: Sequence[Row], old: Outline | None) -> tuple[Row, ...]:
    """``rows`` with those standing only in the old text in the old text's order.

    A row standing in both texts keeps its place; the rows standing only in the old text
    between two of them (by old position) stay as they are when they are already there in
    old order, else they move, in old order, to just before the next row standing in both.
    A row standing in both texts whose old place crosses the others' (a clause of a
    section that moved as a whole, which the differ does not call moved: its
    neighbours moved with it) is written as a move: deleted at its old place, inserted at
    its new one. The rows kept in both texts are a longest run in old order. Without the
    old text's outline, ``rows`` is returned as is.
    """
    if old is None:
        return tuple(rows)
    where = {path: i for i, path in enumerate(old.order)}
    position: list[int] = []  # each row's place in the old text; -1: not in it
    in_new: list[bool] = []
    for row in rows:
        in_old, new_section = stands(row)
        in_new.append(new_section is not None)
        if in_old is None:
            position.append(-1)
        elif row.change.old[0].path in where:
            position.append(where[row.change.old[0].path])
        else:
            return tuple(rows)  # a clause the outline does not know: not this text's
    olds = [p for p in position if p >= 0]
    if olds == sorted(olds):
        return tuple(rows)
    rows, position, in_new = _split_crossing(rows, position, in_new)
    both = [p for p, new in zip(position, in_new, strict=True) if p >= 0 and new]
    # each old-only row: the gap between rows in both texts it belongs in (by old
    # position) and the gap it stands in now
    belongs: dict[int, list[int]] = {}
    now: dict[int, int] = {}
    seen_both = 0
    for i, (p, new) in enumerate(zip(position, in_new, strict=True)):
        if p >= 0 and new:
            seen_both += 1
        elif p >= 0:
            belongs.setdefault(bisect_left(both, p), []).append(i)
            now[i] = seen_both
    moving: dict[int, list[int]] = {}  # gap -> its rows to write at its end, in old order
    for gap, members in belongs.items():
        places = [position[i] for i in members]
        if any(now[i] != gap for i in members) or places != sorted(places):
            moving[gap] = sorted(members, key=position.__getitem__)
    leaving = {i for members in moving.values() for i in members}
    out: list[Row] = []
    seen_both = 0
    for i, row in enumerate(rows):
        if i in leaving:
            continue
        if position[i] >= 0 and in_new[i]:
            out.extend(rows[j] for j in moving.get(seen_both, ()))
            seen_both += 1
        out.append(row)
    out.extend(rows[j] for j in moving.get(seen_both, ()))
    return tuple(out)


def _split_crossing(
    rows: Sequence[Row], position: list[int], in_new: list[bool]
) -> tuple[list[Row], list[int], list[bool]]:
    """Each row in both texts outside a longest run in old order split into the two ends
    of a move: the old place (a moved-away row, placed by the caller) and the new place."""
    both = [i for i, (p, new) in enumerate(zip(position, in_new, strict=True)) if p >= 0 and new]
    keep = _increasing(both, position)
    out_rows: list[Row] = []
    out_position: list[int] = []
    out_new: list[bool] = []
    for i, row in enumerate(rows):
        if i in keep or not (position[i] >= 0 and in_new[i]):
            out_rows.append(row)
            out_position.append(position[i])
            out_new.append(in_new[i])
            continue
        moved = dataclasses.replace(row.change, moved=True)
        out_rows += [Row.of(moved, "moved-away", row.index), Row.of(moved, "change", row.index)]
        out_position += [position[i], -1]
        out_new += [False, True]
    return out_rows, out_position, out_new


def _increasing(indices: list[int], position: list[int]) -> set[int]:
    """The members of a longest subsequence of ``indices`` whose positions increase (the
    first such found, so the result is the same on every run)."""
    tails: list[int] = []  # tails[k]: the index ending the best run of length k + 1
    ends: list[int] = []  # ends[k]: its position
    before: dict[int, int | None] = {}
    for i in indices:
        k = bisect_left(ends, position[i])
        before[i] = tails[k - 1] if k else None
        if k == len(tails):
            tails.append(i)
            ends.append(position[i])
        else:
            tails[k] = i
            ends[k] = position[i]
    out: set[int] = set()
    current = tails[-1] if tails else None
    while current is not None:
        out.add(current)
        current = before[current]
    return out
