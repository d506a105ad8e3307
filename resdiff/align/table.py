"""The match table: which old clauses are paired with which new ones, while passes run.

Every pass reads and changes the pairing through this one type, which keeps its
invariants: a clause is in at most one match; a match's old and new indices are sorted
and not empty; the two indexes (clause → match) always agree with the matches. Matches
are numbered in the order they are made and iterated in that order (never by hash).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from operator import attrgetter, itemgetter
from typing import NamedTuple

__all__ = ["MatchTable", "Pair"]


class Pair(NamedTuple):
    """Old clause indices paired with new ones, and their similarity."""

    olds: tuple[int, ...]
    news: tuple[int, ...]
    score: float

    @property
    def one_to_one(self) -> bool:
        return len(self.olds) == 1 and len(self.news) == 1


_new_pair = tuple.__new__  # a Pair from its three fields, without NamedTuple's own __new__
_first = itemgetter(0)
_olds = attrgetter("olds")
_news = attrgetter("news")


class MatchTable:
    """Matches by id, and the match of each paired old and new clause."""

    def __init__(self) -> None:
        self._pairs: dict[int, Pair] = {}
        self._old: dict[int, int] = {}  # old clause -> match id
        self._new: dict[int, int] = {}  # new clause -> match id
        self._multi: dict[int, Pair] = {}  # the matches that are not one-to-one
        self._next = 0
        #: matches made (+1) and undone (-1) since :meth:`changes` was last called, once
        #: it has been called: what lets a reader follow the table without rereading it
        self._log: list[tuple[int, Pair]] | None = None

    # -- changing ------------------------------------------------------------------------
    def add(self, olds: Iterable[int], news: Iterable[int], score: float) -> int:
        """Pair ``olds`` with ``news``; every one of them must be free. Returns the match id."""
        pair = Pair(tuple(sorted(olds)), tuple(sorted(news)), score)
        if not pair.olds or not pair.news:
            raise ValueError("a match pairs at least one old and one new clause")
        taken = [i for i in pair.olds if i in self._old] + [j for j in pair.news if j in self._new]
        if taken:
            raise ValueError(f"clause already paired: {taken[0]}")
        mid = self._next
        self._next += 1
        self._pairs[mid] = pair
        if self._log is not None:
            self._log.append((1, pair))
        if not pair.one_to_one:
            self._multi[mid] = pair
        for i in pair.olds:
            self._old[i] = mid
        for j in pair.news:
            self._new[j] = mid
        return mid

    def add_one(self, i: int, j: int, score: float) -> int:
        """Pair old clause ``i`` with new clause ``j`` (both free): :meth:`add` for the
        one-to-one pair, the common case, without sorting or collecting."""
        if i in self._old or j in self._new:
            raise ValueError(f"clause already paired: {i if i in self._old else j}")
        mid = self._next
        self._next += 1
        pair = self._pairs[mid] = Pair((i,), (j,), score)
        if self._log is not None:
            self._log.append((1, pair))
        self._old[i] = mid
        self._new[j] = mid
        return mid

    def add_ones(self, pairs: Iterable[tuple[int, int]], score: float) -> None:
        """:meth:`add_one` for each ``(i, j)`` of ``pairs`` in turn, all at ``score``."""
        old, new, store = self._old, self._new, self._pairs
        mid = self._next
        try:
            for i, j in pairs:
                if i in old or j in new:
                    raise ValueError(f"clause already paired: {i if i in old else j}")
                pair = store[mid] = _new_pair(Pair, ((i,), (j,), score))
                if self._log is not None:
                    self._log.append((1, pair))
                old[i] = mid
                new[j] = mid
                mid += 1
        finally:
            self._next = mid

    def drop(self, mid: int) -> Pair:
        """Undo match ``mid``: its clauses are free again."""
        pair = self._pairs.pop(mid)
        self._multi.pop(mid, None)
        if self._log is not None:
            self._log.append((-1, pair))
        for i in pair.olds:
            del self._old[i]
        for j in pair.news:
            del self._new[j]
        return pair

    def changes(self) -> list[tuple[int, Pair]]:
        """The matches made (``+1``) and undone (``-1``) since the last call, in order;
        the first call returns nothing and starts the record."""
        log = self._log or []
        self._log = []
        return log

    # -- reading ---------------------------------------------------------------------------
    def __getitem__(self, mid: int) -> Pair:
        return self._pairs[mid]

    def __contains__(self, mid: object) -> bool:
        return mid in self._pairs

    def __iter__(self) -> Iterator[int]:
        return iter(self._pairs)

    def items(self) -> Iterable[tuple[int, Pair]]:
        """(id, pair) of every match, oldest first."""
        return self._pairs.items()

    def pairs(self) -> Iterable[Pair]:
        """Every match, oldest first."""
        return self._pairs.values()

    def firsts(self) -> tuple[Iterable[int], Iterable[int]]:
        """The first old and the first new clause of every match, oldest first, as two
        parallel iterables (a one-to-one match's only clauses)."""
        pairs = self._pairs.values()
        return map(_first, map(_olds, pairs)), map(_first, map(_news, pairs))

    def multiple(self) -> Iterable[tuple[int, Pair]]:
        """(id, pair) of every match that is not one-to-one (a split or a merge), oldest
        first."""
        return self._multi.items()

    def of_old(self, i: int) -> int | None:
        return self._old.get(i)

    def of_new(self, j: int) -> int | None:
        return self._new.get(j)

    def paired(self, *, old_side: bool) -> Mapping[int, int]:
        """Paired clause → match id, of the old side or the new one."""
        return self._old if old_side else self._new

    def free_old(self, domain: Iterable[int]) -> list[int]:
        """The old clauses of ``domain`` not yet paired, in ``domain``'s order."""
        return [i for i in domain if i not in self._old]

    def free_new(self, domain: Iterable[int]) -> list[int]:
        """The new clauses of ``domain`` not yet paired, in ``domain``'s order."""
        return [j for j in domain if j not in self._new]

    def partners(self, mid: int, *, old_side: bool) -> tuple[int, ...]:
        """The other side's clauses of match ``mid``, seen from the old side or the new."""
        pair = self._pairs[mid]
        return pair.news if old_side else pair.olds

    def partner_bounds(
        self, size: int, other_size: int, *, old_side: bool
    ) -> tuple[list[int], list[int]]:
        """For each clause of one side, the partners of its nearest matched neighbours.

        ``lo[x]`` is the last partner (on the other side) of the nearest matched clause at
        or before ``x``, ``hi[x]`` the first partner of the nearest one at or after it:
        an unmatched clause's counterpart, if any, most likely stands between them.
        ``size`` is the number of clauses of this side, ``other_size`` of the other.
        """
        own = self.paired(old_side=old_side)
        lo, hi = [-1] * size, [other_size] * size
        last = -1
        for x in range(size):
            mid = own.get(x)
            if mid is not None:
                last = max(self.partners(mid, old_side=old_side))
            lo[x] = last
        first = other_size
        for x in range(size - 1, -1, -1):
            mid = own.get(x)
            if mid is not None:
                first = min(self.partners(mid, old_side=old_side))
            hi[x] = first
        return lo, hi
