"""``resdiff import``: many revisions through git fast-import, against the real git binary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RES_179_2018, SEED_PAGE
from corpus_support import DUBAI, add_2010, git, new_corpus, snapshot

from resdiff.cli import main
from resdiff.corpus import Corpus, TextHasErrors, fastimport
from resdiff.errors import CorpusError, InputError

pytestmark = pytest.mark.usefixtures("shared_data")


def import_folder(tmp_path: Path) -> Path:
    """Res 179 in 2010 and 2018, Res 180 and Decision 5 in 2018, laid out for import."""
    src = tmp_path / "src"
    for rel, source in (
        ("itu-pp/res-179/guadalajara-2010.txt", SEED_PAGE),
        ("itu-pp/res-179/dubai-2018.txt", RES_179_2018),
        ("itu-pp/res-180/dubai-2018.txt", DUBAI / "res-180.txt"),
        ("itu-pp/dec-5/dubai-2018.txt", DUBAI / "dec-5.txt"),
    ):
        path = src / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "revisions.csv").write_text(
        "revision,adopted,title\nguadalajara-2010,2010-10-22,\ndubai-2018,2018-11-16,"
        '"Rev. Dubai, 2018"\n',
        encoding="utf-8",
    )
    return src


def test_import_makes_one_revision_commit_each_in_date_order(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    result = CliRunner().invoke(
        main, ["import", str(import_folder(tmp_path)), "--corpus", str(corpus.path)]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Imported 4 revision commit(s) of 3 resolution(s); HEAD ")
    repo = corpus.root
    assert git(repo, "log", "--reverse", "--format=%s|%as").splitlines() == [
        "Add Resolution 179 (Guadalajara, 2010)|2010-10-22",
        "Add Decision 5 (Rev. Dubai, 2018)|2018-11-16",
        "Add Resolution 179 (Rev. Dubai, 2018)|2018-11-16",
        "Add Resolution 180 (Rev. Dubai, 2018)|2018-11-16",
    ]
    assert git(repo, "log", "-1", "--format=%B").strip().splitlines()[-3:] == [
        "Resdiff-Resolution: itu-pp/res-180",
        "Resdiff-Revision: dubai-2018",
        "Resdiff-Adopted: 2018-11-16",
    ]
    # The working tree and index follow; the texts are canonical, as `add` writes them.
    assert git(repo, "status", "--porcelain=v1") == "?? resdiff.toml\n"
    fresh = Corpus(corpus.path)
    rid = fresh.resolve_id("res-179")
    assert [r.name for r in fresh.revisions(rid)] == ["guadalajara-2010", "dubai-2018"]
    assert "•" not in fresh.text(rid, "guadalajara-2010")
    blame = {e.path: e for e in fresh.blame(rid)}
    assert blame["recognizing/c"].introduced == "guadalajara-2010"


def test_import_refuses_duplicates_and_bad_layout(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    src = import_folder(tmp_path)
    corpus.import_dir(src)
    before = snapshot(corpus.root)
    with pytest.raises(CorpusError, match=re.escape("already has revision guadalajara-2010")):
        corpus.import_dir(src)
    (src / "revisions.csv").unlink()
    with pytest.raises(InputError, match=re.escape("revisions.csv: no such file")):
        corpus.import_dir(src)
    other = tmp_path / "other"
    (other / "itu-pp" / "res-9").mkdir(parents=True)
    (other / "itu-pp" / "res-9" / "busan-2014.txt").write_text("x", encoding="utf-8")
    (other / "revisions.csv").write_text("revision,adopted\ndubai-2018,2018-11-16\n")
    message = "revision 'busan-2014' is not in revisions.csv"
    with pytest.raises(InputError, match=re.escape(message)):
        corpus.import_dir(other)
    (other / "itu-pp" / "res-9" / "busan-2014.txt").unlink()
    (other / "stray.txt").write_text("x", encoding="utf-8")
    message = "expected <body>/<kind>-<number>/<revision>.txt"
    with pytest.raises(InputError, match=re.escape(message)):
        corpus.import_dir(other)
    assert snapshot(corpus.root) == before


@pytest.mark.parametrize("parallel", [False, True])
def test_a_refused_text_mid_import_leaves_no_trace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    if parallel:
        monkeypatch.setattr(fastimport, "MIN_PARALLEL", 1)
    corpus = new_corpus(tmp_path / "c")
    add_2010(corpus)
    src = import_folder(tmp_path)
    (src / "itu-pp" / "res-179" / "guadalajara-2010.txt").unlink()
    # Sorted last of the 2018 items, after three good commits were streamed.
    (src / "itu-pp" / "res-180" / "dubai-2018.txt").write_text("not a resolution\n")
    before = snapshot(corpus.root)
    with pytest.raises(TextHasErrors, match=re.escape("res-180/dubai-2018.txt: refused")):
        corpus.import_dir(src)
    assert snapshot(corpus.root) == before
    assert not list((corpus.store.repo.common_dir / "objects" / "pack").glob("tmp_pack_*"))


def test_import_verbatim_commits_texts_as_they_are(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    src = import_folder(tmp_path)
    corpus.import_dir(src, verbatim=True)
    committed = git(corpus.root, "show", "HEAD:itu-pp/res-180.txt")
    assert committed == (DUBAI / "res-180.txt").read_text(encoding="utf-8")


def test_import_into_an_empty_repository_keeps_staged_work(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    (corpus.path / "notes.md").write_text("staged, not committed\n", encoding="utf-8")
    git(corpus.root, "add", "notes.md")
    corpus.import_dir(import_folder(tmp_path))
    status = git(corpus.root, "status", "--porcelain=v1", "--untracked-files=no")
    assert status.splitlines() == ["A  notes.md"]
    assert "notes.md" not in git(corpus.root, "ls-tree", "-r", "--name-only", "HEAD")


def test_import_refuses_a_text_filed_under_another_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fastimport, "MIN_PARALLEL", 1)  # parse in worker processes
    corpus = new_corpus(tmp_path / "c")
    src = import_folder(tmp_path)
    wrong = src / "itu-pp" / "res-181" / "dubai-2018.txt"
    wrong.parent.mkdir()
    wrong.write_text(RES_179_2018.read_text(encoding="utf-8"), encoding="utf-8")
    before = snapshot(corpus.root)
    with pytest.raises(InputError, match="which is not number 181"):
        corpus.import_dir(src, workers=2)
    assert snapshot(corpus.root) == before


def test_import_reports_progress_one_revision_at_a_time(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    calls: list[tuple[int, int]] = []
    result = corpus.import_dir(import_folder(tmp_path), progress=lambda *a: calls.append(a))
    assert result.commits == 4
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
