"""Order over accidents of scoring, and which pairs moved.

Greedy best-first pairing ignores order. Two passes put it back where scores cannot tell
(:func:`untangle_repeats`: clauses with the same text) or can barely tell
(:func:`uncross`: near-duplicates, each amended); :func:`moved_ids` then reports as moved
only what insertions and deletions cannot explain (off a longest increasing subsequence).
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Sequence

from resdiff.align.citation import cites_other_instrument
from resdiff.align.scores import ratio
from resdiff.align.sides import Side
from resdiff.align.state import AlignState

__all__ = ["SWAP_TOLERANCE", "lis", "moved_ids", "uncross", "untangle_repeats"]

#: Two crossing neighbour pairs are swapped back into order when that loses at most this
#: much summed similarity (near-duplicate clauses, each amended).
SWAP_TOLERANCE = 0.15


def untangle_repeats(state: AlignState) -> None:
    """Among clauses with the same text, hand out their partners in document order.

    Identical old texts (boilerplate such as a footnote repeated in many places) score
    the same against any partner, so which of them took which partner is an accident
    of scoring; reassigning them in order — same section first — changes no score
    and turns spurious crossings (reported as moves) back into order.
    """
    _untangle(state, old_side=True)
    _untangle(state, old_side=False)


def _untangle(state: AlignState, *, old_side: bool) -> None:
    side, other = (state.old, state.new) if old_side else (state.new, state.old)
    table = state.table
    own = table.paired(old_side=old_side)
    for members in _same_token_groups(state, side, old_side=old_side):
        members.sort()
        partners = sorted(table.partners(own[x], old_side=old_side)[0] for x in members)
        for x in members:
            table.drop(own[x])
        for x in members:
            home = side.sections[x]
            if old_side:
                target = state.section_map.get(home)
                pick = next((y for y in partners if other.sections[y] == target), partners[0])
            else:
                pick = next(
                    (y for y in partners if state.section_map.get(other.sections[y]) == home),
                    partners[0],
                )
            partners.remove(pick)
            state.pair(*((x, pick) if old_side else (pick, x)))


def _same_token_groups(state: AlignState, side: Side, *, old_side: bool) -> list[list[int]]:
    """Clauses of one-to-one pairs whose text is repeated, grouped by their tokens (the
    same tokens score alike against anything); only groups of two or more."""
    table = state.table
    own = table.paired(old_side=old_side)
    by_text: dict[str, list[int]] = defaultdict(list)
    for x in side.repeated:  # a text met once on its side is not repeated among its pairs
        mid = own.get(x)
        if mid is not None and table[mid].one_to_one:
            by_text[side.clauses[x].text].append(x)
    texts = [candidates for candidates in by_text.values() if len(candidates) > 1]
    if len(texts) < 2:  # one repeated text (the common case): no other to share its tokens
        return texts
    groups: dict[str, list[int]] = defaultdict(list)
    for candidates in texts:  # one text, one code: the code of its first clause
        groups[side.codes[candidates[0]]].extend(candidates)
    return list(groups.values())


def uncross(state: AlignState) -> None:
    """Swap partners of two neighbouring pairs that cross when order costs little score.

    Of two near-duplicate clauses, each amended, the first may take the second's partner
    by a few hundredths. When two pairs of one section pair are neighbours in the old
    text but inverted in the new, and the swapped pairs score together within
    :data:`SWAP_TOLERANCE` of the crossed ones (each still at the threshold, neither
    citing another instrument), the order-keeping pairs win.
    """
    for _ in range(3):  # a few passes settle chains of near-duplicates
        if _in_order(state):  # no two pairs cross at all (the common case)
            return
        swapped = False
        table = state.table
        for members in _one_to_one_by_section_pair(state):
            news = [j for _, j in members]
            if news == sorted(news):  # in order: nothing crosses
                continue
            for (a, j1), (b, j2) in itertools.pairwise(members):
                # a match id is never reused: one still in the table is as listed
                if j1 > j2 and a in table and b in table and _swap(state, a, b):
                    swapped = True
        if not swapped:
            return


def _one_to_one_by_section_pair(state: AlignState) -> list[list[tuple[int, int]]]:
    """(id, new clause) of the one-to-one matches of each (old section, new section), in
    old order."""
    o_sections, n_sections = state.old.sections, state.new.sections
    per_pair: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
    for mid, pair in state.table.items():
        if pair.one_to_one:
            i, j = pair.olds[0], pair.news[0]
            per_pair[(o_sections[i], n_sections[j])].append((i, mid, j))
    return [[(mid, j) for _, mid, j in sorted(members)] for members in per_pair.values()]


def _swap(state: AlignState, a: int, b: int) -> bool:
    """Swap the partners of crossing matches ``a`` and ``b`` (in old order) if the swap
    costs little; True if swapped."""
    o, n, table = state.old, state.new, state.table
    (i1,), (j1,), s1 = table[a]
    (i2,), (j2,), s2 = table[b]
    if cites_other_instrument(o.clauses[i1].text, n.clauses[j2].text) or cites_other_instrument(
        o.clauses[i2].text, n.clauses[j1].text
    ):
        return False
    t1 = ratio(o.codes[i1], n.codes[j2])
    t2 = ratio(o.codes[i2], n.codes[j1])
    if min(t1, t2) < state.threshold or t1 + t2 < s1 + s2 - SWAP_TOLERANCE:
        return False
    table.drop(a)
    table.drop(b)
    table.add_one(i1, j2, t1)
    table.add_one(i2, j1, t2)
    return True


def moved_ids(state: AlignState) -> set[int]:
    """Match ids whose clause moved: to an unpaired section, or out of order."""
    result: set[int] = set()
    o_sections, n_sections, section_map = state.old.sections, state.new.sections, state.section_map
    olds, news = state.table.firsts()
    targets = list(map(section_map.get, map(o_sections.__getitem__, olds)))
    if targets == list(map(n_sections.__getitem__, news)) and _in_order(state):
        return result  # every pair in its section's partner, none out of order
    per_pair: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # by old section
    for mid, (olds, news, _) in state.table.items():
        s = o_sections[olds[0]]
        if section_map.get(s) != n_sections[news[0]]:
            result.add(mid)
        else:  # the new section is the one ``s`` maps to: ``s`` alone names the pair
            per_pair[s].append((olds[0], news[0], mid))
    for members in per_pair.values():
        members.sort()
        order = [j for _, j, _ in members]
        if order == sorted(order):  # all in order (the common case): none moved
            continue
        keep = set(lis(order))
        result.update(mid for k, (_, _, mid) in enumerate(members) if k not in keep)
    return result


def _in_order(state: AlignState) -> bool:
    """Whether the matches, taken in old order, are in new order too (first clauses).

    Then no two matches cross anywhere, nor within any section pair: nothing for
    :func:`uncross` to swap and nothing for :func:`moved_ids` to report out of order."""
    olds, news = state.table.firsts()
    order = [j for _, j in sorted(zip(olds, news, strict=True))]
    return order == sorted(order)


def lis(values: Sequence[int]) -> list[int]:
    """Indices of a longest strictly increasing subsequence (the leftmost-ending one)."""
    tails: list[int] = []  # values
    tail_idx: list[int] = []
    prev = [-1] * len(values)
    for k, v in enumerate(values):
        pos = bisect.bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tail_idx.append(k)
        else:
            tails[pos] = v
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos > 0 else -1
    out: list[int] = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.append(k)
        k = prev[k]
    return out[::-1]
