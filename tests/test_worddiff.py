"""worddiff: word-level ops that rebuild both texts exactly and never split a word."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import RES_179_2018, SEED_PAGE
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.worddiff import KEPT_CUTS, diff_words, full_diff, is_editorial, tokenize


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


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)), st.sampled_from(["", "é"]))
def test_ascii_and_unicode_texts_are_cut_by_one_rule(text: str, accent: str) -> None:
    """ASCII text takes a faster pattern; the tokens are those of the Unicode rule (a
    letter or digit is any Unicode one, "_" and control separators included as they are)."""
    import re

    text += accent
    assert tokenize(text) == re.findall(r"[^\W_]+|\s+|.", text, re.DOTALL)


def test_amendment_is_reported_word_by_word() -> None:
    old = "that parents, guardians and educators are not always aware of activities;"
    new = "that parents, guardians, educators and communities are not always aware of activities;"
    ops = diff_words(old, new)
    assert ops[0] == ("=", "that parents, guardians")
    inserted = "".join(t for op, t in ops if op == "+")
    deleted = "".join(t for op, t in ops if op == "-")
    assert "communities" in inserted
    assert "communities" not in deleted
    assert "guardians" not in inserted + deleted
    assert old_of(ops) == old
    assert new_of(ops) == new
    assert ops[-1] == ("=", " are not always aware of activities;")


def test_a_changed_word_is_replaced_whole_never_split() -> None:
    ops = diff_words("the study group", "the study groups")
    assert ops == (("=", "the study "), ("-", "group"), ("+", "groups"))


def test_deletion_comes_before_insertion() -> None:
    ops = diff_words("to maintain WG-COP", "to continue the work of CWG-COP")
    kinds = [op for op, _ in ops]
    for k in range(len(kinds) - 1):
        assert (kinds[k], kinds[k + 1]) != ("+", "-")


def test_any_script_comes_out_merged_deletion_first() -> None:
    """Whatever order the edit script holds its ops in (interleaved deletions and
    insertions, equalities back to back, empty ops), the ops come out in the contract's
    form: one deletion then one insertion between equalities, nothing empty."""
    from unittest import mock

    script = [("=", 2), ("+", 1), ("-", 1), ("=", 0), ("=", 1), ("=", 3), ("-", 0)]
    with mock.patch("resdiff.worddiff.fast_diff", return_value=script):
        ops = diff_words("a b c d", "a X c d")  # tokens: a, " ", b, " ", c, " ", d
    assert ops == (("=", "a "), ("-", "b"), ("+", "X"), ("=", " c d"))


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


def test_long_very_different_paragraphs_are_diffed_exactly() -> None:
    """(How fast: benchmarks/bench_bounds.py (e); diff-match-patch's bisection alone
    takes about 10 s.)"""
    old = " ".join(f"word{k} of the old text," for k in range(700))
    new = " ".join(f"term{k} in the new text;" for k in range(700))
    ops = diff_words(old, new)
    assert old_of(ops) == old
    assert new_of(ops) == new
    assert any(op == "=" for op, _ in ops)
    assert any(op == "+" for op, _ in ops)


@settings(max_examples=100, deadline=None)  # the first example imports diff-match-patch
@given(st.text(max_size=200), st.text(max_size=200))
def test_the_long_paragraph_path_rebuilds_both_texts_too(old: str, new: str) -> None:
    from unittest import mock

    with mock.patch("resdiff.worddiff.MAX_BISECT", 0):
        ops = diff_words(old, new)
    assert old_of(ops) == old
    assert new_of(ops) == new
    assert all(ops[k][0] != ops[k + 1][0] for k in range(len(ops) - 1))


# ------------------------------------------------ the C++ diff-match-patch vs the Python one
def _python_dmp(a: str, b: str, **options: object) -> list[tuple[str, int]]:
    """The reference: the Python diff-match-patch, run as worddiff runs the C++ build
    (no time limit, no line mode, semantic cleanup), with the C++ build's op letters and
    each op's length (worddiff asks the C++ build for lengths: each op's text follows
    from them, cut out of the two strings in order)."""
    from diff_match_patch import diff_match_patch

    assert options == {
        "timelimit": 0,
        "checklines": False,
        "cleanup": "Semantic",
        "counts_only": True,
    }
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return [({0: "=", -1: "-", 1: "+"}[code], len(chars)) for code, chars in diffs]


class _Compared:
    """Stands in for worddiff's C++ diff call: runs both builds on the same encoded
    strings and keeps every pair whose ops differ."""

    def __init__(self) -> None:
        import resdiff.worddiff

        self.fast = resdiff.worddiff.fast_diff
        self.calls = 0
        self.differing: list[tuple[str, str]] = []

    def __call__(self, a: str, b: str, **options: object) -> list[tuple[str, int]]:
        fast = [(op, count) for op, count in self.fast(a, b, **options)]
        self.calls += 1
        if fast != _python_dmp(a, b, **options):
            self.differing.append((a, b))
        return fast


def test_the_cpp_diff_gives_the_python_ops_on_every_real_pair(shared_data: Path) -> None:
    from unittest import mock

    import resdiff

    pp18 = sorted((shared_data / "itu-pp" / "2018-dubai").glob("*.txt"))
    pairs = [(SEED_PAGE, RES_179_2018), *itertools.pairwise(pp18)]
    pairs += [
        (shared_data / "itu-pp" / "2018-dubai" / un.name.replace(".un-layout", ""), un)
        for un in sorted((shared_data / "un-layout").glob("*.un-layout.txt"))
    ]
    compared = _Compared()
    with mock.patch("resdiff.worddiff.fast_diff", compared):
        for old, new in pairs:
            resdiff.diff(
                resdiff.parse(old.read_text(encoding="utf-8")),
                resdiff.parse(new.read_text(encoding="utf-8")),
            )
    assert compared.calls > 300  # every amended clause of every pair went through it
    assert compared.differing == []


words = st.sampled_from(["the", "ITU", "Member", "States", "of", "and", "digital", "1", "a)"])
separators = st.sampled_from([" ", " ", ", ", "; ", "\n", "-", "  ", "é"])
clauses = st.lists(st.tuples(words, separators), max_size=40).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@settings(max_examples=150, deadline=None)
@given(clauses, clauses)
def test_the_cpp_diff_gives_the_python_ops_on_generated_clauses(old: str, new: str) -> None:
    from unittest import mock

    compared = _Compared()
    with mock.patch("resdiff.worddiff.fast_diff", compared):
        ops = diff_words(old, new)
    assert compared.differing == []
    assert old_of(ops) == old
    assert new_of(ops) == new


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120), st.text(max_size=120))
def test_the_cpp_diff_gives_the_python_ops_on_any_text(old: str, new: str) -> None:
    from unittest import mock

    compared = _Compared()
    with mock.patch("resdiff.worddiff.fast_diff", compared):
        diff_words(old, new)
    assert compared.differing == []


# ------------------------------------------------ only the differing middle, kept characters
def _every_token(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """The reference: both whole texts cut into tokens, encoded afresh, diffed by the C++
    diff-match-patch and cut back out (what diff_words did before it left the common
    beginning and end out and kept characters from pair to pair)."""
    from resdiff.tokencodec import TokenCodec
    from resdiff.worddiff import MAX_BISECT, _lcs_cleaned, _ops, fast_diff

    old_tokens, new_tokens = tokenize(old), tokenize(new)
    codec = TokenCodec()
    a, b = codec.encode(old_tokens), codec.encode(new_tokens)
    if len(a) * len(b) > MAX_BISECT:
        script = [(op, len(chars)) for op, chars in _lcs_cleaned(a, b)]
    else:
        script = fast_diff(
            a, b, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True
        )
    return _ops(old, new, old_tokens, new_tokens, script)


#: Few distinct tokens, so that common text repeats what an edit holds (the cleanup then
#: slides edits along it, towards the cut) and whitespace runs meet at the cut.
_few = st.lists(st.sampled_from(["a", "b", "ab", " ", "  ", "-", ";", "é", "\n"]), max_size=60)


@settings(max_examples=400, deadline=None)
@given(_few, _few, _few, _few, st.integers(1, 4), st.integers(1, 8))
def test_leaving_the_common_ends_out_gives_the_ops_of_every_token(
    prefix: list[str],
    old_middle: list[str],
    new_middle: list[str],
    suffix: list[str],
    head_times: int,
    tail_times: int,
) -> None:
    """Also past :data:`MAX_BISECT` characters (up to ~1,000 a side), where the tokens
    left out are counted to tell which way the whole pair would be diffed."""
    head, tail = "".join(prefix) * head_times, "".join(suffix) * tail_times
    old, new = head + "".join(old_middle) + tail, head + "".join(new_middle) + tail
    if old != new:
        assert diff_words(old, new) == _every_token(old, new)


def test_leaving_the_common_ends_out_gives_the_ops_of_every_token_on_every_real_pair(
    shared_data: Path,
) -> None:
    from unittest import mock

    import resdiff
    import resdiff.differ

    pp18 = sorted((shared_data / "itu-pp" / "2018-dubai").glob("*.txt"))
    pairs = [(SEED_PAGE, RES_179_2018), *itertools.pairwise(pp18)]
    checked: list[tuple[str, str]] = []

    def checking(old: str, new: str) -> tuple[tuple[str, str], ...]:
        ops = diff_words(old, new)
        if old != new:
            assert ops == _every_token(old, new), (old, new)
            checked.append((old, new))
        return ops

    with mock.patch.object(resdiff.differ, "diff_words", checking):
        for old, new in pairs:
            resdiff.diff(
                resdiff.parse(old.read_text(encoding="utf-8")),
                resdiff.parse(new.read_text(encoding="utf-8")),
            )
    assert len(checked) > 150


def test_one_changed_word_in_a_long_clause_cuts_only_the_words_around_it() -> None:
    from unittest import mock

    import resdiff.worddiff

    words = [f"word{k}" for k in range(200)]
    old = " ".join(words)
    new = " ".join([*words[:100], "changed", *words[101:]])
    cut: list[str] = []

    def recording(text: str) -> list[str]:
        cut.append(text)
        return tokenize(text)

    with mock.patch.object(resdiff.worddiff, "tokenize", recording):
        ops = diff_words(old, new)
    assert ops == (
        ("=", " ".join(words[:100]) + " "),
        ("-", "word100"),
        ("+", "changed"),
        ("=", " " + " ".join(words[101:])),
    )
    assert sum(map(len, cut)) < 60  # of 1,789 characters a side


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_tokens_of_ascii_text_are_counted_without_cutting(text: str) -> None:
    from resdiff.worddiff import count_tokens

    assert count_tokens(text) == len(tokenize(text))


def test_kept_token_cuts_stay_within_their_size_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts diffed whole are kept with their tokens up to a total size, not a count:
    long clauses (a PDF conversion's annex on one line) never pile up past it, and a
    text kept or dropped diffs alike."""
    text = "the Council shall review the implementation of this resolution " * 40
    monkeypatch.setattr(KEPT_CUTS, "limit", 3 * len(text))
    KEPT_CUTS.clear()
    for k in range(6):
        old, new = f"{k} {text}", f"{k} {text.upper()}"
        first = full_diff(old, new)
        assert full_diff(old, new) == first  # computed, then kept
        assert "".join(t for op, t in first if op != "+") == old
        assert sum(map(len, KEPT_CUTS._results)) <= 3 * len(text)
