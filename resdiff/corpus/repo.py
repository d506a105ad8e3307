"""The git side of the corpus: the ONLY module of resdiff that imports GitPython.

It knows nothing of resolutions or clauses: it reads commits, trees and blobs, and offers
the plumbing steps of a write (store a blob, build a tree and a commit without touching
the real index, move HEAD by compare-and-swap, feed ``git fast-import``), which
:mod:`resdiff.corpus.transaction` composes under git's own ``index.lock``. Every git call
goes through GitPython's command wrapper with an argument list, never a shell; every rev
is refused when it could read as an option and is put after ``--end-of-options`` where
git accepts it.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import git

from resdiff.errors import CorpusError, RefError

#: The id of git's empty tree (the "old" side when importing into an empty repository).
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
#: The null object id (a removed entry in ``update-index --index-info``).
ZERO_ID = "0" * 40
#: Separators for ``git log --format``: unit and record separators never occur in messages.
_US = "\x1f"
_RS = "\x1e"


#: Linux's prctl option: the signal a process gets when the thread that started it ends.
_PR_SET_PDEATHSIG = 1


def _tied_to_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` that has the child killed when resdiff dies, even by SIGKILL (Linux
    ``PR_SET_PDEATHSIG``), so that a killed ``resdiff import`` leaves no ``git fast-import``
    running on to finish the import on its own; None where there is no such call.

    libc is looked up here, before the fork: the child only makes the one call (and, if
    resdiff already died before it, kills itself as the kernel would have)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def tie() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)

    return tie


def _start_fast_import(repo: git.Repo) -> git.cmd.Git.AutoInterrupt:
    """``git fast-import --quiet --done`` reading a pipe, tied to resdiff's life; GitPython's
    handle (``.proc`` is the process), which ends the process when it is dropped: keep it.

    Through GitPython's ``execute`` rather than ``git.fast_import()``: only ``execute``
    passes ``preexec_fn`` on to ``Popen``."""
    return repo.git.execute(
        [repo.git.GIT_PYTHON_GIT_EXECUTABLE, "fast-import", "--quiet", "--done"],
        istream=subprocess.PIPE,
        as_process=True,
        with_stdout=False,
        preexec_fn=_tied_to_parent(),
    )


@dataclass(frozen=True)
class CommitInfo:
    """One commit as the corpus reads it: id, parents, author time (epoch), full message."""

    sha: str
    parents: tuple[str, ...]
    author_time: int
    message: str

    @property
    def subject(self) -> str:
        return self.message.split("\n", 1)[0]


@dataclass(frozen=True)
class Identity:
    """Who commits: name and e-mail as git's config (or environment) says."""

    name: str
    email: str


def find_repo(path: Path) -> git.Repo:
    """Open the git repository that contains ``path`` (a corpus folder or the repo root)."""
    try:
        return git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise CorpusError(
            f"{path}: not inside a git repository; run 'resdiff init {path}'"
        ) from None


def init_repo(path: Path) -> None:
    """Create a git repository at ``path`` (branch ``main``)."""
    try:
        git.Repo.init(path, initial_branch="main")
    except git.GitCommandError as exc:
        raise CorpusError(f"{path}: git init failed: {_stderr(exc)}") from None


def set_local_config(path: Path, key: str, value: str) -> None:
    """Set ``key`` to ``value`` in the local config of the repository holding ``path``."""
    try:
        find_repo(path).git.config("--local", key, value)
    except git.GitCommandError as exc:
        raise CorpusError(f"git config {key} failed: {_stderr(exc)}") from None


def is_inside_repo(path: Path) -> bool:
    """Whether ``path`` lies inside a git working tree."""
    try:
        git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return False
    return True


def _int(text: str) -> int:
    """A commit time as git prints it (empty for times git cannot show: read as 0)."""
    try:
        return int(text)
    except ValueError:
        return 0


def _rev(rev: str) -> str:
    """``rev`` itself, refused when git could read it as an option (it starts with '-')."""
    if rev.startswith("-"):
        raise RefError(f"{rev!r}: a revision cannot start with '-'")
    return rev


def _stderr(exc: git.GitCommandError) -> str:
    text = exc.stderr if isinstance(exc.stderr, str) else str(exc)
    text = text.strip().removeprefix("stderr:").strip().strip("'").strip()
    return " ".join(text.split()) or f"git exited with status {exc.status}"


