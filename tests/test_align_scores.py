"""scores: similarity tokens and the token-level scores on their codes."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.align.scores import similarity, similarity_tokens
from resdiff.normalize import normalize


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)), st.sampled_from(["", "é", "ß"]))
def test_ascii_and_unicode_texts_give_tokens_by_one_rule(text: str, extra: str) -> None:
    """ASCII text takes a faster pattern; the tokens are those of the Unicode rule on
    the normalised, case-folded text: words of letters and digits, other visible
    characters one by one ("_" too), never white space."""
    text += extra
    expected = re.findall(r"[^\W_]+|\S", normalize(text, fold_case=True))
    assert similarity_tokens(text) == expected


def test_tokens_are_case_folded_words_and_marks() -> None:
    assert similarity_tokens("Member States_ ITU-T; 2018") == [
        "member", "states", "_", "itu", "t", ";", "2018",
    ]  # fmt: skip
    assert similarity("to promote ITU", "To promote ITU") == 1.0
