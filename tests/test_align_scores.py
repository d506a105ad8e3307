"""scores: similarity tokens and the token-level scores on their codes."""

from __future__ import annotations

import re
import threading

import pytest
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


def test_comparisons_share_codes_until_the_bounds_then_start_afresh(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A text met again keeps its code (one codec for the process's comparisons); past
    the bounds a new comparison starts a new codec, and the one already running keeps
    its own, so that its codes stay comparable."""
    from resdiff.align import scores

    monkeypatch.setattr(scores, "_SHARED", threading.local())
    first, second = scores.ClauseEncoder(), scores.ClauseEncoder()
    code = first.encode("to promote ITU")
    assert second.encode("to promote ITU") is code
    assert second.encode("To promote ITU!") == code + second.encode("!")
    monkeypatch.setattr(scores, "MAX_SHARED_TEXTS", 2)  # 3 texts now: past the bound
    third = scores.ClauseEncoder()
    assert third.encode("ITU to promote") == "\ue000\ue001\ue002"  # a fresh codec
    assert first.encode("ITU to promote") == "\ue002\ue000\ue001"  # still its own

    monkeypatch.setattr(scores, "MAX_SHARED_TEXTS", 20_000)
    long_text = "ITU " * 1_000  # one long clause (a PDF conversion's annex on one line)
    monkeypatch.setattr(scores, "MAX_SHARED_CHARS", len(long_text))
    fourth = scores.ClauseEncoder()
    assert fourth.encode("to promote") == "\ue001\ue002"  # within the bounds: shared
    fourth.encode(long_text)
    fifth = scores.ClauseEncoder()  # the codes now hold more characters than the bound
    assert fifth.encode("to promote") == "\ue000\ue001"  # a fresh codec


def test_each_thread_has_its_own_shared_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two comparisons running at once in two threads never share a codec (one could
    hand the character the other just gave a token to another token)."""
    from resdiff.align import scores

    monkeypatch.setattr(scores, "_SHARED", threading.local())
    here = scores.ClauseEncoder()
    here.encode("zebra crossing")
    there: list[str] = []
    thread = threading.Thread(target=lambda: there.append(scores.ClauseEncoder().encode("x")))
    thread.start()
    thread.join()
    assert there == ["\ue000"]  # a codec of its own, whatever this thread's holds
    assert here.encode("x") == "\ue002"  # after zebra, crossing
