"""The corpus library against real git repositories and the real texts (no mocks)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import RES_179_2018, SEED_PAGE
from corpus_support import (
    OTHER_2018,
    add_2010,
    add_2018,
    configure,
    git,
    loaded_corpus,
    new_corpus,
    snapshot,
)

import resdiff
from resdiff.corpus import Corpus, TextHasErrors, find_corpus
from resdiff.errors import CorpusError, RefError

pytestmark = pytest.mark.usefixtures("shared_data")
#: The CLI as a separate process (for the concurrency tests).
RESDIFF = [sys.executable, "-c", "from resdiff.cli import main; main()"]


def cli_add(corpus: Corpus, name: str) -> list[str]:
    """The command line that adds PP-18 text ``name`` (e.g. res-180) to ``corpus``."""
    return [
        *RESDIFF,
        "add",
        str(RES_179_2018.parent / f"{name}.txt"),
        "--resolution",
        f"itu-pp/{name}",
        "--revision",
        "dubai-2018",
        "--adopted",
        "2018-11-16",
        "--corpus",
        str(corpus.path),
    ]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """One corpus with Res 179 in two revisions and four other PP-18 texts (read-only use)."""
    return loaded_corpus(tmp_path_factory.mktemp("loaded"))


# -- init and add -----------------------------------------------------------------------
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
    assert "Leave a Response" not in committed and "•" not in committed
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


def test_add_refuses_revisions_out_of_date_order(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    add_2018(corpus)
    with pytest.raises(CorpusError, match="older than dubai-2018"):
        add_2010(corpus)


@pytest.mark.parametrize("how", ["modified", "staged", "untracked", "deleted"])
def test_add_refuses_a_file_with_uncommitted_changes(tmp_path: Path, how: str) -> None:
    corpus = new_corpus(tmp_path / "c")
    target = corpus.path / "itu-pp" / "res-179.txt"
    if how != "untracked":
        add_2010(corpus)
    if how == "deleted":
        target.unlink()
    else:
        target.parent.mkdir(exist_ok=True)
        target.write_text("a local edit\n", encoding="utf-8")
    if how == "staged":
        git(corpus.root, "add", "itu-pp/res-179.txt")
    before = snapshot(corpus.root)
    with pytest.raises(CorpusError, match="uncommitted changes"):
        add_2018(corpus)
    assert snapshot(corpus.root) == before


def test_add_keeps_other_staged_work_staged_and_uncommitted(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    (corpus.path / "notes.md").write_text("work in progress\n", encoding="utf-8")
    git(corpus.root, "add", "notes.md")
    add_2010(corpus)
    assert git(corpus.root, "show", "--name-only", "--format=", "HEAD").split() == [
        "itu-pp/res-179.txt"
    ]
    status = git(corpus.root, "status", "--porcelain=v1", "--untracked-files=no")
    assert status.splitlines() == ["A  notes.md"]


def ref_update_hook(corpus: Corpus, script: str) -> Path:
    """Install ``script`` as the repository's reference-transaction hook, run only when
    HEAD is about to move (state "prepared"); a non-zero exit aborts the ref update.
    This is how git's own tests put a fault between a write and its ref update."""
    hook = corpus.root / ".git" / "hooks" / "reference-transaction"
    hook.parent.mkdir(exist_ok=True)
    hook.write_text(f'#!/bin/sh\n[ "$1" = prepared ] || exit 0\ncat >/dev/null\n{script}\n')
    hook.chmod(0o755)
    return hook


@pytest.mark.parametrize("existing", [False, True])
def test_failure_between_write_and_commit_leaves_no_trace(tmp_path: Path, existing: bool) -> None:
    corpus = new_corpus(tmp_path / "c")
    if existing:
        add_2010(corpus)
    before = snapshot(corpus.root)
    written = tmp_path / "written"
    target = corpus.path / "itu-pp" / "res-179.txt"
    hook = ref_update_hook(
        corpus, f"cat {shlex.quote(str(target))} > {written}\necho 'disk on fire' >&2\nexit 1"
    )
    with pytest.raises(CorpusError, match=r"git update-ref failed: .*disk on fire"):
        add_2018(corpus)
    assert b"DUBAI, 2018" in written.read_bytes()  # the file had been written …
    assert snapshot(corpus.root) == before  # … and every trace is gone
    hook.unlink()
    add_2018(corpus)
    assert git(corpus.root, "status", "--porcelain=v1") == "?? resdiff.toml\n"


