"""Following clauses through revisions with the differ's changes: blame and clause history.

Given the diffs between consecutive revisions (r0→r1, r1→r2, …), a clause's lineage is
read from the changes themselves, so it survives what a line-based blame cannot: a move
to another section, re-lettering, a split (each part keeps the origin) and a merge (the
merged clause keeps the earliest origin of its parts). "Amended" means the text changed
(editorial changes, ITU's "(MOD)", included); a pure move or re-lettering is not an
amendment. Pure functions: no git, no parsing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from resdiff.changes import Change, ClauseRef, Diff
from resdiff.corpus.records import BlameEntry, HistoryStep, Revision
from resdiff.errors import RefError


@dataclass(frozen=True)
class Origin:
    """Indexes (into the revision list) of where a clause was introduced and last amended."""

    introduced: int
    last_amended: int


def _is_amendment(change: Change) -> bool:
    return change.kind in ("amended", "split", "merged")


def blame(
    revisions: Sequence[Revision],
    first: Sequence[ClauseRef],
    diffs: Sequence[Diff],
    final: Sequence[ClauseRef],
) -> list[BlameEntry]:
    """Blame every clause of the last revision.

    ``first`` are the clauses of ``revisions[0]``, ``diffs[i]`` compares revision ``i``
    with ``i + 1``, ``final`` are the clauses of the last revision in document order.
    """
    state: dict[str, Origin] = {c.path: Origin(0, 0) for c in first}
    for i, d in enumerate(diffs, start=1):
        state = _step(state, d, i)
    last = len(revisions) - 1
    out = []
    for clause in final:
        origin = state.get(clause.path, Origin(last, last))
        out.append(
            BlameEntry(
                path=clause.path,
                label=clause.label,
                introduced=revisions[origin.introduced].name,
                last_amended=revisions[origin.last_amended].name,
                text=clause.text,
            )
        )
    return out


def _step(state: dict[str, Origin], d: Diff, i: int) -> dict[str, Origin]:
    new_state: dict[str, Origin] = {}
    for change in d.changes:
        if change.kind == "removed" or not change.new:
            continue
        olds = [state[r.path] for r in change.old if r.path in state]
        if change.kind == "added" or not olds:
            origin = Origin(i, i)
        else:
            introduced = min(o.introduced for o in olds)
            amended = i if _is_amendment(change) else max(o.last_amended for o in olds)
            origin = Origin(introduced, amended)
        for ref in change.new:
            new_state[ref.path] = origin
    return new_state


def history(
    revisions: Sequence[Revision],
    first: Sequence[ClauseRef],
    diffs: Sequence[Diff],
    path: str,
) -> list[HistoryStep]:
    """One clause through every revision, oldest first.

    ``path`` names the clause in the last revision that has it; a clause removed later
    ends with a ``removed`` step. Lineage is followed back through moves, re-lettering,
    splits (to the one clause split) and merges (to all the clauses merged).
    """
    last = len(revisions) - 1
    # Find the latest revision that has the clause.
    at = _latest_with(path, first, diffs)
    if at is None:
        known = sorted(
            {r.path for d in diffs[-1:] for c in d.changes for r in c.new}
            or {c.path for c in first}
        )
        raise RefError(
            f"no clause {path!r} in any revision of {revisions[0].resolution};"
            f" clauses are e.g. {', '.join(known[:8])}"
        )
    steps: list[HistoryStep] = []
    if at < last:
        removal = _find_change(diffs[at], {path}, side="old")
        if removal is not None:
            steps.append(HistoryStep(revisions[at + 1], removal.kind, removal.new, removal))
    current = {path}
    for i in range(at, 0, -1):
        change = _find_change(diffs[i - 1], current, side="new")
        if change is None:
            break
        kind = change.kind
        if kind == "added":
            steps.append(HistoryStep(revisions[i], "introduced", change.new, change))
            current = set()
            break
        steps.append(HistoryStep(revisions[i], kind, change.new, change))
        current = {r.path for r in change.old}
    if current:
        clauses = tuple(c for c in first if c.path in current)
        if clauses:
            steps.append(HistoryStep(revisions[0], "introduced", clauses, None))
    steps.reverse()
    return steps


def _latest_with(path: str, first: Sequence[ClauseRef], diffs: Sequence[Diff]) -> int | None:
    for i in range(len(diffs), 0, -1):
        if any(r.path == path for c in diffs[i - 1].changes for r in c.new):
            return i
    if any(c.path == path for c in first):
        return 0
    return None


def _find_change(d: Diff, paths: set[str], side: str) -> Change | None:
    for change in d.changes:
        refs = change.new if side == "new" else change.old
        if any(r.path in paths for r in refs):
            return change
    return None
