"""What one side did to a base text, clause by clause: the per-side outcome table.

Built from ``diff(base, side)`` alone, so the three-way merge and the N-way compilation of
proposals read one side the same way. For a side it holds:

- for every base clause, its :class:`Outcome`: unchanged, amended, removed, split or
  merged (the diff's kinds), whether the side moved it, and the side's clauses that carry it;
- where each clause of the side *stands*: clauses the side kept in place are anchors;
  every other clause (an addition, a moved clause) belongs to the :class:`Run` that follows
  an anchor (``Anchor("after", base path)``) or opens a base section
  (``Anchor("start", base section key)``); clauses of a section the base does not have
  belong to that new section;
- every base section's fate on this side (kept, renamed, removed) and the sections the
  side added, each after the base section it follows.

:func:`side_outcomes` is the one entry point; the result is immutable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from resdiff.changes import Change, ChangeKind, Diff
from resdiff.differ import diff_resolutions
from resdiff.merge.layout import Layout, Place, Slot
from resdiff.model import FOOTNOTES, HEADER, Resolution
from resdiff.normalize import normalize
from resdiff.parsing import parse_text

AnchorKind = Literal["after", "start"]


@dataclass(frozen=True)
class Anchor:
    """Where a run of a side's clauses stands: after a base clause, or at a base section's start."""

    kind: AnchorKind
    key: str  # a base clause path ("after") or a base section key ("start")


@dataclass(frozen=True)
class Outcome:
    """What a side did to one base clause (or, for a merge, to the group it joins).

    ``base`` is every base clause of the diff's change (several for ``merged``); ``side``
    the side's clauses that carry them (several for ``split``, none for ``removed``).
    """

    kind: ChangeKind
    base: tuple[str, ...]
    side: tuple[Slot, ...]
    moved: bool
    change: Change

    @property
    def changed(self) -> bool:
        """True when the side changed the clause's text or structure (a move alone is not)."""
        return self.kind != "unchanged"

    def texts(self) -> tuple[tuple[str | None, str], ...]:
        """The side's clauses as (label, text): what this outcome writes into a merge."""
        return tuple((s.clause.label, s.clause.text) for s in self.side)

    def content(self) -> tuple[str, ...] | None:
        """The side's text for this clause, labels aside; ``None`` when removed."""
        if self.kind == "removed":
            return None
        return tuple(s.clause.text for s in self.side)


@dataclass(frozen=True)
class Item:
    """One clause of the side that is not an anchor: an addition (``base`` empty) or a
    clause the side moved (``base`` its base clauses)."""

    slot: Slot
    base: tuple[str, ...]

    @property
    def added(self) -> bool:
        return not self.base


@dataclass(frozen=True)
class NewSection:
    """A section the side has and the base has not, with its clauses in order."""

    place: Place
    items: tuple[Item, ...]
    after: str  # the base section key it follows


@dataclass(frozen=True)
class SectionFate:
    """A base section on one side: ``unchanged``, ``renamed`` (new heading) or ``removed``."""

    kind: Literal["unchanged", "renamed", "removed"]
    heading: str | None
    place: Place | None


@dataclass(frozen=True)
class SideOutcomes:
    """The outcome table of one side against the base (see the module docstring)."""

    name: str
    base: Layout
    side: Layout
    diff: Diff
    by_base: dict[str, Outcome]
    runs: dict[Anchor, tuple[Item, ...]]
    sections: dict[str, SectionFate]
    new_sections: tuple[NewSection, ...]

    def outcome(self, path: str) -> Outcome:
        """The outcome of base clause ``path`` (every base clause has one)."""
        return self.by_base[path]

    def moved(self, path: str) -> bool:
        """True when the side put base clause ``path`` somewhere else."""
        found = self.by_base.get(path)
        return found is not None and found.moved

    def additions(self) -> Iterable[tuple[Anchor | None, Item]]:
        """Every clause the side added, with its anchor (``None`` inside a new section)."""
        for anchor, items in self.runs.items():
            for item in items:
                if item.added:
                    yield anchor, item
        for new in self.new_sections:
            for item in new.items:
                if item.added:
                    yield None, item


def side_outcomes(
    base: Resolution | Layout, side: Resolution, name: str, diff: Diff | None = None
) -> SideOutcomes:
    """The outcome table of ``side`` against ``base`` (``diff`` is computed when not given).

    A side is read in the base's layout: a proposal is a revision of the base, and its
    clauses must name the same places (a side detected otherwise, say a UN text whose header
    was cut, is parsed again from its text in the base's layout).
    """
    base_layout = base if isinstance(base, Layout) else Layout.of(base)
    if side.layout != base_layout.resolution.layout and diff is None:
        side = parse_text(
            side.source_text, source=side.source, layout=base_layout.resolution.layout
        )
    side_layout = Layout.of(side)
    d = diff if diff is not None else diff_resolutions(base_layout.resolution, side)
    by_base, carried = _outcomes(d, base_layout, side_layout)
    place_map, fates = _sections(d, base_layout, side_layout)
    runs, new_sections = _placements(side_layout, by_base, carried, place_map)
    return SideOutcomes(name, base_layout, side_layout, d, by_base, runs, fates, new_sections)


