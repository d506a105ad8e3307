"""Pair old clauses with new ones by content, not by label; pair sections likewise.

The template is dulwich's rename detection — exact matches first (hashed), then
similarity with a threshold and a cap, ties broken by a total order — extended with what
a drafter expects of resolutions. :func:`align_resolutions` (:mod:`.pipeline`) runs the
passes in order over one :class:`~.state.AlignState`, whose :class:`~.table.MatchTable`
holds the pairing:

1. header parts by role, then identical texts and equal match keys (:mod:`.exact`);
2. sections, a first guess from those pairs and the headings (:mod:`.sections`);
3. token similarity, best first, with a cap (:mod:`.similar`);
4. sections again, then splits and merges (:mod:`.grow`);
5. repeated texts and crossed near-duplicates back in order (:mod:`.order`);
6. clauses rewritten in place, on the same subject (:mod:`.in_place`, :mod:`.subject`);
7. moves: off the section map, or off a longest increasing subsequence (:mod:`.order`).

Two clauses that open by citing different instruments never pair (:mod:`.citation`).
Scores are on token codes (:mod:`.scores`). Everything is deterministic: every choice is
made on scores and then on document positions, never on hash or dict order. The steps
and their parameters are explained in ``docs/diff.md``.
"""

from __future__ import annotations

from resdiff.align.pipeline import DEFAULT_THRESHOLD, align_resolutions
from resdiff.align.result import Alignment, Match, SectionPair
from resdiff.align.scores import similarity
from resdiff.align.similar import MAX_COMPARISONS

__all__ = [
    "DEFAULT_THRESHOLD",
    "MAX_COMPARISONS",
    "Alignment",
    "Match",
    "SectionPair",
    "align_resolutions",
    "similarity",
]
