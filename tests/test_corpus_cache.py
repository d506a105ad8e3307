"""The pair-diff cache: JSON round trip, disk reuse across objects, damaged entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdiff.changes import Diff
from resdiff.corpus.cache import DiffCache, code_fingerprint

pytestmark = pytest.mark.usefixtures("shared_data")


def test_json_round_trip_keeps_every_change(res179_changes: Diff) -> None:
    back = Diff.from_json(res179_changes.to_json(show_all=True))
    assert back.to_json(show_all=True) == res179_changes.to_json(show_all=True)
    assert back.summary == res179_changes.summary
    assert [c.words for c in back.changes] == [c.words for c in res179_changes.changes]


def test_disk_cache_is_reused_and_damage_is_recomputed(
    res179_changes: Diff, tmp_path: Path
) -> None:
    calls: list[int] = []

    def compute() -> Diff:
        calls.append(1)
        return res179_changes

    first = DiffCache(tmp_path)
    first.get_or_compute("a" * 40, "b" * 40, compute)
    first.get_or_compute("a" * 40, "b" * 40, compute)  # memory
    second = DiffCache(tmp_path)  # a new process: disk
    assert second.get_or_compute("a" * 40, "b" * 40, compute).summary == res179_changes.summary
    assert len(calls) == 1
    assert (second.hits, second.misses) == (1, 0)
    (entry,) = tmp_path.rglob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    third = DiffCache(tmp_path)
    assert third.get_or_compute("a" * 40, "b" * 40, compute).summary == res179_changes.summary
    assert len(calls) == 2
    assert third.misses == 1


def test_the_key_depends_on_both_blobs_their_order_and_the_code() -> None:
    cache = DiffCache(None)
    keys = {
        cache.key("a" * 40, "b" * 40),
        cache.key("b" * 40, "a" * 40),
        cache.key("a" * 40, "c" * 40),
    }
    assert len(keys) == 3
    assert len(code_fingerprint()) == 16
