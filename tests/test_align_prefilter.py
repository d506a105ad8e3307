"""prefilter: every pair that can reach the threshold is kept, so alignment is unchanged."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT, SHARED_DATA
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

import resdiff
from resdiff.align import align_resolutions, similar
from resdiff.align.prefilter import candidates, required_overlap

sys.path.insert(0, str(ROOT / "scripts"))
from output_manifest import real_pairs

PAIRS = real_pairs(SHARED_DATA) if (SHARED_DATA / "itu-pp").is_dir() else []

#: Token codes over a small alphabet, so that generated codes often score near the threshold.
codes = st.lists(st.text(alphabet="abcdefgh", min_size=1, max_size=30), min_size=1, max_size=12)


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
    """The point of the filter: a code sharing no rare token with another is not scored."""
    olds = ["abcdefgh", "ijklmnop"]
    news = ["abcdefgx", "qrstuvwx", "ijklmnoy"]
    assert candidates(olds, news, 0.65) == [[0], [2]]


def test_the_required_overlap_follows_from_the_indel_ratio() -> None:
    # 20 tokens at 0.65: 2·LCS ≥ 0.65·(20 + LCS) ⇒ LCS ≥ 9.63 ⇒ 10 shared tokens
    assert required_overlap(20, 0.65) == 10
    assert required_overlap(20, 1.0) == 20
    assert required_overlap(1, 0.1) == 1


@pytest.mark.parametrize(("old", "new"), [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_real_pairs_align_the_same_with_and_without_the_filter(
    old: Path, new: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Consecutive PP-18 resolutions are different texts: most clauses are left to the
    similar pass, which the filter then prunes (forced on for every group here)."""
    a = resdiff.parse(old.read_text("utf-8"), old.name)
    b = resdiff.parse(new.read_text("utf-8"), new.name)
    monkeypatch.setattr(similar, "PREFILTER_FROM", 10**12)
    everything = align_resolutions(a, b)
    monkeypatch.setattr(similar, "PREFILTER_FROM", 0)
    assert align_resolutions(a, b) == everything


@pytest.mark.usefixtures("shared_data")
def test_the_real_pairs_are_all_there() -> None:
    assert len(PAIRS) >= 60
