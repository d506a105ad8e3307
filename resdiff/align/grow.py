"""The grow pass: one-to-one pairs (or lone clauses) grown into splits and merges.

An old clause whose text now stands in two or more consecutive new clauses of one
section is one split: starting from its partner (or, for a clause left unpaired, from the
free clause most contained in it), the group takes in the next or previous clause while
that clause is mostly made of the old clause's words (:data:`CONTAINMENT`) and the
concatenation comes closer to the old text. The group must reach the threshold and beat
the one-to-one pair by :data:`SPLIT_GAIN`. Merges are the mirror image: the same
procedure seen from the new side.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

from resdiff.align.scores import containment, ratio
from resdiff.align.sides import Side
from resdiff.align.state import AlignState

__all__ = ["CONTAINMENT", "MAX_LONE_CANDIDATES", "SPLIT_GAIN", "grow_splits_and_merges"]

#: A part of a split/merge must have at least this share of its tokens in the whole.
CONTAINMENT = 0.6
#: A split/merge must beat the best one-to-one pair by at least this much.
SPLIT_GAIN = 0.05
#: A clause left unpaired looks for the start of a split or merge among at most this many
#: free clauses of its section; beyond it, only among those in its gap between anchors.
MAX_LONE_CANDIDATES = 64


def grow_splits_and_merges(state: AlignState, olds: list[int], news: list[int]) -> None:
    """Find splits among ``olds`` → ``news``, then merges."""
    _Grower(state, olds, news, split=True).run()
    _Grower(state, olds, news, split=False).run()


@dataclass
class _Grower:
    """One direction of the pass: a clause of the ``one`` side grows a group on ``many``.

    For a split, ``one`` is the old side; for a merge, the new side.
    """

    state: AlignState
    olds: list[int]
    news: list[int]
    split: bool

    def __post_init__(self) -> None:
        o, n = self.state.old, self.state.new
        self.one, self.many = (o, n) if self.split else (n, o)
        self.one_dom, self.many_dom = (
            (self.olds, self.news) if self.split else (self.news, self.olds)
        )
        self.many_pos: dict[int, int] = {}  # clause -> position in many_dom, when needed
        table = self.state.table
        #: paired clause -> match id, of the ``one`` side and of the ``many`` side (live)
        self.one_paired = table.paired(old_side=self.split)
        self.many_paired = table.paired(old_side=not self.split)
        self._bounds: tuple[list[int], list[int]] | None = None

    def run(self) -> None:
        table = self.state.table
        free = self._free_positions()
        if not free:  # nothing to grow into: no group can form
            return
        self.many_pos = {x: k for k, x in enumerate(self.many_dom)}
        lone = self._lone_by_home(free)
        for x in self._growable(free):
            start = self._start(x, lone)
            if start is None:
                continue
            mid, anchor, base = start
            group, current = self._extend(self.one.codes[x], anchor)
            if len(group) < 2 or current < self.state.threshold or current < base + SPLIT_GAIN:
                continue
            if mid is not None:
                table.drop(mid)
            if self.split:
                table.add((x,), group, current)
            else:
                table.add(group, (x,), current)

    def _start(self, x: int, lone: dict[str, list[int]]) -> tuple[int | None, int, float] | None:
        """Where ``x``'s group starts: (its match, the anchor, the score to beat).

        A clause in an amended one-to-one pair starts from its partner; an unpaired one
        from the free clause most contained in it. None when ``x`` has neither.
        """
        mid = self.one_paired.get(x)
        if mid is not None:
            pair = self.state.table[mid]
            if not pair.one_to_one or pair.score >= 1.0 or not self.one.codes[x]:
                return None
            return mid, (pair.news[0] if self.split else pair.olds[0]), pair.score
        candidates = self._lone_candidates(x, lone)
        if not candidates or not self.one.codes[x]:
            return None
        anchor = self._most_contained(self.one.codes[x], candidates)
        return None if anchor is None else (None, anchor, 0.0)

    def _home(self, side: Side, x: int, *, mapped: bool) -> str:
        """The section key ``x`` would share with its partners (old keys mapped to new)."""
        key = side.sections[x]
        return self.state.section_map.get(key, "") if mapped else key

    def _free_positions(self) -> list[int]:
        """Positions in ``many_dom`` of its free clauses with text, as the pass begins.

        A group only ever takes free clauses, and clauses are only taken while the pass
        runs, so these are all a group can grow into."""
        paired, codes = self.many_paired, self.many.codes
        return [k for k, y in enumerate(self.many_dom) if y not in paired and codes[y]]

    def _growable(self, free: list[int]) -> list[int]:
        """The clauses of ``one_dom`` that may start a group, in its order: every free one,
        and those of an amended one-to-one pair whose partner has a free neighbour (the
        only ones :meth:`_extend` could grow). Every other clause's pair stays as it is."""
        table, many_dom = self.state.table, self.many_dom
        found = set(table.free_old(self.one_dom) if self.split else table.free_new(self.one_dom))
        for k in free:
            for near in (k - 1, k + 1):
                mid = self.many_paired.get(many_dom[near]) if 0 <= near < len(many_dom) else None
                if mid is not None:
                    pair = table[mid]
                    if pair.score < 1.0 and len(pair.olds) == 1 == len(pair.news):
                        found.add(pair.olds[0] if self.split else pair.news[0])
        return [x for x in self.one_dom if x in found]

    def _lone_by_home(self, free: list[int]) -> dict[str, list[int]]:
        """Free clauses of the ``many`` side (with text), by the section they would share."""
        lone: dict[str, list[int]] = defaultdict(list)
        for k in free:
            y = self.many_dom[k]
            lone[self._home(self.many, y, mapped=not self.split)].append(y)
        return lone

    def _lone_candidates(self, x: int, lone: dict[str, list[int]]) -> list[int]:
        """Free clauses that may start a group for the unpaired ``x``: of its section, and
        beyond :data:`MAX_LONE_CANDIDATES` only those in its gap between anchors."""
        candidates = lone.get(self._home(self.one, x, mapped=self.split), [])
        if len(candidates) > MAX_LONE_CANDIDATES:  # keep this linear: its gap only
            if self._bounds is None:  # as the pass begins to need them, kept for the pass
                self._bounds = self.state.partner_bounds(old_side=self.split)
            lo, hi = self._bounds
            a, b = sorted((lo[x], hi[x]))
            candidates = candidates[
                bisect.bisect_right(candidates, a) : bisect.bisect_left(candidates, b)
            ]
        return candidates

    def _most_contained(self, code: str, candidates: list[int]) -> int | None:
        """The free candidate most contained in ``code`` (at least :data:`CONTAINMENT`)."""
        best: tuple[float, int] | None = None
        for y in candidates:
            if y in self.many_paired:
                continue
            c = containment(self.many.codes[y], code)
            if c >= CONTAINMENT and (best is None or c > best[0]):
                best = (c, y)
        return None if best is None else best[1]

    def _extend(self, code: str, anchor: int) -> tuple[list[int], float]:
        """Grow ``[anchor]`` by neighbours while the concatenation comes closer to ``code``."""
        codes, sections, paired = self.many.codes, self.many.sections, self.many_paired
        group = [anchor]
        current = ratio(code, "".join(codes[y] for y in group))
        improved = True
        while improved:
            improved = False
            for step in (1, -1):
                edge = group[-1] if step == 1 else group[0]
                k = self.many_pos.get(edge)
                if k is None or not 0 <= k + step < len(self.many_dom):
                    continue
                y = self.many_dom[k + step]
                if y in paired or sections[y] != sections[edge]:
                    continue
                if not codes[y] or containment(codes[y], code) < CONTAINMENT:
                    continue
                trial = [*group, y] if step == 1 else [y, *group]
                score = ratio(code, "".join(codes[z] for z in trial))
                if score > current:
                    group, current, improved = trial, score, True
        return group, current
