"""Snapshots: the corpus as of a conference, and pair diffs through the blob-keyed cache."""

from __future__ import annotations

import pytest
from corpus_support import OTHER_2018, shared_loaded

from resdiff.corpus import Corpus
from resdiff.errors import RefError

pytestmark = pytest.mark.usefixtures("shared_data")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """One corpus with Res 179 in two revisions and four other PP-18 texts (read-only use)."""
    return shared_loaded(tmp_path_factory)


def test_tree_as_of_a_conference(loaded: Corpus) -> None:
    assert sorted(loaded.tree("guadalajara-2010")) == ["itu-pp/res-179.txt"]
    tree = loaded.tree("dubai-2018")
    assert sorted(tree) == sorted(f"itu-pp/{n}.txt" for n in ("res-179", *OTHER_2018))
    assert tree["itu-pp/res-179.txt"].startswith("RESOLUTION 179 (REV. DUBAI, 2018)")
    with pytest.raises(RefError, match="known revisions: guadalajara-2010, dubai-2018"):
        loaded.tree("busan-2014")


def test_pair_diffs_are_cached_by_blob_ids(loaded: Corpus) -> None:
    rid = loaded.resolve_id("res-179")
    fresh = Corpus(loaded.path)
    fresh.log(rid)
    cached = Corpus(loaded.path)  # a new process would start like this: empty memory
    cached.log(rid)
    assert cached.cache.hits == 1
    assert cached.cache.misses == 0
    a, b = loaded.revisions(rid)
    assert cached.snapshots.pair_diff(a, b).summary == fresh.snapshots.pair_diff(a, b).summary
    assert list((loaded.store.repo.common_dir / "resdiff-cache" / "diffs").rglob("*.json"))
