"""One all-or-nothing write under git's index lock, against real repositories; faults are
put where git's own tests put them (a reference-transaction hook, a held lock, a
separate process), never through a hook in resdiff's code."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RES_179_2018
from corpus_support import add_2010, add_2018, git, new_corpus, snapshot

from resdiff.corpus import Corpus
from resdiff.errors import CorpusError

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


def test_a_lock_held_by_another_git_command_refuses_the_write(tmp_path: Path) -> None:
    """git's own index.lock, left by any other git command, stops add before it writes."""
    corpus = new_corpus(tmp_path / "c")
    add_2010(corpus)
    lock = corpus.root / ".git" / "index.lock"
    lock.write_bytes(b"")
    before = snapshot(corpus.root)
    with pytest.raises(CorpusError, match=r"another git command .* \(index.lock exists\)"):
        add_2018(corpus)
    assert snapshot(corpus.root) == before
    assert lock.exists()  # the other command's lock is not ours to remove


@pytest.mark.parametrize("existing", [False, True])
def test_a_locked_branch_ref_undoes_the_written_file(tmp_path: Path, existing: bool) -> None:
    """A ref lock left by another git command makes the compare-and-swap of HEAD fail after
    the file was written: the file (and any folder made for it) is put back."""
    corpus = new_corpus(tmp_path / "c")
    if existing:
        add_2010(corpus)
    ref_lock = corpus.root / ".git" / "refs" / "heads" / "main.lock"
    ref_lock.parent.mkdir(parents=True, exist_ok=True)
    ref_lock.write_bytes(b"")
    before = snapshot(corpus.root)
    with pytest.raises(CorpusError, match=r"git update-ref failed: .*main\.lock"):
        add_2018(corpus)
    assert snapshot(corpus.root) == before
    assert (corpus.path / "itu-pp").is_dir() == existing
