"""The word runs a report shows for a change: the differ's word ops, joined into runs.

A renderer marks one run of deleted or inserted words at a time (one ``<del>``, one
``w:del``, one ``[-…-]``), never two touching ones of the same kind; and a change built
without word ops (by hand, or by a future reader of another format) still shows its
texts. Nothing here computes a diff.
"""

from __future__ import annotations

from itertools import pairwise

from resdiff.changes import Change, WordOp

__all__ = ["display_ops", "runs"]


def display_ops(change: Change) -> tuple[WordOp, ...]:
    """The word ops to show for a change.

    The differ's ``words`` when present (neighbouring ops of one kind joined, so a
    renderer marks one run, never two touching ones); otherwise (a change built without word ops)
    the old texts as deleted and the new texts as inserted, or the text as kept when
    old and new read the same.
    """
    if change.words:
        return _coalesced(change.words)
    old = " ".join(r.text for r in change.old)
    new = " ".join(r.text for r in change.new)
    if old == new:
        return (("=", new),) if new else ()
    ops: list[WordOp] = []
    if old:
        ops.append(("-", old))
    if new:
        ops.append(("+", new))
    return tuple(ops)


def _coalesced(ops: tuple[WordOp, ...]) -> tuple[WordOp, ...]:
    if all(a[0] != b[0] for a, b in pairwise(ops)):
        return ops
    out: list[WordOp] = []
    for op, text in ops:
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return tuple(out)


def runs(ops: tuple[WordOp, ...] | list[WordOp]) -> list[WordOp]:
    """Merge adjacent word ops of the same kind into runs, empty ops dropped (one ``<del>``
    per deleted run)."""
    merged: list[WordOp] = []
    for op, text in ops:
        if not text:
            continue
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return merged
