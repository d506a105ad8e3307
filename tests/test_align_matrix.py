"""matrix: every pair that can reach the threshold is kept, so alignment is unchanged."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT, SHARED_DATA
from differ_cases import build, numbers
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

import resdiff
from resdiff.align import align_resolutions, matrix, similar
from resdiff.align.matrix import CLASSES, candidates, folded_codes

sys.path.insert(0, str(ROOT / "scripts"))
from output_manifest import real_pairs

PAIRS = real_pairs(SHARED_DATA) if (SHARED_DATA / "itu-pp").is_dir() else []

#: Token codes over a small alphabet, so that generated codes often score near the threshold;
#: some longer than 64 tokens (rapidfuzz's multi-word bit vectors), some private-use
#: characters, as the aligner's codes are, and some that fold into the class of another
#: ("a" and "Š" are 255 apart).
codes = st.lists(
    st.text(alphabet="abcdefgh\u0160\ue000\ue001\U000f0000", min_size=1, max_size=90),
    min_size=1,
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(olds=codes, news=codes, threshold=st.sampled_from([0.3, 0.5, 0.65, 0.8, 0.95, 1.0]))
def test_every_pair_scoring_at_the_threshold_is_a_candidate(
    olds: list[str], news: list[str], threshold: float
) -> None:
    found = candidates(olds, news, threshold)
    for old, kept in zip(olds, found, strict=True):
        reach = [k for k, new in enumerate(news) if fuzz.ratio(old, new) >= threshold * 100.0]
        assert set(reach) <= set(kept), (old, [news[k] for k in reach])
        assert kept == sorted(kept)


def test_unrelated_codes_are_not_candidates() -> None:
    """The point of the matrix: a code far from another is not scored."""
    olds = ["abcdefgh", "ijklmnop"]
    news = ["abcdefgx", "qrstuvwx", "ijklmnoy"]
    assert candidates(olds, news, 0.65) == [[0], [2]]


def test_a_group_larger_than_one_matrix_is_computed_in_slices(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    olds = ["abcdefgh", "ijklmnop", "abcdefgz", "qrstuvwy"]
    news = ["abcdefgx", "qrstuvwx", "ijklmnoy"]
    whole = candidates(olds, news, 0.65)
    monkeypatch.setattr(matrix, "MAX_CELLS", 4)  # one row at a time
    assert candidates(olds, news, 0.65) == whole == [[0], [2], [0], [1]]


def test_folding_maps_each_character_to_one_of_255_one_byte_classes() -> None:
    codes = ["\ue000\ue001a", "", "\U000f0000" + chr(ord("a") + CLASSES)]
    folded = folded_codes(codes)
    assert [len(c) for c in folded] == [3, 0, 2]
    assert all(1 <= ord(c) <= CLASSES for c in "".join(folded))
    assert folded[0][2] == folded[2][1]  # "a" and "Š": one class
    assert folded[0][0] != folded[0][1]


def test_pairs_that_only_folding_brings_together_are_not_paired() -> None:
    """Two codes whose tokens all fold into the same classes, but are all different:
    the matrix lets the pair through, the exact score (0) does not pair it."""
    old = "abcdefgh"
    new = "".join(chr(ord(c) + CLASSES) for c in old)
    assert candidates([old], [new], 0.65) == [[0]]
    assert fuzz.ratio(old, new) == 0


#: Clause texts over eight words, so that many old × new pairs score near the threshold.
_clause_texts = st.lists(
    st.sampled_from(["to", "promote", "the", "ITU", "Member", "States", "regional", ";"]),
    min_size=2,
    max_size=14,
).map(" ".join)
_sections = st.lists(st.lists(_clause_texts, min_size=1, max_size=10), min_size=1, max_size=3)


@settings(max_examples=60, deadline=None)
@given(old=_sections, new=_sections, threshold=st.sampled_from([0.5, 0.65, 0.8]))
def test_generated_resolutions_align_the_same_with_and_without_the_matrix(
    old: list[list[str]], new: list[list[str]], threshold: float
) -> None:
    headings = ["resolves", "instructs the Secretary-General", "invites Member States"]
    a = build([(h, numbers(t)) for h, t in zip(headings, old, strict=False)])
    b = build([(h, numbers(t)) for h, t in zip(headings, new, strict=False)])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(similar, "_matrix_pays", lambda _pairs: False)
        everything = align_resolutions(a, b, threshold=threshold)
        patch.setattr(similar, "_matrix_pays", lambda _pairs: True)
        assert align_resolutions(a, b, threshold=threshold) == everything


def test_the_matrix_waits_for_larger_groups_until_numpy_is_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A single diff from the command line does not import numpy for a group that
    scoring pair by pair handles faster than the import; once loaded, it is used."""
    monkeypatch.delitem(sys.modules, "numpy", raising=False)
    assert not similar._matrix_pays(similar.MATRIX_FROM)
    assert similar._matrix_pays(similar.MATRIX_COLD_FROM)
    monkeypatch.setitem(sys.modules, "numpy", object())
    assert similar._matrix_pays(similar.MATRIX_FROM)
    assert not similar._matrix_pays(similar.MATRIX_FROM - 1)


@pytest.mark.parametrize(("old", "new"), [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_real_pairs_align_the_same_with_and_without_the_matrix(
    old: Path, new: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Consecutive PP-18 resolutions are different texts: most clauses are left to the
    similar pass, which the matrix then prunes (forced on for every group here)."""
    a = resdiff.parse(old.read_text("utf-8"), old.name)
    b = resdiff.parse(new.read_text("utf-8"), new.name)
    monkeypatch.setattr(similar, "_matrix_pays", lambda _pairs: False)
    everything = align_resolutions(a, b)
    monkeypatch.setattr(similar, "_matrix_pays", lambda _pairs: True)
    assert align_resolutions(a, b) == everything


@pytest.mark.usefixtures("shared_data")
def test_the_real_pairs_are_all_there() -> None:
    assert len(PAIRS) >= 60
