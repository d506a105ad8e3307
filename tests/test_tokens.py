"""The token lists kept per text: the same tokens as cutting the text afresh, by either
route (an ASCII text's similarity tokens are read off its word tokens)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import real_files, real_text
from hypothesis import given
from hypothesis import strategies as st

from resdiff.parsing import parse_text
from resdiff.tokens import (
    CACHED_LONGEST,
    cached_similarity_tokens,
    cached_word_tokens,
    similarity_tokens,
    word_tokens,
)

#: ASCII texts rich in what normalising treats specially: case, every kind of white
#: space (\x1c-\x1f count as white space), hyphens between words or not, the grave accent.
_ASCII = st.text(alphabet=st.sampled_from(list("aZ09_-- \t\n\x0b\x1c\x1f`'.;,:()")), max_size=40)


@given(_ASCII)
def test_ascii_similarity_tokens_read_off_word_tokens_are_the_normalised_ones(text: str) -> None:
    assert cached_similarity_tokens(text) == tuple(similarity_tokens(text))
    assert cached_word_tokens(text) == tuple(word_tokens(text))


@given(st.text(max_size=40))
def test_any_text_gets_the_same_tokens_kept_or_not(text: str) -> None:
    assert cached_similarity_tokens(text) == tuple(similarity_tokens(text))
    assert cached_word_tokens(text) == tuple(word_tokens(text))
    assert "".join(cached_word_tokens(text)) == text


def test_hyphens_between_words_are_left_out_of_similarity_tokens_only() -> None:
    text = "ITU-T and ITU - T, non- discriminatory; a--b, x -(y)"
    assert cached_similarity_tokens(text) == (
        "itu", "t", "and", "itu", "t", ",", "non", "discriminatory", ";",
        "a", "-", "-", "b", ",", "x", "-", "(", "y", ")",
    )  # fmt: skip
    assert "".join(cached_word_tokens(text)) == text


def test_a_text_too_long_to_keep_is_cut_the_same() -> None:
    text = "Member States - ITU-T, " * (CACHED_LONGEST // 10)
    assert len(text) > CACHED_LONGEST
    assert cached_word_tokens(text) == tuple(word_tokens(text))
    assert cached_similarity_tokens(text) == tuple(similarity_tokens(text))


@pytest.mark.parametrize("path", real_files(), ids=lambda p: p.name)
def test_every_real_clause_gets_the_same_tokens_kept(path: Path) -> None:
    resolution = parse_text(real_text(path), source=str(path))
    texts = [clause.text for clause in resolution.clauses()]
    assert texts
    for text in texts:
        assert cached_similarity_tokens(text) == tuple(similarity_tokens(text)), text
        assert cached_word_tokens(text) == tuple(word_tokens(text)), text
        assert cached_word_tokens(text) == tuple(re.findall(r"[^\W_]+|\s+|.", text, re.DOTALL))
