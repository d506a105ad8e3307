"""Which candidate pairs of a large group can reach the similarity threshold: the whole
old × new matrix of token distances, computed in C.

The similar pass scores old clauses against new ones by the Indel ratio of their token
codes, ``1 − d / (|a| + |b|)`` with ``d`` the Indel distance. Scoring a resolution
rewritten throughout (1,000 amended clauses: a million pairs) one old clause at a time
costs far more than the rest of the diff, while each old clause has only a handful of new
ones that come anywhere near the threshold. rapidfuzz's ``process.cdist`` computes every
distance of the group in one C call (bit-parallel, several pairs at once in SIMD
registers), as distances normalised by the pair's length, so that one comparison with
a single bound picks the pairs within the distance the threshold allows (plus the slack
of one token of the longest pair, so that no rounding ever drops a pair at the cutoff);
those are handed back to be scored exactly as before. The pairs scored at the
threshold, and so the alignment, are exactly those of scoring every pair (a property
test checks this on generated codes and on every real pair).

Before the call each token is folded into one of 255 classes (by its character's code
point modulo 255), so that every code becomes a string of one-byte characters:
rapidfuzz's fastest path (flat lookup tables instead of hash maps). Folding
can only shorten a distance (a subsequence two codes share is still shared once tokens
are merged), so a pair within reach stays within reach; the few pairs that only folding
brings within reach are scored exactly, like the others, and fall below the threshold.

numpy (which ``process.cdist`` needs) is imported on the first large group, not with
the package: most comparisons never build a matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

__all__ = ["CLASSES", "MAX_CELLS", "candidates", "folded_codes"]

#: Distances computed per cdist call (rows of the matrix at a time), bounding its memory.
MAX_CELLS = 1_000_000
#: Token classes of the folded codes: one-byte characters 1–255.
CLASSES = 255
#: Slack (in tokens of Indel distance, of the longest pair) on the bound, so that rounding
#: in the scorer never excludes a pair at the cutoff.
_SLACK = 1.0


def folded_codes(codes: Sequence[str]) -> list[str]:
    """Each code with its tokens folded into :data:`CLASSES` classes: character ``c``
    becomes ``chr(1 + ord(c) % CLASSES)``."""
    import numpy as np

    points = np.frombuffer("".join(codes).encode("utf-32-le"), dtype=np.uint32)
    folded = (points % CLASSES + 1).astype(np.uint8).tobytes().decode("latin-1")
    ends = list(accumulate(map(len, codes)))
    return [folded[start:end] for start, end in zip([0, *ends], ends, strict=False)]


def candidates(olds: Sequence[str], news: Sequence[str], threshold: float) -> list[list[int]]:
    """For each old code, the positions in ``news`` (ascending) of the codes that may
    score at least ``threshold`` (0–1) against it; every code that does is listed."""
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    if not olds or not news:
        return [[] for _ in olds]
    folded = folded_codes([*olds, *news])
    dense_old, dense_new = folded[: len(olds)], folded[len(olds) :]
    # d / (|a| + |b|) <= 1 - threshold, with the slack of one token of the longest pair
    # (so that no rounding, in the scorer or in float32, drops a pair at the cutoff)
    longest = max(map(len, olds)) + max(map(len, news))
    bound = (1.0 - threshold) + _SLACK / max(longest, 1)
    rows = max(1, MAX_CELLS // len(news))
    out: list[list[int]] = []
    for start in range(0, len(olds), rows):
        stop = min(start + rows, len(olds))
        distances = process.cdist(
            dense_old[start:stop],
            dense_new,
            scorer=Indel.normalized_distance,
            dtype=np.float32,
            workers=1,
        )
        # row-major: ascending within a row
        row, column = np.divmod(np.flatnonzero(distances <= bound), len(news))
        ends = np.searchsorted(row, np.arange(1, stop - start + 1), side="left").tolist()
        positions = column.tolist()
        begin = 0
        for end in ends:
            out.append(positions[begin:end])
            begin = end
    return out
