"""N-way compilation: many proposals against one base text, clause by clause.

Each proposal is read against the base with the merge's per-side outcome table
(:func:`resdiff.merge.outcomes.side_outcomes`: the differ's alignment, what the proposal
did to every base clause, and where its added or moved clauses stand). The tables are then
laid side by side in base order:

- every base clause gets one :class:`~resdiff.merge.compilation.Entry` in which each
  proposal has exactly one position: NOC, MOD (word diff), (MOD) editorial only, SUP,
  SUP* (moved away: the position says where to), split, merged. Re-lettering alone is NOC;
- right after it, entries for what proposals put there: their additions (ADD, a run of
  clauses per proposal) and each clause they moved in (ADD*);
- proposals with an identical result (same kind, same text, same destination) share a
  position — leaving a clause unchanged, at the same path — and two or more different
  changes at one place are a conflict. One proposal
  changing a clause while the others leave it alone is not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from resdiff.changes import Change, ClauseRef, Meta, WordOp
from resdiff.differ import PART_SEPARATOR
from resdiff.errors import InputError
from resdiff.merge.compilation import Compilation, Entry, Position, PositionKind, Proposal
from resdiff.merge.layout import Layout, Place, Slot
from resdiff.merge.outcomes import Anchor, Item, Outcome, SideOutcomes, side_outcomes
from resdiff.model import Resolution

__all__ = ["compile_proposals"]

#: What makes two proposals' results at one place the same (names and paths aside).
_Key = tuple[object, ...]


@dataclass(frozen=True)
class _Found:
    """One proposal's result at one place, before proposals are grouped."""

    key: _Key
    kind: PositionKind
    mark: str
    paths: tuple[str, ...]
    text: str | None
    words: tuple[WordOp, ...] = ()
    origin: tuple[str, ...] = ()
    change: Change | None = None


@dataclass(frozen=True)
class _Place:
    """Where an arrival (addition or moved-in clause) stands: after which base clause
    (its order, -1 for none), then a rank that orders places sharing that clause."""

    after: str | None
    order: int
    rank: tuple[object, ...]
    section: str


def compile_proposals(base: Resolution, proposals: Iterable[tuple[str, Resolution]]) -> Compilation:
    """Compile ``proposals`` (name, parsed text) against ``base``, in the order given.

    ``proposals`` is consumed once, one proposal at a time (each text can be read as it
    comes and dropped once its outcome table is made). Names must be unique.
    """
    layout = Layout.of(base)
    tables: list[SideOutcomes] = []
    sources: list[Proposal] = []
    for name, text in proposals:
        if any(p.name == name for p in sources):
            raise InputError(f"two proposals are named {name!r}: give each its own NAME=")
        tables.append(side_outcomes(layout, text, name))
        sources.append(Proposal(name, text.source))
    if not tables:
        raise InputError("no proposal to compile: give at least one")
    return Compiler(layout, tables).compilation(tuple(sources))


