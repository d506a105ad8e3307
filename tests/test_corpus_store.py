"""The store: a corpus folder inside a git repository (its own, or a larger one)."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_support import add_2010, configure, git

from resdiff.corpus import Corpus, find_corpus
from resdiff.corpus.store import Store
from resdiff.errors import CorpusError

pytestmark = pytest.mark.usefixtures("shared_data")


def test_init_makes_a_repository_with_config(tmp_path: Path) -> None:
    corpus = Corpus.init(tmp_path / "c")
    assert (tmp_path / "c" / ".git").is_dir()
    assert (tmp_path / "c" / "resdiff.toml").is_file()
    assert corpus.prefix == ""
    assert find_corpus(tmp_path / "c") == (tmp_path / "c").resolve()
    with pytest.raises(CorpusError, match="already a corpus"):
        Corpus.init(tmp_path / "c")


def test_init_inside_a_repository_makes_a_folder_corpus(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    configure(tmp_path)
    corpus = Corpus.init(tmp_path / "corpus")
    assert not (tmp_path / "corpus" / ".git").exists()
    assert corpus.prefix == "corpus/"
    rev = add_2010(corpus)
    assert git(tmp_path, "ls-files").split() == ["corpus/itu-pp/res-179.txt"]
    assert corpus.revisions(rev.resolution)[0].name == "guadalajara-2010"


def test_a_folder_that_is_not_a_corpus_is_refused_with_the_way_out(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such corpus folder; create one with 'resdiff init"):
        Store(tmp_path / "missing")
    with pytest.raises(CorpusError, match=r"not a corpus \(no resdiff.toml\); run 'resdiff init"):
        Store(tmp_path)


def test_files_are_named_relative_to_the_corpus_folder(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    configure(tmp_path)
    store = Store.create(tmp_path / "corpus")
    rev = add_2010(Corpus(store.path))
    (store.path / ".drafts").mkdir()
    (store.path / ".drafts" / "res-1.txt").write_text("hidden\n", encoding="utf-8")
    (store.path / "notes.txt").write_text("not a resolution\n", encoding="utf-8")
    assert list(store.worktree_files()) == ["itu-pp/res-179.txt", "notes.txt"]
    assert [rel for rel, _blob in store.files_at(rev.commit)] == ["itu-pp/res-179.txt"]
    assert store.repo_path(rev.resolution) == "corpus/itu-pp/res-179.txt"
    assert [str(r) for r in store.resolution_ids()] == ["itu-pp/res-179"]
    assert store.cache_dir == (tmp_path / ".git" / "resdiff-cache").resolve()


def test_configure_drivers_names_resdiff_for_merges_and_diffs_once(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    store = Store.create(tmp_path / "corpus")
    attributes = store.path / ".gitattributes"
    attributes.write_text("*.pdf binary", encoding="utf-8")  # no final newline
    done = store.configure_drivers()
    assert done[0] == f"wrote {attributes}: *.txt merge=resdiff diff=resdiff"
    assert done[1:] == [
        'git config merge.resdiff.name "resdiff clause-aware merge"',
        'git config merge.resdiff.driver "resdiff merge-driver %O %A %B %P"',
        'git config diff.resdiff.command "resdiff git-diff-driver"',
    ]
    expected = "*.pdf binary\n*.txt merge=resdiff diff=resdiff\n"
    assert attributes.read_text(encoding="utf-8") == expected
    assert git(tmp_path, "config", "merge.resdiff.driver").strip() == (
        "resdiff merge-driver %O %A %B %P"
    )
    assert git(tmp_path, "config", "diff.resdiff.command").strip() == "resdiff git-diff-driver"
    assert store.configure_drivers() == done[1:]  # the attributes line is not written twice
    assert attributes.read_text(encoding="utf-8") == expected


def test_configure_drivers_says_which_git_config_failed(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    store = Store.create(tmp_path)
    (tmp_path / ".git" / "config.lock").write_text("", encoding="utf-8")  # another git holds it
    with pytest.raises(CorpusError, match=r"^git config merge\.resdiff\.name failed: .*lock"):
        store.configure_drivers()
