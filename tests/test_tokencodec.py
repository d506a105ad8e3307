"""tokencodec: one character per distinct token, shared by both sides, decoded exactly."""

from __future__ import annotations

import itertools
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.tokencodec import TokenCodec, code_point

PRIVATE_USE = 0x1900 + 2 * 0xFFFE  # the three private-use areas


def test_the_same_token_gets_the_same_character_on_both_sides() -> None:
    codec = TokenCodec()
    a = codec.encode(["to", " ", "promote", " ", "ITU"])
    b = codec.encode(["ITU", " ", "to", " ", "act"])
    assert len(a) == 5
    assert len(b) == 5
    assert a[4] == b[0]
    assert a[0] == b[2]
    assert a[1] == b[1]
    assert len(set(a + b)) == 5  # to, space, promote, ITU, act


def test_decode_rebuilds_the_text_also_after_further_encoding() -> None:
    codec = TokenCodec()
    a = codec.encode(["a", ";", " ", "b"])
    assert codec.decode(a) == "a; b"
    b = codec.encode(["c", " ", "a"])  # new tokens after a decode
    assert codec.decode(b) == "c a"
    assert codec.decode(a[::-1]) == "b ;a"


@pytest.mark.parametrize("index", [0, 0x18FF, 0x1900, PRIVATE_USE - 1])
def test_tokens_become_private_use_characters(index: int) -> None:
    assert unicodedata.category(code_point(index)) == "Co"


def test_past_the_private_use_areas_characters_stay_distinct_and_never_surrogates() -> None:
    indices = range(PRIVATE_USE - 3, PRIVATE_USE + 70_000, 7)
    chars = [code_point(i) for i in indices]
    assert len(set(chars)) == len(chars)
    assert all(not 0xD800 <= ord(c) <= 0xDFFF for c in chars)
    assert len(set(chars) | {code_point(i) for i in range(0x1900)}) == len(chars) + 0x1900


def fresh_code(old: list[str], new: list[str]) -> tuple[str, str]:
    """``old`` then ``new`` encoded by a new codec."""
    codec = TokenCodec()
    return codec.encode(old), codec.encode(new)


def test_encoding_past_the_first_private_use_area_is_the_same_both_ways() -> None:
    """More distinct tokens than the first area holds: the codec goes on with
    :func:`code_point`, in order of first appearance."""
    old = [f"w{k}" for k in range(0x1900 - 5)]
    new = [f"v{k}" for k in range(20)]
    codec = TokenCodec()
    a, b = codec.encode(old), codec.encode(new)
    assert a == "".join(code_point(k) for k in range(0x1900 - 5))
    assert b == "".join(code_point(0x1900 - 5 + k) for k in range(20))
    assert codec.decode(b) == "".join(new)


def _pattern(a: str, b: str) -> tuple[list[int], list[int]]:
    """Which tokens are equal, and nothing else: each character's first position."""
    both = a + b
    first = [both.index(char) for char in both]
    return first[: len(a)], first[len(a) :]


@settings(max_examples=200)
@given(st.lists(st.lists(st.sampled_from(["a", "b", " ", "c", "é", "-"]), max_size=8), max_size=6))
def test_kept_characters_tell_the_same_tokens_apart_as_a_fresh_code(
    sides: list[list[str]],
) -> None:
    """From call to call the characters differ from a fresh code's, but the same tokens
    are equal and different ones different, all in the first private-use area."""
    from resdiff.tokencodec import encode_kept

    for old, new in itertools.pairwise(sides):
        kept, fresh = encode_kept(old, new), fresh_code(old, new)
        assert _pattern(*kept) == _pattern(*fresh)
        assert all(0xE000 <= ord(c) < 0xE000 + 0x1900 for c in "".join(kept))


def test_kept_characters_start_afresh_before_leaving_the_first_private_use_area() -> None:
    from resdiff.tokencodec import _KEPT, KEPT_TOKENS, encode_kept

    _KEPT.chars = {}  # what earlier tests of this thread left
    many = [f"t{k}" for k in range(KEPT_TOKENS - 10)]
    encode_kept(many, [])
    old, new = [f"u{k}" for k in range(20)], ["u0", "v"]
    a, b = encode_kept(old, new)
    assert (a, b) == fresh_code(old, new)  # dropped, then a fresh code for this pair
    assert encode_kept(["x"], ["y"]) == ("\ue000", "\ue001")  # and kept from there on
