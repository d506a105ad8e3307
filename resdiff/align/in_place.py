"""The in-place pass: clauses rewritten where they stood are still the same paragraph.

Within a pair of sections, between two neighbours that kept their order (anchors), the
unpaired old and new clauses stand in the same place. They are aligned in order (a small
dynamic programme) on the TF-IDF cosine of their subject words (:mod:`.subject`) — rare
words such as "Resolution 1306" or "E.164" weigh; function words, the title's words and
boilerplate such as "to continue" do not — and pairs scoring at least
``threshold ×`` :data:`IN_PLACE_FACTOR` are amended rather than removed + added.
"""

from __future__ import annotations

import itertools

from resdiff.align.citation import cites_other_instrument
from resdiff.align.order import lis
from resdiff.align.state import AlignState
from resdiff.align.subject import MIN_SHARED, SubjectIndex, subject_words
from resdiff.model import HEADER

__all__ = ["IN_PLACE_FACTOR", "MAX_GAP_PAIRS", "pair_in_place"]

#: A clause rewritten in place needs a TF-IDF cosine of ``threshold × IN_PLACE_FACTOR``.
IN_PLACE_FACTOR = 0.27
#: Rewritten-in-place pairing is tried only on gaps up to this many old×new pairs.
MAX_GAP_PAIRS = 20_000


def pair_in_place(state: AlignState) -> None:
    """Pair the free clauses of each gap between anchors of each paired section."""
    o, n, table = state.old, state.new, state.table
    subjects: SubjectIndex | None = None  # built on the first gap that needs it
    floor = state.threshold * IN_PLACE_FACTOR
    # only section pairs with a free clause on each side have a gap to fill
    o_free = {o.sections[i] for i in table.free_old(range(len(o.clauses)))}
    n_free = {n.sections[j] for j in table.free_new(range(len(n.clauses)))}
    todo = [
        (s_key, t_key)
        for s_key, t_key in state.section_map.items()
        if s_key in o_free and t_key in n_free and s_key != HEADER
    ]
    for s_key, t_key in sorted(todo, key=lambda kv: o.members.get(kv[0], [0])[0]):
        o_members = o.members.get(s_key, [])
        n_members = n.members.get(t_key, [])
        o_pos = {x: k for k, x in enumerate(o_members)}
        n_pos = {x: k for k, x in enumerate(n_members)}
        anchors = _anchors(state, o_members, n_members)
        bounds = [(-1, -1), *((o_pos[i], n_pos[j]) for i, j in anchors)]
        bounds.append((len(o_members), len(n_members)))
        for (a0, b0), (a1, b1) in itertools.pairwise(bounds):
            gap_old = table.free_old(o_members[a0 + 1 : a1])
            gap_new = table.free_new(n_members[b0 + 1 : b1])
            if (
                gap_old
                and gap_new
                and len(gap_old) * len(gap_new) <= MAX_GAP_PAIRS
                and _may_pair(state, gap_old, gap_new)
            ):
                subjects = subjects or _subjects(state)
                _align_gap(state, gap_old, gap_new, subjects, floor)


def _may_pair(state: AlignState, gap_old: list[int], gap_new: list[int]) -> bool:
    """Whether an old clause of the gap shares :data:`~.subject.MIN_SHARED` subject words
    with a new one. Without, every pair of the gap scores 0 (see
    :meth:`~.subject.SubjectIndex.similarity`) and the subject index, which weighs every
    clause of both texts, need not be built for it."""
    o_clauses, n_clauses = state.old.clauses, state.new.clauses
    news = [set(subject_words(n_clauses[j].text)) for j in gap_new]
    for i in gap_old:
        words = set(subject_words(o_clauses[i].text))
        if any(len(words & other) >= MIN_SHARED for other in news):
            return True
    return False


def _subjects(state: AlignState) -> SubjectIndex:
    """Subject-word weights over the body and footnotes of both texts."""
    sides = (state.old, state.new)
    texts = [
        c.text
        for side in sides
        for c, s in zip(side.clauses, side.sections, strict=True)
        if s != HEADER
    ]
    titles = [c.text for side in sides for c in side.clauses if c.path == "header/title"]
    return SubjectIndex(texts, titles)


def _anchors(
    state: AlignState, o_members: list[int], n_members: list[int]
) -> list[tuple[int, int]]:
    """Pairs inside this section pair that keep their order (a longest increasing run)."""
    table = state.table
    n_set = set(n_members)
    pairs = []
    for i in o_members:
        mid = table.of_old(i)
        if mid is None:
            continue
        news = [j for j in table[mid].news if j in n_set]
        if news:
            pairs.append((i, news[0]))
    keep = lis([j for _, j in pairs])
    return [pairs[k] for k in keep]


def _align_gap(
    state: AlignState,
    gap_old: list[int],
    gap_new: list[int],
    subjects: SubjectIndex,
    floor: float,
) -> None:
    """Order-keeping pairs of one gap maximising the summed same-subject score."""
    o_clauses, n_clauses = state.old.clauses, state.new.clauses
    cos = [
        [
            0.0
            if cites_other_instrument(o_clauses[i].text, n_clauses[j].text)
            else subjects.similarity(o_clauses[i].text, n_clauses[j].text)
            for j in gap_new
        ]
        for i in gap_old
    ]
    rows, cols = len(gap_old), len(gap_new)
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for r in range(rows - 1, -1, -1):
        for c in range(cols - 1, -1, -1):
            take = best[r + 1][c + 1] + cos[r][c] if cos[r][c] >= floor else -1.0
            best[r][c] = max(take, best[r + 1][c], best[r][c + 1])
    r = c = 0
    while r < rows and c < cols:
        if cos[r][c] >= floor and best[r][c] == best[r + 1][c + 1] + cos[r][c]:
            state.pair(gap_old[r], gap_new[c])
            r, c = r + 1, c + 1
        elif best[r][c] == best[r + 1][c]:
            r += 1
        else:
            c += 1