def _outcomes(
    d: Diff, base: Layout, side: Layout
) -> tuple[dict[str, Outcome], dict[str, tuple[str, ...]]]:
    """Each base clause's outcome, and for each side clause the base clauses it carries."""
    by_base: dict[str, Outcome] = {}
    carried: dict[str, tuple[str, ...]] = {}
    for change in d.changes:
        olds = tuple(ref.path for ref in change.old)
        slots = tuple(side.by_path[ref.path] for ref in change.new)
        if change.kind == "added":
            carried[slots[0].clause.path] = ()
            continue
        outcome = Outcome(change.kind, olds, slots, change.moved, change)
        for path in olds:
            by_base[path] = outcome
        for i, slot in enumerate(slots):
            # The parts of a split after the first travel with it: they carry nothing.
            carried[slot.clause.path] = olds if i == 0 else ("",)
    for slot in base.slots:  # a clause the diff did not mention is unchanged in place
        if slot.clause.path not in by_base:
            by_base[slot.clause.path] = Outcome(
                "unchanged", (slot.clause.path,), (), False, _noop(slot)
            )
    return by_base, carried


def _noop(slot: Slot) -> Change:
    from resdiff.changes import ClauseRef

    ref = ClauseRef(slot.clause.path, slot.clause.label, slot.clause.section, slot.clause.text)
    return Change("unchanged", (ref,), (ref,))


def _heading_key(heading: str) -> str:
    return normalize(heading, fold_case=True)


def _sections(
    d: Diff, base: Layout, side: Layout
) -> tuple[dict[str, str | None], dict[str, SectionFate]]:
    """Side section key → base section key (``None`` for new ones); each base section's fate.

    The diff names sections by heading; a heading met twice is matched by occurrence.
    """
    base_by_heading: dict[str, list[Place]] = {}
    side_by_heading: dict[str, list[Place]] = {}
    for layout, table in ((base, base_by_heading), (side, side_by_heading)):
        for place in layout.places:
            if not place.fixed:
                table.setdefault(place.heading, []).append(place)
    place_map: dict[str, str | None] = {HEADER: HEADER, FOOTNOTES: FOOTNOTES}
    fates: dict[str, SectionFate] = {}
    for change in d.sections:
        old = base_by_heading[change.old].pop(0) if change.old is not None else None
        new = side_by_heading[change.new].pop(0) if change.new is not None else None
        if new is not None:
            place_map[new.key] = old.key if old is not None else None
        if old is not None:
            if new is None:
                fates[old.key] = SectionFate("removed", None, None)
            elif _heading_key(old.heading) == _heading_key(new.heading):
                fates[old.key] = SectionFate("unchanged", new.heading, new)
            else:
                fates[old.key] = SectionFate("renamed", new.heading, new)
    for place in side.places:
        place_map.setdefault(place.key, None)
    for place in base.places:
        fates.setdefault(place.key, SectionFate("unchanged", place.heading, None))
    return place_map, fates


def _placements(
    side: Layout,
    by_base: dict[str, Outcome],
    carried: dict[str, tuple[str, ...]],
    place_map: dict[str, str | None],
) -> tuple[dict[Anchor, tuple[Item, ...]], tuple[NewSection, ...]]:
    runs: dict[Anchor, list[Item]] = {}
    new_sections: list[NewSection] = []
    last_base_place = HEADER
    for place in side.places:
        target = place_map.get(place.key)
        items: list[Item] = []
        anchor = Anchor("start", target) if target is not None else None
        for slot in side.in_place(place):
            olds = carried.get(slot.clause.path, ())
            if olds == ("",):
                continue  # a later part of a split: written with its first part
            stable = bool(olds) and target is not None and not by_base[olds[0]].moved
            if stable:
                anchor = Anchor("after", olds[-1])
                continue
            item = Item(slot, olds)
            if anchor is None:
                items.append(item)
            else:
                runs.setdefault(anchor, []).append(item)
        if target is None and not place.fixed:
            new_sections.append(NewSection(place, tuple(items), last_base_place))
        elif target is not None:
            last_base_place = target
    return {a: tuple(items) for a, items in runs.items()}, tuple(new_sections)
