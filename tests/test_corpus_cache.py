"""The pair-diff cache: JSON round trip, disk reuse across objects, damaged entries."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RES_179_2018, SEED_PAGE

import resdiff
from resdiff.changes import Diff
from resdiff.corpus.cache import DiffCache, code_fingerprint

pytestmark = pytest.mark.usefixtures("shared_data")


@pytest.fixture(scope="module")
def real_diff() -> Diff:
    if not SEED_PAGE.is_file():
        pytest.skip("real texts not found")
    return resdiff.diff(
        resdiff.parse(SEED_PAGE.read_text(encoding="utf-8")),
        resdiff.parse(RES_179_2018.read_text(encoding="utf-8")),
    )


def test_json_round_trip_keeps_every_change(real_diff: Diff) -> None:
    back = Diff.from_json(real_diff.to_json(show_all=True))
    assert back.to_json(show_all=True) == real_diff.to_json(show_all=True)
    assert back.summary == real_diff.summary
    assert [c.words for c in back.changes] == [c.words for c in real_diff.changes]


def test_disk_cache_is_reused_and_damage_is_recomputed(real_diff: Diff, tmp_path: Path) -> None:
    calls: list[int] = []

    def compute() -> Diff:
        calls.append(1)
        return real_diff

    first = DiffCache(tmp_path)
    first.get_or_compute("a" * 40, "b" * 40, compute)
    first.get_or_compute("a" * 40, "b" * 40, compute)  # memory
    second = DiffCache(tmp_path)  # a new process: disk
    assert second.get_or_compute("a" * 40, "b" * 40, compute).summary == real_diff.summary
    assert len(calls) == 1 and (second.hits, second.misses) == (1, 0)
    (entry,) = tmp_path.rglob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    third = DiffCache(tmp_path)
    assert third.get_or_compute("a" * 40, "b" * 40, compute).summary == real_diff.summary
    assert len(calls) == 2 and third.misses == 1


def test_the_key_depends_on_both_blobs_their_order_and_the_code() -> None:
    cache = DiffCache(None)
    keys = {
        cache.key("a" * 40, "b" * 40),
        cache.key("b" * 40, "a" * 40),
        cache.key("a" * 40, "c" * 40),
    }
    assert len(keys) == 3
    assert len(code_fingerprint()) == 16
