"""``check`` on a corpus: files, layout, trailers, and the pull-request view with --base."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RES_179_2018
from corpus_support import git, loaded_corpus, new_corpus

pytestmark = pytest.mark.usefixtures("shared_data")


def test_check_on_a_proposal_branch(tmp_path: Path) -> None:
    corpus = loaded_corpus(tmp_path / "c")
    repo = corpus.root
    git(repo, "checkout", "-q", "-b", "proposal")
    target = corpus.path / "itu-pp" / "res-179.txt"
    text = target.read_text(encoding="utf-8").replace(
        "child online safety issues", "child online safety and well-being issues"
    )
    target.write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Propose: well-being in resolves 1")
    report = corpus.check("main")
    assert report.ok
    assert [(f.relpath, f.status) for f in report.files] == [("itu-pp/res-179.txt", "modified")]
    diff = report.files[0].diff
    assert diff is not None
    changed = [c for c in diff.changes if c.kind != "unchanged"]
    assert [(c.kind, c.new[0].path) for c in changed] == [("amended", "resolves/1")]


def test_check_reports_layout_and_trailer_errors(tmp_path: Path) -> None:
    corpus = loaded_corpus(tmp_path / "c")
    repo = corpus.root
    assert corpus.check().ok
    (corpus.path / "stray.txt").write_text(RES_179_2018.read_text(encoding="utf-8"))
    (corpus.path / "itu-pp" / "res-213.txt").write_text(
        (RES_179_2018.parent / "res-213.txt").read_text(encoding="utf-8")
    )
    git(repo, "add", "itu-pp/res-213.txt")
    git(repo, "commit", "-q", "-m", "Add Resolution 213 (Rev. Dubai, 2018)")
    report = corpus.check()
    assert not report.ok
    messages = [p.format() for p in report.problems]
    assert any(m.startswith("stray.txt: error: file outside the corpus layout") for m in messages)
    assert any("a revision commit without Resdiff-* trailers" in m for m in messages)
    # Against a base, only what changed since it is reported.
    base_report = corpus.check("HEAD~1")
    assert [f.relpath for f in base_report.files] == ["itu-pp/res-213.txt"]
    assert base_report.files[0].status == "added"


def test_an_erratum_for_an_unknown_revision_fails_the_check(tmp_path: Path) -> None:
    corpus = loaded_corpus(tmp_path / "c")
    target = corpus.path / "itu-pp" / "res-180.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(corpus.root, "commit", "-q", "-am", "Fix\n\nResdiff-Revision: busan-2014")
    messages = [p.format() for p in corpus.check().problems]
    assert any(
        "Resdiff-Revision busan-2014 corrects no earlier revision of itu-pp/res-180" in m
        for m in messages
    )


def test_check_flags_a_text_without_structure_or_under_the_wrong_number(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    (corpus.path / "itu-pp").mkdir()
    (corpus.path / "itu-pp" / "res-1.txt").write_text("Just a note.\n", encoding="utf-8")
    (corpus.path / "itu-pp" / "res-2.txt").write_text(
        RES_179_2018.read_text(encoding="utf-8"), encoding="utf-8"
    )
    report = corpus.check()
    assert not report.ok
    assert [p.format() for p in report.problems] == [
        "itu-pp/res-1.txt: error: no sections found (no 'considering', 'resolves' …):"
        " this does not read as a resolution",
        "itu-pp/res-2.txt: error: its number line reads 'RESOLUTION 179 (REV. DUBAI, 2018)',"
        " which is not number 2",
    ]