def test_a_concurrent_add_fails_cleanly_and_nothing_is_lost(tmp_path: Path) -> None:
    """While one add holds git's index.lock, a second `resdiff add` (another process) fails
    with a clear message; the first completes; both revisions' data are intact."""
    corpus = new_corpus(tmp_path / "c")
    second = shlex.join(cli_add(corpus, "res-180"))
    out = tmp_path / "second"
    # The second add runs as a real, separate process while the first is about to move HEAD.
    hook = ref_update_hook(
        corpus, f"unset GIT_DIR GIT_INDEX_FILE\n{second} 2>{out}.err\necho $? > {out}.rc"
    )
    add_2010(corpus)
    stderr = Path(f"{out}.err").read_text(encoding="utf-8")
    assert Path(f"{out}.rc").read_text(encoding="utf-8").strip() == "2", stderr
    assert "another git command is writing this repository" in stderr
    assert "Traceback" not in stderr
    assert git(corpus.root, "ls-files").split() == ["itu-pp/res-179.txt"]
    assert not (corpus.path / "itu-pp" / "res-180.txt").exists()
    assert not (corpus.root / ".git" / "index.lock").exists()
    # Retried afterwards, the second add succeeds on top of the first.
    hook.unlink()
    retried = subprocess.run(cli_add(corpus, "res-180"), capture_output=True, text=True)
    assert retried.returncode == 0, retried.stderr
    assert git(corpus.root, "ls-files").split() == ["itu-pp/res-179.txt", "itu-pp/res-180.txt"]


def test_parallel_adds_lose_nothing(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    names = ("res-180", "res-175", "res-2", "dec-5")
    procs = [
        subprocess.Popen(
            cli_add(corpus, n),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in names
    ]
    outcomes = [(p.wait(), p.communicate()[1]) for p in procs]
    winners = {n for n, (rc, _err) in zip(names, outcomes, strict=True) if rc == 0}
    for rc, err in outcomes:
        assert rc in (0, 2)
        if rc == 2:
            assert "another git command is writing this repository" in err
    assert winners
    committed = set(git(corpus.root, "ls-files").split())
    assert committed == {f"itu-pp/{n}.txt" for n in winners}
    assert len(git(corpus.root, "log", "--format=%H").split()) == len(winners)
    assert git(corpus.root, "status", "--porcelain=v1") == "?? resdiff.toml\n"


# -- reading revisions -------------------------------------------------------------------
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


def test_resolution_names_shorthand(loaded: Corpus) -> None:
    assert str(loaded.resolve_id("179")) == "itu-pp/res-179"
    assert str(loaded.resolve_id("res-180")) == "itu-pp/res-180"
    assert str(loaded.resolve_id("dec-5")) == "itu-pp/dec-5"
    with pytest.raises(RefError, match="no resolution '999'"):
        loaded.resolve_id("999")


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


def test_log_summarises_each_revision(loaded: Corpus) -> None:
    entries = loaded.log(loaded.resolve_id("res-179"))
    assert [e.revision.name for e in entries] == ["guadalajara-2010", "dubai-2018"]
    assert entries[0].summary is None and entries[0].line == "first revision, 45 clauses"
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
    assert change is not None and change.moved and change.renumbered
    assert ("-", "Hyderabad") in change.words
    assert change.new_text() == hist.steps[1].clauses[0].text


def test_history_of_a_removed_clause_and_of_nothing(loaded: Corpus) -> None:
    rid = loaded.resolve_id("res-179")
    with pytest.raises(RefError, match="no clause 'considering/zz'"):
        loaded.history(rid, "considering/zz")


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
    assert cached.cache.hits == 1 and cached.cache.misses == 0
    a, b = loaded.revisions(rid)
    assert cached.snapshots.pair_diff(a, b).summary == fresh.snapshots.pair_diff(a, b).summary
    assert list((loaded.store.repo.common_dir / "resdiff-cache" / "diffs").rglob("*.json"))


# -- check -------------------------------------------------------------------------------
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


@pytest.mark.parametrize("existing", [False, True])
def test_failure_after_head_moved_rolls_head_back(
    tmp_path: Path, existing: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last step (installing the new index) fails: HEAD goes back, the file too."""
    corpus = new_corpus(tmp_path / "c")
    if existing:
        add_2010(corpus)
    before = snapshot(corpus.root)
    real_replace = os.replace

    def failing_replace(src: object, dst: object) -> None:
        if str(dst).endswith(f"{os.sep}index"):
            raise OSError("index could not be installed")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", failing_replace)  # the rename git's protocol ends with
    with pytest.raises(OSError, match="index could not be installed"):
        add_2018(corpus)
    monkeypatch.undo()
    after = snapshot(corpus.root)
    assert {k: v for k, v in after.items() if k != "gitdir"} == {
        k: v for k, v in before.items() if k != "gitdir"
    }
    # Only git's reflog remembers that HEAD moved and came back.
    assert set(after["gitdir"]) - set(before["gitdir"]) <= {"logs"}  # type: ignore[call-overload]
