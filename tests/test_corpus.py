"""The corpus API (:class:`resdiff.corpus.Corpus`) against real git repositories and the
real texts (no mocks): add, names, log, blame and history."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RES_179_2018, SEED_PAGE
from corpus_support import add_2018, git, new_corpus, shared_loaded, snapshot

import resdiff
from resdiff.corpus import Corpus, TextHasErrors
from resdiff.errors import CorpusError, RefError

pytestmark = pytest.mark.usefixtures("shared_data")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """One corpus with Res 179 in two revisions and four other PP-18 texts (read-only use)."""
    return shared_loaded(tmp_path_factory)


def test_add_commits_canonical_text_with_trailers_and_adoption_date(loaded: Corpus) -> None:
    repo = loaded.root
    log = git(repo, "log", "--format=%s|%aI", "--", "itu-pp/res-179.txt").splitlines()
    assert log == [
        "Add Resolution 179 (Rev. Dubai, 2018)|2018-11-16T12:00:00+00:00",
        "Add Resolution 179 (Guadalajara, 2010)|2010-10-22T12:00:00+00:00",
    ]
    # The committer date is the adoption date too.
    assert git(repo, "log", "--format=%cs", "--", "itu-pp/res-179.txt").split() == [
        "2018-11-16",
        "2010-10-22",
    ]
    body = git(repo, "log", "-1", "--format=%B", "--", "itu-pp/res-179.txt")
    assert body.strip().splitlines()[-3:] == [
        "Resdiff-Resolution: itu-pp/res-179",
        "Resdiff-Revision: dubai-2018",
        "Resdiff-Adopted: 2018-11-16",
    ]
    # Each add commits only its own file.
    for sha in git(repo, "log", "--format=%H").split():
        files = git(repo, "show", "--name-only", "--format=", sha).split()
        assert len(files) == 1
    # The committed file is the parser's canonical text (site text and bullets gone).
    committed = git(repo, "show", "HEAD~5:itu-pp/res-179.txt")
    seed = resdiff.parse(SEED_PAGE.read_text(encoding="utf-8"))
    assert committed == seed.to_text()
    assert "Leave a Response" not in committed
    assert "•" not in committed
    assert git(repo, "log", "-1", "--format=%s", "--", "itu-pp/dec-5.txt").startswith(
        "Add Decision 5 (Rev. Dubai, 2018)"
    )


def test_add_refuses_a_text_with_errors_and_leaves_no_trace(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    before = snapshot(corpus.root)
    with pytest.raises(TextHasErrors, match="refused") as info:
        corpus.add("   \n", "itu-pp/res-179", "guadalajara-2010", "2010-10-22", source="x.txt")
    assert any(d.level == "error" for d in info.value.diagnostics)
    with pytest.raises(TextHasErrors, match="no sections"):
        corpus.add(
            "Just a note about nothing.\n", "itu-pp/res-179", "guadalajara-2010", "2010-10-22"
        )
    assert snapshot(corpus.root) == before


def test_add_refuses_another_resolutions_text(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    with pytest.raises(CorpusError, match="which is not number 180"):
        add_2018(corpus, "itu-pp/res-180")


def test_resolution_names_shorthand(loaded: Corpus) -> None:
    assert str(loaded.resolve_id("179")) == "itu-pp/res-179"
    assert str(loaded.resolve_id("res-180")) == "itu-pp/res-180"
    assert str(loaded.resolve_id("dec-5")) == "itu-pp/dec-5"
    with pytest.raises(RefError, match="no resolution '999'"):
        loaded.resolve_id("999")


def test_log_summarises_each_revision(loaded: Corpus) -> None:
    entries = loaded.log(loaded.resolve_id("res-179"))
    assert [e.revision.name for e in entries] == ["guadalajara-2010", "dubai-2018"]
    assert entries[0].summary is None
    assert entries[0].line == "first revision, 45 clauses"
    d = resdiff.diff(
        resdiff.parse(SEED_PAGE.read_text(encoding="utf-8")),
        resdiff.parse(RES_179_2018.read_text(encoding="utf-8")),
    )
    s = d.summary
    assert entries[1].line.startswith(
        f"+{s['added']} added, -{s['removed']} removed, {s['amended']} amended, {s['moved']} moved"
    )


def test_blame_follows_a_moved_and_relettered_clause(loaded: Corpus) -> None:
    blame = {e.path: e for e in loaded.blame(loaded.resolve_id("res-179"))}
    # 2010 recalling i) (Res 67, WTDC) became 2018 recognizing c): origin kept, amended.
    assert (blame["recognizing/c"].introduced, blame["recognizing/c"].last_amended) == (
        "guadalajara-2010",
        "dubai-2018",
    )
    # Wholly new in 2018.
    assert blame["recognizing/a"].introduced == "dubai-2018"
    assert blame["recalling/h"].introduced == "dubai-2018"
    # Unchanged since 2010.
    assert (blame["considering/b"].introduced, blame["considering/b"].last_amended) == (
        "guadalajara-2010",
        "guadalajara-2010",
    )
    assert blame["considering/b"].label == "b)"
    # Every clause of the 2018 text is blamed, in document order.
    parsed = resdiff.parse(RES_179_2018.read_text(encoding="utf-8"))
    assert list(blame) == [c.path for c in parsed.clauses()]


def test_blame_at_an_earlier_revision(loaded: Corpus) -> None:
    entries = loaded.blame(loaded.resolve_id("res-179"), "guadalajara-2010")
    assert {(e.introduced, e.last_amended) for e in entries} == {
        ("guadalajara-2010", "guadalajara-2010")
    }


def test_history_of_one_clause(loaded: Corpus) -> None:
    hist = loaded.history(loaded.resolve_id("res-179"), "recognizing/c")
    assert [(s.revision.name, s.kind) for s in hist.steps] == [
        ("guadalajara-2010", "introduced"),
        ("dubai-2018", "amended"),
    ]
    assert [c.path for c in hist.steps[0].clauses] == ["recalling/i"]
    change = hist.steps[1].change
    assert change is not None
    assert change.moved
    assert change.renumbered
    assert ("-", "Hyderabad") in change.words
    assert change.new_text() == hist.steps[1].clauses[0].text


def test_history_of_a_removed_clause_and_of_nothing(loaded: Corpus) -> None:
    rid = loaded.resolve_id("res-179")
    with pytest.raises(RefError, match="no clause 'considering/zz'"):
        loaded.history(rid, "considering/zz")