class Compiler:
    """Lays the proposals' outcome tables side by side over one base layout."""

    def __init__(self, base: Layout, tables: Sequence[SideOutcomes]) -> None:
        self.base = base
        self.tables = tables
        self.destinations = [_destinations(t) for t in tables]
        self.previous = _previous_clauses(base)

    def compilation(self, proposals: tuple[Proposal, ...]) -> Compilation:
        arrivals = self.arrivals()
        entries: list[Entry] = []
        for place, found in sorted(arrivals.items(), key=lambda kv: kv[0].rank):
            if place.after is None:
                entries.append(_entry((), place.section, None, found))
        for slot in self.base.slots:
            path = slot.clause.path
            found = {t.name: self.clause(i, t, path) for i, t in enumerate(self.tables)}
            entries.append(_entry((path,), slot.place.key, None, found))
            here = [(p, f) for p, f in arrivals.items() if p.after == path]
            for place, arrived in sorted(here, key=lambda pf: pf[0].rank):
                entries.append(_entry((), place.section, path, arrived))
        base = self.base.resolution
        meta = Meta(base.source, base.number, base.title)
        clauses = {
            s.clause.path: ClauseRef(
                s.clause.path, s.clause.label, _heading(s.place), s.clause.text
            )
            for s in self.base.slots
        }
        headings = {p.key: p.heading for p in self.base.places}
        for table in self.tables:
            for new in table.new_sections:
                headings.setdefault(new.place.key, new.place.heading)
        return Compilation(meta, proposals, tuple(entries), clauses, headings)

    # -- one base clause ----------------------------------------------------------------
    def clause(self, index: int, table: SideOutcomes, path: str) -> _Found:
        """What proposal ``table`` did to base clause ``path``."""
        outcome = table.outcome(path)
        paths = tuple(s.clause.path for s in outcome.side) or (path,)
        text = _text(outcome)
        words = outcome.change.words if outcome.kind != "unchanged" else ()
        if outcome.moved:
            where = self.destinations[index].get(path)
            key: _Key = ("moved", where, text)
            return _Found(key, "moved", "SUP*", paths, text, words, change=outcome.change)
        if outcome.kind == "unchanged":
            # NOC split by where the clause now stands, so that every NOC path is exact
            key = ("unchanged", paths)
            return _Found(key, "unchanged", "NOC", paths, text, change=outcome.change)
        if outcome.kind == "removed":
            return _Found(("removed",), "removed", "SUP", (), None, change=outcome.change)
        if outcome.kind == "amended":
            mark = "(MOD)" if outcome.change.editorial else "MOD"
            key = ("amended", mark, text)
            return _Found(key, "amended", mark, paths, text, words, change=outcome.change)
        mark = "SUP" if outcome.kind == "merged" and outcome.base[0] != path else "MOD"
        key = (outcome.kind, mark, outcome.base, text)
        return _Found(key, outcome.kind, mark, paths, text, words, change=outcome.change)

    # -- additions and clauses moved in -------------------------------------------------
    def arrivals(self) -> dict[_Place, dict[str, _Found]]:
        """Every place where some proposal adds or moves in clauses, with what each puts there."""
        found: dict[_Place, dict[str, _Found]] = {}
        for table in self.tables:
            for anchor, items in table.runs.items():
                self.arrive(found, table, self.anchor_place(anchor), items)
            for new in table.new_sections:
                self.arrive(found, table, self.new_section_place(new.after, new.place), new.items)
        return found

    def arrive(
        self,
        found: dict[_Place, dict[str, _Found]],
        table: SideOutcomes,
        place: _Place,
        items: tuple[Item, ...],
    ) -> None:
        added = [item for item in items if item.added]
        if added:
            joined = "\n".join(item.slot.clause.text for item in added)
            shape = tuple((item.slot.clause.text, item.slot.depth) for item in added)
            paths = tuple(item.slot.clause.path for item in added)
            at = _Place(place.after, place.order, (*place.rank, 0, ""), place.section)
            found.setdefault(at, {})[table.name] = _Found(
                ("added", shape), "added", "ADD", paths, joined
            )
        for item in items:
            if item.added or table.outcome(item.base[0]).base[0] != item.base[0]:
                continue
            outcome = table.outcome(item.base[0])
            order = self.base.by_path[item.base[0]].order
            at = _Place(place.after, place.order, (*place.rank, 1, order), place.section)
            paths = tuple(s.clause.path for s in outcome.side)
            text = _text(outcome)
            words = outcome.change.words if outcome.kind != "unchanged" else ()
            found.setdefault(at, {})[table.name] = _Found(
                ("moved", text), "moved", "ADD*", paths, text, words, outcome.base, outcome.change
            )

    def anchor_place(self, anchor: Anchor) -> _Place:
        if anchor.kind == "after":
            slot = self.base.by_path[anchor.key]
            return _Place(anchor.key, slot.order, (slot.order, 0, 0, ""), slot.place.key)
        place = next(p for p in self.base.places if p.key == anchor.key)
        before = self.previous[place.index]
        order = before.order if before is not None else -1
        after = before.clause.path if before is not None else None
        return _Place(after, order, (order, 2, place.index, ""), place.key)

    def new_section_place(self, after_section: str, place: Place) -> _Place:
        """A section a proposal added stands after the last clause of (or before) the base
        section it follows."""
        base_place = next(p for p in self.base.places if p.key == after_section)
        slots = [s for s in self.base.in_place(base_place)]
        before = slots[-1] if slots else self.previous[base_place.index]
        order = before.order if before is not None else -1
        after = before.clause.path if before is not None else None
        return _Place(after, order, (order, 1, base_place.index, place.heading), place.key)


def _entry(
    base: tuple[str, ...],
    section: str,
    after: str | None,
    found: dict[str, _Found],
) -> Entry:
    """Group the proposals' results into positions; flag a conflict."""
    groups: dict[_Key, list[str]] = {}
    for name in sorted(found):
        groups.setdefault(found[name].key, []).append(name)
    positions = []
    for names in groups.values():
        f = found[names[0]]
        positions.append(
            Position(tuple(names), f.kind, f.mark, f.paths, f.text, f.words, f.origin, f.change)
        )
    positions.sort(key=lambda p: (not p.changed, -len(p.proposals), p.proposals))
    conflict = sum(1 for p in positions if p.changed) >= 2
    return Entry(base, section, after, conflict, tuple(positions))


def _text(outcome: Outcome) -> str | None:
    content = outcome.content()
    if content is None:
        return None
    if not content:  # an unchanged clause the diff did not list
        return outcome.change.old[0].text
    return PART_SEPARATOR.join(content)


def _destinations(table: SideOutcomes) -> dict[str, tuple[str, ...]]:
    """Base path of each clause a proposal moved → where it put it, in base terms (after
    which base clause, at which section's start, or in which new section), so that
    proposals moving a clause to one place agree and to different places differ."""
    out: dict[str, tuple[str, ...]] = {}
    for anchor, items in table.runs.items():
        for item in items:
            if not item.added:
                out[item.base[0]] = (anchor.kind, anchor.key)
    for new in table.new_sections:
        for item in new.items:
            if not item.added:
                out[item.base[0]] = ("section", new.after, new.place.heading)
    return out


def _previous_clauses(base: Layout) -> list[Slot | None]:
    """For each place (by index), the last base clause before it, or ``None``."""
    out: list[Slot | None] = []
    last: Slot | None = None
    for place in base.places:
        out.append(last)
        for slot in base.in_place(place):
            last = slot
    return out


def _heading(place: Place) -> str:
    return place.heading
