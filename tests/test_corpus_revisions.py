"""The revision index: revisions read from commit trailers, @REV located, errata in place."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from corpus_support import add_2018, git, loaded_corpus, shared_loaded

from resdiff.corpus import Corpus
from resdiff.errors import RefError

pytestmark = pytest.mark.usefixtures("shared_data")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """One corpus with Res 179 in two revisions and four other PP-18 texts (read-only use)."""
    return shared_loaded(tmp_path_factory)


def test_revisions_and_text_at_a_revision(loaded: Corpus) -> None:
    rid = loaded.resolve_id("res-179")
    revs = loaded.revisions(rid)
    assert [(r.name, r.adopted) for r in revs] == [
        ("guadalajara-2010", date(2010, 10, 22)),
        ("dubai-2018", date(2018, 11, 16)),
    ]
    assert loaded.text(rid, "guadalajara-2010").startswith("RESOLUTION 179 (Guadalajara, 2010)")
    assert loaded.text(rid, "dubai-2018").startswith("RESOLUTION 179 (REV. DUBAI, 2018)")
    # A git rev works as git reads it; HEAD~5 is the 2010 commit.
    assert loaded.text(rid, "HEAD~5") == loaded.text(rid, "guadalajara-2010")
    assert loaded.at(rid, "HEAD").name == "dubai-2018"


def test_unknown_revision_lists_the_known_ones(loaded: Corpus) -> None:
    rid = loaded.resolve_id("res-179")
    with pytest.raises(RefError, match=r"known revisions: guadalajara-2010, dubai-2018"):
        loaded.at(rid, "busan-2014")
    with pytest.raises(RefError, match="may not start with '-'"):
        loaded.at(rid, "--upload-pack=touch /tmp/pwned")
    with pytest.raises(RefError, match="not a valid git revision"):
        loaded.at(rid, "HEAD..main")
    with pytest.raises(RefError, match="does not exist at"):
        loaded.at(loaded.resolve_id("res-180"), "HEAD~5")


def test_an_erratum_corrects_its_revision_in_place(tmp_path: Path) -> None:
    corpus = loaded_corpus(tmp_path / "c")
    repo = corpus.root
    rid = corpus.resolve_id("res-179")
    # An erratum to the 2018 text, committed by hand with only Resdiff-Revision.
    target = corpus.path / "itu-pp" / "res-179.txt"
    target.write_text(
        target.read_text(encoding="utf-8").replace("ITU T E.1100", "ITU-T E.1100"),
        encoding="utf-8",
    )
    git(repo, "commit", "-q", "-am", "Restore a lost hyphen\n\nResdiff-Revision: dubai-2018")
    # A curation commit without trailers is not a revision.
    git(repo, "commit", "-q", "--allow-empty", "-m", "Tidy up")
    fresh = Corpus(corpus.path)
    revs = fresh.revisions(rid)
    assert [r.name for r in revs] == ["guadalajara-2010", "dubai-2018"]
    assert revs[1].adopted == date(2018, 11, 16)
    assert "ITU-T E.1100" in fresh.text(rid, "dubai-2018")
    assert fresh.check().ok
    # Re-adding a revision is a correction, said so in the subject.
    add_2018(fresh)
    assert git(repo, "log", "-1", "--format=%s") == "Correct Resolution 179 (Rev. Dubai, 2018)\n"
    assert [r.name for r in Corpus(corpus.path).revisions(rid)] == [
        "guadalajara-2010",
        "dubai-2018",
    ]
