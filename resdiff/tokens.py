"""How a clause text is cut into tokens: once per text, for both the alignment and the
word diff.

- *Word tokens* (what the word diff compares): a word (a run of letters and digits), a
  run of whitespace, or a single other character; joined, they give the text back.
- *Similarity tokens* (what alignment scores): the words and other visible characters of
  the text as :func:`~resdiff.normalize.normalize` folds it (case folded).

A clause that alignment had to score is, most of the time, a clause whose words are then
diffed, so both token lists of a text are kept (per process, bounded: the last
:data:`CACHED_TEXTS` texts), and for an ASCII text the similarity tokens are read off its
word tokens instead of cutting its normalised form again: normalising ASCII text only
lowers its case, collapses its whitespace and loosens a hyphen between two words into a
space (the one ASCII character its table maps, the grave accent, takes the long way).
A property test checks both routes give the same tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import filterfalse

from resdiff.normalize import normalize

__all__ = [
    "CACHED_LONGEST",
    "CACHED_TEXTS",
    "cached_similarity_tokens",
    "cached_word_tokens",
    "similarity_tokens",
    "word_tokens",
]

#: How many texts' token lists are kept (each kind): more than the clauses of both
#: sides of a 1,000-clause resolution, a few megabytes.
CACHED_TEXTS = 4096
#: Texts longer than this (characters) are cut again each time rather than kept: a
#: clause is far shorter, and a few huge paragraphs must not hold megabytes each.
CACHED_LONGEST = 5000

_WORD_TOKEN = re.compile(r"[^\W_]+|\s+|.", re.DOTALL)
#: The same cut for ASCII text, where a letter or digit is [A-Za-z0-9]: faster (no
#: Unicode category lookups), and nearly every clause is ASCII.
_ASCII_WORD_TOKEN = re.compile(r"[A-Za-z0-9]+|\s+|.", re.DOTALL)
#: Similarity tokens: a word (letters and digits) or one other visible character.
_SIMILARITY_TOKEN = re.compile(r"[^\W_]+|\S")
_ASCII_SIMILARITY_TOKEN = re.compile(r"[A-Za-z0-9]+|\S")
#: The one ASCII character :func:`~resdiff.normalize.normalize` maps to another.
_ASCII_MAPPED = "`"


def word_tokens(text: str) -> list[str]:
    """Cut ``text`` into word, whitespace and single-character punctuation tokens.

    ``"".join(word_tokens(t)) == t`` for every ``t``.
    """
    return (_ASCII_WORD_TOKEN if text.isascii() else _WORD_TOKEN).findall(text)


def cached_word_tokens(text: str) -> tuple[str, ...]:
    """:func:`word_tokens` of ``text``, kept for the next caller."""
    if len(text) > CACHED_LONGEST:
        return tuple(word_tokens(text))
    return _kept_word_tokens(text)


@lru_cache(maxsize=CACHED_TEXTS)
def _kept_word_tokens(text: str) -> tuple[str, ...]:
    return tuple(word_tokens(text))


def similarity_tokens(text: str) -> list[str]:
    """The normalised, case-folded words and punctuation marks of ``text``."""
    norm = normalize(text, fold_case=True)
    pattern = _ASCII_SIMILARITY_TOKEN if norm.isascii() else _SIMILARITY_TOKEN
    return pattern.findall(norm)  # neither alternative can match white space


def cached_similarity_tokens(text: str) -> tuple[str, ...]:
    """:func:`similarity_tokens` of ``text``, kept for the next caller; for ASCII text
    read off its (kept) word tokens."""
    if len(text) > CACHED_LONGEST:
        return _similarity_tokens(text)
    return _kept_similarity_tokens(text)


@lru_cache(maxsize=CACHED_TEXTS)
def _kept_similarity_tokens(text: str) -> tuple[str, ...]:
    return _similarity_tokens(text)


def _similarity_tokens(text: str) -> tuple[str, ...]:
    if not text.isascii() or _ASCII_MAPPED in text:
        return tuple(similarity_tokens(text))
    visible = list(filterfalse(str.isspace, cached_word_tokens(text)))
    if "-" in visible:
        visible = _without_loose_hyphens(visible)
    return tuple(map(str.lower, visible))


def _without_loose_hyphens(visible: list[str]) -> list[str]:
    """``visible`` (an ASCII text's tokens, whitespace left out) without each hyphen that
    stands between two words: what normalising turns into a space."""
    last = len(visible) - 1
    return [
        token
        for k, token in enumerate(visible)
        if token != "-"
        or not (0 < k < last and visible[k - 1].isalnum() and visible[k + 1].isalnum())
    ]