class GitRepo:
    """A git working tree: reads, and the plumbing steps of a write."""

    def __init__(self, path: Path) -> None:
        self.repo = find_repo(path)
        if self.repo.bare or self.repo.working_tree_dir is None:
            raise CorpusError(f"{path}: the repository has no working tree")
        self.root = Path(self.repo.working_tree_dir).resolve()
        self.git_dir = Path(self.repo.git_dir).resolve()
        common = self.repo.git.rev_parse("--git-common-dir")
        common_path = Path(common)
        self.common_dir = (
            common_path if common_path.is_absolute() else (self.root / common_path)
        ).resolve()
        #: git's index and the lock file that guards it (git's own protocol).
        self.index = self.git_dir / "index"
        self.index_lock = self.git_dir / "index.lock"

    # -- reading -------------------------------------------------------------------
    def head(self) -> str | None:
        """The commit HEAD points at, or ``None`` in a repository without commits."""
        try:
            return str(self.repo.git.rev_parse("--verify", "-q", "HEAD^{commit}"))
        except git.GitCommandError:
            return None

    def branch(self) -> str | None:
        """The checked-out branch's full ref (``refs/heads/main``), ``None`` when detached."""
        try:
            return str(self.repo.git.symbolic_ref("-q", "HEAD"))
        except git.GitCommandError:
            return None

    def resolve(self, rev: str) -> str | None:
        """The commit ``rev`` names, or ``None`` when git knows no such commit.

        ``rev`` must already have passed :func:`resdiff.corpus.refs.check_git_rev`; it is
        still put after ``--end-of-options`` so that git can never read it as an option.
        """
        try:
            out = self.repo.git.rev_parse(
                "--verify", "-q", "--end-of-options", f"{_rev(rev)}^{{commit}}"
            )
        except git.GitCommandError:
            return None
        return str(out) or None

    def blob_at(self, commit: str, path: str) -> str | None:
        """The blob id of ``path`` (repo-relative) at ``commit``, or ``None`` when absent."""
        try:
            out = self.repo.git.rev_parse(
                "--verify", "-q", "--end-of-options", f"{_rev(commit)}:{path}"
            )
        except git.GitCommandError:
            return None
        return str(out) or None

    def read_blob(self, blob: str) -> bytes:
        """The bytes of a blob."""
        stream = self.repo.odb.stream(bytes.fromhex(blob))
        data: bytes = stream.read()
        return data

    def ls_tree(self, commit: str, prefix: str) -> list[tuple[str, str]]:
        """Every file below ``prefix`` at ``commit``: (repo-relative path, blob id), sorted."""
        args = ["-r", "-z", "--full-tree", "--end-of-options", _rev(commit)]
        if prefix:
            args += ["--", prefix.rstrip("/") + "/"]
        out = self.repo.git.ls_tree(*args)
        files = []
        for record in out.split("\0"):
            if not record:
                continue
            meta, path = record.split("\t", 1)
            _mode, kind, sha = meta.split()
            if kind == "blob":
                files.append((path, sha))
        return sorted(files)

    def file_log(self, rev: str, prefix: str) -> list[tuple[CommitInfo, dict[str, str | None]]]:
        """Commits reachable from ``rev`` that touch ``prefix`` (a folder ending in ``/``, or
        one file; all files when empty), OLDEST first,
        each with the files it changed there: repo-relative path → new blob id (``None``
        when the commit deleted the file). One ``git log --raw`` call for the whole corpus.
        """
        args = [
            f"--format={_RS}%H{_US}%P{_US}%at{_US}%B{_US}",
            "--raw",
            "--no-abbrev",
            "--no-renames",
            "--reverse",
            "--end-of-options",
            _rev(rev),
            "--",
        ]
        if prefix:
            args.append(prefix)
        out = self.repo.git.log(*args, strip_newline_in_stdout=False)
        result = []
        for record in out.split(_RS):
            if not record.strip():
                continue
            sha, parents, when, message, raw = record.split(_US, 4)
            changed: dict[str, str | None] = {}
            for line in raw.splitlines():
                if not line.startswith(":"):
                    continue
                meta, _, path = line.partition("\t")
                fields = meta.split()
                status = fields[4] if len(fields) > 4 else ""
                changed[path] = None if status.startswith("D") else fields[3]
            info = CommitInfo(sha, tuple(parents.split()), _int(when), message.strip("\n"))
            result.append((info, changed))
        return result

    def commits_between(self, base: str, head: str) -> list[CommitInfo]:
        """Commits reachable from ``head`` but not from ``base``, newest first."""
        args = [
            f"--format=%H{_US}%P{_US}%at{_US}%B{_RS}",
            "--end-of-options",
            _rev(head),
            f"^{_rev(base)}",
            "--",
        ]
        out = self.repo.git.log(*args, strip_newline_in_stdout=False)
        commits = []
        for record in out.split(_RS):
            record = record.lstrip("\n")
            if record:
                sha, parents, when, message = record.split(_US, 3)
                commits.append(
                    CommitInfo(sha, tuple(parents.split()), _int(when), message.strip("\n"))
                )
        return commits

    def merge_base(self, a: str, b: str) -> str | None:
        """The best common ancestor of two commits, or ``None``."""
        try:
            return str(self.repo.git.merge_base("--end-of-options", _rev(a), _rev(b))) or None
        except git.GitCommandError:
            return None

    def identity(self) -> Identity:
        """The committer identity git would use; :class:`CorpusError` when none is set."""
        try:
            ident = str(self.repo.git.var("GIT_COMMITTER_IDENT"))
        except git.GitCommandError:
            raise CorpusError(
                f"{self.root}: git does not know who you are; set it with"
                " 'git config user.name NAME' and 'git config user.email EMAIL'"
            ) from None
        name, _, rest = ident.partition(" <")
        email = rest.split(">", 1)[0]
        return Identity(name.strip(), email.strip())

    def worktree_status(self, path: str) -> str | None:
        """Why ``path`` has uncommitted changes (staged/modified/deleted/untracked) or ``None``."""
        out = self.repo.git.status(
            "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=no", "--", path
        )
        if not out:
            return None
        code = out[:2]
        if code == "??":
            return "untracked (exists but was never committed)"
        if code[0] not in " ?":
            return "staged changes"
        if code[1] == "D":
            return "deleted in the working tree"
        return "modified in the working tree"

    # -- writing: plumbing steps, composed under a lock by resdiff.corpus.transaction ------
    @contextlib.contextmanager
    def errors(self, what: str) -> Iterator[None]:
        """Turn a failed git command inside the block into a :class:`CorpusError` on ``what``."""
        try:
            yield
        except git.GitCommandError as exc:
            raise CorpusError(
                f"{what}: git {exc.command[1] if len(exc.command) > 1 else ''}"
                f" failed: {_stderr(exc)}"
            ) from None

    def hash_blob(self, data: bytes, scratch: Path) -> str:
        """Store ``data`` as a blob object (no filters) and return its id."""
        fd, name = tempfile.mkstemp(prefix="blob.", dir=scratch)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return str(self.repo.git.hash_object("-w", "--no-filters", "--", name))

    def tree_with(self, base: str | None, path: str, blob: str, scratch: Path) -> str:
        """The tree of ``base`` (or none) with ``path`` set to ``blob`` (real index untouched)."""
        env = {"GIT_INDEX_FILE": str(scratch / "tree-index")}
        if base is not None:
            self.repo.git.read_tree("--end-of-options", _rev(base), env=env)
        self.repo.git.update_index("--add", "--cacheinfo", f"100644,{blob},{path}", env=env)
        return str(self.repo.git.write_tree(env=env))

    def commit_tree(
        self, tree: str, parent: str | None, message: str, ident: Identity, epoch: int
    ) -> str:
        """A new commit object (no ref moves) authored and committed at ``epoch`` (UTC)."""
        when = f"@{epoch} +0000"
        env = {
            "GIT_AUTHOR_NAME": ident.name,
            "GIT_AUTHOR_EMAIL": ident.email,
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_NAME": ident.name,
            "GIT_COMMITTER_EMAIL": ident.email,
            "GIT_COMMITTER_DATE": when,
        }
        parents = ["-p", _rev(parent)] if parent is not None else []
        return str(self.repo.git.commit_tree(_rev(tree), *parents, "-m", message, env=env))

    def index_with(self, path: str, blob: str, scratch: Path) -> bytes:
        """The bytes of the current index with ``path`` set to ``blob`` and stat data
        refreshed (so that ``git status`` sees the freshly written file as clean)."""
        new_index = scratch / "index"
        if self.index.is_file():
            shutil.copyfile(self.index, new_index)
        env = {"GIT_INDEX_FILE": str(new_index)}
        # The entry is the blob just committed (never re-hashed through filters).
        self.repo.git.update_index("--add", "--cacheinfo", f"100644,{blob},{path}", env=env)
        with contextlib.suppress(git.GitCommandError):  # exits 1 when others need updating
            self.repo.git.update_index("-q", "--refresh", env=env)
        return new_index.read_bytes()

    def move_head(self, new: str, old: str | None, reason: str) -> None:
        """Point HEAD (its branch) at ``new`` if it still points at ``old`` (compare-and-swap)."""
        self.repo.git.update_ref("-m", reason, "HEAD", _rev(new), _rev(old) if old else "")

    def restore_head(self, old: str | None, new: str) -> None:
        """HEAD back at ``old`` (unborn when ``None``); best effort, a failure is on its way."""
        with contextlib.suppress(git.GitCommandError):
            if old is None:
                self.repo.git.update_ref("-d", "HEAD", _rev(new))
            else:
                reason = "resdiff add: roll back"
                self.repo.git.update_ref("-m", reason, "HEAD", _rev(old), _rev(new))

    def subject(self, commit: str) -> str:
        """The first line of a commit's message."""
        return str(self.repo.git.log("-1", "--format=%s", "--end-of-options", _rev(commit), "--"))

    def fast_import(self, stream: Iterable[bytes]) -> None:
        """Feed a ``git fast-import`` stream (through the same command wrapper as every
        other git call).

        The stream must end with ``done``. When producing it fails (a refused text), the
        process is killed before it can update any ref, and its scratch pack is removed.
        When resdiff itself is killed, so is fast-import (on Linux): it never finishes an
        import that resdiff did not see through (see :func:`_tied_to_parent`).
        """
        pack_dir = self.common_dir / "objects" / "pack"
        before = set(pack_dir.glob("tmp_pack_*")) | set(self.common_dir.glob("fast_import_crash_*"))
        handle = _start_fast_import(self.repo)
        proc = handle.proc
        assert proc is not None and proc.stdin is not None and proc.stderr is not None
        try:
            try:
                for chunk in stream:
                    proc.stdin.write(chunk)
            except BrokenPipeError:
                pass
            with contextlib.suppress(BrokenPipeError):
                proc.stdin.close()
        except BaseException:
            proc.kill()
            proc.wait()
            after = set(pack_dir.glob("tmp_pack_*"))
            after |= set(self.common_dir.glob("fast_import_crash_*"))
            for leftover in after - before:
                leftover.unlink(missing_ok=True)
            raise
        stderr = proc.stderr.read()
        if proc.wait() != 0:
            lines = [ln for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
            detail = lines[0] if lines else f"exit status {proc.returncode}"
            raise CorpusError(f"{self.root}: git fast-import failed: {detail}")

    def write_commit_graph(self) -> None:
        """Write git's commit-graph with changed-path Bloom filters, which makes a
        path-limited ``git log`` over thousands of commits about ten times faster.
        Best effort: a failure only costs speed."""
        with contextlib.suppress(git.GitCommandError):
            self.repo.git.commit_graph("write", "--reachable", "--changed-paths")


    def changed_paths(self, old: str | None, new: str) -> list[str]:
        """Every file (repo-relative) whose blob differs between two commits (``old``
        ``None``: every file of ``new``)."""
        out = self.repo.git.diff_tree(
            "-r", "-z", "--name-only", "--no-renames", "--end-of-options",
            _rev(old or EMPTY_TREE), _rev(new),
        )  # fmt: skip
        return [p for p in str(out).split("\0") if p]



def index_with(repo: GitRepo, entries: dict[str, str | None], scratch: Path) -> bytes:
    """The bytes of ``repo``'s current index with each path set to its blob (``None``:
    removed) and stat data refreshed; the real index is untouched."""
    new_index = scratch / "index"
    if repo.index.is_file():
        shutil.copyfile(repo.index, new_index)
    env = {"GIT_INDEX_FILE": str(new_index)}
    records = scratch / "index-info"
    with records.open("wb") as fh:
        for path, blob in sorted(entries.items()):
            mode = "100644" if blob is not None else "0"
            fh.write(f"{mode} {blob or ZERO_ID}\t{path}\0".encode())
    with records.open("rb") as fh:
        repo.repo.git.update_index("-z", "--index-info", istream=fh, env=env)
    with contextlib.suppress(git.GitCommandError):  # exits 1 when others need updating
        repo.repo.git.update_index("-q", "--refresh", env=env)
    return new_index.read_bytes()



def delete_ref(repo: GitRepo, ref: str) -> None:
    """Remove ``ref`` (a full ref name of resdiff's own) if it exists."""
    with contextlib.suppress(git.GitCommandError):
        repo.repo.git.update_ref("-d", "--end-of-options", ref)


def branch_names(repo: GitRepo, pattern: str) -> list[str]:
    """Local branch names of ``repo`` matching ``pattern`` (a glob below ``refs/heads/``),
    sorted. ``pattern`` must already have passed
    :func:`resdiff.corpus.refs.check_branch_glob`; it is put after ``--end-of-options``."""
    out = repo.repo.git.for_each_ref(
        "--format=%(refname)", "--end-of-options", f"refs/heads/{pattern}"
    )
    return sorted(line.removeprefix("refs/heads/") for line in str(out).splitlines() if line)
