"""The compiled document as people read it, shared by every human format of a compilation.

For each :class:`~resdiff.merge.compilation.Entry` shown (every touched one; all with
``--all``) an :class:`EntryView`: the provision's name (``considering d)``, or ``new after
considering c)`` for additions), its base text, and under it each position with its ITU
mark, its proposals (``ALPHA = BRAVO``), a note (``now considering/e``, ``moved to
recalling/i``, ``split into …``, ``editorial``) and the word runs to mark. The runs are
given as a :class:`~resdiff.changes.Change` so that the diff report's own redline helpers
(text, markdown) mark them exactly as they mark a diff. Nothing here computes anything new.
"""

from __future__ import annotations

from dataclasses import dataclass

from resdiff.changes import Change, ClauseRef, WordOp
from resdiff.merge.compilation import Compilation, Entry, Position
from resdiff.render.report import Note, Row
from resdiff.render.word_runs import runs
from resdiff.render.wording import clause_name

__all__ = ["EntryView", "PositionView", "entries", "summary_line", "title"]


@dataclass(frozen=True)
class PositionView:
    """One position under a provision: mark, who, a note, and the words to show."""

    position: Position
    names: str
    note: str | None
    ops: tuple[WordOp, ...]

    @property
    def mark(self) -> str:
        return self.position.mark

    @property
    def unchanged(self) -> bool:
        return not self.position.changed

    @property
    def change(self) -> Change:
        """The words as a change, for the diff report's redline helpers."""
        return Change("amended", (), (), words=self.ops)


@dataclass(frozen=True)
class EntryView:
    """One provision of the compiled document."""

    entry: Entry
    name: str
    anchor: str
    base: ClauseRef | None
    positions: tuple[PositionView, ...]

    @property
    def conflict(self) -> bool:
        return self.entry.conflict

    @property
    def agreed(self) -> bool:
        return self.entry.agreed


def title(compilation: Compilation) -> str:
    """``Compilation of proposals on RESOLUTION 179 (Guadalajara, 2010)``."""
    base = compilation.base
    return f"Compilation of proposals on {base.number or base.source or 'the base text'}"


def summary_line(compilation: Compilation) -> str:
    """``45 clauses; 5 touched, 1 agreed, 1 conflict``."""
    s = compilation.summary
    conflicts = s["conflicts"]
    word = "conflict" if conflicts == 1 else "conflicts"
    return (
        f"{s['clauses']} clauses; {s['touched']} touched, {s['agreed']} agreed, {conflicts} {word}"
    )


def entries(compilation: Compilation, show_all: bool = False) -> tuple[EntryView, ...]:
    """The provisions to show, in order: touched ones (all with ``show_all``)."""
    sections = {e.base[0]: e.section for e in compilation.entries if e.base}
    out = []
    for i, entry in enumerate(compilation.entries):
        if entry.touched or show_all:
            out.append(_entry(compilation, entry, i, sections))
    return tuple(out)


def _entry(
    compilation: Compilation, entry: Entry, index: int, sections: dict[str, str]
) -> EntryView:
    clauses = compilation.clauses
    base = clauses.get(entry.base[0]) if entry.base else None
    if base is not None:
        name = clause_name(base)
        anchor = base.path
    else:
        after = clauses.get(entry.after) if entry.after else None
        heading = compilation.headings.get(entry.section, entry.section)
        if after is None:
            name = f"new in {heading}, at the start"
        elif sections.get(after.path) == entry.section:
            name = f"new after {clause_name(after)}"
        else:
            name = f"new in {heading}, after {clause_name(after)}"
        anchor = f"new:{index}"
    base_text = base.text if base is not None else ""
    positions = tuple(_position(p, base_text) for p in entry.positions)
    return EntryView(entry, name, anchor, base, positions)


def _position(position: Position, base_text: str) -> PositionView:
    names = " = ".join(position.proposals)
    text = position.text or ""
    ops: tuple[WordOp, ...]
    if position.kind == "removed" or (position.kind == "merged" and position.mark == "SUP"):
        ops = (("-", base_text),)
    elif position.kind == "added":
        ops = (("+", text),)
    elif position.words:
        ops = tuple(runs(position.words))
    elif position.mark == "SUP*":
        ops = (("-", base_text),)
    else:
        ops = (("=", text),)
    return PositionView(position, names, _note(position), ops)


def _note(position: Position) -> str | None:
    """The position's notes: the diff report's notes of its change (:class:`Row`: moved
    to / from, split, merged, re-lettered, editorial), worded for a compilation."""
    if position.kind == "added":
        return f"as {' + '.join(position.paths)}"
    change = position.change
    if change is None:
        return None
    row = Row.of(change, "moved-away" if position.mark == "SUP*" else "change")
    words = [_worded(note, change.new) for note in row.notes]
    return ", ".join(words) or None


def _worded(note: Note, new: tuple[ClauseRef, ...]) -> str:
    """A note as a compilation says it: under the base clause, a re-lettered clause is
    ``now considering e)``, a split one ``split into …`` (its parts in the proposal)."""
    if note.kind == "was":
        return f"now {clause_name(note.refs[-1])}"
    if note.kind == "split-from":
        return "split into " + " + ".join(clause_name(r) for r in new)
    if note.kind == "merged-from":
        return "merged: " + " + ".join(clause_name(r) for r in note.refs)
    return note.text
