"""What the passes share: both sides, the threshold, the match table and the section map."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from resdiff.align.scores import ratio
from resdiff.align.sides import Side
from resdiff.align.table import MatchTable

__all__ = ["AlignState"]


@dataclass
class AlignState:
    """One comparison in progress. Passes pair clauses through :attr:`table`; the section
    passes update :attr:`section_map` (old section key → new section key)."""

    old: Side
    new: Side
    threshold: float
    table: MatchTable = field(default_factory=MatchTable)
    section_map: dict[str, str] = field(default_factory=dict)
    #: the flow the section map was last computed from, and that map
    section_memo: tuple[Counter[tuple[str, str]], dict[str, str]] | None = None
    _flow: Counter[tuple[str, str]] | None = field(default=None, init=False, repr=False)

    def pair(self, i: int, j: int) -> int:
        """Pair old clause ``i`` with new clause ``j`` at their token similarity."""
        same = self.old.clauses[i].text == self.new.clauses[j].text
        score = 1.0 if same else ratio(self.old.codes[i], self.new.codes[j])
        return self.table.add_one(i, j, score)

    def flow(self) -> Counter[tuple[str, str]]:
        """How many paired clauses go from each old section to each new one (a new
        Counter at each call). Counted once, then kept up to date from the table's
        changes: the passes between two calls change few pairs."""
        o, n, table = self.old.sections, self.new.sections, self.table
        counts = self._flow
        if counts is None:
            olds, news = table.firsts()
            counts = Counter(zip(map(o.__getitem__, olds), map(n.__getitem__, news), strict=True))
            self._flow = counts
            table.changes()  # from now on, the table records what changes
            for _, pair in table.multiple():  # the rest of a split's or a merge's clauses
                for i in pair.olds:
                    for j in pair.news:
                        if i != pair.olds[0] or j != pair.news[0]:
                            counts[(o[i], n[j])] += 1
        else:
            for sign, (olds, news, _) in table.changes():
                for i in olds:
                    for j in news:
                        key = (o[i], n[j])
                        left = counts[key] + sign
                        if left:
                            counts[key] = left
                        else:  # no clause flows there any more: as if never counted
                            del counts[key]
        return counts.copy()

    def partner_bounds(self, *, old_side: bool) -> tuple[list[int], list[int]]:
        """:meth:`MatchTable.partner_bounds` over this comparison's two sides."""
        own, other = (self.old, self.new) if old_side else (self.new, self.old)
        return self.table.partner_bounds(len(own.clauses), len(other.clauses), old_side=old_side)
