"""Whether two clauses are about the same thing: TF-IDF cosine of their subject words.

Used by :mod:`resdiff.align.in_place` to decide whether a clause rewritten in place (same section,
between the same aligned neighbours) is still "the same paragraph". Word order and
wording may have changed completely; what survives a rewrite is its subject — rare words
such as "Resolution 1306", "E.164", "numbering". So:

- function words are dropped (:data:`STOPWORDS`): inverse document frequency alone cannot
  tell that "the" says nothing in a resolution of three clauses;
- simple endings are stripped (:func:`stem`) so that "coordination" and "coordinate",
  "protection" and "protect" count as one word;
- each word is weighted by its inverse document frequency over the clauses of both
  texts, and words of the resolution's title keep only :data:`TITLE_WEIGHT` of it: the
  title names what every clause is about ("child online protection").
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain

from resdiff.normalize import content_words

__all__ = [
    "MIN_IDF",
    "MIN_SHARED",
    "STOPWORDS",
    "TITLE_WEIGHT",
    "SubjectIndex",
    "stem",
    "subject_words",
]

#: Function words: they say nothing about a clause's subject.
STOPWORDS = frozenset(
    """a an and any are as at be been being between both but by can could do does each
    either for from had has have having he her his how i if in into is it its may might
    more most must no nor not of on once only or other our shall should so such than that
    the their them then there these they this those through to under until upon very was
    we were what when where whether which while who whom whose why will with within would
    also all well including inter alia""".split()  # noqa: SIM905 (a word list reads better)
)

#: Endings stripped, longest first, when at least four letters remain.
_SUFFIXES = (
    "ations", "ation", "ators", "ator", "ings", "ing", "ities", "ity", "ions", "ion",
    "ives", "ive", "ates", "ated", "ate", "ies", "ed", "es", "s",
)  # fmt: skip

#: Weight kept by a word of the resolution's title.
TITLE_WEIGHT = 0.25
#: Two texts are on one subject only if they share this many distinctive words …
MIN_SHARED = 2
#: … a word being distinctive when its IDF is at least this (in < 37 % of the clauses).
MIN_IDF = 1.0


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem: ``coordination`` → ``coordin``, ``coordinate`` → ``coordin``."""
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=16384)
def subject_words(text: str) -> tuple[str, ...]:
    """The words that say what a clause is about: no function words, endings stripped."""
    kept = [w for w in content_words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    return tuple(map(stem, kept))


class SubjectIndex:
    """IDF weights over a set of clauses; :meth:`similarity` compares two of their texts.

    Only the document frequencies are counted up front; a word's weight is worked out
    the first time a compared text needs it (most words of a resolution never are)."""

    def __init__(self, texts: Iterable[str], titles: Iterable[str] = ()) -> None:
        docs = list(map(set, map(subject_words, texts)))
        self._df: Counter[str] = Counter(chain.from_iterable(docs))
        self._n = len(docs) + 1
        #: how many titles each word is in (each one scales its weight once)
        self._in_titles: Counter[str] = Counter(
            chain.from_iterable(map(set, map(subject_words, titles)))
        )
        self._idf: dict[str, float] = {}
        self._vectors: dict[str, dict[str, float]] = {}

    def idf(self, word: str) -> float:
        """The inverse document frequency of ``word`` (0 for a word in no clause), times
        :data:`TITLE_WEIGHT` for each title it is in."""
        value = self._idf.get(word)
        if value is None:
            k = self._df.get(word)
            value = 0.0
            if k:
                value = math.log(self._n / k)
                for _ in range(self._in_titles.get(word, 0)):
                    value *= TITLE_WEIGHT
            self._idf[word] = value
        return value

    def vector(self, text: str) -> dict[str, float]:
        """The unit TF-IDF vector of ``text`` (empty when it has no weighted word)."""
        vec = self._vectors.get(text)
        if vec is None:
            counts = Counter(subject_words(text))
            idf = self.idf
            raw = {w: (1.0 + math.log(k)) * idf(w) for w, k in counts.items()}
            norm = math.sqrt(sum(x * x for x in raw.values()))
            vec = {w: x / norm for w, x in raw.items()} if norm else {}
            self._vectors[text] = vec
        return vec

    def similarity(self, a: str, b: str) -> float:
        """Cosine (0–1) of the two texts' TF-IDF vectors.

        0 unless the texts share at least :data:`MIN_SHARED` distinctive words (IDF ≥
        :data:`MIN_IDF`): one shared word ("maintain") is a coincidence, not a subject.
        """
        va, vb = self.vector(a), self.vector(b)
        if len(va) > len(vb):
            va, vb = vb, va
        shared = [w for w in va if w in vb]
        if sum(1 for w in shared if self.idf(w) >= MIN_IDF) < MIN_SHARED:
            return 0.0
        return sum(va[w] * vb[w] for w in shared)
