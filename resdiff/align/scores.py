"""How alike two clause texts are, word by word: the token codes and the scores on them.

A clause's *similarity tokens* are its words (letters and digits) and other visible
characters, normalised and case-folded; each distinct token becomes one character
(:class:`~resdiff.tokencodec.TokenCodec`), so rapidfuzz's C scorers compare token
sequences. Two unrelated clauses of one resolution mostly score 0.15–0.45 this way, a
re-lettered or lightly amended clause ≥ 0.75, where character-level ratios put both in
0.45–0.95.
"""

from __future__ import annotations

import re
import threading

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from resdiff.normalize import normalize
from resdiff.tokencodec import TokenCodec

__all__ = ["ClauseEncoder", "containment", "ratio", "similarity", "similarity_tokens"]

#: Similarity tokens: a word (letters and digits) or one other visible character.
_TOKEN_RE = re.compile(r"[^\W_]+|\S")
#: The same for ASCII text, where a letter or digit is [A-Za-z0-9]: faster (no Unicode
#: category lookups).
_ASCII_TOKEN_RE = re.compile(r"[A-Za-z0-9]+|\S")


def similarity_tokens(text: str) -> list[str]:
    """The normalised, case-folded words and punctuation marks of ``text``."""
    norm = normalize(text, fold_case=True)
    pattern = _ASCII_TOKEN_RE if norm.isascii() else _TOKEN_RE
    return pattern.findall(norm)  # neither alternative can match white space


class ClauseEncoder:
    """Encodes clause texts as token codes (one character per token), shared by both sides.

    The codes come from a codec shared by the comparisons of this thread, and each
    text's code is kept: only which tokens are equal counts (every score and every use of
    a code compares characters for equality, and the distance matrix's folding keeps
    every pair within reach whatever the characters), so a text met again — a clause
    kept in many resolutions of a tree, or the same diff run again — is not encoded
    again. An encoder holds the codec it started with for its whole comparison; a new
    comparison starts a new codec once the shared one holds more than
    :data:`MAX_SHARED_TOKENS` tokens, or its codes more than :data:`MAX_SHARED_TEXTS`
    texts or :data:`MAX_SHARED_CHARS` characters of them. Each thread has its own.
    """

    __slots__ = ("_codec", "_codes", "_shared")

    def __init__(self) -> None:
        self._shared = shared = _shared()
        self._codec, self._codes = shared.codec, shared.codes

    def encode(self, text: str) -> str:
        code = self._codes.get(text)
        if code is None:
            code = self._codes[text] = self._codec.encode(similarity_tokens(text))
            self._shared.chars += len(text)
        return code


#: Bounds of the codec (distinct tokens) and the codes (texts, and their characters:
#: a PDF conversion may hold a whole annex in one clause) comparisons share.
MAX_SHARED_TOKENS = 50_000
MAX_SHARED_TEXTS = 20_000
MAX_SHARED_CHARS = 4_000_000


class _SharedCodes:
    """A codec, the codes it gave by text, and how many characters those texts hold."""

    __slots__ = ("chars", "codec", "codes")

    def __init__(self) -> None:
        self.codec = TokenCodec()
        self.codes: dict[str, str] = {}
        self.chars = 0


_SHARED = threading.local()


def _shared() -> _SharedCodes:
    """This thread's shared codec and codes, fresh ones when they have grown past the
    bounds (per thread: two comparisons running at once never hand out one character
    to two tokens)."""
    shared: _SharedCodes | None = getattr(_SHARED, "codes", None)
    if (
        shared is None
        or len(shared.codec) > MAX_SHARED_TOKENS
        or len(shared.codes) > MAX_SHARED_TEXTS
        or shared.chars > MAX_SHARED_CHARS
    ):
        shared = _SHARED.codes = _SharedCodes()
    return shared


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
