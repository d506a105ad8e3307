"""The git layer against a real repository: no rev reaches git as an option, and a
fast-import stream git rejects is reported, not half-applied."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_support import configure, git

from resdiff.corpus.repo import GitRepo
from resdiff.errors import CorpusError, RefError


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    git(tmp_path, "init", "-q", "-b", "main")
    configure(tmp_path)
    (tmp_path / "a.txt").write_text("a\n", encoding="utf-8")
    git(tmp_path, "add", "a.txt")
    git(tmp_path, "commit", "-q", "-m", "first")
    return GitRepo(tmp_path)


@pytest.mark.parametrize("rev", ["--output=/tmp/owned", "-p", "--upload-pack=touch x"])
def test_a_rev_that_reads_as_an_option_never_reaches_git(repo: GitRepo, rev: str) -> None:
    calls = [
        lambda: repo.resolve(rev),
        lambda: repo.blob_at(rev, "a.txt"),
        lambda: repo.ls_tree(rev, ""),
        lambda: repo.file_log(rev, ""),
        lambda: repo.commits_between(rev, "HEAD"),
        lambda: repo.merge_base("HEAD", rev),
        lambda: repo.subject(rev),
    ]
    for call in calls:
        with pytest.raises(RefError, match="cannot start with '-'"):
            call()
    assert not Path("/tmp/owned").exists()


def test_reads_name_commits_and_files(repo: GitRepo) -> None:
    head = repo.head()
    assert head is not None
    assert repo.resolve("main") == head
    assert repo.subject(head) == "first"
    assert [path for path, _blob in repo.ls_tree(head, "")] == ["a.txt"]
    blob = repo.blob_at(head, "a.txt")
    assert blob is not None
    assert repo.read_blob(blob) == b"a\n"
    assert repo.blob_at(head, "missing.txt") is None
    assert repo.resolve("no-such-branch") is None


def test_a_stream_git_rejects_moves_no_ref(repo: GitRepo) -> None:
    head = repo.head()
    with pytest.raises(CorpusError, match=r"git fast-import failed: .*not-a-command"):
        repo.fast_import([b"not-a-command\n", b"done\n"])
    assert repo.head() == head
    assert git(repo.root, "status", "--porcelain=v1") == ""
