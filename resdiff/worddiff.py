"""Word-level differences inside one clause pair (the only importer of diff-match-patch).

The texts are cut into tokens — a word (a run of letters and digits), a run of
whitespace, or a single other character (punctuation is its own token) — so a word is
never split. Each distinct token is mapped to one character (a private-use one, see
:mod:`resdiff.tokencodec`, shared with alignment), the encoded strings are diffed with no
time limit (no clock: the result depends only on the input) and cleaned up semantically,
and each op's length in tokens cuts its text straight out of the original. The diff runs
on the C++ build of diff-match-patch (``fast_diff_match_patch``), which gives the same ops
as the Python library (tested on every real pair and on generated inputs). Concatenating
the ``=`` and ``-`` ops rebuilds the old text and the ``=`` and ``+`` ops the new text,
exactly.

Two very long paragraphs (more than :data:`MAX_BISECT` old × new tokens) get their raw
script from rapidfuzz's longest common subsequence (C) instead of diff-match-patch's
bisection; the Python diff-match-patch then cleans it up semantically (the C++ build
cleans up only its own diffs).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from fast_diff_match_patch import diff as fast_diff
from rapidfuzz.distance import Indel

from resdiff.changes import WordOp
from resdiff.normalize import is_editorial
from resdiff.tokencodec import encode_pair
from resdiff.tokens import cached_word_tokens, word_tokens

__all__ = ["diff_words", "is_editorial", "tokenize"]

_OPS: dict[int, Literal["=", "-", "+"]] = {0: "=", -1: "-", 1: "+"}

#: Above this many old × new tokens the raw script comes from rapidfuzz's LCS (C)
#: instead of diff-match-patch's O(N·D) bisection, and the Python diff-match-patch
#: cleans it up (the ops of such pairs are kept as they always were).
MAX_BISECT = 250_000


def tokenize(text: str) -> list[str]:
    """Cut ``text`` into word, whitespace and single-character punctuation tokens.

    ``"".join(tokenize(t)) == t`` for every ``t``.
    """
    return word_tokens(text)


def diff_words(old: str, new: str) -> tuple[WordOp, ...]:
    """Word-level ops turning ``old`` into ``new``: ``("=", text)``, ``("-", …)``, ``("+", …)``.

    Adjacent ops of one kind are merged; a deletion comes before the insertion that
    replaces it. Deterministic (``Diff_Timeout = 0``).
    """
    if old == new:
        return (("=", old),) if old else ()
    old_tokens, new_tokens = cached_word_tokens(old), cached_word_tokens(new)
    a, b = encode_pair(old_tokens, new_tokens)
    if len(a) * len(b) <= MAX_BISECT:
        script = fast_diff(a, b, timelimit=0, checklines=False, cleanup="Semantic",
                           counts_only=True)  # fmt: skip
    else:
        script = [(op, len(chars)) for op, chars in _lcs_cleaned(a, b)]
    return _ops(old, new, old_tokens, new_tokens, script)


def _ops(
    old: str,
    new: str,
    old_tokens: Sequence[str],
    new_tokens: Sequence[str],
    script: list[tuple[str, int]],
) -> tuple[WordOp, ...]:
    """The texts of an edit script given in tokens per op, cut straight out of ``old``
    and ``new``: ``=`` and ``-`` ops take the next tokens of ``old``, ``=`` and ``+`` of
    ``new``. Adjacent ops of one kind are merged, and each run of deletions and
    insertions between two equalities becomes one deletion then one insertion."""
    out: list[WordOp] = []
    i = j = 0  # tokens of old and new consumed
    at_old = at_new = 0  # characters of old and new consumed
    deleted = inserted = ""
    for op, count in script:
        if not count:
            continue
        if op == "=":
            if deleted or inserted:
                if deleted:
                    out.append(("-", deleted))
                if inserted:
                    out.append(("+", inserted))
                deleted = inserted = ""
            size = sum(map(len, old_tokens[i : i + count]))
            text = old[at_old : at_old + size]
            if out and out[-1][0] == "=":  # never after a cleanup, but exact anyway
                out[-1] = ("=", out[-1][1] + text)
            else:
                out.append(("=", text))
            i += count
            j += count
            at_old += size
            at_new += size
        elif op == "-":
            size = sum(map(len, old_tokens[i : i + count]))
            deleted += old[at_old : at_old + size]
            i += count
            at_old += size
        else:
            size = sum(map(len, new_tokens[j : j + count]))
            inserted += new[at_new : at_new + size]
            j += count
            at_new += size
    if deleted:
        out.append(("-", deleted))
    if inserted:
        out.append(("+", inserted))
    return tuple(out)


def _lcs_cleaned(a: str, b: str) -> list[tuple[str, str]]:
    """The ops of a longest common subsequence, cleaned up by the Python diff-match-patch."""
    from diff_match_patch import diff_match_patch

    diffs = _lcs_diffs(a, b)
    diff_match_patch().diff_cleanupSemantic(diffs)
    return [(_OPS[code], chars) for code, chars in diffs]


def _lcs_diffs(a: str, b: str) -> list[tuple[int, str]]:
    """A diff-match-patch style script from a longest common subsequence (Indel opcodes)."""
    diffs: list[tuple[int, str]] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            diffs.append((0, a[op.src_start : op.src_end]))
        else:
            if op.src_end > op.src_start:
                diffs.append((-1, a[op.src_start : op.src_end]))
            if op.dest_end > op.dest_start:
                diffs.append((1, b[op.dest_start : op.dest_end]))
    return diffs
