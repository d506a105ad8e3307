"""Which candidate pairs can reach the similarity threshold at all: a prefix filter.

The similar pass scores old clauses against new ones by the Indel ratio of their token
codes, ``2·LCS / (|a| + |b|)``. Scoring every pair of a resolution rewritten throughout
(1,000 amended clauses: a million pairs) costs far more than the rest of the diff, while
each old clause has only a handful of new ones that come anywhere near the threshold.

A pair scoring at least ``t`` shares at least ``t·|a| / (2 − t)`` tokens (counted with
repetition) — the longest common subsequence is no longer than the shared tokens, and
no longer than the shorter code. The classic prefix filter of set-similarity joins then
applies: put every token in one global order, rarest first; two codes sharing at least
``k`` tokens share one among the first ``|a| − k + 1`` sorted tokens of each. So only
new clauses whose prefix shares a token with the old clause's prefix can score at the
threshold. The filter only drops pairs that cannot pass: the pairs scored at the
threshold, and so the alignment, are exactly those of scoring every pair (a property
test checks this on generated codes and on every real pair).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

__all__ = ["candidates", "required_overlap"]

#: Slack on the bound so that rounding in the scorer never excludes a pair at the cutoff.
_EPSILON = 1e-6


def required_overlap(length: int, threshold: float) -> int:
    """Fewest tokens a code of ``length`` tokens shares with any code scoring ``threshold``."""
    return max(1, math.ceil(threshold * length / (2.0 - threshold) - _EPSILON))


def candidates(olds: Sequence[str], news: Sequence[str], threshold: float) -> list[list[int]]:
    """For each old code, the positions in ``news`` (ascending) of the codes that may
    score at least ``threshold`` (0–1) against it; every code that does is listed."""
    counts = Counter("".join(olds))
    counts.update("".join(news))
    rank = {c: r for r, (c, _) in enumerate(sorted(counts.items(), key=lambda kv: (kv[1], kv[0])))}
    key = rank.__getitem__

    def prefix(code: str) -> set[str]:
        keep = len(code) - required_overlap(len(code), threshold) + 1
        return set(sorted(code, key=key)[:keep])

    index: dict[str, list[int]] = defaultdict(list)
    for position, code in enumerate(news):
        for char in prefix(code):
            index[char].append(position)
    out: list[list[int]] = []
    for code in olds:
        found: set[int] = set()
        for char in prefix(code):
            hits = index.get(char)
            if hits is not None:
                found.update(hits)
        out.append(sorted(found))
    return out
