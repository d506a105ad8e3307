"""The corpus: resolutions as files of a git repository, revisions as commits with trailers.

:class:`Corpus` is the API the CLI (and a library user) calls: which revisions exist, the
text of one, what changed between them (log), where each clause came from (blame), one
clause through time (history), whether a proposal is sound (check), and the two writes
(add one revision, import many). It returns model objects and raises
:class:`ResdiffError` subclasses; it never prints. It is thin: the work is done by the
layers underneath — :mod:`~resdiff.corpus.store` (folder, files, git),
:mod:`~resdiff.corpus.revisions` (the revision index), :mod:`~resdiff.corpus.snapshots`
(texts, parsed and diffed), :mod:`~resdiff.corpus.plan` (what a revision commit says),
:mod:`~resdiff.corpus.checks` and :mod:`~resdiff.corpus.importer`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from resdiff.changes import ClauseRef, Diff
from resdiff.corpus import blame as blame_mod
from resdiff.corpus.cache import DiffCache
from resdiff.corpus.checks import check_corpus
from resdiff.corpus.importer import import_folder
from resdiff.corpus.plan import plan_revision
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
    check_revision_name,
    check_shorthand,
    matches_shorthand,
)
from resdiff.corpus.revisions import RevisionIndex
from resdiff.corpus.snapshots import Snapshots
from resdiff.corpus.store import CONFIG, Store, find_corpus
from resdiff.corpus.texts import TextHasErrors, check_text
from resdiff.errors import RefError

if TYPE_CHECKING:
    from resdiff.model import Resolution


def clause_refs(resolution: Resolution) -> list[ClauseRef]:
    """Every clause of a parsed resolution as the change model names them, in order."""
    return [ClauseRef(c.path, c.label, c.section, c.text) for c in resolution.clauses()]


class Corpus:
    """A corpus folder (with ``resdiff.toml``) inside a git working tree."""

    def __init__(self, path: str | Path) -> None:
        self.store = Store(path)
        self.index = RevisionIndex(self.store)
        self.snapshots = Snapshots(self.index)

    @classmethod
    def init(cls, path: str | Path) -> Corpus:
        """Make ``path`` a corpus: ``git init`` unless it is in a repository; ``resdiff.toml``."""
        return cls(Store.create(path).path)

    def configure_drivers(self) -> list[str]:
        """Make git merge and diff the corpus's texts with resdiff (see
        :meth:`~resdiff.corpus.store.Store.configure_drivers`); what was done, one line each."""
        return self.store.configure_drivers()

    @property
    def path(self) -> Path:
        """The corpus folder (absolute)."""
        return self.store.path

    @property
    def root(self) -> Path:
        """The root of the git working tree that holds the corpus."""
        return self.store.root

    @property
    def prefix(self) -> str:
        """The corpus folder relative to the repository root, with a trailing slash ('' at root)."""
        return self.store.prefix

    @property
    def cache(self) -> DiffCache:
        """The pair-diff cache (its hit and miss counts show what a command recomputed)."""
        return self.snapshots.cache

    # -- names ---------------------------------------------------------------------
    def resolve_id(self, text: str) -> ResolutionId:
        """``itu-pp/res-179``, ``res-179`` or ``179`` → the one resolution it names."""
        check_shorthand(text)
        if "/" in text:
            return ResolutionId.parse(text)
        ids = self.store.resolution_ids()
        matches = [rid for rid in ids if matches_shorthand(rid, text)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            known = ", ".join(str(r) for r in ids[:20]) or "none yet"
            raise RefError(f"no resolution {text!r} in the corpus {self.path}; known: {known}")
        raise RefError(
            f"{text!r} is ambiguous: {', '.join(str(r) for r in matches)}; use the full id"
        )

    # -- revisions and texts -------------------------------------------------------
    def revisions(self, rid: ResolutionId, rev: str = "HEAD") -> list[Revision]:
        """The revisions of one resolution reachable from ``rev``, oldest first."""
        return self.index.revisions(rid, rev)

    def at(self, rid: ResolutionId, rev: str | None = None) -> Revision:
        """The revision ``rev`` of a resolution: a revision name, or any git rev (default HEAD).

        A git rev that is not a revision commit gives a *pseudo* revision named by ``rev``
        (``adopted`` is ``None``). Unknown → :class:`RefError` listing the known revisions.
        """
        return self.index.locate(rid, rev)[0]

    def text(self, rid: ResolutionId, rev: str | None = None) -> str:
        """The text of a resolution at a revision (name or git rev)."""
        return self.read(self.at(rid, rev))

    def read(self, revision: Revision) -> str:
        """The text of a revision."""
        return self.snapshots.read(revision)

    def subject(self, revision: Revision) -> str:
        """The subject line of a revision's commit."""
        return self.store.subject(revision.commit)

    def tree(self, conference: str) -> dict[str, str]:
        """The whole corpus as of a conference: each resolution's latest revision adopted
        on or before that conference's date, as ``{relative path: text}``."""
        return self.snapshots.as_of(conference)

    def tree_for(self, rev: str) -> dict[str, str]:
        """``@REV``: the corpus as of a conference (a revision name), else at a git rev;
        :class:`RefError` listing the known revision names when it is neither."""
        return self.snapshots.at_rev(rev)

    # -- writing -------------------------------------------------------------------
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
        from resdiff.parsing import parse_text as parse

        parsed = parse(text, source=source)
        check_text(parsed, source, rid.number)
        plan = plan_revision(rid, revision, day, self.revisions(rid))
        message = plan.message(parsed.number, title)
        commit, blob = self.store.commit(rid, parsed.to_text().encode("utf-8"), message, plan.epoch)
        self.index.forget()
        return Revision(rid, revision, day, commit, blob)

    def import_dir(
        self,
        folder: str | Path,
        *,
        verbatim: bool = False,
        workers: int = 2,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportResult:
        """Load ``<body>/<kind>-<number>/<revision>.txt`` files (with ``revisions.csv``
        giving each revision's adoption date) as revision commits, in date order, through
        ``git fast-import``; see :func:`resdiff.corpus.importer.import_folder`
        (``progress(done, total)`` follows the commits)."""
        try:
            return import_folder(
                self.index, Path(folder), verbatim=verbatim, workers=workers, progress=progress
            )
        finally:
            self.index.forget()

    # -- questions -----------------------------------------------------------------
    def log(self, rid: ResolutionId, rev: str | None = None) -> list[LogEntry]:
        """The revisions up to ``rev`` (default HEAD), oldest first, each with its change
        summary against the previous one."""
        chain = self._chain(rid, rev)
        entries = []
        for i, r in enumerate(chain):
            if i == 0:
                count = sum(1 for _ in self.snapshots.parsed(r).clauses())
                entries.append(LogEntry(r, None, count))
            else:
                d = self.snapshots.pair_diff(chain[i - 1], r)
                count = sum(1 for c in d.changes if c.new for _ in c.new)
                entries.append(LogEntry(r, d.summary, count))
        return entries

    def blame(self, rid: ResolutionId, rev: str | None = None) -> list[BlameEntry]:
        """For every clause of the revision, the revision that introduced it and the last
        one that amended it, followed through moves, re-lettering, splits and merges."""
        chain = self._chain(rid, rev)
        diffs = self._diffs(chain)
        final = clause_refs(self.snapshots.parsed(chain[-1]))
        return blame_mod.blame(chain, self._first_clauses(chain, diffs), diffs, final)

    def history(self, rid: ResolutionId, path: str, rev: str | None = None) -> ClauseHistory:
        """One clause through all revisions (up to ``rev``), with its word changes."""
        chain = self._chain(rid, rev)
        diffs = self._diffs(chain)
        steps = blame_mod.history(chain, self._first_clauses(chain, diffs), diffs, path)
        return ClauseHistory(rid, path, tuple(steps))

    def check(self, base: str | None = None) -> CheckReport:
        """Validate the corpus: every file (or, with ``base``, those changed since it) and
        the trailers of revision commits; with ``base``, each changed resolution's diff."""
        return check_corpus(self.store, base)

    # -- the revision chain --------------------------------------------------------
    def _chain(self, rid: ResolutionId, rev: str | None) -> list[Revision]:
        """The revisions leading to ``rev`` (default: HEAD), oldest first, ending with it."""
        return self.index.locate(rid, rev)[1]

    def _diffs(self, chain: Sequence[Revision]) -> list[Diff]:
        return [self.snapshots.pair_diff(a, b) for a, b in itertools.pairwise(chain)]

    def _first_clauses(self, chain: Sequence[Revision], diffs: Sequence[Diff]) -> list[ClauseRef]:
        if diffs:
            seen: dict[str, ClauseRef] = {}
            for change in diffs[0].changes:
                for ref in change.old:
                    seen.setdefault(ref.path, ref)
            return list(seen.values())
        return clause_refs(self.snapshots.parsed(chain[0]))


__all__ = ["CONFIG", "Corpus", "TextHasErrors", "find_corpus"]
