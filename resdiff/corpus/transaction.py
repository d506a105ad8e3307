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

:func:`commit_file` is the one write ``resdiff add`` makes: build the commit with plumbing
from HEAD's tree (whatever else is staged is neither committed nor disturbed), write the
file, move HEAD by compare-and-swap, install the new index.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from resdiff.corpus.repo import GitRepo
from resdiff.errors import CorpusError
from resdiff.files import atomic_write


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
            raise CorpusError(
                f"{self.repo.root}: another git command is writing this repository"
                f" ({lock.name} exists); try again when it has finished"
            ) from None
        self._undo.callback(lock.unlink, missing_ok=True)
        try:
            self._scratch = tempfile.TemporaryDirectory(prefix="resdiff-", dir=self.repo.git_dir)
        except BaseException:
            self.__exit__(None, None, None)  # no with block yet: release the lock here
            raise
        return self

    @property
    def scratch(self) -> Path:
        """A private folder for scratch files (indexes, blobs), removed on exit."""
        assert self._scratch is not None, "IndexLock used outside its with block"
        return Path(self._scratch.name)

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
