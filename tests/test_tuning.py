"""tuning: the collector pause restores the collector's state; the memo stays bounded."""

from __future__ import annotations

import gc

from resdiff.tuning import BoundedMemo, collector_paused


def test_the_collector_is_paused_in_the_block_and_restored_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # only the outermost pause turns it back on
    assert gc.isenabled()


def test_a_paused_collector_stays_paused() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_memo_computes_once_per_key_and_drops_all_at_its_bound() -> None:
    computed: list[str] = []
    memo: BoundedMemo[str, int] = BoundedMemo(10, len)

    def length(key: str) -> int:
        found = memo.get(key)
        if found is None:
            computed.append(key)
            found = memo.put(key, len(key))
        return found

    assert length("abcd") == 4
    assert length("abcd") == 4
    assert computed == ["abcd"]
    assert length("efghij") == 6  # 4 + 6 = 10: still within the bound
    assert length("k") == 1  # 11 > 10: everything held before is dropped
    assert length("abcd") == 4
    assert computed == ["abcd", "efghij", "k", "abcd"]
