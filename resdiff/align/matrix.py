"""Which candidate pairs of a large group can reach the similarity threshold: the whole
old × new matrix of token distances, computed in C.

The similar pass scores old clauses against new ones by the Indel ratio of their token
codes, ``1 − d / (|a| + |b|)`` with ``d`` the Indel distance. Scoring a resolution
rewritten throughout (1,000 amended clauses: a million pairs) one old clause at a time
costs far more than the rest of the diff, while each old clause has only a handful of new
ones that come anywhere near the threshold. rapidfuzz's ``process.cdist`` computes every
distance of the group in one C call (bit-parallel, several pairs at once in SIMD
registers); only the pairs within the distance the threshold allows, plus one token of
slack so that no rounding ever drops a pair at the cutoff, are handed back to be scored
exactly as before. The pairs scored at the threshold, and so the alignment, are exactly
those of scoring every pair (a property test checks this on generated codes and on every
real pair).

Before the call the codes are re-lettered by token frequency, the commonest token first,
from code point 1 up (skipping surrogates): the Indel distance does not depend on which
character stands for a token, and rapidfuzz looks characters below 256 up in a flat
table instead of a hash map, which makes the matrix about three times faster on
resolution text.

numpy (which ``process.cdist`` needs) is imported on the first large group, not with
the package: most comparisons never build a matrix.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

__all__ = ["MAX_CELLS", "candidates", "dense_codes"]

#: Distances computed per cdist call (rows of the matrix at a time), bounding its memory.
MAX_CELLS = 1_000_000
#: Slack (in tokens of Indel distance) on the bound, so that rounding in the scorer never
#: excludes a pair at the cutoff.
_SLACK = 1.0
#: First code point after the surrogates (which re-lettering skips).
_AFTER_SURROGATES = 0xE000 - 0xD800


def dense_codes(olds: Sequence[str], news: Sequence[str]) -> tuple[list[str], list[str]]:
    """``olds`` and ``news`` with each token re-lettered by its frequency over both, the
    commonest first (ties by character): the same distances, in low code points."""
    counts = Counter("".join(olds))
    counts.update("".join(news))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    table = {ord(char): chr(_code_point(rank)) for rank, (char, _) in enumerate(ranked)}
    return [code.translate(table) for code in olds], [code.translate(table) for code in news]


def _code_point(rank: int) -> int:
    """Code point ``rank + 1``, past the surrogates."""
    point = rank + 1
    return point if point < 0xD800 else point + _AFTER_SURROGATES


def candidates(olds: Sequence[str], news: Sequence[str], threshold: float) -> list[list[int]]:
    """For each old code, the positions in ``news`` (ascending) of the codes that may
    score at least ``threshold`` (0–1) against it; every code that does is listed."""
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    if not olds or not news:
        return [[] for _ in olds]
    dense_old, dense_new = dense_codes(olds, news)
    old_lengths = np.fromiter(map(len, olds), dtype=np.float64, count=len(olds))
    new_lengths = np.fromiter(map(len, news), dtype=np.float64, count=len(news))
    rows = max(1, MAX_CELLS // len(news))
    out: list[list[int]] = []
    for start in range(0, len(olds), rows):
        stop = min(start + rows, len(olds))
        distances = process.cdist(
            dense_old[start:stop], dense_new, scorer=Indel.distance, dtype=np.int32, workers=1
        )
        allowed = (1.0 - threshold) * (old_lengths[start:stop, None] + new_lengths) + _SLACK
        row, column = np.nonzero(distances <= allowed)  # row-major: ascending within a row
        ends = np.searchsorted(row, np.arange(1, stop - start + 1), side="left").tolist()
        positions = column.tolist()
        begin = 0
        for end in ends:
            out.append(positions[begin:end])
            begin = end
    return out
