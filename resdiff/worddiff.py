"""Word-level differences inside one clause pair (the only importer of diff-match-patch).

The texts are cut into tokens — a word (a run of letters and digits), a run of
whitespace, or a single other character (punctuation is its own token) — so a word is
never split. Each distinct token is mapped to one character (a private-use one, see
:mod:`resdiff.tokencodec`, shared with alignment), the encoded strings are diffed with no
time limit (no clock: the result depends only on the input) and cleaned up semantically,
and the characters are mapped back to tokens. The diff runs on the C++ build of
diff-match-patch (``fast_diff_match_patch``), which gives the same ops as the Python
library (tested on every real pair and on generated inputs). Concatenating the ``=`` and
``-`` ops rebuilds the old text and the ``=`` and ``+`` ops the new text, exactly.

Two very long paragraphs (more than :data:`MAX_BISECT` old × new tokens) get their raw
script from rapidfuzz's longest common subsequence (C) instead of diff-match-patch's
bisection; the Python diff-match-patch then cleans it up semantically (the C++ build
cleans up only its own diffs).
"""

from __future__ import annotations

import re
from typing import Literal

from fast_diff_match_patch import diff as fast_diff
from rapidfuzz.distance import Indel

from resdiff.changes import WordOp
from resdiff.normalize import is_editorial
from resdiff.tokencodec import TokenCodec

__all__ = ["diff_words", "is_editorial", "tokenize"]

_TOKEN = re.compile(r"[^\W_]+|\s+|.", re.DOTALL)

_OPS: dict[int, Literal["=", "-", "+"]] = {0: "=", -1: "-", 1: "+"}

#: Above this many old × new tokens the raw script comes from rapidfuzz's LCS (C)
#: instead of diff-match-patch's O(N·D) bisection, and the Python diff-match-patch
#: cleans it up (the ops of such pairs are kept as they always were).
MAX_BISECT = 250_000


def tokenize(text: str) -> list[str]:
    """Cut ``text`` into word, whitespace and single-character punctuation tokens.

    ``"".join(tokenize(t)) == t`` for every ``t``.
    """
    return _TOKEN.findall(text)


def diff_words(old: str, new: str) -> tuple[WordOp, ...]:
    """Word-level ops turning ``old`` into ``new``: ``("=", text)``, ``("-", …)``, ``("+", …)``.

    Adjacent ops of one kind are merged; a deletion comes before the insertion that
    replaces it. Deterministic (``Diff_Timeout = 0``).
    """
    if old == new:
        return (("=", old),) if old else ()
    codec = TokenCodec()
    a = codec.encode(tokenize(old))
    b = codec.encode(tokenize(new))

    if len(a) * len(b) <= MAX_BISECT:
        diffs = fast_diff(a, b, timelimit=0, checklines=False, cleanup="Semantic",
                          counts_only=False)  # fmt: skip
    else:
        diffs = _lcs_cleaned(a, b)

    ops: list[tuple[Literal["=", "-", "+"], str]] = []
    for op, chars in diffs:
        if not chars:
            continue
        text = codec.decode(chars)
        if ops and ops[-1][0] == op:
            ops[-1] = (op, ops[-1][1] + text)
        else:
            ops.append((op, text))
    return _order(ops)


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


def _order(ops: list[tuple[Literal["=", "-", "+"], str]]) -> tuple[WordOp, ...]:
    """Put each deletion before the insertion next to it and merge what becomes adjacent."""
    out: list[tuple[Literal["=", "-", "+"], str]] = []
    i = 0
    while i < len(ops):
        if ops[i][0] == "=":
            out.append(ops[i])
            i += 1
            continue
        j = i
        deleted: list[str] = []
        inserted: list[str] = []
        while j < len(ops) and ops[j][0] != "=":
            (deleted if ops[j][0] == "-" else inserted).append(ops[j][1])
            j += 1
        if deleted:
            out.append(("-", "".join(deleted)))
        if inserted:
            out.append(("+", "".join(inserted)))
        i = j
    return tuple(out)
