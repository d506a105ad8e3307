"""Snapshots: the text of one revision (raw, parsed, diffed against another) and of the
whole corpus at a point in time — as of a conference, or at a git rev.

Parsed texts are memoised by blob id and pair diffs go through the blob-keyed
:class:`~resdiff.corpus.cache.DiffCache`, so that log, blame and history over many
revisions parse and diff each text once.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from resdiff.corpus.cache import DiffCache
from resdiff.corpus.records import Revision
from resdiff.corpus.refs import ResolutionId, check_git_rev, check_revision_name
from resdiff.corpus.revisions import RevisionIndex
from resdiff.errors import RefError

if TYPE_CHECKING:
    from resdiff.changes import Diff
    from resdiff.model import Resolution


class Snapshots:
    """Texts of revisions and of the corpus as a whole, over a revision index."""

    def __init__(self, index: RevisionIndex) -> None:
        self.index = index
        self.store = index.store
        self.cache = DiffCache(self.store.cache_dir / "diffs")
        self._parsed: dict[str, Resolution] = {}

    def read(self, revision: Revision) -> str:
        """The text of a revision."""
        return self.store.read(revision.blob, f"{revision.resolution}@{revision.name}")

    def parsed(self, revision: Revision) -> Resolution:
        """The parsed text of a revision (memoised by blob)."""
        found = self._parsed.get(revision.blob)
        if found is None:
            from resdiff.parsing import parse_text as parse

            source = f"{revision.resolution.relpath}@{revision.name}"
            found = parse(self.read(revision), source=source)
            self._parsed[revision.blob] = found
        return found

    def pair_diff(self, old: Revision, new: Revision) -> Diff:
        """The clause diff of two revisions, through the blob-keyed cache."""

        def compute() -> Diff:
            from resdiff.differ import diff_resolutions as diff

            return diff(self.parsed(old), self.parsed(new))

        return self.cache.get_or_compute(old.blob, new.blob, compute)

    def as_of(self, conference: str) -> dict[str, str]:
        """The whole corpus as of a conference: each resolution's latest revision adopted
        on or before that conference's date, as ``{relative path: text}``."""
        check_revision_name(conference)
        conferences = self.index.conferences()
        if conference not in conferences:
            known = ", ".join(conferences) or "none"
            raise RefError(
                f"unknown revision {conference!r} in {self.store.path}; known revisions: {known}"
            )
        day = conferences[conference] or date.max
        head = self.store.head()
        assert head is not None
        files: dict[str, str] = {}
        for rid, revisions in sorted(self.index.scan(head).items()):
            chosen = None
            for r in revisions:
                if r.name == conference or (r.adopted is not None and r.adopted <= day):
                    chosen = r
            if chosen is not None:
                files[rid.relpath] = self.read(chosen)
        return files

    def at_rev(self, rev: str) -> dict[str, str]:
        """``@REV``: the corpus as of a conference (a revision name), else at a git rev;
        :class:`RefError` listing the known revision names when it is neither."""
        check_git_rev(rev)
        conferences = self.index.conferences()
        if rev in conferences:
            return self.as_of(rev)
        if self.store.resolve(rev) is None:
            known = ", ".join(conferences) or "none"
            raise RefError(
                f"unknown revision {rev!r} in {self.store.path}; known revisions: {known}"
                " (or any git rev)"
            )
        return self.at_commit(rev)

    def at_commit(self, rev: str) -> dict[str, str]:
        """Every resolution file at a git rev, as ``{relative path: text}``."""
        commit = self.store.resolve(rev)
        if commit is None:
            raise RefError(f"unknown git revision {rev!r}")
        files = {}
        for rel, blob in self.store.files_at(commit):
            if ResolutionId.from_relpath(rel) is not None:
                files[rel] = self.store.read(blob, f"{rel}@{rev}")
        return files
