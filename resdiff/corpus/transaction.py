"""One all-or-nothing write to a git working tree, under git's own ``index.lock``.

:class:`IndexLock` is git's lock protocol with an undo log: entering takes
``.git/index.lock`` with ``O_EXCL`` (a concurrent ``resdiff add``, or any git command that
writes the index, then fails cleanly instead of interleaving); every step that changes
something registers how to put it back; :meth:`IndexLock.install_index` ends the write by
renaming the lock onto the index, as git does. Leaving the block any other way — an
exception, an interrupt — runs the undo log newest first and removes the lock, so the
repository and working tree are exactly as before (an unreferenced object at most, which
git's own ``gc`` removes). Scratch files live in a private folder under ``.git`` that is
removed either way.

A process killed outright (SIGKILL, power loss) runs no undo log. For that, a write
records in a journal (``.git/resdiff-journal``) which commit HEAD moves from and to
before it changes the working tree, HEAD or the index, and removes it after the index is
installed. The lock stays behind and the next write refuses, naming it and saying to
remove it once no git command runs; the next write after that finds the journal and
finishes what was cut short: HEAD at the new commit → the working tree and index are
brought to it; HEAD still at the old one → they are put back. Either way the revision is
fully there or absent, and the next command works.

:func:`commit_file` is the one write ``resdiff add`` makes: build the commit with plumbing
from HEAD's tree (whatever else is staged is neither committed nor disturbed), write the
file, move HEAD by compare-and-swap, install the new index.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from resdiff.corpus.repo import index_with, GitRepo
from resdiff.errors import CorpusError
from resdiff.files import atomic_write


#: The journal of a write in progress: ``<old commit or ->\n<new commit or ->\n``.
JOURNAL = "resdiff-journal"
#: The prefix of a write's private scratch folder under ``.git``.
SCRATCH_PREFIX = "resdiff-scratch-"


def stale_lock_message(root: Path, lock: Path) -> str:
    """What to do about an ``index.lock`` that stops a write (one line)."""
    return (
        f"{root}: another git command is writing this repository ({lock.name} exists);"
        f" try again when it has finished, or, if no git command is running, remove {lock}"
    )


class IndexLock:
    """git's ``index.lock`` held for one write, with the undo of every step done so far."""

    def __init__(self, repo: GitRepo) -> None:
        self.repo = repo
        self._fd = -1
        self._undo = contextlib.ExitStack()
        self._scratch: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> IndexLock:
        lock = self.repo.index_lock
        try:
            self._fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            raise CorpusError(stale_lock_message(self.repo.root, lock)) from None
        self._undo.callback(lock.unlink, missing_ok=True)
        try:
            for leftover in self.repo.git_dir.glob(SCRATCH_PREFIX + "*"):
                shutil.rmtree(leftover, ignore_errors=True)  # a killed write's: we hold the lock
            self._scratch = tempfile.TemporaryDirectory(
                prefix=SCRATCH_PREFIX, dir=self.repo.git_dir
            )
            self._recover()
        except BaseException:
            self.__exit__(None, None, None)  # no with block yet: release the lock here
            raise
        return self

    @property
    def scratch(self) -> Path:
        """A private folder for scratch files (indexes, blobs), removed on exit."""
        assert self._scratch is not None, "IndexLock used outside its with block"
        return Path(self._scratch.name)

    @property
    def journal(self) -> Path:
        """Where a write in progress records which commits HEAD moves between."""
        return self.repo.git_dir / JOURNAL

    def begin(self, old: str | None, new: str) -> None:
        """Record, before the working tree, HEAD or the index change, that HEAD moves from
        ``old`` to ``new``; the journal goes when the write ends, whichever way."""
        self.on_failure(functools.partial(self.journal.unlink, missing_ok=True))
        atomic_write(self.journal, f"{old or '-'}\n{new}\n")

    def bring_to(self, commit: str, paths: list[str]) -> bytes:
        """Write each path's content at ``commit`` to the working tree (undone on failure;
        removed where ``commit`` lacks it); the index with those entries, to install."""
        blobs = self._blobs(commit, paths)
        for path, blob in blobs.items():
            target = self.repo.root / path
            if blob is None:
                if target.exists():
                    self.on_failure(functools.partial(_restore, target, target.read_bytes()))
                    target.unlink()
            else:
                self.write_file(target, self.repo.read_blob(blob))
        return index_with(self.repo, blobs, self.scratch)

    def _blobs(self, commit: str, paths: list[str]) -> dict[str, str | None]:
        tree = dict(self.repo.ls_tree(commit, ""))
        return {path: tree.get(path) for path in paths}

    def _recover(self) -> None:
        """Finish a write that was killed (its journal is there): bring the working tree
        and index to wherever HEAD is, old or new commit. A journal whose commits HEAD is
        at neither (git was used since) is dropped."""
        if not self.journal.is_file():
            return
        lines = self.journal.read_text(encoding="utf-8").split()
        old, new = (None if v == "-" else v for v in (lines + ["-", "-"])[:2])
        head = self.repo.head()
        if new is not None and head in (old, new):
            paths = self.repo.changed_paths(old, new)
            target = new if head == new else old
            blobs = self._blobs(target, paths) if target else dict.fromkeys(paths)
            for path, blob in blobs.items():
                file = self.repo.root / path
                for partial in file.parent.glob(f".{file.name}.*.tmp"):  # atomic_write's
                    partial.unlink(missing_ok=True)
                if blob is None:
                    file.unlink(missing_ok=True)
                else:
                    file.parent.mkdir(parents=True, exist_ok=True)
                    atomic_write(file, self.repo.read_blob(blob))
            atomic_write(self.repo.index, index_with(self.repo, blobs, self.scratch))
        self.journal.unlink()

    def on_failure(self, undo: Callable[[], object]) -> None:
        """Register how to put back a step just done, should the write not complete."""
        self._undo.callback(undo)

    def write_file(self, target: Path, data: bytes) -> None:
        """Write ``target`` atomically (making its missing folders below the working tree),
        remembering its previous bytes, or its absence, for the undo log."""
        old = target.read_bytes() if target.is_file() else None
        # Folders are made here, under the lock: made outside it, a concurrent add that
        # lost the lock could remove a folder the winner is about to write into.
        for folder in _make_parents(target.parent, self.repo.root):
            self.on_failure(functools.partial(_remove_if_empty, folder))
        self.on_failure(functools.partial(_restore, target, old))
        atomic_write(target, data)

    def install_index(self, data: bytes) -> None:
        """The last step: write ``data`` to the lock and rename it onto the index."""
        with os.fdopen(self._fd, "wb") as fh:
            self._fd = -1
            fh.write(data)
        os.replace(self.repo.index_lock, self.repo.index)
        self._undo.pop_all()  # done: nothing to undo, and the lock is the index now
        self.journal.unlink(missing_ok=True)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        try:
            self._undo.close()  # empty after install_index; else undoes, newest first
        finally:
            if self._scratch is not None:
                self._scratch.cleanup()


