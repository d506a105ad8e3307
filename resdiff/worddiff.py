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

Most amended clauses change a few words, and cutting both texts into tokens, encoding
them and cutting the ops back out is most of a word diff's time. diff-match-patch sets
the texts' common beginning and end aside before diffing what lies between, so only that
middle is cut into tokens, with one token more of common text on each side than the
longer side of the middle has: the semantic cleanup can reach into those only by an
edit at least as long, which cannot arise, or by sliding an edit along repeated text to
the end of the kept stretch, which the ops then show (they no longer end with an
equality), and then the whole pair is diffed. The ops are the same either way (a property
test compares them with diffing every token, on every real pair and generated texts).

Two very long paragraphs (more than :data:`MAX_BISECT` old × new tokens) get their raw
script from rapidfuzz's longest common subsequence (C) instead of diff-match-patch's
bisection; the Python diff-match-patch then cleans it up semantically (the C++ build
cleans up only its own diffs).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import Literal

from fast_diff_match_patch import diff as fast_diff
from rapidfuzz.distance import Indel

from resdiff.changes import WordOp
from resdiff.normalize import is_editorial
from resdiff.tokencodec import encode_kept
from resdiff.tuning import BoundedMemo

__all__ = ["diff_words", "is_editorial", "tokenize"]

_TOKEN = re.compile(r"[^\W_]+|\s+|.", re.DOTALL)
#: The same cut for ASCII text, where a letter or digit is [A-Za-z0-9]: faster (no
#: Unicode category lookups), and nearly every clause is ASCII.
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+|\s+|.", re.DOTALL)

_OPS: dict[int, Literal["=", "-", "+"]] = {0: "=", -1: "-", 1: "+"}

#: Above this many old × new tokens the raw script comes from rapidfuzz's LCS (C)
#: instead of diff-match-patch's O(N·D) bisection, and the Python diff-match-patch
#: cleans it up (the ops of such pairs are kept as they always were).
MAX_BISECT = 250_000


#: The word diff leaves the texts' common beginning and end out (but what it keeps)
#: when the text is at least this many times as long as the differing middle.
TRIM_FROM = 4


def tokenize(text: str) -> list[str]:
    """Cut ``text`` into word, whitespace and single-character punctuation tokens.

    ``"".join(tokenize(t)) == t`` for every ``t``.
    """
    return (_ASCII_TOKEN if text.isascii() else _TOKEN).findall(text)


def diff_words(old: str, new: str) -> tuple[WordOp, ...]:
    """Word-level ops turning ``old`` into ``new``: ``("=", text)``, ``("-", …)``, ``("+", …)``.

    Adjacent ops of one kind are merged; a deletion comes before the insertion that
    replaces it. Deterministic (``Diff_Timeout = 0``).
    """
    if old == new:
        return (("=", old),) if old else ()
    return _middle_diff(old, new)


def full_diff(old: str, new: str) -> tuple[WordOp, ...]:
    """:func:`diff_words` of two different texts, every token of both diffed."""
    return _diff_tokens(old, new, _kept_tokens(old), _kept_tokens(new))


#: The texts :func:`full_diff` cut into tokens, with their tokens, up to about 2 MB of
#: texts (the tokens take some twenty bytes a character more): bounded by size, not by
#: count, as the long clauses are the ones worth keeping and a PDF conversion may hold
#: a whole annex in one.
KEPT_CUTS: BoundedMemo[str, tuple[str, ...]] = BoundedMemo(2_000_000, len)


def _kept_tokens(text: str) -> tuple[str, ...]:
    """:func:`tokenize` of ``text``, kept (per process, :data:`KEPT_CUTS`): a clause
    rewritten throughout is diffed whole, and again in every comparison it is part of."""
    tokens = KEPT_CUTS.get(text)
    if tokens is None:
        tokens = KEPT_CUTS.put(text, tuple(tokenize(text)))
    return tokens


def _diff_tokens(
    old: str, new: str, old_tokens: Sequence[str], new_tokens: Sequence[str]
) -> tuple[WordOp, ...]:
    a, b = encode_kept(old_tokens, new_tokens)
    if len(a) * len(b) <= MAX_BISECT:
        script = _bisect(a, b)
    else:
        script = [(op, len(chars)) for op, chars in _lcs_cleaned(a, b)]
    return _ops(old, new, old_tokens, new_tokens, script)


def _bisect(a: str, b: str) -> list[tuple[str, int]]:
    """The C++ diff-match-patch's script, in tokens per op, semantically cleaned up."""
    script: list[tuple[str, int]] = fast_diff(
        a, b, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True
    )
    return [op for op in script if op[1]]


