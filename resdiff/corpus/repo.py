"""The git side of the corpus: the ONLY module of resdiff that imports GitPython.

It knows nothing of resolutions or clauses. It reads commits, trees and blobs, and it
makes one kind of write: :meth:`GitRepo.commit_file`, which commits one file's new
content on top of HEAD as a transaction under git's own ``index.lock``:

1. take ``.git/index.lock`` (``O_EXCL``) — a concurrent ``resdiff add`` or any other git
   command that writes the index fails cleanly instead of interleaving;
2. refuse when the file has uncommitted changes (staged, modified, deleted or untracked);
3. build the commit with plumbing from HEAD's tree (a scratch index, ``write-tree``,
   ``commit-tree``) so that whatever else is staged is neither committed nor disturbed;
4. write the file (atomically), move HEAD with ``update-ref NEW OLD`` (compare-and-swap),
   and install the new index by renaming the lock onto it — git's own protocol.

Any failure before the last step restores the file's previous bytes and removes the lock:
the repository is exactly as before (an unreferenced blob object at most, which git's
own ``gc`` removes). All git calls take argument lists; nothing runs through a shell.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import git

from resdiff.errors import CorpusError, RefError
from resdiff.files import atomic_write

#: The id of git's empty tree (the "old" side when importing into an empty repository).
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
#: Separators for ``git log --format``: unit and record separators never occur in messages.
_US = "\x1f"
_RS = "\x1e"


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


def _stderr(exc: git.GitCommandError) -> str:
    text = exc.stderr if isinstance(exc.stderr, str) else str(exc)
    text = text.strip().removeprefix("stderr:").strip().strip("'").strip()
    return " ".join(text.split()) or f"git exited with status {exc.status}"


class GitRepo:
    """A git working tree, read through GitPython, written only by :meth:`commit_file`."""

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
        #: Fault injection for tests: called after the file is written, before HEAD moves.
        self.before_ref_update: Callable[[], None] | None = None

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
            out = self.repo.git.rev_parse("--verify", "-q", "--end-of-options", f"{rev}^{{commit}}")
        except git.GitCommandError:
            return None
        return str(out) or None

    def branches(self, pattern: str) -> list[str]:
        """Local branch names matching ``pattern`` (a glob below ``refs/heads/``), sorted.

        ``pattern`` must already have passed :func:`resdiff.corpus.refs.check_branch_glob`.
        """
        out = self.repo.git.for_each_ref(
            "--format=%(refname)", "--end-of-options", f"refs/heads/{pattern}"
        )
        return sorted(line.removeprefix("refs/heads/") for line in str(out).splitlines() if line)

    def blob_at(self, commit: str, path: str) -> str | None:
        """The blob id of ``path`` (repo-relative) at ``commit``, or ``None`` when absent."""
        try:
            out = self.repo.git.rev_parse("--verify", "-q", f"{commit}:{path}")
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
        args = ["-r", "-z", "--full-tree", commit]
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
            rev,
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
        args = [f"--format=%H{_US}%P{_US}%at{_US}%B{_RS}", head, f"^{base}", "--"]
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

    def changed_paths(self, commit: str) -> list[str]:
        """The paths a commit changed against its first parent (or the empty tree)."""
        out = self.repo.git.diff_tree("--no-commit-id", "--name-only", "-r", "-z", "--root", commit)
        return sorted(p for p in out.split("\0") if p)

    def merge_base(self, a: str, b: str) -> str | None:
        """The best common ancestor of two commits, or ``None``."""
        try:
            return str(self.repo.git.merge_base(a, b)) or None
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

    # -- writing -------------------------------------------------------------------
    def commit_file(
        self, path: str, data: bytes, message: str, epoch: int, check_clean: bool = True
    ) -> str:
        """Commit ``data`` as the new content of ``path`` (repo-relative) on top of HEAD.

        Author and committer dates are ``epoch`` (UTC). Returns the new commit id.
        All or nothing (see the module docstring); :class:`CorpusError` on any failure.
        """
        lock = self.git_dir / "index.lock"
        index = self.git_dir / "index"
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            raise CorpusError(
                f"{self.root}: another git command is writing this repository"
                f" ({lock.name} exists); try again when it has finished"
            ) from None
        scratch: list[Path] = []
        target = self.root / path
        old_bytes = target.read_bytes() if target.is_file() else None
        wrote = False
        made: list[Path] = []
        committed = False
        head: str | None = None
        ref_moved = False
        try:
            head = self.head()
            if check_clean:
                reason = self.worktree_status(path)
                if reason is not None:
                    raise CorpusError(
                        f"{path}: has uncommitted changes ({reason}); commit or discard them first"
                    )
            ident = self.identity()
            blob = self._store_blob(data, scratch)
            tree_index = self._scratch_index(scratch, copy_from=None)
            env = {"GIT_INDEX_FILE": str(tree_index)}
            if head is not None:
                self.repo.git.read_tree(head, env=env)
            self.repo.git.update_index("--add", "--cacheinfo", f"100644,{blob},{path}", env=env)
            tree = str(self.repo.git.write_tree(env=env))
            date = f"@{epoch} +0000"
            commit_env = {
                "GIT_AUTHOR_NAME": ident.name,
                "GIT_AUTHOR_EMAIL": ident.email,
                "GIT_AUTHOR_DATE": date,
                "GIT_COMMITTER_NAME": ident.name,
                "GIT_COMMITTER_EMAIL": ident.email,
                "GIT_COMMITTER_DATE": date,
            }
            parents = ["-p", head] if head is not None else []
            commit = str(self.repo.git.commit_tree(tree, *parents, "-m", message, env=commit_env))

            new_index = self._scratch_index(scratch, copy_from=index)
            # Folders are made here, under the lock: made outside it, a concurrent add that
            # lost the lock could remove a folder the winner is about to write into.
            made = _make_parents(target.parent, self.root)
            atomic_write(target, data)
            wrote = True
            # The entry is the blob just committed (never re-hashed through filters), then
            # its stat data is refreshed so that git status sees a clean file at once.
            new_env = {"GIT_INDEX_FILE": str(new_index)}
            self.repo.git.update_index("--add", "--cacheinfo", f"100644,{blob},{path}", env=new_env)
            with contextlib.suppress(git.GitCommandError):  # exits 1 when others need updating
                self.repo.git.update_index("-q", "--refresh", env=new_env)
            if self.before_ref_update is not None:
                self.before_ref_update()
            subject = message.split("\n", 1)[0]
            self.repo.git.update_ref("-m", f"resdiff add: {subject}", "HEAD", commit, head or "")
            ref_moved = True
            with os.fdopen(fd, "wb") as fh:
                fd = -1
                fh.write(new_index.read_bytes())
            os.replace(lock, index)
            committed = True
            return commit
        except git.GitCommandError as exc:
            raise CorpusError(
                f"{path}: git {exc.command[1] if len(exc.command) > 1 else ''}"
                f" failed: {_stderr(exc)}"
            ) from None
        finally:
            if fd >= 0:
                os.close(fd)
            if not committed:
                if ref_moved:
                    self._undo_ref(head, commit)
                if wrote:
                    if old_bytes is None:
                        target.unlink(missing_ok=True)
                    else:
                        atomic_write(target, old_bytes)
                for folder in made:
                    with contextlib.suppress(OSError):  # only if still empty
                        folder.rmdir()
                lock.unlink(missing_ok=True)
            for tmp in scratch:
                tmp.unlink(missing_ok=True)
                Path(f"{tmp}.lock").unlink(missing_ok=True)

    def _undo_ref(self, head: str | None, commit: str) -> None:
        """Put HEAD back where it was (delete the branch again after a first commit)."""
        with contextlib.suppress(git.GitCommandError):  # nothing better left to do
            if head is None:
                self.repo.git.update_ref("-d", "HEAD", commit)
            else:
                self.repo.git.update_ref("-m", "resdiff add: roll back", "HEAD", head, commit)

    def _store_blob(self, data: bytes, scratch: list[Path]) -> str:
        fd, name = tempfile.mkstemp(prefix="resdiff-blob.", dir=self.git_dir)
        scratch.append(Path(name))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return str(self.repo.git.hash_object("-w", "--no-filters", "--", name))

    def subject(self, commit: str) -> str:
        """The first line of a commit's message."""
        return str(self.repo.git.log("-1", "--format=%s", commit, "--"))

    def _scratch_index(self, scratch: list[Path], copy_from: Path | None) -> Path:
        fd, name = tempfile.mkstemp(prefix="resdiff-index.", dir=self.git_dir)
        os.close(fd)
        path = Path(name)
        scratch.append(path)
        if copy_from is not None and copy_from.is_file():
            shutil.copyfile(copy_from, path)
        else:
            path.unlink()  # git wants a missing or a valid index file
        return path

    def fast_import(self, stream: Iterable[bytes]) -> None:
        """Feed a ``git fast-import`` stream (an argument list, never a shell).

        The stream must end with ``done``. When producing it fails (a refused text), the
        process is killed before it can update any ref, and its scratch pack is removed.
        """
        pack_dir = self.common_dir / "objects" / "pack"
        before = set(pack_dir.glob("tmp_pack_*")) | set(self.common_dir.glob("fast_import_crash_*"))
        proc = subprocess.Popen(
            ["git", "fast-import", "--quiet", "--done"],
            cwd=self.root,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        assert proc.stdin is not None and proc.stderr is not None
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

    def checkout_update(self, old: str | None, new: str) -> None:
        """Bring index and working tree from ``old`` to ``new`` (a two-tree merge, -u)."""
        try:
            # A two-tree merge keeps whatever else is staged; from an unborn branch the
            # old tree is the empty tree.
            self.repo.git.read_tree("-m", "-u", old or EMPTY_TREE, new)
        except git.GitCommandError as exc:
            raise CorpusError(
                f"{self.root}: could not update the working tree: {_stderr(exc)}"
            ) from None


def check_rev_exists(repo: GitRepo, rev: str) -> str:
    """The commit of ``rev``; :class:`RefError` when git does not know it."""
    sha = repo.resolve(rev)
    if sha is None:
        raise RefError(f"unknown git revision {rev!r}")
    return sha


def _make_parents(folder: Path, root: Path) -> list[Path]:
    """Create ``folder`` and its missing parents below ``root``; the created ones, deepest first."""
    missing: list[Path] = []
    while folder != root and not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
    return missing
