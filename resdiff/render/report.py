"""The report model every human format reads: rows in reading order, each with its ITU mark
and its notes, computed once.

A :class:`Row` is one entry of a report: a change at its (new) place, or the "moved away"
entry left at the old place of a moved clause (placed by
:mod:`resdiff.render.reading_order`). Each row carries

- its ITU mark: ADD, SUP, MOD, (MOD), NOC, and ADD*/SUP* at the two ends of a move (a clause
  only re-lettered is MOD: its label is part of the provision);
- its notes, in a fixed order: ``moved from recalling i)`` / ``moved to recognizing c)``
  (linked to the other end), ``split from …`` / ``merged from …``, ``was e)`` (re-lettered
  in place), ``editorial``. Each :class:`Note` has a kind, the standard wording and the
  clauses it names, so a format may word it its own way (html: ``e) → f)``) without
  deciding again which notes apply.

The filters of what a report lists without ``--all`` are here too: :func:`rows`,
:func:`visible_sections`, :func:`expands` (plus :meth:`resdiff.changes.Diff.visible_changes`
for the change list). A new format builds on :func:`rows` (or :func:`describe` for a
change-per-line format), :mod:`resdiff.render.headings` for section headings and
:mod:`resdiff.render.wording` for names. Nothing here computes a diff.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from resdiff.changes import Change, ClauseRef, Diff, SectionChange, TreeEntry, WordOp
from resdiff.render.reading_order import moved_away_places
from resdiff.render.word_runs import display_ops, runs
from resdiff.render.wording import clause_name, is_header, kind_word, short_label

Role = Literal["change", "moved-away"]
NoteKind = Literal["moved-to", "moved-from", "split-from", "merged-from", "was", "editorial"]

__all__ = [
    "Note",
    "Row",
    "change_notes",
    "describe",
    "expands",
    "kind_and_notes",
    "row_ops",
    "rows",
    "visible_sections",
]


@dataclass(frozen=True)
class Note:
    """A note beside a row: ``kind``, its standard wording ``text``, the clauses it names
    (``refs``: the other end of a move; the parts of a split or merge; the old then the
    new clause of a re-lettering) and, at an end of a move, the other end's anchor."""

    kind: NoteKind
    text: str
    refs: tuple[ClauseRef, ...] = ()
    target: str | None = None


@dataclass(frozen=True)
class Row:
    """One entry of a report in reading order, with its mark and notes.

    ``role`` is ``"change"`` for a change at its (new) place, ``"moved-away"`` for the
    entry left at the old place of a moved clause. ``index`` is the change's position in
    ``Diff.changes`` (stable, so anchors and cross links can use it). Build rows with
    :meth:`of` (or :func:`rows`), which computes ``mark`` and ``notes``.
    """

    change: Change
    role: Role
    index: int
    mark: str
    notes: tuple[Note, ...]

    @classmethod
    def of(cls, change: Change, role: Role = "change", index: int = 0) -> Row:
        moved_away = role == "moved-away"
        return cls(change, role, index, _mark(change, moved_away), _notes(change, moved_away))

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
    def header(self) -> bool:
        """True for a row of the number line, title or enacting formula."""
        return is_header(self.ref)

    @property
    def anchor(self) -> str:
        """A stable id for the row: the new path, or ``was:`` + old path for an old place."""
        if self.moved_away or not self.change.new:
            return "was:" + self.change.old[0].path
        return self.change.new[0].path

    @property
    def partner_anchor(self) -> str | None:
        """For the two ends of a move, the anchor of the other end."""
        note = self.move_note
        return note.target if note is not None else None

    @property
    def move_note(self) -> Note | None:
        """``moved to recognizing c)`` at the old place, ``moved from recalling i)`` at the new."""
        first = self.notes[0] if self.notes else None
        return first if first is not None and first.kind in ("moved-to", "moved-from") else None

    @property
    def kept(self) -> bool:
        """True for a clause kept as it was, in place, under the same label."""
        return self.change.kept


