"""The clause-by-clause three-way combination of two sides' outcome tables.

Walks the base in order, section by section. For each base clause it takes the change of
the side that made one, the common change once when both made the same, and a
:class:`~resdiff.merge.result.Conflict` when both changed it differently
(``both-amended``), one removed what the other amended (``amended-removed``), or one
removed the whole section the other changed (``section-removed``). A clause one side moved
is written where that side put it, with whatever the other side did to its text. After
each base clause (and at each section's start) come the runs of clauses the sides added
or moved there: one side's run alone is taken, identical runs once, and two different runs
that both add clauses are a ``both-added`` conflict. Sections a side added follow the base
section they follow on that side. Labels are recomputed later (:mod:`resdiff.merge.relabel`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from resdiff.merge.layout import BODY, Place, Slot
from resdiff.merge.outcomes import Anchor, Item, NewSection, Outcome, SideOutcomes
from resdiff.merge.relabel import Style, style_of
from resdiff.merge.result import (
    Conflict,
    ConflictKind,
    From,
    Line,
    MergeKind,
    Side,
)


@dataclass
class Piece:
    """Clauses written together, the changes they carry (side, kind, base paths)."""

    lines: tuple[Line, ...]
    changes: list[tuple[From, MergeKind, tuple[str, ...]]] = field(default_factory=list)
    conflict: Conflict | None = None

    def texts(self) -> tuple[tuple[str, int], ...]:
        return tuple((line.text, line.depth) for line in self.lines)


@dataclass
class Block:
    """One section of the merged text (or its header or footnotes) being assembled."""

    place: Place
    heading: str
    annex: tuple[str, str | None] | None
    style: Style
    pieces: list[Piece]
    removed_by: Side | None = None
    #: A section one side removed whose conflicts ``--favor`` resolved to that side: not
    #: written, its conflicts still reported.
    hidden: bool = False


def _line(slot: Slot) -> Line:
    return Line(slot.clause.label, slot.clause.text, slot.depth)


def _signature(items: tuple[Item, ...]) -> tuple[tuple[str, ...], ...]:
    """What a run holds, side aside: added texts, and the base clauses it places."""
    return tuple(
        ("+", item.slot.clause.text, str(item.slot.depth)) if item.added else ("=", *item.base)
        for item in items
    )


def _kind(outcome: Outcome) -> MergeKind:
    return "amended" if outcome.kind == "unchanged" else outcome.kind


class Combiner:
    """Combines two outcome tables over one base; :meth:`blocks` gives the merged sections."""

    def __init__(self, ours: SideOutcomes, theirs: SideOutcomes, favor: Side | None) -> None:
        self.ours, self.theirs, self.favor = ours, theirs, favor
        self.base = ours.base
        self.renames: list[tuple[From, str, str]] = []

    # -- one base clause ----------------------------------------------------------------
    def owner(self, path: str) -> Side | None:
        """The side whose placement of a base clause wins: the one that moved it (ours first)."""
        if self.ours.moved(path):
            return "ours"
        if self.theirs.moved(path):
            return "theirs"
        return None

    def _lines(self, outcome: Outcome, path: str) -> tuple[Line, ...]:
        if outcome.kind == "removed" or (outcome.kind == "merged" and path != outcome.base[0]):
            return ()
        return tuple(_line(slot) for slot in outcome.side)

    def _paths(self, outcome: Outcome) -> tuple[str, ...]:
        return tuple(slot.clause.path for slot in outcome.side)

    def clause(self, path: str, removed_by: Side | None) -> Piece:
        """The merged form of base clause ``path``."""
        o, t = self.ours.outcome(path), self.theirs.outcome(path)
        slot = self.base.by_path[path]
        changes: list[tuple[From, MergeKind, tuple[str, ...]]] = []
        if o.moved or t.moved:
            who: From = "both" if o.moved and t.moved else "ours" if o.moved else "theirs"
            changes.append((who, "moved", (path,)))
        if not o.changed and not t.changed:
            return Piece((_line(slot),), changes)
        if o.changed and not t.changed:
            return Piece(self._lines(o, path), [*changes, ("ours", _kind(o), o.base)])
        if t.changed and not o.changed:
            return Piece(self._lines(t, path), [*changes, ("theirs", _kind(t), t.base)])
        if o.kind == t.kind and o.content() == t.content() and o.base == t.base:
            return Piece(self._lines(o, path), [*changes, ("both", _kind(o), o.base)])
        kind: ConflictKind = "both-amended"
        if "removed" in (o.kind, t.kind):
            kind = "section-removed" if removed_by is not None else "amended-removed"
        return self.conflict(
            kind,
            o.base if len(o.base) >= len(t.base) else t.base,
            (self._paths(o), self._paths(t)),
            (_line(slot),),
            (self._lines(o, path), self._lines(t, path)),
        )

    def conflict(
        self,
        kind: ConflictKind,
        base: tuple[str, ...],
        paths: tuple[tuple[str, ...], tuple[str, ...]],
        base_lines: tuple[Line, ...],
        lines: tuple[tuple[Line, ...], tuple[Line, ...]],
    ) -> Piece:
        found = Conflict(kind, base, paths[0], paths[1], base_lines, lines[0], lines[1], self.favor)
        chosen = base_lines
        if self.favor is not None:
            chosen = lines[0] if self.favor == "ours" else lines[1]
        return Piece(chosen, [], found)

    # -- runs of added and moved clauses -------------------------------------------------
    def items(
        self, side: SideOutcomes, items: tuple[Item, ...], removed_by: Side | None
    ) -> list[Piece]:
        name: Side = "ours" if side is self.ours else "theirs"
        pieces = []
        for item in items:
            if item.added:
                pieces.append(Piece((_line(item.slot),), [(name, "added", ())]))
            elif self.owner(item.base[0]) == name:
                pieces.append(self.clause(item.base[0], removed_by))
        return pieces

    def run(self, anchor: Anchor, removed_by: Side | None) -> list[Piece]:
        """The merged run at ``anchor``: one side's, the common one, or a conflict."""
        ro = self.ours.runs.get(anchor, ())
        rt = self.theirs.runs.get(anchor, ())
        return self.pair(ro, rt, removed_by)

    def pair(
        self, ro: tuple[Item, ...], rt: tuple[Item, ...], removed_by: Side | None
    ) -> list[Piece]:
        po, pt = self.items(self.ours, ro, removed_by), self.items(self.theirs, rt, removed_by)
        if removed_by is not None:  # the other side adds into a section this one removed
            other = pt if removed_by == "ours" else po
            rest = po if removed_by == "ours" else pt
            adds = other and any(item.added for item in (rt if removed_by == "ours" else ro))
            if adds:
                lines = tuple(line for piece in other for line in piece.lines)
                added = tuple(
                    item.slot.clause.path for item in (rt if removed_by == "ours" else ro)
                )
                both: tuple[tuple[Line, ...], tuple[Line, ...]] = (
                    ((), lines) if removed_by == "ours" else (lines, ())
                )
                paths: tuple[tuple[str, ...], tuple[str, ...]] = (
                    ((), added) if removed_by == "ours" else (added, ())
                )
                return [*rest, self.conflict("section-removed", (), paths, (), both)]
        if not po or not pt:
            return po or pt
        if _signature(ro) == _signature(rt) or [p.texts() for p in po] == [p.texts() for p in pt]:
            for piece in po:
                piece.changes = [("both", kind, base) for _, kind, base in piece.changes]
            return po
        if not any(i.added for i in ro) or not any(i.added for i in rt):
            return po + pt
        return [
            self.conflict(
                "both-added",
                (),
                (
                    tuple(i.slot.clause.path for i in ro if i.added),
                    tuple(i.slot.clause.path for i in rt if i.added),
                ),
                (),
                (
                    tuple(line for piece in po for line in piece.lines),
                    tuple(line for piece in pt for line in piece.lines),
                ),
            )
        ]

    # -- sections ---------------------------------------------------------------------
    def blocks(self) -> Iterator[Block]:
        """The merged text's sections in order: base sections, each followed by the
        sections a side added after it."""
        for place in self.base.places:
            yield from self.base_block(place)
            yield from self.new_blocks(place.key)

    def base_block(self, place: Place) -> Iterator[Block]:
        fo, ft = self.ours.sections[place.key], self.theirs.sections[place.key]
        removed_by: Side | None = (
            "ours" if fo.kind == "removed" else "theirs" if ft.kind == "removed" else None
        )
        if fo.kind == "removed" and ft.kind == "removed":
            return
        heading = place.heading
        if fo.kind == "renamed" and fo.heading is not None:
            heading = fo.heading
            self.renames.append(
                ("both" if ft.heading == fo.heading else "ours", place.key, heading)
            )
        elif ft.kind == "renamed" and ft.heading is not None:
            heading = ft.heading
            self.renames.append(("theirs", place.key, heading))
        pieces = self.run(Anchor("start", place.key), removed_by)
        for slot in self.base.in_place(place):
            if self.owner(slot.clause.path) is None:
                pieces.append(self.clause(slot.clause.path, removed_by))
            pieces.extend(self.run(Anchor("after", slot.clause.path), removed_by))
        pieces = [p for p in pieces if p.lines or p.changes or p.conflict is not None]
        if removed_by is not None and all(p.conflict is None for p in pieces):
            return  # removed on one side, nothing the other did in it is left
        hidden = removed_by is not None and not any(p.lines for p in pieces)
        hidden = hidden and all(p.conflict is None or p.conflict.resolved for p in pieces)
        labels = [s.clause.label for s in self.base.in_place(place) if s.depth == 0]
        style = None if place.fixed else style_of(labels)  # footnotes keep their numbers
        yield Block(place, heading, self._annex(place), style, pieces, removed_by, hidden)

    def _annex(self, place: Place) -> tuple[str, str | None] | None:
        if place.container is None or place.container == BODY:
            return None
        annex = self.base.resolution.annexes[place.container]
        return annex.heading, annex.title

    def new_blocks(self, after: str) -> Iterator[Block]:
        ours = [n for n in self.ours.new_sections if n.after == after]
        theirs = [n for n in self.theirs.new_sections if n.after == after]
        for new in ours:
            twin = next((n for n in theirs if n.place.heading == new.place.heading), None)
            if twin is not None:
                theirs.remove(twin)
            yield self.new_block(new, twin)
        for new in theirs:
            yield self.new_block(None, new)

    def new_block(self, ours: NewSection | None, theirs: NewSection | None) -> Block:
        shown = ours if ours is not None else theirs
        assert shown is not None
        pieces = self.pair(ours.items if ours else (), theirs.items if theirs else (), None)
        side = self.ours if ours is not None else self.theirs
        labels = [s.clause.label for s in side.side.in_place(shown.place) if s.depth == 0]
        annex = None
        if shown.place.container not in (None, BODY):
            assert shown.place.container is not None
            a = side.side.resolution.annexes[shown.place.container]
            annex = (a.heading, a.title)
        return Block(shown.place, shown.place.heading, annex, style_of(labels), pieces)