def _middle_diff(old: str, new: str) -> tuple[WordOp, ...]:
    """:func:`full_diff` of two different texts, diffing only their differing middle
    and, on each side of it, one token more of their common text than the longer side
    of the middle has (see the module docstring); the whole pair when the result
    reaches a cut."""
    shift = len(new) - len(old)
    prefix, suffix = common_ends(old, new)
    if TRIM_FROM * (max(len(old), len(new)) - prefix - suffix) > len(old):
        return full_diff(old, new)
    start = _boundary_before(old, new, prefix)
    end = _boundary_after(old, new, len(old) - suffix, shift)
    # the kept common text is about as long as the middle on each side: leaving the rest
    # out pays only when the middle is a small part of the text
    if TRIM_FROM * max(end - start, end + shift - start) > len(old):
        return full_diff(old, new)
    old_middle, new_middle = tokenize(old[start:end]), tokenize(new[start : end + shift])
    keep = max(len(old_middle), len(new_middle)) + 1
    left = start - _span(_reversed_tokens(old[:start]), keep)
    right = end + _span(_tokens(old[end:]), keep)
    head, tail = tokenize(old[left:start]), tokenize(old[end:right])
    old_tokens, new_tokens = [*head, *old_middle, *tail], [*head, *new_middle, *tail]
    if left == 0 and right == len(old):  # nothing left out: the whole pair's tokens
        return _diff_tokens(old, new, old_tokens, new_tokens)
    if len(old) * len(new) > MAX_BISECT:  # characters do not settle it: count the tokens
        if not (old.isascii() and new.isascii()):
            return full_diff(old, new)
        outside = count_tokens(old[:left]) + count_tokens(old[right:])
        if (outside + len(old_tokens)) * (outside + len(new_tokens)) > MAX_BISECT:
            return full_diff(old, new)  # the whole pair goes the long-paragraph way
    script = _bisect(*encode_kept(old_tokens, new_tokens))
    if (left and script[0][0] != "=") or (right < len(old) and script[-1][0] != "="):
        return full_diff(old, new)  # the cleanup reached a cut
    ops = list(_ops(old[left:right], new[left : right + shift], old_tokens, new_tokens, script))
    if left:
        ops[0] = ("=", old[:left] + ops[0][1])
    if right < len(old):
        ops[-1] = ("=", ops[-1][1] + old[right:])
    return tuple(ops)


def count_tokens(text: str) -> int:
    """``len(tokenize(text))`` for an ASCII ``text``, without cutting it: each character
    reads as ``a`` (letter or digit), a space (white space) or ``.`` (anything else), and
    a token starts at each ``.`` and where a run of ``a`` or of spaces starts."""
    kinds = text.translate(_KINDS)
    runs = kinds.count(" a") + kinds.count(".a") + kinds.count("a ") + kinds.count(". ")
    return kinds.count(".") + runs + (kinds[:1] in ("a", " "))


#: The kind of each ASCII character, as :func:`count_tokens` reads it.
_KINDS = {c: "a" if chr(c).isalnum() else " " if chr(c).isspace() else "." for c in range(128)}


def _tokens(text: str) -> Iterator[re.Match[str]]:
    return (_ASCII_TOKEN if text.isascii() else _TOKEN).finditer(text)


def _reversed_tokens(text: str) -> Iterator[re.Match[str]]:
    """The tokens of ``text`` from its end, each reversed: a token is a maximal run of
    letters and digits or of white space, or one other character, so the cut of the
    reversed text is the cut of the text, reversed."""
    return _tokens(text[::-1])


def _span(tokens: Iterator[re.Match[str]], count: int) -> int:
    """Characters of the first ``count`` of ``tokens`` (all of them, if fewer): where the
    last of them ends, the tokens covering the text from its start."""
    last = deque(islice(tokens, count), maxlen=1)
    return last[0].end() if last else 0


def common_ends(a: str, b: str) -> tuple[int, int]:
    """Lengths of the longest common prefix of ``a`` and ``b`` and of their longest common
    suffix that does not overlap it.

    Both texts' characters as integers: the lowest set bit of their exclusive or is the
    first byte that differs, from the start (little-endian) or the end (big-endian). A
    few C-level passes, where comparing halving slices takes a Python step each."""
    size = min(len(a), len(b))
    if a.isascii() and b.isascii():
        width, x, y = 8, a.encode("ascii"), b.encode("ascii")
    else:
        width, x, y = (
            32,
            a.encode("utf-32-le", "surrogatepass"),
            b.encode("utf-32-le", "surrogatepass"),
        )
    cut = size * width // 8
    diff = int.from_bytes(x[:cut], "little") ^ int.from_bytes(y[:cut], "little")
    prefix = size if not diff else ((diff & -diff).bit_length() - 1) // width
    rest = (size - prefix) * width // 8
    if not rest:
        return prefix, 0
    diff = int.from_bytes(x[-rest:], "big") ^ int.from_bytes(y[-rest:], "big")
    return prefix, (size - prefix if not diff else ((diff & -diff).bit_length() - 1) // width)


def _boundary_before(old: str, new: str, at: int) -> int:
    """The last position at or before ``at`` where a token starts in both texts (0 at
    worst)."""
    while at > 0 and not (is_boundary(old, at) and is_boundary(new, at)):
        at -= 1
    return at


def _boundary_after(old: str, new: str, at: int, shift: int) -> int:
    """The first position at or after ``at`` where a token starts in ``old`` and, ``shift``
    characters on, in ``new`` (the end of ``old`` at worst)."""
    while at < len(old) and not (is_boundary(old, at) and is_boundary(new, at + shift)):
        at += 1
    return at


def is_boundary(text: str, at: int) -> bool:
    """Whether a token of :func:`tokenize` starts at ``at`` (or the text starts or ends
    there): the characters either side are of different kinds (letter or digit, white
    space, other), or the one before is neither a letter, a digit nor white space."""
    if at <= 0 or at >= len(text):
        return True
    before, after = text[at - 1], text[at]
    if before.isalnum():
        return not after.isalnum()
    if before.isspace():
        return not after.isspace()
    return True


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
