"""The similar pass: pair what exact matching left by token similarity, best first.

Each remaining old clause is scored against the remaining new clauses with rapidfuzz
(one C call per old clause, ``process.extract`` with a ``score_cutoff``); in a large
group only the new clauses that the distance matrix (:mod:`.matrix`, one C call for the
whole group) finds able to reach the threshold are scored, which leaves the result
unchanged. Pairs at or
above the threshold are taken greedily, best first; a candidate in the section that
pairs with the old clause's section, or citing the same instrument, gets a small bonus
(for ordering only). Above :data:`MAX_COMPARISONS` candidate pairs only same-section
pairs are scored, and in a section still too large only pairs within one gap between
anchors (the cap).
"""

from __future__ import annotations

import bisect
import sys
from collections import defaultdict

from rapidfuzz import fuzz, process

from resdiff.align.citation import cites_other_instrument, leading_citation
from resdiff.align.matrix import candidates as within_reach
from resdiff.align.state import AlignState

__all__ = [
    "MATRIX_COLD_FROM",
    "MATRIX_FROM",
    "MAX_COMPARISONS",
    "SAME_CITATION_BONUS",
    "SAME_SECTION_BONUS",
    "WINDOW",
    "pair_similar",
]

#: Above this many old×new candidate pairs, only same-section pairs are scored (and in a
#: section still too large, only pairs within the same gap between anchors).
MAX_COMPARISONS = 4_000_000
#: From this many old×new candidate pairs in a group, the group's distance matrix
#: (:mod:`.matrix`) picks the pairs to score, once numpy is loaded; below, scoring every
#: pair costs less than building the matrix.
MATRIX_FROM = 20_000
#: … and from this many before numpy is loaded: importing it costs about as much CPU as
#: scoring a quarter of a million pairs one old clause at a time, which a single diff
#: from the command line would pay for a group just over :data:`MATRIX_FROM`.
MATRIX_COLD_FROM = 250_000
#: In a gap too large for the cap, each old clause is compared with the new clauses at
#: most this many places from where it would stand if the gap were rewritten in order.
WINDOW = 100
#: Bonus added to a candidate's score (for ordering only) when it stays in its section.
SAME_SECTION_BONUS = 0.05
#: … and one that cites the same instrument as the old clause ("Resolution 66 (…)"), so
#: that among near-duplicate citation recitals each keeps the one citing what it cited.
SAME_CITATION_BONUS = 0.05

_Group = tuple[list[int], list[int]]


def pair_similar(state: AlignState, olds: list[int], news: list[int]) -> None:
    """Pair free clauses of ``olds`` and ``news`` scoring at least the threshold."""
    o, n, table = state.old, state.new, state.table
    olds, news = table.free_old(olds), table.free_new(news)
    if not olds or not news:  # nothing to pair: no token codes computed
        return
    olds = [i for i in olds if o.codes[i]]
    news = [j for j in news if n.codes[j]]
    if not olds or not news:
        return
    candidates: list[tuple[float, int, int, float]] = []
    for group_old, group_new in _groups(state, olds, news):
        candidates.extend(_score(state, group_old, group_new))
    candidates.sort()
    old_paired, new_paired = table.paired(old_side=True), table.paired(old_side=False)
    for _, i, j, sim in candidates:
        if i not in old_paired and j not in new_paired:
            table.add((i,), (j,), sim)


def _score(
    state: AlignState, group_old: list[int], group_new: list[int]
) -> list[tuple[float, int, int, float]]:
    """(-(score + bonus), old, new, score) of every candidate pair above the threshold."""
    o, n = state.old, state.new
    cutoff = state.threshold * 100.0
    codes = [n.codes[j] for j in group_new]
    if _matrix_pays(len(group_old) * len(group_new)):
        per_old = within_reach([o.codes[i] for i in group_old], codes, state.threshold)
    else:
        everyone = list(range(len(group_new)))
        per_old = [everyone] * len(group_old)
    out = []
    for i, positions in zip(group_old, per_old, strict=True):
        if not positions:
            continue
        target = state.section_map.get(o.sections[i])
        old_text = o.clauses[i].text
        cited = leading_citation(old_text)
        choices = [codes[p] for p in positions]
        for _, score, k in process.extract(
            o.codes[i], choices, scorer=fuzz.ratio, limit=None, score_cutoff=cutoff
        ):
            j = group_new[positions[k]]
            new_text = n.clauses[j].text
            if cited is not None and cites_other_instrument(old_text, new_text):
                continue  # another cited instrument: another recital
            sim = score / 100.0
            bonus = SAME_SECTION_BONUS if n.sections[j] == target else 0.0
            if cited is not None and leading_citation(new_text) == cited:
                bonus += SAME_CITATION_BONUS
            out.append((-(sim + bonus), i, j, sim))
    return out


def _matrix_pays(pairs: int) -> bool:
    """Whether a group of ``pairs`` candidate pairs is pruned by the matrix first (the
    alignment is the same either way: only the time differs)."""
    return pairs >= (MATRIX_FROM if "numpy" in sys.modules else MATRIX_COLD_FROM)


def _groups(state: AlignState, olds: list[int], news: list[int]) -> list[_Group]:
    """Which old clauses are compared with which new ones: all with all under the cap."""
    if len(olds) * len(news) <= MAX_COMPARISONS:
        return [(olds, news)]
    o_sections, n_sections = state.old.sections, state.new.sections
    groups: list[_Group] = []
    by_section: dict[str, list[int]] = defaultdict(list)
    for j in news:
        by_section[n_sections[j]].append(j)
    old_by_section: dict[str, list[int]] = defaultdict(list)
    for i in olds:
        old_by_section[o_sections[i]].append(i)
    for s, members in sorted(old_by_section.items(), key=lambda kv: kv[1][0]):
        target = state.section_map.get(s)
        targets = by_section.get(target, []) if target is not None else []
        if targets and len(members) * len(targets) <= MAX_COMPARISONS:
            groups.append((members, targets))
        elif targets:  # too big even so: compare only within the gaps between anchors
            groups.extend(_gap_groups(state, members, targets))
    return groups


def _gap_groups(state: AlignState, olds: list[int], news: list[int]) -> list[_Group]:
    """Comparison groups for a section too large for the cap: each free old clause is
    compared only with the free new clauses in its gap (see
    :meth:`~resdiff.align.table.MatchTable.partner_bounds`), as a line diff compares only
    what lies between its anchors."""
    lo, hi = state.partner_bounds(old_side=True)
    ordered = sorted(news)
    by_gap: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in olds:
        a, b = sorted((lo[i], hi[i]))  # crossed anchors (a move): the span between them
        by_gap[(a, b)].append(i)
    groups: list[_Group] = []
    for (a, b), members in sorted(by_gap.items()):
        targets = ordered[bisect.bisect_right(ordered, a) : bisect.bisect_left(ordered, b)]
        if not targets:
            continue
        if len(members) * len(targets) <= MAX_COMPARISONS:
            groups.append((members, targets))
        else:  # a gap with no anchors inside (everything rewritten): compare near places
            scale = len(targets) / len(members)
            for rank, i in enumerate(members):
                centre = int(rank * scale)
                window = targets[max(0, centre - WINDOW) : centre + WINDOW + 1]
                groups.append(([i], window))
    return groups