def _mark(change: Change, moved_away: bool) -> str:
    """ADD*/SUP* for the two ends of a move, MOD for a clause only re-lettered, else the
    change's own mark."""
    if moved_away:
        return "SUP*"
    if change.moved:
        return "ADD*"
    if change.kind == "unchanged" and change.renumbered:
        return "MOD"  # only its label changed: still a modification of the provision
    return change.mark


def _notes(change: Change, moved_away: bool) -> tuple[Note, ...]:
    notes: list[Note] = []
    if change.moved and change.old and change.new:
        old, new = change.old[0], change.new[0]
        if moved_away:
            notes.append(Note("moved-to", f"moved to {clause_name(new)}", (new,), new.path))
        else:
            notes.append(
                Note("moved-from", f"moved from {clause_name(old)}", (old,), "was:" + old.path)
            )
    if change.kind in ("split", "merged") and change.old:
        kind: NoteKind = "split-from" if change.kind == "split" else "merged-from"
        names = " + ".join(clause_name(r) for r in change.old)
        notes.append(Note(kind, f"{change.kind} from {names}", change.old))
    if change.renumbered and not change.moved and change.old and change.new:
        old, new = change.old[0], change.new[0]
        notes.append(Note("was", f"was {short_label(old)}", (old, new)))
    if change.editorial and not moved_away:
        notes.append(Note("editorial", "editorial"))
    return tuple(notes)


def change_notes(change: Change) -> tuple[Note, ...]:
    """The notes of a change at its (new) place, as its :class:`Row` carries them."""
    return _notes(change, moved_away=False)


def describe(change: Change) -> tuple[str, ...]:
    """The notes a one-line-per-change format shows beside the kind, in a fixed order.

    ``split from recalling c)`` / ``merged from recalling a) + recalling b)`` for splits
    and merges (which say where the text came from: no move or label note beside them);
    else ``moved from recalling i)`` when the clause changed section (or order), else
    ``was e)`` when only its label changed; then ``editorial`` for (MOD).
    """
    notes = change_notes(change)
    if any(n.kind in ("split-from", "merged-from") for n in notes):
        notes = tuple(n for n in notes if n.kind not in ("moved-from", "was"))
    return tuple(n.text for n in notes)


def kind_and_notes(change: Change) -> str:
    """The kind and its notes as one phrase, without saying the kind twice.

    ``amended, moved from recalling i)``, ``re-lettered, was f)``, ``added``,
    ``split from resolves 1``, ``amended, editorial``.
    """
    notes = describe(change)
    kind = kind_word(change)
    if notes and notes[0].startswith(kind + " "):
        return ", ".join(notes)
    return ", ".join((kind, *notes))


def rows(diff: Diff, show_all: bool = True) -> tuple[Row, ...]:
    """Every row of a report in reading order, moved-away rows placed at their old position.

    With ``show_all`` false, rows of kept clauses are left out (a re-lettered or moved
    clause is always shown).
    """
    changes = diff.changes
    places = moved_away_places(diff)
    out: list[Row] = []
    for i, change in enumerate(changes):
        out.extend(Row.of(changes[j], "moved-away", j) for j in places.before.get(i, ()))
        out.append(Row.of(change, "change", i))
        out.extend(Row.of(changes[j], "moved-away", j) for j in places.after.get(i, ()))
    if show_all:
        return tuple(out)
    return tuple(r for r in out if not r.kept)


def visible_sections(diff: Diff, show_all: bool = False) -> tuple[SectionChange, ...]:
    """The section changes a report lists: all with ``show_all``, else the renamed, added
    and removed ones."""
    return tuple(s for s in diff.sections if show_all or s.kind != "unchanged")


def expands(entry: TreeEntry, show_all: bool = False) -> bool:
    """True when a tree report shows a resolution's diff in full: a modified resolution,
    and with ``show_all`` an unchanged one too (added and removed ones have no diff)."""
    return entry.diff is not None and (entry.status == "modified" or show_all)


def row_ops(row: Row) -> list[WordOp]:
    """The word runs a row shows: the old text struck out for a moved-away row, else the
    change's ops (for a moved clause, the changes made on the way)."""
    if row.moved_away:
        return [("-", " ".join(r.text for r in row.change.old))]
    return runs(display_ops(row.change))