def commit_file(repo: GitRepo, path: str, data: bytes, message: str, epoch: int) -> str:
    """Commit ``data`` as the new content of ``path`` (repo-relative) on top of HEAD, all
    or nothing; author and committer dates are ``epoch`` (UTC). Returns the new commit.

    Refused (:class:`CorpusError`) when ``path`` has uncommitted changes — checked under
    the lock, so no other write can slip in between the check and the commit.
    """
    with repo.errors(path), IndexLock(repo) as lock:
        head = repo.head()
        reason = repo.worktree_status(path)
        if reason is not None:
            raise CorpusError(uncommitted(path, reason))
        ident = repo.identity()
        blob = repo.hash_blob(data, lock.scratch)
        tree = repo.tree_with(head, path, blob, lock.scratch)
        commit = repo.commit_tree(tree, head, message, ident, epoch)
        lock.begin(head, commit)
        lock.write_file(repo.root / path, data)
        index = repo.index_with(path, blob, lock.scratch)  # after the write: fresh stat data
        subject = message.split("\n", 1)[0]
        repo.move_head(commit, head, f"resdiff add: {subject}")
        lock.on_failure(lambda: repo.restore_head(head, commit))
        lock.install_index(index)
    return commit


def uncommitted(path: str, reason: str) -> str:
    """Why a write to ``path`` is refused when the file has uncommitted changes."""
    return f"{path}: has uncommitted changes ({reason}); commit or discard them first"


def _restore(target: Path, old: bytes | None) -> None:
    if old is None:
        target.unlink(missing_ok=True)
    else:
        atomic_write(target, old)


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()


def _make_parents(folder: Path, root: Path) -> list[Path]:
    """Create ``folder`` and its missing parents below ``root``; the created ones, outermost
    first (so that undoing in reverse removes the deepest first)."""
    missing: list[Path] = []
    while folder != root and not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
    return list(reversed(missing))
