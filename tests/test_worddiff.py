"""worddiff: word-level ops that rebuild both texts exactly and never split a word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.worddiff import diff_words, is_editorial, tokenize


def old_of(ops: tuple[tuple[str, str], ...]) -> str:
    return "".join(t for op, t in ops if op != "+")


def new_of(ops: tuple[tuple[str, str], ...]) -> str:
    return "".join(t for op, t in ops if op != "-")


def test_tokens_are_words_spaces_and_single_punctuation() -> None:
    assert tokenize("ITU-T's E.164 (11/2009);  ok") == [
        "ITU",
        "-",
        "T",
        "'",
        "s",
        " ",
        "E",
        ".",
        "164",
        " ",
        "(",
        "11",
        "/",
        "2009",
        ")",
        ";",
        "  ",
        "ok",
    ]


def test_amendment_is_reported_word_by_word() -> None:
    old = "that parents, guardians and educators are not always aware of activities;"
    new = "that parents, guardians, educators and communities are not always aware of activities;"
    ops = diff_words(old, new)
    assert ops[0] == ("=", "that parents, guardians")
    inserted = "".join(t for op, t in ops if op == "+")
    deleted = "".join(t for op, t in ops if op == "-")
    assert "communities" in inserted and "communities" not in deleted
    assert "guardians" not in inserted + deleted
    assert old_of(ops) == old and new_of(ops) == new
    assert ops[-1] == ("=", " are not always aware of activities;")


def test_a_changed_word_is_replaced_whole_never_split() -> None:
    ops = diff_words("the study group", "the study groups")
    assert ops == (("=", "the study "), ("-", "group"), ("+", "groups"))


def test_deletion_comes_before_insertion() -> None:
    ops = diff_words("to maintain WG-COP", "to continue the work of CWG-COP")
    kinds = [op for op, _ in ops]
    for k in range(len(kinds) - 1):
        assert (kinds[k], kinds[k + 1]) != ("+", "-")


def test_identical_and_empty_texts() -> None:
    assert diff_words("same text", "same text") == (("=", "same text"),)
    assert diff_words("", "") == ()
    assert diff_words("", "new") == (("+", "new"),)
    assert diff_words("old", "") == (("-", "old"),)


def test_semantic_cleanup_merges_scattered_one_word_equalities() -> None:
    ops = diff_words(
        "the discussions and observations made at the meetings of the Working Group;",
        "the discussions and online consultations conducted by CWG-COP, and other activities;",
    )
    assert old_of(ops).startswith("the discussions and ")
    # no lone "the" or "of" kept as an equality between two edits
    assert all(not (op == "=" and text.strip() in {"the", "of", "at"}) for op, text in ops)


def test_output_is_deterministic() -> None:
    a, b = "to deploy greater efforts to ascertain", "to continue identifying those activities"
    assert diff_words(a, b) == diff_words(a, b)


def test_is_editorial_reexported_from_normalize() -> None:
    assert is_editorial("ITU’s", "ITU's")
    assert not is_editorial("ITU’s", "ITU")


_words = st.lists(
    st.sampled_from(
        ["the", "ITU", "Council", "children", "online", "of", "-", ",", ";", "1306", "é"]
    ),
    max_size=30,
)


@settings(max_examples=100)
@given(st.text(max_size=200), st.text(max_size=200))
def test_ops_rebuild_both_texts_exactly(old: str, new: str) -> None:
    ops = diff_words(old, new)
    assert old_of(ops) == old
    assert new_of(ops) == new
    assert all(text for _, text in ops)
    assert all(ops[k][0] != ops[k + 1][0] for k in range(len(ops) - 1))


@settings(max_examples=100)
@given(_words, _words)
def test_words_are_never_split(old_words: list[str], new_words: list[str]) -> None:
    old, new = " ".join(old_words), " ".join(new_words)
    ops = diff_words(old, new)
    for text in (old, new):
        # every op boundary falls on a token boundary of the text it belongs to
        tokens = tokenize(text)
        bounds = {0}
        for t in tokens:
            bounds.add(max(bounds) + len(t))
        pos = 0
        for op, piece in ops:
            if (text is old and op == "+") or (text is new and op == "-"):
                continue
            pos += len(piece)
            assert pos in bounds


def test_long_very_different_paragraphs_are_diffed_quickly_and_exactly() -> None:
    import time

    old = " ".join(f"word{k} of the old text," for k in range(700))
    new = " ".join(f"term{k} in the new text;" for k in range(700))
    start = time.perf_counter()
    ops = diff_words(old, new)
    assert time.perf_counter() - start < 3.0  # diff-match-patch's bisection alone: ~10 s
    assert old_of(ops) == old and new_of(ops) == new
    assert any(op == "=" for op, _ in ops) and any(op == "+" for op, _ in ops)


@settings(max_examples=100)
@given(st.text(max_size=200), st.text(max_size=200))
def test_the_long_paragraph_path_rebuilds_both_texts_too(old: str, new: str) -> None:
    from unittest import mock

    with mock.patch("resdiff.worddiff.MAX_BISECT", 0):
        ops = diff_words(old, new)
    assert old_of(ops) == old
    assert new_of(ops) == new
    assert all(ops[k][0] != ops[k + 1][0] for k in range(len(ops) - 1))
