"""The corpus: resolutions as files of a git repository, revisions as commits with trailers.

:class:`Corpus` answers every question about revisions — which exist, the text of one,
what changed between them (log), where each clause came from (blame), one clause through
time (history), whether a proposal is sound (check) — and makes the two writes (add one
revision, import many). It returns model objects and raises :class:`ResdiffError`
subclasses; it never prints. Git access goes through :mod:`resdiff.corpus.repo` only.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from resdiff.changes import ClauseRef, Diff
from resdiff.corpus import blame as blame_mod
from resdiff.corpus.cache import DiffCache
from resdiff.corpus.records import (
    BlameEntry,
    CheckReport,
    ClauseHistory,
    ImportResult,
    LogEntry,
    Revision,
)
from resdiff.corpus.refs import (
    ResolutionId,
    check_date,
    check_git_rev,
    check_revision_name,
    check_shorthand,
    is_revision_name,
    matches_shorthand,
    subject_title,
)
from resdiff.corpus.repo import GitRepo, init_repo, is_inside_repo
from resdiff.corpus.texts import TextHasErrors, check_text
from resdiff.corpus.trailers import Trailers, adoption_epoch, format_message, parse_trailers
from resdiff.errors import CorpusError, RefError
from resdiff.files import atomic_write, decode

if TYPE_CHECKING:
    from resdiff.model import Resolution

CONFIG = "resdiff.toml"
CONFIG_TEXT = """\
# A resdiff corpus: one UTF-8 text file per resolution, <body>/<kind>-<number>.txt
# (e.g. itu-pp/res-179.txt); each adopted revision is one commit carrying the trailers
# Resdiff-Resolution, Resdiff-Revision and Resdiff-Adopted. See docs/corpus.md.
[corpus]
format = 1
"""


def find_corpus(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding a ``resdiff.toml``, or ``None``."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG).is_file():
            return folder
    return None


def clause_refs(resolution: Resolution) -> list[ClauseRef]:
    """Every clause of a parsed resolution as the change model names them, in order."""
    return [ClauseRef(c.path, c.label, c.section, c.text) for c in resolution.clauses()]


class Corpus:
    """A corpus folder (with ``resdiff.toml``) inside a git working tree."""

    def __init__(self, path: str | Path) -> None:
        folder = Path(path)
        if not folder.is_dir():
            raise CorpusError(
                f"{path}: no such corpus folder; create one with 'resdiff init {path}'"
            )
        if not (folder / CONFIG).is_file():
            raise CorpusError(f"{path}: not a corpus (no {CONFIG}); run 'resdiff init {path}'")
        self.path = folder.resolve()
        self.git = GitRepo(self.path)
        rel = self.path.relative_to(self.git.root).as_posix()
        #: The corpus folder relative to the repository root, with a trailing slash ('' at root).
        self.prefix = "" if rel == "." else rel + "/"
        self.cache = DiffCache(self.git.common_dir / "resdiff-cache" / "diffs")
        self._scans: dict[tuple[str, str], dict[ResolutionId, list[Revision]]] = {}
        self._parsed: dict[str, Resolution] = {}

    # -- creating ------------------------------------------------------------------
    @classmethod
    def init(cls, path: str | Path) -> Corpus:
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

    # -- names ---------------------------------------------------------------------
    def repo_path(self, rid: ResolutionId) -> str:
        """The file of a resolution, relative to the repository root."""
        return self.prefix + rid.relpath

    def resolution_ids(self, commit: str | None = None) -> list[ResolutionId]:
        """Every resolution of the corpus: in the working tree and at ``commit`` (HEAD)."""
        found: set[ResolutionId] = set()
        for rel in self.worktree_files():
            rid = ResolutionId.from_relpath(rel)
            if rid is not None:
                found.add(rid)
        commit = commit or self.git.head()
        if commit is not None:
            for path, _blob in self.git.ls_tree(commit, self.prefix):
                rid = ResolutionId.from_relpath(path[len(self.prefix) :])
                if rid is not None:
                    found.add(rid)
        return sorted(found)

    def resolve_id(self, text: str) -> ResolutionId:
        """``itu-pp/res-179``, ``res-179`` or ``179`` → the one resolution it names."""
        check_shorthand(text)
        if "/" in text:
            return ResolutionId.parse(text)
        ids = self.resolution_ids()
        matches = [rid for rid in ids if matches_shorthand(rid, text)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            known = ", ".join(str(r) for r in ids[:20]) or "none yet"
            raise RefError(f"no resolution {text!r} in the corpus {self.path}; known: {known}")
        raise RefError(
            f"{text!r} is ambiguous: {', '.join(str(r) for r in matches)}; use the full id"
        )

    def worktree_files(self) -> Iterator[str]:
        for path in sorted(self.path.rglob("*.txt")):
            rel = path.relative_to(self.path)
            if any(part.startswith(".") for part in rel.parts) or not path.is_file():
                continue
            yield rel.as_posix()

    # -- revisions -----------------------------------------------------------------
    def scan(
        self, commit: str, rid: ResolutionId | None = None
    ) -> dict[ResolutionId, list[Revision]]:
        """Every revision of every resolution (or of ``rid`` only: one path-limited
        ``git log``, fast in a corpus of thousands of commits) reachable from ``commit``,
        in history order."""
        pathspec = self.prefix if rid is None else self.repo_path(rid)
        cached = self._scans.get((commit, pathspec))
        if cached is not None:
            return cached
        found: dict[ResolutionId, dict[str, Revision]] = {}
        for info, changed in self.git.file_log(commit, pathspec):
            trailers = parse_trailers(info.message)
            if trailers.revision is None:
                continue
            for path, blob in changed.items():
                if not path.startswith(self.prefix):
                    continue
                rid = ResolutionId.from_relpath(path[len(self.prefix) :])
                if rid is None or blob is None:
                    continue
                if trailers.resolution is not None and trailers.resolution != str(rid):
                    continue
                name = trailers.revision
                if not is_revision_name(name):
                    continue
                revs = found.setdefault(rid, {})
                adopted: date | None = _adopted(trailers, info.author_time)
                earlier = revs.get(name)  # an erratum keeps the revision's place
                if earlier is not None and trailers.adopted is None:
                    adopted = earlier.adopted
                revs[name] = Revision(rid, name, adopted, info.sha, blob)
        result = {r: list(revs.values()) for r, revs in found.items()}
        self._scans[(commit, pathspec)] = result
        return result

    def revisions(self, rid: ResolutionId, rev: str = "HEAD") -> list[Revision]:
        """The revisions of one resolution reachable from ``rev``, oldest first."""
        commit = self._commit(rev)
        if commit is None:
            return []
        return list(self.scan(commit, rid).get(rid, []))

    def conferences(self, rev: str = "HEAD") -> dict[str, date | None]:
        """Every revision name in the corpus with its adoption date, in date order."""
        commit = self._commit(rev)
        names: dict[str, date | None] = {}
        if commit is not None:
            for revs in self.scan(commit).values():
                for r in revs:
                    names.setdefault(r.name, r.adopted)
        return dict(sorted(names.items(), key=lambda kv: (kv[1] or date.max, kv[0])))

    def _commit(self, rev: str) -> str | None:
        check_git_rev(rev)
        return self.git.resolve(rev)

    def at(self, rid: ResolutionId, rev: str | None = None) -> Revision:
        """The revision ``rev`` of a resolution: a revision name, or any git rev (default HEAD).

        A git rev that is not a revision commit gives a *pseudo* revision named by ``rev``
        (``adopted`` is ``None``). Unknown → :class:`RefError` listing the known revisions.
        """
        return self._locate(rid, rev)[0]

    def _locate(self, rid: ResolutionId, rev: str | None) -> tuple[Revision, list[Revision]]:
        """The revision ``rev`` names, and the revisions reachable from it, oldest first."""
        revisions = self.revisions(rid)
        if rev is None:
            rev = "HEAD"
        else:
            for i, r in enumerate(revisions):
                if r.name == rev:
                    return r, revisions[: i + 1]
        check_git_rev(rev)
        commit = self.git.resolve(rev)
        if commit is None:
            known = ", ".join(r.name for r in revisions) or "none"
            raise RefError(
                f"unknown revision {rev!r} of {rid}; known revisions: {known} (or any git rev)"
            )
        blob = self.git.blob_at(commit, self.repo_path(rid))
        if blob is None:
            raise RefError(f"{rid} does not exist at {rev} ({commit[:10]})")
        head = self.git.head()
        reachable = revisions if commit == head else self.revisions(rid, commit)
        if reachable and reachable[-1].blob == blob:
            return reachable[-1], reachable
        pseudo = Revision(rid, rev, None, commit, blob)
        return pseudo, [*reachable, pseudo]

    def text(self, rid: ResolutionId, rev: str | None = None) -> str:
        """The text of a resolution at a revision (name or git rev)."""
        return self.read(self.at(rid, rev))

    def read(self, revision: Revision) -> str:
        """The text of a revision."""
        where = f"{revision.resolution}@{revision.name}"
        return decode(self.git.read_blob(revision.blob), where)

    def parsed(self, revision: Revision) -> Resolution:
        """The parsed text of a revision (memoised by blob)."""
        found = self._parsed.get(revision.blob)
        if found is None:
            from resdiff import parse

            source = f"{revision.resolution.relpath}@{revision.name}"
            found = parse(self.read(revision), source=source)
            self._parsed[revision.blob] = found
        return found

    def pair_diff(self, old: Revision, new: Revision) -> Diff:
        """The clause diff of two revisions, through the blob-keyed cache."""

        def compute() -> Diff:
            from resdiff import diff

            return diff(self.parsed(old), self.parsed(new))

        return self.cache.get_or_compute(old.blob, new.blob, compute)

    def chain(self, rid: ResolutionId, rev: str | None = None) -> list[Revision]:
        """The revisions leading to ``rev`` (default: HEAD), oldest first, ending with it."""
        return self._locate(rid, rev)[1]

    def tree(self, conference: str) -> dict[str, str]:
        """The whole corpus as of a conference: each resolution's latest revision adopted
        on or before that conference's date, as ``{relative path: text}``."""
        check_revision_name(conference)
        conferences = self.conferences()
        if conference not in conferences:
            known = ", ".join(conferences) or "none"
            raise RefError(
                f"unknown revision {conference!r} in {self.path}; known revisions: {known}"
            )
        day = conferences[conference] or date.max
        head = self.git.head()
        assert head is not None
        files: dict[str, str] = {}
        for rid, revisions in sorted(self.scan(head).items()):
            chosen = None
            for r in revisions:
                if r.name == conference or (r.adopted is not None and r.adopted <= day):
                    chosen = r
            if chosen is not None:
                files[rid.relpath] = self.read(chosen)
        return files

    def tree_for(self, rev: str) -> dict[str, str]:
        """``@REV``: the corpus as of a conference (a revision name), else at a git rev;
        :class:`RefError` listing the known revision names when it is neither."""
        check_git_rev(rev)
        conferences = self.conferences()
        if rev in conferences:
            return self.tree(rev)
        if self.git.resolve(rev) is None:
            known = ", ".join(conferences) or "none"
            raise RefError(
                f"unknown revision {rev!r} in {self.path}; known revisions: {known}"
                " (or any git rev)"
            )
        return self.tree_at_commit(rev)

    def tree_at_commit(self, rev: str) -> dict[str, str]:
        """Every resolution file at a git rev, as ``{relative path: text}``."""
        check_git_rev(rev)
        commit = self.git.resolve(rev)
        if commit is None:
            raise RefError(f"unknown git revision {rev!r}")
        files = {}
        for path, blob in self.git.ls_tree(commit, self.prefix):
            rel = path[len(self.prefix) :]
            if ResolutionId.from_relpath(rel) is not None:
                files[rel] = decode(self.git.read_blob(blob), f"{rel}@{rev}")
        return files

    # -- adding --------------------------------------------------------------------
    def add(
        self,
        text: str,
        resolution: str,
        revision: str,
        adopted: str,
        *,
        title: str | None = None,
        source: str | None = None,
    ) -> Revision:
        """Commit ``text`` (parsed, then written in canonical form) as a revision.

        Refuses (:class:`TextHasErrors`) a text with parser errors, one whose number
        line names another resolution, a revision older than the latest one, and a file
        with uncommitted changes. All or nothing: on failure nothing in the repository
        or working tree has changed.
        """
        rid = ResolutionId.parse(resolution)
        check_revision_name(revision)
        day = check_date(adopted)
        from resdiff import parse

        parsed = parse(text, source=source)
        check_text(parsed, source, rid.number)
        existing = self.revisions(rid)
        names = [r.name for r in existing]
        if revision not in names and existing:
            latest = max(
                (r for r in existing if r.adopted),
                key=lambda r: r.adopted or date.min,
                default=None,
            )
            if latest is not None and latest.adopted is not None and day < latest.adopted:
                raise CorpusError(
                    f"{rid}: revision {revision} (adopted {day}) is older than {latest.name}"
                    f" (adopted {latest.adopted}); add revisions in date order"
                )
        verb = "Correct" if revision in names else "Add"
        shown = title or subject_title(parsed.number) or revision
        subject = f"{verb} {rid.kind_word} {rid.shown_number} ({shown})"
        message = format_message(subject, str(rid), revision, day.isoformat())
        canonical = parsed.to_text()
        commit = self.git.commit_file(
            self.repo_path(rid), canonical.encode("utf-8"), message, adoption_epoch(day)
        )
        self.forget()
        blob = self.git.blob_at(commit, self.repo_path(rid))
        assert blob is not None
        return Revision(rid, revision, day, commit, blob)

    # -- questions -----------------------------------------------------------------
    def log(self, rid: ResolutionId, rev: str | None = None) -> list[LogEntry]:
        """The revisions up to ``rev`` (default HEAD), oldest first, each with its change
        summary against the previous one."""
        chain = self.chain(rid, rev)
        entries = []
        for i, r in enumerate(chain):
            if i == 0:
                count = sum(1 for _ in self.parsed(r).clauses())
                entries.append(LogEntry(r, None, count))
            else:
                d = self.pair_diff(chain[i - 1], r)
                count = sum(1 for c in d.changes if c.new for _ in c.new)
                entries.append(LogEntry(r, d.summary, count))
        return entries

    def _diffs(self, chain: Sequence[Revision]) -> list[Diff]:
        return [self.pair_diff(a, b) for a, b in itertools.pairwise(chain)]

    def _first_clauses(self, chain: Sequence[Revision], diffs: Sequence[Diff]) -> list[ClauseRef]:
        if diffs:
            seen: dict[str, ClauseRef] = {}
            for change in diffs[0].changes:
                for ref in change.old:
                    seen.setdefault(ref.path, ref)
            return list(seen.values())
        return clause_refs(self.parsed(chain[0]))

    def blame(self, rid: ResolutionId, rev: str | None = None) -> list[BlameEntry]:
        """For every clause of the revision, the revision that introduced it and the last
        one that amended it, followed through moves, re-lettering, splits and merges."""
        chain = self.chain(rid, rev)
        diffs = self._diffs(chain)
        final = clause_refs(self.parsed(chain[-1]))
        return blame_mod.blame(chain, self._first_clauses(chain, diffs), diffs, final)

    def history(self, rid: ResolutionId, path: str, rev: str | None = None) -> ClauseHistory:
        """One clause through all revisions (up to ``rev``), with its word changes."""
        chain = self.chain(rid, rev)
        diffs = self._diffs(chain)
        steps = blame_mod.history(chain, self._first_clauses(chain, diffs), diffs, path)
        return ClauseHistory(rid, path, tuple(steps))

    # -- checking and importing (see resdiff.corpus.checks / resdiff.corpus.importer) -----
    def check(self, base: str | None = None) -> CheckReport:
        """Validate the corpus: every file (or, with ``base``, those changed since it) and
        the trailers of revision commits; with ``base``, each changed resolution's diff."""
        from resdiff.corpus.checks import check_corpus

        return check_corpus(self, base)

    def import_dir(
        self, folder: str | Path, *, verbatim: bool = False, workers: int = 2
    ) -> ImportResult:
        """Load ``<body>/<kind>-<number>/<revision>.txt`` files (with ``revisions.csv``
        giving each revision's adoption date) as revision commits, in date order, through
        ``git fast-import``; see :func:`resdiff.corpus.importer.import_folder`."""
        from resdiff.corpus.importer import import_folder

        result = import_folder(self, Path(folder), verbatim=verbatim, workers=workers)
        self.forget()
        return result

    def forget(self) -> None:
        """Drop what this object remembers of the history (after a write)."""
        self._scans.clear()

    # -- checking ------------------------------------------------------------------
    # -- importing -----------------------------------------------------------------


def _adopted(trailers: Trailers, author_time: int) -> date:
    if trailers.adopted:
        try:
            return check_date(trailers.adopted)
        except RefError:
            pass
    return datetime.fromtimestamp(author_time, tz=timezone.utc).date()


__all__ = ["CONFIG", "Corpus", "TextHasErrors", "find_corpus"]
