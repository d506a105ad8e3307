"""tokencodec: one character per distinct token, shared by both sides, decoded exactly."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.tokencodec import TokenCodec, code_point, encode_pair

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


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=3), max_size=30), st.lists(st.text(max_size=3), max_size=30))
def test_encode_pair_is_what_a_fresh_codec_gives_for_both(old: list[str], new: list[str]) -> None:
    codec = TokenCodec()
    assert encode_pair(old, new) == (codec.encode(old), codec.encode(new))


def test_encoding_past_the_first_private_use_area_is_the_same_both_ways() -> None:
    """More distinct tokens than the first area holds: the codec's batch of new tokens and
    encode_pair both go on with :func:`code_point`, in order of first appearance."""
    old = [f"w{k}" for k in range(0x1900 - 5)]
    new = [f"v{k}" for k in range(20)]
    codec = TokenCodec()
    a, b = codec.encode(old), codec.encode(new)
    assert (a, b) == encode_pair(old, new)
    assert b == "".join(code_point(0x1900 - 5 + k) for k in range(20))
    assert codec.decode(b) == "".join(new)
