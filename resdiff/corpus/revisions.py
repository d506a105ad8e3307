"""The revision index: which revisions of which resolution exist, read from commit trailers.

A revision is a commit whose ``Resdiff-Revision`` trailer names it and that changed the
resolution's file (:mod:`resdiff.corpus.trailers`). :class:`RevisionIndex` reads them with
one ``git log`` over the store, remembers each scan until the next write, and locates
what a user's ``@REV`` names: a revision name, or any git rev (a *pseudo* revision).
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from resdiff.corpus.records import Revision
from resdiff.corpus.refs import ResolutionId, check_date, is_revision_name
from resdiff.corpus.store import Store
from resdiff.corpus.trailers import Trailers, parse_trailers
from resdiff.errors import RefError

#: Every revision of every resolution found, in history order.
Scan = dict[ResolutionId, list[Revision]]


class RevisionIndex:
    """The revisions of a store's resolutions, scanned from git and memoised per commit."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._scans: dict[tuple[str, ResolutionId | None], Scan] = {}

    def forget(self) -> None:
        """Drop every remembered scan (after a write)."""
        self._scans.clear()

    def scan(self, commit: str, rid: ResolutionId | None = None) -> Scan:
        """Every revision of every resolution (or of ``rid`` only: one path-limited
        ``git log``, fast in a corpus of thousands of commits) reachable from ``commit``,
        in history order."""
        cached = self._scans.get((commit, rid))
        if cached is not None:
            return cached
        found: dict[ResolutionId, dict[str, Revision]] = {}
        for info, changed in self.store.log(commit, rid):
            trailers = parse_trailers(info.message)
            name = trailers.revision
            if name is None or not is_revision_name(name):
                continue
            for rel, blob in changed.items():
                file_rid = ResolutionId.from_relpath(rel)
                if file_rid is None or blob is None:
                    continue
                if trailers.resolution is not None and trailers.resolution != str(file_rid):
                    continue
                revs = found.setdefault(file_rid, {})
                adopted: date | None = _adopted(trailers, info.author_time)
                earlier = revs.get(name)  # an erratum keeps the revision's place
                if earlier is not None and trailers.adopted is None:
                    adopted = earlier.adopted
                revs[name] = Revision(file_rid, name, adopted, info.sha, blob)
        result = {r: list(revs.values()) for r, revs in found.items()}
        self._scans[(commit, rid)] = result
        return result

    def commit(self, rev: str) -> str | None:
        """The commit a git rev names (validated first), or ``None``."""
        return self.store.resolve(rev)

    def revisions(self, rid: ResolutionId, rev: str = "HEAD") -> list[Revision]:
        """The revisions of one resolution reachable from ``rev``, oldest first."""
        commit = self.commit(rev)
        if commit is None:
            return []
        return list(self.scan(commit, rid).get(rid, []))

    def conferences(self, rev: str = "HEAD") -> dict[str, date | None]:
        """Every revision name in the corpus with its adoption date, in date order."""
        commit = self.commit(rev)
        names: dict[str, date | None] = {}
        if commit is not None:
            for revs in self.scan(commit).values():
                for r in revs:
                    names.setdefault(r.name, r.adopted)
        return dict(sorted(names.items(), key=lambda kv: (kv[1] or date.max, kv[0])))

    def locate(self, rid: ResolutionId, rev: str | None) -> tuple[Revision, list[Revision]]:
        """The revision ``rev`` names (default HEAD), and the revisions reachable from it,
        oldest first, ending with it.

        A git rev that is not a revision commit gives a *pseudo* revision named by ``rev``
        (``adopted`` is ``None``). Unknown → :class:`RefError` listing the known revisions.
        """
        revisions = self.revisions(rid)
        if rev is None:
            rev = "HEAD"
        else:
            for i, r in enumerate(revisions):
                if r.name == rev:
                    return r, revisions[: i + 1]
        commit = self.commit(rev)
        if commit is None:
            known = ", ".join(r.name for r in revisions) or "none"
            raise RefError(
                f"unknown revision {rev!r} of {rid}; known revisions: {known} (or any git rev)"
            )
        blob = self.store.blob_at(commit, rid)
        if blob is None:
            raise RefError(f"{rid} does not exist at {rev} ({commit[:10]})")
        head = self.store.head()
        reachable = revisions if commit == head else self.revisions(rid, commit)
        if reachable and reachable[-1].blob == blob:
            return reachable[-1], reachable
        pseudo = Revision(rid, rev, None, commit, blob)
        return pseudo, [*reachable, pseudo]


def _adopted(trailers: Trailers, author_time: int) -> date:
    if trailers.adopted:
        try:
            return check_date(trailers.adopted)
        except RefError:
            pass
    return datetime.fromtimestamp(author_time, tz=timezone.utc).date()
