"""How alike two clause texts are, word by word: the token codes and the scores on them.

A clause's *similarity tokens* are its words (letters and digits) and other visible
characters, normalised and case-folded; each distinct token becomes one character
(:class:`~resdiff.tokencodec.TokenCodec`), so rapidfuzz's C scorers compare token
sequences. Two unrelated clauses of one resolution mostly score 0.15–0.45 this way, a
re-lettered or lightly amended clause ≥ 0.75, where character-level ratios put both in
0.45–0.95.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from resdiff.tokencodec import TokenCodec
from resdiff.tokens import cached_similarity_tokens, similarity_tokens

__all__ = ["ClauseEncoder", "containment", "ratio", "similarity", "similarity_tokens"]


class ClauseEncoder:
    """Encodes clause texts as token codes (one character per token), shared by both sides."""

    __slots__ = ("_codec",)

    def __init__(self) -> None:
        self._codec = TokenCodec()

    def encode(self, text: str) -> str:
        return self._codec.encode(cached_similarity_tokens(text))


def ratio(a: str, b: str) -> float:
    """Indel similarity (0–1) of two token codes; two empty codes are alike."""
    if not a and not b:
        return 1.0
    return float(fuzz.ratio(a, b)) / 100.0


def containment(part: str, whole: str) -> float:
    """Share of ``part``'s tokens found, in order, in ``whole``."""
    if not part:
        return 0.0
    return float(LCSseq.similarity(part, whole)) / len(part)


def similarity(a: str, b: str) -> float:
    """Token-level similarity (0–1) of two clause texts, as alignment measures it."""
    encoder = ClauseEncoder()
    return ratio(encoder.encode(a), encoder.encode(b))
