"""The bottom layer of the corpus: a folder of resolution files inside a git working tree.

:class:`Store` knows where the corpus is (its folder, the repository root, the folder's
prefix inside the repository), which files are resolutions (in the working tree and at a
commit), and every git call the layers above make — always in corpus-relative paths and
resolution ids, never in GitPython terms (:mod:`resdiff.corpus.repo` holds those). It knows
nothing of revisions, parsing or diffs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from resdiff.corpus.refs import ResolutionId, check_branch_glob, check_git_rev
from resdiff.corpus.repo import (
    CommitInfo,
    GitRepo,
    Identity,
    branch_names,
    delete_ref,
    init_repo,
    is_inside_repo,
    set_local_config,
)
from resdiff.corpus.transaction import IndexLock, commit_file, uncommitted
from resdiff.errors import CorpusError
from resdiff.files import atomic_write, decode

CONFIG = "resdiff.toml"
CONFIG_TEXT = """\
# A resdiff corpus: one UTF-8 text file per resolution, <body>/<kind>-<number>.txt
# (e.g. itu-pp/res-179.txt); each adopted revision is one commit carrying the trailers
# Resdiff-Resolution, Resdiff-Revision and Resdiff-Adopted. See docs/corpus.md.
[corpus]
format = 1
"""
#: What ``resdiff init`` writes to a corpus folder's .gitattributes.
GITATTRIBUTES = "*.txt merge=resdiff diff=resdiff\n"
#: The git config ``resdiff init`` sets (docs/git-integration.md gives the same lines).
GIT_CONFIG = (
    ("merge.resdiff.name", "resdiff clause-aware merge"),
    ("merge.resdiff.driver", "resdiff merge-driver %O %A %B %P"),
    ("diff.resdiff.command", "resdiff git-diff-driver"),
)

#: Where ``resdiff import`` has ``git fast-import`` write its commits before HEAD moves.
IMPORT_REF = "refs/resdiff/import"

#: One commit with the files it changed in the corpus: corpus-relative path → new blob
#: (``None`` when the commit deleted the file).
Touched = tuple[CommitInfo, dict[str, "str | None"]]


def find_corpus(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding a ``resdiff.toml``, or ``None``."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG).is_file():
            return folder
    return None


class Store:
    """A corpus folder (with ``resdiff.toml``) inside a git working tree."""

    def __init__(self, path: str | Path) -> None:
        folder = Path(path)
        if not folder.is_dir():
            raise CorpusError(
                f"{path}: no such corpus folder; create one with 'resdiff init {path}'"
            )
        if not (folder / CONFIG).is_file():
            raise CorpusError(f"{path}: not a corpus (no {CONFIG}); run 'resdiff init {path}'")
        #: The corpus folder (absolute).
        self.path = folder.resolve()
        self.repo = GitRepo(self.path)
        #: The root of the git working tree holding the corpus.
        self.root = self.repo.root
        rel = self.path.relative_to(self.root).as_posix()
        #: The corpus folder relative to the repository root, with a trailing slash ('' at root).
        self.prefix = "" if rel == "." else rel + "/"

    @classmethod
    def create(cls, path: str | Path) -> Store:
        """Make ``path`` a corpus: ``git init`` unless it is in a repository; ``resdiff.toml``."""
        folder = Path(path)
        if folder.exists() and not folder.is_dir():
            raise CorpusError(f"{path}: exists and is not a folder")
        if (folder / CONFIG).is_file():
            raise CorpusError(f"{path}: is already a corpus ({CONFIG} exists)")
        folder.mkdir(parents=True, exist_ok=True)
        if not is_inside_repo(folder):
            init_repo(folder)
        atomic_write(folder / CONFIG, CONFIG_TEXT)
        return cls(folder)

    def configure_drivers(self) -> list[str]:
        """Name resdiff as git's merge and diff driver for the corpus's texts: a line in the
        folder's .gitattributes and three keys in the repository's config (so clause-aware
        merges and diffs work inside git); what was done, one line each."""
        done = []
        attributes = self.path / ".gitattributes"
        existing = attributes.read_text(encoding="utf-8") if attributes.is_file() else ""
        if GITATTRIBUTES.strip() not in existing.splitlines():
            glue = "" if not existing or existing.endswith("\n") else "\n"
            atomic_write(attributes, existing + glue + GITATTRIBUTES)
            done.append(f"wrote {attributes}: {GITATTRIBUTES.strip()}")
        for key, value in GIT_CONFIG:
            set_local_config(self.path, key, value)
            done.append(f"git config {key} {json.dumps(value)}")
        return done

    @property
    def cache_dir(self) -> Path:
        """Where derived data (the pair-diff cache) is kept: inside git's common dir, shared
        by every worktree and never committed."""
        return self.repo.common_dir / "resdiff-cache"

    # -- names and files -------------------------------------------------------------
    def repo_path(self, rid: ResolutionId) -> str:
        """The file of a resolution, relative to the repository root."""
        return self.prefix + rid.relpath

    def worktree_files(self) -> Iterator[str]:
        """Every ``*.txt`` below the corpus folder (hidden folders skipped), corpus-relative."""
        for path in sorted(self.path.rglob("*.txt")):
            rel = path.relative_to(self.path)
            if any(part.startswith(".") for part in rel.parts) or not path.is_file():
                continue
            yield rel.as_posix()

    def files_at(self, commit: str) -> list[tuple[str, str]]:
        """Every file of the corpus at ``commit``: (corpus-relative path, blob), sorted."""
        return [
            (path[len(self.prefix) :], blob)
            for path, blob in self.repo.ls_tree(commit, self.prefix)
        ]

    def resolution_ids(self, commit: str | None = None) -> list[ResolutionId]:
        """Every resolution of the corpus: in the working tree and at ``commit`` (HEAD)."""
        found: set[ResolutionId] = set()
        for rel in self.worktree_files():
            rid = ResolutionId.from_relpath(rel)
            if rid is not None:
                found.add(rid)
        commit = commit or self.head()
        if commit is not None:
            for rel, _blob in self.files_at(commit):
                rid = ResolutionId.from_relpath(rel)
                if rid is not None:
                    found.add(rid)
        return sorted(found)

    def read(self, blob: str, where: str) -> str:
        """The text of a blob (``where`` names it in a decoding error)."""
        return decode(self.repo.read_blob(blob), where)

    # -- history ---------------------------------------------------------------------
    def head(self) -> str | None:
        """The commit HEAD points at, or ``None`` before the first commit."""
        return self.repo.head()

    def resolve(self, rev: str) -> str | None:
        """The commit a (validated) git rev names, or ``None`` when git knows no such commit."""
        check_git_rev(rev)
        return self.repo.resolve(rev)

    def branches(self, pattern: str) -> list[str]:
        """Local branches matching a glob (``proposal/*``; checked here), sorted."""
        return branch_names(self.repo, check_branch_glob(pattern))

    def blob_at(self, commit: str, rid: ResolutionId) -> str | None:
        """The blob of a resolution's file at ``commit``, or ``None`` when absent."""
        return self.repo.blob_at(commit, self.repo_path(rid))

    def log(self, commit: str, rid: ResolutionId | None = None) -> list[Touched]:
        """Commits reachable from ``commit`` that touch the corpus (or one resolution's
        file), oldest first, each with the corpus files it changed."""
        pathspec = self.prefix if rid is None else self.repo_path(rid)
        return [
            (
                info,
                {p[len(self.prefix) :]: b for p, b in changed.items() if p.startswith(self.prefix)},
            )
            for info, changed in self.repo.file_log(commit, pathspec)
        ]

    def commits_since(self, base: str, head: str) -> list[CommitInfo]:
        """Commits reachable from ``head`` but not from ``base``, newest first."""
        return self.repo.commits_between(base, head)

    def merge_base(self, a: str, b: str) -> str | None:
        """The best common ancestor of two commits, or ``None``."""
        return self.repo.merge_base(a, b)

    def subject(self, commit: str) -> str:
        """The first line of a commit's message."""
        return self.repo.subject(commit)

    # -- writing ---------------------------------------------------------------------
    def refuse_uncommitted(self, rid: ResolutionId) -> None:
        """:class:`CorpusError` when a resolution's file has uncommitted changes."""
        path = self.repo_path(rid)
        reason = self.repo.worktree_status(path)
        if reason is not None:
            raise CorpusError(uncommitted(path, reason))

    def commit(self, rid: ResolutionId, data: bytes, message: str, epoch: int) -> tuple[str, str]:
        """Commit ``data`` as a resolution's file on top of HEAD, all or nothing (see
        :mod:`resdiff.corpus.transaction`); the new commit and the file's blob."""
        path = self.repo_path(rid)
        commit = commit_file(self.repo, path, data, message, epoch)
        blob = self.repo.blob_at(commit, path)
        assert blob is not None
        return commit, blob

    def branch(self) -> str:
        """The checked-out branch's full ref; :class:`CorpusError` when HEAD is detached."""
        branch = self.repo.branch()
        if branch is None:
            raise CorpusError(f"{self.root}: HEAD is detached; check out a branch to import")
        return branch

    def identity(self) -> Identity:
        """The committer identity git would use; :class:`CorpusError` when none is set."""
        return self.repo.identity()

    def import_commits(
        self, build: Callable[[str, str | None], Iterable[bytes]], refuse: Callable[[], None]
    ) -> str:
        """Commit many revisions through ``git fast-import`` onto the current branch, all
        or nothing, under git's index lock (see :mod:`resdiff.corpus.transaction`): first
        ``refuse()`` (checks that must hold under the lock), then ``build(ref, parent)``'s
        stream is written to a ref of resdiff's own starting from HEAD, then HEAD moves
        there by compare-and-swap and the working tree and index follow. A failure while
        producing the stream moves no ref. Returns the new HEAD."""
        branch = self.branch()
        with self.repo.errors(self.root.as_posix()), IndexLock(self.repo) as lock:
            refuse()
            head = self.head()
            delete_ref(self.repo, IMPORT_REF)  # a killed import's, which nothing points at
            self.repo.fast_import(build(IMPORT_REF, head))
            new_head = self.repo.resolve(IMPORT_REF)
            assert new_head is not None
            lock.begin(head, new_head)
            self.repo.move_head(new_head, head, f"resdiff import onto {branch}")
            lock.on_failure(lambda: self.repo.restore_head(head, new_head))
            lock.install_index(lock.bring_to(new_head, self.repo.changed_paths(head, new_head)))
        delete_ref(self.repo, IMPORT_REF)
        self.repo.write_commit_graph()
        return new_head
