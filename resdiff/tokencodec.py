"""One character per distinct token: how token sequences reach character-level algorithms.

Alignment (rapidfuzz's Indel and LCS scores) and the word diff (diff-match-patch) both
work on strings of characters, while resdiff compares clauses word by word. Each
distinct token is mapped to one character, as diff-match-patch's line mode maps lines,
so that an edit of the encoded strings is an edit of whole tokens.

The characters come from Unicode's private-use areas first: diff-match-patch's semantic
cleanup treats them alike (neither letters nor spaces), so it never slides an edit to a
"better" boundary inside the encoding. A text with more distinct tokens than the
private-use areas hold (137,468) goes on in the other supplementary planes: scores and
edit scripts stay exact, only the cleanup may then see letters. Surrogates are never used.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence

__all__ = ["KEPT_TOKENS", "TokenCodec", "code_point", "encode_kept"]

#: Code point ranges handed out in order: the private-use areas, then the rest of the
#: supplementary planes (never a surrogate).
_RANGES = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD), (0x10000, 0xEFFFF))


def code_point(index: int) -> str:
    """The character standing for the ``index``-th distinct token (0-based)."""
    if index < 0x1900:  # the Basic Multilingual Plane's private-use area: most texts
        return chr(0xE000 + index)
    for low, high in _RANGES:
        size = high - low + 1
        if index < size:
            return chr(low + index)
        index -= size
    raise ValueError("too many distinct tokens to encode")  # > 1,048,000 distinct tokens


def _code_points(start: int, count: int) -> Iterator[str]:
    """The characters of indices ``start`` … ``start + count − 1``, in order."""
    if start + count <= 0x1900:  # all in the first private-use area: one C-level pass
        return map(chr, range(0xE000 + start, 0xE000 + start + count))
    return map(code_point, range(start, start + count))


#: How many tokens :func:`encode_kept` keeps characters for: the first private-use area.
KEPT_TOKENS = 0x1900

_KEPT = threading.local()


def encode_kept(old: Sequence[str], new: Sequence[str]) -> tuple[str, str]:
    """``old`` and ``new`` encoded with characters kept from one call to the next (per
    thread): the same tokens equal and different tokens different, as a fresh
    :class:`TokenCodec` gives, but other characters. For a caller to whom only which
    tokens are equal matters (the word diff: every character it is given is in the
    first private-use area, which diff-match-patch's cleanup treats alike), a pair whose
    tokens were all met before costs one pass per side. When the kept characters would
    leave the first private-use area they are dropped and the pair gets a fresh
    codec's code."""
    chars: dict[str, str] | None = getattr(_KEPT, "chars", None)
    if chars is None:
        chars = _KEPT.chars = {}
    try:
        return "".join(map(chars.__getitem__, old)), "".join(map(chars.__getitem__, new))
    except KeyError:
        pass
    unseen = [t for t in dict.fromkeys([*old, *new]) if t not in chars]
    if len(chars) + len(unseen) > KEPT_TOKENS:
        _KEPT.chars = {}
        codec = TokenCodec()
        return codec.encode(old), codec.encode(new)
    chars.update(zip(unseen, _code_points(len(chars), len(unseen)), strict=True))
    return "".join(map(chars.__getitem__, old)), "".join(map(chars.__getitem__, new))


class TokenCodec:
    """Maps tokens to single characters and back; one codec per comparison, so that the
    same token gets the same character on both sides."""

    __slots__ = ("_chars", "_tokens")

    def __init__(self) -> None:
        self._chars: dict[str, str] = {}
        self._tokens: dict[str, str] = {}

    def __len__(self) -> int:
        """How many distinct tokens have a character."""
        return len(self._chars)

    def encode(self, tokens: Iterable[str]) -> str:
        """One character per token, a new one for each token not seen before (in order of
        first appearance)."""
        chars = self._chars
        tokens = tokens if isinstance(tokens, (list, tuple)) else list(tokens)
        try:  # every token seen before (a text met again): one C-level pass
            return "".join(map(chars.__getitem__, tokens))
        except KeyError:
            pass
        for token in tokens:
            if token not in chars:
                chars[token] = code_point(len(chars))
        return "".join(map(chars.__getitem__, tokens))

    def decode(self, chars: str) -> str:
        """The tokens that ``chars`` stand for, joined."""
        tokens = self._tokens
        if len(tokens) != len(self._chars):  # tokens were added since the last decode
            tokens = self._tokens = {char: token for token, char in self._chars.items()}
        return "".join(map(tokens.__getitem__, chars))
